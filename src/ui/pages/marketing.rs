//! Marketing: the media-mix model (ROI, marginal ROI, decomposition, response and adstock
//! curves, budget allocation) of a spend file, and A/B test analysis of an experiment file or
//! typed counts. All numbers come from `analytics::marketing` in the worker.

use crate::analytics::marketing::abtest::AbParams;
use crate::analytics::marketing::abtest::{AbReport, MetricKind};
use crate::analytics::marketing::elasticity::{ElasticityParams, ElasticityReport, ElasticitySpec};
use crate::analytics::marketing::experiment::ExperimentSpec;
use crate::analytics::marketing::mmm::{
    BudgetParams, ChannelBound, MmmParams, MmmReport, SpendSpec,
};
use crate::analytics::marketing::promo::{PromoParams, PromoReport, PromoSpec};
use crate::analytics::marketing::responders::{RespondersParams, RespondersReport};
use crate::protocol::Task;
use crate::ui::bridge;
use crate::ui::charts::{Band, BandChart, Series};
use crate::ui::format;
use crate::ui::state::AppState;
use crate::ui::table::{number as num, Cell, Column, DataTable};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::Blob;

const SAMPLE_SPEND: &str = "./sample/marketing/spend.csv";
const SAMPLE_EXPERIMENT: &str = "./sample/marketing/experiment.csv";

thread_local! {
    /// The chosen spend and experiment files (name, handle): kept while the app is open so a
    /// re-run (e.g. a new budget) needs no new upload.
    static SPEND_FILE: RefCell<Option<(String, Blob)>> = const { RefCell::new(None) };
    static EXPERIMENT_FILE: RefCell<Option<(String, Blob)>> = const { RefCell::new(None) };
    static PRICE_FILE: RefCell<Option<(String, Blob)>> = const { RefCell::new(None) };
    static PROMO_FILE: RefCell<Option<(String, Blob)>> = const { RefCell::new(None) };
}

/// Days since 1970-01-01 of a "YYYY-MM-DD" date.
fn epoch_day(s: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some((d - epoch).num_days())
}

fn opt(v: Option<f64>, decimals: usize) -> Cell {
    num(v.unwrap_or(f64::NAN), decimals)
}

fn first_file(ev: &web_sys::Event) -> Option<(String, Blob)> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let f = input.files()?.get(0)?;
    Some((f.name(), f.unchecked_into::<Blob>()))
}

fn pct1(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

#[component]
pub fn Marketing() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>"Marketing"</h1>
            <span class="muted">"Which channel earns its budget, where the next dollar goes, and whether a change really worked."</span>
        </div>
        <MmmCard/>
        <PriceCard/>
        <PromoCard/>
        <ExperimentCard/>
    }
}

