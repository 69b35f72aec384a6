//! Forecast: demand per total / category / SKU with prediction intervals, the backtest overlaid,
//! the model leaderboard, and a table of every SKU's next period (run in slices in the worker,
//! with progress and cancel). All numbers come from `analytics::forecast` in the worker.

use super::NeedData;
use crate::analytics::forecast::{
    ensemble::{combination_parts, short_name},
    file::FileSeries,
    series::{Freq, Level, Measure},
    ForecastParams, ForecastReport, Interval, ModelKind, SeriesFileParams, SeriesFileReport,
    SeriesForecast, Trend,
};
use crate::protocol::Task;
use crate::text::Text;
use crate::ui::bridge;
use crate::ui::charts::{Band, BandChart, Series};
use crate::ui::format;
use crate::ui::i18n::{say, t};
use crate::ui::progress::{Stop, TaskProgress};
use crate::ui::side_files::{self, Role};
use crate::ui::state::{kept, AppState};
use crate::ui::table::{number as num, Cell, Column, DataTable};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Blob;

/// Plain names of the models in the picker (the core's catalogue, [`ModelKind::name`]).
fn model_name(k: ModelKind) -> String {
    say(&k.name())
}

fn freq_key(f: Freq) -> &'static str {
    match f {
        Freq::Day => "day",
        Freq::Week => "week",
        Freq::Month => "month",
    }
}

/// The period word shown to the user ("week" → "周"); counts read "12 weeks" / "12 周".
fn freq_word(f: Freq) -> &'static str {
    match f {
        Freq::Day => t("day", "天"),
        Freq::Week => t("week", "周"),
        Freq::Month => t("month", "个月"),
    }
}

/// The measure word shown to the user.
fn measure_word(m: Measure) -> &'static str {
    match m {
        Measure::Units => t("units", "销量"),
        Measure::Revenue => t("revenue", "销售额"),
    }
}

/// A series label from the core: the fixed ids get a translation, names from the data stay.
fn series_label(id: &str, label: &str) -> String {
    match (id, label) {
        ("total", "total") => t("total", "合计").into(),
        (_, "(none)") => t("(none)", "（无）").into(),
        _ => label.to_string(),
    }
}

