//! Product layer: [`run`] turns a [`Dataset`] into per-series forecasts with intervals,
//! backtest overlays and model leaderboards, plus a table of every series' next-period forecast.
//! [`forecast_many`] does the same for series from any source (e.g. [`super::LongSeries`]).

use serde::{Deserialize, Serialize};

use super::select::{auto_forecast_with, AutoOptions, LeaderboardRow, ModelKind};
use super::series::{
    aggregate, annual_closures, closed_weekdays, closure_days, day_list, in_annual_closure,
    net_returns, period_first_day, period_open_shares, period_start, weekday, AggregatedSeries,
    Aggregation, Freq, Level, Measure, NO_GROUP_ID,
};
use super::xreg::{self, FlagEffect, SeriesFlags};
use super::{FittedModel, Forecast, ForecastError, Interval, Shard};
use crate::analytics::basket::non_product_reason;
use crate::data::Dataset;
use crate::text::Text;

/// Parameters of [`run`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastParams {
    pub level: Level,
    pub freq: Freq,
    /// Periods ahead (1..=1000).
    pub horizon: usize,
    /// Interval levels in percent, each in (0, 100). Default 80, 95.
    pub levels: Vec<f64>,
    /// SKU codes to forecast at the SKU level (`None` = all).
    pub skus: Option<Vec<String>>,
    /// Model (`auto`: backtest selection).
    pub model: ModelKind,
    /// Season length (`None`: 7 daily, 52 weekly, 12 monthly).
    pub season: Option<usize>,
    pub measure: Measure,
    /// Rolling-origin backtest windows.
    pub backtest_origins: usize,
    /// Series with full detail (history, backtest, leaderboard) in the report; the table has
    /// every series. `None` = all.
    pub detail_limit: Option<usize>,
    /// How the series beyond `detail_limit` (table rows only) are forecast (default `fast`).
    #[serde(default)]
    pub table_mode: TableMode,
    /// Run the rolling-origin backtest also where it cannot change the model (the kept
    /// combination, a single model asked for): it fills the leaderboard, the backtest overlay
    /// and `backtest_mase`. Off (`shoplens forecast` without `--json`, the series file), those
    /// stay empty for such series; the forecasts are the same either way. Default on.
    #[serde(default = "crate::default_true")]
    pub informative_backtest: bool,
    /// At the SKU level, leave out the lines that are not goods (postage, fees, gift cards, manual
    /// adjustments: [`crate::analytics::basket::non_product_reason`]); by default they are
    /// forecast and marked ([`TableRow::not_goods`]).
    #[serde(default)]
    pub goods_only: bool,
}

fn lag_one() -> usize {
    1
}

/// Forecasting of the table-only series (those beyond `detail_limit`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableMode {
    /// The same automatic selection (rolling-origin backtest) as the detailed series.
    Full,
    /// No backtest: IMAPA for intermittent series, AutoETS otherwise (non-seasonal below
    /// `2m + 8` periods) — see [`AutoOptions::fast`]. Their `backtest_mase` is `None`.
    #[default]
    Fast,
}

impl Default for ForecastParams {
    fn default() -> Self {
        ForecastParams {
            level: Level::Total,
            freq: Freq::Week,
            horizon: 12,
            levels: vec![80.0, 95.0],
            skus: None,
            model: ModelKind::Auto,
            season: None,
            measure: Measure::Units,
            backtest_origins: 2,
            detail_limit: None,
            table_mode: TableMode::Fast,
            informative_backtest: true,
            goods_only: false,
        }
    }
}

impl ForecastParams {
    /// Check the parameters before any work.
    pub fn validate(&self) -> Result<(), ForecastError> {
        let bad = |name: &str, message: Text| {
            Err(ForecastError::InvalidParam {
                name: name.into(),
                message,
            })
        };
        let range = |lo: i64, hi: i64, v: usize| {
            Text::new("forecast.param.range")
                .index("lo", lo)
                .index("hi", hi)
                .index("v", v)
        };
        if self.horizon == 0 || self.horizon > 1000 {
            return bad("horizon", range(1, 1000, self.horizon));
        }
        for l in &self.levels {
            if !(l.is_finite() && *l > 0.0 && *l < 100.0) {
                return bad(
                    "levels",
                    Text::new("forecast.param.level").str("v", l.to_string()),
                );
            }
        }
        if let Some(s) = self.season {
            if s == 0 || s > 366 {
                return bad("season", range(1, 366, s));
            }
        }
        if self.backtest_origins == 0 || self.backtest_origins > 20 {
            return bad("backtest_origins", range(1, 20, self.backtest_origins));
        }
        Ok(())
    }
}

/// One backtest window of the chosen model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BacktestWindow {
    /// First forecast period of the window.
    pub start: String,
    pub forecast: Vec<f64>,
}

/// Direction of the forecast compared with the recent past.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Flat,
    Down,
}

/// Full detail for one series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesForecast {
    pub id: String,
    pub label: String,
    /// Period start of each history value.
    pub periods: Vec<String>,
    pub history: Vec<f64>,
    /// Period start of each forecast step.
    pub forecast_periods: Vec<String>,
    pub forecast: Forecast,
    /// Fitted model, e.g. `ETS(M,Ad,M)`.
    pub model: String,
    pub chosen: ModelKind,
    /// Backtest MASE of the chosen model (`None`: not enough history).
    pub backtest_mase: Option<f64>,
    /// The lag of the naive forecast the MASE is scaled by: the season, or 1 (the last value)
    /// for a non-seasonal series or a history shorter than two seasons.
    #[serde(default = "lag_one")]
    pub mase_lag: usize,
    pub backtest: Vec<BacktestWindow>,
    pub leaderboard: Vec<LeaderboardRow>,
    pub notes: Vec<Text>,
    /// Plain-language summary.
    pub explanation: Text,
    /// Estimated effects of the series' flags (empty without flags).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flag_effects: Vec<FlagEffect>,
}

/// One row of the all-series table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    pub id: String,
    pub label: String,
    pub next_period: f64,
    pub next_lo: Option<f64>,
    pub next_hi: Option<f64>,
    pub horizon_total: f64,
    pub trend: Trend,
    /// Forecast mean over the horizon vs the mean of the last `horizon` periods, in percent.
    pub trend_pct: f64,
    pub model: String,
    pub backtest_mase: Option<f64>,
    /// A line that is not goods (postage, fees…) forecast at the SKU level
    /// ([`NamedSeries::not_goods`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_goods: bool,
}

/// The forecast report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastReport {
    pub params: ForecastParams,
    pub season: usize,
    pub series: Vec<SeriesForecast>,
    pub table: Vec<TableRow>,
    pub notes: Vec<Text>,
    pub explanation: Text,
}

impl ForecastReport {
    /// A report of `series` (the detailed ones) and `table` made with `params`: its season
    /// (`params.season`, or the frequency's default) and its "how was this computed" sentence
    /// follow from the parameters; no notes.
    pub fn new(params: &ForecastParams, series: Vec<SeriesForecast>, table: Vec<TableRow>) -> Self {
        let levels = params
            .levels
            .iter()
            .map(|l| format!("{l}%"))
            .collect::<Vec<_>>()
            .join(" / ");
        ForecastReport {
            params: params.clone(),
            season: params.season.unwrap_or(params.freq.season()),
            series,
            table,
            notes: Vec::new(),
            explanation: Text::new("forecast.how")
                .int("h", params.horizon)
                .str("levels", levels),
        }
    }
}

