//! Overview dashboard: KPIs, revenue by week and month, top products and countries,
//! for an optional date range.

use serde::{Deserialize, Serialize};

/// Parameters; dates are inclusive "YYYY-MM-DD" strings, `None` = open end.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OverviewParams {
    pub date_from: Option<String>,
    pub date_to: Option<String>,
}

/// Headline numbers. Every KPI comes with its definition in the UI's "how was this computed".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Kpis {
    /// Sum of line totals of kept sale lines (order level, guests included).
    pub revenue: f64,
    /// Distinct order ids.
    pub orders: u64,
    /// Distinct customer ids (guest orders excluded).
    pub customers: u64,
    /// revenue / orders.
    pub average_order_value: f64,
    /// Share of customers with two or more distinct orders.
    pub repeat_purchase_rate: f64,
    /// Value of cancellation/return lines / value of sale lines, in the range.
    pub returns_rate: f64,
    pub lines: u64,
    pub guest_orders: u64,
}

/// One period of the revenue series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodPoint {
    /// Period start "YYYY-MM-DD" (weeks start on Monday; months on the 1st).
    pub start: String,
    pub revenue: f64,
    pub orders: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductRow {
    pub sku: String,
    pub name: String,
    pub revenue: f64,
    pub quantity: f64,
    pub orders: u64,
    pub customers: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryRow {
    pub country: String,
    pub revenue: f64,
    pub orders: u64,
    pub customers: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OverviewReport {
    pub params: OverviewParams,
    /// Full data range, for the date filter's bounds ("YYYY-MM-DD").
    pub data_from: Option<String>,
    pub data_to: Option<String>,
    pub kpis: Kpis,
    pub weekly: Vec<PeriodPoint>,
    pub monthly: Vec<PeriodPoint>,
    /// All products in range, by revenue descending (the UI paginates).
    pub products: Vec<ProductRow>,
    /// All countries in range, by revenue descending.
    pub countries: Vec<CountryRow>,
}
