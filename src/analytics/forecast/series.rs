//! Series construction: aggregation of order lines into zero-filled per-period series (total,
//! per category, per SKU; daily, weekly (Monday start) or monthly), and the long-format loader
//! ([`LongSeries::from_csv_reader`]) for files with a series id, a period and a value column.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::records::Records;
use super::ForecastError;
use crate::data::{OrderLines, NONE_ID};
use crate::text::{CellError, Text};

/// Period length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Freq {
    Day,
    Week,
    Month,
}

impl Freq {
    /// Default season length: 7 (day), 52 (week), 12 (month).
    pub fn season(self) -> usize {
        match self {
            Freq::Day => 7,
            Freq::Week => 52,
            Freq::Month => 12,
        }
    }
    pub fn parse(s: &str) -> Option<Freq> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" | "daily" | "d" => Some(Freq::Day),
            "week" | "weekly" | "w" => Some(Freq::Week),
            "month" | "monthly" | "m" => Some(Freq::Month),
            _ => None,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Freq::Day => "day",
            Freq::Week => "week",
            Freq::Month => "month",
        }
    }
}

/// Aggregation level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Total,
    Category,
    Sku,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s.trim().to_ascii_lowercase().as_str() {
            "total" => Some(Level::Total),
            "category" => Some(Level::Category),
            "sku" | "product" => Some(Level::Sku),
            _ => None,
        }
    }
}

/// What is summed per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Units sold (quantity).
    #[default]
    Units,
    /// Sales value (line totals).
    Revenue,
}

const EPOCH_DAYS_CE: i32 = 719_163; // days from 0001-01-01 to 1970-01-01

fn date_of_day(day: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(EPOCH_DAYS_CE + day as i32).unwrap_or_default()
}

/// Period index of a timestamp (seconds since 1970-01-01, naive local time).
pub fn period_index(ts: i64, freq: Freq) -> i64 {
    period_of_day(ts.div_euclid(86_400), freq)
}

/// Period index of a day (days since 1970-01-01): the day itself, its ISO week
/// ([`crate::data::dates::week_index`]) or `year * 12 + month - 1`.
pub(super) fn period_of_day(day: i64, freq: Freq) -> i64 {
    match freq {
        Freq::Day => day,
        Freq::Week => crate::data::dates::week_index(day),
        Freq::Month => {
            let d = date_of_day(day);
            d.year() as i64 * 12 + d.month0() as i64
        }
    }
}

/// First day of a period, in days since 1970-01-01 (a week starts on Monday).
pub fn period_first_day(idx: i64, freq: Freq) -> i64 {
    match freq {
        Freq::Day => idx,
        Freq::Week => idx * 7 - 3,
        Freq::Month => crate::data::dates::days_from_civil(
            idx.div_euclid(12),
            idx.rem_euclid(12) as u32 + 1,
            1,
        ),
    }
}

/// First day ("YYYY-MM-DD") of a period.
pub fn period_start(idx: i64, freq: Freq) -> String {
    day_label(period_first_day(idx, freq))
}

/// The first six of some days as "YYYY-MM-DD, YYYY-MM-DD, …" (closure notes).
pub fn day_list(days: &[i64]) -> String {
    let mut list: Vec<String> = days.iter().take(6).map(|d| day_label(*d)).collect();
    if days.len() > 6 {
        list.push("…".into());
    }
    list.join(", ")
}

/// "YYYY-MM-DD" of a day (days since 1970-01-01).
pub(super) fn day_label(day: i64) -> String {
    date_of_day(day).format("%Y-%m-%d").to_string()
}

/// The weekdays a shop sells on (Monday = 0): those with a sale (`sale_days`, days since
/// 1970-01-01, in any order, repeats allowed) in the last [`CLOSED_WEEKS`] weeks of data
/// ending on `last_day`. Every weekday when the data, from `first_day`, cover fewer than
/// [`CLOSED_MIN_WEEKS`] weeks: too few to tell a closed day from a quiet one.
pub(crate) fn open_weekdays(
    first_day: i64,
    last_day: i64,
    sale_days: impl IntoIterator<Item = i64>,
) -> [bool; 7] {
    if last_day - first_day + 1 < 7 * CLOSED_MIN_WEEKS as i64 {
        return [true; 7];
    }
    let since = last_day - 7 * CLOSED_WEEKS as i64;
    let mut open = [false; 7];
    for d in sale_days {
        if d > since && d <= last_day {
            open[weekday(d)] = true;
        }
    }
    if open.contains(&true) {
        open
    } else {
        [true; 7]
    }
}

/// The complete periods of data running from `first_day` to `last_day` (days since
/// 1970-01-01). The period of the first day is incomplete when the shop was open on one of its
/// days before the data start (an export from a Wednesday, or from 15 March, would make the
/// first week or month look like a slump); the period of the last day when the shop was open
/// on one of its days after the data end. "Open": a weekday in `open`
/// ([`open_weekdays`]), so that the data of a shop closed at weekends may end on a Friday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// The first period kept.
    pub first: i64,
    /// The last period kept (`last < first`: none is complete).
    pub last: i64,
    /// The first day's period was incomplete and left out.
    pub first_cut: bool,
    /// The last day's period was incomplete and left out.
    pub last_cut: bool,
}

impl Span {
    pub(crate) fn new(first_day: i64, last_day: i64, freq: Freq, open: [bool; 7]) -> Span {
        let open_in = |from: i64, to: i64| (from..=to).any(|d| open[weekday(d)]);
        let first = period_of_day(first_day, freq);
        let last = period_of_day(last_day, freq);
        let first_cut = open_in(period_first_day(first, freq), first_day - 1);
        let last_cut = open_in(last_day + 1, period_first_day(last + 1, freq) - 1);
        Span {
            first: first + i64::from(first_cut),
            last: last - i64::from(last_cut),
            first_cut,
            last_cut,
        }
    }
}

/// One aggregated series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AggregatedSeries {
    /// SKU code, category name or "total".
    pub id: String,
    /// Product name (SKU level) or the id.
    pub label: String,
    /// Period index of `values[0]`.
    pub first_period: i64,
    pub values: Vec<f64>,
}

/// The series id of the lines without a category (at category level) or SKU (at SKU level).
pub const NO_GROUP_ID: &str = "(none)";

/// What [`aggregate`] made of the order lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aggregation {
    /// Largest total first.
    pub series: Vec<AggregatedSeries>,
    /// The data's last period was incomplete and was left out.
    pub last_dropped: bool,
    /// Groups (products, categories) sold only in that left-out period: no history, no series.
    pub only_in_dropped: usize,
    /// The data's first day, when the period it falls in was incomplete and was left out
    /// (the data start after the period's first day: on a Wednesday, or on 15 March).
    pub first_dropped: Option<String>,
    /// Groups sold only in that left-out first period (nothing after it).
    pub only_in_first: usize,
}

/// Aggregate order lines per `level` and `freq`, zero-filled from each series' first sale to
/// the last complete period of the data. A partial period at either end of the data is
/// dropped ([`Span`]: the shop was open on a day of it outside the data; the weekdays it
/// opens are judged on all its lines, [`open_weekdays`]). `skus` restricts the SKU level to
/// these codes.
pub fn aggregate(
    lines: &OrderLines,
    level: Level,
    freq: Freq,
    measure: Measure,
    skus: Option<&[String]>,
) -> Aggregation {
    let n = lines.len();
    if n == 0 {
        return Aggregation::default();
    }
    let day = |i: usize| lines.timestamp[i].div_euclid(86_400);
    let first_day = (0..n).map(day).min().unwrap_or(0);
    let last_day = (0..n).map(day).max().unwrap_or(0);
    let open = open_weekdays(first_day, last_day, (0..n).map(day));
    let span = Span::new(first_day, last_day, freq, open);
    let (start, last) = (span.first, span.last);
    let wanted: Option<Vec<u32>> =
        skus.map(|s| s.iter().filter_map(|c| lines.strings.lookup(c)).collect());
    let mut groups: HashMap<u32, (i64, HashMap<i64, f64>, u32)> = HashMap::new();
    for i in 0..n {
        let key = match level {
            Level::Total => 0,
            Level::Category => lines.category.get(i).copied().unwrap_or(NONE_ID),
            Level::Sku => lines.sku.get(i).copied().unwrap_or(NONE_ID),
        };
        if let (Level::Sku, Some(w)) = (level, &wanted) {
            if !w.contains(&key) {
                continue;
            }
        }
        let p = period_index(lines.timestamp[i], freq);
        let v = match measure {
            Measure::Units => lines.quantity.get(i).copied().unwrap_or(0.0),
            Measure::Revenue => lines.revenue.get(i).copied().unwrap_or(0.0),
        };
        let e = groups.entry(key).or_insert((
            p,
            HashMap::new(),
            lines.product.get(i).copied().unwrap_or(NONE_ID),
        ));
        e.0 = e.0.min(p);
        *e.1.entry(p).or_insert(0.0) += v;
    }
    let groups_seen = groups.len();
    // Sold within the kept periods: the others sold only in a left-out one.
    let kept = |map: &HashMap<i64, f64>| map.keys().any(|p| (start..=last).contains(p));
    let only_in_first = groups
        .values()
        .filter(|(first, map, _)| *first < start && !kept(map))
        .count();
    let mut out: Vec<AggregatedSeries> = groups
        .into_iter()
        .filter(|(_, (_, map, _))| kept(map))
        .map(|(key, (first, map, prod))| {
            let first = first.max(start);
            let values = (first..=last)
                .map(|p| map.get(&p).copied().unwrap_or(0.0))
                .collect();
            let id = match level {
                Level::Total => "total".to_string(),
                _ if key == NONE_ID => NO_GROUP_ID.to_string(),
                _ => lines.strings.get(key).to_string(),
            };
            let label = match level {
                Level::Sku if prod != NONE_ID => lines.strings.get(prod).to_string(),
                _ => id.clone(),
            };
            AggregatedSeries {
                id,
                label,
                first_period: first,
                values,
            }
        })
        .collect();
    out.sort_by(largest_first);
    Aggregation {
        only_in_dropped: groups_seen - out.len() - only_in_first,
        series: out,
        last_dropped: span.last_cut,
        first_dropped: span.first_cut.then(|| day_label(first_day)),
        only_in_first,
    }
}

