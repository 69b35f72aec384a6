//! Complex exponential smoothing (CES) of Svetunkov, Kourentzes & Ord (2022), "Complex
//! exponential smoothing", Naval Research Logistics 69(8), with the seasonal extensions of
//! Svetunkov's `smooth::ces`, as implemented by statsforecast `AutoCES`.
//!
//! The level `ℓ` and the "information potential" `c` form one complex state `ℓ + ic`, smoothed
//! with a complex parameter `a₀ + i a₁`. With `e_t = y_t − ŷ_t`:
//! * `ℓ_t = ℓ_{t−k} − (1 − a₁) c_{t−k} + (a₀ − a₁) e_t`,
//! * `c_t = ℓ_{t−k} + (1 − a₀) c_{t−k} + (a₀ + a₁) e_t`,
//!
//! with `k = 1`, except for the simple seasonal model where `k = m`. Seasonal types:
//! * **N** (none): `ŷ_t = ℓ_{t−1}`;
//! * **S** (simple): the same recursion on lag `m`, `ŷ_t = ℓ_{t−m}`;
//! * **P** (partial): an additive seasonal state with a real parameter `b₀`,
//!   `ŷ_t = ℓ_{t−1} + s_{t−m}`, `s_t = s_{t−m} + b₀ e_t`;
//! * **F** (full): a second complex pair `(s, d)` on lag `m` with parameter `b₀ + i b₁`,
//!   `ŷ_t = ℓ_{t−1} + s_{t−m}`, `s_t = s_{t−m} − (1 − b₁) d_{t−m} + (b₀ − b₁) e_t`,
//!   `d_t = s_{t−m} + (1 − b₀) d_{t−m} + (b₀ + b₁) e_t`.
//!
//! Initial states as statsforecast: N: `ℓ₀` the mean of the first 10 values, `c₀ = ℓ₀/1.1`;
//! S: the first season's values (and `/1.1`); P and F: the first season's mean, and the classical
//! additive seasonal indices (`s`, and `d = s/1.1`). They are then refined by backfitting: one
//! pass forward, one over the reversed series, whose end states become the initial states of the
//! final forward pass. The parameters (`a₀ ∈ [0.01, 1.8]`, `a₁ ∈ [0.01, 1.9]`,
//! `b₀, b₁ ∈ [0.01, 1.5]`, starting at 1.3, 1, 1.3 (0.1 for P), 1) minimise `n log SSE` by
//! Nelder–Mead. The automatic model fits the four types (only N when the series is shorter than
//! two seasons, `m = 1` or, as ETS, `m > 24`) and keeps the smallest `AICc = n log SSE + 2k + 2k(k+1)/(n−k−1)`,
//! `k` = number of states + 1.
//!
//! Intervals: the model is a linear innovations state-space model, so the `h`-step variance is
//! `σ² (1 + Σ_{j<h} ψ_j²)`, `ψ_j` the response of step `j+1` to a unit error at step 1 and
//! `σ² = SSE / (n − k − 1)` (Hyndman et al. 2008, §6.1). (statsforecast simulates the states
//! instead.)

use super::ets::MAX_SEASON;
use super::optim::{nelder_mead, NmOptions};
use super::stats::classical_seasonal;
use super::{check_series, lowest, FittedModel, Forecast, ForecastError};

/// Seasonal type of a CES model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CesSeason {
    /// No seasonality.
    None,
    /// The complex recursion on the seasonal lag only.
    Simple,
    /// Non-seasonal CES plus an additive seasonal state.
    Partial,
    /// Non-seasonal CES plus a complex seasonal pair.
    Full,
}

impl CesSeason {
    /// The letter statsforecast and `smooth::ces` use.
    pub fn letter(self) -> char {
        match self {
            CesSeason::None => 'N',
            CesSeason::Simple => 'S',
            CesSeason::Partial => 'P',
            CesSeason::Full => 'F',
        }
    }

    fn components(self) -> usize {
        match self {
            CesSeason::None | CesSeason::Simple => 2,
            CesSeason::Partial => 3,
            CesSeason::Full => 4,
        }
    }