/// Input of [`forecast_many`]: a named series with period labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedSeries {
    pub id: String,
    pub label: String,
    pub periods: Vec<String>,
    pub values: Vec<f64>,
    /// Labels of the forecast periods (may be empty: "t+1", ... are used).
    pub future_periods: Vec<String>,
    /// Daily series of a shop closed on some weekdays: `closed[t % 7]` for period `t` (empty
    /// when every day is open). Those periods are left out of the fit and forecast 0.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed: Vec<bool>,
    /// Daily series of order lines: the periods (history `t < n`, horizon `n + k`) on which
    /// the shop is closed though it usually opens (holidays, [`super::series::closure_days`];
    /// ahead, the dates of a long closure a year before, [`super::series::annual_closures`]).
    /// The history's are filled in for the model ([`fill_closures`]), the horizon's are
    /// forecast 0.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shut: Vec<usize>,
    /// Weekly or monthly series of order lines: for each period ahead, the share of its usual
    /// sales made on the days the shop will open ([`super::series::period_open_shares`]; empty
    /// when no long closure a year before touches the horizon, or the history is two seasons
    /// or more). The forecast and its bounds are scaled by it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_share: Vec<f64>,
    /// Weekly or monthly series of order lines, of the total or a category: the periods of
    /// the history that closures cover in part, with the share of their usual sales made on
    /// the days the shop opened ([`super::series::period_open_shares`]); the models see them
    /// at a whole period's sales ([`fill_partial`]). A long closure's periods only when the
    /// history is shorter than two seasons (a seasonal model learns it). Not per product.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub part_open: Vec<(usize, f64)>,
    /// Known regressors (promotion or holiday flags of a series file): the model forecasts
    /// the series without their effects and adds the planned flags' effects back
    /// ([`super::xreg`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<SeriesFlags>,
    /// Postage, fees or an adjustment rather than goods (SKU-level series of order lines only).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_goods: bool,
}

/// Forecast order-line data (see [`run_with_progress`]).
pub fn run(data: &Dataset, params: &ForecastParams) -> Result<ForecastReport, ForecastError> {
    run_with_progress(data, params, &mut |_, _| {})
}

