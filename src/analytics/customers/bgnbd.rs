//! BG/NBD ("beta-geometric / negative binomial distribution") model of repeat purchasing:
//! Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005), "'Counting your customers' the easy way: an
//! alternative to the Pareto/NBD model", *Marketing Science* 24(2), 275–284; implementation notes
//! as in the Python library `lifetimes` (`BetaGeoFitter`).
//!
//! While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each
//! purchase they drop out with probability p ~ Beta(a, b). Per customer the data are
//! `x` repeat purchases, `t_x` time of the last purchase and `T` age, all since the first purchase.
//! Log-likelihood of one customer (eq. 6 of the paper):
//!
//! `ℓ = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
//!      + ln[ (α+T)^{−(r+x)} + δ_{x>0} a/(b+x−1) (α+t_x)^{−(r+x)} ]`,
//!
//! evaluated with exact finite sums for the integer-shift Gamma and Beta ratios
//! (`ln B(a,b+x) − ln B(a,b) = Σ_{j<x} ln((b+j)/(a+b+j))`, no cancellation when b is huge) and a
//! log-sum-exp for the last term. Fitted by maximum likelihood on `ln(r, α, a, b)` with
//! Nelder–Mead from several starts, inside the box |ln θ| ≤ 12.
//!
//! P(alive | x, t_x, T) = 1 / (1 + δ_{x>0} a/(b+x−1) ((α+T)/(α+t_x))^{r+x}) (eq. 11), and the
//! conditional expectation of purchases in (T, T+t] (eq. 10):
//!
//! `E[Y(t)] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
//!            · P(alive)`,
//!
//! computed through Euler's transformation ₂F₁(A,B;C;z) = (1−z)^{C−A−B} ₂F₁(C−A, C−B; C; z),
//! which turns the bracket into `−expm1((a−1)L) − (a−1) e^{(a−1)L} U` with `L = ln(1−z)` and a
//! fast series U; dividing by `a − 1` analytically removes the removable singularity at a = 1.
//!
//! **Boundary case.** When the data show no detectable drop-out, the likelihood keeps rising
//! towards a → 0, b → ∞ (mean drop-out probability a/(a+b) → 0): the BG/NBD degenerates to the
//! NBD and optimisers such as `lifetimes`' fail to converge. We detect it (the BG/NBD fit gains
//! less than 2 log-likelihood units over the NBD, or a parameter reaches the box edge), report it,
//! and still predict with a ridge penalty `λ[(ln a)² + (ln b)²]` on the mean log-likelihood whose
//! strength λ is chosen by a time split **inside** the calibration period (see
//! [`select_penalty`]).
//!
//! **Seasonality is out of reach.** The BG/NBD assumes each customer's purchase rate is constant
//! in calendar time. On UCI Online Retail (calibration to 2011-08-31) that holds inside the
//! calibration period — a log-linear calendar trend `λ·e^{βs}` fitted jointly by MLE (operational
//! time `(e^{βs} − 1)/β`, as for time-varying covariates in Bachmann, Meierer & Näf 2021,
//! *Marketing Science* 40(4)) gives β ≈ −0.04 per year, and per-month multipliers are flat —
//! but the holdout (Sep–Dec 9) contains the Q4 peak (purchase days of the Dec-2010 customers
//! per day: 15–17 Jan–Oct, 26.8 in November, 32.3 in early December). No variant validated
//! inside the calibration period (ridge penalties, trend, monthly multipliers) predicts it:
//! holdout MAE stays ≈ 0.997–1.004 and the sum ratio ≈ 0.72–0.76 (analysis script
//! `benches/customers_bgnbd_seasonality.py`). The holdout check reports the size of the surprise
//! as `rate_lift` and says so in words.

use super::history::History;
use super::optim::{nelder_mead, NelderMeadOptions};
use super::{CustomersError, NoCustomersWhy};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Box on the log-parameters.
pub const LOG_BOUND: f64 = 12.0;

