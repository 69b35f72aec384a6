//! Forecasting a long series file (the Forecast page's "Forecast a series file…" and
//! `shoplens forecast` on a long file): read every series with [`LongSeries::from_csv_reader`],
//! forecast the `train` rows of each with [`forecast_many`], and, when the file has `test`
//! rows, score the forecasts against them (mean sMAPE and MASE over the series).
//!
//! The worker forecasts in slices ([`SeriesFile::named`] + [`forecast_many`] per slice, then
//! [`SeriesFileReport::new`]); [`forecast_file`] does it in one go. In the browser the series
//! can be spread over several workers, each taking one [`Shard`] of them
//! ([`SeriesFile::named_shard`]); every series is forecast on its own, so the report does not
//! depend on how the series were shared out.

use serde::{Deserialize, Serialize};

use super::metrics::{mase, smape};
use super::report::{
    annual_closure_notes, closed_pattern, forecast_many, part_note, share_note, shut_days,
    weekday_list, ForecastParams, NamedSeries, SeriesForecast,
};
use super::select::ModelKind;
use super::series::{
    annual_closures, closed_weekdays_of_file, closure_days, day_list, in_annual_closure,
    is_date_label, next_labels, period_key, period_of_day, period_open_shares, AggregatedSeries,
    Freq, LongSeries, SeriesTable,
};
use super::wide::SeriesLayout;
use super::{Forecast, ForecastError};
use crate::text::Text;

/// Settings of a series-file forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesFileParams {
    /// Periods ahead (1..=1000).
    pub horizon: usize,
    /// Season length (`None`: inferred from the first series' periods, as the CLI does).
    pub season: Option<usize>,
    pub model: ModelKind,
    /// Interval levels in percent (the export always has 80 and 95).
    pub levels: Vec<f64>,
    /// Add a file of days up into weeks or months ([`SeriesTable::regroup`]); `None` (or a
    /// day): the file's own periods.
    #[serde(default)]
    pub group: Option<Freq>,
}

impl Default for SeriesFileParams {
    fn default() -> Self {
        SeriesFileParams {
            horizon: 12,
            season: None,
            model: ModelKind::Auto,
            levels: vec![80.0, 95.0],
            group: None,
        }
    }
}

/// The series of a long file, with the season length that will be used.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesFile {
    pub file: String,
    pub series: Vec<LongSeries>,
    /// Season length: the one asked for, or inferred from the first series.
    pub season: usize,
    /// True when the season was inferred.
    pub season_inferred: bool,
    /// Long, or wide with the series in columns or in rows.
    pub layout: SeriesLayout,
    /// How the file was read, in plain words: a wide file's layout and empty cells, dated
    /// rows that skip periods ([`SeriesTable::notes`]).
    pub notes: Vec<Text>,
    /// A file of days: the days its shop closes, judged on all its series added up
    /// ([`FileClosures::of`]); `None` when it is not a file of days or they show none.
    pub closures: Option<FileClosures>,
    /// A file of days added up into weeks or months: the frequency and the days' closures,
    /// when they hold holidays ([`SeriesFile::group_shares`]).
    pub grouped: Option<(Freq, FileClosures)>,
}

/// The days a file of daily sales says its shop closes, by the Forecast page's rules for
/// order lines, judged on the file's series added up by date (their `train` rows): weekdays
/// on which no series sold anything in any of the last weeks
/// ([`closed_weekdays_of_file`]; used when the season is 7 days), and days on which none
/// sold though the shop usually opens then (holidays, [`closure_days`]; a long one's dates a
/// year later, [`annual_closures`]). The series' closed weekdays are forecast 0 and their
/// other days from the open days alone; their holidays are filled in for the models from the
/// same weekday a week before and after, and the dates of a long closure a year before are
/// forecast 0 (as order lines, [`NamedSeries::closed`], [`NamedSeries::shut`]).
#[derive(Debug, Clone, PartialEq)]
pub struct FileClosures {
    /// Closed weekdays (Monday = 0) and the weeks looked at; only with a season of 7.
    pub weekdays: Option<([bool; 7], usize)>,
    /// Closure days, as days since 1970-01-01, in order.
    pub days: Vec<i64>,
    /// First and last days of the closures long enough to come back a year later.
    pub annual: Vec<(i64, i64)>,
    /// The day of each series' first period (file order).
    first_days: Vec<i64>,
    /// The day after the total's last `train` day: where the horizon starts.
    end: i64,
    /// The series added up by day, from the first day with a sale: the weekdays' usual sales
    /// ([`period_open_shares`]).
    total: AggregatedSeries,
}

