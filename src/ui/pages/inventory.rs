//! Inventory: per-SKU class, demand, safety stock, reorder point, order quantity, status and
//! stockout risk; a budget-constrained purchase plan (LP) with its binding constraints; the
//! replay check of the policies; projections and the cash-vs-service trade-off. All numbers come
//! from `analytics::inventory` in the worker.

use super::NeedData;
use crate::analytics::inventory::params::{OnHandAssumption, ServiceMeasure};
use crate::analytics::inventory::{InventoryParams, InventoryReport};
use crate::protocol::Task;
use crate::ui::bridge;
use crate::ui::charts::{BandChart, HBarChart, HBarRow, Series};
use crate::ui::format;
use crate::ui::state::AppState;
use crate::ui::table::{number as num, Cell, Column, DataTable};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::Blob;

thread_local! {
    /// The chosen inventory file (name, handle), kept for re-runs.
    static STOCK_FILE: RefCell<Option<(String, Blob)>> = const { RefCell::new(None) };
}

/// The parameter form (lives with the page, so edits survive a report landing).
#[derive(Clone, Copy)]
struct Form {
    measure: RwSignal<ServiceMeasure>,
    a: RwSignal<String>,
    b: RwSignal<String>,
    c: RwSignal<String>,
    lead: RwSignal<String>,
    lead_sd: RwSignal<String>,
    holding: RwSignal<String>,
    order_cost: RwSignal<String>,
    cost_ratio: RwSignal<String>,
    on_hand: RwSignal<OnHandAssumption>,
    budget: RwSignal<String>,
    capacity: RwSignal<String>,
    supplier_min: RwSignal<String>,
}

fn pct_str(v: f64) -> String {
    format!("{}", (v * 1000.0).round() / 10.0)
}

