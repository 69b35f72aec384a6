//! A/B tests on the Cookie Cats experiment (../shared/data/ab_cookie_cats), checked against
//! REFERENCE_RESULTS.md and scipy.stats.ttest_ind(equal_var=False) (scipy 1.x, computed with
//! `benches/marketing/abtest_peer.py`).

use shoplens::analytics::marketing::abtest::{self, AbInput, AbParams, MetricKind};
use shoplens::analytics::marketing::table::Table;
use std::path::Path;

fn cookie_cats() -> Option<Table> {
    let p = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/ab_cookie_cats/cookie_cats.csv"
    ));
    if !p.exists() {
        eprintln!("skipping: {} not found", p.display());
        return None;
    }
    Some(Table::from_path(p).unwrap())
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs()
}

#[test]
fn cookie_cats_retention() {
    let Some(t) = cookie_cats() else { return };
    let params = AbParams {
        control: Some("gate_40".into()),
        ..AbParams::default()
    };
    // 7-day: gate_30 8,502/44,700 vs gate_40 8,279/45,489, z 3.164, p 0.00155, P 0.9992.
    let r = abtest::run(
        &AbInput::from_table(&t, "version", "retention_7").unwrap(),
        &params,
    )
    .unwrap();
    assert_eq!(r.kind, MetricKind::Conversion);
    let g30 = &r.variants[0];
    assert_eq!(
        (g30.name.as_str(), g30.units, g30.conversions),
        ("gate_30", 44_700, Some(8_502))
    );
    assert_eq!(
        (r.variants[1].units, r.variants[1].conversions),
        (45_489, Some(8_279))
    );
    let c = &r.comparisons[0];
    assert_eq!(c.variant, "gate_30");
    assert!(close(c.statistic, 3.164, 5e-4), "z {}", c.statistic);
    assert!(close(c.p_value, 0.00155, 5e-3), "p {}", c.p_value);
    let b = r.bayes.as_ref().unwrap();
    assert!(
        (b.variants[0].prob_best - 0.9992).abs() < 5e-5,
        "{}",
        b.variants[0].prob_best
    );
    // Evan Miller's closed form agrees with the integral.
    let exact = abtest::prob_b_beats_a(8_280.0, 37_211.0, 8_503.0, 36_199.0);
    assert!((exact - b.variants[0].prob_best).abs() < 1e-6);
    // Wald interval of the difference (0.8201 points ± 1.96·0.2593).
    assert!(close(c.difference, 0.0082013, 1e-3));
    assert!(close(c.difference_ci.0, 0.003118, 5e-3) && close(c.difference_ci.1, 0.013284, 5e-3));
    // Sample-ratio: 44,700 vs 45,489 against 50/50: chi-square 6.902, p 0.0086 (no mismatch at 0.001).
    assert!(close(r.srm.chi_square, 6.9024, 1e-4));
    assert!(close(r.srm.p_value, 0.00861, 5e-3) && !r.srm.mismatch);

    // 1-day: 44.82% vs 44.23%, z 1.784, p 0.0744, P 0.9628.
    let r = abtest::run(
        &AbInput::from_table(&t, "version", "retention_1").unwrap(),
        &params,
    )
    .unwrap();
    let c = &r.comparisons[0];
    assert!(close(r.variants[0].mean, 0.4482, 5e-4) && close(r.variants[1].mean, 0.4423, 5e-4));
    assert!(close(c.statistic, 1.784, 5e-4), "z {}", c.statistic);
    assert!(close(c.p_value, 0.0744, 5e-3), "p {}", c.p_value);
    let p = r.bayes.as_ref().unwrap().variants[0].prob_best;
    assert!((p - 0.9628).abs() < 5e-4, "{p}");
}

#[test]
fn cookie_cats_rounds_welch() {
    let Some(t) = cookie_cats() else { return };
    // scipy: ttest_ind(gate_40, gate_30, equal_var=False) -> t -0.885437433127067,
    // p 0.37592438409326173, df 58595.481422574, CI (-3.7197051164946457, 1.4047282085881476).
    let r = abtest::run(
        &AbInput::from_table(&t, "version", "sum_game_rounds").unwrap(),
        &AbParams::default(),
    )
    .unwrap();
    assert_eq!(r.kind, MetricKind::Continuous);
    let c = &r.comparisons[0];
    assert_eq!(
        (c.variant.as_str(), c.control.as_str()),
        ("gate_40", "gate_30")
    );
    assert!(close(c.statistic, -0.885437433127067, 1e-9));
    assert!(close(c.p_value, 0.37592438409326173, 1e-8));
    assert!(close(c.df.unwrap(), 58595.481422574, 1e-9));
    assert!(close(c.difference_ci.0, -3.7197051164946457, 1e-8));
    assert!(close(c.difference_ci.1, 1.4047282085881476, 1e-8));
    // Seeded bootstrap: reproducible, and brackets the observed difference.
    let (lo, hi) = c.bootstrap_ci.unwrap();
    assert!(
        lo < c.difference && c.difference < hi && lo < -2.5 && hi > 0.5,
        "{lo} {hi}"
    );
    let again = abtest::run(
        &AbInput::from_table(&t, "version", "sum_game_rounds").unwrap(),
        &AbParams::default(),
    )
    .unwrap();
    assert_eq!(again.comparisons[0].bootstrap_ci, c.bootstrap_ci);
}

#[test]
fn three_variants_monte_carlo_loss() {
    // Two identical arms and a clearly worse one: P(best) splits evenly between the equal arms,
    // the worse arm's expected loss is close to the rate gap (0.10 − 0.05).
    let inp = AbInput::from_counts("c", &[("a", 5000, 500), ("b", 5000, 500), ("c", 5000, 250)]);
    let r = abtest::run(
        &inp,
        &AbParams {
            mc_draws: 50_000,
            ..AbParams::default()
        },
    )
    .unwrap();
    let b = r.bayes.unwrap();
    assert!((b.variants[0].prob_best - 0.5).abs() < 0.01);
    assert!((b.variants[1].prob_best - 0.5).abs() < 0.01);
    assert!(b.variants[2].prob_best < 1e-6);
    // E[max(pa, pb)] − E[pc]: 0.1 + sd·(1/sqrt(pi)) − 0.05 with sd 0.00424 per arm.
    let expect = 0.05 + 0.004243 / std::f64::consts::PI.sqrt();
    assert!(
        (b.variants[2].expected_loss - expect).abs() < 2e-4,
        "{}",
        b.variants[2].expected_loss
    );
    assert_eq!(r.comparisons.len(), 2);
}

#[test]
fn srm_flags_broken_split_and_errors_name_columns() {
    let inp = AbInput::from_counts("c", &[("a", 10_000, 1000), ("b", 9_000, 950)]);
    let r = abtest::run(&inp, &AbParams::default()).unwrap();
    assert!(r.srm.mismatch && r.srm.p_value < 1e-10);
    // Intended 10:9 split -> no mismatch.
    let p = AbParams {
        intended_split: Some(vec![10.0, 9.0]),
        ..AbParams::default()
    };
    assert!(!abtest::run(&inp, &p).unwrap().srm.mismatch);
    let t = Table::from_bytes("e.csv", b"user,arm,revenue\n1,A,3.5\n2,B,x\n").unwrap();
    let e = AbInput::from_table(&t, "arm", "revenue")
        .unwrap_err()
        .to_string();
    assert!(e.contains("row 2") && e.contains("revenue"), "{e}");
    let e = AbInput::from_table(&t, "variant", "revenue")
        .unwrap_err()
        .to_string();
    assert!(e.contains("no column named 'variant'"), "{e}");
}