impl FileClosures {
    /// The closures of a file's `series` with season `season`: `None` unless every series is
    /// a run of consecutive dated days (a file of weeks or months, or of numbered periods,
    /// has none), the file has no flag columns (those say what the days were), the days the
    /// series cover leave no gap, and the total shows a closed weekday or a closure.
    pub fn of(series: &[LongSeries], season: usize) -> Option<FileClosures> {
        if series.iter().any(|s| !s.flag_names.is_empty()) {
            return None;
        }
        let mut first_days = Vec::with_capacity(series.len());
        let mut spans = Vec::with_capacity(series.len());
        for s in series {
            let first = s.periods.first().filter(|p| is_date_label(p))?;
            let d0 = period_key(first)?.round() as i64;
            // consecutive days: the last label is n − 1 days after the first, and every
            // label in between a date one day after the one before
            let mut prev = d0;
            for p in &s.periods[1..] {
                let d = period_key(p)?.round() as i64;
                if d != prev + 1 {
                    return None;
                }
                prev = d;
            }
            first_days.push(d0);
            let train = s.train_len.min(s.values.len()) as i64;
            spans.push((d0, d0 + train));
        }
        // the days any series covers must make one run: a gap is no data, not no sales
        let mut sorted = spans.clone();
        sorted.sort_unstable();
        let (start, mut end) = *sorted.first()?;
        for (a, b) in &sorted[1..] {
            if *a > end {
                return None;
            }
            end = end.max(*b);
        }
        let mut values = vec![0.0; usize::try_from(end - start).ok()?];
        for (s, (d0, d1)) in series.iter().zip(&spans) {
            let at = usize::try_from(d0 - start).ok()?;
            for (v, x) in values[at..].iter_mut().zip(&s.values[..(d1 - d0) as usize]) {
                *v += x;
            }
        }
        // from the first day with a sale, as order lines start
        let skip = values.iter().position(|v| *v != 0.0)?;
        let total = AggregatedSeries {
            id: "total".into(),
            label: "total".into(),
            first_period: start + skip as i64,
            values: values.split_off(skip),
        };
        let weekdays = match season {
            7 => closed_weekdays_of_file(&total),
            _ => None,
        };
        let closed = weekdays.map(|(days, _)| days);
        let days = closure_days(&total, closed);
        if weekdays.is_none() && days.is_empty() {
            return None;
        }
        Some(FileClosures {
            annual: annual_closures(&days, closed),
            weekdays,
            days,
            first_days,
            end,
            total,
        })
    }

    /// [`NamedSeries::closed`] and [`NamedSeries::shut`] of series `i` of the file, with `n`
    /// history periods and `horizon` periods ahead.
    fn of_series(&self, i: usize, n: usize, horizon: usize) -> (Vec<bool>, Vec<usize>) {
        let Some(&first) = self.first_days.get(i) else {
            return (Vec::new(), Vec::new());
        };
        let closed = match &self.weekdays {
            Some((days, _)) => closed_pattern(days, first),
            None => Vec::new(),
        };
        (
            closed,
            shut_days(&self.days, &self.annual, first, n, horizon),
        )
    }

    /// What was found, in plain words, for a forecast `horizon` days ahead.
    pub fn notes(&self, horizon: usize) -> Vec<Text> {
        let mut notes = Vec::new();
        if let Some((days, weeks)) = self.weekdays {
            notes.push(
                Text::new("forecast.file.note.closed_days")
                    .text("days", weekday_list(&days))
                    .int("w", weeks),
            );
        }
        if !self.days.is_empty() {
            notes.push(
                Text::new("forecast.file.note.closures")
                    .int("n", self.days.len())
                    .str("list", day_list(&self.days)),
            );
        }
        notes.extend(annual_closure_notes(
            &self.annual,
            self.end..self.end + horizon as i64,
        ));
        notes
    }
}

