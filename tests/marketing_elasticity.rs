//! Price elasticity: Dominick's orange juice and the bayesm cheese data against a plain OLS fit
//! in statsmodels (`tests/reference/elasticity_oj.py`, output copied below), and order lines
//! with a known elasticity.

use shoplens::analytics::marketing::elasticity::{
    self, ElasticityInput, ElasticityParams, ElasticitySpec,
};
use shoplens::analytics::marketing::table::Table;
use shoplens::data::{import_bytes, ImportOptions};
use std::path::Path;

fn table(rel: &str) -> Option<Table> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(rel);
    if !p.exists() {
        eprintln!("skipping: {} not found", p.display());
        return None;
    }
    Some(Table::from_path(&p).unwrap())
}

/// Same to 6 significant digits (relative difference below 1e-6; the issue asks for 4).
fn sig4(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs()
}

/// statsmodels 0.15 OLS (printed to 9 significant digits), `logmove ~ store + brand + brand:log(own price) + deal + feat`:
/// (elasticity, standard error) per brand 1..11.
const OJ: [(f64, f64); 11] = [
    (-2.15440266, 0.0314505261),
    (-1.35433201, 0.0508927082),
    (-2.59135925, 0.0533325018),
    (-3.29137665, 0.0343841933),
    (-2.63207598, 0.0354856233),
    (-1.87473213, 0.047475086),
    (-2.5764832, 0.0423507182),
    (-1.92477278, 0.0437365541),
    (-3.28469579, 0.0315349219),
    (-2.96095097, 0.0286728815),
    (-1.03292127, 0.0373195894),
];

#[test]
fn dominicks_orange_juice_matches_statsmodels() {
    let Some(t) = table("dominicks_oj/oj_store_brand_week.csv.gz") else {
        return;
    };
    let input = ElasticityInput::from_table(&t, &ElasticitySpec::default()).unwrap();
    // Recognised: logmove (log units), own price from price<brand>, brand, store, deal, feat.
    assert_eq!(input.columns.units, "logmove");
    assert!(input.columns.units_are_log);
    assert_eq!(input.columns.price, "price<brand>");
    assert_eq!(input.columns.group.as_deref(), Some("brand"));
    assert_eq!(input.columns.store.as_deref(), Some("store"));
    assert_eq!(input.columns.flags, vec!["deal", "feat"]);
    let r = elasticity::run(&input, &ElasticityParams::default()).unwrap();
    assert_eq!(
        (r.observations, r.parameters, r.store_effects),
        (106_139, 106, 83)
    );
    assert!(sig4(r.r2, 0.705855169), "{}", r.r2);
    assert!(sig4(r.residual_sd, 0.619330322), "{}", r.residual_sd);
    for (g, &(e, se)) in r.groups.iter().zip(&OJ) {
        let (ge, gse) = (g.elasticity.unwrap(), g.std_error.unwrap());
        assert!(
            sig4(ge, e) && sig4(gse, se),
            "brand {}: {ge} ± {gse} vs {e} ± {se}",
            g.name
        );
    }
    // Brand 1 95% interval [-2.21604526, -2.09276006] (t with 106,033 df).
    assert!(sig4(r.groups[0].ci_low.unwrap(), -2.21604526));
    assert!(sig4(r.groups[0].ci_high.unwrap(), -2.09276006));
    let deal = &r.flags[0];
    let feat = &r.flags[1];
    assert!(
        sig4(deal.coefficient, 0.0652645625) && sig4(deal.std_error, 0.00484136691),
        "{deal:?}"
    );
    assert!(
        sig4(feat.coefficient, 0.741925885) && sig4(feat.std_error, 0.00595886715),
        "{feat:?}"
    );
    // Lifts e^δ − 1: deal +6.744%, feature +110.00%.
    assert!(sig4(deal.lift_pct, 6.7441392) && sig4(feat.lift_pct, 109.997593));
    assert!(
        r.groups[3].explain.en().contains("3.29% fewer units"),
        "{}",
        r.groups[3].explain
    );

    // Pooled: one slope −2.486738 (se 0.012835), deal 0.061948, feat 0.746044.
    let p = elasticity::run(
        &input,
        &ElasticityParams {
            pooled: true,
            ..ElasticityParams::default()
        },
    )
    .unwrap();
    let all = &p.groups[0];
    assert!(
        sig4(all.elasticity.unwrap(), -2.4867376) && sig4(all.std_error.unwrap(), 0.0128352533)
    );
    assert!(
        sig4(p.flags[0].coefficient, 0.0619477359) && sig4(p.flags[1].coefficient, 0.746044028)
    );
}

