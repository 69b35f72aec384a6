//! Known regressors of a series — promotion or holiday flags from a column of a series file —
//! handled by regression with ARIMA errors (Hyndman & Athanasopoulos, *Forecasting: Principles
//! and Practice*, 3rd ed., ch. 10, "Dynamic regression models"):
//!
//! `y_t = Σ_j β_j x_{j,t} + η_t`, `η_t ~ ARIMA(p,d,q)(P,D,Q)_m`.
//!
//! The order of `η` is chosen as R's `auto.arima(y, xreg = X)` chooses the differencing: on
//! the residuals of the least-squares regression of `y` on the flags (here the stepwise search
//! runs on them too); `β` and the ARMA parameters are then estimated jointly by exact maximum
//! likelihood ([`fit_xreg`]). The forecaster then works on the *baseline* `y_t − Σ_j β_j x_{j,t}`
//! and adds `Σ_j β_j x_{j,T+h}` back for the planned flags of each forecast step. The automatic
//! choice on the baseline is ARIMA, which makes the whole the regression with ARIMA errors (the
//! combination on the baseline lost to it on training windows: BENCHMARKS.md); a model asked
//! for by name runs on the baseline. As in R's `predict.Arima`, the intervals leave out the
//! uncertainty of `β`.

use serde::{Deserialize, Serialize};

use super::arima::{fit_xreg, least_squares, ArimaModel, ArimaOrder, AutoArima};
use super::ForecastError;

/// Flag columns of one series: values for the history and, where known, for the periods after
/// it (missing future values count as 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesFlags {
    pub names: Vec<String>,
    /// `history[j][t]`: flag `j` in period `t` of the history.
    pub history: Vec<Vec<f64>>,
    /// `future[j][h]`: flag `j` in forecast step `h + 1`, as far as the file gives it.
    pub future: Vec<Vec<f64>>,
}

/// The estimated effect of one flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlagEffect {
    pub name: String,
    /// Change of the series in a flagged period, in its units (`β_j`).
    pub effect: f64,
}

/// Fitted flag effects.
#[derive(Debug, Clone)]
pub struct FlagFit {
    pub effects: Vec<FlagEffect>,
    /// The ARIMA order of the errors.
    pub order: ArimaOrder,
    /// The errors' ARIMA, fitted jointly with the effects (on `y − Σ β x`).
    pub errors: ArimaModel,
    /// Flags left out because they never change in the history.
    pub constant: Vec<String>,
}

impl SeriesFlags {
    /// The flags that vary in the history (the others cannot be estimated).
    fn varying(&self) -> (Vec<usize>, Vec<String>) {
        let mut keep = Vec::new();
        let mut constant = Vec::new();
        for (j, c) in self.history.iter().enumerate() {
            let first = c.first().copied().unwrap_or(0.0);
            if c.iter().any(|v| (v - first).abs() > 1e-12) {
                keep.push(j);
            } else {
                constant.push(self.names.get(j).cloned().unwrap_or_default());
            }
        }
        (keep, constant)
    }

    /// `Σ_j β_j x_{j,t}` of history period `t`.
    pub fn history_effect(&self, fit: &FlagFit, t: usize) -> f64 {
        self.effect_at(fit, |c| c.get(t).copied(), &self.history)
    }

    /// `Σ_j β_j x_{j,T+h+1}` of forecast step `h` (0-based; unknown flags count as 0).
    pub fn future_effect(&self, fit: &FlagFit, h: usize) -> f64 {
        self.effect_at(fit, |c| c.get(h).copied(), &self.future)
    }

    fn effect_at(
        &self,
        fit: &FlagFit,
        at: impl Fn(&Vec<f64>) -> Option<f64>,
        cols: &[Vec<f64>],
    ) -> f64 {
        fit.effects
            .iter()
            .map(|e| {
                let j = self.names.iter().position(|n| *n == e.name);
                let v = j.and_then(|j| cols.get(j)).and_then(&at).unwrap_or(0.0);
                e.effect * v
            })
            .sum()
    }

    /// Forecast steps whose flags the file gives (the shortest column).
    pub fn known_steps(&self) -> usize {
        self.future.iter().map(Vec::len).min().unwrap_or(0)
    }
}

/// Estimate the flags' effects on `y` (season length `m`): `None` when no flag varies in the
/// history.
pub fn fit(y: &[f64], m: usize, flags: &SeriesFlags) -> Result<Option<FlagFit>, ForecastError> {
    let (keep, constant) = flags.varying();
    if keep.is_empty() {
        return Ok(None);
    }
    let x: Vec<Vec<f64>> = keep
        .iter()
        .map(|&j| {
            let c = &flags.history[j];
            c[..y.len().min(c.len())].to_vec()
        })
        .collect();
    if x.iter().any(|c| c.len() != y.len()) {
        return Err(ForecastError::Fit {
            model: "regression with ARIMA errors".into(),
            message: "a flag column is shorter than the series".into(),
        });
    }
    let ls = least_squares(&x, y, true).ok_or_else(|| ForecastError::Fit {
        model: "regression with ARIMA errors".into(),
        message: "the flags are collinear".into(),
    })?;
    let resid: Vec<f64> = y
        .iter()
        .enumerate()
        .map(|(t, v)| v - x.iter().zip(&ls).map(|(c, b)| b * c[t]).sum::<f64>())
        .collect();
    let order = AutoArima::fit(&resid, m)?.best.order;
    let (errors, beta) = fit_xreg(y, &x, order)?;
    Ok(Some(FlagFit {
        errors,
        effects: keep
            .iter()
            .zip(beta)
            .map(|(&j, effect)| FlagEffect {
                name: flags.names.get(j).cloned().unwrap_or_default(),
                effect,
            })
            .collect(),
        order,
        constant,
    }))
}
