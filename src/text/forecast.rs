//! Sentences of the forecast area.

use super::Entry;

pub const ENTRIES: &[Entry] = &[
    // The report's "how was this computed" paragraph.
    Entry {
        key: "forecast.how",
        en: "Each series is forecast {h} periods ahead. In automatic mode several models are tested on the most recent history (each forecasts periods it has not seen) and scored by MASE: their average error divided by the typical error, within the history, of forecasting each period by the value one season earlier (by the period before, for a series without a season or a history shorter than two seasons). Below 1 means more accurate than that simple rule; as forecasting several periods ahead is harder, scores above 1 are common. The shaded bands are prediction intervals: the future should fall inside the {levels} band that often.",
        zh: "每个序列向后预测 {h} 期。自动模式下，会用最近的历史数据检验多个模型（每个模型都去预测它没见过的那几期），并用 MASE 打分：平均误差除以历史中“用上一季同期的数值预测每一期”（没有季节性或历史不足两季时，用前一期的数值）的典型误差。低于 1 表示比这个简单方法更准；向前预测多期更难，所以高于 1 也很常见。阴影带是预测区间：未来的实际值应分别有 {levels} 的机会落在对应的带内。",
    },
    // One series' explanation: how, model name, backtest accuracy, direction.
    Entry {
        key: "forecast.explain",
        en: "Forecast by {how} ({model}).{acc} Over the next {h} periods demand is expected {dir} compared with the last {h}.",
        zh: "预测方法：{how}（{model}）。{acc}与最近 {h} 期相比，预计未来 {h} 期的需求{dir}。",
    },
    Entry {
        key: "forecast.acc.mase",
        en: " In the backtest its average error was {v} times the typical error, within the history, of repeating the value one season ({m} periods) earlier.",
        zh: "回测中，它的平均误差是历史中“重复一季（{m} 期）之前的数值”的典型误差的 {v} 倍。",
    },
    Entry {
        key: "forecast.acc.mase_naive",
        en: " In the backtest its average error was {v} times the typical change from one period to the next in the history (the error of repeating the last value one period ahead).",
        zh: "回测中，它的平均误差是历史中相邻两期典型变化量（即重复上一期数值预测下一期的误差）的 {v} 倍。",
    },
    Entry {
        key: "forecast.acc.none",
        en: " There was not enough history to backtest it.",
        zh: "历史数据不够，无法回测。",
    },
    Entry {
        key: "forecast.dir.up",
        en: "up {p}%",
        zh: "上升 {p}%",
    },
    Entry {
        key: "forecast.dir.down",
        en: "down {p}%",
        zh: "下降 {p}%",
    },
    Entry {
        key: "forecast.dir.flat",
        en: "about flat",
        zh: "基本持平",
    },
    Entry {
        key: "forecast.how.ensemble",
        en: "a trimmed average of standard models (exponential smoothing over temporal hierarchies and with a damped trend, complex exponential smoothing, ARIMA, two Theta models, a small neural network and last season's values: the highest and lowest forecast of each period are dropped), which is usually more reliable than any single one; its bands widen where the models disagree",
        zh: "多个常用模型的截尾平均（时间层级上的指数平滑与带阻尼趋势的指数平滑、复数指数平滑、ARIMA、两种 Theta 模型、一个小型神经网络和上一季的数值：每期去掉最高和最低的预测），通常比任何单个模型都更可靠；各模型分歧越大，区间越宽",
    },
    Entry {
        key: "forecast.how.ets_level",
        en: "exponential smoothing of the level: an average in which recent periods weigh more, with no trend or seasonality",
        zh: "水平指数平滑：越近的数据权重越大的加权平均，不含趋势和季节性",
    },
    Entry {
        key: "forecast.how.ets",
        en: "exponential smoothing, which weights recent periods more and follows level, trend and seasonality",
        zh: "指数平滑，越近的数据权重越大，并跟踪水平、趋势和季节性",
    },
    Entry {
        key: "forecast.how.arima",
        en: "an ARIMA model, which extrapolates the series' own correlations",
        zh: "ARIMA 模型，根据序列自身前后的相关性往后推",
    },
    Entry {
        key: "forecast.how.theta",
        en: "the Theta method (dynamic optimised Theta model): smoothing plus a trend that is re-estimated as each period arrives",
        zh: "Theta 方法（动态优化 Theta 模型）：在平滑的基础上加一条随每期新数据重新估计的趋势",
    },
    Entry {
        key: "forecast.how.nnar",
        en: "a small neural network that learns how each period follows from the recent ones (and, with a season, from the same period a season earlier), averaged over 20 networks; it cannot extend a trend beyond the levels it has seen",
        zh: "一个小型神经网络，学习每期数值如何由最近几期（有季节性时还有上一季同期）推出，取 20 个网络的平均；它不会把趋势延伸到见过的水平之外",
    },
    Entry {
        key: "forecast.how.ces",
        en: "complex exponential smoothing: like exponential smoothing it weighs recent periods more, but it tracks the level together with a second, slower-moving quantity, so it can follow a gradual rise or fall without assuming a fixed trend, and the season when there is one",
        zh: "复数指数平滑：与指数平滑一样更看重最近几期，但它把水平与另一个变化较慢的量一起跟踪，因而无需假定固定趋势就能跟上缓慢的上升或下降，有季节性时也跟踪季节",
    },
    Entry {
        key: "forecast.how.thief",
        en: "temporal hierarchies: the same history is also added up into larger blocks of {blocks} periods, each is forecast with exponential smoothing, and the forecasts are adjusted so that they add up, so the trend seen in the totals and the season seen in the single periods both shape the forecast",
        zh: "时间层级：把同一段历史另外按每 {blocks} 期加总为更大的区块，各自用指数平滑预测，再调整使各层预测相互加总一致，这样合计中看到的趋势与单期中看到的季节性都会影响预测",
    },
    Entry {
        key: "forecast.how.thief_arima",
        en: "temporal hierarchies over ARIMA: the same history is also added up into larger blocks of {blocks} periods, each is forecast with an ARIMA model, and the forecasts are adjusted so that they add up, so the trend seen in the totals and the season seen in the single periods both shape the forecast",
        zh: "基于 ARIMA 的时间层级：把同一段历史另外按每 {blocks} 期加总为更大的区块，各自用 ARIMA 模型预测，再调整使各层预测相互加总一致，这样合计中看到的趋势与单期中看到的季节性都会影响预测",
    },
    Entry {
        key: "forecast.how.thief_theta",
        en: "temporal hierarchies over Theta: the same history is also added up into larger blocks of {blocks} periods, each is forecast with the Theta method, and the forecasts are adjusted so that they add up, so the trend seen in the totals and the season seen in the single periods both shape the forecast",
        zh: "基于 Theta 的时间层级：把同一段历史另外按每 {blocks} 期加总为更大的区块，各自用 Theta 方法预测，再调整使各层预测相互加总一致，这样合计中看到的趋势与单期中看到的季节性都会影响预测",
    },
    Entry {
        key: "forecast.how.seasonal_naive",
        en: "last season's values, which the other models could not beat",
        zh: "上一季同期的数值，其他模型都没能比它更准",
    },
    Entry {
        key: "forecast.how.naive",
        en: "the last value, as no model did better",
        zh: "最近一期的数值，因为没有模型比它更准",
    },
    Entry {
        key: "forecast.how.intermittent",
        en: "a method for irregular sales, which forecasts the average rate of demand (sales come in bursts, so expect the actual pattern to be lumpier)",
        zh: "适合不规律销售的方法，预测的是平均需求水平（实际销售是一阵一阵的，会比预测线起伏更大）",
    },
    Entry {
        key: "forecast.how.other",
        en: "the selected model",
        zh: "所选模型",
    },
    // Notes of the data preparation.
    Entry {
        key: "forecast.note.non_products",
        en: "{n} of these codes are not goods (postage, fees, gift cards, manual adjustments…: {codes}): they are forecast like the others and marked \"not goods\"; Inventory leaves them out.",
        zh: "其中 {n} 个编码不是商品（邮费、手续费、礼品卡、手工调整等：{codes}）：照常预测并标为“非商品”；库存页不计入它们。",
    },
    Entry {
        key: "forecast.err.only_non_goods",
        en: "every code to forecast is postage, a fee, a gift card or an adjustment rather than goods, and only goods were asked for",
        zh: "要预测的编码全是邮费、手续费、礼品卡或调整项而非商品，而设置为只预测商品",
    },
    Entry {
        key: "forecast.note.non_products_left_out",
        en: "{n} codes that are not goods (postage, fees, gift cards, manual adjustments…: {codes}) are left out.",
        zh: "{n} 个非商品编码（邮费、手续费、礼品卡、手工调整等：{codes}）未计入。",
    },
    Entry {
        key: "forecast.note.net_of_returns",
        en: "Sales are net of cancellations and returns: {amount} units ({lines} lines) were subtracted from the {freq} of their cancellation, as on the Inventory page.",
        zh: "销量已扣除取消和退货：共 {amount} 件（{lines} 行）在取消所在的那一{freq}扣减，与库存页相同。",
    },
    Entry {
        key: "forecast.note.net_of_returns_revenue",
        en: "Revenue is net of cancellations and returns: {amount} ({lines} lines) was subtracted from the {freq} of its refund.",
        zh: "销售额已扣除取消和退货：共 {amount}（{lines} 行）在退款所在的那一{freq}扣减。",
    },
    Entry {
        key: "forecast.note.all_cancelled",
        en: "{n} {n|series was|series were} left out: cancellations and returns offset all {n|its|their} sales.",
        zh: "{n} 个序列未预测：取消和退货抵消了其全部销售。",
    },
    Entry {
        key: "forecast.note.closures",
        en: "No sales on {n} {n|day|days} the shop usually opens ({list}): taken as holidays or closures. The models see those days filled in from the same weekday a week before and after, so that a closure does not read as a slump.",
        zh: "有 {n} 个平常营业的日子没有任何销售（{list}）：视为节假日或停业。模型看到的这些日子用前后一周同一星期几的数据补上，以免停业被当成销量下滑。",
    },
    Entry {
        key: "forecast.note.annual_closure",
        en: "The shop was closed from {from} to {to} a year before: the days of the forecast on the same dates are forecast 0.",
        zh: "店铺一年前从 {from} 到 {to} 停业：预测期内相同日期的日子预测为 0。",
    },
    Entry {
        key: "forecast.note.closure_weeks",
        en: "Closures (holidays) cover {n} {n|week|weeks} of the history in part ({list}: the share of a week's sales its open days make). The models see {n|it|them} at a whole week's sales (divided by that share; a week closed for most of it takes the mean of the weeks beside it), so that a closure does not read as a slump.",
        zh: "停业（节假日）覆盖了历史中 {n} 周的部分日子（{list}：营业日通常占一周销售的比例）。模型看到的是这些周按整周折算的销量（除以该比例；大部分时间停业的周取前后几周的平均值），以免停业被当成销量下滑。",
    },
    Entry {
        key: "forecast.note.closure_months",
        en: "Closures (holidays) cover {n} {n|month|months} of the history in part ({list}: the share of a month's sales its open days make). The models see {n|it|them} at a whole month's sales (divided by that share; a month closed for most of it takes the mean of the months beside it), so that a closure does not read as a slump.",
        zh: "停业（节假日）覆盖了历史中 {n} 个月的部分日子（{list}：营业日通常占一个月销售的比例）。模型看到的是这些月按整月折算的销量（除以该比例；大部分时间停业的月取前后几个月的平均值），以免停业被当成销量下滑。",
    },
    Entry {
        key: "forecast.note.annual_closure_weeks",
        en: "The shop was closed from {from} to {to} a year before: the weeks ahead on those dates are forecast for the days it will open only, with the share of a week's sales those days make ({list}).",
        zh: "店铺一年前从 {from} 到 {to} 停业：预测期内落在这些日期的周只按营业的日子预测，按这些日子通常占一周销售的比例计算（{list}）。",
    },
    Entry {
        key: "forecast.note.annual_closure_months",
        en: "The shop was closed from {from} to {to} a year before: the months ahead on those dates are forecast for the days it will open only, with the share of a month's sales those days make ({list}).",
        zh: "店铺一年前从 {from} 到 {to} 停业：预测期内落在这些日期的月份只按营业的日子预测，按这些日子通常占一个月销售的比例计算（{list}）。",
    },
    Entry {
        key: "forecast.file.note.closed_days",
        en: "No series of the file sold anything on {days} in any of the last {w} weeks: the shop is taken to be closed then. Those days are forecast 0, and the other days from the open days alone.",
        zh: "文件中所有序列最近 {w} 周的{days}都没有销售：视为店铺休息日。这些日子预测为 0，其余日子只根据营业日的数据预测。",
    },
    Entry {
        key: "forecast.file.note.closures",
        en: "No series of the file sold anything on {n} {n|day|days} the shop usually opens ({list}): taken as holidays or closures. The models see those days filled in from the same weekday a week before and after, so that a closure does not read as a slump.",
        zh: "文件中所有序列在 {n} 个平常营业的日子都没有销售（{list}）：视为节假日或停业。模型看到的这些日子用前后一周同一星期几的数据补上，以免停业被当成销量下滑。",
    },
    Entry {
        key: "forecast.note.closed_days",
        en: "No sales on {days} in any of the last {w} weeks: the shop is taken to be closed then. Those days are forecast 0, and the other days from the open days alone.",
        zh: "最近 {w} 周的{days}都没有销售：视为店铺休息日。这些日子预测为 0，其余日子只根据营业日的数据预测。",
    },
    Entry {
        key: "forecast.note.flags",
        en: "Flag columns are used as known effects (regression with {order} errors): {effects} per flagged period. The model forecasts the series without them, and the effects of the flags planned for each forecast period are added back.",
        zh: "标记列作为已知影响使用（误差为 {order} 的回归）：每个标记期 {effects}。模型先预测去除这些影响后的序列，再把每个预测期已计划标记的影响加回。",
    },
    Entry {
        key: "forecast.note.flags_auto",
        en: "With flag columns the automatic choice is the regression with ARIMA errors, the standard model for known effects (R auto.arima with xreg, statsforecast AutoARIMA with exogenous columns).",
        zh: "有标记列时，自动选择为误差服从 ARIMA 的回归，这是处理已知影响的标准模型（R 的 auto.arima 带 xreg，statsforecast 的 AutoARIMA 带外生列）。",
    },
    Entry {
        key: "forecast.note.flags_constant",
        en: "Flag columns that never change in the history cannot be estimated and are left out: {names}.",
        zh: "历史中从不变化的标记列无法估计，已略去：{names}。",
    },
    Entry {
        key: "forecast.note.flags_failed",
        en: "The flag columns could not be used ({error}); the series is forecast without them.",
        zh: "无法使用标记列（{error}）；该序列在不考虑它们的情况下预测。",
    },
    Entry {
        key: "forecast.note.flags_unknown",
        en: "The file gives the flags of {known} of the {h} forecast periods; the later periods are taken to have none.",
        zh: "文件给出了 {h} 个预测期中 {known} 个的标记；之后的各期视为没有标记。",
    },
    Entry {
        key: "forecast.weekday.mon",
        en: "Monday",
        zh: "星期一",
    },
    Entry {
        key: "forecast.weekday.tue",
        en: "Tuesday",
        zh: "星期二",
    },
    Entry {
        key: "forecast.weekday.wed",
        en: "Wednesday",
        zh: "星期三",
    },
    Entry {
        key: "forecast.weekday.thu",
        en: "Thursday",
        zh: "星期四",
    },
    Entry {
        key: "forecast.weekday.fri",
        en: "Friday",
        zh: "星期五",
    },
    Entry {
        key: "forecast.weekday.sat",
        en: "Saturday",
        zh: "星期六",
    },
    Entry {
        key: "forecast.weekday.sun",
        en: "Sunday",
        zh: "星期日",
    },
    Entry {
        key: "forecast.list.and",
        en: "{a} and {b}",
        zh: "{a}和{b}",
    },
    Entry {
        key: "forecast.list.comma",
        en: "{a}, {b}",
        zh: "{a}、{b}",
    },
    Entry {
        key: "forecast.note.incomplete_first",
        en: "The first {freq} in the data is incomplete (the data start on {date}) and was left out of the history.",
        zh: "数据中的第一{freq}不完整（数据从 {date} 开始），没有计入历史。",
    },
    Entry {
        key: "forecast.note.only_in_first_sku",
        en: "{n} products sold only in that first {freq} and never since: they are not forecast.",
        zh: "有 {n} 个商品只在这第一{freq}有销售，之后再没有卖出：不做预测。",
    },
    Entry {
        key: "forecast.note.only_in_first_category",
        en: "{n} categories sold only in that first {freq} and never since: they are not forecast.",
        zh: "有 {n} 个品类只在这第一{freq}有销售，之后再没有卖出：不做预测。",
    },
    Entry {
        key: "forecast.note.only_in_last_sku",
        en: "{n} products sold only in that {freq}: with no complete {freq} of history yet, they are not forecast.",
        zh: "有 {n} 个商品只在这一{freq}有销售：还没有一整{freq}的历史，因此不做预测。",
    },
    Entry {
        key: "forecast.note.only_in_last_category",
        en: "{n} categories sold only in that {freq}: with no complete {freq} of history yet, they are not forecast.",
        zh: "有 {n} 个品类只在这一{freq}有销售：还没有一整{freq}的历史，因此不做预测。",
    },
    Entry {
        key: "forecast.note.no_category",
        en: "The orders have no category, so all sales form one group, “(none)”. Forecasts per category need a category column in the orders file (category, product type, department or vendor), or one chosen on the Data page.",
        zh: "订单数据里没有品类，所有销售都归入同一组“（无）”。要按品类预测，订单文件需要有品类列（category、product type、department 或 vendor），或在“数据”页面指定一列作为品类。",
    },
    Entry {
        key: "forecast.note.some_uncategorised",
        en: "{p} of the sales have no category; they are forecast as one group, “(none)”.",
        zh: "{p} 的销售没有品类，作为一组“（无）”一起预测。",
    },
    Entry {
        key: "forecast.note.incomplete_last",
        en: "The last {freq} in the data is incomplete and was left out of the history.",
        zh: "数据中的最后一{freq}不完整，没有计入历史。",
    },
    Entry {
        key: "forecast.freq.day",
        en: "day",
        zh: "天",
    },
    Entry {
        key: "forecast.freq.week",
        en: "week",
        zh: "周",
    },
    Entry {
        key: "forecast.freq.month",
        en: "month",
        zh: "个月",
    },
    // Model names (the picker, the leaderboard and the notes; the CLI uses `ModelKind::key`).
    Entry {
        key: "forecast.model.auto",
        en: "Automatic (recommended)",
        zh: "自动（推荐）",
    },
    Entry {
        key: "forecast.model.combination_of",
        en: "Combination of {n} models ({how})",
        zh: "{n} 个模型的组合（{how}）",
    },
    Entry {
        key: "forecast.combine.trimmed_mean",
        en: "trimmed mean",
        zh: "截尾均值",
    },
    Entry {
        key: "forecast.combine.median",
        en: "median",
        zh: "中位数",
    },
    Entry {
        key: "forecast.combine.mean",
        en: "mean",
        zh: "均值",
    },
    Entry {
        key: "forecast.model.naive",
        en: "Naive (last value)",
        zh: "朴素法（上一期值）",
    },
    Entry {
        key: "forecast.model.seasonal_naive",
        en: "Seasonal naive (last season)",
        zh: "季节朴素法（上一季同期）",
    },
    Entry {
        key: "forecast.model.mean",
        en: "Mean",
        zh: "均值法",
    },
    Entry {
        key: "forecast.model.drift",
        en: "Drift (straight line)",
        zh: "漂移法（直线）",
    },
    Entry {
        key: "forecast.model.ets",
        en: "Exponential smoothing (ETS)",
        zh: "指数平滑（ETS）",
    },
    Entry {
        key: "forecast.model.arima",
        en: "ARIMA",
        zh: "ARIMA 模型",
    },
    Entry {
        key: "forecast.model.theta",
        en: "Theta",
        zh: "Theta 法",
    },
    Entry {
        key: "forecast.model.croston",
        en: "Croston",
        zh: "Croston 法",
    },
    Entry {
        key: "forecast.model.croston_optimized",
        en: "Croston (optimised)",
        zh: "Croston 法（优化）",
    },
    Entry {
        key: "forecast.model.sba",
        en: "SBA",
        zh: "SBA 法",
    },
    Entry {
        key: "forecast.model.tsb",
        en: "TSB",
        zh: "TSB 法",
    },
    Entry {
        key: "forecast.model.adida",
        en: "ADIDA",
        zh: "ADIDA 法",
    },
    Entry {
        key: "forecast.model.imapa",
        en: "IMAPA",
        zh: "IMAPA 法",
    },
    Entry {
        key: "forecast.model.regression",
        en: "Regression (trend + seasonality)",
        zh: "回归（趋势 + 季节）",
    },
    Entry {
        key: "forecast.model.nnar",
        en: "Neural network (NNAR)",
        zh: "神经网络自回归（NNAR）",
    },
    Entry {
        key: "forecast.model.ces",
        en: "Complex exponential smoothing (CES)",
        zh: "复数指数平滑（CES）",
    },
    Entry {
        key: "forecast.model.thief",
        en: "Temporal hierarchies (THieF)",
        zh: "时间层级（THieF）",
    },
    Entry {
        key: "forecast.model.thief_arima",
        en: "Temporal hierarchies over ARIMA (THieF-ARIMA)",
        zh: "基于 ARIMA 的时间层级（THieF-ARIMA）",
    },
    Entry {
        key: "forecast.model.thief_theta",
        en: "Temporal hierarchies over Theta (THieF-Theta)",
        zh: "基于 Theta 的时间层级（THieF-Theta）",
    },
    Entry {
        key: "forecast.model.ensemble",
        en: "Ensemble (trimmed mean: ETS, damped ETS, CES, ARIMA, two Theta models, neural network, seasonal naive)",
        zh: "组合模型（截尾平均：ETS、阻尼 ETS、CES、ARIMA、两种 Theta、神经网络、季节朴素）",
    },
    Entry {
        key: "forecast.model.intermittent_ensemble",
        en: "Ensemble for irregular sales",
        zh: "间歇性销售组合模型",
    },
    // Notes of the automatic model choice.
    Entry {
        key: "forecast.note.constant",
        en: "The series is constant: the forecast repeats its value.",
        zh: "这个序列的数值一直不变：预测直接沿用这个值。",
    },
    Entry {
        key: "forecast.note.too_short",
        en: "Only {n} {n|period|periods} of history: too short for a statistical model, the last value is repeated (naive forecast).",
        zh: "只有 {n} 期历史数据，太短，用不了统计模型：直接重复最近一期的数值（朴素预测）。",
    },
    Entry {
        key: "forecast.note.fast",
        en: "Fast mode: {model} without a backtest comparison.",
        zh: "快速模式：直接使用{model}，不做回测比较。",
    },
    Entry {
        key: "forecast.note.fit_failed",
        en: "{model} could not be fitted ({err}); the naive forecast is used.",
        zh: "{model}无法拟合（{err}），改用朴素预测。",
    },
    Entry {
        key: "forecast.note.intermittent",
        en: "{p} of the periods have no sales: intermittent-demand methods are used.",
        zh: "{p} 的时段没有销量：改用适合间歇性需求的方法。",
    },
    Entry {
        key: "forecast.note.short",
        en: "Only {n} periods of history: simple methods are compared, and the forecast follows the recent level without a trend, which so short a history cannot show reliably.",
        zh: "只有 {n} 期历史数据：只比较几种简单方法，预测沿用近期水平、不外推趋势，因为这么短的历史还看不出可靠的趋势。",
    },
    Entry {
        key: "forecast.note.default_kept",
        en: "{model} scored better on the backtest window (MASE {s} against {ds}); {default} is kept: a short history gives too few windows to choose on.",
        zh: "{model}在回测窗口中得分更高（MASE {s}，{default}为 {ds}），但仍保留{default}：历史较短，回测窗口太少，不足以据此选择。",
    },
    Entry {
        key: "forecast.note.default_close",
        en: "{model} scored a little better on the backtest windows (MASE {s} against {ds}); {default} is kept: the automatic choice switches only for a lead of {margin} or more, as a smaller one is often chance on a few windows.",
        zh: "{model}在回测窗口中得分略高（MASE {s}，{default}为 {ds}），但仍保留{default}：只有领先 {margin} 或更多时才会换用，更小的差距在几个窗口上常常只是偶然。",
    },
    Entry {
        key: "forecast.note.combination_kept",
        en: "{model} scored better on the backtest windows (MASE {s} against {ds}); the combination is kept (combinations are more reliable than a choice made on a few windows).",
        zh: "{model}在回测窗口中得分更高（MASE {s}，组合模型为 {ds}），但仍保留组合模型（组合比只凭几个窗口挑出的单个模型更可靠）。",
    },
    Entry {
        key: "forecast.note.no_backtest",
        en: "Not enough history for a backtest window: the default model is used without comparison.",
        zh: "历史数据不够做一次回测：直接使用默认模型，不做比较。",
    },
    // Errors.
    Entry {
        key: "forecast.err.too_short",
        en: "series too short: need at least {needed} observations, got {got}",
        zh: "序列太短：至少需要 {needed} 个数据点，实际只有 {got} 个",
    },
    Entry {
        key: "forecast.err.non_finite",
        en: "series contains a non-finite value at position {i}",
        zh: "序列第 {i} 个位置的值不是有效数字",
    },
    Entry {
        key: "forecast.err.invalid_param",
        en: "invalid parameter {name}: {message}",
        zh: "参数 {name} 无效：{message}",
    },
    Entry {
        key: "forecast.err.at_least_one",
        en: "must be at least 1",
        zh: "至少为 1",
    },
    Entry {
        key: "forecast.err.not_negative",
        en: "must be zero or more",
        zh: "不能为负数",
    },
    Entry {
        key: "forecast.err.fit",
        en: "model {model} cannot be fitted: {message}",
        zh: "模型 {model} 无法拟合：{message}",
    },
    Entry {
        key: "forecast.err.not_finite_value",
        en: "value is not finite",
        zh: "数值不是有限数",
    },
    Entry {
        key: "forecast.err.no_long_columns",
        en: "{file}: cannot find a period column ({names}) and a numeric value column in the header {headers}",
        zh: "{file}：表头 {headers} 中找不到时期列（{names}）和数值列",
    },
    Entry {
        key: "forecast.err.no_series",
        en: "{file}: the file has no series to forecast",
        zh: "{file}：文件中没有可预测的序列",
    },
    Entry {
        key: "forecast.err.duplicate_series",
        en: "{file}: the series {id} appears twice; give each series its own name",
        zh: "{file}：序列 {id} 出现了两次；请给每个序列一个不同的名称",
    },
    Entry {
        key: "forecast.err.period_row_twice",
        en: "this period is also in row {row}; a table with one row per period holds each period once: add the two rows up, or remove one",
        zh: "此时期也出现在第 {row} 行；每期一行的表中每个时期只能出现一次：请把两行相加，或删去其中一行",
    },
    Entry {
        key: "forecast.err.period_column_twice",
        en: "{file}: the period {period} heads two columns ({a} and {b}); a table with one column per period holds each period once: add the two columns up, or remove one",
        zh: "{file}：时期 {period} 是两列（第 {a} 列和第 {b} 列）的标题；每期一列的表中每个时期只能出现一次：请把两列相加，或删去其中一列",
    },
    Entry {
        key: "forecast.err.no_period",
        en: "this row has values but no period (a date, a month like 2024-01, a week like 2024-W05, or a number)",
        zh: "此行有数值但没有时期（日期、如 2024-01 的月份、如 2024-W05 的周或数字）",
    },
    // Series file: how a wide file was read.
    Entry {
        key: "forecast.file.note.in_columns",
        en: "The file has one column per series and one row per period: {n} series were read from its columns (the column header is the series name).",
        zh: "文件每个序列一列、每期一行：从各列读取了 {n} 个序列（列标题即序列名称）。",
    },
    Entry {
        key: "forecast.file.note.in_rows",
        en: "The file has one row per series and one column per period: {n} series were read from its rows (the column headers are the periods; other columns, such as a description or a total, were not read).",
        zh: "文件每个序列一行、每期一列：从各行读取了 {n} 个序列（列标题即时期；说明、合计等其他列未读取）。",
    },
    Entry {
        key: "forecast.file.note.blanks",
        en: "Empty cells read as 0 (no sales in that period): {n}. The file never writes 0, so an empty cell after a series' first value is a period without sales; one before it means the series had not started yet.",
        zh: "按 0 读取的空单元格（该期没有销量）：{n} 个。文件中从不写 0，因此序列首个数值之后的空单元格表示该期没有销量；首个数值之前的空单元格表示该序列尚未开始。",
    },
    Entry {
        key: "forecast.file.note.gaps_filled",
        en: "{n} series {n|skips|skip} periods ({missing} missing in all; the first: {id} has nothing between {a} and {b}). The file records no period with 0 sales, so it lists only the periods that sold: the missing ones were added with 0.",
        zh: "{n} 个序列跳过了一些时期（共缺 {missing} 期；第一处：{id} 在 {a} 与 {b} 之间没有数据）。文件中没有任何销量为 0 的时期，说明它只列出了有销量的时期：缺失的时期已按 0 补上。",
    },
    Entry {
        key: "forecast.file.sep.semicolon",
        en: "semicolons",
        zh: "分号",
    },
    Entry {
        key: "forecast.file.sep.tab",
        en: "tabs",
        zh: "制表符",
    },
    Entry {
        key: "forecast.file.sep.bar",
        en: "vertical bars (|)",
        zh: "竖线（|）",
    },
    Entry {
        key: "forecast.file.note.sep",
        en: "The file's fields are separated by {sep}.",
        zh: "文件的字段以{sep}分隔。",
    },
    Entry {
        key: "forecast.file.note.sep_decimal_comma",
        en: "The file's fields are separated by {sep}, and its numbers are written with a decimal comma (12,5 is 12.5).",
        zh: "文件的字段以{sep}分隔，数字使用小数逗号（12,5 即 12.5）。",
    },
    Entry {
        key: "forecast.file.note.decimal_comma",
        en: "The file's numbers are written with a decimal comma (12,5 is 12.5).",
        zh: "文件的数字使用小数逗号（12,5 即 12.5）。",
    },
    Entry {
        key: "forecast.file.note.to_weeks",
        en: "The file's days were added up into weeks (Monday to Sunday), each labelled by its Monday.",
        zh: "文件中的每日数据已按周（周一至周日）合计，每周以其周一的日期标注。",
    },
    Entry {
        key: "forecast.file.note.to_months",
        en: "The file's days were added up into calendar months, each labelled by its first day.",
        zh: "文件中的每日数据已按自然月合计，每月以其第一天的日期标注。",
    },
    Entry {
        key: "forecast.file.note.only_in_partial",
        en: "{n} series {n|has|have} days only in an incomplete {freq}: left out.",
        zh: "{n} 个序列只在不完整的{freq}有数据：未纳入。",
    },
    Entry {
        key: "forecast.err.regroup_marked",
        en: "{file}: a file with a split column, flag columns or planned periods cannot be added up into weeks or months (which rows would a week's promotion or test come from?); forecast it by its own periods, or add it up before",
        zh: "{file}：含有 split 列、标记列或计划时期的文件不能按周或按月合计（一周的促销或测试该来自哪些行？）；请按文件自身的时期预测，或事先合计",
    },
    Entry {
        key: "forecast.err.regroup_not_dates",
        en: "{file}: only days written as dates (2024-01-31) can be added up into weeks or months; this file has periods such as {example}",
        zh: "{file}：只有写成日期（如 2024-01-31）的每日数据才能按周或按月合计；此文件的时期形如 {example}",
    },
    Entry {
        key: "forecast.err.regroup_not_days",
        en: "{file}: the dates are {gap} days apart, not one: the file's periods are already longer than a day, so they cannot be added up into weeks or months",
        zh: "{file}：日期相隔 {gap} 天而不是 1 天：文件的时期已经长于一天，不能再按周或按月合计",
    },
    Entry {
        key: "forecast.file.note.summed",
        en: "{rows} rows hold a period that another row of the same series also holds, and were added up: {periods} {periods|period|periods} in {n} series (the first: series {id}, period {period}, rows {a} and {b}). A file that lists single sales gets each period's total this way; if these rows are the same sale written twice, remove the copies.",
        zh: "有 {rows} 行与同一序列的其他行属于同一时期，已合计：{n} 个序列中的 {periods} 个时期（第一处：序列 {id} 的时期 {period}，第 {a} 行和第 {b} 行）。逐笔列出销售的文件会这样得到每期合计；如果这些行是同一笔销售重复写了两次，请删去重复的行。",
    },
    Entry {
        key: "forecast.err.split_clash",
        en: "this row's period is also in row {row}, one marked train and the other test; a period is either history or test",
        zh: "此行的时期也出现在第 {row} 行，一行标为 train，另一行标为 test；一个时期只能是历史或测试之一",
    },
    Entry {
        key: "forecast.err.empty_clash",
        en: "this row's period is also in row {row}, one with a value and the other empty (a future period); a period either has sales or is still to come",
        zh: "此行的时期也出现在第 {row} 行，一行有数值，另一行为空（未来时期）；一个时期要么有销量，要么尚未到来",
    },
    Entry {
        key: "forecast.file.note.gaps",
        en: "{n} series {n|skips|skip} periods ({missing} missing in all; the first: {id} has nothing between {a} and {b}). Their rows were taken as consecutive periods; if nothing sold in the missing ones, add them with 0.",
        zh: "{n} 个序列跳过了一些时期（共缺 {missing} 期；第一处：{id} 在 {a} 与 {b} 之间没有数据）。这些行按连续的时期处理；如果缺失的时期没有销量，请补上这些时期并填 0。",
    },
    Entry {
        key: "forecast.file.note.ended",
        en: "The file writes zero sales as 0, so an empty cell is a period that was not recorded: {n} series {n|ends|end} before the file's last period and {n|is|are} forecast from {n|its|their} own last value on.",
        zh: "文件用 0 表示零销量，因此空单元格表示该期没有记录：{n} 个序列在文件最后一期之前就结束了，从各自最后一个数值往后预测。",
    },
    Entry {
        key: "forecast.err.gap",
        en: "empty cell between two values of this series; the file writes zero sales as 0, so this period is missing: fill it in (0 if nothing sold)",
        zh: "此序列两个数值之间的单元格为空；文件用 0 表示零销量，所以这一期缺失：请补上（没有销量填 0）",
    },
    Entry {
        key: "forecast.file.note.empty",
        en: "{n} series without any value were left out.",
        zh: "{n} 个没有任何数值的序列未纳入。",
    },
    // Series file: accuracy on the file's test rows.
    Entry {
        key: "forecast.file.score.explain",
        en: "The file's test rows were held out: each of the {n} series was forecast from its training rows only and compared with its first {k} test periods. sMAPE {smape}% is the average gap between forecast and actual as a share of their size (0% is perfect). MASE {mase} compares the average error with that of repeating the value one season ({m} periods) earlier within the training rows: {verdict}",
        zh: "文件中的测试行没有参与拟合：{n} 个序列都只用训练行预测，再与各自前 {k} 个测试期的实际值比较。sMAPE {smape}% 是预测值与实际值之差占两者大小的平均比例（0% 为完全准确）。MASE {mase} 把平均误差与在训练行中“重复上一季（{m} 期前）的数值”的误差相比：{verdict}",
    },
    Entry {
        key: "forecast.file.score.better",
        en: "below 1, so the forecasts beat that simple rule.",
        zh: "低于 1，说明预测优于这条简单规则。",
    },
    Entry {
        key: "forecast.file.score.worse",
        en: "1 or above, so the forecasts did not beat that simple rule on these periods.",
        zh: "不低于 1，说明在这些时期上预测没有胜过这条简单规则。",
    },
    Entry {
        key: "forecast.file.score.mase_none",
        en: "not available, because every history is constant.",
        zh: "无法计算，因为所有历史数据都是常数。",
    },
    Entry {
        key: "forecast.err.only_in_partial",
        en: "all of these sales are in the incomplete first or last {freq} of the data: there is no complete {freq} of history to forecast from yet",
        zh: "这些销售全部发生在数据中不完整的第一{freq}或最后一{freq}：还没有一整{freq}的历史可用于预测",
    },
    Entry {
        key: "forecast.err.only_in_last",
        en: "all of these sales are in the last {freq} of the data, which is incomplete: there is no complete {freq} of history to forecast from yet",
        zh: "这些销售全部发生在数据的最后一{freq}，而这一{freq}不完整：还没有一整{freq}的历史可用于预测",
    },
    Entry {
        key: "forecast.err.no_sales",
        en: "no sales in complete periods to forecast",
        zh: "完整的时段里没有销量，无法预测",
    },
    Entry {
        key: "forecast.param.range",
        en: "must be {lo}..={hi}, got {v}",
        zh: "必须在 {lo} 到 {hi} 之间，当前为 {v}",
    },
    Entry {
        key: "forecast.param.level",
        en: "each level must be in (0, 100), got {v}",
        zh: "每个区间水平都必须大于 0 且小于 100，当前为 {v}",
    },
    // Errors reading a long-format series file.
    Entry {
        key: "forecast.err.csv",
        en: "{file}: {error}",
        zh: "{file}：{error}",
    },
    Entry {
        key: "forecast.err.too_large",
        en: "{file} holds more than {mb} MB of text: too much for a series file, which is read whole. Add its rows up per week or month first, or split it into several files.",
        zh: "{file} 的文本超过 {mb} MB：作为序列文件太大了（序列文件需要整体读入）。请先按周或按月汇总各行，或把它拆成几个文件。",
    },
];
