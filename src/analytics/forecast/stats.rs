//! Small statistical helpers shared by the models: normal quantiles, autocorrelation,
//! simple linear regression and classical seasonal decomposition.

use statrs::distribution::{ContinuousCDF, Normal};

/// Standard normal quantile `Φ⁻¹(p)`.
pub fn qnorm(p: f64) -> f64 {
    match Normal::new(0.0, 1.0) {
        Ok(n) => n.inverse_cdf(p),
        Err(_) => f64::NAN,
    }
}

/// Two-sided multiplier for a `level`% interval: `Φ⁻¹(0.5 + level/200)`.
pub fn z_for_level(level: f64) -> f64 {
    qnorm(0.5 + level / 200.0)
}

pub fn mean(x: &[f64]) -> f64 {
    if x.is_empty() {
        return f64::NAN;
    }
    x.iter().sum::<f64>() / x.len() as f64
}

/// Ordinary least squares of `y` on `1, 2, ..., n`: returns `(intercept, slope)`.
pub fn linear_trend(y: &[f64]) -> (f64, f64) {
    let n = y.len() as f64;
    if y.len() < 2 {
        return (y.first().copied().unwrap_or(0.0), 0.0);
    }
    let tm = (n + 1.0) / 2.0;
    let ym = mean(y);
    let mut sxy = 0.0;
    let mut sxx = 0.0;
    for (i, v) in y.iter().enumerate() {
        let dt = (i + 1) as f64 - tm;
        sxy += dt * (v - ym);
        sxx += dt * dt;
    }
    let b = sxy / sxx;
    (ym - b * tm, b)
}

/// Sample autocorrelations `r_1..r_k` (denominator `n`, as R `acf`).
pub fn acf(y: &[f64], k: usize) -> Vec<f64> {
    let n = y.len();
    let m = mean(y);
    let d: f64 = y.iter().map(|v| (v - m) * (v - m)).sum();
    (1..=k)
        .map(|lag| {
            if lag >= n || d == 0.0 {
                return 0.0;
            }
            let mut s = 0.0;
            for t in lag..n {
                s += (y[t] - m) * (y[t - lag] - m);
            }
            s / d
        })
        .collect()
}

/// Seasonality test of the M3 Theta method (Assimakopoulos & Nikolopoulos 2000; statsforecast
/// `seasonality_test`): seasonal when `|r_m| / sqrt((1 + 2 Σ_{k<m} r_k²)/n) > Φ⁻¹(0.95)`, i.e. a
/// 90% two-sided test on the lag-`m` autocorrelation.
pub fn seasonality_test(y: &[f64], m: usize) -> bool {
    if m < 2 || y.len() < 3 * m {
        return false;
    }
    let r = acf(y, m);
    let s: f64 = r[..m - 1].iter().map(|v| v * v).sum();
    let stat = ((1.0 + 2.0 * s) / y.len() as f64).sqrt();
    stat > 0.0 && r[m - 1].abs() / stat > qnorm(0.95)
}

/// Centred moving average of order `m` (2×m for even `m`), `NaN` at the ends (R `decompose`).
pub fn centred_ma(y: &[f64], m: usize) -> Vec<f64> {
    let n = y.len();
    let mut out = vec![f64::NAN; n];
    if m == 0 || n < m + 1 {
        return out;
    }
    let half = m / 2;
    for (t, o) in out.iter_mut().enumerate().take(n - half).skip(half) {
        if m % 2 == 1 {
            *o = y[t - half..=t + half].iter().sum::<f64>() / m as f64;
        } else {
            let mut s = 0.5 * y[t - half] + 0.5 * y[t + half];
            s += y[t - half + 1..t + half].iter().sum::<f64>();
            *o = s / m as f64;
        }
    }
    out
}

/// Classical decomposition (R `decompose`): seasonal indices by position `t mod m` (0-based,
/// position of `y[0]` is 0), normalised to sum to 0 (additive) or average 1 (multiplicative).
pub fn classical_seasonal(y: &[f64], m: usize, multiplicative: bool) -> Vec<f64> {
    let trend = centred_ma(y, m);
    let mut sums = vec![0.0; m];
    let mut counts = vec![0usize; m];
    for t in 0..y.len() {
        if trend[t].is_finite() {
            let d = if multiplicative {
                y[t] / trend[t]
            } else {
                y[t] - trend[t]
            };
            if d.is_finite() {
                sums[t % m] += d;
                counts[t % m] += 1;
            }
        }
    }
    let mut s: Vec<f64> = sums
        .iter()
        .zip(&counts)
        .map(|(s, &c)| {
            if c > 0 {
                s / c as f64
            } else if multiplicative {
                1.0
            } else {
                0.0
            }
        })
        .collect();
    let avg = mean(&s);
    for v in s.iter_mut() {
        if multiplicative {
            *v /= avg;
        } else {
            *v -= avg;
        }
    }
    s
}

/// Sum of squares.
pub fn sumsq(x: &[f64]) -> f64 {
    x.iter().map(|v| v * v).sum()
}
