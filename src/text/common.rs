//! Sentences shared by several areas.

use super::Entry;

pub const ENTRIES: &[Entry] = &[
    Entry {
        key: "common.rows_dropped",
        en: "{n} {n|row|rows} of {file} {n|was|were} set aside.",
        zh: "{file} 中有 {n} 行被搁置。",
    },
    Entry {
        key: "common.between",
        en: "between {from} and {to}",
        zh: "{from}至{to}之间",
    },
    Entry {
        key: "common.share",
        en: "{p} of the total",
        zh: "占总数的 {p}",
    },
    // Errors of the Web Worker.
    Entry {
        key: "worker.bad_request",
        en: "bad request: {error}",
        zh: "请求无效：{error}",
    },
    Entry {
        key: "worker.no_data",
        en: "no data imported yet",
        zh: "还没有导入数据",
    },
    Entry {
        key: "worker.no_series_file",
        en: "no series file attached",
        zh: "没有附上序列文件",
    },
    Entry {
        key: "worker.no_spend_file",
        en: "no spend file attached",
        zh: "没有附上广告花费文件",
    },
    Entry {
        key: "worker.import_orders_for_revenue",
        en: "import the orders first to take revenue from them",
        zh: "请先导入订单，才能从中取得销售额",
    },
    Entry {
        key: "worker.attach_experiment",
        en: "attach an experiment file or type the counts",
        zh: "请附上实验文件，或直接输入各组的用户数和转化数",
    },
    Entry {
        key: "worker.attach_prices",
        en: "import orders or attach a price file",
        zh: "请导入订单或附上价格文件",
    },
    Entry {
        key: "worker.attach_promotions",
        en: "import orders or attach a file with a promotion flag",
        zh: "请导入订单，或附上带促销标记的文件",
    },
    Entry {
        key: "worker.promotion_days",
        en: "give the promotion's first and last day",
        zh: "请填写促销的第一天和最后一天",
    },
    Entry {
        key: "worker.cannot_read",
        en: "cannot read the file: {error}",
        zh: "无法读取文件：{error}",
    },
    Entry {
        key: "worker.no_file",
        en: "no file to import",
        zh: "没有要导入的文件",
    },
];
