//! Customers: RFM segments, k-means clusters, cohorts, CLV (BG/NBD + Gamma-Gamma), churn risk,
//! and a profile drawer per customer. All numbers come from `analytics::customers` in the worker.

use super::NeedData;
use crate::analytics::customers::{CustomersReport, ModelStatus};
use crate::protocol::Task;
use crate::ui::bridge;
use crate::ui::charts::{BarLineChart, HBarChart, HBarRow, Heatmap, Point, ScatterChart, Series};
use crate::ui::format;
use crate::ui::state::AppState;
use crate::ui::table::{number as num, Cell, Column, DataTable};
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn Customers() -> impl IntoView {
    let state = expect_context::<AppState>();
    // (Re)compute when the data changed since the last report.
    Effect::new(move |_| {
        let gen = state.dataset_gen.get();
        let have = state.report.with(Option::is_some);
        let fresh = state
            .customers
            .with_untracked(|c| c.as_ref().map(|c| c.gen == gen).unwrap_or(false));
        if have && !fresh && !state.customers_busy.get_untracked() {
            let params = state.customers_params.get_untracked();
            bridge::analyze(state, Task::Customers { params });
        }
    });
    move || {
        if state.report.with(Option::is_none) {
            return view! { <NeedData/> }.into_any();
        }
        match state.customers.get() {
            None => view! {
                <section class="card empty" data-testid="customers-loading">
                    <h1>"Customers"</h1><p>"Analysing customers… (RFM, clusters, cohorts, lifetime value)"</p>
                </section>
            }
            .into_any(),
            Some(p) => view! { <CustomersBody report=p.report millis=p.millis/> }.into_any(),
        }
    }
}

