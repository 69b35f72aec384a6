//! Ridge regression on standardised columns (rows given by index, so blocked
//! cross-validation can leave out any block) with optional non-negativity constraints, solved
//! by cyclic coordinate descent on the normal equations (Friedman, Hastie & Tibshirani 2010,
//! "Regularization paths for generalized linear models via coordinate descent", JSS 33), plus
//! collinearity diagnostics (variance inflation factors and the condition number of the
//! correlation matrix; Belsley, Kuh & Welsch 1980).
//!
//! Objective (columns z_j centred and scaled to unit variance, y centred and scaled):
//! `min_β (1/2n) ‖y − Zβ‖² + (λ/2) ‖β‖²` subject to `β_j ≥ 0` for constrained columns.
//! Update: `β_j ← max(0, (c_j − Σ_{k≠j} G_jk β_k) / (G_jj + λ))`, `G = Z'Z/n`, `c = Z'y/n`.
//! Coefficients are mapped back to the original scale; the intercept is unpenalised.

use nalgebra::{DMatrix, SymmetricEigen};

/// Standardisation of the columns of one design, computed on a row range.
#[derive(Debug, Clone)]
pub struct Scaled {
    pub mean: Vec<f64>,
    /// Standard deviation (population); 0 marks a constant column, left out of the fit.
    pub sd: Vec<f64>,
    /// Gram matrix of the standardised columns / n (row-major p×p).
    pub gram: Vec<f64>,
    pub p: usize,
}

/// A fitted model on the original scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub intercept: f64,
    pub coef: Vec<f64>,
}

impl Fit {
    /// Prediction for row `t` of the column-major design `x`.
    pub fn predict(&self, x: &[Vec<f64>], t: usize) -> f64 {
        self.intercept + self.coef.iter().zip(x).map(|(b, c)| b * c[t]).sum::<f64>()
    }
}

/// Means, sds and Gram matrix of columns `x[j][rows]`.
pub fn scale(x: &[Vec<f64>], rows: &[usize]) -> Scaled {
    let p = x.len();
    let n = rows.len().max(1) as f64;
    let mean: Vec<f64> = x
        .iter()
        .map(|c| rows.iter().map(|&t| c[t]).sum::<f64>() / n)
        .collect();
    let sd: Vec<f64> = x
        .iter()
        .zip(&mean)
        .map(|(c, m)| {
            let v = rows.iter().map(|&t| (c[t] - m) * (c[t] - m)).sum::<f64>() / n;
            let s = v.sqrt();
            if s > 1e-12 * (1.0 + m.abs()) {
                s
            } else {
                0.0
            }
        })
        .collect();
    let mut gram = vec![0.0; p * p];
    for j in 0..p {
        if sd[j] == 0.0 {
            continue;
        }
        for k in j..p {
            if sd[k] == 0.0 {
                continue;
            }
            let s: f64 = rows
                .iter()
                .map(|&t| (x[j][t] - mean[j]) * (x[k][t] - mean[k]))
                .sum::<f64>()
                / (n * sd[j] * sd[k]);
            gram[j * p + k] = s;
            gram[k * p + j] = s;
        }
    }
    Scaled { mean, sd, gram, p }
}

/// Fit on `rows` with penalty `lambda` (on the standardised scale); `nonneg[j]` constrains
/// column j to a non-negative coefficient.
pub fn fit(
    x: &[Vec<f64>],
    y: &[f64],
    rows: &[usize],
    sc: &Scaled,
    lambda: f64,
    nonneg: &[bool],
) -> Fit {
    let p = sc.p;
    let n = rows.len().max(1) as f64;
    let ym = rows.iter().map(|&t| y[t]).sum::<f64>() / n;
    let ysd = (rows.iter().map(|&t| (y[t] - ym) * (y[t] - ym)).sum::<f64>() / n)
        .sqrt()
        .max(1e-300);
    let c: Vec<f64> = (0..p)
        .map(|j| {
            if sc.sd[j] == 0.0 {
                return 0.0;
            }
            rows.iter()
                .map(|&t| (x[j][t] - sc.mean[j]) * (y[t] - ym))
                .sum::<f64>()
                / (n * sc.sd[j] * ysd)
        })
        .collect();
    let beta = solve_cd(
        &sc.gram,
        &c,
        p,
        lambda,
        |j| nonneg.get(j).copied().unwrap_or(false),
        &sc.sd,
    );
    let coef: Vec<f64> = (0..p)
        .map(|j| {
            if sc.sd[j] == 0.0 {
                0.0
            } else {
                beta[j] * ysd / sc.sd[j]
            }
        })
        .collect();
    let intercept = ym - coef.iter().zip(&sc.mean).map(|(b, m)| b * m).sum::<f64>();
    Fit { intercept, coef }
}

