//! Promotion lift: incremental units and revenue of promotion periods against a counterfactual
//! baseline.
//!
//! The baseline is a regression fitted on the periods without promotion (the "interrupted
//! time series" / regression-discontinuity design of marketing practice; Hyndman &
//! Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §7.4 on trend, seasonal
//! dummies and Fourier terms):
//!
//! `y_t = b₀ + b₁ t + Σ_{k≤K} (a_k sin(2πk d_t/365.25) + c_k cos(2πk d_t/365.25)) + Σ_{dow} g_dow + e_t`
//!
//! (day-of-week dummies only for daily data, yearly Fourier terms only when the data span a
//! year). For the promotion periods P the incremental amount is `Σ_{t∈P} (y_t − ŷ_t)`. Its
//! interval is the OLS prediction interval of a sum of new observations (Greene, ch. 4.6):
//! `Var = σ̂² (|P| + s'(X'X)⁻¹s)` with `s = Σ_{t∈P} x_t`, and Student's t with `n − p` degrees
//! of freedom. The same is done for every contiguous promotion (episode). Errors are assumed
//! independent; autocorrelated sales make the intervals too narrow (said in the notes).
//!
//! **Closed days.** In daily data a weekday without a single sale (at least
//! [`CLOSED_MIN_WEEKS`] of them: a shop closed on Saturdays; judged on the whole shop for order
//! lines, else on the series) is left out of the fit, with no dummy, its baseline 0, and left
//! out of the lift's sums (its actual is 0 too). So are the days the whole shop sold nothing
//! though it usually opens then (holidays, as on the Forecast page, [`closure_days`]). In
//! weekly data a week holidays shut in part has an open share `f_t < 1` (the share of a week's
//! usual sales its open days make, [`period_open_shares`]): the baseline is fitted on
//! `y_t / f_t` (weeks with `f_t` under [`PART_OPEN_MIN`] left out) and expects `f_t x_t'b`
//! then; the lift's variance becomes `σ̂² (Σ f_t² + s'(X'X)⁻¹s)` with `s = Σ_{t∈P} f_t x_t`.

use super::ols::{self, Ols, OlsError};
use super::table::{Table, TableError};
use crate::analytics::forecast::report::{weekday_list, PART_OPEN_MIN};
use crate::analytics::forecast::series::{
    aggregate, closed_weekdays, closure_days, day_list, net_returns, period_open_shares, take_off,
    Freq, Level, Measure, CLOSED_MIN_WEEKS,
};
use crate::data::dates::{civil_from_days, week_index, weekday};
use crate::data::model::{Dataset, OrderLines, NONE_ID};
use crate::text::{params, signed, Text};
use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};
use std::collections::BTreeMap;

/// Errors of the promotion-lift analysis.
///
/// The message comes from the sentence catalogue ([`PromoError::text`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum PromoError {
    Table(#[from] TableError),
    Param { name: &'static str, message: Text },
    Input(Text),
    Fit(#[from] OlsError),
}

impl PromoError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            PromoError::Table(e) => e.text(),
            PromoError::Param { name, message } => Text::new("common.err.invalid_param")
                .str("name", *name)
                .text("message", message.clone()),
            PromoError::Input(t) => t.clone(),
            PromoError::Fit(e) => Text::new("mkt.err.baseline_fit").text("error", e.text()),
        }
    }
}

/// One series: per period (day or week) units, optional revenue, and whether it was promoted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromoInput {
    /// Period start, days since 1970-01-01, ascending.
    pub dates: Vec<i64>,
    /// 1 = daily, 7 = weekly.
    pub period_days: i64,
    pub units: Vec<f64>,
    pub revenue: Option<Vec<f64>>,
    pub promo: Vec<bool>,
    /// What the series is ("all products", "SKU 123", "file x.csv").
    pub label: String,
    pub notes: Vec<Text>,
    /// Days (since 1970-01-01, ascending) on which the whole shop was closed though it
    /// usually opens then (holidays; daily order lines only, [`closure_days`]): handled as
    /// closed weekdays are.
    #[serde(default)]
    pub closures: Vec<i64>,
    /// Weekdays (Monday = 0) the whole shop never sold on (daily order lines: judged on every
    /// sale line); `None`: judged on the series itself.
    #[serde(default)]
    pub closed_weekdays: Option<[bool; 7]>,
    /// Weeks holidays shut in part (weekly order lines): the week's first day and the share of
    /// a week's usual sales its open days make (below 1; [`period_open_shares`]). The baseline
    /// expects that share of a whole week; a week under [`PART_OPEN_MIN`] is left out of the
    /// fit.
    #[serde(default)]
    pub part_open: Vec<(i64, f64)>,
}

