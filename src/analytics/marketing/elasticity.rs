//! Own-price elasticity of demand by log-log regression with fixed effects.
//!
//! Model (constant-elasticity demand; Wooldridge, "Introductory Econometrics", 7th ed., §6.2 and
//! §14 on fixed effects; the Dominick's orange-juice model of Montgomery 1997, "Creating
//! micro-marketing pricing strategies using supermarket scanner data", Marketing Science 16,
//! and Rossi, Allenby & McCulloch 2005, bayesm `orangeJuice`):
//!
//! `ln q_it = α_store(i) + μ_brand(i) + ε_brand(i) · ln p_it + Σ_f δ_f · flag_f,it + u_it`
//!
//! by ordinary least squares ([`super::ols`]). `ε_b` is brand b's own-price elasticity: a 1%
//! higher price goes with about ε_b % more units (negative: fewer), holding the store and the
//! promotion flags fixed. Flags (deal, feature, display) act multiplicatively on units: the
//! lift of a flag is `e^δ − 1`. Standard errors are classical OLS (`σ̂² (X'X)⁻¹`), intervals
//! use Student's t with `n − p` degrees of freedom — the numbers of
//! `statsmodels.OLS(...).fit()` on the same dummies (checked in `tests/marketing_elasticity.rs`
//! against `tests/reference/elasticity_oj.py`).
//!
//! A brand whose log price barely varies (standard deviation below `min_log_price_sd`) or
//! with too few rows gets no slope: its elasticity is withheld with the reason, its rows still
//! inform the store effects and flag lifts.

use super::ols::{self, OlsError};
use super::stats::quantile_sorted;
use super::table::{Table, TableError};
use crate::analytics::basket::nonproduct::{code_list, non_product_reason};
use crate::data::model::{OrderLines, NONE_ID};
use crate::text::{params, Text};
use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};
use std::collections::HashMap;

/// Errors of the elasticity analysis.
///
/// The message comes from the sentence catalogue ([`ElasticityError::text`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum ElasticityError {
    Table(#[from] TableError),
    Param { name: &'static str, message: Text },
    Input(Text),
    Fit(#[from] OlsError),
}

impl ElasticityError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            ElasticityError::Table(e) => e.text(),
            ElasticityError::Param { name, message } => Text::new("common.err.invalid_param")
                .str("name", *name)
                .text("message", message.clone()),
            ElasticityError::Input(t) => t.clone(),
            ElasticityError::Fit(e) => Text::new("mkt.err.regression_fit").text("error", e.text()),
        }
    }
}

/// Which columns of a table to use; `None` = recognised by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ElasticitySpec {
    /// Units sold, or log units when the name starts with `log`/`ln` (e.g. `logmove`).
    pub units_column: Option<String>,
    /// Price, or log price when the name starts with `log`/`ln`. Without one, columns
    /// `price1 … priceK` give each row its own brand's price (Dominick's layout).
    pub price_column: Option<String>,
    /// Brand/product column: one elasticity per value (`--by`).
    pub group_column: Option<String>,
    /// Store column: store fixed effects.
    pub store_column: Option<String>,
    /// Promotion flag columns (default: deal, feat, feature, promo, display, …).
    pub flag_columns: Option<Vec<String>>,
}

/// Columns actually used, for the report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ColumnsUsed {
    pub units: String,
    pub units_are_log: bool,
    pub price: String,
    pub price_is_log: bool,
    pub group: Option<String>,
    pub store: Option<String>,
    pub flags: Vec<String>,
}

/// Prepared observations (one per store × brand × week, or SKU × week from orders).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElasticityInput {
    pub log_units: Vec<f64>,
    pub log_price: Vec<f64>,
    /// Group (brand/product) index per row into `group_names`.
    pub group: Vec<u32>,
    pub group_names: Vec<String>,
    /// Store index per row into `store_names`; empty = no store effects.
    pub store: Vec<u32>,
    pub store_names: Vec<String>,
    /// Promotion flags (name, value per row).
    pub flags: Vec<(String, Vec<f64>)>,
    pub columns: ColumnsUsed,
    /// Rows left out (units or price not positive), with the reason in `notes`.
    pub dropped_rows: usize,
    pub notes: Vec<Text>,
}

/// Parameters (defaults in [`ElasticityParams::default`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElasticityParams {
    /// Confidence level of the intervals.
    pub confidence: f64,
    /// One common elasticity for all groups (group effects kept) instead of one per group.
    pub pooled: bool,
    /// Use store fixed effects when a store column is present.
    pub store_effects: bool,
    /// Fewest rows a group needs for its own elasticity.
    pub min_observations: usize,
    /// Smallest standard deviation of a group's log price (0.02 ≈ prices varying by 2%).
    pub min_log_price_sd: f64,
}

impl Default for ElasticityParams {
    fn default() -> Self {
        ElasticityParams {
            confidence: 0.95,
            pooled: false,
            store_effects: true,
            min_observations: 8,
            min_log_price_sd: 0.02,
        }
    }
}