#[component]
fn MmmCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_name = RwSignal::new(SPEND_FILE.with(|f| f.borrow().as_ref().map(|(n, _)| n.clone())));
    let from_orders = RwSignal::new(false);
    let budget = RwSignal::new(String::new());
    let weeks = RwSignal::new("13".to_string());
    let channels = RwSignal::new(String::new());
    let bounds = RwSignal::new(String::new());
    let revenue_col = RwSignal::new(String::new());
    let controls = RwSignal::new(String::new());
    let list = |s: RwSignal<String>| {
        let v: Vec<String> = s
            .get_untracked()
            .split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect();
        (!v.is_empty()).then_some(v)
    };
    let run = move || {
        let Some((name, blob)) = SPEND_FILE.with(|f| f.borrow().clone()) else {
            state.error.set(Some(
                "Choose a spend file first (or use the sample).".into(),
            ));
            return;
        };
        let limits: Result<Vec<ChannelBound>, _> = bounds
            .get_untracked()
            .split(',')
            .filter(|p| !p.trim().is_empty())
            .map(ChannelBound::parse)
            .collect();
        let limits = match limits {
            Ok(l) => l,
            Err(e) => {
                state.error.set(Some(format!("Channel limits: {e}")));
                return;
            }
        };
        let budget = budget
            .get_untracked()
            .trim()
            .replace(',', "")
            .parse::<f64>()
            .ok();
        let periods = weeks
            .get_untracked()
            .trim()
            .parse::<u32>()
            .unwrap_or(13)
            .max(1);
        let params = MmmParams {
            budget: budget.filter(|b| *b > 0.0).map(|total| BudgetParams {
                total,
                periods,
                bounds: limits,
            }),
            ..MmmParams::default()
        };
        bridge::analyze_with_files(
            state,
            Task::Mmm {
                file: name,
                spec: SpendSpec {
                    channels: list(channels),
                    controls: list(controls),
                    revenue_column: list(revenue_col).and_then(|v| v.into_iter().next()),
                    ..SpendSpec::default()
                },
                params,
                revenue_from_orders: from_orders.get_untracked(),
            },
            &[blob],
        );
    };
    let on_file = move |ev: web_sys::Event| {
        if let Some((n, b)) = first_file(&ev) {
            SPEND_FILE.with(|f| *f.borrow_mut() = Some((n.clone(), b)));
            file_name.set(Some(n));
            run();
        }
    };
    let use_sample = move |_| {
        leptos::task::spawn_local(async move {
            match bridge::fetch_blob(SAMPLE_SPEND).await {
                Ok(b) => {
                    SPEND_FILE.with(|f| *f.borrow_mut() = Some(("spend.csv (sample)".into(), b)));
                    file_name.set(Some("spend.csv (sample)".into()));
                    from_orders.set(false);
                    run();
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" data-testid="mmm">
            <h2>"Media-mix model: what each channel returns"</h2>
            <p class="muted small">"A spend file with one row per week (or day): a date column, one spend column per channel (named like "<code>"search_spend"</code>", "<code>"tv_cost"</code>"), optionally promotion flags and a revenue column. Without a revenue column, revenue comes from the imported orders."</p>
            <div class="params">
                <label class="btn small">"Choose spend file…"
                    <input type="file" accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="mmm-file" on:change=on_file/>
                </label>
                <button class="btn small" data-testid="mmm-sample" on:click=use_sample>"Use the sample spend file"</button>
                <span class="muted small">{move || file_name.get().map(|n| format!("File: {n}")).unwrap_or_else(|| "No file chosen".into())}</span>
                <label title="Revenue per period from the imported order lines instead of a revenue column">
                    <input type="checkbox" prop:checked=move || from_orders.get() disabled=move || state.report.with(Option::is_none)
                        on:change=move |ev| from_orders.set(event_target_checked(&ev))/>
                    " revenue from the imported orders"
                </label>
            </div>
            <div class="params">
                <label title="Comma-separated; empty = columns named spend_*, *_spend or *_cost">"Spend columns "
                    <input type="text" placeholder="recognised by name" data-testid="mmm-channels" prop:value=move || channels.get() on:change=move |ev| channels.set(event_target_value(&ev))/>
                </label>
                <label>" Revenue column "
                    <input type="text" class="short" placeholder="revenue" data-testid="mmm-revenue" prop:value=move || revenue_col.get() on:change=move |ev| revenue_col.set(event_target_value(&ev))/>
                </label>
                <label title="Comma-separated; empty = other numeric columns">" Controls "
                    <input type="text" placeholder="automatic" data-testid="mmm-controls" prop:value=move || controls.get() on:change=move |ev| controls.set(event_target_value(&ev))/>
                </label>
            </div>
            <div class="params">
                <label>"Budget to allocate "
                    <input type="number" min="0" step="100" placeholder="e.g. 120000" data-testid="mmm-budget" prop:value=move || budget.get()
                        on:change=move |ev| budget.set(event_target_value(&ev))/>
                </label>
                <label>" over the next "
                    <input type="number" min="1" max="104" data-testid="mmm-weeks" prop:value=move || weeks.get() on:change=move |ev| weeks.set(event_target_value(&ev))/>
                    " periods"
                </label>
                <label title="Per-period limits, e.g. tv_spend=0:15000, search_spend=2000:8000; others: 0 to 1.5× their largest spend">" limits "
                    <input type="text" placeholder="channel=min:max, …" data-testid="mmm-bounds" prop:value=move || bounds.get() on:change=move |ev| bounds.set(event_target_value(&ev))/>
                </label>
                <button class="btn small primary" data-testid="mmm-run" on:click=move |_| run() disabled=move || state.mmm_busy.get()>
                    {move || if state.mmm_busy.get() { "Fitting…" } else { "Fit the model" }}
                </button>
            </div>
            {move || state.mmm_busy.get().then(|| view! { <p class="muted" data-testid="mmm-busy">"Fitting the model: searching carry-over and saturation for each channel, then bootstrapping the ROI intervals…"</p> })}
            {move || state.mmm.get().map(|p| view! { <MmmResult report=p.report millis=p.millis/> })}
        </section>
    }
}

#[component]
fn MmmResult(report: MmmReport, millis: f64) -> impl IntoView {
    let r = report;
    let fit = r.fit.clone();
    let ident = r.identification.clone();
    let period = if r.period_days == 7 {
        "week"
    } else if r.period_days == 1 {
        "day"
    } else {
        "period"
    };
    // Channel table.
    let rows: Vec<Vec<Cell>> = r
        .channels
        .iter()
        .map(|c| {
            let (lo, hi) = c.roi_interval.unwrap_or((f64::NAN, f64::NAN));
            vec![
                Cell::Text(c.name.clone()),
                num(c.spend_total, 0),
                num(c.contribution_total, 0),
                num(c.roi.unwrap_or(f64::NAN), 2),
                num(lo, 2),
                num(hi, 2),
                num(c.marginal_roi.unwrap_or(f64::NAN), 2),
                num(c.marginal_roi_interval.map(|i| i.0).unwrap_or(f64::NAN), 2),
                num(c.marginal_roi_interval.map(|i| i.1).unwrap_or(f64::NAN), 2),
                num(c.half_life_periods, 1),
                Cell::Text(c.roi_withheld.clone().unwrap_or_else(|| c.explain.clone())),
            ]
        })
        .collect();
    let explain: Vec<(String, String)> = r
        .channels
        .iter()
        .map(|c| {
            (
                c.name.clone(),
                c.roi_withheld.clone().unwrap_or_else(|| c.explain.clone()),
            )
        })
        .collect();
    // Decomposition: stacked bands (base + controls, then each channel), actual and fitted.
    let labels: Vec<String> = r.decomposition.iter().map(|d| d.date.clone()).collect();
    let n = labels.len();
    let mut cum = vec![0.0; n];
    let mut bands = Vec::new();
    let base: Vec<f64> = r
        .decomposition
        .iter()
        .map(|d| d.base + d.controls)
        .collect();
    {
        let lower = cum.clone();
        for (c, b) in cum.iter_mut().zip(&base) {
            *c += b;
        }
        bands.push(Band {
            name: "Base (trend, season, controls)".into(),
            lower,
            upper: cum.clone(),
            class: "c5".into(),
        });
    }
    for (k, ch) in r.channels.iter().enumerate() {
        let lower = cum.clone();
        for (t, d) in r.decomposition.iter().enumerate() {
            cum[t] += d.channels.get(k).copied().unwrap_or(0.0);
        }
        bands.push(Band {
            name: ch.name.clone(),
            lower,
            upper: cum.clone(),
            class: format!("c{}", k % 5),
        });
    }
    let lines = vec![Series {
        name: "Actual revenue".into(),
        values: r.decomposition.iter().map(|d| d.actual).collect(),
        class: "muted".into(),
    }];
    // Adstock decay: one line per channel, share of a period's spend still working k periods later.
    let max_len = r
        .channels
        .iter()
        .map(|c| c.adstock_curve.len())
        .max()
        .unwrap_or(0);
    let ad_labels: Vec<String> = (0..max_len).map(|k| format!("+{k}")).collect();
    let ad_lines: Vec<Series> = r
        .channels
        .iter()
        .enumerate()
        .map(|(k, c)| Series {
            name: c.name.clone(),
            values: c.adstock_curve.clone(),
            class: format!("c{}", k % 5),
        })
        .collect();
    let alloc = r.allocation.clone();
    let notes = r.notes.clone();
    view! {
        <div data-testid="mmm-result" data-channels=r.channels.len()>
            <p class="muted small">{format!("{} {period}s from {} to {}, {} channels · fitted in {:.1} s ({} candidate settings searched, seed {})",
                r.periods, r.date_from, r.date_to, r.channels.len(), millis / 1000.0, r.search_trials, r.seed)}</p>
            <div class="kpis">
                <div class="kpi" data-testid="mmm-r2" data-value=format!("{:.4}", fit.r2_train)><div class="kpi-label">"Fit (R²)"</div><div class="kpi-value">{format!("{:.2}", fit.r2_train)}</div></div>
                <div class="kpi"><div class="kpi-label">"Error on held-out weeks"</div><div class="kpi-value">{fit.mape_holdout.map(pct1).unwrap_or_else(|| "—".into())}</div></div>
                <div class="kpi"><div class="kpi-label">"Cross-validated NRMSE"</div><div class="kpi-value">{format!("{:.3}", fit.nrmse_cv)}</div></div>
            </div>
            <details class="how"><summary>"How was this computed?"</summary><p>{fit.explain.clone()}</p></details>
            {(!ident.roi_shown).then(|| view! {
                <div class="warn" data-testid="mmm-withheld">
                    <strong>"ROI is not shown: the data cannot separate the channels' effects. "</strong>
                    <ul>{ident.reasons.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                </div>
            })}
            <h3>"Channels"</h3>
            <DataTable id="mmm-channels" rows=Signal::derive(move || rows.clone()) page_size=20 columns=vec![
                Column::text("channel", "Channel"), Column::num("spend", "Spend"), Column::num("contribution", "Revenue it drove"),
                Column::num("roi", "ROI"), Column::num("roi_lo", "ROI low (90%)"), Column::num("roi_hi", "ROI high (90%)"),
                Column::num("marginal_roi", "Next-dollar ROI"), Column::num("marginal_roi_lo", "low (90%)"),
                Column::num("marginal_roi_hi", "high (90%)"), Column::num("half_life", &format!("Carry-over half-life ({period}s)")),
            ]/>
            <details class="how" data-testid="mmm-explain"><summary>"What each channel's numbers mean"</summary>
                <ul>{explain.into_iter().map(|(n, e)| view! { <li><strong>{n}": "</strong>{e}</li> }).collect_view()}</ul>
            </details>
            <p class="muted small">"ROI = revenue the channel drove ÷ its spend over the data. Next-dollar ROI = extra revenue from one more unit of spend at the current level: below 1, the channel is saturated."</p>
            <h3>"Where revenue came from"</h3>
            <BandChart testid="mmm-decomposition" labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || lines.clone())
                bands=Signal::derive(move || bands.clone()) title="Revenue decomposition".to_string() decimals=0/>
            <h3>"Response curves (current spend marked)"</h3>
            <div class="small-multiples">
                {r.channels.iter().enumerate().map(|(k, c)| {
                    let labels: Vec<String> = c.response_curve.iter().map(|p| format::compact(p.spend)).collect();
                    let values: Vec<f64> = c.response_curve.iter().map(|p| p.revenue).collect();
                    let cur = c.response_curve.iter().enumerate().min_by(|a, b| {
                        (a.1.spend - c.current_spend).abs().partial_cmp(&(b.1.spend - c.current_spend).abs()).unwrap_or(std::cmp::Ordering::Equal)
                    }).map(|(i, _)| (i, "now".to_string()));
                    let line = vec![Series { name: format!("{}: revenue per {period} vs spend per {period}", c.name), values, class: format!("c{}", k % 5) }];
                    view! {
                        <BandChart labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || line.clone())
                            bands=Signal::derive(Vec::new) title=format!("Response curve {}", c.name) width=380.0 height=220.0 decimals=0
                            marker=Signal::derive(move || cur.clone())/>
                    }
                }).collect_view()}
            </div>
            <h3>"Carry-over: how long a week's spend keeps working"</h3>
            <BandChart labels=Signal::derive(move || ad_labels.clone()) lines=Signal::derive(move || ad_lines.clone())
                bands=Signal::derive(Vec::new) title="Adstock decay".to_string() height=220.0 decimals=2/>
            {alloc.map(|a| {
                let rows: Vec<Vec<Cell>> = a.channels.iter().map(|c| vec![
                    Cell::Text(c.name.clone()), num(c.current_per_period, 0), num(c.optimal_per_period, 0),
                    num(c.min, 0), num(c.max, 0), num(c.current_revenue, 0), num(c.optimal_revenue, 0),
                ]).collect();
                view! {
                    <h3>"Budget allocation"</h3>
                    <p class="lead small" data-testid="mmm-allocation" data-lift=format!("{:.4}", a.lift_pct)>{format!(
                        "Spending {} over the next {} {period}s with the suggested split is predicted to bring {} of revenue, {} ({}) more than the current split.",
                        format::num(a.total_budget, 0), a.periods, format::num(a.revenue_optimal, 0), format::num(a.lift, 0), pct1(a.lift_pct / 100.0))}</p>
                    {(!a.reliable).then(|| view! { <p class="warn">"The optimiser did not fully converge or the model is weakly identified: treat the split as indicative."</p> })}
                    <DataTable id="mmm-allocation" rows=Signal::derive(move || rows.clone()) columns=vec![
                        Column::text("channel", "Channel"), Column::num("current", &format!("Current per {period}")),
                        Column::num("suggested", &format!("Suggested per {period}")), Column::num("min", "Min"), Column::num("max", "Max"),
                        Column::num("current_revenue", "Revenue, current split"), Column::num("suggested_revenue", "Revenue, suggested"),
                    ]/>
                    <details class="how"><summary>"How was this computed?"</summary><p>{a.explain.clone()}</p></details>
                }
            })}
            {(!notes.is_empty()).then(|| view! { <ul class="notes">{notes.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul> })}
        </div>
    }
}

#[component]
fn ExperimentCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_name =
        RwSignal::new(EXPERIMENT_FILE.with(|f| f.borrow().as_ref().map(|(n, _)| n.clone())));
    let mde = RwSignal::new("5".to_string());
    let daily = RwSignal::new(String::new());
    let spec = move || ExperimentSpec {
        params: AbParams {
            mde_relative: mde
                .get_untracked()
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| *v > 0.0)
                .map(|v| v / 100.0)
                .unwrap_or(0.05),
            daily_units: daily
                .get_untracked()
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| *v > 0.0),
            ..AbParams::default()
        },
        ..ExperimentSpec::default()
    };
    let counts = [
        (
            RwSignal::new("control".to_string()),
            RwSignal::new(String::new()),
            RwSignal::new(String::new()),
        ),
        (
            RwSignal::new("treatment".to_string()),
            RwSignal::new(String::new()),
            RwSignal::new(String::new()),
        ),
    ];
    let run_file = move || {
        if let Some((name, blob)) = EXPERIMENT_FILE.with(|f| f.borrow().clone()) {
            bridge::analyze_with_files(
                state,
                Task::Experiment {
                    file: Some(name),
                    counts: None,
                    spec: spec(),
                },
                &[blob],
            );
        }
    };
    let on_file = move |ev: web_sys::Event| {
        if let Some((n, b)) = first_file(&ev) {
            EXPERIMENT_FILE.with(|f| *f.borrow_mut() = Some((n.clone(), b)));
            file_name.set(Some(n));
            run_file();
        }
    };
    let use_sample = move |_| {
        leptos::task::spawn_local(async move {
            match bridge::fetch_blob(SAMPLE_EXPERIMENT).await {
                Ok(b) => {
                    let n = "experiment.csv (sample)".to_string();
                    EXPERIMENT_FILE.with(|f| *f.borrow_mut() = Some((n.clone(), b)));
                    file_name.set(Some(n));
                    run_file();
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    let run_counts = move |_| {
        let parsed: Option<Vec<(String, u64, u64)>> = counts
            .iter()
            .map(|(n, u, c)| {
                let users = u
                    .get_untracked()
                    .trim()
                    .replace(',', "")
                    .parse::<u64>()
                    .ok()?;
                let conv = c
                    .get_untracked()
                    .trim()
                    .replace(',', "")
                    .parse::<u64>()
                    .ok()?;
                (conv <= users && users > 0).then(|| (n.get_untracked(), users, conv))
            })
            .collect();
        match parsed {
            Some(c) => bridge::analyze(
                state,
                Task::Experiment {
                    file: None,
                    counts: Some(c),
                    spec: spec(),
                },
            ),
            None => state.error.set(Some(
                "Type whole numbers of users and conversions for both variants (conversions ≤ users).".into(),
            )),
        }
    };
    view! {
        <section class="card" data-testid="abtest">
            <h2>"A/B test: did the change work?"</h2>
            <p class="muted small">"An experiment file with one row per user: the variant they saw and outcomes (converted yes/no, revenue…). Or type the totals below."</p>
            <div class="params">
                <label class="btn small">"Choose experiment file…"
                    <input type="file" accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="ab-file" on:change=on_file/>
                </label>
                <button class="btn small" data-testid="ab-sample" on:click=use_sample>"Use the sample experiment"</button>
                <span class="muted small">{move || file_name.get().map(|n| format!("File: {n}")).unwrap_or_default()}</span>
            </div>
            <div class="params" data-testid="ab-counts">
                {counts.iter().map(|(n, u, c)| {
                    let (n, u, c) = (*n, *u, *c);
                    view! {
                        <label><input type="text" class="short" prop:value=move || n.get() on:change=move |ev| n.set(event_target_value(&ev)) aria-label="Variant name"/></label>
                        <label>"users "<input type="number" min="1" prop:value=move || u.get() on:change=move |ev| u.set(event_target_value(&ev))/></label>
                        <label>"conversions "<input type="number" min="0" prop:value=move || c.get() on:change=move |ev| c.set(event_target_value(&ev))/></label>
                    }
                }).collect_view()}
                <button class="btn small primary" data-testid="ab-run-counts" on:click=run_counts>"Analyse counts"</button>
            </div>
            <div class="params" data-testid="ab-planner">
                <span class="muted small">"Planning the next test: "</span>
                <label>"smallest lift worth detecting "<input type="number" min="0.1" step="0.5" class="short" data-testid="ab-mde" prop:value=move || mde.get() on:change=move |ev| mde.set(event_target_value(&ev))/>"%"</label>
                <label>" users per day "<input type="number" min="1" class="short" data-testid="ab-daily" prop:value=move || daily.get() on:change=move |ev| daily.set(event_target_value(&ev))/></label>
                <span class="muted small">" (the sample size and duration appear under each result)"</span>
            </div>
            {move || state.experiment.get().map(|p| {
                let r = p.report;
                view! {
                    <div data-testid="ab-result">
                        <p class="muted small">{format!("{} · {} rows · variants from '{}'", r.file, format::int(r.rows as u64), r.variant_column)}</p>
                        {(!r.notes.is_empty()).then(|| view! { <ul class="notes">{r.notes.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
                        {r.metrics.into_iter().map(|m| view! { <AbMetric m=m/> }).collect_view()}
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn AbMetric(m: AbReport) -> impl IntoView {
    let conversion = m.kind == MetricKind::Conversion;
    let show = move |v: f64| {
        if conversion {
            format!("{:.2}%", v * 100.0)
        } else {
            format::num(v, 2)
        }
    };
    view! {
        <div class="ab-metric" data-testid="ab-metric" data-metric=m.metric.clone()>
            <h3>{format!("{} ({})", m.metric, if conversion { "conversion" } else { "average per user" })}</h3>
            <table class="data-table">
                <thead><tr><th>"Variant"</th><th class="num">"Users"</th>
                    {conversion.then(|| view! { <th class="num">"Conversions"</th> })}
                    <th class="num">{if conversion { "Rate" } else { "Mean" }}</th>
                    {m.bayes.as_ref().map(|_| view! { <th class="num">"Chance it is best"</th><th class="num">"Expected loss"</th> })}
                </tr></thead>
                <tbody>
                    {m.variants.iter().map(|v| {
                        let b = m.bayes.as_ref().and_then(|b| b.variants.iter().find(|x| x.name == v.name).cloned());
                        view! {
                            <tr>
                                <td>{v.name.clone()}{(v.name == m.control).then_some(" (control)")}</td>
                                <td class="num">{format::int(v.units)}</td>
                                {conversion.then(|| view! { <td class="num">{format::int(v.conversions.unwrap_or(0))}</td> })}
                                <td class="num">{show(v.mean)}</td>
                                {b.map(|b| view! {
                                    <td class="num" data-testid="ab-prob-best" data-value=format!("{:.4}", b.prob_best)>{format!("{:.1}%", b.prob_best * 100.0)}</td>
                                    <td class="num">{format!("{:.3} pts", b.expected_loss * 100.0)}</td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {m.comparisons.iter().map(|c| view! {
                <p class=if c.significant { "verdict sig" } else { "verdict" } data-testid="ab-comparison" data-p=format!("{:.5}", c.p_value) data-stat=format!("{:.4}", c.statistic)>
                    <strong>{format!("{} vs {}: ", c.variant, c.control)}</strong>
                    {format!("difference {} (95% CI {} to {}), relative {} ({} to {}); {} {:.3}, p = {:.4}. ",
                        show(c.difference), show(c.difference_ci.0), show(c.difference_ci.1),
                        pct1(c.relative_lift), pct1(c.relative_lift_ci.0), pct1(c.relative_lift_ci.1),
                        c.test, c.statistic, c.p_value)}
                    {c.explain.clone()}
                </p>
            }).collect_view()}
            {m.bayes.as_ref().map(|b| view! { <details class="how"><summary>"How was the chance computed?"</summary><p>{b.method.clone()}" "{b.explain.clone()}</p></details> })}
            <p class=if m.srm.mismatch { "warn" } else { "muted small" } data-testid="ab-srm">{m.srm.explain.clone()}</p>
            <p class="muted small" data-testid="ab-sample-size">{m.sample_size.explain.clone()}</p>
        </div>
    }
}

#[component]
fn PriceCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_name = RwSignal::new(PRICE_FILE.with(|f| f.borrow().as_ref().map(|(n, _)| n.clone())));
    let from_orders = move |_| {
        PRICE_FILE.with(|f| *f.borrow_mut() = None);
        file_name.set(None);
        bridge::analyze(
            state,
            Task::Elasticity {
                file: None,
                spec: ElasticitySpec::default(),
                skus: None,
                params: ElasticityParams::default(),
            },
        );
    };
    let on_file = move |ev: web_sys::Event| {
        if let Some((n, b)) = first_file(&ev) {
            PRICE_FILE.with(|f| *f.borrow_mut() = Some((n.clone(), b.clone())));
            file_name.set(Some(n.clone()));
            bridge::analyze_with_files(
                state,
                Task::Elasticity {
                    file: Some(n),
                    spec: ElasticitySpec::default(),
                    skus: None,
                    params: ElasticityParams::default(),
                },
                &[b],
            );
        }
    };
    view! {
        <section class="card" data-testid="elasticity">
            <h2>"Price sensitivity: what a price change does to units sold"</h2>
            <p class="muted small">"From your orders (each product's weekly units against its average selling price), or from a price file with units (or log units), price, product/brand, optionally store and promotion flags such as "<code>"deal"</code>" or "<code>"feat"</code>"."</p>
            <div class="params">
                <button class="btn small primary" data-testid="el-orders" on:click=from_orders disabled=move || state.report.with(Option::is_none) || state.elasticity_busy.get()>"From the imported orders"</button>
                <label class="btn small">"Choose price file…"
                    <input type="file" accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="el-file" on:change=on_file/>
                </label>
                <span class="muted small">{move || file_name.get().map(|n| format!("File: {n}")).unwrap_or_default()}</span>
            </div>
            {move || state.elasticity_busy.get().then(|| view! { <p class="muted">"Fitting…"</p> })}
            {move || state.elasticity.get().map(|p| view! { <ElasticityResult r=p.report/> })}
        </section>
    }
}

#[component]
fn ElasticityResult(r: ElasticityReport) -> impl IntoView {
    let conf = r.confidence * 100.0;
    let mut groups = r.groups.clone();
    groups.sort_by(|a, b| {
        b.elasticity
            .is_some()
            .cmp(&a.elasticity.is_some())
            .then(b.observations.cmp(&a.observations))
    });
    let rows: Vec<Vec<Cell>> = groups
        .iter()
        .map(|g| {
            vec![
                Cell::Text(g.name.clone()),
                num(g.observations as f64, 0),
                num(g.price_min, 2),
                num(g.price_max, 2),
                opt(g.elasticity, 2),
                opt(g.ci_low, 2),
                opt(g.ci_high, 2),
                opt(g.p_value, 4),
            ]
        })
        .collect();
    let estimated = groups.iter().filter(|g| g.elasticity.is_some()).count();
    let meaning: Vec<(String, String)> = groups
        .iter()
        .map(|g| {
            (
                g.name.clone(),
                g.withheld.clone().unwrap_or_else(|| g.explain.clone()),
            )
        })
        .collect();
    let picked = RwSignal::new(None::<String>);
    let on_row = Callback::new(move |id: String| picked.set(Some(id)));
    view! {
        <div data-testid="el-result" data-groups=r.groups.len() data-estimated=estimated>
            <p class="lead small">{r.summary.clone()}</p>
            <p class="muted small">"Click a product for its numbers in plain words."</p>
            <DataTable id="elasticity" rows=Signal::derive(move || rows.clone()) page_size=10 on_row=on_row columns=vec![
                Column::text("group", "Product / brand"), Column::num("observations", "Weeks/rows"),
                Column::num("price_min", "Lowest price"), Column::num("price_max", "Highest price"),
                Column::num("elasticity", "Elasticity"), Column::num("ci_low", &format!("Low {conf:.0}%")),
                Column::num("ci_high", &format!("High {conf:.0}%")), Column::num("p_value", "p-value"),
            ]/>
            {move || picked.get().and_then(|id| meaning.iter().find(|(g, _)| *g == id).cloned()).map(|(g, e)| view! {
                <div class="explain-box" data-testid="el-explain"><strong>{g}": "</strong>{e}</div>
            })}
            <p class="muted small">"Elasticity −2 means a 1% higher price sells about 2% fewer units. Between 0 and −1, a price rise increases revenue; below −1 it loses revenue."</p>
            {(!r.flags.is_empty()).then(|| view! {
                <h3>"Promotion and display effects"</h3>
                <table class="data-table" data-testid="el-flags">
                    <thead><tr><th>"Flag"</th><th class="num">"Lift"</th><th class="num">{format!("{conf:.0}% interval")}</th><th class="num">"p-value"</th><th>"In plain words"</th></tr></thead>
                    <tbody>{r.flags.iter().map(|f| view! {
                        <tr><td>{f.name.clone()}</td><td class="num">{format!("{:+.1}%", f.lift_pct)}</td>
                            <td class="num">{format!("{:+.1}% to {:+.1}%", f.ci_low_pct, f.ci_high_pct)}</td>
                            <td class="num">{format!("{:.4}", f.p_value)}</td><td class="small">{f.explain.clone()}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            })}
            <details class="how"><summary>"How was this computed?"</summary><p>{r.how_computed.clone()}</p></details>
            {(!r.notes.is_empty()).then(|| view! { <ul class="notes">{r.notes.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
        </div>
    }
}

#[component]
fn PromoCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let sku = RwSignal::new(String::new());
    let weekly = RwSignal::new(false);
    let range_hint = move || {
        state.overview.with(|o| {
            o.as_ref()
                .and_then(|o| {
                    Some(format!(
                        "Your data: {} to {}",
                        o.data_from.clone()?,
                        o.data_to.clone()?
                    ))
                })
                .unwrap_or_default()
        })
    };
    let run_orders = move |_| {
        let (Some(a), Some(b)) = (
            epoch_day(&from.get_untracked()),
            epoch_day(&to.get_untracked()),
        ) else {
            state.error.set(Some(
                "Give the promotion's first and last day (YYYY-MM-DD).".into(),
            ));
            return;
        };
        let sku = sku.get_untracked().trim().to_string();
        bridge::analyze(
            state,
            Task::Promo {
                file: None,
                spec: PromoSpec::default(),
                range: Some((a.min(b), a.max(b))),
                skus: (!sku.is_empty()).then(|| vec![sku]),
                period_days: if weekly.get_untracked() { 7 } else { 1 },
                params: PromoParams::default(),
            },
        );
    };
    let run_responders = move |_| {
        let (Some(a), Some(b)) = (
            epoch_day(&from.get_untracked()),
            epoch_day(&to.get_untracked()),
        ) else {
            state.error.set(Some(
                "Give the promotion's first and last day (YYYY-MM-DD).".into(),
            ));
            return;
        };
        bridge::analyze(
            state,
            Task::Responders {
                params: RespondersParams::new(a.min(b), a.max(b)),
            },
        );
    };
    let on_file = move |ev: web_sys::Event| {
        if let Some((n, b)) = first_file(&ev) {
            PROMO_FILE.with(|f| *f.borrow_mut() = Some((n.clone(), b.clone())));
            bridge::analyze_with_files(
                state,
                Task::Promo {
                    file: Some(n),
                    spec: PromoSpec::default(),
                    range: None,
                    skus: None,
                    period_days: 1,
                    params: PromoParams::default(),
                },
                &[b],
            );
        }
    };
    view! {
        <section class="card" data-testid="promo">
            <h2>"Promotion lift: what a promotion really added"</h2>
            <p class="muted small">"Compares sales during the promotion with what the same days would have sold without it (a baseline of trend, season and weekday fitted on the other days)."</p>
            <div class="params">
                <label>"Promotion from "<input type="date" data-testid="promo-from" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))/></label>
                <label>" to "<input type="date" data-testid="promo-to" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))/></label>
                <label>" product (optional) "<input type="text" placeholder="SKU" data-testid="promo-sku" prop:value=move || sku.get() on:change=move |ev| sku.set(event_target_value(&ev))/></label>
                <label><input type="checkbox" prop:checked=move || weekly.get() on:change=move |ev| weekly.set(event_target_checked(&ev))/>" weekly"</label>
                <button class="btn small primary" data-testid="promo-run" on:click=run_orders disabled=move || state.report.with(Option::is_none) || state.promo_busy.get()>"Measure on the orders"</button>
                <button class="btn small" data-testid="responders-run" on:click=run_responders disabled=move || state.report.with(Option::is_none) || state.responders_busy.get()>"Which customers responded?"</button>
                <span class="muted small">{range_hint}</span>
            </div>
            <div class="params">
                <label class="btn small">"…or choose a file with a promotion flag column"
                    <input type="file" accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="promo-file" on:change=on_file/>
                </label>
            </div>
            {move || state.promo_busy.get().then(|| view! { <p class="muted">"Fitting the baseline…"</p> })}
            {move || state.promo.get().map(|p| view! { <PromoResult r=p.report/> })}
            {move || state.responders.get().map(|p| view! { <RespondersResult r=p.report/> })}
        </section>
    }
}

#[component]
fn PromoResult(r: PromoReport) -> impl IntoView {
    let labels: Vec<String> = r.series.iter().map(|x| x.date.clone()).collect();
    let nan = f64::NAN;
    let lines = vec![
        Series {
            name: "Units sold".into(),
            values: r.series.iter().map(|x| x.units).collect(),
            class: "c0".into(),
        },
        Series {
            name: "Baseline (without promotion)".into(),
            values: r.series.iter().map(|x| x.units_baseline).collect(),
            class: "muted dashed".into(),
        },
    ];
    let conf = r.confidence * 100.0;
    let bands = vec![
        Band {
            name: format!("Baseline {conf:.0}% interval"),
            lower: r.series.iter().map(|x| x.units_low).collect(),
            upper: r.series.iter().map(|x| x.units_high).collect(),
            class: "c5".into(),
        },
        Band {
            name: "Promotion".into(),
            lower: r
                .series
                .iter()
                .map(|x| if x.promo { 0.0 } else { nan })
                .collect(),
            upper: r
                .series
                .iter()
                .map(|x| {
                    if x.promo {
                        x.units.max(x.units_high)
                    } else {
                        nan
                    }
                })
                .collect(),
            class: "interval-wide".into(),
        },
    ];
    let u = r.units.clone();
    let rows: Vec<Vec<Cell>> = r
        .episodes
        .iter()
        .map(|e| {
            vec![
                Cell::Text(e.from.clone()),
                Cell::Text(e.to.clone()),
                num(e.periods as f64, 0),
                num(e.units.actual, 0),
                num(e.units.baseline, 0),
                num(e.units.incremental, 0),
                num(e.units.ci_low, 0),
                num(e.units.ci_high, 0),
                opt(e.revenue.as_ref().map(|x| x.incremental), 0),
            ]
        })
        .collect();
    view! {
        <div data-testid="promo-result" data-incremental=format!("{:.3}", u.incremental)>
            <p class="lead small">{r.summary.clone()}</p>
            <div class="kpis">
                <div class="kpi"><div class="kpi-label">"Extra units"</div><div class="kpi-value">{format::num(u.incremental, 0)}</div>
                    <div class="muted small">{format!("{conf:.0}%: {} to {}", format::num(u.ci_low, 0), format::num(u.ci_high, 0))}</div></div>
                <div class="kpi"><div class="kpi-label">"Lift"</div><div class="kpi-value">{format!("{:+.1}%", u.lift_pct)}</div></div>
                {r.revenue.clone().map(|v| view! {
                    <div class="kpi"><div class="kpi-label">"Extra revenue"</div><div class="kpi-value">{format::num(v.incremental, 0)}</div>
                        <div class="muted small">{format!("{conf:.0}%: {} to {}", format::num(v.ci_low, 0), format::num(v.ci_high, 0))}</div></div>
                })}
            </div>
            <BandChart testid="promo-chart" labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || lines.clone())
                bands=Signal::derive(move || bands.clone()) title=format!("{}: units and baseline", r.label) decimals=0/>
            {(r.episodes.len() > 1).then(|| view! {
                <DataTable id="promo-episodes" rows=Signal::derive(move || rows.clone()) columns=vec![
                    Column::text("from", "From"), Column::text("to", "To"), Column::num("periods", "Periods"),
                    Column::num("units", "Units"), Column::num("baseline", "Baseline"), Column::num("extra", "Extra units"),
                    Column::num("extra_lo", "Low"), Column::num("extra_hi", "High"), Column::num("extra_revenue", "Extra revenue"),
                ]/>
            })}
            <details class="how"><summary>"How was this computed?"</summary><p>{r.how_computed.clone()}</p>
                <p>{format!("Baseline terms: {}. Fit on the non-promotion periods: R² {:.2}, residual sd {:.1}.", r.terms.join(", "), r.baseline_r2, r.baseline_residual_sd)}</p></details>
            {(!r.notes.is_empty()).then(|| view! { <ul class="notes">{r.notes.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
        </div>
    }
}

#[component]
fn RespondersResult(r: RespondersReport) -> impl IntoView {
    let rows: Vec<Vec<Cell>> = r
        .groups
        .iter()
        .map(|g| {
            vec![
                Cell::Text(g.rule.clone()),
                num(g.customers as f64, 0),
                num(g.response_rate * 100.0, 1),
                num(g.lift, 2),
            ]
        })
        .collect();
    view! {
        <div data-testid="responders-result" data-groups=r.groups.len() data-base=format!("{:.5}", r.base_rate)>
            <h3>{format!("Who bought during the promotion ({} to {})", r.from, r.to)}</h3>
            <p class="lead small">{r.summary.clone()}</p>
            <DataTable id="responders" rows=Signal::derive(move || rows.clone()) columns=vec![
                Column::text("group", "Customer group"), Column::num("customers", "Customers"),
                Column::num("response_pct", "Bought during it (%)"), Column::num("lift", "× average"),
            ]/>
            <details class="how" open=true><summary>"The decision tree"</summary><pre class="tree" data-testid="responders-tree">{r.tree.text.clone()}</pre></details>
            <details class="how"><summary>"How was this computed?"</summary><p>{r.how_computed.clone()}</p></details>
        </div>
    }
}
