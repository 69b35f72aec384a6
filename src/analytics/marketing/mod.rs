//! Marketing pillar (issue 7): A/B tests, media-mix modelling with a budget allocator, price
//! elasticity, promotion lift and a CART tree of promotion responders.
//!
//! Each model follows the pillar convention `run(&Input, &Params) -> Result<Report, Error>`,
//! validates its parameters first, takes a `seed` for anything random, and returns `serde`
//! reports whose numbers come with plain-language explanations.

pub mod abtest;
pub mod stats;
pub mod table;
