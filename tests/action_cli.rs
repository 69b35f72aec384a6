//! CLI contract of `shoplens action` on the bundled sample with the sample marketing files:
//! the text report has one block per decision, `--json` is the same plan the core computes
//! (five decisions, the reorder cost within `--budget`), and a missing file is a clear error.

use shoplens::analytics::action::{self, ActionParams, ActionPlan, DecisionKind, Detail, Given};
use shoplens::analytics::marketing::mmm::MmmInput;
use shoplens::analytics::marketing::promo::PromoInput;
use shoplens::analytics::marketing::table::Table;
use shoplens::data::{import_paths, ImportOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> PathBuf {
    root().join("www/sample/online_retail_sample.csv.gz")
}

fn marketing(name: &str) -> PathBuf {
    root().join("www/sample/marketing").join(name)
}

fn table(p: &Path) -> Table {
    let bytes = std::fs::read(p).expect("sample file");
    let name = p.file_name().and_then(|n| n.to_str()).expect("name");
    Table::from_bytes(name, &bytes).expect("table")
}

fn shoplens(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .arg("action")
        .args(args)
        .output()
        .expect("run shoplens")
}

#[test]
fn action_json_is_the_core_plan_and_text_has_every_decision() {
    let (orders, spend, promo) = (
        sample(),
        marketing("spend.csv"),
        marketing("promotions.csv"),
    );
    let common = [
        orders.as_os_str(),
        "--budget".as_ref(),
        "2000".as_ref(),
        "--spend".as_ref(),
        spend.as_os_str(),
        "--promotions".as_ref(),
        promo.as_os_str(),
    ];
    let mut json_args = common.to_vec();
    json_args.push("--json".as_ref());
    let o = shoplens(&json_args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let plan: ActionPlan = serde_json::from_slice(&o.stdout).expect("the --json output is a plan");
    assert_eq!(plan.decisions.len(), 5);
    assert_eq!(plan.params.budget, Some(2000.0));
    let Detail::Reorder(r) = &plan
        .decision(DecisionKind::Reorder)
        .expect("reorder")
        .detail
    else {
        panic!(
            "no reorder plan: {:?}",
            plan.decision(DecisionKind::Reorder)
        );
    };
    assert!(!r.lines.is_empty());
    assert!(r.total_cost <= 2000.0 + 1e-6, "cost {}", r.total_cost);
    let line_sum: f64 = r.lines.iter().map(|l| l.cost).sum();
    assert!((line_sum - r.total_cost).abs() < 1e-6 * (1.0 + line_sum));

    // The same plan as the core computes in-process on the same inputs.
    let data =
        import_paths(std::slice::from_ref(&orders), &ImportOptions::default()).expect("import");
    let mmm_input = MmmInput::from_table(&table(&spend), &Default::default(), None).expect("mmm");
    let pt = table(&promo);
    let promo_input = PromoInput::from_table(&pt, &action::promo_spec_for(&pt)).expect("promo");
    let (core, _) = action::run_on_dataset(
        &data,
        &ActionParams {
            budget: Some(2000.0),
            ..ActionParams::default()
        },
        Given {
            mmm_input: Some(&mmm_input),
            promo_input: Some(&promo_input),
            ..Given::default()
        },
        &mut |_, _| {},
    )
    .expect("core plan");
    // JSON text → f64 may differ in the last bit (serde_json parses without exact
    // round-trip), so numbers are compared to 1e-12 relative.
    let (a, b) = (
        serde_json::to_value(&plan).expect("json"),
        serde_json::to_value(&core).expect("json"),
    );
    assert!(same(&a, &b), "CLI plan differs from the core's:\n{a}\n{b}");

    // Text: a heading per decision, the budget line of the reorder plan.
    let o = shoplens(&common);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    for k in ["win_back", "reorder", "ad_budget", "promotion", "next_test"] {
        assert!(text.contains(&format!("== {k} ==")), "{k} missing:\n{text}");
    }
    assert!(
        text.contains(&format!("cost {:.2} of budget 2000.00", r.total_cost)),
        "{text}"
    );
    // The A/B test's money is conditional, and a pool too small for the asked lift is given the
    // lift it can detect.
    let Detail::NextTest(t) = &plan.decision(DecisionKind::NextTest).expect("test").detail else {
        panic!("no test")
    };
    assert!(
        text.contains("= pool × p₀ × lift × AOV (only if the lift is real)"),
        "{text}"
    );
    assert!(!t.feasible);
    let l = t.min_detectable_lift.expect("a detectable lift");
    assert!(
        text.contains(&format!(
            "with the pool of {} the test detects a lift of {:.1}% or more",
            t.pool,
            100.0 * l
        )),
        "{text}"
    );
}

fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (V::Number(x), V::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            (x - y).abs() <= 1e-12 * (1.0 + x.abs().max(y.abs()))
        }
        (V::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (V::Object(x), V::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn action_missing_file_names_it() {
    let missing = root().join("no-such-orders.csv");
    let o = shoplens(&[missing.as_os_str()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no-such-orders.csv"), "{err}");
}

/// `--test-lift` and `--churn-risk-min` reach the A/B test: at churn risk 0.3 the pool can detect
/// a 15% lift, so the test is feasible and no smaller detectable lift is offered.
#[test]
fn action_test_lift_flag() {
    let orders = sample();
    let args = [
        orders.as_os_str(),
        "--churn-risk-min".as_ref(),
        "0.3".as_ref(),
        "--test-lift".as_ref(),
        "0.15".as_ref(),
    ];
    let mut json_args = args.to_vec();
    json_args.push("--json".as_ref());
    let o = shoplens(&json_args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let plan: ActionPlan = serde_json::from_slice(&o.stdout).expect("plan");
    let Detail::NextTest(t) = &plan.decision(DecisionKind::NextTest).expect("test").detail else {
        panic!("no test")
    };
    assert_eq!(t.lift, 0.15);
    assert_eq!(
        t.per_variant,
        shoplens::analytics::marketing::abtest::sample_size_proportions(
            t.baseline,
            t.baseline * 1.15,
            0.05,
            0.8
        )
    );
    assert!(t.feasible && t.total <= t.pool as f64, "{t:?}");
    assert_eq!(t.min_detectable_lift, None);
    let o = shoplens(&args);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(&format!(
            "{} per variant, {} in total, pool {}",
            t.per_variant, t.total, t.pool
        )),
        "{text}"
    );
    assert!(!text.contains("the test detects a lift of"), "{text}");
    // a lift of 0 is refused with the parameter's name
    let o = shoplens(&[orders.as_os_str(), "--test-lift".as_ref(), "0".as_ref()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("test_lift"));
}
