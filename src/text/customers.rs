//! Sentences of the customers area.

use super::Entry;

pub const ENTRIES: &[Entry] = &[
    // RFM
    Entry {
        key: "customers.rfm.ties",
        en: "Scores are quintiles of the rank, ties broken by customer id (pandas qcut on rank(method='first')): each score holds a fifth of the customers.",
        zh: "评分按排名分成五等份，名次相同时按客户编号排序（相当于 pandas 对 rank(method='first') 做 qcut）：每个分数各占五分之一的客户。",
    },
    Entry {
        key: "customers.note.recency_days",
        en: "Days from the customer's last order to the day after the last order in the file.",
        zh: "从该客户最后一次下单，到文件中最后一笔订单次日之间的天数。",
    },
    Entry {
        key: "customers.note.frequency",
        en: "Number of separate orders.",
        zh: "不同订单的数量。",
    },
    Entry {
        key: "customers.note.monetary",
        en: "Total spend over all orders.",
        zh: "所有订单的消费总额。",
    },
    Entry {
        key: "customers.note.units",
        en: "Units bought over all orders (the file has no prices, so units stand in for spend).",
        zh: "所有订单购买的件数（文件没有价格，因此用件数代替消费金额）。",
    },
    Entry {
        key: "customers.note.r_score",
        en: "1–5: 5 = among the fifth who ordered most recently.",
        zh: "1–5 分：5 分 = 最近下过单的前五分之一客户。",
    },
    Entry {
        key: "customers.note.f_score",
        en: "1–5: 5 = among the fifth who ordered most often.",
        zh: "1–5 分：5 分 = 下单最频繁的前五分之一客户。",
    },
    Entry {
        key: "customers.note.m_score",
        en: "1–5: 5 = among the fifth who spent most.",
        zh: "1–5 分：5 分 = 消费最多的前五分之一客户。",
    },
    Entry {
        key: "customers.note.m_score_units",
        en: "1–5: 5 = among the fifth who bought the most units (no prices in the file).",
        zh: "1–5 分：5 分 = 购买件数最多的前五分之一客户（文件中没有价格）。",
    },
    // Clusters and cohorts
    Entry {
        key: "customers.clusters.explain",
        en: "Customers grouped by similar recency, frequency and spend (on a log scale, each standardised). Inertia is the total squared distance of customers to their group's centre: lower = tighter groups. The silhouette (−1..1) says how clearly customers sit in their own group rather than the next one.",
        zh: "按最近购买时间、购买频率和消费金额把相似的客户分成组（先取对数，再分别标准化）。惯性（inertia）是所有客户到各自组中心的距离平方之和：越小说明组内越紧凑。轮廓系数（−1 到 1）表示客户归属自己的组有多明确，而不是更像相邻的组。",
    },
    Entry {
        key: "customers.clusters.explain_units",
        en: "Customers grouped by similar recency, frequency and units bought (the file has no prices; on a log scale, each standardised). Inertia is the total squared distance of customers to their group's centre: lower = tighter groups. The silhouette (−1..1) says how clearly customers sit in their own group rather than the next one.",
        zh: "按最近购买时间、购买频率和购买件数把相似的客户分成组（文件没有价格；先取对数，再分别标准化）。惯性（inertia）是所有客户到各自组中心的距离平方之和：越小说明组内越紧凑。轮廓系数（−1 到 1）表示客户归属自己的组有多明确，而不是更像相邻的组。",
    },
    Entry {
        key: "customers.cohorts.explain",
        en: "Each row is the customers whose first order fell in that month; each column counts how many of them ordered again N months later (retention) and what they spent then per customer acquired.",
        zh: "每一行是在该月首次下单的客户；每一列统计其中有多少人在 N 个月后再次下单（留存），以及当时按每位获客平均的消费额。",
    },
    Entry {
        key: "customers.cohorts.explain_units",
        en: "Each row is the customers whose first order fell in that month; each column counts how many of them ordered again N months later (retention). The file has no prices, so there is no spend per customer.",
        zh: "每一行是在该月首次下单的客户；每一列统计其中有多少人在 N 个月后再次下单（留存）。文件没有价格，因此没有人均消费额。",
    },
    // Churn classifiers
    Entry {
        key: "customers.churn.too_short",
        en: "Too thin: the churn check needs at least {days} days of history (two {w}-day windows plus four weeks); the data cover {have} days.",
        zh: "数据太少：流失检验至少需要 {days} 天的历史（两个 {w} 天的窗口再加四周），而数据只覆盖 {have} 天。",
    },
    Entry {
        key: "customers.churn.too_few",
        en: "Too thin: {n} customers before {date} with {pos} churners; at least 50 customers and 10 of each kind are needed.",
        zh: "数据太少：{date}之前只有 {n} 位客户，其中 {pos} 位流失；至少需要 50 位客户，流失和留存的各至少 10 位。",
    },
    Entry {
        key: "customers.churn.trained",
        en: "Trained on customers as of {train} (did they buy in the next {w} days?), tested on customers as of {test}.",
        zh: "用截至{train}的客户训练（看他们在之后 {w} 天内是否还购买），再用截至{test}的客户检验。",
    },
    Entry {
        key: "customers.churn.explain",
        en: "AUC is the chance that the model ranks a customer who stopped buying above one who kept buying (0.5 = coin toss, 1 = perfect): naive Bayes {nb}, logistic regression {lr}, BG/NBD 1 − P(alive) {alive} (it treats one-time buyers as certainly active), BG/NBD expected purchases {expected}, BG/NBD P(no purchase in the window) {none}. {rate} of the tested customers did not buy in the last {w} days.",
        zh: "AUC 是模型把一位已不再购买的客户排在一位仍在购买的客户前面的概率（0.5 = 抛硬币，1 = 完美）：朴素贝叶斯 {nb}，逻辑回归 {lr}，BG/NBD 1 − 活跃概率 {alive}（它把只买过一次的客户都当作肯定活跃），BG/NBD 预期购买次数 {expected}，BG/NBD 窗口内不购买的概率 {none}。参与检验的客户中有 {rate} 在最后 {w} 天没有购买。",
    },
    Entry {
        key: "customers.na",
        en: "n/a",
        zh: "无",
    },
    // CLV
    Entry {
        key: "customers.clv.too_thin",
        en: "Too thin: only {n} customers bought again on a later day before {date} (at least {min} are needed to estimate how often customers come back and when they stop). Add more history.",
        zh: "数据太少：{date}之前只有 {n} 位客户在之后的某天再次购买（至少需要 {min} 位，才能估计客户多久回来一次、何时不再回来）。请加入更多历史数据。",
    },
    Entry {
        key: "customers.clv.fitted",
        en: "Fitted on {n} customers ({rep} repeat buyers) with orders up to {date}.",
        zh: "用 {n} 位客户（其中 {rep} 位复购客户）截至{date}的订单拟合。",
    },
    Entry {
        key: "customers.clv.fitted_unpriced",
        en: "Fitted on {n} customers ({rep} repeat buyers) with orders up to {date}. The file has no prices: this predicts purchases and who is still active, not their value in money.",
        zh: "用 {n} 位客户（其中 {rep} 位复购客户）截至{date}的订单拟合。文件没有价格：这里预测购买次数和谁仍然活跃，而不是其金额价值。",
    },
    Entry {
        key: "customers.clv.holdout",
        en: "The model was fitted on orders up to {date} and asked how many days each customer would buy on in the next {weeks} weeks; it is off by {mae} purchase days per customer on average (plain maximum likelihood: {plain_mae}), and predicts {ratio} of the purchases that actually happened (plain: {plain_ratio}).{lift}",
        zh: "模型用截至{date}的订单拟合，然后预测每位客户在之后 {weeks} 周内会有几天购买；平均每位客户误差 {mae} 个购买日（普通最大似然：{plain_mae}），预测出的购买量是实际发生的 {ratio}（普通拟合：{plain_ratio}）。{lift}",
    },
    Entry {
        key: "customers.clv.lift_more",
        en: " Your customers bought {p} more often per week in the checked period than over the fitting period: a busier season that a model fitted on calmer months cannot foresee, so it predicts too few there.",
        zh: "检验期内客户每周的购买频率比拟合期高 {p}：这是一个更忙的季节，用较平淡月份拟合的模型预见不到，所以在这段时间预测偏少。",
    },
    Entry {
        key: "customers.clv.lift_less",
        en: " Your customers bought {p} less often per week in the checked period than over the fitting period (drop-out, or a quieter season).",
        zh: "检验期内客户每周的购买频率比拟合期低 {p}（客户流失，或者是淡季）。",
    },
    Entry {
        key: "customers.clv.boundary",
        en: "No detectable customer drop-out: the best fit pushes the drop-out probability to zero (a → 0, b → ∞), where the BG/NBD becomes the simpler NBD model (log-likelihood {ll} vs {nbd}). Predictions still work, but 'probability alive' carries little information; we stabilised the fit with a small penalty (λ = {penalty}) chosen on the last {days} days of the calibration period.",
        zh: "看不出客户流失：最佳拟合把流失概率推到了零（a → 0，b → ∞），此时 BG/NBD 退化为更简单的 NBD 模型（对数似然 {ll}，NBD 为 {nbd}）。预测仍然可用，但“活跃概率”几乎没有信息量；我们加了一个小惩罚项（λ = {penalty}）来稳定拟合，它是在训练期最后 {days} 天上选出的。",
    },
    Entry {
        key: "customers.clv.note.p_alive",
        en: "Probability that the customer still buys from you, judged from how regularly they bought and how long it has been since (1 = certainly active). A customer who bought on a single day cannot be judged this way: the model then says 1 by construction, which the app shows as “–” (its download keeps 1).",
        zh: "客户仍在向你购买的概率，根据其以往购买是否规律、距上次购买多久来判断（1 = 肯定仍活跃）。只在一天购买过的客户无法这样判断：模型此时按构造给出 1，应用中显示为“–”（其下载文件仍为 1）。",
    },
    Entry {
        key: "customers.clv.note.expected_purchases",
        en: "Expected number of days with a purchase in the next {days} days.",
        zh: "未来 {days} 天内预计有购买的天数。",
    },
    Entry {
        key: "customers.clv.note.expected_avg_value",
        en: "Expected spend per purchase day, pulled towards the shop average when the customer has few purchases.",
        zh: "每个购买日的预期消费；客户购买次数少时，会向全店平均值靠拢。",
    },
    Entry {
        key: "customers.clv.note.clv",
        en: "Expected revenue from the customer in the next {days} days.",
        zh: "未来 {days} 天内预计从该客户获得的收入。",
    },
    Entry {
        key: "customers.clv.note.clv_discounted",
        en: "Expected revenue from the customer in the next {days} days, discounted at {rate} per month.",
        zh: "未来 {days} 天内预计从该客户获得的收入，按每月 {rate} 折现。",
    },
    Entry {
        key: "customers.clv.note.churn_risk",
        en: "How likely the customer has already stopped buying: 1 − probability alive, or, when that is nearly 1 for everyone, the probability of no purchase in the next 90 days (see churn_risk_method).",
        zh: "客户已经不再购买的可能性：即 1 − 活跃概率；当几乎所有人的活跃概率都接近 1 时，改用未来 90 天内不购买的概率（见 churn_risk_method）。",
    },
    Entry {
        key: "customers.clv.note.p_no_purchase_90d",
        en: "Probability that the customer makes no purchase in the next 90 days.",
        zh: "客户在未来 90 天内不购买的概率。",
    },
    Entry {
        key: "customers.clv.risk_no_purchase",
        en: "Churn risk is the model's probability that the customer makes no purchase in the next {days} days (from their own pace, how long they have been a customer and, where drop-out is detectable, how long since they last bought). 'Probability alive' is not used because it is nearly 1 for everyone here ({share} of repeat customers below 0.9).",
        zh: "流失风险是模型估计的客户在未来 {days} 天内不购买的概率（依据客户自己的购买节奏、成为客户多久，以及在能看出流失时距上次购买多久）。这里没有用“活跃概率”，因为它对几乎每个人都接近 1（复购客户中只有 {share} 低于 0.9）。",
    },
    Entry {
        key: "customers.clv.risk_no_purchase_boundary",
        en: "Churn risk is the model's probability that the customer makes no purchase in the next {days} days (from their own pace, how long they have been a customer and, where drop-out is detectable, how long since they last bought). 'Probability alive' is not used because it is nearly 1 for everyone here ({share} of repeat customers below 0.9): no drop-out is detectable in these data.",
        zh: "流失风险是模型估计的客户在未来 {days} 天内不购买的概率（依据客户自己的购买节奏、成为客户多久，以及在能看出流失时距上次购买多久）。这里没有用“活跃概率”，因为它对几乎每个人都接近 1（复购客户中只有 {share} 低于 0.9）：这些数据中看不出客户流失。",
    },
    Entry {
        key: "customers.clv.risk_p_alive",
        en: "Churn risk = 1 − probability alive from the drop-out model ({share} of repeat customers are below 0.9): a customer who used to buy regularly and has been silent for unusually long scores high. One-time buyers always score 0 here (the model only lets customers drop out after a repeat purchase); see p_no_purchase_90d for them.",
        zh: "流失风险 = 1 − 流失模型给出的活跃概率（复购客户中有 {share} 低于 0.9）：以前经常购买、却异常久没有动静的客户得分高。只买过一次的客户在这里总是 0 分（模型只允许客户在复购之后流失）；这些客户请看 p_no_purchase_90d。",
    },
    Entry {
        key: "customers.clv.method",
        en: "Purchases are predicted with the BG/NBD model (Fader, Hardie & Lee 2005), fitted {how}. The model assumes each customer buys at a steady personal pace until they stop; it cannot know about seasons it has not seen (a Christmas peak after a calmer calibration period is under-predicted by any such model).",
        zh: "购买次数用 BG/NBD 模型（Fader、Hardie 和 Lee，2005）预测，拟合方式：{how}。该模型假设每位客户按自己稳定的节奏购买，直到不再购买；它无法预知没见过的季节（训练期较平淡、之后出现圣诞高峰时，这类模型都会预测偏少）。",
    },
    Entry {
        key: "customers.clv.how.fixed",
        en: "with the fixed penalty λ = {penalty} you set",
        zh: "使用你设定的固定惩罚 λ = {penalty}",
    },
    Entry {
        key: "customers.clv.how.chosen",
        en: "with a ridge penalty λ[(ln a)² + (ln b)²] on the drop-out parameters, λ = {penalty} chosen among {n} strengths by refitting on the calibration data minus its last weeks and predicting those weeks (mean absolute error + |bias| per customer); the later holdout is never used to choose",
        zh: "对流失参数加岭惩罚 λ[(ln a)² + (ln b)²]，λ = {penalty}，是从 {n} 个强度中选出的：去掉训练期最后几周重新拟合，再预测这几周（看每位客户的平均绝对误差 + |偏差|）；之后的检验期从不参与选择",
    },
    Entry {
        key: "customers.clv.how.plain_boundary",
        en: "by plain maximum likelihood (the split inside the calibration period preferred no penalty)",
        zh: "普通最大似然（在训练期内部切分检验时，不加惩罚效果更好）",
    },
    Entry {
        key: "customers.clv.how.plain",
        en: "by plain maximum likelihood",
        zh: "普通最大似然",
    },
    // Errors of the customers pillar (CustomersError).
    Entry {
        key: "customers.err.invalid_param",
        en: "invalid parameter '{name}': {message}",
        zh: "参数“{name}”无效：{message}",
    },
    Entry {
        key: "customers.err.no_customers",
        en: "no customers to analyse: {why}",
        zh: "没有可分析的客户：{why}",
    },
    Entry {
        key: "customers.err.why_no_repeat_spenders",
        en: "Gamma-Gamma needs repeat customers with positive spend",
        zh: "Gamma-Gamma 模型需要有正消费额的回头客",
    },
    Entry {
        key: "customers.err.why_no_sales",
        en: "the data have no sale lines",
        zh: "数据中没有销售行",
    },
    Entry {
        key: "customers.err.why_guests_only",
        en: "no sale line has a customer id (guest orders only)",
        zh: "没有任何销售行带客户编号（全是游客订单）",
    },
    Entry {
        key: "customers.err.why_no_calibration",
        en: "no customer in the calibration period",
        zh: "校准期内没有客户",
    },
    Entry {
        key: "customers.err.why_churn_classes",
        en: "churn training data need both churners and stayers",
        zh: "流失模型的训练数据需要同时有流失客户和留存客户",
    },
    Entry {
        key: "customers.err.why_no_churn_rows",
        en: "no churn training rows",
        zh: "没有流失模型的训练数据",
    },
    Entry {
        key: "customers.err.unknown_customer",
        en: "unknown customer id '{id}'",
        zh: "未知的客户编号“{id}”",
    },
    Entry {
        key: "customers.err.numerical",
        en: "numerical problem in {what}: {message}",
        zh: "{what} 计算出现数值问题：{message}",
    },
];
