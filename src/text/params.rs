//! The explanations of invalid parameter values ("must be in (0, 1]") and of numerical
//! failures. Each module's parameter check builds its explanation as a [`Text`] with one of
//! these keys (directly, or through the helpers below), so it reads in either language; no
//! explanation is looked up by its English. `tests/i18n.rs` fails on a "must …" literal left in
//! `src/analytics` or `src/data`.

use super::{Entry, Text};

/// "must be at least {n}".
pub fn at_least(n: i64) -> Text {
    Text::new("param.at_least").int("n", n)
}

/// "at most {n}" (`n` as it should be printed, e.g. "100,000").
pub fn at_most(n: &str) -> Text {
    Text::new("param.at_most").str("n", n)
}

/// "must be between {lo} and {hi}" (bounds as they should be printed, e.g. "1,000").
pub fn between(lo: &str, hi: &str) -> Text {
    Text::new("param.between").str("lo", lo).str("hi", hi)
}

/// "must be in {lo}..={hi}" (an integer range).
pub fn int_range(lo: i64, hi: i64) -> Text {
    Text::new("param.int_range").index("lo", lo).index("hi", hi)
}

/// "must be in ({lo}, {hi})" (an open interval).
pub fn open(lo: &str, hi: &str) -> Text {
    Text::new("param.open").str("lo", lo).str("hi", hi)
}

/// "{v} is outside {range}" (the value given and the range, as printed).
pub fn outside(v: impl ToString, range: &str) -> Text {
    Text::new("param.outside")
        .str("v", v.to_string())
        .str("range", range)
}

