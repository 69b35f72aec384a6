//! Product recommendations from implicit feedback (who bought what): popularity, item-kNN
//! cosine, EASE, implicit ALS and TF-IDF content similarity, with per-customer top-N lists and
//! a reason, and automatic model choice by a temporal holdout on the merchant's own data.
//!
//! Evaluation protocol ([`evaluate`]): train on events before a cutoff, test on events at/after
//! it; evaluate users with >= 1 training item and >= 1 test item they had not bought in
//! training; recommend K items excluding the user's training items;
//! `Recall@K = hits / min(K, new test items)`, `NDCG@K = DCG / IDCG` with binary gains,
//! `DCG = Σ_r hit_r / log2(r + 1)` (r = 1..K), IDCG over `min(K, new test items)`; averaged
//! over users (the protocol of Steck 2019 and of `implicit`/RecBole's temporal splits).
//! Hyper-parameters left open (`None`) take priors by default ([`Tuning::Priors`]: EASE λ 300,
//! recency τ 90 days, recent-popularity weight 0.1 — the grid's choice on Online Retail); auto
//! mode then validates the primed EASE against the other models on a temporal holdout of the
//! training period. [`Tuning::Grid`] searches them instead on a validation split carved from
//! the *training* period only (its last `validation_fraction` of time), never on the test.
//!
//! Cost of the default `run` (auto): two EASE factorizations (one on the validation split, one
//! for the final lists), one ALS fit on the validation split, two item-kNN passes.

pub mod interactions;
pub mod models;

use crate::data::Dataset;
use crate::text::{params, CellError, Text};
pub use interactions::{Event, Interactions, UserItems};
use models::{Als, Ease, Fitted, Knn, Tfidf};
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;
#[cfg(target_arch = "wasm32")]
use web_time::Instant;

/// Why there is nothing to recommend from.
#[derive(Debug, Clone, PartialEq)]
pub enum NoInteractionsWhy {
    /// No user has both training items and new test items at the evaluation cutoff.
    NoTestUsers,
    /// No event before the end of the training period.
    NoTraining,
    /// An interactions file without a usable row.
    NoUsableRows { file: String },
    /// Order lines without a customer id on any line (guest orders only).
    NoCustomerIds,
    /// Order lines without a SKU or product name on any line (an order-level export).
    NoProducts,
}

/// Errors of the recommendation pillar.
///
/// The message comes from the sentence catalogue ([`RecommendError::text`]).
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[error("{}", self.text())]
pub enum RecommendError {
    InvalidParam { name: &'static str, message: Text },
    Cell(CellError),
    NoInteractions(NoInteractionsWhy),
    Numerical(String),
}

impl RecommendError {
    /// The message, in either language (the details of a numerical failure stay English).
    pub fn text(&self) -> crate::text::Text {
        match self {
            RecommendError::InvalidParam { name, message } => Text::new("products.err.param")
                .str("name", *name)
                .text("message", message.clone()),
            RecommendError::Cell(c) => c.text(),
            RecommendError::NoInteractions(why) => {
                let why = match why {
                    NoInteractionsWhy::NoTestUsers => Text::new("products.err.why_no_test_users"),
                    NoInteractionsWhy::NoTraining => Text::new("products.err.why_no_training"),
                    NoInteractionsWhy::NoUsableRows { file } => {
                        Text::new("products.err.why_no_rows").str("file", file.clone())
                    }
                    NoInteractionsWhy::NoProducts => Text::new("products.err.why_no_products"),
                    NoInteractionsWhy::NoCustomerIds => {
                        Text::new("products.err.why_no_customer_ids")
                    }
                };
                Text::new("products.err.no_interactions").text("why", why)
            }
            RecommendError::Numerical(m) => {
                Text::new("products.err.numerical").str("message", m.clone())
            }
        }
    }
}

/// Which model produces the lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelChoice {
    /// Best NDCG@20 on a temporal holdout of the training data.
    #[default]
    Auto,
    Popularity,
    ItemKnn,
    Ease,
    Als,
    Content,
}

impl ModelChoice {
    /// Every choice.
    pub const ALL: [ModelChoice; 6] = [
        ModelChoice::Auto,
        ModelChoice::Popularity,
        ModelChoice::ItemKnn,
        ModelChoice::Ease,
        ModelChoice::Als,
        ModelChoice::Content,
    ];

    /// The recommender's plain name in the catalogue (`products.model.<key>`), for the page
    /// and the notes; the CLI flag and its evaluation rows keep [`ModelChoice::key`].
    pub fn name(self) -> Text {
        Text::new(&format!("products.model.{}", self.key()))
    }