/// The order of [`Aggregation::series`]: largest total first, then by id.
fn largest_first(a: &AggregatedSeries, b: &AggregatedSeries) -> std::cmp::Ordering {
    let sa: f64 = a.values.iter().sum();
    let sb: f64 = b.values.iter().sum();
    sb.total_cmp(&sa).then(a.id.cmp(&b.id))
}

/// What [`net_returns`] took off the aggregated sales.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Netted {
    /// Units (or revenue, per the measure) subtracted.
    pub amount: f64,
    /// Cancellation and return lines that took something off.
    pub lines: usize,
}

/// Take `amount` off `v`, never below 0 (`v' = max(0, v − amount)`): the rule by which sales
/// are netted of their cancellations and returns everywhere (Forecast, Inventory, promotion
/// lift, the media-mix model's revenue). Returns what was taken off.
pub fn take_off(v: &mut f64, amount: f64) -> f64 {
    let cut = amount.min(*v).max(0.0);
    *v -= cut;
    cut
}

/// Net aggregated sales of their cancellations and returns: each line of `returns` (positive
/// quantities and revenue, as the import keeps them aside) is subtracted from its group's value
/// in the period of its own date, never taking a period below 0:
/// `v'_t = max(0, v_t − Σ r_t)`. The group is the line's SKU, its category (the category its
/// SKU was sold under when the line has none) or the total, per `level`. Lines dated outside
/// a series' periods (a product sold before the data, a left-out incomplete period) take
/// nothing off. The series are sorted again, largest first. Demand is what customers kept:
/// Online Retail's 80,995 paper birdies ordered and cancelled on 9 December 2011 are not
/// sales to forecast. `sales` are the lines the series were aggregated from.
pub fn net_returns(
    series: &mut [AggregatedSeries],
    returns: &OrderLines,
    sales: &OrderLines,
    level: Level,
    freq: Freq,
    measure: Measure,
) -> Netted {
    let mut out = Netted::default();
    if returns.is_empty() || series.is_empty() {
        return out;
    }
    let index: HashMap<&str, usize> = series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // the category each SKU was sold under, for return lines without one
    let sold_in: HashMap<&str, &str> = match level {
        Level::Category => (0..sales.len())
            .filter_map(|i| {
                let sku = sales.sku.get(i).copied().unwrap_or(NONE_ID);
                let cat = sales.category.get(i).copied().unwrap_or(NONE_ID);
                (sku != NONE_ID && cat != NONE_ID)
                    .then(|| (sales.strings.get(sku), sales.strings.get(cat)))
            })
            .collect(),
        _ => HashMap::new(),
    };
    let name = |id: u32| match id {
        NONE_ID => NO_GROUP_ID,
        id => returns.strings.get(id),
    };
    let mut cuts: Vec<(usize, i64, f64)> = Vec::new();
    for i in 0..returns.len() {
        let sku = returns.sku.get(i).copied().unwrap_or(NONE_ID);
        let key = match level {
            Level::Total => "total",
            Level::Sku => name(sku),
            Level::Category => match returns.category.get(i).copied().unwrap_or(NONE_ID) {
                NONE_ID => sold_in.get(name(sku)).copied().unwrap_or(NO_GROUP_ID),
                cat => name(cat),
            },
        };
        let Some(&k) = index.get(key) else { continue };
        let amount = match measure {
            Measure::Units => returns.quantity.get(i),
            Measure::Revenue => returns.revenue.get(i),
        };
        let amount = amount.copied().unwrap_or(0.0).abs();
        let ts = returns.timestamp.get(i).copied().unwrap_or(0);
        cuts.push((k, period_index(ts, freq), amount));
    }
    for (k, p, amount) in cuts {
        let s = &mut series[k];
        let t = usize::try_from(p - s.first_period).ok();
        if let Some(v) = t.and_then(|t| s.values.get_mut(t)) {
            let cut = take_off(v, amount);
            if cut > 0.0 {
                out.amount += cut;
                out.lines += 1;
            }
        }
    }
    if out.lines > 0 {
        series.sort_by(largest_first);
    }
    out
}

/// Fewest complete weeks of daily sales on which a weekday can be judged closed.
pub const CLOSED_MIN_WEEKS: usize = 4;
/// The most recent complete weeks looked at (a shop may have opened on a weekday since).
pub const CLOSED_WEEKS: usize = 8;

pub use crate::data::dates::weekday;

/// Closed weekdays (Monday = 0): those on which the whole shop sold nothing in any of the
/// last [`CLOSED_WEEKS`] complete weeks of its daily sales (at least [`CLOSED_MIN_WEEKS`]),
/// with the number of weeks looked at. `None` when the data cover fewer weeks, or no weekday
/// (or every one) is closed. Judged on the shop's total, not per product: a product that sold
/// on few days is not closed on the others. `total`: the shop's daily total (units or revenue).
pub fn closed_weekdays(total: &AggregatedSeries) -> Option<([bool; 7], usize)> {
    let n = total.values.len();
    let weeks = (n / 7).min(CLOSED_WEEKS);
    if weeks < CLOSED_MIN_WEEKS {
        return None;
    }
    let mut sold = [false; 7];
    for (i, v) in total.values.iter().enumerate().skip(n - 7 * weeks) {
        if *v != 0.0 {
            sold[weekday(total.first_period + i as i64)] = true;
        }
    }
    let closed = sold.map(|s| !s);
    (closed.contains(&true) && sold.contains(&true)).then_some((closed, weeks))
}

/// [`closed_weekdays`] of a series file's total, which may be a single product's rather than
/// a shop's: only when the other weekdays sold on all but a few days of the weeks looked at
/// (the short runs of days without sales, as [`closure_days`] counts them, at most
/// [`CLOSURE_MAX_SHARE`] of those days). A slow product that happened to sell on no Monday of
/// eight weeks sells nothing on many other days too, and keeps its Mondays.
pub fn closed_weekdays_of_file(total: &AggregatedSeries) -> Option<([bool; 7], usize)> {
    let (closed, weeks) = closed_weekdays(total)?;
    let n = total.values.len();
    let days = (n - 7 * weeks..n).map(|i| (total.first_period + i as i64, total.values[i]));
    let open: Vec<(i64, f64)> = days.filter(|(d, _)| !closed[weekday(*d)]).collect();
    let shut: Vec<i64> = open
        .iter()
        .filter(|(_, v)| *v == 0.0)
        .map(|(d, _)| *d)
        .collect();
    let short = short_closure_days(&shut, Some(closed));
    (short as f64 <= CLOSURE_MAX_SHARE * open.len() as f64).then_some((closed, weeks))
}

/// The largest share of a shop's usual opening days on which it sold nothing now and then (a
/// day or two at a time) for those days to be taken as closures (holidays): a shop that sells
/// on nine opening days in ten or more does not sell nothing by chance. A shop with quieter
/// days keeps its zeros as sales of 0.
pub const CLOSURE_MAX_SHARE: f64 = 0.10;
/// Closure days in a row (only closed weekdays between them) that make a long closure: never
/// counted against [`CLOSURE_MAX_SHARE`] (a shop shut over Christmas is not a quiet shop).
pub const LONG_CLOSURE_DAYS: usize = 3;
/// Closure days a closure must count to be taken to come back a year later on the same dates
/// (Christmas to New Year, a summer break; not Easter's three or four days, whose dates move).
pub const ANNUAL_CLOSURE_MIN_DAYS: usize = 5;

/// The shop's closures (holidays): the days, after its first sale, on which it sold nothing
/// though it usually opens then (not a `closed` weekday, [`closed_weekdays`]), when the
/// short ones among them (fewer than [`LONG_CLOSURE_DAYS`] in a row) are at most
/// [`CLOSURE_MAX_SHARE`] of its opening days. Day indices (days since 1970-01-01), in order;
/// empty for a series of fewer than [`CLOSED_MIN_WEEKS`] weeks. `total`: the shop's daily
/// total.
pub fn closure_days(total: &AggregatedSeries, closed: Option<[bool; 7]>) -> Vec<i64> {
    let n = total.values.len();
    if n < 7 * CLOSED_MIN_WEEKS {
        return Vec::new();
    }
    let weekly = closed.unwrap_or([false; 7]);
    let day = |i: usize| total.first_period + i as i64;
    let open: Vec<usize> = (0..n).filter(|&i| !weekly[weekday(day(i))]).collect();
    let shut: Vec<i64> = open
        .iter()
        .filter(|&&i| total.values[i] == 0.0)
        .map(|&i| day(i))
        .collect();
    if short_closure_days(&shut, closed) as f64 > CLOSURE_MAX_SHARE * open.len() as f64 {
        return Vec::new();
    }
    shut
}

