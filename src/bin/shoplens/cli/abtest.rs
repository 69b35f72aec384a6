//! `shoplens abtest FILE --variant-column NAME --metric NAME [--control VALUE] [--json]`
//!
//! Metric columns holding True/False/0/1/yes/no are conversions; other numeric columns are
//! continuous (Welch t-test + bootstrap). A summary file with one row per variant and a
//! visitors/users column is read as counts (the metric is the count of converted units).
//! Prints a table by default, the full report with `--json`.

use shoplens::analytics::marketing::abtest::{self, AbInput, AbParams};
use shoplens::analytics::marketing::experiment;
use shoplens::analytics::marketing::table::Table;

#[derive(clap::Args)]
pub struct Args {
    /// Experiment file: one row per unit, or one row per variant with a visitors/users column
    /// and conversion counts (CSV, optionally .csv.gz).
    pub file: std::path::PathBuf,
    /// Column holding the variant of each unit.
    #[arg(long)]
    pub variant_column: String,
    /// Metric column (True/False/0/1/yes/no = conversion, numbers = continuous).
    #[arg(long)]
    pub metric: String,
    /// Control variant (default: a variant named control/baseline/a, else the first in the file).
    #[arg(long)]
    pub control: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Significance level.
    #[arg(long, default_value_t = 0.05)]
    pub alpha: f64,
    /// Relative minimum detectable effect for the sample-size calculator.
    #[arg(long, default_value_t = 0.05)]
    pub mde: f64,
    /// Units entering the test per day, for the duration estimate.
    #[arg(long)]
    pub daily_units: Option<f64>,
    /// Intended split, comma-separated weights in variant order (default: equal).
    #[arg(long, value_delimiter = ',')]
    pub split: Option<Vec<f64>>,
    /// Seed for the bootstrap and Monte Carlo draws.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

pub fn run(args: Args) -> Result<(), String> {
    let table = Table::from_path(&args.file).map_err(|e| e.to_string())?;
    // A summary (one row per variant with a visitors/users column) is read as counts.
    let vj = table
        .column_index(&args.variant_column)
        .map_err(|e| e.to_string())?;
    let input = match experiment::summary_units_column(&table, vj) {
        Some(uj) => {
            let mj = table
                .column_index(&args.metric)
                .map_err(|e| e.to_string())?;
            // The page's sentence (experiment::run says it in its notes).
            eprintln!(
                "{}",
                shoplens::text::Text::new("mkt.exp.summary")
                    .str("file", table.file.clone())
                    .str("units", table.headers[uj].clone())
                    .en()
            );
            experiment::counts_input(&table, vj, uj, mj).map_err(|e| e.to_string())?
        }
        None => AbInput::from_table(&table, &args.variant_column, &args.metric)
            .map_err(|e| e.to_string())?,
    };
    let params = AbParams {
        control: args.control,
        alpha: args.alpha,
        mde_relative: args.mde,
        daily_units: args.daily_units,
        intended_split: args.split,
        seed: args.seed,
        ..AbParams::default()
    };
    let r = abtest::run(&input, &params).map_err(|e| e.to_string())?;
    if args.json {
        let s = super::json(&r)?;
        println!("{s}");
        return Ok(());
    }
    let conv = r.kind == abtest::MetricKind::Conversion;
    println!(
        "A/B test on '{}' ({}), control {}",
        r.metric,
        if conv { "conversion" } else { "continuous" },
        r.control
    );
    println!();
    println!(
        "{:<16} {:>10} {:>12} {:>12} {:>10} {:>10}",
        "variant",
        "units",
        if conv { "conversions" } else { "" },
        if conv { "rate" } else { "mean" },
        if conv { "P(best)" } else { "sd" },
        if conv { "exp.loss" } else { "" }
    );
    for (i, v) in r.variants.iter().enumerate() {
        let (c, m, a, b) = if conv {
            let bv = r.bayes.as_ref().and_then(|b| b.variants.get(i));
            (
                v.conversions.map(|c| c.to_string()).unwrap_or_default(),
                format!("{:.2}%", 100.0 * v.mean),
                bv.map(|b| format!("{:.4}", b.prob_best))
                    .unwrap_or_default(),
                bv.map(|b| format!("{:.5}", b.expected_loss))
                    .unwrap_or_default(),
            )
        } else {
            (
                String::new(),
                format!("{:.4}", v.mean),
                format!("{:.4}", v.sd),
                String::new(),
            )
        };
        println!(
            "{:<16} {:>10} {:>12} {:>12} {:>10} {:>10}",
            v.name, v.units, c, m, a, b
        );
    }
    println!();
    let level = 100.0 * (1.0 - r.params.alpha);
    for c in &r.comparisons {
        let pct = |x: f64| {
            if conv {
                format!("{:+.3} pts", 100.0 * x)
            } else {
                format!("{x:+.4}")
            }
        };
        println!("{} vs {} ({})", c.variant, c.control, c.test);
        println!(
            "  difference {}  {level:.0}% CI [{}, {}]",
            pct(c.difference),
            pct(c.difference_ci.0),
            pct(c.difference_ci.1)
        );
        println!(
            "  relative lift {:+.2}%  CI [{:+.2}%, {:+.2}%]",
            100.0 * c.relative_lift,
            100.0 * c.relative_lift_ci.0,
            100.0 * c.relative_lift_ci.1
        );
        match c.df {
            Some(df) => println!(
                "  t = {:.3}, df = {df:.1}, p = {:.5}",
                c.statistic, c.p_value
            ),
            None => println!("  z = {:.3}, p = {:.5}", c.statistic, c.p_value),
        }
        if let Some((a, b)) = c.bootstrap_ci {
            println!("  bootstrap {level:.0}% CI [{}, {}]", pct(a), pct(b));
        }
        println!("  {}", c.explain);
    }
    println!();
    println!("Sample ratio: {}", r.srm.explain);
    println!("Sample size: {}", r.sample_size.explain);
    if let Some(b) = &r.bayes {
        println!("Bayesian: {}", b.explain);
    }
    if r.skipped_rows > 0 {
        println!(
            "{} row(s) skipped (empty variant or metric).",
            r.skipped_rows
        );
    }
    Ok(())
}
