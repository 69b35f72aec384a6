//! Pages and the small components they share.

pub mod action;
pub mod customers;
pub mod data;
pub mod forecast;
pub mod inventory;
pub mod landing;
pub mod marketing;
pub mod overview;
pub mod products;

use super::bridge;
use super::format;
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
                    <div class="progress-text">
                        {format!("Importing {} ({} of {}) — {} of {} read, {} rows",
                            p.file, p.file_index + 1, p.files, format::bytes(p.bytes_done),
                            format::bytes(p.bytes_total), format::int(p.rows))}
                    </div>
                    <progress max="100" value=pct aria-label="Import progress"></progress>
                    <button class="btn small" data-testid="cancel" on:click=move |_| bridge::cancel_import(state)>"Cancel"</button>
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
                    <strong>"Could not finish: "</strong>
                    <span>{e}</span>
                    <button class="btn small" aria-label="Dismiss" on:click=move |_| state.error.set(None)>"×"</button>
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
) -> impl IntoView {
    view! {
        <div class="kpi" data-testid=testid data-value=move || format!("{}", (value.get() * 1000.0).round() / 1000.0)>
            <div class="kpi-label">{label}</div>
            <div class="kpi-value">{shown}</div>
            <details class="how"><summary>"How was this computed?"</summary><p>{help}</p></details>
        </div>
    }
}

/// Shown on pages that need data when none is loaded.
#[component]
pub fn NeedData() -> impl IntoView {
    view! {
        <section class="card empty">
            <h2>"No data yet"</h2>
            <p>"Import your order export or try the sample store first."</p>
            <a class="btn primary" href="/">"Import data"</a>
        </section>
    }
}

#[component]
pub fn NotBuilt(page: &'static str, what: &'static str) -> impl IntoView {
    view! {
        <section class="card empty" data-testid="not-built">
            <h1>{page}</h1>
            <p>{format!("This page is not built yet. It will show {what}.")}</p>
            <p class="muted">"Until then, the Overview and Data pages work on your imported files."</p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card empty">
            <h1>"Page not found"</h1>
            <a href="/">"Back to the start"</a>
        </section>
    }
}
