//! Parameters of the inventory pillar, with editable defaults, validated before any work.

use serde::{Deserialize, Serialize};

use super::InventoryError;
use crate::text::Text;

/// Which service target the reorder point meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceMeasure {
    /// Share of demand served from stock (β, "fill rate").
    FillRate,
    /// Probability of no stockout in a replenishment cycle (α, "cycle service level").
    CycleServiceLevel,
}

impl ServiceMeasure {
    /// The measure's name, in either language.
    pub fn text(self) -> Text {
        match self {
            ServiceMeasure::FillRate => Text::new("inventory.measure.fill_rate"),
            ServiceMeasure::CycleServiceLevel => Text::new("inventory.measure.cycle_service_level"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ServiceMeasure::FillRate => "fill rate",
            ServiceMeasure::CycleServiceLevel => "cycle service level",
        }
    }
}

/// How the whole-unit reorder point is picked for a service target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReorderRule {
    /// The smallest reorder point whose expected service meets the target (never below it;
    /// with lumpy demand the expected service overshoots by about half a step).
    AtLeast,
    /// The reorder point whose expected service is nearest the target (on average across SKUs
    /// the target is met; single SKUs may sit up to half a step under it).
    Nearest,
}

/// What to assume for SKUs whose stock on hand is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnHandAssumption {
    /// Replay the policy on the sales history and take today's simulated stock and open
    /// orders (as if the shop had followed the policy).
    Replay,
    /// Nothing on hand, nothing on order (a first purchase).
    Zero,
}

/// Per-ABC-class default service targets.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClassTargets {
    pub a: f64,
    pub b: f64,
    pub c: f64,
}

/// Parameters; every default is editable on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryParams {
    pub measure: ServiceMeasure,
    pub reorder_rule: ReorderRule,
    /// Targets per ABC class (default A 0.98, B 0.95, C 0.90).
    pub class_targets: ClassTargets,
    /// One target for every SKU (overrides the class targets; the CLI's `--service-level`).
    pub service_level: Option<f64>,
    /// Defaults for SKUs the inventory file does not describe.
    pub lead_time_days: f64,
    pub lead_time_sd_days: f64,
    /// Holding cost per year as a share of unit cost.
    pub holding_rate: f64,
    /// Fixed cost per purchase order.
    pub order_cost: f64,
    /// Unit cost = average selling price × this ratio when the cost is unknown.
    pub cost_ratio: f64,
    pub on_hand: OnHandAssumption,
    /// ABC cumulative revenue-share cuts (A up to `abc_a`, B up to `abc_b`).
    pub abc_a: f64,
    pub abc_b: f64,
    /// XYZ cuts on the CV of weekly demand.
    pub xyz_x: f64,
    pub xyz_y: f64,
    /// Status "order soon" when the position is within this many days of demand of `s`.
    pub soon_days: f64,
    /// "Overstocked" when days of cover exceed this and stock exceeds `s + Q`.
    pub overstock_days: f64,
    /// "Dead stock" when nothing sold for this many days and stock is on hand.
    pub dead_days: f64,
    /// Simulation check: policy set on all but the last `holdout_days`, replayed on them.
    pub holdout_days: usize,
    /// Lead-time demand paths per SKU.
    pub samples: usize,
    pub seed: u64,
    /// Purchase plan constraints (a plan is made when any is set).
    pub budget: Option<f64>,
    pub capacity_units: Option<f64>,
    /// Minimum order value per supplier (applies to suppliers without their own minimum).
    pub supplier_minimum: Option<f64>,
    /// The plan must at least bring every "order now" SKU back to its reorder point.
    pub require_urgent: bool,
    /// Step for the "+£X would add …" sentences (default: 10 % of the budget, rounded).
    pub budget_step: Option<f64>,
    /// Lot size where no unit cost is known (a file without prices and no cost in the inventory
    /// file; EOQ needs a holding cost): this many days of forecast demand.
    #[serde(default = "default_cover_days")]
    pub cover_days: f64,
    /// Inventory projection charts for the top-N SKUs by revenue, over this many days.
    pub projection_top_n: usize,
    pub projection_days: usize,
    /// Service levels of the trade-off curve.
    pub tradeoff_levels: Vec<f64>,
    /// Currency symbol used in sentences; empty (the default): the symbol of the orders' one
    /// currency ([`crate::data::numbers::data_currency_symbol`]), none when the orders name no
    /// currency or several.
    pub currency: String,
}

