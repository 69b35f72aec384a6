//! Property tests of the customers pillar.

use proptest::prelude::*;
use shoplens::analytics::customers::bgnbd::BgNbdParams;
use shoplens::analytics::customers::{kmeans, rfm};

proptest! {
    #[test]
    fn quintile_scores_in_range(v in prop::collection::vec(-1e6f64..1e6, 1..300), asc in any::<bool>()) {
        let s = rfm::quintile_scores(&v, asc);
        prop_assert_eq!(s.len(), v.len());
        prop_assert!(s.iter().all(|&x| (1..=5).contains(&x)));
        // Equal-sized groups (±1) whatever the ties.
        for k in 1..=5u8 {
            let n = s.iter().filter(|&&x| x == k).count() as f64;
            prop_assert!((n - v.len() as f64 / 5.0).abs() <= 1.0);
        }
    }

    #[test]
    fn p_alive_in_unit_interval(
        lr in -5f64..5.0, la in -5f64..8.0, lpa in -10f64..5.0, lpb in -5f64..10.0,
        x in 0u32..200, tx_frac in 0f64..1.0, t in 0f64..200.0, h in 0f64..104.0,
    ) {
        let p = BgNbdParams { r: lr.exp(), alpha: la.exp(), a: lpa.exp(), b: lpb.exp() };
        let tx = t * tx_frac;
        let pa = p.p_alive(x, tx, t);
        prop_assert!((0.0..=1.0).contains(&pa), "{}", pa);
        if let Ok(e) = p.expected(x, tx, t, h) {
            prop_assert!(e >= 0.0 && e.is_finite());
        }
        // P(no purchase in h) is a probability, 1 − P(alive) ≤ it, and it never rises with h.
        let p0 = p.p_no_purchase(x, tx, t, h);
        prop_assert!((0.0..=1.0).contains(&p0), "{}", p0);
        prop_assert!(p0 >= 1.0 - pa - 1e-12, "{} {}", p0, pa);
        prop_assert!(p.p_no_purchase(x, tx, t, h + 1.0) <= p0 + 1e-12);
    }

    #[test]
    fn inertia_never_increases(
        pts in prop::collection::vec((-10f64..10.0, -10f64..10.0, -10f64..10.0), 10..200),
        k in 1usize..6, seed in any::<u64>(),
    ) {
        let x: Vec<f64> = pts.iter().flat_map(|p| [p.0, p.1, p.2]).collect();
        let n = pts.len();
        // Arbitrary (bad) initial centres: the first k points.
        let c = x[..k * 3].to_vec();
        let f = kmeans::fit_from(&x, 3, c, &kmeans::KMeansParams { k, n_init: 1, seed, ..Default::default() }).unwrap();
        for w in f.inertia_trace.windows(2) {
            prop_assert!(w[1] <= w[0] * (1.0 + 1e-12) + 1e-12, "{:?}", f.inertia_trace);
        }
        prop_assert_eq!(f.labels.len(), n);
        let g = kmeans::fit(&x, 3, &kmeans::KMeansParams { k, n_init: 2, seed, ..Default::default() }).unwrap();
        for w in g.inertia_trace.windows(2) {
            prop_assert!(w[1] <= w[0] * (1.0 + 1e-12) + 1e-12);
        }
    }
}
