//! Action plan: the pillars joined into five decisions, each with its evidence and its expected
//! money effect.
//!
//! | decision | source | money effect |
//! |---|---|---|
//! | [`DecisionKind::WinBack`] | customers (BG/NBD + Gamma-Gamma CLV, churn risk) + recommender | value at stake `Σ_i CLV_i` over the listed customers |
//! | [`DecisionKind::Reorder`] | inventory purchase plan (LP under the budget) | profit protected `Σ_l margin_l` over the plan lines, at cost `Σ_l cost_l ≤ budget` |
//! | [`DecisionKind::AdBudget`] | media-mix model budget allocation | revenue gain `Σ_c (R_c(s*_c) − R_c(s⁰_c))` |
//! | [`DecisionKind::Promotion`] | promotion lift (regression baseline) | incremental revenue `Σ_e (y_e − ŷ_e)` over the episodes |
//! | [`DecisionKind::NextTest`] | A/B sample size (two proportions) | `pool × p₀ × lift × AOV` extra revenue if the lift is real |
//!
//! The core only reads pillar reports ([`ActionInput`]); [`run_on_dataset`] runs the pillars
//! with default parameters first (the CLI and the worker share it). Every decision is structured
//! data (kind, targets, numbers, formula) — the UI phrases it in the user's language. A decision
//! whose input is missing carries a [`Missing`] reason instead of numbers.
//!
//! **Orders without prices** ([`ActionPlan::priced`] false, e.g. a loyalty-card export): the
//! decisions that need money change their measure instead of disappearing. Win-back lists the
//! *regular* customers at risk — purchase days `x_i + 1` at or above the `clv_quantile`
//! quantile of all scored customers' purchase days, churn risk ≥ the threshold, ranked by
//! `churn risk × purchase days` — and its effect ([`VolumeKind::PurchasesAtStake`]) is
//! `Σ_i E[X_i(horizon)]`, the BG/NBD purchase days those customers are still expected to make
//! (the same sum as `Σ_i CLV_i` before the order value and discounting). Reorder solves the
//! purchase plan under a warehouse capacity in units ([`ActionParams::capacity`], default
//! [`default_capacity`]) with the inventory pillar's units-only objective. The A/B test's
//! effect counts extra buyers `pool × p₀ × lift` ([`VolumeKind::ExtraBuyers`]). A purchase
//! budget is refused (there are no unit costs to spend it on).

use crate::analytics::customers::{self, ChurnRiskMethod, CustomersParams, CustomersReport};
use crate::analytics::inventory::{self, InventoryInput, InventoryParams, InventoryReport};
use crate::analytics::marketing::abtest::{sample_size_proportions, sample_size_proportions_exact};
use crate::analytics::marketing::mmm::{self, BudgetParams, MmmInput, MmmParams, MmmReport};
use crate::analytics::marketing::promo::{self, PromoInput, PromoParams, PromoReport, PromoSpec};
use crate::analytics::marketing::table::Table;
use crate::analytics::recommend::{self, ModelChoice, RecommendParams, RecommendReport};
use crate::data::Dataset;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Errors of the action plan.
///
/// The message comes from the sentence catalogue ([`ActionError::text`]); a pillar's error
/// keeps its own catalogue sentence.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum ActionError {
    InvalidParam {
        name: &'static str,
        message: Text,
    },
    Pillar {
        pillar: &'static str,
        message: Text,
    },
    /// The data have no prices ([`crate::data::require_prices`]).
    Unpriced(Text),
}

/// Parameters (defaults in [`ActionParams::default`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionParams {
    /// Purchase budget for the reorder plan; `None` = half the cost of all urgent suggested
    /// orders ([`default_budget`]). Refused for orders without prices.
    pub budget: Option<f64>,
    /// Warehouse capacity (units) of the reorder plan. Priced orders: `None` = no capacity
    /// limit (the budget decides). Orders without prices: `None` = half the units of all
    /// urgent suggested orders ([`default_capacity`]).
    #[serde(default)]
    pub capacity: Option<f64>,
    /// Win-back: CLV at or above this quantile of all customers' CLV (0.8 = top 20 %).
    pub clv_quantile: f64,
    /// Win-back: churn risk at or above this.
    pub churn_risk_min: f64,
    /// Win-back: customers listed (highest CLV × churn risk first).
    pub max_customers: usize,
    /// Items recommended per win-back customer.
    pub items_per_customer: usize,
    /// A/B test: relative lift to detect (0.10 = +10 %).
    pub test_lift: f64,
    pub alpha: f64,
    pub power: f64,
}

impl Default for ActionParams {
    fn default() -> Self {
        ActionParams {
            budget: None,
            capacity: None,
            clv_quantile: 0.8,
            churn_risk_min: 0.5,
            max_customers: 25,
            items_per_customer: 3,
            test_lift: 0.10,
            alpha: 0.05,
            power: 0.8,
        }
    }
}

impl ActionError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            ActionError::InvalidParam { name, message } => Text::new("common.err.invalid_param")
                .str("name", *name)
                .text("message", message.clone()),
            ActionError::Pillar { pillar, message } => {
                let name = match *pillar {
                    "marketing mix" => Text::new("common.err.pillar_mmm"),
                    "promotion lift" => Text::new("common.err.pillar_promo"),
                    other => Text::raw(other),
                };
                Text::new("common.err.pillar")
                    .text("pillar", name)
                    .text("message", message.clone())
            }
            ActionError::Unpriced(t) => t.clone(),
        }
    }
}

