//! Theta models: the standard Theta method of Assimakopoulos & Nikolopoulos (2000, IJF 16(4))
//! in the state-space form of Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler (2016),
//! "Models for optimising the theta method and their relationship to state space models",
//! IJF 32(4), as implemented by statsforecast `AutoTheta`.
//!
//! With `A_n, B_n` the intercept and slope of the linear trend (fixed from the whole sample for
//! the static models STM/OTM, updated recursively for the dynamic DSTM/DOTM):
//! * `μ_t = ℓ_{t-1} + (1 − 1/θ) [A_{t-1} (1−α)^t + B_{t-1} (1 − (1−α)^{t+1})/α]`,
//! * `ℓ_t = α y_t + (1−α) ℓ_{t-1}`,
//! * dynamic: `ȳ_t = (t ȳ_{t-1} + y_t)/(t+1)`, `B_t = ((t−1) B_{t-1} + 6 (y_t − ȳ_{t-1})/(t+1))/(t+2)`,
//!   `A_t = ȳ_t − B_t (t+2)/2`.
//!
//! STM/DSTM fix `θ = 2`; OTM/DOTM estimate it. `α ∈ [0.1, 0.99]`, `θ ≥ 1` minimise
//! `Σ_{t≥3} e_t² / mean|y|` (Nelder–Mead); the automatic model keeps the variant with the
//! smallest criterion. Seasonal series (90% test on the lag-`m` autocorrelation, `m ≥ 4`) are
//! first divided by classical multiplicative seasonal indices (additive when the data are not
//! positive), which are re-applied to the forecasts, as in the M3 Theta method. Intervals:
//! `σ_h = σ √(1 + (h−1) α²)` with `σ` the residual standard deviation (statsforecast simulates
//! the same recursion).
//!
//! The final filter starts from `ℓ_0 = y_1/2`: the optimised initial level only guides the
//! search. (statsforecast 2.1.1 keeps the optimised `ℓ_0`. The criterion skips the first three
//! errors, so `ℓ_0` is weakly identified and the optimiser can take it far out; on M3 monthly
//! that version of the AutoTheta rule scores 14.961 / 0.8606 (sMAPE / MASE), statsforecast's
//! own 14.968 / 0.8607, against 14.357 / 0.8546 with `y_1/2`.) The start still weighs on a short
//! history with a small `α` (wineind's 14 yearly totals: 270,740 against statsforecast's
//! 314,923), but round 10 of the M3 protocol (`benches/forecast/m3_combinations/theta_start.py`)
//! kept it: starting the final filter from `y_1` is worse both in the combination and on
//! 24-month histories; fixing `ℓ_0 = y_1` in the search helps 24-month histories (relative
//! 0.987) but worsens the combination (1.0011).
//!
//! The product's Theta (`select::THETA_VARIANT`) is DOTM; [`ThetaModel::fit`] with `None` keeps
//! statsforecast's AutoTheta rule (tested against it in `tests/forecast_golden.rs`).

use super::optim::{nelder_mead, NmOptions};
use super::stats::{classical_seasonal, seasonality_test};
use super::{check_series, lowest, FittedModel, Forecast, ForecastError};

/// Theta variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThetaKind {
    /// Standard theta model (θ = 2).
    Stm,
    /// Optimised theta model.
    Otm,
    /// Dynamic standard theta model.
    Dstm,
    /// Dynamic optimised theta model.
    Dotm,
}