impl SeriesFile {
    /// Read a series file, long or wide (gzip-compressed when it starts with the gzip magic
    /// bytes). `season`: the user's choice, `None` to infer it; `group`: weeks or months to add
    /// a file of days up into ([`SeriesTable::regroup`]).
    pub fn read(
        bytes: &[u8],
        file: &str,
        season: Option<usize>,
        group: Option<Freq>,
    ) -> Result<Self, ForecastError> {
        Self::read_owned(bytes.to_vec(), file, season, group)
    }

    /// [`Self::read`] on bytes taken over (a large file is not held twice).
    pub fn read_owned(
        bytes: Vec<u8>,
        file: &str,
        season: Option<usize>,
        group: Option<Freq>,
    ) -> Result<Self, ForecastError> {
        let mut table = if bytes.starts_with(&[0x1f, 0x8b]) {
            SeriesTable::from_csv_reader(flate2::read::GzDecoder::new(bytes.as_slice()), file)?
        } else {
            SeriesTable::from_bytes(bytes, file)?
        };
        // the days' closures, before the days are added up
        let days = match group {
            Some(Freq::Week | Freq::Month) => FileClosures::of(&table.series, 7),
            _ => None,
        };
        if let Some(g) = group {
            table.regroup(g, file)?;
        }
        let mut f = Self::from_table(file, table, season)?;
        if let (Some(g), Some(c)) = (group, days) {
            if !c.days.is_empty() {
                f.grouped = Some((g, c));
            }
        }
        Ok(f)
    }

    /// Wrap a file's series as read ([`SeriesTable::from_csv_reader`]); an error when there
    /// is none.
    pub fn from_table(
        file: &str,
        table: SeriesTable,
        season: Option<usize>,
    ) -> Result<Self, ForecastError> {
        if table.series.is_empty() {
            return Err(ForecastError::NoSeries { file: file.into() });
        }
        let numbered = table.season_of_numbered_periods();
        let mut f = SeriesFile {
            layout: table.layout,
            notes: table.notes,
            ..Self::from_series(file, table.series, season)
        };
        // Periods numbered 1, 2, 3… say nothing about the season; the column's name may.
        if let (None, 1, Some(m)) = (season, f.season, numbered) {
            f.season = m;
        }
        f.closures = FileClosures::of(&f.series, f.season);
        Ok(f)
    }

    /// Wrap series already read; the season is inferred from the first series when `None`.
    fn from_series(file: &str, series: Vec<LongSeries>, season: Option<usize>) -> Self {
        let inferred = infer_season(&series);
        SeriesFile {
            file: file.into(),
            season: season.unwrap_or(inferred),
            season_inferred: season.is_none(),
            series,
            layout: SeriesLayout::Long,
            notes: Vec::new(),
            closures: None,
            grouped: None,
        }
    }

