//! `shoplens inventory ORDERS [--inventory INVENTORY.csv] [--service-level 0.95] [--budget AMOUNT]
//! [--capacity UNITS] --out plan.csv [--json report.json]`
//!
//! Output (one row per SKU): `sku,abc,xyz,demand_per_day,safety_stock,reorder_point,
//! order_quantity,order_now,days_of_cover,stockout_risk` followed by extra columns (status,
//! on hand, tied-up cash, …). With `--budget`/`--capacity` the purchase plan (lines, LP
//! objective, binding constraints) is in the `--json` report, and `--po` writes it as a
//! purchase-order CSV (one block per supplier).

use std::path::PathBuf;

use shoplens::analytics::inventory::{
    self, stock, InventoryInput, InventoryParams, OnHandAssumption, ServiceMeasure,
};
use shoplens::export::to_csv;

#[derive(clap::Args)]
pub struct Args {
    /// Order lines (CSV, optionally .gz).
    pub orders: PathBuf,
    /// Inventory file: sku, on hand, on order, lead time, unit cost, MOQ, case pack, supplier, …
    #[arg(long)]
    pub inventory: Option<PathBuf>,
    /// One service target for every SKU (default: per class A 0.98, B 0.95, C 0.90).
    #[arg(long)]
    pub service_level: Option<f64>,
    /// Service measure: fill-rate or cycle (cycle service level).
    #[arg(long, default_value = "fill-rate")]
    pub measure: String,
    /// Cash budget of the purchase plan.
    #[arg(long)]
    pub budget: Option<f64>,
    /// Warehouse capacity (units) of the purchase plan.
    #[arg(long)]
    pub capacity: Option<f64>,
    /// The plan must bring every "order now" SKU back to its reorder point.
    #[arg(long)]
    pub require_urgent: bool,
    /// Default lead time in days.
    #[arg(long, default_value_t = 14.0)]
    pub lead_time: f64,
    /// Default order cost per purchase order.
    #[arg(long, default_value_t = 20.0)]
    pub order_cost: f64,
    /// Default holding cost per year as a share of unit cost.
    #[arg(long, default_value_t = 0.25)]
    pub holding_rate: f64,
    /// Unit cost = average price × this, when the cost is unknown.
    #[arg(long, default_value_t = 0.6)]
    pub cost_ratio: f64,
    /// Stock on hand when unknown: replay (policy replay on the history) or zero.
    #[arg(long, default_value = "replay")]
    pub on_hand: String,
    /// Random seed of the lead-time demand simulation.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Output CSV, one row per SKU.
    #[arg(long)]
    pub out: PathBuf,
    /// Lot size in days of demand for SKUs without a unit cost (orders without prices and no
    /// cost in the inventory file): there is no economic order quantity without one.
    #[arg(long, default_value_t = 30.0)]
    pub cover_days: f64,
    /// Full report (plan, LP objective, binding constraints, simulation, trade-off) as JSON.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Purchase-order CSV of the plan (supplier,sku,quantity,unit_cost,cost).
    #[arg(long)]
    pub po: Option<PathBuf>,
}

fn num(v: f64) -> String {
    if v.is_finite() {
        let r = (v * 10_000.0).round() / 10_000.0;
        format!("{r}")
    } else {
        String::new()
    }
}

