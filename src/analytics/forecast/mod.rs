//! Forecast pillar: pure time-series models with a statsforecast-like API (fit on a series,
//! `predict(horizon, levels)` returning point forecasts and prediction intervals), automatic
//! model selection by rolling-origin backtest, and [`run`], which aggregates order lines into
//! per-SKU / category / total series and forecasts them all.
//!
//! Model families (one file each): [`baselines`], [`ets`], [`arima`], [`theta`],
//! [`intermittent`], [`regression`], [`ensemble`]; [`select`] is the rolling-origin backtest,
//! [`metrics`] the accuracy measures, [`series`] the aggregation and long-series loader.

// Numeric kernels index several arrays in lock-step and test `!(x > 0.0)` on purpose (NaN
// counts as "not positive").
#![allow(
    clippy::neg_cmp_op_on_partial_ord,
    clippy::needless_range_loop,
    clippy::manual_memcpy,
    clippy::type_complexity
)]

pub mod arima;
pub mod baselines;
pub mod ces;
pub mod ensemble;
pub mod ets;
pub mod file;
pub mod intermittent;
pub mod metrics;
pub mod nnar;
pub mod optim;
mod records;
pub mod regression;
pub mod regroup;
pub mod report;
pub mod select;
pub mod series;
pub mod stats;
pub mod theta;
pub mod thief;
pub mod wide;
pub mod xreg;

pub use file::{forecast_file, SeriesFile, SeriesFileParams, SeriesFileReport, Shard};
pub use report::*;
pub use select::{auto_forecast, AutoForecast, ModelKind};
pub use series::LongSeries;

use serde::{Deserialize, Serialize};

use crate::text::{CellError, Text};

/// Errors of the forecast pillar. The message comes from the sentence catalogue
/// ([`ForecastError::text`]), so the page can show it in Chinese.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[error("{}", self.text())]
pub enum ForecastError {
    TooShort {
        needed: usize,
        got: usize,
    },
    NonFinite(usize),
    InvalidParam {
        name: String,
        message: Text,
    },
    Fit {
        model: String,
        message: String,
    },
    /// A cell of a long series file is not a number, or is infinite or NaN.
    Cell(CellError),
    /// A long series file without a recognisable period and value column.
    NoLongColumns {
        file: String,
        names: String,
        headers: String,
    },
    /// A long series file without any series.
    NoSeries {
        file: String,
    },
    /// No sales in any complete period (nothing to forecast).
    NoSales,
    Data(Text),
}

impl ForecastError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            ForecastError::TooShort { needed, got } => Text::new("forecast.err.too_short")
                .int("needed", *needed)
                .int("got", *got),
            ForecastError::NonFinite(i) => Text::new("forecast.err.non_finite").index("i", *i),
            ForecastError::InvalidParam { name, message } => {
                Text::new("forecast.err.invalid_param")
                    .str("name", name.clone())
                    .text("message", message.clone())
            }
            ForecastError::Fit { model, message } => Text::new("forecast.err.fit")
                .str("model", model.clone())
                .str("message", message.clone()),
            ForecastError::Cell(c) => c.text(),
            ForecastError::NoLongColumns {
                file,
                names,
                headers,
            } => Text::new("forecast.err.no_long_columns")
                .str("file", file.clone())
                .str("names", names.clone())
                .str("headers", headers.clone()),
            ForecastError::NoSeries { file } => {
                Text::new("forecast.err.no_series").str("file", file.clone())
            }
            ForecastError::NoSales => Text::new("forecast.err.no_sales"),
            ForecastError::Data(t) => t.clone(),
        }
    }
}

/// One prediction interval: `level`% (e.g. 80, 95), lower and upper bound per step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub level: f64,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
}

/// Point forecasts and prediction intervals for steps `1..=horizon`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub mean: Vec<f64>,
    pub intervals: Vec<Interval>,
}

impl Forecast {
    /// Floor the point forecasts and interval bounds at `min`: demand and sales never go below
    /// zero, so a model that extrapolates a falling series (or a wide Gaussian interval) below
    /// zero is cut at the boundary (as statsforecast users do with a final `clip`). Intervals
    /// stay nested, only their lower part is cut.
    pub fn floor_at(mut self, min: f64) -> Forecast {
        for v in &mut self.mean {
            *v = v.max(min);
        }
        for iv in &mut self.intervals {
            for v in iv.lower.iter_mut().chain(iv.upper.iter_mut()) {
                *v = v.max(min);
            }
        }
        self
    }

    /// Add `by[h]` to the point forecast and both bounds of step `h` (missing steps: 0).
    pub fn shifted(mut self, by: &[f64]) -> Forecast {
        let at = |h: usize| by.get(h).copied().unwrap_or(0.0);
        for (h, v) in self.mean.iter_mut().enumerate() {
            *v += at(h);
        }
        for iv in &mut self.intervals {
            for (h, (lo, hi)) in iv.lower.iter_mut().zip(iv.upper.iter_mut()).enumerate() {
                *lo += at(h);
                *hi += at(h);
            }
        }
        self
    }

    /// The first `horizon` steps: point forecasts and both bounds of every interval.
    pub fn truncated(mut self, horizon: usize) -> Forecast {
        self.mean.truncate(horizon);
        for iv in &mut self.intervals {
            iv.lower.truncate(horizon);
            iv.upper.truncate(horizon);
        }
        self
    }

