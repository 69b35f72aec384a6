//! Sentences of the data area: column-mapping reasons, import notes and the date-order reason.

use super::Entry;

pub const ENTRIES: &[Entry] = &[
    // Export formats (presets), nested as {label}.
    Entry {
        key: "data.preset.uci",
        en: "UCI Online Retail",
        zh: "UCI Online Retail 数据集",
    },
    Entry {
        key: "data.preset.shopify",
        en: "Shopify orders export",
        zh: "Shopify 订单导出",
    },
    Entry {
        key: "data.preset.woocommerce",
        en: "WooCommerce order export",
        zh: "WooCommerce 订单导出",
    },
    Entry {
        key: "data.preset.amazon",
        en: "Amazon Seller Central order report",
        zh: "亚马逊卖家中心订单报告",
    },
    Entry {
        key: "data.preset.etsy",
        en: "Etsy sold order items export",
        zh: "Etsy 已售订单商品导出",
    },
    Entry {
        key: "data.preset.ebay",
        en: "eBay orders report",
        zh: "eBay 订单报告",
    },
    Entry {
        key: "data.preset.etsy_orders",
        en: "Etsy sold orders export",
        zh: "Etsy 已售订单导出",
    },
    Entry {
        key: "data.preset.taobao",
        en: "Taobao / Tmall order report",
        zh: "淘宝 / 天猫订单报表",
    },
    Entry {
        key: "data.preset.square",
        en: "Square item sales export",
        zh: "Square 商品销售导出",
    },
    Entry {
        key: "data.preset.cdnow",
        en: "customer/date/quantity/amount purchase log (CDNOW-like)",
        zh: "客户/日期/数量/金额购买记录（类似 CDNOW）",
    },
    // Canonical fields, nested as {field}: the code name in English (as the CLI and the
    // English reasons always said), the Data page's field label in Chinese.
    Entry {
        key: "data.field.order_id",
        en: "order_id",
        zh: "订单号",
    },
    Entry {
        key: "data.field.order_date",
        en: "order_date",
        zh: "下单时间",
    },
    Entry {
        key: "data.field.customer_id",
        en: "customer_id",
        zh: "客户编号",
    },
    Entry {
        key: "data.field.sku",
        en: "sku",
        zh: "货号",
    },
    Entry {
        key: "data.field.product_name",
        en: "product_name",
        zh: "商品名称",
    },
    Entry {
        key: "data.field.quantity",
        en: "quantity",
        zh: "数量",
    },
    Entry {
        key: "data.field.unit_price",
        en: "unit_price",
        zh: "单价",
    },
    Entry {
        key: "data.field.line_total",
        en: "line_total",
        zh: "行金额",
    },
    Entry {
        key: "data.field.currency",
        en: "currency",
        zh: "币种",
    },
    Entry {
        key: "data.field.country",
        en: "country",
        zh: "国家/地区",
    },
    Entry {
        key: "data.field.category",
        en: "category",
        zh: "类目",
    },
    Entry {
        key: "data.field.status",
        en: "status",
        zh: "状态",
    },
    // Column-mapping reasons.
    Entry {
        key: "data.map.confirmed",
        en: "mapping you confirmed for this header row",
        zh: "沿用你为这一表头行确认过的对应关系",
    },
    Entry {
        key: "data.map.preset_field",
        en: "{label} preset: '{header}' is {field}",
        zh: "{label}格式：“{header}”列是{field}",
    },
    Entry {
        key: "data.map.preset_discount",
        en: "{label} preset: a discount, taken off the line's revenue",
        zh: "{label}格式：折扣，从该行收入中扣除",
    },
    Entry {
        key: "data.map.preset_subtotal",
        en: "{label} preset: the order's subtotal after discounts; its lines' revenue is scaled to it",
        zh: "{label}格式：订单折扣后的小计；订单各行的收入按比例调整到此金额",
    },
    Entry {
        key: "data.map.preset_refunded",
        en: "{label} preset: the amount refunded on a partially refunded order, said in a note (the order is counted in full: the export does not say which items)",
        zh: "{label}格式：部分退款订单的退款金额，在说明中列出（订单全额计入：导出文件未说明退的是哪些商品）",
    },
    Entry {
        key: "data.map.preset_cancel",
        en: "{label} preset: a value here marks the order as cancelled",
        zh: "{label}格式：此列有值表示订单已取消",
    },
    Entry {
        key: "data.map.preset_unused",
        en: "{label} preset: column not used",
        zh: "{label}格式：此列不使用",
    },
    Entry {
        key: "data.map.header_match",
        en: "header '{header}' matches {field}",
        zh: "表头“{header}”对应{field}",
    },
    Entry {
        key: "data.map.header_contains",
        en: "header '{header}' contains '{word}' ({field})",
        zh: "表头“{header}”包含“{word}”（{field}）",
    },
    Entry {
        key: "data.map.content_agrees",
        en: "{why}; {detail}",
        zh: "{why}；{detail}",
    },
    Entry {
        key: "data.map.order_total",
        en: "'{header}' is above '{qty}' × '{price}' on {over} of {n} sample rows: the order's total (shipping, tax or other lines included), not the line's; revenue is quantity × unit price",
        zh: "“{header}”在 {n} 个样本行中有 {over} 行高于“{qty}”×“{price}”：这是整笔订单的总额（含运费、税或订单其他行），不是该行的金额；收入按数量 × 单价计算",
    },
    Entry {
        key: "data.map.content_disagrees",
        en: "{why}, but only {detail}",
        zh: "{why}，但相符的值偏少（{detail}）",
    },
    Entry {
        key: "data.map.sample_dates",
        en: "{n} of {total} sample values look like dates",
        zh: "抽样的 {total} 个值中有 {n} 个像日期",
    },
    Entry {
        key: "data.map.sample_numbers",
        en: "{n} of {total} sample values are numbers",
        zh: "抽样的 {total} 个值中有 {n} 个是数字",
    },
    Entry {
        key: "data.map.sample_currency",
        en: "{n} of {total} sample values are ISO currency codes",
        zh: "抽样的 {total} 个值中有 {n} 个是 ISO 币种代码",
    },
    Entry {
        key: "data.map.sample_country",
        en: "{n} of {total} sample values are country names",
        zh: "抽样的 {total} 个值中有 {n} 个是国家或地区名称",
    },
    Entry {
        key: "data.map.sample_money",
        en: "{n} of {total} sample values look like money amounts",
        zh: "抽样的 {total} 个值中有 {n} 个像金额",
    },
    Entry {
        key: "data.map.sample_small_int",
        en: "{n} of {total} sample values are small whole numbers",
        zh: "抽样的 {total} 个值中有 {n} 个是不大的整数",
    },
    Entry {
        key: "data.map.none",
        en: "no matching header or recognisable content",
        zh: "表头对不上，内容也认不出来",
    },
    // File notes.
    Entry {
        key: "data.note.saved_mapping",
        en: "used the saved mapping for this header row",
        zh: "这一表头行使用了已保存的列对应关系",
    },
    Entry {
        key: "data.note.preset",
        en: "recognised the {label} format",
        zh: "识别为{label}格式",
    },
    Entry {
        key: "data.note.shopify_fill",
        en: "Shopify repeats order-level cells only on an order's first line: empty date, e-mail, currency, country and status cells are filled from the line above when the order name is the same",
        zh: "Shopify 只在每个订单的第一行填写订单级信息：订单名相同时，空着的日期、邮箱、币种、国家和状态单元格用上一行的值补齐",
    },
    Entry {
        key: "data.note.preamble",
        en: "{n} line(s) above the header were left out (a report title: '{first}')",
        zh: "表头上方的 {n} 行未读入（报告标题：“{first}”）",
    },
    Entry {
        key: "data.note.amazon",
        en: "Amazon's 'item-price' is what the buyer paid for the whole line (all units, before tax and shipping), so it is read as the line total; the report has no customer column, so customer pages need another export",
        zh: "亚马逊的“item-price”是买家为整行（全部件数，不含税和运费）支付的金额，因此按行金额读取；该报告没有客户列，客户相关页面需要另一份导出",
    },
    Entry {
        key: "data.note.square",
        en: "Square: 'Net Sales' (after discounts) is read as the line's revenue; rows whose 'Event Type' is Refund are counted as returns",
        zh: "Square：“Net Sales”（折扣后）按行收入读取；“Event Type”为 Refund 的行计为退货",
    },
    Entry {
        key: "data.map.time_of_day",
        en: "the time of day of each order (the date column holds dates only)",
        zh: "每笔订单的时刻（日期列只有日期）",
    },
    Entry {
        key: "data.note.time_column",
        en: "the date column holds dates only: each order's time of day is read from column '{header}'",
        zh: "日期列只有日期：每笔订单的时刻取自“{header}”列",
    },
    Entry {
        key: "data.note.ebay",
        en: "eBay: 'Sold For' is the price of one unit, so a line is Quantity × Sold For; 'Total Price' also holds postage and tax and is not used",
        zh: "eBay：“Sold For”是单件价格，因此每行金额 = Quantity × Sold For；“Total Price”还包含运费和税，未使用",
    },
    Entry {
        key: "data.note.etsy_orders",
        en: "Etsy sold orders: one row per order, so customer and revenue figures are complete but products are not known (import the 'Sold Order Items' export for them); 'Order Value' is the items' price before coupon discounts, without shipping and tax",
        zh: "Etsy 已售订单：每笔订单一行，因此客户和收入数据完整，但不知道具体商品（商品请导入“Sold Order Items”）；“Order Value”是商品在优惠券折扣前的价格，不含运费和税",
    },
    Entry {
        key: "data.note.taobao",
        en: "Taobao order report: one row per order; '买家应付货款' (goods, without the postage in '买家应付邮费') is the revenue, '宝贝总数量' the units; an order of several different items has their titles in one '宝贝标题' cell, counted as one product; closed orders (交易关闭) are cancellations and orders awaiting payment (等待买家付款) are not sales",
        zh: "淘宝订单报表：每笔订单一行；“买家应付货款”（商品金额，不含“买家应付邮费”）按收入读取，“宝贝总数量”按件数读取；一笔订单有多种宝贝时，它们的标题在同一个“宝贝标题”单元格里，按一个商品计；交易关闭的订单按取消处理，等待买家付款的订单不计为销售",
    },
    Entry {
        key: "data.note.cdnow",
        en: "'amount' is the line total; no order id: one order per customer and date",
        zh: "“amount”是该行的金额；没有订单号：同一客户同一天算一笔订单",
    },
    Entry {
        key: "data.note.preset_fallback",
        en: "the headers look like the {label} format, but its amount columns are missing: columns mapped by header names and content instead",
        zh: "表头像是{label}格式，但缺少它的金额列：改为按表头名称和内容对应各列",
    },
    Entry {
        key: "data.note.footer",
        en: "{n} line(s) with words in the first cell only were left out as report lines, not orders (first: '{first}')",
        zh: "有 {n} 行只在第一个单元格有文字，按报告说明行（而非订单）未读入（第一行：“{first}”）",
    },
    Entry {
        key: "data.note.pending_kept",
        en: "{n} line(s) have the status '{status}': counted as sales (cash on delivery and bank transfers stay pending until marked paid); an order that is never paid shows up later as voided or cancelled",
        zh: "有 {n} 行的状态为“{status}”：计为销售（货到付款和银行转账在标记为已付款前都显示为待处理）；最终未付款的订单之后会显示为已作废或已取消",
    },
    Entry {
        key: "data.note.preset_currency",
        en: "no currency column: amounts read as {code}, the currency of the {preset} (the file names none)",
        zh: "没有币种列：金额按 {code} 计，即{preset}所用的币种（文件中未注明）",
    },
    Entry {
        key: "data.note.discount_taken_off",
        en: "'{discount}' taken off '{total}' on {n} row(s): revenue after discounts, before shipping and tax",
        zh: "{n} 行的“{total}”已减去“{discount}”：收入按折扣后、运费和税前计",
    },
    Entry {
        key: "data.note.subtotal_scaled",
        en: "'{subtotal}' (the order after discounts) is below its lines' price × quantity on {n} order(s): each line's revenue is scaled to it, {amount} of discounts taken off",
        zh: "有 {n} 个订单的“{subtotal}”（折扣后的订单金额）低于各行单价 × 数量之和：各行收入按比例调整到该金额，共扣除 {amount} 折扣",
    },
    Entry {
        key: "data.note.partly_refunded",
        en: "{n} order(s) partially refunded ({amount} in all, '{refunded}'): counted in full as sales and not among the returns — the export does not say which items were refunded",
        zh: "有 {n} 个订单部分退款（共 {amount}，见“{refunded}”）：全额计为销售，不计入退货——导出文件未说明退的是哪些商品",
    },
    Entry {
        key: "data.note.formulas",
        en: "{n} text cell(s) start with =, +, - or @ like a spreadsheet formula (first: {first}): kept as plain text; CSV exports prefix them with ' so a spreadsheet shows them instead of running them",
        zh: "有 {n} 个文本单元格像电子表格公式一样以 =、+、- 或 @ 开头（第一个：{first}）：按纯文本保留；导出 CSV 时会在前面加上 '，这样电子表格只显示、不执行它们",
    },
    Entry {
        key: "data.note.markup",
        en: "{n} text cell(s) contain HTML markup (first: {first}): kept and always shown as plain text, never run as HTML or script",
        zh: "有 {n} 个文本单元格含有 HTML 标记（第一个：{first}）：已保留，并始终按纯文本显示，绝不会当作 HTML 或脚本执行",
    },
    Entry {
        key: "data.note.col_used",
        en: "column {col} is used as {field}",
        zh: "第 {col} 列用作{field}",
    },
    Entry {
        key: "data.note.col_ignored",
        en: "column {col} is ignored",
        zh: "第 {col} 列未使用",
    },
    Entry {
        key: "data.note.list",
        en: "{a}, {b}",
        zh: "{a}，{b}",
    },
    Entry {
        key: "data.note.dup_header",
        en: "header '{header}' appears {n} times (columns {cols}): {used}; check the mapping if another one holds the right values",
        zh: "表头“{header}”出现了 {n} 次（第 {cols} 列）：{used}；如果正确的数据在另一列，请检查列对应关系",
    },
    Entry {
        key: "data.note.no_order_id_customer",
        en: "no order id column: one order per customer and timestamp (guest lines: one order per row)",
        zh: "没有订单号列：同一客户同一时间的行算一笔订单（游客的行每行算一笔订单）",
    },
    Entry {
        key: "data.note.no_order_id",
        en: "no order id column and no customer column: each row is its own order",
        zh: "既没有订单号列也没有客户列：每一行算一笔订单",
    },
    Entry {
        key: "data.note.unpriced",
        en: "no price or amount column: the file is read as quantities only. Basket rules, recommendations, unit forecasts, customer segments, reorder points and the action plan work in units; revenue, customer value in money (CLV) and purchase budgets need prices",
        zh: "没有价格或金额列：本文件只按数量读取。购物篮规则、推荐、销量预测、客户分层、补货点和行动计划按件数计算；营收、客户的金额价值（CLV）和采购预算需要价格",
    },
    Entry {
        key: "data.err.unpriced",
        en: "{what} needs prices, and {files} has no price or amount column (map one on the Data page if it is there). Basket rules, recommendations, unit forecasts, customer segments and reorder points work without prices",
        zh: "{what}需要价格，而 {files} 没有价格或金额列（如果有，请在数据页指定）。购物篮规则、推荐、销量预测、客户分层和补货点不需要价格",
    },
    Entry {
        key: "data.need.inventory_budget",
        en: "A purchase budget (without unit costs in an inventory file)",
        zh: "采购预算（库存文件中没有单位成本时）",
    },
    Entry {
        key: "data.need.revenue_forecast",
        en: "A forecast of revenue",
        zh: "销售额预测",
    },
    Entry {
        key: "data.need.responders",
        en: "Who responds to a promotion (spend per customer)",
        zh: "促销响应者分析（客户消费额）",
    },
    Entry {
        key: "data.need.mmm_revenue",
        en: "Revenue from the imported orders",
        zh: "取自已导入订单的销售额",
    },
    Entry {
        key: "data.err.unpriced_after_priced",
        en: "this file has no price or amount column, but {other} has prices: import files with and without prices separately",
        zh: "本文件没有价格或金额列，而 {other} 有价格：请把有价格和没有价格的文件分开导入",
    },
    Entry {
        key: "data.err.priced_after_unpriced",
        en: "this file has prices, but {other} has no price or amount column: import files with and without prices separately",
        zh: "本文件有价格，而 {other} 没有价格或金额列：请把有价格和没有价格的文件分开导入",
    },
    Entry {
        key: "data.note.sku_from_name",
        en: "no SKU column: products are identified by their name",
        zh: "没有 SKU 列：按商品名称识别商品",
    },
    Entry {
        key: "data.note.no_quantity",
        en: "no quantity column: each line counts as quantity 1",
        zh: "没有数量列：每行按数量 1 计算",
    },
    Entry {
        key: "data.note.symbol_currency",
        en: "no currency column: currency {code} taken from the symbol in {n} amount cell(s)",
        zh: "没有币种列：根据 {n} 个金额单元格里的货币符号，币种取 {code}",
    },
    Entry {
        key: "data.note.symbol_currency_cny",
        en: "no currency column: currency {code} taken from the symbol in {n} amount cell(s) (¥/元 read as Chinese yuan, not Japanese yen)",
        zh: "没有币种列：根据 {n} 个金额单元格里的货币符号，币种取 {code}（¥/元 按人民币计，不按日元）",
    },
    Entry {
        key: "data.note.symbol_currency_usd",
        en: "no currency column: currency {code} taken from the symbol in {n} amount cell(s) ($ read as US dollar)",
        zh: "没有币种列：根据 {n} 个金额单元格里的货币符号，币种取 {code}（$ 按美元计）",
    },
    // Where a cell is ({at}) and why a row was set aside (the cleaning report's examples).
    Entry {
        key: "data.at.row",
        en: "{file}, row {row}",
        zh: "{file} 第 {row} 行",
    },
    Entry {
        key: "data.at.column",
        en: "{file}, row {row}, column '{header}'",
        zh: "{file} 第 {row} 行“{header}”列",
    },
    Entry {
        key: "data.at.column_n",
        en: "{file}, row {row}, column {col}",
        zh: "{file} 第 {row} 行第 {col} 列",
    },
    Entry {
        key: "data.at.cell",
        en: "{file}, row {row}, {column}",
        zh: "{file} 第 {row} 行{column}",
    },
    Entry {
        key: "data.at.header",
        en: "column '{header}'",
        zh: "“{header}”列",
    },
    Entry {
        key: "data.at.field",
        en: "{field}",
        zh: "{field}字段",
    },
    Entry {
        key: "data.at.value",
        en: "{at} '{value}'",
        zh: "{at}的“{value}”",
    },
    Entry {
        key: "data.drop.malformed",
        en: "{at}: malformed row",
        zh: "{at}：格式错误的行",
    },
    Entry {
        key: "data.drop.cancellation",
        en: "{at}: a cancellation or return (order id starting with C, or a cancelled/refunded status); kept aside for the returns rate, not counted as a sale",
        zh: "{at}：取消或退货（订单号以 C 开头，或状态为已取消/已退款）；单独存放用于计算退货率，不计为销售",
    },
    Entry {
        key: "data.drop.unpaid",
        en: "{at}: the order is not paid yet (awaiting payment); not counted as a sale nor as a return — it may still be paid, or be closed unpaid",
        zh: "{at}：订单尚未付款（等待付款）；不计为销售，也不算退货——之后可能付款，也可能未付款即关闭",
    },
    Entry {
        key: "data.drop.date_invalid_in_order",
        en: "{at}: {value} is not a valid date when read {read} (the order decided for this file); expected dates in one day/month order",
        zh: "{at}：按{read}（为此文件确定的顺序）读，{value} 不是有效日期；日期应统一按同一种日/月顺序书写",
    },
    Entry {
        key: "data.drop.date_unread",
        en: "{at}: the date could not be read; expected a date such as 2024-03-31 or 31/03/2024",
        zh: "{at}：日期无法识别；应为 2024-03-31 或 31/03/2024 这样的日期",
    },
    Entry {
        key: "data.drop.date_empty",
        en: "{at}: the date is empty; expected a date such as 2024-03-31, 31/03/2024 or 03/31/2024 14:05",
        zh: "{at}：日期为空；应为 2024-03-31、31/03/2024 或 03/31/2024 14:05 这样的日期",
    },
    Entry {
        key: "data.drop.not_a_date",
        en: "{at}: '{value}' is not a date this importer reads; expected a date such as 2024-03-31, 31/03/2024, 03/31/2024 14:05 or an Excel serial number",
        zh: "{at}：“{value}”不是能识别的日期；应为 2024-03-31、31/03/2024、03/31/2024 14:05 这样的日期或 Excel 日期序号",
    },
    Entry {
        key: "data.drop.no_date",
        en: "{at}: no date",
        zh: "{at}：没有日期",
    },
    Entry {
        key: "data.drop.number_unread",
        en: "{at}: a number could not be read",
        zh: "{at}：有数字无法识别",
    },
    Entry {
        key: "data.drop.number_empty",
        en: "{at}: the cell is empty; expected a finite number such as 12, 12.50, 1,234.50, 12,50 or $12.50",
        zh: "{at}：单元格为空；应为有限的数字，如 12、12.50、1,234.50、12,50 或 $12.50",
    },
    Entry {
        key: "data.drop.not_a_number",
        en: "{at}: '{value}' is not a number; expected a finite number such as 12, 12.50, 1,234.50, 12,50 or $12.50",
        zh: "{at}：“{value}”不是数字；应为有限的数字，如 12、12.50、1,234.50、12,50 或 $12.50",
    },
    Entry {
        key: "data.drop.amount_too_large",
        en: "{at}: the amount is too large (quantity × price is not a finite number); expected a finite number such as 12, 12.50, 1,234.50, 12,50 or $12.50",
        zh: "{at}：金额太大（数量 × 单价不是有限的数字）；应为有限的数字，如 12、12.50、1,234.50、12,50 或 $12.50",
    },
    Entry {
        key: "data.drop.amounts_unread",
        en: "{at}: the amounts could not be read; expected a finite number such as 12, 12.50, 1,234.50, 12,50 or $12.50",
        zh: "{at}：金额无法识别；应为有限的数字，如 12、12.50、1,234.50、12,50 或 $12.50",
    },
    Entry {
        key: "data.drop.quantity",
        en: "{at}: quantity {q} is zero or negative; expected a quantity above 0 (returns count as such only when the order id starts with C or the status says cancelled/refunded)",
        zh: "{at}：数量 {q} 为零或负数；数量应大于 0（只有订单号以 C 开头或状态为已取消/已退款时才算作退货）",
    },
    Entry {
        key: "data.drop.amount",
        en: "{at}: {what} {v} is zero or negative; expected an amount above 0",
        zh: "{at}：{what} {v} 为零或负数；金额应大于 0",
    },
    Entry {
        key: "data.drop.unit_price",
        en: "unit price",
        zh: "单价",
    },
    Entry {
        key: "data.drop.line_total",
        en: "line total",
        zh: "行金额",
    },
    Entry {
        key: "data.drop.date_range",
        en: "{at}: {value} is outside the accepted years 1970-2099 (a placeholder date or a typo?); expected the order's real date",
        zh: "{at}：{value} 不在可接受的 1970-2099 年范围内（是占位日期还是笔误？）；应为订单的真实日期",
    },
    Entry {
        key: "data.drop.duplicate",
        en: "{at}: an exact copy of an earlier row; removed because duplicate removal is on",
        zh: "{at}：与前面某一行完全相同；因已开启删除重复行而删除",
    },
    Entry {
        key: "data.drop.quote_open",
        en: "{at}: a quoted field runs over {lines} line(s) and the row has {nf} field(s) instead of {ncols}: a quote (\") opened here is probably never closed, so the following lines were read as part of this field; expected every quote to be closed on its line (or doubled as \"\" inside a value)",
        zh: "{at}：一个带引号的字段跨了 {lines} 行，这一行有 {nf} 个字段而不是 {ncols} 个：这里打开的引号（\"）可能一直没有闭合，于是后面的行都被读进了这个字段；每个引号都应在本行闭合（值里的引号写成 \"\"）",
    },
    Entry {
        key: "data.drop.too_few_fields",
        en: "{at}: {nf} field(s) but the header has {ncols}; expected one value per header column ({missing} missing from column '{header}' on)",
        zh: "{at}：只有 {nf} 个字段，而表头有 {ncols} 列；每个表头列应有一个值（从“{header}”列起缺少 {missing} 个）",
    },
    Entry {
        key: "data.drop.bad_bytes",
        en: "{at}: '{value}' holds bytes that are not valid {encoding} text (a row saved in another encoding: mixed encodings in one file); expected the whole file in one encoding",
        zh: "{at}：“{value}”含有不是有效 {encoding} 文本的字节（这一行是用另一种编码保存的：一个文件里混用了编码）；整个文件应使用同一种编码",
    },
    Entry {
        key: "data.drop.too_many_fields",
        en: "{at}: {nf} fields but the header has {ncols}; expected one value per header column (extra values from column {col} on)",
        zh: "{at}：有 {nf} 个字段，而表头只有 {ncols} 列；每个表头列应有一个值（从第 {col} 列起是多出来的值）",
    },
    // Date order.
    Entry {
        key: "data.date.forced",
        en: "date order set in the import options",
        zh: "日期顺序由导入选项指定",
    },
    Entry {
        key: "data.date.year_first",
        en: "dates are year-first (ISO-like), spell out their month (Jul-21-25) or are numeric: no day/month ambiguity",
        zh: "日期为年在前（类似 ISO）、写出月份名称（Jul-21-25）或纯数字：不存在日、月分不清的问题",
    },
    Entry {
        key: "data.date.only_day_first",
        en: "{n} value(s) such as {example} have a first part above 12, so they can only be day-first",
        zh: "有 {n} 个值（如 {example}）第一部分大于 12，只能是日在前",
    },
    Entry {
        key: "data.date.only_month_first",
        en: "{n} value(s) such as {example} have a second part above 12, so they can only be month-first",
        zh: "有 {n} 个值（如 {example}）第二部分大于 12，只能是月在前",
    },
    Entry {
        key: "data.date.conflict",
        en: "conflicting dates: {f} only fit day-first (e.g. {ex_f}), {s} only fit month-first (e.g. {ex_s}); chose {order} by majority, the others are counted as unparseable dates",
        zh: "日期互相矛盾：{f} 个只能是日在前（如 {ex_f}），{s} 个只能是月在前（如 {ex_s}）；按多数选了{order}，其余的计为无法解析的日期",
    },
    Entry {
        key: "data.date.ambiguous",
        en: "all {n} slash/dot dates have both parts <= 12 (ambiguous); assumed {order} because {why}",
        zh: "全部 {n} 个用斜杠或点分隔的日期两部分都不超过 12（无法区分）；按{order}处理，因为{why}",
    },
    Entry {
        key: "data.date.day_first",
        en: "day-first",
        zh: "日在前",
    },
    Entry {
        key: "data.date.month_first",
        en: "month-first",
        zh: "月在前",
    },
    Entry {
        key: "data.date.why_decimal_comma",
        en: "the amounts use a decimal comma (European convention)",
        zh: "金额用逗号作小数点（欧洲习惯）",
    },
    Entry {
        key: "data.date.why_dollar",
        en: "amounts carry a $ sign (US convention is month-first)",
        zh: "金额带有 $ 符号（美国习惯月在前）",
    },
    Entry {
        key: "data.date.why_currency",
        en: "amounts are in {code}, where day-first is the convention",
        zh: "金额币种为 {code}，当地习惯日在前",
    },
    Entry {
        key: "data.date.why_default",
        en: "nothing in the file points to the US convention and day-first is the most common order worldwide",
        zh: "文件中没有迹象表明用的是美国习惯，而日在前是全世界最常见的写法",
    },
    // Errors that stop an import (DataError).
    Entry {
        key: "data.err.file",
        en: "{file}: {message}",
        zh: "{file}：{message}",
    },
    Entry {
        key: "data.err.no_input_files",
        en: "no input files",
        zh: "没有输入文件",
    },
    Entry {
        key: "data.err.io",
        en: "{name}: {error}",
        zh: "{name}：无法读取（{error}）",
    },
    Entry {
        key: "data.err.is_dir",
        en: "{name}: is a directory, not a file",
        zh: "{name}：这是一个文件夹，不是文件",
    },
    Entry {
        key: "data.err.too_many_files",
        en: "too many files in one import (at most 65,535)",
        zh: "一次导入的文件太多（最多 65,535 个）",
    },
    Entry {
        key: "data.err.before_begin",
        en: "{call}() called before begin_file()",
        zh: "内部错误：在 begin_file() 之前调用了 {call}()",
    },
    Entry {
        key: "data.err.no_file_imported",
        en: "no file was imported",
        zh: "没有导入任何文件",
    },
    Entry {
        key: "data.err.empty",
        en: "the file is empty",
        zh: "文件是空的",
    },
    Entry {
        key: "data.err.no_header",
        en: "no header row found",
        zh: "找不到表头行",
    },
    Entry {
        key: "data.err.no_data_rows",
        en: "no data rows after the header",
        zh: "表头之后没有数据行",
    },
    Entry {
        key: "data.err.zip",
        en: "this is a zip/Excel file, not CSV text: export or save it as CSV first",
        zh: "这是 zip/Excel 文件，不是 CSV 文本：请先导出或另存为 CSV",
    },
    Entry {
        key: "data.err.binary",
        en: "this looks like a binary file, not a CSV text export (NUL/control bytes found)",
        zh: "这看起来是二进制文件，不是导出的 CSV 文本（发现了 NUL/控制字节）",
    },
    Entry {
        key: "data.err.gzip",
        en: "corrupt gzip data: {error}",
        zh: "gzip 数据已损坏：{error}",
    },
    Entry {
        key: "data.err.header_line_too_long",
        en: "line 1 is longer than {kib} KiB without a line break (line too long): a CSV header row is a short line of column names; is this a CSV export?",
        zh: "第 1 行超过 {kib} KiB 且没有换行（行太长）：CSV 的表头应是一行简短的列名；这是导出的 CSV 文件吗？",
    },
    Entry {
        key: "data.err.header_columns",
        en: "the header row has {n} columns; at most {max} are supported",
        zh: "表头有 {n} 列；最多支持 {max} 列",
    },
    Entry {
        key: "data.err.header_empty",
        en: "the header row is empty",
        zh: "表头行是空的",
    },
    Entry {
        key: "data.err.cannot_find",
        en: "cannot find {what} (headers: {headers})",
        zh: "找不到{what}（表头：{headers}）",
    },
    Entry {
        key: "data.err.need_date",
        en: "a date column",
        zh: "日期列",
    },
    Entry {
        key: "data.err.need_amount",
        en: "a line total or both quantity and unit price",
        zh: "行金额列，或数量和单价两列",
    },
    Entry {
        key: "data.err.need_date_and_amount",
        en: "a date column and a line total or both quantity and unit price",
        zh: "日期列，以及行金额列或数量和单价两列",
    },
    Entry {
        key: "data.err.the_header_row",
        en: "the header row",
        zh: "表头行",
    },
    Entry {
        key: "data.err.row_n",
        en: "row {row}",
        zh: "第 {row} 行",
    },
    Entry {
        key: "data.err.row_too_long",
        en: "{what} is longer than {mib} MiB (line too long): a quote (\") opened in it is probably never closed, or the file has no line breaks; expected rows of a few hundred bytes each. Nothing was imported from this file.",
        zh: "{what}超过 {mib} MiB（行太长）：其中的引号（\"）可能没有闭合，或者文件没有换行；每行通常只有几百字节。此文件没有导入任何内容。",
    },
    Entry {
        key: "data.err.too_many_fields",
        en: "row {row} has more than {max} fields; expected one value per header column ({ncols})",
        zh: "第 {row} 行超过 {max} 个字段；应当每个表头列一个值（共 {ncols} 列）",
    },
];
