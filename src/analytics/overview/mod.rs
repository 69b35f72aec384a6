//! Overview dashboard: KPIs, revenue by week and month, top products and countries, orders by
//! weekday and hour, for an optional date range.
//!
//! Lines that are not goods (postage, carriage, fees, manual adjustments: the rules of
//! [`crate::analytics::basket::non_product_reason`]) count in every KPI and series, since they
//! are money taken, but are listed apart from the top products ([`OverviewReport::non_products`]).
//!
//! Definitions follow the standard e-commerce KPI set (e.g. Google Analytics "Ecommerce
//! metrics"; Fader, *Customer Centricity*, 2012): revenue = sum of line totals, average order
//! value = revenue / orders, repeat purchase rate = customers with 2+ orders / customers.

pub mod compare;

use serde::{Deserialize, Serialize};

use crate::analytics::basket::non_product_reason;
use crate::analytics::forecast::series::{open_weekdays, Freq, Span};
use crate::data::dates::{civil_from_days, days_from_civil, format_day, week_index, weekday};
use crate::data::{neumaier_sum, Dataset, OrderLines, NONE_ID};

/// Parameters; dates are inclusive "YYYY-MM-DD" strings, `None` = open end.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OverviewParams {
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    /// What a date range is compared with (nothing for all dates).
    #[serde(default)]
    pub compare: Comparison,
}

impl OverviewParams {
    /// Checks the dates (valid "YYYY-MM-DD", `date_from` not after `date_to`) before any data
    /// are read.
    pub fn validate(&self) -> Result<(), OverviewError> {
        self.days().map(|_| ())
    }

    /// The range's first and last day (days since 1970-01-01), `None` for an open end.
    fn days(&self) -> Result<(Option<i64>, Option<i64>), OverviewError> {
        let from = parse_param("date_from", &self.date_from)?;
        let to = parse_param("date_to", &self.date_to)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(OverviewError::EmptyRange {
                    from: self.date_from.clone().unwrap_or_default(),
                    to: self.date_to.clone().unwrap_or_default(),
                });
            }
        }
        Ok((from, to))
    }
}

/// The period a date range is compared with ([`OverviewReport::previous`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// The same number of days just before the range (1–30 Sep against 2–31 Aug).
    #[default]
    DaysBefore,
    /// The same calendar dates a year earlier (1–31 Dec 2011 against 1–31 Dec 2010), for
    /// seasonal shops; 29 February becomes 28 February.
    YearBefore,
}

impl Comparison {
    /// Stable key (CLI flag value, test ids).
    pub fn key(self) -> &'static str {
        match self {
            Comparison::DaysBefore => "days-before",
            Comparison::YearBefore => "year-before",
        }
    }

    /// The comparison of a key ([`Comparison::key`]).
    pub fn from_key(key: &str) -> Option<Comparison> {
        [Comparison::DaysBefore, Comparison::YearBefore]
            .into_iter()
            .find(|c| c.key() == key)
    }
}

/// Headline numbers. Every KPI comes with its definition in the UI's "how was this computed".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Kpis {
    /// Sum of line totals of kept sale lines (order level, guests included).
    pub revenue: f64,
    /// Distinct order ids.
    pub orders: u64,
    /// Distinct customer ids (guest orders excluded).
    pub customers: u64,
    /// revenue / orders.
    pub average_order_value: f64,
    /// Share of customers with two or more distinct orders.
    pub repeat_purchase_rate: f64,
    /// Value of cancellation/return lines / value of sale lines, in the range.
    pub returns_rate: f64,
    pub lines: u64,
    pub guest_orders: u64,
    /// Σ quantity of kept sale lines.
    #[serde(default)]
    pub units: f64,
    /// units / orders.
    #[serde(default)]
    pub units_per_order: f64,
    /// Customers whose first purchase in the data falls in the range (all of them for the
    /// whole range).
    #[serde(default)]
    pub new_customers: u64,
    /// Share of the range's customers who had bought before it: (customers − new) / customers.
    #[serde(default)]
    pub returning_customer_rate: f64,
}

