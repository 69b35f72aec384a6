//! Per-SKU demand model and lead-time demand distribution.
//!
//! **Demand per period** is a compound Bernoulli process: a period has demand with
//! probability `p`, and then a size drawn from the SKU's own non-zero history (empirical
//! bootstrap), rescaled so that `p · E[size]` equals the forecast level. No normal
//! approximation is used, so lumpy and intermittent items keep their real shape.
//!
//! * Intermittent items (share of zero periods ≥ 50 %): `p̂` and the size level `ẑ` from TSB
//!   (Teunter, Syntetos & Babai 2011, EJOR 214(3)): SES (α = 0.1) on the demand indicator and
//!   on the non-zero sizes — the probability decays when an item stops selling (obsolescence),
//!   which Croston cannot do.
//! * Other items: level from SES with α ∈ [0.1, 0.3] minimising the one-step SSE (the forecast
//!   module's [`optimized_ses_forecast`]); `p` is the observed share of non-zero periods.
//!
//! **Lead-time demand** `D_L` is simulated (seeded, `n` paths): a lead time `L` (periods) drawn
//! from `round(N(L̄, σ_L))` clipped at 1 (fixed when `σ_L = 0`), then `L` periods of compound
//! demand. Each path also keeps `D_{L−1}` (its first `L − 1` periods), which gives the exact
//! per-period shortage of an `(s, nQ)` policy with backorders (Hadley & Whitin 1963; Axsäter,
//! *Inventory Control*, 3rd ed., §5.3): with the inventory position uniform on `s+1 … s+Q`,
//!
//! `fill rate β(s, Q) = 1 − (1/(Q μ)) Σ_{y=s+1}^{s+Q} (G_L(y) − G_{L−1}(y))`,
//! `G_k(y) = E[(D_k − y)⁺]`, `μ` the mean demand per period;
//! `cycle service level = P(D_L ≤ s)`.

use serde::{Deserialize, Serialize};

use crate::analytics::forecast::intermittent::{demand, optimized_ses_forecast, ses_forecast};

/// Fitted per-period demand model of one SKU.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemandModel {
    /// Forecast mean demand per period.
    pub mean: f64,
    /// Probability that a period has demand.
    pub p_nonzero: f64,
    /// Non-zero sizes rescaled to the forecast level (bootstrap pool).
    #[serde(skip)]
    pub sizes: Vec<f64>,
    /// Historical mean and standard deviation per period.
    pub hist_mean: f64,
    pub hist_sd: f64,
    pub zero_share: f64,
    pub intermittent: bool,
    /// "TSB" or "SES".
    pub method: String,
}

/// Fit the demand model on a zero-filled per-period history.
pub fn fit(y: &[f64]) -> DemandModel {
    let n = y.len().max(1) as f64;
    let hist_mean = y.iter().sum::<f64>() / n;
    let hist_sd = (y.iter().map(|v| (v - hist_mean).powi(2)).sum::<f64>() / n).sqrt();
    let sizes_raw: Vec<f64> = demand(y).into_iter().filter(|v| *v > 0.0).collect();
    let nz = sizes_raw.len();
    let zero_share = 1.0 - nz as f64 / n;
    if nz == 0 {
        return DemandModel {
            mean: 0.0,
            p_nonzero: 0.0,
            sizes: Vec::new(),
            hist_mean,
            hist_sd,
            zero_share,
            intermittent: true,
            method: "none".into(),
        };
    }
    let size_mean = sizes_raw.iter().sum::<f64>() / nz as f64;
    let intermittent = zero_share >= 0.5;
    let (p, z, method) = if intermittent {
        let ind: Vec<f64> = y.iter().map(|v| f64::from(u8::from(*v > 0.0))).collect();
        (
            ses_forecast(&ind, 0.1),
            ses_forecast(&sizes_raw, 0.1),
            "TSB",
        )
    } else {
        let level = optimized_ses_forecast(y).max(0.0);
        let p = nz as f64 / n;
        (p, level / p, "SES")
    };
    let scale = if size_mean > 0.0 { z / size_mean } else { 1.0 };
    let sizes: Vec<f64> = sizes_raw.iter().map(|v| v * scale).collect();
    DemandModel {
        mean: p * z,
        p_nonzero: p.clamp(0.0, 1.0),
        sizes,
        hist_mean,
        hist_sd,
        zero_share,
        intermittent,
        method: method.into(),
    }
}

