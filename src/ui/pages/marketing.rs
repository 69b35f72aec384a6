//! Marketing: the media-mix model (ROI, marginal ROI, decomposition, response and adstock
//! curves, budget allocation) of a spend file, and A/B test analysis of an experiment file or
//! typed counts. All numbers come from `analytics::marketing` in the worker.

use crate::analytics::customers::history::date_string;
use crate::analytics::marketing::abtest::AbParams;
use crate::analytics::marketing::abtest::{AbReport, MetricKind};
use crate::analytics::marketing::elasticity::{ElasticityParams, ElasticityReport, ElasticitySpec};
use crate::analytics::marketing::experiment::ExperimentSpec;
use crate::analytics::marketing::mmm::{
    BudgetParams, ChannelBound, MmmParams, MmmReport, SpendSpec,
};
use crate::analytics::marketing::promo::term_text;
use crate::analytics::marketing::promo::{PromoParams, PromoReport, PromoSpec};
use crate::analytics::marketing::responders::{RespondersParams, RespondersReport};
use crate::protocol::Task;
use crate::session::MarketingInputs;
use crate::text::marketing::list;
use crate::text::Text;
use crate::ui::bridge;
use crate::ui::charts::{Band, BandChart, Series};
use crate::ui::format;
use crate::ui::i18n::{lang, say, t, Lang};
use crate::ui::side_files::{self, Role};
use crate::ui::state::AppState;
use crate::ui::table::{number as num, Cell, Column, DataTable};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Blob;

const SAMPLE_SPEND: &str = "./sample/marketing/spend.csv";
const SAMPLE_EXPERIMENT: &str = "./sample/marketing/experiment.csv";

/// Days since 1970-01-01 of a "YYYY-MM-DD" date.
fn epoch_day(s: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some((d - epoch).num_days())
}

fn opt(v: Option<f64>, decimals: usize) -> Cell {
    num(v.unwrap_or(f64::NAN), decimals)
}

/// Every file chosen in a file input, in order.
fn all_files(ev: &web_sys::Event) -> Vec<(String, Blob)> {
    let Some(list) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.files())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|k| list.get(k))
        .map(|f| (f.name(), f.unchecked_into::<Blob>()))
        .collect()
}

fn first_file(ev: &web_sys::Event) -> Option<(String, Blob)> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let f = input.files()?.get(0)?;
    Some((f.name(), f.unchecked_into::<Blob>()))
}

/// Column names quoted as examples in the help texts (code, the same in every language).
const SPEND_COLUMN_EXAMPLES: [&str; 2] = ["search_spend", "tv_cost"];
const PRICE_FLAG_EXAMPLES: [&str; 2] = ["deal", "feat"];

const SAMPLE_SPEND_NAME: &str = "spend.csv (sample)";
const SAMPLE_EXPERIMENT_NAME: &str = "experiment.csv (sample)";

/// A file name as shown: the bundled samples and typed counts get a translated tag.
fn file_label(name: &str) -> String {
    match name {
        SAMPLE_SPEND_NAME => t("spend.csv (sample)", "spend.csv（示例）").into(),
        SAMPLE_EXPERIMENT_NAME => t("experiment.csv (sample)", "experiment.csv（示例）").into(),
        "typed counts" => t("typed counts", "手动输入的数字").into(),
        _ => name.to_string(),
    }
}

/// Names of statistical tests from the core.
fn test_name(test: &str) -> String {
    match test {
        "two-proportion z-test" => t("two-proportion z-test", "双比例 z 检验").into(),
        "Welch t-test" => t("Welch t-test", "Welch t 检验").into(),
        _ => test.to_string(),
    }
}

/// The promotion report's label from the core ("all products", "products A, B").
fn promo_label(label: &str) -> String {
    if label == "all products" {
        return t("all products", "全部商品").into();
    }
    match label.strip_prefix("products ") {
        Some(list) => crate::tr!("products {}", "商品 {}", list),
        None => label.to_string(),
    }
}

/// The UI language as the core's sentence language.
fn text_lang() -> crate::text::Lang {
    match lang() {
        Lang::En => crate::text::Lang::En,
        Lang::Zh => crate::text::Lang::Zh,
    }
}

fn pct1(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

/// An input's signal kept in step with the stored Marketing inputs, both ways
/// ([`crate::ui::state::kept`]).
fn kept<T: Clone + PartialEq + Send + Sync + 'static>(
    state: AppState,
    get: fn(&MarketingInputs) -> T,
    set: fn(&mut MarketingInputs, T),
) -> RwSignal<T> {
    crate::ui::state::kept(state.marketing_inputs, get, set)
}

