//! Per-customer profile for the UI drawer: orders timeline, segment, cluster, P(alive), CLV and
//! top products / categories by revenue (by units when the data have no prices).

use super::{run, ClvRow, CustomersError, CustomersParams, CustomersReport, Segment};
use crate::data::{Dataset, NONE_ID};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One order in the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineOrder {
    pub date: String,
    pub order_id: String,
    pub revenue: f64,
    /// Units in the order.
    #[serde(default)]
    pub units: f64,
}

/// Revenue of one product or category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopItem {
    pub name: String,
    pub revenue: f64,
    pub quantity: f64,
}

/// Everything the drawer shows about one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerProfile {
    pub customer_id: String,
    pub orders: Vec<TimelineOrder>,
    pub revenue: f64,
    /// Units bought.
    #[serde(default)]
    pub units: f64,
    /// Value and units of the customer's cancellation and return lines ([`super::rfm::add_returns`]).
    #[serde(default)]
    pub returned: f64,
    #[serde(default)]
    pub returned_units: f64,
    /// The data have prices (revenue figures mean something).
    #[serde(default = "crate::default_true")]
    pub priced: bool,
    pub recency_days: i64,
    pub segment: Segment,
    pub segment_name: String,
    pub cluster: Option<usize>,
    pub cluster_description: Option<String>,
    /// BG/NBD's P(alive); `None` outside the model and for a customer with a single purchase
    /// day, whose P(alive) is 1 by construction (the model lets a customer drop out only after
    /// a repeat purchase), which says nothing about that customer.
    pub p_alive: Option<f64>,
    /// The customer bought on a single day of the model's calibration period.
    #[serde(default)]
    pub single_purchase_day: bool,
    pub expected_purchases: Option<f64>,
    pub clv: Option<f64>,
    /// Up to 10 each, by revenue, then units.
    pub top_products: Vec<TopItem>,
    pub top_categories: Vec<TopItem>,
}

/// Profile of `customer_id`, running the analysis with default parameters.
pub fn customer_profile(
    data: &Dataset,
    customer_id: &str,
) -> Result<CustomerProfile, CustomersError> {
    if data.lines.strings.lookup(customer_id).is_none() {
        return Err(CustomersError::UnknownCustomer(customer_id.to_owned()));
    }
    let report = run(data, &CustomersParams::default())?;
    customer_profile_from(data, &report, customer_id)
}

fn top(m: HashMap<String, (f64, f64)>) -> Vec<TopItem> {
    let mut v: Vec<TopItem> = m
        .into_iter()
        .filter(|(k, _)| !k.is_empty())
        .map(|(name, (revenue, quantity))| TopItem {
            name,
            revenue,
            quantity,
        })
        .collect();
    v.sort_by(|a, b| {
        b.revenue
            .total_cmp(&a.revenue)
            .then(b.quantity.total_cmp(&a.quantity))
            .then(a.name.cmp(&b.name))
    });
    v.truncate(10);
    v
}

/// Profile of `customer_id` from an existing report (no refitting).
pub fn customer_profile_from(
    data: &Dataset,
    report: &CustomersReport,
    customer_id: &str,
) -> Result<CustomerProfile, CustomersError> {
    let l = &data.lines;
    let unknown = || CustomersError::UnknownCustomer(customer_id.to_owned());
    let cid = l.strings.lookup(customer_id).ok_or_else(unknown)?;
    if cid == NONE_ID {
        return Err(unknown());
    }
    let rfm = report
        .rfm
        .iter()
        .find(|r| r.customer_id == customer_id)
        .ok_or_else(unknown)?;
    let mut orders: HashMap<u32, (i64, f64, f64)> = HashMap::new();
    let mut products: HashMap<String, (f64, f64)> = HashMap::new();
    let mut categories: HashMap<String, (f64, f64)> = HashMap::new();
    for i in 0..l.len() {
        if l.customer[i] != cid {
            continue;
        }
        let (ts, rev, q) = (l.timestamp[i], l.revenue[i], l.quantity[i]);
        let e = orders.entry(l.order_id[i]).or_insert((ts, 0.0, 0.0));
        e.0 = e.0.min(ts);
        e.1 += rev;
        e.2 += q;
        let name = match l.strings.get(l.product[i]) {
            "" => l.strings.get(l.sku[i]),
            s => s,
        };
        let p = products.entry(name.to_owned()).or_insert((0.0, 0.0));
        p.0 += rev;
        p.1 += q;
        let c = categories
            .entry(l.strings.get(l.category[i]).to_owned())
            .or_insert((0.0, 0.0));
        c.0 += rev;
        c.1 += q;
    }
    let mut timeline: Vec<(i64, u32, f64, f64)> = orders
        .into_iter()
        .map(|(o, (t, r, u))| (t, o, r, u))
        .collect();
    timeline.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let clv_row = report
        .clv
        .rows
        .iter()
        .find(|r| r.customer_id == customer_id);
    Ok(CustomerProfile {
        customer_id: customer_id.to_owned(),
        orders: timeline
            .iter()
            .map(|(t, o, r, u)| TimelineOrder {
                date: super::history::date_string(super::history::day_of(*t)),
                order_id: l.strings.get(*o).to_owned(),
                revenue: *r,
                units: *u,
            })
            .collect(),
        revenue: rfm.monetary,
        units: rfm.units,
        returned: rfm.returned,
        returned_units: rfm.returned_units,
        priced: data.report.priced,
        recency_days: rfm.recency_days,
        segment: rfm.segment,
        segment_name: rfm.segment.name().to_owned(),
        cluster: rfm.cluster,
        cluster_description: rfm
            .cluster
            .and_then(|c| report.clusters.clusters.get(c))
            .map(|c| c.description.clone()),
        p_alive: clv_row.and_then(ClvRow::judged_p_alive),
        single_purchase_day: clv_row.is_some_and(|r| r.judged_p_alive().is_none()),
        expected_purchases: clv_row.map(|r| r.expected_purchases),
        clv: clv_row.filter(|_| report.clv.priced).map(|r| r.clv),
        top_products: top(products),
        top_categories: top(categories),
    })
}
