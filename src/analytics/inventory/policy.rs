//! Lot-sizing and single-period formulas (closed forms as in Snyder & Shen, *Fundamentals of
//! Supply Chain Theory*, 2nd ed., 2019, ch. 3–4, and their Python library stockpyl 1.0.2), plus
//! the order-quantity rounding used for every SKU.
//!
//! * EOQ: `Q* = √(2KD/h)`, annual cost `g(Q*) = √(2KDh)` (ordering + holding).
//! * EOQ with planned backorders (shortage cost `p` per unit per year):
//!   `Q* = √(2KD(h+p)/(hp))`, shortage fraction `x* = h/(h+p)`, cost `√(2KDhp/(h+p))`.
//! * EPQ (production rate `P > D`): `Q* = √(2KD/(h(1−D/P)))`, cost `√(2KDh(1−D/P))`.
//! * All-units quantity discounts (breaks `b_j`, prices `c_j`, holding `h = i·c_j`): for each
//!   price the EOQ clipped to its break range; total annual cost including purchases
//!   `c_j D + KD/Q + i c_j Q/2`; the cheapest wins.
//! * Newsvendor, normal demand `N(μ, σ)`, holding `h`, stockout `p`: critical ratio
//!   `α = p/(p+h)`, `S* = μ + σ Φ⁻¹(α)`, expected cost `(h+p) σ φ(Φ⁻¹(α))`.
//! * Empirical newsvendor: the `α`-quantile of demand samples.

use statrs::distribution::{Continuous, ContinuousCDF, Normal};

use super::InventoryError;
use crate::text::Text;

fn pos(name: &str, v: f64) -> Result<f64, InventoryError> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(InventoryError::InvalidParam {
            name: name.into(),
            message: Text::new("inventory.param.positive_number").str("v", v.to_string()),
        })
    }
}

/// Order quantity and annual cost of a lot-sizing formula.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LotSize {
    pub quantity: f64,
    /// Annual ordering + holding (+ shortage) cost, purchases excluded.
    pub annual_cost: f64,
}

/// Economic order quantity: `Q* = √(2KD/h)`, cost `√(2KDh)`.
pub fn eoq(order_cost: f64, holding: f64, demand: f64) -> Result<LotSize, InventoryError> {
    let k = pos("order cost", order_cost)?;
    let h = pos("holding cost", holding)?;
    let d = pos("annual demand", demand)?;
    Ok(LotSize {
        quantity: (2.0 * k * d / h).sqrt(),
        annual_cost: (2.0 * k * d * h).sqrt(),
    })
}

/// EOQ with planned backorders; returns the lot size and the optimal shortage fraction
/// `x* = h/(h+p)`.
pub fn eoq_backorders(
    order_cost: f64,
    holding: f64,
    stockout: f64,
    demand: f64,
) -> Result<(LotSize, f64), InventoryError> {
    let k = pos("order cost", order_cost)?;
    let h = pos("holding cost", holding)?;
    let p = pos("stockout cost", stockout)?;
    let d = pos("annual demand", demand)?;
    Ok((
        LotSize {
            quantity: (2.0 * k * d * (h + p) / (h * p)).sqrt(),
            annual_cost: (2.0 * k * d * h * p / (h + p)).sqrt(),
        },
        h / (h + p),
    ))
}

/// Economic production quantity with production rate `P > D` (same time unit as `D`).
pub fn epq(
    order_cost: f64,
    holding: f64,
    demand: f64,
    production_rate: f64,
) -> Result<LotSize, InventoryError> {
    let k = pos("order cost", order_cost)?;
    let h = pos("holding cost", holding)?;
    let d = pos("annual demand", demand)?;
    let p = pos("production rate", production_rate)?;
    if p <= d {
        return Err(InventoryError::InvalidParam {
            name: "production rate".into(),
            message: Text::new("inventory.param.production_rate")
                .str("d", d.to_string())
                .str("p", p.to_string()),
        });
    }
    let rho = 1.0 - d / p;
    Ok(LotSize {
        quantity: (2.0 * k * d / (h * rho)).sqrt(),
        annual_cost: (2.0 * k * d * h * rho).sqrt(),
    })
}

/// Result of the all-units discount search.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DiscountChoice {
    pub quantity: f64,
    /// Index of the chosen price in the break list.
    pub region: usize,
    pub unit_price: f64,
    /// Purchases + ordering + holding per year.
    pub total_cost: f64,
}

