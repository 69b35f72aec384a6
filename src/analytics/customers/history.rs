//! Per-customer order histories built from the columnar [`OrderLines`]: the common input of
//! every customer-level model. Guest lines (`customer == NONE_ID`) are excluded here, once.

use crate::data::{OrderLines, NONE_ID};
use std::collections::HashMap;

use super::CustomersError;

/// Seconds per day.
pub const DAY: i64 = 86_400;

/// Day number (days since 1970-01-01) of a naive timestamp.
pub fn day_of(ts: i64) -> i64 {
    ts.div_euclid(DAY)
}

/// "YYYY-MM-DD" of a day number.
pub fn date_string(day: i64) -> String {
    chrono::DateTime::from_timestamp(day.saturating_mul(DAY), 0)
        .map(|d| d.date_naive().format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// (year, month) of a day number.
pub fn year_month(day: i64) -> (i32, u32) {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp(day.saturating_mul(DAY), 0)
        .map(|d| (d.year(), d.month()))
        .unwrap_or((1970, 1))
}

/// Parse "YYYY-MM-DD" into a day number.
pub fn parse_day(name: &'static str, s: &str) -> Result<i64, CustomersError> {
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        CustomersError::InvalidParam {
            name,
            message: crate::text::Text::new("param.not_a_date").str("s", s),
        }
    })?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    Ok((d - epoch).num_days())
}

/// One order of one customer (its lines summed).
#[derive(Debug, Clone, PartialEq)]
pub struct OrderRec {
    pub order: u32,
    /// Earliest line timestamp of the order.
    pub ts: i64,
    pub day: i64,
    pub revenue: f64,
    /// Units (sum of line quantities).
    pub quantity: f64,
}

/// All orders of one customer, sorted by time.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// Customer id (string id in `lines.strings`).
    pub customer: u32,
    pub orders: Vec<OrderRec>,
}

impl History {
    pub fn first_day(&self) -> i64 {
        self.orders.first().map(|o| o.day).unwrap_or(0)
    }
    pub fn last_day(&self) -> i64 {
        self.orders.last().map(|o| o.day).unwrap_or(0)
    }
    pub fn revenue(&self) -> f64 {
        self.orders.iter().map(|o| o.revenue).sum()
    }
    /// Units bought over all orders.
    pub fn units(&self) -> f64 {
        self.orders.iter().map(|o| o.quantity).sum()
    }
    /// Purchase days with their revenue (several orders on one day = one purchase), sorted.
    pub fn purchase_days(&self) -> Vec<(i64, f64)> {
        let mut out: Vec<(i64, f64)> = Vec::new();
        for o in &self.orders {
            match out.last_mut() {
                Some(last) if last.0 == o.day => last.1 += o.revenue,
                _ => out.push((o.day, o.revenue)),
            }
        }
        out
    }
}

/// Compare customer ids: numerically when both are integers, else as text.
pub fn cmp_ids(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        _ => a.cmp(b),
    }
}

/// Histories of every identified customer with orders on days `<= until_day` (all when `None`),
/// sorted by customer id. Orders are keyed by (customer, order id).
pub fn histories(lines: &OrderLines, until_day: Option<i64>) -> Vec<History> {
    let mut by_customer: HashMap<u32, usize> = HashMap::new();
    let mut out: Vec<History> = Vec::new();
    let mut order_pos: HashMap<(u32, u32), usize> = HashMap::new();
    let n = lines.len();
    for i in 0..n {
        let c = lines.customer.get(i).copied().unwrap_or(NONE_ID);
        if c == NONE_ID {
            continue;
        }
        let ts = lines.timestamp.get(i).copied().unwrap_or(0);
        let day = day_of(ts);
        if let Some(u) = until_day {
            if day > u {
                continue;
            }
        }
        let order = lines.order_id.get(i).copied().unwrap_or(NONE_ID);
        let rev = lines.revenue.get(i).copied().unwrap_or(0.0);
        let qty = lines.quantity.get(i).copied().unwrap_or(0.0);
        let h = *by_customer.entry(c).or_insert_with(|| {
            out.push(History {
                customer: c,
                orders: Vec::new(),
            });
            out.len() - 1
        });
        let hist = &mut out[h];
        match order_pos.get(&(c, order)) {
            Some(&p) => {
                let o = &mut hist.orders[p];
                o.revenue += rev;
                o.quantity += qty;
                if ts < o.ts {
                    o.ts = ts;
                    o.day = day;
                }
            }
            None => {
                order_pos.insert((c, order), hist.orders.len());
                hist.orders.push(OrderRec {
                    order,
                    ts,
                    day,
                    revenue: rev,
                    quantity: qty,
                });
            }
        }
    }
    for h in &mut out {
        h.orders
            .sort_by(|a, b| a.ts.cmp(&b.ts).then(a.order.cmp(&b.order)));
    }
    out.sort_by(|a, b| cmp_ids(lines.strings.get(a.customer), lines.strings.get(b.customer)));
    out
}

/// Last day with any kept sale line (guests included), `None` for empty data.
pub fn last_day(lines: &OrderLines) -> Option<i64> {
    lines.timestamp.iter().copied().max().map(day_of)
}

/// First day with any kept sale line.
pub fn first_day(lines: &OrderLines) -> Option<i64> {
    lines.timestamp.iter().copied().min().map(day_of)
}

/// Value of returns per customer id, on days `<= until_day` (all when `None`).
pub fn returns_by_customer(
    data: &crate::data::Dataset,
    until_day: Option<i64>,
) -> HashMap<String, f64> {
    let r = &data.returns;
    let mut m: HashMap<String, f64> = HashMap::new();
    for i in 0..r.len() {
        let c = r.customer.get(i).copied().unwrap_or(NONE_ID);
        if c == NONE_ID {
            continue;
        }
        if let Some(u) = until_day {
            if day_of(r.timestamp.get(i).copied().unwrap_or(0)) > u {
                continue;
            }
        }
        *m.entry(r.strings.get(c).to_owned()).or_insert(0.0) +=
            r.revenue.get(i).copied().unwrap_or(0.0).abs();
    }
    m
}

/// Build order lines by hand (tests, generated examples): rows of
/// (customer id or "" for a guest, order id, "YYYY-MM-DD", revenue).
pub fn lines_from_rows(rows: &[(&str, &str, &str, f64)]) -> OrderLines {
    let mut l = OrderLines::default();
    for (i, (c, o, d, rev)) in rows.iter().enumerate() {
        let day = parse_day("date", d).unwrap_or(0);
        let cid = if c.is_empty() {
            NONE_ID
        } else {
            l.strings.intern(c)
        };
        let oid = l.strings.intern(o);
        let na = l.strings.intern("");
        l.order_id.push(oid);
        l.timestamp.push(day * DAY + 12 * 3600);
        l.customer.push(cid);
        l.sku.push(na);
        l.product.push(na);
        l.quantity.push(1.0);
        l.unit_price.push(*rev);
        l.revenue.push(*rev);
        l.currency.push(na);
        l.country.push(na);
        l.category.push(na);
        l.status.push(crate::data::Status::Paid);
        l.source_row.push(i as u32 + 1);
        l.source_file.push(0);
    }
    l
}
