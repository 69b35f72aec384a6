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
//!   `m > 1` (classical additive decomposition here, STL in R); `P = 1` when the series is
//!   long enough for the seasonal lag (at least `mP + 3` observations, so that three rows
//!   remain to train on), else 0; `k = round((p + P + 1) / 2)`.
//! * The same forecasts natively and in the browser: the network's training amplifies the last
//!   bit in which the platform's `exp` differs (glibc natively, Rust's libm port on wasm32) into
//!   a different local optimum, so every transcendental function here comes from the `libm`
//!   crate on both.
//! * Forecasts are recursive: each step's averaged forecast becomes an input of the next.
//!   Prediction intervals come from `paths` simulated futures with Gaussian innovations of the
//!   in-sample residual standard deviation (the `nnetar` default), as empirical quantiles.

use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::optim::{bfgs, BfgsOptions};
use super::stats::{classical_seasonal, mean};
use super::{check_series, FittedModel, Forecast, ForecastError, Interval};
use crate::analytics::random::uniform;
use crate::text::Text;

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
    1.0 / (1.0 + libm::exp(-v))
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

/// The training rows of one network: lagged inputs `x` (`n_in` per row), targets `y`.
struct Training<'a> {
    x: &'a [f64],
    y: &'a [f64],
    n_in: usize,
    k: usize,
    decay: f64,
}

impl Training<'_> {
    /// Sum of squared errors (plus `decay Σ w²`) of a network on the rows, with its gradient by
    /// back-propagation. `hidden` is scratch space of `k` values.
    fn sse_grad(&self, w: &[f64], grad: &mut [f64], hidden: &mut [f64]) -> f64 {
        let Training {
            x,
            y,
            n_in,
            k,
            decay,
        } = *self;
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
}

/// Standard normal draw (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u = uniform(rng).max(f64::MIN_POSITIVE);
    let v = uniform(rng);
    (-2.0 * libm::log(u)).sqrt() * libm::cos(2.0 * std::f64::consts::PI * v)
}

