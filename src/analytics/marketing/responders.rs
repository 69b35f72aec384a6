//! Which customer groups respond to a promotion: a depth-limited CART tree
//! ([`super::tree`]) of "bought during the promotion" on the customer features of the
//! Customers page, measured before the promotion started.
//!
//! For a promotion on days `from..=to` (days since 1970-01-01), every identified customer with
//! an order before `from` is one row. Features from the orders before `from` only (the churn
//! classifier's features in plain units so the tree's rules read naturally): days since the last
//! order, orders, revenue, days since the first order, units per order, and the return rate
//! (returned value / purchased value, capped at 1). Target: 1 if the customer ordered on a day in
//! `from..=to`, else 0 — so a node's value is its response rate, and the squared-error split
//! criterion on a 0/1 target is the Gini impurity (Breiman et al. 1984, *Classification and
//! Regression Trees*, §4.3: for two classes `MSE = p(1 − p)` = Gini / 2).
//!
//! Each leaf is a customer group with its response rate and its lift over the base rate. The
//! tree describes who bought, not who was *caused* to buy: without a control group a group that
//! buys often anyway also "responds" — the report says so.

use super::tree::{self, TreeError, TreeInput, TreeParams, TreeReport};
use crate::analytics::customers::history;
use crate::data::Dataset;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Errors of the responder analysis.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum RespondersError {
    Tree(#[from] TreeError),
    Param { name: &'static str, message: Text },
    Data(Text),
}

impl RespondersError {
    /// The message in both languages.
    pub fn text(&self) -> Text {
        match self {
            RespondersError::Data(t) => t.clone(),
            RespondersError::Tree(e) => e.text(),
            RespondersError::Param { name, message } => Text::new("common.err.invalid_param")
                .str("name", *name)
                .text("message", message.clone()),
        }
    }
}

/// The promotion window and the tree's size limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RespondersParams {
    /// First and last day of the promotion (days since 1970-01-01).
    pub from: i64,
    pub to: i64,
    pub max_depth: usize,
    /// Smallest customer group shown (a leaf).
    pub min_group: usize,
}

impl RespondersParams {
    pub fn new(from: i64, to: i64) -> Self {
        RespondersParams {
            from,
            to,
            max_depth: 3,
            min_group: 30,
        }
    }

    pub fn validate(&self) -> Result<(), RespondersError> {
        let bad = |name, message: Text| Err(RespondersError::Param { name, message });
        if self.to < self.from {
            return bad("to", Text::new("param.ends_before_start"));
        }
        if self.max_depth == 0 || self.max_depth > 6 {
            return bad("max_depth", Text::new("param.depth_1_6"));
        }
        if self.min_group < 5 {
            return bad(
                "min_group",
                Text::new("param.at_least_customers").int("n", 5),
            );
        }
        Ok(())
    }
}

/// One customer group (a leaf of the tree).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponderGroup {
    /// The conditions, in words.
    pub rule: Text,
    pub customers: usize,
    /// Share of the group that bought during the promotion.
    pub response_rate: f64,
    /// `response_rate / base_rate`.
    pub lift: f64,
}

/// The responder tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RespondersReport {
    pub from: String,
    pub to: String,
    /// Customers with an order before the promotion.
    pub customers: usize,
    /// Of them, how many ordered during it.
    pub responders: usize,
    pub base_rate: f64,
    /// Leaves, highest response rate first.
    pub groups: Vec<ResponderGroup>,
    pub tree: TreeReport,
    pub summary: Text,
    pub how_computed: Text,
}

/// Feature names (plain units), in column order.
pub const FEATURES: [&str; 6] = [
    "days since last order",
    "orders",
    "revenue",
    "days since first order",
    "units per order",
    "return rate",
];

/// What the tree predicts, per customer.
pub const TARGET: &str = "bought during the promotion";

/// A feature (or the target) of the responder tree in words; `None` for other names.
pub fn feature_text(name: &str) -> Option<Text> {
    let key = match name {
        "days since last order" => "mkt.resp.f_recency",
        "orders" => "mkt.resp.f_orders",
        "revenue" => "mkt.resp.f_revenue",
        "days since first order" => "mkt.resp.f_age",
        "units per order" => "mkt.resp.f_units",
        "return rate" => "mkt.resp.f_returns",
        TARGET => "mkt.resp.target",
        _ => return None,
    };
    Some(Text::new(key))
}

