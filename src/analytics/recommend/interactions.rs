//! Implicit-feedback interactions (who bought what, when) from order lines or from a generic
//! `user,item[,rating,timestamp]` file, and the sparse user x item matrix the models read.

use super::{NoInteractionsWhy, RecommendError};
use crate::data::{Dataset, NONE_ID};
use crate::text::{CellError, Text};
use std::collections::HashMap;

/// One purchase (or positive rating) event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    pub user: u32,
    pub item: u32,
    /// Seconds since 1970-01-01 (0 when the source has no time).
    pub timestamp: i64,
}

/// Events with their user and item dictionaries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Interactions {
    pub users: Vec<String>,
    pub items: Vec<String>,
    /// Product name per item ("" when unknown).
    pub item_names: Vec<String>,
    pub events: Vec<Event>,
    /// Whether events carry real timestamps.
    pub has_time: bool,
    /// Plain-language notes about how the input was read.
    pub notes: Vec<Text>,
}

#[derive(Default)]
struct Dict {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Dict {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.to_owned());
        self.index.insert(s.to_owned(), i);
        i
    }
}

impl Interactions {
    /// Customer-level sale lines (guest orders, `customer == NONE_ID`, are left out): one event
    /// per line; the item is the SKU, its name the first product name seen.
    pub fn from_dataset(data: &Dataset) -> Interactions {
        let l = &data.lines;
        let (mut users, mut items) = (Dict::default(), Dict::default());
        let mut names: Vec<String> = Vec::new();
        let mut events = Vec::with_capacity(l.len());
        let mut guests = 0u64;
        for i in 0..l.len() {
            let c = l.customer.get(i).copied().unwrap_or(NONE_ID);
            let s = l.sku.get(i).copied().unwrap_or(NONE_ID);
            if c == NONE_ID {
                guests += 1;
                continue;
            }
            if s == NONE_ID {
                continue;
            }
            let u = users.id(l.strings.get(c));
            let it = items.id(l.strings.get(s));
            if it as usize == names.len() {
                let p = l.product.get(i).copied().unwrap_or(NONE_ID);
                names.push(if p == NONE_ID {
                    String::new()
                } else {
                    l.strings.get(p).to_owned()
                });
            }
            events.push(Event {
                user: u,
                item: it,
                timestamp: l.timestamp.get(i).copied().unwrap_or(0),
            });
        }
        let mut notes = Vec::new();
        if guests > 0 {
            notes.push(Text::new("products.rec.guests").int("n", guests));
        }
        Interactions {
            users: users.names,
            items: items.names,
            item_names: names,
            events,
            has_time: true,
            notes,
        }
    }

    /// Read `user,item[,rating[,timestamp]]` CSV (a header row is recognised by its names:
    /// user/userId/customer_id, item/itemId/movieId/sku/product, rating, timestamp/date).
    /// With ratings, a rating >= 4 counts as a purchase and lower ratings are dropped (said in
    /// `notes`). Timestamps are Unix seconds or `YYYY-MM-DD[ HH:MM[:SS]]`.
    pub fn from_csv_reader<R: std::io::Read>(
        reader: R,
        file: &str,
    ) -> Result<Interactions, RecommendError> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(reader);
        let err = |row: u64, column: &str, message: Text| {
            RecommendError::Cell(CellError::new(file, row, column, message))
        };
        let mut cols: [Option<usize>; 4] = [Some(0), Some(1), None, None];
        let (mut users, mut items) = (Dict::default(), Dict::default());
        let mut events = Vec::new();
        let (mut rows, mut low) = (0u64, 0u64);
        let mut first = true;
        let mut has_rating = false;
        let mut has_time = false;
        for (k, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| err(k as u64 + 1, "", Text::raw(e.to_string())))?;
            if first {
                first = false;
                let lower: Vec<String> = rec.iter().map(|s| s.to_ascii_lowercase()).collect();
                let find = |names: &[&str]| lower.iter().position(|h| names.contains(&h.as_str()));
                let u = find(&[
                    "user",
                    "userid",
                    "user_id",
                    "customer",
                    "customer_id",
                    "customerid",
                ]);
                let i = find(&[
                    "item",
                    "itemid",
                    "item_id",
                    "movieid",
                    "sku",
                    "product",
                    "product_id",
                    "stockcode",
                ]);
                if u.is_some() || i.is_some() {
                    cols = [
                        u.or(Some(0)),
                        i.or(Some(1)),
                        find(&["rating", "score", "stars"]),
                        find(&["timestamp", "time", "date", "datetime"]),
                    ];
                    has_rating = cols[2].is_some();
                    has_time = cols[3].is_some();
                    continue;
                }
                if rec.len() >= 3 {
                    cols[2] = Some(2);
                    has_rating = true;
                }
                if rec.len() >= 4 {
                    cols[3] = Some(3);
                    has_time = true;
                }
            }
            let row = k as u64; // 1-based data row after a header
            rows += 1;
            let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("");
            let (u, it) = (get(cols[0]), get(cols[1]));
            if u.is_empty() {
                return Err(err(row, "user", Text::new("products.err.empty_user")));
            }
            if it.is_empty() {
                return Err(err(row, "item", Text::new("products.err.empty_item")));
            }
            if has_rating {
                let r: f64 = get(cols[2]).parse().map_err(|_| {
                    err(
                        row,
                        "rating",
                        Text::new("common.err.expected_number").str("found", get(cols[2])),
                    )
                })?;
                if r < 4.0 {
                    low += 1;
                    continue;
                }
            }
            let timestamp = if has_time {
                parse_time(get(cols[3])).ok_or_else(|| {
                    err(
                        row,
                        "timestamp",
                        Text::new("products.err.expected_timestamp").str("found", get(cols[3])),
                    )
                })?
            } else {
                0
            };
            events.push(Event {
                user: users.id(u),
                item: items.id(it),
                timestamp,
            });
        }
        if events.is_empty() {
            return Err(RecommendError::NoInteractions(
                NoInteractionsWhy::NoUsableRows { file: file.into() },
            ));
        }
        let mut notes = Vec::new();
        if has_rating {
            notes.push(
                Text::new("products.rec.ratings")
                    .int("kept", rows - low)
                    .int("rows", rows)
                    .int("low", low),
            );
        }
        if !has_time {
            notes.push(Text::new("products.rec.no_time"));
        }
        let n_items = items.names.len();
        Ok(Interactions {
            users: users.names,
            items: items.names,
            item_names: vec![String::new(); n_items],
            events,
            has_time,
            notes,
        })
    }

    /// Events before `t` (training) and at/after `t` (test).
    pub fn split(&self, t: i64) -> (Vec<Event>, Vec<Event>) {
        self.events.iter().partition(|e| e.timestamp < t)
    }

    pub fn time_range(&self) -> Option<(i64, i64)> {
        let lo = self.events.iter().map(|e| e.timestamp).min()?;
        let hi = self.events.iter().map(|e| e.timestamp).max()?;
        Some((lo, hi))
    }
}

