//! Pure analytics: one folder per pillar, each exposing
//! `run(&Input, &Params) -> Result<Report, Error>` with `serde` reports.
//! No browser crates here, ever.

pub mod action;
pub mod basket;
pub mod customers;
pub mod forecast;
pub mod inventory;
pub mod marketing;
pub mod overview;
pub(crate) mod random;
pub mod recommend;
pub(crate) mod roots;
