//! Gamma–Gamma model of spend per transaction: Fader, P. S. & Hardie, B. G. S. (2013), "The
//! Gamma-Gamma Model of Monetary Value"; Colombo & Jiang (1999). As `lifetimes.GammaGammaFitter`.
//!
//! A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) (γ is called `v` here,
//! as in lifetimes). With `x` repeat transactions of mean value `m`, the log-likelihood is
//!
//! `ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(xm + v)`,
//!
//! fitted by maximum likelihood on `ln(p, q, v)` (Nelder–Mead, several starts) over customers with
//! x ≥ 1 and m > 0. Conditional expected average value:
//! `E[M | x, m] = p (v + x m) / (p x + q − 1)` (needs q > 1); population mean `p v / (q − 1)`.

use super::optim::{nelder_mead, NelderMeadOptions};
use super::{CustomersError, NoCustomersWhy};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use statrs::function::gamma::ln_gamma;

/// Fitted Gamma–Gamma parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GammaGammaFit {
    pub p: f64,
    pub q: f64,
    pub v: f64,
    pub log_likelihood: f64,
    /// Customers the fit used (x ≥ 1, m > 0).
    pub customers: u64,
}

impl GammaGammaFit {
    /// `E[M | x, m]`; for x = 0 the population mean.
    pub fn expected_value(&self, x: u32, m: f64) -> f64 {
        let xf = x as f64;
        if x == 0 || m <= 0.0 {
            return self.population_mean();
        }
        self.p * (self.v + xf * m) / (self.p * xf + self.q - 1.0)
    }

    /// `p v / (q − 1)`.
    pub fn population_mean(&self) -> f64 {
        self.p * self.v / (self.q - 1.0)
    }
}

/// The data in the form the likelihood needs: per distinct x, (x, count, Σ ln m, x ln x); per
/// customer, (x, x·m). The x-only terms (two ln Γ) are then evaluated once per distinct x.
struct Prepared {
    groups: Vec<(f64, f64, f64, f64)>,
    rows: Vec<(f64, f64)>,
}

impl Prepared {
    fn new(data: &[(f64, f64)]) -> Prepared {
        let mut by_x: Vec<(f64, f64)> = data.to_vec();
        by_x.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut groups: Vec<(f64, f64, f64, f64)> = Vec::new();
        for &(x, m) in &by_x {
            match groups.last_mut() {
                Some(g) if g.0 == x => {
                    g.1 += 1.0;
                    g.2 += m.ln();
                }
                _ => groups.push((x, 1.0, m.ln(), x * x.ln())),
            }
        }
        Prepared {
            groups,
            rows: data.iter().map(|&(x, m)| (x, x * m)).collect(),
        }
    }

    /// `Σ_i [ln Γ(p x_i + q) − ln Γ(p x_i) − ln Γ(q) + q ln v + (p x_i − 1) ln m_i + p x_i ln x_i
    ///        − (p x_i + q) ln(x_i m_i + v)]` (Fader & Hardie 2013, eq. 3 in logs).
    fn ll(&self, lp: &[f64]) -> f64 {
        let (p, q, v) = (lp[0].exp(), lp[1].exp(), lp[2].exp());
        let base = -ln_gamma(q) + q * v.ln();
        let by_x: f64 = self
            .groups
            .iter()
            .map(|&(x, count, sum_ln_m, x_ln_x)| {
                count * (ln_gamma(p * x + q) - ln_gamma(p * x) + base + p * x_ln_x)
                    + (p * x - 1.0) * sum_ln_m
            })
            .sum();
        let per_row: f64 = self
            .rows
            .iter()
            .map(|&(x, xm)| (p * x + q) * (xm + v).ln())
            .sum();
        by_x - per_row
    }
}

/// Fit on (x, m) pairs; pairs with x = 0 or m ≤ 0 are skipped.
pub fn fit(pairs: &[(u32, f64)]) -> Result<GammaGammaFit, CustomersError> {
    let data: Vec<(f64, f64)> = pairs
        .iter()
        .filter(|(x, m)| *x > 0 && *m > 0.0 && m.is_finite())
        .map(|&(x, m)| (x as f64, m))
        .collect();
    if data.len() < 2 {
        return Err(CustomersError::NoCustomers(
            NoCustomersWhy::NoRepeatSpenders,
        ));
    }
    let n = data.len() as f64;
    let mean_m = data.iter().map(|d| d.1).sum::<f64>() / n;
    let prep = Prepared::new(&data);
    let obj = |lp: &[f64]| {
        if lp.iter().any(|v| v.abs() > 20.0) {
            return f64::INFINITY;
        }
        -prep.ll(lp) / n
    };
    let lv = mean_m.max(1e-9).ln();
    let starts = [
        [0.0, 0.0, 0.0],
        [1.0, 1.0, lv],
        [0.0, 1.5, lv],
        [2.0, 0.5, lv - 1.0],
    ];
    let opts = NelderMeadOptions::default();
    let mut best: Option<(Vec<f64>, f64)> = None;
    for s in starts {
        let m = nelder_mead(obj, &s, &opts);
        if best.as_ref().is_none_or(|b| m.f < b.1) {
            best = Some((m.x, m.f));
        }
    }
    let (lp, f) = best.ok_or(CustomersError::Numerical {
        what: "Gamma-Gamma fit",
        message: Text::new("num.no_start"),
    })?;
    if !f.is_finite() {
        return Err(CustomersError::Numerical {
            what: "Gamma-Gamma fit",
            message: Text::new("num.likelihood_not_finite"),
        });
    }
    Ok(GammaGammaFit {
        p: lp[0].exp(),
        q: lp[1].exp(),
        v: lp[2].exp(),
        log_likelihood: -f * n,
        customers: data.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_value_shrinks_towards_population_mean() {
        let g = GammaGammaFit {
            p: 6.25,
            q: 3.74,
            v: 15.44,
            log_likelihood: 0.0,
            customers: 0,
        };
        // Fader & Hardie (2013) CDNOW: population mean p v / (q − 1) = 35.2.
        assert!(
            (g.population_mean() - 35.22).abs() < 0.05,
            "{}",
            g.population_mean()
        );
        let e = g.expected_value(1, 100.0);
        assert!(e > g.population_mean() && e < 100.0);
        assert!((g.expected_value(0, 50.0) - g.population_mean()).abs() < 1e-12);
    }
}
