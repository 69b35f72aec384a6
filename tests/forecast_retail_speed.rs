//! All-SKU weekly forecasting on UCI Online Retail: timings for BENCHMARKS.md (ignored; prints,
//! asserts only the shape of the result — speed is not asserted):
//! `cargo test --release --test forecast_retail_speed -- --ignored --nocapture`.
use shoplens::analytics::forecast::series::{Freq, Level};
use shoplens::analytics::forecast::{run_with_progress, ForecastParams, TableMode};
use shoplens::data::{import_paths, ImportOptions};
use std::collections::BTreeMap;

#[test]
#[ignore]
fn all_skus_weekly_timings() {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/online_retail_uci/online_retail.csv.gz");
    let data = import_paths(&[p], &ImportOptions::default()).expect("import");
    let modes: Vec<(&str, TableMode, Option<usize>)> = match std::env::var("MODES").as_deref() {
        Ok("fast") => vec![("fast, detail 20", TableMode::Fast, Some(20))],
        _ => vec![
            ("fast, detail 20", TableMode::Fast, Some(20)),
            ("full", TableMode::Full, Some(20)),
        ],
    };
    for (name, mode, detail) in modes {
        let params = ForecastParams {
            level: Level::Sku,
            freq: Freq::Week,
            horizon: 12,
            detail_limit: detail,
            table_mode: mode,
            ..ForecastParams::default()
        };
        let t = std::time::Instant::now();
        let mut last = (0, 0);
        let rep = run_with_progress(&data, &params, &mut |d, n| last = (d, n)).expect("run");
        let dt = t.elapsed().as_secs_f64();
        let mut models: BTreeMap<String, usize> = BTreeMap::new();
        for r in &rep.table {
            let key = r.model.split('(').next().unwrap_or("").to_string();
            *models.entry(key).or_default() += 1;
        }
        eprintln!(
            "{name}: {} series ({} detailed) in {dt:.1} s; models {models:?}",
            rep.table.len(),
            rep.series.len()
        );
        assert_eq!(last.0, last.1);
        assert!(rep.table.len() > 3000, "{}", rep.table.len());
        assert!(rep.table.iter().all(|r| r.next_period.is_finite()));
    }
}