/// How many of `days` (days without sales on opening days) lie in short runs (fewer than
/// [`LONG_CLOSURE_DAYS`] in a row, [`closure_runs`]): the quiet days that count against
/// [`CLOSURE_MAX_SHARE`]; a long closure does not.
fn short_closure_days(days: &[i64], closed: Option<[bool; 7]>) -> usize {
    closure_runs(days, closed)
        .iter()
        .map(|r| r.2)
        .filter(|&k| k < LONG_CLOSURE_DAYS)
        .sum()
}

/// Closure days grouped into runs that only `closed` weekdays interrupt: first day, last day,
/// closure days.
fn closure_runs(days: &[i64], closed: Option<[bool; 7]>) -> Vec<(i64, i64, usize)> {
    let closed = closed.unwrap_or([false; 7]);
    let mut runs: Vec<(i64, i64, usize)> = Vec::new();
    for &d in days {
        match runs.last_mut() {
            Some((_, last, count)) if (*last + 1..d).all(|g| closed[weekday(g)]) => {
                *last = d;
                *count += 1;
            }
            _ => runs.push((d, d, 1)),
        }
    }
    runs
}

/// Closures long enough to come back a year later ([`ANNUAL_CLOSURE_MIN_DAYS`] closure days or
/// more, counting a run of days that only `closed` weekdays interrupt as one): their first
/// and last days.
pub fn annual_closures(days: &[i64], closed: Option<[bool; 7]>) -> Vec<(i64, i64)> {
    closure_runs(days, closed)
        .into_iter()
        .filter(|r| r.2 >= ANNUAL_CLOSURE_MIN_DAYS)
        .map(|(a, b, _)| (a, b))
        .collect()
}

/// Whether day `d` falls on the dates of one of `runs` a year before ([`annual_closures`]):
/// 24 December 2011 when the shop was closed from 24 December 2010 to 3 January 2011.
pub fn in_annual_closure(d: i64, runs: &[(i64, i64)]) -> bool {
    let date = date_of_day(d);
    let year_before = date
        .with_year(date.year() - 1)
        // 29 February: the 28th a year before
        .or_else(|| (date - Duration::days(1)).with_year(date.year() - 1));
    let Some(before) = year_before else {
        return false;
    };
    let b = (before - date_of_day(0)).num_days();
    runs.iter()
        .any(|(first, last)| (*first..=*last).contains(&b))
}

/// The share of each period's usual sales (periods `periods` of `freq`) made on the days the
/// shop opens, when some of its days are `shut` (ahead: the dates of a long closure a year
/// before, [`in_annual_closure`]; in the history: its closure days): the weekday's mean daily
/// sales over the last [`CLOSED_WEEKS`] weeks of the shop's daily `total` (its `closures`
/// left out) summed over the period's days that are not shut, over the same sum for all its
/// days. 1 for a period no shut day touches. A week of six opening days of which Christmas
/// shuts the Sunday keeps its Monday-to-Friday share.
pub fn period_open_shares(
    total: &AggregatedSeries,
    closures: &[i64],
    freq: Freq,
    periods: std::ops::Range<i64>,
    shut: impl Fn(i64) -> bool,
) -> Vec<f64> {
    let n = total.values.len();
    let mut sum = [0.0; 7];
    let mut count = [0usize; 7];
    for i in n.saturating_sub(7 * CLOSED_WEEKS)..n {
        let d = total.first_period + i as i64;
        if closures.binary_search(&d).is_err() {
            sum[weekday(d)] += total.values[i].max(0.0);
            count[weekday(d)] += 1;
        }
    }
    let mut weight: [f64; 7] = std::array::from_fn(|w| {
        if count[w] > 0 {
            sum[w] / count[w] as f64
        } else {
            0.0
        }
    });
    if weight.iter().all(|w| *w <= 0.0) {
        weight = [1.0; 7];
    }
    periods
        .map(|p| {
            let days = period_first_day(p, freq)..period_first_day(p + 1, freq);
            let all: f64 = days.clone().map(|d| weight[weekday(d)]).sum();
            let open: f64 = days.filter(|d| !shut(*d)).map(|d| weight[weekday(d)]).sum();
            if all > 0.0 {
                // + 0.0: an empty sum is −0.0
                open / all + 0.0
            } else {
                1.0
            }
        })
        .collect()
}

/// A series read from a long-format file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LongSeries {
    pub id: String,
    /// Period labels as found in the file, in time order.
    pub periods: Vec<String>,
    pub values: Vec<f64>,
    /// Rows marked `train` (all rows when the file has no `split` column).
    pub train_len: usize,
    /// Flag columns (0/1: promotions, holidays), by name ([`LongColumns::flags`]).
    pub flag_names: Vec<String>,
    /// `flags[j]`: flag `j` of every period (`periods`, then `future_periods`).
    pub flags: Vec<Vec<f64>>,
    /// Periods after the last value: rows with an empty value, carrying planned flags.
    pub future_periods: Vec<String>,
}

/// Columns detected in a long-format header.
#[derive(Debug, Clone, PartialEq)]
pub struct LongColumns {
    pub id: Option<usize>,
    pub period: usize,
    pub value: usize,
    pub split: Option<usize>,
    /// Other columns holding only 0 and 1 in the sampled rows: flags (promotions, holidays)
    /// used as known regressors ([`super::xreg`]). A column with any other value in a later
    /// row is not a flag.
    pub flags: Vec<usize>,
}

pub(super) const ID_NAMES: [&str; 15] = [
    "series_id",
    "unique_id",
    "id",
    "item_id",
    "part_id",
    "sku",
    "series",
    "key",
    "store_item",
    "product_id",
    "item",
    "product",
    "item_name",
    "product_name",
    "name",
];
pub(super) const TIME_NAMES: [&str; 13] = [
    "ds",
    "date",
    "t",
    "time",
    "period",
    "month",
    "week",
    "day",
    "timestamp",
    "index",
    "year",
    "yearmonth",
    "quarter",
];
pub(super) const VALUE_NAMES: [&str; 12] = [
    "y",
    "value",
    "values",
    "demand",
    "sales",
    "quantity",
    "qty",
    "units",
    "amount",
    "revenue",
    "target",
    "passengers",
];

/// Sort key of a period label: a number, or a date as days since 1970, or `None`.
pub fn period_key(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some((d.num_days_from_ce() - EPOCH_DAYS_CE) as f64);
        }
    }
    // "YYYY-MM", "YYYY Mon", "YYYY-Www"
    let with_day = format!("{s}-01");
    if let Ok(d) = NaiveDate::parse_from_str(&with_day, "%Y-%m-%d") {
        return Some((d.num_days_from_ce() - EPOCH_DAYS_CE) as f64);
    }
    let with_day = format!("{s} 01");
    if let Ok(d) = NaiveDate::parse_from_str(&with_day, "%Y %b %d") {
        return Some((d.num_days_from_ce() - EPOCH_DAYS_CE) as f64);
    }
    // "Jan 2024", "January 2024" (a spreadsheet's month headers)
    let with_day = format!("01 {s}");
    for fmt in ["%d %b %Y", "%d %B %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&with_day, fmt) {
            return Some((d.num_days_from_ce() - EPOCH_DAYS_CE) as f64);
        }
    }
    iso_week(s).map(|d| (d.num_days_from_ce() - EPOCH_DAYS_CE) as f64)
}

/// The day of a timestamp label (`2024-01-05 14:03:00` → `2024-01-05`): a long file of
/// single sales with their times is a daily series, as [`period_key`] reads it, and its periods
/// are labelled by their day.
fn day_of_timestamp(s: &str) -> Option<String> {
    chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M:%S")
        .ok()
        .map(|t| t.date().format("%Y-%m-%d").to_string())
}

/// The Monday of an ISO 8601 week written `YYYY-Www` or `YYYYWww` (e.g. `1998-W05`), or of
/// its day `YYYY-Www-D` (1 = Monday).
fn iso_week(s: &str) -> Option<NaiveDate> {
    let (year, rest) = s.split_once(['W', 'w'])?;
    let year: i32 = year.strip_suffix('-').unwrap_or(year).parse().ok()?;
    let (week, day) = match rest.split_once('-') {
        Some((w, d)) => (w, d.parse::<u32>().ok()?),
        None => (rest, 1),
    };
    if week.len() != 2 || !(1..=7).contains(&day) {
        return None;
    }
    let weekday = chrono::Weekday::try_from(u8::try_from(day - 1).ok()?).ok()?;
    NaiveDate::from_isoywd_opt(year, week.parse().ok()?, weekday)
}

