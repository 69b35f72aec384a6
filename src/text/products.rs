//! Sentences of the products area.

use super::Entry;

pub const ENTRIES: &[Entry] = &[];