impl ActionParams {
    pub fn validate(&self) -> Result<(), ActionError> {
        let bad = |name, message: Text| Err(ActionError::InvalidParam { name, message });
        if let Some(b) = self.budget {
            if !(b.is_finite() && b >= 0.0) {
                return bad(
                    "budget",
                    Text::new("inventory.param.nonneg").str("v", b.to_string()),
                );
            }
        }
        if let Some(c) = self.capacity {
            if !(c.is_finite() && c >= 0.0) {
                return bad(
                    "capacity",
                    Text::new("inventory.param.nonneg").str("v", c.to_string()),
                );
            }
        }
        if !(0.0..=1.0).contains(&self.clv_quantile) {
            return bad(
                "clv_quantile",
                Text::new("common.param.outside")
                    .str("v", self.clv_quantile.to_string())
                    .str("range", "0..=1"),
            );
        }
        if !(0.0..=1.0).contains(&self.churn_risk_min) {
            return bad(
                "churn_risk_min",
                Text::new("common.param.outside")
                    .str("v", self.churn_risk_min.to_string())
                    .str("range", "0..=1"),
            );
        }
        if !(1..=1000).contains(&self.max_customers) {
            return bad(
                "max_customers",
                Text::new("common.param.outside")
                    .str("v", self.max_customers.to_string())
                    .str("range", "1..=1000"),
            );
        }
        if self.items_per_customer > 20 {
            return bad(
                "items_per_customer",
                Text::new("common.param.above")
                    .str("v", self.items_per_customer.to_string())
                    .str("max", "20"),
            );
        }
        if !(self.test_lift > 0.0 && self.test_lift <= 5.0) {
            return bad(
                "test_lift",
                Text::new("common.param.outside")
                    .str("v", self.test_lift.to_string())
                    .str("range", "(0, 5]"),
            );
        }
        if !(self.alpha > 0.0 && self.alpha < 0.5) {
            return bad(
                "alpha",
                Text::new("common.param.outside")
                    .str("v", self.alpha.to_string())
                    .str("range", "(0, 0.5)"),
            );
        }
        if !(self.power > 0.5 && self.power < 1.0) {
            return bad(
                "power",
                Text::new("common.param.outside")
                    .str("v", self.power.to_string())
                    .str("range", "(0.5, 1)"),
            );
        }
        Ok(())
    }
}

/// The pillar reports the plan reads (any may be missing).
#[derive(Debug, Clone, Copy, Default)]
pub struct ActionInput<'a> {
    pub customers: Option<&'a CustomersReport>,
    /// Lists for (at least) the win-back customers.
    pub recommend: Option<&'a RecommendReport>,
    /// With a purchase plan (`plan` is `Some` when a budget was given).
    pub inventory: Option<&'a InventoryReport>,
    /// With an allocation (a budget was given).
    pub mmm: Option<&'a MmmReport>,
    pub promo: Option<&'a PromoReport>,
}

impl ActionInput<'_> {
    /// Whether the orders have prices, as the customers (or else the inventory) report says;
    /// true when neither ran.
    pub fn priced(&self) -> bool {
        self.customers
            .map(|c| c.clv.priced)
            .or(self.inventory.map(|i| i.priced))
            .unwrap_or(true)
    }
}

/// The five decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    WinBack,
    Reorder,
    AdBudget,
    Promotion,
    NextTest,
}

impl DecisionKind {
    pub fn key(self) -> &'static str {
        match self {
            DecisionKind::WinBack => "win_back",
            DecisionKind::Reorder => "reorder",
            DecisionKind::AdBudget => "ad_budget",
            DecisionKind::Promotion => "promotion",
            DecisionKind::NextTest => "next_test",
        }
    }
    /// The page with the detailed analysis.
    pub fn page(self) -> &'static str {
        match self {
            DecisionKind::WinBack => "/customers",
            DecisionKind::Reorder => "/inventory",
            DecisionKind::AdBudget | DecisionKind::Promotion | DecisionKind::NextTest => {
                "/marketing"
            }
        }
    }
}

/// Why a decision has no numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Missing {
    /// The customers analysis did not run or failed (message).
    NoCustomers {
        message: Text,
    },
    /// Too few repeat buyers for the BG/NBD model.
    ModelTooThin {
        repeaters: u64,
    },
    /// No customer passes both thresholds.
    NoAtRiskCustomers {
        /// 0 for orders without prices.
        clv_threshold: f64,
        churn_risk_min: f64,
        /// Orders without prices: the purchase-days threshold instead of CLV.
        #[serde(default)]
        purchase_days_threshold: Option<f64>,
    },
    NoInventory {
        message: Text,
    },
    /// No SKU needs ordering (or the plan is infeasible: message).
    NothingToReorder {
        message: Text,
    },
    /// An ad-spend file (date + spend per channel + revenue) is needed.
    NoSpendFile,
    /// The model ran but gave no allocation (message).
    NoAllocation {
        message: Text,
    },
    /// A promotion (a flag column, or its dates) is needed.
    NoPromotion,
}

/// What the money effect is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyKind {
    /// Predicted customer value at risk of being lost.
    ValueAtStake,
    /// Expected margin of the units bought (sales the stock protects).
    ProfitProtected,
    /// Predicted extra revenue.
    RevenueGain,
    /// Revenue the promotion added (negative: lost).
    IncrementalRevenue,
}

/// The money effect: `value = Σ terms` (exactly), with its formula.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoneyEffect {
    pub kind: MoneyKind,
    pub value: f64,
    /// The summands (`value` is their sum).
    pub terms: Vec<f64>,
    /// Formula in math notation (language-neutral).
    pub formula: String,
    /// Lower and upper bound when the source gives an interval.
    pub interval: Option<(f64, f64)>,
    /// The money is not expected, only possible: it comes if a tested effect is real (the A/B
    /// test's extra revenue), so it is not added to what the other decisions put at play.
    #[serde(default)]
    pub conditional: bool,
}

/// What an effect counted in units (orders without prices) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VolumeKind {
    /// Purchase days the listed customers are still expected to make over the horizon
    /// (BG/NBD), lost if they have stopped buying.
    PurchasesAtStake,
    /// Extra buying customers if the tested lift is real.
    ExtraBuyers,
}

/// An effect counted in purchases or customers, for orders without prices: `value = Σ terms`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolumeEffect {
    pub kind: VolumeKind,
    pub value: f64,
    pub terms: Vec<f64>,
    /// Formula in math notation (language-neutral).
    pub formula: String,
}

impl VolumeEffect {
    fn sum(kind: VolumeKind, terms: Vec<f64>, formula: &str) -> VolumeEffect {
        VolumeEffect {
            kind,
            value: terms.iter().sum(),
            terms,
            formula: formula.to_owned(),
        }
    }
}