/// The `k` period labels after `labels` (the file's periods, in time order), written as the
/// file writes them: months (`2024-01`, `Jan 2024`, `January 2024`, `2024 Jan`), ISO weeks
/// (`2024-W05`), dates (`2024-01-31`, stepping by the last gap: a month when it is 28–31
/// days, else that many days) and whole numbers. `None` for any other label, e.g. decimal
/// years, or fewer than two labels.
pub fn next_labels(labels: &[String], k: usize) -> Option<Vec<String>> {
    let [.., prev, last] = labels else {
        return None;
    };
    let (last, prev) = (last.trim(), prev.trim());
    let months = |d: NaiveDate, fmt: &str| {
        (1..=k as u32)
            .map(|i| {
                d.checked_add_months(chrono::Months::new(i))
                    .map(|d| d.format(fmt).to_string())
            })
            .collect::<Option<Vec<String>>>()
    };
    if let (Ok(a), Ok(b)) = (prev.parse::<i64>(), last.parse::<i64>()) {
        let step = b - a;
        return (step > 0).then(|| (1..=k as i64).map(|i| (b + i * step).to_string()).collect());
    }
    if let Ok(d) = NaiveDate::parse_from_str(&format!("{last}-01"), "%Y-%m-%d") {
        if last.len() == 7 {
            return months(d, "%Y-%m");
        }
    }
    for fmt in ["%b %Y", "%B %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&format!("01 {last}"), &format!("%d {fmt}")) {
            return months(d, fmt);
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(&format!("{last} 01"), "%Y %b %d") {
        return months(d, "%Y %b");
    }
    if let Some(d) = iso_week(last) {
        return Some(
            (1..=k as i64)
                .map(|i| (d + Duration::days(7 * i)).format("%G-W%V").to_string())
                .collect(),
        );
    }
    let (a, b) = (
        NaiveDate::parse_from_str(prev, "%Y-%m-%d").ok()?,
        NaiveDate::parse_from_str(last, "%Y-%m-%d").ok()?,
    );
    let gap = (b - a).num_days();
    if (28..=31).contains(&gap) {
        return months(b, "%Y-%m-%d");
    }
    (gap > 0).then(|| {
        (1..=k as i64)
            .map(|i| (b + Duration::days(gap * i)).format("%Y-%m-%d").to_string())
            .collect()
    })
}

/// Whether a label is a date (a period that is not a plain number), e.g. a column header of a
/// file with one row per series.
pub fn is_date_label(s: &str) -> bool {
    s.trim().parse::<f64>().is_err() && period_key(s).is_some()
}

/// Headers as matched against column names: trimmed, without a byte-order mark, lower case.
pub(super) fn normalised_headers(headers: &[String]) -> Vec<String> {
    headers
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect()
}

impl LongColumns {
    /// Detect the columns from the header and a few data rows.
    pub fn detect(headers: &[String], sample: &[Vec<String>]) -> Option<LongColumns> {
        let norm = normalised_headers(headers);
        let parses = |c: usize, f: &dyn Fn(&str) -> bool| {
            !sample.is_empty()
                && sample
                    .iter()
                    .all(|r| r.get(c).is_some_and(|v| f(v.as_str())))
        };
        // Values: numbers, or blanks (future periods) as long as some are numbers.
        let numeric = |v: &str| v.trim().is_empty() || v.trim().parse::<f64>().is_ok();
        let some_number = |c: usize| {
            sample
                .iter()
                .any(|r| r.get(c).is_some_and(|v| v.trim().parse::<f64>().is_ok()))
        };
        let binary = |v: &str| matches!(v.trim(), "0" | "1" | "0.0" | "1.0");
        let split = norm.iter().position(|h| h == "split");
        let id = ID_NAMES
            .iter()
            .find_map(|n| norm.iter().position(|h| h == n));
        let period = TIME_NAMES.iter().find_map(|n| {
            norm.iter()
                .position(|h| h == n)
                .filter(|&c| Some(c) != id && parses(c, &|v| period_key(v).is_some()))
        })?;
        let value = VALUE_NAMES
            .iter()
            .find_map(|n| {
                norm.iter().position(|h| h == n).filter(|&c| {
                    c != period && Some(c) != id && parses(c, &numeric) && some_number(c)
                })
            })
            .or_else(|| {
                // The last numeric column, preferring one that is not a 0/1 flag.
                let numeric_col = |c: usize| {
                    c != period
                        && Some(c) != id
                        && Some(c) != split
                        && norm[c] != "rownames"
                        && !crate::data::mapping::is_date_part(&norm[c])
                        && parses(c, &numeric)
                        && some_number(c)
                };
                (0..norm.len())
                    .rev()
                    .find(|&c| numeric_col(c) && !parses(c, &binary))
                    .or_else(|| (0..norm.len()).rev().find(|&c| numeric_col(c)))
            })?;
        let flags = (0..norm.len())
            .filter(|&c| {
                c != period
                    && c != value
                    && Some(c) != id
                    && Some(c) != split
                    && !norm[c].is_empty()
                    && norm[c] != "rownames"
                    && !crate::data::mapping::is_date_part(&norm[c])
                    && parses(c, &binary)
            })
            .collect();
        Some(LongColumns {
            id,
            period,
            value,
            split,
            flags,
        })
    }
}

/// The series of a series file, long or wide ([`super::wide`]), and how they were read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeriesTable {
    pub layout: super::wide::SeriesLayout,
    pub series: Vec<LongSeries>,
    /// How the file was read, in plain words: a wide file's layout and empty cells
    /// ([`super::wide::WideRead::notes`]), dated rows that skip periods (`gap_note`).
    pub notes: Vec<Text>,
    /// The header of the period column (`None` when the periods are column headers).
    pub period_name: Option<String>,
}

/// The largest series file read (its text, after gzip): a series file is held whole while
/// read, and 512 MiB of text (25 million rows of a long file) is far beyond any shop's
/// sales history; a file beyond it, or a gzip "bomb", gets an error instead of the browser
/// running out of memory.
pub const MAX_SERIES_FILE_BYTES: usize = 512 << 20;

/// The bytes of a file's head that [`SeriesTable::looks_like`] reads (of its text, after
/// gzip): callers that read only the head read this much.
pub const LOOKS_LIKE_BYTES: usize = 262_144;

/// `forecast.err.too_large`: a series file beyond [`MAX_SERIES_FILE_BYTES`].
pub fn too_large(file: &str) -> Text {
    Text::new("forecast.err.too_large")
        .str("file", file)
        .int("mb", MAX_SERIES_FILE_BYTES >> 20)
}

/// `forecast.err.csv`: a file that cannot be read as CSV text.
fn csv_error(file: &str, error: String) -> ForecastError {
    ForecastError::Data(
        Text::new("forecast.err.csv")
            .str("file", file)
            .str("error", error),
    )
}

impl SeriesTable {
    /// Read every series of a series file (`file` names it in errors): a wide file when
    /// [`super::wide::WideColumns::detect`] recognises one, else a long file
    /// ([`LongColumns`]; rows sorted by period within each series; series in their order of
    /// first appearance).
    pub fn from_csv_reader<R: std::io::Read>(
        reader: R,
        file: &str,
    ) -> Result<SeriesTable, ForecastError> {
        use std::io::Read;
        let mut bytes = Vec::new();
        reader
            .take(MAX_SERIES_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| csv_error(file, e.to_string()))?;
        Self::from_bytes(bytes, file)
    }

    /// [`Self::from_csv_reader`] on a file's bytes, taken over: they become the text when
    /// they are UTF-8, and the text is let go of as its records are read.
    pub fn from_bytes(bytes: Vec<u8>, file: &str) -> Result<SeriesTable, ForecastError> {
        if bytes.len() > MAX_SERIES_FILE_BYTES {
            return Err(ForecastError::Data(too_large(file)));
        }
        let csv_error = |e: String| csv_error(file, e);
        let text = SeriesText::decode(bytes, true).map_err(|e| csv_error(e.to_string()))?;
        let TextRows {
            headers,
            rows,
            note,
        } = text
            .rows(usize::MAX)
            .map_err(|e| csv_error(e.to_string()))?;
        let sample = &rows.head(20);
        if let Some(wide) = super::wide::WideColumns::detect(&headers, sample) {
            let read = wide.read(&headers, &rows, file)?;
            let period_name = match &wide {
                super::wide::WideColumns::SeriesInColumns { period, .. } => headers.get(*period),
                super::wide::WideColumns::SeriesInRows { .. } => None,
            };
            let mut notes: Vec<Text> = note.into_iter().collect();
            notes.extend(read.notes(wide.layout()));
            notes.extend(gap_note(&read.series, file_step(&read.series)));
            return Ok(SeriesTable {
                layout: wide.layout(),
                notes,
                series: read.series,
                period_name: period_name.map(|h| h.trim().to_string()),
            });
        }
        let cols =
            LongColumns::detect(&headers, sample).ok_or_else(|| ForecastError::NoLongColumns {
                file: file.into(),
                names: TIME_NAMES.join(", "),
                headers: crate::text::header_list(&headers),
            })?;
        let (mut series, summed) = LongSeries::from_rows(&headers, &rows, &cols, file)?;
        let mut notes: Vec<Text> = note.into_iter().chain(summed).collect();
        notes.extend(fill_or_note_gaps(&mut series));
        Ok(SeriesTable {
            notes,
            series,
            period_name: headers.get(cols.period).map(|h| h.trim().to_string()),
            ..SeriesTable::default()
        })
    }