impl Default for InventoryParams {
    fn default() -> Self {
        InventoryParams {
            measure: ServiceMeasure::FillRate,
            reorder_rule: ReorderRule::AtLeast,
            class_targets: ClassTargets {
                a: 0.98,
                b: 0.95,
                c: 0.90,
            },
            service_level: None,
            lead_time_days: 14.0,
            lead_time_sd_days: 0.0,
            holding_rate: 0.25,
            order_cost: 20.0,
            cost_ratio: 0.6,
            on_hand: OnHandAssumption::Replay,
            abc_a: 0.8,
            abc_b: 0.95,
            xyz_x: 0.5,
            xyz_y: 1.0,
            soon_days: 7.0,
            overstock_days: 180.0,
            dead_days: 90.0,
            holdout_days: 90,
            samples: 1000,
            seed: 42,
            budget: None,
            capacity_units: None,
            supplier_minimum: None,
            require_urgent: false,
            budget_step: None,
            cover_days: default_cover_days(),
            projection_top_n: 10,
            projection_days: 120,
            tradeoff_levels: vec![0.80, 0.85, 0.90, 0.95, 0.97, 0.98, 0.99, 0.995],
            currency: String::new(),
        }
    }
}

fn default_cover_days() -> f64 {
    30.0
}

fn bad(name: &str, message: Text) -> InventoryError {
    InventoryError::InvalidParam {
        name: name.into(),
        message,
    }
}

fn level(name: &str, v: f64) -> Result<(), InventoryError> {
    if v.is_finite() && v > 0.0 && v < 1.0 {
        Ok(())
    } else {
        Err(bad(
            name,
            Text::new("inventory.param.service_level").str("v", v.to_string()),
        ))
    }
}

fn nonneg(name: &str, v: f64) -> Result<(), InventoryError> {
    if v.is_finite() && v >= 0.0 {
        Ok(())
    } else {
        Err(bad(
            name,
            Text::new("inventory.param.nonneg").str("v", v.to_string()),
        ))
    }
}

fn positive(name: &str, v: f64) -> Result<(), InventoryError> {
    if v.is_finite() && v > 0.0 {
        Ok(())
    } else {
        Err(bad(
            name,
            Text::new("inventory.param.positive").str("v", v.to_string()),
        ))
    }
}

impl InventoryParams {
    /// Check every parameter; the first problem is returned with its name.
    pub fn validate(&self) -> Result<(), InventoryError> {
        level("class_targets.a", self.class_targets.a)?;
        level("class_targets.b", self.class_targets.b)?;
        level("class_targets.c", self.class_targets.c)?;
        if let Some(s) = self.service_level {
            level("service_level", s)?;
        }
        positive("lead_time_days", self.lead_time_days)?;
        if self.lead_time_days > 3650.0 {
            return Err(bad(
                "lead_time_days",
                Text::new("inventory.param.ten_years"),
            ));
        }
        nonneg("lead_time_sd_days", self.lead_time_sd_days)?;
        positive("holding_rate", self.holding_rate)?;
        nonneg("order_cost", self.order_cost)?;
        if !(self.cost_ratio.is_finite() && self.cost_ratio > 0.0 && self.cost_ratio <= 1.0) {
            return Err(bad(
                "cost_ratio",
                Text::new("inventory.param.cost_ratio").str("v", self.cost_ratio.to_string()),
            ));
        }
        if !(self.abc_a > 0.0 && self.abc_a < self.abc_b && self.abc_b <= 1.0) {
            return Err(bad(
                "abc_a/abc_b",
                Text::new("inventory.param.abc")
                    .str("a", self.abc_a.to_string())
                    .str("b", self.abc_b.to_string()),
            ));
        }
        if !(self.xyz_x > 0.0 && self.xyz_x < self.xyz_y && self.xyz_y.is_finite()) {
            return Err(bad(
                "xyz_x/xyz_y",
                Text::new("inventory.param.xyz")
                    .str("x", self.xyz_x.to_string())
                    .str("y", self.xyz_y.to_string()),
            ));
        }
        nonneg("soon_days", self.soon_days)?;
        positive("overstock_days", self.overstock_days)?;
        positive("dead_days", self.dead_days)?;
        positive("cover_days", self.cover_days)?;
        if self.cover_days > 3650.0 {
            return Err(bad("cover_days", Text::new("inventory.param.at_most_3650")));
        }
        if !(50..=100_000).contains(&self.samples) {
            return Err(bad(
                "samples",
                Text::new("inventory.param.samples").int("v", self.samples),
            ));
        }
        if let Some(b) = self.budget {
            nonneg("budget", b)?;
        }
        if let Some(c) = self.capacity_units {
            nonneg("capacity_units", c)?;
        }
        if let Some(m) = self.supplier_minimum {
            nonneg("supplier_minimum", m)?;
        }
        if let Some(s) = self.budget_step {
            positive("budget_step", s)?;
        }
        if self.projection_days > 3650 {
            return Err(bad(
                "projection_days",
                Text::new("inventory.param.at_most_3650"),
            ));
        }
        for (i, l) in self.tradeoff_levels.iter().enumerate() {
            level(&format!("tradeoff_levels[{i}]"), *l)?;
        }
        Ok(())
    }

    /// Service target for an ABC class.
    pub fn target_for(&self, class: super::Abc) -> f64 {
        if let Some(s) = self.service_level {
            return s;
        }
        match class {
            super::Abc::A => self.class_targets.a,
            super::Abc::B => self.class_targets.b,
            super::Abc::C => self.class_targets.c,
        }
    }
}
