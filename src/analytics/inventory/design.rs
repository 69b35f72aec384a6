//! Per-SKU policy design: demand model → lot size (EOQ, or all-units discounts when price
//! breaks are given, or `cover_periods` of mean demand when there is no cost to balance — the
//! "period order quantity" of Silver, Pyke & Thomas, *Inventory and Production Management*,
//! 2017, §5.6; then MOQ and case-pack rounding) → lead-time demand distribution →
//! reorder point `s` for the service target → safety stock `s − E[D_L]`.
//!
//! Works in any period (days for order lines, months for the carparts benchmark):
//! `periods_per_year` converts the per-period demand to the annual demand of the EOQ.

use serde::{Deserialize, Serialize};

use super::demand::{fit, DemandModel, LeadTimeDemand};
use super::policy::{all_units_discount, eoq, round_order};
use super::ServiceMeasure;

/// Terms of one SKU (period units).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkuTerms {
    pub lead_periods: f64,
    pub lead_sd_periods: f64,
    pub unit_cost: f64,
    pub order_cost: f64,
    /// Holding cost per year as a share of unit cost.
    pub holding_rate: f64,
    pub periods_per_year: f64,
    pub moq: f64,
    pub case_pack: f64,
    pub price_breaks: Option<Vec<(f64, f64)>>,
    pub target: f64,
    pub measure: ServiceMeasure,
    pub samples: usize,
    pub seed: u64,
    /// Lowest allowed reorder point (0 for shops; negative only for studies).
    pub lowest_reorder_point: f64,
    pub rule: super::ReorderRule,
    /// Lot = this many periods of mean demand when there is no unit cost (EOQ has no holding
    /// cost to balance); 0 keeps the single-unit lot.
    #[serde(default)]
    pub cover_periods: f64,
    /// Last year's season over the lead time ([`super::season`]): the demand model's level is
    /// scaled by it for everything that looks ahead (lead-time demand, cover); the yearly
    /// demand of the EOQ is not. 1 without a year of history.
    #[serde(default = "crate::default_one")]
    pub season_factor: f64,
}

/// The designed `(s, nQ)` policy and what it rests on.
#[derive(Debug, Clone)]
pub struct Design {
    pub model: DemandModel,
    pub ltd: LeadTimeDemand,
    /// Unrounded lot size (EOQ, discount optimum or cover); 0 when there is no demand.
    pub eoq: f64,
    /// The lot is `cover_periods` of demand (no cost to balance), not an EOQ.
    pub lot_by_cover: bool,
    /// After MOQ and case-pack rounding.
    pub order_quantity: f64,
    /// Unit cost after a quantity discount, if any.
    pub unit_cost: f64,
    pub discount_price: Option<f64>,
    pub reorder_point: f64,
    pub safety_stock: f64,
}

/// Design the policy of one SKU from its zero-filled per-period history.
pub fn design(y: &[f64], t: &SkuTerms) -> Design {
    let level = fit(y);
    let annual = level.mean * t.periods_per_year;
    let model = level.scaled(t.season_factor);
    let mut unit_cost = t.unit_cost;
    let mut discount_price = None;
    let mut lot_by_cover = false;
    let lot = match &t.price_breaks {
        Some(pb) if annual > 0.0 && t.order_cost > 0.0 => {
            let breaks: Vec<f64> = pb.iter().map(|b| b.0).collect();
            let prices: Vec<f64> = pb.iter().map(|b| b.1).collect();
            match all_units_discount(t.order_cost, t.holding_rate, annual, &breaks, &prices) {
                Ok(c) => {
                    unit_cost = c.unit_price;
                    discount_price = Some(c.unit_price);
                    c.quantity
                }
                Err(_) => 0.0,
            }
        }
        _ => match eoq(t.order_cost, t.holding_rate * t.unit_cost, annual) {
            Ok(l) => l.quantity,
            Err(_) if annual > 0.0 && t.unit_cost <= 0.0 && t.cover_periods > 0.0 => {
                lot_by_cover = true;
                model.mean * t.cover_periods
            }
            Err(_) => 0.0,
        },
    };
    let order_quantity = round_order(lot, t.moq, t.case_pack);
    let ltd =
        LeadTimeDemand::simulate(&model, t.lead_periods, t.lead_sd_periods, t.samples, t.seed);
    let reorder_point = if model.mean > 0.0 {
        ltd.reorder_point_from(
            t.target,
            t.measure,
            order_quantity,
            t.lowest_reorder_point,
            t.rule,
        )
    } else {
        0.0
    };
    Design {
        safety_stock: reorder_point - ltd.mean,
        model,
        ltd,
        eoq: lot,
        lot_by_cover,
        order_quantity,
        unit_cost,
        discount_price,
        reorder_point,
    }
}
