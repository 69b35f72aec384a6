//! Sentences of the inventory area.

use super::Entry;

pub const ENTRIES: &[Entry] = &[];
