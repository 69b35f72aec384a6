//! Byte-string interner used while importing: one arena, a `hashbrown` table of ids hashed
//! with foldhash, and no allocation per cell. At the end each table gets a compact
//! [`Interner`](super::model::Interner) holding only the strings it uses.

use hashbrown::HashTable;
use std::hash::BuildHasher;

use super::model::{Interner, NONE_ID};

/// Arena interner keyed by bytes.
#[derive(Default)]
pub struct FastInterner {
    arena: Vec<u8>,
    spans: Vec<(u32, u32)>,
    table: HashTable<u32>,
    hasher: hashbrown::DefaultHashBuilder,
}

impl FastInterner {
    /// Id of `s`, adding it when new.
    pub fn intern(&mut self, s: &[u8]) -> u32 {
        let h = self.hasher.hash_one(s);
        let (arena, spans) = (&self.arena, &self.spans);
        let get = |id: u32| -> &[u8] {
            let (a, l) = spans[id as usize];
            &arena[a as usize..(a + l) as usize]
        };
        if let Some(&id) = self.table.find(h, |&id| get(id) == s) {
            return id;
        }
        let id = self.spans.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.extend_from_slice(s);
        self.spans.push((start, s.len() as u32));
        let (arena, spans, hasher) = (&self.arena, &self.spans, &self.hasher);
        self.table.insert_unique(h, id, |&id| {
            let (a, l) = spans[id as usize];
            hasher.hash_one(&arena[a as usize..(a + l) as usize])
        });
        id
    }

    /// Bytes of an id.
    pub fn get(&self, id: u32) -> &[u8] {
        match self.spans.get(id as usize) {
            Some(&(a, l)) => &self.arena[a as usize..(a + l) as usize],
            None => b"",
        }
    }

    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Re-maps ids of a [`FastInterner`] into a fresh, compact [`Interner`].
pub struct Compactor<'a> {
    src: &'a FastInterner,
    map: Vec<u32>,
    /// The compact interner being built.
    pub out: Interner,
    strings: Vec<String>,
}

impl<'a> Compactor<'a> {
    /// Start an empty compact interner over `src`.
    pub fn new(src: &'a FastInterner) -> Self {
        Compactor {
            src,
            map: vec![NONE_ID; src.len()],
            out: Interner::default(),
            strings: Vec::new(),
        }
    }

    /// Compact id of a source id (`NONE_ID` stays `NONE_ID`).
    pub fn map(&mut self, id: u32) -> u32 {
        if id == NONE_ID {
            return NONE_ID;
        }
        let Some(slot) = self.map.get_mut(id as usize) else {
            return NONE_ID;
        };
        if *slot == NONE_ID {
            *slot = self.strings.len() as u32;
            self.strings
                .push(String::from_utf8_lossy(self.src.get(id)).into_owned());
        }
        *slot
    }

    /// Re-map a whole column in place.
    pub fn map_column(&mut self, col: &mut [u32]) {
        for id in col.iter_mut() {
            *id = self.map(*id);
        }
    }

    /// The finished interner.
    pub fn finish(self) -> Interner {
        Interner::from_strings(self.strings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intern_and_compact() {
        let mut f = FastInterner::default();
        let a = f.intern(b"alpha");
        let b = f.intern(b"beta");
        assert_eq!(f.intern(b"alpha"), a);
        assert_ne!(a, b);
        assert_eq!(f.get(b), b"beta");
        let mut c = Compactor::new(&f);
        let mut col = vec![b, NONE_ID, b];
        c.map_column(&mut col);
        let i = c.finish();
        assert_eq!(col, vec![0, NONE_ID, 0]);
        assert_eq!(i.get(0), "beta");
        assert_eq!(i.lookup("beta"), Some(0));
        assert_eq!(i.len(), 1);
    }
}
