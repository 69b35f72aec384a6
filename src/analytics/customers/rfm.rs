//! RFM (recency, frequency, monetary) per customer, quintile scores and named segments.
//!
//! Definitions (Hughes 1994, *Strategic Database Marketing*; the usual pandas recipe):
//! - snapshot = last date in the data + 1 day;
//! - recency = whole days from the customer's last purchase **date** to the snapshot (≥ 1);
//! - frequency = distinct orders; monetary = total revenue of the customer's sale lines;
//!   units = total quantity of those lines.
//!
//! When the data have no prices ([`crate::data::CleaningReport::priced`]) the M score and the
//! clusters use **units** instead of revenue ([`Measure::Units`]): a loyalty-card or basket export
//! still ranks its customers by how much they buy.
//!
//! **Scores** are rank-based quintiles, as `pandas.qcut(x.rank(method="first"), 5, labels=1..5)`:
//! customers are ranked with ties broken by customer id order, and the i-th of n (0-based) gets
//! score `max(1, ceil(5 i / (n − 1)))` (qcut's edges are the linearly interpolated quantiles of
//! the ranks), so the five groups have equal sizes (±1) even when many customers share a value
//! (e.g. frequency 1). R is ranked by recency descending (most recent → 5), F and M
//! ascending (most → 5).
//!
//! **Segments**: the common R × F grid (as used by e.g. Putler and most RFM tutorials; M only
//! orders customers within a cell), first match wins:
//!
//! | segment            | R     | F     |
//! |--------------------|-------|-------|
//! | Champions          | 5     | 4–5   |
//! | Loyal              | 3–4   | 4–5   |
//! | Potential loyalist | 4–5   | 2–3   |
//! | New                | 5     | 1     |
//! | Promising          | 4     | 1     |
//! | Need attention     | 3     | 3     |
//! | About to sleep     | 3     | 1–2   |
//! | Can't lose them    | 1–2   | 5     |
//! | At risk            | 1–2   | 3–4   |
//! | Hibernating        | 1–2   | 1–2 (except R 1 & F 1) |
//! | Lost               | 1     | 1     |

use super::history::History;
use crate::data::{OrderLines, NONE_ID};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// RFM values and scores of one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmRow {
    pub customer_id: String,
    pub recency_days: i64,
    pub frequency: u64,
    /// Revenue (0 when the data have no prices).
    pub monetary: f64,
    /// Units bought (sum of the lines' quantities).
    #[serde(default)]
    pub units: f64,
    pub r_score: u8,
    pub f_score: u8,
    /// Quintile of the [`Measure`]: revenue, or units when the data have no prices.
    pub m_score: u8,
    pub segment: Segment,
    /// k-means cluster (0-based), filled by the clustering step.
    pub cluster: Option<usize>,
    /// Value of the customer's cancellation and return lines, `Σ |revenue|` ([`add_returns`];
    /// 0 when the data have no prices). RFM itself counts what was bought.
    #[serde(default)]
    pub returned: f64,
    /// Units of those lines, `Σ |quantity|`.
    #[serde(default)]
    pub returned_units: f64,
}

/// What the "M" of RFM (and the clusters' third feature) measures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Total revenue (the usual RFM).
    #[default]
    Revenue,
    /// Total units bought: for data without prices.
    Units,
}

impl Measure {
    /// The measure for data with (`true`) or without prices.
    pub fn for_priced(priced: bool) -> Measure {
        if priced {
            Measure::Revenue
        } else {
            Measure::Units
        }
    }

    /// This measure's value in an RFM row.
    pub fn of(self, r: &RfmRow) -> f64 {
        match self {
            Measure::Revenue => r.monetary,
            Measure::Units => r.units,
        }
    }
}

/// Named RFM segments (see the module docs for the grid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Champions,
    Loyal,
    PotentialLoyalist,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    CantLoseThem,
    AtRisk,
    Hibernating,
    Lost,
}

impl Segment {
    pub const ALL: [Segment; 11] = [
        Segment::Champions,
        Segment::Loyal,
        Segment::PotentialLoyalist,
        Segment::New,
        Segment::Promising,
        Segment::NeedAttention,
        Segment::AboutToSleep,
        Segment::CantLoseThem,
        Segment::AtRisk,
        Segment::Hibernating,
        Segment::Lost,
    ];