/// Order of the AIC-best autoregression by Yule–Walker (Levinson–Durbin), as R `ar()`:
/// `AIC_k = n log σ²_k + 2k` over `k = 0..=min(n − 1, ⌊10 log₁₀ n⌋)`.
pub fn ar_order_aic(x: &[f64]) -> usize {
    let n = x.len();
    if n < 3 {
        return 0;
    }
    let max = (n - 1).min((10.0 * libm::log10(n as f64)).floor() as usize);
    let mu = mean(x);
    let r: Vec<f64> = (0..=max)
        .map(|k| (k..n).map(|t| (x[t] - mu) * (x[t - k] - mu)).sum::<f64>() / n as f64)
        .collect();
    if !(r[0] > 0.0) {
        return 0;
    }
    let mut phi: Vec<f64> = Vec::new();
    let mut v = r[0];
    let mut best = (n as f64 * libm::log(v), 0usize);
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
        let aic = n as f64 * libm::log(v) + 2.0 * k as f64;
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
        let invalid = |name: &str, key: &str| ForecastError::InvalidParam {
            name: name.into(),
            message: Text::new(key),
        };
        if params.repeats == 0 {
            return Err(invalid("repeats", "forecast.err.at_least_one"));
        }
        if params.size == Some(0) {
            return Err(invalid("size", "forecast.err.at_least_one"));
        }
        if !(params.decay >= 0.0) {
            return Err(invalid("decay", "forecast.err.not_negative"));
        }
        let n = y.len();
        let centre = mean(y);
        let sd =
            (y.iter().map(|v| (v - centre) * (v - centre)).sum::<f64>() / (n - 1) as f64).sqrt();
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
            if !(sd > 0.0) {
                // A constant series: every scaled value is 0, and so is the network.
                nets.push(Net {
                    n_in,
                    k: size,
                    w: vec![0.0; nw],
                });
                continue;
            }
            let data = Training {
                x: &x,
                y: &target,
                n_in,
                k: size,
                decay: params.decay,
            };
            let mut fg = |w: &[f64], g: &mut [f64]| data.sse_grad(w, g, &mut hidden);
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
            ss += (tv - f) * (tv - f);
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

    /// The networks' average output for the next value after `hist`; `row` is scratch space
    /// for the lagged inputs.
    fn step(&self, hist: &[f64], row: &mut Vec<f64>) -> f64 {
        let len = hist.len();
        row.clear();
        row.extend(self.lags.iter().map(|&l| hist[len - l]));
        self.nets.iter().map(|nt| nt.eval(row)).sum::<f64>() / self.nets.len() as f64
    }

    /// Recursive point forecasts (scaled), `horizon` steps, into `out`; with `noise`, one
    /// simulated path. `hist` and `row` are scratch buffers, reused across the simulated
    /// paths (1,000 of them) so that a path allocates nothing.
    fn path_into(
        &self,
        horizon: usize,
        mut noise: Option<&mut ChaCha8Rng>,
        hist: &mut Vec<f64>,
        row: &mut Vec<f64>,
        out: &mut Vec<f64>,
    ) {
        hist.clear();
        hist.extend_from_slice(&self.z);
        out.clear();
        for _ in 0..horizon {
            let mut v = self.step(hist, row);
            if let Some(rng) = noise.as_deref_mut() {
                v += self.sigma * normal(rng);
            }
            hist.push(v);
            out.push(v);
        }
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
        let (mut hist, mut row, mut path) = (
            Vec::with_capacity(self.z.len() + horizon),
            Vec::with_capacity(self.lags.len()),
            Vec::with_capacity(horizon),
        );
        self.path_into(horizon, None, &mut hist, &mut row, &mut path);
        let mean_path: Vec<f64> = path.iter().map(|&v| to_units(v)).collect();
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
            self.path_into(horizon, Some(&mut rng), &mut hist, &mut row, &mut path);
            for (h, &v) in path.iter().enumerate() {
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
        // Simulated quantiles are noisy: each bound keeps at least the previous step's distance
        // from the point forecast, so intervals never narrow with the horizon.
        let intervals = levels
            .iter()
            .map(|&l| {
                let a = (1.0 - l / 100.0) / 2.0;
                let (mut lower, mut upper) = (Vec::new(), Vec::new());
                let (mut below, mut above) = (0.0f64, 0.0f64);
                for (s, m) in sims.iter().zip(&mean_path) {
                    below = below.max(m - quantile(s, a));
                    above = above.max(quantile(s, 1.0 - a) - m);
                    lower.push(m - below);
                    upper.push(m + above);
                }
                Interval {
                    level: l,
                    lower,
                    upper,
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

    /// R's `?ar` example: `ar(lh)` selects order 3 (coefficients 0.6534, -0.0636, -0.2269,
    /// sigma^2 0.1959) on the 48 luteinizing-hormone samples of R's `datasets::lh`.
    #[test]
    fn ar_order_matches_r_on_lh() {
        let lh = [
            2.4, 2.4, 2.4, 2.2, 2.1, 1.5, 2.3, 2.3, 2.5, 2.0, 1.9, 1.7, 2.2, 1.8, 3.2, 3.2, 2.7,
            2.2, 2.2, 1.9, 1.9, 1.8, 2.7, 3.0, 2.3, 2.0, 2.0, 2.9, 2.9, 2.7, 2.7, 2.3, 2.6, 2.4,
            1.8, 1.7, 1.5, 1.4, 2.1, 3.3, 3.5, 3.5, 3.1, 2.6, 2.1, 3.4, 3.0, 2.9,
        ];
        assert_eq!(ar_order_aic(&lh), 3);
    }

    /// The logistic map `x_{t+1} = 3.8 x_t (1 − x_t)` is a deterministic nonlinear AR(1): no
    /// linear model forecasts it, one hidden layer does.
    fn logistic_map(n: usize) -> Vec<f64> {
        let mut x = vec![0.3];
        for t in 1..n {
            let v = x[t - 1];
            x.push(3.8 * v * (1.0 - v));
        }
        x
    }

    fn one_step_rmse(y: &[f64], fitted: &[f64]) -> f64 {
        let off = y.len() - fitted.len();
        let ss: f64 = fitted
            .iter()
            .enumerate()
            .map(|(i, f)| (y[i + off] - f).powi(2))
            .sum();
        (ss / fitted.len() as f64).sqrt()
    }

    #[test]
    fn learns_the_logistic_map_that_a_linear_ar_cannot() {
        let y = logistic_map(200);
        let params = NnarParams {
            p: Some(1),
            size: Some(3),
            decay: 0.0,
            max_iter: 500,
            ..NnarParams::default()
        };
        let fit = NnarModel::fit(&y, 1, params).unwrap();
        assert_eq!(fit.name(), "NNAR(1,3)");
        let nn = one_step_rmse(&y, &fit.fitted);
        // The best linear AR(1) by least squares.
        let (a, b) = (&y[..199], &y[1..]);
        let (ma, mb) = (mean(a), mean(b));
        let slope = a
            .iter()
            .zip(b)
            .map(|(x, z)| (x - ma) * (z - mb))
            .sum::<f64>()
            / a.iter().map(|x| (x - ma).powi(2)).sum::<f64>();
        let lin: f64 = (a
            .iter()
            .zip(b)
            .map(|(x, z)| (z - mb - slope * (x - ma)).powi(2))
            .sum::<f64>()
            / 199.0)
            .sqrt();
        assert!(lin > 0.15, "linear AR(1) rmse {lin}");
        assert!(nn < 0.01, "NNAR rmse {nn} (linear {lin})");
        // The next value of the map, from the last one.
        let next = 3.8 * y[199] * (1.0 - y[199]);
        let f = fit.predict(1, &[]);
        assert!((f.mean[0] - next).abs() < 0.02, "{} vs {next}", f.mean[0]);
    }

    #[test]
    fn seasonal_defaults_and_determinism() {
        // 8 years of a monthly pattern with a little pseudo-noise.
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let y: Vec<f64> = (0..96)
            .map(|t| {
                100.0
                    + 20.0 * (2.0 * std::f64::consts::PI * (t % 12) as f64 / 12.0).sin()
                    + 2.0 * normal(&mut rng)
            })
            .collect();
        let a = NnarModel::fit(&y, 12, NnarParams::default()).unwrap();
        assert_eq!(a.seasonal_p, 1);
        assert!(a.lags.contains(&12) && a.lags.contains(&1));
        assert_eq!(a.size, ((a.p + 2) as f64 / 2.0).round() as usize);
        let fa = a.predict(24, &[80.0, 95.0]);
        let b = NnarModel::fit(&y, 12, NnarParams::default()).unwrap();
        assert_eq!(fa, b.predict(24, &[80.0, 95.0]), "same seed, same forecast");
        // It follows the season: the forecast's peak month is the data's.
        let peak = |v: &[f64]| (0..12).max_by(|&i, &j| v[i].total_cmp(&v[j])).unwrap_or(0);
        assert_eq!(peak(&fa.mean), peak(&y[84..]));
        for (t, f) in fa.mean.iter().enumerate() {
            let truth = 100.0 + 20.0 * (2.0 * std::f64::consts::PI * (t % 12) as f64 / 12.0).sin();
            assert!((f - truth).abs() < 6.0, "step {t}: {f} vs {truth}");
        }
        // Intervals: nested, around the forecast, never narrower with the horizon.
        let (i80, i95) = (&fa.intervals[0], &fa.intervals[1]);
        for t in 0..24 {
            assert!(i95.lower[t] <= i80.lower[t] && i80.lower[t] <= fa.mean[t]);
            assert!(fa.mean[t] <= i80.upper[t] && i80.upper[t] <= i95.upper[t]);
            if t > 0 {
                assert!(i95.upper[t] - i95.lower[t] >= i95.upper[t - 1] - i95.lower[t - 1] - 1e-9);
            }
        }
        // The 95% band is about ±2σ of the noise (σ = 2) one step ahead.
        let w = i95.upper[0] - i95.lower[0];
        assert!(w > 5.0 && w < 14.0, "{w}");
    }

    #[test]
    fn constant_and_tiny_series_and_bad_params() {
        let c = NnarModel::fit(&[5.0; 30], 12, NnarParams::default()).unwrap();
        let f = c.predict(6, &[95.0]);
        assert!(
            f.mean.iter().all(|v| (v - 5.0).abs() < 1e-6),
            "{:?}",
            f.mean
        );
        let t = NnarModel::fit(&[1.0, 3.0, 2.0, 4.0], 12, NnarParams::default()).unwrap();
        assert_eq!(t.seasonal_p, 0);
        assert!(t.predict(3, &[80.0]).mean.iter().all(|v| v.is_finite()));
        assert!(matches!(
            NnarModel::fit(&[1.0, 2.0, 3.0], 1, NnarParams::default()),
            Err(ForecastError::TooShort { .. })
        ));
        let bad = NnarParams {
            repeats: 0,
            ..NnarParams::default()
        };
        assert!(matches!(
            NnarModel::fit(&[1.0; 10], 1, bad),
            Err(ForecastError::InvalidParam { .. })
        ));
    }
}