    /// The CLI key (`--model ease`).
    pub fn key(self) -> &'static str {
        match self {
            ModelChoice::Auto => "auto",
            ModelChoice::Popularity => "popularity",
            ModelChoice::ItemKnn => "itemknn",
            ModelChoice::Ease => "ease",
            ModelChoice::Als => "als",
            ModelChoice::Content => "content",
        }
    }
    pub fn from_key(s: &str) -> Option<ModelChoice> {
        ModelChoice::ALL
            .into_iter()
            .find(|m| m.key() == s.to_ascii_lowercase())
    }
}

/// How open (`None`) EASE hyper-parameters are resolved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tuning {
    /// Priors λ 300, recency τ 90 days, recent-popularity weight 0.1 (no timestamps: τ off,
    /// weight 0), validated but not searched: one EASE factorization per fit.
    #[default]
    Priors,
    /// Thorough: the grid λ {150, 300, 600} × τ {off, 90, 180} × weight {0, 0.1, 0.2, 0.3} on
    /// the training period's validation split (9 factorizations per tuning).
    Grid,
}

/// Prior EASE ridge λ.
pub const PRIOR_LAMBDA: f64 = 300.0;
/// Prior recency time constant (days).
pub const PRIOR_RECENCY_DAYS: f64 = 90.0;
/// Prior recent-popularity weight.
pub const PRIOR_RECENT_POPULARITY: f64 = 0.1;

/// Model hyper-parameters; `None` = resolved by `tune` (priors, or a grid on the training
/// period's validation split).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ModelConfig {
    /// Item-kNN neighbours kept per item (`None` = all).
    pub knn_neighbours: Option<usize>,
    /// EASE ridge λ (> 0). Grid when tuned: 150, 300, 600.
    pub ease_lambda: Option<f64>,
    /// EASE recency time constant τ in days (weights `exp(−age/τ)`); `f64::INFINITY` = off.
    /// Grid when tuned: off, 90, 180.
    pub recency_days: Option<f64>,
    /// Weight β of recent popularity (last 30 days, z-scored) added to the z-scored EASE
    /// scores. Grid when tuned: 0, 0.1, 0.2, 0.3.
    pub recent_popularity_weight: Option<f64>,
    pub als_factors: usize,
    pub als_regularization: f64,
    pub als_alpha: f64,
    pub als_iterations: usize,
    pub seed: u64,
    /// Catalogues with more items skip EASE (dense n x n memory).
    pub max_ease_items: usize,
    /// Share of the training time span used for validation when tuning / choosing.
    pub validation_fraction: f64,
    /// Priors (default, fast) or grid search (thorough) for open EASE hyper-parameters.
    pub tune: Tuning,
}

impl Default for ModelConfig {
    fn default() -> Self {
        ModelConfig {
            knn_neighbours: None,
            ease_lambda: None,
            recency_days: None,
            recent_popularity_weight: None,
            als_factors: 32,
            als_regularization: 10.0,
            als_alpha: 1.0,
            als_iterations: 8,
            seed: 0,
            max_ease_items: 20_000,
            validation_fraction: 0.2,
            tune: Tuning::Priors,
        }
    }
}

/// Parameters of [`run`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecommendParams {
    pub model: ModelChoice,
    /// List length per customer (1..=1000).
    pub top_n: usize,
    /// Train on events strictly before this day ("YYYY-MM-DD"); `None` = all events.
    pub train_end: Option<String>,
    /// Allow items the customer already bought.
    pub include_repurchases: bool,
    /// Only these customers (default: every customer seen in training).
    pub customers: Option<Vec<String>>,
    pub config: ModelConfig,
}

impl Default for RecommendParams {
    fn default() -> Self {
        RecommendParams {
            model: ModelChoice::Auto,
            top_n: 20,
            train_end: None,
            include_repurchases: false,
            customers: None,
            config: ModelConfig::default(),
        }
    }
}

/// One row of the model comparison table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalRow {
    pub model: ModelChoice,
    pub recall: f64,
    pub ndcg: f64,
    pub fit_seconds: f64,
    /// Hyper-parameters used, or why the model was skipped.
    pub detail: Text,
    pub skipped: bool,
}

/// Result of [`evaluate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub k: usize,
    /// Cutoff, seconds since 1970-01-01 (naive local time).
    pub cutoff: i64,
    pub users: usize,
    pub train_users: usize,
    pub train_items: usize,
    pub rows: Vec<EvalRow>,
    /// Best model by NDCG@K (ties: recall).
    pub best: ModelChoice,
    pub notes: Vec<Text>,
    /// EASE Cholesky factorizations spent (tuning included).
    #[serde(default)]
    pub ease_factorizations: usize,
}

