//! Cash versus service level for the whole catalogue: for each target level, every SKU's
//! reorder point is re-solved and the average inventory value `Σ c_i (max(s_i − E[D_L,i], 0) +
//! Q_i/2)` (safety stock plus half a lot, Silver–Pyke–Thomas §7) and the demand-weighted
//! expected fill rate are summed.

use serde::{Deserialize, Serialize};

/// One point of the curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TradeoffPoint {
    pub service_level: f64,
    /// Average inventory value held (safety stock + cycle stock) at unit cost.
    pub inventory_value: f64,
    pub safety_stock_value: f64,
    /// Demand-weighted expected fill rate of the catalogue.
    pub expected_fill_rate: f64,
}

/// Accumulates the curve SKU by SKU.
#[derive(Debug, Clone)]
pub struct Tradeoff {
    pub levels: Vec<f64>,
    value: Vec<f64>,
    ss_value: Vec<f64>,
    filled: Vec<f64>,
    demand: f64,
}

impl Tradeoff {
    pub fn new(levels: &[f64]) -> Self {
        let n = levels.len();
        Tradeoff {
            levels: levels.to_vec(),
            value: vec![0.0; n],
            ss_value: vec![0.0; n],
            filled: vec![0.0; n],
            demand: 0.0,
        }
    }

    /// Add one SKU: `ss[k]` its safety stock and `fill[k]` its expected fill rate at level `k`.
    pub fn add(&mut self, unit_cost: f64, q: f64, demand: f64, ss: &[f64], fill: &[f64]) {
        self.demand += demand;
        for k in 0..self.levels.len() {
            let s = ss.get(k).copied().unwrap_or(0.0).max(0.0);
            self.ss_value[k] += unit_cost * s;
            self.value[k] += unit_cost * (s + q / 2.0);
            self.filled[k] += demand * fill.get(k).copied().unwrap_or(1.0);
        }
    }

    pub fn points(&self) -> Vec<TradeoffPoint> {
        (0..self.levels.len())
            .map(|k| TradeoffPoint {
                service_level: self.levels[k],
                inventory_value: self.value[k],
                safety_stock_value: self.ss_value[k],
                expected_fill_rate: if self.demand > 0.0 {
                    self.filled[k] / self.demand
                } else {
                    1.0
                },
            })
            .collect()
    }
}