pub const ENTRIES: &[Entry] = &[
    Entry {
        key: "param.at_least",
        en: "must be at least {n}",
        zh: "至少为 {n}",
    },
    Entry {
        key: "param.at_most",
        en: "at most {n}",
        zh: "最多为 {n}",
    },
    Entry {
        key: "param.between",
        en: "must be between {lo} and {hi}",
        zh: "必须在 {lo} 到 {hi} 之间",
    },
    Entry {
        key: "param.int_range",
        en: "must be in {lo}..={hi}",
        zh: "必须在 {lo} 到 {hi} 之间",
    },
    Entry {
        key: "param.open",
        en: "must be in ({lo}, {hi})",
        zh: "必须大于 {lo} 且小于 {hi}",
    },
    Entry {
        key: "param.outside",
        en: "{v} is outside {range}",
        zh: "{v} 超出了允许的范围 {range}",
    },
    Entry {
        key: "param.limits_at_least_1",
        en: "limits must be at least 1",
        zh: "上限至少为 1",
    },
    Entry {
        key: "param.min_max_positive",
        en: "must be 0 < min ≤ max",
        zh: "必须满足 0 < 最小值 ≤ 最大值",
    },
    Entry {
        key: "param.daily_or_weekly",
        en: "must be 1 (daily) or 7 (weekly)",
        zh: "必须为 1（按天）或 7（按周）",
    },
    Entry {
        key: "param.depth_1_6",
        en: "must be 1..=6 (deeper trees are not readable)",
        zh: "必须在 1 到 6 之间（更深的树难以阅读）",
    },
    Entry {
        key: "param.positive_or_infinite",
        en: "must be > 0 (or infinite for none)",
        zh: "必须大于 0（无穷大表示不使用）",
    },
    Entry {
        key: "param.finite_positive",
        en: "must be a finite number > 0",
        zh: "必须是大于 0 的有限数",
    },
    Entry {
        key: "param.finite_non_negative",
        en: "must be a finite number >= 0",
        zh: "必须是大于等于 0 的有限数",
    },
    Entry {
        key: "param.non_negative",
        en: "must be a non-negative number",
        zh: "必须是非负数",
    },
    Entry {
        key: "param.at_least_customers",
        en: "must be at least {n} customers",
        zh: "至少需要 {n} 位客户",
    },
    Entry {
        key: "param.confidence",
        en: "must be between 0.5 and 1 (e.g. 0.95)",
        zh: "必须在 0.5 到 1 之间（例如 0.95）",
    },
    Entry {
        key: "param.tree_depth_1_8",
        en: "must be between 1 and 8 (a readable tree)",
        zh: "必须在 1 到 8 之间（保持树可读）",
    },
    Entry {
        key: "param.left_open_unit",
        en: "must be in (0, 1]",
        zh: "必须大于 0 且不超过 1",
    },
    Entry {
        key: "param.right_open_unit",
        en: "must be in [0, 1)",
        zh: "必须大于等于 0 且小于 1",
    },
    Entry {
        key: "param.closed_unit",
        en: "must be in [0, 1]",
        zh: "必须在 0 到 1 之间（含 0 和 1）",
    },
    Entry {
        key: "param.positive",
        en: "must be positive",
        zh: "必须为正数",
    },
    Entry {
        key: "param.n_init_max_iter",
        en: "n_init and max_iter must be at least 1",
        zh: "n_init 和 max_iter 至少为 1",
    },
    Entry {
        key: "param.periods_budget",
        en: "periods must be positive and the budget non-negative",
        zh: "期数必须为正数，预算不能为负数",
    },
    Entry {
        key: "param.regularization_alpha",
        en: "regularization and alpha must be >= 0",
        zh: "正则化系数和 alpha 必须大于等于 0",
    },
    Entry {
        key: "param.periods_1_520",
        en: "the number of periods must be between 1 and 520",
        zh: "期数必须在 1 到 520 之间",
    },
    Entry {
        key: "param.total_non_negative",
        en: "the total must be a non-negative number",
        zh: "总额必须是非负数",
    },
    Entry {
        key: "param.weights_positive",
        en: "weights must be positive",
        zh: "权重必须为正数",
    },
    Entry {
        key: "param.weights_count",
        en: "{given} weights given for {k} variants",
        zh: "给出了 {given} 个权重，但有 {k} 个版本",
    },
    Entry {
        key: "param.not_a_date",
        en: "'{s}' is not a date of the form YYYY-MM-DD",
        zh: "“{s}”不是 YYYY-MM-DD 格式的日期",
    },
    Entry {
        key: "param.expected_date",
        en: "expected YYYY-MM-DD, got '{s}'",
        zh: "应为 YYYY-MM-DD 格式的日期，实际为“{s}”",
    },
    Entry {
        key: "param.k_range",
        en: "k = {k} needs 1 <= k <= number of customers ({n})",
        zh: "k = {k}，但 k 必须在 1 到客户数（{n}）之间",
    },
    Entry {
        key: "param.k_too_many",
        en: "k = {k} but there are only {n} customers",
        zh: "k = {k}，但只有 {n} 位客户",
    },
    Entry {
        key: "param.before_first_order",
        en: "{date} is before the first order ({first})",
        zh: "{date} 早于第一笔订单（{first}）",
    },
    Entry {
        key: "param.ends_before_start",
        en: "the promotion ends before it starts",
        zh: "促销的结束日期早于开始日期",
    },
    Entry {
        key: "param.data_dimension",
        en: "data length is not a multiple of the dimension",
        zh: "数据长度不是维数的整数倍",
    },
    Entry {
        key: "param.non_finite_input",
        en: "k-means input has a non-finite value",
        zh: "k-means 的输入中有非有限值",
    },
    Entry {
        key: "param.centres_shape",
        en: "need k rows of dim values",
        zh: "需要 k 行，每行 dim 个值",
    },
    Entry {
        key: "param.bound_pairs",
        en: "one bound pair per channel is needed",
        zh: "每个渠道都需要一对上下限",
    },
    Entry {
        key: "param.channel_bounds",
        en: "channel {i}: bounds {lo}..{hi} are not 0 ≤ min ≤ max",
        zh: "渠道 {i}：上下限 {lo}..{hi} 不满足 0 ≤ 最小值 ≤ 最大值",
    },
    Entry {
        key: "num.no_run",
        en: "no run finished",
        zh: "没有一次运行完成",
    },
    Entry {
        key: "num.no_start",
        en: "no start finished",
        zh: "没有一个起点完成优化",
    },
    Entry {
        key: "num.no_start_short",
        en: "no start",
        zh: "没有可用的起点",
    },
    Entry {
        key: "num.likelihood_not_finite",
        en: "the likelihood is not finite",
        zh: "似然值不是有限数",
    },
    Entry {
        key: "num.likelihood_not_finite_any",
        en: "the likelihood is not finite at any start",
        zh: "所有起点的似然值都不是有限数",
    },
    Entry {
        key: "num.singular_hessian",
        en: "singular Hessian",
        zh: "Hessian 矩阵奇异",
    },
    Entry {
        key: "num.weights_diverged",
        en: "weights diverged",
        zh: "权重发散",
    },
    Entry {
        key: "num.hypergeometric",
        en: "hypergeometric series did not converge (z = {z})",
        zh: "超几何级数未收敛（z = {z}）",
    },
    Entry {
        key: "num.series_z",
        en: "series needs |z| < 1 (z = {z})",
        zh: "级数要求 |z| < 1（z = {z}）",
    },
    Entry {
        key: "num.series",
        en: "series did not converge",
        zh: "级数未收敛",
    },
];
