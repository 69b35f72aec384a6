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
];
