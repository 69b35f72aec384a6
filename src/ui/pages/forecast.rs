//! Forecast: demand per total / category / SKU with prediction intervals, the backtest overlaid,
//! the model leaderboard, and a table of every SKU's next period (run in slices in the worker,
//! with progress and cancel). All numbers come from `analytics::forecast` in the worker.

use super::NeedData;
use crate::analytics::forecast::{
    series::{Freq, Level, Measure},
    ForecastParams, ForecastReport, ModelKind, SeriesForecast, Trend,
};
use crate::protocol::Task;
use crate::ui::bridge;
use crate::ui::charts::{Band, BandChart, Series};
use crate::ui::format;
use crate::ui::state::AppState;
use crate::ui::table::{number as num, Cell, Column, DataTable};
use leptos::prelude::*;

/// Plain names of the models in the picker.
fn model_name(k: ModelKind) -> &'static str {
    match k {
        ModelKind::Auto => "Automatic (best in backtest)",
        ModelKind::Naive => "Naive (last value)",
        ModelKind::SeasonalNaive => "Seasonal naive (last season)",
        ModelKind::Mean => "Mean",
        ModelKind::Drift => "Drift (straight line)",
        ModelKind::Ets => "Exponential smoothing (ETS)",
        ModelKind::Arima => "ARIMA",
        ModelKind::Theta => "Theta",
        ModelKind::Croston => "Croston",
        ModelKind::CrostonOptimized => "Croston (optimised)",
        ModelKind::Sba => "SBA",
        ModelKind::Tsb => "TSB",
        ModelKind::Adida => "ADIDA",
        ModelKind::Imapa => "IMAPA",
        ModelKind::Regression => "Regression (trend + seasonality)",
        ModelKind::Ensemble => "Ensemble (ETS, ARIMA, Theta)",
        ModelKind::IntermittentEnsemble => "Ensemble for irregular sales",
    }
}

fn freq_key(f: Freq) -> &'static str {
    match f {
        Freq::Day => "day",
        Freq::Week => "week",
        Freq::Month => "month",
    }
}

fn level_key(l: Level) -> &'static str {
    match l {
        Level::Total => "total",
        Level::Category => "category",
        Level::Sku => "sku",
    }
}

/// The form lives with the page (not one report), so edits survive a report landing.
#[derive(Clone, Copy)]
struct Form {
    level: RwSignal<Level>,
    sku: RwSignal<String>,
    freq: RwSignal<Freq>,
    horizon: RwSignal<String>,
    measure: RwSignal<Measure>,
    model: RwSignal<ModelKind>,
}

impl Form {
    fn new(p: &ForecastParams) -> Self {
        Self {
            level: RwSignal::new(p.level),
            sku: RwSignal::new(
                p.skus
                    .as_ref()
                    .and_then(|s| s.first().cloned())
                    .unwrap_or_default(),
            ),
            freq: RwSignal::new(p.freq),
            horizon: RwSignal::new(p.horizon.to_string()),
            measure: RwSignal::new(p.measure),
            model: RwSignal::new(p.model),
        }
    }

    fn params(&self) -> ForecastParams {
        let level = self.level.get_untracked();
        let sku = self.sku.get_untracked().trim().to_string();
        ForecastParams {
            level,
            freq: self.freq.get_untracked(),
            horizon: self.horizon.get_untracked().trim().parse().unwrap_or(12),
            measure: self.measure.get_untracked(),
            model: self.model.get_untracked(),
            skus: (level == Level::Sku).then(|| vec![sku]),
            detail_limit: Some(30),
            ..ForecastParams::default()
        }
    }
}