/// One period of the revenue series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodPoint {
    /// Period start "YYYY-MM-DD" (weeks start on Monday; months on the 1st).
    pub start: String,
    pub revenue: f64,
    pub orders: u64,
    /// Σ quantity in the period.
    #[serde(default)]
    pub units: f64,
    /// Distinct customers who bought in the period (guests excluded).
    #[serde(default)]
    pub customers: u64,
    /// Of them, those whose first purchase in the data falls in the period.
    #[serde(default)]
    pub new_customers: u64,
    /// The range (or the data) starts or ends inside the period on a day the shop usually
    /// opens: its sums cover part of it only (the Forecast page's rule, which leaves such a
    /// period out; here it is shown and marked). `false` in [`PreviousPeriod`]'s series.
    #[serde(default)]
    pub incomplete: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductRow {
    pub sku: String,
    pub name: String,
    pub revenue: f64,
    pub quantity: f64,
    pub orders: u64,
    pub customers: u64,
    /// Revenue and units in the period before the range ([`OverviewReport::previous`]) when the
    /// data cover it: 0 for a product that did not sell then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_revenue: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_quantity: Option<f64>,
    /// Why the line is not a product (rows of [`OverviewReport::non_products`] only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_a_product: Option<crate::text::Text>,
}

impl ProductRow {
    /// The change against the period before the range: `now / before − 1` of revenue (of units
    /// when `priced` is false), `+∞` for a product that did not sell then, `None` without a
    /// comparison ([`OverviewReport::previous`]).
    pub fn change(&self, priced: bool) -> Option<f64> {
        let (now, before) = if priced {
            (self.revenue, self.previous_revenue?)
        } else {
            (self.quantity, self.previous_quantity?)
        };
        Some(if before > 0.0 {
            now / before - 1.0
        } else {
            f64::INFINITY
        })
    }
}

/// The period a date range is compared with ([`Comparison`]): the same number of days just
/// before it, or the same dates a year earlier (the range is first clipped to the data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousPeriod {
    /// Which of the two it is.
    #[serde(default)]
    pub basis: Comparison,
    /// First and last day, "YYYY-MM-DD".
    pub from: String,
    pub to: String,
    /// Its length in days (that of the range, but for a 29 February a year away).
    pub days: i64,
    /// Its headline numbers; `None` when it starts before the data ([`PreviousPeriod::data_from`]):
    /// a part-covered period would compare a few weeks with a full range.
    pub kpis: Option<Kpis>,
    /// The data's first day.
    pub data_from: String,
    /// Its revenue by week and by month on the range's own periods
    /// ([`OverviewReport::weekly`], [`OverviewReport::monthly`]: same length, same starts),
    /// each day moved forward by the distance between the two periods' first days (the days
    /// before: the range's length; a year before: 365 or 366 days), so a chart can draw the
    /// two together. Empty without [`PreviousPeriod::kpis`].
    #[serde(default)]
    pub weekly: Vec<PeriodPoint>,
    #[serde(default)]
    pub monthly: Vec<PeriodPoint>,
}

/// When orders are placed: orders, revenue and units by weekday and hour of the day, in the
/// times the file gives (no time-zone conversion).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BuyingTimes {
    /// `orders[w][h]`: orders placed on weekday `w` (0 = Monday … 6 = Sunday) in hour `h`
    /// (0–23), each order at the time of its first line.
    pub orders: Vec<Vec<u64>>,
    /// Σ revenue of the lines in each cell (each line at its own time).
    pub revenue: Vec<Vec<f64>>,
    /// Σ quantity of the lines in each cell.
    pub units: Vec<Vec<f64>>,
    /// `false` when every line is at midnight (a file with dates but no times): hour 0 then
    /// holds the whole day, and only the weekdays mean anything.
    pub has_times: bool,
}

impl BuyingTimes {
    /// The hours from the first to the last with any order (all 24 when there are none).
    pub fn hour_span(&self) -> std::ops::RangeInclusive<usize> {
        let busy = |h: usize| self.orders.iter().any(|w| w.get(h).is_some_and(|&n| n > 0));
        match ((0..24).find(|&h| busy(h)), (0..24).rev().find(|&h| busy(h))) {
            (Some(a), Some(b)) => a..=b,
            _ => 0..=23,
        }
    }

    /// The busiest cell: `(weekday, hour, orders)`, the earliest in the week on a tie; `None`
    /// without orders.
    pub fn busiest(&self) -> Option<(usize, usize, u64)> {
        let mut best: Option<(usize, usize, u64)> = None;
        for (w, row) in self.orders.iter().enumerate() {
            for (h, &n) in row.iter().enumerate() {
                if n > 0 && best.is_none_or(|(_, _, b)| n > b) {
                    best = Some((w, h, n));
                }
            }
        }
        best
    }

