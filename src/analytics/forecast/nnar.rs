//! Neural network autoregression NNAR(p, P, k)_m: the "small neural model" of the issue, as in
//! Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §12.4, and R
//! `forecast::nnetar`.
//!
//! * Inputs: the lags `1..=p` and the seasonal lags `m, 2m, ..., Pm` of the series, centred and
//!   scaled by its mean and standard deviation.
//! * Network: one hidden layer of `k` logistic units and a linear output,
//!   `ŷ_t = c_0 + Σ_j c_j σ(b_j + Σ_i w_ji x_{t−ℓ_i})`, fitted by least squares plus a weight
//!   decay `λ Σ w²` with BFGS ([`super::optim::bfgs`], 100 iterations, as `nnet`) from weights
//!   uniform on `[−0.7, 0.7]`. One deviation from `nnetar`: `λ = 0.01` (Ripley 1996, *Pattern
//!   Recognition and Neural Networks*, §5.5: weight decay is nnet's regulariser; `nnetar` passes
//!   none). Without it, on a short noisy series a few of the 20 networks end with weights in
//!   the hundreds, two saturated hidden units cancelling on the data and not beyond it: M3
//!   N1402 (32 months between 480 and 9,000) was forecast 688,434 for the next month.
//! * `repeats` (20) networks from different random starts (one seeded ChaCha8 stream); the
//!   forecast is their average.
//! * Defaults as `nnetar`: `p` is the order of the best linear AR model by AIC (Yule–Walker,
//!   orders up to `min(n − 1, ⌊10 log₁₀ n⌋)`), fitted to the seasonally adjusted series when
//!   `m > 1` (classical additive decomposition here, STL in R); `P = 1` when the series has at
//!   least `mP + 2` observations, else 0; `k = round((p + P + 1) / 2)`.
//! * Forecasts are recursive: each step's averaged forecast becomes an input of the next.
//!   Prediction intervals come from `paths` simulated futures with Gaussian innovations of the
//!   in-sample residual standard deviation (the `nnetar` default), as empirical quantiles.

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::optim::{bfgs, BfgsOptions};
use super::stats::{classical_seasonal, mean};
use super::{check_series, FittedModel, Forecast, ForecastError, Interval};

/// Settings of [`NnarModel::fit`]; `None` picks the `nnetar` default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NnarParams {
    pub p: Option<usize>,
    pub seasonal_p: Option<usize>,
    pub size: Option<usize>,
    pub repeats: usize,
    /// Simulated futures for the prediction intervals.
    pub paths: usize,
    pub max_iter: usize,
    /// Weight decay (L2 penalty on every weight): 0.01; `nnetar` passes none (0).
    pub decay: f64,
    pub seed: u64,
}

impl Default for NnarParams {
    fn default() -> Self {
        NnarParams {
            p: None,
            seasonal_p: None,
            size: None,
            repeats: 20,
            paths: 1000,
            max_iter: 100,
            decay: 0.01,
            seed: 42,
        }
    }
}

/// One fitted network: `k` hidden units over `n_in` inputs. Weights: per hidden unit its bias
/// then its `n_in` input weights; then the output bias and the `k` output weights.
#[derive(Debug, Clone)]
struct Net {
    n_in: usize,
    k: usize,
    w: Vec<f64>,
}

fn logistic(v: f64) -> f64 {
    1.0 / (1.0 + (-v).exp())
}

impl Net {
    fn n_weights(n_in: usize, k: usize) -> usize {
        k * (n_in + 1) + k + 1
    }

    fn eval(&self, x: &[f64]) -> f64 {
        eval_net(&self.w, self.n_in, self.k, x)
    }
}

fn eval_net(w: &[f64], n_in: usize, k: usize, x: &[f64]) -> f64 {
    let out = k * (n_in + 1);
    let mut s = w[out];
    for j in 0..k {
        let row = &w[j * (n_in + 1)..(j + 1) * (n_in + 1)];
        let a = row[0] + row[1..].iter().zip(x).map(|(a, b)| a * b).sum::<f64>();
        s += w[out + 1 + j] * logistic(a);
    }
    s
}

/// Sum of squared errors (plus `decay Σ w²`) of a network on the rows `x` (each `n_in` long)
/// and targets `y`, with its gradient by back-propagation.
fn sse_grad(
    w: &[f64],
    grad: &mut [f64],
    n_in: usize,
    k: usize,
    x: &[f64],
    y: &[f64],
    decay: f64,
    hidden: &mut [f64],
) -> f64 {
    let out = k * (n_in + 1);
    grad.iter_mut().for_each(|g| *g = 0.0);
    let mut sse = 0.0;
    for (t, &target) in y.iter().enumerate() {
        let xt = &x[t * n_in..(t + 1) * n_in];
        let mut s = w[out];
        for j in 0..k {
            let row = &w[j * (n_in + 1)..(j + 1) * (n_in + 1)];
            let a = row[0] + row[1..].iter().zip(xt).map(|(a, b)| a * b).sum::<f64>();
            hidden[j] = logistic(a);
            s += w[out + 1 + j] * hidden[j];
        }
        let e = s - target;
        sse += e * e;
        let d = 2.0 * e;
        grad[out] += d;
        for j in 0..k {
            grad[out + 1 + j] += d * hidden[j];
            let dh = d * w[out + 1 + j] * hidden[j] * (1.0 - hidden[j]);
            let base = j * (n_in + 1);
            grad[base] += dh;
            for i in 0..n_in {
                grad[base + 1 + i] += dh * xt[i];
            }
        }
    }
    if decay > 0.0 {
        for (g, v) in grad.iter_mut().zip(w) {
            *g += 2.0 * decay * v;
            sse += decay * v * v;
        }
    }
    sse
}