/// One recommended item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub rank: usize,
    pub item_id: String,
    pub name: String,
    pub score: f64,
    /// "because you bought X and Y" / "popular with customers".
    pub reason: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerRecs {
    pub customer_id: String,
    pub items: Vec<Recommendation>,
}

/// Result of [`run`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendReport {
    pub params: RecommendParams,
    /// Model that produced the lists.
    pub model: ModelChoice,
    /// Its hyper-parameters.
    pub detail: Text,
    pub train_users: usize,
    pub train_items: usize,
    pub train_interactions: usize,
    /// Model comparison on the training data's temporal holdout (auto mode).
    pub selection: Option<Evaluation>,
    pub notes: Vec<Text>,
    pub customers: Vec<CustomerRecs>,
    /// EASE Cholesky factorizations spent in total (selection, tuning and final fit).
    #[serde(default)]
    pub ease_factorizations: usize,
}

/// Resolved hyper-parameters of the EASE family.
#[derive(Debug, Clone, Copy, PartialEq)]
struct EaseHp {
    lambda: f64,
    tau_days: f64,
    beta: f64,
}

/// A fitted model plus the optional recent-popularity blend.
struct Scorer {
    fitted: Fitted,
    blend: Option<(Vec<f64>, f64)>,
}

impl Scorer {
    fn score(&self, u: usize, row: &[u32], out: &mut [f64]) {
        self.fitted.score(u, row, out);
        if let Some((z_pop, beta)) = &self.blend {
            zscore(out);
            out.iter_mut().zip(z_pop).for_each(|(o, p)| *o += beta * p);
        }
    }
}

fn zscore(v: &mut [f64]) {
    let n = v.len().max(1) as f64;
    let mean = v.iter().sum::<f64>() / n;
    let sd = (v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n).sqrt();
    let sd = if sd > 0.0 { sd } else { 1.0 };
    v.iter_mut().for_each(|x| *x = (*x - mean) / sd);
}

const DAY: f64 = 86_400.0;

/// Distinct buyers per item in the 30 days before `t_ref`, z-scored.
fn recent_popularity(m: &UserItems, t_ref: i64) -> Vec<f64> {
    let mut c = vec![0.0; m.n_items];
    for (k, &i) in m.items.iter().enumerate() {
        if m.last
            .get(k)
            .is_some_and(|&t| (t_ref - t) as f64 <= 30.0 * DAY)
        {
            c[i as usize] += 1.0;
        }
    }
    zscore(&mut c);
    c
}

fn recency_weights(m: &UserItems, t_ref: i64, tau_days: f64) -> Option<Vec<f64>> {
    if !tau_days.is_finite() || tau_days <= 0.0 {
        return None;
    }
    Some(
        m.last
            .iter()
            .map(|&t| (-((t_ref - t).max(0) as f64) / (tau_days * DAY)).exp())
            .collect(),
    )
}

/// What a fit needs besides its data: dictionaries, configuration, tie-break, and the notes and
/// cost it accumulates.
struct Ctx<'a> {
    inter: &'a Interactions,
    cfg: &'a ModelConfig,
    tie: &'a [u32],
    notes: Vec<Text>,
    factorizations: usize,
}

fn fit_ease(
    ctx: &mut Ctx,
    m: &UserItems,
    t_ref: i64,
    hp: EaseHp,
) -> Result<Scorer, RecommendError> {
    ctx.factorizations += 1;
    let w = recency_weights(m, t_ref, hp.tau_days);
    let e = Ease::fit(m, hp.lambda, w.as_deref())?;
    let blend = (hp.beta > 0.0).then(|| (recent_popularity(m, t_ref), hp.beta));
    Ok(Scorer {
        fitted: Fitted::Ease(e),
        blend,
    })
}

/// Items ordered by their id text: the tie-break of every ranking (stable, like numpy's
/// stable argsort over a sorted catalogue).
fn tie_rank(inter: &Interactions) -> Vec<u32> {
    let mut order: Vec<usize> = (0..inter.items.len()).collect();
    order.sort_by(|&a, &b| inter.items[a].cmp(&inter.items[b]));
    let mut rank = vec![0u32; order.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r as u32;
    }
    rank
}

