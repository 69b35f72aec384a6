//! Pages and the small components they share.

pub mod action;
pub mod customers;
pub mod data;
pub mod datasets;
pub mod forecast;
pub mod inventory;
pub mod landing;
pub mod marketing;
pub mod overview;
pub mod products;

use super::bridge;
use super::format;
use super::i18n::t;
use super::state::AppState;
use leptos::prelude::*;

/// Import progress with bytes, rows and a Cancel button.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.progress.get().map(|p| {
            let pct = if p.bytes_total > 0 {
                (p.bytes_done as f64 / p.bytes_total as f64 * 100.0).min(100.0)
            } else {
                0.0
            };
            view! {
                <div class="progress" data-testid="progress" role="status" aria-live="polite">
                    <datasets::RestoringLine/>
                    <div class="progress-text">
                        {crate::tr!("Importing {} ({} of {}) — {} of {} read, {} rows",
                            "正在导入 {}（第 {} 个，共 {} 个）— 已读取 {} / {}，{} 行",
                            p.file, p.file_index + 1, p.files, format::bytes(p.bytes_done),
                            format::bytes(p.bytes_total), format::int(p.rows))}
                    </div>
                    <progress max="100" value=pct aria-label=t("Import progress", "导入进度")></progress>
                    <button class="btn small" data-testid="cancel" on:click=move |_| bridge::cancel_import(state)>{t("Cancel", "取消")}</button>
                </div>
            }
        })
    }
}

#[component]
pub fn ErrorBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.error.get().map(|e| {
            view! {
                <div class="error" data-testid="error" role="alert">
                    <strong>{t("Could not finish: ", "未能完成：")}</strong>
                    <span>{super::i18n::say(&e)}</span>
                    <button class="btn small" aria-label=t("Dismiss", "关闭") on:click=move |_| state.error.set(None)>"×"</button>
                </div>
            }
        })
    }
}

/// A headline number with its plain-language definition.
#[component]
pub fn Kpi(
    testid: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<f64>,
    #[prop(into)] shown: Signal<String>,
    /// How it was computed, in plain words.
    help: &'static str,
    /// The change against a previous period, when there is one.
    #[prop(optional, into)]
    change: Option<Signal<Option<KpiChange>>>,
) -> impl IntoView {
    let change = move || {
        change.and_then(|c| c.get()).map(|c| {
            view! { <div class=format!("kpi-change {}", c.class) data-testid=format!("{testid}-change") title=c.title>{c.text}</div> }
        })
    };
    view! {
        <div class="kpi" data-testid=testid data-value=move || format!("{}", (value.get() * 1000.0).round() / 1000.0)>
            <div class="kpi-label">{label}</div>
            <div class="kpi-value">{shown}</div>
            {change}
            <details class="how"><summary>{t("How was this computed?", "这是怎么算的？")}</summary><p>{help}</p></details>
        </div>
    }
}

/// A KPI's change against a previous period, as shown under it.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiChange {
    /// "▲ +7.1%", "▼ −1.2 pp".
    pub text: String,
    /// The previous value and the whole change, on hover.
    pub title: String,
    /// "good", "bad" or "same" (a rise of the returns rate is bad).
    pub class: &'static str,
}

/// Shown on pages that need data when none is loaded.
#[component]
pub fn NeedData() -> impl IntoView {
    let state = expect_context::<AppState>();
    let restoring = move || state.restoring.with(Option::is_some);
    view! {
        <Show when=move || !restoring() fallback=datasets::Restoring>
        <section class="card empty">
            <h2>{t("No data yet", "还没有数据")}</h2>
            <p>{t("Import your order export or try the sample store first.", "请先导入订单导出文件，或试用示例店铺。")}</p>
            <a class="btn primary" href="/">{t("Import data", "导入数据")}</a>
        </section>
        </Show>
    }
}

/// Whether the imported data have no prices ([`crate::data::CleaningReport::priced`]).
pub fn unpriced(state: AppState) -> bool {
    state.report.with(|r| r.as_ref().is_some_and(|r| !r.priced))
}

#[component]
pub fn NotBuilt(page: &'static str, what: &'static str) -> impl IntoView {
    view! {
        <section class="card empty" data-testid="not-built">
            <h1>{page}</h1>
            <p>{crate::tr!("This page is not built yet. It will show {}.", "此页面尚未完成，之后将显示{}。", what)}</p>
            <p class="muted">{t("Until then, the Overview and Data pages work on your imported files.", "在此之前，概览和数据页面可以处理您导入的文件。")}</p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card empty">
            <h1>{t("Page not found", "页面不存在")}</h1>
            <a href="/">{t("Back to the start", "返回首页")}</a>
        </section>
    }
}
