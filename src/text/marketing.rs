//! Sentences of the marketing area.

use super::Entry;

pub const ENTRIES: &[Entry] = &[];