    fn params(self) -> (Vec<f64>, Vec<f64>) {
        match self {
            CesSeason::None | CesSeason::Simple => (vec![1.3, 1.0], vec![1.8, 1.9]),
            CesSeason::Partial => (vec![1.3, 1.0, 0.1], vec![1.8, 1.9, 1.5]),
            CesSeason::Full => (vec![1.3, 1.0, 1.3, 1.0], vec![1.8, 1.9, 1.5, 1.5]),
        }
    }
}

type Row = [f64; 4];

/// The model's parameters `(a₀, a₁, b₀, b₁)` (unused ones 0).
#[derive(Debug, Clone, Copy)]
struct Par {
    a0: f64,
    a1: f64,
    b0: f64,
    b1: f64,
}

impl Par {
    fn from(x: &[f64]) -> Par {
        let g = |i: usize| x.get(i).copied().unwrap_or(0.0);
        Par {
            a0: g(0),
            a1: g(1),
            b0: g(2),
            b1: g(3),
        }
    }
}

/// One-step prediction for row `i` from the rows before it (`lag` = the seasonal lag).
fn predict_row(st: &[Row], i: usize, lag: usize, season: CesSeason) -> f64 {
    let mut f = if season == CesSeason::Simple {
        st[i - lag][0]
    } else {
        st[i - 1][0]
    };
    if matches!(season, CesSeason::Partial | CesSeason::Full) {
        f += st[i - lag][2];
    }
    f
}

/// Row `i` after observing `y` (error `y − ŷ`).
fn update_row(st: &mut [Row], i: usize, lag: usize, season: CesSeason, p: Par, y: f64) {
    let e = y - predict_row(st, i, lag, season);
    let k = if season == CesSeason::Simple { lag } else { 1 };
    let (l, c) = (st[i - k][0], st[i - k][1]);
    let mut row = [0.0; 4];
    row[0] = l - (1.0 - p.a1) * c + (p.a0 - p.a1) * e;
    row[1] = l + (1.0 - p.a0) * c + (p.a0 + p.a1) * e;
    match season {
        CesSeason::Partial => row[2] = st[i - lag][2] + p.b0 * e,
        CesSeason::Full => {
            let (s, d) = (st[i - lag][2], st[i - lag][3]);
            row[2] = s - (1.0 - p.b1) * d + (p.b0 - p.b1) * e;
            row[3] = s + (1.0 - p.b0) * d + (p.b0 + p.b1) * e;
        }
        _ => {}
    }
    st[i] = row;
}

/// One forward pass over `y` from the first `lag` rows of `st` (which has `n + 2 lag` rows):
/// fills rows `lag..n+lag` and projects `lag` more rows with zero errors. Returns the SSE.
fn pass(y: &[f64], st: &mut [Row], lag: usize, season: CesSeason, p: Par) -> f64 {
    let n = y.len();
    let mut sse = 0.0;
    for (t, &v) in y.iter().enumerate() {
        let i = t + lag;
        let e = v - predict_row(st, i, lag, season);
        sse += e * e;
        update_row(st, i, lag, season, p, v);
    }
    for i in n + lag..n + 2 * lag {
        let f = predict_row(st, i, lag, season);
        update_row(st, i, lag, season, p, f);
    }
    sse
}

/// Forward, backward over the reversed series `yr`, forward again (statsforecast's backfit).
/// Returns the last pass's SSE; `st` then holds its states.
fn backfit(y: &[f64], yr: &[f64], st: &mut [Row], lag: usize, season: CesSeason, p: Par) -> f64 {
    pass(y, st, lag, season, p);
    st.reverse();
    pass(yr, st, lag, season, p);
    st.reverse();
    pass(y, st, lag, season, p)
}

/// A fitted CES model.
#[derive(Debug, Clone)]
pub struct CesModel {
    pub season: CesSeason,
    /// The seasonal lag (1 for [`CesSeason::None`]).
    pub lag: usize,
    /// `a₀, a₁, b₀, b₁` (the unused ones 0).
    pub a0: f64,
    pub a1: f64,
    pub b0: f64,
    pub b1: f64,
    /// `n log SSE + 2k + 2k(k+1)/(n−k−1)`.
    pub aicc: f64,
    pub sigma2: f64,
    /// The last `lag` state rows.
    last: Vec<Row>,
}