/// Columns of a table; `None` = recognised by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PromoSpec {
    pub date_column: Option<String>,
    pub units_column: Option<String>,
    pub revenue_column: Option<String>,
    /// Promotion flag (non-zero = promoted). Without it, `range` must be given.
    pub flag_column: Option<String>,
    /// Promotion dates (inclusive, days since 1970-01-01) instead of a flag.
    pub range: Option<(i64, i64)>,
}

/// Parameters (defaults in [`PromoParams::default`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromoParams {
    pub trend: bool,
    /// Yearly Fourier order (used when the data span at least a year).
    pub fourier_order: usize,
    /// Day-of-week effects (daily data only).
    pub day_of_week: bool,
    pub confidence: f64,
    /// Fewest non-promotion periods needed for the baseline.
    pub min_baseline_periods: usize,
}

impl Default for PromoParams {
    fn default() -> Self {
        PromoParams {
            trend: true,
            fourier_order: 3,
            day_of_week: true,
            confidence: 0.95,
            min_baseline_periods: 14,
        }
    }
}

impl PromoParams {
    pub fn validate(&self) -> Result<(), PromoError> {
        let err = |name, m: Text| Err(PromoError::Param { name, message: m });
        if !(self.confidence > 0.5 && self.confidence < 1.0) {
            return err("confidence", Text::new("param.confidence"));
        }
        if self.fourier_order > 10 {
            return err("fourier_order", params::at_most("10"));
        }
        if self.min_baseline_periods < 4 {
            return err("min_baseline_periods", params::at_least(4));
        }
        Ok(())
    }
}

/// Incremental amount of one measure (units or revenue) over a set of promotion periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiftEstimate {
    pub actual: f64,
    /// Predicted without the promotion.
    pub baseline: f64,
    /// actual − baseline.
    pub incremental: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    /// 100 × incremental / baseline.
    pub lift_pct: f64,
    pub explain: Text,
}

/// One contiguous promotion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Episode {
    pub from: String,
    pub to: String,
    pub periods: usize,
    pub units: LiftEstimate,
    pub revenue: Option<LiftEstimate>,
}

/// One period of the chart: actual and baseline with its prediction interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromoRow {
    pub date: String,
    pub promo: bool,
    pub units: f64,
    pub units_baseline: f64,
    pub units_low: f64,
    pub units_high: f64,
    pub revenue: Option<f64>,
    pub revenue_baseline: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromoReport {
    pub label: String,
    pub periods: usize,
    pub period_days: i64,
    pub promo_periods: usize,
    pub baseline_periods: usize,
    pub confidence: f64,
    /// All promotion periods together.
    pub units: LiftEstimate,
    pub revenue: Option<LiftEstimate>,
    pub episodes: Vec<Episode>,
    pub series: Vec<PromoRow>,
    /// Baseline terms (intercept, trend, Fourier, day of week).
    pub terms: Vec<String>,
    pub baseline_r2: f64,
    pub baseline_residual_sd: f64,
    pub summary: Text,
    pub how_computed: Text,
    pub notes: Vec<Text>,
}

/// A baseline term's name: the fixed ones in words, seasonal terms as they are.
pub fn term_text(name: &str) -> Text {
    let key = match name {
        "intercept" => "mkt.term.intercept",
        "trend" => "mkt.term.trend",
        "Mon" => "mkt.term.mon",
        "Tue" => "mkt.term.tue",
        "Wed" => "mkt.term.wed",
        "Thu" => "mkt.term.thu",
        "Fri" => "mkt.term.fri",
        "Sat" => "mkt.term.sat",
        "Sun" => "mkt.term.sun",
        _ => return Text::raw(name),
    };
    Text::new(key)
}

fn day_str(d: i64) -> String {
    let (y, m, dd) = civil_from_days(d);
    format!("{y:04}-{m:02}-{dd:02}")
}

