//! Customers: RFM segments, k-means clusters, cohorts, CLV (BG/NBD + Gamma-Gamma), churn risk,
//! and a profile drawer per customer. All numbers come from `analytics::customers` in the worker.
//! For a file without prices the page ranks by units and shows purchase predictions without money
//! (the report's `measure` and `clv.priced` say which).

use super::NeedData;
use crate::analytics::customers::rfm::Segment;
use crate::analytics::customers::{CustomersReport, Measure, ModelStatus};
use crate::protocol::Task;
use crate::ui::bridge;
use crate::ui::charts::{BarLineChart, HBarChart, HBarRow, Heatmap, Point, ScatterChart, Series};
use crate::ui::format;
use crate::ui::i18n::{say, t};
use crate::ui::state::AppState;
use crate::ui::table::{money, number as num, Cell, Column, DataTable};
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
                    <h1>{t("Customers", "客户")}</h1><p>{t("Analysing customers… (RFM, clusters, cohorts, lifetime value)", "正在分析客户…（RFM、聚类、同期群、客户终身价值）")}</p>
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
    // Money carries the orders' currency, as on the Overview (the CSV keeps plain numbers).
    let cur = state.money_symbol();
    let report = StoredValue::new(report);
    let r = report.get_value();
    // No prices in the file: M is units bought, and no value in money is shown.
    let units = r.measure == Measure::Units;
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
            key: segment_name(s.segment).to_string(),
            label: format!("{} ({})", segment_name(s.segment), format::int(s.customers)),
            values: vec![
                s.customer_share,
                if units {
                    s.units_share
                } else {
                    s.revenue_share
                },
            ],
        })
        .collect();

    // Customer table: RFM joined with CLV.
    let clv_by_id: HashMap<String, (Cell, f64)> = r
        .clv
        .rows
        .iter()
        .map(|c| (c.customer_id.clone(), (p_alive_cell(c), c.clv)))
        .collect();
    let seg_names: HashMap<_, _> = r
        .segments
        .iter()
        .map(|s| (s.segment, segment_name(s.segment).to_string()))
        .collect();
    let customer_rows: Vec<Vec<Cell>> = r
        .rfm
        .iter()
        .map(|c| {
            let (p_alive, clv) = clv_by_id
                .get(&c.customer_id)
                .cloned()
                .unwrap_or((num(f64::NAN, 3), f64::NAN));
            let mut row = vec![
                Cell::Text(c.customer_id.clone()),
                Cell::Text(seg_names.get(&c.segment).cloned().unwrap_or_default()),
                num(c.recency_days as f64, 0),
                num(c.frequency as f64, 0),
                if units {
                    num(c.units, 0)
                } else {
                    money(c.monetary, &cur)
                },
                if units {
                    num(c.returned_units, 0)
                } else {
                    money(c.returned, &cur)
                },
                Cell::Text(format!("{}{}{}", c.r_score, c.f_score, c.m_score)),
                Cell::Text(c.cluster.map(|k| format!("{}", k + 1)).unwrap_or_default()),
                p_alive,
            ];
            if !units {
                row.push(money(clv, &cur));
            }
            row
        })
        .collect();
    let mut customer_columns = vec![
        Column::text("customer_id", t("Customer", "客户")),
        Column::text("segment", t("Segment", "分层")),
        Column::num("recency_days", t("Days since last order", "距上次下单天数")),
        Column::num("frequency", t("Orders", "订单数")),
        if units {
            Column::num("units", t("Units", "件数"))
        } else {
            Column::num("monetary", t("Revenue", "销售额"))
        },
        // What the customer cancelled or returned (RFM counts what was bought).
        if units {
            Column::num("returned_units", t("Units returned", "退货件数"))
        } else {
            Column::num("returned", t("Returned", "退货金额"))
        },
        Column::text("rfm", "RFM"),
        Column::text("cluster", t("Cluster", "聚类")),
        Column::num("p_alive", t("P(active)", "活跃概率")),
    ];
    if !units {
        customer_columns.push(Column::num("clv", t("Predicted value", "预测价值")));
    }
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
                Cell::Text(cluster_words(&c.description)),
                num(c.size as f64, 0),
                num(c.typical_recency_days, 0),
                num(c.typical_frequency, 1),
                num(c.typical_monetary, if units { 1 } else { 0 }),
            ]
        })
        .collect();
    let elbow_labels: Vec<String> = cl.elbow.iter().map(|(k, _)| format!("k={k}")).collect();
    let elbow_series = vec![Series {
        name: t("Inertia (within-cluster spread)", "惯性（簇内离散度）").into(),
        values: cl.elbow.iter().map(|(_, i)| *i).collect(),
        class: "c0".into(),
    }];

    // Cluster scatter: each customer at (days since last order, revenue), coloured by cluster.
    let cluster_names: Vec<String> = cl
        .clusters
        .iter()
        .map(|c| format!("{} — {}", c.id + 1, cluster_words(&c.description)))
        .collect();
    let points: Vec<Point> = r
        .rfm
        .iter()
        .filter_map(|c| {
            c.cluster.map(|k| Point {
                x: c.recency_days as f64,
                y: if units { c.units } else { c.monetary },
                group: k,
                label: if units {
                    crate::tr!(
                        "{}: {} days, {} orders, {} units (cluster {})",
                        "{}：{} 天，{} 笔订单，{} 件（第 {} 类）",
                        c.customer_id,
                        c.recency_days,
                        c.frequency,
                        format::num(c.units, 0),
                        k + 1
                    )
                } else {
                    crate::tr!(
                        "{}: {} days, {} orders, revenue {} (cluster {})",
                        "{}：{} 天，{} 笔订单，销售额 {}（第 {} 类）",
                        c.customer_id,
                        c.recency_days,
                        c.frequency,
                        format::money0(c.monetary, &cur),
                        k + 1
                    )
                },
            })
        })
        .collect();

    // Cohorts heatmap (retention).
    let co = &r.cohorts;
    let max_off = co.cohorts.iter().map(|c| c.cells.len()).max().unwrap_or(0);
    let row_labels: Vec<String> = co
        .cohorts
        .iter()
        .map(|c| format!("{} ({})", format::month(&c.cohort), c.size))
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
                    let active = crate::tr!(
                        "{} cohort, month +{}: {} of {} customers active ({})",
                        "{0} 同期群，第 +{1} 月：{3} 位客户中 {2} 位活跃（{4}）",
                        format::month(&c.cohort),
                        m,
                        format::int(cell.active),
                        format::int(c.size),
                        format::pct(cell.retention)
                    );
                    if units {
                        active
                    } else {
                        crate::tr!(
                            "{}, revenue per customer {}",
                            "{}，人均销售额 {}",
                            active,
                            format::money(cell.revenue_per_customer, &cur)
                        )
                    }
                })
                .collect()
        })
        .collect();

    view! {
        <div class="page-head">
            <h1>{t("Customers", "客户")}</h1>
            <span class="muted">{crate::tr!("{} customers · snapshot {} · computed in {:.2} s", "{} 位客户 · 快照日期 {} · 用时 {:.2} 秒", format::int(r.customers), format::date(&r.snapshot_date), millis / 1000.0)}</span>
        </div>
        <section class="card params">
            <label>{t("Clusters ", "聚类数 ")}
                <select on:change=move |ev| k_choice.set(event_target_value(&ev)) aria-label=t("Number of clusters", "聚类数量")>
                    <option value="" selected=r.params.k.is_none()>{t("automatic", "自动")}</option>
                    {(2..=8).map(|k| view! { <option value=k.to_string() selected=r.params.k == Some(k)>{k.to_string()}</option> }).collect_view()}
                </select>
            </label>
            <label>{if units { t(" Prediction horizon (days) ", " 预测期（天） ") } else { t(" Lifetime value horizon (days) ", " 终身价值预测期（天） ") }}
                <input type="number" min="7" max="3650" prop:value=move || horizon.get() on:change=move |ev| horizon.set(event_target_value(&ev))/>
            </label>
            <label>{t(" Check the model from ", " 从此日起检验模型 ")}
                <input type="date" prop:value=move || cal_end.get() on:change=move |ev| cal_end.set(event_target_value(&ev))/>
            </label>
            <button class="btn small primary" on:click=rerun disabled=move || state.customers_busy.get()>
                {move || if state.customers_busy.get() { t("Computing…", "计算中…") } else { t("Recompute", "重新计算") }}
            </button>
            <p class="muted small">{crate::tr!("{} guest lines (no customer id) are left out of this page.", "{} 条游客明细（无客户编号）未计入本页。", format::int(r.guest_lines_excluded))}</p>
            {units.then(|| view! {
                <p class="note" data-testid="customers-unpriced">{t("The file has no prices: customers are ranked by units bought instead of spend (the M of RFM), and the purchase model predicts how often they buy and who is still active, not their value in money.",
                    "文件没有价格：客户按购买件数而不是消费金额排名（RFM 中的 M），购买模型预测他们多久买一次、谁仍然活跃，而不是其金额价值。")}</p>
            })}
        </section>

        <section class="card" data-testid="segments">
            <div class="card-head"><h2>{t("Segments", "客户分层")}</h2>
                {move || selected_segment.get().map(|s| view! {
                    <button class="btn small" on:click=move |_| selected_segment.set(None)>{crate::tr!("Show all (now: {})", "显示全部（当前：{}）", s)}</button>
                })}
            </div>
            <p class="muted small">{if units {
                t("Each customer gets 1–5 for Recency, Frequency and units bought (M; 5 = best fifth); the pair of R and F scores places them on the standard RFM grid. Click a segment to list its customers.",
                "每位客户在最近购买（R）、购买频次（F）和购买件数（M）上各得 1–5 分（5 = 最好的五分之一）；R 和 F 两个分数决定其在标准 RFM 网格中的位置。点击某一层可列出其客户。")
            } else {
                t("Each customer gets 1–5 for Recency, Frequency and Monetary value (5 = best fifth); the pair of R and F scores places them on the standard RFM grid. Click a segment to list its customers.",
                "每位客户在最近购买（R）、购买频次（F）和消费金额（M）上各得 1–5 分（5 = 最好的五分之一）；R 和 F 两个分数决定其在标准 RFM 网格中的位置。点击某一层可列出其客户。")
            }}</p>
            <HBarChart rows=Signal::derive(move || seg_rows.clone())
                series=vec![t("Share of customers", "客户占比"), if units { t("Share of units", "件数占比") } else { t("Share of revenue", "销售额占比") }]
                title=if units { t("Segments by customers and units", "各分层的客户与件数").to_string() } else { t("Segments by customers and revenue", "各分层的客户与销售额").to_string() }
                on_select=Callback::new(move |k: String| selected_segment.set(Some(k)))
                selected=Signal::derive(move || selected_segment.get())/>
            <table class="data-table" data-testid="segment-table">
                <thead><tr><th>{t("Segment", "分层")}</th><th class="num">{t("Customers", "客户数")}</th><th class="num">{if units { t("Units", "件数") } else { t("Revenue", "销售额") }}</th><th>{t("What it means", "含义")}</th></tr></thead>
                <tbody>
                    {r.segments.iter().filter(|s| s.customers > 0).map(|s| {
                        let name = segment_name(s.segment).to_string();
                        view! {
                            <tr class="clickable" on:click=move |_| selected_segment.set(Some(name.clone()))>
                                <td>{segment_name(s.segment)}</td>
                                <td class="num">{format::int(s.customers)}</td>
                                <td class="num">{if units { format::num(s.units, 0) } else { format::money0(s.revenue, &cur) }}</td>
                                <td class="small">{segment_meaning(s.segment)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>

        <section class="card" data-testid="customer-table">
            <h2>{move || match selected_segment.get() { Some(s) => crate::tr!("Customers — {}", "客户 — {}", s), None => t("All customers", "全部客户").to_string() }}</h2>
            <p class="muted small">{t("Click a customer for their profile. Download the list for an email campaign.", "点击客户查看其档案。可下载名单用于邮件营销。")}</p>
            <DataTable id="customers" rows=customer_rows filter=seg_filter on_row=open_profile columns=customer_columns/>
        </section>
        <ProfileDrawer/>

        <ClvSection report=r.clone()/>

        <section class="card" data-testid="clusters">
            <h2>{crate::tr!("Clusters (k = {}, {})", "聚类（k = {}，{}）", cl.k, chosen_by(&cl.chosen_by))}</h2>
            <p class="muted small">{say(&cl.explanation)}</p>
            <DataTable id="clusters" rows=Signal::derive(move || cluster_rows.clone()) page_size=10 columns=vec![
                Column::text("cluster", t("Cluster", "聚类")), Column::text("description", t("In plain words", "通俗描述")),
                Column::num("customers", t("Customers", "客户数")), Column::num("recency_days", t("Typical days since last order", "典型距上次下单天数")),
                Column::num("orders", t("Typical orders", "典型订单数")),
                if units { Column::num("units", t("Typical units", "典型件数")) } else { Column::num("revenue", t("Typical revenue", "典型销售额")) },
            ]/>
            {(!points.is_empty()).then(|| view! {
                <h3>{t("Customers by cluster", "各聚类的客户")}</h3>
                <ScatterChart testid="cluster-scatter" points=points groups=cluster_names
                    title=if units { t("Customers by recency and units, coloured by cluster", "按最近购买和件数分布的客户，颜色表示聚类") } else { t("Customers by recency and revenue, coloured by cluster", "按最近购买和销售额分布的客户，颜色表示聚类") }
                    x_label=t("Days since last order", "距上次下单天数")
                    y_label=if units { t("Units (log scale)", "件数（对数刻度）") } else { t("Revenue (log scale)", "销售额（对数刻度）") } log_y=true/>
            })}
            {(!cl.elbow.is_empty()).then(|| view! {
                <h3>{t("Elbow: spread within clusters by k", "肘部图：不同 k 下的簇内离散度")}</h3>
                <BarLineChart labels=Signal::derive(move || elbow_labels.clone()) series=Signal::derive(move || elbow_series.clone())
                    title=t("Elbow curve", "肘部曲线").to_string() height=200.0 decimals=1/>
            })}
        </section>

        <section class="card" data-testid="cohorts">
            <h2>{t("Cohorts: share of each month's new customers who buy again", "同期群：每月新客户中再次购买的比例")}</h2>
            <p class="muted small">{say(&co.explanation)}</p>
            <Heatmap row_labels=row_labels col_labels=col_labels values=values hover=hover title=t("Monthly retention by acquisition cohort", "按获客月份的月度留存").to_string()/>
        </section>

        <ChurnSection report=r.clone()/>
    }
}

#[component]
fn ClvSection(report: CustomersReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let cur = state.money_symbol();
    let c = report.clv.clone();
    if c.status == ModelStatus::TooThin {
        return view! {
            <section class="card" data-testid="clv">
                <h2>{t("Lifetime value and churn risk", "客户终身价值与流失风险")}</h2>
                <p class="warn">{say(&c.message)}</p>
            </section>
        }
        .into_any();
    }
    let priced = c.priced;
    let mut at_risk: Vec<_> = c.rows.iter().filter(|r| r.frequency > 0).cloned().collect();
    // Expected value lost = churn risk × typical order value × purchase days (without prices:
    // churn risk × purchase days); ties (e.g. the boundary case, where no one is predicted to
    // drop out) by predicted value, then by expected purchases.
    let value = move |r: &crate::analytics::customers::ClvRow| {
        if priced {
            r.expected_avg_value
        } else {
            1.0
        }
    };
    at_risk.sort_by(|a, b| {
        let ka = a.churn_risk * value(a) * (a.frequency as f64 + 1.0);
        let kb = b.churn_risk * value(b) * (b.frequency as f64 + 1.0);
        kb.partial_cmp(&ka)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(b.clv.total_cmp(&a.clv))
            .then(b.expected_purchases.total_cmp(&a.expected_purchases))
    });
    let clv_rows: Vec<Vec<Cell>> = c
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                Cell::Text(r.customer_id.clone()),
                num(r.frequency as f64, 0),
                num(r.recency_weeks, 1),
                num(r.t_weeks, 1),
                p_alive_cell(r),
                num(r.expected_purchases, 2),
            ];
            if priced {
                row.extend([money(r.expected_avg_value, &cur), money(r.clv, &cur)]);
            }
            row
        })
        .collect();
    let risk_rows: Vec<Vec<Cell>> = at_risk
        .iter()
        .take(200)
        .map(|r| {
            let mut row = vec![
                Cell::Text(r.customer_id.clone()),
                num(r.frequency as f64 + 1.0, 0),
                num(r.churn_risk, 3),
            ];
            if priced {
                row.extend([money(r.expected_avg_value, &cur), money(r.clv, &cur)]);
            } else {
                row.push(num(r.expected_purchases, 2));
            }
            row
        })
        .collect();
    let open_profile = Callback::new(move |id: String| {
        state.profile.set(None);
        bridge::analyze(state, Task::CustomerProfile { customer_id: id });
    });
    let holdout = c.holdout.clone();
    let mut risk_columns = vec![
        Column::text("customer_id", t("Customer", "客户")),
        Column::num("purchase_days", t("Purchase days", "购买天数")),
        Column::num("churn_risk", t("Churn risk", "流失风险")),
    ];
    let mut clv_columns = vec![
        Column::text("customer_id", t("Customer", "客户")),
        Column::num("frequency", t("Repeat days", "复购天数")),
        Column::num("recency_weeks", t("Recency (weeks)", "最近购买（周）")),
        Column::num("t_weeks", t("Age (weeks)", "客龄（周）")),
        Column::num("p_alive", t("P(active)", "活跃概率")),
        Column::num(
            "expected_purchases",
            t("Expected purchases", "预期购买次数"),
        ),
    ];
    if priced {
        risk_columns.extend([
            Column::num(
                "expected_avg_value",
                t("Typical order value", "典型订单金额"),
            ),
            Column::num("clv", t("Predicted value", "预测价值")),
        ]);
        clv_columns.extend([
            Column::num(
                "expected_avg_value",
                t("Expected order value", "预期订单金额"),
            ),
            Column::num("clv", t("CLV", "终身价值")),
        ]);
    } else {
        risk_columns.push(Column::num(
            "expected_purchases",
            t("Expected purchases", "预期购买次数"),
        ));
    }
    view! {
        <section class="card" data-testid="clv">
            <h2>{if priced { t("Lifetime value and churn risk", "客户终身价值与流失风险") } else { t("Future purchases and churn risk", "未来购买与流失风险") }}</h2>
            <p class="small">{say(&c.message)}</p>
            {c.boundary_explanation.as_ref().map(|e| view! { <p class="note">{say(e)}</p> })}
            {(!c.method_explanation.is_empty()).then(|| view! { <p class="small" data-testid="clv-method">{say(&c.method_explanation)}</p> })}
            <div class="stats wide">
                {c.bgnbd.map(|p| view! {
                    <div class="stat"><span class="stat-label">{t("BG/NBD r, α, a, b", "BG/NBD 参数 r, α, a, b")}</span>
                        <span class="stat-value">{format!("{:.3}, {:.2}, {:.3}, {:.3}", p.r, p.alpha, p.a, p.b)}</span></div>
                })}
                {c.gamma_gamma.map(|g| view! {
                    <div class="stat"><span class="stat-label">{t("Gamma-Gamma p, q, v", "Gamma-Gamma 参数 p, q, v")}</span>
                        <span class="stat-value">{format!("{:.3}, {:.3}, {:.1}", g.p, g.q, g.v)}</span></div>
                })}
                <div class="stat"><span class="stat-label">{t("Calibration end", "训练截止日")}</span><span class="stat-value">{format::date(&c.calibration_end)}</span></div>
                <div class="stat"><span class="stat-label">{t("Repeat customers", "复购客户")}</span><span class="stat-value">{format::int(c.repeaters)}</span></div>
            </div>
            {holdout.map(|h| {
                let labels: Vec<String> = h.buckets.iter().map(|b| b.label.clone()).collect();
                let series = vec![
                    Series { name: t("Actual purchases in the check period", "检验期内的实际购买").into(), values: h.buckets.iter().map(|b| b.actual_mean).collect(), class: "c0".into() },
                    Series { name: t("Predicted", "预测").into(), values: h.buckets.iter().map(|b| b.predicted_mean).collect(), class: "c1".into() },
                ];
                view! {
                    <h3>{crate::tr!("Does the model predict well? Check on {} to {}", "模型预测得准吗？用 {} 至 {} 检验", format::date(&h.holdout_start), format::date(&h.holdout_end))}</h3>
                    <p class="small">{say(&h.explanation)}</p>
                    {h.rate_lift.map(|l| view! { <p class="small muted" data-testid="clv-rate-lift">{if l >= 1.0 {
                        crate::tr!("In the check period customers bought {:.0}% more often per week than before it: a seasonal change the model cannot see in the earlier data.",
                            "检验期内客户每周购买频率比之前高 {:.0}%：这是模型在早期数据中看不到的季节性变化。", (l - 1.0).abs() * 100.0)
                    } else {
                        crate::tr!("In the check period customers bought {:.0}% less often per week than before it: a seasonal change the model cannot see in the earlier data.",
                            "检验期内客户每周购买频率比之前低 {:.0}%：这是模型在早期数据中看不到的季节性变化。", (l - 1.0).abs() * 100.0)
                    }}</p> })}
                    <p class="small">{crate::tr!("Mean absolute error per customer {:.3} purchases (plain fit {:.3}); predicted / actual total {:.3} (plain fit {:.3}).",
                        "每位客户的平均绝对误差 {:.3} 次购买（普通拟合 {:.3}）；预测 / 实际总量 {:.3}（普通拟合 {:.3}）。",
                        h.model.mae, h.plain_mle.mae, h.model.sum_ratio, h.plain_mle.sum_ratio)}</p>
                    <BarLineChart labels=Signal::derive(move || labels.clone()) series=Signal::derive(move || series.clone())
                        title=t("Mean purchases per customer by number of repeat purchases before the check", "按检验前复购次数分组的人均购买次数").to_string() height=220.0/>
                }
            })}
            {if priced { view! {
                <h3>{t("Valuable customers at risk", "有流失风险的高价值客户")}</h3>
                <p class="muted small">{t("Customers who bought more than once, ordered by churn risk × typical order value × orders: the first people to win back.", "购买过不止一次的客户，按 流失风险 × 典型订单金额 × 订单数 排序：最先要挽回的人。")}</p>
            }.into_any() } else { view! {
                <h3>{t("Regular customers at risk", "有流失风险的常客")}</h3>
                <p class="muted small">{t("Customers who bought more than once, ordered by churn risk × purchase days: the first people to win back.", "购买过不止一次的客户，按 流失风险 × 购买天数 排序：最先要挽回的人。")}</p>
            }.into_any() }}
            {(!c.churn_risk_explanation.is_empty()).then(|| view! { <p class="small" data-testid="churn-method">{say(&c.churn_risk_explanation)}</p> })}
            <DataTable id="at-risk" rows=Signal::derive(move || risk_rows.clone()) on_row=open_profile page_size=10 columns=risk_columns/>
            <details class="how"><summary>{t("How was this computed?", "这是怎么算的？")}</summary>
                {c.notes.iter().map(|n| view! { <p><strong>{n.key.clone()}</strong>": "{say(&n.meaning)}</p> }).collect_view()}
            </details>
            <h3>{t("All customers", "全部客户")}</h3>
            <DataTable id="clv" rows=Signal::derive(move || clv_rows.clone()) page_size=10 columns=clv_columns/>
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
                    <thead><tr><td></td><th class="num">{t("Predicted churn", "预测流失")}</th><th class="num">{t("Predicted stays", "预测留存")}</th></tr></thead>
                    <tbody>
                        <tr><th>{t("Churned", "实际流失")}</th><td class="num">{format::int(c.true_positive)}</td><td class="num">{format::int(c.false_negative)}</td></tr>
                        <tr><th>{t("Stayed", "实际留存")}</th><td class="num">{format::int(c.false_positive)}</td><td class="num">{format::int(c.true_negative)}</td></tr>
                    </tbody>
                </table>
            }
        })
    };
    view! {
        <section class="card" data-testid="churn">
            <h2>{t("Who will stop buying? Churn classifier check", "谁会不再购买？流失分类器检验")}</h2>
            <p class="small">{say(&ch.message)}</p>
            <p class="muted small">{say(&ch.explanation)}</p>
            <table class="data-table">
                <thead><tr><th>{t("Model", "模型")}</th><th class="num">{t("ROC AUC (1 = perfect, 0.5 = coin toss)", "ROC AUC（1 = 完美，0.5 = 抛硬币）")}</th></tr></thead>
                <tbody>
                    <tr><td>{t("Gaussian naive Bayes", "高斯朴素贝叶斯")}</td><td class="num">{auc(ch.auc_naive_bayes)}</td></tr>
                    <tr><td>{t("Logistic regression", "逻辑回归")}</td><td class="num">{auc(ch.auc_logistic)}</td></tr>
                    <tr><td>{t("BG/NBD 1 − P(alive)", "BG/NBD 1 − 活跃概率")}</td><td class="num">{auc(ch.auc_bgnbd)}</td></tr>
                    <tr><td>{t("BG/NBD expected purchases", "BG/NBD 预期购买次数")}</td><td class="num">{auc(ch.auc_bgnbd_expected)}</td></tr>
                </tbody>
            </table>
            <div class="two-col">
                <div><h3>{t("Naive Bayes", "朴素贝叶斯")}</h3>{conf(ch.confusion_naive_bayes)}</div>
                <div><h3>{t("Logistic regression", "逻辑回归")}</h3>{conf(ch.confusion_logistic)}</div>
            </div>
        </section>
    }
}