impl CesModel {
    /// Fit one seasonal type on `y` with season length `m`.
    pub fn fit_type(y: &[f64], m: usize, season: CesSeason) -> Result<CesModel, ForecastError> {
        let (x0, upper) = season.params();
        check_series(y, x0.len() + 1)?;
        let n = y.len();
        let lag = if season == CesSeason::None { 1 } else { m };
        if lag < 2 && season != CesSeason::None {
            return Err(ForecastError::Fit {
                model: "CES".into(),
                message: format!("a seasonal type needs a season of 2 or more periods, not {m}"),
            });
        }
        if season != CesSeason::None && n < 2 * lag {
            return Err(ForecastError::TooShort {
                needed: 2 * lag,
                got: n,
            });
        }
        let mut reversed = y.to_vec();
        reversed.reverse();
        let init = init_states(y, lag, season);
        let lower = vec![0.01; x0.len()];
        let mut st = vec![[0.0; 4]; n + 2 * lag];
        let mut objective = |x: &[f64]| -> f64 {
            st[..lag].copy_from_slice(&init);
            let sse = backfit(y, &reversed, &mut st, lag, season, Par::from(x));
            lik(sse, n)
        };
        let opt = nelder_mead(
            &mut objective,
            &x0,
            &lower,
            &upper,
            NmOptions {
                max_iter: 1000,
                ..NmOptions::default()
            },
        );
        let p = Par::from(&opt.x);
        st[..lag].copy_from_slice(&init);
        let sse = backfit(y, &reversed, &mut st, lag, season, p);
        if !sse.is_finite() {
            return Err(ForecastError::Fit {
                model: "CES".into(),
                message: "the fit diverged".into(),
            });
        }
        // the complex smoothing parameters and the variance
        let k = season.components() + 1;
        let aicc = super::aicc(lik(sse, n), k, n);
        let (k, nf) = (k as f64, n as f64);
        let sigma2 = if nf - k - 1.0 > 0.0 {
            sse / (nf - k - 1.0)
        } else {
            sse / nf
        };
        Ok(CesModel {
            season,
            lag,
            a0: p.a0,
            a1: p.a1,
            b0: p.b0,
            b1: p.b1,
            aicc,
            sigma2,
            last: st[n..n + lag].to_vec(),
        })
    }

    /// statsforecast's `AutoCES`: the four seasonal types (only N when `m = 1` or the series is
    /// shorter than two seasons), the smallest AICc. As for ETS ([`MAX_SEASON`], R's `ets`), a
    /// season longer than 24 periods (52 weeks) gets no seasonal type: `m` seasonal
    /// states each seen two or three times are too many to estimate. (statsforecast fits them;
    /// on the jewelry file, 2.2 seasons of 52 weeks, they made the combination worse than the
    /// naive forecast, BENCHMARKS.md.)
    pub fn fit(y: &[f64], m: usize) -> Result<CesModel, ForecastError> {
        let types: &[CesSeason] = if m <= 1 || m > MAX_SEASON || y.len() < 2 * m {
            &[CesSeason::None]
        } else {
            &[
                CesSeason::None,
                CesSeason::Simple,
                CesSeason::Partial,
                CesSeason::Full,
            ]
        };
        lowest(
            types.iter().map(|&s| CesModel::fit_type(y, m, s)),
            |f: &CesModel| f.aicc,
            ForecastError::Fit {
                model: "CES".into(),
                message: "no seasonal type could be fitted".into(),
            },
        )
    }

    fn par(&self) -> Par {
        Par {
            a0: self.a0,
            a1: self.a1,
            b0: self.b0,
            b1: self.b1,
        }
    }

    /// Point forecasts for steps `1..=h`.
    pub fn point(&self, h: usize) -> Vec<f64> {
        self.run(self.last.clone(), None, h)
    }

    /// Continue the recursion `h` steps from `rows` (the last `lag` rows) with zero errors, or
    /// with one unit error at step 1 (`shock`), returning each step's prediction.
    fn run(&self, rows: Vec<Row>, shock: Option<f64>, h: usize) -> Vec<f64> {
        let lag = self.lag;
        let mut st = rows;
        st.resize(lag + h, [0.0; 4]);
        let mut out = Vec::with_capacity(h);
        for j in 0..h {
            let i = lag + j;
            let f = predict_row(&st, i, lag, self.season);
            let y = if j == 0 { f + shock.unwrap_or(0.0) } else { f };
            update_row(&mut st, i, lag, self.season, self.par(), y);
            out.push(f);
        }
        out
    }
}