fn norm(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn find(t: &Table, names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|c| t.headers.iter().position(|h| norm(h) == *c))
}

impl PromoInput {
    /// Daily (`period_days` 1) or weekly (7, Monday start) units and revenue from order lines,
    /// optionally only some SKUs/products; promoted periods are those overlapping
    /// `from..=to` (days since 1970-01-01). Periods without sales count as zero. Sales are net
    /// of cancellations and returns (`data.returns`): each period's cancelled units and revenue
    /// are taken off its sales, never below 0 (a promotion's orders cancelled later are not
    /// lift). Data without prices ([`crate::data::CleaningReport::priced`]) give units only.
    pub fn from_orders(
        data: &Dataset,
        from: i64,
        to: i64,
        skus: Option<&[String]>,
        period_days: i64,
    ) -> Result<PromoInput, PromoError> {
        let lines = &data.lines;
        if period_days != 1 && period_days != 7 {
            return Err(PromoError::Param {
                name: "period_days",
                message: Text::new("param.daily_or_weekly"),
            });
        }
        if to < from {
            return Err(PromoError::Param {
                name: "range",
                message: Text::new("param.ends_before_start"),
            });
        }
        let start_of = |day: i64| {
            if period_days == 7 {
                day - weekday(day) as i64
            } else {
                day
            }
        };
        // per period: units and revenue (sale lines), or their cancellations (return lines)
        let sum = |lines: &OrderLines| {
            let mut agg: BTreeMap<i64, (f64, f64, usize)> = BTreeMap::new();
            for i in 0..lines.len() {
                if let Some(f) = skus {
                    let id = if lines.sku[i] != NONE_ID {
                        lines.sku[i]
                    } else {
                        lines.product[i]
                    };
                    let name = lines.strings.get(id);
                    if id == NONE_ID || !f.iter().any(|s| s == name) {
                        continue;
                    }
                }
                let d = start_of(lines.timestamp[i].div_euclid(86_400));
                let e = agg.entry(d).or_insert((0.0, 0.0, 0));
                e.0 += lines.quantity[i].abs();
                e.1 += lines.revenue[i].abs();
                e.2 += 1;
            }
            agg
        };
        let mut agg = sum(lines);
        // Net of cancellations and returns, as the Forecast page: each period's cancelled
        // units and revenue taken off its sales, never below 0.
        let (mut net_units, mut net_lines) = (0.0, 0usize);
        for (d, (u, r, n)) in sum(&data.returns) {
            if let Some(e) = agg.get_mut(&d).filter(|e| e.0 > 0.0) {
                net_units += take_off(&mut e.0, u);
                take_off(&mut e.1, r);
                net_lines += n;
            }
        }
        let (Some((&first, _)), Some((&last, _))) = (agg.first_key_value(), agg.last_key_value())
        else {
            return Err(PromoError::Input(Text::new("mkt.err.promo_no_lines")));
        };
        // Closed weekdays and holidays (days the whole shop sold nothing though it usually
        // opens then), judged on the shop's daily sales as on the Forecast page: every sale
        // line, not only the chosen products', before cancellations.
        let total = aggregate(lines, Level::Total, Freq::Day, Measure::Units, None)
            .series
            .into_iter()
            .next();
        let (closures, closed_weekdays, part_open) = match total {
            Some(total) => {
                let weekdays = closed_weekdays(&total).map(|(days, _)| days);
                let closures = closure_days(&total, weekdays);
                if period_days == 1 {
                    let days = total.first_period..total.first_period + total.values.len() as i64;
                    let never = never_sold(days, |i| total.values[i] != 0.0);
                    (closures, Some(never), Vec::new())
                } else {
                    // A week holidays shut in part: the share of a week's usual sales its open
                    // days make (the weekdays' usual sales net of cancellations, as Forecast).
                    let mut net = [total];
                    net_returns(
                        &mut net,
                        &data.returns,
                        lines,
                        Level::Total,
                        Freq::Day,
                        Measure::Units,
                    );
                    let weeks = week_index(first)..week_index(last) + 1;
                    let shares = period_open_shares(&net[0], &closures, Freq::Week, weeks, |d| {
                        closures.binary_search(&d).is_ok()
                    });
                    let part = (first..=last)
                        .step_by(7)
                        .zip(shares)
                        .filter(|(_, f)| *f < 1.0)
                        .collect();
                    (Vec::new(), None, part)
                }
            }
            None => (Vec::new(), None, Vec::new()),
        };
        let mut dates = Vec::new();
        let (mut units, mut revenue, mut promo) = (Vec::new(), Vec::new(), Vec::new());
        let mut d = first;
        while d <= last {
            let (u, r, _) = agg.get(&d).copied().unwrap_or((0.0, 0.0, 0));
            dates.push(d);
            units.push(u);
            revenue.push(r);
            promo.push(d + period_days > from && d <= to);
            d += period_days;
        }
        Ok(PromoInput {
            dates,
            period_days,
            units,
            revenue: data.report.priced.then_some(revenue),
            promo,
            label: match skus {
                Some(s) => format!("products {}", s.join(", ")),
                None => "all products".into(),
            },
            notes: std::iter::once(
                Text::new(if period_days == 7 {
                    "mkt.promo.orders_weekly"
                } else {
                    "mkt.promo.orders_daily"
                })
                .iso_date("from", day_str(first))
                .iso_date("to", day_str(last)),
            )
            .chain((net_lines > 0).then(|| {
                Text::new("mkt.promo.net_of_returns")
                    .num("units", net_units, 0)
                    .int("lines", net_lines)
            }))
            .collect(),
            closures,
            closed_weekdays,
            part_open,
        })
    }