/// One customer's calibration summary (`lifetimes.utils.summary_data_from_transaction_data`
/// with `freq="D"`, `freq_multiplier=7`: time in weeks, purchases per day).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalRow {
    /// Index into the histories it was built from.
    pub index: usize,
    /// Repeat purchase days.
    pub x: u32,
    /// Weeks between first and last purchase day.
    pub t_x: f64,
    /// Weeks from first purchase day to the calibration end.
    pub t: f64,
    /// Mean revenue of the repeat purchase days (0 when x = 0).
    pub monetary: f64,
    /// Purchase days in the holdout window (0 when there is none).
    pub holdout: u32,
}

/// Calibration summaries of the customers whose first purchase is on or before `cal_end`
/// (days since 1970), with holdout purchase days in `(cal_end, obs_end]`.
pub fn summarise(hist: &[History], cal_end: i64, obs_end: i64) -> Vec<CalRow> {
    let mut out = Vec::new();
    for (index, h) in hist.iter().enumerate() {
        let days = h.purchase_days();
        let Some(&(first, _)) = days.first() else {
            continue;
        };
        if first > cal_end {
            continue;
        }
        let cal: Vec<&(i64, f64)> = days.iter().filter(|d| d.0 <= cal_end).collect();
        let x = cal.len().saturating_sub(1) as u32;
        let last = cal.last().map_or(first, |d| d.0);
        let monetary = if x > 0 {
            cal[1..].iter().map(|d| d.1).sum::<f64>() / x as f64
        } else {
            0.0
        };
        let holdout = days
            .iter()
            .filter(|d| d.0 > cal_end && d.0 <= obs_end)
            .count() as u32;
        out.push(CalRow {
            index,
            x,
            t_x: (last - first) as f64 / 7.0,
            t: (cal_end - first) as f64 / 7.0,
            monetary,
            holdout,
        });
    }
    out
}

/// BG/NBD parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BgNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

impl BgNbdParams {
    fn from_log(p: &[f64]) -> BgNbdParams {
        BgNbdParams {
            r: p[0].exp(),
            alpha: p[1].exp(),
            a: p[2].exp(),
            b: p[3].exp(),
        }
    }

    /// P(alive | x, t_x, T) (eq. 11).
    pub fn p_alive(&self, x: u32, t_x: f64, t: f64) -> f64 {
        if x == 0 {
            return 1.0;
        }
        let xf = x as f64;
        let ln_ratio = self.a.ln() - (self.b + xf - 1.0).ln()
            + (self.r + xf) * ((self.alpha + t).ln() - (self.alpha + t_x).ln());
        1.0 / (1.0 + ln_ratio.exp())
    }

    /// Probability of no purchase in the next `horizon` weeks:
    ///
    /// `P(Y(t) = 0 | x, t_x, T) = (1 − P(alive)) + P(alive) · ((α + T)/(α + T + t))^{r+x}`,
    ///
    /// since a customer alive at T buys as a Poisson process whose rate has the posterior
    /// Gamma(r + x, α + T), and P(0 events in t) = E[e^{−λt}] = ((α+T)/(α+T+t))^{r+x} (the NBD
    /// zero class; Fader, Hardie & Lee 2005, sec. 3–4; `lifetimes`
    /// `conditional_probability_of_n_purchases_up_to_time` with n = 0). It mixes recency (through
    /// P(alive)) with each customer's own pace and age, and stays informative for one-time buyers
    /// and in the boundary case a → 0, where P(alive) is 1 for everyone.
    pub fn p_no_purchase(&self, x: u32, t_x: f64, t: f64, horizon: f64) -> f64 {
        let pa = self.p_alive(x, t_x, t);
        let ln_zero = (self.r + x as f64)
            * ((self.alpha + t).ln() - (self.alpha + t + horizon.max(0.0)).ln());
        ((1.0 - pa) + pa * ln_zero.exp()).clamp(0.0, 1.0)
    }