    /// Gaussian intervals `mean ± Φ⁻¹(0.5 + level/200) σ_h`. Non-finite or decreasing `σ_h` are
    /// repaired so intervals are finite and never narrow with the horizon.
    pub fn from_sd(mean: Vec<f64>, sd: &[f64], levels: &[f64]) -> Forecast {
        let mut s = Vec::with_capacity(mean.len());
        let mut prev = 0.0f64;
        for i in 0..mean.len() {
            let mut v = sd.get(i).copied().unwrap_or(prev);
            if !v.is_finite() || v < 0.0 {
                v = prev;
            }
            v = v.max(prev);
            s.push(v);
            prev = v;
        }
        let mean: Vec<f64> = mean
            .into_iter()
            .map(|v| if v.is_finite() { v } else { 0.0 })
            .collect();
        let intervals = levels
            .iter()
            .map(|&l| {
                let z = stats::z_for_level(l);
                Interval {
                    level: l,
                    lower: mean.iter().zip(&s).map(|(m, s)| m - z * s).collect(),
                    upper: mean.iter().zip(&s).map(|(m, s)| m + z * s).collect(),
                }
            })
            .collect();
        Forecast { mean, intervals }
    }

    /// The interval at `level`, if computed.
    pub fn interval(&self, level: f64) -> Option<&Interval> {
        self.intervals
            .iter()
            .find(|i| (i.level - level).abs() < 1e-9)
    }

    /// Implied standard deviation per step from the widest interval (for combining forecasts).
    pub fn implied_sd(&self) -> Vec<f64> {
        match self.intervals.first() {
            Some(iv) => {
                let z = stats::z_for_level(iv.level);
                iv.upper
                    .iter()
                    .zip(&iv.lower)
                    .map(|(u, l)| if z > 0.0 { (u - l) / (2.0 * z) } else { 0.0 })
                    .collect()
            }
            None => vec![0.0; self.mean.len()],
        }
    }
}

/// A fitted model: forecasts from the end of the series it was fitted on.
pub trait FittedModel {
    /// Short model name, e.g. `ETS(M,Ad,M)`, `ARIMA(0,1,1)(0,1,1)[12]`, `Theta`.
    fn name(&self) -> String;
    /// Point forecasts and `levels`% prediction intervals for steps `1..=horizon`.
    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast;
}

/// The fit with the smallest `score` among `fits` (the first on ties): how the automatic
/// models choose among their variants. When none could be fitted, the last error, else
/// `no_variant`.
pub(crate) fn lowest<T>(
    fits: impl IntoIterator<Item = Result<T, ForecastError>>,
    score: impl Fn(&T) -> f64,
    no_variant: ForecastError,
) -> Result<T, ForecastError> {
    let mut best: Option<T> = None;
    let mut last_err = None;
    for fit in fits {
        match fit {
            Ok(f) => {
                if best.as_ref().is_none_or(|b| score(&f) < score(b)) {
                    best = Some(f);
                }
            }
            Err(e) => last_err = Some(e),
        }
    }
    best.ok_or_else(|| last_err.unwrap_or(no_variant))
}

/// Akaike's criterion corrected for small samples (Hurvich & Tsai 1989), as R `forecast` and
/// statsforecast compute it for ETS, ARIMA and CES:
///
/// `AICc = −2 log L + 2k + 2k(k + 1) / (n − k − 1)`,
///
/// with `m2ll = −2 log L`, `k` estimated parameters (the error variance counted where the
/// model counts it) and `n` observations in the likelihood. Undefined where `n ≤ k + 1`: then
/// infinite, so that no automatic choice ever takes such a fit.
pub(crate) fn aicc(m2ll: f64, k: usize, n: usize) -> f64 {
    let (k, n) = (k as f64, n as f64);
    if n - k - 1.0 > 0.0 {
        m2ll + 2.0 * k + 2.0 * k * (k + 1.0) / (n - k - 1.0)
    } else {
        f64::INFINITY
    }
}

/// Reject empty series and non-finite values.
pub(crate) fn check_series(y: &[f64], needed: usize) -> Result<(), ForecastError> {
    if let Some(i) = y.iter().position(|v| !v.is_finite()) {
        return Err(ForecastError::NonFinite(i));
    }
    if y.len() < needed {
        return Err(ForecastError::TooShort {
            needed,
            got: y.len(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{aicc, Forecast};

    /// A forecast cut to its first steps keeps them, bounds included.
    #[test]
    fn truncated_keeps_the_first_steps() {
        let f = Forecast::from_sd(vec![10.0, 11.0, 12.0], &[1.0, 2.0, 3.0], &[95.0]).truncated(2);
        assert_eq!(f.mean, vec![10.0, 11.0]);
        let iv = f.interval(95.0).expect("95");
        assert_eq!((iv.lower.len(), iv.upper.len()), (2, 2));
        // 10 − 1.959964 · 1
        assert!((iv.lower[0] - 8.040036).abs() < 1e-6);
    }

    /// Burnham & Anderson (2002), eq. 2.2: `AICc = AIC + 2K(K + 1)/(n − K − 1)`.
    #[test]
    fn aicc_is_the_small_sample_correction() {
        // −2 log L = 100, K = 3, n = 20: AIC 106, correction 24/16
        assert_eq!(aicc(100.0, 3, 20), 107.5);
        // n = K + 2: the correction is 2K(K + 1)
        assert_eq!(aicc(100.0, 3, 5), 130.0);
        // undefined at n ≤ K + 1: never chosen
        assert_eq!(aicc(100.0, 3, 4), f64::INFINITY);
        assert_eq!(aicc(100.0, 3, 2), f64::INFINITY);
    }
}
