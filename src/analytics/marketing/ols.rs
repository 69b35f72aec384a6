//! Ordinary least squares for the price and promotion models, with classical standard errors
//! (Greene, "Econometric Analysis", 8th ed., ch. 4):
//!
//! `β̂ = (X'X)⁻¹ X'y`, `σ̂² = Σ e_i² / (n − p)`, `Var(β̂) = σ̂² (X'X)⁻¹`, and for a new row `x₀`
//! the prediction variance `σ̂² (1 + x₀'(X'X)⁻¹x₀)` (mean: without the 1).
//!
//! Rows are given sparsely (fixed-effect dummies have one non-zero per row), so `X'X` is
//! accumulated in `O(n · nnz²)`; the system is solved by Cholesky factorisation. The same
//! numbers as `statsmodels.OLS(y, X).fit()` (`params`, `bse`, `scale`, `rsquared`).

use nalgebra::{Cholesky, DMatrix, DVector, Dyn};

/// Errors of the least-squares fit.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum OlsError {
    TooFew { n: usize, p: usize, need: usize },
    Singular(SingularWhy),
    NotFinite(usize),
}

/// Why the regressors cannot be separated.
#[derive(Debug, Clone, PartialEq)]
pub enum SingularWhy {
    /// A regressor column is zero in every row.
    ZeroColumn(String),
    /// Collinear regressors (duplicated or constant columns).
    Collinear,
}

impl OlsError {
    /// The message, in either language.
    pub fn text(&self) -> crate::text::Text {
        use crate::text::Text;
        match self {
            OlsError::TooFew { n, p, need } => Text::new("mkt.err.ols_too_few")
                .int("n", *n)
                .int("p", *p)
                .int("need", *need),
            OlsError::Singular(why) => {
                let why = match why {
                    SingularWhy::ZeroColumn(column) => {
                        Text::new("mkt.err.ols_zero_column").str("column", column.clone())
                    }
                    SingularWhy::Collinear => Text::new("mkt.err.ols_check_columns"),
                };
                Text::new("mkt.err.ols_singular").text("why", why)
            }
            OlsError::NotFinite(row) => Text::new("mkt.err.ols_not_finite").index("row", *row),
        }
    }
}

/// A fitted regression.
#[derive(Debug, Clone)]
pub struct Ols {
    pub n: usize,
    pub p: usize,
    pub coef: Vec<f64>,
    /// Standard errors `sqrt(σ̂² [(X'X)⁻¹]_jj)`.
    pub se: Vec<f64>,
    pub sigma2: f64,
    pub sse: f64,
    /// R² against the mean of y (centred, as statsmodels with a constant or fixed effects).
    pub r2: f64,
    chol: Cholesky<f64, Dyn>,
}

impl Ols {
    /// Residual degrees of freedom `n − p`.
    pub fn df(&self) -> usize {
        self.n - self.p
    }

    /// `x'(X'X)⁻¹x` for a sparse row.
    pub fn leverage(&self, row: &[(usize, f64)]) -> f64 {
        let mut v = DVector::zeros(self.p);
        for &(j, x) in row {
            if j < self.p {
                v[j] += x;
            }
        }
        let s = self.chol.solve(&v);
        v.dot(&s)
    }

    /// Prediction `x'β̂` for a sparse row.
    pub fn predict(&self, row: &[(usize, f64)]) -> f64 {
        row.iter()
            .map(|&(j, x)| self.coef.get(j).copied().unwrap_or(0.0) * x)
            .sum()
    }

    /// Covariance `σ̂² [(X'X)⁻¹]` restricted to the given columns (row-major).
    pub fn cov(&self, cols: &[usize]) -> Vec<f64> {
        let m = cols.len();
        let mut out = vec![0.0; m * m];
        for (a, &j) in cols.iter().enumerate() {
            let mut e = DVector::zeros(self.p);
            if j < self.p {
                e[j] = 1.0;
            }
            let s = self.chol.solve(&e);
            for (b, &k) in cols.iter().enumerate() {
                out[a * m + b] = self.sigma2 * s.get(k).copied().unwrap_or(0.0);
            }
        }
        out
    }
}