#[component]
fn CustomersBody(report: CustomersReport, millis: f64) -> impl IntoView {
    let state = expect_context::<AppState>();
    let report = StoredValue::new(report);
    let r = report.get_value();
    let selected_segment = RwSignal::new(None::<String>);
    let k_choice = RwSignal::new(r.params.k.map(|k| k.to_string()).unwrap_or_default());
    let cal_end = RwSignal::new(r.params.calibration_end.clone().unwrap_or_default());
    let horizon = RwSignal::new(r.params.horizon_days.to_string());
    let rerun = move |_| {
        let mut params = state.customers_params.get_untracked();
        params.k = k_choice.get_untracked().parse().ok();
        params.calibration_end = Some(cal_end.get_untracked()).filter(|s| !s.is_empty());
        params.horizon_days = horizon.get_untracked().parse().unwrap_or(365);
        state.customers_params.set(params.clone());
        bridge::analyze(state, Task::Customers { params });
    };

    // Segment chart rows.
    let seg_rows: Vec<HBarRow> = r
        .segments
        .iter()
        .filter(|s| s.customers > 0)
        .map(|s| HBarRow {
            key: s.name.clone(),
            label: format!("{} ({})", s.name, format::int(s.customers)),
            values: vec![s.customer_share, s.revenue_share],
        })
        .collect();
    let seg_meaning: Vec<(String, String)> = r
        .segments
        .iter()
        .map(|s| (s.name.clone(), s.meaning.clone()))
        .collect();

    // Customer table: RFM joined with CLV.
    let clv_by_id: HashMap<String, (f64, f64)> = r
        .clv
        .rows
        .iter()
        .map(|c| (c.customer_id.clone(), (c.p_alive, c.clv)))
        .collect();
    let seg_names: HashMap<_, _> = r
        .segments
        .iter()
        .map(|s| (s.segment, s.name.clone()))
        .collect();
    let customer_rows: Vec<Vec<Cell>> = r
        .rfm
        .iter()
        .map(|c| {
            let (p_alive, clv) = clv_by_id
                .get(&c.customer_id)
                .copied()
                .unwrap_or((f64::NAN, f64::NAN));
            vec![
                Cell::Text(c.customer_id.clone()),
                Cell::Text(seg_names.get(&c.segment).cloned().unwrap_or_default()),
                num(c.recency_days as f64, 0),
                num(c.frequency as f64, 0),
                num(c.monetary, 2),
                Cell::Text(format!("{}{}{}", c.r_score, c.f_score, c.m_score)),
                Cell::Text(c.cluster.map(|k| format!("{}", k + 1)).unwrap_or_default()),
                num(p_alive, 3),
                num(clv, 2),
            ]
        })
        .collect();
    let customer_rows = Signal::derive(move || customer_rows.clone());
    let seg_filter = Signal::derive(move || selected_segment.get().map(|s| (1usize, s)));
    let open_profile = Callback::new(move |id: String| {
        state.profile.set(None);
        bridge::analyze(state, Task::CustomerProfile { customer_id: id });
    });

    // Clusters.
    let cl = r.clusters.clone();
    let cluster_rows: Vec<Vec<Cell>> = cl
        .clusters
        .iter()
        .map(|c| {
            vec![
                Cell::Text(format!("{}", c.id + 1)),
                Cell::Text(c.description.clone()),
                num(c.size as f64, 0),
                num(c.typical_recency_days, 0),
                num(c.typical_frequency, 1),
                num(c.typical_monetary, 0),
            ]
        })
        .collect();
    let elbow_labels: Vec<String> = cl.elbow.iter().map(|(k, _)| format!("k={k}")).collect();
    let elbow_series = vec![Series {
        name: "Inertia (within-cluster spread)".into(),
        values: cl.elbow.iter().map(|(_, i)| *i).collect(),
        class: "c0".into(),
    }];

    // Cluster scatter: each customer at (days since last order, revenue), coloured by cluster.
    let cluster_names: Vec<String> = cl
        .clusters
        .iter()
        .map(|c| format!("{} — {}", c.id + 1, c.description))
        .collect();
    let points: Vec<Point> = r
        .rfm
        .iter()
        .filter_map(|c| {
            c.cluster.map(|k| Point {
                x: c.recency_days as f64,
                y: c.monetary,
                group: k,
                label: format!(
                    "{}: {} days, {} orders, revenue {} (cluster {})",
                    c.customer_id,
                    c.recency_days,
                    c.frequency,
                    format::num(c.monetary, 0),
                    k + 1
                ),
            })
        })
        .collect();

    // Cohorts heatmap (retention).
    let co = &r.cohorts;
    let max_off = co.cohorts.iter().map(|c| c.cells.len()).max().unwrap_or(0);
    let row_labels: Vec<String> = co
        .cohorts
        .iter()
        .map(|c| format!("{} ({})", c.cohort, c.size))
        .collect();
    let col_labels: Vec<String> = (0..max_off).map(|m| format!("+{m}")).collect();
    let values: Vec<Vec<Option<f64>>> = co
        .cohorts
        .iter()
        .map(|c| c.cells.iter().map(|cell| Some(cell.retention)).collect())
        .collect();
    let hover: Vec<Vec<String>> = co
        .cohorts
        .iter()
        .map(|c| {
            c.cells
                .iter()
                .enumerate()
                .map(|(m, cell)| {
                    format!(
                        "{} cohort, month +{m}: {} of {} customers active ({}), revenue per customer {}",
                        c.cohort,
                        format::int(cell.active),
                        format::int(c.size),
                        format::pct(cell.retention),
                        format::num(cell.revenue_per_customer, 2)
                    )
                })
                .collect()
        })
        .collect();

    view! {
        <div class="page-head">
            <h1>"Customers"</h1>
            <span class="muted">{format!("{} customers · snapshot {} · computed in {:.2} s", format::int(r.customers), r.snapshot_date, millis / 1000.0)}</span>
        </div>
        <section class="card params">
            <label>"Clusters "
                <select on:change=move |ev| k_choice.set(event_target_value(&ev)) aria-label="Number of clusters">
                    <option value="" selected=r.params.k.is_none()>"automatic"</option>
                    {(2..=8).map(|k| view! { <option value=k.to_string() selected=r.params.k == Some(k)>{k.to_string()}</option> }).collect_view()}
                </select>
            </label>
            <label>" Lifetime value horizon (days) "
                <input type="number" min="7" max="3650" prop:value=move || horizon.get() on:change=move |ev| horizon.set(event_target_value(&ev))/>
            </label>
            <label>" Check the model from "
                <input type="date" prop:value=move || cal_end.get() on:change=move |ev| cal_end.set(event_target_value(&ev))/>
            </label>
            <button class="btn small primary" on:click=rerun disabled=move || state.customers_busy.get()>
                {move || if state.customers_busy.get() { "Computing…" } else { "Recompute" }}
            </button>
            <p class="muted small">{format!("{} guest lines (no customer id) are left out of this page.", format::int(r.guest_lines_excluded))}</p>
        </section>

        <section class="card" data-testid="segments">
            <div class="card-head"><h2>"Segments"</h2>
                {move || selected_segment.get().map(|s| view! {
                    <button class="btn small" on:click=move |_| selected_segment.set(None)>{format!("Show all (now: {s})")}</button>
                })}
            </div>
            <p class="muted small">"Each customer gets 1–5 for Recency, Frequency and Monetary value (5 = best fifth); the pair of R and F scores places them on the standard RFM grid. Click a segment to list its customers."</p>
            <HBarChart rows=Signal::derive(move || seg_rows.clone()) series=vec!["Share of customers", "Share of revenue"]
                title="Segments by customers and revenue".to_string()
                on_select=Callback::new(move |k: String| selected_segment.set(Some(k)))
                selected=Signal::derive(move || selected_segment.get())/>
            <table class="data-table" data-testid="segment-table">
                <thead><tr><th>"Segment"</th><th class="num">"Customers"</th><th class="num">"Revenue"</th><th>"What it means"</th></tr></thead>
                <tbody>
                    {r.segments.iter().filter(|s| s.customers > 0).map(|s| {
                        let name = s.name.clone();
                        view! {
                            <tr class="clickable" on:click=move |_| selected_segment.set(Some(name.clone()))>
                                <td>{s.name.clone()}</td>
                                <td class="num">{format::int(s.customers)}</td>
                                <td class="num">{format::num(s.revenue, 0)}</td>
                                <td class="small">{seg_meaning.iter().find(|(n, _)| *n == s.name).map(|(_, m)| m.clone()).unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>

        <section class="card" data-testid="customer-table">
            <h2>{move || match selected_segment.get() { Some(s) => format!("Customers — {s}"), None => "All customers".to_string() }}</h2>
            <p class="muted small">"Click a customer for their profile. Download the list for an email campaign."</p>
            <DataTable id="customers" rows=customer_rows filter=seg_filter on_row=open_profile columns=vec![
                Column::text("customer_id", "Customer"), Column::text("segment", "Segment"),
                Column::num("recency_days", "Days since last order"), Column::num("frequency", "Orders"),
                Column::num("monetary", "Revenue"), Column::text("rfm", "RFM"), Column::text("cluster", "Cluster"),
                Column::num("p_alive", "P(active)"), Column::num("clv", "Predicted value"),
            ]/>
        </section>
        <ProfileDrawer/>

        <ClvSection report=r.clone()/>

        <section class="card" data-testid="clusters">
            <h2>{format!("Clusters (k = {}, chosen by {})", cl.k, cl.chosen_by)}</h2>
            <p class="muted small">{cl.explanation.clone()}</p>
            <DataTable id="clusters" rows=Signal::derive(move || cluster_rows.clone()) page_size=10 columns=vec![
                Column::text("cluster", "Cluster"), Column::text("description", "In plain words"),
                Column::num("customers", "Customers"), Column::num("recency_days", "Typical days since last order"),
                Column::num("orders", "Typical orders"), Column::num("revenue", "Typical revenue"),
            ]/>
            {(!points.is_empty()).then(|| view! {
                <h3>"Customers by cluster"</h3>
                <ScatterChart testid="cluster-scatter" points=points groups=cluster_names title="Customers by recency and revenue, coloured by cluster"
                    x_label="Days since last order" y_label="Revenue (log scale)" log_y=true/>
            })}
            {(!cl.elbow.is_empty()).then(|| view! {
                <h3>"Elbow: spread within clusters by k"</h3>
                <BarLineChart labels=Signal::derive(move || elbow_labels.clone()) series=Signal::derive(move || elbow_series.clone())
                    title="Elbow curve".to_string() height=200.0 decimals=1/>
            })}
        </section>

        <section class="card" data-testid="cohorts">
            <h2>"Cohorts: share of each month's new customers who buy again"</h2>
            <p class="muted small">{co.explanation.clone()}</p>
            <Heatmap row_labels=row_labels col_labels=col_labels values=values hover=hover title="Monthly retention by acquisition cohort".to_string()/>
        </section>

        <ChurnSection report=r.clone()/>
    }
}

#[component]
fn ClvSection(report: CustomersReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let c = report.clv.clone();
    if c.status == ModelStatus::TooThin {
        return view! {
            <section class="card" data-testid="clv">
                <h2>"Lifetime value and churn risk"</h2>
                <p class="warn">{c.message.clone()}</p>
            </section>
        }
        .into_any();
    }
    let mut at_risk: Vec<_> = c.rows.iter().filter(|r| r.frequency > 0).cloned().collect();
    // Expected value lost = churn risk × typical order value × purchase days; ties (e.g. the
    // boundary case, where no one is predicted to drop out) by predicted value.
    at_risk.sort_by(|a, b| {
        let ka = a.churn_risk * a.expected_avg_value * (a.frequency as f64 + 1.0);
        let kb = b.churn_risk * b.expected_avg_value * (b.frequency as f64 + 1.0);
        kb.partial_cmp(&ka)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(
                b.clv
                    .partial_cmp(&a.clv)
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
    });
    let clv_rows: Vec<Vec<Cell>> = c
        .rows
        .iter()
        .map(|r| {
            vec![
                Cell::Text(r.customer_id.clone()),
                num(r.frequency as f64, 0),
                num(r.recency_weeks, 1),
                num(r.t_weeks, 1),
                num(r.p_alive, 3),
                num(r.expected_purchases, 2),
                num(r.expected_avg_value, 2),
                num(r.clv, 2),
            ]
        })
        .collect();
    let risk_rows: Vec<Vec<Cell>> = at_risk
        .iter()
        .take(200)
        .map(|r| {
            vec![
                Cell::Text(r.customer_id.clone()),
                num(r.frequency as f64 + 1.0, 0),
                num(r.churn_risk, 3),
                num(r.expected_avg_value, 2),
                num(r.clv, 2),
            ]
        })
        .collect();
    let open_profile = Callback::new(move |id: String| {
        state.profile.set(None);
        bridge::analyze(state, Task::CustomerProfile { customer_id: id });
    });
    let holdout = c.holdout.clone();
    view! {
        <section class="card" data-testid="clv">
            <h2>"Lifetime value and churn risk"</h2>
            <p class="small">{c.message.clone()}</p>
            {c.boundary_explanation.clone().map(|e| view! { <p class="note">{e}</p> })}
            {(!c.method_explanation.is_empty()).then(|| view! { <p class="small" data-testid="clv-method">{c.method_explanation.clone()}</p> })}
            <div class="stats wide">
                {c.bgnbd.map(|p| view! {
                    <div class="stat"><span class="stat-label">"BG/NBD r, α, a, b"</span>
                        <span class="stat-value">{format!("{:.3}, {:.2}, {:.3}, {:.3}", p.r, p.alpha, p.a, p.b)}</span></div>
                })}
                {c.gamma_gamma.map(|g| view! {
                    <div class="stat"><span class="stat-label">"Gamma-Gamma p, q, v"</span>
                        <span class="stat-value">{format!("{:.3}, {:.3}, {:.1}", g.p, g.q, g.v)}</span></div>
                })}
                <div class="stat"><span class="stat-label">"Calibration end"</span><span class="stat-value">{c.calibration_end.clone()}</span></div>
                <div class="stat"><span class="stat-label">"Repeat customers"</span><span class="stat-value">{format::int(c.repeaters)}</span></div>
            </div>
            {holdout.map(|h| {
                let labels: Vec<String> = h.buckets.iter().map(|b| b.label.clone()).collect();
                let series = vec![
                    Series { name: "Actual purchases in the check period".into(), values: h.buckets.iter().map(|b| b.actual_mean).collect(), class: "c0".into() },
                    Series { name: "Predicted".into(), values: h.buckets.iter().map(|b| b.predicted_mean).collect(), class: "c1".into() },
                ];
                view! {
                    <h3>{format!("Does the model predict well? Check on {} to {}", h.holdout_start, h.holdout_end)}</h3>
                    <p class="small">{h.explanation.clone()}</p>
                    {h.rate_lift.map(|l| view! { <p class="small muted" data-testid="clv-rate-lift">{format!(
                        "In the check period customers bought {:.0}% {} often per week than before it: a seasonal change the model cannot see in the earlier data.",
                        (l - 1.0).abs() * 100.0, if l >= 1.0 { "more" } else { "less" })}</p> })}
                    <p class="small">{format!("Mean absolute error per customer {:.3} purchases (plain fit {:.3}); predicted / actual total {:.3} (plain fit {:.3}).",
                        h.model.mae, h.plain_mle.mae, h.model.sum_ratio, h.plain_mle.sum_ratio)}</p>
                    <BarLineChart labels=Signal::derive(move || labels.clone()) series=Signal::derive(move || series.clone())
                        title="Mean purchases per customer by number of repeat purchases before the check".to_string() height=220.0/>
                }
            })}
            <h3>"Valuable customers at risk"</h3>
            <p class="muted small">"Customers who bought more than once, ordered by churn risk × typical order value × orders: the first people to win back."</p>
            {(!c.churn_risk_explanation.is_empty()).then(|| view! { <p class="small" data-testid="churn-method">{c.churn_risk_explanation.clone()}</p> })}
            <DataTable id="at-risk" rows=Signal::derive(move || risk_rows.clone()) on_row=open_profile page_size=10 columns=vec![
                Column::text("customer_id", "Customer"), Column::num("purchase_days", "Purchase days"),
                Column::num("churn_risk", "Churn risk"), Column::num("expected_avg_value", "Typical order value"),
                Column::num("clv", "Predicted value"),
            ]/>
            <details class="how"><summary>"How was this computed?"</summary>
                {c.notes.iter().map(|n| view! { <p><strong>{n.key.clone()}</strong>": "{n.meaning.clone()}</p> }).collect_view()}
            </details>
            <h3>"All customers"</h3>
            <DataTable id="clv" rows=Signal::derive(move || clv_rows.clone()) page_size=10 columns=vec![
                Column::text("customer_id", "Customer"), Column::num("frequency", "Repeat days"),
                Column::num("recency_weeks", "Recency (weeks)"), Column::num("t_weeks", "Age (weeks)"),
                Column::num("p_alive", "P(active)"), Column::num("expected_purchases", "Expected purchases"),
                Column::num("expected_avg_value", "Expected order value"), Column::num("clv", "CLV"),
            ]/>
        </section>
    }
    .into_any()
}

#[component]
fn ChurnSection(report: CustomersReport) -> impl IntoView {
    let ch = report.churn.clone();
    let auc = |v: Option<f64>| v.map(|v| format!("{v:.3}")).unwrap_or_else(|| "–".into());
    let conf = |c: Option<crate::analytics::customers::churn::Confusion>| {
        c.map(|c| {
            view! {
                <table class="data-table confusion">
                    <thead><tr><th></th><th class="num">"Predicted churn"</th><th class="num">"Predicted stays"</th></tr></thead>
                    <tbody>
                        <tr><th>"Churned"</th><td class="num">{format::int(c.true_positive)}</td><td class="num">{format::int(c.false_negative)}</td></tr>
                        <tr><th>"Stayed"</th><td class="num">{format::int(c.false_positive)}</td><td class="num">{format::int(c.true_negative)}</td></tr>
                    </tbody>
                </table>
            }
        })
    };
    view! {
        <section class="card" data-testid="churn">
            <h2>"Who will stop buying? Churn classifier check"</h2>
            <p class="small">{ch.message.clone()}</p>
            <p class="muted small">{ch.explanation.clone()}</p>
            <table class="data-table">
                <thead><tr><th>"Model"</th><th class="num">"ROC AUC (1 = perfect, 0.5 = coin toss)"</th></tr></thead>
                <tbody>
                    <tr><td>"Gaussian naive Bayes"</td><td class="num">{auc(ch.auc_naive_bayes)}</td></tr>
                    <tr><td>"Logistic regression"</td><td class="num">{auc(ch.auc_logistic)}</td></tr>
                    <tr><td>"BG/NBD 1 − P(alive)"</td><td class="num">{auc(ch.auc_bgnbd)}</td></tr>
                    <tr><td>"BG/NBD expected purchases"</td><td class="num">{auc(ch.auc_bgnbd_expected)}</td></tr>
                </tbody>
            </table>
            <div class="two-col">
                <div><h3>"Naive Bayes"</h3>{conf(ch.confusion_naive_bayes)}</div>
                <div><h3>"Logistic regression"</h3>{conf(ch.confusion_logistic)}</div>
            </div>
        </section>
    }
}

/// The profile drawer of the clicked customer.
#[component]
fn ProfileDrawer() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.profile.get().map(|p| {
            let timeline_labels: Vec<String> = p.orders.iter().map(|o| o.date.clone()).collect();
            let timeline = vec![Series {
                name: "Order value".into(),
                values: p.orders.iter().map(|o| o.revenue).collect(),
                class: "c0".into(),
            }];
            view! {
                <aside class="drawer card" data-testid="profile" aria-label="Customer profile">
                    <div class="card-head">
                        <h2>{format!("Customer {}", p.customer_id)}</h2>
                        <button class="btn small" aria-label="Close" on:click=move |_| state.profile.set(None)>"×"</button>
                    </div>
                    <div class="stats wide">
                        <div class="stat"><span class="stat-label">"Segment"</span><span class="stat-value">{p.segment_name.clone()}</span></div>
                        <div class="stat"><span class="stat-label">"Cluster"</span><span class="stat-value">{p.cluster_description.clone().unwrap_or_else(|| "–".into())}</span></div>
                        <div class="stat"><span class="stat-label">"Revenue"</span><span class="stat-value">{format::num(p.revenue, 2)}</span></div>
                        <div class="stat"><span class="stat-label">"Days since last order"</span><span class="stat-value">{p.recency_days.to_string()}</span></div>
                        <div class="stat"><span class="stat-label">"P(still active)"</span><span class="stat-value">{p.p_alive.map(|v| format!("{v:.2}")).unwrap_or_else(|| "–".into())}</span></div>
                        <div class="stat"><span class="stat-label">"Predicted value"</span><span class="stat-value">{p.clv.map(|v| format::num(v, 2)).unwrap_or_else(|| "–".into())}</span></div>
                    </div>
                    <h3>{format!("{} orders", p.orders.len())}</h3>
                    <BarLineChart labels=Signal::derive(move || timeline_labels.clone()) series=Signal::derive(move || timeline.clone())
                        title="Orders over time".to_string() height=180.0/>
                    <h3>"Top products"</h3>
                    <ul class="small">
                        {p.top_products.iter().map(|t| view! { <li>{format!("{} — {}", t.name, format::num(t.revenue, 2))}</li> }).collect_view()}
                    </ul>
                    {(!p.top_categories.is_empty()).then(|| view! {
                        <h3>"Top categories"</h3>
                        <ul class="small">
                            {p.top_categories.iter().map(|t| view! { <li>{format!("{} — {}", t.name, format::num(t.revenue, 2))}</li> }).collect_view()}
                        </ul>
                    })}
                </aside>
            }
        })
    }
}
