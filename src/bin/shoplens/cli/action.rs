//! `shoplens action ORDERS [--budget AMOUNT] [--capacity UNITS] [--churn-risk-min P]
//! [--spend SPEND.csv] [--promotions PROMO.csv] [--json]`: the action plan (same core as the Action plan page) —
//! customers to win back with items to recommend, SKUs to reorder under the budget (orders
//! without prices: under a capacity in units), ad budget shifts (with a spend file),
//! promotions to repeat or stop (with a promotion file), and the next A/B test with its sample
//! size. Text by default; `--json` prints the whole plan as JSON.

use std::path::PathBuf;

use shoplens::analytics::action::{self, ActionParams, Detail, Given, Missing};
use shoplens::analytics::marketing::mmm::MmmInput;
use shoplens::analytics::marketing::promo::PromoInput;
use shoplens::analytics::marketing::table::Table;
use shoplens::data::ImportOptions;

#[derive(clap::Args)]
pub struct Args {
    /// Order lines (CSV, optionally .gz).
    pub orders: PathBuf,
    /// Purchase budget of the reorder plan (default: half the cost of all urgent orders).
    #[arg(long)]
    pub budget: Option<f64>,
    /// Warehouse capacity of the reorder plan in units (orders without prices: default half
    /// the units of all urgent orders).
    #[arg(long)]
    pub capacity: Option<f64>,
    /// Win-back: list customers whose churn risk is at least this (0 to 1).
    #[arg(long, default_value_t = ActionParams::default().churn_risk_min)]
    pub churn_risk_min: f64,
    /// A/B test: the relative lift in the buying rate it should detect (0.10 = +10 %).
    #[arg(long, default_value_t = ActionParams::default().test_lift)]
    pub test_lift: f64,
    /// Ad-spend file (date, one spend column per channel, revenue) for the budget shift.
    #[arg(long)]
    pub spend: Option<PathBuf>,
    /// Promotion file (date, units, revenue, promo flag) for the repeat/stop decision.
    #[arg(long)]
    pub promotions: Option<PathBuf>,
    /// Print the plan as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

fn table(p: &std::path::Path) -> Result<Table, String> {
    let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    Table::from_bytes(name, &bytes).map_err(|e| e.to_string())
}

pub fn run(args: Args) -> Result<(), String> {
    let data = super::import_orders(
        std::slice::from_ref(&args.orders),
        &ImportOptions::default(),
    )?;
    let params = ActionParams {
        budget: args.budget,
        capacity: args.capacity,
        churn_risk_min: args.churn_risk_min,
        test_lift: args.test_lift,
        ..ActionParams::default()
    };
    let mmm_input = match &args.spend {
        Some(p) => Some(
            MmmInput::from_table(&table(p)?, &Default::default(), None)
                .map_err(|e| e.to_string())?,
        ),
        None => None,
    };
    let promo_input = match &args.promotions {
        Some(p) => {
            let t = table(p)?;
            Some(
                PromoInput::from_table(&t, &action::promo_spec_for(&t))
                    .map_err(|e| e.to_string())?,
            )
        }
        None => None,
    };
    let (plan, _) = action::run_on_dataset(
        &data,
        &params,
        Given {
            mmm_input: mmm_input.as_ref(),
            promo_input: promo_input.as_ref(),
            ..Given::default()
        },
        &mut |_, _| {},
    )
    .map_err(|e| e.to_string())?;
    if args.json {
        println!("{}", super::json(&plan)?);
        return Ok(());
    }
    print!("{}", text(&plan));
    Ok(())
}

/// The plan as plain text, one block per decision.
fn text(plan: &action::ActionPlan) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Action plan{}",
        plan.data_end
            .as_ref()
            .map(|d| format!(" (data up to {d})"))
            .unwrap_or_default()
    );
    for d in &plan.decisions {
        let _ = writeln!(s, "\n== {} ==", d.kind.key());
        if let Some(m) = &d.money {
            let _ = writeln!(
                s,
                "money effect ({:?}): {:.2} = {}{}",
                m.kind,
                m.value,
                m.formula,
                if m.conditional {
                    " (only if the lift is real)"
                } else {
                    ""
                }
            );
        }
        if let Some(v) = &d.volume {
            let _ = writeln!(s, "effect ({:?}): {:.2} = {}", v.kind, v.value, v.formula);
        }
        match &d.detail {
            Detail::WinBack(w) => {
                // Priced: by CLV; without prices: by purchase days (repeat customers only).
                let who = if w.priced {
                    format!(
                        "{} customers with CLV >= {:.2}",
                        w.qualifying, w.clv_threshold
                    )
                } else {
                    format!(
                        "{} repeat customers with purchase days >= {:.0}",
                        w.qualifying,
                        w.purchase_days_threshold.unwrap_or_default()
                    )
                };
                let _ = writeln!(
                    s,
                    "{who} (top {:.0}%) and churn risk >= {:.2}; listing {}:",
                    100.0 * (1.0 - w.clv_quantile),
                    w.churn_risk_min,
                    w.customers.len()
                );
                for c in &w.customers {
                    let items: Vec<&str> = c.items.iter().map(|i| i.item_id.as_str()).collect();
                    let worth = if w.priced {
                        format!("CLV {:.2}", c.clv)
                    } else {
                        format!(
                            "purchase days {}  expected purchases {:.2}",
                            c.purchase_days, c.expected_purchases
                        )
                    };
                    let _ = writeln!(
                        s,
                        "  {}  {worth}  churn risk {:.3}  recommend {}",
                        c.customer_id,
                        c.churn_risk,
                        items.join(", ")
                    );
                }
            }
            Detail::Reorder(r) if !r.priced => {
                let _ = writeln!(
                    s,
                    "{} lines, {:.0} units within a capacity of {:.0} units{}; {} of {} SKUs covered in full",
                    r.lines.len(),
                    r.total_units,
                    r.capacity.unwrap_or_default(),
                    if r.capacity_is_default { " (default: half the units of the urgent orders)" } else { "" },
                    r.fully_covered,
                    r.candidates
                );
                for l in r.lines.iter().take(20) {
                    let _ = writeln!(
                        s,
                        "  {}  qty {:.0}  stockout risk {:.3}",
                        l.sku, l.quantity, l.stockout_risk
                    );
                }
            }
            Detail::Reorder(r) => {
                let _ = writeln!(
                    s,
                    "{} lines, {:.0} units, cost {:.2} of budget {:.2}{}; {} of {} SKUs covered in full",
                    r.lines.len(),
                    r.total_units,
                    r.total_cost,
                    r.budget,
                    if r.budget_is_default { " (default: half the urgent orders)" } else { "" },
                    r.fully_covered,
                    r.candidates
                );
                for l in r.lines.iter().take(20) {
                    let _ = writeln!(
                        s,
                        "  {}  qty {:.0}  cost {:.2}  margin {:.2}  stockout risk {:.3}",
                        l.sku, l.quantity, l.cost, l.expected_margin, l.stockout_risk
                    );
                }
            }
            Detail::AdBudget(a) => {
                let _ = writeln!(
                    s,
                    "budget {:.2} over {} periods: revenue {:.2} -> {:.2} ({:+.1}%){}",
                    a.total_budget,
                    a.periods,
                    a.revenue_current,
                    a.revenue_optimal,
                    a.lift_pct,
                    if a.reliable {
                        ""
                    } else {
                        " [model failed identification checks]"
                    }
                );
                for c in &a.channels {
                    let _ = writeln!(
                        s,
                        "  {}  {:.2} -> {:.2} per period",
                        c.name, c.current_per_period, c.optimal_per_period
                    );
                }
            }
            Detail::Promotion(p) => {
                let _ = writeln!(
                    s,
                    "{}: incremental {:.2} [{:.2}, {:.2}] -> {:?}",
                    p.label, p.incremental, p.ci_low, p.ci_high, p.verdict
                );
            }
            Detail::NextTest(t) => {
                let _ = writeln!(
                    s,
                    "test {}: baseline {:.4} ({:?}) -> {:.4}; {} per variant, {} in total, pool {}, {} days",
                    t.subject.key(),
                    t.baseline,
                    t.baseline_source,
                    t.target_rate,
                    t.per_variant,
                    t.total,
                    t.pool,
                    t.duration_days
                );
                if let Some(l) = t.min_detectable_lift {
                    let _ = writeln!(
                        s,
                        "with the pool of {} the test detects a lift of {:.1}% or more ({:.4} -> {:.4}); the asked lift of {:.1}% needs more customers",
                        t.pool,
                        100.0 * l,
                        t.baseline,
                        t.baseline * (1.0 + l),
                        100.0 * t.lift
                    );
                }
            }
            Detail::Missing(m) => {
                // `{:?}` of the variant as it read when the messages were strings.
                let said = |variant: &str, message: &shoplens::text::Text| {
                    format!("not available: {variant} {{ message: {:?} }}", message.en())
                };
                let why = match m {
                    Missing::NoSpendFile => "needs an ad-spend file (--spend)".to_string(),
                    Missing::NoPromotion => "needs a promotion file (--promotions)".to_string(),
                    Missing::NoCustomers { message } => said("NoCustomers", message),
                    Missing::NoInventory { message } => said("NoInventory", message),
                    Missing::NothingToReorder { message } => said("NothingToReorder", message),
                    Missing::NoAllocation { message } => said("NoAllocation", message),
                    Missing::NoAtRiskCustomers {
                        churn_risk_min,
                        purchase_days_threshold: Some(days),
                        ..
                    } => format!(
                        "not available: no repeat customer with purchase days >= {days:.0} has churn risk >= {churn_risk_min:.2}"
                    ),
                    Missing::NoAtRiskCustomers {
                        clv_threshold,
                        churn_risk_min,
                        purchase_days_threshold: None,
                    } => format!(
                        "not available: NoAtRiskCustomers {{ clv_threshold: {clv_threshold:?}, churn_risk_min: {churn_risk_min:?} }}"
                    ),
                    other => format!("not available: {other:?}"),
                };
                let _ = writeln!(s, "{why}");
            }
        }
    }
    s
}
