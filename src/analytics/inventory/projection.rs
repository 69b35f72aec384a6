//! Inventory projection of one SKU under its policy with expected demand: each day stock falls
//! by `μ`; when the position `on hand + on order` reaches `s` an order of `Q` is placed and
//! received `L` days later. Open orders arrive after the observed lead time (or the next
//! receipt day of the replay).

use serde::{Deserialize, Serialize};

/// Daily projection series (index 0 = today).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    pub sku: String,
    pub description: String,
    pub day: Vec<usize>,
    /// Projected stock on hand (negative = backorders).
    pub on_hand: Vec<f64>,
    pub reorder_point: f64,
    pub safety_stock: f64,
    /// Units received that day.
    pub receipts: Vec<f64>,
    /// Units ordered that day.
    pub orders: Vec<f64>,
}

/// Project `days` days ahead.
#[allow(clippy::too_many_arguments)]
pub fn project(
    sku: &str,
    description: &str,
    on_hand: f64,
    on_order: f64,
    first_receipt_in: usize,
    demand_per_day: f64,
    reorder_point: f64,
    safety_stock: f64,
    order_quantity: f64,
    lead_days: usize,
    days: usize,
) -> Projection {
    let l = lead_days.max(1);
    let mut pipe = vec![0.0f64; days + l + 2];
    if on_order > 0.0 {
        let k = first_receipt_in.clamp(1, l);
        if let Some(p) = pipe.get_mut(k) {
            *p += on_order;
        }
    }
    let mut out = Projection {
        sku: sku.into(),
        description: description.into(),
        day: Vec::with_capacity(days + 1),
        on_hand: Vec::with_capacity(days + 1),
        reorder_point,
        safety_stock,
        receipts: Vec::with_capacity(days + 1),
        orders: Vec::with_capacity(days + 1),
    };
    let mut oh = on_hand;
    let mut oo = on_order;
    let q = order_quantity.max(1.0);
    for t in 0..=days {
        let rec = if t > 0 { pipe[t] } else { 0.0 };
        oh += rec;
        oo -= rec;
        if t > 0 {
            oh -= demand_per_day;
        }
        let mut ordered = 0.0;
        if demand_per_day > 0.0 {
            while oh + oo <= reorder_point {
                pipe[t + l] += q;
                oo += q;
                ordered += q;
            }
        }
        out.day.push(t);
        out.on_hand.push(oh);
        out.receipts.push(rec);
        out.orders.push(ordered);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_at_reorder_point_and_receives_after_lead_time() {
        // 10 on hand, 1/day, s = 5, Q = 10, L = 3: order on day 5, receive on day 8
        let p = project("A", "a", 10.0, 0.0, 0, 1.0, 5.0, 2.0, 10.0, 3, 12);
        assert_eq!(p.orders[5], 10.0);
        assert_eq!(p.receipts[8], 10.0);
        assert_eq!(p.on_hand[7], 3.0);
        assert_eq!(p.on_hand[8], 12.0);
        assert_eq!(p.on_hand.len(), 13);
    }
}