    /// The `train` part of every series, as [`forecast_many`] takes it, for a forecast
    /// `horizon` periods ahead (a file of days: with its closures, [`FileClosures`]).
    pub fn named(&self, horizon: usize) -> Vec<NamedSeries> {
        self.series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let values = s.train().to_vec();
                let (closed, shut) = match &self.closures {
                    Some(c) => c.of_series(i, values.len(), horizon),
                    None => (Vec::new(), Vec::new()),
                };
                let (part_open, open_share) = self.group_shares(i, values.len(), horizon);
                NamedSeries {
                    id: s.id.clone(),
                    label: s.id.clone(),
                    periods: s.periods[..s.train_len.min(s.periods.len())].to_vec(),
                    values,
                    future_periods: Vec::new(),
                    closed,
                    shut,
                    open_share,
                    part_open,
                    flags: s.series_flags(),
                    not_goods: false,
                }
            })
            .collect()
    }

    /// How the file was read and, a file of days, the closures found in it
    /// ([`FileClosures::notes`]) for a forecast `horizon` periods ahead.
    pub fn notes(&self, horizon: usize) -> Vec<Text> {
        let closures = self.closures.iter().flat_map(|c| c.notes(horizon));
        let mut notes: Vec<Text> = self.notes.iter().cloned().chain(closures).collect();
        notes.extend(self.group_notes(horizon));
        notes
    }

    /// A file of days added up into weeks or months, with holidays in its days (as order
    /// lines, [`NamedSeries::part_open`], [`NamedSeries::open_share`]): for series `i` of `n`
    /// periods, the periods of its history that closures cover in part, with the share of a
    /// period's usual sales its open days make (a file of one series only: the shop's total;
    /// per product it made the weekly error of order lines worse, BENCHMARKS.md; with two
    /// seasons or more, the long closures' periods are left to the model's season), and for
    /// each period ahead the share its open days will make when a long closure a year before
    /// covers it (none with two seasons or more).
    fn group_shares(&self, i: usize, n: usize, horizon: usize) -> (Vec<(usize, f64)>, Vec<f64>) {
        let none = (Vec::new(), Vec::new());
        let Some((freq, c)) = &self.grouped else {
            return none;
        };
        let Some(first) = self.series.get(i).and_then(|s| s.periods.first()) else {
            return none;
        };
        let Some(day) = period_key(first) else {
            return none;
        };
        let p0 = period_of_day(day.round() as i64, *freq);
        let end = p0 + n as i64;
        let m = self.season;
        let seasonal = m > 1 && n >= 2 * m;
        let closure = |d: i64| c.days.binary_search(&d).is_ok();
        let long = |d: i64| c.annual.iter().any(|(a, b)| (*a..=*b).contains(&d));
        let shares = |periods: std::ops::Range<i64>, shut: &dyn Fn(i64) -> bool| {
            period_open_shares(&c.total, &c.days, *freq, periods, shut)
        };
        let part = if self.series.len() == 1 {
            let v = if seasonal {
                shares(p0..end, &|d| closure(d) && !long(d))
            } else {
                shares(p0..end, &closure)
            };
            v.into_iter()
                .enumerate()
                .filter(|(_, f)| *f < 1.0)
                .collect()
        } else {
            Vec::new()
        };
        let ahead = if seasonal || c.annual.is_empty() {
            Vec::new()
        } else {
            let v = shares(end..end + horizon as i64, &|d| {
                in_annual_closure(d, &c.annual)
            });
            if v.iter().any(|f| *f < 1.0) {
                v
            } else {
                Vec::new()
            }
        };
        (part, ahead)
    }

    /// The notes on [`SeriesFile::group_shares`]: the first series' periods seen at a whole
    /// period's sales, and the periods ahead a long closure a year before covers in part.
    fn group_notes(&self, horizon: usize) -> Vec<Text> {
        let (Some((freq, c)), Some(s)) = (&self.grouped, self.series.first()) else {
            return Vec::new();
        };
        let n = s.train().len();
        let (part, ahead) = self.group_shares(0, n, horizon);
        let end = s
            .periods
            .first()
            .and_then(|p| period_key(p))
            .map(|day| period_of_day(day.round() as i64, *freq) + n as i64);
        part_note(&part, &s.periods, *freq)
            .into_iter()
            .chain(end.and_then(|end| share_note(&c.annual, &ahead, end, *freq)))
            .collect()
    }

    /// The `train` part of the series of one [`Shard`], in file order.
    pub fn named_shard(&self, shard: Shard, horizon: usize) -> Vec<NamedSeries> {
        let mut named = self.named(horizon);
        let mut i = 0;
        named.retain(|_| {
            let keep = shard.takes(i);
            i += 1;
            keep
        });
        named
    }

    /// The [`forecast_many`] parameters (the same as `shoplens forecast FILE`: full
    /// automatic selection for every series; no backtest where it cannot change the model,
    /// as the report has no leaderboards).
    pub fn params(&self, p: &SeriesFileParams) -> ForecastParams {
        let mut levels = vec![80.0, 95.0];
        for l in &p.levels {
            if !levels.iter().any(|a: &f64| (a - l).abs() < 1e-9) {
                levels.push(*l);
            }
        }
        ForecastParams {
            horizon: p.horizon,
            levels,
            model: p.model,
            season: Some(self.season),
            informative_backtest: false,
            ..ForecastParams::default()
        }
    }

    /// Whether any series has `test` rows.
    pub fn has_test(&self) -> bool {
        self.series.iter().any(|s| s.values.len() > s.train_len)
    }
}

/// The season length the CLI uses for a long file: inferred from the first series' periods.
pub fn infer_season(series: &[LongSeries]) -> usize {
    series.first().map_or(1, LongSeries::infer_season)
}