    /// From a table with a date column (or integer week numbers), units (or `logmove`),
    /// optional revenue and a flag column or a date range. Rows with the same date are
    /// summed (a date is promoted when any of its rows is).
    pub fn from_table(t: &Table, spec: &PromoSpec) -> Result<PromoInput, PromoError> {
        let pick = |n: &Option<String>, auto: Option<usize>| -> Result<Option<usize>, TableError> {
            match n {
                Some(n) => t.column_index(n).map(Some),
                None => Ok(auto),
            }
        };
        let mut notes = Vec::new();
        let date_col = pick(&spec.date_column, t.find_date_column())?;
        let days: Vec<i64> = match date_col {
            Some(j) => t.dates(j)?,
            None => {
                let j = find(t, &["week", "period", "wk"]).ok_or_else(|| {
                    PromoError::Input(
                        Text::new("mkt.err.promo_no_date").str("file", t.file.clone()),
                    )
                })?;
                notes.push(Text::new("mkt.promo.week_numbers").str("col", t.headers[j].clone()));
                t.numeric(j)?
                    .iter()
                    .map(|w| (7.0 * w).round() as i64)
                    .collect()
            }
        };
        let units_col = pick(
            &spec.units_column,
            find(
                t,
                &[
                    "units",
                    "unitssold",
                    "quantity",
                    "qty",
                    "move",
                    "volume",
                    "logmove",
                ],
            ),
        )?
        .ok_or_else(|| {
            PromoError::Input(Text::new("mkt.err.promo_no_units").str("file", t.file.clone()))
        })?;
        let log_units = {
            let n = norm(&t.headers[units_col]);
            n.starts_with("log") || n.starts_with("ln")
        };
        let rev_col = pick(
            &spec.revenue_column,
            find(t, &["revenue", "sales", "amount", "turnover", "netsales"]),
        )?;
        let flag_col = pick(&spec.flag_column, None)?;
        if flag_col.is_none() && spec.range.is_none() {
            return Err(PromoError::Input(Text::new("mkt.err.promo_no_flag")));
        }
        let u = t.numeric(units_col)?;
        let r = rev_col.map(|j| t.numeric(j)).transpose()?;
        let f = flag_col.map(|j| t.numeric(j)).transpose()?;
        let mut agg: BTreeMap<i64, (f64, f64, bool)> = BTreeMap::new();
        for i in 0..t.rows() {
            let e = agg.entry(days[i]).or_insert((0.0, 0.0, false));
            e.0 += if log_units { u[i].exp() } else { u[i] };
            e.1 += r.as_ref().map_or(0.0, |r| r[i]);
            let flagged = match (&f, spec.range) {
                (Some(f), _) => f[i] != 0.0,
                (None, Some((a, b))) => days[i] >= a && days[i] <= b,
                _ => false,
            };
            e.2 |= flagged;
        }
        let dates: Vec<i64> = agg.keys().copied().collect();
        let mut gaps: Vec<i64> = dates.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_unstable();
        let period_days = gaps.get(gaps.len() / 2).copied().unwrap_or(1).max(1);
        if dates.len() < t.rows() {
            notes.push(
                Text::new("mkt.promo.rows_summed")
                    .int("rows", t.rows())
                    .int("dates", dates.len()),
            );
        }
        Ok(PromoInput {
            units: agg.values().map(|v| v.0).collect(),
            revenue: rev_col.map(|_| agg.values().map(|v| v.1).collect()),
            promo: agg.values().map(|v| v.2).collect(),
            dates,
            period_days,
            label: t.file.clone(),
            notes,
            closures: Vec::new(),
            closed_weekdays: None,
            part_open: Vec::new(),
        })
    }

