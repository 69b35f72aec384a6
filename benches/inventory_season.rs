//! Rolling-origin check of the inventory's season factor (`inventory::season`) on a daily
//! order file: from every seventh day with a year and four weeks behind it, each product's
//! units over the next `L` days forecast from its demand level alone and × its season factor,
//! against what it sold, and × the factor only where the shop's backtest on the days before
//! lets it be used (`season::assess`, what the Inventory page does). Prints the mean absolute
//! error and bias of each.
//!
//!     cargo bench --bench inventory_season -- [FILE] [LEAD_DAYS]
//!
//! FILE defaults to the Groceries file of `../shared/data` (two years of daily sales), L to 14.
use shoplens::analytics::forecast::series::{aggregate, Freq, Level, Measure};
use shoplens::analytics::inventory::{demand, season};
use shoplens::data::{import_paths, ImportOptions};

fn main() {
    // `cargo bench` passes "--bench" first.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let path = args.first().cloned().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/groceries_basket/Groceries_dataset.csv"
        )
        .to_string()
    });
    let lead: usize = args.get(1).map_or(14, |s| s.parse().expect("LEAD_DAYS"));
    let d = import_paths(&[path.into()], &ImportOptions::default()).unwrap();
    let series = aggregate(&d.lines, Level::Sku, Freq::Day, Measure::Units, None).series;
    let t = series.iter().map(|s| s.values.len()).max().unwrap();
    let mut total = vec![0.0; t];
    for s in &series {
        let off = t - s.values.len();
        for (k, v) in s.values.iter().enumerate() {
            total[off + k] += v;
        }
    }
    let (mut e0, mut e1, mut b0, mut b1, mut act, mut n) = (0.0, 0.0, 0.0, 0.0, 0.0, 0);
    let (mut se0, mut se1) = (0.0, 0.0);
    let (mut eg, mut applied, mut origins) = (0.0, 0, 0);
    let mut origin = season::YEAR_DAYS + season::WINDOW_DAYS;
    while origin + lead <= t {
        let shop = season::shop(&total[..origin], lead);
        let gate = matches!(
            season::assess(&total[..origin], lead),
            season::Verdict::Applied(_)
        );
        applied += usize::from(gate);
        origins += 1;
        let (mut s0, mut s1, mut sa) = (0.0, 0.0, 0.0);
        for s in &series {
            let off = t - s.values.len();
            if origin <= off + 28 {
                continue;
            }
            let y = &s.values[..origin - off];
            let level = demand::fit(y).mean;
            let f = shop.map_or(1.0, |sh| season::product(y, origin, &sh));
            let actual: f64 = s.values[origin - off..origin - off + lead].iter().sum();
            let p0 = level * lead as f64;
            let p1 = p0 * f;
            e0 += (p0 - actual).abs();
            e1 += (p1 - actual).abs();
            eg += (if gate { p1 } else { p0 } - actual).abs();
            b0 += p0 - actual;
            b1 += p1 - actual;
            act += actual;
            s0 += p0;
            s1 += p1;
            sa += actual;
            n += 1;
        }
        se0 += (s0 - sa).abs();
        se1 += (s1 - sa).abs();
        origin += 7;
    }
    println!(
        "gated: used at {applied} of {origins} origins, MAE {:.4} (ratio {:.4})",
        eg / n as f64,
        eg / e0
    );
    println!(
        "{n} product-origins; MAE without season {:.4}, with {:.4} (ratio {:.4}); bias {:.4} vs {:.4} per product; mean actual {:.4}; whole-shop abs error of the sum {:.1} vs {:.1}",
        e0 / n as f64, e1 / n as f64, e1 / e0, b0 / n as f64, b1 / n as f64, act / n as f64, se0, se1
    );
}