/// All-units quantity discounts: `breaks[j]` is the smallest quantity paying `prices[j]`
/// (`breaks[0]` = 0); holding is `holding_rate × price`.
pub fn all_units_discount(
    order_cost: f64,
    holding_rate: f64,
    demand: f64,
    breaks: &[f64],
    prices: &[f64],
) -> Result<DiscountChoice, InventoryError> {
    let k = pos("order cost", order_cost)?;
    let i = pos("holding rate", holding_rate)?;
    let d = pos("annual demand", demand)?;
    if breaks.is_empty() || breaks.len() != prices.len() {
        return Err(InventoryError::InvalidParam {
            name: "price breaks".into(),
            message: Text::new("inventory.param.breaks_count")
                .int("a", breaks.len())
                .int("b", prices.len()),
        });
    }
    if breaks.windows(2).any(|w| !(w[1] > w[0])) || prices.iter().any(|p| !(*p > 0.0)) {
        return Err(InventoryError::InvalidParam {
            name: "price breaks".into(),
            message: Text::new("inventory.param.breaks_order"),
        });
    }
    let mut best: Option<DiscountChoice> = None;
    for j in 0..breaks.len() {
        let c = prices[j];
        let lo = breaks[j].max(f64::MIN_POSITIVE);
        let hi = breaks.get(j + 1).copied().unwrap_or(f64::INFINITY);
        let q = (2.0 * k * d / (i * c)).sqrt().clamp(lo, hi);
        let total = c * d + k * d / q + i * c * q / 2.0;
        if best.is_none_or(|b| total < b.total_cost) {
            best = Some(DiscountChoice {
                quantity: q,
                region: j,
                unit_price: c,
                total_cost: total,
            });
        }
    }
    best.ok_or_else(|| InventoryError::InvalidParam {
        name: "price breaks".into(),
        message: Text::new("inventory.param.empty"),
    })
}

/// Newsvendor with normal demand: optimal order-up-to level and expected cost.
pub fn newsvendor_normal(
    holding: f64,
    stockout: f64,
    mean: f64,
    sd: f64,
) -> Result<(f64, f64), InventoryError> {
    let h = pos("holding (overage) cost", holding)?;
    let p = pos("stockout (underage) cost", stockout)?;
    let sd = pos("demand standard deviation", sd)?;
    let n = Normal::new(0.0, 1.0).map_err(|e| InventoryError::InvalidParam {
        name: "normal".into(),
        message: Text::raw(e.to_string()),
    })?;
    let z = n.inverse_cdf(p / (p + h));
    Ok((mean + sd * z, (h + p) * sd * n.pdf(z)))
}

/// Empirical newsvendor: the `critical_ratio`-quantile of sorted demand samples.
pub fn newsvendor_empirical(sorted: &[f64], critical_ratio: f64) -> f64 {
    quantile_sorted(sorted, critical_ratio)
}

/// Lower empirical quantile (the smallest sample `x` with `F̂(x) ≥ q`).
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let n = sorted.len();
    let k = ((q.clamp(0.0, 1.0) * n as f64).ceil() as usize).clamp(1, n);
    sorted[k - 1]
}

/// Round an order quantity to the supplier's rules: at least `moq`, a multiple of `case_pack`
/// (rounded up), at least 1 unit.
pub fn round_order(q: f64, moq: f64, case_pack: f64) -> f64 {
    let mut q = if q.is_finite() { q.max(1.0) } else { 1.0 };
    if moq.is_finite() && moq > 0.0 {
        q = q.max(moq);
    }
    if case_pack.is_finite() && case_pack > 1.0 {
        q = (q / case_pack - 1e-9).ceil() * case_pack;
    } else {
        q = (q - 1e-9).ceil();
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig4(a: f64, b: f64) {
        let tol = 0.5e-3 * b.abs().max(1e-12);
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn stockpyl_eoq() {
        let r = eoq(8.0, 0.225, 1300.0).unwrap();
        sig4(r.quantity, 304.05);
        sig4(r.annual_cost, 68.41);
    }

    #[test]
    fn stockpyl_eoq_backorders() {
        let (r, x) = eoq_backorders(8.0, 0.225, 5.0, 1300.0).unwrap();
        sig4(r.quantity, 310.81);
        sig4(x, 0.04306);
        sig4(r.annual_cost, 66.92);
    }

    #[test]
    fn stockpyl_epq() {
        let r = epq(8.0, 0.225, 1300.0, 1700.0).unwrap();
        sig4(r.quantity, 626.81);
        sig4(r.annual_cost, 33.18);
        assert!(epq(8.0, 0.225, 1300.0, 1200.0).is_err());
    }

    #[test]
    fn stockpyl_all_units_discount() {
        let c = all_units_discount(
            200.0,
            0.2,
            1000.0,
            &[0.0, 200.0, 500.0],
            &[500.0, 475.0, 450.0],
        )
        .unwrap();
        assert_eq!(c.quantity, 500.0);
        assert_eq!(c.region, 2);
        assert_eq!(c.unit_price, 450.0);
        sig4(c.total_cost, 472_900.0);
    }

    #[test]
    fn stockpyl_newsvendor() {
        let (s, cost) = newsvendor_normal(2.0, 18.0, 120.0, 10.0).unwrap();
        sig4(s, 132.82);
        sig4(cost, 35.10);
    }

    #[test]
    fn rounding_rules() {
        assert_eq!(round_order(13.2, 0.0, 0.0), 14.0);
        assert_eq!(round_order(13.2, 20.0, 0.0), 20.0);
        assert_eq!(round_order(13.2, 0.0, 12.0), 24.0);
        assert_eq!(round_order(24.0, 0.0, 12.0), 24.0);
        assert_eq!(round_order(0.2, 0.0, 0.0), 1.0);
        assert_eq!(quantile_sorted(&[1.0, 2.0, 3.0, 4.0], 0.5), 2.0);
        assert_eq!(quantile_sorted(&[1.0, 2.0, 3.0, 4.0], 0.51), 3.0);
    }
}