    fn validate(&self) -> Result<(), PromoError> {
        let n = self.dates.len();
        if self.units.len() != n
            || self.promo.len() != n
            || self.revenue.as_ref().is_some_and(|r| r.len() != n)
        {
            return Err(PromoError::Input(Text::new("mkt.err.different_lengths")));
        }
        if self.dates.windows(2).any(|w| w[1] <= w[0]) {
            return Err(PromoError::Input(Text::new("mkt.err.promo_dates_order")));
        }
        if self.units.iter().any(|v| !v.is_finite())
            || self
                .revenue
                .as_ref()
                .is_some_and(|r| r.iter().any(|v| !v.is_finite()))
        {
            return Err(PromoError::Input(Text::new("mkt.err.promo_non_finite")));
        }
        if !self.promo.iter().any(|&p| p) {
            return Err(PromoError::Input(Text::new("mkt.err.promo_none_promoted")));
        }
        Ok(())
    }
}

/// Baseline design row of period t (dense, as sparse pairs).
struct Design {
    trend: bool,
    fourier: usize,
    /// Column of each weekday's dummy (Monday = 0); `None` for the reference day, closed
    /// days, and all days when there are no day-of-week terms.
    dow: [Option<usize>; 7],
    /// Closed weekdays (daily data only): no sale on any of them in the whole series.
    shut: [bool; 7],
    /// Holidays (daily data only): [`PromoInput::closures`].
    holidays: Vec<i64>,
    /// Weeks holidays shut in part, with their open share ([`PromoInput::part_open`]).
    part: BTreeMap<i64, f64>,
    t0: i64,
    span: f64,
    names: Vec<String>,
}

/// Weekdays (Monday = 0) on which nothing was sold on any of the `days` (`sold(i)`: the `i`th
/// day sold something), when there are at least [`CLOSED_MIN_WEEKS`] of them; none when
/// nothing was sold at all.
fn never_sold(days: impl IntoIterator<Item = i64>, sold: impl Fn(usize) -> bool) -> [bool; 7] {
    let mut seen = [0usize; 7];
    let mut any = [false; 7];
    for (i, d) in days.into_iter().enumerate() {
        let wd = weekday(d);
        seen[wd] += 1;
        any[wd] |= sold(i);
    }
    if !any.contains(&true) {
        return [false; 7];
    }
    std::array::from_fn(|wd| !any[wd] && seen[wd] >= CLOSED_MIN_WEEKS)
}

/// Closed weekdays of a daily series: the shop's when the input has them (order lines), else
/// those the series itself never sold on (units, and revenue when given); none for weeks.
fn shut_weekdays(input: &PromoInput) -> [bool; 7] {
    if input.period_days != 1 {
        return [false; 7];
    }
    input.closed_weekdays.unwrap_or_else(|| {
        never_sold(input.dates.iter().copied(), |t| {
            input.units[t] != 0.0 || input.revenue.as_ref().is_some_and(|r| r[t] != 0.0)
        })
    })
}