    /// Expected purchases in the next `horizon` weeks (eq. 10), via the transformed series.
    pub fn expected(&self, x: u32, t_x: f64, t: f64, horizon: f64) -> Result<f64, CustomersError> {
        if horizon <= 0.0 {
            return Ok(0.0);
        }
        let BgNbdParams { r, alpha, a, b } = *self;
        let xf = x as f64;
        let z = horizon / (alpha + t + horizon);
        let l = (-z).ln_1p();
        // U = Σ_{n≥1} (c−A)_n (a)_{n−1} / ((c)_n n!) z^n with c = a+b+x−1, c−A = a+b−1−r.
        let c = a + b + xf - 1.0;
        let cma = a + b - 1.0 - r;
        let mut term = cma / c * z;
        let mut u = term;
        let mut n = 1.0;
        let mut converged = false;
        for _ in 0..200_000 {
            term *= (cma + n) * (a + n - 1.0) / ((c + n) * (n + 1.0)) * z;
            u += term;
            n += 1.0;
            if term.abs() <= 1e-16 * u.abs().max(1e-300) {
                converged = true;
                break;
            }
        }
        if !converged || !u.is_finite() {
            return Err(CustomersError::Numerical {
                what: "BG/NBD expectation",
                message: Text::new("num.hypergeometric").num("z", z, 4),
            });
        }
        let am1 = a - 1.0;
        let first = if am1.abs() < 1e-12 {
            -l
        } else {
            -(am1 * l).exp_m1() / am1
        };
        let bracket_over = first - (am1 * l).exp() * u; // [1 − ...] / (a − 1)
        let e = c * bracket_over * self.p_alive(x, t_x, t);
        Ok(e.max(0.0))
    }
}

/// Per-customer log-likelihood for all rows, given the parameters (exact finite sums).
pub fn log_likelihoods(p: &BgNbdParams, rows: &[CalRow]) -> Vec<f64> {
    let max_x = rows.iter().map(|r| r.x).max().unwrap_or(0) as usize;
    let (s1, s2) = shift_sums(p, max_x);
    rows.iter().map(|row| ll_row(p, row, &s1, &s2)).collect()
}

/// S1[x] = Σ_{j<x} ln(r+j) (= ln Γ(r+x) − ln Γ(r)), S2[x] = Σ_{j<x} ln((b+j)/(a+b+j)).
fn shift_sums(p: &BgNbdParams, max_x: usize) -> (Vec<f64>, Vec<f64>) {
    let mut s1 = Vec::with_capacity(max_x + 1);
    let mut s2 = Vec::with_capacity(max_x + 1);
    let (mut a1, mut a2) = (0.0, 0.0);
    s1.push(0.0);
    s2.push(0.0);
    for j in 0..max_x {
        let jf = j as f64;
        a1 += (p.r + jf).ln();
        a2 += (-p.a / (p.a + p.b + jf)).ln_1p();
        s1.push(a1);
        s2.push(a2);
    }
    (s1, s2)
}

fn ll_row(p: &BgNbdParams, row: &CalRow, s1: &[f64], s2: &[f64]) -> f64 {
    let x = row.x as usize;
    let xf = row.x as f64;
    let a3 = -(p.r + xf) * (p.alpha + row.t).ln();
    let base = s1[x] + p.r * p.alpha.ln() + s2[x];
    if row.x == 0 {
        return base + a3;
    }
    let a4 = p.a.ln() - (p.b + xf - 1.0).ln() - (p.r + xf) * (p.alpha + row.t_x).ln();
    let m = a3.max(a4);
    base + m + ((a3 - m).exp() + (a4 - m).exp()).ln()
}

/// The rows with their times replaced by indices into the distinct time values, so that one
/// likelihood evaluation takes ln(α + t) once per distinct t (calendar data have a few hundred)
/// instead of twice per customer. Same arithmetic as [`ll_row`], so the same values.
struct Indexed {
    times: Vec<f64>,
    /// (x, index of T, index of t_x).
    rows: Vec<(u32, u32, u32)>,
    max_x: usize,
}

