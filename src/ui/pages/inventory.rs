//! Inventory: per-SKU class, demand, safety stock, reorder point, order quantity, status and
//! stockout risk; a budget-constrained purchase plan (LP) with its binding constraints; the
//! replay check of the policies; projections and the cash-vs-service trade-off. All numbers come
//! from `analytics::inventory` in the worker. For orders without prices the page counts units
//! (ABC, replay, trade-off) and asks for no costs or budget (the report's `priced` says which).

use super::{unpriced, NeedData};
use crate::analytics::inventory::params::{OnHandAssumption, ServiceMeasure};
use crate::analytics::inventory::{InventoryParams, InventoryReport, Status};
use crate::protocol::Task;
use crate::ui::bridge;
use crate::ui::charts::{BandChart, HBarChart, HBarRow, Series};
use crate::ui::format;
use crate::ui::i18n::{say, t};
use crate::ui::progress::TaskProgress;
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
    cover_days: RwSignal<String>,
}

fn pct_str(v: f64) -> String {
    format!("{}", (v * 1000.0).round() / 10.0)
}

/// A stock status as shown to the user (the core's labels are English keys).
fn status_word(s: Status) -> &'static str {
    match s {
        Status::OrderNow => t("order now", "立即订货"),
        Status::OrderSoon => t("order soon", "即将订货"),
        Status::Healthy => t("healthy", "正常"),
        Status::Overstocked => t("overstocked", "积压"),
        Status::DeadStock => t("dead stock", "呆滞"),
        Status::NoDemand => t("no demand", "无需求"),
    }
}

/// A purchase-plan limit name from the core ("budget", "capacity", "supplier minimum: NAME").
// The guard form keeps the key visibly compared (tests/i18n.rs skips `==` literals).
#[allow(clippy::redundant_guards)]
fn constraint_name(name: &str) -> String {
    match name {
        "budget" => t("budget", "预算").into(),
        "capacity" => t("capacity", "仓库容量").into(),
        _ => match name.split_once(": ") {
            Some((key, s)) if key == "supplier minimum" => {
                crate::tr!("supplier minimum: {}", "供应商起订额：{}", s)
            }
            _ => name.to_string(),
        },
    }
}

/// A supplier from the core: SKUs without one are grouped as "(no supplier)".
fn supplier_name(s: &str) -> String {
    match s {
        "(no supplier)" => t("(no supplier)", "（无供应商）").into(),
        _ => s.to_string(),
    }
}

/// A replay row's class ("all", or an ABC / XYZ letter).
fn sim_class(c: &str) -> String {
    match c {
        "all" => t("all", "全部").into(),
        _ => c.to_string(),
    }
}

/// Titles of the "How was this computed?" sections.
fn how_title(title: &str) -> String {
    match title {
        "Classes" => t("Classes", "分类"),
        "Demand" => t("Demand", "需求"),
        "Lead-time demand" => t("Lead-time demand", "提前期需求"),
        "Reorder point and safety stock" => t("Reorder point and safety stock", "补货点与安全库存"),
        "Order quantity" => t("Order quantity", "订货量"),
        "Status" => t("Status", "状态"),
        "Purchase plan" => t("Purchase plan", "采购计划"),
        "Simulation check" => t("Simulation check", "回放检验"),
        "Trade-off curve" => t("Trade-off curve", "权衡曲线"),
        _ => return title.to_string(),
    }
    .into()
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
            cover_days: RwSignal::new(p.cover_days.to_string()),
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
        p.cover_days = parse(&self.cover_days)
            .filter(|v| *v > 0.0)
            .unwrap_or(p.cover_days);
        p
    }
}