fn parse(s: &RwSignal<String>) -> Option<f64> {
    s.get_untracked()
        .trim()
        .replace([',', '%'], "")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

impl Form {
    fn new(p: &InventoryParams) -> Self {
        let opt = |v: Option<f64>| RwSignal::new(v.map(|x| x.to_string()).unwrap_or_default());
        Form {
            measure: RwSignal::new(p.measure),
            a: RwSignal::new(pct_str(p.class_targets.a)),
            b: RwSignal::new(pct_str(p.class_targets.b)),
            c: RwSignal::new(pct_str(p.class_targets.c)),
            lead: RwSignal::new(p.lead_time_days.to_string()),
            lead_sd: RwSignal::new(p.lead_time_sd_days.to_string()),
            holding: RwSignal::new(pct_str(p.holding_rate)),
            order_cost: RwSignal::new(p.order_cost.to_string()),
            cost_ratio: RwSignal::new(pct_str(p.cost_ratio)),
            on_hand: RwSignal::new(p.on_hand),
            budget: opt(p.budget),
            capacity: opt(p.capacity_units),
            supplier_min: opt(p.supplier_minimum),
        }
    }

    /// Parameters from the form; fields left empty or unreadable keep their previous value.
    fn params(&self, base: &InventoryParams) -> InventoryParams {
        let mut p = base.clone();
        p.measure = self.measure.get_untracked();
        let pct = |s: &RwSignal<String>, d: f64| parse(s).map(|v| v / 100.0).unwrap_or(d);
        p.class_targets.a = pct(&self.a, p.class_targets.a);
        p.class_targets.b = pct(&self.b, p.class_targets.b);
        p.class_targets.c = pct(&self.c, p.class_targets.c);
        p.lead_time_days = parse(&self.lead).unwrap_or(p.lead_time_days);
        p.lead_time_sd_days = parse(&self.lead_sd).unwrap_or(p.lead_time_sd_days);
        p.holding_rate = pct(&self.holding, p.holding_rate);
        p.order_cost = parse(&self.order_cost).unwrap_or(p.order_cost);
        p.cost_ratio = pct(&self.cost_ratio, p.cost_ratio);
        p.on_hand = self.on_hand.get_untracked();
        p.budget = parse(&self.budget).filter(|v| *v > 0.0);
        p.capacity_units = parse(&self.capacity).filter(|v| *v > 0.0);
        p.supplier_minimum = parse(&self.supplier_min).filter(|v| *v > 0.0);
        p
    }
}

fn run(state: AppState, params: InventoryParams) {
    state.inventory_params.set(params.clone());
    match STOCK_FILE.with(|f| f.borrow().clone()) {
        Some((name, blob)) => bridge::analyze_with_files(
            state,
            Task::Inventory {
                params,
                stock_file: Some(name),
            },
            &[blob],
        ),
        None => bridge::analyze(
            state,
            Task::Inventory {
                params,
                stock_file: None,
            },
        ),
    }
}

#[component]
pub fn Inventory() -> impl IntoView {
    let state = expect_context::<AppState>();
    let form = Form::new(&state.inventory_params.get_untracked());
    Effect::new(move |_| {
        let gen = state.dataset_gen.get();
        let have = state.report.with(Option::is_some);
        let fresh = state
            .inventory
            .with_untracked(|c| c.as_ref().map(|c| c.gen == gen).unwrap_or(false));
        if have && !fresh && !state.inventory_busy.get_untracked() {
            run(state, state.inventory_params.get_untracked());
        }
    });
    move || {
        if state.report.with(Option::is_none) {
            return view! { <NeedData/> }.into_any();
        }
        view! {
            <div class="page-head">
                <h1>"Inventory"</h1>
                <span class="muted">{move || state.inventory.get().map(|p| format!("{} SKUs · as of {} · computed in {:.1} s", format::int(p.report.skus.len() as u64), p.report.data_end, p.millis / 1000.0)).unwrap_or_default()}</span>
            </div>
            <FormCard form=form/>
            {move || state.inventory_progress.get().map(|(done, total)| {
                let pct = if total > 0 { done as f64 / total as f64 * 100.0 } else { 0.0 };
                view! {
                    <div class="task-progress" data-testid="inv-progress" role="status">
                        <span>{format!("{} of {} products", format::int(done as u64), format::int(total as u64))}</span>
                        <progress max="100" value=pct></progress>
                    </div>
                }
            })}
            {move || match state.inventory.get() {
                None => view! { <section class="card empty" data-testid="inventory-loading"><p>"Working out stock policies for every product…"</p></section> }.into_any(),
                Some(p) => view! { <Body r=p.report/> }.into_any(),
            }}
        }
        .into_any()
    }
}

#[component]
fn FormCard(form: Form) -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_name = RwSignal::new(STOCK_FILE.with(|f| f.borrow().as_ref().map(|(n, _)| n.clone())));
    let go = move || run(state, form.params(&state.inventory_params.get_untracked()));
    let on_file = move |ev: web_sys::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|l| l.get(0));
        if let Some(f) = file {
            let name = f.name();
            STOCK_FILE.with(|s| *s.borrow_mut() = Some((name.clone(), f.unchecked_into::<Blob>())));
            file_name.set(Some(name));
            go();
        }
    };
    let clear_file = move |_| {
        STOCK_FILE.with(|s| *s.borrow_mut() = None);
        file_name.set(None);
        go();
    };
    let field = |label: &'static str,
                 sig: RwSignal<String>,
                 testid: &'static str,
                 unit: &'static str| {
        view! {
            <label>{label}
                <input type="text" class="short" data-testid=testid prop:value=move || sig.get() on:change=move |ev| sig.set(event_target_value(&ev))/>
                {unit}
            </label>
        }
    };
    view! {
        <section class="card params-card" data-testid="inventory-form">
            <div class="params">
                <label class="btn small">"Inventory file (optional)…"
                    <input type="file" accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="inv-file" on:change=on_file/>
                </label>
                <span class="muted small">{move || file_name.get().map(|n| format!("Stock from {n}")).unwrap_or_else(|| "No inventory file: stock on hand is assumed (see below); costs are estimated from prices.".into())}</span>
                {move || file_name.get().is_some().then(|| view! { <button class="btn small" on:click=clear_file>"Remove file"</button> })}
            </div>
            <div class="params">
                <label>"Target "
                    <select aria-label="Service measure" on:change=move |ev| form.measure.set(if event_target_value(&ev) == "csl" { ServiceMeasure::CycleServiceLevel } else { ServiceMeasure::FillRate })>
                        <option value="fill" selected=move || form.measure.get() == ServiceMeasure::FillRate>"fill rate (share of demand served)"</option>
                        <option value="csl" selected=move || form.measure.get() == ServiceMeasure::CycleServiceLevel>"cycle service level (no stockout per cycle)"</option>
                    </select>
                </label>
                {field(" A ", form.a, "inv-a", "%")}
                {field(" B ", form.b, "inv-b", "%")}
                {field(" C ", form.c, "inv-c", "%")}
            </div>
            <div class="params">
                {field("Lead time ", form.lead, "inv-lead", " days")}
                {field(" ± ", form.lead_sd, "inv-lead-sd", " days")}
                {field(" Holding cost ", form.holding, "inv-holding", " %/year")}
                {field(" Order cost ", form.order_cost, "inv-order-cost", "")}
                {field(" Unit cost if unknown ", form.cost_ratio, "inv-cost-ratio", " % of price")}
                <label>" Stock on hand if unknown "
                    <select aria-label="On-hand assumption" on:change=move |ev| form.on_hand.set(if event_target_value(&ev) == "zero" { OnHandAssumption::Zero } else { OnHandAssumption::Replay })>
                        <option value="replay" selected=move || form.on_hand.get() == OnHandAssumption::Replay>"as if the policy had been followed"</option>
                        <option value="zero" selected=move || form.on_hand.get() == OnHandAssumption::Zero>"zero (first purchase)"</option>
                    </select>
                </label>
            </div>
            <div class="params">
                {field("Purchase budget ", form.budget, "inv-budget", "")}
                {field(" Warehouse capacity ", form.capacity, "inv-capacity", " units")}
                {field(" Supplier minimum order ", form.supplier_min, "inv-supplier-min", "")}
                <button class="btn small primary" data-testid="inv-run" on:click=move |_| go() disabled=move || state.inventory_busy.get()>
                    {move || if state.inventory_busy.get() { "Computing…" } else { "Recompute" }}
                </button>
            </div>
        </section>
    }
}