    /// Whether a file (its first bytes are enough, gzip-compressed or not) is a series file: long (a period and a value
    /// column) or wide (one column per series, or one row per series with a column per
    /// period), with no column that belongs to order lines (invoice, price, customer…).
    pub fn looks_like(bytes: &[u8]) -> bool {
        // a gzip-compressed file: its first 256 KiB of text (the head may be cut anywhere)
        if bytes.starts_with(&[0x1f, 0x8b]) {
            use std::io::Read;
            let mut text = Vec::new();
            let mut gz = flate2::read::GzDecoder::new(bytes);
            let mut chunk = [0u8; 16_384];
            while text.len() < LOOKS_LIKE_BYTES {
                match gz.read(&mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => text.extend_from_slice(&chunk[..n]),
                }
            }
            return !text.starts_with(&[0x1f, 0x8b]) && Self::looks_like(&text);
        }
        // The head may end inside a record (a shorter last record, or a CSV error there).
        let head = bytes[..bytes.len().min(LOOKS_LIKE_BYTES)].to_vec();
        let Ok(text) = SeriesText::decode(head, false) else {
            return false;
        };
        let Ok(TextRows { headers, rows, .. }) = text.rows(20) else {
            return false;
        };
        let sample = rows.head(20);
        let orderish = headers.iter().any(|h| {
            let h = h.to_ascii_lowercase();
            [
                "invoice",
                "order",
                "price",
                "customer",
                "member",
                "stockcode",
                "lineitem",
            ]
            .iter()
            .any(|k| h.contains(k))
        });
        if orderish {
            return false;
        }
        super::wide::WideColumns::detect(&headers, &sample).is_some()
            || LongColumns::detect(&headers, &sample).is_some()
    }

    /// The season length of periods numbered 1, 2, 3… in a column named for the period:
    /// `week` → 52, `month` → 12, `quarter` → 4, `day` → 7 (`None` for any other name, or
    /// periods that are not consecutive whole numbers in the first series).
    pub fn season_of_numbered_periods(&self) -> Option<usize> {
        let name = self.period_name.as_deref()?.trim().to_ascii_lowercase();
        let m = match name.as_str() {
            "week" | "wk" | "week_number" | "weeknum" => 52,
            "month" => 12,
            "quarter" | "qtr" => 4,
            "day" => 7,
            _ => return None,
        };
        let periods = &self.series.first()?.periods;
        let steps: Option<Vec<i64>> = periods.iter().map(|p| p.trim().parse().ok()).collect();
        let steps = steps?;
        (steps.len() > 2 && steps.windows(2).all(|w| w[1] - w[0] == 1)).then_some(m)
    }
}

/// The text of a series file, read as the order import reads its files
/// ([`crate::data::sniff`]): the encoding from a byte-order mark, the NUL pattern of UTF-16 or
/// the bytes themselves (UTF-8, GB18030, windows-1252), and the field delimiter (`,` `;` tab
/// `|`) by the consistency of the field counts. Numbers written with a decimal comma (`12,5`,
/// `1.234,5`, the custom of `;`-separated exports from spreadsheets in most of Europe) or with
/// thousands separators (`1,234.5`) are rewritten as plain numbers, in the columns whose numbers
/// read no other way; the file's separator is decided by the cells that say
/// ([`DecimalEvidence`]; a tie goes to the comma in a `;` file, as in the order import).
///
/// [`DecimalEvidence`]: crate::data::numbers::DecimalEvidence
struct SeriesText {
    text: String,
    delimiter: u8,
    /// The whole file (its last line is complete), or only its head.
    complete: bool,
}

/// A series file's header and records, as [`SeriesText::rows`] reads them.
struct TextRows {
    headers: Vec<String>,
    rows: Records,
    /// How the file was read, when not as plain comma-separated text with decimal points.
    note: Option<Text>,
}

impl SeriesText {
    /// The text of a file's bytes (moved into the text when they are UTF-8 already).
    fn decode(
        mut bytes: Vec<u8>,
        complete: bool,
    ) -> Result<SeriesText, crate::data::sniff::SniffError> {
        use crate::data::sniff;
        let head = &bytes[..bytes.len().min(65_536)];
        let enc = sniff::detect_encoding(head)?;
        let text = if enc.encoding == encoding_rs::UTF_8 {
            bytes.drain(..enc.bom_len.min(bytes.len()));
            match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            }
        } else {
            let body = bytes.get(enc.bom_len..).unwrap_or_default();
            enc.encoding
                .decode_without_bom_handling(body)
                .0
                .into_owned()
        };
        let sample = &text.as_bytes()[..text.len().min(65_536)];
        let delimiter = sniff::sniff_delimiter(sample, complete && sample.len() == text.len());
        Ok(SeriesText {
            text,
            delimiter,
            complete,
        })
    }

    /// The header and up to `limit` records (all: `usize::MAX`), cells as text with decimal
    /// commas rewritten. The text is let go of as the records are read.
    fn rows(self, limit: usize) -> Result<TextRows, csv::Error> {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(self.text.as_bytes());
        let headers: Vec<String> = rdr.headers()?.iter().map(str::to_string).collect();
        let mut rows = Records::default();
        let mut record = csv::StringRecord::new();
        while rows.len() < limit {
            match rdr.read_record(&mut record) {
                Ok(true) => rows.push(record.iter()),
                Ok(false) => break,
                // the head of a file may end inside a record
                Err(_) if !self.complete => break,
                Err(e) => return Err(e),
            }
        }
        drop(rdr);
        let delimiter = self.delimiter;
        drop(self);
        // The file's decimal separator, from the cells that say (a tie: the comma in a `;`
        // file); then every column whose numbers only read that way is rewritten.
        let mut evidence = crate::data::numbers::DecimalEvidence::default();
        for r in 0..rows.len().min(2_000) {
            for cell in rows.row(r) {
                evidence.observe(cell.trim().as_bytes());
            }
        }
        let comma = evidence.decide(delimiter == b';');
        let rewrite: Vec<bool> = (0..rows.width())
            .map(|c| {
                let cells = || {
                    (0..rows.len())
                        .filter_map(|r| rows.get(r, c))
                        .map(str::trim)
                };
                let filled = || cells().filter(|v| !v.is_empty());
                let needs = filled().any(|v| v.parse::<f64>().is_err());
                needs && filled().all(|v| written_number(v, comma).is_some())
            })
            .collect();
        let decimal_comma = comma && rewrite.contains(&true);
        if rewrite.contains(&true) {
            rows = rows.rewritten(&rewrite, |v| {
                written_number(v.trim(), comma).unwrap_or_else(|| v.to_string())
            });
        }
        Ok(TextRows {
            headers,
            rows,
            note: Self::note(delimiter, decimal_comma),
        })
    }

    /// How the file was read, when not as plain comma-separated text with decimal points
    /// (`decimal_comma`: numbers written with decimal commas were rewritten).
    fn note(delimiter: u8, decimal_comma: bool) -> Option<Text> {
        let separator = match delimiter {
            b';' => Some("forecast.file.sep.semicolon"),
            b'\t' => Some("forecast.file.sep.tab"),
            b'|' => Some("forecast.file.sep.bar"),
            _ => None,
        };
        match (separator, decimal_comma) {
            (None, false) => None,
            (None, true) => Some(Text::new("forecast.file.note.decimal_comma")),
            (Some(sep), comma) => Some(
                Text::new(if comma {
                    "forecast.file.note.sep_decimal_comma"
                } else {
                    "forecast.file.note.sep"
                })
                .text("sep", Text::new(sep)),
            ),
        }
    }
}

/// A number as a spreadsheet writes it, rewritten as plain text: with a decimal comma
/// (`comma`) `12,5` → `12.5`, `-1.234,50` → `-1234.50`, `1.234` → `1234`; with a decimal point
/// `1,234.5` → `1234.5`. `None` for anything else: dates such as `01.02.2024`, text.
fn written_number(cell: &str, comma: bool) -> Option<String> {
    let (decimal, group) = if comma { (',', '.') } else { ('.', ',') };
    let (sign, digits) = match cell.as_bytes().first() {
        Some(b'-') | Some(b'+') => cell.split_at(1),
        _ => ("", cell),
    };
    let (whole, frac) = match digits.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let groups: Vec<&str> = whole.split(group).collect();
    let digits_only = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| digits_only(g))
        && groups[1..].iter().all(|g| g.len() == 3);
    let plain = groups.len() == 1 && digits_only(groups[0]);
    if !(grouped || plain) {
        return None;
    }
    let mut out = format!("{sign}{}", groups.concat());
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// The number in a value cell: an error naming the cell (file, data row from 1, column) when it
/// is not a number or not finite.
pub(super) fn cell_value(
    raw: &str,
    file: &str,
    row: u64,
    column: &str,
) -> Result<f64, ForecastError> {
    let error = |message| ForecastError::Cell(CellError::new(file, row, column, message));
    let v: f64 = raw
        .trim()
        .parse()
        .map_err(|_| error(Text::new("common.err.expected_number").str("found", raw)))?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(error(Text::new("forecast.err.not_finite_value")))
    }
}

