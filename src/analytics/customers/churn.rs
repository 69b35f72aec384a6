//! Churn classification on a time split.
//!
//! **Label**: a customer churned at cut-off `c` if they have no purchase in `(c, c + w]`
//! (w = churn window, 90 days by default). **Features** from the history up to `c` only:
//! recency (days since the last order), ln(1 + orders), ln(1 + revenue), tenure (days since the
//! first order), ln(1 + mean units per order) and the return rate (value of returns /
//! value of purchases, from `Dataset::returns`, capped at 1).
//!
//! **Time split**: train at `c₁ = last day − 2w` (labels from `(c₁, c₁ + w]`), test at
//! `c₂ = last day − w` (labels from the last w days). Models:
//! - Gaussian naive Bayes (class priors, per-class feature means and variances with scikit-learn's
//!   smoothing `1e-9 · max variance`); Hastie, Tibshirani & Friedman, *ESL* §6.6.3;
//! - logistic regression on standardised features with an L2 penalty `½‖w‖²` (intercept
//!   unpenalised; scikit-learn's `C = 1`), fitted by Newton–Raphson / IRLS (*ESL* §4.4.1);
//! - `1 − P(alive)` from a BG/NBD fitted on the data up to `c₂` (no training labels needed).
//!
//! **ROC AUC** = the Mann–Whitney probability that a random churner scores above a random
//! non-churner, ties counting ½ (Hanley & McNeil 1982), computed with mid-ranks.

#![allow(clippy::needless_range_loop)] // small fixed-size numeric kernels read best indexed

use super::history::History;
use super::{CustomersError, NoCustomersWhy};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Feature names, in column order.
pub const FEATURES: [&str; 6] = [
    "recency_days",
    "ln_orders",
    "ln_revenue",
    "tenure_days",
    "ln_units_per_order",
    "return_rate",
];

/// Features of the customers with an order on or before `cutoff`, and churn labels for
/// `(cutoff, cutoff + window]`. Returns (history index, features, churned).
pub fn dataset(
    hist: &[History],
    customer_ids: &[String],
    returns: &HashMap<String, f64>,
    cutoff: i64,
    window: i64,
) -> Vec<(usize, [f64; 6], bool)> {
    let mut out = Vec::new();
    for (i, h) in hist.iter().enumerate() {
        let before: Vec<_> = h.orders.iter().filter(|o| o.day <= cutoff).collect();
        let (Some(first), Some(last)) = (before.first(), before.last()) else {
            continue;
        };
        let revenue: f64 = before.iter().map(|o| o.revenue).sum();
        let units: f64 = before.iter().map(|o| o.quantity).sum();
        let n = before.len() as f64;
        let ret = customer_ids
            .get(i)
            .and_then(|id| returns.get(id))
            .copied()
            .unwrap_or(0.0);
        let rate = if revenue > 0.0 {
            (ret / revenue).min(1.0)
        } else {
            0.0
        };
        let churned = !h
            .orders
            .iter()
            .any(|o| o.day > cutoff && o.day <= cutoff + window);
        out.push((
            i,
            [
                (cutoff - last.day) as f64,
                n.ln_1p(),
                revenue.max(0.0).ln_1p(),
                (cutoff - first.day) as f64,
                (units / n).max(0.0).ln_1p(),
                rate,
            ],
            churned,
        ));
    }
    out
}

/// Gaussian naive Bayes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GaussianNb {
    /// ln prior of class 0 (stays) and 1 (churns).
    pub log_prior: [f64; 2],
    pub mean: [[f64; 6]; 2],
    pub var: [[f64; 6]; 2],
}

impl GaussianNb {
    pub fn fit(x: &[[f64; 6]], y: &[bool]) -> Result<GaussianNb, CustomersError> {
        let n1 = y.iter().filter(|&&v| v).count();
        let n0 = y.len() - n1;
        if n0 == 0 || n1 == 0 {
            return Err(CustomersError::NoCustomers(NoCustomersWhy::ChurnClasses));
        }
        let mut mean = [[0.0; 6]; 2];
        let mut var = [[0.0; 6]; 2];
        let cnt = [n0 as f64, n1 as f64];
        for (r, &c) in x.iter().zip(y) {
            for d in 0..6 {
                mean[c as usize][d] += r[d] / cnt[c as usize];
            }
        }
        for (r, &c) in x.iter().zip(y) {
            for d in 0..6 {
                var[c as usize][d] += (r[d] - mean[c as usize][d]).powi(2) / cnt[c as usize];
            }
        }
        // Smoothing: 1e-9 × the largest variance of any feature (over all data).
        let nf = x.len() as f64;
        let mut max_var: f64 = 0.0;
        for d in 0..6 {
            let m = x.iter().map(|r| r[d]).sum::<f64>() / nf;
            max_var = max_var.max(x.iter().map(|r| (r[d] - m).powi(2)).sum::<f64>() / nf);
        }
        let eps = 1e-9 * max_var.max(1e-12);
        for v in var.iter_mut().flatten() {
            *v += eps;
        }
        Ok(GaussianNb {
            log_prior: [(cnt[0] / nf).ln(), (cnt[1] / nf).ln()],
            mean,
            var,
        })
    }