impl ThetaKind {
    fn dynamic(self) -> bool {
        matches!(self, ThetaKind::Dstm | ThetaKind::Dotm)
    }
    fn optimised(self) -> bool {
        matches!(self, ThetaKind::Otm | ThetaKind::Dotm)
    }
    pub fn label(self) -> &'static str {
        match self {
            ThetaKind::Stm => "Theta(STM)",
            ThetaKind::Otm => "Theta(OTM)",
            ThetaKind::Dstm => "Theta(DSTM)",
            ThetaKind::Dotm => "Theta(DOTM)",
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct State {
    level: f64,
    meany: f64,
    a: f64,
    b: f64,
}

fn update(st: &mut State, i: usize, dynamic: bool, alpha: f64, theta: f64, y: Option<f64>) -> f64 {
    let fi = i as f64;
    let mu = st.level
        + (1.0 - 1.0 / theta)
            * (st.a * (1.0 - alpha).powi(i as i32)
                + st.b * (1.0 - (1.0 - alpha).powi(i as i32 + 1)) / alpha);
    let yv = y.unwrap_or(mu);
    let old_mean = st.meany;
    st.level = alpha * yv + (1.0 - alpha) * st.level;
    st.meany = (fi * old_mean + yv) / (fi + 1.0);
    if dynamic {
        st.b = ((fi - 1.0) * st.b + 6.0 * (yv - old_mean) / (fi + 1.0)) / (fi + 2.0);
        st.a = st.meany - st.b * (fi + 2.0) / 2.0;
    }
    mu
}

fn init_state(y: &[f64], kind: ThetaKind, l0: f64, alpha: f64) -> State {
    let level = alpha * y[0] + (1.0 - alpha) * l0;
    if kind.dynamic() {
        State {
            level,
            meany: y[0],
            a: y[0],
            b: 0.0,
        }
    } else {
        let n = y.len() as f64;
        let my = y.iter().sum::<f64>() / n;
        let mty = y
            .iter()
            .enumerate()
            .map(|(i, v)| (i + 1) as f64 * v)
            .sum::<f64>()
            / n;
        let b = 6.0 * (2.0 * mty - (1.0 + n) * my) / (n * n - 1.0);
        State {
            level,
            meany: y[0],
            a: my - (n + 1.0) * b / 2.0,
            b,
        }
    }
}

/// Run the filter; returns (criterion, final state, residuals from t = 1).
fn theta_calc(
    y: &[f64],
    kind: ThetaKind,
    l0: f64,
    alpha: f64,
    theta: f64,
) -> (f64, State, Vec<f64>) {
    let mut st = init_state(y, kind, l0, alpha);
    let mut res = Vec::with_capacity(y.len());
    let mut sse = 0.0;
    for (i, &yi) in y.iter().enumerate().skip(1) {
        let mu = update(&mut st, i, kind.dynamic(), alpha, theta, Some(yi));
        let e = yi - mu;
        if !e.is_finite() {
            return (f64::INFINITY, st, res);
        }
        if i >= 3 {
            sse += e * e;
        }
        res.push(e);
    }
    let mut my = y.iter().map(|v| v.abs()).sum::<f64>() / y.len() as f64;
    if my.abs() < 1e-10 {
        my = 1e-10;
    }
    (sse / my, st, res)
}

/// A fitted theta model on the (seasonally adjusted) series.
#[derive(Debug, Clone)]
pub struct ThetaModel {
    pub kind: ThetaKind,
    pub alpha: f64,
    pub theta: f64,
    pub criterion: f64,
    pub sigma: f64,
    n: usize,
    state: State,
    /// Seasonal indices by position `t mod m` (empty = not seasonal) and whether multiplicative.
    pub seasonal: Vec<f64>,
    pub multiplicative: bool,
}

impl ThetaModel {
    /// Fit one variant on an already adjusted series.
    fn fit_adjusted(y: &[f64], kind: ThetaKind) -> Result<ThetaModel, ForecastError> {
        if y.len() <= 3 {
            return Err(ForecastError::TooShort {
                needed: 4,
                got: y.len(),
            });
        }
        let l0 = y[0] / 2.0;
        let mut x0 = vec![l0, 0.5];
        let mut lower = vec![-1e10, 0.1];
        let mut upper = vec![1e10, 0.99];
        if kind.optimised() {
            x0.push(2.0);
            lower.push(1.0);
            upper.push(1e10);
        }
        let mut obj = |x: &[f64]| {
            let th = if kind.optimised() { x[2] } else { 2.0 };
            theta_calc(y, kind, x[0], x[1], th).0
        };
        let r = nelder_mead(
            &mut obj,
            &x0,
            &lower,
            &upper,
            NmOptions {
                max_iter: 1000,
                ..NmOptions::default()
            },
        );
        let alpha = r.x[1];
        let theta = if kind.optimised() { r.x[2] } else { 2.0 };
        let (crit, state, res) = theta_calc(y, kind, l0, alpha, theta);
        if !crit.is_finite() {
            return Err(ForecastError::Fit {
                model: kind.label().into(),
                message: "criterion not finite".into(),
            });
        }
        let tail: Vec<f64> = res.iter().skip(2).copied().collect();
        let sigma = if tail.len() > 1 {
            let mu = tail.iter().sum::<f64>() / tail.len() as f64;
            (tail.iter().map(|e| (e - mu) * (e - mu)).sum::<f64>() / (tail.len() - 1) as f64).sqrt()
        } else {
            0.0
        };
        Ok(ThetaModel {
            kind,
            alpha,
            theta,
            criterion: crit,
            sigma,
            n: y.len(),
            state,
            seasonal: Vec::new(),
            multiplicative: true,
        })
    }

    /// Fit `kind` (or every variant when `None`, keeping the best criterion) with the seasonal
    /// adjustment described in the module docs.
    pub fn fit(y: &[f64], m: usize, kind: Option<ThetaKind>) -> Result<ThetaModel, ForecastError> {
        check_series(y, 4)?;
        let mut seasonal = Vec::new();
        let mut mult = true;
        let mut adj = y.to_vec();
        if m >= 4 && y.len() >= 2 * m && seasonality_test(y, m) {
            mult = y.iter().all(|v| *v > 0.0);
            let mut s = classical_seasonal(y, m, mult);
            if mult && s.iter().any(|v| *v < 0.01) {
                mult = false;
                s = classical_seasonal(y, m, false);
            }
            for (t, v) in adj.iter_mut().enumerate() {
                if mult {
                    *v /= s[t % m];
                } else {
                    *v -= s[t % m];
                }
            }
            seasonal = s;
        }
        let kinds = match kind {
            Some(k) => vec![k],
            None => vec![
                ThetaKind::Stm,
                ThetaKind::Otm,
                ThetaKind::Dstm,
                ThetaKind::Dotm,
            ],
        };
        let mut best = lowest(
            kinds.into_iter().map(|k| Self::fit_adjusted(&adj, k)),
            |f: &ThetaModel| f.criterion,
            ForecastError::Fit {
                model: "Theta".into(),
                message: "no variant could be fitted".into(),
            },
        )?;
        best.seasonal = seasonal;
        best.multiplicative = mult;
        Ok(best)
    }
}

impl FittedModel for ThetaModel {
    fn name(&self) -> String {
        self.kind.label().into()
    }
    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        let mut st = self.state;
        let mut mean = Vec::with_capacity(horizon);
        let mut sd = Vec::with_capacity(horizon);
        let m = self.seasonal.len();
        for h in 1..=horizon {
            let i = self.n + h - 1;
            let mut f = update(
                &mut st,
                i,
                self.kind.dynamic(),
                self.alpha,
                self.theta,
                None,
            );
            let mut s = self.sigma * (1.0 + (h as f64 - 1.0) * self.alpha * self.alpha).sqrt();
            if m > 0 {
                let si = self.seasonal[i % m];
                if self.multiplicative {
                    f *= si;
                    s *= si;
                } else {
                    f += si;
                }
            }
            mean.push(f);
            sd.push(s);
        }
        Forecast::from_sd(mean, &sd, levels)
    }
}