    /// Orders, revenue and units of weekday `w`, hour `h` (zeros outside the grid).
    pub fn at(&self, w: usize, h: usize) -> (u64, f64, f64) {
        let get = |v: &Vec<Vec<f64>>| v.get(w).and_then(|r| r.get(h)).copied().unwrap_or(0.0);
        let orders = self
            .orders
            .get(w)
            .and_then(|r| r.get(h))
            .copied()
            .unwrap_or(0);
        (orders, get(&self.revenue), get(&self.units))
    }

    /// `orders` as a share of all the orders in the grid (0 without orders).
    pub fn share(&self, orders: u64) -> f64 {
        let total: u64 = self.orders.iter().flatten().sum();
        if total > 0 {
            orders as f64 / total as f64
        } else {
            0.0
        }
    }

    /// Orders per weekday (Monday first).
    pub fn by_weekday(&self) -> Vec<u64> {
        self.orders.iter().map(|row| row.iter().sum()).collect()
    }
}

/// Orders, revenue and units of the lines `idx` by weekday and hour ([`BuyingTimes`]).
fn buying_times(lines: &OrderLines, idx: &[usize]) -> BuyingTimes {
    let cell = |t: i64| {
        (
            weekday(t.div_euclid(86400)),
            (t.rem_euclid(86400) / 3600) as usize,
        )
    };
    let mut bt = BuyingTimes {
        orders: vec![vec![0; 24]; 7],
        revenue: vec![vec![0.0; 24]; 7],
        units: vec![vec![0.0; 24]; 7],
        has_times: idx
            .iter()
            .any(|&i| lines.timestamp[i].rem_euclid(86400) != 0),
    };
    let mut rev = vec![vec![Acc::default(); 24]; 7];
    let mut first_line = vec![i64::MAX; lines.strings.len()];
    for &i in idx {
        let (w, h) = cell(lines.timestamp[i]);
        rev[w][h].add(lines.revenue[i]);
        bt.units[w][h] += lines.quantity[i];
        if let Some(t) = first_line.get_mut(lines.order_id[i] as usize) {
            *t = (*t).min(lines.timestamp[i]);
        }
    }
    for t in first_line.into_iter().filter(|&t| t != i64::MAX) {
        let (w, h) = cell(t);
        bt.orders[w][h] += 1;
    }
    for (w, row) in rev.iter().enumerate() {
        for (h, a) in row.iter().enumerate() {
            bt.revenue[w][h] = a.get();
        }
    }
    bt
}

/// [`CountryRow::country`] of the lines without a country (the CLI prints it as is; the page
/// shows it in its language).
pub const UNKNOWN_COUNTRY: &str = "Unknown";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryRow {
    pub country: String,
    pub revenue: f64,
    pub orders: u64,
    pub customers: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverviewReport {
    pub params: OverviewParams,
    /// Full data range, for the date filter's bounds ("YYYY-MM-DD").
    pub data_from: Option<String>,
    pub data_to: Option<String>,
    /// The first and last days the series cover ("YYYY-MM-DD"): the date range limited to the
    /// data (the data's own days without a range).
    #[serde(default)]
    pub shown_from: Option<String>,
    #[serde(default)]
    pub shown_to: Option<String>,
    pub kpis: Kpis,
    pub weekly: Vec<PeriodPoint>,
    pub monthly: Vec<PeriodPoint>,
    /// All products in range, by revenue descending (the UI paginates); lines that are not
    /// goods are in [`OverviewReport::non_products`] instead.
    pub products: Vec<ProductRow>,
    /// The period just before the date range, when one is set.
    #[serde(default)]
    pub previous: Option<PreviousPeriod>,
    /// Postage, fees and other lines that are not goods, same order, each with its reason.
    /// Their revenue and units are in the KPIs and series.
    #[serde(default)]
    pub non_products: Vec<ProductRow>,
    /// Σ revenue and Σ units of [`OverviewReport::non_products`] (compensated sums).
    #[serde(default)]
    pub non_products_revenue: f64,
    #[serde(default)]
    pub non_products_units: f64,
    /// All countries in range, by revenue descending.
    pub countries: Vec<CountryRow>,
    /// Orders by weekday and hour in range.
    #[serde(default)]
    pub buying_times: BuyingTimes,
    /// `false` for a file without prices ([`crate::data::CleaningReport::priced`]): revenue
    /// is 0 throughout, products are ranked by units and countries by orders, and the returns
    /// rate counts units.
    #[serde(default = "crate::default_true")]
    pub priced: bool,
}

impl Default for OverviewReport {
    /// An empty report of priced data.
    fn default() -> Self {
        OverviewReport {
            params: OverviewParams::default(),
            data_from: None,
            data_to: None,
            shown_from: None,
            shown_to: None,
            kpis: Kpis::default(),
            weekly: Vec::new(),
            monthly: Vec::new(),
            products: Vec::new(),
            previous: None,
            non_products: Vec::new(),
            non_products_revenue: 0.0,
            non_products_units: 0.0,
            countries: Vec::new(),
            buying_times: BuyingTimes::default(),
            priced: true,
        }
    }
}

/// Errors of the overview pillar (parameters are validated before anything is computed).
///
/// The message comes from the sentence catalogue ([`OverviewError::text`]).
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[error("{}", self.text())]
pub enum OverviewError {
    /// A date parameter is not a valid "YYYY-MM-DD" date.
    BadDate {
        /// "date_from" or "date_to".
        param: &'static str,
        /// The value given.
        value: String,
    },
    /// `date_from` is after `date_to`.
    EmptyRange {
        /// Start of the range.
        from: String,
        /// End of the range.
        to: String,
    },
}

impl OverviewError {
    /// The message, in either language.
    pub fn text(&self) -> crate::text::Text {
        use crate::text::Text;
        match self {
            OverviewError::BadDate { param, value } => Text::new("common.err.bad_date")
                .str("param", *param)
                .str("value", value.clone()),
            OverviewError::EmptyRange { from, to } => Text::new("common.err.empty_range")
                .str("from", from.clone())
                .str("to", to.clone()),
        }
    }
}

fn parse_param(param: &'static str, v: &Option<String>) -> Result<Option<i64>, OverviewError> {
    let Some(s) = v else { return Ok(None) };
    let bad = || OverviewError::BadDate {
        param,
        value: s.clone(),
    };
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| bad())?;
    use chrono::Datelike;
    Ok(Some(days_from_civil(
        i64::from(d.year()),
        d.month(),
        d.day(),
    )))
}

