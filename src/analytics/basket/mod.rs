//! Market basket analysis (Products pillar): frequent itemsets with FP-growth, association
//! rules with support, confidence, lift, leverage and conviction (the definitions of mlxtend),
//! "frequently bought together" (order level) and "customers who bought this also bought"
//! (customer level), with non-product lines (postage, fees, adjustments) detected and excluded.
//!
//! A basket is an order id (or, at customer level, a customer id); an item is a SKU; a basket
//! holds each SKU at most once. Support of an itemset X is `count(X) / N` over the N baskets
//! left after filtering and exclusion (a basket holding only excluded items is not counted).
//! Reference: Agrawal & Srikant 1994; Han, Pei & Yin 2000; mlxtend
//! (`frequent_patterns.fpgrowth`, `association_rules`).

pub mod fpgrowth;
pub mod matrix;
pub mod nonproduct;
pub mod rules;

use crate::data::{Dataset, OrderLines, NONE_ID};
use crate::text::{params, Text};
use fpgrowth::Csr;
pub use nonproduct::{detect as detect_non_products, non_product_reason, NonProductItem};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Errors of the basket pillar.
///
/// The message comes from the sentence catalogue ([`BasketError::text`]).
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[error("{}", self.text())]
pub enum BasketError {
    InvalidParam {
        name: &'static str,
        message: Text,
    },
    BadFilter(String),
    /// No basket left; the filter's description (`None`: no filter).
    NoBaskets(Option<String>),
    /// No sale line names a product (an order-level export).
    NoProducts,
    UnknownItem(String),
    TooMany {
        what: &'static str,
        limit: usize,
    },
}

impl BasketError {
    /// The message, in either language.
    pub fn text(&self) -> crate::text::Text {
        match self {
            BasketError::InvalidParam { name, message } => Text::new("products.err.param")
                .str("name", *name)
                .text("message", message.clone()),
            BasketError::BadFilter(f) => {
                Text::new("products.err.bad_filter").str("filter", f.clone())
            }
            BasketError::NoProducts => Text::new("products.err.no_products"),
            BasketError::NoBaskets(f) => {
                let filter = match f {
                    None => Text::new("products.err.no_filter"),
                    Some(desc) => Text::raw(desc.clone()),
                };
                Text::new("products.err.no_baskets").text("filter", filter)
            }
            BasketError::UnknownItem(s) => {
                Text::new("products.err.unknown_item").str("item", s.clone())
            }
            BasketError::TooMany { what, limit } => {
                let what = match *what {
                    "itemsets" => Text::new("products.err.what_itemsets"),
                    "rules" => Text::new("products.err.what_rules"),
                    other => Text::raw(other),
                };
                Text::new("products.err.too_many")
                    .int("limit", *limit)
                    .text("what", what)
            }
        }
    }
}

/// Which column a [`LineFilter`] tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilterColumn {
    Country,
    Category,
    Currency,
}

/// Keep only lines whose `column` equals `value` (ASCII case-insensitive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineFilter {
    pub column: FilterColumn,
    pub value: String,
}

impl LineFilter {
    /// Parse `COLUMN=VALUE` (`Country=France`, `category=Toys`).
    pub fn parse(s: &str) -> Result<LineFilter, BasketError> {
        let (c, v) = s
            .split_once('=')
            .ok_or_else(|| BasketError::BadFilter(s.to_owned()))?;
        let column = match c.trim().to_ascii_lowercase().as_str() {
            "country" => FilterColumn::Country,
            "category" => FilterColumn::Category,
            "currency" => FilterColumn::Currency,
            _ => return Err(BasketError::BadFilter(s.to_owned())),
        };
        Ok(LineFilter {
            column,
            value: v.trim().to_owned(),
        })
    }
}

/// What a basket is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasketLevel {
    /// One basket per order id (guest orders included).
    #[default]
    Order,
    /// One basket per customer id (all their orders; guest orders excluded).
    Customer,
}

/// Sort key for rules (descending; ties by antecedent then consequent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleSort {
    #[default]
    Lift,
    Confidence,
    Support,
    Leverage,
    Conviction,
}