/// A note on series whose dated rows skip periods ([`LongSeries::missing_periods`], with the
/// file's typical `step`): how many, and the first example. The rows are still taken as
/// consecutive periods.
fn gap_note(series: &[LongSeries], step: Option<i64>) -> Option<Text> {
    gap_sentence(
        "forecast.file.note.gaps",
        series
            .iter()
            .filter_map(|s| Some((s.id.as_str(), s.missing_periods_at(step)?))),
    )
}

/// The typical step in days of a file's dated series: the smallest of their own typical
/// steps ([`LongSeries::own_step`]). A `GROUP BY` export of daily sales lists a slow product
/// every few days and a busy one every day: the file is a file of days, and the slow
/// product's missing days are days without sales, not one period each.
fn file_step(series: &[LongSeries]) -> Option<i64> {
    series
        .iter()
        .filter_map(LongSeries::own_step)
        .filter(|s| *s > 0)
        .min()
}

/// The sentence `key` on the series that skip periods, given as (id, (periods missed, label
/// before the first gap, label after it)): `n` series, `missing` periods in all, the first gap
/// (`id` between `a` and `b`).
fn gap_sentence<'a>(
    key: &str,
    gaps: impl Iterator<Item = (&'a str, (usize, String, String))>,
) -> Option<Text> {
    let gaps: Vec<(&str, (usize, String, String))> = gaps.collect();
    let (id, (_, a, b)) = gaps.first()?;
    Some(
        Text::new(key)
            .int("n", gaps.len())
            .int("missing", gaps.iter().map(|g| g.1 .0).sum::<usize>())
            .str("id", *id)
            .str("a", a.clone())
            .str("b", b.clone()),
    )
}

/// One period of a long series: the file's rows that hold it (0-based data rows, the first
/// first), its label and key ([`period_key`]), its value (NaN: a future row without one) and
/// whether it is a `train` row.
#[derive(Debug)]
struct LongRow {
    key: Option<f64>,
    rows: Vec<usize>,
    label: String,
    value: f64,
    train: bool,
}

/// Rows that repeat a period of their series, where they cannot be added: `row` (0-based
/// data row) against the period's `first` row.
#[derive(Debug, PartialEq)]
enum Clash {
    /// One is a `train` row, the other a `test` row.
    Split { row: usize, first: usize },
    /// One has a value, the other is empty (a future period).
    Empty { row: usize, first: usize },
}

/// Periods that had more than one row, added up by [`merge_same_periods`]: the counts and the
/// first example, for the note.
#[derive(Debug, Default)]
struct SummedPeriods {
    series: usize,
    periods: usize,
    rows: usize,
    first: Option<(String, String, usize, usize)>,
}

impl SummedPeriods {
    /// `forecast.file.note.summed`, when any period was added up.
    fn note(&self) -> Option<Text> {
        let (id, period, a, b) = self.first.clone()?;
        Some(
            Text::new("forecast.file.note.summed")
                .int("rows", self.rows)
                .int("periods", self.periods)
                .int("n", self.series)
                .str("id", id)
                .str("period", period)
                .index("a", a + 1)
                .index("b", b + 1),
        )
    }
}

/// Add up the rows of one series that hold the same period — the same [`period_key`]
/// (`2024-01` and `2024-01-01` are one month start), or the same label when a label has no
/// key. A file that lists single sales (`sku, date, quantity` per sale) gives each period's
/// total this way, as the order lines are added up per period. Rows stay in their order of
/// first appearance; rows that cannot be added (a `train` and a `test` row, a value and an
/// empty future cell) are a [`Clash`].
fn merge_same_periods(
    rows: Vec<LongRow>,
    summed: &mut SummedPeriods,
    id: &str,
) -> Result<Vec<LongRow>, Clash> {
    #[derive(Hash, PartialEq, Eq)]
    enum Key<'a> {
        At(u64),
        Label(&'a str),
    }
    let mut at: HashMap<Key<'_>, usize> = HashMap::with_capacity(rows.len());
    // the position of each row's period in `out`
    let mut target = Vec::with_capacity(rows.len());
    for (k, r) in rows.iter().enumerate() {
        let key = match r.key {
            Some(v) => Key::At((v + 0.0).to_bits()),
            None => Key::Label(r.label.as_str()),
        };
        target.push(*at.entry(key).or_insert(k));
    }
    if target.iter().enumerate().all(|(k, &t)| k == t) {
        return Ok(rows);
    }
    let mut out: Vec<LongRow> = Vec::with_capacity(at.len());
    let mut slot: Vec<Option<usize>> = vec![None; rows.len()];
    let before = summed.periods;
    for (k, r) in rows.into_iter().enumerate() {
        let t = target[k];
        let Some(o) = slot[t] else {
            slot[t] = Some(out.len());
            out.push(r);
            continue;
        };
        let p = &mut out[o];
        let (row, first) = (r.rows[0], p.rows[0]);
        if p.value.is_finite() != r.value.is_finite() {
            return Err(Clash::Empty { row, first });
        }
        if p.train != r.train {
            return Err(Clash::Split { row, first });
        }
        if p.rows.len() == 1 {
            summed.periods += 1;
            summed.rows += 1;
        }
        summed.rows += 1;
        if summed.first.is_none() {
            summed.first = Some((id.to_string(), p.label.clone(), first, row));
        }
        p.value += r.value;
        p.rows.push(row);
    }
    if summed.periods > before {
        summed.series += 1;
    }
    Ok(out)
}

/// Skipped periods of a long file. A file that never records a zero is a list of the periods
/// that sold (what a `GROUP BY` export gives): its skipped periods sold nothing, and are filled
/// with 0 ([`LongSeries::insert_zero_periods`]) and said so. A file that records zeros wrote
/// down the periods it had: a skipped one is unknown, so nothing is filled and a note says where
/// ([`gap_note`]). So do files whose gaps cannot be written in their own label format: every
/// series' labels are worked out before any series changes.
fn fill_or_note_gaps(series: &mut [LongSeries]) -> Vec<Text> {
    let writes_zeros = series.iter().any(|s| s.values.contains(&0.0));
    let step = file_step(series);
    let plans: Option<Vec<SkippedPeriods>> = if writes_zeros {
        None
    } else {
        series.iter().map(|s| s.skipped_periods(step)).collect()
    };
    let Some(plans) = plans else {
        return gap_note(series, step).into_iter().collect();
    };
    // The note from the plans: the gaps are not measured again.
    let note = gap_sentence(
        "forecast.file.note.gaps_filled",
        series.iter().zip(&plans).filter_map(|(s, plan)| {
            let (first, _) = plan.first()?;
            let missed = plan.iter().map(|(_, labels)| labels.len()).sum();
            let label = |i: usize| s.periods.get(i).cloned().unwrap_or_default();
            Some((s.id.as_str(), (missed, label(first - 1), label(*first))))
        }),
    );
    for (s, plan) in series.iter_mut().zip(plans) {
        s.insert_zero_periods(plan);
    }
    note.into_iter().collect()
}

/// The periods a series skips: where each run goes (the index of the row after it) and its
/// labels ([`LongSeries::skipped_periods`]).
type SkippedPeriods = Vec<(usize, Vec<String>)>;

impl LongSeries {
    /// Read every series of a series file, long or wide ([`SeriesTable::from_csv_reader`]).
    pub fn from_csv_reader<R: std::io::Read>(
        reader: R,
        file: &str,
    ) -> Result<Vec<LongSeries>, ForecastError> {
        Ok(SeriesTable::from_csv_reader(reader, file)?.series)
    }