impl Design {
    fn new(input: &PromoInput, params: &PromoParams, notes: &mut Vec<Text>) -> Design {
        let n = input.dates.len();
        let t0 = input.dates.first().copied().unwrap_or(0);
        let span = (input.dates.last().copied().unwrap_or(0) - t0 + input.period_days) as f64;
        let fourier = if span >= 365.0 {
            params.fourier_order
        } else {
            if params.fourier_order > 0 {
                notes.push(Text::new("mkt.promo.no_season").num("days", span, 0));
            }
            0
        };
        let shut = shut_weekdays(input);
        if shut.contains(&true) {
            let days = input.dates.iter().filter(|&&d| shut[weekday(d)]).count();
            notes.push(
                Text::new("mkt.promo.closed_weekdays")
                    .text("days", weekday_list(&shut))
                    .int("n", days),
            );
        }
        let holidays: Vec<i64> = if input.period_days == 1 {
            let span = input.dates.first().zip(input.dates.last());
            input
                .closures
                .iter()
                .copied()
                .filter(|d| span.is_some_and(|(a, b)| (*a..=*b).contains(d)) && !shut[weekday(*d)])
                .collect()
        } else {
            Vec::new()
        };
        if !holidays.is_empty() {
            notes.push(
                Text::new("mkt.promo.closures")
                    .int("n", holidays.len())
                    .str("list", day_list(&holidays)),
            );
        }
        let part: BTreeMap<i64, f64> = if input.period_days == 7 {
            input.part_open.iter().copied().collect()
        } else {
            BTreeMap::new()
        };
        if !part.is_empty() {
            let mut list: Vec<String> = part
                .iter()
                .take(6)
                .map(|(d, f)| format!("{} {:.0}%", day_str(*d), 100.0 * f))
                .collect();
            if part.len() > 6 {
                list.push("…".into());
            }
            notes.push(
                Text::new("mkt.promo.part_weeks")
                    .int("n", part.len())
                    .str("list", list.join(", "))
                    .num("min", 100.0 * PART_OPEN_MIN, 0),
            );
        }
        let with_dow = params.day_of_week && input.period_days == 1 && n >= 28;
        let mut names = vec!["intercept".to_string()];
        if params.trend {
            names.push("trend".into());
        }
        for k in 1..=fourier {
            names.push(format!("sin_{k}"));
            names.push(format!("cos_{k}"));
        }
        // One dummy per open weekday but the first open one (the reference).
        let mut dow = [None; 7];
        if with_dow {
            const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
            let open = (0..7).filter(|&wd| !shut[wd]);
            for wd in open.skip(1) {
                dow[wd] = Some(names.len());
                names.push(DAYS[wd].into());
            }
        }
        Design {
            trend: params.trend,
            fourier,
            dow,
            shut,
            holidays,
            part,
            t0,
            span: span.max(1.0),
            names,
        }
    }

    fn row(&self, day: i64, buf: &mut Vec<(usize, f64)>) {
        buf.push((0, 1.0));
        let mut j = 1;
        if self.trend {
            buf.push((j, (day - self.t0) as f64 / self.span));
            j += 1;
        }
        for k in 1..=self.fourier {
            let w = std::f64::consts::TAU * k as f64 * day as f64 / 365.25;
            buf.push((j, w.sin()));
            buf.push((j + 1, w.cos()));
            j += 2;
        }
        if let Some(j) = self.dow[weekday(day)] {
            buf.push((j, 1.0));
        }
    }

    /// A closed weekday of a daily series (never sold on), a holiday, or a week holidays shut
    /// all of.
    fn closed(&self, day: i64) -> bool {
        self.shut[weekday(day)]
            || self.holidays.binary_search(&day).is_ok()
            || self.share(day) <= 0.0
    }

    /// A period the baseline is fitted on: not promoted, open, and (a week holidays shut in
    /// part) open for at least [`PART_OPEN_MIN`] of its usual sales.
    fn fitted(&self, input: &PromoInput, t: usize) -> bool {
        let d = input.dates[t];
        !input.promo[t] && !self.closed(d) && self.share(d) >= PART_OPEN_MIN
    }

    /// The share of a whole period's usual sales the period starting on `day` makes (1 but
    /// for a week holidays shut in part).
    fn share(&self, day: i64) -> f64 {
        self.part.get(&day).copied().unwrap_or(1.0)
    }
}

struct Baseline {
    fit: Ols,
    pred: Vec<f64>,
    tq: f64,
}

