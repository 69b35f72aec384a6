//! Monthly acquisition cohorts: customers grouped by the calendar month of their first order,
//! followed month by month (offset 0 = the acquisition month).
//!
//! For cohort `c` and offset `m`: `active` = customers of `c` with at least one order in month
//! `c + m`; `retention = active / size(c)`; `revenue_per_customer = revenue of c in month c + m /
//! size(c)` (per acquired customer, so the row sums to the cohort's cumulative value per customer).
//! The classic cohort table (e.g. Fader, *Customer Centricity*, 2012; the pandas cohort recipe).

use super::history::{year_month, History};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One cell of the cohort table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortCell {
    pub month_offset: u32,
    pub active: u64,
    /// active / cohort size, 0..=1.
    pub retention: f64,
    pub revenue_per_customer: f64,
}

/// One acquisition cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortRow {
    /// "YYYY-MM".
    pub cohort: String,
    pub size: u64,
    /// Offsets 0..=last observable month, zeros included.
    pub cells: Vec<CohortCell>,
}

/// The cohort table and a short summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CohortReport {
    pub cohorts: Vec<CohortRow>,
    /// Mean retention at offset 1, 3 and 6 over cohorts old enough (customer-weighted), if any.
    pub retention_month_1: Option<f64>,
    pub retention_month_3: Option<f64>,
    pub retention_month_6: Option<f64>,
    pub explanation: Text,
}

/// Cohort month → (size, month offset → (active customers, revenue)).
type Table = BTreeMap<i64, (u64, BTreeMap<i64, (u64, f64)>)>;

fn month_index(day: i64) -> i64 {
    let (y, m) = year_month(day);
    y as i64 * 12 + (m as i64 - 1)
}

/// Build the cohort table from the histories; `last_day` bounds the observable offsets.
pub fn compute(hist: &[History], last_day: i64) -> CohortReport {
    let last_m = month_index(last_day);
    // cohort month -> (size, offset -> (active, revenue))
    let mut table: Table = BTreeMap::new();
    for h in hist {
        let Some(first) = h.orders.first() else {
            continue;
        };
        let c = month_index(first.day);
        let entry = table.entry(c).or_default();
        entry.0 += 1;
        let mut months: BTreeMap<i64, f64> = BTreeMap::new();
        for o in &h.orders {
            *months.entry(month_index(o.day) - c).or_insert(0.0) += o.revenue;
        }
        for (off, rev) in months {
            let cell = entry.1.entry(off).or_insert((0, 0.0));
            cell.0 += 1;
            cell.1 += rev;
        }
    }
    let mut cohorts = Vec::new();
    let mut acc = [(0.0, 0.0); 3];
    for (c, (size, cells)) in &table {
        let span = (last_m - c).max(0);
        let row_cells: Vec<CohortCell> = (0..=span)
            .map(|off| {
                let (active, rev) = cells.get(&off).copied().unwrap_or((0, 0.0));
                CohortCell {
                    month_offset: off as u32,
                    active,
                    retention: active as f64 / *size as f64,
                    revenue_per_customer: rev / *size as f64,
                }
            })
            .collect();
        for (slot, off) in [1usize, 3, 6].iter().enumerate() {
            if let Some(cell) = row_cells.get(*off) {
                acc[slot].0 += cell.active as f64;
                acc[slot].1 += *size as f64;
            }
        }
        let y = c.div_euclid(12);
        let m = c.rem_euclid(12) + 1;
        cohorts.push(CohortRow {
            cohort: format!("{y:04}-{m:02}"),
            size: *size,
            cells: row_cells,
        });
    }
    let ret = |i: usize| (acc[i].1 > 0.0).then(|| acc[i].0 / acc[i].1);
    CohortReport {
        cohorts,
        retention_month_1: ret(0),
        retention_month_3: ret(1),
        retention_month_6: ret(2),
        explanation: Text::new("customers.cohorts.explain"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::history::{histories, lines_from_rows};
    use super::*;

    #[test]
    fn hand_cohorts() {
        let l = lines_from_rows(&[
            ("a", "1", "2011-01-05", 10.0),
            ("a", "2", "2011-02-07", 20.0),
            ("b", "3", "2011-01-20", 5.0),
            ("c", "4", "2011-02-01", 7.0),
            ("c", "5", "2011-03-03", 1.0),
            ("", "6", "2011-03-04", 99.0),
        ]);
        let h = histories(&l, None);
        let r = compute(&h, super::super::history::day_of(l.timestamp[5]));
        assert_eq!(r.cohorts.len(), 2);
        let jan = &r.cohorts[0];
        assert_eq!((jan.cohort.as_str(), jan.size), ("2011-01", 2));
        assert_eq!(jan.cells.len(), 3);
        assert_eq!(jan.cells[1].active, 1);
        assert!((jan.cells[1].retention - 0.5).abs() < 1e-12);
        assert!((jan.cells[0].revenue_per_customer - 7.5).abs() < 1e-12);
        let feb = &r.cohorts[1];
        assert_eq!(feb.cells[1].active, 1);
        assert_eq!(r.retention_month_1, Some(2.0 / 3.0));
    }
}