fn solve_cd(
    g: &[f64],
    c: &[f64],
    p: usize,
    lambda: f64,
    nonneg: impl Fn(usize) -> bool,
    sd: &[f64],
) -> Vec<f64> {
    let mut b = vec![0.0; p];
    // Residual correlation r_j = c_j − Σ_k G_jk β_k, updated incrementally.
    let mut r = c.to_vec();
    for _sweep in 0..5000 {
        let mut max_delta: f64 = 0.0;
        for j in 0..p {
            if sd[j] == 0.0 {
                continue;
            }
            let gjj = g[j * p + j];
            let mut nb = (r[j] + gjj * b[j]) / (gjj + lambda);
            if nonneg(j) && nb < 0.0 {
                nb = 0.0;
            }
            let d = nb - b[j];
            if d != 0.0 {
                for (k, rk) in r.iter_mut().enumerate() {
                    *rk -= g[k * p + j] * d;
                }
                b[j] = nb;
                max_delta = max_delta.max(d.abs());
            }
        }
        if max_delta < 1e-10 {
            break;
        }
    }
    b
}

/// Variance inflation factors `VIF_j = [R⁻¹]_jj` of the non-constant columns (R = correlation
/// matrix); `None` where the column is constant or R is singular (perfect collinearity = ∞).
pub fn vif(sc: &Scaled) -> Vec<Option<f64>> {
    let idx: Vec<usize> = (0..sc.p).filter(|&j| sc.sd[j] > 0.0).collect();
    let m = idx.len();
    let r = DMatrix::from_fn(m, m, |a, b| sc.gram[idx[a] * sc.p + idx[b]]);
    let mut out = vec![None; sc.p];
    if let Some(inv) = r.try_inverse() {
        for (a, &j) in idx.iter().enumerate() {
            let v = inv[(a, a)];
            out[j] = Some(if v.is_finite() && v > 0.0 {
                v
            } else {
                f64::INFINITY
            });
        }
    } else {
        for &j in &idx {
            out[j] = Some(f64::INFINITY);
        }
    }
    out
}

/// Condition number `sqrt(λ_max / λ_min)` of the correlation matrix of the non-constant columns
/// (Belsley et al.: above 30 signals harmful collinearity).
pub fn condition_number(sc: &Scaled) -> f64 {
    let idx: Vec<usize> = (0..sc.p).filter(|&j| sc.sd[j] > 0.0).collect();
    let m = idx.len();
    if m == 0 {
        return 1.0;
    }
    let r = DMatrix::from_fn(m, m, |a, b| sc.gram[idx[a] * sc.p + idx[b]]);
    let e = SymmetricEigen::new(r).eigenvalues;
    let max = e.iter().copied().fold(f64::MIN, f64::max);
    let min = e.iter().copied().fold(f64::MAX, f64::min);
    if min <= 1e-14 * max {
        f64::INFINITY
    } else {
        (max / min).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ols_limit_and_nonneg() {
        // y = 1 + 2 x1 − 3 x2 exactly.
        let x1: Vec<f64> = (0..50).map(|i| (i as f64 * 0.37).sin()).collect();
        let x2: Vec<f64> = (0..50).map(|i| (i as f64 * 0.91).cos()).collect();
        let y: Vec<f64> = (0..50).map(|i| 1.0 + 2.0 * x1[i] - 3.0 * x2[i]).collect();
        let x = vec![x1, x2];
        let rows: Vec<usize> = (0..50).collect();
        let sc = scale(&x, &rows);
        let f = fit(&x, &y, &rows, &sc, 0.0, &[false, false]);
        assert!((f.coef[0] - 2.0).abs() < 1e-6 && (f.coef[1] + 3.0).abs() < 1e-6);
        assert!((f.intercept - 1.0).abs() < 1e-6);
        let g = fit(&x, &y, &rows, &sc, 0.0, &[false, true]);
        assert_eq!(g.coef[1], 0.0);
        let v = vif(&sc);
        assert!(v[0].unwrap() >= 1.0 && condition_number(&sc) >= 1.0);
    }
}
