//! Import benchmark: the full UCI Online Retail file (gzip, 541,909 rows), median of N runs.
//! Run: `cargo bench --bench import` (release profile). Peer: `python3 benches/pandas_import.py`.

use shoplens::data::{import_bytes, ImportOptions};
use std::time::Instant;

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
        .unwrap_or(9);
    let mut times = Vec::with_capacity(runs);
    let mut kept = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let ds = import_bytes("online_retail.csv.gz", &bytes, &ImportOptions::default())
            .expect("import");
        times.push(t.elapsed().as_secs_f64());
        kept = ds.report.kept_rows;
    }
    times.sort_by(f64::total_cmp);
    println!(
        "import UCI (gzip {} bytes, {} kept lines): median {:.3} s over {runs} runs (min {:.3}, max {:.3})",
        bytes.len(),
        kept,
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
}