/// Top `k` items by score (ties by `tie`), skipping `exclude` (sorted).
fn top_k(scores: &[f64], exclude: &[u32], tie: &[u32], k: usize) -> Vec<u32> {
    let mut cand: Vec<u32> = (0..scores.len() as u32)
        .filter(|j| exclude.binary_search(j).is_err())
        .collect();
    let cmp = |a: &u32, b: &u32| {
        scores[*b as usize]
            .total_cmp(&scores[*a as usize])
            .then(tie[*a as usize].cmp(&tie[*b as usize]))
    };
    if cand.len() > k {
        cand.select_nth_unstable_by(k, cmp);
        cand.truncate(k);
    }
    cand.sort_by(cmp);
    cand
}

/// Evaluation targets: (user, new test items sorted, number of new items).
struct Targets {
    users: Vec<(usize, Vec<u32>, usize)>,
}

fn targets(train: &UserItems, test: &UserItems) -> Targets {
    let mut users = Vec::new();
    for u in 0..train.n_users.min(test.n_users) {
        let tr = train.row(u);
        if tr.is_empty() {
            continue;
        }
        let new: Vec<u32> = test
            .row(u)
            .iter()
            .copied()
            .filter(|i| tr.binary_search(i).is_err())
            .collect();
        if !new.is_empty() {
            let n = new.len();
            users.push((u, new, n));
        }
    }
    Targets { users }
}

fn score_targets(s: &Scorer, train: &UserItems, t: &Targets, tie: &[u32], k: usize) -> (f64, f64) {
    let mut out = vec![0.0; train.n_items];
    let disc: Vec<f64> = (0..k).map(|r| 1.0 / ((r + 2) as f64).log2()).collect();
    let (mut rs, mut ns) = (0.0, 0.0);
    let seen = seen_items(train);
    for (u, new, n_new) in &t.users {
        let row = train.row(*u);
        s.score(*u, row, &mut out);
        mask_unseen(&mut out, &seen);
        let top = top_k(&out, row, tie, k);
        let kk = k.min(*n_new);
        let mut hits = 0.0;
        let mut dcg = 0.0;
        for (r, j) in top.iter().enumerate() {
            if new.binary_search(j).is_ok() {
                hits += 1.0;
                dcg += disc[r];
            }
        }
        let idcg: f64 = disc.iter().take(kk).sum();
        rs += hits / kk as f64;
        ns += dcg / idcg;
    }
    let n = t.users.len().max(1) as f64;
    (rs / n, ns / n)
}

/// Train/test matrices for a cutoff (over the whole user and item dictionaries).
fn matrices(inter: &Interactions, events: &[Event], cutoff: i64) -> (UserItems, UserItems) {
    let (tr, te): (Vec<Event>, Vec<Event>) = events.iter().partition(|e| e.timestamp < cutoff);
    (
        UserItems::build(&tr, inter.users.len(), inter.items.len()),
        UserItems::build(&te, inter.users.len(), inter.items.len()),
    )
}

/// Validation cutoff inside `events`: the last `fraction` of their time span.
fn validation_cutoff(events: &[Event], fraction: f64) -> Option<i64> {
    let lo = events.iter().map(|e| e.timestamp).min()?;
    let hi = events.iter().map(|e| e.timestamp).max()?;
    (hi > lo).then(|| hi - ((hi - lo) as f64 * fraction) as i64)
}