fn fit_baseline(
    design: &Design,
    input: &PromoInput,
    y: &[f64],
    conf: f64,
) -> Result<Baseline, PromoError> {
    let rows: Vec<usize> = (0..y.len()).filter(|&t| design.fitted(input, t)).collect();
    // a week holidays shut in part is seen at a whole week's sales: y / share
    let fit = ols::fit(rows.len(), design.names.len(), &design.names, |i, buf| {
        let d = input.dates[rows[i]];
        design.row(d, buf);
        y[rows[i]] / design.share(d)
    })?;
    let mut buf = Vec::new();
    let pred = input
        .dates
        .iter()
        .map(|&d| {
            if design.closed(d) {
                return 0.0;
            }
            buf.clear();
            design.row(d, &mut buf);
            design.share(d) * fit.predict(&buf)
        })
        .collect();
    let tq = StudentsT::new(0.0, 1.0, fit.df().max(1) as f64)
        .map(|d| d.inverse_cdf(0.5 + conf / 2.0))
        .unwrap_or(1.96);
    Ok(Baseline { fit, pred, tq })
}

/// Sum of actual − baseline over `periods` (closed days left out: both are 0 there), with its
/// prediction interval.
fn lift(
    b: &Baseline,
    design: &Design,
    input: &PromoInput,
    y: &[f64],
    periods: &[usize],
    what: &Text,
    conf: f64,
) -> LiftEstimate {
    let periods: Vec<usize> = periods
        .iter()
        .copied()
        .filter(|&t| !design.closed(input.dates[t]))
        .collect();
    let p = design.names.len();
    let mut s = vec![0.0; p];
    let mut buf = Vec::new();
    // Σ_t f_t (z_t − x_t'b) with f_t the period's open share: Var = σ̂² (Σ f_t² + s'(X'X)⁻¹s),
    // s = Σ f_t x_t (f_t = 1 but for weeks holidays shut in part).
    let mut f2 = 0.0;
    for &t in &periods {
        let f = design.share(input.dates[t]);
        f2 += f * f;
        buf.clear();
        design.row(input.dates[t], &mut buf);
        for &(j, v) in &buf {
            s[j] += f * v;
        }
    }
    let srow: Vec<(usize, f64)> = s.into_iter().enumerate().collect();
    let var = b.fit.sigma2 * (f2 + b.fit.leverage(&srow));
    let half = b.tq * var.max(0.0).sqrt();
    let actual: f64 = periods.iter().map(|&t| y[t]).sum();
    let baseline: f64 = periods.iter().map(|&t| b.pred[t]).sum();
    let inc = actual - baseline;
    let pct = if baseline.abs() > 0.0 {
        100.0 * inc / baseline
    } else {
        f64::NAN
    };
    let (lo, hi) = (inc - half, inc + half);
    let verdict = if lo > 0.0 {
        Text::new("mkt.promo.added")
    } else if hi < 0.0 {
        Text::new("mkt.promo.below")
    } else {
        Text::new("mkt.promo.unclear")
    };
    LiftEstimate {
        actual,
        baseline,
        incremental: inc,
        ci_low: lo,
        ci_high: hi,
        lift_pct: pct,
        explain: Text::new("mkt.promo.lift")
            .text("what", what.clone())
            .num("actual", actual, 0)
            .num("baseline", baseline, 0)
            .str("inc", signed(inc, 0))
            .str("pct", signed(pct, 1))
            .num("level", 100.0 * conf, 0)
            .str("lo", signed(lo, 0))
            .str("hi", signed(hi, 0))
            .text("verdict", verdict),
    }
}

