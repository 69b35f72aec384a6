//! Product layer: [`run`] turns a [`Dataset`] into per-series forecasts with intervals,
//! backtest overlays and model leaderboards, plus a table of every series' next-period forecast.
//! [`forecast_many`] does the same for series from any source (e.g. [`super::LongSeries`]).

use serde::{Deserialize, Serialize};

use super::select::{auto_forecast, fit_model, AutoOptions, LeaderboardRow, ModelKind};
use super::series::{aggregate, period_start, Freq, Level, Measure};
use super::{Forecast, ForecastError};
use crate::data::Dataset;

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
        }
    }
}

impl ForecastParams {
    /// Check the parameters before any work.
    pub fn validate(&self) -> Result<(), ForecastError> {
        let bad = |name: &str, message: String| {
            Err(ForecastError::InvalidParam {
                name: name.into(),
                message,
            })
        };
        if self.horizon == 0 || self.horizon > 1000 {
            return bad("horizon", format!("must be 1..=1000, got {}", self.horizon));
        }
        for l in &self.levels {
            if !(l.is_finite() && *l > 0.0 && *l < 100.0) {
                return bad("levels", format!("each level must be in (0, 100), got {l}"));
            }
        }
        if let Some(s) = self.season {
            if s == 0 || s > 366 {
                return bad("season", format!("must be 1..=366, got {s}"));
            }
        }
        if self.backtest_origins == 0 || self.backtest_origins > 20 {
            return bad(
                "backtest_origins",
                format!("must be 1..=20, got {}", self.backtest_origins),
            );
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
    pub backtest: Vec<BacktestWindow>,
    pub leaderboard: Vec<LeaderboardRow>,
    pub notes: Vec<String>,
    /// Plain-language summary.
    pub explanation: String,
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
}

/// The forecast report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastReport {
    pub params: ForecastParams,
    pub season: usize,
    pub series: Vec<SeriesForecast>,
    pub table: Vec<TableRow>,
    pub notes: Vec<String>,
    pub explanation: String,
}

/// Input of [`forecast_many`]: a named series with period labels.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedSeries {
    pub id: String,
    pub label: String,
    pub periods: Vec<String>,
    pub values: Vec<f64>,
    /// Labels of the forecast periods (may be empty: "t+1", ... are used).
    pub future_periods: Vec<String>,
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

/// The series [`run_with_progress`] forecasts: `data.lines` aggregated per `params.level` and
/// `params.freq` (missing periods filled with zeros, an incomplete last period left out), with
/// the labels of their history and future periods; plus notes for the report. Callers that
/// forecast in slices (the Web Worker, to report progress and honour a cancel between slices)
/// call this once and then [`forecast_many`] per slice.
pub fn prepare(
    data: &Dataset,
    params: &ForecastParams,
) -> Result<(Vec<NamedSeries>, Vec<String>), ForecastError> {
    params.validate()?;
    let (series, dropped) = aggregate(
        &data.lines,
        params.level,
        params.freq,
        params.measure,
        params.skus.as_deref(),
    );
    if series.is_empty() {
        return Err(ForecastError::Data(
            "no sales in complete periods to forecast".into(),
        ));
    }
    let named: Vec<NamedSeries> = series
        .into_iter()
        .map(|s| {
            let n = s.values.len() as i64;
            NamedSeries {
                periods: (0..n)
                    .map(|i| period_start(s.first_period + i, params.freq))
                    .collect(),
                future_periods: (0..params.horizon as i64)
                    .map(|i| period_start(s.first_period + n + i, params.freq))
                    .collect(),
                id: s.id,
                label: s.label,
                values: s.values,
            }
        })
        .collect();
    let mut notes = Vec::new();
    if dropped {
        notes.push(format!(
            "The last {} in the data is incomplete and was left out of the history.",
            params.freq.key()
        ));
    }
    Ok((named, notes))
}

fn mean(x: &[f64]) -> f64 {
    if x.is_empty() {
        0.0
    } else {
        x.iter().sum::<f64>() / x.len() as f64
    }
}

/// Forecast each series with `params.model` (`auto`: backtest selection), `params.season` (or
/// the frequency's default) and `params.horizon`.
pub fn forecast_many(
    input: &[NamedSeries],
    params: &ForecastParams,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ForecastReport, ForecastError> {
    params.validate()?;
    let m = params.season.unwrap_or(params.freq.season());
    let h = params.horizon;
    let total = input.len();
    let mut series = Vec::new();
    let mut table = Vec::new();
    let detail = params.detail_limit.unwrap_or(usize::MAX);
    for (i, s) in input.iter().enumerate() {
        let y = &s.values;
        if y.is_empty() {
            progress(i + 1, total);
            continue;
        }
        let detailed = series.len() < detail;
        let opt = AutoOptions {
            fast: !detailed && params.table_mode == TableMode::Fast,
            origins: params.backtest_origins,
            candidates: if params.model == ModelKind::Auto {
                None
            } else {
                Some(vec![params.model])
            },
            ..AutoOptions::default()
        };
        let bt_h = h.min((y.len() / 4).max(1));
        let auto = auto_forecast(y, m, bt_h, &opt)?;
        let fc = auto.model.predict(h, &params.levels);
        // Sales series that never went negative get non-negative forecasts.
        let fc = if y.iter().all(|v| *v >= 0.0) {
            fc.floor_at(0.0)
        } else {
            fc
        };
        let model = auto.model.name();
        let backtest_mase = auto
            .leaderboard
            .iter()
            .find(|r| r.model == auto.chosen)
            .and_then(|r| r.mase);
        let recent = mean(&y[y.len().saturating_sub(h)..]);
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
        table.push(TableRow {
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
        });
        if detailed {
            let explanation = explain(&model, auto.chosen, backtest_mase, trend, trend_pct, h);
            let future_periods = if s.future_periods.len() == h {
                s.future_periods.clone()
            } else {
                (1..=h).map(|k| format!("t+{k}")).collect()
            };
            series.push(SeriesForecast {
                id: s.id.clone(),
                label: s.label.clone(),
                periods: s.periods.clone(),
                history: y.clone(),
                forecast_periods: future_periods,
                forecast: fc,
                model,
                chosen: auto.chosen,
                backtest_mase,
                backtest: auto
                    .backtest
                    .iter()
                    .map(|(start, f)| BacktestWindow {
                        start: s.periods.get(*start).cloned().unwrap_or_default(),
                        forecast: f.clone(),
                    })
                    .collect(),
                leaderboard: auto.leaderboard,
                notes: auto.notes,
                explanation,
            });
        }
        progress(i + 1, total);
    }
    let _ = fit_model;
    Ok(ForecastReport {
        params: params.clone(),
        season: m,
        series,
        table,
        notes: Vec::new(),
        explanation: format!(
            "Each series is forecast {h} periods ahead. In automatic mode several models are \
             tested on the most recent history (each forecasts periods it has not seen) and \
             scored by MASE: below 1 means more accurate than repeating last season's values. \
             The shaded bands are prediction intervals: the future should fall inside the {} \
             band that often.",
            params
                .levels
                .iter()
                .map(|l| format!("{l}%"))
                .collect::<Vec<_>>()
                .join(" / ")
        ),
    })
}

fn explain(
    model: &str,
    chosen: ModelKind,
    mase: Option<f64>,
    trend: Trend,
    pct: f64,
    h: usize,
) -> String {
    let how = match chosen {
        ModelKind::Ensemble => "a trimmed average of standard models (exponential smoothing with and without a damped trend, ARIMA, Theta and last season's values: the highest and lowest forecast of each period are dropped), which is usually more reliable than any single one",
        ModelKind::Ets => "exponential smoothing, which weights recent periods more and follows level, trend and seasonality",
        ModelKind::Arima => "an ARIMA model, which extrapolates the series' own correlations",
        ModelKind::Theta => "the Theta method, a damped trend on top of smoothing",
        ModelKind::SeasonalNaive => "last season's values, which the other models could not beat",
        ModelKind::Naive => "the last value, as no model did better",
        ModelKind::Imapa | ModelKind::Adida | ModelKind::Croston | ModelKind::CrostonOptimized
        | ModelKind::Sba | ModelKind::Tsb | ModelKind::IntermittentEnsemble => "a method for irregular sales, which forecasts the average rate of demand (sales come in bursts, so expect the actual pattern to be lumpier)",
        _ => "the selected model",
    };
    let acc = match mase {
        Some(v) => format!(
            " In the backtest its error was {v:.2} times that of a seasonal naive forecast."
        ),
        None => " There was not enough history to backtest it.".into(),
    };
    let dir = match trend {
        Trend::Up => format!("up {pct:.0}%"),
        Trend::Down => format!("down {:.0}%", -pct),
        Trend::Flat => "about flat".into(),
    };
    format!("Forecast by {how} ({model}).{acc} Over the next {h} periods demand is expected {dir} compared with the last {h}.")
}

#[cfg(test)]
mod tests {
    use super::*;

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