/// Compensated running sum (Neumaier).
#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    s: f64,
    c: f64,
}

impl Acc {
    fn add(&mut self, v: f64) {
        let t = self.s + v;
        if self.s.abs() >= v.abs() {
            self.c += (self.s - t) + v;
        } else {
            self.c += (v - t) + self.s;
        }
        self.s = t;
    }
    fn get(&self) -> f64 {
        self.s + self.c
    }
}

/// Count distinct `b` per group `a` over sorted, de-duplicated pairs.
fn distinct_per_group(mut pairs: Vec<(u32, u32)>, groups: usize) -> Vec<u64> {
    pairs.sort_unstable();
    pairs.dedup();
    let mut out = vec![0u64; groups];
    for (g, _) in pairs {
        if let Some(n) = out.get_mut(g as usize) {
            *n += 1;
        }
    }
    out
}

/// First day (a Monday) of week `k`.
fn week_start_day(k: i64) -> i64 {
    k * 7 - 3
}

fn month_index(d: i64) -> i64 {
    let (y, m, _) = civil_from_days(d);
    y * 12 + i64::from(m) - 1
}

fn month_start_day(mi: i64) -> i64 {
    days_from_civil(mi.div_euclid(12), (mi.rem_euclid(12) + 1) as u32, 1)
}

/// Each customer's first purchase day in the data (by customer id; `i64::MAX` for ids that are
/// not customers).
fn first_purchase_days(lines: &OrderLines) -> Vec<i64> {
    let mut first = vec![i64::MAX; lines.strings.len()];
    for (i, &c) in lines.customer.iter().enumerate() {
        if let Some(d) = first.get_mut(c as usize) {
            *d = (*d).min(lines.timestamp[i].div_euclid(86400));
        }
    }
    first
}

