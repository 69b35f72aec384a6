//! Landing: drop files here / choose files / try the sample store.

use crate::ui::bridge;
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, File, FileList};

const SAMPLE_URL: &str = "./sample/online_retail_sample.csv.gz";
const SAMPLE_NAME: &str = "online_retail_sample.csv.gz";

fn files_of(list: Option<FileList>) -> Vec<(String, Blob)> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|f: File| (f.name(), f.unchecked_into::<Blob>()))
        .collect()
}

#[component]
pub fn Landing() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|dt| dt.files()));
        bridge::import_files(state, files);
    };
    let on_pick = move |ev: web_sys::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            let files = files_of(input.files());
            input.set_value("");
            bridge::import_files(state, files);
        }
    };
    let try_sample = move |_| {
        leptos::task::spawn_local(async move {
            match crate::ui::bridge::fetch_blob(SAMPLE_URL).await {
                Ok(blob) => bridge::import_files(state, vec![(SAMPLE_NAME.to_string(), blob)]),
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="hero">
            <h1>"Understand your shop. Privately."</h1>
            <p class="lead">
                "Drop in the CSV exports you already have — orders from Shopify, WooCommerce, a marketplace or a spreadsheet — "
                "and see who your customers are, what sells and what to do next. "
                <strong>"Your data never leaves this computer"</strong>
                ": everything is computed in this browser tab, with no upload and no tracking."
            </p>
        </section>
        {move || state.report.with(|r| r.as_ref().map(|r| {
            let names = r.files.iter().map(|f| f.file_name.clone()).collect::<Vec<_>>().join(", ");
            view! {
                <section class="card current">
                    <strong>"Loaded: "</strong>{names}
                    {format!(" — {} sale lines", crate::ui::format::int(r.kept_rows))}
                    " "<a class="btn small primary" href="/overview">"Open the overview"</a>
                    " "<a class="btn small" href="/data">"Cleaning report"</a>
                </section>
            }
        }))}
        <section
            class="dropzone card"
            class:dragging=move || dragging.get()
            data-testid="dropzone"
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="drop-icon" aria-hidden="true">"⇪"</div>
            <p><strong>"Drop order files here"</strong>" (CSV or .csv.gz, several at once)"</p>
            <super::datasets::DatasetNameInput/>
            <label class="btn primary">
                "Choose files…"
                <input type="file" data-testid="file-input" multiple accept=".csv,.txt,.tsv,.gz,text/csv" class="visually-hidden" on:change=on_pick/>
            </label>
            <p class="muted">"or"</p>
            <button class="btn" data-testid="try-sample" on:click=try_sample>"Try the sample store"</button>
            <p class="muted small">
                "The sample is four months (June–September 2011) of a real UK online gift shop (UCI Online Retail, CC BY 4.0)."
            </p>
        </section>
        <section class="card">
            <h2>"What ShopLens understands"</h2>
            <ul class="checks">
                <li>"UTF-8, UTF-16, Windows-1252 and GBK/GB18030 files; comma, semicolon, tab or pipe separated"</li>
                <li>"Numbers like “£1,234.50”, “1.234,50 €” or “¥88”; dates day-first, month-first, ISO or Excel serials"</li>
                <li>"Shopify, WooCommerce and UCI-style exports recognised outright; English and Chinese headers (订单号, 下单时间, 数量 …)"</li>
                <li>"Every row accounted for: a cleaning report tells what was kept, set aside or dropped, and why"</li>
            </ul>
        </section>
    }
}
