//! Inventory pillar: per-SKU ABC × XYZ class, lead-time demand distribution, safety stock and
//! reorder point for a fill-rate or cycle-service target, EOQ (MOQ / case pack / all-units
//! discounts), newsvendor quantity for perishables, stock status with tied-up cash, a
//! budget/capacity/supplier-minimum constrained purchase plan (LP/MIP, `good_lp` + `microlp`),
//! a replay of the policy on held-out history, inventory projections and the catalogue's
//! cash-vs-service trade-off curve.
//!
//! One file per concern: [`params`], [`stock`] (the optional inventory file),
//! [`classification`], [`demand`], [`policy`], [`design`], [`status`], [`plan`], [`simulate`],
//! [`projection`], [`tradeoff`]. Entry point: [`run`].
//!
//! References: Silver, Pyke & Thomas, *Inventory and Production Management in Supply Chains*
//! (4th ed., 2017); Axsäter, *Inventory Control* (3rd ed., 2015); Snyder & Shen, *Fundamentals of
//! Supply Chain Theory* (2nd ed., 2019) and its library stockpyl 1.0.2 (the unit-test
//! references); Teunter, Syntetos & Babai (2011) for TSB.

// Validation tests `!(x > 0.0)` on purpose: NaN counts as "not positive".
#![allow(clippy::neg_cmp_op_on_partial_ord)]

pub mod classification;
pub mod demand;
pub mod design;
pub mod params;
pub mod plan;
pub mod policy;
pub mod projection;
pub mod season;
pub mod simulate;
pub mod status;
pub mod stock;
pub mod tradeoff;

use std::collections::HashMap;

use crate::analytics::basket::nonproduct::{code_list, non_product_reason};
use serde::{Deserialize, Serialize};

pub use classification::{Abc, Xyz};
pub use params::{ClassTargets, InventoryParams, OnHandAssumption, ReorderRule, ServiceMeasure};
pub use plan::{ConstraintReport, PlanLine, PurchasePlan, SupplierOrder};
pub use projection::Projection;
pub use simulate::SimSummary;
pub use status::Status;
pub use stock::{StockRow, StockTable};
pub use tradeoff::TradeoffPoint;

use crate::analytics::forecast::series::{aggregate, net_returns, Freq, Level, Measure, Netted};
use crate::data::{Dataset, NONE_ID};
use crate::text::{CellError, Text};

/// Errors of the inventory pillar. The message comes from the sentence catalogue
/// ([`InventoryError::text`]), so the page can show it in Chinese.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum InventoryError {
    InvalidParam {
        name: String,
        message: Text,
    },
    NoData(Text),
    Stock(Text),
    Cell(CellError),
    InfeasiblePlan(Text),
    Solver(String),
    /// A money figure was asked of data without prices (a purchase budget without unit costs).
    Unpriced(Text),
}

impl InventoryError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            InventoryError::InvalidParam { name, message } => {
                Text::new("inventory.err.invalid_param")
                    .str("name", name.clone())
                    .text("message", message.clone())
            }
            InventoryError::NoData(why) => {
                Text::new("inventory.err.no_data").text("why", why.clone())
            }
            InventoryError::Stock(m) => Text::new("inventory.err.stock").text("message", m.clone()),
            InventoryError::Cell(c) => c.text(),
            InventoryError::InfeasiblePlan(why) => {
                Text::new("inventory.err.infeasible").text("why", why.clone())
            }
            InventoryError::Solver(m) => {
                Text::new("inventory.err.solver").str("message", m.clone())
            }
            InventoryError::Unpriced(t) => t.clone(),
        }
    }
}

/// Input: the imported order lines and, optionally, the parsed inventory file
/// ([`stock::parse`]).
#[derive(Debug, Clone, Copy)]
pub struct InventoryInput<'a> {
    pub orders: &'a Dataset,
    pub stock: Option<&'a StockTable>,
}

impl<'a> InventoryInput<'a> {
    /// Orders only.
    pub fn new(orders: &'a Dataset) -> Self {
        InventoryInput {
            orders,
            stock: None,
        }
    }
}

/// One SKU of the report. The first columns are the CLI contract
/// (`sku,abc,xyz,demand_per_day,safety_stock,reorder_point,order_quantity,order_now,
/// days_of_cover,stockout_risk`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkuRow {
    pub sku: String,
    pub abc: Abc,
    pub xyz: Xyz,
    /// Forecast demand per day (TSB for intermittent items, SES otherwise).
    pub demand_per_day: f64,
    /// Reorder point minus mean lead-time demand (may be negative for large lots with a
    /// fill-rate target: the lot itself then protects).
    pub safety_stock: f64,
    /// Order when on hand + on order falls to this.
    pub reorder_point: f64,
    /// Lot size: EOQ (or quantity-discount optimum) rounded to MOQ and case pack.
    pub order_quantity: f64,
    pub order_now: bool,
    /// Stock on hand / demand per day (None when nothing sells).
    pub days_of_cover: Option<f64>,
    /// P(demand over one lead time > on hand + on order): the chance of running out before a
    /// delivery ordered today arrives.
    pub stockout_risk: f64,

    pub description: String,
    /// "AX" … "CZ".
    pub class: String,
    pub service_measure: ServiceMeasure,
    pub service_target: f64,
    /// Historical average demand per day (whole history of the SKU).
    pub avg_demand_per_day: f64,
    /// "TSB" (intermittent) or "SES"; "none" without sales.
    pub demand_model: String,
    pub intermittent: bool,
    /// Share of days without sales.
    pub zero_share: f64,
    /// CV of weekly demand (XYZ basis; None when the mean is 0).
    pub weekly_cv: Option<f64>,
    pub revenue: f64,
    pub units_sold: f64,
    pub avg_price: f64,
    pub unit_cost: f64,
    /// "inventory file", "quantity discount", "estimated: 60% of the average price", or "none:
    /// the orders have no prices".
    pub unit_cost_source: String,
    pub lead_time_days: f64,
    pub lead_time_sd_days: f64,
    /// Mean and standard deviation of demand over the lead time (simulated distribution).
    pub lead_time_demand_mean: f64,
    pub lead_time_demand_sd: f64,
    /// Unrounded EOQ (or discount optimum); 0 without demand.
    pub eoq: f64,
    pub discount_price: Option<f64>,
    /// Newsvendor quantity over the shelf life (perishable items only).
    pub newsvendor_quantity: Option<f64>,
    pub expected_fill_rate: f64,
    pub on_hand: f64,
    pub on_order: f64,
    /// "inventory file", "assumed: policy replay", "assumed: zero".
    pub on_hand_source: String,
    pub inventory_position: f64,
    /// Units to order now (whole lots bringing the position above `s`; 0 unless order now).
    pub suggested_order: f64,
    pub status: Status,
    pub status_label: String,
    pub tied_up_cash: f64,
    pub days_since_last_sale: Option<f64>,
    pub supplier: String,
    /// Achieved fill rate when the policy (set without the last `holdout_days`) is replayed on
    /// them; None without demand in that window or too little history.
    pub simulated_fill_rate: Option<f64>,
    pub misses_target: bool,
    /// Plain-language explanation of the numbers.
    pub explanation: Text,
    /// Last year's season over the lead time ([`season`]): the level is multiplied by it in
    /// `demand_per_day` and the lead-time demand; 1 without a year of history.
    #[serde(default = "crate::default_one")]
    pub season_factor: f64,
}