/// Parameters of [`run`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BasketParams {
    /// Minimum itemset support in (0, 1].
    pub min_support: f64,
    /// Minimum rule confidence in [0, 1].
    pub min_confidence: f64,
    /// Minimum rule lift (>= 0).
    pub min_lift: f64,
    /// Maximum itemset length (>= 1), `None` = no limit.
    pub max_len: Option<usize>,
    /// Only rules with one antecedent item.
    pub single_antecedent: bool,
    /// Only rules with one consequent item.
    pub single_consequent: bool,
    pub sort: RuleSort,
    /// Shortcut for a `country` filter.
    pub country: Option<String>,
    /// Further column = value filters (all must hold).
    pub filters: Vec<LineFilter>,
    /// SKUs left out. `None` = the detected non-product list ([`detect_non_products`]);
    /// `Some(list)` = exactly these SKUs and no others (an empty list excludes nothing).
    pub exclude_items: Option<Vec<String>>,
    pub level: BasketLevel,
    /// A product for "frequently bought together" / "also bought" lists.
    pub focus_item: Option<String>,
    /// Length of those lists.
    pub top_n: usize,
    /// Refuse to produce more itemsets / rules than this (protects memory).
    pub max_itemsets: usize,
    pub max_rules: usize,
}

impl Default for BasketParams {
    fn default() -> Self {
        BasketParams {
            min_support: 0.01,
            min_confidence: 0.0,
            min_lift: 0.0,
            max_len: None,
            single_antecedent: false,
            single_consequent: false,
            sort: RuleSort::Lift,
            country: None,
            filters: Vec::new(),
            exclude_items: None,
            level: BasketLevel::Order,
            focus_item: None,
            top_n: 10,
            max_itemsets: 1_000_000,
            max_rules: 1_000_000,
        }
    }
}

impl BasketParams {
    /// Check ranges; the first problem found is returned.
    pub fn validate(&self) -> Result<(), BasketError> {
        let bad = |name, message: Text| Err(BasketError::InvalidParam { name, message });
        if !(self.min_support > 0.0 && self.min_support <= 1.0) {
            return bad("min_support", Text::new("param.left_open_unit"));
        }
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return bad("min_confidence", Text::new("param.closed_unit"));
        }
        if !(self.min_lift >= 0.0 && self.min_lift.is_finite()) {
            return bad("min_lift", Text::new("param.finite_non_negative"));
        }
        if self.max_len == Some(0) {
            return bad("max_len", params::at_least(1));
        }
        if self.max_itemsets == 0 || self.max_rules == 0 {
            return bad("max_itemsets", Text::new("param.limits_at_least_1"));
        }
        Ok(())
    }
}

/// A frequent itemset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Itemset {
    /// SKUs, sorted.
    pub items: Vec<String>,
    pub count: u64,
    pub support: f64,
}

/// An association rule A -> C (see [`rules`] for the formulas).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub antecedent: Vec<String>,
    pub consequent: Vec<String>,
    pub antecedent_support: f64,
    pub consequent_support: f64,
    pub support: f64,
    pub confidence: f64,
    pub lift: f64,
    pub leverage: f64,
    /// `f64::INFINITY` when confidence = 1 (serialised as the string "inf").
    #[serde(with = "inf_f64")]
    pub conviction: f64,
}

/// An item bought with a given product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoItem {
    pub sku: String,
    pub name: String,
    /// Baskets holding both.
    pub together: u64,
    /// together / N.
    pub support: f64,
    /// together / baskets holding the product.
    pub confidence: f64,
    /// confidence / s(item).
    pub lift: f64,
}