/// Resolve the open EASE hyper-parameters: priors ([`Tuning::Priors`]) or the grid on the
/// validation split of `events` ([`Tuning::Grid`]).
fn tune_ease(ctx: &mut Ctx, events: &[Event]) -> Result<EaseHp, RecommendError> {
    let cfg = ctx.cfg;
    if cfg.ease_lambda.is_some()
        && cfg.recency_days.is_some()
        && cfg.recent_popularity_weight.is_some()
    {
        return Ok(EaseHp {
            lambda: cfg.ease_lambda.unwrap_or(PRIOR_LAMBDA),
            tau_days: cfg.recency_days.unwrap_or(f64::INFINITY),
            beta: cfg.recent_popularity_weight.unwrap_or(0.0),
        });
    }
    if cfg.tune == Tuning::Priors {
        let timed = ctx.inter.has_time;
        let hp = EaseHp {
            lambda: cfg.ease_lambda.unwrap_or(PRIOR_LAMBDA),
            tau_days: cfg.recency_days.unwrap_or(if timed {
                PRIOR_RECENCY_DAYS
            } else {
                f64::INFINITY
            }),
            beta: cfg.recent_popularity_weight.unwrap_or(if timed {
                PRIOR_RECENT_POPULARITY
            } else {
                0.0
            }),
        };
        ctx.notes.push(
            Text::new("products.rec.ease_priors")
                .str("lambda", hp.lambda.to_string())
                .str("tau", hp.tau_days.to_string())
                .str("beta", hp.beta.to_string()),
        );
        return Ok(hp);
    }
    let fixed = EaseHp {
        lambda: cfg.ease_lambda.unwrap_or(PRIOR_LAMBDA),
        tau_days: cfg.recency_days.unwrap_or(f64::INFINITY),
        beta: cfg.recent_popularity_weight.unwrap_or(0.0),
    };
    let Some(vcut) = validation_cutoff(events, cfg.validation_fraction) else {
        ctx.notes.push(Text::new("products.rec.ease_no_span"));
        return Ok(fixed);
    };
    let (train, val) = matrices(ctx.inter, events, vcut);
    let t = targets(&train, &val);
    if t.users.is_empty() {
        ctx.notes.push(Text::new("products.rec.ease_no_users"));
        return Ok(fixed);
    }
    let lambdas = cfg
        .ease_lambda
        .map_or(vec![150.0, 300.0, 600.0], |l| vec![l]);
    let taus = cfg
        .recency_days
        .map_or(vec![f64::INFINITY, 90.0, 180.0], |t| vec![t]);
    let betas = cfg
        .recent_popularity_weight
        .map_or(vec![0.0, 0.1, 0.2, 0.3], |b| vec![b]);
    let pop = recent_popularity(&train, vcut);
    let mut best = (f64::NEG_INFINITY, fixed);
    for &tau in &taus {
        for &lambda in &lambdas {
            let mut s = fit_ease(
                ctx,
                &train,
                vcut,
                EaseHp {
                    lambda,
                    tau_days: tau,
                    beta: 0.0,
                },
            )?;
            for &beta in &betas {
                s.blend = (beta > 0.0).then(|| (pop.clone(), beta));
                let (_, ndcg) = score_targets(&s, &train, &t, ctx.tie, 20);
                if ndcg > best.0 {
                    best = (
                        ndcg,
                        EaseHp {
                            lambda,
                            tau_days: tau,
                            beta,
                        },
                    );
                }
            }
        }
    }
    ctx.notes.push(
        Text::new("products.rec.ease_tuned")
            .pct("share", cfg.validation_fraction, 0)
            .int("users", t.users.len())
            .str("lambda", best.1.lambda.to_string())
            .str("tau", best.1.tau_days.to_string())
            .str("beta", best.1.beta.to_string())
            .num("ndcg", best.0, 4),
    );
    Ok(best.1)
}

/// `cfg` with the EASE hyper-parameters fixed to `hp` (so later fits do not resolve them again).
fn with_ease(cfg: &ModelConfig, hp: EaseHp) -> ModelConfig {
    ModelConfig {
        ease_lambda: Some(hp.lambda),
        recency_days: Some(hp.tau_days),
        recent_popularity_weight: Some(hp.beta),
        ..cfg.clone()
    }
}

/// Fit one model on `train` (events `events`, cutoff/reference time `t_ref`).
fn fit_model(
    kind: ModelChoice,
    ctx: &mut Ctx,
    events: &[Event],
    train: &UserItems,
    t_ref: i64,
) -> Result<(Scorer, Text), RecommendError> {
    let cfg = ctx.cfg;
    let plain = |fitted| Scorer {
        fitted,
        blend: None,
    };
    Ok(match kind {
        ModelChoice::Popularity | ModelChoice::Auto => (
            plain(Fitted::Popularity(train.item_counts())),
            Text::new("products.rec.set_popularity"),
        ),
        ModelChoice::ItemKnn => (
            plain(Fitted::ItemKnn(Knn::fit(train, cfg.knn_neighbours))),
            match cfg.knn_neighbours {
                Some(k) => Text::new("products.rec.set_knn").int("k", k),
                None => Text::new("products.rec.set_knn_all"),
            },
        ),
        ModelChoice::Ease => {
            let hp = tune_ease(ctx, events)?;
            (
                fit_ease(ctx, train, t_ref, hp)?,
                if hp.tau_days == f64::INFINITY {
                    Text::new("products.rec.set_ease_no_recency")
                } else {
                    Text::new("products.rec.set_ease").str("tau", hp.tau_days.to_string())
                }
                .str("lambda", hp.lambda.to_string())
                .str("beta", hp.beta.to_string()),
            )
        }
        ModelChoice::Als => (
            plain(Fitted::Als(Als::fit(
                train,
                cfg.als_factors,
                cfg.als_regularization,
                cfg.als_alpha,
                cfg.als_iterations,
                cfg.seed,
            ))),
            Text::new("products.rec.set_als")
                .int("f", cfg.als_factors)
                .str("reg", cfg.als_regularization.to_string())
                .str("alpha", cfg.als_alpha.to_string())
                .int("iter", cfg.als_iterations)
                .str("seed", cfg.seed.to_string()),
        ),
        ModelChoice::Content => (
            plain(Fitted::Content(Tfidf::fit(&ctx.inter.item_names))),
            Text::new("products.rec.set_content"),
        ),
    })
}

