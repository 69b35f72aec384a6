//! Replay of an `(s, nQ)` policy on a demand history (periodic review every period, backorders).
//!
//! Each period: receipts due arrive; demand is served from stock on hand (the part that
//! cannot be served is backordered and counts as not filled); at the end of the period, while
//! the inventory position (on hand − backorders + on order) is at or below `s`, an order of `Q`
//! is placed, arriving `L` periods later (before that period's demand). Achieved fill rate =
//! demand served from stock / demand (Axsäter, *Inventory Control*, §5).

use serde::{Deserialize, Serialize};

/// An `(s, nQ)` policy in whole periods.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    pub reorder_point: f64,
    pub order_quantity: f64,
    pub lead_periods: usize,
}

/// Outcome of a replay over the measured periods.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Replay {
    pub periods: usize,
    pub demand: f64,
    /// Demand served from stock.
    pub filled: f64,
    /// Periods in which some demand could not be served.
    pub stockout_periods: usize,
    /// Mean end-of-period stock on hand (backorders count as 0).
    pub avg_on_hand: f64,
    pub orders: usize,
    /// State after the last period.
    pub end_on_hand: f64,
    pub end_on_order: f64,
    /// On order at the last period's review, before its own orders: with `end_on_hand` the
    /// position a shop reviewing today would see.
    pub last_review_on_order: f64,
    /// Periods until the first outstanding order arrives (None when nothing is on order).
    pub next_receipt_in: Option<usize>,
}

impl Replay {
    /// Achieved fill rate (None when there was no demand).
    pub fn fill_rate(&self) -> Option<f64> {
        (self.demand > 0.0).then(|| self.filled / self.demand)
    }
}

/// Replay `policy` on `demand`, starting with `start_on_hand` and nothing on order; statistics
/// are collected from period `measure_from` on (earlier periods are warm-up).
pub fn replay(policy: &Policy, demand: &[f64], start_on_hand: f64, measure_from: usize) -> Replay {
    let l = policy.lead_periods.max(1);
    let q = policy.order_quantity.max(1.0);
    let s = policy.reorder_point;
    let mut on_hand = start_on_hand;
    // ring of arrivals indexed by period modulo (l + 1)
    let mut pipe = vec![0.0f64; l + 1];
    let mut on_order = 0.0;
    let mut out = Replay::default();
    let mut stock_sum = 0.0;
    for (t, &d) in demand.iter().enumerate() {
        let slot = t % (l + 1);
        on_hand += pipe[slot];
        on_order -= pipe[slot];
        pipe[slot] = 0.0;
        let available = on_hand.max(0.0);
        let served = d.min(available);
        on_hand -= d;
        let measured = t >= measure_from;
        if measured {
            out.periods += 1;
            out.demand += d;
            out.filled += served;
            if d > served + 1e-9 {
                out.stockout_periods += 1;
            }
        }
        out.last_review_on_order = on_order;
        let mut ip = on_hand + on_order;
        while ip <= s {
            pipe[(t + l) % (l + 1)] += q;
            on_order += q;
            ip += q;
            if measured {
                out.orders += 1;
            }
        }
        if measured {
            stock_sum += on_hand.max(0.0);
        }
    }
    if out.periods > 0 {
        out.avg_on_hand = stock_sum / out.periods as f64;
    }
    out.end_on_hand = on_hand;
    out.end_on_order = on_order;
    let n = demand.len();
    out.next_receipt_in = if n == 0 {
        None
    } else {
        (1..=l).find(|k| pipe[(n - 1 + k) % (l + 1)] > 0.0)
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_demand_never_short() {
        // 2 a period, lead 3, s = 6 covers the lead time exactly
        let p = Policy {
            reorder_point: 6.0,
            order_quantity: 10.0,
            lead_periods: 3,
        };
        let r = replay(&p, &[2.0; 60], 16.0, 10);
        assert_eq!(r.fill_rate(), Some(1.0));
        assert_eq!(r.stockout_periods, 0);
        // one unit short of the lead-time demand: stockouts appear
        let p2 = Policy {
            reorder_point: 3.0,
            ..p
        };
        let r2 = replay(&p2, &[2.0; 60], 16.0, 10);
        assert!(r2.fill_rate().unwrap() < 1.0);
        assert!(r2.stockout_periods > 0);
    }
}

/// Simulation check of a group of SKUs (a class, or the whole catalogue).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimSummary {
    /// "all", "A", "B", "C", "X", "Y", "Z".
    pub class: String,
    pub skus: usize,
    /// SKUs with demand in the replayed periods (the fill-rate averages use these).
    pub skus_with_demand: usize,
    /// Mean service target of those SKUs.
    pub target: f64,
    /// Mean of the per-SKU achieved fill rates.
    pub fill_rate: f64,
    /// Demand-weighted achieved fill rate (filled units / demanded units).
    pub fill_rate_weighted: f64,
    /// `fill_rate − target`.
    pub gap: f64,
    pub stockout_periods: usize,
    pub demand: f64,
    /// Demand the policies were set for over the same periods: each SKU's demand rate when its
    /// policy was set, times the replayed periods.
    #[serde(default)]
    pub planned_demand: f64,
    /// `demand / planned_demand − 1` ("+34 %": a busier stretch than the policies expected);
    /// None without planned demand.
    #[serde(default)]
    pub demand_vs_plan: Option<f64>,
    pub avg_on_hand_units: f64,
    pub avg_on_hand_value: f64,
    /// SKUs whose achieved fill rate is more than 2 points under their target.
    pub skus_missing_target: usize,
    /// Average fill rate more than 2 points under the target.
    pub flagged: bool,
    pub sentence: crate::text::Text,
}