/// SKU count, tied-up cash and stock value per status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: Status,
    pub label: String,
    pub skus: usize,
    pub tied_up_cash: f64,
    /// What is on hand at unit cost: `Σ max(on hand, 0) × unit cost` over the status's SKUs
    /// (stock on hand as assumed where no inventory file gives it; SKUs without a known unit
    /// cost add nothing).
    #[serde(default)]
    pub stock_value: f64,
}

/// SKUs, revenue and units per ABC × XYZ cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassCell {
    pub abc: Abc,
    pub xyz: Xyz,
    pub skus: usize,
    pub revenue: f64,
    #[serde(default)]
    pub units: f64,
}

/// Simulation check over the held-out days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimulationReport {
    pub holdout_days: usize,
    pub overall: SimSummary,
    pub by_abc: Vec<SimSummary>,
    pub by_xyz: Vec<SimSummary>,
    pub explanation: Text,
}

/// One "how computed" paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HowComputed {
    /// English title (the page maps it to its language).
    pub title: String,
    pub text: Text,
}

/// The inventory report (travels as JSON to the page).
///
/// **Orders without prices** (`priced` false, [`crate::data::CleaningReport::priced`]): ABC
/// ranks units sold, lots without a unit cost from the inventory file cover
/// [`InventoryParams::cover_days`] of demand, the trade-off curve counts units instead of
/// money, and no cash figure is meaningful (they are 0); a purchase budget is refused, a
/// capacity in units works.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryReport {
    /// The orders have prices (money figures mean something).
    #[serde(default = "crate::default_true")]
    pub priced: bool,
    /// Sorted by revenue (units without prices), highest first.
    pub skus: Vec<SkuRow>,
    pub status_counts: Vec<StatusCount>,
    pub class_matrix: Vec<ClassCell>,
    pub tied_up_cash_total: f64,
    /// Purchase plan when a budget or capacity was given.
    pub plan: Option<PurchasePlan>,
    pub simulation: Option<SimulationReport>,
    pub tradeoff: Vec<TradeoffPoint>,
    pub projections: Vec<Projection>,
    /// Last day of the order history (YYYY-MM-DD) = "today" of the report.
    pub data_end: String,
    pub params: InventoryParams,
    /// Column mapping of the inventory file, when given.
    pub stock_mapping: Vec<(String, String)>,
    pub notes: Vec<Text>,
    pub how_computed: Vec<HowComputed>,
    /// The whole shop's season over the default lead time, when the history reaches a year
    /// and four weeks back ([`season::shop`]).
    #[serde(default)]
    pub season: Option<season::ShopSeason>,
}

#[derive(Default, Clone)]
struct SkuStats {
    revenue: f64,
    units: f64,
    last_day: i64,
    product: u32,
}

fn weekly(y: &[f64]) -> Vec<f64> {
    let cut = y.len() % 7;
    y[cut..].chunks(7).map(|c| c.iter().sum()).collect()
}