impl Indexed {
    fn new(rows: &[CalRow]) -> Indexed {
        let mut times: Vec<f64> = rows.iter().flat_map(|r| [r.t, r.t_x]).collect();
        times.sort_by(f64::total_cmp);
        times.dedup();
        let at = |v: f64| times.partition_point(|&u| u < v) as u32;
        let idx = rows.iter().map(|r| (r.x, at(r.t), at(r.t_x))).collect();
        Indexed {
            rows: idx,
            max_x: rows.iter().map(|r| r.x).max().unwrap_or(0) as usize,
            times,
        }
    }

    fn log_likelihood(&self, p: &BgNbdParams) -> f64 {
        let (s1, s2) = shift_sums(p, self.max_x);
        let ln_at: Vec<f64> = self.times.iter().map(|t| (p.alpha + t).ln()).collect();
        let ln_a = p.a.ln();
        let r_ln_alpha = p.r * p.alpha.ln();
        let mut ln_bx = Vec::with_capacity(self.max_x + 1);
        for x in 0..=self.max_x {
            ln_bx.push((p.b + x as f64 - 1.0).ln());
        }
        self.rows
            .iter()
            .map(|&(x, it, itx)| {
                let (x, rx) = (x as usize, p.r + x as f64);
                let a3 = -rx * ln_at.get(it as usize).copied().unwrap_or(f64::NAN);
                let base = s1[x] + r_ln_alpha + s2[x];
                if x == 0 {
                    return base + a3;
                }
                let a4 =
                    ln_a - ln_bx[x] - rx * ln_at.get(itx as usize).copied().unwrap_or(f64::NAN);
                let m = a3.max(a4);
                base + m + ((a3 - m).exp() + (a4 - m).exp()).ln()
            })
            .sum()
    }
}

/// Penalised negative mean log-likelihood on log-parameters.
fn objective(lp: &[f64], rows: &Indexed, lambda: f64) -> f64 {
    if lp.iter().any(|v| v.abs() > LOG_BOUND || !v.is_finite()) {
        return f64::INFINITY;
    }
    let p = BgNbdParams::from_log(lp);
    -rows.log_likelihood(&p) / rows.rows.len().max(1) as f64
        + lambda * (lp[2] * lp[2] + lp[3] * lp[3])
}

/// A fitted BG/NBD model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BgNbdFit {
    pub params: BgNbdParams,
    /// Unpenalised log-likelihood (sum over customers).
    pub log_likelihood: f64,
    /// Ridge strength used on (ln a)² + (ln b)², per customer.
    pub penalty: f64,
    pub converged: bool,
}

/// Maximum (penalised) likelihood fit from several starts; the best optimum is kept.
pub fn fit(rows: &[CalRow], lambda: f64) -> Result<BgNbdFit, CustomersError> {
    if rows.is_empty() {
        return Err(CustomersError::NoCustomers(NoCustomersWhy::NoCalibration));
    }
    let indexed = Indexed::new(rows);
    // Moment-style start for (r, α): mean repeat rate per week.
    let mean_rate = rows.iter().map(|r| r.x as f64).sum::<f64>()
        / rows.iter().map(|r| r.t.max(1.0)).sum::<f64>();
    let la0 = (1.0 / mean_rate.max(1e-6)).ln().clamp(-5.0, 8.0);
    let starts = [
        [0.0, la0, 0.0, 0.0],
        [-0.5, la0, -2.0, 1.0],
        [0.5, la0 + 0.5, 1.0, 2.5],
        [0.0, 0.0, -1.0, -1.0],
    ];
    let opts = NelderMeadOptions::default();
    let mut best: Option<(Vec<f64>, f64, bool)> = None;
    for s in starts {
        let m = nelder_mead(|lp| objective(lp, &indexed, lambda), &s, &opts);
        if best.as_ref().is_none_or(|b| m.f < b.1) {
            best = Some((m.x, m.f, m.converged));
        }
    }
    let (lp, f, converged) = best.ok_or(CustomersError::Numerical {
        what: "BG/NBD fit",
        message: Text::new("num.no_start"),
    })?;
    if !f.is_finite() {
        return Err(CustomersError::Numerical {
            what: "BG/NBD fit",
            message: Text::new("num.likelihood_not_finite_any"),
        });
    }
    let params = BgNbdParams::from_log(&lp);
    let ll = log_likelihoods(&params, rows).iter().sum();
    Ok(BgNbdFit {
        params,
        log_likelihood: ll,
        penalty: lambda,
        converged,
    })
}