    /// P(churn | features).
    pub fn predict(&self, r: &[f64; 6]) -> f64 {
        let mut lj = [0.0; 2];
        for (c, l) in lj.iter_mut().enumerate() {
            *l = self.log_prior[c];
            for d in 0..6 {
                let v = self.var[c][d];
                *l -= 0.5
                    * ((2.0 * std::f64::consts::PI * v).ln()
                        + (r[d] - self.mean[c][d]).powi(2) / v);
            }
        }
        1.0 / (1.0 + (lj[0] - lj[1]).exp())
    }
}

/// L2-penalised logistic regression on standardised features.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Logistic {
    pub feature_mean: [f64; 6],
    pub feature_sd: [f64; 6],
    /// Intercept first, then one weight per standardised feature.
    pub weights: [f64; 7],
    pub iterations: usize,
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Solve the small symmetric positive definite system `a x = b` (Gaussian elimination with
/// partial pivoting).
fn solve(mut a: [[f64; 7]; 7], mut b: [f64; 7]) -> Option<[f64; 7]> {
    for col in 0..7 {
        let piv = (col..7).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[piv][col].abs() < 1e-300 {
            return None;
        }
        a.swap(col, piv);
        b.swap(col, piv);
        for r in col + 1..7 {
            let f = a[r][col] / a[col][col];
            for c in col..7 {
                a[r][c] -= f * a[col][c];
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = [0.0; 7];
    for r in (0..7).rev() {
        let s: f64 = (r + 1..7).map(|c| a[r][c] * x[c]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    Some(x)
}

impl Logistic {
    /// Newton–Raphson on `Σ ln L − ½ λ ‖w‖²` (λ = `l2`, intercept unpenalised).
    pub fn fit(x: &[[f64; 6]], y: &[bool], l2: f64) -> Result<Logistic, CustomersError> {
        let n = x.len() as f64;
        if x.is_empty() {
            return Err(CustomersError::NoCustomers(NoCustomersWhy::NoChurnRows));
        }
        let mut mean = [0.0; 6];
        let mut sd = [0.0; 6];
        for d in 0..6 {
            mean[d] = x.iter().map(|r| r[d]).sum::<f64>() / n;
            let v = x.iter().map(|r| (r[d] - mean[d]).powi(2)).sum::<f64>() / n;
            sd[d] = if v > 0.0 { v.sqrt() } else { 1.0 };
        }
        let z: Vec<[f64; 7]> = x
            .iter()
            .map(|r| {
                let mut o = [1.0; 7];
                for d in 0..6 {
                    o[d + 1] = (r[d] - mean[d]) / sd[d];
                }
                o
            })
            .collect();
        let mut w = [0.0; 7];
        let mut iterations = 0;
        for _ in 0..100 {
            iterations += 1;
            let mut g = [0.0; 7];
            let mut h = [[0.0; 7]; 7];
            for (zi, &yi) in z.iter().zip(y) {
                let eta: f64 = zi.iter().zip(&w).map(|(a, b)| a * b).sum();
                let p = sigmoid(eta);
                let resid = (yi as u8 as f64) - p;
                let wt = (p * (1.0 - p)).max(1e-12);
                for a in 0..7 {
                    g[a] += resid * zi[a];
                    for b in 0..7 {
                        h[a][b] += wt * zi[a] * zi[b];
                    }
                }
            }
            for a in 1..7 {
                g[a] -= l2 * w[a];
                h[a][a] += l2;
            }
            let step = solve(h, g).ok_or(CustomersError::Numerical {
                what: "logistic regression",
                message: Text::new("num.singular_hessian"),
            })?;
            let mut max_step: f64 = 0.0;
            for a in 0..7 {
                w[a] += step[a];
                max_step = max_step.max(step[a].abs());
            }
            if max_step < 1e-10 {
                break;
            }
        }
        if w.iter().any(|v| !v.is_finite()) {
            return Err(CustomersError::Numerical {
                what: "logistic regression",
                message: Text::new("num.weights_diverged"),
            });
        }
        Ok(Logistic {
            feature_mean: mean,
            feature_sd: sd,
            weights: w,
            iterations,
        })
    }

    /// P(churn | features).
    pub fn predict(&self, r: &[f64; 6]) -> f64 {
        let mut eta = self.weights[0];
        for d in 0..6 {
            eta += self.weights[d + 1] * (r[d] - self.feature_mean[d]) / self.feature_sd[d];
        }
        sigmoid(eta)
    }
}

/// ROC AUC with ties counted ½ (mid-ranks). `None` when a class is empty.
pub fn roc_auc(scores: &[f64], positive: &[bool]) -> Option<f64> {
    let n = scores.len().min(positive.len());
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&i, &j| scores[i].total_cmp(&scores[j]));
    let mut ranks = vec![0.0; n];
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && scores[idx[j + 1]] == scores[idx[i]] {
            j += 1;
        }
        let mid = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            ranks[k] = mid;
        }
        i = j + 1;
    }
    let n1 = positive[..n].iter().filter(|&&p| p).count() as f64;
    let n0 = n as f64 - n1;
    if n1 == 0.0 || n0 == 0.0 {
        return None;
    }
    let r1: f64 = (0..n).filter(|&k| positive[k]).map(|k| ranks[k]).sum();
    Some((r1 - n1 * (n1 + 1.0) / 2.0) / (n1 * n0))
}

/// Confusion matrix at a threshold (churn = positive).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Confusion {
    pub threshold: f64,
    pub true_positive: u64,
    pub false_positive: u64,
    pub true_negative: u64,
    pub false_negative: u64,
}

impl Confusion {
    pub fn new(scores: &[f64], positive: &[bool], threshold: f64) -> Confusion {
        let mut c = Confusion {
            threshold,
            ..Default::default()
        };
        for (&s, &p) in scores.iter().zip(positive) {
            match (s >= threshold, p) {
                (true, true) => c.true_positive += 1,
                (true, false) => c.false_positive += 1,
                (false, false) => c.true_negative += 1,
                (false, true) => c.false_negative += 1,
            }
        }
        c
    }

    pub fn accuracy(&self) -> f64 {
        let t = self.true_positive + self.false_positive + self.true_negative + self.false_negative;
        if t == 0 {
            return 0.0;
        }
        (self.true_positive + self.true_negative) as f64 / t as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_hand_example_with_ties() {
        // Positives 0.8, 0.4; negatives 0.4, 0.1, 0.3.
        // Pairs: (0.8 > all 3) = 3; (0.4 vs 0.4) = ½, (0.4 > 0.1), (0.4 > 0.3) = 2 → 5.5 / 6.
        let s = [0.8, 0.4, 0.4, 0.1, 0.3];
        let y = [true, true, false, false, false];
        assert!((roc_auc(&s, &y).unwrap() - 5.5 / 6.0).abs() < 1e-12);
        assert_eq!(roc_auc(&[0.5, 0.5], &[true, false]), Some(0.5));
        assert_eq!(roc_auc(&[0.5], &[true]), None);
        assert_eq!(roc_auc(&[0.1, 0.9], &[true, false]), Some(0.0));
    }

    #[test]
    fn logistic_and_nb_separate_a_clear_signal() {
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..200 {
            let churn = i % 2 == 0;
            let r = if churn {
                100.0 + (i % 7) as f64
            } else {
                10.0 + (i % 5) as f64
            };
            x.push([r, 1.0 + (i % 3) as f64, 5.0, 50.0 + i as f64, 1.0, 0.0]);
            y.push(churn);
        }
        let lr = Logistic::fit(&x, &y, 1.0).unwrap();
        let nb = GaussianNb::fit(&x, &y).unwrap();
        let pl: Vec<f64> = x.iter().map(|r| lr.predict(r)).collect();
        let pn: Vec<f64> = x.iter().map(|r| nb.predict(r)).collect();
        assert!(roc_auc(&pl, &y).unwrap() > 0.99);
        assert!(roc_auc(&pn, &y).unwrap() > 0.99);
        let c = Confusion::new(&pl, &y, 0.5);
        assert_eq!(c.true_positive + c.false_negative, 100);
        assert!(c.accuracy() > 0.95);
    }
}
