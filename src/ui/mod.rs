//! The Leptos (CSR) app: pages and components. They display reports; they never compute —
//! every analysis runs in the Web Worker (`crate::worker`) and comes back as a report.

pub mod bridge;
pub mod charts;
pub mod download;
pub mod format;
pub mod pages;
pub mod state;
pub mod table;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_navigate;
use leptos_router::path;
use state::AppState;

/// Mount the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    bridge::start(state);
    view! {
        <Router>
            <Navigator/>
            <header class="topbar">
                <A href="/" attr:class="brand">
                    <span class="logo" aria-hidden="true">"◎"</span>
                    " ShopLens"
                </A>
                <nav aria-label="Pages">
                    <A href="/overview">"Overview"</A>
                    <A href="/data">"Data"</A>
                    <A href="/customers">"Customers"</A>
                    <A href="/products">"Products"</A>
                    <A href="/forecast">"Forecast"</A>
                    <A href="/inventory">"Inventory"</A>
                    <A href="/marketing">"Marketing"</A>
                </nav>
                <span class="privacy-badge" title="Everything runs in this browser tab. No upload, no server, no tracking.">
                    <svg class="lock" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z"/></svg>
                    " Data stays on this device"
                </span>
            </header>
            <pages::ProgressBar/>
            <pages::ErrorBanner/>
            <main id="main">
                <Routes fallback=|| view! { <pages::NotFound/> }>
                    <Route path=path!("/") view=pages::landing::Landing/>
                    <Route path=path!("/overview") view=pages::overview::Overview/>
                    <Route path=path!("/data") view=pages::data::DataPage/>
                    <Route path=path!("/customers") view=pages::customers::Customers/>
                    <Route path=path!("/products") view=pages::products::Products/>
                    <Route path=path!("/forecast") view=pages::forecast::Forecast/>
                    <Route path=path!("/inventory") view=pages::inventory::Inventory/>
                    <Route path=path!("/marketing") view=pages::marketing::Marketing/>
                </Routes>
            </main>
            <footer class="footer">
                "ShopLens runs entirely in your browser: no account, no upload, no tracking."
            </footer>
        </Router>
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
