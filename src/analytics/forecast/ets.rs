//! Exponential smoothing state-space models ETS(Error, Trend, Season) of Hyndman, Koehler, Ord &
//! Snyder (2008), *Forecasting with Exponential Smoothing: The State Space Approach*, Springer;
//! the estimation follows R `forecast::ets` / statsforecast `AutoETS`.
//!
//! Recursions (smoothing form, `q = ℓ_{t-1} + φ b_{t-1}`, `s = s_{t-m}`):
//! * forecast `μ_t = q (+ s | × s)`; error `ε_t = y_t − μ_t` (additive) or `(y_t − μ_t)/μ_t`
//!   (multiplicative);
//! * level `ℓ_t = q + α (p_t − q)` with `p_t = y_t (− s | / s)`;
//! * trend `b_t = φ b_{t-1} + (β/α)(ℓ_t − ℓ_{t-1} − φ b_{t-1})`;
//! * season `s_t = s + γ (y_t (− q | / q) − s)`.
//!
//! Parameters and initial states maximise the likelihood, i.e. minimise
//! `n log Σ ε_t² (+ 2 Σ log |μ_t|` for multiplicative errors), by Nelder–Mead within the usual
//! bounds `1e-4 ≤ β ≤ α ≤ 0.9999`, `γ ≤ 1 − α`, `0.8 ≤ φ ≤ 0.98`, and, for seasonal models,
//! inside the admissible region (R's default `bounds = "both"`, see [`admissible`]); initial
//! states start from the
//! heuristic of Hyndman et al. (2002), and the simplex is restarted from its optimum while that
//! improves (classical decomposition of the first three seasons, linear
//! trend on the first `max(10, 2m)` seasonally adjusted values). The automatic model
//! ([`AutoEts`]) fits every admissible combination (no multiplicative trend; no additive error
//! with multiplicative season; multiplicative components only for positive data; seasonal only
//! when `1 < m ≤ 24` and `n > m`) and keeps the one with the smallest
//! `AICc = −2 log L + 2k + 2k(k+1)/(n−k−1)`.
//!
//! Prediction intervals: class-1 variance (Hyndman et al. 2008, Table 6.1)
//! `v_h = σ² (1 + Σ_{j<h} c_j²)`, `c_j = α + β φ_j + γ 1[j ≡ 0 mod m]`, `φ_j = φ + … + φ^j`;
//! for multiplicative-error models the same expression scaled by `μ_{n+h}` (relative errors).

use super::optim::{nelder_mead, NmOptions};
use super::stats::{classical_seasonal, linear_trend, mean};
use super::{check_series, FittedModel, Forecast, ForecastError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Component {
    None,
    Additive,
    Multiplicative,
}

/// Model specification: error, trend (`damped` for `Ad`), season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EtsSpec {
    pub error: Component,
    pub trend: Component,
    pub damped: bool,
    pub season: Component,
}

impl EtsSpec {
    pub fn label(&self) -> String {
        let c = |x: Component| match x {
            Component::None => "N",
            Component::Additive => "A",
            Component::Multiplicative => "M",
        };
        format!(
            "ETS({},{}{},{})",
            c(self.error),
            c(self.trend),
            if self.damped { "d" } else { "" },
            c(self.season)
        )
    }
}

/// A fitted ETS model.
#[derive(Debug, Clone)]
pub struct EtsModel {
    pub spec: EtsSpec,
    pub m: usize,
    pub alpha: f64,
    pub beta: f64,
    pub gamma: f64,
    pub phi: f64,
    /// Initial states `ℓ_0, b_0, s_0, s_{-1}, …, s_{-m+1}` (R order).
    pub initial_states: Vec<f64>,
    /// Final level, trend and seasonal ring (`ring[t mod m]` is the season of time `t`).
    pub level: f64,
    pub trend: f64,
    pub ring: Vec<f64>,
    pub n: usize,
    pub sigma2: f64,
    /// `n log SSE (+ 2 Σ log|μ|)`; `−2 log L` up to a constant.
    pub lik: f64,
    pub aic: f64,
    pub aicc: f64,
    pub bic: f64,
    /// Number of estimated parameters including σ.
    pub n_params: usize,
}