fn mix(seed: u64, i: usize) -> u64 {
    let mut z = seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn day_string(day: i64) -> String {
    crate::analytics::forecast::series::period_start(day, Freq::Day)
}

/// Run the pillar.
pub fn run(
    input: &InventoryInput,
    params: &InventoryParams,
) -> Result<InventoryReport, InventoryError> {
    run_with_progress(input, params, &mut |_, _| {})
}

/// [`run`] reporting `(done, total)` SKUs to `progress` (the worker's progress bar).
pub fn run_with_progress(
    input: &InventoryInput,
    params: &InventoryParams,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<InventoryReport, InventoryError> {
    assess_with_progress(input, params, progress)?.with_budget(params.budget)
}

/// Everything but the purchase plan: the per-SKU policies, classes, replay and projections,
/// and the SKUs the plan could order. The plan is then solved for a budget that may depend on
/// the report itself ([`Assessment::with_budget`]) without computing the policies again.
pub struct Assessment {
    report: InventoryReport,
    candidates: Vec<plan::PlanCandidate>,
}

impl Assessment {
    /// The report so far (no plan yet).
    pub fn report(&self) -> &InventoryReport {
        &self.report
    }

    /// The report with the purchase plan for `budget` and the parameters' capacity (no plan
    /// when neither is set). `params.budget` in the report is `budget`.
    pub fn with_budget(self, budget: Option<f64>) -> Result<InventoryReport, InventoryError> {
        let capacity = self.report.params.capacity_units;
        self.with_limits(budget, capacity)
    }

    /// The report with the purchase plan for `budget` and `capacity_units` (no plan when
    /// neither is set); the report's parameters carry both.
    pub fn with_limits(
        mut self,
        budget: Option<f64>,
        capacity_units: Option<f64>,
    ) -> Result<InventoryReport, InventoryError> {
        self.report.params.budget = budget;
        self.report.params.capacity_units = capacity_units;
        let params = &self.report.params;
        params.validate()?;
        if params.budget.is_some() || params.capacity_units.is_some() {
            let lim = plan::PlanLimits {
                budget: params.budget,
                capacity_units: params.capacity_units,
                require_urgent: params.require_urgent,
                units_only: !self.report.priced,
            };
            let cur = params.currency.as_str();
            self.report.plan = Some(
                match plan::solve(&self.candidates, &lim, params.budget_step, cur) {
                    Ok(p) => p,
                    Err(InventoryError::InfeasiblePlan(why)) => plan::infeasible(why),
                    Err(e) => return Err(e),
                },
            );
        }
        Ok(self.report)
    }
}

/// [`Assessment`] of the input (the budget in `params` is not used yet), with progress.
pub fn assess_with_progress(
    input: &InventoryInput,
    params: &InventoryParams,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Assessment, InventoryError> {
    params.validate()?;
    // The money symbol: the one asked for, else the orders' own currency when they have one.
    let params = &InventoryParams {
        currency: if params.currency.is_empty() {
            crate::data::numbers::data_currency_symbol(&input.orders.report.currencies)
        } else {
            params.currency.clone()
        },
        ..params.clone()
    };
    let priced = input.orders.report.priced;
    let file_costs = input
        .stock
        .is_some_and(|t| t.rows.iter().any(|r| r.unit_cost.is_some()));
    if !priced && !file_costs && params.budget.is_some() {
        return Err(InventoryError::Unpriced(
            crate::data::require_prices(input.orders, Text::new("data.need.inventory_budget"))
                .err()
                .unwrap_or_default(),
        ));
    }
    let lines = &input.orders.lines;
    if lines.is_empty() {
        return Err(InventoryError::NoData(Text::new(
            "inventory.err.no_sale_lines",
        )));
    }
    let cur = params.currency.as_str();
    let mut notes: Vec<Text> = Vec::new();

    // per-SKU revenue, units, last sale
    let mut stats: HashMap<u32, SkuStats> = HashMap::new();
    let mut end_ts = i64::MIN;
    for i in 0..lines.len() {
        let sku = lines.sku.get(i).copied().unwrap_or(NONE_ID);
        if sku == NONE_ID {
            continue;
        }
        let ts = lines.timestamp.get(i).copied().unwrap_or(0);
        end_ts = end_ts.max(ts);
        let e = stats.entry(sku).or_insert_with(|| SkuStats {
            last_day: i64::MIN,
            product: lines.product.get(i).copied().unwrap_or(NONE_ID),
            ..SkuStats::default()
        });
        e.revenue += lines.revenue.get(i).copied().unwrap_or(0.0);
        e.units += lines.quantity.get(i).copied().unwrap_or(0.0);
        e.last_day = e.last_day.max(ts.div_euclid(86_400));
    }
    if stats.is_empty() {
        return Err(InventoryError::NoData(Text::new(
            "inventory.err.no_sku_column",
        )));
    }
    let end_day = end_ts.div_euclid(86_400);
    let mut series = aggregate(lines, Level::Sku, Freq::Day, Measure::Units, None).series;
    // demand is net of cancellations: returned units are subtracted on the day of the
    // cancellation (a day never goes below 0). Online Retail's 80,995 paper birdies and 74,215
    // storage jars, cancelled the day they were ordered, are not demand.
    let Netted {
        amount: net_units,
        lines: net_lines,
    } = net_returns(
        &mut series,
        &input.orders.returns,
        lines,
        Level::Sku,
        Freq::Day,
        Measure::Units,
    );
    if net_lines > 0 {
        notes.push(
            Text::new("inventory.note.net_of_returns")
                .num("units", net_units, 0)
                .int("lines", net_lines),
        );
    }

    struct Item {
        sku: String,
        description: String,
        y: Vec<f64>,
        st: Option<SkuStats>,
        stock: Option<StockRow>,
    }
    let stock_map: HashMap<&str, &StockRow> = input
        .stock
        .map(|t| t.rows.iter().map(|r| (r.sku.as_str(), r)).collect())
        .unwrap_or_default();
    let mut items: Vec<Item> = Vec::with_capacity(series.len());
    let mut non_products: Vec<String> = Vec::new();
    for s in series {
        if s.id == "(none)" {
            continue;
        }
        let st = lines
            .strings
            .lookup(&s.id)
            .and_then(|id| stats.get(&id))
            .cloned();
        let description = st
            .as_ref()
            .filter(|x| x.product != NONE_ID)
            .map(|x| lines.strings.get(x.product).to_string())
            .unwrap_or_else(|| s.label.clone());
        let stock = stock_map.get(s.id.as_str()).map(|r| (*r).clone());
        // Postage, manual adjustments, fees and the like are not stocked goods (unless the
        // inventory file lists them).
        if stock.is_none() && non_product_reason(&s.id, &description).is_some() {
            non_products.push(s.id);
            continue;
        }
        items.push(Item {
            stock,
            sku: s.id,
            description,
            y: s.values,
            st,
        });
    }
    if !non_products.is_empty() {
        notes.push(
            Text::new("inventory.note.non_products")
                .int("n", non_products.len())
                .str("codes", code_list(non_products.iter().map(String::as_str))),
        );
    }
    let mut unknown_rows: Vec<Text> = Vec::new();
    if let Some(t) = input.stock {
        notes.extend(t.notes.iter().cloned());
        let known: std::collections::HashSet<&str> = items.iter().map(|i| i.sku.as_str()).collect();
        let mut extra = Vec::new();
        for r in &t.rows {
            if !known.contains(r.sku.as_str()) {
                unknown_rows.push(
                    Text::new("inventory.sku_row")
                        .str("sku", r.sku.clone())
                        .index("row", r.row),
                );
                extra.push(Item {
                    sku: r.sku.clone(),
                    description: String::new(),
                    y: Vec::new(),
                    st: None,
                    stock: Some(r.clone()),
                });
            }
        }
        items.extend(extra);
        let missing = items.iter().filter(|i| i.stock.is_none()).count();
        if missing > 0 {
            notes.push(
                Text::new("inventory.note.not_in_stock_file")
                    .int("n", missing)
                    .str("file", t.file.clone())
                    .str("lead", params.lead_time_days.to_string())
                    .str("cur", cur)
                    .str("cost", params.order_cost.to_string())
                    .str("hold", (100.0 * params.holding_rate).to_string())
                    .text(
                        "assumed",
                        match params.on_hand {
                            OnHandAssumption::Replay => Text::new("inventory.assumed.replay"),
                            OnHandAssumption::Zero => Text::new("inventory.assumed.zero"),
                        },
                    ),
            );
        }
    }
    if !unknown_rows.is_empty() {
        let n = unknown_rows.len();
        unknown_rows.truncate(10);
        let rows = unknown_rows
            .into_iter()
            .reduce(|a, b| Text::new("inventory.list").text("a", a).text("b", b))
            .unwrap_or_default();
        let key = if n > 10 {
            Text::new("inventory.note.never_sold_more")
        } else {
            Text::new("inventory.note.never_sold")
        };
        notes.push(key.int("n", n).text("rows", rows));
    }
    // sort by revenue (units without prices)
    let value = |s: &SkuStats| if priced { s.revenue } else { s.units };
    items.sort_by(|a, b| {
        let ra = a.st.as_ref().map_or(0.0, value);
        let rb = b.st.as_ref().map_or(0.0, value);
        rb.total_cmp(&ra).then(a.sku.cmp(&b.sku))
    });
    let values: Vec<f64> = items
        .iter()
        .map(|i| i.st.as_ref().map_or(0.0, value))
        .collect();
    let abc = classification::abc(&values, params.abc_a, params.abc_b);

    // The shop's daily units (goods only; the series end on the same day) for the season.
    let total_len = items.iter().map(|i| i.y.len()).max().unwrap_or(0);
    let mut total = vec![0.0; total_len];
    for it in &items {
        let off = total_len - it.y.len();
        for (k, v) in it.y.iter().enumerate() {
            total[off + k] += v;
        }
    }
    let holdout_total = total_len.saturating_sub(params.holdout_days);
    let mut shop_now: HashMap<usize, Option<season::ShopSeason>> = HashMap::new();
    let mut shop_cut: HashMap<usize, Option<season::ShopSeason>> = HashMap::new();
    let default_lead = params.lead_time_days.round().max(1.0) as usize;
    let verdict = season::assess(&total, default_lead);
    let shop_season = applied(verdict);
    // Most SKUs have the default lead time: its backtest is not run again in the loop.
    shop_now.insert(default_lead, shop_season);
    match verdict {
        season::Verdict::Applied(ss) => {
            let check = ss.check.unwrap_or(season::SeasonCheck {
                origins: 0,
                error_with: 0.0,
                error_without: 0.0,
            });
            notes.push(
                Text::new("inventory.note.season")
                    .int("lead", ss.lead_days)
                    .str("from", day_string(end_day + 1 - season::YEAR_DAYS as i64))
                    .num("f", ss.factor, 2)
                    .num("next", ss.next_units, 0)
                    .num("expected", ss.expected_units, 0)
                    .int("weeks", check.origins)
                    .num("without", check.error_without, 0)
                    .num("with", check.error_with, 0),
            );
        }
        season::Verdict::Rejected(check) => notes.push(
            Text::new("inventory.note.season_rejected")
                .int("lead", default_lead)
                .int("weeks", check.origins)
                .num("without", check.error_without, 0)
                .num("with", check.error_with, 0),
        ),
        season::Verdict::TooShort => {}
    }

    let n = items.len();
    let mut rows: Vec<SkuRow> = Vec::with_capacity(n);
    let mut trade = tradeoff::Tradeoff::new(&params.tradeoff_levels);
    let mut sims: Vec<(usize, f64, f64, f64, simulate::Replay)> = Vec::new();
    let mut candidates: Vec<(usize, plan::PlanCandidate)> = Vec::new();
    let mut proj_inputs: Vec<(usize, f64, usize, usize)> = Vec::new();
    let (mut est_cost, mut no_price, mut assumed) = (0usize, 0usize, 0usize);
    let mut by_cover = 0usize;
    for (i, it) in items.iter().enumerate() {
        if i % 64 == 0 {
            progress(i, n);
        }
        let class_abc = abc[i];
        let wk = weekly(&it.y);
        let wcv = classification::cv(&wk);
        let class_xyz = classification::xyz(wcv, params.xyz_x, params.xyz_y);
        let target = params.target_for(class_abc);
        let sr = it.stock.as_ref();
        let (revenue, units) = it.st.as_ref().map_or((0.0, 0.0), |s| (s.revenue, s.units));
        let avg_price = if units > 0.0 { revenue / units } else { 0.0 };
        let lead = sr
            .and_then(|r| r.lead_time_days)
            .unwrap_or(params.lead_time_days);
        let lead_sd = sr
            .and_then(|r| r.lead_time_sd_days)
            .unwrap_or(params.lead_time_sd_days);
        let (mut unit_cost, mut cost_source) = match sr.and_then(|r| r.unit_cost) {
            Some(c) => (c, "inventory file".to_string()),
            None if !priced => (0.0, "none: the orders have no prices".to_string()),
            None => (
                avg_price * params.cost_ratio,
                format!(
                    "estimated: {:.0}% of the average selling price",
                    100.0 * params.cost_ratio
                ),
            ),
        };
        if sr.and_then(|r| r.unit_cost).is_none() {
            if avg_price > 0.0 {
                est_cost += 1;
            } else {
                no_price += 1;
            }
        }
        let lead_days = lead.round().max(1.0) as usize;
        let season_factor = shop_now
            .entry(lead_days)
            .or_insert_with(|| applied(season::assess(&total, lead_days)))
            .map_or(1.0, |ss| season::product(&it.y, total_len, &ss));
        let order_cost = sr.and_then(|r| r.order_cost).unwrap_or(params.order_cost);
        let holding_rate = sr
            .and_then(|r| r.holding_rate)
            .unwrap_or(params.holding_rate);
        let terms = design::SkuTerms {
            lead_periods: lead,
            lead_sd_periods: lead_sd,
            unit_cost,
            order_cost,
            holding_rate,
            periods_per_year: 365.0,
            moq: sr.and_then(|r| r.moq).unwrap_or(0.0),
            case_pack: sr.and_then(|r| r.case_pack).unwrap_or(1.0),
            price_breaks: sr.and_then(|r| r.price_breaks.clone()),
            target,
            measure: params.measure,
            samples: params.samples,
            seed: mix(params.seed, i),
            lowest_reorder_point: 0.0,
            rule: params.reorder_rule,
            cover_periods: params.cover_days,
            season_factor,
        };
        let d = design::design(&it.y, &terms);
        if d.lot_by_cover {
            by_cover += 1;
        }
        if let Some(p) = d.discount_price {
            unit_cost = p;
            cost_source = "quantity discount (price break of the chosen lot)".into();
        }
        let mu = d.model.mean;
        let q = d.order_quantity;
        let s = d.reorder_point;
        // simulation check: policy from all but the holdout, replayed with warm-up
        let h = params.holdout_days;
        let mut sim_fill = None;
        if h > 0 && it.y.len() >= h + 28 {
            let cut = it.y.len() - h;
            // The season as it was known on the cut day.
            let season_factor = shop_cut
                .entry(lead_days)
                .or_insert_with(|| applied(season::assess(&total[..holdout_total], lead_days)))
                .map_or(1.0, |ss| season::product(&it.y[..cut], holdout_total, &ss));
            let dt = design::design(
                &it.y[..cut],
                &design::SkuTerms {
                    seed: mix(params.seed ^ 0xB7, i),
                    season_factor,
                    ..terms.clone()
                },
            );
            let pol = simulate::Policy {
                reorder_point: dt.reorder_point,
                order_quantity: dt.order_quantity,
                lead_periods: lead_days,
            };
            let r = simulate::replay(&pol, &it.y, dt.reorder_point + dt.order_quantity, cut);
            sim_fill = r.fill_rate();
            // Without prices the replay's stock "value" counts units.
            let planned = dt.model.mean * h as f64;
            sims.push((i, target, if priced { unit_cost } else { 1.0 }, planned, r));
        }
        // current position
        let (on_hand, on_order, source, next_in) = match sr.and_then(|r| r.on_hand) {
            Some(oh) => (
                oh,
                sr.and_then(|r| r.on_order).unwrap_or(0.0),
                "inventory file".to_string(),
                lead_days,
            ),
            None => {
                assumed += 1;
                match params.on_hand {
                    OnHandAssumption::Zero => (0.0, 0.0, "assumed: zero".to_string(), lead_days),
                    OnHandAssumption::Replay => {
                        let pol = simulate::Policy {
                            reorder_point: s,
                            order_quantity: q,
                            lead_periods: lead_days,
                        };
                        let r = simulate::replay(&pol, &it.y, s + q, it.y.len());
                        (
                            r.end_on_hand.max(0.0),
                            r.last_review_on_order,
                            "assumed: policy replay on the sales history".to_string(),
                            r.next_receipt_in.unwrap_or(lead_days),
                        )
                    }
                }
            }
        };
        let ip = on_hand + on_order;
        let since = it.st.as_ref().map(|s| (end_day - s.last_day) as f64);
        let (status, tied) = status::classify(&status::StatusInput {
            on_hand,
            on_order,
            demand_per_day: mu,
            days_since_last_sale: since.unwrap_or(f64::INFINITY),
            reorder_point: s,
            order_quantity: q,
            unit_cost,
            soon_days: params.soon_days,
            overstock_days: params.overstock_days,
            dead_days: params.dead_days,
        });
        let order_now = status == Status::OrderNow;
        let suggested = if order_now {
            ((s - ip) / q).floor().max(0.0) * q + q
        } else {
            0.0
        };
        let risk = if mu > 0.0 { d.ltd.exceed(ip) } else { 0.0 };
        // newsvendor for perishables: demand over the shelf life, critical ratio (p−c)/p
        let shelf = sr.and_then(|r| r.shelf_life_days);
        let newsvendor = match shelf {
            Some(sl) if mu > 0.0 && avg_price > unit_cost => {
                let sd = demand::LeadTimeDemand::simulate(
                    &d.model,
                    sl,
                    0.0,
                    params.samples,
                    mix(params.seed ^ 0x5E, i),
                );
                let cr = (avg_price - unit_cost) / avg_price;
                Some(policy::newsvendor_empirical(&sd.lt, cr).ceil())
            }
            _ => None,
        };
        let order_quantity = match newsvendor {
            Some(nv) if nv >= 1.0 => q.min(policy::round_order(nv, 0.0, terms.case_pack)),
            _ => q,
        };
        let fill_now = d.ltd.fill_rate(s, q);
        // trade-off curve
        if mu > 0.0 && !params.tradeoff_levels.is_empty() {
            let mut ss = Vec::with_capacity(params.tradeoff_levels.len());
            let mut fr = Vec::with_capacity(params.tradeoff_levels.len());
            for &lv in &params.tradeoff_levels {
                let sl = d
                    .ltd
                    .reorder_point_from(lv, params.measure, q, 0.0, params.reorder_rule);
                ss.push(sl - d.ltd.mean);
                fr.push(d.ltd.fill_rate(sl, q));
            }
            // Without prices the curve counts units (a unit "costs" 1).
            trade.add(if priced { unit_cost } else { 1.0 }, q, mu, &ss, &fr);
        }
        let supplier = sr
            .and_then(|r| r.supplier.clone())
            .unwrap_or_else(|| "(no supplier)".into());
        if mu > 0.0 && matches!(status, Status::OrderNow | Status::OrderSoon) {
            let sugg = if order_now { suggested } else { order_quantity };
            let cover_days = ((ip + sugg / 2.0) / mu).min(365.0);
            candidates.push((
                i,
                plan::PlanCandidate {
                    sku: it.sku.clone(),
                    supplier: supplier.clone(),
                    unit_cost,
                    // Without prices: urgent units count 1, the rest ½ (plan module docs).
                    unit_margin: if priced {
                        (avg_price - unit_cost).max(0.0)
                    } else {
                        1.0
                    },
                    unit_holding: if priced {
                        holding_rate * unit_cost * cover_days / 365.0
                    } else {
                        0.5
                    },
                    urgent_units: if order_now {
                        (s - ip + 1.0).max(0.0)
                    } else {
                        0.0
                    },
                    suggested_units: sugg,
                    case_pack: terms.case_pack,
                    supplier_minimum: sr
                        .and_then(|r| r.supplier_minimum)
                        .or(params.supplier_minimum)
                        .unwrap_or(0.0),
                },
            ));
        }
        if mu > 0.0 {
            proj_inputs.push((i, if priced { revenue } else { units }, next_in, lead_days));
        }
        let explanation = explain(&ExplainInput {
            mu,
            d: &d,
            lead,
            target,
            measure: params.measure,
            q,
            order_quantity,
            on_hand,
            on_order,
            status,
            risk,
            tied,
            suggested,
            cur,
            newsvendor,
            since,
            cover_days: d.lot_by_cover.then_some(params.cover_days),
            season: season_factor,
        });
        rows.push(SkuRow {
            sku: it.sku.clone(),
            abc: class_abc,
            xyz: class_xyz,
            demand_per_day: mu,
            safety_stock: d.safety_stock,
            reorder_point: s,
            order_quantity,
            order_now,
            days_of_cover: (mu > 0.0).then(|| on_hand.max(0.0) / mu),
            stockout_risk: risk,
            description: it.description.clone(),
            class: format!("{}{}", class_abc.key(), class_xyz.key()),
            service_measure: params.measure,
            service_target: target,
            avg_demand_per_day: d.model.hist_mean,
            demand_model: d.model.method.clone(),
            intermittent: d.model.intermittent,
            zero_share: d.model.zero_share,
            weekly_cv: wcv.is_finite().then_some(wcv),
            revenue,
            units_sold: units,
            avg_price,
            unit_cost,
            unit_cost_source: cost_source,
            lead_time_days: lead,
            lead_time_sd_days: lead_sd,
            lead_time_demand_mean: d.ltd.mean,
            lead_time_demand_sd: d.ltd.sd,
            eoq: d.eoq,
            discount_price: d.discount_price,
            newsvendor_quantity: newsvendor,
            expected_fill_rate: fill_now,
            on_hand,
            on_order,
            on_hand_source: source,
            inventory_position: ip,
            suggested_order: suggested,
            status,
            status_label: status.label().into(),
            tied_up_cash: tied,
            days_since_last_sale: since,
            supplier,
            simulated_fill_rate: sim_fill,
            misses_target: sim_fill.is_some_and(|f| f < target - 0.02),
            explanation,
            season_factor,
        });
    }
    progress(n, n);
    if est_cost > 0 {
        notes.push(
            Text::new("inventory.note.cost_estimated")
                .int("n", est_cost)
                .pct("p", params.cost_ratio, 0),
        );
    }
    if !priced {
        notes.push(Text::new("inventory.note.unpriced").str("days", params.cover_days.to_string()));
    } else if no_price > 0 {
        notes.push(Text::new("inventory.note.no_price").int("n", no_price));
    }
    if priced && by_cover > 0 {
        notes.push(
            Text::new("inventory.note.lot_by_cover")
                .int("n", by_cover)
                .str("days", params.cover_days.to_string()),
        );
    }
    if assumed > 0 {
        notes.push(
            match params.on_hand {
                OnHandAssumption::Replay => Text::new("inventory.note.on_hand_replay"),
                OnHandAssumption::Zero => Text::new("inventory.note.on_hand_zero"),
            }
            .int("n", assumed),
        );
    }

    // status counts and class matrix
    let status_counts: Vec<StatusCount> = Status::ALL
        .iter()
        .map(|st| {
            let sel = rows.iter().filter(|r| r.status == *st);
            StatusCount {
                status: *st,
                label: st.label().into(),
                skus: sel.clone().count(),
                tied_up_cash: sel.clone().map(|r| r.tied_up_cash).sum(),
                // + 0.0: an empty status sums to −0.0.
                stock_value: sel
                    .filter(|r| r.unit_cost.is_finite())
                    .map(|r| r.on_hand.max(0.0) * r.unit_cost)
                    .sum::<f64>()
                    + 0.0,
            }
        })
        .collect();
    let mut class_matrix = Vec::new();
    for a in [Abc::A, Abc::B, Abc::C] {
        for x in [Xyz::X, Xyz::Y, Xyz::Z] {
            let sel = rows.iter().filter(|r| r.abc == a && r.xyz == x);
            class_matrix.push(ClassCell {
                abc: a,
                xyz: x,
                skus: sel.clone().count(),
                // + 0.0: an empty cell sums to −0.0.
                revenue: sel.clone().map(|r| r.revenue).sum::<f64>() + 0.0,
                units: sel.map(|r| r.units_sold).sum::<f64>() + 0.0,
            });
        }
    }
    let tied_up_cash_total = rows.iter().map(|r| r.tied_up_cash).sum();

    // simulation summary
    let simulation = if sims.is_empty() {
        None
    } else {
        let pick = |f: &dyn Fn(usize) -> bool| -> Vec<(f64, f64, f64, &simulate::Replay)> {
            sims.iter()
                .filter(|(i, ..)| f(*i))
                .map(|(_, t, c, p, r)| (*t, *c, *p, r))
                .collect()
        };
        let overall = simulate::summarise("all", &pick(&|_| true));
        let by_abc: Vec<SimSummary> = [Abc::A, Abc::B, Abc::C]
            .iter()
            .map(|a| simulate::summarise(a.key(), &pick(&|i| rows[i].abc == *a)))
            .collect();
        let by_xyz = [Xyz::X, Xyz::Y, Xyz::Z]
            .iter()
            .map(|x| simulate::summarise(x.key(), &pick(&|i| rows[i].xyz == *x)))
            .collect();
        let mut explanation = if overall.flagged {
            Text::new("inventory.sim.explain_flagged")
        } else {
            Text::new("inventory.sim.explain")
        }
        .int("days", params.holdout_days)
        .int("n", overall.skus_with_demand)
        .pct("fill", overall.fill_rate, 1)
        .pct("target", overall.target, 1)
        .str("gap", format!("{:+.1}", 100.0 * overall.gap));
        // Why a miss happened, in the terms a shop sees: more sales than the policies were set
        // for, or the same sales with more variability than the history showed; when the
        // catalogue meets its target on average, the revenue classes that sold above plan.
        let whys: Vec<Text> = if overall.flagged {
            overall
                .demand_vs_plan
                .map(|dev| {
                    if dev >= 0.10 {
                        Text::new("inventory.sim.why_busier").pct("dev", dev, 0)
                    } else {
                        Text::new("inventory.sim.why_variable")
                            .str("dev", format!("{:+.0}%", 100.0 * dev))
                    }
                })
                .into_iter()
                .collect()
        } else {
            by_abc
                .iter()
                .filter(|c| c.flagged)
                .filter_map(|c| {
                    let dev = c.demand_vs_plan.filter(|d| *d >= 0.10)?;
                    Some(
                        Text::new("inventory.sim.class_why_busier")
                            .str("class", c.class.clone())
                            .pct("dev", dev, 0),
                    )
                })
                .collect()
        };
        for why in whys {
            explanation = Text::new("inventory.sim.explain_why")
                .text("what", explanation)
                .text("why", why);
        }
        Some(SimulationReport {
            holdout_days: params.holdout_days,
            overall,
            by_abc,
            by_xyz,
            explanation,
        })
    };

    // projections for the top N SKUs by revenue
    proj_inputs.sort_by(|a, b| b.1.total_cmp(&a.1));
    let projections = proj_inputs
        .iter()
        .take(params.projection_top_n)
        .filter_map(|&(i, _, next_in, lead_days)| {
            let r = rows.get(i)?;
            Some(projection::project(
                &r.sku,
                &r.description,
                r.on_hand,
                r.on_order,
                next_in,
                r.demand_per_day,
                r.reorder_point,
                r.safety_stock,
                r.order_quantity,
                lead_days,
                params.projection_days,
            ))
        })
        .collect();

    let report = InventoryReport {
        priced,
        skus: rows,
        status_counts,
        class_matrix,
        tied_up_cash_total,
        plan: None,
        simulation,
        tradeoff: trade.points(),
        projections,
        data_end: day_string(end_day),
        params: params.clone(),
        stock_mapping: input.stock.map(|t| t.mapping.clone()).unwrap_or_default(),
        notes,
        how_computed: how_computed(params, priced),
        season: shop_season,
    };
    Ok(Assessment {
        report,
        candidates: candidates.into_iter().map(|(_, c)| c).collect(),
    })
}

struct ExplainInput<'a> {
    mu: f64,
    d: &'a design::Design,
    lead: f64,
    target: f64,
    measure: ServiceMeasure,
    q: f64,
    order_quantity: f64,
    on_hand: f64,
    on_order: f64,
    status: Status,
    risk: f64,
    tied: f64,
    suggested: f64,
    cur: &'a str,
    newsvendor: Option<f64>,
    since: Option<f64>,
    /// The lot is this many days of demand (no unit cost), not an EOQ.
    cover_days: Option<f64>,
    /// Last year's season over the lead time (1: none).
    season: f64,
}

/// The season when its backtest let it be used.
fn applied(v: season::Verdict) -> Option<season::ShopSeason> {
    match v {
        season::Verdict::Applied(s) => Some(s),
        _ => None,
    }
}

fn explain(x: &ExplainInput) -> Text {
    if x.mu <= 0.0 {
        return match x.since {
            Some(d) if x.tied > 0.0 => Text::new("inventory.explain.no_forecast_tied")
                .num("days", d, 0)
                .str("on_hand", x.on_hand.to_string())
                .str("cur", x.cur)
                .num("cash", x.tied, 2),
            Some(d) => Text::new("inventory.explain.no_forecast")
                .num("days", d, 0)
                .str("on_hand", x.on_hand.to_string()),
            None => Text::new("inventory.explain.never_sold").str("on_hand", x.on_hand.to_string()),
        };
    }
    let m = &x.d.model;
    let model = if m.intermittent {
        Text::new("inventory.model.tsb").num("p", 100.0 * m.zero_share, 0)
    } else {
        Text::new("inventory.model.ses")
    };
    let model = if (x.season - 1.0).abs() >= 0.005 {
        Text::new("inventory.model.season")
            .text("model", model)
            .num("f", x.season, 2)
    } else {
        model
    };
    let why = if (x.order_quantity - x.q).abs() > 1e-9 {
        Text::new("inventory.why.newsvendor")
    } else {
        Text::new("inventory.why.rounded")
    };
    let nv = match x.newsvendor {
        Some(nv) => Text::new("inventory.explain.newsvendor").num("nv", nv, 0),
        None => Text::raw(""),
    };
    let then = match x.status {
        Status::OrderNow => Text::new("inventory.then.order_now")
            .num("n", x.suggested, 0)
            .num("risk", 100.0 * x.risk, 0),
        Status::Overstocked => Text::new("inventory.then.overstocked")
            .str("cur", x.cur)
            .num("cash", x.tied, 2),
        _ => Text::new("inventory.then.end"),
    };
    Text::new("inventory.explain")
        .num("mu", x.mu, 2)
        .text("model", model)
        .num("lead", x.lead, 0)
        .num("ltd", x.d.ltd.mean, 1)
        .num("sd", x.d.ltd.sd, 1)
        .num("rop", x.d.reorder_point, 0)
        .num("target", 100.0 * x.target, 0)
        .text("measure", x.measure.text())
        .num("ss", x.d.safety_stock, 1)
        .num("q", x.order_quantity, 0)
        .text(
            "lot",
            match x.cover_days {
                Some(days) => Text::new("inventory.lot.cover").str("days", days.to_string()),
                None => Text::new("inventory.lot.eoq").num("eoq", x.d.eoq, 1),
            },
        )
        .text("why", why)
        .text("nv", nv)
        .num("on_hand", x.on_hand, 0)
        .num("on_order", x.on_order, 0)
        .text("status", x.status.text())
        .text("then", then)
}

fn how_computed(p: &InventoryParams, priced: bool) -> Vec<HowComputed> {
    let h = |t: &str, x: Text| HowComputed {
        title: t.into(),
        text: x,
    };
    let formula = match p.measure {
        ServiceMeasure::FillRate => Text::new("inventory.how.formula_fill_rate").str(
            "f",
            "1 − Σ_{y=s+1..s+Q} (E[(D_L − y)⁺] − E[(D_{L−1} − y)⁺]) / (Q·μ)",
        ),
        ServiceMeasure::CycleServiceLevel => Text::new("inventory.how.formula_cycle"),
    };
    let rule = match p.reorder_rule {
        ReorderRule::AtLeast => Text::new("inventory.how.rule_at_least"),
        ReorderRule::Nearest => Text::new("inventory.how.rule_nearest"),
    };
    let overridden = match p.service_level {
        Some(s) => Text::new("inventory.how.overridden").pct("p", s, 1),
        None => Text::raw(""),
    };
    let sd = if p.lead_time_sd_days > 0.0 {
        Text::new("inventory.how.lead_sd").str("v", p.lead_time_sd_days.to_string())
    } else {
        Text::raw("")
    };
    vec![
        h(
            "Classes",
            Text::new(if priced {
                "inventory.how.classes"
            } else {
                "inventory.how.classes_units"
            })
            .num("a", 100.0 * p.abc_a, 0)
            .num("b", 100.0 * p.abc_b, 0)
            .str("x", p.xyz_x.to_string())
            .str("y", p.xyz_y.to_string()),
        ),
        h("Demand", Text::new("inventory.how.demand")),
        h(
            "Lead-time demand",
            Text::new("inventory.how.lead_time_demand")
                .int("samples", p.samples)
                .str("lead", p.lead_time_days.to_string())
                .text("sd", sd),
        ),
        h(
            "Reorder point and safety stock",
            Text::new("inventory.how.reorder_point")
                .text("measure", p.measure.text())
                .text("formula", formula)
                .text("rule", rule)
                .num("a", 100.0 * p.class_targets.a, 0)
                .num("b", 100.0 * p.class_targets.b, 0)
                .num("c", 100.0 * p.class_targets.c, 0)
                .text("overridden", overridden),
        ),
        h(
            "Order quantity",
            if priced {
                Text::new("inventory.how.order_quantity")
                    .str("cur", p.currency.clone())
                    .str("k", p.order_cost.to_string())
                    .num("h", 100.0 * p.holding_rate, 0)
            } else {
                Text::new("inventory.how.order_quantity_units")
                    .str("days", p.cover_days.to_string())
            },
        ),
        h(
            "Status",
            Text::new("inventory.how.status")
                .str("soon", p.soon_days.to_string())
                .str("over", p.overstock_days.to_string())
                .str("dead", p.dead_days.to_string()),
        ),
        h("Purchase plan", Text::new("inventory.how.purchase_plan")),
        h(
            "Simulation check",
            Text::new("inventory.how.simulation").int("days", p.holdout_days),
        ),
        h(
            "Trade-off curve",
            Text::new(if priced {
                "inventory.how.tradeoff"
            } else {
                "inventory.how.tradeoff_units"
            }),
        ),
    ]
}