/// The profile drawer of the clicked customer.
#[component]
fn ProfileDrawer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cur = Signal::derive(move || state.money_symbol());
    move || {
        state.profile.get().map(|p| {
            let timeline_labels: Vec<String> = p.orders.iter().map(|o| format::date(&o.date)).collect();
            let priced = p.priced;
            let timeline = vec![Series {
                name: if priced { t("Order value", "订单金额") } else { t("Units", "件数") }.into(),
                values: p.orders.iter().map(|o| if priced { o.revenue } else { o.units }).collect(),
                class: "c0".into(),
            }];
            let amount = move |item: &crate::analytics::customers::profile::TopItem| {
                if priced {
                    format::money(item.revenue, &cur.get())
                } else {
                    format::num(item.quantity, 0)
                }
            };
            view! {
                <aside class="drawer card" data-testid="profile" aria-label=t("Customer profile", "客户档案")>
                    <div class="card-head">
                        <h2>{crate::tr!("Customer {}", "客户 {}", p.customer_id)}</h2>
                        <button class="btn small" aria-label=t("Close", "关闭") on:click=move |_| state.profile.set(None)>"×"</button>
                    </div>
                    <div class="stats wide">
                        <div class="stat"><span class="stat-label">{t("Segment", "分层")}</span><span class="stat-value">{segment_name(p.segment)}</span></div>
                        <div class="stat"><span class="stat-label">{t("Cluster", "聚类")}</span><span class="stat-value">{p.cluster_description.as_deref().map(cluster_words).unwrap_or_else(|| "–".into())}</span></div>
                        {if priced { view! {
                            <div class="stat"><span class="stat-label">{t("Revenue", "销售额")}</span><span class="stat-value">{format::money(p.revenue, &cur.get())}</span></div>
                            <div class="stat" data-testid="profile-returned"><span class="stat-label">{t("Returned", "退货金额")}</span><span class="stat-value">{format::money(p.returned, &cur.get())}</span></div>
                        }.into_any() } else { view! {
                            <div class="stat"><span class="stat-label">{t("Units", "件数")}</span><span class="stat-value">{format::num(p.units, 0)}</span></div>
                            <div class="stat" data-testid="profile-returned"><span class="stat-label">{t("Units returned", "退货件数")}</span><span class="stat-value">{format::num(p.returned_units, 0)}</span></div>
                        }.into_any() }}
                        <div class="stat"><span class="stat-label">{t("Days since last order", "距上次下单天数")}</span><span class="stat-value">{p.recency_days.to_string()}</span></div>
                        <div class="stat" data-testid="profile-p-alive"><span class="stat-label">{t("P(still active)", "仍活跃的概率")}</span><span class="stat-value">{p.p_alive.map(|v| format!("{v:.2}")).unwrap_or_else(|| "–".into())}</span></div>
                        {if priced { view! {
                            <div class="stat"><span class="stat-label">{t("Predicted value", "预测价值")}</span><span class="stat-value">{p.clv.map(|v| format::money(v, &cur.get())).unwrap_or_else(|| "–".into())}</span></div>
                        }.into_any() } else { view! {
                            <div class="stat"><span class="stat-label">{t("Expected purchases", "预期购买次数")}</span><span class="stat-value">{p.expected_purchases.map(|v| format::num(v, 2)).unwrap_or_else(|| "–".into())}</span></div>
                        }.into_any() }}
                    </div>
                    {p.single_purchase_day.then(|| view! {
                        <p class="muted small" data-testid="profile-single-day">{t("One purchase day so far: the model judges whether a customer is still active from the gaps between their purchases, so it cannot tell yet. Days since the last order is the better guide here.", "目前只有一天购买记录：模型根据客户两次购买之间的间隔判断其是否仍活跃，因此暂时无法判断。这里更应参考距上次下单的天数。")}</p>
                    })}
                    <h3>{if p.orders.len() == 1 { t("1 order", "1 笔订单").to_string() } else { crate::tr!("{} orders", "{} 笔订单", p.orders.len()) }}</h3>
                    <BarLineChart labels=Signal::derive(move || timeline_labels.clone()) series=Signal::derive(move || timeline.clone())
                        title=t("Orders over time", "订单走势").to_string() height=180.0/>
                    <h3>{if priced { t("Top products", "常买商品") } else { t("Top products (units)", "常买商品（件数）") }}</h3>
                    <ul class="small">
                        {p.top_products.iter().map(|t| view! { <li>{format!("{} — {}", t.name, amount(t))}</li> }).collect_view()}
                    </ul>
                    {(!p.top_categories.is_empty()).then(|| view! {
                        <h3>{if priced { t("Top categories", "常买类目") } else { t("Top categories (units)", "常买类目（件数）") }}</h3>
                        <ul class="small">
                            {p.top_categories.iter().map(|t| view! { <li>{format!("{} — {}", t.name, amount(t))}</li> }).collect_view()}
                        </ul>
                    })}
                </aside>
            }
        })
    }
}