#[component]
pub fn Marketing() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>{t("Marketing", "营销")}</h1>
            <span class="muted">{t("Which channel earns its budget, where the next dollar goes, and whether a change really worked.", "哪个渠道值得投入预算、下一笔钱该投向哪里、一项改动是否真的有效。")}</span>
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
    let file_names = Signal::derive(move || {
        state.side_files_gen.track();
        side_files::names(Role::Spend)
    });
    let from_orders = kept(state, |m| m.mmm_from_orders, |m, v| m.mmm_from_orders = v);
    let budget = kept(state, |m| m.mmm_budget.clone(), |m, v| m.mmm_budget = v);
    let weeks = kept(state, |m| m.mmm_weeks.clone(), |m, v| m.mmm_weeks = v);
    let channels = kept(state, |m| m.mmm_channels.clone(), |m, v| m.mmm_channels = v);
    let bounds = kept(state, |m| m.mmm_bounds.clone(), |m, v| m.mmm_bounds = v);
    let revenue_col = kept(
        state,
        |m| m.mmm_revenue_col.clone(),
        |m, v| m.mmm_revenue_col = v,
    );
    let controls = kept(state, |m| m.mmm_controls.clone(), |m, v| m.mmm_controls = v);
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
        let chosen = side_files::get_all(Role::Spend);
        if chosen.is_empty() {
            state.error.set(Some(Text::new("common.ui.choose_spend")));
            return;
        }
        let (names, blobs): (Vec<String>, Vec<Blob>) = chosen.into_iter().unzip();
        let limits: Result<Vec<ChannelBound>, _> = bounds
            .get_untracked()
            .split(',')
            .filter(|p| !p.trim().is_empty())
            .map(ChannelBound::parse)
            .collect();
        let limits = match limits {
            Ok(l) => l,
            Err(e) => {
                state.error.set(Some(
                    Text::new("common.ui.channel_limits").str("error", e.to_string()),
                ));
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
                files: names,
                spec: SpendSpec {
                    channels: list(channels),
                    controls: list(controls),
                    revenue_column: list(revenue_col).and_then(|v| v.into_iter().next()),
                    ..SpendSpec::default()
                },
                params,
                revenue_from_orders: from_orders.get_untracked(),
            },
            &blobs,
        );
    };
    let on_file = move |ev: web_sys::Event| {
        let files = all_files(&ev);
        if !files.is_empty() {
            side_files::put_all(state, Role::Spend, files);
            run();
        }
    };
    let on_add_file = move |ev: web_sys::Event| {
        let files = all_files(&ev);
        if !files.is_empty() {
            side_files::add(state, Role::Spend, files);
            run();
        }
    };
    let use_sample = move |_| {
        leptos::task::spawn_local(async move {
            match bridge::fetch_blob(SAMPLE_SPEND).await {
                Ok(b) => {
                    let n = SAMPLE_SPEND_NAME.to_string();
                    side_files::put(state, Role::Spend, n.clone(), b);
                    from_orders.set(false);
                    run();
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" data-testid="mmm">
            <h2>{t("Media-mix model: what each channel returns", "营销组合模型：各渠道带来多少回报")}</h2>
            <p class="muted small">{t("A spend file with one row per week (or day): a date column, one spend column per channel (named like ", "广告投入文件，每周（或每天）一行：一个日期列，每个渠道一个投入列（列名如 ")}<code>{SPEND_COLUMN_EXAMPLES[0]}</code>{t(", ", "、")}<code>{SPEND_COLUMN_EXAMPLES[1]}</code>{t("), optionally promotion flags and a revenue column. Without a revenue column, revenue comes from the imported orders. A Google Ads or Meta Ads export (one row per day and campaign) can be used as it is, and several (one per platform) together.", "），可选促销标记列和销售额列。没有销售额列时，销售额取自已导入的订单。Google Ads 或 Meta 广告导出的文件（每天每个广告系列一行）可以直接使用，多个平台的文件也可以一起使用。")}</p>
            <div class="params">
                <label class="btn small" title=t("One file, or several at once (one per ad platform)", "一个文件，或一次选择多个（每个广告平台一个）")>{t("Choose spend file(s)…", "选择广告投入文件…")}
                    <input type="file" multiple accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="mmm-file" on:change=on_file/>
                </label>
                <Show when=move || file_names.with(|n| !n.is_empty())>
                    <label class="btn small" title=t("Add another ad platform's export: its channels join those of the files chosen", "再添加一个广告平台的导出文件：其渠道与已选文件的渠道一起建模")>{t("Add another spend file…", "再添加投入文件…")}
                        <input type="file" multiple accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="mmm-file-add" on:change=on_add_file/>
                    </label>
                </Show>
                <button class="btn small" data-testid="mmm-sample" on:click=use_sample>{t("Use the sample spend file", "使用示例投入文件")}</button>
                <span class="muted small" data-testid="mmm-file-name">{move || {
                    let names = file_names.get();
                    match names.as_slice() {
                        [] => t("No file chosen", "未选择文件").into_any(),
                        [one] => crate::tr!("File: {}", "文件：{}", file_label(one)).into_any(),
                        many => {
                            // Each file with its own remove button: one ad platform's export
                            // can be taken out of the set without choosing the others again.
                            let sep = t(", ", "、");
                            let chips = many.iter().enumerate().map(|(i, n)| {
                                let name = n.clone();
                                let label = file_label(n);
                                let aria = crate::tr!("Remove {} and refit without it", "移除 {} 并重新拟合", label);
                                view! {
                                    {(i > 0).then_some(sep)}
                                    <span class="file-chip">{label}
                                        <button class="chip-x" data-testid="mmm-file-remove" title=aria.clone() aria-label=aria
                                            on:click=move |_| {
                                                side_files::remove(state, Role::Spend, &name);
                                                run();
                                            }>"×"</button>
                                    </span>
                                }
                            }).collect_view();
                            view! { {t("Files: ", "文件：")}{chips} }.into_any()
                        }
                    }
                }}</span>
                <label title=t("Revenue per period from the imported order lines instead of a revenue column", "用已导入的订单计算每期销售额，而不使用销售额列")>
                    <input type="checkbox" prop:checked=move || from_orders.get() disabled=move || state.report.with(Option::is_none)
                        on:change=move |ev| from_orders.set(event_target_checked(&ev))/>
                    {t(" revenue from the imported orders", " 销售额取自已导入的订单")}
                </label>
            </div>
            <div class="params">
                <label title=t("Comma-separated; empty = columns named spend_*, *_spend or *_cost", "用逗号分隔；留空 = 名为 spend_*、*_spend 或 *_cost 的列")>{t("Spend columns ", "投入列 ")}
                    <input type="text" placeholder=t("recognised by name", "按列名自动识别") data-testid="mmm-channels" prop:value=move || channels.get() on:change=move |ev| channels.set(event_target_value(&ev))/>
                </label>
                <label>{t(" Revenue column ", " 销售额列 ")}
                    <input type="text" class="short" placeholder=t("revenue", "销售额列名") data-testid="mmm-revenue" prop:value=move || revenue_col.get() on:change=move |ev| revenue_col.set(event_target_value(&ev))/>
                </label>
                <label title=t("Comma-separated; empty = other numeric columns", "用逗号分隔；留空 = 其他数值列")>{t(" Controls ", " 控制变量 ")}
                    <input type="text" placeholder=t("automatic", "自动") data-testid="mmm-controls" prop:value=move || controls.get() on:change=move |ev| controls.set(event_target_value(&ev))/>
                </label>
            </div>
            <div class="params">
                <label>{t("Budget to allocate ", "待分配预算 ")}
                    <input type="number" min="0" step="100" placeholder=t("e.g. 120000", "如 120000") data-testid="mmm-budget" prop:value=move || budget.get()
                        on:change=move |ev| budget.set(event_target_value(&ev))/>
                </label>
                <label>{t(" over the next ", " 用于未来 ")}
                    <input type="number" min="1" max="104" data-testid="mmm-weeks" prop:value=move || weeks.get() on:change=move |ev| weeks.set(event_target_value(&ev))/>
                    {t(" periods", " 期")}
                </label>
                <label title=t("Per-period limits, e.g. tv_spend=0:15000, search_spend=2000:8000; others: 0 to 1.5× their largest spend", "每期限额，如 tv_spend=0:15000, search_spend=2000:8000；其他渠道：0 到其历史最大投入的 1.5 倍")>{t(" limits ", " 限额 ")}
                    <input type="text" placeholder=t("channel=min:max, …", "渠道=最小:最大, …") data-testid="mmm-bounds" prop:value=move || bounds.get() on:change=move |ev| bounds.set(event_target_value(&ev))/>
                </label>
                <button class="btn small primary" data-testid="mmm-run" on:click=move |_| run() disabled=move || state.mmm_busy.get()>
                    {move || if state.mmm_busy.get() { t("Fitting…", "拟合中…") } else { t("Fit the model", "拟合模型") }}
                </button>
            </div>
            {move || state.mmm_busy.get().then(|| view! { <p class="muted" data-testid="mmm-busy">{t("Fitting the model: searching carry-over and saturation for each channel, then bootstrapping the ROI intervals…", "正在拟合模型：为每个渠道搜索延滞效应和饱和度，再用自助法计算投资回报率区间…")}</p> })}
            {move || state.mmm.get().map(|p| view! { <MmmResult report=p.report millis=p.millis/> })}
        </section>
    }
}

#[component]
fn MmmResult(report: MmmReport, millis: f64) -> impl IntoView {
    let r = report;
    let fit = r.fit.clone();
    let ident = r.identification.clone();
    // Money with the files' currency symbol when they name one (Meta's "Amount spent (GBP)").
    let sym = r
        .currency
        .as_deref()
        .map(crate::data::numbers::currency_symbol)
        .unwrap_or_default();
    let money0 = {
        let sym = sym.clone();
        move |v: f64| crate::ui::table::money0(v, &sym)
    };
    let period = if r.period_days == 7 {
        t("week", "周")
    } else if r.period_days == 1 {
        t("day", "天")
    } else {
        t("period", "期")
    };
    // Channel table.
    let rows: Vec<Vec<Cell>> = r
        .channels
        .iter()
        .map(|c| {
            let (lo, hi) = c.roi_interval.unwrap_or((f64::NAN, f64::NAN));
            vec![
                Cell::Text(c.name.clone()),
                money0(c.spend_total),
                money0(c.contribution_total),
                num(c.roi.unwrap_or(f64::NAN), 2),
                num(lo, 2),
                num(hi, 2),
                num(c.marginal_roi.unwrap_or(f64::NAN), 2),
                num(c.marginal_roi_interval.map(|i| i.0).unwrap_or(f64::NAN), 2),
                num(c.marginal_roi_interval.map(|i| i.1).unwrap_or(f64::NAN), 2),
                num(c.half_life_periods, 1),
                Cell::Text(say(c.roi_withheld.as_ref().unwrap_or(&c.explain))),
            ]
        })
        .collect();
    let explain: Vec<(String, String)> = r
        .channels
        .iter()
        .map(|c| {
            (
                c.name.clone(),
                say(c.roi_withheld.as_ref().unwrap_or(&c.explain)),
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
            name: t(
                "Base (trend, season, controls)",
                "基础（趋势、季节、控制变量）",
            )
            .into(),
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
        name: t("Actual revenue", "实际销售额").into(),
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
            <p class="muted small">{crate::tr!("{0} {1}s from {2} to {3}, {4} channels · fitted in {5:.1} s ({6} candidate settings searched, seed {7})",
                "{2} 至 {3} 共 {0} {1}，{4} 个渠道 · 拟合用时 {5:.1} 秒（搜索了 {6} 组候选设置，随机种子 {7}）",
                r.periods, period, r.date_from, r.date_to, r.channels.len(), millis / 1000.0, r.search_trials, r.seed)}</p>
            <div class="kpis">
                <div class="kpi" data-testid="mmm-r2" data-value=format!("{:.4}", fit.r2_train)><div class="kpi-label">{t("Fit (R²)", "拟合优度（R²）")}</div><div class="kpi-value">{format!("{:.2}", fit.r2_train)}</div></div>
                <div class="kpi"><div class="kpi-label">{t("Error on held-out weeks", "留出周的误差")}</div><div class="kpi-value">{fit.mape_holdout.map(pct1).unwrap_or_else(|| "—".into())}</div></div>
                <div class="kpi"><div class="kpi-label">{t("Cross-validated NRMSE", "交叉验证 NRMSE")}</div><div class="kpi-value">{format!("{:.3}", fit.nrmse_cv)}</div></div>
            </div>
            <details class="how"><summary>{t("How was this computed?", "计算方法")}</summary><p>{say(&fit.explain)}</p></details>
            {(!ident.roi_shown).then(|| view! {
                <div class="warn" data-testid="mmm-withheld">
                    <strong>{t("ROI is not shown: the data cannot separate the channels' effects. ", "未显示投资回报率：数据无法区分各渠道的效果。")}</strong>
                    <ul>{ident.reasons.iter().map(|x| view! { <li>{say(x)}</li> }).collect_view()}</ul>
                </div>
            })}
            <h3>{t("Channels", "渠道")}</h3>
            <DataTable id="mmm-channels" rows=Signal::derive(move || rows.clone()) page_size=20 columns=vec![
                Column::text("channel", t("Channel", "渠道")), Column::num("spend", t("Spend", "投入")), Column::num("contribution", t("Revenue it drove", "带来的销售额")),
                Column::num("roi", t("ROI", "投资回报率")), Column::num("roi_lo", t("ROI low (90%)", "回报率下限（90%）")), Column::num("roi_hi", t("ROI high (90%)", "回报率上限（90%）")),
                Column::num("marginal_roi", t("Next-dollar ROI", "边际回报率")), Column::num("marginal_roi_lo", t("low (90%)", "下限（90%）")),
                Column::num("marginal_roi_hi", t("high (90%)", "上限（90%）")), Column::num("half_life", &crate::tr!("Carry-over half-life ({}s)", "延滞半衰期（{}）", period)),
                Column::export_only("explanation"),
            ]/>
            <details class="how" data-testid="mmm-explain"><summary>{t("What each channel's numbers mean", "各渠道数字的含义")}</summary>
                <ul>{explain.into_iter().map(|(n, e)| view! { <li><strong>{n}": "</strong>{e}</li> }).collect_view()}</ul>
            </details>
            <p class="muted small">{t("ROI = revenue the channel drove ÷ its spend over the data. Next-dollar ROI = extra revenue from one more unit of spend at the current level: below 1, the channel is saturated.", "投资回报率 = 渠道带来的销售额 ÷ 该渠道在数据期内的投入。边际回报率 = 在当前投入水平上再多投 1 元带来的额外销售额：低于 1 说明该渠道已饱和。")}</p>
            <h3>{t("Where revenue came from", "销售额从哪里来")}</h3>
            <BandChart testid="mmm-decomposition" labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || lines.clone())
                bands=Signal::derive(move || bands.clone()) title=t("Revenue decomposition", "销售额分解").to_string() decimals=0/>
            <h3>{t("Response curves (current spend marked)", "响应曲线（标出当前投入）")}</h3>
            <div class="small-multiples">
                {r.channels.iter().enumerate().map(|(k, c)| {
                    let labels: Vec<String> = c.response_curve.iter().map(|p| format::compact(p.spend)).collect();
                    let values: Vec<f64> = c.response_curve.iter().map(|p| p.revenue).collect();
                    let cur = c.response_curve.iter().enumerate().min_by(|a, b| {
                        (a.1.spend - c.current_spend).abs().partial_cmp(&(b.1.spend - c.current_spend).abs()).unwrap_or(std::cmp::Ordering::Equal)
                    }).map(|(i, _)| (i, t("now", "当前").to_string()));
                    let line = vec![Series { name: crate::tr!("{0}: revenue per {1} vs spend per {1}", "{0}：每{1}销售额与每{1}投入", c.name, period), values, class: format!("c{}", k % 5) }];
                    view! {
                        <BandChart labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || line.clone())
                            bands=Signal::derive(Vec::new) title=crate::tr!("Response curve {}", "{} 响应曲线", c.name) width=380.0 height=220.0 decimals=0
                            marker=Signal::derive(move || cur.clone())/>
                    }
                }).collect_view()}
            </div>
            <h3>{t("Carry-over: how long a week's spend keeps working", "延滞效应：一周的投入能持续起作用多久")}</h3>
            <BandChart labels=Signal::derive(move || ad_labels.clone()) lines=Signal::derive(move || ad_lines.clone())
                bands=Signal::derive(Vec::new) title=t("Adstock decay", "广告存量衰减").to_string() height=220.0 decimals=2/>
            {alloc.map(|a| {
                let rows: Vec<Vec<Cell>> = a.channels.iter().map(|c| vec![
                    Cell::Text(c.name.clone()), money0(c.current_per_period), money0(c.optimal_per_period),
                    money0(c.min), money0(c.max), money0(c.current_revenue), money0(c.optimal_revenue),
                ]).collect();
                view! {
                    <h3>{t("Budget allocation", "预算分配")}</h3>
                    <p class="lead small" data-testid="mmm-allocation" data-lift=format!("{:.4}", a.lift_pct)>{crate::tr!(
                        "Spending {0} over the next {1} {2}s with the suggested split is predicted to bring {3} of revenue, {4} ({5}) more than the current split.",
                        "按建议分配在未来 {1} {2}内投入 {0}，预计带来 {3} 的销售额，比当前分配多 {4}（{5}）。",
                        format::money0(a.total_budget, &sym), a.periods, period, format::money0(a.revenue_optimal, &sym), format::money0(a.lift, &sym), pct1(a.lift_pct / 100.0))}</p>
                    {(!a.reliable).then(|| view! { <p class="warn">{t("The optimiser did not fully converge or the model is weakly identified: treat the split as indicative.", "优化器未完全收敛或模型识别较弱：此分配仅供参考。")}</p> })}
                    <DataTable id="mmm-allocation" rows=Signal::derive(move || rows.clone()) columns=vec![
                        Column::text("channel", t("Channel", "渠道")), Column::num("current", &crate::tr!("Current per {}", "当前每{}", period)),
                        Column::num("suggested", &crate::tr!("Suggested per {}", "建议每{}", period)), Column::num("min", t("Min", "最小")), Column::num("max", t("Max", "最大")),
                        Column::num("current_revenue", t("Revenue, current split", "当前分配的销售额")), Column::num("suggested_revenue", t("Revenue, suggested", "建议分配的销售额")),
                    ]/>
                    <details class="how"><summary>{t("How was this computed?", "计算方法")}</summary><p>{say(&a.explain)}</p></details>
                }
            })}
            {(!notes.is_empty()).then(|| view! { <ul class="notes">{notes.iter().map(|x| view! { <li>{say(x)}</li> }).collect_view()}</ul> })}
        </div>
    }
}

#[component]
fn ExperimentCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_name = Signal::derive(move || {
        state.side_files_gen.track();
        side_files::name(Role::Experiment)
    });
    let mde = kept(state, |m| m.ab_mde.clone(), |m, v| m.ab_mde = v);
    let daily = kept(state, |m| m.ab_daily.clone(), |m, v| m.ab_daily = v);
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
    let defaults = [t("control", "对照组"), t("treatment", "实验组")];
    // A variant's (name, users, conversions) as stored; defaults when nothing was typed.
    let stored_variant = move |stored: &[(String, String, String)], i: usize| {
        stored
            .get(i)
            .cloned()
            .unwrap_or_else(|| (defaults[i].to_string(), String::new(), String::new()))
    };
    let stored = state
        .marketing_inputs
        .with_untracked(|m| m.ab_variants.clone());
    let counts = [0, 1].map(|i| {
        let (name, users, conv) = stored_variant(&stored, i);
        (
            RwSignal::new(name),
            RwSignal::new(users),
            RwSignal::new(conv),
        )
    });
    // What the inputs hold, as stored: nothing when no count was typed.
    let typed_counts = move |read: fn(&RwSignal<String>) -> String| {
        let now: Vec<(String, String, String)> = counts
            .iter()
            .map(|(n, u, c)| (read(n), read(u), read(c)))
            .collect();
        let typed = now.iter().any(|(_, u, c)| !u.is_empty() || !c.is_empty());
        if typed {
            now
        } else {
            Vec::new()
        }
    };
    // The typed counts are saved with the session.
    Effect::new(move |_| {
        let now = typed_counts(|s| s.get());
        if state
            .marketing_inputs
            .with_untracked(|m| m.ab_variants != now)
        {
            state.marketing_inputs.update(|m| m.ab_variants = now);
        }
    });
    // ... and stored counts that change while the page is shown (a late restore) show.
    Effect::new(move |_| {
        let stored = state.marketing_inputs.with(|m| m.ab_variants.clone());
        if typed_counts(|s| s.get_untracked()) != stored {
            for (i, (n, u, c)) in counts.iter().enumerate() {
                let (name, users, conv) = stored_variant(&stored, i);
                n.set(name);
                u.set(users);
                c.set(conv);
            }
        }
    });
    let run_file = move || {
        if let Some((name, blob)) = side_files::get(Role::Experiment) {
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
            side_files::put(state, Role::Experiment, n.clone(), b);
            run_file();
        }
    };
    let use_sample = move |_| {
        leptos::task::spawn_local(async move {
            match bridge::fetch_blob(SAMPLE_EXPERIMENT).await {
                Ok(b) => {
                    let n = SAMPLE_EXPERIMENT_NAME.to_string();
                    side_files::put(state, Role::Experiment, n.clone(), b);
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
            None => state.error.set(Some(Text::new("common.ui.type_counts"))),
        }
    };
    view! {
        <section class="card" data-testid="abtest">
            <h2>{t("A/B test: did the change work?", "A/B 测试：改动有效吗？")}</h2>
            <p class="muted small">{t("An experiment file with one row per user: the variant they saw and outcomes (converted yes/no, revenue…); or a testing tool's summary with one row per variant (visitors, conversions). Or type the totals below.", "实验文件，每位用户一行：用户看到的版本及结果（是否转化、收入…）；或测试工具导出的汇总表，每个版本一行（访客数、转化数）。也可以在下方直接填写汇总数。")}</p>
            <div class="params">
                <label class="btn small">{t("Choose experiment file…", "选择实验文件…")}
                    <input type="file" accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="ab-file" on:change=on_file/>
                </label>
                <button class="btn small" data-testid="ab-sample" on:click=use_sample>{t("Use the sample experiment", "使用示例实验")}</button>
                <span class="muted small">{move || file_name.get().map(|n| crate::tr!("File: {}", "文件：{}", file_label(&n))).unwrap_or_default()}</span>
            </div>
            <div class="params" data-testid="ab-counts">
                {counts.iter().map(|(n, u, c)| {
                    let (n, u, c) = (*n, *u, *c);
                    view! {
                        <label><input type="text" class="short" prop:value=move || n.get() on:change=move |ev| n.set(event_target_value(&ev)) aria-label=t("Variant name", "版本名称")/></label>
                        <label>{t("users ", "用户数 ")}<input type="number" min="1" prop:value=move || u.get() on:change=move |ev| u.set(event_target_value(&ev))/></label>
                        <label>{t("conversions ", "转化数 ")}<input type="number" min="0" prop:value=move || c.get() on:change=move |ev| c.set(event_target_value(&ev))/></label>
                    }
                }).collect_view()}
                <button class="btn small primary" data-testid="ab-run-counts" on:click=run_counts>{t("Analyse counts", "分析这些数字")}</button>
            </div>
            <div class="params" data-testid="ab-planner">
                <span class="muted small">{t("Planning the next test: ", "规划下一次测试：")}</span>
                <label>{t("smallest lift worth detecting ", "值得检测的最小提升 ")}<input type="number" min="0.1" step="0.5" class="short" data-testid="ab-mde" prop:value=move || mde.get() on:change=move |ev| mde.set(event_target_value(&ev))/>"%"</label>
                <label>{t(" users per day ", " 每日用户数 ")}<input type="number" min="1" class="short" data-testid="ab-daily" prop:value=move || daily.get() on:change=move |ev| daily.set(event_target_value(&ev))/></label>
                <span class="muted small">{t(" (the sample size and duration appear under each result)", "（所需样本量和时长显示在每个结果下方）")}</span>
            </div>
            {move || state.experiment.get().map(|p| {
                let r = p.report;
                view! {
                    <div data-testid="ab-result">
                        <p class="muted small">{crate::tr!("{} · {} rows · variants from '{}'", "{} · {} 行 · 版本列“{}”", file_label(&r.file), format::int(r.rows as u64), r.variant_column)}</p>
                        {(!r.notes.is_empty()).then(|| view! { <ul class="notes">{r.notes.iter().map(|x| view! { <li>{say(x)}</li> }).collect_view()}</ul> })}
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
            <h3>{crate::tr!("{} ({})", "{}（{}）", m.metric, if conversion { t("conversion", "转化率") } else { t("average per user", "人均值") })}</h3>
            <table class="data-table">
                <thead><tr><th>{t("Variant", "版本")}</th><th class="num">{t("Users", "用户数")}</th>
                    {conversion.then(|| view! { <th class="num">{t("Conversions", "转化数")}</th> })}
                    <th class="num">{if conversion { t("Rate", "转化率") } else { t("Mean", "均值") }}</th>
                    {m.bayes.as_ref().map(|_| view! { <th class="num">{t("Chance it is best", "最优概率")}</th><th class="num">{t("Expected loss", "预期损失")}</th> })}
                </tr></thead>
                <tbody>
                    {m.variants.iter().map(|v| {
                        let b = m.bayes.as_ref().and_then(|b| b.variants.iter().find(|x| x.name == v.name).cloned());
                        view! {
                            <tr>
                                <td>{v.name.clone()}{(v.name == m.control).then_some(t(" (control)", "（对照）"))}</td>
                                <td class="num">{format::int(v.units)}</td>
                                {conversion.then(|| view! { <td class="num">{format::int(v.conversions.unwrap_or(0))}</td> })}
                                <td class="num">{show(v.mean)}</td>
                                {b.map(|b| view! {
                                    <td class="num" data-testid="ab-prob-best" data-value=format!("{:.4}", b.prob_best)>{format!("{:.1}%", b.prob_best * 100.0)}</td>
                                    <td class="num">{crate::tr!("{:.3} pts", "{:.3} 个百分点", b.expected_loss * 100.0)}</td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {m.comparisons.iter().map(|c| view! {
                <p class="verdict" class:sig=c.significant data-testid="ab-comparison" data-p=format!("{:.5}", c.p_value) data-stat=format!("{:.4}", c.statistic)>
                    <strong>{crate::tr!("{} vs {}: ", "{} 对比 {}：", c.variant, c.control)}</strong>
                    {crate::tr!("difference {} (95% CI {} to {}), relative {} ({} to {}); {} {:.3}, p = {:.4}. ",
                        "差异 {}（95% 置信区间 {} 至 {}），相对提升 {}（{} 至 {}）；{} {:.3}，p = {:.4}。",
                        show(c.difference), show(c.difference_ci.0), show(c.difference_ci.1),
                        pct1(c.relative_lift), pct1(c.relative_lift_ci.0), pct1(c.relative_lift_ci.1),
                        test_name(&c.test), c.statistic, c.p_value)}
                    {say(&c.explain)}
                </p>
            }).collect_view()}
            {m.bayes.as_ref().map(|b| view! { <details class="how"><summary>{t("How was the chance computed?", "最优概率如何计算？")}</summary><p>{say(&b.method)}" "{say(&b.explain)}</p></details> })}
            <p class:warn=m.srm.mismatch class:muted=!m.srm.mismatch class:small=!m.srm.mismatch data-testid="ab-srm">{say(&m.srm.explain)}</p>
            <p class="muted small" data-testid="ab-sample-size">{say(&m.sample_size.explain)}</p>
        </div>
    }
}

#[component]
fn PriceCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_name = Signal::derive(move || {
        state.side_files_gen.track();
        side_files::name(Role::Price)
    });
    let from_orders = move |_| {
        side_files::clear(state, Role::Price);
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
            side_files::put(state, Role::Price, n.clone(), b.clone());
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
            <h2>{t("Price sensitivity: what a price change does to units sold", "价格敏感度：调价对销量的影响")}</h2>
            <p class="muted small">{t("From your orders (each product's weekly units against the price of its ordinary-size order lines, so volume discounts to wholesale buyers are not taken for price changes), or from a price file with units (or log units), price, product/brand, optionally store and promotion flags such as ", "来自您的订单（每个商品的每周销量与其常规数量订单行的价格；批发客户的批量折扣不会被当成调价），或来自价格文件：含销量（或对数销量）、价格、商品/品牌，可选门店和促销标记列，如 ")}<code>{PRICE_FLAG_EXAMPLES[0]}</code>{t(" or ", " 或 ")}<code>{PRICE_FLAG_EXAMPLES[1]}</code>{t(".", "。")}</p>
            <div class="params">
                <button class="btn small primary" data-testid="el-orders" on:click=from_orders disabled=move || state.report.with(Option::is_none) || state.elasticity_busy.get()>{t("From the imported orders", "用已导入的订单")}</button>
                <label class="btn small">{t("Choose price file…", "选择价格文件…")}
                    <input type="file" accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="el-file" on:change=on_file/>
                </label>
                <span class="muted small">{move || file_name.get().map(|n| crate::tr!("File: {}", "文件：{}", file_label(&n))).unwrap_or_default()}</span>
            </div>
            {move || state.elasticity_busy.get().then(|| view! { <p class="muted">{t("Fitting…", "拟合中…")}</p> })}
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
                say(g.withheld.as_ref().unwrap_or(&g.explain)),
            )
        })
        .collect();
    let picked = RwSignal::new(None::<String>);
    let on_row = Callback::new(move |id: String| picked.set(Some(id)));
    view! {
        <div data-testid="el-result" data-groups=r.groups.len() data-estimated=estimated>
            <p class="lead small" data-testid="el-summary">{say(&r.summary)}</p>
            <p class="muted small">{t("Click a product for its numbers in plain words.", "点击商品查看通俗解释。")}</p>
            <DataTable id="elasticity" rows=Signal::derive(move || rows.clone()) page_size=10 on_row=on_row columns=vec![
                Column::text("group", t("Product / brand", "商品/品牌")), Column::num("observations", t("Weeks/rows", "周数/行数")),
                Column::num("price_min", t("Lowest price", "最低价")), Column::num("price_max", t("Highest price", "最高价")),
                Column::num("elasticity", t("Elasticity", "弹性")), Column::num("ci_low", &crate::tr!("Low {:.0}%", "下限 {:.0}%", conf)),
                Column::num("ci_high", &crate::tr!("High {:.0}%", "上限 {:.0}%", conf)), Column::num("p_value", t("p-value", "p 值")),
            ]/>
            {move || picked.get().and_then(|id| meaning.iter().find(|(g, _)| *g == id).cloned()).map(|(g, e)| view! {
                <div class="explain-box" data-testid="el-explain"><strong>{g}": "</strong>{e}</div>
            })}
            <p class="muted small">{t("Elasticity −2 means a 1% higher price sells about 2% fewer units. Between 0 and −1, a price rise increases revenue; below −1 it loses revenue.", "弹性 −2 表示价格每上涨 1%，销量约减少 2%。弹性在 0 到 −1 之间时涨价会提高销售额；低于 −1 时涨价会减少销售额。")}</p>
            {(!r.flags.is_empty()).then(|| view! {
                <h3>{t("Promotion and display effects", "促销与陈列效果")}</h3>
                <table class="data-table" data-testid="el-flags">
                    <thead><tr><th>{t("Flag", "标记")}</th><th class="num">{t("Lift", "提升")}</th><th class="num">{crate::tr!("{:.0}% interval", "{:.0}% 区间", conf)}</th><th class="num">{t("p-value", "p 值")}</th><th>{t("In plain words", "通俗解释")}</th></tr></thead>
                    <tbody>{r.flags.iter().map(|f| view! {
                        <tr><td>{f.name.clone()}</td><td class="num">{format!("{:+.1}%", f.lift_pct)}</td>
                            <td class="num">{crate::tr!("{:+.1}% to {:+.1}%", "{:+.1}% 至 {:+.1}%", f.ci_low_pct, f.ci_high_pct)}</td>
                            <td class="num">{format!("{:.4}", f.p_value)}</td><td class="small">{say(&f.explain)}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            })}
            <details class="how"><summary>{t("How was this computed?", "计算方法")}</summary><p>{say(&r.how_computed)}</p></details>
            {(!r.notes.is_empty()).then(|| view! { <ul class="notes">{r.notes.iter().map(|x| view! { <li>{say(x)}</li> }).collect_view()}</ul> })}
        </div>
    }
}

/// Clears the "Who bought during the promotion" result unless it is of the days `range` (the
/// promotion about to be measured; `None`: a flag file's, never the same).
fn forget_responders_unless(state: AppState, range: Option<(i64, i64)>) {
    let same = state.responders.with_untracked(|r| match (r, range) {
        (Some(r), Some((a, b))) => r.report.from == date_string(a) && r.report.to == date_string(b),
        _ => false,
    });
    if !same {
        state.responders.set(None);
    }
}

#[component]
fn PromoCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let from = kept(state, |m| m.promo_from.clone(), |m, v| m.promo_from = v);
    let to = kept(state, |m| m.promo_to.clone(), |m, v| m.promo_to = v);
    let sku = kept(state, |m| m.promo_sku.clone(), |m, v| m.promo_sku = v);
    let weekly = kept(state, |m| m.promo_weekly, |m, v| m.promo_weekly = v);
    let range_hint = move || {
        state.overview.with(|o| {
            o.as_ref()
                .and_then(|o| {
                    Some(crate::tr!(
                        "Your data: {} to {}",
                        "您的数据：{} 至 {}",
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
            state.error.set(Some(Text::new("common.ui.promotion_days")));
            return;
        };
        let sku = sku.get_untracked().trim().to_string();
        let (a, b) = (a.min(b), a.max(b));
        // The customers who responded to another range would be shown under this one's lift.
        forget_responders_unless(state, Some((a, b)));
        bridge::analyze(
            state,
            Task::Promo {
                file: None,
                spec: PromoSpec::default(),
                range: Some((a, b)),
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
            state.error.set(Some(Text::new("common.ui.promotion_days")));
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
            side_files::put(state, Role::Promo, n.clone(), b.clone());
            forget_responders_unless(state, None);
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
            <h2>{t("Promotion lift: what a promotion really added", "促销提升：促销到底多带来了多少销量")}</h2>
            <p class="muted small">{t("Compares sales during the promotion with what the same days would have sold without it (a baseline of trend, season and weekday fitted on the other days).", "将促销期间的销量与同期没有促销时的预计销量比较（基线由其他日期拟合的趋势、季节和星期效应构成）。")}</p>
            <div class="params">
                <label>{t("Promotion from ", "促销期 ")}<input type="date" data-testid="promo-from" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))/></label>
                <label>{t(" to ", " 至 ")}<input type="date" data-testid="promo-to" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))/></label>
                <label>{t(" product (optional) ", " 商品（可选） ")}<input type="text" placeholder=t("SKU", "商品编码") data-testid="promo-sku" prop:value=move || sku.get() on:change=move |ev| sku.set(event_target_value(&ev))/></label>
                <label><input type="checkbox" data-testid="promo-weekly" prop:checked=move || weekly.get() on:change=move |ev| weekly.set(event_target_checked(&ev))/>{t(" weekly", " 按周")}</label>
                <button class="btn small primary" data-testid="promo-run" on:click=run_orders disabled=move || state.report.with(Option::is_none) || state.promo_busy.get()>{t("Measure on the orders", "用订单测算")}</button>
                <button class="btn small" data-testid="responders-run" on:click=run_responders disabled=move || state.report.with(Option::is_none) || state.responders_busy.get() || super::unpriced(state)
                    title=move || if super::unpriced(state) { t("Needs prices: the imported file has none", "需要价格：导入的文件没有价格") } else { "" }>{t("Which customers responded?", "哪些客户响应了？")}</button>
                <span class="muted small">{range_hint}</span>
            </div>
            <div class="params">
                <label class="btn small">{t("…or choose a file with a promotion flag column", "…或选择含促销标记列的文件")}
                    <input type="file" accept=".csv,.tsv,.txt,.gz" class="visually-hidden" data-testid="promo-file" on:change=on_file/>
                </label>
            </div>
            {move || state.promo_busy.get().then(|| view! { <p class="muted">{t("Fitting the baseline…", "正在拟合基线…")}</p> })}
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
            name: t("Units sold", "销量").into(),
            values: r.series.iter().map(|x| x.units).collect(),
            class: "c0".into(),
        },
        Series {
            name: t("Baseline (without promotion)", "基线（无促销）").into(),
            values: r.series.iter().map(|x| x.units_baseline).collect(),
            class: "muted dashed".into(),
        },
    ];
    let conf = r.confidence * 100.0;
    let bands = vec![
        Band {
            name: crate::tr!("Baseline {:.0}% interval", "基线 {:.0}% 区间", conf),
            lower: r.series.iter().map(|x| x.units_low).collect(),
            upper: r.series.iter().map(|x| x.units_high).collect(),
            class: "c5".into(),
        },
        Band {
            name: t("Promotion", "促销").into(),
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
            <p class="lead small">{say(&r.summary)}</p>
            <div class="kpis">
                <div class="kpi"><div class="kpi-label">{t("Extra units", "额外销量")}</div><div class="kpi-value">{format::num(u.incremental, 0)}</div>
                    <div class="muted small">{crate::tr!("{:.0}%: {} to {}", "{:.0}%：{} 至 {}", conf, format::num(u.ci_low, 0), format::num(u.ci_high, 0))}</div></div>
                <div class="kpi"><div class="kpi-label">{t("Lift", "提升")}</div><div class="kpi-value">{format!("{:+.1}%", u.lift_pct)}</div></div>
                {r.revenue.clone().map(|v| view! {
                    <div class="kpi"><div class="kpi-label">{t("Extra revenue", "额外销售额")}</div><div class="kpi-value">{format::num(v.incremental, 0)}</div>
                        <div class="muted small">{crate::tr!("{:.0}%: {} to {}", "{:.0}%：{} 至 {}", conf, format::num(v.ci_low, 0), format::num(v.ci_high, 0))}</div></div>
                })}
            </div>
            <BandChart testid="promo-chart" labels=Signal::derive(move || labels.clone()) lines=Signal::derive(move || lines.clone())
                bands=Signal::derive(move || bands.clone()) title=crate::tr!("{}: units and baseline", "{}：销量与基线", promo_label(&r.label)) decimals=0/>
            {(r.episodes.len() > 1).then(|| view! {
                <DataTable id="promo-episodes" rows=Signal::derive(move || rows.clone()) columns=vec![
                    Column::text("from", t("From", "开始")), Column::text("to", t("To", "结束")), Column::num("periods", t("Periods", "期数")),
                    Column::num("units", t("Units", "销量")), Column::num("baseline", t("Baseline", "基线")), Column::num("extra", t("Extra units", "额外销量")),
                    Column::num("extra_lo", t("Low", "下限")), Column::num("extra_hi", t("High", "上限")), Column::num("extra_revenue", t("Extra revenue", "额外销售额")),
                ]/>
            })}
            <details class="how"><summary>{t("How was this computed?", "计算方法")}</summary><p>{say(&r.how_computed)}</p>
                <p>{crate::tr!("Baseline terms: {}. Fit on the non-promotion periods: R² {:.2}, residual sd {:.1}.", "基线项：{}。在非促销期上的拟合：R² {:.2}，残差标准差 {:.1}。", say(&list(r.terms.iter().map(|x| term_text(x)))), r.baseline_r2, r.baseline_residual_sd)}</p></details>
            {(!r.notes.is_empty()).then(|| view! { <ul class="notes">{r.notes.iter().map(|x| view! { <li>{say(x)}</li> }).collect_view()}</ul> })}
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
                Cell::Text(say(&g.rule)),
                num(g.customers as f64, 0),
                num(g.response_rate * 100.0, 1),
                num(g.lift, 2),
            ]
        })
        .collect();
    view! {
        <div data-testid="responders-result" data-groups=r.groups.len() data-base=format!("{:.5}", r.base_rate)>
            <h3>{crate::tr!("Who bought during the promotion ({} to {})", "促销期间谁购买了（{} 至 {}）", r.from, r.to)}</h3>
            <p class="lead small">{say(&r.summary)}</p>
            <DataTable id="responders" rows=Signal::derive(move || rows.clone()) columns=vec![
                Column::text("group", t("Customer group", "客户群")), Column::num("customers", t("Customers", "客户数")),
                Column::num("response_pct", t("Bought during it (%)", "期间购买比例（%）")), Column::num("lift", t("× average", "相对平均倍数")),
            ]/>
            <details class="how" open=true><summary>{t("The decision tree", "决策树")}</summary><pre class="tree" data-testid="responders-tree">{r.tree.text_in(text_lang())}</pre></details>
            <details class="how"><summary>{t("How was this computed?", "计算方法")}</summary><p>{say(&r.how_computed)}</p></details>
        </div>
    }
}