/// `n log SSE` (statsforecast's criterion), floored for an exact fit.
fn lik(sse: f64, n: usize) -> f64 {
    if sse.is_finite() {
        n as f64 * sse.max(1e-300).ln()
    } else {
        f64::INFINITY
    }
}

/// statsforecast's initial states (rows `0..lag`).
fn init_states(y: &[f64], lag: usize, season: CesSeason) -> Vec<Row> {
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let mut rows = vec![[0.0; 4]; lag];
    match season {
        CesSeason::None => {
            let l = mean(&y[..y.len().min(10)]);
            rows[0] = [l, l / 1.1, 0.0, 0.0];
        }
        CesSeason::Simple => {
            for (r, &v) in rows.iter_mut().zip(y) {
                *r = [v, v / 1.1, 0.0, 0.0];
            }
        }
        CesSeason::Partial | CesSeason::Full => {
            let l = mean(&y[..lag]);
            let s = classical_seasonal(y, lag, false);
            for (r, &si) in rows.iter_mut().zip(&s) {
                *r = [l, l / 1.1, si, si / 1.1];
                if season == CesSeason::Partial {
                    r[3] = 0.0;
                }
            }
        }
    }
    rows
}

impl FittedModel for CesModel {
    fn name(&self) -> String {
        format!("CES({})", self.season.letter())
    }

    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        let mean = self.point(horizon);
        // ψ_j: the response of step j+1 to a unit error at step 1 (from zero states).
        let psi = self.run(vec![[0.0; 4]; self.lag], Some(1.0), horizon + 1);
        let mut acc = 1.0;
        let mut sd = Vec::with_capacity(horizon);
        for h in 1..=horizon {
            if h > 1 {
                acc += psi[h - 1] * psi[h - 1];
            }
            sd.push((self.sigma2 * acc).sqrt());
        }
        Forecast::from_sd(mean, &sd, levels)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_constant_series_is_forecast_flat() {
        let y = vec![5.0; 30];
        let f = CesModel::fit(&y, 12).expect("fit").predict(6, &[80.0]);
        for v in &f.mean {
            assert!((v - 5.0).abs() < 1e-6, "{v}");
        }
    }

    #[test]
    fn the_unit_error_response_starts_at_the_level_update() {
        // ψ_1 = w' F g for the non-seasonal model: a₀ − a₁ (the level's share of the error).
        let m = CesModel {
            season: CesSeason::None,
            lag: 1,
            a0: 1.2,
            a1: 0.9,
            b0: 0.0,
            b1: 0.0,
            aicc: 0.0,
            sigma2: 1.0,
            last: vec![[0.0; 4]],
        };
        let psi = m.run(vec![[0.0; 4]], Some(1.0), 3);
        assert_eq!(psi[0], 0.0);
        assert!((psi[1] - 0.3).abs() < 1e-12);
        // step 3: ℓ₂ = ℓ₁ − (1 − a₁) c₁ with ℓ₁ = 0.3, c₁ = a₀ + a₁ = 2.1.
        assert!((psi[2] - (0.3 - 0.1 * 2.1)).abs() < 1e-12);
    }
}

#[cfg(test)]
mod edge_tests {
    use super::*;

    #[test]
    fn a_seasonal_type_needs_a_season() {
        let y: Vec<f64> = (0..30).map(|t| 10.0 + (t % 3) as f64).collect();
        for m in [0, 1] {
            assert!(matches!(
                CesModel::fit_type(&y, m, CesSeason::Full),
                Err(ForecastError::Fit { .. })
            ));
        }
        // m = 1: the automatic model fits the non-seasonal type only
        assert_eq!(CesModel::fit(&y, 1).expect("fit").season, CesSeason::None);
        // a 52-week season is longer than ETS's bound: no seasonal type either
        let w: Vec<f64> = (0..120).map(|t| 10.0 + (t % 52) as f64).collect();
        assert_eq!(CesModel::fit(&w, 52).expect("fit").season, CesSeason::None);
    }
}