/// The P(active) cell of a CLV row: "–" where the model does not judge the customer
/// ([`ClvRow::judged_p_alive`], a single purchase day), the CSV keeping the model's 1 (as
/// `shoplens clv`); the column's note says why.
///
/// [`ClvRow::judged_p_alive`]: crate::analytics::customers::ClvRow::judged_p_alive
fn p_alive_cell(r: &crate::analytics::customers::ClvRow) -> Cell {
    match r.judged_p_alive() {
        Some(v) => num(v, 3),
        None => Cell::Num {
            value: r.p_alive,
            shown: "–".into(),
        },
    }
}

/// The RFM segment's name in the UI language (the core's `Segment::name` is English).
fn segment_name(s: Segment) -> &'static str {
    match s {
        Segment::Champions => t("Champions", "冠军客户"),
        Segment::Loyal => t("Loyal", "忠实客户"),
        Segment::PotentialLoyalist => t("Potential loyalist", "潜力忠实客户"),
        Segment::New => t("New", "新客户"),
        Segment::Promising => t("Promising", "潜力新客"),
        Segment::NeedAttention => t("Need attention", "需要关注"),
        Segment::AboutToSleep => t("About to sleep", "即将沉睡"),
        Segment::CantLoseThem => t("Can't lose them", "不能流失"),
        Segment::AtRisk => t("At risk", "流失风险"),
        Segment::Hibernating => t("Hibernating", "沉睡客户"),
        Segment::Lost => t("Lost", "已流失"),
    }
}

