//! Two datasets' headline numbers side by side (e.g. "shop 2025" against "shop 2026"):
//! the difference and the relative change of each KPI.

use super::Kpis;
use serde::{Deserialize, Serialize};

/// The KPIs compared, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiKey {
    Revenue,
    Orders,
    Customers,
    AverageOrderValue,
    RepeatPurchaseRate,
    ReturnsRate,
    Units,
    /// Customers whose first purchase falls in the period (a date range against the period
    /// before it only: over two whole datasets every customer is new).
    NewCustomers,
    /// Share of the period's customers who had bought before it (date ranges only, as above).
    ReturningCustomerRate,
}

impl KpiKey {
    pub const ALL: [KpiKey; 7] = [
        KpiKey::Revenue,
        KpiKey::Orders,
        KpiKey::Customers,
        KpiKey::AverageOrderValue,
        KpiKey::RepeatPurchaseRate,
        KpiKey::ReturnsRate,
        KpiKey::Units,
    ];

    /// The KPIs of a date range against the period before it ([`compare_periods`]).
    pub const PERIOD: [KpiKey; 9] = [
        KpiKey::Revenue,
        KpiKey::Orders,
        KpiKey::Customers,
        KpiKey::NewCustomers,
        KpiKey::AverageOrderValue,
        KpiKey::RepeatPurchaseRate,
        KpiKey::ReturnsRate,
        KpiKey::ReturningCustomerRate,
        KpiKey::Units,
    ];

    /// Stable key (test ids, CSV).
    pub fn key(self) -> &'static str {
        match self {
            KpiKey::Revenue => "revenue",
            KpiKey::Orders => "orders",
            KpiKey::Customers => "customers",
            KpiKey::AverageOrderValue => "aov",
            KpiKey::RepeatPurchaseRate => "repeat",
            KpiKey::ReturnsRate => "returns",
            KpiKey::Units => "units",
            KpiKey::NewCustomers => "new-customers",
            KpiKey::ReturningCustomerRate => "returning",
        }
    }

    /// Measured in money (the returns rate too: by value when the data have prices, by
    /// units when not), so not comparable when either dataset has no prices.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            KpiKey::Revenue | KpiKey::AverageOrderValue | KpiKey::ReturnsRate
        )
    }

    /// A share (0–1): its difference reads in percentage points.
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            KpiKey::RepeatPurchaseRate | KpiKey::ReturnsRate | KpiKey::ReturningCustomerRate
        )
    }

    /// A count (orders, customers, new customers, units): shown without decimals.
    pub fn is_count(self) -> bool {
        matches!(
            self,
            KpiKey::Orders | KpiKey::Customers | KpiKey::NewCustomers | KpiKey::Units
        )
    }

    /// Whether a rise is good news (every KPI but the returns rate).
    pub fn higher_is_better(self) -> bool {
        self != KpiKey::ReturnsRate
    }

    pub fn value(self, k: &Kpis) -> f64 {
        match self {
            KpiKey::Revenue => k.revenue,
            KpiKey::Orders => k.orders as f64,
            KpiKey::Customers => k.customers as f64,
            KpiKey::AverageOrderValue => k.average_order_value,
            KpiKey::RepeatPurchaseRate => k.repeat_purchase_rate,
            KpiKey::ReturnsRate => k.returns_rate,
            KpiKey::Units => k.units,
            KpiKey::NewCustomers => k.new_customers as f64,
            KpiKey::ReturningCustomerRate => k.returning_customer_rate,
        }
    }
}

/// One KPI of the current dataset against another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiDelta {
    pub key: KpiKey,
    pub current: f64,
    pub other: f64,
    /// `current − other` (for rates: a share difference, i.e. percentage points / 100).
    pub delta: f64,
    /// `delta / |other|`; `None` when `other` is zero or a value is not finite.
    pub relative: Option<f64>,
}

impl KpiDelta {
    /// Whether the change is good news: `Greater` for a rise of a KPI where higher is better
    /// (or a fall of the returns rate), `Less` for the opposite, `Equal` for no change.
    pub fn improvement(&self) -> std::cmp::Ordering {
        let better = if self.key.higher_is_better() {
            self.delta
        } else {
            -self.delta
        };
        better
            .partial_cmp(&0.0)
            .unwrap_or(std::cmp::Ordering::Equal)
    }
}

/// Every KPI of `current` against `other`. `money = false` (either dataset has no prices)
/// leaves out the KPIs measured in money ([`KpiKey::is_money`]); units are compared when both
/// sides count them (overviews stored before units were counted have 0).
pub fn compare(current: &Kpis, other: &Kpis, money: bool) -> Vec<KpiDelta> {
    compare_keys(&KpiKey::ALL, current, other, money)
}

/// A date range's KPIs against those of the period compared with (one dataset: its returns
/// rate is in the same unit on both sides): [`KpiKey::PERIOD`], new customers included.
pub fn compare_periods(current: &Kpis, before: &Kpis) -> Vec<KpiDelta> {
    compare_keys(&KpiKey::PERIOD, current, before, true)
}

