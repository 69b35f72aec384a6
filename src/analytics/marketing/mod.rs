//! Marketing pillar (issue 7): A/B tests, media-mix modelling with a budget allocator, price
//! elasticity, promotion lift and a CART tree of promotion responders.
//!
//! Each model follows the pillar convention `run(&Input, &Params) -> Result<Report, Error>`,
//! validates its parameters first, takes a `seed` for anything random, and returns `serde`
//! reports whose numbers come with plain-language explanations.

// Numeric code indexes several parallel arrays by period; iterator chains would hide that.
#![allow(clippy::needless_range_loop)]

pub mod abtest;
pub mod elasticity;
pub mod experiment;
pub mod mmm;
pub mod ols;
pub mod promo;
pub mod stats;
pub mod table;
pub mod tree;
