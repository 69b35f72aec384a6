//! Customers benchmark (issue 3): the steps of `benches/customers_peer.py` (pandas +
//! scikit-learn + lifetimes) on the full UCI Online Retail file, timed one by one (median of N
//! runs, `RUNS`, default 3). Run: `cargo bench --bench customers` (release profile).

use shoplens::analytics::customers::{bgnbd, cluster_rfm, clv, gamma_gamma, history, rfm};
use shoplens::analytics::customers::{ClvParams, CustomersParams};
use shoplens::data::{import_bytes, ImportOptions};
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/online_retail_uci/online_retail.csv.gz");
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("skipping: {}: {e}", path.display());
            return;
        }
    };
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let names = [
        "import (read + clean)",
        "histories + RFM + scores",
        "k-means k=4 n_init=10",
        "BG/NBD plain fit (full history)",
        "calibration summary + BG/NBD plain fit",
        "Gamma-Gamma fit",
        "clv() with boundary check + penalty selection",
        "customers::run (everything, k=4)",
    ];
    let mut times = vec![Vec::new(); names.len()];
    for _ in 0..runs {
        let mut lap = Instant::now();
        let mut mark = |i: usize, times: &mut Vec<Vec<f64>>| {
            times[i].push(lap.elapsed().as_secs_f64());
            lap = Instant::now();
        };
        let ds = import_bytes("online_retail.csv.gz", &bytes, &ImportOptions::default())
            .expect("import");
        mark(0, &mut times);
        let hist = history::histories(&ds.lines, None);
        let last = history::last_day(&ds.lines).expect("data");
        let mut rows = rfm::compute(&ds.lines, &hist, last + 1, rfm::Measure::Revenue);
        mark(1, &mut times);
        let km = cluster_rfm(&mut rows, Some(4), 10, 0, rfm::Measure::Revenue).expect("k-means");
        mark(2, &mut times);
        let full = bgnbd::summarise(&hist, last, last);
        let f = bgnbd::fit(&full, 0.0).expect("fit");
        mark(3, &mut times);
        let cal_end = history::parse_day("cal", "2011-08-31").expect("date");
        let cal = bgnbd::summarise(&hist, cal_end, last);
        let fc = bgnbd::fit(&cal, 0.0).expect("fit");
        mark(4, &mut times);
        let gg = gamma_gamma::fit(&cal.iter().map(|r| (r.x, r.monetary)).collect::<Vec<_>>())
            .expect("gg");
        mark(5, &mut times);
        let c = clv(
            &ds,
            &ClvParams {
                calibration_end: Some("2011-08-31".into()),
                horizon_days: 100,
                ..Default::default()
            },
        )
        .expect("clv");
        mark(6, &mut times);
        let all = shoplens::analytics::customers::run(
            &ds,
            &CustomersParams {
                k: Some(4),
                ..Default::default()
            },
        )
        .expect("run");
        mark(7, &mut times);
        println!(
            "customers {} inertia {:.2}; BG/NBD full r {:.4} α {:.4} a {:.3e} b {:.3e}; \
             calibration {} customers, plain a {:.3e}; GG p {:.4} q {:.4} v {:.2}; \
             clv penalty {} holdout MAE {:.4} ratio {:.4}; run clusters {}",
            rows.len(),
            km.inertia,
            f.params.r,
            f.params.alpha,
            f.params.a,
            f.params.b,
            cal.len(),
            fc.params.a,
            gg.p,
            gg.q,
            gg.v,
            c.penalty,
            c.holdout.as_ref().map_or(f64::NAN, |h| h.model.mae),
            c.holdout.as_ref().map_or(f64::NAN, |h| h.model.sum_ratio),
            all.clusters.k
        );
    }
    for (n, t) in names.iter().zip(times) {
        println!("{n:48} median {:.3} s over {runs} runs", median(t));
    }
}