/// Fit `y = Xβ + e` over `n` rows; `row(i, buf)` clears and fills `buf` with row i's non-zero
/// `(column, value)` pairs and returns `y_i`. `names` label the columns in errors.
pub fn fit(
    n: usize,
    p: usize,
    names: &[String],
    mut row: impl FnMut(usize, &mut Vec<(usize, f64)>) -> f64,
) -> Result<Ols, OlsError> {
    if n < p + 2 {
        return Err(OlsError::TooFew { n, p, need: p + 2 });
    }
    let mut xtx = vec![0.0; p * p];
    let mut xty = vec![0.0; p];
    let mut buf = Vec::new();
    let mut ysum = 0.0;
    for i in 0..n {
        buf.clear();
        let y = row(i, &mut buf);
        if !y.is_finite() || buf.iter().any(|(_, v)| !v.is_finite()) {
            return Err(OlsError::NotFinite(i + 1));
        }
        ysum += y;
        for &(j, a) in &buf {
            if j >= p {
                continue;
            }
            xty[j] += a * y;
            for &(k, b) in &buf {
                if k < p {
                    xtx[j * p + k] += a * b;
                }
            }
        }
    }
    // Scale columns to unit diagonal before factorising (equilibration), for accuracy.
    let d: Vec<f64> = (0..p)
        .map(|j| {
            let v = xtx[j * p + j];
            if v > 0.0 {
                1.0 / v.sqrt()
            } else {
                0.0
            }
        })
        .collect();
    if let Some(j) = d.iter().position(|&v| v == 0.0) {
        return Err(OlsError::Singular(SingularWhy::ZeroColumn(
            names.get(j).map_or("?", String::as_str).to_string(),
        )));
    }
    let a = DMatrix::from_fn(p, p, |j, k| xtx[j * p + k] * d[j] * d[k]);
    let chol_s = Cholesky::new(a).ok_or(OlsError::Singular(SingularWhy::Collinear))?;
    let b = DVector::from_fn(p, |j, _| xty[j] * d[j]);
    let z = chol_s.solve(&b);
    // Reject near-singular designs: the smallest pivot of the equilibrated factor.
    let l = chol_s.l();
    let min_pivot = (0..p).map(|j| l[(j, j)]).fold(f64::MAX, f64::min);
    if min_pivot.is_nan() || min_pivot <= 1e-7 {
        return Err(OlsError::Singular(SingularWhy::Collinear));
    }
    let coef: Vec<f64> = (0..p).map(|j| z[j] * d[j]).collect();
    // Residuals in a second pass (exact, no cancellation).
    let ym = ysum / n as f64;
    let (mut sse, mut sst) = (0.0, 0.0);
    for i in 0..n {
        buf.clear();
        let y = row(i, &mut buf);
        let f: f64 = buf
            .iter()
            .filter(|(j, _)| *j < p)
            .map(|&(j, v)| coef[j] * v)
            .sum();
        sse += (y - f) * (y - f);
        sst += (y - ym) * (y - ym);
    }
    let sigma2 = sse / (n - p) as f64;
    // Unscaled factor of X'X itself: X'X = D⁻¹ A D⁻¹.
    let full = DMatrix::from_fn(p, p, |j, k| xtx[j * p + k]);
    let chol = Cholesky::new(full).ok_or(OlsError::Singular(SingularWhy::Collinear))?;
    let inv_s = chol_s.inverse();
    let se: Vec<f64> = (0..p)
        .map(|j| (sigma2 * inv_s[(j, j)] * d[j] * d[j]).max(0.0).sqrt())
        .collect();
    Ok(Ols {
        n,
        p,
        coef,
        se,
        sigma2,
        sse,
        r2: if sst > 0.0 { 1.0 - sse / sst } else { f64::NAN },
        chol,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_line() {
        // y = 1 + 2x + e on x = 0..4, e = (0.1, −0.2, 0.1, 0.1, −0.1): by hand (and
        // numpy.polyfit) slope 2 + Σ(x − 2)e / 10 = 1.99, intercept 5 − 2·1.99 = 1.02,
        // residuals (0.08, −0.21, 0.1, 0.11, −0.08), SSE 0.079, se(slope) √(0.079 / 3 / 10).
        let x = [0.0, 1.0, 2.0, 3.0, 4.0];
        let e = [0.1, -0.2, 0.1, 0.1, -0.1];
        let names = vec!["const".to_string(), "x".to_string()];
        let f = fit(5, 2, &names, |i, b| {
            b.push((0, 1.0));
            b.push((1, x[i]));
            1.0 + 2.0 * x[i] + e[i]
        })
        .unwrap();
        assert!((f.coef[1] - 1.99).abs() < 1e-12, "{:?}", f.coef);
        assert!((f.coef[0] - 1.02).abs() < 1e-12);
        assert!((f.sse - 0.079).abs() < 1e-12, "{}", f.sse);
        assert!((f.se[1] - (0.079f64 / 30.0).sqrt()).abs() < 1e-12);
        assert!(fit(5, 2, &names, |i, b| {
            b.push((0, 1.0));
            b.push((1, 2.0));
            x[i]
        })
        .is_err());
    }
}