    /// Display name (also the CLI `segment` column).
    pub fn name(self) -> &'static str {
        match self {
            Segment::Champions => "Champions",
            Segment::Loyal => "Loyal",
            Segment::PotentialLoyalist => "Potential loyalist",
            Segment::New => "New",
            Segment::Promising => "Promising",
            Segment::NeedAttention => "Need attention",
            Segment::AboutToSleep => "About to sleep",
            Segment::CantLoseThem => "Can't lose them",
            Segment::AtRisk => "At risk",
            Segment::Hibernating => "Hibernating",
            Segment::Lost => "Lost",
        }
    }

    /// One line for a merchant.
    pub fn meaning(self) -> &'static str {
        match self {
            Segment::Champions => {
                "Bought very recently and often: your best customers; reward them."
            }
            Segment::Loyal => "Buy often and fairly recently: keep them close, ask for reviews.",
            Segment::PotentialLoyalist => {
                "Recent customers with a few orders: a nudge can make them loyal."
            }
            Segment::New => {
                "First bought very recently: welcome them and make the second order easy."
            }
            Segment::Promising => "Recent but bought only once: build the relationship.",
            Segment::NeedAttention => {
                "Average recency and frequency: a timely offer can keep them."
            }
            Segment::AboutToSleep => {
                "Have not bought for a while and rarely: reactivate before you lose them."
            }
            Segment::CantLoseThem => {
                "Used to buy very often but not recently: win them back personally."
            }
            Segment::AtRisk => "Bought regularly but long ago: send a win-back campaign.",
            Segment::Hibernating => {
                "Last bought long ago, and rarely: low priority, try a generic offer."
            }
            Segment::Lost => "Lowest recency and frequency: likely gone.",
        }
    }

    /// The grid (module docs).
    pub fn from_scores(r: u8, f: u8) -> Segment {
        match (r, f) {
            (5, 4..=5) => Segment::Champions,
            (3..=4, 4..=5) => Segment::Loyal,
            (4..=5, 2..=3) => Segment::PotentialLoyalist,
            (5, _) => Segment::New,
            (4, _) => Segment::Promising,
            (3, 3) => Segment::NeedAttention,
            (3, _) => Segment::AboutToSleep,
            (1..=2, 5) => Segment::CantLoseThem,
            (1..=2, 3..=4) => Segment::AtRisk,
            (1, 1) => Segment::Lost,
            _ => Segment::Hibernating,
        }
    }
}

/// Rank-based quintile scores 1..=5, exactly `pandas.qcut(x.rank(method="first"), 5,
/// labels=[1, 2, 3, 4, 5])`: `values` in input order, ties broken by position; `ascending` =
/// larger value → higher score.
pub fn quintile_scores(values: &[f64], ascending: bool) -> Vec<u8> {
    let n = values.len();
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&i, &j| {
        let o = values[i].total_cmp(&values[j]);
        let o = if ascending { o } else { o.reverse() };
        o.then(i.cmp(&j))
    });
    // qcut's bin edges on the ranks 1..=n are the quantiles 1 + k(n − 1)/5 (linear
    // interpolation), intervals closed on the right: the 0-based rank i lands in bin
    // ceil(5i / (n − 1)) (bin 1 for i = 0).
    let mut out = vec![1u8; n];
    let d = n.saturating_sub(1).max(1);
    for (rank, &i) in idx.iter().enumerate() {
        out[i] = (rank * 5).div_ceil(d).clamp(1, 5) as u8;
    }
    out
}

/// RFM rows for the histories (same order), with `snapshot_day` = last data day + 1; the M score
/// ranks `measure`.
pub fn compute(
    lines: &OrderLines,
    hist: &[History],
    snapshot_day: i64,
    measure: Measure,
) -> Vec<RfmRow> {
    let rec: Vec<f64> = hist
        .iter()
        .map(|h| (snapshot_day - h.last_day()) as f64)
        .collect();
    let freq: Vec<f64> = hist.iter().map(|h| h.orders.len() as f64).collect();
    let mon: Vec<f64> = hist.iter().map(History::revenue).collect();
    let units: Vec<f64> = hist.iter().map(History::units).collect();
    let r = quintile_scores(&rec, false);
    let f = quintile_scores(&freq, true);
    let m = quintile_scores(
        match measure {
            Measure::Revenue => &mon,
            Measure::Units => &units,
        },
        true,
    );
    hist.iter()
        .enumerate()
        .map(|(i, h)| RfmRow {
            customer_id: lines.strings.get(h.customer).to_owned(),
            recency_days: rec[i] as i64,
            frequency: freq[i] as u64,
            monetary: mon[i],
            units: units[i],
            r_score: r[i],
            f_score: f[i],
            m_score: m[i],
            segment: Segment::from_scores(r[i], f[i]),
            cluster: None,
            returned: 0.0,
            returned_units: 0.0,
        })
        .collect()
}