/// What the segment means, in the UI language (the core's `Segment::meaning` is English).
fn segment_meaning(s: Segment) -> &'static str {
    match s {
        Segment::Champions => t(
            "Bought very recently and often: your best customers; reward them.",
            "最近刚买过且买得多：您最好的客户，给他们回馈。",
        ),
        Segment::Loyal => t(
            "Buy often and fairly recently: keep them close, ask for reviews.",
            "购买频繁且比较近期：保持联系，请他们写评价。",
        ),
        Segment::PotentialLoyalist => t(
            "Recent customers with a few orders: a nudge can make them loyal.",
            "近期购买、有几笔订单：推一把就能成为忠实客户。",
        ),
        Segment::New => t(
            "First bought very recently: welcome them and make the second order easy.",
            "刚刚首次购买：欢迎他们，让第二单更容易。",
        ),
        Segment::Promising => t(
            "Recent but bought only once: build the relationship.",
            "近期购买但只买过一次：好好建立关系。",
        ),
        Segment::NeedAttention => t(
            "Average recency and frequency: a timely offer can keep them.",
            "最近购买和频次都一般：及时的优惠能留住他们。",
        ),
        Segment::AboutToSleep => t(
            "Have not bought for a while and rarely: reactivate before you lose them.",
            "有一阵子没买、也很少买：趁还没流失赶紧唤醒。",
        ),
        Segment::CantLoseThem => t(
            "Used to buy very often but not recently: win them back personally.",
            "过去买得很频繁但最近没买：一对一把他们赢回来。",
        ),
        Segment::AtRisk => t(
            "Bought regularly but long ago: send a win-back campaign.",
            "曾经定期购买但已很久没买：发起召回活动。",
        ),
        Segment::Hibernating => t(
            "Last bought long ago, and rarely: low priority, try a generic offer.",
            "很久以前买过且很少买：优先级低，试试通用优惠。",
        ),
        Segment::Lost => t(
            "Lowest recency and frequency: likely gone.",
            "最近购买和频次都最低：很可能已经流失。",
        ),
    }
}