/// The headline numbers of the sale lines `idx` and of the returns dated in `in_range`; a
/// customer is new when their first purchase day (`first_day`) is on or after `start_day`.
fn range_kpis(
    ds: &Dataset,
    idx: &[usize],
    in_range: &dyn Fn(i64) -> bool,
    first_day: &[i64],
    start_day: i64,
) -> Kpis {
    let lines = &ds.lines;
    let nstr = lines.strings.len();
    let priced = ds.report.priced;
    let revenue = neumaier_sum(idx.iter().map(|&i| lines.revenue[i]));
    let units = neumaier_sum(idx.iter().map(|&i| lines.quantity[i]));
    let mut seen_order = vec![false; nstr];
    let mut seen_guest_order = vec![false; nstr];
    let (mut orders, mut guest_orders) = (0u64, 0u64);
    let mut cust_orders: Vec<(u32, u32)> = Vec::with_capacity(idx.len());
    for &i in idx {
        let o = lines.order_id[i] as usize;
        if let Some(s) = seen_order.get_mut(o) {
            if !*s {
                *s = true;
                orders += 1;
            }
        }
        let c = lines.customer[i];
        if c == NONE_ID {
            if let Some(s) = seen_guest_order.get_mut(o) {
                if !*s {
                    *s = true;
                    guest_orders += 1;
                }
            }
        } else {
            cust_orders.push((c, lines.order_id[i]));
        }
    }
    let per_customer = distinct_per_group(cust_orders, nstr);
    let customers = per_customer.iter().filter(|&&n| n > 0).count() as u64;
    let repeaters = per_customer.iter().filter(|&&n| n >= 2).count() as u64;
    let new_customers = per_customer
        .iter()
        .zip(first_day)
        .filter(|&(&n, &d)| n > 0 && d >= start_day)
        .count() as u64;
    let returns = &ds.returns;
    // Without prices the returns rate counts units instead of value.
    let returned = |i: usize| {
        if priced {
            returns.revenue[i].abs()
        } else {
            returns.quantity[i].abs()
        }
    };
    let return_value = neumaier_sum(
        (0..returns.len())
            .filter(|&i| in_range(returns.timestamp[i]))
            .map(returned),
    );
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    Kpis {
        revenue,
        orders,
        customers,
        average_order_value: ratio(revenue, orders as f64),
        repeat_purchase_rate: ratio(repeaters as f64, customers as f64),
        returns_rate: ratio(return_value, if priced { revenue } else { units }),
        lines: idx.len() as u64,
        guest_orders,
        units,
        units_per_order: ratio(units, orders as f64),
        new_customers,
        returning_customer_rate: ratio((customers - new_customers) as f64, customers as f64),
    }
}

/// The same day a year earlier; 29 February becomes 28 February.
fn year_before(day: i64) -> i64 {
    let (y, m, d) = civil_from_days(day);
    let d = if m == 2 && d == 29 { 28 } else { d };
    days_from_civil(y - 1, m, d)
}