/// One forecast series of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileSeries {
    pub id: String,
    /// Fitted model, e.g. `ETS(M,Ad,M)`.
    pub model: String,
    /// Period labels of the `train` rows, then of the `test` rows.
    pub periods: Vec<String>,
    /// The `train` values (fitted).
    pub history: Vec<f64>,
    /// The `test` values (held out; empty without a `split` column).
    pub actual: Vec<f64>,
    pub forecast: Forecast,
    /// sMAPE of the forecast against `actual` (first `min(horizon, test rows)` steps).
    pub smape: Option<f64>,
    /// MASE against `actual`, scaled by the in-sample seasonal naive error (`None`: no test
    /// rows, or a constant history).
    pub mase: Option<f64>,
    /// Estimated effects of the file's flag columns (empty without flags).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flag_effects: Vec<super::xreg::FlagEffect>,
    /// The forecast's notes (flags used, left out or unknown for later periods).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    /// Labels of the forecast periods after the file's last period, written as the file
    /// writes its periods (the file's planned rows first; empty when the labels have no
    /// recognisable step, see [`super::series::next_labels`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub future_periods: Vec<String>,
}

/// Accuracy on the file's `test` rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileScore {
    /// Mean over the scored series of each series' sMAPE (percent).
    pub smape: f64,
    /// Mean over the series with a non-zero scale of each series' MASE.
    pub mase: f64,
    /// Series with test rows.
    pub series: usize,
    /// Of those, series with a MASE (non-constant history).
    pub mase_series: usize,
    /// Test periods compared per series (at most the horizon).
    pub periods: usize,
    /// Plain-language reading of the two numbers.
    pub explanation: Text,
}

/// The result of forecasting a series file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesFileReport {
    pub file: String,
    pub params: SeriesFileParams,
    /// Interval levels of the forecasts (80, 95, then any other asked for).
    pub levels: Vec<f64>,
    pub season: usize,
    pub season_inferred: bool,
    pub series: Vec<FileSeries>,
    /// `None` when the file has no `test` rows.
    pub score: Option<FileScore>,
    /// How many workers (browser) shared the series out; 1 when one did it all.
    #[serde(default = "one")]
    pub workers: usize,
    /// Long, or wide with the series in columns or in rows.
    #[serde(default)]
    pub layout: SeriesLayout,
    /// How the file was read ([`SeriesFile::notes`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
}

fn one() -> usize {
    1
}

/// One of `count` parts of a file's series, for `count` workers: series `i` (file order) goes
/// to part `i mod count`. Interleaving spreads long and short series evenly when a file is
/// sorted by length or category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// This part, `0..count`.
    pub index: usize,
    /// Number of parts (at least 1).
    pub count: usize,
}

impl Shard {
    /// All the series, for one worker.
    pub const WHOLE: Shard = Shard { index: 0, count: 1 };

    /// Part `index` of `count`: `None` unless `index < count`.
    pub fn new(index: usize, count: usize) -> Option<Shard> {
        (index < count).then_some(Shard { index, count })
    }

    /// How many workers should share `series` series on a machine with `cores` cores: one per
    /// core, at most [`Shard::MAX_WORKERS`], and only as many as give each worker at least
    /// [`Shard::MIN_SERIES_PER_WORKER`] series (a worker costs a start-up of a fraction of a
    /// second). Always at least 1.
    pub fn workers_for(series: usize, cores: usize) -> usize {
        cores
            .clamp(1, Self::MAX_WORKERS)
            .min(series / Self::MIN_SERIES_PER_WORKER)
            .max(1)
    }

    /// At most this many workers share a file (each holds its own copy of the program).
    pub const MAX_WORKERS: usize = 8;
    /// A further worker only for at least this many series each.
    pub const MIN_SERIES_PER_WORKER: usize = 4;

    /// Whether series number `i` (file order) belongs to this part.
    pub fn takes(self, i: usize) -> bool {
        self.count > 0 && i % self.count == self.index
    }
}

/// Score one series: `(sMAPE, MASE)` of `forecast` against the first `min(h, test)` held-out
/// values (`None` without test rows; MASE `None` when the history is constant).
pub fn score_series(
    train: &[f64],
    actual: &[f64],
    forecast: &[f64],
    season: usize,
) -> (Option<f64>, Option<f64>) {
    let k = actual.len().min(forecast.len());
    if k == 0 {
        return (None, None);
    }
    let s = smape(&actual[..k], &forecast[..k]);
    let m = mase(train, &actual[..k], &forecast[..k], season);
    (s.is_finite().then_some(s), m.is_finite().then_some(m))
}