impl MoneyEffect {
    fn sum(kind: MoneyKind, terms: Vec<f64>, formula: &str) -> MoneyEffect {
        MoneyEffect {
            kind,
            value: terms.iter().sum(),
            terms,
            formula: formula.to_owned(),
            interval: None,
            conditional: false,
        }
    }
}

/// A recommended item for a win-back customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemPick {
    pub item_id: String,
    pub name: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WinBackCustomer {
    pub customer_id: String,
    /// 0 for orders without prices.
    pub clv: f64,
    pub churn_risk: f64,
    pub p_alive: f64,
    /// Gamma-Gamma expected order value (0 for orders without prices).
    pub expected_avg_value: f64,
    pub recency_days: Option<i64>,
    pub orders: Option<u64>,
    pub items: Vec<ItemPick>,
    /// Purchase days in the calibration period (`x + 1`).
    #[serde(default)]
    pub purchase_days: u32,
    /// BG/NBD expected purchase days over the horizon.
    #[serde(default)]
    pub expected_purchases: f64,
    /// Units bought (RFM).
    #[serde(default)]
    pub units: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WinBack {
    /// False for orders without prices: customers qualify by purchase days, not CLV.
    #[serde(default = "crate::default_true")]
    pub priced: bool,
    pub clv_quantile: f64,
    /// CLV at `clv_quantile` of all customers (0 for orders without prices).
    pub clv_threshold: f64,
    /// Orders without prices: purchase days at `clv_quantile` of all customers.
    #[serde(default)]
    pub purchase_days_threshold: Option<f64>,
    pub churn_risk_min: f64,
    pub churn_risk_method: ChurnRiskMethod,
    pub horizon_days: u32,
    /// Customers passing both thresholds (the list shows the first `max_customers`).
    pub qualifying: usize,
    pub customers_scored: usize,
    pub customers: Vec<WinBackCustomer>,
    /// The recommender's model ("" when no lists were available).
    pub recommender: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReorderLine {
    pub sku: String,
    pub description: String,
    pub supplier: String,
    pub quantity: f64,
    pub cost: f64,
    pub expected_margin: f64,
    /// Chance of running out before a delivery ordered today arrives.
    pub stockout_risk: f64,
    pub service_target: f64,
    /// "AX" … "CZ".
    pub class: String,
    pub full: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reorder {
    /// False for orders without prices: no budget, costs or margins (all 0), a capacity.
    #[serde(default = "crate::default_true")]
    pub priced: bool,
    pub budget: f64,
    /// True when the budget came from [`default_budget`].
    pub budget_is_default: bool,
    pub budget_binding: bool,
    /// Warehouse capacity (units) of the plan, when there is one.
    #[serde(default)]
    pub capacity: Option<f64>,
    /// True when the capacity came from [`default_capacity`].
    #[serde(default)]
    pub capacity_is_default: bool,
    #[serde(default)]
    pub capacity_binding: bool,
    pub total_cost: f64,
    pub total_units: f64,
    /// SKUs that needed ordering, and how many the plan covers fully.
    pub candidates: usize,
    pub fully_covered: usize,
    /// Expected margin of one more budget step, when the budget binds: (step, gain).
    pub next_step: Option<(f64, f64)>,
    /// Plan lines, highest expected margin first.
    pub lines: Vec<ReorderLine>,
    /// SKUs in "order now" status.
    pub order_now_skus: usize,
    /// Units one more capacity step would add, when the capacity binds: (step, units).
    #[serde(default)]
    pub next_capacity_step: Option<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelShift {
    pub name: String,
    pub current_per_period: f64,
    pub optimal_per_period: f64,
    pub current_revenue: f64,
    pub optimal_revenue: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdBudget {
    pub total_budget: f64,
    pub periods: u32,
    pub period_days: i64,
    pub revenue_current: f64,
    pub revenue_optimal: f64,
    pub lift_pct: f64,
    /// False when the model failed its identification checks.
    pub reliable: bool,
    pub channels: Vec<ChannelShift>,
}

/// Repeat, stop, or no clear answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The whole interval of the incremental amount is above zero.
    Repeat,
    /// The whole interval is below zero.
    Stop,
    /// The interval contains zero.
    Unclear,
}

fn verdict(lo: f64, hi: f64) -> Verdict {
    if lo > 0.0 {
        Verdict::Repeat
    } else if hi < 0.0 {
        Verdict::Stop
    } else {
        Verdict::Unclear
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromoEpisode {
    pub from: String,
    pub to: String,
    pub incremental: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    pub lift_pct: f64,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promotion {
    pub label: String,
    /// True: revenue; false: units (the file had no revenue).
    pub revenue: bool,
    pub confidence: f64,
    pub incremental: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    pub lift_pct: f64,
    pub verdict: Verdict,
    pub episodes: Vec<PromoEpisode>,
}

/// Where the test's baseline rate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineSource {
    /// Mean BG/NBD probability of at least one purchase in the next 90 days over the at-risk
    /// customers: `p₀ = mean_i (1 − P(no purchase in 90 d)_i)`.
    AtRiskPurchase90d,
    /// Share of customers with two or more orders.
    RepeatRate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextTest {
    /// The decision to test.
    pub subject: DecisionKind,
    pub baseline: f64,
    pub baseline_source: BaselineSource,
    pub lift: f64,
    /// `baseline × (1 + lift)`.
    pub target_rate: f64,
    pub alpha: f64,
    pub power: f64,
    /// Customers per variant ([`sample_size_proportions`]).
    pub per_variant: f64,
    pub total: f64,
    /// Customers available for the test (at churn risk ≥ the threshold, or all customers).
    pub pool: usize,
    /// `total ≤ pool`.
    pub feasible: bool,
    /// Measurement window: a customer counts as converted when they buy within it.
    pub duration_days: u32,
    /// Average order value used for the money effect (0 for orders without prices).
    pub avg_order_value: f64,
    /// Extra buying customers if the lift is real: `pool × p₀ × lift`.
    #[serde(default)]
    pub extra_buyers: f64,
    /// When the pool is too small for `lift`: the smallest relative lift a test on the whole
    /// pool detects with the same α and power ([`min_detectable_lift`]); `None` when the pool
    /// suffices, or when no lift up to a rate of 99.9 % is detectable with it.
    #[serde(default)]
    pub min_detectable_lift: Option<f64>,
}

/// The structured content of a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Detail {
    WinBack(WinBack),
    Reorder(Reorder),
    AdBudget(AdBudget),
    Promotion(Promotion),
    NextTest(NextTest),
    Missing(Missing),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub kind: DecisionKind,
    /// Page with the detailed analysis.
    pub link: String,
    pub detail: Detail,
    pub money: Option<MoneyEffect>,
    /// The effect in purchases or customers when the orders have no prices.
    #[serde(default)]
    pub volume: Option<VolumeEffect>,
}

impl Decision {
    fn missing(kind: DecisionKind, m: Missing) -> Decision {
        Decision {
            kind,
            link: kind.page().to_owned(),
            detail: Detail::Missing(m),
            money: None,
            volume: None,
        }
    }
    pub fn is_missing(&self) -> bool {
        matches!(self.detail, Detail::Missing(_))
    }
}

/// The plan: always five decisions, in [`DecisionKind`] order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionPlan {
    pub params: ActionParams,
    /// False when the orders have no prices: effects count purchases and customers
    /// ([`Decision::volume`]) instead of money.
    #[serde(default = "crate::default_true")]
    pub priced: bool,
    /// Last day of the order history, when known.
    pub data_end: Option<String>,
    pub decisions: Vec<Decision>,
}

impl ActionPlan {
    pub fn decision(&self, kind: DecisionKind) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.kind == kind)
    }
}

/// Value at quantile `q` (linear interpolation between order statistics, numpy's default).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let pos = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let (a, b) = (sorted[lo], sorted[hi.min(sorted.len() - 1)]);
    a + (b - a) * (pos - lo as f64)
}

/// Build the plan from the pillar reports.
pub fn run(input: &ActionInput, params: &ActionParams) -> Result<ActionPlan, ActionError> {
    params.validate()?;
    let priced = input.priced();
    let (win_back, at_risk) = win_back(input, params, priced);
    let decisions = vec![
        win_back,
        reorder(input, params),
        ad_budget(input),
        promotion(input),
        next_test(input, params, &at_risk, priced),
    ];
    Ok(ActionPlan {
        params: params.clone(),
        priced,
        data_end: input.inventory.map(|r| r.data_end.clone()).or_else(|| {
            input
                .customers
                .map(|c| c.clv.observation_end.clone())
                .filter(|s| !s.is_empty())
        }),
        decisions,
    })
}

/// Churn-risk pool used by the test: (churn risk ≥ threshold) customers' 90-day purchase
/// probabilities and expected order values.
struct AtRisk {
    p_buy_90d: Vec<f64>,
    order_value: Vec<f64>,
}

fn win_back(input: &ActionInput, params: &ActionParams, priced: bool) -> (Decision, AtRisk) {
    let kind = DecisionKind::WinBack;
    let mut at_risk = AtRisk {
        p_buy_90d: Vec::new(),
        order_value: Vec::new(),
    };
    let Some(c) = input.customers else {
        return (
            Decision::missing(
                kind,
                Missing::NoCustomers {
                    message: Text::default(),
                },
            ),
            at_risk,
        );
    };
    let clv = &c.clv;
    if clv.rows.is_empty() {
        return (
            Decision::missing(
                kind,
                Missing::ModelTooThin {
                    repeaters: clv.repeaters,
                },
            ),
            at_risk,
        );
    }
    // What makes a customer worth winning back: predicted value (CLV), or without prices the
    // purchase days they have made (`x + 1`), of which only repeat buyers (`x ≥ 1`) qualify.
    let worth = |r: &customers::ClvRow| {
        if priced {
            r.clv
        } else {
            f64::from(r.frequency) + 1.0
        }
    };
    let mut values: Vec<f64> = clv
        .rows
        .iter()
        .map(worth)
        .filter(|v| v.is_finite())
        .collect();
    values.sort_by(f64::total_cmp);
    let threshold = quantile(&values, params.clv_quantile);
    for r in &clv.rows {
        if r.churn_risk >= params.churn_risk_min && r.expected_avg_value.is_finite() {
            at_risk.p_buy_90d.push(1.0 - r.p_no_purchase_90d);
            at_risk.order_value.push(r.expected_avg_value);
        }
    }
    let mut picked: Vec<&customers::ClvRow> = clv
        .rows
        .iter()
        .filter(|r| {
            let w = worth(r);
            w.is_finite()
                && w >= threshold
                && (if priced { w > 0.0 } else { r.frequency >= 1 })
                && r.churn_risk >= params.churn_risk_min
        })
        .collect();
    let qualifying = picked.len();
    let (clv_threshold, purchase_days_threshold) = if priced {
        (threshold, None)
    } else {
        (0.0, Some(threshold))
    };
    if qualifying == 0 {
        return (
            Decision::missing(
                kind,
                Missing::NoAtRiskCustomers {
                    clv_threshold,
                    churn_risk_min: params.churn_risk_min,
                    purchase_days_threshold,
                },
            ),
            at_risk,
        );
    }
    // Highest expected loss first: CLV × churn risk (without prices, purchase days × churn
    // risk, ties by expected purchases); then by id.
    picked.sort_by(|a, b| {
        (worth(b) * b.churn_risk)
            .total_cmp(&(worth(a) * a.churn_risk))
            .then_with(|| b.expected_purchases.total_cmp(&a.expected_purchases))
            .then_with(|| a.customer_id.cmp(&b.customer_id))
    });
    picked.truncate(params.max_customers);
    let rfm: std::collections::HashMap<&str, &customers::RfmRow> =
        c.rfm.iter().map(|r| (r.customer_id.as_str(), r)).collect();
    let recs: std::collections::HashMap<&str, &recommend::CustomerRecs> = input
        .recommend
        .map(|r| {
            r.customers
                .iter()
                .map(|c| (c.customer_id.as_str(), c))
                .collect()
        })
        .unwrap_or_default();
    let customers: Vec<WinBackCustomer> = picked
        .iter()
        .map(|r| {
            let f = rfm.get(r.customer_id.as_str());
            WinBackCustomer {
                customer_id: r.customer_id.clone(),
                clv: r.clv,
                churn_risk: r.churn_risk,
                p_alive: r.p_alive,
                expected_avg_value: r.expected_avg_value,
                recency_days: f.map(|f| f.recency_days),
                orders: f.map(|f| f.frequency),
                purchase_days: r.frequency + 1,
                expected_purchases: r.expected_purchases,
                units: f.map(|f| f.units),
                items: recs
                    .get(r.customer_id.as_str())
                    .map(|c| {
                        c.items
                            .iter()
                            .take(params.items_per_customer)
                            .map(|i| ItemPick {
                                item_id: i.item_id.clone(),
                                name: i.name.clone(),
                                score: i.score,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let (money, volume) = if priced {
        let m = MoneyEffect::sum(
            MoneyKind::ValueAtStake,
            customers.iter().map(|c| c.clv).collect(),
            "Σ_i CLV_i",
        );
        (Some(m), None)
    } else {
        let v = VolumeEffect::sum(
            VolumeKind::PurchasesAtStake,
            customers.iter().map(|c| c.expected_purchases).collect(),
            "Σ_i E[X_i(horizon)]",
        );
        (None, Some(v))
    };
    let d = Decision {
        kind,
        link: kind.page().to_owned(),
        detail: Detail::WinBack(WinBack {
            priced,
            clv_quantile: params.clv_quantile,
            clv_threshold,
            purchase_days_threshold,
            churn_risk_min: params.churn_risk_min,
            churn_risk_method: clv.churn_risk_method,
            horizon_days: clv.params.horizon_days,
            qualifying,
            customers_scored: clv.rows.len(),
            customers,
            recommender: input
                .recommend
                .map(|r| r.model.key().to_owned())
                .unwrap_or_default(),
        }),
        money,
        volume,
    };
    (d, at_risk)
}

/// Default purchase budget: half the cost of the suggested orders of the "order now" SKUs,
/// rounded up to a multiple of 100: `B = ⌈0.5 × Σ_{order now} q_i c_i / 100⌉ × 100` — so the
/// budget binds and the plan has to choose.
pub fn default_budget(inv: &InventoryReport) -> f64 {
    let need: f64 = inv
        .skus
        .iter()
        .filter(|s| s.order_now)
        .map(|s| s.suggested_order * s.unit_cost)
        .filter(|v| v.is_finite())
        .sum();
    (0.5 * need / 100.0).ceil() * 100.0
}

/// Default warehouse capacity for orders without prices: half the units of the suggested
/// orders of the "order now" SKUs, rounded up to a multiple of 10:
/// `C = ⌈0.5 × Σ_{order now} q_i / 10⌉ × 10` — the units counterpart of [`default_budget`].
pub fn default_capacity(inv: &InventoryReport) -> f64 {
    let need: f64 = inv
        .skus
        .iter()
        .filter(|s| s.order_now)
        .map(|s| s.suggested_order)
        .filter(|v| v.is_finite())
        .sum();
    (0.5 * need / 10.0).ceil() * 10.0
}

fn reorder(input: &ActionInput, params: &ActionParams) -> Decision {
    let kind = DecisionKind::Reorder;
    let Some(inv) = input.inventory else {
        return Decision::missing(
            kind,
            Missing::NoInventory {
                message: Text::default(),
            },
        );
    };
    let Some(plan) = inv.plan.as_ref() else {
        return Decision::missing(
            kind,
            Missing::NothingToReorder {
                message: Text::default(),
            },
        );
    };
    if !plan.feasible || plan.lines.is_empty() {
        return Decision::missing(
            kind,
            Missing::NothingToReorder {
                message: if plan.feasible {
                    Text::default()
                } else {
                    plan.explanation.clone()
                },
            },
        );
    }
    let priced = inv.priced;
    let skus: std::collections::HashMap<&str, &inventory::SkuRow> =
        inv.skus.iter().map(|s| (s.sku.as_str(), s)).collect();
    let mut lines: Vec<ReorderLine> = plan
        .lines
        .iter()
        .map(|l| {
            let s = skus.get(l.sku.as_str());
            ReorderLine {
                sku: l.sku.clone(),
                description: s.map(|s| s.description.clone()).unwrap_or_default(),
                supplier: l.supplier.clone(),
                quantity: l.quantity,
                cost: if priced { l.cost } else { 0.0 },
                expected_margin: if priced { l.expected_margin } else { 0.0 },
                stockout_risk: s.map_or(0.0, |s| s.stockout_risk),
                service_target: s.map_or(0.0, |s| s.service_target),
                class: s.map(|s| s.class.clone()).unwrap_or_default(),
                full: l.full,
            }
        })
        .collect();
    // Highest expected margin first; without prices, highest stockout risk first.
    lines.sort_by(|a, b| {
        let first = if priced {
            b.expected_margin.total_cmp(&a.expected_margin)
        } else {
            b.stockout_risk
                .total_cmp(&a.stockout_risk)
                .then_with(|| b.quantity.total_cmp(&a.quantity))
        };
        first.then_with(|| a.sku.cmp(&b.sku))
    });
    let budget_row = plan.constraints.iter().find(|c| c.name == "budget");
    let capacity_row = plan.constraints.iter().find(|c| c.name == "capacity");
    let budget = if priced {
        inv.params
            .budget
            .or(budget_row.map(|c| c.limit))
            .unwrap_or(plan.total_cost)
    } else {
        0.0
    };
    let binding = budget_row.is_some_and(|c| c.binding);
    let money = priced.then(|| {
        MoneyEffect::sum(
            MoneyKind::ProfitProtected,
            lines.iter().map(|l| l.expected_margin).collect(),
            "Σ_l (price_l − cost_l) × q_l − holding_l",
        )
    });
    Decision {
        kind,
        link: kind.page().to_owned(),
        detail: Detail::Reorder(Reorder {
            priced,
            budget,
            budget_is_default: priced && params.budget.is_none(),
            budget_binding: binding,
            capacity: inv.params.capacity_units,
            capacity_is_default: !priced && params.capacity.is_none(),
            capacity_binding: capacity_row.is_some_and(|c| c.binding),
            total_cost: lines.iter().map(|l| l.cost).sum(),
            total_units: lines.iter().map(|l| l.quantity).sum(),
            candidates: plan.candidates,
            fully_covered: plan.fully_covered,
            next_step: budget_row
                .filter(|c| c.binding)
                .map(|c| (c.step, c.gain_per_step)),
            lines,
            order_now_skus: inv.skus.iter().filter(|s| s.order_now).count(),
            next_capacity_step: capacity_row
                .filter(|c| c.binding)
                .map(|c| (c.step, c.extra_units_per_step)),
        }),
        money,
        volume: None,
    }
}

fn ad_budget(input: &ActionInput) -> Decision {
    let kind = DecisionKind::AdBudget;
    let Some(m) = input.mmm else {
        return Decision::missing(kind, Missing::NoSpendFile);
    };
    let Some(a) = m.allocation.as_ref() else {
        return Decision::missing(
            kind,
            Missing::NoAllocation {
                message: m
                    .notes
                    .iter()
                    .cloned()
                    .reduce(|a, b| Text::new("common.also").text("a", a).text("b", b))
                    .unwrap_or_default(),
            },
        );
    };
    let channels: Vec<ChannelShift> = a
        .channels
        .iter()
        .map(|c| ChannelShift {
            name: c.name.clone(),
            current_per_period: c.current_per_period,
            optimal_per_period: c.optimal_per_period,
            current_revenue: c.current_revenue,
            optimal_revenue: c.optimal_revenue,
        })
        .collect();
    let money = MoneyEffect::sum(
        MoneyKind::RevenueGain,
        channels
            .iter()
            .map(|c| c.optimal_revenue - c.current_revenue)
            .collect(),
        "Σ_c [R_c(s*_c) − R_c(s⁰_c)]",
    );
    Decision {
        kind,
        link: kind.page().to_owned(),
        detail: Detail::AdBudget(AdBudget {
            total_budget: a.total_budget,
            periods: a.periods,
            period_days: m.period_days,
            revenue_current: a.revenue_current_split,
            revenue_optimal: a.revenue_optimal,
            lift_pct: a.lift_pct,
            reliable: a.reliable,
            channels,
        }),
        money: Some(money),
        volume: None,
    }
}

fn promotion(input: &ActionInput) -> Decision {
    let kind = DecisionKind::Promotion;
    let Some(p) = input.promo else {
        return Decision::missing(kind, Missing::NoPromotion);
    };
    let revenue = p.revenue.is_some();
    let est = p.revenue.as_ref().unwrap_or(&p.units);
    let episodes: Vec<PromoEpisode> = p
        .episodes
        .iter()
        .map(|e| {
            let x = if revenue {
                e.revenue.as_ref().unwrap_or(&e.units)
            } else {
                &e.units
            };
            PromoEpisode {
                from: e.from.clone(),
                to: e.to.clone(),
                incremental: x.incremental,
                ci_low: x.ci_low,
                ci_high: x.ci_high,
                lift_pct: x.lift_pct,
                verdict: verdict(x.ci_low, x.ci_high),
            }
        })
        .collect();
    let mut money = MoneyEffect::sum(
        MoneyKind::IncrementalRevenue,
        episodes.iter().map(|e| e.incremental).collect(),
        "Σ_e Σ_{t∈e} (y_t − ŷ_t)",
    );
    money.interval = Some((est.ci_low, est.ci_high));
    Decision {
        kind,
        link: kind.page().to_owned(),
        detail: Detail::Promotion(Promotion {
            label: p.label.clone(),
            revenue,
            confidence: p.confidence,
            incremental: est.incremental,
            ci_low: est.ci_low,
            ci_high: est.ci_high,
            lift_pct: est.lift_pct,
            verdict: verdict(est.ci_low, est.ci_high),
            episodes,
        }),
        // Units are not money: no money effect without revenue.
        money: revenue.then_some(money),
        volume: None,
    }
}

/// The smallest relative lift `L` a two-group test on `pool` customers detects: the root of
/// `n(p₀, p₀(1 + L)) = ⌊pool / 2⌋` (whole customers per group), with `n` the two-proportion
/// sample size before its rounding up ([`sample_size_proportions_exact`], the A/B test page's),
/// found by bisection (`n` falls as `L` grows). `None` when the inputs are out of range or when
/// even `p₁ = 0.999` needs more than `pool` customers.
pub fn min_detectable_lift(p0: f64, pool: usize, alpha: f64, power: f64) -> Option<f64> {
    if !(p0 > 0.0 && p0 < 0.999 && pool >= 2 && alpha > 0.0 && alpha < 1.0) {
        return None;
    }
    // Whole customers per group: an odd pool leaves one out.
    let per_group = (pool / 2) as f64;
    let n = |lift: f64| sample_size_proportions_exact(p0, p0 * (1.0 + lift), alpha, power);
    let hi = 0.999 / p0 - 1.0;
    if n(hi) > per_group {
        return None;
    }
    let (_, hi) = crate::analytics::roots::bisect(0.0, hi, 200, 1e-12, |l| n(l) > per_group);
    Some(hi)
}

/// Measurement window of the win-back test (BG/NBD 90-day purchase probability).
pub const TEST_WINDOW_DAYS: u32 = 90;

fn next_test(
    input: &ActionInput,
    params: &ActionParams,
    at_risk: &AtRisk,
    priced: bool,
) -> Decision {
    let kind = DecisionKind::NextTest;
    let Some(c) = input.customers else {
        return Decision::missing(
            kind,
            Missing::NoCustomers {
                message: Text::default(),
            },
        );
    };
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (baseline, source, pool, aov) = if !at_risk.p_buy_90d.is_empty() {
        (
            mean(&at_risk.p_buy_90d),
            BaselineSource::AtRiskPurchase90d,
            at_risk.p_buy_90d.len(),
            mean(&at_risk.order_value),
        )
    } else {
        let n = c.rfm.len();
        let repeat = c.rfm.iter().filter(|r| r.frequency >= 2).count();
        let aov = mean(
            &c.rfm
                .iter()
                .map(|r| r.monetary / r.frequency.max(1) as f64)
                .collect::<Vec<_>>(),
        );
        (
            repeat as f64 / n.max(1) as f64,
            BaselineSource::RepeatRate,
            n,
            aov,
        )
    };
    let target = (baseline * (1.0 + params.test_lift)).min(0.999);
    if !(baseline > 0.0 && baseline < 1.0 && target > baseline) {
        return Decision::missing(
            kind,
            Missing::NoCustomers {
                message: Text::new("action.no_test_baseline").str("baseline", baseline.to_string()),
            },
        );
    }
    let per_variant = sample_size_proportions(baseline, target, params.alpha, params.power);
    let total = 2.0 * per_variant;
    let feasible = total <= pool as f64;
    let min_lift = if feasible {
        None
    } else {
        min_detectable_lift(baseline, pool, params.alpha, params.power)
    };
    let subject = if source == BaselineSource::AtRiskPurchase90d {
        DecisionKind::WinBack
    } else {
        DecisionKind::Promotion
    };
    // Extra buyers if the lift is real, each worth one average order.
    let extra_buyers = pool as f64 * baseline * params.test_lift;
    let aov = if priced { aov } else { 0.0 };
    let (money, volume) = if priced {
        let m = MoneyEffect {
            kind: MoneyKind::RevenueGain,
            value: extra_buyers * aov,
            terms: vec![extra_buyers * aov],
            formula: "pool × p₀ × lift × AOV".to_owned(),
            interval: None,
            conditional: true,
        };
        (Some(m), None)
    } else {
        let v = VolumeEffect::sum(
            VolumeKind::ExtraBuyers,
            vec![extra_buyers],
            "pool × p₀ × lift",
        );
        (None, Some(v))
    };
    Decision {
        kind,
        link: kind.page().to_owned(),
        detail: Detail::NextTest(NextTest {
            subject,
            baseline,
            baseline_source: source,
            lift: params.test_lift,
            target_rate: target,
            alpha: params.alpha,
            power: params.power,
            per_variant,
            total,
            pool,
            feasible,
            duration_days: TEST_WINDOW_DAYS,
            avg_order_value: aov,
            extra_buyers,
            min_detectable_lift: min_lift,
        }),
        money,
        volume,
    }
}

/// What the caller already has, for [`run_on_dataset`]: a finished customers report (used when
/// it was computed with the default parameters, the ones the plan uses), a parsed spend table
/// or a finished model, and a parsed promotion table or a finished lift report.
#[derive(Debug, Clone, Copy, Default)]
pub struct Given<'a> {
    pub customers_report: Option<&'a CustomersReport>,
    pub mmm_report: Option<&'a MmmReport>,
    pub mmm_input: Option<&'a MmmInput>,
    pub promo_report: Option<&'a PromoReport>,
    pub promo_input: Option<&'a PromoInput>,
}

/// MMM parameters for the plan: the defaults, with a budget equal to the spend of the model's
/// "current" window (`current_window` last periods, all channels): the allocation then answers
/// "the same money, split differently".
pub fn mmm_params_for(input: &MmmInput) -> MmmParams {
    let p = MmmParams::default();
    let n = input.dates.len();
    let w = p.current_window.min(n).max(1);
    let total: f64 = input
        .channels
        .iter()
        .map(|c| {
            c.values[c.values.len().saturating_sub(w)..]
                .iter()
                .sum::<f64>()
        })
        .sum();
    MmmParams {
        budget: (total > 0.0).then_some(BudgetParams {
            total,
            periods: w as u32,
            bounds: Vec::new(),
        }),
        ..p
    }
}

/// Promotion columns for a promotion file: the flag is the first column whose name (letters
/// and digits, lower case) contains "promo" or is "flag", "deal", "onsale" or "discount";
/// date, units and revenue are recognised by the promotion pillar.
pub fn promo_spec_for(t: &Table) -> PromoSpec {
    let flag = t.headers.iter().find(|h| {
        let n: String = h
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        n.contains("promo") || ["flag", "deal", "onsale", "discount"].contains(&n.as_str())
    });
    PromoSpec {
        flag_column: flag.cloned(),
        ..PromoSpec::default()
    }
}

/// Stages reported by [`run_on_dataset`]'s progress callback.
pub const STAGES: usize = 5;

/// Run the pillars the plan needs with default parameters, then [`run`]: customers (RFM, CLV,
/// churn risk; a given report with the default parameters is used as it is); the recommender
/// (EASE) for the win-back customers only; inventory once, its plan for the given budget or
/// for [`default_budget`] read off the report (without prices: for the given capacity or
/// [`default_capacity`]; a budget is refused); the MMM and promotion lift from the given
/// inputs. `progress(done, STAGES)` after each stage.
pub fn run_on_dataset(
    data: &Dataset,
    params: &ActionParams,
    given: Given,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(ActionPlan, PillarReports), ActionError> {
    params.validate()?;
    let priced = data.report.priced;
    if params.budget.is_some() {
        crate::data::require_prices(data, Text::new("data.need.inventory_budget"))
            .map_err(ActionError::Unpriced)?;
    }
    let pillar = |pillar: &'static str| move |e: Text| ActionError::Pillar { pillar, message: e };
    let defaults = CustomersParams::default();
    let customers = match given.customers_report.filter(|r| r.params == defaults) {
        Some(r) => Ok(r.clone()),
        None => customers::run(data, &defaults),
    };
    progress(1, STAGES);
    // Recommend only for the customers the plan will list.
    let recommend = match &customers {
        Ok(c) => {
            let probe = run(
                &ActionInput {
                    customers: Some(c),
                    ..ActionInput::default()
                },
                params,
            )?;
            let ids: Vec<String> = match probe.decision(DecisionKind::WinBack).map(|d| &d.detail) {
                Some(Detail::WinBack(w)) => {
                    w.customers.iter().map(|c| c.customer_id.clone()).collect()
                }
                _ => Vec::new(),
            };
            if ids.is_empty() {
                None
            } else {
                let rp = RecommendParams {
                    model: ModelChoice::Ease,
                    top_n: params.items_per_customer.max(1),
                    customers: Some(ids),
                    ..RecommendParams::default()
                };
                recommend::run(data, &rp).ok()
            }
        }
        Err(_) => None,
    };
    progress(2, STAGES);
    // The policies once; the plan for the given budget, or for the default one read off them.
    let assessed = inventory::assess_with_progress(
        &InventoryInput::new(data),
        &InventoryParams::default(),
        &mut |_, _| {},
    );
    progress(3, STAGES);
    // Priced: a budget (and the capacity when given); without prices: a capacity.
    let inventory = assessed
        .and_then(|a| {
            if priced {
                let budget = params.budget.unwrap_or_else(|| default_budget(a.report()));
                a.with_limits(Some(budget), params.capacity)
            } else {
                let capacity = params
                    .capacity
                    .unwrap_or_else(|| default_capacity(a.report()));
                a.with_limits(None, Some(capacity))
            }
        })
        .map_err(|e| e.text());
    progress(4, STAGES);
    let mmm = match (given.mmm_report, given.mmm_input) {
        (Some(r), _) => Some(r.clone()),
        (None, Some(i)) => {
            Some(mmm::run(i, &mmm_params_for(i)).map_err(|e| pillar("marketing mix")(e.text()))?)
        }
        (None, None) => None,
    };
    let promo = match (given.promo_report, given.promo_input) {
        (Some(r), _) => Some(r.clone()),
        (None, Some(i)) => Some(
            promo::run(i, &PromoParams::default())
                .map_err(|e| pillar("promotion lift")(e.text()))?,
        ),
        (None, None) => None,
    };
    progress(5, STAGES);
    let reports = PillarReports {
        customers: customers.map_err(|e| e.text()),
        recommend,
        inventory,
        mmm,
        promo,
    };
    let mut plan = run(
        &ActionInput {
            customers: reports.customers.as_ref().ok(),
            recommend: reports.recommend.as_ref(),
            inventory: reports.inventory.as_ref().ok(),
            mmm: reports.mmm.as_ref(),
            promo: reports.promo.as_ref(),
        },
        params,
    )?;
    // The data decide, also when no pillar report says it.
    plan.priced = priced;
    // Say why a pillar that failed has no numbers.
    for d in &mut plan.decisions {
        match (&mut d.detail, &reports.customers, &reports.inventory) {
            (Detail::Missing(Missing::NoCustomers { message }), Err(e), _)
                if message.is_empty() =>
            {
                *message = e.clone()
            }
            (Detail::Missing(Missing::NoInventory { message }), _, Err(e)) => *message = e.clone(),
            _ => {}
        }
    }
    Ok((plan, reports))
}

/// The pillar reports behind a plan from [`run_on_dataset`] (a failed pillar keeps its error
/// message, in both languages).
#[derive(Debug, Clone)]
pub struct PillarReports {
    pub customers: Result<CustomersReport, Text>,
    pub recommend: Option<RecommendReport>,
    pub inventory: Result<InventoryReport, Text>,
    pub mmm: Option<MmmReport>,
    pub promo: Option<PromoReport>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_interpolates() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&v, 0.0), 1.0);
        assert_eq!(quantile(&v, 0.5), 3.0);
        assert_eq!(quantile(&v, 0.8), 4.2);
        assert_eq!(quantile(&v, 1.0), 5.0);
        assert_eq!(quantile(&[], 0.5), 0.0);
    }

    /// Roots of `n(p₀, p₀(1+L)) = ⌊pool/2⌋` from scipy (`brentq`, `norm.ppf`, xtol 1e-14).
    #[test]
    fn min_detectable_lift_matches_scipy() {
        let cases = [
            (0.385, 1040, 0.05, 0.8, 0.223_036_302_069_575_23),
            (0.2, 1000, 0.05, 0.8, 0.376_658_535_180_230_24),
            (0.1, 500, 0.05, 0.9, 1.036_044_362_959_287_7),
            (0.05, 2000, 0.01, 0.8, 0.776_275_816_737_101_2),
            // an odd pool: 300 per group
            (0.3, 601, 0.05, 0.8, 0.364_057_131_885_301_5),
        ];
        for (p0, pool, alpha, power, want) in cases {
            let got = min_detectable_lift(p0, pool, alpha, power).expect("a lift");
            assert!((got - want).abs() < 1e-7, "{p0} {pool}: {got} vs {want}");
            // the rounded-up sample size at that lift fits the pool
            let n = sample_size_proportions(p0, p0 * (1.0 + got * (1.0 + 1e-7)), alpha, power);
            assert!(2.0 * n <= pool as f64, "{n}");
        }
        // even p₁ = 0.999 needs more than 10 customers; bad inputs give nothing
        assert_eq!(min_detectable_lift(0.5, 10, 0.05, 0.8), None);
        assert_eq!(min_detectable_lift(0.0, 1000, 0.05, 0.8), None);
        assert_eq!(min_detectable_lift(0.3, 1000, f64::NAN, 0.8), None);
    }

    #[test]
    fn verdicts() {
        assert_eq!(verdict(1.0, 2.0), Verdict::Repeat);
        assert_eq!(verdict(-2.0, -1.0), Verdict::Stop);
        assert_eq!(verdict(-1.0, 1.0), Verdict::Unclear);
    }

    #[test]
    fn empty_input_gives_five_missing_decisions() {
        let p = run(&ActionInput::default(), &ActionParams::default()).expect("plan");
        assert_eq!(p.decisions.len(), 5);
        assert!(p.decisions.iter().all(Decision::is_missing));
        assert_eq!(
            p.decision(DecisionKind::AdBudget).map(|d| &d.detail),
            Some(&Detail::Missing(Missing::NoSpendFile))
        );
    }

    #[test]
    fn bad_params_are_errors() {
        let p = ActionParams {
            test_lift: 0.0,
            ..ActionParams::default()
        };
        assert!(run(&ActionInput::default(), &p).is_err());
        let p = ActionParams {
            budget: Some(f64::NAN),
            ..ActionParams::default()
        };
        assert!(p.validate().is_err());
    }
}
