//! Offline support: register the service worker (`www/sw.js`) at app start.
//!
//! index.html carries `<meta name="shoplens-service-worker" content="...">`, filled at build time
//! by `scripts/sw_hook.py`: `sw.js` in a build (register it: the app then works offline), `off`
//! under `trunk serve` (register nothing and remove a service worker that an earlier build left
//! on this origin, so development is never served stale files). Anything else (no hook ran):
//! leave service workers alone. Nothing here is user-visible; failures only go to the console.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration};

const META: &str = "meta[name=\"shoplens-service-worker\"]";

/// Register (or, under `trunk serve`, remove) the service worker as index.html says.
pub fn init() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mode = window
        .document()
        .and_then(|d| d.query_selector(META).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    // `navigator.serviceWorker` is missing on insecure origins (plain http on another host).
    let navigator = window.navigator();
    let has_sw =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !has_sw {
        return;
    }
    let container: ServiceWorkerContainer = navigator.service_worker();
    match mode.as_str() {
        "sw.js" => wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = JsFuture::from(container.register("sw.js")).await {
                // Not user-visible: the app works as before, only not offline.
                web_sys::console::warn_1(&e);
            }
        }),
        "off" => wasm_bindgen_futures::spawn_local(async move {
            let Ok(list) = JsFuture::from(container.get_registrations()).await else {
                return;
            };
            for reg in js_sys::Array::from(&list).iter() {
                if let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() {
                    if let Ok(p) = reg.unregister() {
                        let _ = JsFuture::from(p).await;
                    }
                }
            }
        }),
        _ => {}
    }
}