/// Result of [`run`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BasketReport {
    pub params: BasketParams,
    /// Lines that passed the filter (before exclusions).
    pub lines: u64,
    pub baskets: u64,
    /// Distinct SKUs in the baskets (after exclusions).
    pub items: u64,
    /// Mean distinct SKUs per basket.
    pub mean_basket_size: f64,
    /// Non-product SKUs detected among the filtered lines (the default exclusion list).
    pub detected_non_products: Vec<NonProductItem>,
    /// SKUs actually excluded, and why ("detected: ..." or "listed by the user").
    pub excluded: Vec<(String, String)>,
    /// Plain-language notes ("excluded the detected non-product list: POST, DOT").
    pub notes: Vec<Text>,
    /// Itemsets by support descending, then items.
    pub itemsets: Vec<Itemset>,
    /// Number of itemsets of length 1, 2, ...
    pub itemsets_by_len: Vec<u64>,
    pub rules: Vec<Rule>,
    /// SKU -> product name, for every SKU in itemsets, rules and lists.
    pub names: BTreeMap<String, String>,
    /// Focus item lists (empty without `focus_item`).
    pub bought_together: Vec<CoItem>,
    pub also_bought: Vec<CoItem>,
}

/// Baskets prepared from the lines: CSR item lists plus the SKU ids.
#[derive(Debug, Clone, Default)]
pub struct Baskets {
    pub csr: Csr,
    /// Item index -> SKU string id in `lines.strings`.
    pub sku_ids: Vec<u32>,
    /// Item index -> product name string id (first seen) or `NONE_ID`.
    pub name_ids: Vec<u32>,
    /// Filtered lines (before exclusion).
    pub lines: u64,
}

impl Baskets {
    /// Group `lines` with `keep[i]` true into baskets at `level`, leaving out SKUs whose string
    /// id is in `excluded`.
    pub fn build(
        lines: &OrderLines,
        keep: &[bool],
        excluded: &[u32],
        level: BasketLevel,
    ) -> Baskets {
        let n_strings = lines.strings.len();
        let mut is_excluded = vec![false; n_strings];
        for &e in excluded {
            if let Some(x) = is_excluded.get_mut(e as usize) {
                *x = true;
            }
        }
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut n_lines = 0u64;
        let mut name_of: HashMap<u32, u32> = HashMap::new();
        for i in 0..lines.len() {
            if !keep.get(i).copied().unwrap_or(false) {
                continue;
            }
            n_lines += 1;
            let sku = lines.sku.get(i).copied().unwrap_or(NONE_ID);
            if sku == NONE_ID || is_excluded.get(sku as usize).copied().unwrap_or(false) {
                continue;
            }
            let key = match level {
                BasketLevel::Order => lines.order_id.get(i).copied().unwrap_or(NONE_ID),
                BasketLevel::Customer => lines.customer.get(i).copied().unwrap_or(NONE_ID),
            };
            if key == NONE_ID {
                continue;
            }
            name_of
                .entry(sku)
                .or_insert_with(|| lines.product.get(i).copied().unwrap_or(NONE_ID));
            pairs.push((key, sku));
        }
        pairs.sort_unstable();
        pairs.dedup();
        // Item indices by SKU text for a stable, readable order.
        let mut skus: Vec<u32> = pairs.iter().map(|p| p.1).collect();
        skus.sort_unstable();
        skus.dedup();
        skus.sort_by(|&a, &b| lines.strings.get(a).cmp(lines.strings.get(b)));
        let mut index = vec![u32::MAX; n_strings];
        for (k, &s) in skus.iter().enumerate() {
            if let Some(x) = index.get_mut(s as usize) {
                *x = k as u32;
            }
        }
        let mut csr = Csr {
            offsets: vec![0],
            items: Vec::with_capacity(pairs.len()),
            n_items: skus.len(),
        };
        let mut start = 0;
        while start < pairs.len() {
            let key = pairs[start].0;
            let mut end = start;
            while end < pairs.len() && pairs[end].0 == key {
                end += 1;
            }
            let from = csr.items.len();
            csr.items.extend(
                pairs[start..end]
                    .iter()
                    .map(|p| index.get(p.1 as usize).copied().unwrap_or(0)),
            );
            csr.items[from..].sort_unstable();
            csr.offsets.push(csr.items.len());
            start = end;
        }
        let name_ids = skus
            .iter()
            .map(|s| name_of.get(s).copied().unwrap_or(NONE_ID))
            .collect();
        Baskets {
            csr,
            sku_ids: skus,
            name_ids,
            lines: n_lines,
        }
    }

