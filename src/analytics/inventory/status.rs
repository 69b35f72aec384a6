//! Stock status of a SKU from its inventory position `IP = on hand + on order` and its policy.
//!
//! * dead stock: stock on hand and no sale for `dead_days` (or no demand forecast); the whole
//!   stock is tied-up cash (`on hand × unit cost`);
//! * order now: `IP ≤ s`;
//! * order soon: `IP ≤ s + μ × soon_days`;
//! * overstocked: days of cover `on hand / μ > overstock_days` and `on hand > s + Q`; tied-up
//!   cash is the excess over `s + Q` at unit cost;
//! * no demand: nothing sells and nothing is on hand;
//! * healthy: otherwise.

use serde::{Deserialize, Serialize};

/// Status of a SKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    OrderNow,
    OrderSoon,
    Healthy,
    Overstocked,
    DeadStock,
    NoDemand,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::OrderNow,
        Status::OrderSoon,
        Status::Healthy,
        Status::Overstocked,
        Status::DeadStock,
        Status::NoDemand,
    ];
    /// The status word, in either language.
    pub fn text(self) -> crate::text::Text {
        use crate::text::Text;
        match self {
            Status::OrderNow => Text::new("inventory.status.order_now"),
            Status::OrderSoon => Text::new("inventory.status.order_soon"),
            Status::Healthy => Text::new("inventory.status.healthy"),
            Status::Overstocked => Text::new("inventory.status.overstocked"),
            Status::DeadStock => Text::new("inventory.status.dead_stock"),
            Status::NoDemand => Text::new("inventory.status.no_demand"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::OrderNow => "order now",
            Status::OrderSoon => "order soon",
            Status::Healthy => "healthy",
            Status::Overstocked => "overstocked",
            Status::DeadStock => "dead stock",
            Status::NoDemand => "no demand",
        }
    }
}

/// Inputs of the status rule.
#[derive(Debug, Clone, Copy)]
pub struct StatusInput {
    pub on_hand: f64,
    pub on_order: f64,
    pub demand_per_day: f64,
    pub days_since_last_sale: f64,
    pub reorder_point: f64,
    pub order_quantity: f64,
    pub unit_cost: f64,
    pub soon_days: f64,
    pub overstock_days: f64,
    pub dead_days: f64,
}

/// Status and tied-up cash.
pub fn classify(x: &StatusInput) -> (Status, f64) {
    let ip = x.on_hand + x.on_order;
    let dead = x.demand_per_day <= 1e-9 || x.days_since_last_sale >= x.dead_days;
    if dead {
        return if x.on_hand > 0.0 {
            (Status::DeadStock, x.on_hand * x.unit_cost)
        } else {
            (Status::NoDemand, 0.0)
        };
    }
    if ip <= x.reorder_point {
        return (Status::OrderNow, 0.0);
    }
    if ip <= x.reorder_point + x.demand_per_day * x.soon_days {
        return (Status::OrderSoon, 0.0);
    }
    let cover = x.on_hand / x.demand_per_day;
    let top = x.reorder_point + x.order_quantity;
    if cover > x.overstock_days && x.on_hand > top {
        return (Status::Overstocked, (x.on_hand - top) * x.unit_cost);
    }
    (Status::Healthy, 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> StatusInput {
        StatusInput {
            on_hand: 50.0,
            on_order: 0.0,
            demand_per_day: 2.0,
            days_since_last_sale: 1.0,
            reorder_point: 30.0,
            order_quantity: 40.0,
            unit_cost: 3.0,
            soon_days: 7.0,
            overstock_days: 180.0,
            dead_days: 90.0,
        }
    }

    #[test]
    fn rules() {
        assert_eq!(classify(&base()), (Status::Healthy, 0.0));
        assert_eq!(
            classify(&StatusInput {
                on_hand: 30.0,
                ..base()
            })
            .0,
            Status::OrderNow
        );
        assert_eq!(
            classify(&StatusInput {
                on_hand: 20.0,
                on_order: 20.0,
                ..base()
            })
            .0,
            Status::OrderSoon
        );
        // 400 on hand = 200 days of cover, 330 above s + Q at £3
        assert_eq!(
            classify(&StatusInput {
                on_hand: 400.0,
                ..base()
            }),
            (Status::Overstocked, 990.0)
        );
        assert_eq!(
            classify(&StatusInput {
                days_since_last_sale: 120.0,
                ..base()
            }),
            (Status::DeadStock, 150.0)
        );
        assert_eq!(
            classify(&StatusInput {
                on_hand: 0.0,
                demand_per_day: 0.0,
                ..base()
            }),
            (Status::NoDemand, 0.0)
        );
    }
}