#[component]
pub fn Forecast() -> impl IntoView {
    let state = expect_context::<AppState>();
    let form = Form::new(&state.forecast_params.get_untracked());
    Effect::new(move |_| {
        let gen = state.dataset_gen.get();
        let have = state.report.with(Option::is_some);
        let fresh = state
            .forecast
            .with_untracked(|c| c.as_ref().map(|c| c.gen == gen).unwrap_or(false));
        if have && !fresh && !state.forecast_busy.get_untracked() {
            let params = state.forecast_params.get_untracked();
            bridge::analyze(state, Task::Forecast { params });
        }
    });
    let run = move || {
        let params = form.params();
        if params.level == Level::Sku
            && params
                .skus
                .as_ref()
                .is_none_or(|s| s.iter().all(String::is_empty))
        {
            state.error.set(Some(
                "Type or pick a product code (SKU) to forecast.".into(),
            ));
            return;
        }
        state.forecast_params.set(params.clone());
        bridge::analyze(state, Task::Forecast { params });
    };
    let open_sku = Callback::new(move |id: String| {
        form.level.set(Level::Sku);
        form.sku.set(id);
        run();
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    move || {
        if state.report.with(Option::is_none) {
            return view! { <NeedData/> }.into_any();
        }
        view! {
            <div class="page-head">
                <h1>"Forecast"</h1>
                <span class="muted">{move || state.forecast.get().map(|p| format!("computed in {:.2} s", p.millis / 1000.0)).unwrap_or_default()}</span>
            </div>
            <FormCard form=form on_run=Callback::new(move |_| run())/>
            {move || match state.forecast.get() {
                None => view! {
                    <section class="card empty" data-testid="forecast-loading"><p>"Forecasting… (testing several models on your history)"</p></section>
                }.into_any(),
                Some(p) => view! { <Detail report=p.report/> }.into_any(),
            }}
            <AllSeries form=form open_sku=open_sku/>
        }
        .into_any()
    }
}

#[component]
fn FormCard(form: Form, on_run: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Product codes for the searchable picker: the overview's products, by revenue.
    let skus = move || {
        state
            .overview
            .with(|o| {
                o.as_ref().map(|o| {
                    o.products
                        .iter()
                        .take(2000)
                        .map(|p| (p.sku.clone(), p.name.clone()))
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    };
    view! {
        <section class="card params" data-testid="forecast-form">
            <label>"Forecast "
                <select aria-label="What to forecast" data-testid="fc-level" on:change=move |ev| {
                    if let Some(l) = Level::parse(&event_target_value(&ev)) { form.level.set(l) }
                }>
                    {[Level::Total, Level::Category, Level::Sku].into_iter().map(|l| view! {
                        <option value=level_key(l) selected=move || form.level.get() == l>{match l {
                            Level::Total => "all sales (total)", Level::Category => "each category", Level::Sku => "one product",
                        }}</option>
                    }).collect_view()}
                </select>
            </label>
            {move || (form.level.get() == Level::Sku).then(|| view! {
                <label>" Product "
                    <input list="fc-skus" data-testid="fc-sku" placeholder="SKU or search" prop:value=move || form.sku.get()
                        on:change=move |ev| form.sku.set(event_target_value(&ev))/>
                    <datalist id="fc-skus">
                        {skus().into_iter().map(|(s, n)| view! { <option value=s>{n}</option> }).collect_view()}
                    </datalist>
                </label>
            })}
            <label>" per "
                <select aria-label="Aggregation" data-testid="fc-freq" on:change=move |ev| {
                    if let Some(f) = Freq::parse(&event_target_value(&ev)) { form.freq.set(f) }
                }>
                    {[Freq::Day, Freq::Week, Freq::Month].into_iter().map(|f| view! {
                        <option value=freq_key(f) selected=move || form.freq.get() == f>{freq_key(f)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>" periods ahead "
                <input type="number" min="1" max="366" data-testid="fc-horizon" prop:value=move || form.horizon.get()
                    on:change=move |ev| form.horizon.set(event_target_value(&ev))/>
            </label>
            <label>" of "
                <select aria-label="Measure" on:change=move |ev| form.measure.set(if event_target_value(&ev) == "revenue" { Measure::Revenue } else { Measure::Units })>
                    <option value="units" selected=move || form.measure.get() == Measure::Units>"units"</option>
                    <option value="revenue" selected=move || form.measure.get() == Measure::Revenue>"revenue"</option>
                </select>
            </label>
            <label>" Model "
                <select aria-label="Model" data-testid="fc-model" on:change=move |ev| {
                    if let Some(k) = ModelKind::parse(&event_target_value(&ev)) { form.model.set(k) }
                }>
                    {ModelKind::ALL.into_iter().map(|k| view! {
                        <option value=k.key() selected=move || form.model.get() == k>{model_name(k)}</option>
                    }).collect_view()}
                </select>
            </label>
            <button class="btn small primary" data-testid="fc-run" on:click=move |_| on_run.run(()) disabled=move || state.forecast_busy.get()>
                {move || if state.forecast_busy.get() { "Forecasting…" } else { "Forecast" }}
            </button>
        </section>
    }
}

#[component]
fn Detail(report: ForecastReport) -> impl IntoView {
    let series = report.series.clone();
    if series.is_empty() {
        return view! {
            <section class="card"><p class="warn">"Nothing to forecast for this choice."</p></section>
        }
        .into_any();
    }
    let chosen = RwSignal::new(0usize);
    let labels: Vec<(usize, String)> = series
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.label.clone()))
        .collect();
    let many = labels.len() > 1;
    let series = StoredValue::new(series);
    let unit = match report.params.measure {
        Measure::Units => "units",
        Measure::Revenue => "revenue",
    };
    let freq = freq_key(report.params.freq);
    view! {
        {many.then(|| view! {
            <section class="card params">
                <label>{format!("{} series — show ", labels.len())}
                    <select aria-label="Series" data-testid="fc-series" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {labels.iter().map(|(i, l)| view! { <option value=i.to_string()>{l.clone()}</option> }).collect_view()}
                    </select>
                </label>
            </section>
        })}
        {move || {
            let s = series.with_value(|v| v.get(chosen.get()).cloned());
            s.map(|s| view! { <SeriesCard s=s unit=unit freq=freq notes=report.notes.clone() how=report.explanation.clone() season=report.season/> })
        }}
    }
    .into_any()
}

#[component]
fn SeriesCard(
    s: SeriesForecast,
    unit: &'static str,
    freq: &'static str,
    notes: Vec<String>,
    how: String,
    season: usize,
) -> impl IntoView {
    let n = s.history.len();
    let h = s.forecast.mean.len();
    let nan = f64::NAN;
    let mut labels = s.periods.clone();
    labels.extend(s.forecast_periods.iter().cloned());
    let mut hist = s.history.clone();
    hist.extend(std::iter::repeat_n(nan, h));
    // The forecast line starts at the last observed value so the two join.
    let mut fc = vec![nan; n + h];
    if n > 0 {
        fc[n - 1] = s.history[n - 1];
    }
    for (k, v) in s.forecast.mean.iter().enumerate() {
        fc[n + k] = *v;
    }
    let mut bt = vec![nan; n + h];
    for w in &s.backtest {
        if let Some(start) = s.periods.iter().position(|p| *p == w.start) {
            for (k, v) in w.forecast.iter().enumerate() {
                if let Some(slot) = bt.get_mut(start + k) {
                    *slot = *v;
                }
            }
        }
    }
    let mut lines = vec![
        Series {
            name: format!("History ({unit} per {freq})"),
            values: hist,
            class: "c0".into(),
        },
        Series {
            name: "Forecast".into(),
            values: fc,
            class: "c1".into(),
        },
    ];
    if bt.iter().any(|v| v.is_finite()) {
        lines.push(Series {
            name: "Backtest (forecast of known periods)".into(),
            values: bt,
            class: "muted dashed".into(),
        });
    }
    let mut ivs = s.forecast.intervals.clone();
    ivs.sort_by(|a, b| {
        b.level
            .partial_cmp(&a.level)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let bands: Vec<Band> = ivs
        .iter()
        .enumerate()
        .map(|(k, iv)| {
            let mut lower = vec![nan; n + h];
            let mut upper = vec![nan; n + h];
            for j in 0..h {
                lower[n + j] = iv.lower.get(j).copied().unwrap_or(nan);
                upper[n + j] = iv.upper.get(j).copied().unwrap_or(nan);
            }
            Band {
                name: format!("{:.0}% interval", iv.level),
                lower,
                upper,
                class: if k == 0 && ivs.len() > 1 {
                    "interval-wide".into()
                } else {
                    "interval".into()
                },
            }
        })
        .collect();
    let marker = (n > 0).then(|| (n - 1, "forecast →".to_string()));
    let mut board = s.leaderboard.clone();
    board.sort_by(|a, b| match (a.mase, b.mase) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let chosen = s.chosen;
    let fc_rows: Vec<Vec<Cell>> = (0..h)
        .map(|j| {
            let mut row = vec![
                Cell::Text(s.forecast_periods.get(j).cloned().unwrap_or_default()),
                num(s.forecast.mean[j], 2),
            ];
            for iv in &s.forecast.intervals {
                row.push(num(iv.lower.get(j).copied().unwrap_or(nan), 2));
                row.push(num(iv.upper.get(j).copied().unwrap_or(nan), 2));
            }
            row
        })
        .collect();
    let mut fc_cols = vec![
        Column::text("period", "Period starting"),
        Column::num("forecast", "Forecast"),
    ];
    for iv in &s.forecast.intervals {
        let l = iv.level;
        fc_cols.push(Column::num(&format!("lo{l:.0}"), &format!("Low {l:.0}%")));
        fc_cols.push(Column::num(&format!("hi{l:.0}"), &format!("High {l:.0}%")));
    }
    let total: f64 = s.forecast.mean.iter().sum();
    let title = format!("{} — history and forecast", s.label);
    view! {
        <section class="card" data-testid="forecast-detail" data-model=s.model.clone() data-series=s.id.clone()>
            <div class="card-head">
                <h2>{s.label.clone()}</h2>
                <span class="pill" data-testid="fc-chosen">{format!("Model: {}", s.model)}</span>
                {s.backtest_mase.map(|m| view! { <span class="pill" data-testid="fc-mase" data-value=format!("{m:.4}")>{format!("Backtest MASE {m:.2}")}</span> })}
            </div>
            <p class="lead small" data-testid="fc-explanation">{s.explanation.clone()}</p>
            <BandChart testid="forecast-chart" labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || lines.clone())
                bands=Signal::derive(move || bands.clone()) title=title marker=Signal::derive(move || marker.clone()) decimals=1/>
            <p class="muted small">{format!("Next {h} {freq}s in total: {} {unit}.", format::num(total, 0))}</p>
            {(!s.notes.is_empty() || !notes.is_empty()).then(|| view! {
                <ul class="notes">{s.notes.iter().chain(notes.iter()).map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            })}
            <details class="how"><summary>"How was this computed?"</summary>
                <p>{how}</p>
                <p>{format!("Season length {season} {freq}s. Each model is refitted on the history up to a cut-off and forecasts the periods after it (rolling origin); MASE divides its mean absolute error by that of repeating the value one season earlier, so below 1 beats the seasonal naive forecast. The chosen model is then refitted on all history.")}</p>
            </details>
            <div class="two-col">
                <div>
                    <h3>"Model leaderboard (backtest)"</h3>
                    <table class="data-table" data-testid="leaderboard">
                        <thead><tr><th>"Model"</th><th class="num">"MASE"</th></tr></thead>
                        <tbody>
                            {board.into_iter().map(|r| {
                                let is = r.model == chosen;
                                view! {
                                    <tr class:chosen=is>
                                        <td>{model_name(r.model)}{is.then_some(" ✓")}</td>
                                        <td class="num">{r.mase.map(|m| format!("{m:.3}")).unwrap_or_else(|| "—".into())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div>
                    <h3>"Forecast values"</h3>
                    <DataTable id="forecast" rows=Signal::derive(move || fc_rows.clone()) columns=fc_cols page_size=12/>
                </div>
            </div>
        </section>
    }
}

#[component]
fn AllSeries(form: Form, open_sku: Callback<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let start = move |_| {
        let mut params = form.params();
        params.level = Level::Sku;
        params.skus = None;
        params.detail_limit = Some(0);
        if params.model == ModelKind::Auto {
            params.backtest_origins = 1;
        }
        bridge::analyze(state, Task::ForecastAll { params });
    };
    let n_products = move || {
        state
            .overview
            .with(|o| o.as_ref().map(|o| o.products.len()))
    };
    view! {
        <section class="card" data-testid="forecast-all">
            <div class="card-head">
                <h2>"Every product"</h2>
                <button class="btn small primary" data-testid="fc-all-run" on:click=start disabled=move || state.forecast_all_busy.get()>
                    {move || match n_products() { Some(n) => format!("Forecast all {} products", format::int(n as u64)), None => "Forecast all products".into() }}
                </button>
            </div>
            <p class="muted small">"Forecasts the next periods of every product with the settings above (automatic: each product gets the model that did best on its own recent history; products that sell irregularly get methods for intermittent demand). It runs in the background: the page stays usable, and you can stop it."</p>
            {move || state.forecast_all_progress.get().map(|(done, total)| {
                let pct = if total > 0 { done as f64 / total as f64 * 100.0 } else { 0.0 };
                view! {
                    <div class="task-progress" data-testid="fc-all-progress" role="status">
                        <span>{format!("{} of {} products forecast", format::int(done as u64), format::int(total as u64))}</span>
                        <progress max="100" value=pct></progress>
                        <button class="btn small" data-testid="fc-all-cancel" on:click=move |_| bridge::cancel_task(state, bridge::FORECAST_ALL_SLOT)>"Stop"</button>
                    </div>
                }
            })}
            {move || state.forecast_all.get().map(|p| {
                let r = p.report;
                let freq = freq_key(r.params.freq);
                let rows: Vec<Vec<Cell>> = r.table.iter().map(|t| vec![
                    Cell::Text(t.id.clone()),
                    Cell::Text(t.label.clone()),
                    num(t.next_period, 2),
                    num(t.next_lo.unwrap_or(f64::NAN), 2),
                    num(t.next_hi.unwrap_or(f64::NAN), 2),
                    num(t.horizon_total, 1),
                    Cell::Text(match t.trend { Trend::Up => "up", Trend::Flat => "flat", Trend::Down => "down" }.into()),
                    num(t.trend_pct, 0),
                    Cell::Text(t.model.clone()),
                    num(t.backtest_mase.unwrap_or(f64::NAN), 2),
                ]).collect();
                let lo = r.params.levels.first().copied().unwrap_or(80.0);
                view! {
                    <p class="muted small" data-testid="fc-all-summary" data-rows=r.table.len()>{format!(
                        "{} products, {} {freq}s ahead, computed in {:.1} s. Click a product for its chart.",
                        format::int(r.table.len() as u64), r.params.horizon, p.millis / 1000.0)}</p>
                    <DataTable id="forecast-all" rows=Signal::derive(move || rows.clone()) on_row=open_sku columns=vec![
                        Column::text("sku", "SKU"), Column::text("description", "Product"),
                        Column::num("next_period", &format!("Next {freq}")),
                        Column::num("next_lo", &format!("Low {lo:.0}%")), Column::num("next_hi", &format!("High {lo:.0}%")),
                        Column::num("horizon_total", "Total over horizon"), Column::text("trend", "Trend"),
                        Column::num("trend_pct", "Trend %"), Column::text("model", "Model"), Column::num("backtest_mase", "Backtest MASE"),
                    ]/>
                }
            })}
        </section>
    }
}