fn trend_word(tr: Trend) -> &'static str {
    match tr {
        Trend::Up => t("up", "上升"),
        Trend::Flat => t("flat", "持平"),
        Trend::Down => t("down", "下降"),
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
            state.error.set(Some(Text::new("common.ui.pick_sku")));
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
    let main = move || {
        if state.report.with(Option::is_none) {
            return view! { <NeedData/> }.into_any();
        }
        view! {
            <div class="page-head">
                <h1>{t("Forecast", "预测")}</h1>
                <span class="muted">{move || state.forecast.get().map(|p| crate::tr!("computed in {:.2} s", "用时 {:.2} 秒", p.millis / 1000.0)).unwrap_or_default()}</span>
            </div>
            <FormCard form=form on_run=Callback::new(move |_| run())/>
            {move || match state.forecast.get() {
                None => view! {
                    <section class="card empty" data-testid="forecast-loading"><p>{t("Forecasting… (testing several models on your history)", "正在预测…（在您的历史数据上测试多种模型）")}</p></section>
                }.into_any(),
                Some(p) => view! { <Detail report=p.report/> }.into_any(),
            }}
            <AllSeries form=form open_sku=open_sku/>
        }
        .into_any()
    };
    view! {
        {main}
        <SeriesFileCard/>
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
            <label>{t("Forecast ", "预测 ")}
                <select aria-label=t("What to forecast", "预测对象") data-testid="fc-level" on:change=move |ev| {
                    if let Some(l) = Level::parse(&event_target_value(&ev)) { form.level.set(l) }
                }>
                    {[Level::Total, Level::Category, Level::Sku].into_iter().map(|l| view! {
                        <option value=level_key(l) selected=move || form.level.get() == l>{match l {
                            Level::Total => t("all sales (total)", "全部销售（合计）"), Level::Category => t("each category", "每个品类"), Level::Sku => t("one product", "单个商品"),
                        }}</option>
                    }).collect_view()}
                </select>
            </label>
            {move || (form.level.get() == Level::Sku).then(|| view! {
                <label>{t(" Product ", " 商品 ")}
                    <input list="fc-skus" data-testid="fc-sku" placeholder=t("SKU or search", "SKU 或搜索") prop:value=move || form.sku.get()
                        on:change=move |ev| form.sku.set(event_target_value(&ev))/>
                    <datalist id="fc-skus">
                        {skus().into_iter().map(|(s, n)| view! { <option value=s>{n}</option> }).collect_view()}
                    </datalist>
                </label>
            })}
            <label>{t(" per ", " 按 ")}
                <select aria-label=t("Aggregation", "汇总周期") data-testid="fc-freq" on:change=move |ev| {
                    if let Some(f) = Freq::parse(&event_target_value(&ev)) { form.freq.set(f) }
                }>
                    {[Freq::Day, Freq::Week, Freq::Month].into_iter().map(|f| view! {
                        <option value=freq_key(f) selected=move || form.freq.get() == f>{freq_word(f)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{t(" periods ahead ", " 向后预测期数 ")}
                <input type="number" min="1" max="366" data-testid="fc-horizon" prop:value=move || form.horizon.get()
                    on:change=move |ev| form.horizon.set(event_target_value(&ev))/>
            </label>
            <label>{t(" of ", " 指标 ")}
                <select aria-label=t("Measure", "指标") on:change=move |ev| form.measure.set(if event_target_value(&ev) == "revenue" { Measure::Revenue } else { Measure::Units })>
                    <option value="units" selected=move || form.measure.get() == Measure::Units>{measure_word(Measure::Units)}</option>
                    <option value="revenue" selected=move || form.measure.get() == Measure::Revenue disabled=move || super::unpriced(state)>{measure_word(Measure::Revenue)}</option>
                </select>
            </label>
            <label>{t(" Model ", " 模型 ")}
                <select aria-label=t("Model", "模型") data-testid="fc-model" on:change=move |ev| {
                    if let Some(k) = ModelKind::parse(&event_target_value(&ev)) { form.model.set(k) }
                }>
                    {ModelKind::ALL.into_iter().map(|k| view! {
                        <option value=k.key() selected=move || form.model.get() == k>{model_name(k)}</option>
                    }).collect_view()}
                </select>
            </label>
            <button class="btn small primary" data-testid="fc-run" on:click=move |_| on_run.run(()) disabled=move || state.forecast_busy.get()>
                {move || if state.forecast_busy.get() { t("Forecasting…", "预测中…") } else { t("Forecast", "开始预测") }}
            </button>
        </section>
    }
}

#[component]
fn Detail(report: ForecastReport) -> impl IntoView {
    let series = report.series.clone();
    if series.is_empty() {
        return view! {
            <section class="card"><p class="warn">{t("Nothing to forecast for this choice.", "此选择下没有可预测的数据。")}</p></section>
        }
        .into_any();
    }
    let chosen = RwSignal::new(0usize);
    let labels: Vec<(usize, String)> = series
        .iter()
        .enumerate()
        .map(|(i, s)| (i, series_label(&s.id, &s.label)))
        .collect();
    let many = labels.len() > 1;
    let series = StoredValue::new(series);
    let unit = measure_word(report.params.measure);
    let freq = freq_word(report.params.freq);
    view! {
        {many.then(|| view! {
            <section class="card params">
                <label>{crate::tr!("{} series — show ", "共 {} 个序列 — 显示 ", labels.len())}
                    <select aria-label=t("Series", "序列") data-testid="fc-series" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
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
    notes: Vec<Text>,
    how: Text,
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
            name: crate::tr!("History ({0} per {1})", "历史（每{1}{0}）", unit, freq),
            values: hist,
            class: "c0".into(),
        },
        Series {
            name: t("Forecast", "预测").into(),
            values: fc,
            class: "c1".into(),
        },
    ];
    if bt.iter().any(|v| v.is_finite()) {
        lines.push(Series {
            name: t(
                "Backtest (forecast of known periods)",
                "回测（对已知期的预测）",
            )
            .into(),
            values: bt,
            class: "muted dashed".into(),
        });
    }
    let bands = interval_bands(&s.forecast.intervals, n, h, n + h);
    let marker = (n > 0).then(|| (n - 1, t("forecast →", "预测 →").to_string()));
    let chosen = s.chosen;
    // Best first by the MASE as shown (three decimals); on a shown tie the chosen model first.
    let shown = |m: Option<f64>| m.map(|v| (v * 1000.0).round());
    let mut board = s.leaderboard.clone();
    board.sort_by(|a, b| {
        match (shown(a.mase), shown(b.mase)) {
            (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| (b.model == chosen).cmp(&(a.model == chosen)))
    });
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
        Column::text("period", t("Period starting", "期初日期")),
        Column::num("forecast", t("Forecast", "预测值")),
    ];
    for iv in &s.forecast.intervals {
        let l = iv.level;
        fc_cols.push(Column::num(
            &format!("lo{l:.0}"),
            &crate::tr!("Low {:.0}%", "下限 {:.0}%", l),
        ));
        fc_cols.push(Column::num(
            &format!("hi{l:.0}"),
            &crate::tr!("High {:.0}%", "上限 {:.0}%", l),
        ));
    }
    let total: f64 = s.forecast.mean.iter().sum();
    let label = series_label(&s.id, &s.label);
    let title = crate::tr!("{} — history and forecast", "{} — 历史与预测", label);
    view! {
        <section class="card" data-testid="forecast-detail" data-model=s.model.clone() data-series=s.id.clone()>
            <div class="card-head">
                <h2>{label}</h2>
                <span class="pill" data-testid="fc-chosen" title=s.model.clone()>{crate::tr!("Model: {}", "模型：{}", say(&short_name(&s.model)))}</span>
                {s.backtest_mase.map(|m| view! { <span class="pill" data-testid="fc-mase" data-value=format!("{m:.4}")>{crate::tr!("Backtest MASE {:.2}", "回测 MASE {:.2}", m)}</span> })}
            </div>
            <p class="lead small" data-testid="fc-explanation">{say(&s.explanation)}</p>
            <BandChart testid="forecast-chart" labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || lines.clone())
                bands=Signal::derive(move || bands.clone()) title=title marker=Signal::derive(move || marker.clone()) decimals=1
                recent=crate::viz::recent_history(h, season)/>
            <p class="muted small">{crate::tr!("Next {0} {1}s in total: {2} {3}.", "未来 {0} {1}{3}合计：{2}。", h, freq, format::num(total, 0), unit)}</p>
            {(!s.notes.is_empty() || !notes.is_empty()).then(|| view! {
                <ul class="notes">{s.notes.iter().chain(notes.iter()).map(|n| view! { <li>{say(n)}</li> }).collect_view()}</ul>
            })}
            <details class="how"><summary>{t("How was this computed?", "计算方法")}</summary>
                <p>{say(&how)}</p>
                <p data-testid="fc-how-mase">{if s.mase_lag > 1 {
                    let length = if s.mase_lag != season {
                        crate::tr!("Season length {} open days (a week without the days the shop is closed, which are forecast 0).", "季节长度 {} 个营业日（一周去掉不营业的日子，不营业日预测为 0）。", s.mase_lag)
                    } else {
                        crate::tr!("Season length {} {}s.", "季节长度 {} {}。", season, freq)
                    };
                    length + t(" Each model is refitted on the history up to a cut-off and forecasts the periods after it (rolling origin); MASE divides its mean absolute error by the mean absolute error, within the history, of forecasting each period by the value one season earlier (the in-sample seasonal naive error), so below 1 is better than that simple rule; the naive forecasts' own scores show how hard the horizon is. The chosen model is then refitted on all history.",
                        "每个模型先用截止点之前的历史重新拟合，再预测截止点之后的各期（滚动起点）；MASE 是其平均绝对误差除以历史中“用上一季同期的数值预测每一期”的平均绝对误差（样本内季节朴素误差），低于 1 即优于这个简单方法；朴素预测自身的得分显示了这段预测期的难度。最后用全部历史重新拟合选中的模型。")
                } else {
                    crate::tr!("Season length {} {}s, but the history is shorter than two seasons (or has no season), so the models are compared without one. Each model is refitted on the history up to a cut-off and forecasts the periods after it (rolling origin); MASE divides its mean absolute error by the mean absolute change from one period to the next within the history (the in-sample error of repeating the last value), so below 1 is better than that simple rule; the naive forecast's own score shows how hard the horizon is. The chosen model is then refitted on all history.",
                        "季节长度 {} {}，但历史不足两季（或没有季节性），因此比较模型时不考虑季节。每个模型先用截止点之前的历史重新拟合，再预测截止点之后的各期（滚动起点）；MASE 是其平均绝对误差除以历史中相邻两期的平均绝对变化量（样本内重复上一期数值的误差），低于 1 即优于这个简单方法；朴素预测自身的得分显示了这段预测期的难度。最后用全部历史重新拟合选中的模型。", season, freq)
                }}</p>
            </details>
            <div class="two-col">
                <div>
                    <h3>{t("Model leaderboard (backtest)", "模型排行（回测）")}</h3>
                    <table class="data-table" data-testid="leaderboard">
                        <thead><tr><th>{t("Model", "模型")}</th><th class="num">{t("MASE", "MASE 误差")}</th></tr></thead>
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
                    <h3>{t("Forecast values", "预测值")}</h3>
                    <DataTable id="forecast" rows=Signal::derive(move || fc_rows.clone()) columns=fc_cols page_size=12/>
                </div>
            </div>
        </section>
    }
}

#[component]
fn AllSeries(form: Form, open_sku: Callback<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Leave out postage, fees and adjustments (`shoplens forecast --goods-only`).
    let goods_only = RwSignal::new(false);
    let start = move |_| {
        let mut params = form.params();
        params.level = Level::Sku;
        params.skus = None;
        params.detail_limit = Some(0);
        params.goods_only = goods_only.get_untracked();
        if params.model == ModelKind::Auto {
            params.backtest_origins = 1;
        }
        bridge::analyze(state, Task::ForecastAll { params });
    };
    // Every SKU of the data (postage and fee lines too, unless left out), known from an
    // overview over all dates.
    let n_products = move || {
        let goods_only = goods_only.get();
        state.overview.with(|o| {
            o.as_ref()
                .filter(|o| o.params == Default::default())
                .map(|o| o.products.len() + if goods_only { 0 } else { o.non_products.len() })
        })
    };
    view! {
        <section class="card" data-testid="forecast-all">
            <div class="card-head">
                <h2>{t("Every product", "全部商品")}</h2>
                <button class="btn small primary" data-testid="fc-all-run" on:click=start disabled=move || state.forecast_all_busy.get()>
                    {move || match n_products() { Some(n) => crate::tr!("Forecast all {} products", "预测全部 {} 个商品", format::int(n as u64)), None => t("Forecast all products", "预测全部商品").into() }}
                </button>
            </div>
            <p class="muted small" data-testid="fc-all-how">{t("Forecasts the next periods of every product with the settings above. With the automatic model this table makes the quick choice: products that sell irregularly get IMAPA (a method for intermittent demand), the others the exponential-smoothing model with the best AICc. There is no backtest here, so the Backtest MASE column stays empty; click a product for its chart and the full, backtested choice. It runs in the background, shared over your processor's cores: the page stays usable, and you can stop it.",
                "按上方设置预测每个商品接下来的各期。选择自动模型时，此表采用快速选择：销售不规律的商品使用 IMAPA（间歇性需求方法），其余商品使用 AICc 最优的指数平滑模型。这里不做回测，因此“回测 MASE”一列为空；点击商品可查看其图表以及经过完整回测的模型选择。计算在后台进行，并分配到处理器的各个核心：页面仍可使用，也可以随时停止。")}</p>
            <label class="small">
                <input type="checkbox" data-testid="fc-all-goods-only" prop:checked=move || goods_only.get()
                    on:change=move |ev| goods_only.set(event_target_checked(&ev))/>
                {t(" Leave out postage, fees, gift cards and adjustments (not goods)", " 不含邮费、手续费、礼品卡和调整项（非商品）")}
            </label>
            <TaskProgress progress=state.forecast_all_progress testid="fc-all-progress"
                label=|done, total| crate::tr!("{} of {} products forecast", "已预测 {} / {} 个商品", done, total)
                stop=Stop { slot: bridge::FORECAST_ALL_SLOT, testid: "fc-all-cancel" }/>
            {move || state.forecast_all.get().map(|p| {
                let r = p.report;
                let freq = freq_word(r.params.freq);
                let rows: Vec<Vec<Cell>> = r.table.iter().map(|t| vec![
                    Cell::Text(t.id.clone()),
                    // The mark is shown, not exported: the CSV has its own `not_goods` column.
                    Cell::Short {
                        shown: if t.not_goods {
                            crate::tr!("{} (not goods)", "{}（非商品）", series_label(&t.id, &t.label))
                        } else {
                            series_label(&t.id, &t.label)
                        },
                        full: series_label(&t.id, &t.label),
                    },
                    num(t.next_period, 2),
                    num(t.next_lo.unwrap_or(f64::NAN), 2),
                    num(t.next_hi.unwrap_or(f64::NAN), 2),
                    num(t.horizon_total, 1),
                    Cell::Text(trend_word(t.trend).into()),
                    num(t.trend_pct, 0),
                    model_cell(&t.model),
                    num(t.backtest_mase.unwrap_or(f64::NAN), 2),
                    Cell::Text(t.not_goods.to_string()),
                ]).collect();
                let lo = r.params.levels.first().copied().unwrap_or(80.0);
                let notes = r.notes.clone();
                view! {
                    <p class="muted small" data-testid="fc-all-summary" data-rows=r.table.len()>{crate::tr!(
                        "{} products, {} {}s ahead, computed in {:.1} s. Click a product for its chart.",
                        "{} 个商品，预测未来 {} {}，用时 {:.1} 秒。点击商品查看其图表。",
                        format::int(r.table.len() as u64), r.params.horizon, freq, p.millis / 1000.0)}</p>
                    {(!notes.is_empty()).then(|| view! {
                        <ul class="notes" data-testid="fc-all-notes">{notes.iter().map(|n| view! { <li>{say(n)}</li> }).collect_view()}</ul>
                    })}
                    <DataTable id="forecast-all" rows=Signal::derive(move || rows.clone()) on_row=open_sku columns=vec![
                        Column::text("sku", t("SKU", "商品编码")), Column::text("description", t("Product", "商品")),
                        Column::num("next_period", &crate::tr!("Next {}", "下一{}", freq)),
                        Column::num("next_lo", &crate::tr!("Low {:.0}%", "下限 {:.0}%", lo)), Column::num("next_hi", &crate::tr!("High {:.0}%", "上限 {:.0}%", lo)),
                        Column::num("horizon_total", t("Total over horizon", "预测期合计")), Column::text("trend", t("Trend", "趋势")),
                        Column::num("trend_pct", &crate::tr!("% vs last {} {}s", "较前 {} {} %", r.params.horizon, freq)), Column::text("model", t("Model", "模型")), Column::num("backtest_mase", t("Backtest MASE", "回测 MASE")),
                        Column::export_only("not_goods"),
                    ]/>
                }
            })}
        </section>
    }
}

/// The bundled series file (six synthetic M3-like monthly series, `www/sample/series/`).
const SAMPLE_SERIES: &str = "./sample/series/monthly_series.csv";
const SAMPLE_SERIES_NAME: &str = "monthly_series.csv (sample)";

/// A series file's name as shown: the bundled sample gets a translated tag.
fn series_file_label(name: &str) -> String {
    if name == SAMPLE_SERIES_NAME {
        t(SAMPLE_SERIES_NAME, "monthly_series.csv（示例）").to_string()
    } else {
        name.to_string()
    }
}

fn chosen_file(ev: &web_sys::Event) -> Option<(String, Blob)> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let f = input.files()?.get(0)?;
    Some((f.name(), f.unchecked_into::<Blob>()))
}

/// "Forecast a series file…": a long file (series id, period, value, optional split) forecast
/// in the worker, scored against its `test` rows; needs no imported orders.
#[component]
fn SeriesFileCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The inputs as typed, stored with the page settings; the file is stored as a side file.
    let store = state.series_file_inputs;
    let horizon = kept(store, |i| i.horizon.clone(), |i, v| i.horizon = v);
    let season = kept(store, |i| i.season.clone(), |i, v| i.season = v);
    let model_key = kept(store, |i| i.model.clone(), |i, v| i.model = v);
    let model = Signal::derive(move || {
        model_key
            .with(|k| ModelKind::parse(k))
            .unwrap_or(SeriesFileParams::default().model)
    });
    let group = kept(store, |i| i.group.clone(), |i, v| i.group = v);
    let file_name = Signal::derive(move || {
        state.side_files_gen.track();
        side_files::name(Role::Series)
    });
    let run = move || {
        let Some((name, blob)) = side_files::get(Role::Series) else {
            state
                .error
                .set(Some(Text::new("common.ui.choose_series_file")));
            return;
        };
        let Ok(h) = horizon.get_untracked().trim().parse::<usize>() else {
            state.error.set(Some(Text::new("common.ui.horizon_whole")));
            return;
        };
        let m = season.get_untracked();
        let season = match m.trim() {
            "" => None,
            v => match v.parse::<usize>() {
                Ok(v) => Some(v),
                Err(_) => {
                    state.error.set(Some(Text::new("common.ui.season_whole")));
                    return;
                }
            },
        };
        let params = SeriesFileParams {
            horizon: h,
            season,
            model: model.get_untracked(),
            group: group.with_untracked(|g| Freq::parse(g)),
            ..SeriesFileParams::default()
        };
        state.error.set(None);
        bridge::analyze_with_files(state, Task::SeriesFile { file: name, params }, &[blob]);
    };
    let set_file = move |name: String, blob: Blob| side_files::put(state, Role::Series, name, blob);
    let on_file = move |ev: web_sys::Event| {
        if let Some((n, b)) = chosen_file(&ev) {
            set_file(n, b);
            run();
        }
    };
    let use_sample = move |_| {
        leptos::task::spawn_local(async move {
            match bridge::fetch_blob(SAMPLE_SERIES).await {
                Ok(b) => {
                    set_file(SAMPLE_SERIES_NAME.to_string(), b);
                    run();
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" data-testid="series-file">
            <h2>{t("Forecast a series file…", "预测序列文件…")}</h2>
            <p class="muted small">{t(
                "A CSV in long format: one row per series and period, with a series id column (series_id, unique_id, sku…), a period column (a date, a month like 2024-01, a week like 2024-W05, or a number) and a value column. A split column marks rows as train or test: only train rows are used for fitting, and the forecasts are scored against the test rows. Columns holding only 0 and 1 (a promotion, a holiday) are used as known effects; rows with an empty value after the last one give the flags planned for the periods ahead. A wide table works too: one row per period and one column per series, or one row per product and one column per month, as a spreadsheet or a pivot table exports it. Runs in the background; nothing leaves your browser.",
                "长格式 CSV：每个序列每期一行，包含序列编号列（series_id、unique_id、sku…）、时期列（日期、如 2024-01 的月份、如 2024-W05 的周或数字）和数值列。split 列把行标记为 train（训练）或 test（测试）：只用训练行拟合，再用测试行给预测打分。只含 0 和 1 的列（促销、节假日）作为已知影响使用；最后一个数值之后数值为空的行给出未来各期已计划的标记。也可以用宽表：每期一行、每个序列一列，或每个商品一行、每月一列（电子表格或数据透视表导出的格式）。计算在后台进行，数据不会离开您的浏览器。",
            )}</p>
            <div class="params">
                <label class="btn small">{t("Choose series file…", "选择序列文件…")}
                    <input type="file" accept=".csv,.txt,.gz" class="visually-hidden" data-testid="sf-file" on:change=on_file/>
                </label>
                <button class="btn small" data-testid="sf-sample" on:click=use_sample>{t("Use the sample series (6 monthly)", "使用示例序列（6 个月度序列）")}</button>
                <span class="muted small" data-testid="sf-file-name">{move || file_name.get().map(|n| crate::tr!("File: {}", "文件：{}", series_file_label(&n))).unwrap_or_else(|| t("No file chosen", "未选择文件").into())}</span>
            </div>
            <div class="params">
                <label>{t("Periods ahead ", "向后预测期数 ")}
                    <input type="number" min="1" max="1000" class="short" data-testid="sf-horizon" prop:value=move || horizon.get()
                        on:change=move |ev| horizon.set(event_target_value(&ev))/>
                </label>
                <label title=t("Periods per season: 12 for monthly data, 4 quarterly, 7 daily, 52 weekly; empty = inferred from the periods", "每个季节周期的期数：月度数据为 12，季度 4，每日 7，每周 52；留空 = 根据时期自动推断")>{t(" Season length ", " 季节长度 ")}
                    <input type="number" min="1" max="366" class="short" placeholder=t("inferred", "自动推断") data-testid="sf-season" prop:value=move || season.get()
                        on:change=move |ev| season.set(event_target_value(&ev))/>
                </label>
                <label title=t("A file of days can be forecast per week or per month: each series' days are added up", "每日数据的文件可以按周或按月预测：把每个序列的每日数据相加")>{t(" Periods ", " 时期 ")}
                    <select aria-label=t("Periods", "时期") data-testid="sf-group" on:change=move |ev| group.set(event_target_value(&ev))>
                        <option value="" selected=move || group.with(String::is_empty)>{t("as in the file", "按文件原样")}</option>
                        <option value="week" selected=move || group.with(|g| g == "week")>{t("days added up into weeks", "每日数据按周合计")}</option>
                        <option value="month" selected=move || group.with(|g| g == "month")>{t("days added up into months", "每日数据按月合计")}</option>
                    </select>
                </label>
                <label>{t(" Model ", " 模型 ")}
                    <select aria-label=t("Model", "模型") data-testid="sf-model" on:change=move |ev| {
                        if let Some(k) = ModelKind::parse(&event_target_value(&ev)) { model_key.set(k.key().to_string()) }
                    }>
                        {ModelKind::ALL.into_iter().map(|k| view! {
                            <option value=k.key() selected=move || model.get() == k>{model_name(k)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button class="btn small primary" data-testid="sf-run" on:click=move |_| run() disabled=move || state.series_file_busy.get() || file_name.get().is_none()>
                    {move || if state.series_file_busy.get() { t("Forecasting…", "预测中…") } else { t("Forecast every series", "预测全部序列") }}
                </button>
            </div>
            <TaskProgress progress=state.series_file_progress testid="sf-progress"
                label=|done, total| crate::tr!("{} of {} series forecast", "已预测 {} / {} 个序列", done, total)
                stop=Stop { slot: bridge::SERIES_FILE_SLOT, testid: "sf-cancel" }/>
            {move || state.series_file.get().map(|p| view! { <SeriesFileResult report=p.report millis=p.millis/> })}
        </section>
    }
}

#[component]
fn SeriesFileResult(report: SeriesFileReport, millis: f64) -> impl IntoView {
    let n = report.series.len();
    let h = report.params.horizon;
    let season_note = if report.season_inferred {
        crate::tr!(
            "season length {} (inferred)",
            "季节长度 {}（自动推断）",
            report.season
        )
    } else {
        crate::tr!("season length {}", "季节长度 {}", report.season)
    };
    let rows: Vec<Vec<Cell>> = report
        .series
        .iter()
        .map(|s| {
            let iv = s.forecast.interval(80.0);
            let first =
                |v: Option<&Vec<f64>>| v.and_then(|v| v.first().copied()).unwrap_or(f64::NAN);
            vec![
                Cell::Text(s.id.clone()),
                model_cell(&s.model),
                num(s.forecast.mean.first().copied().unwrap_or(f64::NAN), 2),
                num(first(iv.map(|i| &i.lower)), 2),
                num(first(iv.map(|i| &i.upper)), 2),
                num(s.forecast.mean.iter().sum(), 1),
                num(s.smape.unwrap_or(f64::NAN), 2),
                num(s.mase.unwrap_or(f64::NAN), 3),
            ]
        })
        .collect();
    let csv = StoredValue::new(report.csv().unwrap_or_default());
    let download = move |_| {
        csv.with_value(|c| {
            crate::ui::download::save_text("forecasts.csv", "text/csv;charset=utf-8", c)
        });
    };
    let series = StoredValue::new(report.series.clone());
    let file_season = report.season;
    let chosen = RwSignal::new(0usize);
    let ids: Vec<(usize, String)> = report
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.id.clone()))
        .collect();
    let pick = Callback::new(move |id: String| {
        if let Some(i) = series.with_value(|v| v.iter().position(|s| s.id == id)) {
            chosen.set(i);
        }
    });
    view! {
        <p class="muted small" data-testid="sf-summary" data-series=n data-millis=format!("{millis:.0}") data-workers=report.workers>{crate::tr!(
            "{} series from {}, {} periods ahead, {}, computed in {:.2} s.",
            "{} 个序列（{}），向后预测 {} 期，{}，用时 {:.2} 秒。",
            format::int(n as u64), series_file_label(&report.file), h, season_note, millis / 1000.0)}
            {(report.workers > 1).then(|| crate::tr!(
                " The series were shared out over {} workers, one per processor core of this computer.",
                "这些序列分给 {} 个工作线程同时计算（本机每个处理器核心一个）。",
                report.workers))}</p>
        {(!report.notes.is_empty()).then(|| view! {
            <div class="note small" data-testid="sf-notes" data-layout=format!("{:?}", report.layout)>
                {report.notes.iter().map(|n| view! { <p>{say(n)}</p> }).collect_view()}
            </div>
        })}
        {report.score.as_ref().map(|sc| view! {
            <div class="callout" data-testid="sf-score" data-smape=format!("{:.6}", sc.smape) data-mase=format!("{:.6}", sc.mase) data-series=sc.series>
                <p><strong>{crate::tr!("Accuracy on the test rows: sMAPE {}%, MASE {}", "测试行上的准确度：sMAPE {}%，MASE {}", format::num(sc.smape, 2), format::num(sc.mase, 3))}</strong></p>
                <p class="small">{say(&sc.explanation)}</p>
            </div>
        })}
        <div class="params">
            <button class="btn small" data-testid="sf-download" on:click=download>{t("Download forecasts (CSV)", "下载预测结果（CSV）")}</button>
            <label>{t(" Chart of ", " 图表：")}
                <select aria-label=t("Series", "序列") data-testid="sf-series" prop:value=move || chosen.get().to_string() on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {ids.into_iter().map(|(i, id)| view! { <option value=i.to_string()>{id}</option> }).collect_view()}
                </select>
            </label>
        </div>
        {move || series.with_value(|v| v.get(chosen.get()).cloned()).map(|s| view! { <FileSeriesChart s=s season=file_season/> })}
        <DataTable id="series-file" rows=Signal::derive(move || rows.clone()) on_row=pick columns=vec![
            Column::text("series_id", t("Series", "序列")), Column::text("model", t("Model", "模型")),
            Column::num("next", t("Next period", "下一期")),
            Column::num("lo80", t("Low 80%", "下限 80%")), Column::num("hi80", t("High 80%", "上限 80%")),
            Column::num("horizon_total", t("Total over horizon", "预测期合计")),
            Column::num("smape", t("sMAPE % (test)", "sMAPE %（测试）")), Column::num("mase", t("MASE (test)", "MASE（测试）")),
        ]/>
    }
}

/// A table cell naming a model: a combination by its plain name, its full name in the CSV.
fn model_cell(full: &str) -> Cell {
    Cell::Short {
        shown: say(&short_name(full)),
        full: full.to_string(),
    }
}

/// History (train rows), the held-out test rows, the forecast and its intervals of one series.
#[component]
fn FileSeriesChart(s: FileSeries, season: usize) -> impl IntoView {
    let nan = f64::NAN;
    let n = s.history.len();
    let h = s.forecast.mean.len();
    let len = n + h.max(s.actual.len());
    let labels: Vec<String> = (0..len)
        .map(|i| {
            s.periods
                .iter()
                .chain(&s.future_periods)
                .nth(i)
                .cloned()
                .unwrap_or_else(|| format!("t+{}", i + 1 - n))
        })
        .collect();
    let mut hist = s.history.clone();
    hist.resize(len, nan);
    let mut actual = vec![nan; len];
    if n > 0 && !s.actual.is_empty() {
        actual[n - 1] = s.history[n - 1];
    }
    for (k, v) in s.actual.iter().enumerate() {
        actual[n + k] = *v;
    }
    let mut fc = vec![nan; len];
    if n > 0 {
        fc[n - 1] = s.history[n - 1];
    }
    for (k, v) in s.forecast.mean.iter().enumerate() {
        fc[n + k] = *v;
    }
    let mut lines = vec![
        Series {
            name: t("History (fitted)", "历史（用于拟合）").into(),
            values: hist,
            class: "c0".into(),
        },
        Series {
            name: t("Forecast", "预测").into(),
            values: fc,
            class: "c1".into(),
        },
    ];
    if !s.actual.is_empty() {
        lines.push(Series {
            name: t(
                "Actual (test rows, held out)",
                "实际值（测试行，未参与拟合）",
            )
            .into(),
            values: actual,
            class: "c2 dashed".into(),
        });
    }
    let bands = interval_bands(&s.forecast.intervals, n, h, len);
    let marker = (n > 0).then(|| (n - 1, t("forecast →", "预测 →").to_string()));
    let title = crate::tr!(
        "{} — history, forecast and test rows",
        "{} — 历史、预测与测试行",
        s.id
    );
    // A combination by its plain name, its members on a line of their own.
    let model = say(&short_name(&s.model));
    let members = combination_parts(&s.model).map(|(_, m)| m.join(", "));
    let score = match (s.smape, s.mase) {
        (Some(a), Some(b)) => crate::tr!(
            "Model: {}. On the test rows: sMAPE {}%, MASE {}.",
            "模型：{}。测试行上 sMAPE {}%，MASE {}。",
            model,
            format::num(a, 2),
            format::num(b, 3)
        ),
        (Some(a), None) => crate::tr!(
            "Model: {}. On the test rows: sMAPE {}%.",
            "模型：{}。测试行上 sMAPE {}%。",
            model,
            format::num(a, 2)
        ),
        _ => crate::tr!("Model: {}.", "模型：{}。", model),
    };
    // Flag columns: their estimated effects and how they were used.
    let flags = (!s.flag_effects.is_empty() || !s.notes.is_empty()).then(|| {
        let effects = s
            .flag_effects
            .iter()
            .map(|e| {
                let sign = if e.effect >= 0.0 { "+" } else { "" };
                format!("{} {sign}{}", e.name, format::num(e.effect, 1))
            })
            .collect::<Vec<_>>()
            .join("; ");
        let data = s
            .flag_effects
            .iter()
            .map(|e| format!("{}={:.2}", e.name, e.effect))
            .collect::<Vec<_>>()
            .join(";");
        view! {
            <div class="note small" data-testid="sf-flags" data-effects=data>
                {(!effects.is_empty()).then(|| view! {
                    <p><strong>{crate::tr!("Flag effects per flagged period: {}.", "每个标记期的影响：{}。", effects)}</strong></p>
                })}
                {s.notes.iter().map(|n| view! { <p>{say(n)}</p> }).collect_view()}
            </div>
        }
    });
    view! {
        <div data-testid="sf-detail" data-series=s.id.clone()>
            <p class="small" data-testid="sf-model-score" title=s.model.clone()>{score}</p>
            {members.map(|m| view! { <p class="small muted">{crate::tr!("Members: {}.", "成员模型：{}。", m)}</p> })}
            {flags}
            <BandChart testid="sf-chart" labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || lines.clone())
                bands=Signal::derive(move || bands.clone()) title=title marker=Signal::derive(move || marker.clone()) decimals=1 from_zero=false
                recent=crate::viz::recent_history(h, season)/>
        </div>
    }
}

/// The chart bands of a forecast's intervals, widest first (drawn lighter when there are
/// several): missing over the `n` history periods, the interval over the next `h`, missing
/// again up to `len`.
fn interval_bands(intervals: &[Interval], n: usize, h: usize, len: usize) -> Vec<Band> {
    let nan = f64::NAN;
    let mut ivs = intervals.to_vec();
    ivs.sort_by(|a, b| b.level.total_cmp(&a.level));
    let wide = ivs.len() > 1;
    ivs.iter()
        .enumerate()
        .map(|(k, iv)| {
            let mut lower = vec![nan; len.max(n + h)];
            let mut upper = vec![nan; len.max(n + h)];
            for j in 0..h {
                lower[n + j] = iv.lower.get(j).copied().unwrap_or(nan);
                upper[n + j] = iv.upper.get(j).copied().unwrap_or(nan);
            }
            Band {
                name: crate::tr!("{:.0}% interval", "{:.0}% 区间", iv.level),
                lower,
                upper,
                class: if k == 0 && wide {
                    "interval-wide".into()
                } else {
                    "interval".into()
                },
            }
        })
        .collect()
}