/// Unix seconds, or `YYYY-MM-DD[ HH:MM[:SS]]` / `YYYY-MM-DDTHH:MM:SS`.
pub fn parse_time(s: &str) -> Option<i64> {
    if let Ok(x) = s.parse::<i64>() {
        return Some(x);
    }
    if let Ok(x) = s.parse::<f64>() {
        return x.is_finite().then_some(x as i64);
    }
    let s = s.replace('T', " ");
    for fmt in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(d) = chrono::NaiveDateTime::parse_from_str(&s, fmt) {
            return Some(d.and_utc().timestamp());
        }
    }
    chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
}

/// Binary user x item matrix in CSR form, with the last purchase time of each pair.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserItems {
    pub n_users: usize,
    pub n_items: usize,
    pub offsets: Vec<usize>,
    /// Item indices, increasing within a user.
    pub items: Vec<u32>,
    pub last: Vec<i64>,
}

impl UserItems {
    /// Distinct (user, item) pairs of `events`.
    pub fn build(events: &[Event], n_users: usize, n_items: usize) -> UserItems {
        let mut pairs: Vec<(u32, u32, i64)> = events
            .iter()
            .map(|e| (e.user, e.item, e.timestamp))
            .collect();
        pairs.sort_unstable();
        let mut m = UserItems {
            n_users,
            n_items,
            offsets: vec![0; n_users + 1],
            items: Vec::new(),
            last: Vec::new(),
        };
        let mut k = 0;
        while k < pairs.len() {
            let (u, i, _) = pairs[k];
            let mut t = pairs[k].2;
            while k < pairs.len() && pairs[k].0 == u && pairs[k].1 == i {
                t = t.max(pairs[k].2);
                k += 1;
            }
            m.items.push(i);
            m.last.push(t);
            if let Some(o) = m.offsets.get_mut(u as usize + 1) {
                *o += 1;
            }
        }
        for u in 0..n_users {
            m.offsets[u + 1] += m.offsets[u];
        }
        m
    }

    pub fn row(&self, u: usize) -> &[u32] {
        match (self.offsets.get(u), self.offsets.get(u + 1)) {
            (Some(&s), Some(&e)) => self.items.get(s..e).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn row_last(&self, u: usize) -> &[i64] {
        match (self.offsets.get(u), self.offsets.get(u + 1)) {
            (Some(&s), Some(&e)) => self.last.get(s..e).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn nnz(&self) -> usize {
        self.items.len()
    }

    /// Distinct users per item.
    pub fn item_counts(&self) -> Vec<f64> {
        let mut c = vec![0.0; self.n_items];
        for &i in &self.items {
            if let Some(x) = c.get_mut(i as usize) {
                *x += 1.0;
            }
        }
        c
    }
}
