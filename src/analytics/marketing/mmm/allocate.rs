//! Budget allocator: choose constant per-period spend `s_c` for the next `N` periods with
//! `Σ_c s_c = b` (the per-period budget) and `lo_c ≤ s_c ≤ hi_c`, maximising the predicted media
//! revenue over those periods including the carry-over already in the adstock:
//!
//! `R(s) = Σ_c Σ_{k=1..N} β_c · h_c(θ_c^k a_{c,T} + (1 − θ_c^k) s_c)`
//!
//! (normalised geometric adstock, Hill saturation `h_c`). Each term is concave where the Hill
//! shape is ≤ 1; S-shaped channels make `R` non-concave, so the solver is projected gradient
//! ascent with an Armijo backtracking step (Bertsekas, *Nonlinear Programming*, §2.3) started
//! from several points (a greedy marginal-return "water-filling" split, the equal split and the
//! given current split), keeping the best. The projection onto the capped simplex
//! `{lo ≤ s ≤ hi, Σ s = b}` is `clip(v − τ, lo, hi)` with τ found by bisection.
//! Convergence: the step changes R by less than 1e-12 relatively and s by less than 1e-9·b.

use super::adstock::future_state;
use super::saturation::{hill, hill_deriv};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Errors of the allocator.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum AllocError {
    Invalid(Text),
    Infeasible { budget: f64, min: f64, max: f64 },
}

impl AllocError {
    /// The message in both languages.
    pub fn text(&self) -> crate::text::Text {
        match self {
            AllocError::Infeasible { budget, min, max } => {
                crate::text::Text::new("mkt.err.infeasible")
                    .num("budget", *budget, 2)
                    .num("min", *min, 2)
                    .num("max", *max, 2)
            }
            AllocError::Invalid(m) => {
                crate::text::Text::new("mkt.err.alloc_invalid").text("message", m.clone())
            }
        }
    }
}

/// One channel's fitted response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelModel {
    /// Revenue at full saturation per period.
    pub beta: f64,
    /// Adstock decay.
    pub theta: f64,
    /// Hill half-saturation (spend per period).
    pub half_saturation: f64,
    /// Hill shape.
    pub shape: f64,
    /// Adstock state at the end of the data.
    pub adstock_end: f64,
}

impl ChannelModel {
    /// Revenue of this channel over `periods` at constant spend `s`.
    pub fn revenue(&self, s: f64, periods: u32) -> f64 {
        (1..=periods)
            .map(|k| {
                self.beta
                    * hill(
                        future_state(self.theta, self.adstock_end, s, k),
                        self.half_saturation,
                        self.shape,
                    )
            })
            .sum()
    }
    /// d revenue / d s.
    pub fn gradient(&self, s: f64, periods: u32) -> f64 {
        (1..=periods)
            .map(|k| {
                let w = 1.0 - self.theta.powi(k as i32);
                let x = future_state(self.theta, self.adstock_end, s, k)
                    .max(1e-9 * self.half_saturation);
                self.beta * w * hill_deriv(x, self.half_saturation, self.shape)
            })
            .sum()
    }
}

/// Total media revenue of a split.
pub fn total_revenue(models: &[ChannelModel], s: &[f64], periods: u32) -> f64 {
    models
        .iter()
        .zip(s)
        .map(|(m, &v)| m.revenue(v, periods))
        .sum()
}

/// Result of an allocation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AllocResult {
    /// Spend per channel per period.
    pub spend: Vec<f64>,
    /// Predicted media revenue over the periods.
    pub revenue: f64,
    pub iterations: usize,
    pub converged: bool,
    /// Largest difference of marginal returns between channels that could trade budget
    /// (0 at an exact interior optimum), relative to the largest marginal return.
    pub kkt_gap: f64,
}

/// Euclidean projection of `v` onto `{lo ≤ s ≤ hi, Σ s = b}` (assumed feasible).
pub fn project(v: &[f64], lo: &[f64], hi: &[f64], b: f64) -> Vec<f64> {
    let sum = |tau: f64| -> f64 {
        v.iter()
            .zip(lo.iter().zip(hi))
            .map(|(x, (l, h))| (x - tau).clamp(*l, *h))
            .sum()
    };
    let spread = v
        .iter()
        .chain(lo)
        .chain(hi)
        .fold(0.0f64, |a, x| a.max(x.abs()));
    let (a, c) = crate::analytics::roots::bisect(
        -2.0 * spread - b.abs() - 1.0,
        2.0 * spread + b.abs() + 1.0,
        200,
        0.0,
        |tau| sum(tau) > b,
    );
    let tau = 0.5 * (a + c);
    v.iter()
        .zip(lo.iter().zip(hi))
        .map(|(x, (l, h))| (x - tau).clamp(*l, *h))
        .collect()
}