fn validate_cfg(cfg: &ModelConfig) -> Result<(), RecommendError> {
    let bad = |name, m: Text| Err(RecommendError::InvalidParam { name, message: m });
    if cfg.ease_lambda.is_some_and(|l| !(l > 0.0 && l.is_finite())) {
        return bad("ease_lambda", Text::new("param.finite_positive"));
    }
    if cfg.recency_days.is_some_and(|t| t.is_nan() || t <= 0.0) {
        return bad("recency_days", Text::new("param.positive_or_infinite"));
    }
    if cfg
        .recent_popularity_weight
        .is_some_and(|b| !(b >= 0.0 && b.is_finite()))
    {
        return bad(
            "recent_popularity_weight",
            Text::new("param.finite_non_negative"),
        );
    }
    if cfg.als_factors == 0 || cfg.als_factors > 1024 {
        return bad("als_factors", params::int_range(1, 1024));
    }
    if !(cfg.als_regularization >= 0.0 && cfg.als_alpha >= 0.0) {
        return bad(
            "als_regularization",
            Text::new("param.regularization_alpha"),
        );
    }
    if !(cfg.validation_fraction > 0.0 && cfg.validation_fraction < 1.0) {
        return bad("validation_fraction", params::open("0", "1"));
    }
    if cfg.knn_neighbours == Some(0) {
        return bad("knn_neighbours", params::at_least(1));
    }
    Ok(())
}

fn seconds(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}

/// The accuracy protocol (see the module docs) at `cutoff` for each model in `models`
/// (`Auto` is ignored); K = `k`. EASE's open hyper-parameters are tuned inside the training
/// period. Catalogues above `max_ease_items` skip EASE, saying so.
pub fn evaluate(
    inter: &Interactions,
    cutoff: i64,
    models: &[ModelChoice],
    cfg: &ModelConfig,
    k: usize,
) -> Result<Evaluation, RecommendError> {
    validate_cfg(cfg)?;
    if k == 0 {
        return Err(RecommendError::InvalidParam {
            name: "k",
            message: params::at_least(1),
        });
    }
    if inter.events.is_empty() {
        return Err(RecommendError::NoInteractions(
            NoInteractionsWhy::NoCustomerIds,
        ));
    }
    let (train, test) = matrices(inter, &inter.events, cutoff);
    let train_events: Vec<Event> = inter
        .events
        .iter()
        .filter(|e| e.timestamp < cutoff)
        .copied()
        .collect();
    let t = targets(&train, &test);
    if t.users.is_empty() {
        return Err(RecommendError::NoInteractions(
            NoInteractionsWhy::NoTestUsers,
        ));
    }
    let tie = tie_rank(inter);
    let train_items = train.item_counts().iter().filter(|&&c| c > 0.0).count();
    let mut ctx = Ctx {
        inter,
        cfg,
        tie: &tie,
        notes: Vec::new(),
        factorizations: 0,
    };
    let mut rows = Vec::new();
    for &m in models.iter().filter(|&&m| m != ModelChoice::Auto) {
        if m == ModelChoice::Ease && train_items > cfg.max_ease_items {
            rows.push(EvalRow {
                model: m,
                recall: 0.0,
                ndcg: 0.0,
                fit_seconds: 0.0,
                detail: Text::new("products.rec.set_skipped")
                    .int("n", train_items)
                    .int("max", cfg.max_ease_items),
                skipped: true,
            });
            continue;
        }
        let t0 = Instant::now();
        let (s, detail) = fit_model(m, &mut ctx, &train_events, &train, cutoff)?;
        let fit_seconds = seconds(t0);
        let (recall, ndcg) = score_targets(&s, &train, &t, &tie, k);
        rows.push(EvalRow {
            model: m,
            recall,
            ndcg,
            fit_seconds,
            detail,
            skipped: false,
        });
    }
    let best = rows
        .iter()
        .filter(|r| !r.skipped)
        .max_by(|a, b| {
            a.ndcg
                .total_cmp(&b.ndcg)
                .then(a.recall.total_cmp(&b.recall))
        })
        .map_or(ModelChoice::Popularity, |r| r.model);
    Ok(Evaluation {
        k,
        cutoff,
        users: t.users.len(),
        train_users: (0..train.n_users)
            .filter(|&u| !train.row(u).is_empty())
            .count(),
        train_items,
        rows,
        best,
        notes: ctx.notes,
        ease_factorizations: ctx.factorizations,
    })
}