struct Calc {
    lik: f64,
    sse: f64,
    level: f64,
    trend: f64,
}

#[allow(clippy::too_many_arguments)]
fn ets_calc(
    y: &[f64],
    spec: &EtsSpec,
    m: usize,
    alpha: f64,
    beta: f64,
    gamma: f64,
    phi: f64,
    l0: f64,
    b0: f64,
    ring: &mut [f64],
) -> Calc {
    let has_t = spec.trend != Component::None;
    let seas = spec.season;
    let mult_err = spec.error == Component::Multiplicative;
    let (mut l, mut b) = (l0, if has_t { b0 } else { 0.0 });
    let phi = if spec.damped { phi } else { 1.0 };
    let bstar = if alpha > 0.0 { beta / alpha } else { 0.0 };
    let mut sse = 0.0;
    let mut slogf = 0.0;
    let mut pos = 0usize;
    for &yt in y {
        let phib = phi * b;
        let q = l + phib;
        let s = if seas != Component::None {
            ring[pos]
        } else {
            0.0
        };
        let f = match seas {
            Component::None => q,
            Component::Additive => q + s,
            Component::Multiplicative => q * s,
        };
        if !f.is_finite() {
            return Calc {
                lik: f64::INFINITY,
                sse: f64::INFINITY,
                level: l,
                trend: b,
            };
        }
        let e = if mult_err {
            if f.abs() < 1e-10 {
                return Calc {
                    lik: f64::INFINITY,
                    sse: f64::INFINITY,
                    level: l,
                    trend: b,
                };
            }
            slogf += f.abs().ln();
            (yt - f) / f
        } else {
            yt - f
        };
        sse += e * e;
        let p = match seas {
            Component::None => yt,
            Component::Additive => yt - s,
            Component::Multiplicative => {
                if s.abs() < 1e-10 {
                    1e10
                } else {
                    yt / s
                }
            }
        };
        let newl = q + alpha * (p - q);
        if has_t {
            let r = newl - l;
            b = phib + bstar * (r - phib);
        }
        match seas {
            Component::None => {}
            Component::Additive => ring[pos] = s + gamma * (yt - q - s),
            Component::Multiplicative => {
                let t = if q.abs() < 1e-10 { 1e10 } else { yt / q };
                ring[pos] = s + gamma * (t - s);
            }
        }
        l = newl;
        pos += 1;
        if pos == m {
            pos = 0;
        }
    }
    let n = y.len() as f64;
    let mut lik = n * sse.max(1e-300).ln();
    if mult_err {
        lik += 2.0 * slogf;
    }
    Calc {
        lik,
        sse,
        level: l,
        trend: b,
    }
}

/// Least squares fit of `y ~ 1 + t + sin(2πt/m) + cos(2πt/m)`, `t = 1..n`; returns (a, b).
fn fourier_trend(y: &[f64], m: usize) -> (f64, f64) {
    let n = y.len();
    let k = 4;
    let mut xtx = [[0.0f64; 4]; 4];
    let mut xty = [0.0f64; 4];
    for (i, &v) in y.iter().enumerate() {
        let t = (i + 1) as f64;
        let w = 2.0 * std::f64::consts::PI * t / m as f64;
        let row = [1.0, t, w.sin(), w.cos()];
        for a in 0..k {
            xty[a] += row[a] * v;
            for c in 0..k {
                xtx[a][c] += row[a] * row[c];
            }
        }
    }
    match solve4(xtx, xty) {
        Some(beta) if n >= 4 => (beta[0], beta[1]),
        _ => linear_trend(y),
    }
}

