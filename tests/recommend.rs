//! Recommendations on the UCI Online Retail data: the temporal accuracy protocol against the
//! peers' numbers (REFERENCE_RESULTS.md), the generic interaction-file path (MovieLens), the
//! CLI contract and property tests.

use proptest::prelude::*;
use shoplens::analytics::recommend::{
    self, evaluate, Interactions, ModelChoice, ModelConfig, RecommendParams,
};
use shoplens::data::{Dataset, ImportOptions};
use std::path::PathBuf;
use std::sync::OnceLock;

fn shared(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(p)
}

fn retail() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        shoplens::data::import_paths(
            &[shared("online_retail_uci/online_retail.csv.gz")],
            &ImportOptions::default(),
        )
        .expect("import Online Retail")
    })
}

fn cutoff() -> i64 {
    recommend::parse_day("2011-10-01").unwrap()
}

fn row(ev: &recommend::Evaluation, m: ModelChoice) -> (f64, f64) {
    let r = ev.rows.iter().find(|r| r.model == m).unwrap();
    (r.recall, r.ndcg)
}

/// Peers (REFERENCE_RESULTS.md): popularity 0.0480 / 0.0447; item-kNN cosine 0.0879 / 0.0830;
/// implicit ALS 0.1116 / 0.1042; EASE (λ 500) 0.1168 / 0.1068. Our best must reach EASE's line.
#[test]
fn accuracy_protocol_beats_the_ease_line() {
    let inter = Interactions::from_dataset(retail());
    let cfg = ModelConfig::default();
    let ev = evaluate(
        &inter,
        cutoff(),
        &[
            ModelChoice::Popularity,
            ModelChoice::ItemKnn,
            ModelChoice::Als,
            ModelChoice::Ease,
        ],
        &cfg,
        20,
    )
    .unwrap();
    for r in &ev.rows {
        eprintln!(
            "{:?} recall {:.4} ndcg {:.4} fit {:.2}s {}",
            r.model, r.recall, r.ndcg, r.fit_seconds, r.detail
        );
    }
    for n in &ev.notes {
        eprintln!("{n}");
    }
    assert_eq!(ev.users, 1_768);
    assert_eq!(ev.train_items, 3_508);
    let (pr, pn) = row(&ev, ModelChoice::Popularity);
    assert!(
        (pr - 0.0480).abs() < 0.003 && (pn - 0.0447).abs() < 0.003,
        "{pr} {pn}"
    );
    let (kr, kn) = row(&ev, ModelChoice::ItemKnn);
    assert!(
        (kr - 0.0879).abs() < 0.003 && (kn - 0.0830).abs() < 0.003,
        "{kr} {kn}"
    );
    let (er, en) = row(&ev, ModelChoice::Ease);
    assert!(er >= 0.1168 && en >= 0.1068, "EASE {er} {en}");
    assert_eq!(ev.best, ModelChoice::Ease);
    let (ar, an) = row(&ev, ModelChoice::Als);
    assert!(ar > 0.09 && an > 0.08, "ALS {ar} {an}");
}

/// Plain EASE at the peers' λ 500 reproduces their number (validates the protocol).
#[test]
fn plain_ease_reproduces_the_peer() {
    let inter = Interactions::from_dataset(retail());
    let cfg = ModelConfig {
        ease_lambda: Some(500.0),
        recency_days: Some(f64::INFINITY),
        recent_popularity_weight: Some(0.0),
        ..ModelConfig::default()
    };
    let ev = evaluate(&inter, cutoff(), &[ModelChoice::Ease], &cfg, 20).unwrap();
    let (r, n) = row(&ev, ModelChoice::Ease);
    assert!(
        (r - 0.1168).abs() < 0.002 && (n - 0.1068).abs() < 0.002,
        "{r} {n}"
    );
}