/// Parse "YYYY-MM-DD" into seconds since 1970-01-01 (midnight).
pub fn parse_day(s: &str) -> Result<i64, RecommendError> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
        .ok_or_else(|| RecommendError::InvalidParam {
            name: "train_end",
            message: Text::new("param.expected_date").str("s", s),
        })
}

/// Recommendations from order lines (customer level: guest orders are left out).
pub fn run(data: &Dataset, params: &RecommendParams) -> Result<RecommendReport, RecommendError> {
    validate(params)?;
    if !data.lines.is_empty() && !crate::data::has_products(data) {
        return Err(RecommendError::NoInteractions(
            NoInteractionsWhy::NoProducts,
        ));
    }
    run_interactions(&Interactions::from_dataset(data), params)
}

fn validate(params: &RecommendParams) -> Result<(), RecommendError> {
    validate_cfg(&params.config)?;
    if params.top_n == 0 || params.top_n > 1000 {
        return Err(RecommendError::InvalidParam {
            name: "top_n",
            message: params::int_range(1, 1000),
        });
    }
    if let Some(d) = &params.train_end {
        parse_day(d)?;
    }
    Ok(())
}

/// Recommendations from any interactions (e.g. [`Interactions::from_csv_reader`]).
pub fn run_interactions(
    inter: &Interactions,
    params: &RecommendParams,
) -> Result<RecommendReport, RecommendError> {
    validate(params)?;
    let cfg = &params.config;
    let cutoff = match &params.train_end {
        Some(d) => parse_day(d)?,
        None => i64::MAX,
    };
    let events: Vec<Event> = inter
        .events
        .iter()
        .filter(|e| e.timestamp < cutoff)
        .copied()
        .collect();
    if inter.events.is_empty() {
        return Err(RecommendError::NoInteractions(
            NoInteractionsWhy::NoCustomerIds,
        ));
    }
    if events.is_empty() {
        return Err(RecommendError::NoInteractions(
            NoInteractionsWhy::NoTraining,
        ));
    }
    let t_ref = events.iter().map(|e| e.timestamp).max().unwrap_or(0) + 1;
    let train = UserItems::build(&events, inter.users.len(), inter.items.len());
    let tie = tie_rank(inter);
    let mut notes = inter.notes.clone();
    let train_items = train.item_counts().iter().filter(|&&c| c > 0.0).count();
    let ease_ok = train_items <= cfg.max_ease_items;
    let mut factorizations = 0;
    // Resolve EASE's hyper-parameters once (priors, or the grid on the training period's
    // validation split); the selection and the final fit then reuse them.
    let resolved;
    let cfg = if ease_ok && matches!(params.model, ModelChoice::Auto | ModelChoice::Ease) {
        let mut ctx = Ctx {
            inter,
            cfg,
            tie: &tie,
            notes: Vec::new(),
            factorizations: 0,
        };
        let hp = tune_ease(&mut ctx, &events)?;
        notes.append(&mut ctx.notes);
        factorizations += ctx.factorizations;
        resolved = with_ease(cfg, hp);
        &resolved
    } else {
        cfg
    };
    let mut selection = None;
    let model = match params.model {
        ModelChoice::Auto => {
            let mut cands = vec![
                ModelChoice::Popularity,
                ModelChoice::ItemKnn,
                ModelChoice::Als,
            ];
            if ease_ok {
                cands.push(ModelChoice::Ease);
            }
            let vcut = validation_cutoff(&events, cfg.validation_fraction);
            match vcut.map(|v| evaluate(&sub(inter, &events), v, &cands, cfg, 20)) {
                Some(Ok(ev)) => {
                    let b = ev.best;
                    factorizations += ev.ease_factorizations;
                    notes.push(
                        Text::new("products.rec.chosen")
                            .pct("share", cfg.validation_fraction, 0)
                            .int("users", ev.users)
                            .text("model", b.name()),
                    );
                    selection = Some(ev);
                    b
                }
                _ => {
                    notes.push(Text::new("products.rec.no_holdout"));
                    ModelChoice::ItemKnn
                }
            }
        }
        m => m,
    };
    if !ease_ok {
        notes.push(
            Text::new("products.rec.ease_skipped")
                .int("n", train_items)
                .int("max", cfg.max_ease_items),
        );
    }
    let model = if model == ModelChoice::Ease && !ease_ok {
        ModelChoice::ItemKnn
    } else {
        model
    };
    let mut ctx = Ctx {
        inter,
        cfg,
        tie: &tie,
        notes,
        factorizations,
    };
    let (scorer, detail) = fit_model(model, &mut ctx, &events, &train, t_ref)?;
    let (notes, factorizations) = (ctx.notes, ctx.factorizations);
    // Reasons come from item-kNN cosine: the two bought items most similar to the pick.
    let knn = match &scorer.fitted {
        Fitted::ItemKnn(k) => k.clone(),
        _ => Knn::fit(&train, Some(200)),
    };
    let wanted: Option<std::collections::HashSet<&str>> = params
        .customers
        .as_ref()
        .map(|v| v.iter().map(String::as_str).collect());
    let mut customers = Vec::new();
    let mut out = vec![0.0; train.n_items];
    let seen = seen_items(&train);
    for u in 0..train.n_users {
        let row = train.row(u);
        let id = inter.users.get(u).map(String::as_str).unwrap_or("");
        if row.is_empty() || wanted.as_ref().is_some_and(|w| !w.contains(id)) {
            continue;
        }
        scorer.score(u, row, &mut out);
        mask_unseen(&mut out, &seen);
        let exclude: &[u32] = if params.include_repurchases { &[] } else { row };
        let top = top_k(&out, exclude, &tie, params.top_n);
        // Items never bought in training (score −∞) are not recommended.
        let items = top
            .iter()
            .filter(|&&j| out.get(j as usize).is_some_and(|s| s.is_finite()))
            .enumerate()
            .map(|(r, &j)| Recommendation {
                rank: r + 1,
                item_id: inter.items.get(j as usize).cloned().unwrap_or_default(),
                name: inter
                    .item_names
                    .get(j as usize)
                    .cloned()
                    .unwrap_or_default(),
                score: out[j as usize],
                reason: reason(inter, &knn, row, j),
            })
            .collect();
        customers.push(CustomerRecs {
            customer_id: id.to_owned(),
            items,
        });
    }
    Ok(RecommendReport {
        params: params.clone(),
        model,
        detail,
        train_users: customers.len(),
        train_items,
        train_interactions: train.nnz(),
        selection,
        notes,
        customers,
        ease_factorizations: factorizations,
    })
}