/// Each customer's cancellation and return lines (`returns`, the lines the import kept aside):
/// `returned = Σ |revenue|` and `returned_units = Σ |quantity|` over the lines with their id.
/// Lines without a customer id count for nobody; non-finite amounts (no prices) add nothing.
pub fn add_returns(rows: &mut [RfmRow], returns: &OrderLines) {
    let mut by: HashMap<&str, (f64, f64)> = HashMap::new();
    for i in 0..returns.len() {
        let c = returns.customer.get(i).copied().unwrap_or(NONE_ID);
        if c == NONE_ID {
            continue;
        }
        let finite_abs =
            |v: Option<&f64>| v.copied().filter(|x| x.is_finite()).map_or(0.0, f64::abs);
        let e = by.entry(returns.strings.get(c)).or_default();
        e.0 += finite_abs(returns.revenue.get(i));
        e.1 += finite_abs(returns.quantity.get(i));
    }
    for r in rows {
        if let Some(&(v, u)) = by.get(r.customer_id.as_str()) {
            r.returned = v;
            r.returned_units = u;
        }
    }
}

/// Mean and median.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Stat {
    pub mean: f64,
    pub median: f64,
}

/// Mean and median of a sample (0 for an empty one).
pub fn stat(v: &[f64]) -> Stat {
    if v.is_empty() {
        return Stat::default();
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    let median = if n % 2 == 1 {
        s[n / 2]
    } else {
        0.5 * (s[n / 2 - 1] + s[n / 2])
    };
    Stat {
        mean: s.iter().sum::<f64>() / n as f64,
        median,
    }
}

/// Size and revenue of one segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentRow {
    pub segment: Segment,
    pub name: String,
    pub meaning: String,
    pub customers: u64,
    /// Share of customers, 0..=1.
    pub customer_share: f64,
    pub revenue: f64,
    /// Share of customer-level revenue, 0..=1.
    pub revenue_share: f64,
    /// Units bought by the segment's customers.
    #[serde(default)]
    pub units: f64,
    /// Share of all customers' units, 0..=1.
    #[serde(default)]
    pub units_share: f64,
}

/// Segment table in grid order (empty segments included, with zeros).
pub fn segment_table(rows: &[RfmRow]) -> Vec<SegmentRow> {
    let n = rows.len().max(1) as f64;
    let total: f64 = rows.iter().map(|r| r.monetary).sum();
    let total_units: f64 = rows.iter().map(|r| r.units).sum();
    let share = |part: f64, whole: f64| if whole > 0.0 { part / whole } else { 0.0 };
    Segment::ALL
        .iter()
        .map(|&s| {
            let (c, rev, units) = rows
                .iter()
                .filter(|r| r.segment == s)
                .fold((0u64, 0.0, 0.0), |(c, v, u), r| {
                    (c + 1, v + r.monetary, u + r.units)
                });
            SegmentRow {
                segment: s,
                name: s.name().to_owned(),
                meaning: s.meaning().to_owned(),
                customers: c,
                customer_share: c as f64 / n,
                revenue: rev,
                revenue_share: share(rev, total),
                units,
                units_share: share(units, total_units),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quintiles_equal_sized_with_ties() {
        // Ten equal values: rank "first" splits them 2/2/2/2/2.
        let s = quintile_scores(&[1.0; 10], true);
        assert_eq!(s, vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        let s = quintile_scores(&[5.0, 1.0, 3.0, 2.0, 4.0], false);
        assert_eq!(s, vec![1, 5, 3, 4, 2]);
        // pandas.qcut(pd.Series(range(1, 12)), 5, labels=[1, 2, 3, 4, 5]) (n = 11: edges 3, 5,
        // 7, 9) and range(1, 8) (n = 7: edges 2.2, 3.4, 4.6, 5.8).
        let v: Vec<f64> = (1..=11).map(f64::from).collect();
        assert_eq!(
            quintile_scores(&v, true),
            vec![1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        );
        let v: Vec<f64> = (1..=7).map(f64::from).collect();
        assert_eq!(quintile_scores(&v, true), vec![1, 1, 2, 3, 4, 5, 5]);
        assert_eq!(quintile_scores(&[2.0], true), vec![1]);
        assert!(quintile_scores(&[], true).is_empty());
    }

    #[test]
    fn grid() {
        assert_eq!(Segment::from_scores(5, 5), Segment::Champions);
        assert_eq!(Segment::from_scores(5, 1), Segment::New);
        assert_eq!(Segment::from_scores(4, 1), Segment::Promising);
        assert_eq!(Segment::from_scores(3, 3), Segment::NeedAttention);
        assert_eq!(Segment::from_scores(1, 5), Segment::CantLoseThem);
        assert_eq!(Segment::from_scores(2, 4), Segment::AtRisk);
        assert_eq!(Segment::from_scores(1, 1), Segment::Lost);
        assert_eq!(Segment::from_scores(2, 1), Segment::Hibernating);
        for r in 1..=5 {
            for f in 1..=5 {
                let _ = Segment::from_scores(r, f);
            }
        }
    }
}
