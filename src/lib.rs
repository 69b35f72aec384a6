//! ShopLens: private analytics for small online merchants.
//!
//! The crate is split as the design fixes it:
//! - [`data`]: ingestion (encoding and delimiter sniffing, parsing, column mapping, cleaning).
//! - [`analytics`]: pure models, one folder per pillar; no browser crates here, ever.
//! - `ui` and `worker` (wasm32 only): the Leptos app and the Web Worker that runs the core.
//! - `src/bin/shoplens.rs`: the native CLI, a thin layer over the same core.

pub mod analytics;
pub mod data;
pub mod export;
pub mod protocol;
pub mod session;
pub mod text;
pub mod viz;

/// `#[serde(default = "crate::default_true")]`: a flag added to a stored type that is true for
/// everything saved before it existed (e.g. "the data have prices").
pub(crate) fn default_true() -> bool {
    true
}

/// `#[serde(default = "crate::default_one")]`: a factor added to a stored type that is 1
/// (no effect) for everything saved before it existed.
pub(crate) fn default_one() -> f64 {
    1.0
}

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;