/// Uniform in [0, 1).
fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Standard normal draw (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u = uniform(rng).max(f64::MIN_POSITIVE);
    let v = uniform(rng);
    (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
}

/// Order of the AIC-best autoregression by Yule–Walker (Levinson–Durbin), as R `ar()`:
/// `AIC_k = n log σ²_k + 2k` over `k = 0..=min(n − 1, ⌊10 log₁₀ n⌋)`.
pub fn ar_order_aic(x: &[f64]) -> usize {
    let n = x.len();
    if n < 3 {
        return 0;
    }
    let max = (n - 1).min((10.0 * (n as f64).log10()).floor() as usize);
    let mu = mean(x);
    let r: Vec<f64> = (0..=max)
        .map(|k| (k..n).map(|t| (x[t] - mu) * (x[t - k] - mu)).sum::<f64>() / n as f64)
        .collect();
    if !(r[0] > 0.0) {
        return 0;
    }
    let mut phi: Vec<f64> = Vec::new();
    let mut v = r[0];
    let mut best = (n as f64 * v.ln(), 0usize);
    for k in 1..=max {
        let acc: f64 = phi.iter().enumerate().map(|(j, p)| p * r[k - 1 - j]).sum();
        let refl = (r[k] - acc) / v;
        let prev = phi.clone();
        phi.push(refl);
        for j in 0..k - 1 {
            phi[j] = prev[j] - refl * prev[k - 2 - j];
        }
        v *= 1.0 - refl * refl;
        if !(v > 0.0) {
            break;
        }
        let aic = n as f64 * v.ln() + 2.0 * k as f64;
        if aic < best.0 {
            best = (aic, k);
        }
    }
    best.1
}

/// A fitted NNAR model.
#[derive(Debug, Clone)]
pub struct NnarModel {
    /// Non-seasonal lags `p`, seasonal lags `P`, hidden units `k`, season `m`.
    pub p: usize,
    pub seasonal_p: usize,
    pub size: usize,
    pub m: usize,
    lags: Vec<usize>,
    nets: Vec<Net>,
    /// The series, centred and scaled.
    z: Vec<f64>,
    centre: f64,
    scale: f64,
    /// Residual standard deviation on the scaled series.
    sigma: f64,
    /// In-sample one-step fitted values (original units) from the first full lag row on.
    pub fitted: Vec<f64>,
    paths: usize,
    seed: u64,
}

impl NnarModel {
    /// Fit NNAR on `y` with season length `m` (`m ≤ 1`: non-seasonal).
    pub fn fit(y: &[f64], m: usize, params: NnarParams) -> Result<NnarModel, ForecastError> {
        check_series(y, 4)?;
        let invalid = |name: &str, msg: &str| ForecastError::InvalidParam {
            name: name.into(),
            message: crate::text::Text::raw(msg),
        };
        if params.repeats == 0 {
            return Err(invalid("repeats", "at least one network"));
        }
        if params.size == Some(0) {
            return Err(invalid("size", "at least one hidden unit"));
        }
        if !(params.decay >= 0.0) {
            return Err(invalid("decay", "zero or more"));
        }
        let n = y.len();
        let centre = mean(y);
        let sd = (y.iter().map(|v| (v - centre).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt();
        let scale = if sd > 0.0 { sd } else { 1.0 };
        let z: Vec<f64> = y.iter().map(|v| (v - centre) / scale).collect();
        let seasonal = m > 1;
        let p = match params.p {
            Some(p) => p.max(1),
            None => {
                let adjusted: Vec<f64> = if seasonal && n >= 2 * m {
                    let s = classical_seasonal(&z, m, false);
                    z.iter().enumerate().map(|(t, v)| v - s[t % m]).collect()
                } else {
                    z.clone()
                };
                ar_order_aic(&adjusted).max(1)
            }
        }
        .min(n - 3);
        let mut big_p = if seasonal {
            params.seasonal_p.unwrap_or(1)
        } else {
            0
        };
        if big_p > 0 && n < m * big_p + 2 {
            big_p = 0;
        }
        let mut lags: Vec<usize> = (1..=p).collect();
        for i in 1..=big_p {
            lags.push(m * i);
        }
        lags.sort_unstable();
        lags.dedup();
        let mut maxlag = lags.last().copied().unwrap_or(1);
        if n < maxlag + 3 {
            lags.retain(|&l| l <= p);
            big_p = 0;
            maxlag = p;
        }
        let size = params
            .size
            .unwrap_or(((p + big_p + 1) as f64 / 2.0).round() as usize)
            .max(1);
        let n_in = lags.len();
        let rows = n - maxlag;
        let mut x = Vec::with_capacity(rows * n_in);
        let mut target = Vec::with_capacity(rows);
        for t in maxlag..n {
            for &l in &lags {
                x.push(z[t - l]);
            }
            target.push(z[t]);
        }
        let nw = Net::n_weights(n_in, size);
        let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
        let mut nets = Vec::with_capacity(params.repeats);
        let mut hidden = vec![0.0; size];
        for _ in 0..params.repeats {
            let w0: Vec<f64> = (0..nw).map(|_| 1.4 * uniform(&mut rng) - 0.7).collect();
            let mut fg = |w: &[f64], g: &mut [f64]| {
                sse_grad(w, g, n_in, size, &x, &target, params.decay, &mut hidden)
            };
            let res = bfgs(
                &mut fg,
                &w0,
                BfgsOptions {
                    max_iter: params.max_iter,
                    ..BfgsOptions::default()
                },
            );
            let w = if res.f.is_finite() { res.x } else { w0 };
            nets.push(Net { n_in, k: size, w });
        }
        let mut fitted = Vec::with_capacity(rows);
        let mut ss = 0.0;
        for (t, &tv) in target.iter().enumerate() {
            let row = &x[t * n_in..(t + 1) * n_in];
            let f = nets.iter().map(|nt| nt.eval(row)).sum::<f64>() / nets.len() as f64;
            ss += (tv - f).powi(2);
            fitted.push(centre + scale * f);
        }
        let sigma = (ss / rows as f64).sqrt();
        Ok(NnarModel {
            p,
            seasonal_p: big_p,
            size,
            m,
            lags,
            nets,
            z,
            centre,
            scale,
            sigma,
            fitted,
            paths: params.paths,
            seed: params.seed,
        })
    }

    fn step(&self, hist: &[f64]) -> f64 {
        let len = hist.len();
        let row: Vec<f64> = self.lags.iter().map(|&l| hist[len - l]).collect();
        self.nets.iter().map(|nt| nt.eval(&row)).sum::<f64>() / self.nets.len() as f64
    }

    /// Recursive point forecasts (scaled), `horizon` steps; with `noise`, one simulated path.
    fn path(&self, horizon: usize, mut noise: Option<&mut ChaCha8Rng>) -> Vec<f64> {
        let mut hist = self.z.clone();
        let mut out = Vec::with_capacity(horizon);
        for _ in 0..horizon {
            let mut v = self.step(&hist);
            if let Some(rng) = noise.as_deref_mut() {
                v += self.sigma * normal(rng);
            }
            hist.push(v);
            out.push(v);
        }
        out
    }
}

impl FittedModel for NnarModel {
    fn name(&self) -> String {
        if self.seasonal_p > 0 {
            format!(
                "NNAR({},{},{})[{}]",
                self.p, self.seasonal_p, self.size, self.m
            )
        } else {
            format!("NNAR({},{})", self.p, self.size)
        }
    }

    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        let to_units = |v: f64| self.centre + self.scale * v;
        let mean_path: Vec<f64> = self.path(horizon, None).into_iter().map(to_units).collect();
        if levels.is_empty() || horizon == 0 {
            return Forecast {
                mean: mean_path,
                intervals: Vec::new(),
            };
        }
        if self.paths < 2 || !(self.sigma > 0.0) {
            return Forecast::from_sd(mean_path, &vec![0.0; horizon], levels);
        }
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed ^ 0x5eed);
        let mut sims: Vec<Vec<f64>> = vec![Vec::with_capacity(self.paths); horizon];
        for _ in 0..self.paths {
            for (h, v) in self.path(horizon, Some(&mut rng)).into_iter().enumerate() {
                sims[h].push(to_units(v));
            }
        }
        for s in &mut sims {
            s.sort_by(f64::total_cmp);
        }
        let quantile = |s: &[f64], q: f64| -> f64 {
            // Type 7 (R's default): linear between order statistics.
            let pos = q * (s.len() - 1) as f64;
            let lo = pos.floor() as usize;
            let hi = pos.ceil() as usize;
            s[lo] + (pos - lo as f64) * (s[hi] - s[lo])
        };
        let intervals = levels
            .iter()
            .map(|&l| {
                let a = (1.0 - l / 100.0) / 2.0;
                Interval {
                    level: l,
                    lower: sims.iter().map(|s| quantile(s, a)).collect(),
                    upper: sims.iter().map(|s| quantile(s, 1.0 - a)).collect(),
                }
            })
            .collect();
        Forecast {
            mean: mean_path,
            intervals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ar_order_of_an_ar2() {
        // x_t = 0.6 x_{t-1} - 0.3 x_{t-2} + e_t, deterministic pseudo-noise.
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut x = vec![0.0, 0.0];
        for t in 2..600 {
            let v = 0.6 * x[t - 1] - 0.3 * x[t - 2] + normal(&mut rng);
            x.push(v);
        }
        assert_eq!(ar_order_aic(&x), 2);
    }
}