fn solve4(mut a: [[f64; 4]; 4], mut b: [f64; 4]) -> Option<[f64; 4]> {
    for col in 0..4 {
        let mut piv = col;
        for r in col + 1..4 {
            if a[r][col].abs() > a[piv][col].abs() {
                piv = r;
            }
        }
        if a[piv][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, piv);
        b.swap(col, piv);
        for r in 0..4 {
            if r != col {
                let f = a[r][col] / a[col][col];
                for c in col..4 {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
    }
    Some([
        b[0] / a[0][0],
        b[1] / a[1][1],
        b[2] / a[2][2],
        b[3] / a[3][3],
    ])
}

/// Heuristic initial states (R `forecast:::initstate`): `[ℓ_0, (b_0), s_0, …, s_{-m+2}]`.
fn init_states(y: &[f64], spec: &EtsSpec, m: usize) -> Vec<f64> {
    let n = y.len();
    let seasonal = spec.season != Component::None;
    let mult_s = spec.season == Component::Multiplicative;
    let mut out = Vec::new();
    let mut init_seas: Vec<f64> = Vec::new();
    let ysa: Vec<f64> = if seasonal {
        // seasonal component at positions 0..m-1 (t mod m)
        let comp: Vec<f64> = if n < 3 * m {
            let (a, b) = fourier_trend(y, m);
            (0..m)
                .map(|i| {
                    let tr = a + b * (i + 1) as f64;
                    let v = y.get(i).copied().unwrap_or(tr);
                    if mult_s {
                        v / tr
                    } else {
                        v - tr
                    }
                })
                .collect()
        } else {
            classical_seasonal(&y[..3 * m], m, mult_s)
        };
        init_seas = (1..m).rev().map(|i| comp[i]).collect();
        if mult_s {
            for v in init_seas.iter_mut() {
                *v = v.max(1e-2);
            }
            let s: f64 = init_seas.iter().sum();
            if s > m as f64 {
                let d: f64 = init_seas.iter().map(|v| v + 1e-2).sum();
                for v in init_seas.iter_mut() {
                    *v /= d;
                }
            }
            y.iter()
                .enumerate()
                .map(|(t, v)| v / comp[t % m].max(1e-2))
                .collect()
        } else {
            y.iter().enumerate().map(|(t, v)| v - comp[t % m]).collect()
        }
    } else {
        y.to_vec()
    };
    let maxn = (10usize.max(2 * m)).min(n);
    if spec.trend == Component::None {
        out.push(mean(&ysa[..maxn]));
    } else {
        let (mut a, mut b) = linear_trend(&ysa[..maxn]);
        if (a + b).abs() < 1e-8 {
            a *= 1.0 + 1e-3;
            b *= 1.0 - 1e-3;
        }
        out.push(a);
        out.push(b);
    }
    out.extend(init_seas);
    out
}

/// The admissible region of a seasonal model (Hyndman, Akram & Archibald 2008, "The
/// admissible parameter space for exponential smoothing models", AISM 60; R
/// `forecast:::admissible`, statsforecast `ets.admissible`): besides the easy bounds,
/// every root of the characteristic polynomial
/// `P(z) = φ(1−α−γ) + (α+β−αφ+γ−1) z + Σ_{j=2}^{m−1} (α+β−αφ) z^j + (α+β−φ) z^m + z^{m+1}`
/// lies in the closed unit disc (modulus ≤ 1 + 1e−10). Non-seasonal models inside the usual
/// bounds are always admissible. `phi` is 1 for an undamped trend, `beta` 0 without trend.
fn admissible(alpha: f64, beta: f64, gamma: f64, phi: f64, m: usize) -> bool {
    if m < 2 || !(phi > 0.0 && phi <= 1.0 + 1e-8) {
        return m < 2;
    }
    if gamma < (1.0 - 1.0 / phi - alpha).max(0.0) || gamma > 1.0 + 1.0 / phi - alpha {
        return false;
    }
    let mf = m as f64;
    if alpha < 1.0 - 1.0 / phi - gamma * (1.0 - mf + phi + phi * mf) / (2.0 * phi * mf) {
        return false;
    }
    if beta < -(1.0 - phi) * (gamma / mf + alpha) {
        return false;
    }
    // Roots of P inside the closed unit disc ⇔ roots of the reciprocal polynomial
    // z^{m+1} P(1/z) = 1 + (α+β−φ) z + Σ (α+β−αφ) z^j + … + φ(1−α−γ) z^{m+1} outside the circle of
    // radius 1/(1 + 1e−10); written as `1 − Σ a_i z^i` for the Schur–Cohn test.
    let mid = alpha + beta - alpha * phi;
    let mut a = Vec::with_capacity(m);
    a.push(-(alpha + beta - phi));
    a.extend(std::iter::repeat_n(-mid, m - 2));
    a.push(-(mid + gamma - 1.0));
    a.push(-phi * (1.0 - alpha - gamma));
    super::arima::roots_outside(&a, 1.0 / (1.0 + 1e-10))
}

fn n_states(spec: &EtsSpec, m: usize) -> usize {
    1 + usize::from(spec.trend != Component::None)
        + if spec.season != Component::None {
            m - 1
        } else {
            0
        }
}

fn n_smoothing(spec: &EtsSpec) -> usize {
    1 + usize::from(spec.trend != Component::None)
        + usize::from(spec.season != Component::None)
        + usize::from(spec.damped)
}

/// Unpack a parameter vector and run the filter; `None` when outside the usual bounds.
fn eval_params(
    x: &[f64],
    y: &[f64],
    spec: &EtsSpec,
    m: usize,
    ring: &mut [f64],
) -> Option<(Calc, [f64; 4])> {
    let mut k = 0;
    let alpha = x[k];
    k += 1;
    let mut beta = 0.0;
    let mut gamma = 0.0;
    let mut phi = 1.0;
    if spec.trend != Component::None {
        beta = x[k];
        k += 1;
    }
    if spec.season != Component::None {
        gamma = x[k];
        k += 1;
    }
    if spec.damped {
        phi = x[k];
        k += 1;
    }
    if !(1e-4..=0.9999).contains(&alpha) {
        return None;
    }
    if spec.trend != Component::None && (beta < 1e-4 || beta > alpha) {
        return None;
    }
    if spec.season != Component::None && (gamma < 1e-4 || gamma > 1.0 - alpha) {
        return None;
    }
    if spec.damped && !(0.8..=0.98).contains(&phi) {
        return None;
    }
    if spec.season != Component::None && !admissible(alpha, beta, gamma, phi, m) {
        return None;
    }
    let l0 = x[k];
    k += 1;
    let b0 = if spec.trend != Component::None {
        k += 1;
        x[k - 1]
    } else {
        0.0
    };
    if spec.season != Component::None {
        let s = &x[k..k + m - 1];
        let sum: f64 = s.iter().sum();
        let last = if spec.season == Component::Multiplicative {
            m as f64 - sum
        } else {
            -sum
        };
        if spec.season == Component::Multiplicative && (last <= 0.0 || s.iter().any(|v| *v <= 0.0))
        {
            return None;
        }
        // ring[j] = s_{-(m-1-j)}
        ring[0] = last;
        for j in 1..m {
            ring[j] = s[m - 1 - j];
        }
    }
    let c = ets_calc(y, spec, m, alpha, beta, gamma, phi, l0, b0, ring);
    Some((c, [alpha, beta, gamma, phi]))
}

impl EtsModel {
    /// Fit one ETS specification by maximum likelihood.
    pub fn fit(y: &[f64], m: usize, spec: EtsSpec) -> Result<EtsModel, ForecastError> {
        check_series(y, 3)?;
        let seasonal = spec.season != Component::None;
        let m_eff = if seasonal { m } else { 1 };
        if seasonal && (m < 2 || y.len() <= m) {
            return Err(ForecastError::Fit {
                model: spec.label(),
                message: "seasonal model needs more than one season of data".into(),
            });
        }
        if (spec.error == Component::Multiplicative || spec.season == Component::Multiplicative)
            && y.iter().any(|v| *v <= 0.0)
        {
            return Err(ForecastError::Fit {
                model: spec.label(),
                message: "multiplicative components need positive data".into(),
            });
        }
        let n = y.len();
        let np = n_smoothing(&spec) + n_states(&spec, m_eff) + 1;
        if n <= np + 1 {
            return Err(ForecastError::TooShort {
                needed: np + 2,
                got: n,
            });
        }
        // Starting values (R forecast::ets).
        let (lo, hi) = (1e-4, 0.9999);
        let alpha0 = lo + 0.2 * (hi - lo) / m_eff as f64;
        let mut x0 = vec![alpha0];
        let mut lower = vec![lo];
        let mut upper = vec![hi];
        if spec.trend != Component::None {
            x0.push(lo + 0.1 * (alpha0 - lo));
            lower.push(lo);
            upper.push(hi);
        }
        if seasonal {
            x0.push(lo + 0.05 * (1.0 - alpha0 - lo));
            lower.push(lo);
            upper.push(hi);
        }
        if spec.damped {
            x0.push(0.8 + 0.99 * (0.98 - 0.8));
            lower.push(0.8);
            upper.push(0.98);
        }
        let init = init_states(y, &spec, m_eff);
        for v in &init {
            x0.push(*v);
            lower.push(f64::NEG_INFINITY);
            upper.push(f64::INFINITY);
        }
        let mut ring = vec![0.0; m_eff];
        let mut obj = |x: &[f64]| -> f64 {
            match eval_params(x, y, &spec, m_eff, &mut ring) {
                Some((c, _)) => c.lik,
                None => f64::INFINITY,
            }
        };
        // Nelder–Mead, restarted from its own optimum while that still improves (a
        // collapsed simplex in 10-20 dimensions often stops short of the optimum).
        let mut res = nelder_mead(&mut obj, &x0, &lower, &upper, NmOptions::default());
        for _ in 0..2 {
            let again = nelder_mead(&mut obj, &res.x, &lower, &upper, NmOptions::default());
            let better = again.f < res.f - 1e-6 * res.f.abs().max(1.0);
            if again.f < res.f {
                res = again;
            }
            if !better {
                break;
            }
        }
        let mut ring = vec![0.0; m_eff];
        let (c, p) =
            eval_params(&res.x, y, &spec, m_eff, &mut ring).ok_or_else(|| ForecastError::Fit {
                model: spec.label(),
                message: "no admissible parameters".into(),
            })?;
        if !c.lik.is_finite() {
            return Err(ForecastError::Fit {
                model: spec.label(),
                message: "likelihood is not finite".into(),
            });
        }
        let k = n_smoothing(&spec);
        let nf = n as f64;
        let npf = np as f64;
        let aic = c.lik + 2.0 * npf;
        Ok(EtsModel {
            spec,
            m: m_eff,
            alpha: p[0],
            beta: p[1],
            gamma: p[2],
            phi: p[3],
            initial_states: res.x[k..].to_vec(),
            level: c.level,
            trend: c.trend,
            ring,
            n,
            sigma2: c.sse / (nf - npf).max(1.0),
            lik: c.lik,
            aic,
            aicc: super::aicc(c.lik, np, n),
            bic: c.lik + nf.ln() * npf,
            n_params: np,
        })
    }

    /// Point forecasts for steps `1..=h`.
    pub fn point(&self, h: usize) -> Vec<f64> {
        let phi = if self.spec.damped { self.phi } else { 1.0 };
        let mut out = Vec::with_capacity(h);
        let mut phisum = 0.0;
        let mut pw = 1.0;
        for j in 1..=h {
            pw *= phi;
            phisum += pw;
            let base = if self.spec.trend != Component::None {
                self.level + phisum * self.trend
            } else {
                self.level
            };
            let f = match self.spec.season {
                Component::None => base,
                Component::Additive => base + self.ring[(self.n + j - 1) % self.m],
                Component::Multiplicative => base * self.ring[(self.n + j - 1) % self.m],
            };
            out.push(f);
        }
        out
    }
}

impl FittedModel for EtsModel {
    fn name(&self) -> String {
        self.spec.label()
    }
    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        let mean = self.point(horizon);
        let phi = if self.spec.damped { self.phi } else { 1.0 };
        let mut sd = Vec::with_capacity(horizon);
        let mut acc = 1.0;
        let mut phij = 0.0;
        let mut pw = 1.0;
        for h in 1..=horizon {
            if h > 1 {
                let j = h - 1;
                pw *= phi;
                phij += pw;
                let mut c = self.alpha;
                if self.spec.trend != Component::None {
                    c += self.beta * phij;
                }
                if self.spec.season != Component::None && j % self.m == 0 {
                    c += self.gamma;
                }
                acc += c * c;
            }
            let v = self.sigma2 * acc;
            let s = if self.spec.error == Component::Multiplicative {
                mean[h - 1].abs() * v.sqrt()
            } else {
                v.sqrt()
            };
            sd.push(s);
        }
        Forecast::from_sd(mean, &sd, levels)
    }
}

/// The longest season that gets seasonal models (R's `ets`): a longer one has more seasonal
/// states than a few seasons of history can estimate. CES follows the same bound.
pub const MAX_SEASON: usize = 24;

/// Automatic ETS: every admissible specification, smallest AICc.
#[derive(Debug, Clone)]
pub struct AutoEts {
    pub best: EtsModel,
    /// (label, AICc) of every fitted candidate.
    pub candidates: Vec<(String, f64)>,
    /// The damped-trend specification with the smallest AICc (a member of the forecast
    /// combination; `best` itself when that is damped).
    pub best_damped: Option<EtsModel>,
}

impl AutoEts {
    /// The shortest history [`AutoEts::fit_level_only`] can fit: ETS(A,N,N) has one smoothing
    /// parameter, one initial state and the error variance (`np = 3`), and a fit needs
    /// `n > np + 1` observations (as R `forecast::ets`).
    pub const LEVEL_ONLY_MIN_LEN: usize = 5;

    /// Candidate specifications for a series (see the module docs for the restrictions).
    pub fn specs(y: &[f64], m: usize) -> Vec<EtsSpec> {
        use Component::*;
        let positive = y.iter().all(|v| *v > 0.0);
        let seasonal_ok = m > 1 && m <= MAX_SEASON && y.len() > m;
        let mut out = Vec::new();
        for error in [Additive, Multiplicative] {
            if error == Multiplicative && !positive {
                continue;
            }
            for (trend, damped) in [(None, false), (Additive, false), (Additive, true)] {
                for season in [None, Additive, Multiplicative] {
                    if season != None && !seasonal_ok {
                        continue;
                    }
                    if season == Multiplicative && (error == Additive || !positive) {
                        continue;
                    }
                    out.push(EtsSpec {
                        error,
                        trend,
                        damped,
                        season,
                    });
                }
            }
        }
        out
    }

    pub fn fit(y: &[f64], m: usize) -> Result<AutoEts, ForecastError> {
        Self::fit_specs(y, m, Self::specs(y, m))
    }

    /// AutoETS without a trend: the level-only specifications ETS(A,N,N) and ETS(M,N,N)
    /// (simple exponential smoothing), what the automatic forecaster uses on a short history
    /// (under `2m + 8` periods). A trend fitted on a few months runs on: undamped, a product
    /// that slowed down for a few weeks is forecast to zero; even damped, a steep decline in
    /// 17 weeks carries the forecast below zero (45 of the bundled sample's products that sold
    /// in their last eight weeks). Chosen on two holdouts with short histories (BENCHMARKS.md,
    /// "Short histories"; protocol in `benches/forecast/short_trend_protocol.md`): 2,486 UCI
    /// weekly product series (MASE: every trend 1.7456, damped or none 1.7352, level only
    /// 1.7327) and the M3 monthly series cut to their last 30 training months (1.1487, 1.1404,
    /// 1.1356). Hyndman et al. (2008), *Forecasting with Exponential Smoothing*, ch. 2.
    pub fn fit_level_only(y: &[f64], m: usize) -> Result<AutoEts, ForecastError> {
        let specs = Self::specs(y, m)
            .into_iter()
            .filter(|s| s.trend == Component::None)
            .collect();
        Self::fit_specs(y, m, specs)
    }

    fn fit_specs(y: &[f64], m: usize, specs: Vec<EtsSpec>) -> Result<AutoEts, ForecastError> {
        check_series(y, 3)?;
        let mut best: Option<EtsModel> = None;
        let mut best_damped: Option<EtsModel> = None;
        let mut candidates = Vec::new();
        for spec in specs {
            if let Ok(fit) = EtsModel::fit(y, m, spec) {
                if fit.aicc.is_finite() {
                    candidates.push((fit.spec.label(), fit.aicc));
                    if fit.spec.damped && best_damped.as_ref().is_none_or(|b| fit.aicc < b.aicc) {
                        best_damped = Some(fit.clone());
                    }
                    if best.as_ref().is_none_or(|b| fit.aicc < b.aicc) {
                        best = Some(fit);
                    }
                }
            }
        }
        match best {
            Some(best) => Ok(AutoEts {
                best,
                candidates,
                best_damped,
            }),
            None => Err(ForecastError::Fit {
                model: "ETS".into(),
                message: "no ETS model could be fitted (series too short?)".into(),
            }),
        }
    }
}

impl FittedModel for AutoEts {
    fn name(&self) -> String {
        self.best.name()
    }
    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        self.best.predict(horizon, levels)
    }
}

#[cfg(test)]
mod tests {
    use super::admissible;

    /// Reference: R's `forecast:::admissible` rule evaluated with `numpy.roots` (the same
    /// characteristic polynomial, roots' largest modulus ≤ 1 + 1e−10), m = 12.
    #[test]
    fn admissible_region_matches_the_polynomial_roots() {
        let cases = [
            (0.619, 0.3369, 0.141, 1.0, false),
            (0.8027, 0.7296, 0.0926, 1.0, false),
            (0.9977, 0.4692, 0.0019, 1.0, false),
            (0.6159, 0.0935, 0.3556, 1.0, true),
            (0.8356, 0.0536, 0.1246, 0.9064, true),
            (0.89, 0.733, 0.0297, 0.9071, false),
            (0.857, 0.7894, 0.0565, 0.9442, false),
            (0.982, 0.1318, 0.0067, 0.8065, true),
            (0.6085, 0.5875, 0.1708, 0.9128, false),
            (0.9363, 0.0415, 0.0392, 0.8081, true),
            (0.6548, 0.0505, 0.2071, 1.0, true),
            (0.5887, 0.1091, 0.3118, 0.9519, true),
            // M3 N2376's ETS(A,Ad,A) optimum before the check: outside the region.
            (0.71184, 0.29382, 0.28161, 0.93347, false),
        ];
        for (a, b, g, phi, want) in cases {
            assert_eq!(admissible(a, b, g, phi, 12), want, "{a} {b} {g} {phi}");
        }
        // Without trend, quarterly: all inside.
        for (a, g) in [(0.619, 0.141), (0.9977, 0.0019), (0.6159, 0.3556)] {
            assert!(admissible(a, 0.0, g, 1.0, 4));
        }
    }
}