/// Fit the responder tree for the promotion `params.from..=params.to`.
pub fn run(data: &Dataset, params: &RespondersParams) -> Result<RespondersReport, RespondersError> {
    params.validate()?;
    crate::data::require_prices(data, Text::new("data.need.responders"))
        .map_err(RespondersError::Data)?;
    let hist = history::histories(&data.lines, None);
    let returns = history::returns_by_customer(data, Some(params.from - 1));
    let mut x: Vec<Vec<f64>> = vec![Vec::new(); FEATURES.len()];
    let mut y = Vec::new();
    for h in &hist {
        let before: Vec<_> = h.orders.iter().filter(|o| o.day < params.from).collect();
        let (Some(first), Some(last)) = (before.first(), before.last()) else {
            continue;
        };
        let n = before.len() as f64;
        let revenue: f64 = before.iter().map(|o| o.revenue).sum();
        let units: f64 = before.iter().map(|o| o.quantity).sum();
        let id = data.lines.strings.get(h.customer);
        let ret = returns.get(id).copied().unwrap_or(0.0);
        let rate = if revenue > 0.0 {
            (ret / revenue).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let row = [
            (params.from - last.day) as f64,
            n,
            revenue,
            (params.from - first.day) as f64,
            units / n,
            rate,
        ];
        for (col, v) in x.iter_mut().zip(row) {
            col.push(v);
        }
        let bought = h
            .orders
            .iter()
            .any(|o| o.day >= params.from && o.day <= params.to);
        y.push(if bought { 1.0 } else { 0.0 });
    }
    let customers = y.len();
    if customers < 2 * params.min_group {
        return Err(RespondersError::Data(
            Text::new("mkt.err.few_customers")
                .int("n", customers)
                .str("from", history::date_string(params.from))
                .int("min", params.min_group),
        ));
    }
    let responders = y.iter().filter(|v| **v > 0.5).count();
    if responders == 0 {
        return Err(RespondersError::Data(
            Text::new("mkt.err.no_responders")
                .int("n", customers)
                .str("from", history::date_string(params.from))
                .str("to", history::date_string(params.to)),
        ));
    }
    let base_rate = responders as f64 / customers as f64;
    let input = TreeInput {
        feature_names: FEATURES.iter().map(|s| s.to_string()).collect(),
        x,
        y,
        target_name: TARGET.into(),
    };
    let tree = tree::run(
        &input,
        &TreeParams {
            max_depth: params.max_depth,
            min_samples_split: 2 * params.min_group,
            min_samples_leaf: params.min_group,
            cv_folds: 0,
            ..TreeParams::default()
        },
    )?;
    let groups: Vec<ResponderGroup> = tree
        .leaves
        .iter()
        .map(|l| ResponderGroup {
            rule: l.rule.clone(),
            customers: l.samples,
            response_rate: l.value,
            lift: l.value / base_rate,
        })
        .collect();
    let (from, to) = (
        history::date_string(params.from),
        history::date_string(params.to),
    );
    let summary = match (groups.first(), groups.last()) {
        (Some(best), Some(worst)) if groups.len() > 1 => Text::new("mkt.resp.summary")
            .text("best", best.rule.clone())
            .pct("best_rate", best.response_rate, 1)
            .num("best_lift", best.lift, 1)
            .int("best_n", best.customers)
            .text("worst", worst.rule.clone())
            .pct("worst_rate", worst.response_rate, 1)
            .int("worst_n", worst.customers),
        _ => Text::new("mkt.resp.summary_flat").int("min", params.min_group),
    }
    .int("responders", responders)
    .int("customers", customers)
    .pct("rate", base_rate, 1)
    .iso_date("from", from.clone())
    .iso_date("to", to.clone());
    Ok(RespondersReport {
        from,
        to,
        customers,
        responders,
        base_rate,
        groups,
        tree,
        summary,
        how_computed: Text::new("mkt.resp.how")
            .int("depth", params.max_depth)
            .int("min", params.min_group),
    })
}