/// Aggregate `data.lines` per `params.level` / `params.freq` (zero-filled), then forecast every
/// series, calling `progress(done, total)` after each.
pub fn run_with_progress(
    data: &Dataset,
    params: &ForecastParams,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ForecastReport, ForecastError> {
    let (named, notes) = prepare(data, params)?;
    let mut report = forecast_many(&named, params, progress)?;
    report.notes.extend(notes);
    Ok(report)
}

/// [`run`] with the series forecast on up to `threads` threads (see
/// [`forecast_many_threads`]; the report does not depend on the thread count).
pub fn run_threads(
    data: &Dataset,
    params: &ForecastParams,
    threads: usize,
) -> Result<ForecastReport, ForecastError> {
    let (named, notes) = prepare(data, params)?;
    let mut report = forecast_many_threads(&named, params, threads, &mut |_, _| {})?;
    report.notes.extend(notes);
    Ok(report)
}

/// The series [`run_with_progress`] forecasts: `data.lines` aggregated per `params.level` and
/// `params.freq` (missing periods filled with zeros, an incomplete last period left out), with
/// the labels of their history and future periods; plus notes for the report. Callers that
/// forecast in slices (the Web Worker, to report progress and honour a cancel between slices)
/// call this once and then [`forecast_many`] per slice.
pub fn prepare(
    data: &Dataset,
    params: &ForecastParams,
) -> Result<(Vec<NamedSeries>, Vec<Text>), ForecastError> {
    params.validate()?;
    if params.measure == Measure::Revenue {
        crate::data::require_prices(data, Text::new("data.need.revenue_forecast"))
            .map_err(ForecastError::Data)?;
    }
    let Aggregation {
        mut series,
        last_dropped,
        only_in_dropped,
        first_dropped,
        only_in_first,
    } = aggregate(
        &data.lines,
        params.level,
        params.freq,
        params.measure,
        params.skus.as_deref(),
    );
    let freq = || match params.freq {
        Freq::Day => Text::new("forecast.freq.day"),
        Freq::Week => Text::new("forecast.freq.week"),
        Freq::Month => Text::new("forecast.freq.month"),
    };
    if series.is_empty() {
        if only_in_dropped + only_in_first > 0 {
            let key = if only_in_dropped > 0 {
                "forecast.err.only_in_last"
            } else {
                "forecast.err.only_in_partial"
            };
            return Err(ForecastError::Data(Text::new(key).text("freq", freq())));
        }
        return Err(ForecastError::NoSales);
    }
    let mut notes = Vec::new();
    if params.level == Level::Category {
        notes.extend(category_note(&series));
    }
    // Closed weekdays are judged on the shop's daily total: the series itself at total level,
    // one more aggregation otherwise. So are its closures (holidays) and the long ones that
    // come back a year later.
    let daily = params.freq == Freq::Day;
    let total = match (params.freq, params.level) {
        (Freq::Day, Level::Total) => series.first().cloned(),
        _ => aggregate(&data.lines, Level::Total, Freq::Day, Measure::Units, None)
            .series
            .into_iter()
            .next(),
    };
    // Sales are net of their cancellations and returns, as Inventory's demand (closures are
    // judged on what the shop sold, before: a day whose every sale was cancelled was open).
    let mut net_notes = Vec::new();
    let netted = net_returns(
        &mut series,
        &data.returns,
        &data.lines,
        params.level,
        params.freq,
        params.measure,
    );
    if netted.lines > 0 {
        let gone = series
            .iter()
            .filter(|s| s.values.iter().all(|v| *v == 0.0))
            .count();
        series.retain(|s| s.values.iter().any(|v| *v != 0.0));
        if series.is_empty() {
            return Err(ForecastError::NoSales);
        }
        let key = match params.measure {
            Measure::Units => "forecast.note.net_of_returns",
            Measure::Revenue => "forecast.note.net_of_returns_revenue",
        };
        net_notes.push(
            Text::new(key)
                .num("amount", netted.amount, 0)
                .int("lines", netted.lines)
                .text("freq", freq()),
        );
        if gone > 0 {
            net_notes.push(Text::new("forecast.note.all_cancelled").int("n", gone));
        }
    }
    let closed = total.as_ref().and_then(closed_weekdays);
    let weekdays = closed.map(|(days, _)| days);
    let closures = total
        .as_ref()
        .map(|t| closure_days(t, weekdays))
        .unwrap_or_default();
    let annual = annual_closures(&closures, weekdays);
    if daily {
        if let Some((days, weeks)) = closed {
            notes.push(
                Text::new("forecast.note.closed_days")
                    .text("days", weekday_list(&days))
                    .int("w", weeks),
            );
        }
        notes.extend(closure_notes(&closures, &annual, &series, params));
    }
    // Weeks and months ahead that a long closure a year before covers in part keep the share
    // of their sales made on the days the shop will open; a model of two seasons or more has
    // learnt the closure from the history already. The weeks and months of the history that
    // closures cover in part are seen by the models at a whole period's sales (the long
    // closures' only where the model has no season to learn them from).
    let m = params.season.unwrap_or(params.freq.season());
    let (shares, past) = match (daily, series.first(), &total) {
        (false, Some(s), Some(t)) if !closures.is_empty() => {
            let end = s.first_period + s.values.len() as i64;
            let start = series.iter().map(|s| s.first_period).min().unwrap_or(end);
            // the weekdays' usual sales are what customers kept
            let mut net = [t.clone()];
            net_returns(
                &mut net,
                &data.returns,
                &data.lines,
                Level::Total,
                Freq::Day,
                Measure::Units,
            );
            let shares = |periods: std::ops::Range<i64>, shut: &dyn Fn(i64) -> bool| {
                period_open_shares(&net[0], &closures, params.freq, periods, shut)
            };
            let closure = |d: i64| closures.binary_search(&d).is_ok();
            let long = |d: i64| annual.iter().any(|(a, b)| (*a..=*b).contains(&d));
            let ahead = match annual.is_empty() {
                true => Vec::new(),
                false => shares(end..end + params.horizon as i64, &|d| {
                    in_annual_closure(d, &annual)
                }),
            };
            // Totals and categories only: a product's few orders in a holiday week do not
            // shrink with its open days (on UCI per product it made the weekly MAE 2% worse,
            // BENCHMARKS.md).
            let past = (params.level != Level::Sku).then(|| PastShares {
                start,
                all: shares(start..end, &closure),
                short: shares(start..end, &|d| closure(d) && !long(d)),
            });
            (ahead, past)
        }
        _ => (Vec::new(), None),
    };
    if shares.iter().any(|f| *f < 1.0) {
        let end = series
            .first()
            .map(|s| s.first_period + s.values.len() as i64);
        notes.extend(end.and_then(|end| share_note(&annual, &shares, end, params.freq)));
    }
    let named: Vec<NamedSeries> = series
        .into_iter()
        .map(|s| {
            let n = s.values.len() as i64;
            // days only: the periods are days, `first_period` a day index
            let shut = match daily {
                true => shut_days(
                    &closures,
                    &annual,
                    s.first_period,
                    s.values.len(),
                    params.horizon,
                ),
                false => Vec::new(),
            };
            let seasonal = s.values.len() >= 2 * m && m > 1;
            let part_open = past
                .as_ref()
                .map(|p| p.of(s.first_period, s.values.len(), seasonal))
                .unwrap_or_default();
            NamedSeries {
                closed: match (daily, closed) {
                    (true, Some((days, _))) => closed_pattern(&days, s.first_period),
                    _ => Vec::new(),
                },
                shut,
                open_share: if seasonal { Vec::new() } else { shares.clone() },
                part_open,
                flags: None,
                periods: (0..n)
                    .map(|i| period_start(s.first_period + i, params.freq))
                    .collect(),
                future_periods: (0..params.horizon as i64)
                    .map(|i| period_start(s.first_period + n + i, params.freq))
                    .collect(),
                not_goods: params.level == Level::Sku
                    && non_product_reason(&s.id, &s.label).is_some(),
                id: s.id,
                label: s.label,
                values: s.values,
            }
        })
        .collect();
    let (named, mut notes) = non_goods(named, params.goods_only, notes)?;
    notes.extend(
        named
            .first()
            .and_then(|s| part_note(&s.part_open, &s.periods, params.freq)),
    );
    if let Some(date) = first_dropped {
        notes.push(
            Text::new("forecast.note.incomplete_first")
                .text("freq", freq())
                .str("date", date),
        );
        let new_groups = match params.level {
            Level::Sku => Some("forecast.note.only_in_first_sku"),
            Level::Category => Some("forecast.note.only_in_first_category"),
            Level::Total => None,
        };
        if let (Some(key), true) = (new_groups, only_in_first > 0) {
            notes.push(Text::new(key).int("n", only_in_first).text("freq", freq()));
        }
    }
    if last_dropped {
        notes.push(Text::new("forecast.note.incomplete_last").text("freq", freq()));
        let new_groups = match params.level {
            Level::Sku => Some("forecast.note.only_in_last_sku"),
            Level::Category => Some("forecast.note.only_in_last_category"),
            Level::Total => None,
        };
        if let (Some(key), true) = (new_groups, only_in_dropped > 0) {
            notes.push(
                Text::new(key)
                    .int("n", only_in_dropped)
                    .text("freq", freq()),
            );
        }
    }
    notes.extend(net_notes);
    Ok((named, notes))
}

/// [`NamedSeries::closed`] of a daily series from day `first`: whether its `t`-th day of the
/// week (`t % 7`) is one of the `closed` weekdays (Monday = 0).
pub(super) fn closed_pattern(closed: &[bool; 7], first: i64) -> Vec<bool> {
    (0..7).map(|j| closed[weekday(first + j)]).collect()
}

/// [`NamedSeries::shut`] of a daily series of `n` days from day `first`: its `closures` (day
/// numbers) inside the history, then the steps of a `horizon` ahead that fall on the dates of
/// an `annual` closure a year before.
pub(super) fn shut_days(
    closures: &[i64],
    annual: &[(i64, i64)],
    first: i64,
    n: usize,
    horizon: usize,
) -> Vec<usize> {
    let n = n as i64;
    let ahead = (0..horizon as i64).filter(|k| in_annual_closure(first + n + k, annual));
    closures
        .iter()
        .map(|d| d - first)
        .filter(|t| (0..n).contains(t))
        .chain(ahead.map(|k| n + k))
        .map(|t| t as usize)
        .collect()
}

/// The SKU-level series that are not goods: left out with a note when `goods_only`, else kept
/// (marked) with a note naming them. An error when nothing but them is left.
fn non_goods(
    named: Vec<NamedSeries>,
    goods_only: bool,
    mut notes: Vec<Text>,
) -> Result<(Vec<NamedSeries>, Vec<Text>), ForecastError> {
    let ids: Vec<&str> = named
        .iter()
        .filter(|s| s.not_goods)
        .map(|s| s.id.as_str())
        .collect();
    if ids.is_empty() {
        return Ok((named, notes));
    }
    let codes = crate::analytics::basket::nonproduct::code_list(ids.iter().copied());
    let key = if goods_only {
        "forecast.note.non_products_left_out"
    } else {
        "forecast.note.non_products"
    };
    notes.push(Text::new(key).int("n", ids.len()).str("codes", codes));
    if !goods_only {
        return Ok((named, notes));
    }
    let goods: Vec<NamedSeries> = named.into_iter().filter(|s| !s.not_goods).collect();
    if goods.is_empty() {
        return Err(ForecastError::Data(Text::new(
            "forecast.err.only_non_goods",
        )));
    }
    Ok((goods, notes))
}

/// The open days' shares of the history's periods, from period `start` on
/// ([`super::series::period_open_shares`]): with every closure day shut (`all`), or all but
/// those of the long closures (`short`).
struct PastShares {
    start: i64,
    all: Vec<f64>,
    short: Vec<f64>,
}

impl PastShares {
    /// [`NamedSeries::part_open`] of a series of `n` periods from `first`.
    fn of(&self, first: i64, n: usize, seasonal: bool) -> Vec<(usize, f64)> {
        let v = if seasonal { &self.short } else { &self.all };
        (0..n)
            .filter_map(|t| {
                let k = usize::try_from(first + t as i64 - self.start).ok()?;
                v.get(k).filter(|f| **f < 1.0).map(|f| (t, *f))
            })
            .collect()
    }
}

/// The note on the history's periods closures cover in part (those of `s`, the largest
/// series): listed with their shares, the first six.
pub(super) fn part_note(part: &[(usize, f64)], periods: &[String], freq: Freq) -> Option<Text> {
    if part.is_empty() {
        return None;
    }
    let mut list: Vec<String> = part
        .iter()
        .take(6)
        .map(|(t, f)| {
            let label = periods.get(*t).map_or("", String::as_str);
            format!("{label} {:.0}%", 100.0 * f)
        })
        .collect();
    if part.len() > 6 {
        list.push("…".into());
    }
    Some(
        Text::new(match freq {
            Freq::Month => "forecast.note.closure_months",
            _ => "forecast.note.closure_weeks",
        })
        .int("n", part.len())
        .str("list", list.join(", ")),
    )
}

/// The note on weeks or months ahead that a long closure a year before covers in part: the
/// closure and each such period's share.
pub(super) fn share_note(
    annual: &[(i64, i64)],
    shares: &[f64],
    end: i64,
    freq: Freq,
) -> Option<Text> {
    // the closure whose dates the horizon reaches
    let days = period_first_day(end, freq)..period_first_day(end + shares.len() as i64, freq);
    let (first, last) = annual
        .iter()
        .find(|r| days.clone().any(|d| in_annual_closure(d, &[**r])))?;
    let list: Vec<String> = shares
        .iter()
        .enumerate()
        .filter(|(_, f)| **f < 1.0)
        .map(|(k, f)| format!("{} {:.0}%", period_start(end + k as i64, freq), 100.0 * f))
        .collect();
    Some(
        Text::new(match freq {
            Freq::Month => "forecast.note.annual_closure_months",
            _ => "forecast.note.annual_closure_weeks",
        })
        .str("from", period_start(*first, Freq::Day))
        .str("to", period_start(*last, Freq::Day))
        .str("list", list.join(", ")),
    )
}

/// The notes on a shop's closures: the days it sold nothing though it usually opens, and the
/// long closures a year before whose dates fall in the horizon (forecast 0).
fn closure_notes(
    closures: &[i64],
    annual: &[(i64, i64)],
    series: &[AggregatedSeries],
    params: &ForecastParams,
) -> Vec<Text> {
    let mut notes = Vec::new();
    if closures.is_empty() {
        return notes;
    }
    notes.push(
        Text::new("forecast.note.closures")
            .int("n", closures.len())
            .str("list", day_list(closures)),
    );
    let Some(s) = series.first() else {
        return notes;
    };
    let start = s.first_period + s.values.len() as i64;
    notes.extend(annual_closure_notes(
        annual,
        start..start + params.horizon as i64,
    ));
    notes
}

/// The notes on the long closures a year before whose dates fall on the `days` ahead (those
/// days are forecast 0).
pub(super) fn annual_closure_notes(annual: &[(i64, i64)], days: std::ops::Range<i64>) -> Vec<Text> {
    annual
        .iter()
        .filter(|r| days.clone().any(|d| in_annual_closure(d, &[**r])))
        .map(|(first, last)| {
            Text::new("forecast.note.annual_closure")
                .str("from", period_start(*first, Freq::Day))
                .str("to", period_start(*last, Freq::Day))
        })
        .collect()
}

/// "Saturday", "Saturday and Sunday", "Monday, Saturday and Sunday".
pub fn weekday_list(days: &[bool; 7]) -> Text {
    const KEYS: [&str; 7] = [
        "forecast.weekday.mon",
        "forecast.weekday.tue",
        "forecast.weekday.wed",
        "forecast.weekday.thu",
        "forecast.weekday.fri",
        "forecast.weekday.sat",
        "forecast.weekday.sun",
    ];
    let mut names = KEYS
        .iter()
        .zip(days)
        .filter(|(_, c)| **c)
        .map(|(k, _)| Text::new(k))
        .rev();
    let Some(mut list) = names.next() else {
        return Text::raw(String::new());
    };
    if let Some(before) = names.next() {
        list = Text::new("forecast.list.and")
            .text("a", before)
            .text("b", list);
    }
    for before in names {
        list = Text::new("forecast.list.comma")
            .text("a", before)
            .text("b", list);
    }
    list
}

/// At category level: say when the lines have no category at all (one group, "(none)"), or
/// what share of the sales has none.
fn category_note(series: &[AggregatedSeries]) -> Option<Text> {
    let none = series.iter().find(|s| s.id == NO_GROUP_ID)?;
    if series.len() == 1 {
        return Some(Text::new("forecast.note.no_category"));
    }
    let sum = |s: &AggregatedSeries| s.values.iter().map(|v| v.abs()).sum::<f64>();
    let total: f64 = series.iter().map(sum).sum();
    (total > 0.0)
        .then(|| Text::new("forecast.note.some_uncategorised").pct("p", sum(none) / total, 0))
}

fn mean(x: &[f64]) -> f64 {
    if x.is_empty() {
        0.0
    } else {
        x.iter().sum::<f64>() / x.len() as f64
    }
}

/// Shard `shard` of `series` for a table-only forecast in another worker: the series it takes
/// (interleaved, see [`Shard`]) without their period labels, which only the detailed forecast
/// reads.
pub fn table_shard(series: &[NamedSeries], shard: Shard) -> Vec<NamedSeries> {
    series
        .iter()
        .enumerate()
        .filter(|(i, _)| shard.takes(*i))
        .map(|(_, s)| NamedSeries {
            id: s.id.clone(),
            label: s.label.clone(),
            periods: Vec::new(),
            values: s.values.clone(),
            future_periods: Vec::new(),
            closed: s.closed.clone(),
            shut: s.shut.clone(),
            open_share: s.open_share.clone(),
            part_open: s.part_open.clone(),
            flags: s.flags.clone(),
            not_goods: s.not_goods,
        })
        .collect()
}

/// The all-series table put back together from the tables of its shards (any order): rows in
/// `series` order, as [`forecast_many`] on the whole gives them (each series is forecast on
/// its own, so the rows are the same).
pub fn join_tables(series: &[NamedSeries], parts: Vec<Vec<TableRow>>) -> Vec<TableRow> {
    let index: std::collections::HashMap<&str, usize> = series
        .iter()
        .enumerate()
        .rev()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut rows: Vec<TableRow> = parts.into_iter().flatten().collect();
    rows.sort_by_key(|r| index.get(r.id.as_str()).copied().unwrap_or(usize::MAX));
    rows
}

/// Forecast each series with `params.model` (`auto`: backtest selection), `params.season` (or
/// the frequency's default) and `params.horizon`, one after another.
pub fn forecast_many(
    input: &[NamedSeries],
    params: &ForecastParams,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ForecastReport, ForecastError> {
    forecast_many_threads(input, params, 1, progress)
}

/// [`forecast_many`] on up to `threads` threads (native builds; in WebAssembly, which has no
/// threads here, always one). Each series is forecast on its own, so the report is the same
/// whatever the thread count: series and table rows stay in input order, and the first
/// failing series (in input order) gives the error. `progress(done, total)` is called on the
/// calling thread after each series.
pub fn forecast_many_threads(
    input: &[NamedSeries],
    params: &ForecastParams,
    threads: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ForecastReport, ForecastError> {
    params.validate()?;
    let m = params.season.unwrap_or(params.freq.season());
    // The first `detail_limit` non-empty series get full detail.
    let detail = params.detail_limit.unwrap_or(usize::MAX);
    let mut seen = 0usize;
    let detailed: Vec<bool> = input
        .iter()
        .map(|s| {
            if s.values.is_empty() {
                return false;
            }
            seen += 1;
            seen <= detail
        })
        .collect();
    let one = |i: usize| forecast_one(&input[i], params, m, detailed[i]);
    let results = run_indexed(input.len(), threads, &one, progress);
    let mut series = Vec::new();
    let mut table = Vec::new();
    for r in results {
        if let Some((row, full)) = r? {
            table.push(row);
            series.extend(full);
        }
    }
    Ok(ForecastReport::new(params, series, table))
}

/// The result of one series: its table row and, when detailed, its full forecast (`None`
/// for an empty series).
type OneResult = Result<Option<(TableRow, Option<SeriesForecast>)>, ForecastError>;

/// `f(0..n)` in index order, on up to `threads` threads (one in WebAssembly), calling
/// `progress(done, n)` on this thread after each. The results run up to and including the
/// first failure in index order (after a failure no new index is started; every index below
/// one that was started has run, so that first failure is the one a single thread meets).
fn run_indexed(
    n: usize,
    threads: usize,
    f: &(dyn Fn(usize) -> OneResult + Sync),
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<OneResult> {
    let threads = if cfg!(target_arch = "wasm32") {
        1
    } else {
        threads.clamp(1, n.max(1))
    };
    if threads == 1 {
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let r = f(i);
            let failed = r.is_err();
            out.push(r);
            progress(i + 1, n);
            if failed {
                break;
            }
        }
        return out;
    }
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut slots: Vec<Option<OneResult>> = (0..n).map(|_| None).collect();
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<(usize, OneResult)>();
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || loop {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let r = f(i);
                if r.is_err() {
                    stop.store(true, Ordering::Relaxed);
                }
                if tx.send((i, r)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut done = 0;
        for (i, r) in rx {
            slots[i] = Some(r);
            done += 1;
            progress(done, n);
        }
    });
    // In order up to the first failure; after a failure later indices may be missing.
    let mut out = Vec::with_capacity(n);
    for s in slots {
        match s {
            Some(r) => {
                let failed = r.is_err();
                out.push(r);
                if failed {
                    break;
                }
            }
            None => break,
        }
    }
    out
}

/// The open periods of a daily series whose shop closes on some weekdays
/// ([`NamedSeries::closed`]).
struct OpenDays {
    /// Indices of the open periods of the history, in order.
    history: Vec<usize>,
    /// Steps (0-based) of the horizon that fall on open days.
    future: Vec<usize>,
    closed: Vec<bool>,
    /// Season of the open-day series: the open days of a week.
    season: usize,
}

impl OpenDays {
    fn of(s: &NamedSeries, m: usize, h: usize) -> Option<OpenDays> {
        let c = &s.closed;
        let n_closed = c.iter().filter(|x| **x).count();
        if c.len() != m || n_closed == 0 || n_closed == m {
            return None;
        }
        let n = s.values.len();
        let history: Vec<usize> = (0..n).filter(|t| !c[t % m]).collect();
        // An order series starts with a sale, on an open day; `closed` is public all the same.
        (!history.is_empty()).then(|| OpenDays {
            history,
            future: (0..h).filter(|k| !c[(n + k) % m]).collect(),
            closed: c.clone(),
            season: m - n_closed,
        })
    }

    /// The open-day forecast spread over the `h` calendar steps, 0 (bounds too) on closed days.
    fn expand(&self, fc: Forecast, h: usize) -> Forecast {
        let spread = |v: &[f64]| {
            let mut out = vec![0.0; h];
            for (k, x) in self.future.iter().zip(v) {
                out[*k] = *x;
            }
            out
        };
        Forecast {
            mean: spread(&fc.mean),
            intervals: fc
                .intervals
                .iter()
                .map(|iv| Interval {
                    level: iv.level,
                    lower: spread(&iv.lower),
                    upper: spread(&iv.upper),
                })
                .collect(),
        }
    }

    /// A backtest window of the open-day series (first forecast period `start`, in open days)
    /// on the calendar: from its first period on, 0 on closed days.
    fn expand_window(&self, start: usize, f: &[f64]) -> Option<(usize, Vec<f64>)> {
        let first = *self.history.get(start)?;
        let m = self.closed.len();
        let mut out = Vec::with_capacity(f.len() + f.len() / 2);
        let mut t = first;
        for v in f {
            while self.closed[t % m] {
                out.push(0.0);
                t += 1;
            }
            out.push(*v);
            t += 1;
        }
        Some((first, out))
    }
}

/// A daily series with its closure days (`shut`, [`NamedSeries::shut`]; those of the history)
/// filled in for the model: the mean of the same weekday a week before and a week after (two
/// or three weeks when those were closures too or outside the series); a day with no such
/// neighbour keeps its value. A closure is a missing observation, not a sale of 0; missing
/// values are replaced by estimates before the models are fitted, as in Hyndman &
/// Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §13.9, the estimate here
/// being the same weekday's neighbours (the weekly season of daily sales).
pub(super) fn fill_closures(y: &[f64], shut: &[usize]) -> Vec<f64> {
    let mut out = y.to_vec();
    let is_shut = |t: usize| shut.contains(&t);
    for &t in shut.iter().filter(|t| **t < y.len()) {
        if let Some(v) = neighbour_mean(y, t, [7, 14, 21], is_shut) {
            out[t] = v;
        }
    }
    out
}

/// The mean of `y` at `t − step` and `t + step` for the first of `steps` with at least one
/// of them inside `y` and not `skip`ped; `None` when no step has one.
fn neighbour_mean(
    y: &[f64],
    t: usize,
    steps: [usize; 3],
    skip: impl Fn(usize) -> bool,
) -> Option<f64> {
    steps.into_iter().find_map(|step| {
        let near: Vec<f64> = [t.checked_sub(step), Some(t + step)]
            .into_iter()
            .flatten()
            .filter(|&u| u < y.len() && !skip(u))
            .map(|u| y[u])
            .collect();
        (!near.is_empty()).then(|| near.iter().sum::<f64>() / near.len() as f64)
    })
}

/// The open days' shares below which a period of the history is taken as missing rather than
/// scaled up ([`fill_partial`]).
pub const PART_OPEN_MIN: f64 = 0.5;

/// A weekly or monthly series with the periods closures cover in part (`part`, pairs of a
/// period and the share of its usual sales its open days make, [`NamedSeries::part_open`])
/// seen at a whole period's sales: `y_t / f_t` when `f_t ≥` [`PART_OPEN_MIN`], else (a period
/// closed most of the time) the mean of the nearest periods before and after that no closure
/// touches (up to three away; none: the value stays). As [`fill_closures`] for days: a closure
/// is a missing observation, not a slump (Hyndman & Athanasopoulos, *Forecasting: Principles
/// and Practice*, 3rd ed., §13.9).
pub(super) fn fill_partial(y: &[f64], part: &[(usize, f64)]) -> Vec<f64> {
    let mut out = y.to_vec();
    let touched = |t: usize| part.iter().any(|(u, _)| *u == t);
    for &(t, f) in part.iter().filter(|(t, _)| *t < y.len()) {
        if f >= PART_OPEN_MIN {
            out[t] = y[t] / f;
        } else if let Some(v) = neighbour_mean(y, t, [1, 2, 3], touched) {
            out[t] = v;
        }
    }
    out
}

/// A forecast with step `k` (bounds too) multiplied by `share[k]` (steps beyond: as they are).
fn scale_steps(mut fc: Forecast, share: &[f64]) -> Forecast {
    // + 0.0: no −0 from a negative bound times 0
    let scale = |v: &mut Vec<f64>| {
        for (x, f) in v.iter_mut().zip(share) {
            *x = *x * f + 0.0;
        }
    };
    scale(&mut fc.mean);
    for iv in &mut fc.intervals {
        scale(&mut iv.lower);
        scale(&mut iv.upper);
    }
    fc
}

/// A forecast with the steps `closed` (0-based) set to 0, bounds too.
fn close_days(fc: Forecast, closed: impl Iterator<Item = usize>) -> Forecast {
    let mut share = vec![1.0; fc.mean.len()];
    for k in closed {
        if let Some(f) = share.get_mut(k) {
            *f = 0.0;
        }
    }
    scale_steps(fc, &share)
}

/// Forecast one series (see [`forecast_many`]).
fn forecast_one(s: &NamedSeries, params: &ForecastParams, m: usize, detailed: bool) -> OneResult {
    let h = params.horizon;
    let y = &s.values;
    if y.is_empty() {
        return Ok(None);
    }
    let opt = AutoOptions {
        fast: !detailed && params.table_mode == TableMode::Fast,
        origins: params.backtest_origins,
        candidates: if params.model == ModelKind::Auto {
            None
        } else {
            Some(vec![params.model])
        },
        informative_backtest: params.informative_backtest,
        ..AutoOptions::default()
    };
    // A shop closed on some weekdays: the model sees the open days only (a season of the open
    // days), and the closed days of the horizon are forecast 0.
    let open = OpenDays::of(s, m, h);
    // Flags (series files): the model sees the baseline `y − Σ β x`, the planned flags'
    // effects are added back to its forecasts.
    let mut flag_notes = Vec::new();
    let flagged = match (&s.flags, &open) {
        (Some(f), None) => Flagged::fit(f, y, m, &mut flag_notes),
        _ => None,
    };
    // Closures (holidays) are filled in: the model should not read them as a slump.
    let filled = fill_partial(&fill_closures(y, &s.shut), &s.part_open);
    let (y_fit, m_fit, h_fit) = match (&open, &flagged) {
        (Some(o), _) => (
            o.history.iter().map(|t| filled[*t]).collect::<Vec<f64>>(),
            o.season,
            o.future.len().max(1),
        ),
        (None, Some(f)) => (f.baseline(&filled), m, h),
        (None, None) => (filled.clone(), m, h),
    };
    // With flags the automatic choice is the regression with ARIMA errors: the errors' ARIMA
    // fitted jointly with the effects forecasts the baseline (the backtest refits ARIMA on
    // each window's baseline).
    let dynamic = flagged.is_some() && params.model == ModelKind::Auto;
    let opt = if dynamic {
        flag_notes.push(Text::new("forecast.note.flags_auto"));
        AutoOptions {
            candidates: Some(vec![ModelKind::Arima]),
            ..opt
        }
    } else {
        opt
    };
    let bt_h = h_fit.min((y_fit.len() / 4).max(1));
    // The jointly fitted errors are the final model: no second ARIMA search on the baseline.
    let prefit: Option<Box<dyn FittedModel>> = match (dynamic, &flagged) {
        (true, Some(f)) => Some(Box::new(f.fit.errors.clone())),
        _ => None,
    };
    let auto = auto_forecast_with(&y_fit, m_fit, bt_h, &opt, prefit)?;
    let fc = auto.model.predict(h_fit, &params.levels);
    let fc = match (&open, &flagged) {
        (Some(o), _) => o.expand(fc, h),
        (None, Some(f)) => f.add_future(fc, h),
        (None, None) => fc,
    };
    let backtest_windows: Vec<(usize, Vec<f64>)> = match (&open, &flagged) {
        (Some(o), _) => auto
            .backtest
            .iter()
            .filter_map(|(start, f)| o.expand_window(*start, f))
            .collect(),
        (None, Some(f)) => f.add_history(&auto.backtest),
        (None, None) => auto.backtest.clone(),
    };
    if let Some(f) = &flagged {
        flag_notes.extend(f.notes(h));
    }
    // Sales series that never went negative get non-negative forecasts.
    let fc = if y.iter().all(|v| *v >= 0.0) {
        fc.floor_at(0.0)
    } else {
        fc
    };
    // the days of a closure ahead sell nothing
    let fc = close_days(fc, s.shut.iter().filter_map(|t| t.checked_sub(y.len())));
    // weeks or months a closure covers in part: the share sold on the days the shop opens
    let fc = scale_steps(fc, &s.open_share);
    let model = match &flagged {
        Some(f) => f.label(&auto.model.name()),
        None => auto.model.name(),
    };
    let backtest_mase = auto
        .leaderboard
        .iter()
        .find(|r| r.model == auto.chosen)
        .and_then(|r| r.mase);
    let recent = mean(&filled[filled.len().saturating_sub(h)..]);
    let fmean = mean(&fc.mean);
    let trend_pct = if recent.abs() > 1e-12 {
        100.0 * (fmean - recent) / recent.abs()
    } else if fmean.abs() > 1e-12 {
        100.0
    } else {
        0.0
    };
    let trend = if trend_pct > 5.0 {
        Trend::Up
    } else if trend_pct < -5.0 {
        Trend::Down
    } else {
        Trend::Flat
    };
    let first_iv = fc.intervals.first();
    let row = TableRow {
        id: s.id.clone(),
        label: s.label.clone(),
        next_period: fc.mean.first().copied().unwrap_or(0.0),
        next_lo: first_iv.and_then(|iv| iv.lower.first().copied()),
        next_hi: first_iv.and_then(|iv| iv.upper.first().copied()),
        horizon_total: fc.mean.iter().sum(),
        trend,
        trend_pct,
        model: model.clone(),
        backtest_mase,
        not_goods: s.not_goods,
    };
    if !detailed {
        return Ok(Some((row, None)));
    }
    let explanation = explain(
        &model,
        auto.chosen,
        (m_fit, y_fit.len()),
        backtest_mase.map(|v| (v, auto.mase_lag)),
        trend,
        trend_pct,
        h,
    );
    // The planned periods, else the periods after the history as the file labels them
    // (`2024-01-08`, `2024-03`, `2024-W05`…), else `t+k`.
    let forecast_periods = if s.future_periods.len() == h {
        s.future_periods.clone()
    } else {
        super::series::next_labels(&s.periods, h)
            .unwrap_or_else(|| (1..=h).map(|k| format!("t+{k}")).collect())
    };
    let full = SeriesForecast {
        id: s.id.clone(),
        label: s.label.clone(),
        periods: s.periods.clone(),
        history: y.clone(),
        forecast_periods,
        forecast: fc,
        model,
        chosen: auto.chosen,
        backtest_mase,
        mase_lag: auto.mase_lag,
        backtest: backtest_windows
            .iter()
            .map(|(start, f)| BacktestWindow {
                start: s.periods.get(*start).cloned().unwrap_or_default(),
                forecast: f.clone(),
            })
            .collect(),
        leaderboard: auto.leaderboard,
        notes: auto.notes.into_iter().chain(flag_notes).collect(),
        explanation,
        flag_effects: flagged.map(|f| f.fit.effects).unwrap_or_default(),
    };
    Ok(Some((row, Some(full))))
}

/// A series' flags with their fitted effects ([`super::xreg`]).
struct Flagged<'a> {
    flags: &'a SeriesFlags,
    fit: xreg::FlagFit,
}

impl<'a> Flagged<'a> {
    /// Estimate the effects of `flags` on `y`; `None`, with a note saying why, when they
    /// cannot be used.
    fn fit(flags: &'a SeriesFlags, y: &[f64], m: usize, notes: &mut Vec<Text>) -> Option<Self> {
        match xreg::fit(y, m, flags) {
            Ok(Some(fit)) => Some(Flagged { flags, fit }),
            Ok(None) => {
                notes.push(
                    Text::new("forecast.note.flags_constant").str("names", flags.names.join(", ")),
                );
                None
            }
            Err(e) => {
                notes.push(Text::new("forecast.note.flags_failed").text("error", e.text()));
                None
            }
        }
    }

    /// The history without the flags' effects: `y_t − Σ_j β_j x_{j,t}`.
    fn baseline(&self, y: &[f64]) -> Vec<f64> {
        y.iter()
            .enumerate()
            .map(|(t, v)| v - self.flags.history_effect(&self.fit, t))
            .collect()
    }

    /// A forecast of the baseline plus the effects of the flags planned for each step.
    fn add_future(&self, fc: Forecast, h: usize) -> Forecast {
        let effect: Vec<f64> = (0..h)
            .map(|k| self.flags.future_effect(&self.fit, k))
            .collect();
        fc.shifted(&effect)
    }

    /// Backtest windows of the baseline plus the flags' effects in those periods.
    fn add_history(&self, windows: &[(usize, Vec<f64>)]) -> Vec<(usize, Vec<f64>)> {
        windows
            .iter()
            .map(|(start, w)| {
                let back = w
                    .iter()
                    .enumerate()
                    .map(|(i, v)| v + self.flags.history_effect(&self.fit, start + i))
                    .collect();
                (*start, back)
            })
            .collect()
    }

    /// The model's name with the flags: `ARIMA(0,1,1) + flags (Promo1, Promo2)`.
    fn label(&self, model: &str) -> String {
        let names: Vec<&str> = self.fit.effects.iter().map(|e| e.name.as_str()).collect();
        format!("{model} + flags ({})", names.join(", "))
    }

    /// What was estimated, what was left out, and whether the file plans every step.
    fn notes(&self, h: usize) -> Vec<Text> {
        let effects = self
            .fit
            .effects
            .iter()
            .map(|e| format!("{} {:+.2}", e.name, e.effect))
            .collect::<Vec<_>>()
            .join(", ");
        let mut notes = vec![Text::new("forecast.note.flags")
            .str("effects", effects)
            .str("order", self.fit.order.label())];
        if !self.fit.constant.is_empty() {
            notes.push(
                Text::new("forecast.note.flags_constant")
                    .str("names", self.fit.constant.join(", ")),
            );
        }
        let known = self.flags.known_steps();
        if known < h {
            notes.push(
                Text::new("forecast.note.flags_unknown")
                    .int("known", known)
                    .int("h", h),
            );
        }
        notes
    }
}

/// `mase`: the backtest MASE and the lag of the naive forecast it is scaled by.
/// `(m, n)`: the season the model was fitted with and the history's length (a temporal
/// hierarchy adds up blocks of every divisor of `m` that the history holds once).
fn explain(
    model: &str,
    chosen: ModelKind,
    (m, n): (usize, usize),
    mase: Option<(f64, usize)>,
    trend: Trend,
    pct: f64,
    h: usize,
) -> Text {
    // A temporal hierarchy's block sizes: the divisors of the season above 1 that the history
    // holds at least once ("2, 3, 4, 6, 12"; `ThiefModel` leaves out levels without a block).
    let blocks = || {
        let d: Vec<String> = super::thief::divisors(m.max(1))
            .into_iter()
            .skip(1)
            .filter(|k| *k <= n)
            .map(|k| k.to_string())
            .collect();
        d.join(", ")
    };
    let how = match chosen {
        ModelKind::Ensemble => Text::new("forecast.how.ensemble"),
        // ETS(A,N,N) / ETS(M,N,N), what a short history gets: no trend or season to describe.
        ModelKind::Ets if model.ends_with(",N,N)") => Text::new("forecast.how.ets_level"),
        ModelKind::Ets => Text::new("forecast.how.ets"),
        ModelKind::Arima => Text::new("forecast.how.arima"),
        ModelKind::Theta => Text::new("forecast.how.theta"),
        ModelKind::Nnar => Text::new("forecast.how.nnar"),
        ModelKind::Ces => Text::new("forecast.how.ces"),
        ModelKind::Thief => Text::new("forecast.how.thief").str("blocks", blocks()),
        ModelKind::ThiefArima => Text::new("forecast.how.thief_arima").str("blocks", blocks()),
        ModelKind::ThiefTheta => Text::new("forecast.how.thief_theta").str("blocks", blocks()),
        ModelKind::SeasonalNaive => Text::new("forecast.how.seasonal_naive"),
        ModelKind::Naive => Text::new("forecast.how.naive"),
        ModelKind::Imapa
        | ModelKind::Adida
        | ModelKind::Croston
        | ModelKind::CrostonOptimized
        | ModelKind::Sba
        | ModelKind::Tsb
        | ModelKind::IntermittentEnsemble => Text::new("forecast.how.intermittent"),
        _ => Text::new("forecast.how.other"),
    };
    let acc = match mase {
        Some((v, lag)) if lag > 1 => Text::new("forecast.acc.mase").num("v", v, 2).int("m", lag),
        Some((v, _)) => Text::new("forecast.acc.mase_naive").num("v", v, 2),
        None => Text::new("forecast.acc.none"),
    };
    let dir = match trend {
        Trend::Up => Text::new("forecast.dir.up").num("p", pct, 0),
        Trend::Down => Text::new("forecast.dir.down").num("p", -pct, 0),
        Trend::Flat => Text::new("forecast.dir.flat"),
    };
    Text::new("forecast.explain")
        .text("how", how)
        .str("model", model)
        .text("acc", acc)
        .int("h", h)
        .text("dir", dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A temporal hierarchy's explanation names the blocks of its own season that the history
    /// holds: months add up in 2, 3, 4, 6 and 12, weeks in 2, 4, 13, 26 and 52 (not "months"
    /// on a weekly series), and 17 weeks only in 2, 4 and 13.
    #[test]
    fn thief_explanation_names_the_seasons_blocks() {
        for (m, n, blocks) in [
            (12, 48, "2, 3, 4, 6, 12"),
            (52, 120, "2, 4, 13, 26, 52"),
            (52, 17, "2, 4, 13"),
            (7, 30, "7"),
        ] {
            for kind in [
                ModelKind::Thief,
                ModelKind::ThiefArima,
                ModelKind::ThiefTheta,
            ] {
                let t = explain("THieF", kind, (m, n), None, Trend::Flat, 0.0, 4);
                let en = t.en();
                let want = format!("larger blocks of {blocks} periods, each");
                assert!(en.contains(&want), "{en}");
                assert!(!en.contains("months"), "{en}");
                let zh = t.render(crate::text::Lang::Zh);
                assert!(zh.contains(&format!("按每 {blocks} 期加总")), "{zh}");
            }
        }
    }

    /// Weeks closures cover in part are seen at a whole week's sales; one closed most of the
    /// time takes the mean of the nearest untouched weeks.
    #[test]
    fn partly_closed_periods_are_seen_whole() {
        let y = [10.0, 10.0, 5.0, 0.0, 8.0, 12.0];
        let part = [(2, 0.5), (3, 0.0), (4, 0.8)];
        // 5 / 0.5, the mean of weeks 1 and 5 (2 and 4 are touched too), 8 / 0.8
        assert_eq!(
            fill_partial(&y, &part),
            [10.0, 10.0, 10.0, 11.0, 10.0, 12.0]
        );
        // nothing untouched within three weeks: the value stays
        assert_eq!(fill_partial(&[0.0, 0.0], &[(0, 0.0), (1, 0.2)]), [0.0, 0.0]);
        assert_eq!(fill_partial(&y, &[]), y);
        // A history of two seasons keeps its long closures (`short` leaves them out).
        let past = PastShares {
            start: 100,
            all: vec![1.0, 0.5, 0.0, 0.9],
            short: vec![1.0, 1.0, 1.0, 0.9],
        };
        assert_eq!(past.of(101, 3, false), [(0, 0.5), (1, 0.0), (2, 0.9)]);
        assert_eq!(past.of(101, 3, true), [(2, 0.9)]);
        assert_eq!(past.of(99, 2, false), []);
    }

    #[test]
    fn closures_are_filled_from_the_same_weekday() {
        let y: Vec<f64> = (0..21).map(|t| (t % 7 * 10 + t) as f64).collect();
        // the mean of a week before and after
        let f = fill_closures(&y, &[10]);
        assert_eq!(f[10], (y[3] + y[17]) / 2.0);
        assert_eq!(f[..10], y[..10]);
        assert_eq!(f[11..], y[11..]);
        // the last day: the week before only; future periods are left to the forecast
        assert_eq!(fill_closures(&y, &[20, 25])[20], y[13]);
        // a closure a week after: two weeks after
        let f = fill_closures(&y, &[3, 10]);
        assert_eq!((f[3], f[10]), (y[17], y[17]));
        // no neighbour: the value stays
        assert_eq!(fill_closures(&y[..5], &[2]), y[..5]);
        let fc = Forecast {
            mean: vec![1.0, 2.0, 3.0],
            intervals: vec![Interval {
                level: 80.0,
                lower: vec![0.5, 1.5, 2.5],
                upper: vec![1.5, 2.5, 3.5],
            }],
        };
        let closed = close_days(fc, [1, 7].into_iter());
        assert_eq!(closed.mean, [1.0, 0.0, 3.0]);
        assert_eq!(closed.intervals[0].lower, [0.5, 0.0, 2.5]);
        assert_eq!(closed.intervals[0].upper, [1.5, 0.0, 3.5]);
    }

    #[test]
    fn closed_days_are_listed_and_expanded() {
        let days = |c: &[usize]| {
            let mut d = [false; 7];
            for i in c {
                d[*i] = true;
            }
            d
        };
        assert_eq!(weekday_list(&days(&[5])).en(), "Saturday");
        assert_eq!(weekday_list(&days(&[5, 6])).en(), "Saturday and Sunday");
        assert_eq!(
            weekday_list(&days(&[0, 5, 6])).en(),
            "Monday, Saturday and Sunday"
        );
        assert_eq!(
            weekday_list(&days(&[0, 5, 6])).render(crate::text::Lang::Zh),
            "星期一、星期六和星期日"
        );
        // A series of 9 days from a Wednesday (closed: Saturday, Sunday), 5 steps ahead.
        let mut closed = vec![false; 7];
        closed[3] = true; // Saturday is position 3 from Wednesday
        closed[4] = true;
        let s = NamedSeries {
            id: "x".into(),
            label: "x".into(),
            periods: Vec::new(),
            values: vec![5.0, 6.0, 7.0, 0.0, 0.0, 8.0, 9.0, 5.0, 6.0],
            future_periods: Vec::new(),
            closed,
            shut: Vec::new(),
            open_share: Vec::new(),
            part_open: Vec::new(),
            flags: None,
            not_goods: false,
        };
        let o = OpenDays::of(&s, 7, 5).expect("closed days");
        assert_eq!(o.history, vec![0, 1, 2, 5, 6, 7, 8]);
        // the horizon starts on a Friday: Fri, Sat, Sun, Mon, Tue
        assert_eq!(o.future, vec![0, 3, 4]);
        assert_eq!(o.season, 5);
        let fc = o.expand(
            Forecast::from_sd(vec![1.0, 2.0, 3.0], &[1.0, 1.0, 1.0], &[80.0]),
            5,
        );
        assert_eq!(fc.mean, vec![1.0, 0.0, 0.0, 2.0, 3.0]);
        assert_eq!(fc.intervals[0].upper[1], 0.0);
        // a window from open day 2 (Friday, index 2) of 3 values: Fri, (Sat, Sun closed), Mon, Tue
        assert_eq!(
            o.expand_window(2, &[1.0, 2.0, 3.0]),
            Some((2, vec![1.0, 0.0, 0.0, 2.0, 3.0]))
        );
        let open = NamedSeries {
            closed: Vec::new(),
            shut: Vec::new(),
            open_share: Vec::new(),
            part_open: Vec::new(),
            flags: None,
            not_goods: false,
            ..s
        };
        assert!(OpenDays::of(&open, 7, 5).is_none());
    }

    #[test]
    fn category_notes_say_what_has_no_category() {
        let s = |id: &str, values: Vec<f64>| AggregatedSeries {
            id: id.into(),
            label: id.into(),
            first_period: 0,
            values,
        };
        let only = [s(NO_GROUP_ID, vec![5.0, 2.0])];
        assert_eq!(
            category_note(&only).map(|t| t.en()),
            Some(Text::new("forecast.note.no_category").en())
        );
        let some = [
            s("Kitchen", vec![3.0, 1.0]),
            s(NO_GROUP_ID, vec![1.0, 0.0]),
            s("Garden", vec![4.0, 1.0]),
        ];
        assert_eq!(
            category_note(&some).map(|t| t.en()).as_deref(),
            Some("10% of the sales have no category; they are forecast as one group, “(none)”.")
        );
        assert!(category_note(&some[..1]).is_none());
    }

    /// The threaded run returns exactly the one-thread report (same series, same order, same
    /// numbers), and the error of the first bad series in input order, as one thread does.
    #[test]
    fn threads_give_the_same_report() {
        let series = |k: usize| {
            let values: Vec<f64> = (0..48)
                .map(|t| {
                    let t = t as f64;
                    100.0
                        + k as f64 * 3.0
                        + 0.5 * t
                        + 10.0 * (t * std::f64::consts::PI / 6.0).sin()
                        + ((t * 7.3 + k as f64).sin() * 4.0)
                })
                .collect();
            NamedSeries {
                id: format!("s{k}"),
                label: format!("s{k}"),
                periods: (0..48).map(|i| format!("p{i}")).collect(),
                values,
                future_periods: Vec::new(),
                closed: Vec::new(),
                shut: Vec::new(),
                open_share: Vec::new(),
                part_open: Vec::new(),
                flags: None,
                not_goods: false,
            }
        };
        let mut input: Vec<NamedSeries> = (0..7).map(series).collect();
        input[3].values.clear(); // an empty series is skipped
        let params = ForecastParams {
            horizon: 6,
            season: Some(12),
            detail_limit: Some(4),
            ..ForecastParams::default()
        };
        let mut calls = 0;
        let one = forecast_many(&input, &params, &mut |_, _| {}).unwrap();
        let three = forecast_many_threads(&input, &params, 3, &mut |d, n| {
            calls += 1;
            assert!(d <= n && n == 7);
        })
        .unwrap();
        assert_eq!(calls, 7);
        assert_eq!(one.table.len(), 6);
        assert_eq!(one.series.len(), 4);
        assert_eq!(
            one.series.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["s0", "s1", "s2", "s4"]
        );
        assert_eq!(one, three);
        // Two bad series: both runs report the first one (index 2: value 5 is not finite).
        input[2].values[5] = f64::NAN;
        input[5].values[1] = f64::INFINITY;
        let e1 = forecast_many(&input, &params, &mut |_, _| {}).unwrap_err();
        let e3 = forecast_many_threads(&input, &params, 3, &mut |_, _| {}).unwrap_err();
        assert!(matches!(e1, ForecastError::NonFinite(5)), "{e1:?}");
        assert!(matches!(e3, ForecastError::NonFinite(5)), "{e3:?}");
    }

    /// Without the informative backtest, a series whose model is fixed (the kept combination)
    /// gets the same forecast and no leaderboard; an intermittent series, whose model the
    /// backtest picks, keeps its leaderboard and its choice.
    #[test]
    fn informative_backtest_off_keeps_forecasts() {
        let named = |id: &str, values: Vec<f64>| NamedSeries {
            id: id.into(),
            label: id.into(),
            periods: (0..values.len()).map(|i| format!("p{i}")).collect(),
            values,
            future_periods: Vec::new(),
            closed: Vec::new(),
            shut: Vec::new(),
            open_share: Vec::new(),
            part_open: Vec::new(),
            flags: None,
            not_goods: false,
        };
        let smooth: Vec<f64> = (0..60)
            .map(|t| {
                let t = t as f64;
                50.0 + 0.3 * t + 8.0 * (t * std::f64::consts::PI / 6.0).sin() + (t * 1.7).sin()
            })
            .collect();
        let lumpy: Vec<f64> = (0..60)
            .map(|t| if t % 3 == 0 { (t % 7 + 1) as f64 } else { 0.0 })
            .collect();
        let input = [named("smooth", smooth), named("lumpy", lumpy)];
        let on = ForecastParams {
            horizon: 6,
            season: Some(12),
            ..ForecastParams::default()
        };
        let off = ForecastParams {
            informative_backtest: false,
            ..on.clone()
        };
        let a = forecast_many(&input, &on, &mut |_, _| {}).unwrap();
        let b = forecast_many(&input, &off, &mut |_, _| {}).unwrap();
        assert_eq!(a.series[0].chosen, ModelKind::Ensemble);
        assert_eq!(a.series[0].forecast, b.series[0].forecast);
        assert_eq!(a.series[0].model, b.series[0].model);
        assert_eq!(a.series[0].leaderboard.len(), 8);
        assert!(a.series[0].backtest_mase.is_some());
        assert!(b.series[0].leaderboard.is_empty() && b.series[0].backtest.is_empty());
        assert_eq!(b.series[0].backtest_mase, None);
        // the intermittent series is chosen by its backtest either way
        assert_eq!(a.series[1], b.series[1]);
        assert_eq!(b.series[1].leaderboard.len(), 7);
    }

    /// A falling sales series extrapolated by the drift model: the straight line
    /// `y_T + k (y_T − y_1)/(T − 1)` = 4 − 2k crosses zero at k = 2; the product layer cuts the
    /// forecast and both interval bounds at zero, and keeps a series with returns as it is.
    #[test]
    fn demand_forecasts_are_not_negative() {
        let series = |values: Vec<f64>| NamedSeries {
            id: "s".into(),
            label: "s".into(),
            periods: (0..values.len()).map(|i| format!("p{i}")).collect(),
            values,
            future_periods: Vec::new(),
            closed: Vec::new(),
            shut: Vec::new(),
            open_share: Vec::new(),
            part_open: Vec::new(),
            flags: None,
            not_goods: false,
        };
        let params = ForecastParams {
            horizon: 4,
            model: ModelKind::Drift,
            season: Some(1),
            ..ForecastParams::default()
        };
        let falling = series(vec![14.0, 12.0, 10.0, 8.0, 6.0, 4.0]);
        let r = forecast_many(&[falling], &params, &mut |_, _| {}).unwrap();
        let f = &r.series[0].forecast;
        assert_eq!(f.mean, vec![2.0, 0.0, 0.0, 0.0]);
        for iv in &f.intervals {
            // A perfect straight line leaves no residual spread: the bounds equal the forecast.
            assert_eq!(iv.lower, vec![2.0, 0.0, 0.0, 0.0]);
            assert!(iv.upper.iter().zip(&f.mean).all(|(u, m)| u >= m));
        }
        let with_returns = series(vec![14.0, 12.0, 10.0, -8.0, 6.0, 4.0]);
        let r = forecast_many(&[with_returns], &params, &mut |_, _| {}).unwrap();
        assert!(r.series[0].forecast.mean[3] < 0.0);
    }
}
