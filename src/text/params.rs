//! The explanations of invalid parameter values ("must be in (0, 1]"), which each module's
//! parameter check writes in English; [`super::phrase`] finds the Chinese by the exact English.
//! `tests/i18n.rs` fails on a "must …" literal in `src/analytics` or `src/data` that is not here.

use super::Entry;

pub const ENTRIES: &[Entry] = &[
    Entry {
        key: "param.rule_1",
        en: "limits must be at least 1",
        zh: "上限至少为 1",
    },
    Entry {
        key: "param.rule_2",
        en: "must be 0 < min ≤ max",
        zh: "必须满足 0 < 最小值 ≤ 最大值",
    },
    Entry {
        key: "param.rule_3",
        en: "must be 1 (daily) or 7 (weekly)",
        zh: "必须为 1（按天）或 7（按周）",
    },
    Entry {
        key: "param.rule_4",
        en: "must be 1..=6 (deeper trees are not readable)",
        zh: "必须在 1 到 6 之间（更深的树难以阅读）",
    },
    Entry {
        key: "param.rule_5",
        en: "must be > 0 (or infinite for none)",
        zh: "必须大于 0（无穷大表示不使用）",
    },
    Entry {
        key: "param.rule_6",
        en: "must be a finite number > 0",
        zh: "必须是大于 0 的有限数",
    },
    Entry {
        key: "param.rule_7",
        en: "must be a finite number >= 0",
        zh: "必须是大于等于 0 的有限数",
    },
    Entry {
        key: "param.rule_8",
        en: "must be a non-negative number",
        zh: "必须是非负数",
    },
    Entry {
        key: "param.rule_9",
        en: "must be at least 1",
        zh: "至少为 1",
    },
    Entry {
        key: "param.rule_10",
        en: "must be at least 2",
        zh: "至少为 2",
    },
    Entry {
        key: "param.rule_11",
        en: "must be at least 3",
        zh: "至少为 3",
    },
    Entry {
        key: "param.rule_12",
        en: "must be at least 4",
        zh: "至少为 4",
    },
    Entry {
        key: "param.rule_13",
        en: "must be at least 5 customers",
        zh: "至少需要 5 位客户",
    },
    Entry {
        key: "param.rule_14",
        en: "must be between 0.5 and 1 (e.g. 0.95)",
        zh: "必须在 0.5 到 1 之间（例如 0.95）",
    },
    Entry {
        key: "param.rule_15",
        en: "must be between 1 and 20",
        zh: "必须在 1 到 20 之间",
    },
    Entry {
        key: "param.rule_16",
        en: "must be between 1 and 8 (a readable tree)",
        zh: "必须在 1 到 8 之间（保持树可读）",
    },
    Entry {
        key: "param.rule_17",
        en: "must be between 1,000 and 100,000,000",
        zh: "必须在 1,000 到 100,000,000 之间",
    },
    Entry {
        key: "param.rule_18",
        en: "must be between 100 and 1,000,000",
        zh: "必须在 100 到 1,000,000 之间",
    },
    Entry {
        key: "param.rule_19",
        en: "must be between 24 and 1,000,000",
        zh: "必须在 24 到 1,000,000 之间",
    },
    Entry {
        key: "param.rule_20",
        en: "must be in (0, 0.5)",
        zh: "必须大于 0 且小于 0.5",
    },
    Entry {
        key: "param.rule_21",
        en: "must be in (0, 1)",
        zh: "必须大于 0 且小于 1",
    },
    Entry {
        key: "param.rule_22",
        en: "must be in (0, 1]",
        zh: "必须大于 0 且不超过 1",
    },
    Entry {
        key: "param.rule_23",
        en: "must be in (0.5, 1)",
        zh: "必须大于 0.5 且小于 1",
    },
    Entry {
        key: "param.rule_24",
        en: "must be in 1..=1000",
        zh: "必须在 1 到 1000 之间",
    },
    Entry {
        key: "param.rule_25",
        en: "must be in 1..=1024",
        zh: "必须在 1 到 1024 之间",
    },
    Entry {
        key: "param.rule_26",
        en: "must be in [0, 1)",
        zh: "必须大于等于 0 且小于 1",
    },
    Entry {
        key: "param.rule_27",
        en: "must be in [0, 1]",
        zh: "必须在 0 到 1 之间（含 0 和 1）",
    },
    Entry {
        key: "param.rule_28",
        en: "must be positive",
        zh: "必须为正数",
    },
    Entry {
        key: "param.rule_29",
        en: "n_init and max_iter must be at least 1",
        zh: "n_init 和 max_iter 至少为 1",
    },
    Entry {
        key: "param.rule_30",
        en: "periods must be positive and the budget non-negative",
        zh: "期数必须为正数，预算不能为负数",
    },
    Entry {
        key: "param.rule_31",
        en: "regularization and alpha must be >= 0",
        zh: "正则化系数和 alpha 必须大于等于 0",
    },
    Entry {
        key: "param.rule_32",
        en: "the number of periods must be between 1 and 520",
        zh: "期数必须在 1 到 520 之间",
    },
    Entry {
        key: "param.rule_33",
        en: "the total must be a non-negative number",
        zh: "总额必须是非负数",
    },
    Entry {
        key: "param.rule_34",
        en: "weights must be positive",
        zh: "权重必须为正数",
    },
];