pub fn run(args: Args) -> Result<(), String> {
    let measure = match args.measure.to_ascii_lowercase().as_str() {
        "fill-rate" | "fill_rate" | "fillrate" | "beta" => ServiceMeasure::FillRate,
        "cycle" | "csl" | "cycle-service-level" | "alpha" => ServiceMeasure::CycleServiceLevel,
        other => {
            return Err(format!(
                "--measure: expected fill-rate or cycle, got '{other}'"
            ))
        }
    };
    let on_hand = match args.on_hand.to_ascii_lowercase().as_str() {
        "replay" => OnHandAssumption::Replay,
        "zero" | "0" => OnHandAssumption::Zero,
        other => return Err(format!("--on-hand: expected replay or zero, got '{other}'")),
    };
    let params = InventoryParams {
        measure,
        service_level: args.service_level,
        budget: args.budget,
        capacity_units: args.capacity,
        require_urgent: args.require_urgent,
        lead_time_days: args.lead_time,
        order_cost: args.order_cost,
        holding_rate: args.holding_rate,
        cost_ratio: args.cost_ratio,
        on_hand,
        seed: args.seed,
        cover_days: args.cover_days,
        ..InventoryParams::default()
    };
    params.validate().map_err(|e| e.to_string())?;
    let data = super::import_orders(
        std::slice::from_ref(&args.orders),
        &shoplens::data::ImportOptions::default(),
    )?;
    let table = match &args.inventory {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Some(stock::parse(&p.display().to_string(), &bytes).map_err(|e| e.to_string())?)
        }
        None => None,
    };
    let input = InventoryInput {
        orders: &data,
        stock: table.as_ref(),
    };
    let report = inventory::run(&input, &params).map_err(|e| e.to_string())?;
    if !report.priced {
        eprintln!(
            "no prices in the orders: ABC by units sold, lots of {} days of demand where no unit cost is known; unit_cost and tied_up_cash are left empty there",
            params.cover_days
        );
    }
    // Money cells are empty where nothing gives a cost (orders without prices, no cost in the
    // inventory file).
    let money = |r: &inventory::SkuRow, v: f64| {
        if !report.priced && r.unit_cost <= 0.0 {
            String::new()
        } else {
            num(v)
        }
    };
    let headers = [
        "sku",
        "abc",
        "xyz",
        "demand_per_day",
        "safety_stock",
        "reorder_point",
        "order_quantity",
        "order_now",
        "days_of_cover",
        "stockout_risk",
        "description",
        "status",
        "service_target",
        "on_hand",
        "on_order",
        "suggested_order",
        "unit_cost",
        "tied_up_cash",
        "lead_time_demand_mean",
        "lead_time_demand_sd",
        "eoq",
        "simulated_fill_rate",
        "season_factor",
    ];
    let csv = to_csv(
        &headers,
        report.skus.iter().map(|r| {
            vec![
                r.sku.clone(),
                r.abc.key().to_string(),
                r.xyz.key().to_string(),
                num(r.demand_per_day),
                num(r.safety_stock),
                num(r.reorder_point),
                num(r.order_quantity),
                r.order_now.to_string(),
                r.days_of_cover.map(num).unwrap_or_default(),
                num(r.stockout_risk),
                r.description.clone(),
                r.status_label.clone(),
                num(r.service_target),
                num(r.on_hand),
                num(r.on_order),
                num(r.suggested_order),
                money(r, r.unit_cost),
                money(r, r.tied_up_cash),
                num(r.lead_time_demand_mean),
                num(r.lead_time_demand_sd),
                num(r.eoq),
                r.simulated_fill_rate.map(num).unwrap_or_default(),
                num(r.season_factor),
            ]
        }),
    );
    std::fs::write(&args.out, csv).map_err(|e| format!("{}: {e}", args.out.display()))?;
    if let Some(p) = &args.json {
        let js = super::json(&report)?;
        std::fs::write(p, js).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    if let (Some(p), Some(plan)) = (&args.po, &report.plan) {
        let csv = to_csv(
            &[
                "supplier",
                "sku",
                "quantity",
                "unit_cost",
                "cost",
                "expected_margin",
            ],
            plan.lines.iter().map(|l| {
                if !report.priced && l.cost <= 0.0 {
                    // No prices, no unit cost: the money cells stay empty.
                    return vec![
                        l.supplier.clone(),
                        l.sku.clone(),
                        num(l.quantity),
                        String::new(),
                        String::new(),
                        String::new(),
                    ];
                }
                vec![
                    l.supplier.clone(),
                    l.sku.clone(),
                    num(l.quantity),
                    num(if l.quantity > 0.0 {
                        l.cost / l.quantity
                    } else {
                        0.0
                    }),
                    num(l.cost),
                    num(l.expected_margin),
                ]
            }),
        );
        std::fs::write(p, csv).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let now = report.skus.iter().filter(|r| r.order_now).count();
    eprintln!(
        "inventory: {} SKUs ({} to order now), written to {}",
        report.skus.len(),
        now,
        args.out.display()
    );
    // SKUs and stock value (on hand at unit cost) per status, as the page's status chart.
    let parts: Vec<String> = report
        .status_counts
        .iter()
        .filter(|c| c.skus > 0)
        .map(|c| {
            if report.priced {
                format!(
                    "{} {} (stock value {}{:.2})",
                    c.label, c.skus, report.params.currency, c.stock_value
                )
            } else {
                format!("{} {}", c.label, c.skus)
            }
        })
        .collect();
    let total: f64 = report.status_counts.iter().map(|c| c.stock_value).sum();
    eprintln!(
        "status: {}{}",
        parts.join(", "),
        if report.priced {
            format!("; stock value in all {}{total:.2}", report.params.currency)
        } else {
            String::new()
        }
    );
    // What the page lists under the table: netted returns, left-out codes, the season…
    for n in &report.notes {
        eprintln!("shoplens inventory: {n}");
    }
    if let Some(sim) = &report.simulation {
        eprintln!("{}", sim.explanation);
    }
    if let Some(plan) = &report.plan {
        eprintln!("{}", plan.explanation);
        for c in &plan.constraints {
            eprintln!("{}", c.sentence);
        }
        if !plan.feasible {
            return Err(plan.explanation.en());
        }
    }
    Ok(())
}