/// NBD (no drop-out) fit: the a → 0 limit of the BG/NBD. Returns (r, α, log-likelihood).
/// `ℓ = ln Γ(r+x) − ln Γ(r) + r ln α − (r+x) ln(α+T)` (Ehrenberg 1959; Morrison & Schmittlein 1988).
pub fn fit_nbd(rows: &[CalRow]) -> (f64, f64, f64) {
    let max_x = rows.iter().map(|r| r.x).max().unwrap_or(0) as usize;
    let ll = |lp: &[f64]| -> f64 {
        if lp.iter().any(|v| v.abs() > LOG_BOUND) {
            return f64::NEG_INFINITY;
        }
        let (r, al) = (lp[0].exp(), lp[1].exp());
        let mut s1 = vec![0.0; max_x + 1];
        for j in 0..max_x {
            s1[j + 1] = s1[j] + (r + j as f64).ln();
        }
        rows.iter()
            .map(|row| s1[row.x as usize] + r * al.ln() - (r + row.x as f64) * (al + row.t).ln())
            .sum()
    };
    let n = rows.len().max(1) as f64;
    let m = nelder_mead(|lp| -ll(lp) / n, &[0.0, 2.0], &NelderMeadOptions::default());
    (m.x[0].exp(), m.x[1].exp(), ll(&m.x))
}

/// Holdout accuracy of predictions: mean absolute error per customer and sum(pred)/sum(actual).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Accuracy {
    pub mae: f64,
    pub sum_ratio: f64,
    pub predicted_total: f64,
    pub actual_total: f64,
}

/// Predictions of `fit` over `horizon` weeks for each row.
pub fn predict_all(
    p: &BgNbdParams,
    rows: &[CalRow],
    horizon: f64,
) -> Result<Vec<f64>, CustomersError> {
    rows.iter()
        .map(|r| p.expected(r.x, r.t_x, r.t, horizon))
        .collect()
}

/// Accuracy of predictions against `rows[i].holdout`.
pub fn accuracy(pred: &[f64], rows: &[CalRow]) -> Accuracy {
    let n = rows.len().max(1) as f64;
    let actual: f64 = rows.iter().map(|r| r.holdout as f64).sum();
    let predicted: f64 = pred.iter().sum();
    let mae = pred
        .iter()
        .zip(rows)
        .map(|(p, r)| (p - r.holdout as f64).abs())
        .sum::<f64>()
        / n;
    Accuracy {
        mae,
        sum_ratio: if actual > 0.0 {
            predicted / actual
        } else {
            f64::NAN
        },
        predicted_total: predicted,
        actual_total: actual,
    }
}

/// One candidate penalty of the inner validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PenaltyCandidate {
    pub penalty: f64,
    pub params: BgNbdParams,
    pub inner_mae: f64,
    pub inner_sum_ratio: f64,
    /// inner MAE + |mean predicted − mean actual| (purchases per customer): lower is better.
    pub score: f64,
}

/// Grid of ridge strengths tried by [`select_penalty`].
pub const PENALTY_GRID: [f64; 5] = [0.0, 1e-4, 1e-3, 1e-2, 1e-1];