    /// The series of a long file's rows, in the columns `cols`.
    fn from_rows(
        headers: &[String],
        rows: &Records,
        cols: &LongColumns,
        file: &str,
    ) -> Result<(Vec<LongSeries>, Option<Text>), ForecastError> {
        let mut order: Vec<String> = Vec::new();
        let mut map: HashMap<String, Vec<LongRow>> = HashMap::new();
        for i in 0..rows.len() {
            let row = i as u64 + 1;
            let cell = |c: usize| rows.get(i, c).map(str::trim).unwrap_or("");
            let id = cols
                .id
                .map(|c| cell(c).to_string())
                .unwrap_or_else(|| "series".into());
            let p = day_of_timestamp(cell(cols.period)).unwrap_or_else(|| cell(cols.period).into());
            let raw = cell(cols.value);
            let column = || headers.get(cols.value).cloned().unwrap_or_default();
            // An empty value after the last one: a future period with planned flags.
            let (value, train) = if raw.is_empty() && !cols.flags.is_empty() {
                (f64::NAN, false)
            } else {
                let v = cell_value(raw, file, row, &column())?;
                let train = cols
                    .split
                    .map(|c| !cell(c).eq_ignore_ascii_case("test"))
                    .unwrap_or(true);
                (v, train)
            };
            if !map.contains_key(&id) {
                order.push(id.clone());
            }
            map.entry(id).or_default().push(LongRow {
                key: period_key(&p),
                rows: vec![i],
                label: p,
                value,
                train,
            });
        }
        // Flags: the candidate columns that hold only 0 and 1 (an empty cell counts as 0).
        let flag_value = |r: usize, c: usize| -> Option<f64> {
            match rows.get(r, c).map(str::trim).unwrap_or("") {
                "" | "0" | "0.0" => Some(0.0),
                "1" | "1.0" => Some(1.0),
                _ => None,
            }
        };
        let flag_cols: Vec<usize> = cols
            .flags
            .iter()
            .copied()
            .filter(|&c| (0..rows.len()).all(|r| flag_value(r, c).is_some()))
            .collect();
        let flag_names: Vec<String> = flag_cols
            .iter()
            .map(|&c| {
                headers
                    .get(c)
                    .map(|h| h.trim().to_string())
                    .unwrap_or_default()
            })
            .collect();
        let column_name = |c: Option<usize>| {
            c.and_then(|c| headers.get(c))
                .map(|h| h.trim().to_string())
                .unwrap_or_default()
        };
        let mut summed = SummedPeriods::default();
        let mut out = Vec::with_capacity(order.len());
        for id in order {
            let v = map.remove(&id).unwrap_or_default();
            let mut v = merge_same_periods(v, &mut summed, &id).map_err(|clash| {
                let (row, column, message) = match clash {
                    Clash::Split { row, first } => (
                        row,
                        column_name(cols.split),
                        Text::new("forecast.err.split_clash").index("row", first + 1),
                    ),
                    Clash::Empty { row, first } => (
                        row,
                        column_name(Some(cols.value)),
                        Text::new("forecast.err.empty_clash").index("row", first + 1),
                    ),
                };
                ForecastError::Cell(CellError::new(file, row as u64 + 1, column, message))
            })?;
            if v.iter().all(|r| r.key.is_some()) {
                v.sort_by(|a, b| {
                    a.key
                        .unwrap_or(0.0)
                        .total_cmp(&b.key.unwrap_or(0.0))
                        .then(a.rows[0].cmp(&b.rows[0]))
                });
            }
            // Rows without a value (future periods) come after every value.
            let (valued, future): (Vec<_>, Vec<_>) =
                v.into_iter().partition(|r| r.value.is_finite());
            if let (Some(f), Some(last)) = (future.first(), valued.last()) {
                let misplaced = match (f.key, last.key) {
                    (Some(a), Some(b)) => a < b,
                    _ => f.rows[0] < last.rows[0],
                };
                if misplaced {
                    let column = headers.get(cols.value).cloned().unwrap_or_default();
                    return Err(ForecastError::Cell(CellError::new(
                        file,
                        f.rows[0] as u64 + 1,
                        column,
                        Text::new("common.err.expected_number").str("found", ""),
                    )));
                }
            }
            // train rows first (a split file lists train then test)
            let train_len = valued.iter().filter(|r| r.train).count();
            let (train, test): (Vec<_>, Vec<_>) = valued.into_iter().partition(|r| r.train);
            let all: Vec<_> = train.into_iter().chain(test).collect();
            // A period of several rows has a flag when any of its rows has it.
            let flags = flag_cols
                .iter()
                .map(|&c| {
                    all.iter()
                        .chain(&future)
                        .map(|r| {
                            r.rows
                                .iter()
                                .filter_map(|&i| flag_value(i, c))
                                .fold(0.0, f64::max)
                        })
                        .collect()
                })
                .collect();
            out.push(LongSeries {
                id,
                values: all.iter().map(|r| r.value).collect(),
                periods: all.into_iter().map(|r| r.label).collect(),
                train_len,
                flag_names: flag_names.clone(),
                flags,
                future_periods: future.into_iter().map(|r| r.label).collect(),
            });
        }
        Ok((out, summed.note()))
    }

    /// The flags for forecasting the `train` rows: their history, then the flags of the
    /// `test` rows and the future periods (`None` without flag columns).
    pub fn series_flags(&self) -> Option<super::xreg::SeriesFlags> {
        if self.flag_names.is_empty() {
            return None;
        }
        let n = self.train_len.min(self.values.len());
        Some(super::xreg::SeriesFlags {
            names: self.flag_names.clone(),
            history: self
                .flags
                .iter()
                .map(|c| c[..n.min(c.len())].to_vec())
                .collect(),
            future: self
                .flags
                .iter()
                .map(|c| c[n.min(c.len())..].to_vec())
                .collect(),
        })
    }

    /// Values used for fitting (the `train` rows).
    pub fn train(&self) -> &[f64] {
        &self.values[..self.train_len.min(self.values.len())]
    }

    /// Periods missing between the rows of a series with dated labels: the count, and the
    /// labels on either side of the first gap. The typical step is the median gap: a month
    /// (28–31 days) or a quarter (89–92) counts calendar months, otherwise days; a gap of more
    /// than 1.5 steps misses `round(gap / step) − 1` periods. `None` without dated labels or
    /// without a gap.
    pub fn missing_periods(&self) -> Option<(usize, String, String)> {
        self.missing_periods_at(None)
    }

    /// [`LongSeries::missing_periods`] with the file's typical step ([`file_step`]) in place
    /// of the series' own, when given.
    fn missing_periods_at(&self, step: Option<i64>) -> Option<(usize, String, String)> {
        let (_, gaps) = self.gaps(step)?;
        let &(first, _) = gaps.first()?;
        let total = gaps.iter().map(|g| g.1).sum();
        Some((
            total,
            self.periods[first - 1].clone(),
            self.periods[first].clone(),
        ))
    }

    /// The days of the dated labels (`None` unless every label is a date).
    fn day_keys(&self) -> Option<Vec<i64>> {
        let n = self.values.len().min(self.periods.len());
        let labels = &self.periods[..n];
        if n < 2 || !labels.iter().all(|p| is_date_label(p)) {
            return None;
        }
        labels
            .iter()
            .map(|p| period_key(p).map(|k| k.round() as i64))
            .collect()
    }

    /// The typical step in days of the dated labels: the median gap (`None` with fewer than
    /// three dated rows).
    fn own_step(&self) -> Option<i64> {
        let keys = self.day_keys()?;
        if keys.len() < 3 {
            return None;
        }
        let mut diffs: Vec<i64> = keys.windows(2).map(|w| w[1] - w[0]).collect();
        diffs.sort_unstable();
        Some(diffs[diffs.len() / 2])
    }

    /// The typical step in days (`step`, else the series' own, [`LongSeries::own_step`]) and
    /// every gap: the index of the row after it and the number of periods it misses
    /// ([`LongSeries::missing_periods`]).
    fn gaps(&self, step: Option<i64>) -> Option<(i64, Vec<(usize, usize)>)> {
        let keys = self.day_keys()?;
        let step = match step {
            Some(s) => s,
            None => self.own_step()?,
        };
        let month = |k: i64| {
            let d = date_of_day(k);
            d.year() as i64 * 12 + d.month0() as i64
        };
        let missed = |a: i64, b: i64| -> i64 {
            match step {
                28..=31 => month(b) - month(a) - 1,
                89..=92 => (month(b) - month(a)) / 3 - 1,
                s if s > 0 && 2 * (b - a) > 3 * s => ((b - a) as f64 / s as f64).round() as i64 - 1,
                _ => 0,
            }
        };
        let gaps: Vec<(usize, usize)> = (1..keys.len())
            .filter_map(|i| {
                let m = missed(keys[i - 1], keys[i]);
                (m > 0).then_some((i, m as usize))
            })
            .collect();
        (!gaps.is_empty()).then_some((step, gaps))
    }

