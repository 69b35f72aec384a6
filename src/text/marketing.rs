//! Sentences of the marketing area.

use super::{Entry, Text};

/// Items joined into one list ("a, b, c"; "a、b、c" in Chinese).
pub fn list(items: impl IntoIterator<Item = Text>) -> Text {
    let mut it = items.into_iter();
    let Some(first) = it.next() else {
        return Text::raw("");
    };
    it.fold(first, |acc, t| {
        Text::new("mkt.list").text("a", acc).text("b", t)
    })
}

pub const ENTRIES: &[Entry] = &[
    // A/B tests.
    Entry {
        key: "mkt.ab.variant_conversion",
        en: "{name}: {x} of {n} units converted, a rate of {rate}.",
        zh: "{name}：{n} 位用户中有 {x} 位转化，转化率 {rate}。",
    },
    Entry {
        key: "mkt.ab.variant_mean",
        en: "{name}: {n} units, mean {mean} per unit (standard deviation {sd}).",
        zh: "{name}：{n} 位用户，人均 {mean}（标准差 {sd}）。",
    },
    Entry {
        key: "mkt.ab.compare_conversion",
        en: "{variant} converts at {pt} vs {pc} for {control}: a difference of {diff} points ({level}% interval {lo} to {hi}) and a relative lift of {lift}% ({lift_lo}% to {lift_hi}%). z = {z}, two-sided p = {p}: {verdict}",
        zh: "{variant} 的转化率为 {pt}，{control} 为 {pc}：相差 {diff} 个百分点（{level}% 置信区间 {lo} 至 {hi}），相对提升 {lift}%（{lift_lo}% 至 {lift_hi}%）。z = {z}，双侧 p = {p}：{verdict}",
    },
    Entry {
        key: "mkt.ab.rare",
        en: "a difference this large would be rare (below {alpha}) if the variants were equal.",
        zh: "如果各版本其实没有差别，出现这么大的差异的概率很小（低于 {alpha}）。",
    },
    Entry {
        key: "mkt.ab.not_significant_at",
        en: "not significant at {alpha}; the data are compatible with no difference.",
        zh: "在 {alpha} 水平下不显著；数据与“没有差别”并不矛盾。",
    },
    Entry {
        key: "mkt.ab.compare_mean",
        en: "{variant} averages {mt} per unit vs {mc} for {control}: a difference of {diff} ({level}% interval {lo} to {hi}; bootstrap {b_lo} to {b_hi} from {resamples} resamples), a relative lift of {lift}%. Welch t = {t} on {df} degrees of freedom, two-sided p = {p}: {verdict}",
        zh: "{variant} 人均 {mt}，{control} 人均 {mc}：相差 {diff}（{level}% 置信区间 {lo} 至 {hi}；{resamples} 次自助抽样区间 {b_lo} 至 {b_hi}），相对提升 {lift}%。Welch t = {t}，自由度 {df}，双侧 p = {p}：{verdict}",
    },
    Entry {
        key: "mkt.ab.welch_significant",
        en: "significant (the groups' variances are not assumed equal).",
        zh: "差异显著（未假设各组方差相等）。",
    },
    Entry {
        key: "mkt.ab.not_significant",
        en: "not significant; the data are compatible with no difference.",
        zh: "不显著；数据与“没有差别”并不矛盾。",
    },
    Entry {
        key: "mkt.ab.bayes_method_exact",
        en: "probability of being best and expected loss by numerical integration of the Beta posteriors (Simpson, 4,000 intervals)",
        zh: "最优概率和预期损失由 Beta 后验分布数值积分得出（Simpson 法，4,000 个区间）",
    },
    Entry {
        key: "mkt.ab.bayes_method_mc",
        en: "probability of being best by numerical integration; expected loss by Monte Carlo ({draws} draws, seed {seed})",
        zh: "最优概率由数值积分得出；预期损失由蒙特卡洛模拟得出（{draws} 次抽样，随机种子 {seed}）",
    },
    Entry {
        key: "mkt.ab.bayes",
        en: "With Beta({a}, {b}) priors, the chance that {name} has the highest true conversion rate is {p}. Expected loss is how many conversion-rate points you would give up, on average over what the data still allow, by shipping that variant: {loss} points for {name}.",
        zh: "以 Beta({a}, {b}) 为先验，{name} 的真实转化率最高的概率为 {p}。预期损失是指上线该版本后，按数据仍允许的各种情况平均，可能少得的转化率百分点：{name} 为 {loss} 个百分点。",
    },
    Entry {
        key: "mkt.ab.srm",
        en: "Units per variant {observed} against an intended split of {split}: chi-square {chi} on {df} df, p = {p}. {verdict}",
        zh: "各版本用户数 {observed}，计划分配比例 {split}：卡方 {chi}，自由度 {df}，p = {p}。{verdict}",
    },
    Entry {
        key: "mkt.ab.srm_mismatch",
        en: "Below {threshold}: the assignment or logging is probably broken, so the results above may be biased; find the cause before trusting them.",
        zh: "低于 {threshold}：分组或记录很可能出了问题，上面的结果可能有偏差；请先查明原因再采信。",
    },
    Entry {
        key: "mkt.ab.srm_ok",
        en: "Not below {threshold}: no sign of a broken assignment.",
        zh: "不低于 {threshold}：没有分组出错的迹象。",
    },
    Entry {
        key: "mkt.ab.sample_size",
        en: "To detect a {mde}% relative change from the control's {baseline} with {power}% power at a {alpha} two-sided level, each variant needs about {per} units ({total} in all{days}). {observed}",
        zh: "要在 {alpha} 双侧显著性水平、{power}% 检验功效下，发现相对对照组（{baseline}）{mde}% 的变化，每个版本约需 {per} 位用户（共 {total} 位{days}）。{observed}",
    },
    Entry {
        key: "mkt.ab.baseline_rate",
        en: "{p} rate",
        zh: "转化率 {p}",
    },
    Entry {
        key: "mkt.ab.baseline_mean",
        en: "mean {m}",
        zh: "均值 {m}",
    },
    Entry {
        key: "mkt.ab.sample_days",
        en: ", about {d} days at the given traffic",
        zh: "，按给定流量约需 {d} 天",
    },
    Entry {
        key: "mkt.ab.sample_observed",
        en: "The largest observed difference would need about {n} units per variant to be detected reliably.",
        zh: "要可靠地检测出目前观察到的最大差异，每个版本约需 {n} 位用户。",
    },
    Entry {
        key: "mkt.exp.variant_column",
        en: "Variants are read from column '{col}' ({k} variants).",
        zh: "版本取自“{col}”列（{k} 个版本）。",
    },
    Entry {
        key: "mkt.exp.summary",
        en: "{file} has one row per variant with the number of units in '{units}': read as counts (units and converted units per variant).",
        zh: "{file} 每个版本一行，“{units}”列是样本数：按计数读取（每个版本的样本数和转化数）。",
    },
    Entry {
        key: "mkt.exp.not_count",
        en: "Column '{col}' is not a count of converted units (a total such as revenue needs each unit's value to be tested): not analysed.",
        zh: "“{col}”列不是转化样本的计数（收入等合计值需要每个样本的数值才能检验）：未分析。",
    },
    Entry {
        key: "mkt.err.conversions_count",
        en: "expected a whole number of converted units, at most the '{units}' of the row, found '{found}'",
        zh: "应为不超过该行“{units}”的转化数（整数），实际为“{found}”",
    },
    Entry {
        key: "mkt.exp.not_outcome",
        en: "Column '{col}' is neither a yes/no outcome nor a number: not analysed.",
        zh: "“{col}”列既不是“是/否”结果也不是数值：未分析。",
    },
    Entry {
        key: "mkt.list",
        en: "{a}, {b}",
        zh: "{a}、{b}",
    },
    // Promotion lift.
    Entry {
        key: "mkt.promo.orders_weekly",
        en: "Order lines summed per week from {from} to {to}; periods without sales count as zero.",
        zh: "订单明细按周汇总（{from}至{to}）；没有销售的周按 0 计。",
    },
    Entry {
        key: "mkt.promo.net_of_returns",
        en: "Sales are net of cancellations and returns: {units} units ({lines} lines) were subtracted from the period of their cancellation, as on the Forecast page.",
        zh: "销量已扣除取消和退货：共 {units} 件（{lines} 行）在取消所在的那一期扣减，与预测页相同。",
    },
    Entry {
        key: "mkt.promo.orders_daily",
        en: "Order lines summed per day from {from} to {to}; periods without sales count as zero.",
        zh: "订单明细按天汇总（{from}至{to}）；没有销售的日子按 0 计。",
    },
    Entry {
        key: "mkt.promo.week_numbers",
        en: "Column '{col}' holds week numbers, not dates: weeks are counted from an arbitrary start, so yearly seasonality is placed approximately.",
        zh: "“{col}”列是周序号而不是日期：周从一个任意起点开始计数，因此年度季节性的位置只是近似的。",
    },
    Entry {
        key: "mkt.promo.rows_summed",
        en: "{rows} rows summed into {dates} dates.",
        zh: "{rows} 行按日期合并为 {dates} 个日期。",
    },
    Entry {
        key: "mkt.promo.no_season",
        en: "Yearly seasonality not modelled: the data span {days} days, less than a year.",
        zh: "未考虑年度季节性：数据只覆盖 {days} 天，不到一年。",
    },
    Entry {
        key: "mkt.promo.added",
        en: "The promotion added to sales beyond what the baseline explains.",
        zh: "促销带来了基线无法解释的额外销量。",
    },
    Entry {
        key: "mkt.promo.below",
        en: "Sales were below the baseline: the promotion did not pay off in volume (or sales were pulled away to other periods).",
        zh: "销量低于基线：促销没有带来更多销量（或销量被转移到了其他时段）。",
    },
    Entry {
        key: "mkt.promo.unclear",
        en: "The interval includes zero: the data cannot tell this lift apart from normal variation.",
        zh: "区间包含 0：数据无法把这次提升和正常波动区分开。",
    },
    Entry {
        key: "mkt.promo.lift",
        en: "{what}: {actual} during the promotion against {baseline} expected without it: {inc} ({pct}%), {level}% interval {lo} to {hi}. {verdict}",
        zh: "{what}：促销期间实际 {actual}，没有促销时预计 {baseline}：增量 {inc}（{pct}%），{level}% 区间 {lo} 至 {hi}。{verdict}",
    },
    Entry {
        key: "mkt.promo.units",
        en: "Units",
        zh: "销量",
    },
    Entry {
        key: "mkt.promo.revenue",
        en: "Revenue",
        zh: "销售额",
    },
    Entry {
        key: "mkt.promo.closed_weekdays",
        en: "No sales on {days} anywhere in the data ({n} days): the shop is taken to be closed then. Those days are left out of the baseline's fit and count as 0 on both sides of the lift.",
        zh: "数据中所有{days}都没有销售（共 {n} 天）：视为店铺休息日。这些日子不参与基线拟合，在提升计算中实际销量与基线都按 0 计。",
    },
    Entry {
        key: "mkt.promo.closures",
        en: "The shop sold nothing on {n} {n|day|days} it usually opens ({list}): taken as holidays or closures, left out of the baseline's fit and of the lift's sums, as the closed weekdays are.",
        zh: "有 {n} 个平常营业的日子整个店铺没有任何销售（{list}）：视为节假日或停业，与休息日一样不参与基线拟合，也不计入提升。",
    },
    Entry {
        key: "mkt.promo.part_weeks",
        en: "Holidays shut part of {n} {n|week|weeks} ({list}: the share of a week's usual sales its open days make, by weekday): the baseline expects only that share of a whole week's sales then, and a week under {min}% is left out of its fit.",
        zh: "节假日使 {n} 周部分停业（{list}：按星期几计算，营业日通常占一周销售的比例）：这些周的基线只按整周销售的这个比例计算，低于 {min}% 的周不参与基线拟合。",
    },
    Entry {
        key: "mkt.promo.independent_errors",
        en: "The intervals assume the baseline's errors are independent from period to period; if sales run in streaks they are too narrow. Sales pulled forward from the weeks after a promotion are not subtracted.",
        zh: "区间假设基线在各时段的误差互不相关；如果销量时高时低成片出现，区间会偏窄。从促销后几周提前透支的销量没有扣除。",
    },
    Entry {
        key: "mkt.promo.week",
        en: "week",
        zh: "周",
    },
    Entry {
        key: "mkt.promo.day",
        en: "day",
        zh: "天",
    },
    Entry {
        key: "mkt.promo.period",
        en: "period",
        zh: "个周期",
    },
    Entry {
        key: "mkt.promo.weeks",
        en: "weeks",
        zh: "周",
    },
    Entry {
        key: "mkt.promo.days",
        en: "days",
        zh: "天",
    },
    Entry {
        key: "mkt.promo.periods",
        en: "periods",
        zh: "个周期",
    },
    Entry {
        key: "mkt.promo.summary",
        en: "{n} promoted {unit} ({k} {k|promotion|promotions}): {units}",
        zh: "促销期共 {n} {unit}（{k} 次促销）。{units}",
    },
    Entry {
        key: "mkt.promo.summary_revenue",
        en: "{n} promoted {unit} ({k} {k|promotion|promotions}): {units} {revenue}",
        zh: "促销期共 {n} {unit}（{k} 次促销）。{units}{revenue}",
    },
    Entry {
        key: "mkt.promo.how",
        en: "The baseline — what sales would have been without the promotion — is a least-squares regression on the {base_n} periods without promotion, with {terms}. It is projected onto the {n} promoted periods; incremental = actual − baseline, summed. The {level}% interval is the regression's prediction interval for that sum: σ̂²(m + s'(X'X)⁻¹s), m promoted periods, s the sum of their regressor rows, Student's t with {df} degrees of freedom.",
        zh: "基线（即没有促销时的销量）是用 {base_n} 个无促销时段做的最小二乘回归，包含：{terms}。再把它推算到 {n} 个促销时段；增量 = 实际 − 基线，逐期相加。{level}% 区间是回归对这一总和的预测区间：σ̂²(m + s'(X'X)⁻¹s)，m 为促销时段数，s 为这些时段回归变量行之和，采用自由度为 {df} 的 Student t 分布。",
    },
    Entry {
        key: "mkt.term.intercept",
        en: "intercept",
        zh: "截距",
    },
    Entry {
        key: "mkt.term.trend",
        en: "trend",
        zh: "趋势",
    },
    Entry {
        key: "mkt.term.mon",
        en: "Mon",
        zh: "周一",
    },
    Entry {
        key: "mkt.term.tue",
        en: "Tue",
        zh: "周二",
    },
    Entry {
        key: "mkt.term.wed",
        en: "Wed",
        zh: "周三",
    },
    Entry {
        key: "mkt.term.thu",
        en: "Thu",
        zh: "周四",
    },
    Entry {
        key: "mkt.term.fri",
        en: "Fri",
        zh: "周五",
    },
    Entry {
        key: "mkt.term.sat",
        en: "Sat",
        zh: "周六",
    },
    Entry {
        key: "mkt.term.sun",
        en: "Sun",
        zh: "周日",
    },
    // Price elasticity.
    Entry {
        key: "mkt.el.order_units",
        en: "units per product and week (from order lines)",
        zh: "每个商品每周的销量（来自订单明细）",
    },
    Entry {
        key: "mkt.el.order_price",
        en: "price per product and week (median of its ordinary-size lines)",
        zh: "每个商品每周的价格（常规数量订单行的中位数）",
    },
    Entry {
        key: "mkt.el.product",
        en: "product",
        zh: "商品",
    },
    Entry {
        key: "mkt.el.group",
        en: "group",
        zh: "组",
    },
    Entry {
        key: "mkt.el.pooled",
        en: "all (pooled)",
        zh: "全部（合并）",
    },
    Entry {
        key: "mkt.el.dropped",
        en: "{n} rows with zero or negative units or price were left out (a log-log model needs positive values).",
        zh: "{n} 行的销量或价格为 0 或负数，未纳入计算（对数模型需要正数）。",
    },
    Entry {
        key: "mkt.el.from_orders",
        en: "Order lines aggregated to {cells} product × week cells over {weeks} weeks. A week's price is the median price of its ordinary-size lines (at most the product's usual line quantity), so a discount on ordinary orders shows up as a lower price, while a wholesale order's volume price does not pass for a price change.",
        zh: "订单明细汇总为 {weeks} 周内 {cells} 个“商品 × 周”单元。每周的价格取该周常规数量订单行（不超过该商品通常的每行数量）的价格中位数：常规订单的折扣会体现为更低的价格，而批发订单的批量价不会被当成调价。",
    },
    Entry {
        key: "mkt.el.non_products",
        en: "Left out as not goods (postage, gift cards, manual adjustments, fees…): {codes}.",
        zh: "以下编码不是商品（邮费、礼品卡、手工调整、手续费等），未纳入计算：{codes}。",
    },
    Entry {
        key: "mkt.el.few_observations",
        en: "only {n} observations (at least {min} are needed)",
        zh: "只有 {n} 条观测（至少需要 {min} 条）",
    },
    Entry {
        key: "mkt.el.flat_price",
        en: "its price hardly changed (between {lo} and {hi}; standard deviation of log price {sd} < {min}), so its effect cannot be measured",
        zh: "价格几乎没有变化（在 {lo} 到 {hi} 之间；对数价格的标准差 {sd} < {min}），无法衡量价格的影响",
    },
    Entry {
        key: "mkt.el.elastic",
        en: "Demand is elastic: a price cut raises units by more than the price falls, so revenue rises when the price goes down (margins permitting).",
        zh: "需求富有弹性：降价带来的销量增幅大于降价幅度，所以降价能提高销售额（前提是利润允许）。",
    },
    Entry {
        key: "mkt.el.inelastic",
        en: "Demand is inelastic: units fall by less than the price rises, so a higher price raises revenue.",
        zh: "需求缺乏弹性：销量下降的幅度小于涨价幅度，所以提价能提高销售额。",
    },
    Entry {
        key: "mkt.el.positive",
        en: "Units rise with the price here, which usually means the price is standing in for something else (quality, season, stock-outs); do not read this as a causal effect.",
        zh: "这里销量随价格上升，通常说明价格反映的是别的因素（品质、季节、缺货等）；不要把它理解为价格造成的影响。",
    },
    Entry {
        key: "mkt.el.unsure",
        en: "The interval includes both elastic and inelastic values (or no effect at all): more price variation is needed to be sure.",
        zh: "区间既包含富有弹性也包含缺乏弹性的值（甚至可能没有影响）：需要更多的价格变化才能确定。",
    },
    Entry {
        key: "mkt.el.describe_fewer",
        en: "{name}: a 1% higher price goes with {e}% fewer units ({conf}% interval {lo} to {hi}), in the same store and with the same promotions. {kind}",
        zh: "{name}：在门店和促销相同的情况下，价格每高 1%，销量约少 {e}%（{conf}% 区间 {lo} 至 {hi}）。{kind}",
    },
    Entry {
        key: "mkt.el.describe_more",
        en: "{name}: a 1% higher price goes with {e}% more units ({conf}% interval {lo} to {hi}), in the same store and with the same promotions. {kind}",
        zh: "{name}：在门店和促销相同的情况下，价格每高 1%，销量约多 {e}%（{conf}% 区间 {lo} 至 {hi}）。{kind}",
    },
    Entry {
        key: "mkt.el.withheld",
        en: "{name}: no elasticity, because {why}.",
        zh: "{name}：没有弹性估计，原因是{why}。",
    },
    Entry {
        key: "mkt.el.no_variation",
        en: "it has no price variation",
        zh: "价格没有变化",
    },
    Entry {
        key: "mkt.el.pooled_asked",
        en: "a single pooled elasticity was asked for",
        zh: "设置为只估计一个合并的弹性",
    },
    Entry {
        key: "mkt.el.flag_higher",
        en: "When '{name}' is on, units are {lift}% higher ({conf}% interval {lo}% to {hi}%), at the same price and store.",
        zh: "在价格和门店相同的情况下，“{name}”开启时销量高 {lift}%（{conf}% 区间 {lo}% 至 {hi}%）。",
    },
    Entry {
        key: "mkt.el.flag_lower",
        en: "When '{name}' is on, units are {lift}% lower ({conf}% interval {lo}% to {hi}%), at the same price and store.",
        zh: "在价格和门店相同的情况下，“{name}”开启时销量低 {lift}%（{conf}% 区间 {lo}% 至 {hi}%）。",
    },
    Entry {
        key: "mkt.el.none",
        en: "No elasticity could be estimated.",
        zh: "无法估计任何弹性。",
    },
    Entry {
        key: "mkt.el.summary",
        en: "{n} {group}s. Clearly fewer units at a higher price (the {conf}% interval below 0): {k}{surest}.{rising}{unsure}",
        zh: "共 {n} 个{group}。价格更高时销量明显更少（{conf}% 区间低于 0）：{k} 个{surest}。{rising}{unsure}",
    },
    Entry {
        key: "mkt.el.summary_surest",
        en: " ({name}: elasticity {e}, interval {lo} to {hi})",
        zh: "（{name}：弹性 {e}，区间 {lo} 至 {hi}）",
    },
    Entry {
        key: "mkt.el.summary_surest_mildest",
        en: "; the surest {name} (elasticity {e}, interval {lo} to {hi}), the mildest {mild} ({e_mild})",
        zh: "；最确定的是 {name}（弹性 {e}，区间 {lo} 至 {hi}），最温和的是 {mild}（{e_mild}）",
    },
    Entry {
        key: "mkt.el.summary_rising",
        en: " More units at a higher price (there the price stands in for something else): {r}.",
        zh: "价格更高时销量反而更多（价格在那里反映的是别的因素）：{r} 个。",
    },
    Entry {
        key: "mkt.el.summary_unsure",
        en: " Cannot tell from the data: {u}.",
        zh: "数据无法判断：{u} 个。",
    },
    Entry {
        key: "mkt.el.store_term",
        en: "{store} effect ({s} levels) + ",
        zh: "{store}效应（{s} 个水平）+ ",
    },
    Entry {
        key: "mkt.el.how",
        en: "Ordinary least squares on {n} rows: log({units}) = {store}{group} effect + elasticity{slot} × log({price}){flags}. The elasticity is the % change in units for a 1% change in price; a flag's lift is e^δ − 1. Standard errors are the classical OLS ones, σ̂²(X'X)⁻¹ with σ̂² = residual sum of squares / (n − p), p = {p} parameters; intervals use Student's t with {df} degrees of freedom. Same numbers as statsmodels OLS on the same dummy columns. R² {r2}.",
        zh: "对 {n} 行数据做普通最小二乘回归：log({units}) = {store}{group}效应 + 弹性{slot} × log({price}){flags}。弹性是价格变动 1% 时销量变动的百分比；促销标记的提升为 e^δ − 1。标准误为经典 OLS 标准误 σ̂²(X'X)⁻¹，其中 σ̂² = 残差平方和 / (n − p)，p = {p} 个参数；区间采用自由度为 {df} 的 Student t 分布。与 statsmodels 在相同虚拟变量列上的 OLS 结果一致。R² {r2}。",
    },
    Entry {
        key: "mkt.el.no_store",
        en: "No store column: no store effects (differences between stores are not controlled for).",
        zh: "没有门店列：未考虑门店效应（门店之间的差异没有被控制）。",
    },
    Entry {
        key: "mkt.el.associations",
        en: "Elasticities are associations in the data: prices set in response to demand (e.g. raised in busy weeks) bias them toward zero.",
        zh: "弹性反映的是数据中的关联：如果价格是根据需求定的（例如旺季提价），弹性会被低估（偏向 0）。",
    },
    // Regression trees (ad effect, responders).
    Entry {
        key: "mkt.tree.between",
        en: "{lo} < {name} ≤ {hi}",
        zh: "{name} 大于 {lo} 且不超过 {hi}",
    },
    Entry {
        key: "mkt.tree.above",
        en: "{name} > {lo}",
        zh: "{name} 大于 {lo}",
    },
    Entry {
        key: "mkt.tree.at_most",
        en: "{name} ≤ {hi}",
        zh: "{name} 不超过 {hi}",
    },
    Entry {
        key: "mkt.tree.and",
        en: "{a} and {b}",
        zh: "{a}，且{b}",
    },
    Entry {
        key: "mkt.tree.leaf",
        en: "{target}: {v} ({n} rows)",
        zh: "{target}：{v}（{n} 行）",
    },
    Entry {
        key: "mkt.tree.summary",
        en: "Highest {target} ({hi_v} on average, {hi_n} periods) when {hi_rule}. Lowest ({lo_v}, {lo_n} periods) when {lo_rule}. The most telling variable is {top}{cv}.",
        zh: "{target}最高的情况（平均 {hi_v}，{hi_n} 个时段）：{hi_rule}。最低的情况（{lo_v}，{lo_n} 个时段）：{lo_rule}。最能说明问题的变量是 {top}{cv}。",
    },
    Entry {
        key: "mkt.tree.cv_low",
        en: "; but on periods it did not see the tree explains little (cross-validated R² {r}), so read these rules as description, not prediction",
        zh: "；但在没见过的时段上，这棵树几乎解释不了什么（交叉验证 R² {r}），所以这些规则只能当作描述，不能用来预测",
    },
    Entry {
        key: "mkt.tree.cv",
        en: " (cross-validated R² {r})",
        zh: "（交叉验证 R² {r}）",
    },
    Entry {
        key: "mkt.tree.no_split",
        en: "No split improves the fit: {target} does not vary with the features in a way a tree can pick up.",
        zh: "任何划分都不能改善拟合：{target}随各变量的变化没有树模型能捕捉到的规律。",
    },
    Entry {
        key: "mkt.tree.how",
        en: "A regression tree (CART) splits the {n} periods again and again on the variable and cut-off that most reduce the squared error of {target}, at most {depth} levels deep, keeping at least {leaf} periods in every group; each final group predicts its average {target}. A variable's importance is its share of the total error reduction. Cross-validated R²: the tree is refitted {k} times, each time without one block of consecutive periods, and scored on that block. Same algorithm as scikit-learn's DecisionTreeRegressor.",
        zh: "回归树（CART）反复按最能减小{target}平方误差的变量和分界点划分这 {n} 个时段，最多 {depth} 层，每组至少保留 {leaf} 个时段；每个最终分组的预测值就是该组{target}的平均值。变量的重要性是它在误差总减少量中所占的份额。交叉验证 R²：每次去掉一段连续的时段重新拟合这棵树，共 {k} 次，并在去掉的那段上打分。算法与 scikit-learn 的 DecisionTreeRegressor 相同。",
    },
    Entry {
        key: "mkt.tree.not_causal",
        en: "A tree describes which spend levels went together with high revenue; it does not model carry-over or diminishing returns (the media-mix model does) and is not by itself proof that the spend caused the revenue.",
        zh: "决策树只描述哪些投入水平与高销售额同时出现；它不考虑延滞效应和收益递减（媒体组合模型会考虑），本身也不能证明是投入带来了销售额。",
    },
    // Promotion responders.
    Entry {
        key: "mkt.resp.f_recency",
        en: "days since last order",
        zh: "距上次下单天数",
    },
    Entry {
        key: "mkt.resp.f_orders",
        en: "orders",
        zh: "订单数",
    },
    Entry {
        key: "mkt.resp.f_revenue",
        en: "revenue",
        zh: "销售额",
    },
    Entry {
        key: "mkt.resp.f_age",
        en: "days since first order",
        zh: "距首次下单天数",
    },
    Entry {
        key: "mkt.resp.f_units",
        en: "units per order",
        zh: "每单件数",
    },
    Entry {
        key: "mkt.resp.f_returns",
        en: "return rate",
        zh: "退货率",
    },
    Entry {
        key: "mkt.resp.target",
        en: "bought during the promotion",
        zh: "促销期间购买",
    },
    Entry {
        key: "mkt.resp.summary",
        en: "{responders} of {customers} earlier customers ({rate}) ordered between {from} and {to}. The most responsive group — {best} — bought at {best_rate} ({best_lift}× the average, {best_n} customers); the least — {worst} — at {worst_rate} ({worst_n} customers).",
        zh: "{customers} 位老顾客中有 {responders} 位（{rate}）在{from}至{to}期间下单。响应最好的一组（{best}）购买率为 {best_rate}（是平均水平的 {best_lift} 倍，{best_n} 位顾客）；最差的一组（{worst}）为 {worst_rate}（{worst_n} 位顾客）。",
    },
    Entry {
        key: "mkt.resp.summary_flat",
        en: "{responders} of {customers} earlier customers ({rate}) ordered between {from} and {to}; no split of at least {min} customers separates responders better.",
        zh: "{customers} 位老顾客中有 {responders} 位（{rate}）在{from}至{to}期间下单；没有哪种每组至少 {min} 位顾客的划分能更好地区分响应者。",
    },
    Entry {
        key: "mkt.resp.how",
        en: "Every customer who had ordered before the promotion is one row, described by what the Customers page knows about them on its first day (days since the last order, orders, revenue, days since the first order, units per order, return rate). A decision tree (CART, at most {depth} levels, groups of at least {min} customers) splits them step by step on the feature and threshold that best separate those who bought during the promotion from those who did not. Each final group's response rate is the share of its customers who bought. This shows who bought, not who bought because of the promotion: loyal customers buy often anyway — compare with a holdout group (the A/B test section) to measure the promotion's own effect.",
        zh: "促销开始前下过单的每位顾客为一行，用“顾客”页面在促销第一天对他们的了解来描述（距上次下单天数、订单数、销售额、距首次下单天数、每单件数、退货率）。决策树（CART，最多 {depth} 层，每组至少 {min} 位顾客）逐步按最能区分促销期间购买与未购买顾客的特征和分界点进行划分。每个最终分组的响应率就是组内购买顾客的比例。这说明的是谁买了，而不是谁因为促销才买：忠实顾客本来就常买——要衡量促销本身的效果，请与对照组比较（见 A/B 测试部分）。",
    },
    // Media-mix model.
    Entry {
        key: "mkt.mmm.no_season",
        en: "Yearly seasonality not modelled: the data span {days} days, less than 1.5 years.",
        zh: "未考虑年度季节性：数据只覆盖 {days} 天，不到一年半。",
    },
    Entry {
        key: "mkt.mmm.poor_holdout",
        en: "On the {h} held-out periods the model predicts revenue worse than their plain average (holdout R² {r2}): its split of revenue between channels cannot be trusted.",
        zh: "在留出的 {h} 个时段上，模型预测销售额还不如直接取平均值（留出 R² {r2}）：它在各渠道之间分配销售额的结果不可信。",
    },
    Entry {
        key: "mkt.mmm.too_few",
        en: "Only {n} periods for {p} parameters ({c} channels × 4, {nb} trend/season/control terms, intercept): at least {need} periods are needed before ROI can be told apart from noise.",
        zh: "只有 {n} 个时段，却要估计 {p} 个参数（{c} 个渠道 × 4、{nb} 个趋势/季节/控制项、截距）：至少需要 {need} 个时段，才能把投资回报率和随机波动区分开。",
    },
    Entry {
        key: "mkt.mmm.collinear",
        en: "The transformed media and controls are strongly collinear (condition number {cond} > 30): channels that always move together cannot be separated; see the per-channel VIF.",
        zh: "变换后的媒体投入和控制变量高度共线（条件数 {cond} > 30）：总是同涨同跌的渠道无法区分；请查看各渠道的 VIF。",
    },
    Entry {
        key: "mkt.mmm.w_no_spend",
        en: "no spend in the data",
        zh: "数据中没有投入",
    },
    Entry {
        key: "mkt.mmm.w_too_few",
        en: "too few periods for the number of parameters (see identification)",
        zh: "时段数相对参数个数太少（见可识别性说明）",
    },
    Entry {
        key: "mkt.mmm.w_holdout",
        en: "the model fails on held-out periods (see identification)",
        zh: "模型在留出时段上表现不佳（见可识别性说明）",
    },
    Entry {
        key: "mkt.mmm.w_sparse",
        en: "the channel spent in only {active} of {n} periods: too little variation to measure its effect",
        zh: "该渠道在 {n} 个时段中只有 {active} 个有投入：变化太少，无法衡量效果",
    },
    Entry {
        key: "mkt.mmm.w_collinear",
        en: "its spend pattern is almost fully explained by the other channels and controls (VIF {vif}): its effect cannot be separated from theirs",
        zh: "它的投入变化几乎完全可以由其他渠道和控制变量解释（VIF {vif}）：无法把它的效果与其他渠道分开",
    },
    Entry {
        key: "mkt.mmm.channel",
        en: "{name}: spent {spend} in all and is credited with {contribution} of revenue ({es}% of the media effect for {ss}% of the spend). {roi} Each period, {decay}% of the effect carries over to the next (half of it is felt within {hl} periods). Returns halve at {k} spend per period (shape {s}); the current {current} per period brings about {response} per period.",
        zh: "{name}：共投入 {spend}，带来销售额 {contribution}（用 {ss}% 的投入贡献了 {es}% 的媒体效果）。{roi}每个时段有 {decay}% 的效果延续到下一时段（一半的效果在 {hl} 个时段内显现）。每时段投入达到 {k} 时回报减半（形状参数 {s}）；目前每时段投入 {current}，每时段约带来 {response}。",
    },
    Entry {
        key: "mkt.mmm.roi",
        en: "Each unit of spend returned {r} in revenue on average (90% interval {lo} to {hi}); the next unit would return about {m}.",
        zh: "平均每投入 1 元带来 {r} 元销售额（90% 区间 {lo} 至 {hi}）；再多投 1 元约带来 {m} 元。",
    },
    Entry {
        key: "mkt.mmm.roi_withheld",
        en: "ROI is not shown because {why}.",
        zh: "未显示投资回报率，原因是{why}。",
    },
    Entry {
        key: "mkt.mmm.reason_channel",
        en: "{name}: {why}.",
        zh: "{name}：{why}。",
    },
    Entry {
        key: "mkt.mmm.fit",
        en: "The model explains {r2}% of the revenue variation in the periods it was fitted on (R²), with a typical error of {nrmse}% of the revenue range (NRMSE) and {mape}% per period (MAPE). {holdout}Cross-validated error while choosing the model: {cv}% of the range. DECOMP.RSSD {rssd} measures how far each channel's share of the effect is from its share of spend (0 = identical; large values mean a few channels get most of the credit).",
        zh: "在用于拟合的时段上，模型解释了销售额波动的 {r2}%（R²），典型误差为销售额极差的 {nrmse}%（NRMSE），每时段误差 {mape}%（MAPE）。{holdout}选择模型时的交叉验证误差为极差的 {cv}%。DECOMP.RSSD {rssd} 衡量各渠道的效果占比与投入占比相差多远（0 = 完全一致；数值大说明功劳集中在少数渠道）。",
    },
    Entry {
        key: "mkt.mmm.holdout",
        en: "On the last {h} periods, kept aside and predicted by a model that never saw them: R² {r2}, NRMSE {nrmse}%, MAPE {mape}%. ",
        zh: "最后 {h} 个时段被留出，由没见过它们的模型来预测：R² {r2}，NRMSE {nrmse}%，MAPE {mape}%。",
    },
    Entry {
        key: "mkt.mmm.no_holdout",
        en: "No periods were held out. ",
        zh: "没有留出时段。",
    },
    Entry {
        key: "mkt.mmm.not_reliable",
        en: "NOT RELIABLE: the model failed the identification checks (see identification), so treat this split as illustration only. ",
        zh: "不可靠：模型没有通过可识别性检查（见可识别性说明），此分配仅作示意。",
    },
    Entry {
        key: "mkt.mmm.allocation",
        en: "{warning}Spending {total} over the next {periods} periods ({per} per period) with today's split is predicted to bring {current} of media-driven revenue (carry-over from past spend included); the suggested split ({moves}) brings {optimal}, {lift} ({lift_pct}%). Spend per channel is kept within its bounds; the response beyond 1.5× the largest spend seen is an extrapolation.",
        zh: "{warning}在未来 {periods} 个时段投入 {total}（每时段 {per}），按目前的分配预计带来 {current} 的媒体销售额（含以往投入的延滞效果）；按建议分配（{moves}）可带来 {optimal}，变化 {lift}（{lift_pct}%）。各渠道投入保持在其上下限内；超过历史最大投入 1.5 倍的部分是外推结果。",
    },
    Entry {
        key: "mkt.mmm.files_merged",
        en: "{n} spend files read together ({files}): a period missing from a file counts as no spend on that file's channels.",
        zh: "{n} 个投入文件合并读取（{files}）：某文件缺少的时段，按该文件各渠道无投入计。",
    },
    Entry {
        key: "mkt.mmm.file_note",
        en: "{file}: {note}",
        zh: "{file}：{note}",
    },
    Entry {
        key: "mkt.mmm.renamed_series",
        en: "'{name}' appears in {file} and in an earlier file: named '{new}' here.",
        zh: "“{name}”同时出现在 {file} 和之前的文件中：此处命名为“{new}”。",
    },
    Entry {
        key: "mkt.mmm.periods_aligned",
        en: "{file}: its periods start on another day than those of {first}; each value is added to the period of {first} that its date falls in.",
        zh: "{file}：其周期的起始日与 {first} 不同；每个数值计入其日期所在的 {first} 周期。",
    },
    Entry {
        key: "mkt.mmm.outside_periods",
        en: "{n} value(s) of {file} fall outside the periods of the revenue file and were left out.",
        zh: "{file} 中有 {n} 个数值落在销售额文件的时段之外，未计入。",
    },
    Entry {
        key: "mkt.mmm.currency_mismatch",
        en: "The spend is in {spend} but the orders' revenue in {revenue}: ROI divides amounts in two currencies; convert one of them first.",
        zh: "投入以 {spend} 计，而订单销售额以 {revenue} 计：投资回报率是在两种货币之间相除；请先换算其中一种。",
    },
    Entry {
        key: "mkt.mmm.currencies_differ",
        en: "The spend files are in different currencies ({codes}): their channels are compared as if they were one; convert them to one currency first.",
        zh: "各投入文件的货币不同（{codes}）：各渠道被当作同一货币比较；请先换算为同一种货币。",
    },
    Entry {
        key: "mkt.mmm.long_format",
        en: "Long format (date, channel, spend): {n} channels.",
        zh: "长表格式（日期、渠道、投入）：{n} 个渠道。",
    },
    Entry {
        key: "mkt.mmm.controls",
        en: "Controls recognised: {cols}.",
        zh: "识别出的控制变量：{cols}。",
    },
    Entry {
        key: "mkt.mmm.event_column",
        en: "Event column '{col}' turned into 0/1 flags.",
        zh: "事件列“{col}”已转换为 0/1 标记。",
    },
    Entry {
        key: "mkt.mmm.blanks",
        en: "{n} empty or 'na' cells read as 0.",
        zh: "{n} 个空白或“na”单元格按 0 处理。",
    },
    Entry {
        key: "mkt.mmm.revenue_orders",
        en: "Revenue from {n} order lines summed per period.",
        zh: "销售额由 {n} 条订单明细按时段汇总得出。",
    },
    Entry {
        key: "mkt.mmm.revenue_net",
        en: "Revenue is net of cancellations and returns: {amount} ({lines} lines) was subtracted from the period of its refund, as on the Forecast page.",
        zh: "销售额已扣除取消和退货：共 {amount}（{lines} 行）在退款所在的时段扣减，与预测页相同。",
    },
    Entry {
        key: "mkt.mmm.revenue_orders_outside",
        en: "Revenue from {n} order lines summed per period; {outside} lines fall outside the spend file's periods and are not used.",
        zh: "销售额由 {n} 条订单明细按时段汇总得出；另有 {outside} 条不在投入文件的时段内，未使用。",
    },
    // Errors a merchant can run into with their own files.
    Entry {
        key: "mkt.err.no_variant_column",
        en: "{file}: no variant column found — name one (a column with 2 to {max} distinct values such as control/treatment; columns: {columns})",
        zh: "{file}：没有找到版本列——请指定一列（含 2 到 {max} 个不同取值，如 control/treatment；现有列：{columns}）",
    },
    Entry {
        key: "mkt.err.no_rows",
        en: "{file}: the file has a header but no rows",
        zh: "{file}：文件只有表头，没有数据行",
    },
    Entry {
        key: "mkt.err.no_outcome_column",
        en: "{file}: no outcome column found (a 0/1, true/false or numeric column besides the variant '{variant}'; columns: {columns})",
        zh: "{file}：没有找到结果列（除版本列“{variant}”外，需要一个 0/1、true/false 或数值列；现有列：{columns}）",
    },
    Entry {
        key: "mkt.err.few_customers",
        en: "only {n} customers ordered before {from}: too few to find groups of at least {min} (identified customers are needed; guest orders have no customer id)",
        zh: "{from} 之前只有 {n} 位顾客下过单：太少，无法分出每组至少 {min} 位顾客的分组（需要能识别的顾客；游客订单没有顾客编号）",
    },
    Entry {
        key: "mkt.err.no_responders",
        en: "none of the {n} earlier customers ordered between {from} and {to}",
        zh: "{n} 位老顾客中没有人在 {from} 至 {to} 期间下单",
    },
    Entry {
        key: "mkt.err.holdout",
        en: "{n} periods with a holdout of {holdout}: at least 12 periods are needed to fit",
        zh: "共 {n} 个时段、留出 {holdout} 个：至少需要 12 个时段来拟合",
    },
    Entry {
        key: "mkt.err.infeasible",
        en: "the budget of {budget} per period is outside what the channel bounds allow ({min} to {max} per period)",
        zh: "每时段预算 {budget} 超出了各渠道上下限允许的范围（每时段 {min} 至 {max}）",
    },
    Entry {
        key: "mkt.err.no_date_column",
        en: "{file}: no date column found (columns: {columns})",
        zh: "{file}：没有找到日期列（现有列：{columns}）",
    },
    Entry {
        key: "mkt.err.no_revenue_column",
        en: "{file}: no revenue column (name one with --revenue-column or give the orders)",
        zh: "{file}：没有销售额列（请用 --revenue-column 指定，或提供订单数据）",
    },
    Entry {
        key: "mkt.err.repeated_dates",
        en: "{file}: {rows} rows but {n} distinct dates in '{col}': a wide spend file needs one row per period",
        zh: "{file}：有 {rows} 行，但“{col}”列只有 {n} 个不同日期：宽表格式的投入文件每个时段只能有一行",
    },
    Entry {
        key: "mkt.err.no_spend_columns",
        en: "{file}: no spend columns recognised (names like spend_*, *_spend, *_cost); name them with --channels (columns: {columns})",
        zh: "{file}：没有识别出投入列（列名应形如 spend_*、*_spend、*_cost）；请用 --channels 指定（现有列：{columns}）",
    },
    Entry {
        key: "mkt.err.negative_column",
        en: "{file}: column '{col}' has negative spend",
        zh: "{file}：“{col}”列有负的投入",
    },
    Entry {
        key: "mkt.err.few_periods",
        en: "{n} periods: a media-mix model needs at least 16 (and many more to measure ROI)",
        zh: "只有 {n} 个时段：媒体组合模型至少需要 16 个（要衡量投资回报率还需要多得多）",
    },
    Entry {
        key: "mkt.err.no_channels",
        en: "no media channels",
        zh: "没有媒体渠道",
    },
    Entry {
        key: "mkt.err.many_channels",
        en: "{n} channels: at most 40",
        zh: "{n} 个渠道：最多 40 个",
    },
    Entry {
        key: "mkt.err.non_finite",
        en: "series '{name}' has a non-finite value",
        zh: "“{name}”列有无效数值",
    },
    Entry {
        key: "mkt.err.negative_channel",
        en: "channel '{name}' has negative spend",
        zh: "渠道“{name}”有负的投入",
    },
    Entry {
        key: "mkt.err.revenue_non_finite",
        en: "revenue has a non-finite value",
        zh: "销售额中有无效数值",
    },
    Entry {
        key: "mkt.err.dates_order",
        en: "dates must be strictly increasing",
        zh: "日期必须严格递增",
    },
    Entry {
        key: "mkt.err.spend_periods_differ",
        en: "the spend files have different periods: {a} one every {a_days} day(s), {b} one every {b_days} day(s); export both by the same period (daily, say)",
        zh: "各投入文件的周期不同：{a} 每 {a_days} 天一行，{b} 每 {b_days} 天一行；请按相同周期（例如按天）导出",
    },
    Entry {
        key: "mkt.err.irregular",
        en: "{n} gaps between consecutive dates differ from the period of {days} days: fill missing periods (with zero spend) first",
        zh: "有 {n} 处相邻日期的间隔不等于 {days} 天的周期：请先补齐缺失的时段（投入记为 0）",
    },
    Entry {
        key: "mkt.err.two_variants",
        en: "need at least two variants, found {k} ({names})",
        zh: "至少需要两个版本，只找到 {k} 个（{names}）",
    },
    Entry {
        key: "mkt.err.many_variants",
        en: "{k} distinct variants: is the variant column right?",
        zh: "有 {k} 个不同的版本：版本列选对了吗？",
    },
    Entry {
        key: "mkt.err.conversions_exceed",
        en: "variant {name}: {x} conversions out of {n} units",
        zh: "版本 {name}：{n} 位用户却有 {x} 次转化",
    },
    Entry {
        key: "mkt.err.mixed_kinds",
        en: "variants mix conversion counts and continuous values",
        zh: "各版本的数据混用了转化次数和连续数值",
    },
    Entry {
        key: "mkt.err.few_units",
        en: "variant {name} has {n} unit(s); at least 2 are needed",
        zh: "版本 {name} 只有 {n} 位用户；至少需要 2 位",
    },
    Entry {
        key: "mkt.err.unknown_control",
        en: "control '{control}' is not a variant (variants: {names})",
        zh: "对照组“{control}”不是现有的版本（现有版本：{names}）",
    },
    // Errors of the table reader, the regression, elasticity, promotion lift and the tree.
    Entry {
        key: "mkt.err.table_file",
        en: "{file}: {message}",
        zh: "{file}：{message}",
    },
    Entry {
        key: "mkt.err.table_no_column",
        en: "{file}: no column named '{column}' (columns: {available})",
        zh: "{file}：没有名为“{column}”的列（现有列：{available}）",
    },
    Entry {
        key: "mkt.param.bounds_syntax",
        en: "'{given}': expected CHANNEL=MIN:MAX",
        zh: "“{given}”：格式应为 渠道=最小值:最大值（CHANNEL=MIN:MAX）",
    },
    Entry {
        key: "mkt.param.bounds_unknown_channel",
        en: "bounds given for '{channel}', which is not a channel",
        zh: "为“{channel}”设置了上下限，但它不是一个渠道",
    },
    // A channel's spend limits in the budget allocation.
    Entry {
        key: "mkt.param.channel_bounds",
        en: "bounds of {channel} must be 0 ≤ min ≤ max",
        zh: "{channel} 的上下限必须满足 0 ≤ 最小值 ≤ 最大值",
    },
    Entry {
        key: "mkt.err.table_gzip",
        en: "cannot decompress gzip: {error}",
        zh: "无法解压 gzip：{error}",
    },
    Entry {
        key: "mkt.err.table_header",
        en: "cannot read the header row: {error}",
        zh: "无法读取表头行：{error}",
    },
    Entry {
        key: "mkt.table.preamble",
        en: "{file}: {n} line(s) above the header were left out (a report title: '{first}')",
        zh: "{file}：表头上方的 {n} 行未读入（报告标题：“{first}”）",
    },
    Entry {
        key: "mkt.table.totals",
        en: "{file}: {n} total row(s) under the data were left out ('{first}')",
        zh: "{file}：数据下方的 {n} 行合计未读入（“{first}”）",
    },
    Entry {
        key: "mkt.err.table_no_header",
        en: "the file has no header row",
        zh: "文件没有表头行",
    },
    Entry {
        key: "mkt.err.table_row",
        en: "row {row}: {error}",
        zh: "第 {row} 行：{error}",
    },
    Entry {
        key: "mkt.err.table_column_range",
        en: "column {col} out of range",
        zh: "第 {col} 列超出范围",
    },
    Entry {
        key: "mkt.err.expected_date",
        en: "expected a date, found '{found}'",
        zh: "应为日期，实际是“{found}”",
    },
    Entry {
        key: "mkt.err.expected_number_or_flag",
        en: "expected a number or True/False/0/1/yes/no, found '{found}'",
        zh: "应为数字或 True/False/0/1/yes/no，实际是“{found}”",
    },
    Entry {
        key: "mkt.err.ols_too_few",
        en: "{n} observations for {p} parameters: at least {need} are needed",
        zh: "{p} 个参数只有 {n} 个观测值：至少需要 {need} 个",
    },
    Entry {
        key: "mkt.err.ols_singular",
        en: "the regressors are perfectly collinear (a column is a combination of others: {why})",
        zh: "回归变量完全共线（某一列是其他列的组合：{why}）",
    },
    Entry {
        key: "mkt.err.ols_zero_column",
        en: "column '{column}' is all zero",
        zh: "“{column}”列全是零",
    },
    Entry {
        key: "mkt.err.ols_check_columns",
        en: "check for duplicated or constant columns",
        zh: "请检查是否有重复列或常数列",
    },
    Entry {
        key: "mkt.err.ols_not_finite",
        en: "non-finite value in row {row}",
        zh: "第 {row} 行有无效数值",
    },
    Entry {
        key: "mkt.err.regression_fit",
        en: "the regression cannot be fitted: {error}",
        zh: "无法拟合回归：{error}",
    },
    Entry {
        key: "mkt.err.baseline_fit",
        en: "the baseline cannot be fitted: {error}",
        zh: "无法拟合基线：{error}",
    },
    Entry {
        key: "mkt.err.elasticity_no_units",
        en: "{file}: no units column found (looked for logmove, units, quantity, qty, volume…; columns: {columns}); name it with --units-column",
        zh: "{file}：找不到销量列（查找了 logmove、units、quantity、qty、volume…；现有列：{columns}）；请用 --units-column 指定",
    },
    Entry {
        key: "mkt.err.elasticity_no_price",
        en: "{file}: no price column found (looked for price, unit_price, avg_price, log_price…); name it with --price-column",
        zh: "{file}：找不到价格列（查找了 price、unit_price、avg_price、log_price…）；请用 --price-column 指定",
    },
    Entry {
        key: "mkt.err.elasticity_no_group_price",
        en: "{file}: no price column, and no column '{name}' for {group} {value} (row {row})",
        zh: "{file}：没有价格列，{group} {value} 也没有对应的“{name}”列（第 {row} 行）",
    },
    Entry {
        key: "mkt.err.elasticity_no_lines",
        en: "no order lines with a product, a positive quantity and a positive price",
        zh: "没有同时带商品、正数量和正价格的订单行",
    },
    Entry {
        key: "mkt.err.no_observations",
        en: "no observations",
        zh: "没有观测值",
    },
    Entry {
        key: "mkt.err.different_lengths",
        en: "columns of different lengths",
        zh: "各列长度不一致",
    },
    Entry {
        key: "mkt.err.index_range",
        en: "group or store index out of range",
        zh: "分组或门店索引超出范围",
    },
    Entry {
        key: "mkt.err.product",
        en: "product",
        zh: "商品",
    },
    Entry {
        key: "mkt.err.no_price_variation",
        en: "no {group} has enough price variation to estimate an elasticity ({why})",
        zh: "没有任何{group}的价格变化足以估计弹性（{why}）",
    },
    Entry {
        key: "mkt.err.too_many_parameters",
        en: "{p} parameters with store effects or promotion flags: too many for one regression; keep fewer {group}s (e.g. --sku) or use a single pooled elasticity",
        zh: "加上门店效应或促销标记共有 {p} 个参数：一次回归放不下；请减少{group}的数量（例如 --sku），或使用一个合并的弹性",
    },
    Entry {
        key: "mkt.err.promo_no_lines",
        en: "no order lines (for the chosen products)",
        zh: "（所选商品）没有订单行",
    },
    Entry {
        key: "mkt.err.promo_no_date",
        en: "{file}: no date column (and no integer week column) found; name it with --date-column",
        zh: "{file}：找不到日期列（也没有整数周列）；请用 --date-column 指定",
    },
    Entry {
        key: "mkt.err.promo_no_units",
        en: "{file}: no units column found (units, quantity, qty, volume, logmove); name it with --units-column",
        zh: "{file}：找不到销量列（units、quantity、qty、volume、logmove）；请用 --units-column 指定",
    },
    Entry {
        key: "mkt.err.promo_no_flag",
        en: "give a promotion flag column or a date range",
        zh: "请给出促销标记列或日期范围",
    },
    Entry {
        key: "mkt.err.promo_dates_order",
        en: "dates must be strictly increasing",
        zh: "日期必须严格递增",
    },
    Entry {
        key: "mkt.err.promo_non_finite",
        en: "non-finite units or revenue",
        zh: "销量或销售额中有无效数值",
    },
    Entry {
        key: "mkt.err.promo_none_promoted",
        en: "no period is marked as promoted (check the flag column or the date range)",
        zh: "没有任何时段被标记为促销（请检查标记列或日期范围）",
    },
    Entry {
        key: "mkt.err.promo_all_closed",
        en: "every promoted day is a day the shop was closed (a weekday it never sells on, or a holiday): there are no sales to measure the promotion on (check the date range)",
        zh: "所有促销日都是店铺不营业的日子（从不销售的星期几或节假日）：没有可用于测算促销的销售（请检查日期范围）",
    },
    Entry {
        key: "mkt.err.promo_few_base",
        en: "only {n} periods without promotion: at least {need} are needed for a baseline with {terms} terms",
        zh: "只有 {n} 个非促销时段：含 {terms} 项的基线至少需要 {need} 个",
    },
    Entry {
        key: "mkt.err.tree_rows",
        en: "{n} rows: a tree needs at least 4",
        zh: "只有 {n} 行：决策树至少需要 4 行",
    },
    Entry {
        key: "mkt.err.tree_no_features",
        en: "no features",
        zh: "没有特征",
    },
    Entry {
        key: "mkt.err.different_lengths_features",
        en: "features of different lengths",
        zh: "各特征长度不一致",
    },
    Entry {
        key: "mkt.err.tree_non_finite",
        en: "non-finite values",
        zh: "有无效数值",
    },
    Entry {
        key: "mkt.err.no_candidate",
        en: "the search produced no candidate",
        zh: "搜索没有产生任何候选模型",
    },
    Entry {
        key: "mkt.err.alloc_invalid",
        en: "invalid allocation input: {message}",
        zh: "分配输入无效：{message}",
    },
    Entry {
        key: "mkt.err.revenue_length",
        en: "revenue and dates differ in length",
        zh: "销售额和日期的长度不一致",
    },
    Entry {
        key: "mkt.err.series_length",
        en: "series '{name}' has {values} values for {n} periods",
        zh: "序列“{name}”有 {values} 个值，但共有 {n} 个时段",
    },
];
