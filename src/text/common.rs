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
    // Two independent remarks in a row (notes joined into one message).
    Entry {
        key: "common.also",
        en: "{a} {b}",
        zh: "{a}另外，{b}",
    },
    // The action plan.
    Entry {
        key: "action.no_test_baseline",
        en: "baseline rate {baseline} leaves nothing to test",
        zh: "基线比例为 {baseline}，没有可以检验的提升空间",
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
        key: "worker.import_series_hint",
        en: "{error}. This file looks like a table of values per period (sales per week or month), not order lines: forecast it on the Forecast page with “Forecast a series file…”.",
        zh: "{error}。此文件看起来是按时期排列的数值表（每周或每月的销量），而不是订单明细：请在“预测”页面用“预测序列文件…”来预测它。",
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
    // Errors of the session store, the overview and the action plan.
    // An input cell and what is wrong with it ([`super::Location::error`]).
    Entry {
        key: "common.err.cell",
        en: "{file}, row {row}, column '{column}': {message}",
        zh: "{file} 第 {row} 行，“{column}”列：{message}",
    },
    Entry {
        key: "common.err.expected_number",
        en: "expected a number, found '{found}'",
        zh: "应为数字，实际是“{found}”",
    },
    // A parameter value outside its allowed range (the range as written in the code).
    Entry {
        key: "common.param.outside",
        en: "{v} is outside {range}",
        zh: "{v} 不在允许范围 {range} 内",
    },
    Entry {
        key: "common.param.above",
        en: "{v} is above {max}",
        zh: "{v} 超过上限 {max}",
    },
    Entry {
        key: "common.err.invalid_param",
        en: "invalid parameter {name}: {message}",
        zh: "参数 {name} 无效：{message}",
    },
    Entry {
        key: "common.err.session_unreadable",
        en: "the stored session could not be read: {error}",
        zh: "无法读取保存的会话：{error}",
    },
    Entry {
        key: "common.err.session_older",
        en: "the stored session has the older storage format {found} (this version reads {format})",
        zh: "保存的会话使用较旧的存储格式 {found}（此版本读取格式 {format}）",
    },
    Entry {
        key: "common.err.session_newer",
        en: "the stored session has the newer storage format {found} (this version reads {format})",
        zh: "保存的会话使用较新的存储格式 {found}（此版本读取格式 {format}）",
    },
    Entry {
        key: "common.err.bad_date",
        en: "{param}: '{value}' is not a date in YYYY-MM-DD form",
        zh: "{param}：“{value}”不是 YYYY-MM-DD 格式的日期",
    },
    Entry {
        key: "common.err.empty_range",
        en: "date_from {from} is after date_to {to}",
        zh: "开始日期 {from} 晚于结束日期 {to}",
    },
    Entry {
        key: "common.err.pillar",
        en: "{pillar}: {message}",
        zh: "{pillar}：{message}",
    },
    Entry {
        key: "common.err.pillar_mmm",
        en: "marketing mix",
        zh: "营销组合",
    },
    Entry {
        key: "common.err.pillar_promo",
        en: "promotion lift",
        zh: "促销提升",
    },
    Entry {
        key: "worker.inventory_async",
        en: "the inventory task runs asynchronously",
        zh: "内部错误：库存任务是异步运行的",
    },
    Entry {
        key: "worker.reads_file",
        en: "this analysis reads an attached file",
        zh: "内部错误：此分析需要读取附加的文件",
    },
    Entry {
        key: "worker.forecast_async",
        en: "the all-series forecast runs asynchronously",
        zh: "内部错误：全部序列的预测是异步运行的",
    },
    Entry {
        key: "worker.action_async",
        en: "the action plan runs asynchronously",
        zh: "内部错误：行动计划是异步运行的",
    },
    Entry {
        key: "worker.not_action_plan",
        en: "not an action plan task",
        zh: "内部错误：这不是行动计划任务",
    },
    // Errors of the web UI (the banner renders them in the language of the moment).
    Entry {
        key: "common.ui.worker_start",
        en: "Could not start the background worker: {error}",
        zh: "无法启动后台计算线程：{error}",
    },
    Entry {
        key: "common.ui.bad_reply",
        en: "Bad reply from worker: {error}",
        zh: "后台计算线程返回了无法识别的结果：{error}",
    },
    Entry {
        key: "common.ui.worker_stopped",
        en: "The background worker stopped unexpectedly (out of memory?). Reload the page to start again.",
        zh: "后台计算线程意外停止（内存不足？）。请刷新页面重新开始。",
    },
    Entry {
        key: "common.ui.no_window",
        en: "no window",
        zh: "没有浏览器窗口",
    },
    Entry {
        key: "common.ui.cannot_load",
        en: "could not load {url}: {error}",
        zh: "无法加载 {url}：{error}",
    },
    Entry {
        key: "common.ui.bad_response",
        en: "bad response",
        zh: "响应无效",
    },
    Entry {
        key: "common.ui.http_status",
        en: "could not load {url} (HTTP {status})",
        zh: "无法加载 {url}（HTTP {status}）",
    },
    Entry {
        key: "common.ui.cannot_read_url",
        en: "could not read {url}: {error}",
        zh: "无法读取 {url}：{error}",
    },
    Entry {
        key: "common.ui.not_a_file",
        en: "{url} is not a file",
        zh: "{url} 不是文件",
    },
    Entry {
        key: "common.ui.no_report",
        en: "There is no report to export yet.",
        zh: "还没有可导出的报告。",
    },
    Entry {
        key: "common.ui.choose_spend",
        en: "Choose a spend file first (or use the sample).",
        zh: "请先选择广告投入文件（或使用示例文件）。",
    },
    Entry {
        key: "common.ui.type_counts",
        en: "Type whole numbers of users and conversions for both variants (conversions ≤ users).",
        zh: "请为两个版本填写用户数和转化数（整数，转化数 ≤ 用户数）。",
    },
    Entry {
        key: "common.ui.promotion_days",
        en: "Give the promotion's first and last day (YYYY-MM-DD).",
        zh: "请填写促销的首日和末日（YYYY-MM-DD）。",
    },
    Entry {
        key: "common.ui.pick_sku",
        en: "Type or pick a product code (SKU) to forecast.",
        zh: "请输入或选择要预测的商品编码（SKU）。",
    },
    // The marketing page's channel limits field.
    Entry {
        key: "common.ui.choose_series_file",
        en: "Choose a series file first.",
        zh: "请先选择序列文件。",
    },
    Entry {
        key: "common.ui.horizon_whole",
        en: "Periods ahead must be a whole number.",
        zh: "向后预测期数必须是整数。",
    },
    Entry {
        key: "common.ui.season_whole",
        en: "Season length must be a whole number (or empty to infer it).",
        zh: "季节长度必须是整数（留空则自动推断）。",
    },
    Entry {
        key: "common.ui.channel_limits",
        en: "Channel limits: {error}",
        zh: "渠道限额：{error}",
    },
];
