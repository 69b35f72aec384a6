//! CART regression tree against scikit-learn's DecisionTreeRegressor on the same small
//! deterministic data and parameters (`tests/reference/tree_sklearn.py`, output copied below):
//! same splits, node sizes, node means, importances and training R².

use shoplens::analytics::marketing::tree::{self, TreeInput, TreeParams};

fn data() -> TreeInput {
    let n = 60usize;
    let tv: Vec<f64> = (0..n).map(|i| ((37 * i) % 101) as f64 * 10.0).collect();
    let search: Vec<f64> = (0..n).map(|i| ((53 * i + 7) % 89) as f64 * 5.0).collect();
    let promo: Vec<f64> = (0..n).map(|i| ((11 * i + 3) % 7) as f64).collect();
    let y = (0..n)
        .map(|i| {
            500.0
                + if tv[i] > 500.0 { 300.0 } else { 0.0 }
                + 2.0 * search[i]
                + 40.0 * promo[i]
                + ((i * 7919) % 113) as f64 * 1.5
        })
        .collect();
    TreeInput {
        feature_names: vec!["tv".into(), "search".into(), "promo".into()],
        x: vec![tv, search, promo],
        y,
        target_name: "revenue".into(),
    }
}

struct Sk {
    feature: &'static [i64],
    threshold: &'static [f64],
    samples: &'static [usize],
    value: &'static [f64],
    importances: [f64; 3],
    r2: f64,
}

fn check(p: &TreeParams, sk: &Sk) {
    let r = tree::run(&data(), p).unwrap();
    assert_eq!(r.nodes.len(), sk.feature.len());
    for (k, node) in r.nodes.iter().enumerate() {
        assert_eq!(node.id, k);
        assert_eq!(node.samples, sk.samples[k], "node {k}");
        assert!(
            (node.value - sk.value[k]).abs() <= 1e-8 * sk.value[k].abs(),
            "node {k}: {} vs {}",
            node.value,
            sk.value[k]
        );
        match &node.split {
            Some(s) => {
                assert_eq!(s.feature_index as i64, sk.feature[k], "node {k}");
                assert_eq!(s.threshold, sk.threshold[k], "node {k}");
            }
            None => assert_eq!(sk.feature[k], -2, "node {k} should split"),
        }
    }
    for imp in &r.importances {
        let j = ["tv", "search", "promo"]
            .iter()
            .position(|f| *f == imp.feature)
            .unwrap();
        assert!((imp.importance - sk.importances[j]).abs() < 1e-8, "{imp:?}");
    }
    assert!((r.r2_train - sk.r2).abs() < 1e-8, "{}", r.r2_train);
}

#[test]
fn same_tree_as_scikit_learn() {
    // sklearn 1.9.1, max_depth=3, min_samples_split=10, min_samples_leaf=5 (our defaults).
    check(
        &TreeParams::default(),
        &Sk {
            feature: &[1, 1, -2, 0, -2, -2, 0, 1, -2, -2, 1, -2, -2],
            threshold: &[
                245.0, 45.0, -2.0, 430.0, -2.0, -2.0, 560.0, 340.0, -2.0, -2.0, 335.0, -2.0, -2.0,
            ],
            samples: &[60, 34, 8, 26, 10, 16, 26, 15, 8, 7, 11, 5, 6],
            value: &[
                1270.85, 1072.73529, 784.4375, 1161.44231, 1010.55, 1255.75, 1529.92308,
                1418.86667, 1325.375, 1525.71429, 1681.36364, 1565.3, 1778.08333,
            ],
            importances: [0.16050082, 0.83949918, 0.0],
            r2: 0.85229918,
        },
    );
    // max_depth=4, min_samples_split=2, min_samples_leaf=1 (sklearn's own defaults but depth).
    check(
        &TreeParams {
            max_depth: 4,
            min_samples_split: 2,
            min_samples_leaf: 1,
            ..TreeParams::default()
        },
        &Sk {
            feature: &[
                1, 1, 0, 1, -2, -2, 0, -2, -2, 0, 1, -2, -2, 1, -2, -2, 0, 1, 1, -2, -2, 0, -2, -2,
                1, 0, -2, -2, 2, -2, -2,
            ],
            threshold: &[
                245.0, 45.0, 585.0, 25.0, -2.0, -2.0, 865.0, -2.0, -2.0, 430.0, 190.0, -2.0, -2.0,
                207.5, -2.0, -2.0, 560.0, 410.0, 340.0, -2.0, -2.0, 245.0, -2.0, -2.0, 335.0,
                645.0, -2.0, -2.0, 2.5, -2.0, -2.0,
            ],
            samples: &[
                60, 34, 8, 5, 2, 3, 3, 2, 1, 26, 10, 6, 4, 16, 15, 1, 26, 15, 13, 8, 5, 2, 1, 1,
                11, 5, 1, 4, 6, 2, 4,
            ],
            value: &[
                1270.85, 1072.73529, 784.4375, 672.3, 573.5, 738.166667, 971.333333, 1001.25,
                911.5, 1161.44231, 1010.55, 917.083333, 1150.75, 1255.75, 1237.3, 1532.5,
                1529.92308, 1418.86667, 1371.88462, 1325.375, 1446.3, 1724.25, 1728.0, 1720.5,
                1681.36364, 1565.3, 1769.5, 1514.25, 1778.08333, 1684.75, 1824.75,
            ],
            importances: [0.183168073, 0.812195593, 0.00463633411],
            r2: 0.955150785,
        },
    );
}

#[test]
fn rules_in_words_and_validation() {
    let r = tree::run(&data(), &TreeParams::default()).unwrap();
    // The best leaf: search > 245 and tv > 560 and search > 335 (mean 1778.08, 6 periods).
    let top = &r.leaves[0];
    assert_eq!(top.samples, 6);
    assert_eq!(top.rule.en(), "search > 335 and tv > 560");
    assert!(r.text.starts_with("|--- search <= 245\n"), "{}", r.text);
    assert!(r.summary.en().contains("search"), "{}", r.summary);
    assert!(r.r2_cv.is_some());
    let bad = TreeParams {
        max_depth: 0,
        ..TreeParams::default()
    };
    assert!(tree::run(&data(), &bad)
        .unwrap_err()
        .to_string()
        .contains("max_depth"));
}
