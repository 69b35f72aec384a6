//! Sentences of the customers area.

use super::Entry;

pub const ENTRIES: &[Entry] = &[];