/// The comparison with the period before a date range ([`PreviousPeriod`], by `basis`) and its
/// sale lines (none when the data do not cover it): `None` for all dates (no range set) or a
/// range outside the data.
fn previous_period(
    ds: &Dataset,
    first_day: &[i64],
    (from, to): (Option<i64>, Option<i64>),
    (data_min, data_max): (Option<i64>, Option<i64>),
    basis: Comparison,
) -> Option<(PreviousPeriod, Vec<usize>)> {
    if from.is_none() && to.is_none() {
        return None;
    }
    let (dmin, dmax) = (data_min?, data_max?);
    let first = from.map_or(dmin, |f| f.max(dmin));
    let last = to.map_or(dmax, |t| t.min(dmax));
    if first > last {
        return None;
    }
    let (p_first, p_last) = match basis {
        Comparison::DaysBefore => (first - (last - first + 1), first - 1),
        Comparison::YearBefore => (year_before(first), year_before(last)),
    };
    // A period starting before the data would compare a part with a whole: no numbers.
    let mut idx = Vec::new();
    let kpis = (p_first >= dmin).then(|| {
        let (lo, hi) = (p_first * 86400, p_last * 86400 + 86399);
        let in_range = |t: i64| t >= lo && t <= hi;
        idx = (0..ds.lines.len())
            .filter(|&i| in_range(ds.lines.timestamp[i]))
            .collect();
        range_kpis(ds, &idx, &in_range, first_day, p_first)
    });
    // Its series on the range's periods: each day moved forward by the distance between the
    // two first days.
    let (weekly, monthly) = if kpis.is_some() {
        let shift = first - p_first;
        let range = (first, last);
        (
            series(&ds.lines, first_day, &idx, range, shift, Period::WEEK),
            series(&ds.lines, first_day, &idx, range, shift, Period::MONTH),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let period = PreviousPeriod {
        basis,
        from: format_day(p_first * 86400),
        to: format_day(p_last * 86400),
        days: p_last - p_first + 1,
        kpis,
        data_from: format_day(dmin * 86400),
        weekly,
        monthly,
    };
    Some((period, idx))
}

/// One revenue series of the lines `idx` over the consecutive periods (`key` of a day, first
/// day `start_of` a period) from day `first` to day `last`, empty periods filled with zero; each
/// line's day is moved forward by `shift` days first (0 but for [`PreviousPeriod`]'s series).
/// A period's new customers are those whose first purchase day (`first_day`, moved alike)
/// falls in it.
fn series(
    lines: &OrderLines,
    first_day: &[i64],
    idx: &[usize],
    (first, last): (i64, i64),
    shift: i64,
    Period { key, start_of }: Period,
) -> Vec<PeriodPoint> {
    if first > last {
        return Vec::new();
    }
    let (k0, k1) = (key(first), key(last));
    let n = (k1 - k0 + 1).max(0) as usize;
    let mut rev = vec![Acc::default(); n];
    let mut units = vec![Acc::default(); n];
    let mut pairs = Vec::with_capacity(idx.len());
    let (mut custs, mut new_custs) = (Vec::new(), Vec::new());
    for &i in idx {
        let k = key(lines.timestamp[i].div_euclid(86400) + shift) - k0;
        if k < 0 || k as usize >= n {
            continue;
        }
        rev[k as usize].add(lines.revenue[i]);
        units[k as usize].add(lines.quantity[i]);
        pairs.push((k as u32, lines.order_id[i]));
        let c = lines.customer[i];
        if let Some(&d) = first_day.get(c as usize) {
            custs.push((k as u32, c));
            // New in this period: the first purchase (moved like the line) falls in it.
            if d != i64::MAX && key(d + shift) - k0 == k {
                new_custs.push((k as u32, c));
            }
        }
    }
    let orders = distinct_per_group(pairs, n);
    let customers = distinct_per_group(custs, n);
    let new_customers = distinct_per_group(new_custs, n);
    (0..n)
        .map(|j| PeriodPoint {
            start: format_day(start_of(k0 + j as i64) * 86400),
            revenue: rev[j].get(),
            orders: orders[j],
            units: units[j].get(),
            customers: customers[j],
            new_customers: new_customers[j],
            incomplete: false,
        })
        .collect()
}

/// A kind of period of the series: its index of a day and its first day.
#[derive(Clone, Copy)]
struct Period {
    key: fn(i64) -> i64,
    start_of: fn(i64) -> i64,
}

impl Period {
    /// ISO weeks, from Monday.
    const WEEK: Period = Period {
        key: week_index,
        start_of: week_start_day,
    };
    /// Calendar months.
    const MONTH: Period = Period {
        key: month_index,
        start_of: month_start_day,
    };
}

/// Compute the overview for the lines whose timestamp falls in the (inclusive) date range.
///
/// KPIs: revenue = Σ line totals; orders = distinct order ids; customers = distinct customer
/// ids (guests excluded); AOV = revenue / orders; repeat purchase rate = share of customers
/// with ≥ 2 distinct orders; returns rate = Σ return values / Σ sale values in the range; new
/// customers = customers whose first purchase in the data is on or after the range's first day,
/// returning customer rate = 1 − new / customers (the "new vs returning" split of e.g. Shopify's
/// and Google Analytics' customer reports, with "before" limited to what the data hold).
/// Weekly periods start on Monday (ISO 8601), monthly on the 1st; the series cover the range
/// (limited to the data) with empty periods as zero. Products are keyed by SKU (by name when
/// the file has no SKU); a product's name is its most frequent one.
pub fn run(ds: &Dataset, params: &OverviewParams) -> Result<OverviewReport, OverviewError> {
    let (from, to) = params.days()?;
    let lines = &ds.lines;
    let data_min = lines.timestamp.iter().min().map(|t| t.div_euclid(86400));
    let data_max = lines.timestamp.iter().max().map(|t| t.div_euclid(86400));
    let lo = from.map(|d| d * 86400).unwrap_or(i64::MIN);
    let hi = to.map(|d| d * 86400 + 86399).unwrap_or(i64::MAX);
    let in_range = |t: i64| t >= lo && t <= hi;
    let idx: Vec<usize> = (0..lines.len())
        .filter(|&i| in_range(lines.timestamp[i]))
        .collect();
    let nstr = lines.strings.len();

    let priced = ds.report.priced;
    let first_day = first_purchase_days(lines);
    let kpis = range_kpis(ds, &idx, &in_range, &first_day, from.unwrap_or(i64::MIN));
    let (previous, previous_idx) = match previous_period(
        ds,
        &first_day,
        (from, to),
        (data_min, data_max),
        params.compare,
    ) {
        Some((p, idx)) => (Some(p), idx),
        None => (None, Vec::new()),
    };

    // Series over the range, limited to the data.
    let shown = data_min.zip(data_max).map(|(dmin, dmax)| {
        (
            from.map_or(dmin, |f| f.max(dmin)),
            to.map_or(dmax, |t| t.min(dmax)),
        )
    });
    let (weekly, monthly) = match (data_min, data_max, shown) {
        (Some(dmin), Some(dmax), Some((first, last))) => {
            // A first or last period the range covers in part, judged by the weekdays the
            // shop opens (the Forecast page's rule): an export from a Wednesday, or ending on
            // a Friday of a shop open on Sundays, would otherwise read as a slump.
            let open = open_weekdays(
                dmin,
                dmax,
                lines.timestamp.iter().map(|t| t.div_euclid(86400)),
            );
            let mark = |mut pts: Vec<PeriodPoint>, freq: Freq| {
                let span = Span::new(first, last, freq, open);
                if let Some(p) = pts.first_mut() {
                    p.incomplete |= span.first_cut;
                }
                if let Some(p) = pts.last_mut() {
                    p.incomplete |= span.last_cut;
                }
                pts
            };
            (
                mark(
                    series(lines, &first_day, &idx, (first, last), 0, Period::WEEK),
                    Freq::Week,
                ),
                mark(
                    series(lines, &first_day, &idx, (first, last), 0, Period::MONTH),
                    Freq::Month,
                ),
            )
        }
        _ => (Vec::new(), Vec::new()),
    };

    // Products: dense index per (sku, or product name when no sku).
    let mut pindex: std::collections::HashMap<(bool, u32), u32> = std::collections::HashMap::new();
    let mut pkeys: Vec<(bool, u32)> = Vec::new();
    let mut pline: Vec<u32> = Vec::with_capacity(idx.len());
    let product_key = |i: usize| {
        if lines.sku[i] != NONE_ID {
            (true, lines.sku[i])
        } else {
            (false, lines.product[i])
        }
    };
    for &i in &idx {
        let key = product_key(i);
        let next = pkeys.len() as u32;
        let p = *pindex.entry(key).or_insert_with(|| {
            pkeys.push(key);
            next
        });
        pline.push(p);
    }
    let np = pkeys.len();
    let mut prev = vec![Acc::default(); np];
    let mut pqty = vec![Acc::default(); np];
    let mut p_orders = Vec::with_capacity(idx.len());
    let mut p_custs = Vec::with_capacity(idx.len());
    let mut p_names = Vec::with_capacity(idx.len());
    for (j, &i) in idx.iter().enumerate() {
        let p = pline[j];
        prev[p as usize].add(lines.revenue[i]);
        pqty[p as usize].add(lines.quantity[i]);
        p_orders.push((p, lines.order_id[i]));
        if lines.customer[i] != NONE_ID {
            p_custs.push((p, lines.customer[i]));
        }
        if lines.product[i] != NONE_ID {
            p_names.push((p, lines.product[i]));
        }
    }
    // The same products' sales in the period before (those that sell only then are not listed).
    let compared = previous.as_ref().is_some_and(|p| p.kpis.is_some());
    let mut before_rev = vec![Acc::default(); np];
    let mut before_qty = vec![Acc::default(); np];
    for &i in &previous_idx {
        if let Some(&p) = pindex.get(&product_key(i)) {
            before_rev[p as usize].add(lines.revenue[i]);
            before_qty[p as usize].add(lines.quantity[i]);
        }
    }
    let po = distinct_per_group(p_orders, np);
    let pc = distinct_per_group(p_custs, np);
    // Most frequent name per product (ties: alphabetical).
    p_names.sort_unstable();
    let mut best_name: Vec<Option<(u64, u32)>> = vec![None; np];
    let mut k = 0;
    while k < p_names.len() {
        let mut e = k;
        while e < p_names.len() && p_names[e] == p_names[k] {
            e += 1;
        }
        let (p, name) = p_names[k];
        let count = (e - k) as u64;
        let slot = &mut best_name[p as usize];
        let better = match *slot {
            None => true,
            Some((c, n)) => {
                count > c || (count == c && lines.strings.get(name) < lines.strings.get(n))
            }
        };
        if better {
            *slot = Some((count, name));
        }
        k = e;
    }
    let mut products: Vec<ProductRow> = (0..np)
        .map(|p| {
            let (is_sku, id) = pkeys[p];
            let name = best_name[p]
                .map(|(_, n)| lines.strings.get(n).to_owned())
                .unwrap_or_default();
            ProductRow {
                sku: if is_sku {
                    lines.strings.get(id).to_owned()
                } else {
                    String::new()
                },
                name,
                revenue: prev[p].get(),
                quantity: pqty[p].get(),
                orders: po[p],
                customers: pc[p],
                previous_revenue: compared.then(|| before_rev[p].get()),
                previous_quantity: compared.then(|| before_qty[p].get()),
                not_a_product: None,
            }
        })
        .collect();
    for p in &mut products {
        // A file without a SKU column keys products by name: `sku` is empty here, and the
        // rules then read the description only.
        let code = if p.sku.is_empty() { &p.name } else { &p.sku };
        p.not_a_product = non_product_reason(code, &p.name);
    }
    products.sort_by(|a, b| {
        b.revenue
            .total_cmp(&a.revenue)
            .then_with(|| b.quantity.total_cmp(&a.quantity))
            .then_with(|| a.sku.cmp(&b.sku))
            .then_with(|| a.name.cmp(&b.name))
    });
    let (non_products, products): (Vec<ProductRow>, Vec<ProductRow>) = products
        .into_iter()
        .partition(|p| p.not_a_product.is_some());
    let non_products_revenue = neumaier_sum(non_products.iter().map(|p| p.revenue));
    let non_products_units = neumaier_sum(non_products.iter().map(|p| p.quantity));

    // Countries.
    let cidx = |c: u32| if c == NONE_ID { nstr } else { c as usize };
    let mut crev = vec![Acc::default(); nstr + 1];
    let mut c_orders = Vec::new();
    let mut c_custs = Vec::new();
    let mut c_seen = vec![false; nstr + 1];
    for &i in &idx {
        let c = cidx(lines.country[i]);
        c_seen[c] = true;
        crev[c].add(lines.revenue[i]);
        c_orders.push((c as u32, lines.order_id[i]));
        if lines.customer[i] != NONE_ID {
            c_custs.push((c as u32, lines.customer[i]));
        }
    }
    let co = distinct_per_group(c_orders, nstr + 1);
    let cc = distinct_per_group(c_custs, nstr + 1);
    let mut countries: Vec<CountryRow> = (0..=nstr)
        .filter(|&c| c_seen[c])
        .map(|c| CountryRow {
            country: if c == nstr {
                UNKNOWN_COUNTRY.to_owned()
            } else {
                lines.strings.get(c as u32).to_owned()
            },
            revenue: crev[c].get(),
            orders: co[c],
            customers: cc[c],
        })
        .collect();
    countries.sort_by(|a, b| {
        b.revenue
            .total_cmp(&a.revenue)
            .then_with(|| b.orders.cmp(&a.orders))
            .then_with(|| a.country.cmp(&b.country))
    });

    Ok(OverviewReport {
        params: params.clone(),
        data_from: data_min.map(|d| format_day(d * 86400)),
        data_to: data_max.map(|d| format_day(d * 86400)),
        shown_from: shown.map(|(d, _)| format_day(d * 86400)),
        shown_to: shown.map(|(_, d)| format_day(d * 86400)),
        kpis,
        weekly,
        monthly,
        products,
        previous,
        non_products,
        non_products_revenue,
        non_products_units,
        countries,
        buying_times: buying_times(lines, &idx),
        priced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_before_keeps_the_calendar_date() {
        let day = |y, m, d| days_from_civil(y, m, d);
        assert_eq!(year_before(day(2011, 12, 9)), day(2010, 12, 9));
        assert_eq!(year_before(day(2013, 3, 1)), day(2012, 3, 1));
        // 29 February has no date a year before: 28 February.
        assert_eq!(year_before(day(2012, 2, 29)), day(2011, 2, 28));
        assert_eq!(year_before(day(2012, 3, 1)), day(2011, 3, 1));
        assert_eq!(
            Comparison::from_key(Comparison::YearBefore.key()),
            Some(Comparison::YearBefore)
        );
        assert_eq!(Comparison::from_key("week-before"), None);
    }

    #[test]
    fn busiest_cell_and_hours() {
        let mut bt = BuyingTimes {
            orders: vec![vec![0; 24]; 7],
            ..BuyingTimes::default()
        };
        assert_eq!(bt.busiest(), None);
        assert_eq!(bt.hour_span(), 0..=23);
        bt.orders[2][9] = 4;
        bt.orders[4][17] = 4;
        bt.orders[0][12] = 1;
        assert_eq!(bt.busiest(), Some((2, 9, 4)));
        assert_eq!(bt.hour_span(), 9..=17);
        assert_eq!(bt.by_weekday(), [1, 0, 4, 0, 4, 0, 0]);
        assert_eq!(bt.at(2, 9).0, 4);
        assert_eq!(bt.at(7, 30), (0, 0.0, 0.0));
        assert_eq!(bt.share(4), 4.0 / 9.0);
    }
}