#[component]
fn Body(r: InventoryReport) -> impl IntoView {
    let cur = r.params.currency.clone();
    let status_filter = RwSignal::new(None::<String>);
    let order_now = r
        .status_counts
        .iter()
        .find(|s| s.label == "order now")
        .map(|s| s.skus)
        .unwrap_or(0);
    let slow_cash: f64 = r
        .status_counts
        .iter()
        .filter(|s| s.label == "dead stock" || s.label == "overstocked")
        .map(|s| s.tied_up_cash)
        .sum();
    let total_skus = r.skus.len().max(1) as f64;
    let status_rows: Vec<HBarRow> = r
        .status_counts
        .iter()
        .filter(|s| s.skus > 0)
        .map(|s| HBarRow {
            key: s.label.clone(),
            label: format!("{} ({})", s.label, format::int(s.skus as u64)),
            values: vec![
                s.skus as f64 / total_skus,
                if r.tied_up_cash_total > 0.0 {
                    s.tied_up_cash / r.tied_up_cash_total
                } else {
                    0.0
                },
            ],
        })
        .collect();
    let sku_rows: Vec<Vec<Cell>> = r
        .skus
        .iter()
        .map(|s| {
            vec![
                Cell::Text(s.sku.clone()),
                Cell::Text(s.description.clone()),
                Cell::Text(s.class.clone()),
                Cell::Text(s.status_label.clone()),
                num(s.demand_per_day, 2),
                num(s.safety_stock, 0),
                num(s.reorder_point, 0),
                num(s.order_quantity, 0),
                Cell::Text(if s.order_now { "yes" } else { "no" }.into()),
                num(s.suggested_order, 0),
                num(s.days_of_cover.unwrap_or(f64::NAN), 0),
                num(s.stockout_risk, 3),
                num(s.on_hand, 0),
                num(s.unit_cost, 2),
                num(s.tied_up_cash, 0),
                num(s.service_target, 3),
            ]
        })
        .collect();
    let explain: Vec<(String, String)> = r
        .skus
        .iter()
        .take(2000)
        .map(|s| (s.sku.clone(), s.explanation.clone()))
        .collect();
    let picked = RwSignal::new(None::<String>);
    let on_row = Callback::new(move |id: String| picked.set(Some(id)));
    let sim = r.simulation.clone();
    let plan = r.plan.clone();
    // ABC × XYZ matrix.
    let cell = |a: &str, x: &str| {
        r.class_matrix
            .iter()
            .find(|c| format!("{:?}", c.abc) == a && format!("{:?}", c.xyz) == x)
            .map(|c| (c.skus, c.revenue))
            .unwrap_or((0, 0.0))
    };
    let matrix: Vec<(String, Vec<(usize, f64)>)> = ["A", "B", "C"]
        .iter()
        .map(|a| {
            (
                a.to_string(),
                ["X", "Y", "Z"].iter().map(|x| cell(a, x)).collect(),
            )
        })
        .collect();
    // Trade-off curve.
    let to_labels: Vec<String> = r
        .tradeoff
        .iter()
        .map(|t| format!("{:.1}%", t.service_level * 100.0))
        .collect();
    let to_lines = vec![
        Series {
            name: "Average stock value".into(),
            values: r.tradeoff.iter().map(|t| t.inventory_value).collect(),
            class: "c0".into(),
        },
        Series {
            name: "of which safety stock".into(),
            values: r.tradeoff.iter().map(|t| t.safety_stock_value).collect(),
            class: "c1".into(),
        },
    ];
    let projections = r.projections.clone();
    let proj_choice = RwSignal::new(0usize);
    let how = r.how_computed.clone();
    let notes = r.notes.clone();
    let cur2 = cur.clone();
    view! {
        <div class="kpis">
            <div class="kpi" data-testid="inv-order-now" data-value=order_now><div class="kpi-label">"Products to order now"</div><div class="kpi-value">{format::int(order_now as u64)}</div></div>
            <div class="kpi"><div class="kpi-label">"Cash in slow stock"</div><div class="kpi-value">{format!("{cur}{}", format::num(slow_cash, 0))}</div>
                <div class="muted small">"dead stock and overstock, at unit cost"</div></div>
            {sim.clone().map(|s| view! {
                <div class="kpi" data-testid="inv-sim-fill" data-value=format!("{:.4}", s.overall.fill_rate)><div class="kpi-label">"Replayed fill rate"</div>
                    <div class="kpi-value">{format!("{:.1}%", s.overall.fill_rate * 100.0)}</div>
                    <div class="muted small">{format!("target {:.1}% over the last {} days", s.overall.target * 100.0, s.holdout_days)}</div></div>
            })}
        </div>
        <section class="card" data-testid="inv-status">
            <div class="card-head"><h2>"Status"</h2>
                {move || status_filter.get().map(|s| view! { <button class="btn small" on:click=move |_| status_filter.set(None)>{format!("Show all (now: {s})")}</button> })}
            </div>
            <HBarChart rows=Signal::derive(move || status_rows.clone()) series=vec!["Share of products", "Share of cash in stock"]
                title="Products by status".to_string() on_select=Callback::new(move |k: String| status_filter.set(Some(k)))
                selected=Signal::derive(move || status_filter.get())/>
            <h3>"ABC (revenue) × XYZ (demand variability)"</h3>
            <table class="data-table matrix" data-testid="inv-matrix">
                <thead><tr><th></th><th class="num">"X: steady"</th><th class="num">"Y: variable"</th><th class="num">"Z: erratic"</th></tr></thead>
                <tbody>{matrix.into_iter().map(|(a, cells)| view! {
                    <tr><th>{format!("{a}: {}", match a.as_str() { "A" => "top 80% of revenue", "B" => "next 15%", _ => "last 5%" })}</th>
                        {cells.into_iter().map(|(n, rev)| view! { <td class="num">{format!("{} SKUs", format::int(n as u64))}<br/><span class="muted small">{format::num(rev, 0)}</span></td> }).collect_view()}
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </section>
        <section class="card" data-testid="inv-skus">
            <h2>{move || match status_filter.get() { Some(s) => format!("Products — {s}"), None => "All products".into() }}</h2>
            <p class="muted small">"Reorder point: order when stock on hand plus on order falls to it. Order quantity: the economic lot (ordering vs holding cost), rounded to minimum order and case pack. Click a product for the reasoning."</p>
            <DataTable id="inventory" rows=Signal::derive(move || sku_rows.clone()) on_row=on_row filter=Signal::derive(move || status_filter.get().map(|s| (3usize, s))) columns=vec![
                Column::text("sku", "SKU"), Column::text("description", "Product"), Column::text("class", "Class"), Column::text("status", "Status"),
                Column::num("demand_per_day", "Demand / day"), Column::num("safety_stock", "Safety stock"), Column::num("reorder_point", "Reorder point"),
                Column::num("order_quantity", "Order quantity"), Column::text("order_now", "Order now"), Column::num("suggested_order", "Suggested order"),
                Column::num("days_of_cover", "Days of cover"), Column::num("stockout_risk", "Stockout risk"), Column::num("on_hand", "On hand"),
                Column::num("unit_cost", "Unit cost"), Column::num("tied_up_cash", "Cash in stock"), Column::num("service_target", "Target"),
            ]/>
            {move || picked.get().and_then(|id| explain.iter().find(|(s, _)| *s == id).cloned()).map(|(s, e)| view! {
                <div class="explain-box" data-testid="inv-explain"><strong>{s}": "</strong>{e}</div>
            })}
        </section>
        {plan.map(|p| {
            let lines: Vec<Vec<Cell>> = p.lines.iter().map(|l| vec![
                Cell::Text(l.supplier.clone()), Cell::Text(l.sku.clone()), num(l.quantity, 0), num(l.cost, 2), num(l.expected_margin, 2),
                Cell::Text(if l.full { "full" } else { "partial" }.into()),
            ]).collect();
            let sup: Vec<Vec<Cell>> = p.suppliers.iter().map(|s| vec![
                Cell::Text(s.supplier.clone()), num(s.lines as f64, 0), num(s.units, 0), num(s.cost, 2), num(s.minimum, 2),
            ]).collect();
            view! {
                <section class="card" data-testid="inv-plan" data-feasible=p.feasible.to_string() data-cost=format!("{:.2}", p.total_cost) data-objective=format!("{:.4}", p.objective)>
                    <h2>"Purchase plan"</h2>
                    <p class=if p.feasible { "lead small" } else { "warn" }>{p.explanation.clone()}</p>
                    {p.feasible.then(|| view! {
                        <div class="kpis">
                            <div class="kpi"><div class="kpi-label">"Spend"</div><div class="kpi-value">{format!("{cur2}{}", format::num(p.total_cost, 0))}</div></div>
                            <div class="kpi"><div class="kpi-label">"Expected margin"</div><div class="kpi-value">{format!("{cur2}{}", format::num(p.expected_margin, 0))}</div></div>
                            <div class="kpi"><div class="kpi-label">"Products fully covered"</div><div class="kpi-value">{format!("{} of {}", p.fully_covered, p.candidates)}</div></div>
                        </div>
                    })}
                    <ul class="constraints" data-testid="inv-constraints">{p.constraints.iter().map(|c| view! {
                        <li class:binding=c.binding><strong>{format!("{}{}: ", c.name, if c.binding { " (binding)" } else { "" })}</strong>{c.sentence.clone()}</li>
                    }).collect_view()}</ul>
                    <div class="two-col">
                        <div><h3>"Purchase order lines"</h3>
                            <DataTable id="purchase-order" rows=Signal::derive(move || lines.clone()) columns=vec![
                                Column::text("supplier", "Supplier"), Column::text("sku", "SKU"), Column::num("quantity", "Quantity"),
                                Column::num("cost", "Cost"), Column::num("expected_margin", "Expected margin"), Column::text("coverage", "Covered"),
                            ]/></div>
                        <div><h3>"Per supplier"</h3>
                            <DataTable id="purchase-suppliers" rows=Signal::derive(move || sup.clone()) columns=vec![
                                Column::text("supplier", "Supplier"), Column::num("lines", "Lines"), Column::num("units", "Units"),
                                Column::num("cost", "Cost"), Column::num("minimum", "Minimum"),
                            ]/></div>
                    </div>
                </section>
            }
        })}
        {sim.map(|s| {
            let rows: Vec<_> = std::iter::once(s.overall.clone()).chain(s.by_abc.iter().cloned()).chain(s.by_xyz.iter().cloned()).collect();
            view! {
                <section class="card" data-testid="inv-sim">
                    <h2>"Would these policies have worked? (replay)"</h2>
                    <p class="muted small">{s.explanation.clone()}</p>
                    <table class="data-table">
                        <thead><tr><th>"Class"</th><th class="num">"Products"</th><th class="num">"Target"</th><th class="num">"Achieved fill rate"</th><th class="num">"Gap"</th><th class="num">"Stockout days"</th><th class="num">"Avg stock value"</th><th></th></tr></thead>
                        <tbody>{rows.into_iter().map(|x| view! {
                            <tr class:flagged=x.flagged>
                                <td>{x.class.clone()}</td><td class="num">{format::int(x.skus_with_demand as u64)}</td>
                                <td class="num">{format!("{:.1}%", x.target * 100.0)}</td><td class="num">{format!("{:.1}%", x.fill_rate * 100.0)}</td>
                                <td class="num">{format!("{:+.1} pts", x.gap * 100.0)}</td><td class="num">{format::int(x.stockout_periods as u64)}</td>
                                <td class="num">{format::num(x.avg_on_hand_value, 0)}</td>
                                <td>{x.flagged.then_some("misses target")}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                </section>
            }
        })}
        {(!projections.is_empty()).then(|| {
            let names: Vec<(usize, String)> = projections.iter().enumerate().map(|(i, p)| (i, format!("{} — {}", p.sku, p.description))).collect();
            let projections = StoredValue::new(projections);
            view! {
                <section class="card" data-testid="inv-projection">
                    <div class="card-head"><h2>"Stock projection"</h2>
                        <select aria-label="Product" on:change=move |ev| proj_choice.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {names.into_iter().map(|(i, n)| view! { <option value=i.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </div>
                    {move || projections.with_value(|ps| ps.get(proj_choice.get()).cloned()).map(|p| {
                        let labels: Vec<String> = p.day.iter().map(|d| format!("day {d}")).collect();
                        let n = p.day.len();
                        let lines = vec![
                            Series { name: "On hand".into(), values: p.on_hand.clone(), class: "c0".into() },
                            Series { name: "Reorder point".into(), values: vec![p.reorder_point; n], class: "c1 dashed".into() },
                            Series { name: "Safety stock".into(), values: vec![p.safety_stock; n], class: "c2 dashed".into() },
                            Series { name: "Receipts".into(), values: p.receipts.iter().map(|r| if *r > 0.0 { *r } else { f64::NAN }).collect(), class: "c3".into() },
                        ];
                        view! {
                            <BandChart testid="inv-projection-chart" labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || lines.clone())
                                bands=Signal::derive(Vec::new) title=format!("Projected stock of {}", p.sku) decimals=0 from_zero=false/>
                        }
                    })}
                </section>
            }
        })}
        {(!r.tradeoff.is_empty()).then(|| view! {
            <section class="card" data-testid="inv-tradeoff">
                <h2>"Cash vs service level (whole catalogue)"</h2>
                <p class="muted small">"How much stock (at cost) the catalogue would hold on average for each service target: the last points of service are the most expensive."</p>
                <BandChart labels=Signal::derive(move || to_labels.clone()) lines=Signal::derive(move || to_lines.clone())
                    bands=Signal::derive(Vec::new) title="Stock value by service level".to_string() decimals=0 height=240.0/>
            </section>
        })}
        <section class="card">
            <h2>"How was this computed?"</h2>
            {how.into_iter().map(|h| view! { <details class="how"><summary>{h.title}</summary><p>{h.text}</p></details> }).collect_view()}
            {(!notes.is_empty()).then(|| view! { <ul class="notes">{notes.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul> })}
        </section>
    }
}
