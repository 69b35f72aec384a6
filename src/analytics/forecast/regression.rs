//! Linear regression with trend, Fourier seasonality and optional flags (calendar or
//! promotion dummies), as R `forecast::tslm(y ~ trend + fourier(K) + xreg)` (Hyndman &
//! Athanasopoulos, FPP3 §7.4): `y_t = β_0 + β_1 t + Σ_{k≤K} [a_k sin(2πkt/m) + b_k cos(2πkt/m)]
//! + γ' x_t + ε_t`, fitted by ordinary least squares. Prediction intervals use
//! `σ̂ √(1 + x'(X'X)⁻¹x)` with `σ̂² = SSE/(n − p)`.

use super::{check_series, FittedModel, Forecast, ForecastError};

/// A fitted trend + Fourier regression.
#[derive(Debug, Clone)]
pub struct RegressionModel {
    pub m: usize,
    pub harmonics: usize,
    pub coef: Vec<f64>,
    xtx_inv: Vec<Vec<f64>>,
    pub sigma: f64,
    n: usize,
    /// Future values of the flags, one row per step (missing rows count as 0).
    future_flags: Vec<Vec<f64>>,
    n_flags: usize,
}

fn design_row(t: usize, m: usize, k: usize, flags: &[f64], n_flags: usize) -> Vec<f64> {
    let tf = (t + 1) as f64;
    let mut row = vec![1.0, tf];
    for j in 1..=k {
        let w = 2.0 * std::f64::consts::PI * j as f64 * tf / m as f64;
        // the Nyquist sine (2j = m) is identically zero: only its cosine enters
        if 2 * j != m {
            row.push(w.sin());
        }
        row.push(w.cos());
    }
    for i in 0..n_flags {
        row.push(flags.get(i).copied().unwrap_or(0.0));
    }
    row
}

/// Invert a symmetric positive-definite matrix by Gauss–Jordan with partial pivoting.
fn invert(a: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let n = a.len();
    let mut m: Vec<Vec<f64>> = a
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = r.clone();
            row.extend((0..n).map(|j| f64::from(u8::from(i == j))));
            row
        })
        .collect();
    for c in 0..n {
        let mut piv = c;
        for r in c + 1..n {
            if m[r][c].abs() > m[piv][c].abs() {
                piv = r;
            }
        }
        if m[piv][c].abs() < 1e-12 {
            return None;
        }
        m.swap(c, piv);
        let d = m[c][c];
        for v in m[c].iter_mut() {
            *v /= d;
        }
        for r in 0..n {
            if r != c {
                let f = m[r][c];
                if f != 0.0 {
                    for j in 0..2 * n {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
    }
    Some(m.into_iter().map(|r| r[n..].to_vec()).collect())
}

impl RegressionModel {
    /// Fit with `harmonics` Fourier pairs (capped at `m/2`) and optional flags: `flags[t]` for
    /// the history, `future_flags[h]` for the forecast steps.
    pub fn fit(
        y: &[f64],
        m: usize,
        harmonics: usize,
        flags: &[Vec<f64>],
        future_flags: &[Vec<f64>],
    ) -> Result<RegressionModel, ForecastError> {
        check_series(y, 3)?;
        let k = if m > 1 { harmonics.min(m / 2) } else { 0 };
        let n_flags = flags.first().map_or(0, |f| f.len());
        let empty = Vec::new();
        let rows: Vec<Vec<f64>> = (0..y.len())
            .map(|t| design_row(t, m, k, flags.get(t).unwrap_or(&empty), n_flags))
            .collect();
        let p = rows[0].len();
        if y.len() <= p {
            return Err(ForecastError::TooShort {
                needed: p + 1,
                got: y.len(),
            });
        }
        let mut xtx = vec![vec![0.0; p]; p];
        let mut xty = vec![0.0; p];
        for (r, v) in rows.iter().zip(y) {
            for i in 0..p {
                xty[i] += r[i] * v;
                for j in 0..p {
                    xtx[i][j] += r[i] * r[j];
                }
            }
        }
        let inv = invert(&xtx).ok_or_else(|| ForecastError::Fit {
            model: "Regression".into(),
            message: "singular design (constant flags?)".into(),
        })?;
        let coef: Vec<f64> = (0..p)
            .map(|i| (0..p).map(|j| inv[i][j] * xty[j]).sum())
            .collect();
        let sse: f64 = rows
            .iter()
            .zip(y)
            .map(|(r, v)| {
                let f: f64 = r.iter().zip(&coef).map(|(a, b)| a * b).sum();
                (v - f) * (v - f)
            })
            .sum();
        Ok(RegressionModel {
            m,
            harmonics: k,
            coef,
            xtx_inv: inv,
            sigma: (sse / (y.len() - p) as f64).sqrt(),
            n: y.len(),
            future_flags: future_flags.to_vec(),
            n_flags,
        })
    }
}

impl FittedModel for RegressionModel {
    fn name(&self) -> String {
        if self.harmonics > 0 {
            format!("Regression(trend + {} Fourier pairs)", self.harmonics)
        } else {
            "Regression(trend)".into()
        }
    }
    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        let empty = Vec::new();
        let mut mean = Vec::with_capacity(horizon);
        let mut sd = Vec::with_capacity(horizon);
        for h in 0..horizon {
            let x = design_row(
                self.n + h,
                self.m,
                self.harmonics,
                self.future_flags.get(h).unwrap_or(&empty),
                self.n_flags,
            );
            let f: f64 = x.iter().zip(&self.coef).map(|(a, b)| a * b).sum();
            let mut q = 0.0;
            for i in 0..x.len() {
                for j in 0..x.len() {
                    q += x[i] * self.xtx_inv[i][j] * x[j];
                }
            }
            mean.push(f);
            sd.push(self.sigma * (1.0 + q).sqrt());
        }
        Forecast::from_sd(mean, &sd, levels)
    }
}