/// Maximise [`total_revenue`] over the capped simplex. `current` (optional) is an extra start.
pub fn allocate(
    models: &[ChannelModel],
    budget_per_period: f64,
    lo: &[f64],
    hi: &[f64],
    periods: u32,
    current: Option<&[f64]>,
) -> Result<AllocResult, AllocError> {
    let c = models.len();
    if c == 0 || lo.len() != c || hi.len() != c {
        return Err(AllocError::Invalid(Text::new("param.bound_pairs")));
    }
    if periods == 0 || !budget_per_period.is_finite() || budget_per_period < 0.0 {
        return Err(AllocError::Invalid(Text::new("param.periods_budget")));
    }
    for i in 0..c {
        if !(lo[i] >= 0.0 && hi[i] >= lo[i] && hi[i].is_finite()) {
            return Err(AllocError::Invalid(
                Text::new("param.channel_bounds")
                    .index("i", i)
                    .str("lo", lo[i].to_string())
                    .str("hi", hi[i].to_string()),
            ));
        }
    }
    let (smin, smax) = (lo.iter().sum::<f64>(), hi.iter().sum::<f64>());
    if budget_per_period < smin - 1e-9 * smin.max(1.0)
        || budget_per_period > smax + 1e-9 * smax.max(1.0)
    {
        return Err(AllocError::Infeasible {
            budget: budget_per_period,
            min: smin,
            max: smax,
        });
    }
    let b = budget_per_period;
    let mut starts: Vec<Vec<f64>> = vec![greedy(models, b, lo, hi, periods)];
    starts.push(project(&vec![b / c as f64; c], lo, hi, b));
    if let Some(cur) = current {
        if cur.len() == c {
            starts.push(project(cur, lo, hi, b));
        }
    }
    let mut best: Option<AllocResult> = None;
    for s0 in starts {
        let r = ascend(models, s0, lo, hi, b, periods);
        if best.as_ref().is_none_or(|bst| r.revenue > bst.revenue) {
            best = Some(r);
        }
    }
    best.ok_or_else(|| AllocError::Invalid(Text::new("num.no_start_short")))
}

/// Greedy marginal-return split in 400 increments, from the lower bounds.
fn greedy(models: &[ChannelModel], b: f64, lo: &[f64], hi: &[f64], periods: u32) -> Vec<f64> {
    let mut s = lo.to_vec();
    let rest = b - lo.iter().sum::<f64>();
    if rest <= 0.0 {
        return s;
    }
    let steps = 400;
    let d = rest / steps as f64;
    for _ in 0..steps {
        let mut best: Option<(usize, f64)> = None;
        for (i, m) in models.iter().enumerate() {
            let room = (hi[i] - s[i]).min(d);
            if room <= 0.0 {
                continue;
            }
            let gain = (m.revenue(s[i] + room, periods) - m.revenue(s[i], periods)) / room;
            if best.is_none_or(|(_, g)| gain > g) {
                best = Some((i, gain));
            }
        }
        match best {
            Some((i, _)) => s[i] = (s[i] + d).min(hi[i]),
            None => break,
        }
    }
    project(&s, lo, hi, b)
}

fn ascend(
    models: &[ChannelModel],
    mut s: Vec<f64>,
    lo: &[f64],
    hi: &[f64],
    b: f64,
    periods: u32,
) -> AllocResult {
    let grad = |s: &[f64]| -> Vec<f64> {
        models
            .iter()
            .zip(s)
            .map(|(m, &v)| m.gradient(v, periods))
            .collect()
    };
    let mut f = total_revenue(models, &s, periods);
    let mut g = grad(&s);
    let gmax = g.iter().fold(0.0f64, |a, x| a.max(x.abs())).max(1e-300);
    let mut eta = b.max(1e-9) / gmax;
    let mut converged = false;
    let mut it = 0;
    while it < 5000 {
        it += 1;
        let mut accepted = false;
        for _ in 0..60 {
            let trial: Vec<f64> = s.iter().zip(&g).map(|(x, gi)| x + eta * gi).collect();
            let sn = project(&trial, lo, hi, b);
            let fnew = total_revenue(models, &sn, periods);
            let dir: f64 = sn
                .iter()
                .zip(&s)
                .zip(&g)
                .map(|((a, x), gi)| (a - x) * gi)
                .sum();
            if fnew >= f + 1e-4 * dir {
                let step = sn
                    .iter()
                    .zip(&s)
                    .fold(0.0f64, |a, (x, y)| a.max((x - y).abs()));
                let df = fnew - f;
                s = sn;
                f = fnew;
                g = grad(&s);
                accepted = true;
                if df.abs() <= 1e-12 * f.abs().max(1e-300) && step <= 1e-9 * b.max(1e-300) {
                    converged = true;
                }
                eta *= 2.0;
                break;
            }
            eta *= 0.5;
        }
        if !accepted {
            // No ascent step at any step size: a stationary point of the projected problem.
            converged = true;
        }
        if converged {
            break;
        }
    }
    // KKT gap: channels that can give budget (s > lo) vs channels that can take it (s < hi).
    let tol = 1e-7 * b.max(1e-300);
    let give = (0..s.len())
        .filter(|&i| s[i] > lo[i] + tol)
        .map(|i| g[i])
        .fold(f64::INFINITY, f64::min);
    let take = (0..s.len())
        .filter(|&i| s[i] < hi[i] - tol)
        .map(|i| g[i])
        .fold(f64::NEG_INFINITY, f64::max);
    let gm = g.iter().fold(0.0f64, |a, x| a.max(x.abs())).max(1e-300);
    let kkt_gap = if give.is_finite() && take.is_finite() {
        ((take - give) / gm).max(0.0)
    } else {
        0.0
    };
    AllocResult {
        spend: s,
        revenue: f,
        iterations: it,
        converged,
        kkt_gap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_channels_split_evenly_and_project_is_feasible() {
        let m = ChannelModel {
            beta: 100.0,
            theta: 0.3,
            half_saturation: 50.0,
            shape: 1.0,
            adstock_end: 0.0,
        };
        let r = allocate(&[m.clone(), m], 100.0, &[0.0, 0.0], &[1e3, 1e3], 4, None).unwrap();
        assert!((r.spend[0] - 50.0).abs() < 1e-4, "{:?}", r.spend);
        assert!(r.converged && r.kkt_gap < 1e-6);
        let p = project(&[10.0, -5.0, 3.0], &[0.0, 1.0, 0.0], &[4.0, 4.0, 4.0], 6.0);
        assert!((p.iter().sum::<f64>() - 6.0).abs() < 1e-9);
        assert!(p.iter().all(|&x| (0.0..=4.0).contains(&x)));
    }
}
