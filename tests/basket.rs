//! Market basket on the UCI Online Retail data: exactness against mlxtend 0.25 (France), the
//! scale reference (United Kingdom), the CLI contract, and property tests on random baskets.

use proptest::prelude::*;
use shoplens::analytics::basket::{self, BasketLevel, BasketParams, LineFilter, RuleSort};
use shoplens::data::{Dataset, ImportOptions};
use std::path::PathBuf;
use std::sync::OnceLock;

mod common;

fn retail_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/online_retail_uci/online_retail.csv.gz")
}

fn retail() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        shoplens::data::import_paths(&[retail_path()], &ImportOptions::default())
            .expect("import Online Retail")
    })
}

fn france() -> BasketParams {
    BasketParams {
        min_support: 0.05,
        min_confidence: 0.5,
        country: Some("France".into()),
        exclude_items: Some(vec!["POST".into()]),
        ..BasketParams::default()
    }
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn france_matches_mlxtend_exactly() {
    let r = basket::run(retail(), &france()).unwrap();
    assert_eq!(r.baskets, 387);
    assert_eq!(r.items, 1541);
    assert_eq!(r.itemsets.len(), 117);
    assert_eq!(r.itemsets_by_len, vec![80, 34, 3]);
    assert_eq!(r.rules.len(), 51);
    let support = |items: &[&str]| {
        r.itemsets
            .iter()
            .find(|s| s.items == items)
            .unwrap_or_else(|| panic!("itemset {items:?} missing"))
            .support
    };
    // mlxtend fpgrowth(min_support=0.05) supports.
    assert!(close(support(&["23084"]), 0.1912144703, 1e-9));
    assert!(close(support(&["21731"]), 0.1834625323, 1e-9));
    assert!(close(
        support(&["22726", "22727", "22728"]),
        0.0645994832,
        1e-9
    ));
    let sum: f64 = r.itemsets.iter().map(|s| s.support).sum();
    assert!(close(sum, 9.5762273907, 1e-8), "{sum}");
    // association_rules(metric="confidence", min_threshold=0.5), sorted by lift.
    let top = &r.rules[0];
    assert_eq!(
        (top.antecedent.clone(), top.consequent.clone()),
        (vec!["21987".to_string()], vec!["21988".to_string()])
    );
    assert!(close(top.support, 0.0516795866, 1e-9));
    assert!(close(top.confidence, 0.8, 1e-12));
    assert!(close(top.lift, 14.0727272727, 1e-9));
    assert!(close(top.leverage, 0.0480072645, 1e-9));
    assert!(close(top.conviction, 4.7157622739, 1e-9));
    let r5 = &r.rules[4];
    assert_eq!(r5.antecedent, vec!["22726", "22728"]);
    assert_eq!(r5.consequent, vec!["22727"]);
    assert!(close(r5.conviction, 6.5568475452, 1e-9));
    let sums = r.rules.iter().fold([0.0; 4], |a, x| {
        [
            a[0] + x.confidence,
            a[1] + x.lift,
            a[2] + x.leverage,
            a[3] + x.conviction,
        ]
    });
    assert!(close(sums[0], 36.4402234674, 1e-8), "{sums:?}");
    assert!(close(sums[1], 326.734627016, 1e-7), "{sums:?}");
    assert!(close(sums[2], 3.3189845695, 1e-8), "{sums:?}");
    assert!(close(sums[3], 267.817460582, 1e-7), "{sums:?}");
    // The explicit list excludes POST and nothing else, though more is detected.
    assert_eq!(r.excluded.len(), 1);
}

#[test]
fn default_exclusion_is_the_detected_list() {
    let mut p = france();
    p.exclude_items = None;
    let r = basket::run(retail(), &p).unwrap();
    let detected: Vec<&str> = r
        .detected_non_products
        .iter()
        .map(|d| d.sku.as_str())
        .collect();
    assert!(detected.contains(&"POST"), "{detected:?}");
    // 23574 is "PACKING CHARGE" (a fee with a product-like code).
    assert_eq!(detected, vec!["POST", "M", "C2", "23574"]);
    assert_eq!(r.excluded.len(), detected.len());
    assert!(r.items < 1541);
    assert!(r
        .itemsets
        .iter()
        .all(|s| !s.items.iter().any(|i| detected.contains(&i.as_str()))));
    // An empty explicit list excludes nothing: POST is then the top single item.
    p.exclude_items = Some(vec![]);
    let all = basket::run(retail(), &p).unwrap();
    assert_eq!(all.items, 1542);
    assert_eq!(all.itemsets[0].items, vec!["POST"]);
}

#[test]
fn united_kingdom_scale_reference() {
    let p = BasketParams {
        min_support: 0.01,
        min_confidence: 0.5,
        filters: vec![LineFilter::parse("Country=United Kingdom").unwrap()],
        exclude_items: Some(vec!["POST".into()]),
        ..BasketParams::default()
    };
    let r = basket::run(retail(), &p).unwrap();
    assert_eq!(r.baskets, 17_979);
    assert_eq!(r.items, 3_915);
    assert_eq!(r.itemsets.len(), 2_339);
    assert_eq!(r.itemsets_by_len, vec![827, 1_092, 373, 46, 1]);
    let sum: f64 = r.itemsets.iter().map(|s| s.support).sum();
    assert!(close(sum, 37.6552644746, 1e-7), "{sum}");
    // Filters, max length and rule shapes.
    let p2 = BasketParams {
        max_len: Some(2),
        single_consequent: true,
        min_lift: 5.0,
        sort: RuleSort::Confidence,
        ..p
    };
    let r2 = basket::run(retail(), &p2).unwrap();
    assert_eq!(r2.itemsets_by_len, vec![827, 1_092]);
    assert!(r2
        .rules
        .iter()
        .all(|x| x.lift >= 5.0 && x.consequent.len() == 1 && x.confidence >= 0.5));
    assert!(r2
        .rules
        .windows(2)
        .all(|w| w[0].confidence >= w[1].confidence - 1e-9));
}

#[test]
fn bought_together_and_also_bought() {
    let mut p = france();
    p.focus_item = Some("21086".into());
    p.top_n = 5;
    let r = basket::run(retail(), &p).unwrap();
    assert_eq!(r.bought_together.len(), 5);
    // 21094 is bought with 21086 in 0.124031 * 387 = 48 orders; conf(21094 -> 21086) = 0.96.
    let t = r.bought_together.iter().find(|c| c.sku == "21094").unwrap();
    assert_eq!(t.together, 48);
    assert!(close(t.support, 0.1240310078, 1e-9));
    // Customer level: at least as many customers as orders share the pair... per customer.
    assert!(!r.also_bought.is_empty());
    assert!(r
        .also_bought
        .iter()
        .all(|c| c.confidence > 0.0 && c.confidence <= 1.0));
    let mut pc = p.clone();
    pc.level = BasketLevel::Customer;
    pc.max_len = Some(2);
    let rc = basket::run(retail(), &pc).unwrap();
    assert_eq!(rc.bought_together, r.bought_together);
    assert!(rc.baskets < r.baskets);
    let bad = BasketParams {
        focus_item: Some("NOPE".into()),
        ..france()
    };
    assert!(matches!(
        basket::run(retail(), &bad),
        Err(basket::BasketError::UnknownItem(_))
    ));
}

#[test]
fn params_are_validated() {
    for p in [
        BasketParams {
            min_support: 0.0,
            ..france()
        },
        BasketParams {
            min_support: 1.5,
            ..france()
        },
        BasketParams {
            min_confidence: -0.1,
            ..france()
        },
        BasketParams {
            max_len: Some(0),
            ..france()
        },
        BasketParams {
            min_lift: f64::NAN,
            ..france()
        },
    ] {
        assert!(matches!(
            basket::run(retail(), &p),
            Err(basket::BasketError::InvalidParam { .. })
        ));
    }
    assert!(LineFilter::parse("Colour=red").is_err());
    let none = BasketParams {
        country: Some("Atlantis".into()),
        ..france()
    };
    assert!(matches!(
        basket::run(retail(), &none),
        Err(basket::BasketError::NoBaskets(_))
    ));
}

fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let mut out = vec![h];
    for rec in r.records() {
        out.push(rec.unwrap().iter().map(String::from).collect());
    }
    out
}

