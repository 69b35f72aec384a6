//! Sentences of the forecast area.

use super::Entry;

pub const ENTRIES: &[Entry] = &[];