/// Choose the ridge strength λ by a time split **inside** the calibration period: fit on data up
/// to `cal_end − window` days, predict the purchase days of the last `window` days, score each λ
/// by MAE + |bias| (mean absolute error per customer plus the absolute error of the mean, both in
/// purchases per customer), keep the lowest. Never looks past `cal_end`.
pub fn select_penalty(
    hist: &[History],
    cal_end: i64,
    window: i64,
) -> Result<Vec<PenaltyCandidate>, CustomersError> {
    let inner_end = cal_end - window;
    let rows = summarise(hist, inner_end, cal_end);
    let horizon = window as f64 / 7.0;
    let n = rows.len().max(1) as f64;
    let mut out = Vec::new();
    for &lambda in &PENALTY_GRID {
        let f = fit(&rows, lambda)?;
        let pred = predict_all(&f.params, &rows, horizon)?;
        let acc = accuracy(&pred, &rows);
        let bias = (acc.predicted_total - acc.actual_total).abs() / n;
        out.push(PenaltyCandidate {
            penalty: lambda,
            params: f.params,
            inner_mae: acc.mae,
            inner_sum_ratio: acc.sum_ratio,
            score: acc.mae + bias,
        });
    }
    Ok(out)
}

/// Gaussian hypergeometric ₂F₁(a, b; c; z) by its power series for |z| < 1, with a convergence
/// check (relative term below 1e-15 within 500,000 terms) — the textbook definition
/// (Abramowitz & Stegun 15.1.1); used to cross-check the transformed series.
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Result<f64, CustomersError> {
    if z.abs() >= 1.0 || !z.is_finite() {
        return Err(CustomersError::Numerical {
            what: "2F1",
            message: Text::new("num.series_z").str("z", z.to_string()),
        });
    }
    let (mut term, mut sum, mut n) = (1.0f64, 1.0f64, 0.0f64);
    for _ in 0..500_000 {
        term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        sum += term;
        n += 1.0;
        if term.abs() <= 1e-15 * sum.abs() {
            return Ok(sum);
        }
    }
    Err(CustomersError::Numerical {
        what: "2F1",
        message: Text::new("num.series"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyp2f1_closed_forms() {
        // 2F1(1,1;2;z) = −ln(1−z)/z ; 2F1(a,b;b;z) = (1−z)^−a.
        let z: f64 = 0.6;
        assert!((hyp2f1(1.0, 1.0, 2.0, z).unwrap() + (1.0 - z).ln() / z).abs() < 1e-13);
        assert!((hyp2f1(2.5, 3.0, 3.0, z).unwrap() - (1.0f64 - z).powf(-2.5)).abs() < 1e-11);
        assert!(hyp2f1(1.0, 1.0, 2.0, 1.0).is_err());
    }

    #[test]
    fn expectation_matches_the_paper_formula() {
        // Paper's CDNOW estimates; direct eq. 10 with the plain series.
        let p = BgNbdParams {
            r: 0.243,
            alpha: 4.414,
            a: 0.793,
            b: 2.426,
        };
        for &(x, tx, t, h) in &[
            (2u32, 30.43, 38.86, 39.0),
            (0, 0.0, 38.86, 52.0),
            (8, 20.0, 30.0, 10.0),
        ] {
            let xf = x as f64;
            let z = h / (p.alpha + t + h);
            let f = hyp2f1(p.r + xf, p.b + xf, p.a + p.b + xf - 1.0, z).unwrap();
            let direct = (p.a + p.b + xf - 1.0) / (p.a - 1.0)
                * (1.0 - ((p.alpha + t) / (p.alpha + t + h)).powf(p.r + xf) * f)
                * p.p_alive(x, tx, t);
            let ours = p.expected(x, tx, t, h).unwrap();
            assert!(
                (ours - direct).abs() < 1e-9 * direct.max(1.0),
                "{ours} vs {direct}"
            );
        }
        // Paper, section 5 (CDNOW parameters): a customer with x=2, t_x=30.43, T=38.86 expects
        // 1.226 purchases in the next 39 weeks.
        let e = p.expected(2, 30.43, 38.86, 39.0).unwrap();
        assert!((e - 1.226).abs() < 2e-3, "{e}");
    }

    #[test]
    fn nbd_limit_when_no_dropout() {
        // a → 0, b large: E[Y(t)] → (r+x)/(α+T)·t.
        let p = BgNbdParams {
            r: 0.7,
            alpha: 9.0,
            a: 1e-5,
            b: 1e4,
        };
        let e = p.expected(3, 20.0, 30.0, 14.0).unwrap();
        let nbd = (0.7 + 3.0) / (9.0 + 30.0) * 14.0;
        assert!((e - nbd).abs() < 1e-3, "{e} vs {nbd}");
        assert!((p.p_alive(3, 20.0, 30.0) - 1.0).abs() < 1e-3);
    }

    #[test]
    fn p_no_purchase_closed_forms() {
        // No drop-out (a → 0): the NBD zero class ((α+T)/(α+T+t))^(r+x).
        let p = BgNbdParams {
            r: 1.0,
            alpha: 10.0,
            a: 1e-9,
            b: 1e6,
        };
        // x = 1, T = 20, t = 10: (30/40)^2 = 0.5625; one-time buyer, T = 10, t = 20: (20/40)^1.
        assert!((p.p_no_purchase(1, 10.0, 20.0, 10.0) - 0.5625).abs() < 1e-6);
        assert!((p.p_no_purchase(0, 0.0, 10.0, 20.0) - 0.5).abs() < 1e-9);
        assert_eq!(p.p_no_purchase(3, 5.0, 20.0, 0.0), 1.0);
        // With drop-out: (1 − P(alive)) + P(alive)·zero class, using the CDNOW estimates.
        let q = BgNbdParams {
            r: 0.243,
            alpha: 4.414,
            a: 0.793,
            b: 2.426,
        };
        let pa = q.p_alive(2, 30.43, 38.86);
        let zero = ((4.414f64 + 38.86) / (4.414 + 38.86 + 39.0)).powf(2.243);
        assert!((q.p_no_purchase(2, 30.43, 38.86, 39.0) - (1.0 - pa + pa * zero)).abs() < 1e-12);
        // A longer silence (same x, T) raises it.
        assert!(q.p_no_purchase(2, 10.0, 38.86, 39.0) > q.p_no_purchase(2, 30.43, 38.86, 39.0));
    }

    #[test]
    fn indexed_likelihood_equals_per_row_sum() {
        let rows: Vec<CalRow> = [
            (0u32, 0.0, 30.0),
            (2, 10.0, 30.0),
            (5, 29.0, 40.0),
            (1, 10.0, 12.5),
        ]
        .iter()
        .enumerate()
        .map(|(index, &(x, t_x, t))| CalRow {
            index,
            x,
            t_x,
            t,
            monetary: 0.0,
            holdout: 0,
        })
        .collect();
        let p = BgNbdParams {
            r: 0.243,
            alpha: 4.414,
            a: 0.793,
            b: 2.426,
        };
        let per_row: f64 = log_likelihoods(&p, &rows).iter().sum();
        let ix = Indexed::new(&rows);
        assert_eq!(ix.times.len(), 6);
        assert!((ix.log_likelihood(&p) - per_row).abs() < 1e-12, "{per_row}");
    }

    #[test]
    fn a_equal_one_is_finite() {
        let p = BgNbdParams {
            r: 0.5,
            alpha: 5.0,
            a: 1.0,
            b: 2.0,
        };
        let e = p.expected(1, 5.0, 10.0, 10.0).unwrap();
        let q = BgNbdParams { a: 1.0 + 1e-7, ..p };
        assert!((e - q.expected(1, 5.0, 10.0, 10.0).unwrap()).abs() < 1e-5);
    }
}