impl ElasticityParams {
    pub fn validate(&self) -> Result<(), ElasticityError> {
        let err = |name, m: Text| Err(ElasticityError::Param { name, message: m });
        if !(self.confidence > 0.5 && self.confidence < 1.0) {
            return err("confidence", Text::new("param.confidence"));
        }
        if self.min_observations < 3 {
            return err("min_observations", params::at_least(3));
        }
        if !(self.min_log_price_sd >= 0.0 && self.min_log_price_sd.is_finite()) {
            return err("min_log_price_sd", Text::new("param.non_negative"));
        }
        Ok(())
    }
}

/// Elasticity of one brand/product (or the pooled one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupElasticity {
    pub name: String,
    pub observations: usize,
    pub price_min: f64,
    pub price_max: f64,
    pub log_price_sd: f64,
    /// % change in units for a 1% price change; `None` when withheld.
    pub elasticity: Option<f64>,
    pub std_error: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// Two-sided p-value of "no price effect".
    pub p_value: Option<f64>,
    pub withheld: Option<Text>,
    pub explain: Text,
}

/// Multiplicative lift of a promotion flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlagLift {
    pub name: String,
    /// δ on log units.
    pub coefficient: f64,
    pub std_error: f64,
    /// `100 (e^δ − 1)`: % more units when the flag is 1 (for fractional flags: all vs none).
    pub lift_pct: f64,
    pub ci_low_pct: f64,
    pub ci_high_pct: f64,
    pub p_value: f64,
    pub explain: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElasticityReport {
    pub observations: usize,
    pub parameters: usize,
    pub dropped_rows: usize,
    pub store_effects: usize,
    pub r2: f64,
    pub residual_sd: f64,
    pub confidence: f64,
    pub pooled: bool,
    pub columns: ColumnsUsed,
    pub groups: Vec<GroupElasticity>,
    pub flags: Vec<FlagLift>,
    pub summary: Text,
    pub how_computed: Text,
    pub notes: Vec<Text>,
}

/// What the units and price columns are, as written in the report: the descriptions of the
/// order-derived columns in words, a file's column names as they are.
const ORDER_UNITS: &str = "units per product and week (from order lines)";
const ORDER_PRICE: &str = "price per product and week (median of its ordinary-size lines)";

/// The name of the pooled row in `groups`.
pub const POOLED: &str = "all (pooled)";

/// A group's name in a sentence: the pooled row in words, brands and products as they are.
fn group_name_text(name: &str) -> Text {
    if name == POOLED {
        Text::new("mkt.el.pooled")
    } else {
        Text::raw(name)
    }
}

fn column_text(name: &str) -> Text {
    match name {
        ORDER_UNITS => Text::new("mkt.el.order_units"),
        ORDER_PRICE => Text::new("mkt.el.order_price"),
        "product" => Text::new("mkt.el.product"),
        "group" => Text::new("mkt.el.group"),
        _ => Text::raw(name),
    }
}

fn norm(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn is_log_name(h: &str) -> bool {
    let n = norm(h);
    n.starts_with("log") || n.starts_with("ln")
}

fn find(t: &Table, names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|c| t.headers.iter().position(|h| norm(h) == *c))
}

const LOG_UNITS: &[&str] = &[
    "logmove",
    "logunits",
    "logquantity",
    "logqty",
    "logvolume",
    "logsales",
    "lnunits",
    "lnquantity",
    "lnq",
];
const UNITS: &[&str] = &[
    "units",
    "unitssold",
    "unitsales",
    "salesunits",
    "quantity",
    "qty",
    "move",
    "volume",
    "demand",
];
const LOG_PRICE: &[&str] = &["logprice", "lnprice", "lprice"];
const PRICE: &[&str] = &[
    "price",
    "unitprice",
    "avgprice",
    "averageprice",
    "priceperunit",
    "shelfprice",
];
const GROUP: &[&str] = &[
    "brand",
    "product",
    "productid",
    "productname",
    "sku",
    "item",
    "itemid",
    "upc",
    "article",
];
const STORE: &[&str] = &[
    "store", "storeid", "retailer", "shop", "outlet", "account", "chain",
];
const FLAGS: &[&str] = &[
    "deal",
    "feat",
    "feature",
    "promo",
    "promotion",
    "onpromo",
    "onpromotion",
    "display",
    "disp",
    "coupon",
    "flyer",
    "tpr",
];

/// Index values: sorted numerically when all are numbers, else as text.
/// The median (numpy's and pandas'), by [`quantile_sorted`]; NaN for an empty slice. Sorts `v`.
fn median(v: &mut [f64]) -> f64 {
    v.sort_unstable_by(f64::total_cmp);
    quantile_sorted(v, 0.5)
}