/// Mean sMAPE and MASE over the scored series (`None` when no series has test rows).
pub fn score(series: &[FileSeries], season: usize) -> Option<FileScore> {
    let smapes: Vec<f64> = series.iter().filter_map(|s| s.smape).collect();
    if smapes.is_empty() {
        return None;
    }
    let mases: Vec<f64> = series.iter().filter_map(|s| s.mase).collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            f64::NAN
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let smape = mean(&smapes);
    let mase = mean(&mases);
    let periods = series
        .iter()
        .filter(|s| s.smape.is_some())
        .map(|s| s.actual.len().min(s.forecast.mean.len()))
        .max()
        .unwrap_or(0);
    let verdict = if !mase.is_finite() {
        Text::new("forecast.file.score.mase_none")
    } else if mase < 1.0 {
        Text::new("forecast.file.score.better")
    } else {
        Text::new("forecast.file.score.worse")
    };
    let explanation = Text::new("forecast.file.score.explain")
        .int("n", smapes.len())
        .int("k", periods)
        .num("smape", smape, 2)
        .num("mase", if mase.is_finite() { mase } else { 0.0 }, 3)
        .int("m", season)
        .text("verdict", verdict);
    Some(FileScore {
        smape,
        mase,
        series: smapes.len(),
        mase_series: mases.len(),
        periods,
        explanation,
    })
}

impl SeriesFileReport {
    /// Join the forecasts ([`forecast_many`]'s `series`, in any order and possibly a subset)
    /// with the file's series and score them against the `test` rows.
    pub fn new(
        file: &SeriesFile,
        params: &SeriesFileParams,
        forecasts: Vec<SeriesForecast>,
    ) -> SeriesFileReport {
        let m = file.season;
        let mut by_id: std::collections::HashMap<String, SeriesForecast> =
            forecasts.into_iter().map(|f| (f.id.clone(), f)).collect();
        let series: Vec<FileSeries> = file
            .series
            .iter()
            .filter_map(|s| {
                let f = by_id.remove(&s.id)?;
                let train = s.train();
                let actual = s.values[train.len()..].to_vec();
                let (smape, mase) = score_series(train, &actual, &f.forecast.mean, m);
                // labels for the steps past the file's periods: its planned rows, then more
                let known: Vec<String> =
                    s.periods.iter().chain(&s.future_periods).cloned().collect();
                let beyond = (train.len() + f.forecast.mean.len()).saturating_sub(known.len());
                let mut future_periods = s.future_periods.clone();
                future_periods.extend(next_labels(&known, beyond).unwrap_or_default());
                Some(FileSeries {
                    id: s.id.clone(),
                    model: f.model,
                    periods: s.periods.clone(),
                    history: train.to_vec(),
                    actual,
                    forecast: f.forecast,
                    smape,
                    mase,
                    flag_effects: f.flag_effects,
                    // Only files with flags keep the notes (they say how the flags were used).
                    notes: if s.flag_names.is_empty() {
                        Vec::new()
                    } else {
                        f.notes
                    },
                    future_periods,
                })
            })
            .collect();
        let score = score(&series, m);
        SeriesFileReport {
            file: file.file.clone(),
            params: params.clone(),
            levels: file.params(params).levels,
            season: m,
            season_inferred: file.season_inferred,
            series,
            score,
            workers: 1,
            layout: file.layout,
            notes: file.notes(params.horizon),
        }
    }

    /// The forecasts as the CLI's `--out` CSV (`series_id,step,forecast,lo80,hi80,lo95,hi95,
    /// model`).
    pub fn csv(&self) -> Result<String, csv::Error> {
        crate::export::forecast_csv(
            self.series
                .iter()
                .map(|s| (s.id.as_str(), &s.forecast, s.model.as_str())),
            &self.levels,
        )
    }
}