/// Summarise replays `(target, unit cost, planned demand, replay)` of a group.
pub fn summarise(class: &str, items: &[(f64, f64, f64, &Replay)]) -> SimSummary {
    let mut n = 0usize;
    let (mut tsum, mut fsum, mut dem, mut fil) = (0.0, 0.0, 0.0, 0.0);
    let (mut so, mut units, mut value, mut miss) = (0usize, 0.0, 0.0, 0usize);
    let mut planned = 0.0;
    for (target, cost, plan, r) in items {
        planned += plan;
        so += r.stockout_periods;
        units += r.avg_on_hand;
        value += r.avg_on_hand * cost;
        dem += r.demand;
        fil += r.filled;
        if let Some(f) = r.fill_rate() {
            n += 1;
            tsum += target;
            fsum += f;
            if f < target - 0.02 {
                miss += 1;
            }
        }
    }
    let target = if n > 0 { tsum / n as f64 } else { 0.0 };
    let fill = if n > 0 { fsum / n as f64 } else { 1.0 };
    let gap = fill - target;
    let flagged = n > 0 && gap < -0.02;
    let sentence = if n == 0 {
        crate::text::Text::new("inventory.sim.class_no_demand").str("class", class)
    } else {
        if flagged {
            crate::text::Text::new("inventory.sim.class_flagged")
        } else {
            crate::text::Text::new("inventory.sim.class")
        }
        .str("class", class)
        .int("n", n)
        .pct("fill", fill, 1)
        .pct("target", target, 1)
        .str("gap", format!("{:+.1}", 100.0 * gap))
        .int("miss", miss)
    };
    SimSummary {
        class: class.into(),
        skus: items.len(),
        skus_with_demand: n,
        target,
        fill_rate: fill,
        fill_rate_weighted: if dem > 0.0 { fil / dem } else { 1.0 },
        gap,
        stockout_periods: so,
        demand: dem,
        planned_demand: planned,
        demand_vs_plan: (planned > 0.0).then(|| dem / planned - 1.0),
        avg_on_hand_units: units,
        avg_on_hand_value: value,
        skus_missing_target: miss,
        flagged,
        sentence,
    }
}
