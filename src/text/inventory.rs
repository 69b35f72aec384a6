//! Sentences of the inventory area.

use super::Entry;

pub const ENTRIES: &[Entry] = &[
    // Report notes.
    Entry {
        key: "inventory.note.net_of_returns",
        en: "Demand is net of cancellations and returns: {units} units ({lines} lines) were subtracted on the day they were cancelled.",
        zh: "需求已扣除取消和退货：共 {units} 件（{lines} 行）在取消当天扣减。",
    },
    Entry {
        key: "inventory.note.non_products",
        en: "{n} codes that are not stocked goods (postage, gift cards, manual adjustments, fees…: {codes}) are left out.",
        zh: "{n} 个编码不是库存商品（邮费、礼品卡、手工调整、手续费等：{codes}），未计入。",
    },
    Entry {
        key: "inventory.note.not_in_stock_file",
        en: "{n} SKUs sold in the order file are not in the inventory file {file}: the page defaults apply to them (lead time {lead} days, order cost {cur}{cost}, holding {hold}%/year) and their stock on hand is {assumed}.",
        zh: "订单中有 {n} 个卖过的 SKU 不在库存文件 {file} 里：它们使用页面上的默认值（交货期 {lead} 天，每次订货成本 {cur}{cost}，年持有成本 {hold}%），现有库存{assumed}。",
    },
    Entry {
        key: "inventory.assumed.replay",
        en: "assumed from a replay of the policy on their sales history",
        zh: "按补货策略在其销售历史上回放推算",
    },
    Entry {
        key: "inventory.assumed.zero",
        en: "assumed to be zero",
        zh: "按零计算",
    },
    Entry {
        key: "inventory.note.never_sold",
        en: "{n} SKUs of the inventory file never sold in the order lines (no demand history; their stock counts as dead stock): {rows}.",
        zh: "库存文件中有 {n} 个 SKU 在订单里从未卖出（没有需求记录，其库存算作呆滞库存）：{rows}。",
    },
    Entry {
        key: "inventory.note.never_sold_more",
        en: "{n} SKUs of the inventory file never sold in the order lines (no demand history; their stock counts as dead stock): {rows}, ….",
        zh: "库存文件中有 {n} 个 SKU 在订单里从未卖出（没有需求记录，其库存算作呆滞库存）：{rows} 等。",
    },
    Entry {
        key: "inventory.sku_row",
        en: "'{sku}' (row {row})",
        zh: "“{sku}”（第 {row} 行）",
    },
    Entry {
        key: "inventory.list",
        en: "{a}, {b}",
        zh: "{a}、{b}",
    },
    Entry {
        key: "inventory.note.cost_estimated",
        en: "Unit cost is not known for {n} SKUs: estimated as {p} of their average selling price (editable). Margins, budgets and tied-up cash rest on this estimate.",
        zh: "有 {n} 个 SKU 不知道单位成本：按其平均售价的 {p} 估算（可修改）。毛利、预算和占用资金都基于这个估算。",
    },
    Entry {
        key: "inventory.note.no_price",
        en: "{n} SKUs have neither a unit cost nor a selling price: their cost counts as 0.",
        zh: "有 {n} 个 SKU 既没有单位成本也没有售价：成本按 0 计算。",
    },
    Entry {
        key: "inventory.note.unpriced",
        en: "The orders have no prices: ABC classes rank units sold, each lot covers {days} days of demand (no unit cost to balance ordering against holding; give unit costs in an inventory file for economic lots), and no cash figure is shown.",
        zh: "订单没有价格：ABC 分类按销量排序，每批订货覆盖 {days} 天的需求（没有单位成本，无法权衡订货与持有成本；在库存文件中提供单位成本即可得到经济订货量），也不显示任何资金数字。",
    },
    Entry {
        key: "inventory.note.lot_by_cover",
        en: "{n} SKUs have neither a unit cost nor a selling price: their lots cover {days} days of demand instead of an economic order quantity.",
        zh: "有 {n} 个 SKU 既没有单位成本也没有售价：它们每批订货覆盖 {days} 天的需求，而不是经济订货量。",
    },
    Entry {
        key: "inventory.note.on_hand_replay",
        en: "Stock on hand is unknown for {n} SKUs (no inventory file, or no on-hand column): it is assumed to be what the policy below would hold today had it been followed over the sales history (replay from the first sale). Upload an inventory file for real statuses.",
        zh: "有 {n} 个 SKU 不知道现有库存（没有库存文件，或文件里没有库存数量列）：假设过去一直按下面的策略补货，从第一笔销售开始回放，得出今天应有的库存。上传库存文件可得到真实状态。",
    },
    Entry {
        key: "inventory.note.on_hand_zero",
        en: "Stock on hand is unknown for {n} SKUs: assumed to be zero with nothing on order, so every SKU that sells needs a first order.",
        zh: "有 {n} 个 SKU 不知道现有库存：假设为零且没有在途订单，所以每个有销量的 SKU 都需要先下一单。",
    },
    // The replay check.
    Entry {
        key: "inventory.sim.explain",
        en: "Each SKU's policy was set on its history without the last {days} days, then replayed day by day on those days (backorders, lead time as set, the earlier history as warm-up). Over {n} SKUs with demand the average achieved fill rate is {fill} against an average target of {target} ({gap} points).",
        zh: "每个 SKU 的策略先用去掉最近 {days} 天的历史来设定，再在这 {days} 天里逐日回放（缺货可延后补发，交货期按设定，更早的历史用于预热）。在 {n} 个有需求的 SKU 上，平均实际满足率为 {fill}，平均目标为 {target}（相差 {gap} 个百分点）。",
    },
    Entry {
        key: "inventory.sim.explain_why",
        en: "{what} {why}",
        zh: "{what}说明：{why}",
    },
    Entry {
        key: "inventory.sim.why_busier",
        en: "In those days the shop sold {dev} more than the policies were set for (a busier season or growth): that is why they fell short. Today's policies are set on all the history, those days included; a seasonal peak ahead needs a higher target or a manual increase.",
        zh: "这段时间的销量比策略设定时的预期高出 {dev}（旺季或增长），这就是未达标的原因。当前的策略已用包括这段时间在内的全部历史设定；如果前方有旺季，需要提高目标或手动加量。",
    },
    Entry {
        key: "inventory.sim.class_why_busier",
        en: "Class {class} misses its target: it sold {dev} more in those days than its policies were set for (a busier season or growth).",
        zh: "{class} 类未达目标：这段时间的销量比其策略设定时的预期高出 {dev}（旺季或增长）。",
    },
    Entry {
        key: "inventory.sim.why_variable",
        en: "Sales in those days were close to what the policies were set for ({dev} against it), so the misses come from day-to-day swings larger than the history showed, or from single large orders.",
        zh: "这段时间的销量与策略设定时的预期相近（相差 {dev}），因此未达标来自比历史更大的日常波动，或个别大额订单。",
    },
    Entry {
        key: "inventory.sim.explain_flagged",
        en: "Each SKU's policy was set on its history without the last {days} days, then replayed day by day on those days (backorders, lead time as set, the earlier history as warm-up). Over {n} SKUs with demand the average achieved fill rate is {fill} against an average target of {target} ({gap} points); the policy misses its target — see the classes below.",
        zh: "每个 SKU 的策略先用去掉最近 {days} 天的历史来设定，再在这 {days} 天里逐日回放（缺货可延后补发，交货期按设定，更早的历史用于预热）。在 {n} 个有需求的 SKU 上，平均实际满足率为 {fill}，平均目标为 {target}（相差 {gap} 个百分点）；策略没有达到目标，请看下面各分类。",
    },
    Entry {
        key: "inventory.sim.class_no_demand",
        en: "Class {class}: no demand in the replayed period.",
        zh: "{class} 类：回放期间没有需求。",
    },
    Entry {
        key: "inventory.sim.class",
        en: "Class {class}: {n} SKUs with demand achieved a {fill} fill rate on average against a {target} target ({gap} points); {miss} SKUs missed their own target by more than 2 points.",
        zh: "{class} 类：{n} 个有需求的 SKU 平均满足率为 {fill}，目标为 {target}（相差 {gap} 个百分点）；有 {miss} 个 SKU 比自己的目标低 2 个百分点以上。",
    },
    Entry {
        key: "inventory.sim.class_flagged",
        en: "Class {class}: {n} SKUs with demand achieved a {fill} fill rate on average against a {target} target ({gap} points) — the policy misses its target; {miss} SKUs missed their own target by more than 2 points.",
        zh: "{class} 类：{n} 个有需求的 SKU 平均满足率为 {fill}，目标为 {target}（相差 {gap} 个百分点），策略没有达到目标；有 {miss} 个 SKU 比自己的目标低 2 个百分点以上。",
    },
    // One SKU's explanation.
    Entry {
        key: "inventory.explain.no_forecast",
        en: "No demand forecast (last sale {days} days ago). {on_hand} on hand.",
        zh: "没有需求预测（最后一次销售在 {days} 天前）。现有库存 {on_hand}。",
    },
    Entry {
        key: "inventory.explain.no_forecast_tied",
        en: "No demand forecast (last sale {days} days ago). {on_hand} on hand ties up {cur}{cash}.",
        zh: "没有需求预测（最后一次销售在 {days} 天前）。现有库存 {on_hand}，占用资金 {cur}{cash}。",
    },
    Entry {
        key: "inventory.explain.never_sold",
        en: "Never sold in the order history; {on_hand} on hand.",
        zh: "订单历史中从未卖出；现有库存 {on_hand}。",
    },
    Entry {
        key: "inventory.explain",
        en: "Sells {mu} units/day ({model}). Over a {lead}-day lead time demand averages {ltd} ± {sd} units (simulated from its own sales, not a normal curve); a reorder point of {rop} gives a {target}% {measure} (safety stock {ss}). Order {q} units ({lot}{why}) whenever on hand + on order falls to {rop}.{nv} Now {on_hand} on hand + {on_order} on order: {status}{then}",
        zh: "每天卖出 {mu} 件（{model}）。在 {lead} 天的交货期内，需求平均为 {ltd} ± {sd} 件（根据它自己的销售记录模拟，而不是套用正态分布）；补货点设为 {rop}，可达到 {target}% 的{measure}（安全库存 {ss}）。每当现有库存加在途数量降到 {rop} 时，订 {q} 件（{lot}{why}）。{nv}目前现有库存 {on_hand}，在途 {on_order}：{status}{then}",
    },
    Entry {
        key: "inventory.lot.eoq",
        en: "economic order quantity {eoq}",
        zh: "经济订货量 {eoq}",
    },
    Entry {
        key: "inventory.lot.cover",
        en: "{days} days of demand: without a unit cost there is no economic order quantity",
        zh: "{days} 天的需求量：没有单位成本就无法计算经济订货量",
    },
    Entry {
        key: "inventory.model.tsb",
        en: "TSB for intermittent demand: {p}% of days without sales",
        zh: "间歇性需求用 TSB 方法：{p}% 的日子没有销量",
    },
    Entry {
        key: "inventory.model.ses",
        en: "exponential smoothing",
        zh: "指数平滑",
    },
    Entry {
        key: "inventory.model.season",
        en: "{model}, ×{f} over the lead time for last year's season",
        zh: "{model}，交货期内按去年同期的季节 ×{f}",
    },
    Entry {
        key: "inventory.note.season_rejected",
        en: "Last year's season is not used: tried on the past (from {weeks} days a week apart), scaling by it would not have improved the shop's {lead}-day sales forecasts ({with} units of error against {without} without). Demand over the lead time is each product's recent level.",
        zh: "未使用去年同期的季节：在过去的数据上检验（从相隔一周的 {weeks} 个日子预测），按它调整并不能改善全店 {lead} 天的销量预测（误差 {with} 件，不调整时 {without} 件）。交货期内的需求按每个商品最近的水平计算。",
    },
    Entry {
        key: "inventory.note.season",
        en: "Season: a year ago the {lead} days from {from} sold {f}× what the shop's level of sales then pointed to ({next} units against {expected}). Each product's demand over the lead time follows last year's season — its own where it sold enough then, the shop's otherwise. Checked on the past first: from {weeks} days a week apart, it would have cut the error of the shop's {lead}-day sales forecasts from {without} to {with} units.",
        zh: "季节：一年前从 {from} 起的 {lead} 天里，全店销量是当时销售水平所预示的 {f} 倍（{next} 件对 {expected} 件）。每个商品在交货期内的需求按去年同期的季节调整——去年卖得够多的按它自己的，否则按全店的。此前已在过去的数据上检验：从相隔一周的 {weeks} 个日子预测全店 {lead} 天的销量，误差从 {without} 件降到 {with} 件。",
    },
    Entry {
        key: "inventory.why.newsvendor",
        en: ", capped by the newsvendor quantity for its shelf life",
        zh: "，并以保质期内的报童订货量为上限",
    },
    Entry {
        key: "inventory.why.rounded",
        en: ", rounded up to MOQ / case pack",
        zh: "，按最小起订量和整箱规格向上取整",
    },
    Entry {
        key: "inventory.explain.newsvendor",
        en: " Newsvendor quantity over the shelf life: {nv}.",
        zh: "保质期内的报童订货量：{nv}。",
    },
    Entry {
        key: "inventory.then.order_now",
        en: " — order {n} units; {risk}% risk of running out before a delivery ordered today arrives.",
        zh: "——请订 {n} 件；在今天下单的货到达之前，有 {risk}% 的可能断货。",
    },
    Entry {
        key: "inventory.then.overstocked",
        en: " — {cur}{cash} tied up above the policy's maximum.",
        zh: "——超出策略上限的库存占用了 {cur}{cash}。",
    },
    Entry {
        key: "inventory.then.end",
        en: ".",
        zh: "。",
    },
    Entry {
        key: "inventory.measure.fill_rate",
        en: "fill rate",
        zh: "满足率",
    },
    Entry {
        key: "inventory.measure.cycle_service_level",
        en: "cycle service level",
        zh: "周期服务水平",
    },
    Entry {
        key: "inventory.status.order_now",
        en: "order now",
        zh: "立即订货",
    },
    Entry {
        key: "inventory.status.order_soon",
        en: "order soon",
        zh: "即将订货",
    },
    Entry {
        key: "inventory.status.healthy",
        en: "healthy",
        zh: "正常",
    },
    Entry {
        key: "inventory.status.overstocked",
        en: "overstocked",
        zh: "积压",
    },
    Entry {
        key: "inventory.status.dead_stock",
        en: "dead stock",
        zh: "呆滞",
    },
    Entry {
        key: "inventory.status.no_demand",
        en: "no demand",
        zh: "无需求",
    },
    // The purchase plan.
    Entry {
        key: "inventory.plan.summary",
        en: "Buy {units} units of {skus} SKUs for {cost} (expected margin {margin}). {full} of the {n} SKUs that need ordering get their full suggested quantity.",
        zh: "采购 {skus} 个 SKU 共 {units} 件，花费 {cost}（预期毛利 {margin}）。需要订货的 {n} 个 SKU 中，有 {full} 个能按建议数量订足。",
    },
    Entry {
        key: "inventory.plan.summary_limited",
        en: "Buy {units} units of {skus} SKUs for {cost} (expected margin {margin}). {full} of the {n} SKUs that need ordering get their full suggested quantity; the rest are limited by the {limits}.",
        zh: "采购 {skus} 个 SKU 共 {units} 件，花费 {cost}（预期毛利 {margin}）。需要订货的 {n} 个 SKU 中，有 {full} 个能按建议数量订足；其余的受{limits}限制。",
    },
    Entry {
        key: "inventory.plan.summary_units",
        en: "Buy {units} units of {skus} SKUs (no prices: units that bring a product back to its reorder point come first). {full} of the {n} SKUs that need ordering get their full suggested quantity.",
        zh: "采购 {skus} 个 SKU 共 {units} 件（没有价格：先补足低于补货点的商品）。需要订货的 {n} 个 SKU 中，有 {full} 个能按建议数量订足。",
    },
    Entry {
        key: "inventory.plan.summary_limited_units",
        en: "Buy {units} units of {skus} SKUs (no prices: units that bring a product back to its reorder point come first). {full} of the {n} SKUs that need ordering get their full suggested quantity; the rest are limited by the {limits}.",
        zh: "采购 {skus} 个 SKU 共 {units} 件（没有价格：先补足低于补货点的商品）。需要订货的 {n} 个 SKU 中，有 {full} 个能按建议数量订足；其余的受{limits}限制。",
    },
    Entry {
        key: "inventory.plan.and",
        en: "{a} and the {b}",
        zh: "{a}和{b}",
    },
    Entry {
        key: "inventory.limit.budget",
        en: "budget",
        zh: "预算",
    },
    Entry {
        key: "inventory.limit.capacity",
        en: "capacity",
        zh: "仓库容量",
    },
    Entry {
        key: "inventory.units",
        en: "{n} units",
        zh: "{n} 件",
    },
    Entry {
        key: "inventory.plan.binding",
        en: "The {name} ({used} of {limit} used) is binding: it limits {limited} of the {n} SKUs that need ordering. +{step} would add {gain} of expected margin ({units} more units).",
        zh: "{name}已用满（用了 {limit} 中的 {used}），限制了需要订货的 {n} 个 SKU 中的 {limited} 个。再增加 {step}，预期毛利可增加 {gain}（多订 {units} 件）。",
    },
    Entry {
        key: "inventory.plan.binding_skus",
        en: "The {name} ({used} of {limit} used) is binding: it limits {limited} of the {n} SKUs that need ordering. +{step} would add {gain} of expected margin ({units} more units, {skus} more SKUs).",
        zh: "{name}已用满（用了 {limit} 中的 {used}），限制了需要订货的 {n} 个 SKU 中的 {limited} 个。再增加 {step}，预期毛利可增加 {gain}（多订 {units} 件，多覆盖 {skus} 个 SKU）。",
    },
    Entry {
        key: "inventory.plan.binding_units",
        en: "The {name} ({used} of {limit} used) is binding: it limits {limited} of the {n} SKUs that need ordering. +{step} would add {units} more units.",
        zh: "{name}已用满（用了 {limit} 中的 {used}），限制了需要订货的 {n} 个 SKU 中的 {limited} 个。再增加 {step}，可多订 {units} 件。",
    },
    Entry {
        key: "inventory.plan.binding_units_skus",
        en: "The {name} ({used} of {limit} used) is binding: it limits {limited} of the {n} SKUs that need ordering. +{step} would add {units} more units ({skus} more SKUs).",
        zh: "{name}已用满（用了 {limit} 中的 {used}），限制了需要订货的 {n} 个 SKU 中的 {limited} 个。再增加 {step}，可多订 {units} 件（多覆盖 {skus} 个 SKU）。",
    },
    Entry {
        key: "inventory.plan.not_binding",
        en: "The {name} is not binding ({used} of {limit} used): more of it would not change the plan.",
        zh: "{name}没有用满（用了 {limit} 中的 {used}）：再增加也不会改变计划。",
    },
    Entry {
        key: "inventory.plan.none",
        en: "No purchase plan: {why}.",
        zh: "无法制定采购计划：{why}。",
    },
    Entry {
        key: "inventory.infeasible.budget",
        en: "the budget of {budget} cannot cover the {need} needed just to bring the {n} 'order now' SKUs back to their reorder points; raise the budget by at least {more} or allow the plan to leave some of them short",
        zh: "{budget} 的预算不够支付 {need}，这是仅把 {n} 个“立即订货”的 SKU 补回到补货点所需的金额；请把预算至少提高 {more}，或允许计划让其中一些 SKU 暂时不订足",
    },
    Entry {
        key: "inventory.infeasible.capacity",
        en: "the capacity of {cap} units cannot hold the {need} units needed just to bring the {n} 'order now' SKUs back to their reorder points; free at least {more} units of space or allow the plan to leave some of them short",
        zh: "{cap} 件的容量放不下 {need} 件，这是仅把 {n} 个“立即订货”的 SKU 补回到补货点所需的数量；请至少腾出 {more} 件的空间，或允许计划让其中一些 SKU 暂时不订足",
    },
    Entry {
        key: "inventory.infeasible.lp",
        en: "no purchase plan satisfies all the constraints together (check that the budget and capacity can cover the required orders)",
        zh: "没有任何采购计划能同时满足所有限制（请检查预算和容量是否够支付必需的订单）",
    },
    // Errors.
    Entry {
        key: "inventory.err.invalid_param",
        en: "invalid parameter {name}: {message}",
        zh: "参数 {name} 无效：{message}",
    },
    Entry {
        key: "inventory.err.no_data",
        en: "no data: {why}",
        zh: "没有数据：{why}",
    },
    Entry {
        key: "inventory.err.no_sale_lines",
        en: "the order file has no sale lines to learn demand from",
        zh: "订单文件里没有可用来估计需求的销售行",
    },
    Entry {
        key: "inventory.err.no_sku_column",
        en: "the order lines have no SKU / product code column",
        zh: "订单数据里没有 SKU / 商品编码列",
    },
    Entry {
        key: "inventory.err.stock",
        en: "inventory file: {message}",
        zh: "库存文件：{message}",
    },
    Entry {
        key: "inventory.err.infeasible",
        en: "the purchase plan is infeasible: {why}",
        zh: "采购计划无法实现：{why}",
    },
    Entry {
        key: "inventory.err.solver",
        en: "the LP solver failed: {message}",
        zh: "线性规划求解失败：{message}",
    },
    Entry {
        key: "inventory.param.service_level",
        en: "a service level must be between 0 and 1 (exclusive), e.g. 0.95; got {v}",
        zh: "服务水平必须大于 0 且小于 1，例如 0.95；当前为 {v}",
    },
    Entry {
        key: "inventory.param.nonneg",
        en: "must be zero or more, got {v}",
        zh: "不能小于 0，当前为 {v}",
    },
    Entry {
        key: "inventory.param.positive",
        en: "must be greater than zero, got {v}",
        zh: "必须大于 0，当前为 {v}",
    },
    Entry {
        key: "inventory.param.ten_years",
        en: "more than ten years",
        zh: "超过了十年",
    },
    Entry {
        key: "inventory.param.cost_ratio",
        en: "must be in (0, 1], got {v}",
        zh: "必须大于 0 且不超过 1，当前为 {v}",
    },
    Entry {
        key: "inventory.param.abc",
        en: "need 0 < A cut < B cut ≤ 1, got {a} / {b}",
        zh: "需要 0 < A 类分界 < B 类分界 ≤ 1，当前为 {a} / {b}",
    },
    Entry {
        key: "inventory.param.xyz",
        en: "need 0 < X cut < Y cut, got {x} / {y}",
        zh: "需要 0 < X 类分界 < Y 类分界，当前为 {x} / {y}",
    },
    Entry {
        key: "inventory.param.samples",
        en: "between 50 and 100000, got {v}",
        zh: "必须在 50 到 100000 之间，当前为 {v}",
    },
    Entry {
        key: "inventory.param.at_most_3650",
        en: "at most 3650",
        zh: "最多 3650",
    },
    Entry {
        key: "inventory.param.positive_number",
        en: "must be a positive number, got {v}",
        zh: "必须是正数，当前为 {v}",
    },
    Entry {
        key: "inventory.param.production_rate",
        en: "must exceed the demand rate {d}, got {p}",
        zh: "必须大于需求速度 {d}，当前为 {p}",
    },
    Entry {
        key: "inventory.param.breaks_count",
        en: "need as many breaks as prices (got {a} and {b})",
        zh: "价格分档的数量必须和价格数量相同（当前为 {a} 和 {b}）",
    },
    Entry {
        key: "inventory.param.breaks_order",
        en: "breaks must increase and prices be positive",
        zh: "分档数量必须递增，价格必须为正",
    },
    Entry {
        key: "inventory.param.empty",
        en: "empty",
        zh: "为空",
    },
    // "How was this computed?"
    Entry {
        key: "inventory.how.classes",
        en: "ABC: SKUs ranked by revenue; those making up the first {a}% of revenue are A, up to {b}% B, the rest C. XYZ: coefficient of variation CV = σ/μ of weekly units; CV ≤ {x} is X (steady), ≤ {y} Y, above Z (erratic).",
        zh: "ABC：按销售额给 SKU 排序；累计占前 {a}% 销售额的是 A 类，累计到 {b}% 的是 B 类，其余是 C 类。XYZ：看每周销量的变异系数 CV = σ/μ；CV ≤ {x} 是 X 类（稳定），≤ {y} 是 Y 类，更高是 Z 类（无规律）。",
    },
    Entry {
        key: "inventory.how.classes_units",
        en: "ABC: SKUs ranked by units sold (the orders have no prices); those making up the first {a}% of units are A, up to {b}% B, the rest C. XYZ: coefficient of variation CV = σ/μ of weekly units; CV ≤ {x} is X (steady), ≤ {y} Y, above Z (erratic).",
        zh: "ABC：按销量给 SKU 排序（订单没有价格）；累计占前 {a}% 销量的是 A 类，累计到 {b}% 的是 B 类，其余是 C 类。XYZ：看每周销量的变异系数 CV = σ/μ；CV ≤ {x} 是 X 类（稳定），≤ {y} 是 Y 类，更高是 Z 类（无规律）。",
    },
    Entry {
        key: "inventory.how.demand",
        en: "Daily units per SKU from the order lines (days without sales count as 0). Intermittent items (≥ 50% of days without sales): TSB — probability of a sale p̂ and size ẑ by exponential smoothing (α = 0.1), forecast p̂·ẑ. Others: exponential smoothing with α in [0.1, 0.3] fitted to the history. With a year and four weeks of sales or more, the level is scaled over the coming lead time by last year's season: what the product sold over the same days 52 weeks back against what its level on that day pointed to, pulled toward the whole shop's ratio by how many units it sold then (f = (a + 10·F) / (e + 10): a its units then, e what its level then pointed to, F the shop's ratio) — but only where, tried on the shop's past from days a week apart, the season would have cut the error of its lead-time forecasts by at least 1%.",
        zh: "每个 SKU 的每日销量来自订单行（没有销售的日子记为 0）。间歇性商品（≥ 50% 的日子没有销售）：用 TSB 方法，用指数平滑（α = 0.1）估计有销售的概率 p̂ 和每次的销量 ẑ，预测值为 p̂·ẑ。其他商品：用指数平滑，α 在 [0.1, 0.3] 之间按历史数据拟合。有一年零四周以上的销售记录时，水平值在未来交货期内按去年同期的季节调整：商品在 52 周前同样的日子里的销量，对比它当天的水平值所预示的销量，并按它当时卖出的件数向全店比率收缩（f = (a + 10·F) / (e + 10)：a 为当时的件数，e 为当时水平值预示的件数，F 为全店比率）——前提是在全店过去的数据上从相隔一周的日子检验时，季节调整能让交货期销量预测的误差至少降低 1%。",
    },
    Entry {
        key: "inventory.how.lead_time_demand",
        en: "Not a normal curve: {samples} simulated lead times, each a lead time L (mean {lead} days{sd}, per SKU from the inventory file when given) of days with a sale with probability p̂ and a size drawn from the SKU's own past sale days (rescaled to the forecast level).",
        zh: "不套用正态分布：模拟 {samples} 次交货期，每次交货期为 L 天（平均 {lead} 天{sd}；库存文件给出时按各 SKU 自己的值），每天以概率 p̂ 发生销售，销量从该 SKU 过去有销售的日子里抽取（按预测水平缩放）。",
    },
    Entry {
        key: "inventory.how.lead_sd",
        en: ", sd {v}",
        zh: "，标准差 {v}",
    },
    Entry {
        key: "inventory.how.reorder_point",
        en: "Policy (s, Q): when on hand + on order ≤ s, order Q. For a {measure} target: {formula}{rule}. Safety stock = s − E[lead-time demand]. Targets by class: A {a}%, B {b}%, C {c}%{overridden}.",
        zh: "策略 (s, Q)：现有库存 + 在途 ≤ s 时，订 Q 件。目标是{measure}时：{formula}{rule}。安全库存 = s − E[提前期需求]。各类目标：A {a}%，B {b}%，C {c}%{overridden}。",
    },
    Entry {
        key: "inventory.how.formula_fill_rate",
        en: "fill rate β(s,Q) = {f}, the share of demand served from stock (Hadley–Whitin; exact for this (s, nQ) policy with backorders); s is the smallest whole number meeting the target",
        zh: "满足率 β(s,Q) = {f}，即由现货满足的需求比例（Hadley–Whitin 公式；对这种缺货可延后补发的 (s, nQ) 策略是精确的）；s 取达到目标的最小整数",
    },
    Entry {
        key: "inventory.how.formula_cycle",
        en: "cycle service level P(D_L ≤ s), the chance of no stockout in a replenishment cycle; s is the target quantile of the simulated lead-time demand",
        zh: "周期服务水平 P(D_L ≤ s)，即一个补货周期内不断货的概率；s 取模拟提前期需求的目标分位数",
    },
    Entry {
        key: "inventory.how.rule_at_least",
        en: " (rule: the smallest whole s that meets the target, so the expected service is at or above it)",
        zh: "（规则：取达到目标的最小整数 s，所以预期服务水平不低于目标）",
    },
    Entry {
        key: "inventory.how.rule_nearest",
        en: " (rule: the whole s whose expected service is nearest the target, so the target holds on average across SKUs)",
        zh: "（规则：取预期服务水平最接近目标的整数 s，所以按所有 SKU 平均能达到目标）",
    },
    Entry {
        key: "inventory.how.overridden",
        en: " (overridden: {p} for every SKU)",
        zh: "（已统一改为每个 SKU 都是 {p}）",
    },
    Entry {
        key: "inventory.how.order_quantity",
        en: "EOQ Q* = √(2KD/h) with order cost K = {cur}{k} per order, annual demand D = 365·μ and holding h = {h}%/year × unit cost; with price breaks the all-units discount optimum (cheapest total of purchases + ordering + holding over the break ranges); then at least the MOQ and rounded up to whole case packs. Perishables (shelf life given): newsvendor quantity = the critical-ratio quantile of demand over the shelf life, critical ratio (price − cost)/price, and the lot never exceeds it.",
        zh: "经济订货量 EOQ Q* = √(2KD/h)，其中每次订货成本 K = {cur}{k}，年需求 D = 365·μ，持有成本 h = 每年 {h}% × 单位成本；有价格分档时，取全量折扣下的最优值（在各分档区间里采购 + 订货 + 持有的总成本最低）；然后至少达到最小起订量，并向上取整到整箱。易腐商品（给出了保质期）：报童订货量 = 保质期内需求的临界比例分位数，临界比例为 (售价 − 成本)/售价，每批订货都不超过它。",
    },
    Entry {
        key: "inventory.how.order_quantity_units",
        en: "The orders have no prices, so there is no holding cost for an economic order quantity: each lot is the forecast demand of {days} days (a period order quantity), or the EOQ where the inventory file gives a unit cost; then at least the MOQ and rounded up to whole case packs.",
        zh: "订单没有价格，因此没有持有成本来计算经济订货量：每批订货量为 {days} 天的预测需求（定期订货量），如果库存文件给出了单位成本则用经济订货量；然后至少达到最小起订量，并向上取整到整箱。",
    },
    Entry {
        key: "inventory.how.status",
        en: "Order now: on hand + on order ≤ s. Order soon: within {soon} days of demand of s. Overstocked: more than {over} days of cover and more than s + Q on hand (excess × unit cost is tied-up cash). Dead stock: no sale for {dead} days (all stock is tied-up cash). Stockout risk = P(lead-time demand > on hand + on order).",
        zh: "立即订货：现有库存 + 在途 ≤ s。即将订货：离 s 只差不到 {soon} 天的需求。积压：可售天数超过 {over} 天，且现有库存超过 s + Q（多出部分 × 单位成本即占用资金）。呆滞：{dead} 天没有销售（全部库存都算占用资金）。缺货风险 = P(提前期需求 > 现有库存 + 在途)。",
    },
    Entry {
        key: "inventory.how.purchase_plan",
        en: "Linear programme (good_lp, microlp solver): buy in case packs for the SKUs that need ordering, maximising expected margin (price − cost) minus holding cost until sold, subject to the budget (Σ cost × qty ≤ budget), the capacity (Σ qty ≤ capacity) and supplier minimum order values (order nothing or at least the minimum: one binary per supplier). The urgent part of an order (back up to the reorder point) is valued before the rest. The optimum is rounded down to whole packs. Binding limits are explained by solving again with the limit raised by one step.",
        zh: "线性规划（good_lp，microlp 求解器）：为需要订货的 SKU 按整箱采购，在预算（Σ 成本 × 数量 ≤ 预算）、容量（Σ 数量 ≤ 容量）和供应商起订额（要么不订，要么至少达到起订额：每个供应商一个 0/1 变量）的限制下，让预期毛利（售价 − 成本）减去卖出前的持有成本最大。订单中紧急的部分（补回到补货点）优先于其余部分。最优解向下取整到整箱。对用满的限制，把它放宽一档再求解一次，以说明它的影响。",
    },
    Entry {
        key: "inventory.how.simulation",
        en: "The policy is set on the history without the last {days} days and replayed day by day over them (backorders; stock at the start = s + Q, earlier history as warm-up). Achieved fill rate = units served from stock / units demanded; a class more than 2 points under its target is flagged.",
        zh: "先用去掉最近 {days} 天的历史设定策略，再在这 {days} 天里逐日回放（缺货可延后补发；开始时库存 = s + Q，更早的历史用于预热）。实际满足率 = 由现货满足的件数 / 需求件数；某一类比目标低 2 个百分点以上会被标出。",
    },
    Entry {
        key: "inventory.how.tradeoff",
        en: "For each service level, every SKU's reorder point is solved again; inventory value = Σ unit cost × (safety stock + Q/2), the average stock of the policy; the expected fill rate is demand-weighted.",
        zh: "对每个服务水平，重新计算每个 SKU 的补货点；库存金额 = Σ 单位成本 × (安全库存 + Q/2)，即该策略下的平均库存；预期满足率按需求加权。",
    },
    Entry {
        key: "inventory.how.tradeoff_units",
        en: "For each service level, every SKU's reorder point is solved again; average stock = Σ (safety stock + Q/2) in units (the orders have no prices); the expected fill rate is demand-weighted.",
        zh: "对每个服务水平，重新计算每个 SKU 的补货点；平均库存 = Σ (安全库存 + Q/2)，以件数计（订单没有价格）；预期满足率按需求加权。",
    },
    // Errors of the inventory file.
    Entry {
        key: "inventory.stock.no_sku_column",
        en: "{file}: no SKU column (expected a header such as 'sku', 'StockCode' or '货号'; columns: {columns})",
        zh: "{file}：没有 SKU 列（列名应类似“sku”“StockCode”或“货号”；现有列：{columns}）",
    },
    Entry {
        key: "inventory.stock.empty_sku",
        en: "empty SKU",
        zh: "SKU 为空",
    },
    Entry {
        key: "inventory.stock.locations",
        en: "{file}: {rows} more row(s) of SKUs at another '{col}' were added to their SKU's stock on hand and on order (lead time, cost and the other terms are the SKU's first row's, blanks filled from its other rows)",
        zh: "{file}：另有 {rows} 行是同一 SKU 在其他“{col}”的库存，已计入该 SKU 的现有库存和在途数量（提前期、成本等条件取该 SKU 的第一行，空白处用其他行补齐）",
    },
    Entry {
        key: "inventory.stock.locations_differ",
        en: "{file}: {n} SKU(s) have a different lead time, cost or order term at another location (first: {first}); the first location's is used",
        zh: "{file}：有 {n} 个 SKU 在其他地点的提前期、成本或订货条件不同（第一个：{first}）；采用第一个地点的数值",
    },
    Entry {
        key: "inventory.stock.twice",
        en: "SKU '{sku}' appears twice (rows {first} and {row})",
        zh: "SKU“{sku}”出现了两次（第 {first} 行和第 {row} 行）",
    },
    Entry {
        key: "inventory.stock.breaks",
        en: "expected quantity:price pairs such as '0:5.00;100:4.50', found '{raw}'",
        zh: "应为“数量:价格”的组合，例如“0:5.00;100:4.50”，实际为“{raw}”",
    },
    Entry {
        key: "inventory.stock.number",
        en: "expected a number, found '{raw}'",
        zh: "应为数字，实际为“{raw}”",
    },
    Entry {
        key: "inventory.stock.positive",
        en: "must be greater than zero, found '{raw}'",
        zh: "必须大于 0，实际为“{raw}”",
    },
    Entry {
        key: "inventory.stock.negative",
        en: "must not be negative, found '{raw}'",
        zh: "不能为负数，实际为“{raw}”",
    },
];
