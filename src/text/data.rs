//! Sentences of the data area.

use super::Entry;

pub const ENTRIES: &[Entry] = &[];