/// A cluster description from the core ("recent, frequent, high spend") in the UI language:
/// each known part is mapped; an unknown part is kept as it is.
fn cluster_words(description: &str) -> String {
    let parts: Vec<&str> = description
        .split(", ")
        .map(|part| match part {
            "recent" => t("recent", "近期购买"),
            "moderately recent" => t("moderately recent", "较近期购买"),
            "lapsed" => t("lapsed", "久未购买"),
            "frequent" => t("frequent", "高频"),
            "occasional" => t("occasional", "偶尔购买"),
            "rare" => t("rare", "低频"),
            "high spend" => t("high spend", "高消费"),
            "medium spend" => t("medium spend", "中等消费"),
            "low spend" => t("low spend", "低消费"),
            "many units" => t("many units", "购买件数多"),
            "some units" => t("some units", "购买件数中等"),
            "few units" => t("few units", "购买件数少"),
            other => other,
        })
        .collect();
    parts.join(t(", ", "，"))
}

/// How k was chosen ("user" / "silhouette" from the core).
fn chosen_by(how: &str) -> String {
    match how {
        "user" => t("chosen by you", "由您选定").to_string(),
        "silhouette" => t("chosen by silhouette", "按轮廓系数自动选择").to_string(),
        other => other.to_string(),
    }
}