fn compare_keys(keys: &[KpiKey], current: &Kpis, other: &Kpis, money: bool) -> Vec<KpiDelta> {
    keys.iter()
        .filter(|k| money || !k.is_money())
        .filter(|&&k| k != KpiKey::Units || (current.units > 0.0 && other.units > 0.0))
        .map(|&key| {
            let c = key.value(current);
            let o = key.value(other);
            let delta = c - o;
            let relative = (o != 0.0 && delta.is_finite() && o.is_finite())
                .then(|| delta / o.abs())
                .filter(|r| r.is_finite());
            KpiDelta {
                key,
                current: c,
                other: o,
                delta,
                relative,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpis(revenue: f64, orders: u64, customers: u64, repeat: f64, returns: f64) -> Kpis {
        Kpis {
            revenue,
            orders,
            customers,
            average_order_value: if orders > 0 {
                revenue / orders as f64
            } else {
                0.0
            },
            repeat_purchase_rate: repeat,
            returns_rate: returns,
            lines: 0,
            guest_orders: 0,
            ..Kpis::default()
        }
    }

    #[test]
    fn deltas_and_relative_changes() {
        let now = kpis(1500.0, 30, 20, 0.25, 0.02);
        let before = kpis(1000.0, 25, 20, 0.20, 0.04);
        let d = compare(&now, &before, true);
        assert_eq!(
            d.iter().map(|x| x.key.key()).collect::<Vec<_>>(),
            ["revenue", "orders", "customers", "aov", "repeat", "returns"]
        );
        assert_eq!(d[0].current, 1500.0);
        assert_eq!(d[0].other, 1000.0);
        assert_eq!(d[0].delta, 500.0);
        assert_eq!(d[0].relative, Some(0.5));
        assert_eq!(d[1].delta, 5.0);
        assert!((d[1].relative.unwrap() - 0.2).abs() < 1e-12);
        assert_eq!(d[2].delta, 0.0);
        assert_eq!(d[2].relative, Some(0.0));
        // AOV 50 against 40.
        assert!((d[3].delta - 10.0).abs() < 1e-12);
        assert!((d[3].relative.unwrap() - 0.25).abs() < 1e-12);
        assert!(d[4].key.is_rate() && !d[0].key.is_rate());
        assert!(d[0].key.higher_is_better() && !d[5].key.higher_is_better());
        // More revenue is good news, fewer returns too; the same customers is neither.
        use std::cmp::Ordering;
        assert_eq!(d[0].improvement(), Ordering::Greater);
        assert_eq!(d[2].improvement(), Ordering::Equal);
        assert_eq!(d[5].improvement(), Ordering::Greater);
        let worse = compare(&before, &now, true);
        assert_eq!(worse[0].improvement(), Ordering::Less);
        assert_eq!(worse[5].improvement(), Ordering::Less);
        assert!((d[4].delta - 0.05).abs() < 1e-12);
        assert!((d[5].delta + 0.02).abs() < 1e-12);
        assert!((d[5].relative.unwrap() + 0.5).abs() < 1e-12);
    }

    #[test]
    fn periods_compare_new_customers_too() {
        let now = Kpis {
            new_customers: 12,
            units: 50.0,
            ..kpis(1500.0, 30, 20, 0.25, 0.02)
        };
        let before = Kpis {
            new_customers: 8,
            units: 40.0,
            ..kpis(1000.0, 25, 20, 0.20, 0.04)
        };
        let d = compare_periods(&now, &before);
        assert_eq!(
            d.iter().map(|x| x.key.key()).collect::<Vec<_>>(),
            [
                "revenue",
                "orders",
                "customers",
                "new-customers",
                "aov",
                "repeat",
                "returns",
                "returning",
                "units"
            ]
        );
        assert_eq!((d[3].delta, d[3].relative), (4.0, Some(0.5)));
        assert!(d[3].key.higher_is_better() && !d[3].key.is_money() && !d[3].key.is_rate());
        assert!(d[3].key.is_count() && d[8].key.is_count() && !d[7].key.is_count());
        // Two datasets: no new-customers rows.
        assert!(compare(&now, &before, true)
            .iter()
            .all(|x| !matches!(x.key, KpiKey::NewCustomers | KpiKey::ReturningCustomerRate)));
        assert!(KpiKey::ReturningCustomerRate.is_rate());
    }

    #[test]
    fn no_relative_change_against_zero() {
        let d = compare(&kpis(10.0, 1, 1, 0.0, 0.0), &Kpis::default(), true);
        assert_eq!(d[0].delta, 10.0);
        assert_eq!(d[0].relative, None);
        assert_eq!(d[4].relative, None);
        let nan = Kpis {
            revenue: f64::NAN,
            ..Kpis::default()
        };
        assert_eq!(
            compare(&nan, &kpis(5.0, 1, 1, 0.0, 0.0), true)[0].relative,
            None
        );
    }

    #[test]
    fn without_prices_only_counts_and_units() {
        let now = Kpis {
            units: 120.0,
            ..kpis(0.0, 30, 20, 0.25, 0.0)
        };
        let before = Kpis {
            units: 100.0,
            ..kpis(900.0, 25, 20, 0.20, 0.04)
        };
        let d = compare(&now, &before, false);
        assert_eq!(
            d.iter().map(|x| x.key.key()).collect::<Vec<_>>(),
            ["orders", "customers", "repeat", "units"]
        );
        assert_eq!(d[3].delta, 20.0);
        assert_eq!(d[3].relative, Some(0.2));
        // An overview stored before units were counted: no units row.
        let old = kpis(900.0, 25, 20, 0.20, 0.04);
        let keys: Vec<&str> = compare(&now, &old, true)
            .iter()
            .map(|x| x.key.key())
            .collect();
        assert_eq!(
            keys,
            ["revenue", "orders", "customers", "aov", "repeat", "returns"]
        );
    }
}