#[test]
fn cli_france_reference() {
    let dir = std::env::temp_dir().join(format!("shoplens_basket_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (its, rules) = (dir.join("itemsets.csv"), dir.join("rules.csv"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .arg("basket")
        .arg(retail_path())
        .args(["--filter", "Country=France", "--exclude-items", "POST"])
        .args(["--min-support", "0.05", "--min-confidence", "0.5"])
        .arg("--itemsets")
        .arg(&its)
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let i = read_csv(&its);
    assert_eq!(i[0], vec!["items", "support"]);
    assert_eq!(i.len() - 1, 117);
    assert!(i.iter().any(|r| r[0] == "22726|22727|22728"));
    let r = read_csv(&rules);
    assert_eq!(
        r[0],
        vec![
            "antecedent",
            "consequent",
            "support",
            "confidence",
            "lift",
            "leverage",
            "conviction"
        ]
    );
    assert_eq!(r.len() - 1, 51);
    assert_eq!((r[1][0].as_str(), r[1][1].as_str()), ("21987", "21988"));
    // Bad input: one-line reason, non-zero exit.
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .arg("basket")
        .arg(retail_path())
        .args(["--min-support", "2", "--itemsets"])
        .arg(&its)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim().lines().count(),
        1
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Baskets from random transactions over a small catalogue.
fn dataset(baskets: &[Vec<u8>]) -> Dataset {
    use shoplens::data::{CleaningReport, LevelTotals, OrderLines, Status};
    let mut l = OrderLines::default();
    let country = l.strings.intern("X");
    for (b, items) in baskets.iter().enumerate() {
        let order = l.strings.intern(&format!("o{b}"));
        let cust = l.strings.intern(&format!("c{}", b % 7));
        for &it in items {
            let sku = l.strings.intern(&format!("{}", 10_000 + it as u32));
            let name = l.strings.intern(&format!("ITEM {it}"));
            l.order_id.push(order);
            l.timestamp.push(b as i64 * 86_400);
            l.customer.push(cust);
            l.sku.push(sku);
            l.product.push(name);
            l.quantity.push(1.0);
            l.unit_price.push(1.0);
            l.revenue.push(1.0);
            l.currency.push(shoplens::data::NONE_ID);
            l.country.push(country);
            l.category.push(shoplens::data::NONE_ID);
            l.status.push(Status::Paid);
            l.source_row.push(0);
            l.source_file.push(0);
        }
    }
    let report: CleaningReport = serde_json::from_value(serde_json::json!({
        "files": [], "total_rows": 0, "kept_rows": 0, "dropped": [], "duplicates": 0,
        "duplicate_first_rows": [], "duplicates_removed": false, "guest_lines": 0,
        "guest_first_rows": [], "order_level": LevelTotals::default(),
        "customer_level": LevelTotals::default(), "date_min": null, "date_max": null,
        "currencies": [], "return_lines": 0, "return_value": 0.0
    }))
    .expect("cleaning report shape");
    Dataset {
        lines: l,
        returns: OrderLines::default(),
        report,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn rule_metrics_are_consistent(
        baskets in prop::collection::vec(prop::collection::vec(0u8..12, 1..6), 1..40),
        min_support in 0.05f64..0.6,
    ) {
        let data = dataset(&baskets);
        let p = BasketParams { min_support, exclude_items: Some(vec![]), ..BasketParams::default() };
        let r = basket::run(&data, &p).unwrap();
        for s in &r.itemsets {
            prop_assert!(s.support >= min_support - 1e-12 && s.support <= 1.0);
            // Brute-force count.
            let n = baskets.iter().filter(|b| s.items.iter().all(|i| {
                let k: u8 = (i.parse::<u32>().unwrap() - 10_000) as u8;
                b.contains(&k)
            })).count() as u64;
            prop_assert_eq!(n, s.count);
        }
        for x in &r.rules {
            prop_assert!((0.0..=1.0).contains(&x.support));
            prop_assert!((0.0..=1.0 + 1e-12).contains(&x.confidence));
            if x.antecedent.len() == 1 && x.consequent.len() == 1 {
                let back = r.rules.iter().find(|y| y.antecedent == x.consequent && y.consequent == x.antecedent).unwrap();
                prop_assert!((back.lift - x.lift).abs() < 1e-9 * x.lift.max(1.0));
                prop_assert!((back.leverage - x.leverage).abs() < 1e-12);
            }
            prop_assert!(x.conviction.is_infinite() == (x.confidence >= 1.0));
        }
    }
}

/// The report's notes and non-product reasons render in Chinese; the English is unchanged.
#[test]
fn notes_and_reasons_in_english_and_chinese() {
    let mut p = france();
    p.exclude_items = None;
    let r = basket::run(retail(), &p).unwrap();
    assert_eq!(
        r.notes[0].en(),
        "excluded the detected non-product items (postage, fees, gift cards, adjustments): POST, M, C2, 23574"
    );
    assert_eq!(
        r.detected_non_products[0].reason.en(),
        "code 'POST' is a usual non-product code"
    );
    let listed = basket::run(retail(), &france()).unwrap();
    assert_eq!(
        listed.notes[0].en(),
        "excluded exactly the listed items (1): POST"
    );
    let texts = r
        .notes
        .iter()
        .chain(&listed.notes)
        .chain(r.detected_non_products.iter().map(|d| &d.reason));
    for t in texts {
        common::assert_zh("basket note", t, &[]);
    }
}