    /// Item index of a SKU text.
    pub fn item_index(&self, lines: &OrderLines, sku: &str) -> Option<usize> {
        let id = lines.strings.lookup(sku)?;
        self.sku_ids.iter().position(|&s| s == id)
    }

    /// Items co-occurring with item `x`, by baskets together descending (ties: lift, SKU), at
    /// most `top`. confidence = together / count(x); lift = confidence / s(y).
    pub fn co_items(&self, lines: &OrderLines, x: usize, top: usize) -> Vec<CoItem> {
        let n = self.csr.n_baskets().max(1) as f64;
        let mut single = vec![0u64; self.csr.n_items];
        let mut together = vec![0u64; self.csr.n_items];
        let mut count_x = 0u64;
        let x = x as u32;
        for b in 0..self.csr.n_baskets() {
            let items = self.csr.basket(b);
            let has_x = items.binary_search(&x).is_ok();
            if has_x {
                count_x += 1;
            }
            for &i in items {
                if let Some(s) = single.get_mut(i as usize) {
                    *s += 1;
                }
                if has_x && i != x {
                    if let Some(t) = together.get_mut(i as usize) {
                        *t += 1;
                    }
                }
            }
        }
        let mut out: Vec<CoItem> = together
            .iter()
            .enumerate()
            .filter(|(_, &t)| t > 0)
            .map(|(i, &t)| {
                let confidence = t as f64 / count_x.max(1) as f64;
                let s_y = single.get(i).copied().unwrap_or(1).max(1) as f64 / n;
                CoItem {
                    sku: lines
                        .strings
                        .get(self.sku_ids.get(i).copied().unwrap_or(NONE_ID))
                        .to_owned(),
                    name: self.name(lines, i),
                    together: t,
                    support: t as f64 / n,
                    confidence,
                    lift: confidence / s_y,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.together
                .cmp(&a.together)
                .then(b.lift.total_cmp(&a.lift))
                .then(a.sku.cmp(&b.sku))
        });
        out.truncate(top);
        out
    }

    fn name(&self, lines: &OrderLines, i: usize) -> String {
        match self.name_ids.get(i) {
            Some(&id) if id != NONE_ID => lines.strings.get(id).to_owned(),
            _ => String::new(),
        }
    }
}

/// Lines passing the country shortcut and the column filters; also a description of the filter
/// (`None`: no filter).
pub fn filter_lines(lines: &OrderLines, params: &BasketParams) -> (Vec<bool>, Option<String>) {
    let mut filters = params.filters.clone();
    if let Some(c) = &params.country {
        filters.insert(
            0,
            LineFilter {
                column: FilterColumn::Country,
                value: c.clone(),
            },
        );
    }
    let mut keep = vec![true; lines.len()];
    let mut desc = Vec::new();
    for f in &filters {
        let col = match f.column {
            FilterColumn::Country => &lines.country,
            FilterColumn::Category => &lines.category,
            FilterColumn::Currency => &lines.currency,
        };
        desc.push(format!("{:?}={}", f.column, f.value).to_lowercase());
        // Matching string ids (case-insensitive) among the column's values.
        let mut ok: HashMap<u32, bool> = HashMap::new();
        for (k, &v) in keep
            .iter_mut()
            .zip(col.iter().chain(std::iter::repeat(&NONE_ID)))
        {
            if !*k {
                continue;
            }
            let m = *ok.entry(v).or_insert_with(|| {
                v != NONE_ID && lines.strings.get(v).trim().eq_ignore_ascii_case(&f.value)
            });
            *k = m;
        }
    }
    let desc = (!desc.is_empty()).then(|| desc.join(", "));
    (keep, desc)
}

/// Run the basket analysis: filter lines, exclude SKUs, mine itemsets, derive and sort rules,
/// and (with `focus_item`) list what is bought with it.
pub fn run(data: &Dataset, params: &BasketParams) -> Result<BasketReport, BasketError> {
    params.validate()?;
    if !data.lines.is_empty() && !crate::data::has_products(data) {
        return Err(BasketError::NoProducts);
    }
    let lines = &data.lines;
    let (keep, filter_desc) = filter_lines(lines, params);
    let detected = detect_non_products(lines, Some(&keep));
    let mut notes = Vec::new();
    let excluded: Vec<(String, String)> = match &params.exclude_items {
        Some(list) => {
            notes.push(
                Text::new("products.basket.excluded_listed")
                    .int("n", list.len())
                    .str("items", list.join(", ")),
            );
            list.iter()
                .map(|s| (s.clone(), "listed by the user".to_owned()))
                .collect()
        }
        None => {
            if !detected.is_empty() {
                notes.push(
                    Text::new("products.basket.excluded_detected").str(
                        "items",
                        detected
                            .iter()
                            .map(|d| d.sku.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                );
            }
            detected
                .iter()
                .map(|d| (d.sku.clone(), format!("detected: {}", d.reason)))
                .collect()
        }
    };
    let excluded_ids: Vec<u32> = excluded
        .iter()
        .filter_map(|(s, _)| lines.strings.lookup(s))
        .collect();
    let baskets = Baskets::build(lines, &keep, &excluded_ids, params.level);
    let n = baskets.csr.n_baskets();
    if n == 0 {
        return Err(BasketError::NoBaskets(filter_desc));
    }
    // mlxtend: minimum count = ceil(min_support * N).
    let min_count = ((params.min_support * n as f64).ceil() as u64).max(1);
    let raw = fpgrowth::fpgrowth(&baskets.csr, min_count, params.max_len, params.max_itemsets)
        .map_err(|e| BasketError::TooMany {
            what: "itemsets",
            limit: e.limit,
        })?;
    let filter = rules::RuleFilter {
        min_confidence: params.min_confidence,
        min_lift: params.min_lift,
        single_antecedent: params.single_antecedent,
        single_consequent: params.single_consequent,
    };
    let raw_rules =
        rules::rules(&raw, n, &filter, params.max_rules).map_err(|limit| BasketError::TooMany {
            what: "rules",
            limit,
        })?;

    let sku = |i: u32| -> String {
        lines
            .strings
            .get(baskets.sku_ids.get(i as usize).copied().unwrap_or(NONE_ID))
            .to_owned()
    };
    let mut names = BTreeMap::new();
    let mut itemsets_by_len = Vec::new();
    let mut itemsets: Vec<Itemset> = raw
        .iter()
        .map(|s| {
            let k = s.items.len();
            if itemsets_by_len.len() < k {
                itemsets_by_len.resize(k, 0);
            }
            itemsets_by_len[k - 1] += 1;
            for &i in &s.items {
                names
                    .entry(sku(i))
                    .or_insert_with(|| baskets.name(lines, i as usize));
            }
            let mut items: Vec<String> = s.items.iter().map(|&i| sku(i)).collect();
            items.sort();
            Itemset {
                items,
                count: s.count,
                support: s.count as f64 / n as f64,
            }
        })
        .collect();
    itemsets.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.items.cmp(&b.items)));
    let to_names = |v: &[u32]| -> Vec<String> {
        let mut s: Vec<String> = v.iter().map(|&i| sku(i)).collect();
        s.sort();
        s
    };
    let mut rules: Vec<Rule> = raw_rules
        .iter()
        .map(|r| Rule {
            antecedent: to_names(&r.antecedent),
            consequent: to_names(&r.consequent),
            antecedent_support: r.antecedent_support,
            consequent_support: r.consequent_support,
            support: r.support,
            confidence: r.confidence,
            lift: r.lift,
            leverage: r.leverage,
            conviction: r.conviction,
        })
        .collect();
    let key = |r: &Rule| match params.sort {
        RuleSort::Lift => r.lift,
        RuleSort::Confidence => r.confidence,
        RuleSort::Support => r.support,
        RuleSort::Leverage => r.leverage,
        RuleSort::Conviction => r.conviction,
    };
    // Keys compared at 1e-9 so that float noise (lift A->C vs C->A) does not break ties.
    let rounded = |r: &Rule| (key(r) * 1e9).round();
    rules.sort_by(|a, b| {
        rounded(b)
            .total_cmp(&rounded(a))
            .then_with(|| a.antecedent.cmp(&b.antecedent))
            .then_with(|| a.consequent.cmp(&b.consequent))
    });

    let (mut bought_together, mut also_bought) = (Vec::new(), Vec::new());
    if let Some(focus) = &params.focus_item {
        let x = baskets
            .item_index(lines, focus)
            .ok_or_else(|| BasketError::UnknownItem(focus.clone()))?;
        bought_together = baskets.co_items(lines, x, params.top_n);
        let other = match params.level {
            BasketLevel::Order => BasketLevel::Customer,
            BasketLevel::Customer => BasketLevel::Order,
        };
        let b2 = Baskets::build(lines, &keep, &excluded_ids, other);
        let list = b2
            .item_index(lines, focus)
            .map(|x2| b2.co_items(lines, x2, params.top_n))
            .unwrap_or_default();
        match params.level {
            BasketLevel::Order => also_bought = list,
            BasketLevel::Customer => {
                also_bought = bought_together;
                bought_together = list;
            }
        }
        for c in bought_together.iter().chain(also_bought.iter()) {
            names.entry(c.sku.clone()).or_insert_with(|| c.name.clone());
        }
    }

    let items = baskets.csr.n_items as u64;
    Ok(BasketReport {
        params: params.clone(),
        lines: baskets.lines,
        baskets: n as u64,
        items,
        mean_basket_size: baskets.csr.items.len() as f64 / n as f64,
        detected_non_products: detected,
        excluded,
        notes,
        itemsets,
        itemsets_by_len,
        rules,
        names,
        bought_together,
        also_bought,
    })
}

/// Frequently bought together (same order) and customers who bought this also bought (same
/// customer, any order) for one SKU, without mining itemsets.
pub fn bought_with(
    data: &Dataset,
    params: &BasketParams,
    sku: &str,
) -> Result<(Vec<CoItem>, Vec<CoItem>), BasketError> {
    let lines = &data.lines;
    let (keep, _) = filter_lines(lines, params);
    let excluded_ids: Vec<u32> = match &params.exclude_items {
        Some(list) => list
            .iter()
            .filter_map(|s| lines.strings.lookup(s))
            .collect(),
        None => detect_non_products(lines, Some(&keep))
            .iter()
            .filter_map(|d| lines.strings.lookup(&d.sku))
            .collect(),
    };
    let mut out = Vec::new();
    for level in [BasketLevel::Order, BasketLevel::Customer] {
        let b = Baskets::build(lines, &keep, &excluded_ids, level);
        let x = b
            .item_index(lines, sku)
            .ok_or_else(|| BasketError::UnknownItem(sku.to_owned()))?;
        out.push(b.co_items(lines, x, params.top_n));
    }
    let customer = out.pop().unwrap_or_default();
    let order = out.pop().unwrap_or_default();
    Ok((order, customer))
}

/// Serialise non-finite floats as strings ("inf", "-inf", "nan") so JSON round-trips.
mod inf_f64 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_finite() {
            s.serialize_f64(*v)
        } else if v.is_nan() {
            s.serialize_str("nan")
        } else if *v > 0.0 {
            s.serialize_str("inf")
        } else {
            s.serialize_str("-inf")
        }
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrStr {
        Num(f64),
        Str(String),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        match NumOrStr::deserialize(d)? {
            NumOrStr::Num(x) => Ok(x),
            NumOrStr::Str(s) => match s.as_str() {
                "inf" => Ok(f64::INFINITY),
                "-inf" => Ok(f64::NEG_INFINITY),
                "nan" => Ok(f64::NAN),
                _ => Err(serde::de::Error::custom(format!(
                    "expected a number, got '{s}'"
                ))),
            },
        }
    }
}