fn run(state: AppState, mut params: InventoryParams) {
    // The page has no currency setting: money is in the orders' own currency (settings saved
    // by an earlier version carry a fixed "£").
    params.currency.clear();
    let stock = STOCK_FILE.with(|f| f.borrow().clone());
    if unpriced(state) && stock.is_none() {
        // Money limits need unit costs: without prices and without an inventory file the form
        // hides them, and a budget kept from a priced dataset is not applied.
        params.budget = None;
        params.supplier_minimum = None;
    }
    state.inventory_params.set(params.clone());
    match stock {
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
                <h1>{t("Inventory", "库存")}</h1>
                <span class="muted">{move || state.inventory.get().map(|p| crate::tr!("{} SKUs · as of {} · computed in {:.1} s", "{} 个 SKU · 截至 {} · 用时 {:.1} 秒", format::int(p.report.skus.len() as u64), p.report.data_end, p.millis / 1000.0)).unwrap_or_default()}</span>
            </div>
            <FormCard form=form/>
            <TaskProgress progress=state.inventory_progress testid="inv-progress"
                label=|done, total| crate::tr!("{} of {} products", "{} / {} 个商品", done, total)/>
            {move || match state.inventory.get() {
                None => view! { <section class="card empty" data-testid="inventory-loading"><p>{t("Working out stock policies for every product…", "正在为每个商品计算库存策略…")}</p></section> }.into_any(),
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
                <label class="btn small">{t("Inventory file (optional)…", "库存文件（可选）…")}
                    <input type="file" accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="inv-file" on:change=on_file/>
                </label>
                <span class="muted small">{move || file_name.get().map(|n| crate::tr!("Stock from {}", "库存来自 {}", n)).unwrap_or_else(|| if unpriced(state) {
                    t("No inventory file: stock on hand is assumed (see below). The orders have no prices: products are ranked by units and each order covers a number of days of demand.", "未提供库存文件：现有库存按下方的假设推算。订单没有价格：商品按销量排序，每次订货覆盖若干天的需求。").into()
                } else {
                    t("No inventory file: stock on hand is assumed (see below); costs are estimated from prices.", "未提供库存文件：现有库存按下方的假设推算，成本根据售价估算。").into()
                })}</span>
                {move || file_name.get().is_some().then(|| view! { <button class="btn small" on:click=clear_file>{t("Remove file", "移除文件")}</button> })}
            </div>
            <div class="params">
                <label>{t("Target ", "目标 ")}
                    <select aria-label=t("Service measure", "服务水平指标") on:change=move |ev| form.measure.set(if event_target_value(&ev) == "csl" { ServiceMeasure::CycleServiceLevel } else { ServiceMeasure::FillRate })>
                        <option value="fill" selected=move || form.measure.get() == ServiceMeasure::FillRate>{t("fill rate (share of demand served)", "满足率（需求被现货满足的比例）")}</option>
                        <option value="csl" selected=move || form.measure.get() == ServiceMeasure::CycleServiceLevel>{t("cycle service level (no stockout per cycle)", "周期服务水平（补货周期内不缺货）")}</option>
                    </select>
                </label>
                {field(t(" A ", " A 类 "), form.a, "inv-a", "%")}
                {field(t(" B ", " B 类 "), form.b, "inv-b", "%")}
                {field(t(" C ", " C 类 "), form.c, "inv-c", "%")}
            </div>
            <div class="params">
                {field(t("Lead time ", "提前期 "), form.lead, "inv-lead", t(" days", " 天"))}
                {field(" ± ", form.lead_sd, "inv-lead-sd", t(" days", " 天"))}
                {move || if unpriced(state) {
                    field(t(" Order ", " 每次订货 "), form.cover_days, "inv-cover-days", t(" days of demand", " 天的需求")).into_any()
                } else {
                    view! {
                        {field(t(" Holding cost ", " 持有成本 "), form.holding, "inv-holding", t(" %/year", " %/年"))}
                        {field(t(" Order cost ", " 每次订货成本 "), form.order_cost, "inv-order-cost", "")}
                        {field(t(" Unit cost if unknown ", " 未知单位成本 "), form.cost_ratio, "inv-cost-ratio", t(" % of price", " %（占售价）"))}
                    }.into_any()
                }}
                <label>{t(" Stock on hand if unknown ", " 未知现有库存时 ")}
                    <select aria-label=t("On-hand assumption", "现有库存假设") on:change=move |ev| form.on_hand.set(if event_target_value(&ev) == "zero" { OnHandAssumption::Zero } else { OnHandAssumption::Replay })>
                        <option value="replay" selected=move || form.on_hand.get() == OnHandAssumption::Replay>{t("as if the policy had been followed", "假设一直按策略补货")}</option>
                        <option value="zero" selected=move || form.on_hand.get() == OnHandAssumption::Zero>{t("zero (first purchase)", "为零（首次采购）")}</option>
                    </select>
                </label>
            </div>
            <div class="params">
                {move || (!unpriced(state) || file_name.get().is_some()).then(|| field(t("Purchase budget ", "采购预算 "), form.budget, "inv-budget", ""))}
                {field(t(" Warehouse capacity ", " 仓库容量 "), form.capacity, "inv-capacity", t(" units", " 件"))}
                {move || (!unpriced(state) || file_name.get().is_some()).then(|| field(t(" Supplier minimum order ", " 供应商起订额 "), form.supplier_min, "inv-supplier-min", ""))}
                <button class="btn small primary" data-testid="inv-run" on:click=move |_| go() disabled=move || state.inventory_busy.get()>
                    {move || if state.inventory_busy.get() { t("Computing…", "计算中…") } else { t("Recompute", "重新计算") }}
                </button>
            </div>
        </section>
    }
}

#[component]
fn Body(r: InventoryReport) -> impl IntoView {
    let cur = r.params.currency.clone();
    // Orders without prices: units instead of money, no cash figures.
    let priced = r.priced;
    // Products keyed by their name (no SKU column in the orders): one column, not two equal ones.
    let with_name = r.skus.iter().any(|s| s.description != s.sku);
    let status_filter = RwSignal::new(None::<String>);
    let order_now = r
        .status_counts
        .iter()
        .find(|s| s.status == Status::OrderNow)
        .map(|s| s.skus)
        .unwrap_or(0);
    // Dead stock and overstock: cash at unit cost, and how many products.
    let (slow_cash, slow_skus) = r
        .status_counts
        .iter()
        .filter(|s| matches!(s.status, Status::DeadStock | Status::Overstocked))
        .fold((0.0, 0usize), |(c, n), s| (c + s.tied_up_cash, n + s.skus));
    let total_skus = r.skus.len().max(1) as f64;
    // What is on hand at unit cost, over all statuses (the second series' denominator).
    let stock_value: f64 = r.status_counts.iter().map(|s| s.stock_value).sum();
    let status_rows: Vec<HBarRow> = r
        .status_counts
        .iter()
        .filter(|s| s.skus > 0)
        .map(|s| HBarRow {
            key: status_word(s.status).into(),
            label: format!("{} ({})", status_word(s.status), format::int(s.skus as u64)),
            values: if priced {
                vec![
                    s.skus as f64 / total_skus,
                    if stock_value > 0.0 {
                        s.stock_value / stock_value
                    } else {
                        0.0
                    },
                ]
            } else {
                vec![s.skus as f64 / total_skus]
            },
        })
        .collect();
    // Last year's season over the lead time, when the history reaches back a year.
    let seasonal = r.season.is_some();
    let sku_rows: Vec<Vec<Cell>> = r
        .skus
        .iter()
        .map(|s| {
            let mut row = vec![Cell::Text(s.sku.clone())];
            if with_name {
                row.push(Cell::Text(s.description.clone()));
            }
            row.extend([
                Cell::Text(s.class.clone()),
                Cell::Text(status_word(s.status).into()),
                num(s.demand_per_day, 2),
            ]);
            if seasonal {
                row.push(num(s.season_factor, 2));
            }
            row.extend([
                num(s.safety_stock, 0),
                num(s.reorder_point, 0),
                num(s.order_quantity, 0),
                Cell::Text(
                    if s.order_now {
                        t("yes", "是")
                    } else {
                        t("no", "否")
                    }
                    .into(),
                ),
                num(s.suggested_order, 0),
                num(s.days_of_cover.unwrap_or(f64::NAN), 0),
                num(s.stockout_risk, 3),
                num(s.on_hand, 0),
            ]);
            if priced {
                row.extend([num(s.unit_cost, 2), num(s.tied_up_cash, 0)]);
            }
            row.push(num(s.service_target, 3));
            row
        })
        .collect();
    let explain: Vec<(String, String)> = r
        .skus
        .iter()
        .take(2000)
        .map(|s| (s.sku.clone(), say(&s.explanation)))
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
            .map(|c| (c.skus, if priced { c.revenue } else { c.units }))
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
            name: if priced {
                t("Average stock value", "平均库存金额")
            } else {
                t("Average stock (units)", "平均库存（件）")
            }
            .into(),
            values: r.tradeoff.iter().map(|t| t.inventory_value).collect(),
            class: "c0".into(),
        },
        Series {
            name: t("of which safety stock", "其中安全库存").into(),
            values: r.tradeoff.iter().map(|t| t.safety_stock_value).collect(),
            class: "c1".into(),
        },
    ];
    let projections = r.projections.clone();
    let proj_choice = RwSignal::new(0usize);
    let how = r.how_computed.clone();
    let notes = r.notes.clone();
    let cur2 = cur.clone();
    let mut sku_columns = vec![Column::text("sku", t("SKU", "商品编码"))];
    if with_name {
        sku_columns.push(Column::text("description", t("Product", "商品")));
    }
    sku_columns.extend([
        Column::text("class", t("Class", "分类")),
        Column::text("status", t("Status", "状态")),
        Column::num("demand_per_day", t("Demand / day", "日需求")),
    ]);
    if seasonal {
        sku_columns.push(Column::num("season_factor", t("Season ×", "季节系数")));
    }
    sku_columns.extend([
        Column::num("safety_stock", t("Safety stock", "安全库存")),
        Column::num("reorder_point", t("Reorder point", "补货点")),
        Column::num("order_quantity", t("Order quantity", "订货量")),
        Column::text("order_now", t("Order now", "立即订货")),
        Column::num("suggested_order", t("Suggested order", "建议订货量")),
        Column::num("days_of_cover", t("Days of cover", "可售天数")),
        Column::num("stockout_risk", t("Stockout risk", "缺货风险")),
        Column::num("on_hand", t("On hand", "现有库存")),
    ]);
    if priced {
        sku_columns.extend([
            Column::num("unit_cost", t("Unit cost", "单位成本")),
            Column::num("tied_up_cash", t("Cash tied up", "滞压资金")),
        ]);
    }
    sku_columns.push(Column::num("service_target", t("Target", "目标")));
    // The status filter works on whichever position the status column has.
    let status_col = sku_columns
        .iter()
        .position(|c| c.key == "status")
        .unwrap_or(0);
    view! {
        <div class="kpis">
            <div class="kpi" data-testid="inv-order-now" data-value=order_now><div class="kpi-label">{t("Products to order now", "需立即订货的商品")}</div><div class="kpi-value">{format::int(order_now as u64)}</div></div>
            {if priced { view! {
                <div class="kpi"><div class="kpi-label">{t("Cash in slow stock", "滞销库存占用资金")}</div><div class="kpi-value">{format!("{cur}{}", format::num(slow_cash, 0))}</div>
                    <div class="muted small">{t("dead stock and overstock, at unit cost", "呆滞和积压库存，按单位成本计")}</div></div>
            }.into_any() } else { view! {
                <div class="kpi" data-testid="inv-slow" data-value=slow_skus><div class="kpi-label">{t("Products in slow stock", "滞销商品")}</div><div class="kpi-value">{format::int(slow_skus as u64)}</div>
                    <div class="muted small">{t("dead stock and overstock", "呆滞和积压库存")}</div></div>
            }.into_any() }}
            {sim.clone().map(|s| view! {
                <div class="kpi" data-testid="inv-sim-fill" data-value=format!("{:.4}", s.overall.fill_rate)><div class="kpi-label">{t("Replayed fill rate", "回放满足率")}</div>
                    <div class="kpi-value">{format!("{:.1}%", s.overall.fill_rate * 100.0)}</div>
                    <div class="muted small">{crate::tr!("target {:.1}% over the last {} days", "目标 {:.1}%，最近 {} 天", s.overall.target * 100.0, s.holdout_days)}</div></div>
            })}
        </div>
        <section class="card" data-testid="inv-status">
            <div class="card-head"><h2>{t("Status", "状态")}</h2>
                {move || status_filter.get().map(|s| view! { <button class="btn small" on:click=move |_| status_filter.set(None)>{crate::tr!("Show all (now: {})", "显示全部（当前：{}）", s)}</button> })}
            </div>
            <HBarChart rows=Signal::derive(move || status_rows.clone())
                series=if priced { vec![t("Share of products", "商品占比"), t("Share of stock value", "库存价值占比")] } else { vec![t("Share of products", "商品占比")] }
                title=t("Products by status", "各状态商品").to_string() on_select=Callback::new(move |k: String| status_filter.set(Some(k)))
                selected=Signal::derive(move || status_filter.get())/>
            <p class="muted small" data-testid="inv-status-value" data-value=format!("{stock_value:.2}")>{if priced {
                crate::tr!("Stock value: what is on hand at unit cost, {} in all (stock on hand is assumed where no inventory file gives it). Click a status to list its products.",
                    "库存价值：现有库存按单位成本计，共 {}（没有库存文件提供时，现有库存为假设值）。点击某一状态可列出其商品。",
                    format!("{cur}{}", format::num(stock_value, 0)))
            } else {
                t("Click a status to list its products.", "点击某一状态可列出其商品。").to_string()
            }}</p>
            <h3>{if priced { t("ABC (revenue) × XYZ (demand variability)", "ABC（销售额）× XYZ（需求波动）") } else { t("ABC (units sold) × XYZ (demand variability)", "ABC（销量）× XYZ（需求波动）") }}</h3>
            <table class="data-table matrix" data-testid="inv-matrix">
                <thead><tr><td></td><th class="num">{t("X: steady", "X：稳定")}</th><th class="num">{t("Y: variable", "Y：波动")}</th><th class="num">{t("Z: erratic", "Z：无规律")}</th></tr></thead>
                <tbody>{matrix.into_iter().map(|(a, cells)| view! {
                    <tr><th>{crate::tr!("{}: {}", "{}：{}", a, match a.as_str() { "A" if !priced => t("top 80% of units", "贡献前 80% 销量"), "A" => t("top 80% of revenue", "贡献前 80% 销售额"), "B" => t("next 15%", "其后 15%"), _ => t("last 5%", "最后 5%") })}</th>
                        {cells.into_iter().map(|(n, v)| {
                            let amount = if priced { crate::tr!("{} revenue", "销售额 {}", format!("{cur}{}", format::num(v, 0))) } else { crate::tr!("{} units", "{} 件", format::num(v, 0)) };
                            view! { <td class="num">{crate::tr!("{} SKUs", "{} 个 SKU", format::int(n as u64))}<br/><span class="muted small">{amount}</span></td> }
                        }).collect_view()}
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </section>
        <section class="card" data-testid="inv-skus">
            <h2>{move || match status_filter.get() { Some(s) => crate::tr!("Products — {}", "商品 — {}", s), None => t("All products", "全部商品").into() }}</h2>
            <p class="muted small">{if priced {
                t("Reorder point: order when stock on hand plus on order falls to it. Order quantity: the economic lot (ordering vs holding cost), rounded to minimum order and case pack. Click a product for the reasoning.",
                "补货点：现有库存加在途数量降到此值时下单。订货量：经济订货量（平衡订货成本与持有成本），并按最小起订量和整箱规格取整。点击商品查看计算依据。")
            } else {
                t("Reorder point: order when stock on hand plus on order falls to it. Order quantity: the demand of the chosen number of days (without prices there is no cost to balance), rounded to minimum order and case pack. Click a product for the reasoning.",
                "补货点：现有库存加在途数量降到此值时下单。订货量：所选天数的需求量（没有价格就没有成本可权衡），并按最小起订量和整箱规格取整。点击商品查看计算依据。")
            }}</p>
            <DataTable id="inventory" rows=Signal::derive(move || sku_rows.clone()) on_row=on_row filter=Signal::derive(move || status_filter.get().map(|s| (status_col, s))) columns=sku_columns/>
            {move || picked.get().and_then(|id| explain.iter().find(|(s, _)| *s == id).cloned()).map(|(s, e)| view! {
                <div class="explain-box" data-testid="inv-explain"><strong>{s}": "</strong>{e}</div>
            })}
        </section>
        {plan.map(|p| {
            // Without prices the plan counts units: no cost or margin columns.
            let lines: Vec<Vec<Cell>> = p.lines.iter().map(|l| {
                let mut row = vec![Cell::Text(supplier_name(&l.supplier)), Cell::Text(l.sku.clone()), num(l.quantity, 0)];
                if priced {
                    row.extend([num(l.cost, 2), num(l.expected_margin, 2)]);
                }
                row.push(Cell::Text(if l.full { t("full", "全部") } else { t("partial", "部分") }.into()));
                row
            }).collect();
            let sup: Vec<Vec<Cell>> = p.suppliers.iter().map(|s| {
                let mut row = vec![Cell::Text(supplier_name(&s.supplier)), num(s.lines as f64, 0), num(s.units, 0)];
                if priced {
                    row.extend([num(s.cost, 2), num(s.minimum, 2)]);
                }
                row
            }).collect();
            let mut line_columns = vec![
                Column::text("supplier", t("Supplier", "供应商")), Column::text("sku", t("SKU", "商品编码")), Column::num("quantity", t("Quantity", "数量")),
            ];
            let mut supplier_columns = vec![
                Column::text("supplier", t("Supplier", "供应商")), Column::num("lines", t("Lines", "行数")), Column::num("units", t("Units", "件数")),
            ];
            if priced {
                line_columns.extend([Column::num("cost", t("Cost", "成本")), Column::num("expected_margin", t("Expected margin", "预期毛利"))]);
                supplier_columns.extend([Column::num("cost", t("Cost", "成本")), Column::num("minimum", t("Minimum", "起订额"))]);
            }
            line_columns.push(Column::text("coverage", t("Covered", "满足程度")));
            view! {
                <section class="card" data-testid="inv-plan" data-feasible=p.feasible.to_string() data-cost=format!("{:.2}", p.total_cost) data-objective=format!("{:.4}", p.objective)>
                    <h2>{t("Purchase plan", "采购计划")}</h2>
                    <p class:lead=p.feasible class:small=p.feasible class:warn=!p.feasible>{say(&p.explanation)}</p>
                    {p.feasible.then(|| view! {
                        <div class="kpis">
                            {if priced { view! {
                                <div class="kpi"><div class="kpi-label">{t("Spend", "采购金额")}</div><div class="kpi-value">{format!("{cur2}{}", format::num(p.total_cost, 0))}</div></div>
                                <div class="kpi"><div class="kpi-label">{t("Expected margin", "预期毛利")}</div><div class="kpi-value">{format!("{cur2}{}", format::num(p.expected_margin, 0))}</div></div>
                            }.into_any() } else { view! {
                                <div class="kpi" data-testid="inv-plan-units" data-value=p.total_units><div class="kpi-label">{t("Units to buy", "采购件数")}</div><div class="kpi-value">{format::num(p.total_units, 0)}</div></div>
                            }.into_any() }}
                            <div class="kpi"><div class="kpi-label">{t("Products fully covered", "完全满足的商品")}</div><div class="kpi-value">{crate::tr!("{} of {}", "{} / {} 个", p.fully_covered, p.candidates)}</div></div>
                        </div>
                    })}
                    <ul class="constraints" data-testid="inv-constraints">{p.constraints.iter().map(|c| view! {
                        <li class:binding=c.binding><strong>{crate::tr!("{}{}: ", "{}{}：", constraint_name(&c.name), if c.binding { t(" (binding)", "（紧约束）") } else { "" })}</strong>{say(&c.sentence)}</li>
                    }).collect_view()}</ul>
                    <div class="two-col">
                        <div><h3>{t("Purchase order lines", "采购单明细")}</h3>
                            <DataTable id="purchase-order" rows=Signal::derive(move || lines.clone()) columns=line_columns/></div>
                        <div><h3>{t("Per supplier", "按供应商")}</h3>
                            <DataTable id="purchase-suppliers" rows=Signal::derive(move || sup.clone()) columns=supplier_columns/></div>
                    </div>
                </section>
            }
        })}
        {sim.map(|s| {
            // A class without products replayed has no fill rate to show.
            let rows: Vec<_> = std::iter::once(s.overall.clone())
                .chain(s.by_abc.iter().chain(&s.by_xyz).filter(|x| x.skus_with_demand > 0).cloned())
                .collect();
            view! {
                <section class="card" data-testid="inv-sim">
                    <h2>{t("Would these policies have worked? (replay)", "这些策略过去是否有效？（回放检验）")}</h2>
                    <p class="muted small">{say(&s.explanation)}</p>
                    <table class="data-table">
                        <thead><tr><th>{t("Class", "分类")}</th><th class="num">{t("Products", "商品数")}</th><th class="num">{t("Target", "目标")}</th><th class="num">{t("Achieved fill rate", "实际满足率")}</th><th class="num">{t("Gap", "差距")}</th><th class="num" title=t("Units sold in the replayed days against what the policies were set for", "回放期间的实际销量与策略设定时预期销量之比")>{t("Sales vs plan", "销量与预期")}</th><th class="num">{t("Stockout days", "缺货天数")}</th><th class="num">{if priced { t("Avg stock value", "平均库存金额") } else { t("Avg stock (units)", "平均库存（件）") }}</th><td></td></tr></thead>
                        <tbody>{rows.into_iter().map(|x| view! {
                            <tr class:flagged=x.flagged>
                                <td>{sim_class(&x.class)}</td><td class="num">{format::int(x.skus_with_demand as u64)}</td>
                                <td class="num">{format!("{:.1}%", x.target * 100.0)}</td><td class="num">{format!("{:.1}%", x.fill_rate * 100.0)}</td>
                                <td class="num">{crate::tr!("{:+.1} pts", "{:+.1} 个百分点", x.gap * 100.0)}</td>
                                <td class="num" data-testid=format!("inv-sim-vs-plan-{}", x.class)>{x.demand_vs_plan.map(|d| format!("{:+.0}%", (d * 100.0).round() + 0.0)).unwrap_or_else(|| "–".into())}</td>
                                <td class="num">{format::int(x.stockout_periods as u64)}</td>
                                <td class="num">{format::num(x.avg_on_hand_value, 0)}</td>
                                <td>{x.flagged.then_some(t("misses target", "未达目标"))}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                </section>
            }
        })}
        {(!projections.is_empty()).then(|| {
            let names: Vec<(usize, String)> = projections.iter().enumerate().map(|(i, p)| (i, if p.description.is_empty() || p.description == p.sku { p.sku.clone() } else { format!("{} — {}", p.sku, p.description) })).collect();
            let projections = StoredValue::new(projections);
            view! {
                <section class="card" data-testid="inv-projection">
                    <div class="card-head"><h2>{t("Stock projection", "库存走势预测")}</h2>
                        <select aria-label=t("Product", "商品") on:change=move |ev| proj_choice.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {names.into_iter().map(|(i, n)| view! { <option value=i.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </div>
                    {move || projections.with_value(|ps| ps.get(proj_choice.get()).cloned()).map(|p| {
                        let labels: Vec<String> = p.day.iter().map(|d| crate::tr!("day {}", "第 {} 天", d)).collect();
                        let n = p.day.len();
                        let lines = vec![
                            Series { name: t("On hand", "现有库存").into(), values: p.on_hand.clone(), class: "c0".into() },
                            Series { name: t("Reorder point", "补货点").into(), values: vec![p.reorder_point; n], class: "c1 dashed".into() },
                            Series { name: t("Safety stock", "安全库存").into(), values: vec![p.safety_stock; n], class: "c2 dashed".into() },
                            Series { name: t("Receipts", "到货").into(), values: p.receipts.iter().map(|r| if *r > 0.0 { *r } else { f64::NAN }).collect(), class: "c3".into() },
                        ];
                        view! {
                            <BandChart testid="inv-projection-chart" labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || lines.clone())
                                bands=Signal::derive(Vec::new) title=crate::tr!("Projected stock of {}", "{} 的预计库存", p.sku) decimals=0 from_zero=false/>
                        }
                    })}
                </section>
            }
        })}
        {(!r.tradeoff.is_empty()).then(|| view! {
            <section class="card" data-testid="inv-tradeoff">
                <h2>{if priced { t("Cash vs service level (whole catalogue)", "资金与服务水平（全部商品）") } else { t("Stock vs service level (whole catalogue)", "库存与服务水平（全部商品）") }}</h2>
                <p class="muted small">{if priced {
                    t("How much stock (at cost) the catalogue would hold on average for each service target: the last points of service are the most expensive.", "在每个服务水平目标下，全部商品平均要持有多少库存（按成本计）：最后几个百分点的服务水平最昂贵。")
                } else {
                    t("How many units the catalogue would hold on average for each service target: the last points of service need the most stock.", "在每个服务水平目标下，全部商品平均要持有多少件库存：最后几个百分点的服务水平需要的库存最多。")
                }}</p>
                <BandChart labels=Signal::derive(move || to_labels.clone()) lines=Signal::derive(move || to_lines.clone())
                    bands=Signal::derive(Vec::new)
                    title=if priced { t("Stock value by service level", "各服务水平下的库存金额").to_string() } else { t("Average stock by service level (units)", "各服务水平下的平均库存（件）").to_string() } decimals=0 height=240.0/>
            </section>
        })}
        <section class="card">
            <h2>{t("How was this computed?", "计算方法")}</h2>
            {how.into_iter().map(|h| view! { <details class="how"><summary>{how_title(&h.title)}</summary><p>{say(&h.text)}</p></details> }).collect_view()}
            {(!notes.is_empty()).then(|| view! { <ul class="notes">{notes.into_iter().map(|x| view! { <li>{say(&x)}</li> }).collect_view()}</ul> })}
        </section>
    }
}