impl DemandModel {
    /// The model with its level multiplied by `f` (a season, [`super::season`]): the mean and
    /// the sizes scale, the chance of a sale and the history do not.
    pub fn scaled(mut self, f: f64) -> Self {
        if f.is_finite() && f > 0.0 && (f - 1.0).abs() > 1e-12 {
            self.mean *= f;
            for v in &mut self.sizes {
                *v *= f;
            }
        }
        self
    }
}

/// SplitMix64 finaliser (Steele, Lea & Flood 2014): a counter-based generator, so the draw of
/// path `i`, day `j` is the same whatever the lead time (common random numbers: a longer lead
/// time extends the same paths, which keeps quantiles monotone in `L`).
fn hash(seed: u64, a: u64, b: u64) -> u64 {
    let mut z =
        seed ^ a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0xD1B5_4A32_D192_ED03);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn uniform(h: u64) -> f64 {
    (h >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

fn std_normal(h1: u64, h2: u64) -> f64 {
    let u1 = uniform(h1).max(1e-300);
    let u2 = uniform(h2);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Simulated lead-time demand of one SKU (sorted samples with suffix sums).
#[derive(Debug, Clone, PartialEq)]
pub struct LeadTimeDemand {
    /// Sorted samples of `D_L`.
    pub lt: Vec<f64>,
    /// Sorted samples of `D_{L−1}`.
    pub prev: Vec<f64>,
    lt_suffix: Vec<f64>,
    prev_suffix: Vec<f64>,
    /// Mean demand per period of the paths (`E[D_L] − E[D_{L−1}]`).
    pub per_period: f64,
    pub mean: f64,
    pub sd: f64,
}

fn suffix(x: &[f64]) -> Vec<f64> {
    let mut s = vec![0.0; x.len() + 1];
    for i in (0..x.len()).rev() {
        s[i] = s[i + 1] + x[i];
    }
    s
}

/// `E[(D − y)⁺]` from sorted samples and their suffix sums.
fn loss(sorted: &[f64], suf: &[f64], y: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let k = sorted.partition_point(|v| *v <= y);
    let cnt = (sorted.len() - k) as f64;
    (suf.get(k).copied().unwrap_or(0.0) - y * cnt) / sorted.len() as f64
}

impl LeadTimeDemand {
    /// Simulate `n` lead-time paths (`seed` makes it reproducible).
    pub fn simulate(model: &DemandModel, lead: f64, lead_sd: f64, n: usize, seed: u64) -> Self {
        let n = n.max(1);
        let mut lt = Vec::with_capacity(n);
        let mut prev = Vec::with_capacity(n);
        let k = model.sizes.len();
        let base = lead.round().max(1.0);
        for path in 0..n as u64 {
            let l = if lead_sd > 0.0 {
                let z = std_normal(hash(seed, path, u64::MAX), hash(seed, path, u64::MAX - 1));
                (lead + lead_sd * z).round().clamp(1.0, 10.0 * base + 10.0)
            } else {
                base
            } as usize;
            let mut sum = 0.0;
            let mut before = 0.0;
            for day in 0..l {
                if day + 1 == l {
                    before = sum;
                }
                let h = hash(seed, path, day as u64);
                if k > 0 && uniform(h) < model.p_nonzero {
                    let j = (hash(h, path, 1) % k as u64) as usize;
                    sum += model.sizes.get(j).copied().unwrap_or(0.0);
                }
            }
            lt.push(sum);
            prev.push(before);
        }
        let per_period = (lt.iter().sum::<f64>() - prev.iter().sum::<f64>()) / n as f64;
        lt.sort_by(f64::total_cmp);
        prev.sort_by(f64::total_cmp);
        let mean = lt.iter().sum::<f64>() / n as f64;
        let sd = (lt.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64).sqrt();
        LeadTimeDemand {
            lt_suffix: suffix(&lt),
            prev_suffix: suffix(&prev),
            lt,
            prev,
            per_period,
            mean,
            sd,
        }
    }

    /// `P(D_L ≤ s)`: cycle service level of reorder point `s`.
    pub fn cycle_service(&self, s: f64) -> f64 {
        if self.lt.is_empty() {
            return 1.0;
        }
        self.lt.partition_point(|v| *v <= s) as f64 / self.lt.len() as f64
    }

    /// `P(D_L > x)`: probability that demand before a delivery ordered now exceeds `x`.
    pub fn exceed(&self, x: f64) -> f64 {
        1.0 - self.cycle_service(x)
    }

    /// Expected shortage per period of an `(s, nQ)` policy (see the module docs); the sum over
    /// `y = s+1 … s+Q` is evaluated on at most 25 evenly spaced positions.
    pub fn shortage_per_period(&self, s: f64, q: f64) -> f64 {
        let q = q.max(1.0).round();
        let pts = (q as usize).min(25);
        let mut acc = 0.0;
        for i in 0..pts {
            let y = if pts == 1 {
                s + 1.0
            } else {
                s + 1.0 + (q - 1.0) * i as f64 / (pts - 1) as f64
            };
            acc += loss(&self.lt, &self.lt_suffix, y) - loss(&self.prev, &self.prev_suffix, y);
        }
        (acc / pts as f64).max(0.0)
    }

    /// Fill rate `β(s, Q)`.
    pub fn fill_rate(&self, s: f64, q: f64) -> f64 {
        if self.per_period <= 0.0 {
            return 1.0;
        }
        (1.0 - self.shortage_per_period(s, q) / self.per_period).clamp(0.0, 1.0)
    }

    /// Smallest whole reorder point `s ≥ 0` meeting the target.
    pub fn reorder_point(&self, target: f64, measure: super::ServiceMeasure, q: f64) -> f64 {
        self.reorder_point_from(target, measure, q, 0.0, super::ReorderRule::AtLeast)
    }

    /// Expected service of reorder point `s` under `measure`.
    pub fn service(&self, s: f64, measure: super::ServiceMeasure, q: f64) -> f64 {
        match measure {
            super::ServiceMeasure::FillRate => self.fill_rate(s, q),
            super::ServiceMeasure::CycleServiceLevel => self.cycle_service(s),
        }
    }

    /// Smallest whole reorder point `s ≥ lowest` meeting the target (a negative `lowest` lets
    /// a large lot carry the fill rate: reorder only once demand is backordered).
    pub fn reorder_point_from(
        &self,
        target: f64,
        measure: super::ServiceMeasure,
        q: f64,
        lowest: f64,
        rule: super::ReorderRule,
    ) -> f64 {
        let lowest = lowest.floor();
        let top = self.lt.last().copied().unwrap_or(0.0).ceil().max(lowest);
        let ok = |s: f64| self.service(s, measure, q) >= target;
        let (mut lo, mut hi) = (lowest, top);
        if ok(lo) {
            return lo;
        }
        // invariant: !ok(lo), ok(hi)
        while hi - lo > 1.0 {
            let mid = ((lo + hi) / 2.0).floor();
            if ok(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        if rule == super::ReorderRule::Nearest && hi - 1.0 >= lowest {
            let above = self.service(hi, measure, q) - target;
            let below = target - self.service(hi - 1.0, measure, q);
            if below < above {
                return hi - 1.0;
            }
        }
        hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::inventory::ServiceMeasure;

    #[test]
    fn poisson_like_fill_rate_and_csl() {
        // demand 1 unit every period: D_L = L exactly
        let m = fit(&[1.0; 30]);
        assert_eq!(m.method, "SES");
        assert!((m.mean - 1.0).abs() < 1e-12);
        let d = LeadTimeDemand::simulate(&m, 5.0, 0.0, 200, 1);
        assert!((d.mean - 5.0).abs() < 1e-12 && d.sd < 1e-12);
        // Q = 1: the position after ordering is s + 1; it must cover the L periods up to the
        // arrival: s = 3 is one unit short every period (fill rate 0), s = 4 is enough
        assert!((d.fill_rate(3.0, 1.0) - 0.0).abs() < 1e-12);
        assert!((d.fill_rate(4.0, 1.0) - 1.0).abs() < 1e-12);
        assert_eq!(d.reorder_point(0.95, ServiceMeasure::FillRate, 1.0), 4.0);
        // cycle service level P(D_L <= s) is the conservative textbook form
        assert_eq!(
            d.reorder_point(0.95, ServiceMeasure::CycleServiceLevel, 1.0),
            5.0
        );
        // with Q = 2, y ∈ {s+1, s+2}; s = 3 → shortage ½ per period → fill rate 0.5
        assert!((d.fill_rate(3.0, 2.0) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn intermittent_uses_tsb() {
        let mut y = vec![0.0; 40];
        y[3] = 4.0;
        y[17] = 2.0;
        y[30] = 6.0;
        let m = fit(&y);
        assert!(m.intermittent);
        assert_eq!(m.method, "TSB");
        assert!(m.mean > 0.0 && m.p_nonzero < 0.2);
    }
}