fn index_values(vals: &[&str]) -> (Vec<u32>, Vec<String>) {
    let mut names: Vec<String> = vals.iter().map(|s| s.to_string()).collect();
    names.sort();
    names.dedup();
    if names.iter().all(|s| s.parse::<f64>().is_ok()) {
        names.sort_by(|a, b| {
            let x: f64 = a.parse().unwrap_or(0.0);
            let y: f64 = b.parse().unwrap_or(0.0);
            x.total_cmp(&y)
        });
    }
    let map: HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as u32))
        .collect();
    (
        vals.iter()
            .map(|v| map.get(v).copied().unwrap_or(0))
            .collect(),
        names,
    )
}

impl ElasticityInput {
    /// From a generic table: columns named in `spec`, else recognised by name.
    pub fn from_table(
        t: &Table,
        spec: &ElasticitySpec,
    ) -> Result<ElasticityInput, ElasticityError> {
        let col = |name: &Option<String>,
                   auto: &dyn Fn() -> Option<usize>|
         -> Result<Option<usize>, TableError> {
            match name {
                Some(n) => t.column_index(n).map(Some),
                None => Ok(auto()),
            }
        };
        let units = col(&spec.units_column, &|| {
            find(t, LOG_UNITS).or_else(|| find(t, UNITS))
        })?
        .ok_or_else(|| {
            ElasticityError::Input(
                Text::new("mkt.err.elasticity_no_units")
                    .str("file", t.file.clone())
                    .str("columns", t.headers.join(", ")),
            )
        })?;
        let group = col(&spec.group_column, &|| find(t, GROUP))?;
        let store = col(&spec.store_column, &|| find(t, STORE))?;
        let price = col(&spec.price_column, &|| {
            find(t, LOG_PRICE).or_else(|| find(t, PRICE))
        })?;
        let n = t.rows();
        let group_raw: Vec<&str> = match group {
            Some(g) => t.columns[g].iter().map(String::as_str).collect(),
            None => vec!["all"; n],
        };
        // Own price per row: the price column, or price<brand> (Dominick's layout).
        let (price_vals, price_name, price_is_log) = match price {
            Some(p) => (
                t.numeric(p)?,
                t.headers[p].clone(),
                is_log_name(&t.headers[p]),
            ),
            None => {
                let g = group.ok_or_else(|| {
                    ElasticityError::Input(
                        Text::new("mkt.err.elasticity_no_price").str("file", t.file.clone()),
                    )
                })?;
                let mut cache: HashMap<&str, Vec<f64>> = HashMap::new();
                let mut v = Vec::with_capacity(n);
                for (i, gv) in group_raw.iter().enumerate() {
                    if !cache.contains_key(gv) {
                        let name = format!("price{gv}");
                        let j = t
                            .headers
                            .iter()
                            .position(|h| norm(h) == norm(&name))
                            .ok_or_else(|| {
                                ElasticityError::Input(
                                    Text::new("mkt.err.elasticity_no_group_price")
                                        .str("file", t.file.clone())
                                        .str("name", name.clone())
                                        .str("group", t.headers[g].clone())
                                        .str("value", gv.to_string())
                                        .index("row", i + 1),
                                )
                            })?;
                        cache.insert(gv, t.numeric(j)?);
                    }
                    v.push(
                        cache
                            .get(gv)
                            .and_then(|c| c.get(i))
                            .copied()
                            .unwrap_or(f64::NAN),
                    );
                }
                (v, format!("price<{}>", t.headers[g]), false)
            }
        };
        let units_vals = t.numeric(units)?;
        let units_are_log = is_log_name(&t.headers[units]);
        let flag_idx: Vec<usize> = match &spec.flag_columns {
            Some(names) => names
                .iter()
                .map(|n| t.column_index(n))
                .collect::<Result<_, _>>()?,
            None => (0..t.headers.len())
                .filter(|&j| FLAGS.contains(&norm(&t.headers[j]).as_str()) && t.is_numeric(j))
                .collect(),
        };
        let flag_vals: Vec<Vec<f64>> = flag_idx
            .iter()
            .map(|&j| t.numeric(j))
            .collect::<Result<_, _>>()?;
        let mut keep = Vec::with_capacity(n);
        let mut dropped = 0usize;
        for i in 0..n {
            let ok_u = if units_are_log {
                units_vals[i].is_finite()
            } else {
                units_vals[i] > 0.0
            };
            let ok_p = if price_is_log {
                price_vals[i].is_finite()
            } else {
                price_vals[i] > 0.0
            };
            if ok_u && ok_p {
                keep.push(i);
            } else {
                dropped += 1;
            }
        }
        let mut notes = Vec::new();
        if dropped > 0 {
            notes.push(Text::new("mkt.el.dropped").int("n", dropped));
        }
        let (gi, group_names) =
            index_values(&keep.iter().map(|&i| group_raw[i]).collect::<Vec<_>>());
        let (si, store_names) = match store {
            Some(s) => index_values(
                &keep
                    .iter()
                    .map(|&i| t.columns[s][i].as_str())
                    .collect::<Vec<_>>(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        Ok(ElasticityInput {
            log_units: keep
                .iter()
                .map(|&i| {
                    if units_are_log {
                        units_vals[i]
                    } else {
                        units_vals[i].ln()
                    }
                })
                .collect(),
            log_price: keep
                .iter()
                .map(|&i| {
                    if price_is_log {
                        price_vals[i]
                    } else {
                        price_vals[i].ln()
                    }
                })
                .collect(),
            group: gi,
            group_names,
            store: si,
            store_names,
            flags: flag_idx
                .iter()
                .zip(flag_vals)
                .map(|(&j, v)| (t.headers[j].clone(), keep.iter().map(|&i| v[i]).collect()))
                .collect(),
            columns: ColumnsUsed {
                units: t.headers[units].clone(),
                units_are_log,
                price: price_name,
                price_is_log,
                group: group.map(|g| t.headers[g].clone()),
                store: store.map(|s| t.headers[s].clone()),
                flags: flag_idx.iter().map(|&j| t.headers[j].clone()).collect(),
            },
            dropped_rows: dropped,
            notes,
        })
    }

    /// From imported order lines: units and price per SKU (the product when a line has no SKU)
    /// and calendar week (Monday start). Units are all the week's units, `q_jt = Σ q_i`; the
    /// price is what a customer buying an ordinary quantity paid,
    /// `p_jt = median{ r_i / q_i : lines i of j in week t with q_i ≤ m_j }`, `m_j` the median
    /// quantity of j's lines (the median over all the week's lines when none is that small).
    /// The revenue-weighted average `Σ r / Σ q` would fall in any week a wholesale customer
    /// bought at a volume-tier price while the units rose with that order, so tiered pricing
    /// would pass for price sensitivity (on the bundled sample: median elasticity −2.8 that
    /// way, against −0.8 on ordinary-size lines; BENCHMARKS.md). `skus`, when given, keeps only
    /// those SKUs/products; otherwise codes that are not goods (postage, manual adjustments,
    /// fees: [`non_product_reason`]) are left out, with a note.
    pub fn from_orders(
        lines: &OrderLines,
        skus: Option<&[String]>,
    ) -> Result<ElasticityInput, ElasticityError> {
        // Kept lines: (id, week, units, unit price); line quantities per id.
        let mut used: Vec<(u32, i64, f64, f64)> = Vec::new();
        let mut quantities: HashMap<u32, Vec<f64>> = HashMap::new();
        // Per id: whether it is kept (judged once, on the first line's product name).
        let mut kept: HashMap<u32, bool> = HashMap::new();
        // Lines per id left out as not goods (listed largest first in the note).
        let mut non_goods: HashMap<u32, usize> = HashMap::new();
        for i in 0..lines.len() {
            let id = if lines.sku[i] != NONE_ID {
                lines.sku[i]
            } else {
                lines.product[i]
            };
            if id == NONE_ID {
                continue;
            }
            let keep = *kept.entry(id).or_insert_with(|| {
                let code = lines.strings.get(id);
                match skus {
                    Some(f) => f.iter().any(|s| s == code),
                    None => {
                        let name = if lines.product[i] != NONE_ID {
                            lines.strings.get(lines.product[i])
                        } else {
                            code
                        };
                        non_product_reason(code, name).is_none()
                    }
                }
            });
            if !keep {
                if skus.is_none() {
                    *non_goods.entry(id).or_insert(0) += 1;
                }
                continue;
            }
            let (q, r) = (lines.quantity[i], lines.revenue[i]);
            if !(q > 0.0 && r > 0.0) {
                continue;
            }
            let week = crate::data::dates::week_index(lines.timestamp[i].div_euclid(86_400));
            used.push((id, week, q, r / q));
            quantities.entry(id).or_default().push(q);
        }
        let ordinary: HashMap<u32, f64> = quantities
            .into_iter()
            .map(|(id, mut q)| (id, median(&mut q)))
            .collect();
        // Per cell: units, unit prices of ordinary-size lines, unit prices of all lines.
        type Prices = (f64, Vec<f64>, Vec<f64>);
        let mut cells: HashMap<(u32, i64), Prices> = HashMap::new();
        for &(id, week, q, price) in &used {
            let e = cells.entry((id, week)).or_default();
            e.0 += q;
            if ordinary.get(&id).is_some_and(|&m| q <= m) {
                e.1.push(price);
            }
            e.2.push(price);
        }
        let cells: HashMap<(u32, i64), (f64, f64)> = cells
            .into_iter()
            .map(|(k, (q, mut small, mut all))| {
                let p = if small.is_empty() {
                    median(&mut all)
                } else {
                    median(&mut small)
                };
                (k, (q, p))
            })
            .collect();
        if cells.is_empty() {
            return Err(ElasticityError::Input(Text::new(
                "mkt.err.elasticity_no_lines",
            )));
        }
        let mut keys: Vec<(u32, i64)> = cells.keys().copied().collect();
        keys.sort_unstable();
        let names: Vec<&str> = keys.iter().map(|k| lines.strings.get(k.0)).collect();
        let (gi, group_names) = index_values(&names);
        let weeks = {
            let mut w: Vec<i64> = keys.iter().map(|k| k.1).collect();
            w.sort_unstable();
            w.dedup();
            w.len()
        };
        Ok(ElasticityInput {
            log_units: keys.iter().map(|k| cells[k].0.ln()).collect(),
            log_price: keys.iter().map(|k| cells[k].1.ln()).collect(),
            group: gi,
            group_names,
            store: Vec::new(),
            store_names: Vec::new(),
            flags: Vec::new(),
            columns: ColumnsUsed {
                units: ORDER_UNITS.into(),
                units_are_log: false,
                price: ORDER_PRICE.into(),
                price_is_log: false,
                group: Some("product".into()),
                store: None,
                flags: Vec::new(),
            },
            dropped_rows: 0,
            notes: {
                let mut notes = vec![Text::new("mkt.el.from_orders")
                    .int("cells", keys.len())
                    .int("weeks", weeks)];
                if !non_goods.is_empty() {
                    let mut non_goods: Vec<(&str, usize)> = non_goods
                        .iter()
                        .map(|(&id, &n)| (lines.strings.get(id), n))
                        .collect();
                    non_goods.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                    notes.push(
                        Text::new("mkt.el.non_products")
                            .str("codes", code_list(non_goods.iter().map(|c| c.0))),
                    );
                }
                notes
            },
        })
    }

    fn validate(&self) -> Result<(), ElasticityError> {
        let n = self.log_units.len();
        if n == 0 {
            return Err(ElasticityError::Input(Text::new("mkt.err.no_observations")));
        }
        let bad_len = self.log_price.len() != n
            || self.group.len() != n
            || (!self.store.is_empty() && self.store.len() != n)
            || self.flags.iter().any(|f| f.1.len() != n);
        if bad_len {
            return Err(ElasticityError::Input(Text::new(
                "mkt.err.different_lengths",
            )));
        }
        if self
            .group
            .iter()
            .any(|&g| g as usize >= self.group_names.len())
            || self
                .store
                .iter()
                .any(|&s| s as usize >= self.store_names.len())
        {
            return Err(ElasticityError::Input(Text::new("mkt.err.index_range")));
        }
        Ok(())
    }
}

/// Two-sided t quantile and p-value helpers.
fn t_dist(df: usize) -> Option<StudentsT> {
    StudentsT::new(0.0, 1.0, df.max(1) as f64).ok()
}

/// Coefficients, standard errors and fit of either solver.
struct Est {
    coef: Vec<f64>,
    se: Vec<f64>,
    r2: f64,
    sigma2: f64,
    df: usize,
}

/// Without store effects and flags the design is group dummies plus slopes on log price
/// centred within each group (or on the pooled slope): the dummies and the centred slopes are
/// orthogonal, so OLS separates into per-group sums (Frisch–Waugh–Lovell; Greene ch. 3.3):
/// `ε_g = Σ (x − x̄_g)(y − ȳ_g) / Σ (x − x̄_g)²`, `se_g = √(σ̂² / Σ (x − x̄_g)²)`,
/// `σ̂² = SSE / (n − p)` — the numbers of the full dummy regression in O(n) instead of a p×p
/// factorisation (thousands of products from order lines).
fn separable_fit(
    input: &ElasticityInput,
    slope: &[Option<usize>],
    mean_x: &[f64],
    pooled: bool,
    p: usize,
) -> Result<Est, ElasticityError> {
    let n = input.log_units.len();
    if n < p + 2 {
        return Err(OlsError::TooFew { n, p, need: p + 2 }.into());
    }
    let g = input.group_names.len();
    let (mut ys, mut cnt) = (vec![0.0; g], vec![0usize; g]);
    for i in 0..n {
        let k = input.group[i] as usize;
        ys[k] += input.log_units[i];
        cnt[k] += 1;
    }
    let ym: Vec<f64> = (0..g).map(|k| ys[k] / cnt[k].max(1) as f64).collect();
    let (mut sxx, mut sxy) = (vec![0.0; g], vec![0.0; g]);
    let (mut pxx, mut pxy) = (0.0, 0.0);
    for i in 0..n {
        let k = input.group[i] as usize;
        if slope[k].is_none() {
            continue;
        }
        // With a pooled slope the dummies absorb group means, so centre x within the group.
        let x = input.log_price[i] - mean_x[k];
        let y = input.log_units[i] - ym[k];
        sxx[k] += x * x;
        sxy[k] += x * y;
        pxx += x * x;
        pxy += x * y;
    }
    let mut coef = vec![0.0; p];
    let mut se = vec![0.0; p];
    let b: Vec<f64> = (0..g)
        .map(|k| match slope[k] {
            Some(_) if pooled => pxy / pxx.max(1e-300),
            Some(_) => sxy[k] / sxx[k].max(1e-300),
            None => 0.0,
        })
        .collect();
    let all_m = input.log_units.iter().sum::<f64>() / n as f64;
    let (mut sse, mut sst) = (0.0, 0.0);
    for i in 0..n {
        let k = input.group[i] as usize;
        let x = if slope[k].is_some() {
            input.log_price[i] - mean_x[k]
        } else {
            0.0
        };
        let e = input.log_units[i] - ym[k] - b[k] * x;
        sse += e * e;
        sst += (input.log_units[i] - all_m).powi(2);
    }
    let df = n - p;
    let sigma2 = sse / df as f64;
    for k in 0..g {
        if let Some(j) = slope[k] {
            coef[j] = b[k];
            let s = if pooled { pxx } else { sxx[k] };
            se[j] = (sigma2 / s.max(1e-300)).sqrt();
        }
    }
    Ok(Est {
        coef,
        se,
        r2: if sst > 0.0 { 1.0 - sse / sst } else { f64::NAN },
        sigma2,
        df,
    })
}

/// Fit the model and report per-group elasticities and flag lifts.
/// The headline over the estimated groups: how many clearly sell fewer units at a higher
/// price (the whole interval below 0), the surest of them (the most negative `e / se`) and the
/// mildest (the elasticity nearest 0), how many clearly sell more (interval above 0), and for
/// how many the interval straddles 0. One group: its own sentence.
fn summary(shown: &[&GroupElasticity], group: Text, conf: f64) -> Text {
    let est = |x: &GroupElasticity| {
        (
            x.elasticity.unwrap_or(f64::NAN),
            x.std_error.unwrap_or(f64::NAN),
            x.ci_low.unwrap_or(f64::NAN),
            x.ci_high.unwrap_or(f64::NAN),
        )
    };
    match shown {
        [] => return Text::new("mkt.el.none"),
        [one] => return one.explain.clone(),
        _ => {}
    }
    let fewer: Vec<&GroupElasticity> = shown.iter().copied().filter(|x| est(x).3 < 0.0).collect();
    let rising = shown.iter().filter(|x| est(x).2 > 0.0).count();
    let unsure = shown.len() - fewer.len() - rising;
    let t_stat = |x: &GroupElasticity| {
        let (e, se, ..) = est(x);
        e / se.max(1e-300)
    };
    let surest = fewer.iter().min_by(|a, b| t_stat(a).total_cmp(&t_stat(b)));
    let mildest = fewer.iter().max_by(|a, b| est(a).0.total_cmp(&est(b).0));
    let detail = match (surest, mildest) {
        (Some(s), Some(m)) => {
            let (e, _, lo, hi) = est(s);
            let t = Text::new(if fewer.len() == 1 {
                "mkt.el.summary_surest"
            } else {
                "mkt.el.summary_surest_mildest"
            })
            .text("name", group_name_text(&s.name))
            .num("e", e, 2)
            .num("lo", lo, 2)
            .num("hi", hi, 2);
            if fewer.len() == 1 {
                t
            } else {
                t.text("mild", group_name_text(&m.name))
                    .num("e_mild", est(m).0, 2)
            }
        }
        _ => Text::raw(""),
    };
    // A part of the sentence only when it counts something.
    let part = |key: &str, name: &str, n: usize| {
        if n > 0 {
            Text::new(key).int(name, n)
        } else {
            Text::raw("")
        }
    };
    Text::new("mkt.el.summary")
        .int("n", shown.len())
        .text("group", group)
        .int("k", fewer.len())
        .num("conf", conf, 0)
        .text("surest", detail)
        .text("rising", part("mkt.el.summary_rising", "r", rising))
        .text("unsure", part("mkt.el.summary_unsure", "u", unsure))
}

pub fn run(
    input: &ElasticityInput,
    params: &ElasticityParams,
) -> Result<ElasticityReport, ElasticityError> {
    params.validate()?;
    input.validate()?;
    let n = input.log_units.len();
    let g = input.group_names.len();
    // Per-group price statistics.
    let mut cnt = vec![0usize; g];
    let mut sum = vec![0.0; g];
    let mut sum2 = vec![0.0; g];
    let mut pmin = vec![f64::MAX; g];
    let mut pmax = vec![f64::MIN; g];
    for i in 0..n {
        let k = input.group[i] as usize;
        let lp = input.log_price[i];
        cnt[k] += 1;
        sum[k] += lp;
        sum2[k] += lp * lp;
        pmin[k] = pmin[k].min(lp.exp());
        pmax[k] = pmax[k].max(lp.exp());
    }
    let mean: Vec<f64> = (0..g).map(|k| sum[k] / cnt[k].max(1) as f64).collect();
    let sd: Vec<f64> = (0..g)
        .map(|k| {
            let c = cnt[k].max(1) as f64;
            (sum2[k] / c - mean[k] * mean[k]).max(0.0).sqrt()
        })
        .collect();
    let withheld: Vec<Option<Text>> = (0..g)
        .map(|k| {
            if cnt[k] < params.min_observations {
                Some(
                    Text::new("mkt.el.few_observations")
                        .int("n", cnt[k])
                        .int("min", params.min_observations),
                )
            } else if sd[k] < params.min_log_price_sd {
                Some(
                    Text::new("mkt.el.flat_price")
                        .num("lo", pmin[k], 4)
                        .num("hi", pmax[k], 4)
                        .num("sd", sd[k], 3)
                        .num("min", params.min_log_price_sd, 3),
                )
            } else {
                None
            }
        })
        .collect();
    // Columns: store dummies (all) + group dummies (all but the first) when stores are used,
    // else all group dummies; then slopes; then flags.
    let use_store = params.store_effects && !input.store.is_empty() && input.store_names.len() > 1;
    let s = if use_store {
        input.store_names.len()
    } else {
        0
    };
    let mut names: Vec<String> = Vec::new();
    if use_store {
        for sn in &input.store_names {
            names.push(format!("store {sn}"));
        }
    }
    let first_group = usize::from(use_store);
    let gcol: Vec<Option<usize>> = (0..g)
        .map(|k| {
            (k >= first_group).then(|| {
                names.push(format!("group {}", input.group_names[k]));
                names.len() - 1
            })
        })
        .collect();
    let any_slope = withheld.iter().any(Option::is_none);
    if !any_slope {
        let group = match input.columns.group.as_deref() {
            Some(g) => Text::raw(g),
            None => Text::new("mkt.err.product"),
        };
        return Err(ElasticityError::Input(
            Text::new("mkt.err.no_price_variation")
                .text("group", group)
                .text(
                    "why",
                    withheld.first().cloned().flatten().unwrap_or_default(),
                ),
        ));
    }
    let pooled_mean = {
        let (a, b): (f64, usize) = (0..g)
            .filter(|&k| withheld[k].is_none())
            .fold((0.0, 0), |(a, b), k| (a + sum[k], b + cnt[k]));
        a / b.max(1) as f64
    };
    let slope: Vec<Option<usize>> = if params.pooled {
        names.push("log price".into());
        let j = names.len() - 1;
        (0..g).map(|k| withheld[k].is_none().then_some(j)).collect()
    } else {
        (0..g)
            .map(|k| {
                withheld[k].is_none().then(|| {
                    names.push(format!("log price × {}", input.group_names[k]));
                    names.len() - 1
                })
            })
            .collect()
    };
    let fcol: Vec<usize> = input
        .flags
        .iter()
        .map(|(nm, _)| {
            names.push(nm.clone());
            names.len() - 1
        })
        .collect();
    let p = names.len();
    let row = |i: usize, buf: &mut Vec<(usize, f64)>| -> f64 {
        let k = input.group[i] as usize;
        if use_store {
            buf.push((input.store[i] as usize, 1.0));
        }
        if let Some(j) = gcol[k] {
            buf.push((j, 1.0));
        }
        if let Some(j) = slope[k] {
            // Centred within the group (or overall when pooled): same slope, better
            // conditioning.
            let c = if params.pooled { pooled_mean } else { mean[k] };
            buf.push((j, input.log_price[i] - c));
        }
        for (f, &j) in input.flags.iter().zip(&fcol) {
            buf.push((j, f.1[i]));
        }
        input.log_units[i]
    };
    let fit = if !use_store && input.flags.is_empty() {
        separable_fit(input, &slope, &mean, params.pooled, p)?
    } else {
        if p > 2000 {
            return Err(ElasticityError::Input(
                Text::new("mkt.err.too_many_parameters")
                    .int("p", p)
                    .str("group", input.columns.group.as_deref().unwrap_or("product")),
            ));
        }
        let f = ols::fit(n, p, &names, row)?;
        Est {
            df: f.df(),
            coef: f.coef,
            se: f.se,
            r2: f.r2,
            sigma2: f.sigma2,
        }
    };
    let df = fit.df;
    let td = t_dist(df);
    let tq = td
        .as_ref()
        .map_or(1.96, |d| d.inverse_cdf(0.5 + params.confidence / 2.0));
    let pval = |z: f64| {
        td.as_ref()
            .map_or(f64::NAN, |d| 2.0 * (1.0 - d.cdf(z.abs())))
    };
    let conf = 100.0 * params.confidence;
    let describe = |name: &str, e: f64, lo: f64, hi: f64| -> Text {
        let kind = if hi < -1.0 {
            Text::new("mkt.el.elastic")
        } else if lo > -1.0 && hi < 0.0 {
            Text::new("mkt.el.inelastic")
        } else if lo > 0.0 {
            Text::new("mkt.el.positive")
        } else {
            Text::new("mkt.el.unsure")
        };
        Text::new(if e <= 0.0 {
            "mkt.el.describe_fewer"
        } else {
            "mkt.el.describe_more"
        })
        .text("name", group_name_text(name))
        .num("e", e.abs(), 2)
        .num("conf", conf, 0)
        .num("lo", lo, 2)
        .num("hi", hi, 2)
        .text("kind", kind)
    };
    let mut groups = Vec::new();
    let make = |name: String,
                obs: usize,
                pmn: f64,
                pmx: f64,
                lsd: f64,
                j: Option<usize>,
                why: Option<Text>|
     -> GroupElasticity {
        match j {
            Some(j) => {
                let (e, se) = (fit.coef[j], fit.se[j]);
                let (lo, hi) = (e - tq * se, e + tq * se);
                GroupElasticity {
                    explain: describe(&name, e, lo, hi),
                    name,
                    observations: obs,
                    price_min: pmn,
                    price_max: pmx,
                    log_price_sd: lsd,
                    elasticity: Some(e),
                    std_error: Some(se),
                    ci_low: Some(lo),
                    ci_high: Some(hi),
                    p_value: Some(pval(e / se.max(1e-300))),
                    withheld: None,
                }
            }
            None => GroupElasticity {
                explain: Text::new("mkt.el.withheld")
                    .text("name", group_name_text(&name))
                    .text(
                        "why",
                        why.clone()
                            .unwrap_or_else(|| Text::new("mkt.el.no_variation")),
                    ),
                name,
                observations: obs,
                price_min: pmn,
                price_max: pmx,
                log_price_sd: lsd,
                elasticity: None,
                std_error: None,
                ci_low: None,
                ci_high: None,
                p_value: None,
                withheld: why,
            },
        }
    };
    for k in 0..g {
        groups.push(make(
            input.group_names[k].clone(),
            cnt[k],
            pmin[k],
            pmax[k],
            sd[k],
            if params.pooled { None } else { slope[k] },
            if params.pooled {
                Some(Text::new("mkt.el.pooled_asked"))
            } else {
                withheld[k].clone()
            },
        ));
    }
    if params.pooled {
        let j = slope.iter().flatten().next().copied();
        let used: Vec<usize> = (0..g).filter(|&k| slope[k].is_some()).collect();
        let obs = used.iter().map(|&k| cnt[k]).sum();
        let pmn = used.iter().map(|&k| pmin[k]).fold(f64::MAX, f64::min);
        let pmx = used.iter().map(|&k| pmax[k]).fold(f64::MIN, f64::max);
        groups.insert(0, make(POOLED.into(), obs, pmn, pmx, f64::NAN, j, None));
    }
    let flags: Vec<FlagLift> = input
        .flags
        .iter()
        .zip(&fcol)
        .map(|((name, _), &j)| {
            let (d, se) = (fit.coef[j], fit.se[j]);
            let lift = 100.0 * d.exp_m1();
            let (lo, hi) = (
                100.0 * (d - tq * se).exp_m1(),
                100.0 * (d + tq * se).exp_m1(),
            );
            FlagLift {
                explain: Text::new(if lift >= 0.0 {
                    "mkt.el.flag_higher"
                } else {
                    "mkt.el.flag_lower"
                })
                .str("name", name.clone())
                .num("lift", lift.abs(), 1)
                .num("conf", conf, 0)
                .str("lo", format!("{lo:+.1}"))
                .str("hi", format!("{hi:+.1}")),
                name: name.clone(),
                coefficient: d,
                std_error: se,
                lift_pct: lift,
                ci_low_pct: lo,
                ci_high_pct: hi,
                p_value: pval(d / se.max(1e-300)),
            }
        })
        .collect();
    let shown: Vec<&GroupElasticity> = groups.iter().filter(|x| x.elasticity.is_some()).collect();
    let summary = summary(
        &shown,
        column_text(input.columns.group.as_deref().unwrap_or("group")),
        conf,
    );
    let how_computed = Text::new("mkt.el.how")
        .int("n", n)
        .text("units", column_text(&input.columns.units))
        .text(
            "store",
            if use_store {
                Text::new("mkt.el.store_term")
                    .str("store", input.columns.store.as_deref().unwrap_or("store"))
                    .int("s", s)
            } else {
                Text::raw("")
            },
        )
        .text(
            "group",
            column_text(input.columns.group.as_deref().unwrap_or("group")),
        )
        .str("slot", if params.pooled { "" } else { "[group]" })
        .text("price", column_text(&input.columns.price))
        .str(
            "flags",
            if input.flags.is_empty() {
                String::new()
            } else {
                format!(" + Σ δ × ({})", input.columns.flags.join(", "))
            },
        )
        .int("p", p)
        .int("df", df)
        .num("r2", fit.r2, 3);
    let mut notes = input.notes.clone();
    if params.store_effects && !use_store && input.store.is_empty() {
        notes.push(Text::new("mkt.el.no_store"));
    }
    notes.push(Text::new("mkt.el.associations"));
    Ok(ElasticityReport {
        observations: n,
        parameters: p,
        dropped_rows: input.dropped_rows,
        store_effects: s,
        r2: fit.r2,
        residual_sd: fit.sigma2.sqrt(),
        confidence: params.confidence,
        pooled: params.pooled,
        columns: input.columns.clone(),
        groups,
        flags,
        summary,
        how_computed,
        notes,
    })
}
