//! Marketing pillar (issue 7): A/B tests ([`abtest`]), media-mix modelling with a budget
//! allocator ([`mmm`]), price elasticity ([`elasticity`]), promotion lift ([`promo`]) and a CART
//! regression tree of ad effect ([`tree`]; generic, so it also fits customer features → response),
//! on shared least squares ([`ols`]) and a generic table reader ([`table`]).
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
pub mod responders;
pub mod stats;
pub mod table;
pub mod tree;