    /// The periods the dated rows skip, labelled as the file labels its own ([`next_labels`]):
    /// empty without a gap, `None` when a gap's labels cannot be written in the file's format
    /// (e.g. `31/01/2024`, or a quarterly step) or would not land on the row after it.
    fn skipped_periods(&self, step: Option<i64>) -> Option<SkippedPeriods> {
        let Some((step, gaps)) = self.gaps(step) else {
            return Some(Vec::new());
        };
        if !matches!(step, 1..=31) {
            return None;
        }
        gaps.iter()
            .map(|&(i, m)| {
                let last = self.periods[i - 1].trim();
                // The label one step before the last one, for labels that step by their own gap.
                let prev = NaiveDate::parse_from_str(last, "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.checked_sub_signed(Duration::days(step)))
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_else(|| last.to_string());
                let mut labels = next_labels(&[prev, last.to_string()], m + 1)?;
                let next = labels.pop()?;
                let key = |p: &str| period_key(p).map(|k| k.round() as i64);
                (key(&next) == key(&self.periods[i])).then_some((i, labels))
            })
            .collect()
    }

    /// Insert skipped periods ([`LongSeries::skipped_periods`]) with the value 0 and every flag
    /// 0 (nothing sold, no promotion); a gap before the first `test` row counts as training
    /// history.
    fn insert_zero_periods(&mut self, skipped: SkippedPeriods) {
        for (i, labels) in skipped.into_iter().rev() {
            let m = labels.len();
            self.periods.splice(i..i, labels);
            self.values.splice(i..i, std::iter::repeat_n(0.0, m));
            for f in &mut self.flags {
                if f.len() >= i {
                    f.splice(i..i, std::iter::repeat_n(0.0, m));
                }
            }
            if i <= self.train_len {
                self.train_len += m;
            }
        }
    }

    /// Season length guessed from the period labels: decimal years with step 1/12 → 12,
    /// 1/4 → 4; dates a day apart → 7, a week → 52, a month → 12, a quarter → 4; else 1.
    pub fn infer_season(&self) -> usize {
        let keys: Vec<f64> = self.periods.iter().filter_map(|p| period_key(p)).collect();
        if keys.len() < 3 || keys.len() != self.periods.len() {
            return 1;
        }
        let mut diffs: Vec<f64> = keys.windows(2).map(|w| w[1] - w[0]).collect();
        diffs.sort_by(|a, b| a.total_cmp(b));
        let d = diffs[diffs.len() / 2];
        let is_date = self.periods.iter().any(|p| is_date_label(p));
        if !is_date {
            if (d - 1.0 / 12.0).abs() < 1e-3 {
                return 12;
            }
            if (d - 0.25).abs() < 1e-3 {
                return 4;
            }
            return 1;
        }
        match d.round() as i64 {
            1 => 7,
            7 => 52,
            28..=31 => 12,
            89..=92 => 4,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        annual_closures, closure_days, in_annual_closure, open_weekdays, period_first_day,
        period_of_day, period_open_shares, written_number, AggregatedSeries, Freq, Span,
    };
    use crate::data::dates::{days_from_civil, weekday};

    /// The weekdays found open in a shop's data from `from` to `to` (inclusive) when it sells
    /// on every day but `closed` (Monday = 0).
    fn shop(from: i64, to: i64, closed: &[usize]) -> [bool; 7] {
        open_weekdays(
            from,
            to,
            (from..=to).filter(|d| !closed.contains(&weekday(*d))),
        )
    }

    #[test]
    fn closures_are_days_without_sales_the_shop_usually_opens() {
        let day = |y, m, d| days_from_civil(y, m, d);
        // Closed on Saturdays; 10 a day from Wednesday 1 December 2010 to Friday 9 December
        // 2011, nothing from 24 December to 3 January (as the UCI Online Retail shop) nor on
        // Monday 29 August.
        let first = day(2010, 12, 1);
        let shut =
            |d: i64| (day(2010, 12, 24)..=day(2011, 1, 3)).contains(&d) || d == day(2011, 8, 29);
        let values: Vec<f64> = (first..=day(2011, 12, 9))
            .map(|d| {
                if weekday(d) == 5 || shut(d) {
                    0.0
                } else {
                    10.0
                }
            })
            .collect();
        let total = AggregatedSeries {
            id: "total".into(),
            label: "total".into(),
            first_period: first,
            values,
        };
        let saturday = Some([false, false, false, false, false, true, false]);
        let days = closure_days(&total, saturday);
        // 11 days from 24 December, less the Saturdays 25 December and 1 January; 29 August
        assert_eq!(days.len(), 10);
        assert_eq!(days[0], day(2010, 12, 24));
        assert_eq!(days[8], day(2011, 1, 3));
        assert_eq!(days[9], day(2011, 8, 29));
        let runs = annual_closures(&days, saturday);
        assert_eq!(runs, [(day(2010, 12, 24), day(2011, 1, 3))]);
        assert!(in_annual_closure(day(2011, 12, 24), &runs));
        assert!(in_annual_closure(day(2012, 1, 3), &runs));
        assert!(!in_annual_closure(day(2011, 12, 23), &runs));
        assert!(!in_annual_closure(day(2012, 1, 4), &runs));
        assert!(!in_annual_closure(day(2012, 8, 29), &runs));
        // Without the Saturdays known as closed, they are short closures, one day in seven: too
        // many to be closures.
        assert!(closure_days(&total, None).is_empty());
        // Long closures do not count against the share: 30 days of which 8 shut, 3 in a row.
        let runs = AggregatedSeries {
            values: (0..30)
                .map(|i| {
                    if [3, 4, 5, 10, 11, 12, 20, 21].contains(&i) {
                        0.0
                    } else {
                        1.0
                    }
                })
                .collect(),
            ..total.clone()
        };
        assert_eq!(closure_days(&runs, None).len(), 8);
        // A shop with many quiet days: its zeros are sales of 0, not closures.
        let quiet = AggregatedSeries {
            values: (0..70)
                .map(|i| if i % 5 == 0 { 0.0 } else { 1.0 })
                .collect(),
            ..total.clone()
        };
        assert!(closure_days(&quiet, None).is_empty());
        // Three weeks are too few to tell.
        let short = AggregatedSeries {
            values: vec![0.0; 21],
            ..total.clone()
        };
        assert!(closure_days(&short, None).is_empty());
        // a closure of four days does not come back a year later (Easter moves)
        let easter = [
            day(2011, 4, 22),
            day(2011, 4, 24),
            day(2011, 4, 25),
            day(2011, 4, 26),
        ];
        assert!(annual_closures(&easter, saturday).is_empty());
        // The share of a period's sales on the days the shop opens (equal days): the week of
        // 19 December 2011 loses its Sunday of six opening days, the next week everything.
        let flat = AggregatedSeries {
            values: (first..=day(2011, 12, 9))
                .map(|d| if weekday(d) == 5 { 0.0 } else { 10.0 })
                .collect(),
            ..total.clone()
        };
        let week = |y, m, d| period_of_day(day(y, m, d), Freq::Week);
        let shares = period_open_shares(
            &flat,
            &[],
            Freq::Week,
            week(2011, 12, 12)..week(2012, 1, 9) + 1,
            |d| in_annual_closure(d, &[(day(2010, 12, 24), day(2011, 1, 3))]),
        );
        assert_eq!(shares, [1.0, 5.0 / 6.0, 0.0, 4.0 / 6.0, 1.0]);
        assert!(shares[2].is_sign_positive());
        // 29 February: the 28th a year before
        assert!(in_annual_closure(
            day(2012, 2, 29),
            &[(day(2011, 2, 28), day(2011, 2, 28))]
        ));
    }

    #[test]
    fn periods_are_complete_unless_the_shop_was_open_on_a_missing_day() {
        let day = |m, d| days_from_civil(2024, m, d);
        let (week, month) = (Freq::Week, Freq::Month);
        // open every day, data from Wednesday 3 January to Sunday 31 March 2024
        let open = shop(day(1, 3), day(3, 31), &[]);
        assert_eq!(open, [true; 7]);
        let s = Span::new(day(1, 3), day(3, 31), week, open);
        assert!(s.first_cut && !s.last_cut);
        assert_eq!(period_first_day(s.first, week), day(1, 8));
        assert_eq!(period_first_day(s.last, week), day(3, 25));
        let s = Span::new(day(1, 3), day(3, 31), month, open);
        assert!(s.first_cut && !s.last_cut);
        assert_eq!((s.first, s.last), (2024 * 12 + 1, 2024 * 12 + 2));
        // closed on Saturdays and Sundays, data from Monday 1 January to Friday 29 March 2024:
        // the last week is complete, and so is March (30 and 31 March are a weekend)
        let open = shop(day(1, 1), day(3, 29), &[5, 6]);
        assert_eq!(open, [true, true, true, true, true, false, false]);
        let s = Span::new(day(1, 1), day(3, 29), week, open);
        assert!(!s.first_cut && !s.last_cut);
        assert_eq!(s.last, period_of_day(day(3, 29), week));
        assert!(!Span::new(day(1, 1), day(3, 29), month, open).last_cut);
        // ... but not when they end on the Thursday
        let s = Span::new(day(1, 1), day(3, 28), week, open);
        assert!(s.last_cut);
        assert_eq!(period_first_day(s.last, week), day(3, 18));
        assert!(Span::new(day(1, 1), day(3, 28), month, open).last_cut);
        // closed on Mondays, data from Tuesday 2 January: the first week and month are whole
        let open = shop(day(1, 2), day(3, 31), &[0]);
        let s = Span::new(day(1, 2), day(3, 31), week, open);
        assert!(!s.first_cut);
        assert_eq!(period_first_day(s.first, week), day(1, 1));
        assert!(!Span::new(day(1, 2), day(3, 31), month, open).first_cut);
        // three weeks of data are too few to tell a closed day: every day counts as open
        let open = shop(day(1, 1), day(1, 19), &[5, 6]);
        assert_eq!(open, [true; 7]);
        assert!(Span::new(day(1, 1), day(1, 19), week, open).last_cut);
        // days: nothing is ever cut
        let s = Span::new(day(1, 3), day(1, 3), Freq::Day, [true; 7]);
        assert_eq!(
            (s.first, s.last, s.first_cut, s.last_cut),
            (day(1, 3), day(1, 3), false, false)
        );
        // one incomplete week only: nothing is kept
        let s = Span::new(day(1, 3), day(1, 5), week, [true; 7]);
        assert!(s.last < s.first);
    }

    #[test]
    fn numbers_as_spreadsheets_write_them() {
        let comma = |s| written_number(s, true);
        let point = |s| written_number(s, false);
        assert_eq!(comma("12,5").as_deref(), Some("12.5"));
        assert_eq!(comma("-1.234,50").as_deref(), Some("-1234.50"));
        assert_eq!(comma("1.234").as_deref(), Some("1234"));
        assert_eq!(comma("1.234.567").as_deref(), Some("1234567"));
        assert_eq!(point("1,234.5").as_deref(), Some("1234.5"));
        assert_eq!(point("+2,000").as_deref(), Some("+2000"));
        // not numbers of either kind: dates, codes, text, a lone separator
        for s in [
            "01.02.2024",
            "2024-01",
            "12,",
            ",5",
            "1.23,4,5",
            "1.2345,6",
            "A12",
            "",
        ] {
            assert_eq!(comma(s), None, "{s}");
        }
        assert_eq!(point("1,23"), None);
        assert_eq!(point("12,5"), None);
    }
}