/// Estimate the lift of the promoted periods against a baseline fitted on the others.
pub fn run(input: &PromoInput, params: &PromoParams) -> Result<PromoReport, PromoError> {
    params.validate()?;
    input.validate()?;
    let n = input.dates.len();
    let mut notes = input.notes.clone();
    let design = Design::new(input, params, &mut notes);
    let base_n = (0..n).filter(|&t| design.fitted(input, t)).count();
    if (0..n).all(|t| !input.promo[t] || design.closed(input.dates[t])) {
        return Err(PromoError::Input(Text::new("mkt.err.promo_all_closed")));
    }
    let need = params.min_baseline_periods.max(design.names.len() + 4);
    if base_n < need {
        return Err(PromoError::Input(
            Text::new("mkt.err.promo_few_base")
                .int("n", base_n)
                .int("need", need)
                .int("terms", design.names.len()),
        ));
    }
    let conf = params.confidence;
    let bu = fit_baseline(&design, input, &input.units, conf)?;
    let br = match &input.revenue {
        Some(r) => Some((fit_baseline(&design, input, r, conf)?, r)),
        None => None,
    };
    let promo_idx: Vec<usize> = (0..n).filter(|&t| input.promo[t]).collect();
    let (units_t, revenue_t) = (Text::new("mkt.promo.units"), Text::new("mkt.promo.revenue"));
    let units = lift(
        &bu,
        &design,
        input,
        &input.units,
        &promo_idx,
        &units_t,
        conf,
    );
    let revenue = br
        .as_ref()
        .map(|(b, r)| lift(b, &design, input, r, &promo_idx, &revenue_t, conf));
    // Episodes: maximal runs of consecutive promoted periods.
    let mut episodes = Vec::new();
    let mut t = 0;
    while t < n {
        if !input.promo[t] {
            t += 1;
            continue;
        }
        let s = t;
        while t + 1 < n
            && input.promo[t + 1]
            && input.dates[t + 1] - input.dates[t] <= input.period_days
        {
            t += 1;
        }
        let idx: Vec<usize> = (s..=t).collect();
        // a promotion on closed days only had no sales to change: not an episode
        if idx.iter().all(|&i| design.closed(input.dates[i])) {
            t += 1;
            continue;
        }
        episodes.push(Episode {
            from: day_str(input.dates[s]),
            to: day_str(input.dates[t] + input.period_days - 1),
            periods: idx.len(),
            units: lift(&bu, &design, input, &input.units, &idx, &units_t, conf),
            revenue: br
                .as_ref()
                .map(|(b, r)| lift(b, &design, input, r, &idx, &revenue_t, conf)),
        });
        t += 1;
    }
    let mut buf = Vec::new();
    // Units sold never go below zero: the per-period baseline band is cut there.
    let floor = if input.units.iter().all(|u| *u >= 0.0) {
        0.0
    } else {
        f64::NEG_INFINITY
    };
    let series: Vec<PromoRow> = (0..n)
        .map(|t| {
            buf.clear();
            design.row(input.dates[t], &mut buf);
            let half = if design.closed(input.dates[t]) {
                0.0
            } else {
                design.share(input.dates[t])
                    * bu.tq
                    * (bu.fit.sigma2 * (1.0 + bu.fit.leverage(&buf)))
                        .max(0.0)
                        .sqrt()
            };
            PromoRow {
                date: day_str(input.dates[t]),
                promo: input.promo[t],
                units: input.units[t],
                units_baseline: bu.pred[t],
                units_low: (bu.pred[t] - half).max(floor),
                units_high: bu.pred[t] + half,
                revenue: br.as_ref().map(|(_, r)| r[t]),
                revenue_baseline: br.as_ref().map(|(b, _)| b.pred[t]),
            }
        })
        .collect();
    notes.push(Text::new("mkt.promo.independent_errors"));
    let one = promo_idx.len() == 1;
    let unit = Text::new(match (input.period_days, one) {
        (7, true) => "mkt.promo.week",
        (7, false) => "mkt.promo.weeks",
        (1, true) => "mkt.promo.day",
        (1, false) => "mkt.promo.days",
        (_, true) => "mkt.promo.period",
        (_, false) => "mkt.promo.periods",
    });
    let summary = match &revenue {
        Some(r) => Text::new("mkt.promo.summary_revenue").text("revenue", r.explain.clone()),
        None => Text::new("mkt.promo.summary"),
    }
    .int("n", promo_idx.len())
    .text("unit", unit)
    .int("k", episodes.len())
    .text("units", units.explain.clone());
    let how_computed = Text::new("mkt.promo.how")
        .int("base_n", base_n)
        .text(
            "terms",
            crate::text::marketing::list(design.names.iter().map(|n| term_text(n))),
        )
        .int("n", promo_idx.len())
        .num("level", 100.0 * conf, 0)
        .int("df", bu.fit.df());
    Ok(PromoReport {
        label: input.label.clone(),
        periods: n,
        period_days: input.period_days,
        promo_periods: promo_idx.len(),
        baseline_periods: base_n,
        confidence: conf,
        units,
        revenue,
        episodes,
        series,
        terms: design.names.clone(),
        baseline_r2: bu.fit.r2,
        baseline_residual_sd: bu.fit.sigma2.sqrt(),
        summary,
        how_computed,
        notes,
    })
}