/// Forecast every series of `file` (see [`SeriesFileReport::new`]), calling
/// `progress(done, total)` after each.
pub fn forecast_file(
    file: &SeriesFile,
    params: &SeriesFileParams,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<SeriesFileReport, ForecastError> {
    let report = forecast_many(&file.named(params.horizon), &file.params(params), progress)?;
    Ok(SeriesFileReport::new(file, params, report.series))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seven monthly series (level, trend and season differ), 40 train + 6 test months each.
    fn file() -> SeriesFile {
        let mut csv = String::from("series_id,month,value,split\n");
        for k in 0..7 {
            for t in 0..46 {
                let season = [
                    3.0, 1.0, -2.0, 0.5, 4.0, -1.0, 2.0, -3.0, 1.5, 0.0, -0.5, 2.5,
                ];
                let v = 50.0
                    + 10.0 * k as f64
                    + 0.3 * (k as f64 - 3.0) * t as f64
                    + season[t % 12] * (1.0 + k as f64 / 3.0)
                    + ((t * 7 + k * 3) % 5) as f64;
                let split = if t < 40 { "train" } else { "test" };
                csv.push_str(&format!(
                    "S{k},{}-{:02},{v},{split}\n",
                    2000 + t / 12,
                    t % 12 + 1
                ));
            }
        }
        SeriesFile::read(csv.as_bytes(), "seven.csv", None, None).expect("valid file")
    }

    /// A file of months has no closed days, whatever its zeros.
    #[test]
    fn a_file_of_months_has_no_closures() {
        let f = file();
        assert_eq!(f.season, 12);
        assert_eq!(f.closures, None);
        assert!(f
            .named(6)
            .iter()
            .all(|s| s.closed.is_empty() && s.shut.is_empty()));
    }

    #[test]
    fn shards_interleave_and_cover_every_series_once() {
        assert_eq!(Shard::new(2, 2), None);
        assert_eq!(Shard::new(1, 3), Some(Shard { index: 1, count: 3 }));
        let f = file();
        let ids =
            |s: Shard| -> Vec<String> { f.named_shard(s, 12).into_iter().map(|n| n.id).collect() };
        assert_eq!(
            ids(Shard::WHOLE),
            ["S0", "S1", "S2", "S3", "S4", "S5", "S6"]
        );
        assert_eq!(ids(Shard { index: 0, count: 3 }), ["S0", "S3", "S6"]);
        assert_eq!(ids(Shard { index: 1, count: 3 }), ["S1", "S4"]);
        assert_eq!(ids(Shard { index: 2, count: 3 }), ["S2", "S5"]);
        assert_eq!(Shard::workers_for(1428, 2), 2);
        assert_eq!(Shard::workers_for(1428, 64), 8);
        assert_eq!(Shard::workers_for(1428, 0), 1);
        assert_eq!(Shard::workers_for(6, 2), 1);
        assert_eq!(Shard::workers_for(8, 4), 2);
        assert_eq!(Shard::workers_for(0, 4), 1);
        // More parts than series: the last parts are empty.
        assert!(ids(Shard { index: 8, count: 9 }).is_empty());
    }

    /// What the browser does with several workers: each forecasts one part, the parts are
    /// put together in any order. The report equals the one-worker report.
    #[test]
    fn report_from_shards_equals_the_whole_file_report() {
        let f = file();
        let params = SeriesFileParams {
            horizon: 6,
            ..SeriesFileParams::default()
        };
        let whole = forecast_file(&f, &params, &mut |_, _| {}).expect("forecasts");
        assert_eq!(whole.series.len(), 7);
        assert_eq!(whole.workers, 1);
        let fp = f.params(&params);
        let mut parts = Vec::new();
        for index in (0..3).rev() {
            let shard = Shard { index, count: 3 };
            let r = forecast_many(&f.named_shard(shard, fp.horizon), &fp, &mut |_, _| {})
                .expect("part");
            parts.extend(r.series);
        }
        let joined = SeriesFileReport::new(&f, &params, parts);
        assert_eq!(joined, whole);
        let ids: Vec<&str> = joined.series.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["S0", "S1", "S2", "S3", "S4", "S5", "S6"]);
        assert!(joined.score.is_some());
    }

    #[test]
    fn reports_without_workers_field_read_as_one_worker() {
        let f = file();
        let params = SeriesFileParams {
            horizon: 3,
            model: ModelKind::SeasonalNaive,
            ..SeriesFileParams::default()
        };
        let r = forecast_file(&f, &params, &mut |_, _| {}).expect("forecasts");
        let mut v = serde_json::to_value(&r).expect("json");
        v.as_object_mut().expect("object").remove("workers");
        let back: SeriesFileReport = serde_json::from_value(v).expect("older report");
        assert_eq!(back.workers, 1);
        assert_eq!(back, r);
    }
}