/// Items never bought in training are not candidates (collaborative models cannot score them).
fn mask_unseen(out: &mut [f64], seen: &[bool]) {
    for (o, &ok) in out.iter_mut().zip(seen) {
        if !ok {
            *o = f64::NEG_INFINITY;
        }
    }
}

fn seen_items(m: &UserItems) -> Vec<bool> {
    m.item_counts().iter().map(|&c| c > 0.0).collect()
}

/// Interactions restricted to `events` (same dictionaries).
fn sub(inter: &Interactions, events: &[Event]) -> Interactions {
    Interactions {
        users: inter.users.clone(),
        items: inter.items.clone(),
        item_names: inter.item_names.clone(),
        events: events.to_vec(),
        has_time: inter.has_time,
        notes: Vec::new(),
    }
}

fn label(inter: &Interactions, i: u32) -> String {
    let name = inter
        .item_names
        .get(i as usize)
        .map(String::as_str)
        .unwrap_or("");
    if name.is_empty() {
        inter.items.get(i as usize).cloned().unwrap_or_default()
    } else {
        name.to_owned()
    }
}

/// "because you bought X and Y": the user's items most similar (cosine) to `j`.
fn reason(inter: &Interactions, knn: &Knn, row: &[u32], j: u32) -> Text {
    let mut best: Vec<(f64, u32)> = row
        .iter()
        .filter(|&&i| i != j)
        .map(|&i| (knn.sim(i as usize, j), i))
        .filter(|x| x.0 > 0.0)
        .collect();
    best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    match best.as_slice() {
        [] => Text::new("products.rec.popular"),
        [a] => Text::new("products.rec.because_one").str("a", label(inter, a.1)),
        [a, b, ..] => Text::new("products.rec.because_two")
            .str("a", label(inter, a.1))
            .str("b", label(inter, b.1)),
    }
}

/// Items with similar names (TF-IDF cosine), e.g. for a new item without sales yet.
pub fn similar_by_name(inter: &Interactions, item: &str, top: usize) -> Vec<(String, f64)> {
    let Some(i) = inter.items.iter().position(|x| x == item) else {
        return Vec::new();
    };
    Tfidf::fit(&inter.item_names)
        .similar(i, top)
        .into_iter()
        .map(|(j, s)| (inter.items.get(j).cloned().unwrap_or_default(), s))
        .collect()
}