#[test]
fn cheese_retailers_match_statsmodels() {
    let Some(t) = table("dominicks_oj/cheese_retailer_week.csv") else {
        return;
    };
    // VOLUME, PRICE, RETAILER (store effects) and DISP (display share) recognised by name.
    let input = ElasticityInput::from_table(&t, &ElasticitySpec::default()).unwrap();
    assert_eq!(input.columns.store.as_deref(), Some("RETAILER"));
    let r = elasticity::run(&input, &ElasticityParams::default()).unwrap();
    assert_eq!(r.observations, 5555);
    let g = &r.groups[0];
    assert!(sig4(g.elasticity.unwrap(), -2.38834132) && sig4(g.std_error.unwrap(), 0.0331777134));
    assert!(sig4(r.flags[0].coefficient, 0.914212898) && sig4(r.flags[0].std_error, 0.0306170468));
}

/// The Wednesday of week `w` from Monday 2024-01-01, as "YYYY-MM-DD".
fn wednesday(w: i64) -> String {
    let (y, m, d) = shoplens::data::dates::civil_from_days(19_723 + 7 * w + 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[test]
fn order_lines_recover_a_known_elasticity() {
    // Three SKUs over 60 weeks: A with elasticity −2, B with −0.6, C at a fixed price.
    // units = round(base · (p / p0)^ε · noise), noise a fixed ±3% pattern.
    let mut csv = String::from("order_id,order_date,customer_id,sku,quantity,unit_price\n");
    let mut id = 0;
    for w in 0..60i64 {
        let date = wednesday(w);
        let noise = 1.0 + 0.03 * ((w * 7 % 11) as f64 - 5.0) / 5.0;
        for (sku, p0, base, e, amp) in [
            ("A", 10.0, 800.0, -2.0, 0.25),
            ("B", 4.0, 1500.0, -0.6, 0.2),
            ("C", 7.0, 300.0, 0.0, 0.0),
        ] {
            let p: f64 = p0 * (1.0 + amp * ((w as f64) * 0.9).sin());
            let p = (p * 100.0).round() / 100.0;
            let q = (base * (p / p0).powf(e) * noise).round();
            id += 1;
            csv.push_str(&format!("{id},{date},c{},{sku},{q},{p}\n", id % 50));
        }
    }
    let data = import_bytes("orders.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
    let input = ElasticityInput::from_orders(&data.lines, None).unwrap();
    assert_eq!(input.log_units.len(), 180);
    let r = elasticity::run(&input, &ElasticityParams::default()).unwrap();
    let by = |n: &str| r.groups.iter().find(|g| g.name == n).unwrap();
    let a = by("A").elasticity.unwrap();
    let b = by("B").elasticity.unwrap();
    assert!((a + 2.0).abs() < 0.03, "{a}");
    assert!((b + 0.6).abs() < 0.03, "{b}");
    assert!(by("A").ci_low.unwrap() < -2.0 && by("A").ci_high.unwrap() > -2.0 - 0.1);
    let c = by("C");
    assert!(c.elasticity.is_none());
    assert!(
        c.withheld
            .as_ref()
            .unwrap()
            .en()
            .contains("price hardly changed"),
        "{c:?}"
    );
    // Only B.
    let only_b = ElasticityInput::from_orders(&data.lines, Some(&["B".to_string()])).unwrap();
    assert_eq!(only_b.group_names, vec!["B"]);
    // Bad parameters are refused before any work.
    let bad = ElasticityParams {
        confidence: 1.5,
        ..ElasticityParams::default()
    };
    assert!(elasticity::run(&input, &bad)
        .unwrap_err()
        .to_string()
        .contains("confidence"));
}

#[test]
fn bundled_sample_recovers_its_truth() {
    // www/sample/marketing/prices.csv (generate_prices.py): true elasticities House −3.0,
    // Sunny −2.5, Valley −1.2; deal +28.4%, feature +82.2%.
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/sample/marketing/prices.csv");
    let t = Table::from_path(&p).unwrap();
    let input = ElasticityInput::from_table(&t, &ElasticitySpec::default()).unwrap();
    assert_eq!(input.columns.price, "price");
    let r = elasticity::run(&input, &ElasticityParams::default()).unwrap();
    for (g, truth) in r.groups.iter().zip([-3.0, -2.5, -1.2]) {
        assert!(
            g.ci_low.unwrap() <= truth && truth <= g.ci_high.unwrap(),
            "{g:?}"
        );
    }
    assert!(r.flags[0].ci_low_pct <= 28.4 && 28.4 <= r.flags[0].ci_high_pct);
    assert!(r.flags[1].ci_low_pct <= 82.2 && 82.2 <= r.flags[1].ci_high_pct);
}

/// Order lines of five codes over 60 weeks: `(sku, description, p0, base, ε, price amplitude,
/// noise amplitude)`; units = round(base · (p / p0)^ε · noise), noise a fixed pattern.
fn five_codes() -> String {
    let mut csv =
        String::from("order_id,order_date,customer_id,sku,description,quantity,unit_price\n");
    let mut id = 0;
    for w in 0..60i64 {
        let date = wednesday(w);
        let pattern = ((w * 7 % 11) as f64 - 5.0) / 5.0;
        for (sku, name, p0, base, e, amp, noise) in [
            ("10001", "LANTERN", 10.0, 800.0, -2.0, 0.25, 0.03),
            ("10002", "MUG", 4.0, 1500.0, -0.6, 0.2, 0.03),
            ("10003", "GIFT SET", 20.0, 300.0, 0.8, 0.2, 0.03),
            ("10004", "CANDLE", 6.0, 400.0, 0.0, 0.1, 0.03),
            ("POST", "POSTAGE", 18.0, 50.0, -1.0, 0.3, 0.03),
        ] {
            let p: f64 = p0 * (1.0 + amp * ((w as f64) * 0.9).sin());
            let p = (p * 100.0).round() / 100.0;
            let q = (base * (p / p0).powf(e) * (1.0 + noise * pattern)).round();
            id += 1;
            csv.push_str(&format!("{id},{date},c{},{sku},{name},{q},{p}\n", id % 50));
        }
    }
    csv
}

#[test]
fn order_lines_headline_and_non_goods() {
    let data = import_bytes(
        "orders.csv",
        five_codes().as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    let input = ElasticityInput::from_orders(&data.lines, None).unwrap();
    // Postage is not goods: left out, and said so.
    assert_eq!(input.group_names, vec!["10001", "10002", "10003", "10004"]);
    assert_eq!(
        input.notes[1].en(),
        "Left out as not goods (postage, gift cards, manual adjustments, fees…): POST."
    );
    // Asked for by name, it is kept.
    let only = ElasticityInput::from_orders(&data.lines, Some(&["POST".to_string()])).unwrap();
    assert_eq!(only.group_names, vec!["POST"]);
    let r = elasticity::run(&input, &ElasticityParams::default()).unwrap();
    let by = |n: &str| r.groups.iter().find(|g| g.name == n).unwrap();
    for g in &r.groups {
        eprintln!(
            "{} {:?} [{:?}, {:?}] se {:?}",
            g.name, g.elasticity, g.ci_low, g.ci_high, g.std_error
        );
    }
    // The truths: −2, −0.6 (both intervals below 0), +0.8 (above 0), 0 with a flat-ish price and
    // loud noise (straddles 0).
    assert!(by("10001").ci_high.unwrap() < 0.0 && by("10002").ci_high.unwrap() < 0.0);
    assert!(by("10003").ci_low.unwrap() > 0.0);
    let c = by("10004");
    assert!(c.ci_low.unwrap() < 0.0 && c.ci_high.unwrap() > 0.0, "{c:?}");
    // The surest has the most negative e / se; the mildest is −0.6.
    let t = |n: &str| by(n).elasticity.unwrap() / by(n).std_error.unwrap();
    let surest = if t("10001") < t("10002") {
        "10001"
    } else {
        "10002"
    };
    let s = by(surest);
    assert_eq!(
        r.summary.en(),
        format!(
            "4 products. Clearly fewer units at a higher price (the 95% interval below 0): 2; the surest {surest} (elasticity {:.2}, interval {:.2} to {:.2}), the mildest 10002 ({:.2}). More units at a higher price (there the price stands in for something else): 1. Cannot tell from the data: 1.",
            s.elasticity.unwrap(),
            s.ci_low.unwrap(),
            s.ci_high.unwrap(),
            by("10002").elasticity.unwrap(),
        )
    );
}

/// A volume tier is not price sensitivity. Two products over 60 weeks, each week six
/// ordinary-size lines at the list price and, every other week, one wholesale line of 4× their
/// size at 80% of it. 30001's list price moves and all its buyers have elasticity −1
/// (units = base · (p / p0)^−1); 30002's list price never moves. The average selling price
/// (revenue / units) falls in every wholesale week just as the units jump, which would read as
/// price sensitivity (pandas, tests/reference/elasticity_tiers.py: 30001 −1.42, 30002 −6.13); the price of the
/// ordinary-size lines does not.
#[test]
fn order_lines_volume_tiers_are_not_price_changes() {
    let mut csv = String::from("order_id,order_date,customer_id,sku,quantity,unit_price\n");
    let mut id = 0;
    for w in 0..60i64 {
        let date = wednesday(w);
        let bulk = w % 2 == 0;
        for (sku, p0, amp) in [("30001", 5.0, 0.2), ("30002", 8.0, 0.0)] {
            let p: f64 = p0 * (1.0 + amp * ((w as f64) * 0.9).sin());
            let p = (p * 100.0).round() / 100.0;
            let small = (10.0 * (p / p0).powf(-1.0)).round();
            let mut line = |q: f64, price: f64| {
                id += 1;
                csv.push_str(&format!("{id},{date},c{},{sku},{q},{price}\n", id % 50));
            };
            for _ in 0..6 {
                line(small, p);
            }
            if bulk {
                line(4.0 * small, (0.8 * p * 100.0).round() / 100.0);
            }
        }
    }
    let data = import_bytes("orders.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
    let input = ElasticityInput::from_orders(&data.lines, None).unwrap();
    let r = elasticity::run(&input, &ElasticityParams::default()).unwrap();
    let by = |n: &str| r.groups.iter().find(|g| g.name == n).unwrap();
    let a = by("30001");
    let e = a.elasticity.unwrap();
    assert!((e + 1.0).abs() < 0.05, "{a:?}");
    assert!(
        a.ci_low.unwrap() < -1.0 && a.ci_high.unwrap() > -1.0,
        "{a:?}"
    );
    // A list price that never moved: nothing to measure.
    let b = by("30002");
    assert!(b.elasticity.is_none(), "{b:?}");
    assert!(b
        .withheld
        .as_ref()
        .unwrap()
        .en()
        .contains("price hardly changed"));
}

/// The bundled sample: each product's elasticity is the slope of its log weekly units on the
/// log of its weekly ordinary-size line price (tests/reference/elasticity_tiers.py, scipy
/// `linregress` per product).
#[test]
fn sample_slopes_on_ordinary_line_prices_match_scipy() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/sample/online_retail_sample.csv.gz");
    let d = shoplens::data::import_paths(&[p], &ImportOptions::default()).unwrap();
    let input = ElasticityInput::from_orders(&d.lines, None).unwrap();
    let r = elasticity::run(&input, &ElasticityParams::default()).unwrap();
    for (n, weeks, want) in [
        ("84508A", 15, -16.940364665416016),
        ("84029E", 17, -4.880781038161939),
        ("40016", 15, -0.573520656651809),
        ("22197", 18, -0.48524834760487917),
    ] {
        let g = r.groups.iter().find(|g| g.name == n).unwrap();
        assert_eq!(g.observations, weeks, "{n}");
        assert!(sig4(g.elasticity.unwrap(), want), "{n}: {g:?}");
    }
}
