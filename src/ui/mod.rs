//! The Leptos (CSR) app: pages and components. They display reports; they never compute —
//! every analysis runs in the Web Worker (`crate::worker`) and comes back as a report.

pub mod bridge;
pub mod charts;
pub mod download;
pub mod format;
pub mod i18n;
pub mod offline;
pub mod pages;
pub mod persist;
pub mod progress;
pub mod side_files;
pub mod state;
pub mod table;

use i18n::t;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_navigate;
use leptos_router::path;
use state::AppState;
use wasm_bindgen::JsCast;

/// Mount the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    offline::init();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    bridge::start(state);
    persist::start(state);
    let lang = RwSignal::new(i18n::initial_lang());
    provide_context(lang);
    // A memo, so that only a change of the flag re-renders the tree, never a repeated `set`.
    let hydrated = Memo::new(move |_| state.hydrated.get());
    // The whole tree re-renders when the language changes; the state signals above survive.
    move || {
        i18n::set_lang(lang.get());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(t(
                "ShopLens — private shop analytics",
                "ShopLens — 私密的店铺分析",
            ));
        }
        // The stored settings are applied before the pages mount (IndexedDB answers in a few ms).
        if !hydrated.get() {
            return view! { <p class="booting" data-testid="booting">{t("Loading…", "加载中…")}</p> }.into_any();
        }
        view! {
        <Router>
            <Navigator/>
            <a href="#main" class="skip-link" on:click=skip_to_main>{t("Skip to main content", "跳到主要内容")}</a>
            <header class="topbar">
                <A href="/" attr:class="brand">
                    <span class="logo" aria-hidden="true">"◎"</span>
                    " ShopLens"
                </A>
                <nav aria-label=t("Pages", "页面")>
                    <A href="/overview">{t("Overview", "概览")}</A>
                    <A href="/data">{t("Data", "数据")}</A>
                    <A href="/customers">{t("Customers", "客户")}</A>
                    <A href="/products">{t("Products", "商品")}</A>
                    <A href="/forecast">{t("Forecast", "预测")}</A>
                    <A href="/inventory">{t("Inventory", "库存")}</A>
                    <A href="/marketing">{t("Marketing", "营销")}</A>
                    <A href="/action">{t("Action plan", "行动计划")}</A>
                </nav>
                <span class="privacy-badge" title=t("Everything runs in this browser tab. No upload, no server, no tracking.", "一切都在此浏览器标签页中运行。不上传、无服务器、不跟踪。")>
                    <svg class="lock" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z"/></svg>
                    {t(" Data stays on this device", " 数据只留在本设备")}
                </span>
                <button class="btn small lang-switch" data-testid="lang-switch"
                    title=t("Switch language", "切换语言")
                    on:click=move |_| lang.update(|l| *l = l.other())>
                    {t("中文", "English")}
                </button>
            </header>
            <pages::ProgressBar/>
            <pages::ErrorBanner/>
            <pages::datasets::NoticeBanner/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <pages::NotFound/> }>
                    <Route path=path!("/") view=pages::landing::Landing/>
                    <Route path=path!("/overview") view=pages::overview::Overview/>
                    <Route path=path!("/data") view=pages::data::DataPage/>
                    <Route path=path!("/customers") view=pages::customers::Customers/>
                    <Route path=path!("/products") view=pages::products::Products/>
                    <Route path=path!("/forecast") view=pages::forecast::Forecast/>
                    <Route path=path!("/inventory") view=pages::inventory::Inventory/>
                    <Route path=path!("/marketing") view=pages::marketing::Marketing/>
                    <Route path=path!("/action") view=pages::action::ActionPage/>
                </Routes>
            </main>
            <footer class="footer">
                {t("ShopLens runs entirely in your browser: no account, no upload, no tracking.", "ShopLens 完全在您的浏览器中运行：无需账户、不上传、不跟踪。")}
            </footer>
        </Router>
        }
        .into_any()
    }
}

/// The skip link: focus `<main>` without a navigation (with `<base href="/">` the link's own
/// `#main` would resolve to `/#main`, i.e. the landing page).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    ev.stop_propagation();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
            main.scroll_into_view();
        }
    }
}

/// Performs navigations requested from outside components (e.g. "import finished → overview").
#[component]
fn Navigator() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(to) = state.navigate_to.get() {
            state.navigate_to.set(None);
            navigate(&to, Default::default());
        }
    });
}
