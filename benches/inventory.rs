//! Inventory benchmark: the full plan for every Online Retail SKU (≈3,900: demand models,
//! simulated lead-time demand, reorder points, EOQ, status, simulation check, trade-off curve,
//! projections and the budget-constrained LP), median of N runs; the import is not timed.
//! Run: `cargo bench --bench inventory` (release profile). Peer loop: `benches/inventory_stockpyl.py`.

use shoplens::analytics::inventory::{self, policy, InventoryInput, InventoryParams};
use shoplens::data::{import_paths, ImportOptions};
use std::time::Instant;

fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/online_retail_uci/online_retail.csv.gz");
    let data = match import_paths(std::slice::from_ref(&path), &ImportOptions::default()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("skipping: {}: {e}", path.display());
            return;
        }
    };
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let params = InventoryParams {
        budget: Some(20_000.0),
        capacity_units: Some(50_000.0),
        ..InventoryParams::default()
    };
    let mut times = Vec::with_capacity(runs);
    let mut skus = 0;
    let mut plan_lines = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let r = inventory::run(&InventoryInput::new(&data), &params).expect("run");
        times.push(t.elapsed().as_secs_f64());
        skus = r.skus.len();
        plan_lines = r.plan.map_or(0, |p| p.lines.len());
    }
    times.sort_by(f64::total_cmp);
    // the peer-comparable part: EOQ + normal newsvendor per SKU (same loop as the Python script)
    let n = 3900;
    let mut loop_times = Vec::with_capacity(runs);
    let mut acc = 0.0;
    for _ in 0..runs {
        let t = Instant::now();
        acc = 0.0;
        for i in 0..n {
            let d = 100.0 + i as f64;
            let q = policy::eoq(20.0, 0.25 * (1.0 + (i % 50) as f64), d).expect("eoq");
            let (s, _) = policy::newsvendor_normal(2.0, 18.0, d / 12.0, 1.0 + (i % 7) as f64)
                .expect("newsvendor");
            acc += q.quantity + s;
        }
        loop_times.push(t.elapsed().as_secs_f64());
    }
    loop_times.sort_by(f64::total_cmp);
    println!(
        "EOQ + newsvendor_normal, {n} SKUs: median {:.3} ms over {runs} runs (checksum {acc:.3})",
        1000.0 * loop_times[runs / 2]
    );
    println!(
        "inventory Online Retail ({skus} SKUs, {plan_lines} plan lines, budget 20,000, capacity 50,000): median {:.3} s over {runs} runs (min {:.3}, max {:.3})",
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
}
