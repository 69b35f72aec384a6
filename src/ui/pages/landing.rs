//! Landing: drop files here / choose files / try the sample store.

use crate::ui::bridge;
use crate::ui::i18n::t;
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
            <h1>{t("Understand your shop. Privately.", "看懂你的店铺，数据不外泄。")}</h1>
            <p class="lead">
                {t("Drop in the CSV exports you already have — orders from Shopify, WooCommerce, a marketplace or a spreadsheet — ",
                    "拖入您已有的 CSV 导出文件——来自 Shopify、WooCommerce、电商平台或表格的订单——")}
                {t("and see who your customers are, what sells and what to do next. ",
                    "看清您的客户是谁、什么好卖、下一步该做什么。")}
                <strong>{t("Your data never leaves this computer", "您的数据从不离开这台电脑")}</strong>
                {t(": everything is computed in this browser tab, with no upload and no tracking.",
                    "：所有计算都在此浏览器标签页中完成，不上传、不跟踪。")}
            </p>
        </section>
        {move || state.report.with(|r| r.as_ref().map(|r| {
            let names = r.files.iter().map(|f| f.file_name.clone()).collect::<Vec<_>>().join(", ");
            view! {
                <section class="card current">
                    <strong>{t("Loaded: ", "已加载：")}</strong>{names}
                    {crate::tr!(" — {} sale lines", " — {} 条销售明细", crate::ui::format::int(r.kept_rows))}
                    " "<a class="btn small primary" href="/overview">{t("Open the overview", "打开概览")}</a>
                    " "<a class="btn small" href="/data">{t("Cleaning report", "清洗报告")}</a>
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
            <p><strong>{t("Drop order files here", "把订单文件拖到这里")}</strong>{t(" (CSV or .csv.gz, several at once)", "（CSV 或 .csv.gz，可一次拖入多个）")}</p>
            <label class="btn primary">
                {t("Choose files…", "选择文件…")}
                <input type="file" data-testid="file-input" multiple accept=".csv,.txt,.tsv,.gz,text/csv" class="visually-hidden" on:change=on_pick/>
            </label>
            <p class="muted">{t("or", "或")}</p>
            <button class="btn" data-testid="try-sample" on:click=try_sample>{t("Try the sample store", "试用示例店铺")}</button>
            <p class="muted small">
                {t("The sample is four months (June–September 2011) of a real UK online gift shop (UCI Online Retail, CC BY 4.0).",
                    "示例数据是一家真实英国网上礼品店四个月（2011年6月至9月）的订单（UCI Online Retail，CC BY 4.0）。")}
            </p>
        </section>
        <section class="card">
            <h2>{t("What ShopLens understands", "ShopLens 能读懂什么")}</h2>
            <ul class="checks">
                <li>{t("UTF-8, UTF-16, Windows-1252 and GBK/GB18030 files; comma, semicolon, tab or pipe separated",
                    "UTF-8、UTF-16、Windows-1252 和 GBK/GB18030 编码的文件；逗号、分号、制表符或竖线分隔")}</li>
                <li>{t("Numbers like “£1,234.50”, “1.234,50 €” or “¥88”; dates day-first, month-first, ISO or Excel serials",
                    "“£1,234.50”、“1.234,50 €”或“¥88”这样的数字；日在前、月在前、ISO 格式或 Excel 序列号的日期")}</li>
                <li>{t("Shopify, WooCommerce and UCI-style exports recognised outright; English and Chinese headers (订单号, 下单时间, 数量 …)",
                    "直接识别 Shopify、WooCommerce 和 UCI 格式的导出；支持中英文表头（订单号、下单时间、数量……）")}</li>
                <li>{t("Every row accounted for: a cleaning report tells what was kept, set aside or dropped, and why",
                    "每一行都有交代：清洗报告说明哪些保留、哪些单独存放或丢弃，以及原因")}</li>
            </ul>
        </section>
    }
}
