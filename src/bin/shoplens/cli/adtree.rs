//! `shoplens adtree SPEND.csv [--orders ORDERS.csv | --revenue-column NAME] [--channels COL,…]
//! [--controls COL,…] [--max-depth N] [--min-leaf N] [--json] [--out FILE]`
//!
//! A CART regression tree of revenue on spend per channel and controls (same spend-file
//! recognition as `shoplens mmm`): prints the tree as indented rules, the feature importances
//! and the fit; `--json` prints the full report, `--out` writes it as JSON.

use shoplens::analytics::marketing::mmm::{MmmInput, SpendSpec};
use shoplens::analytics::marketing::table::Table;
use shoplens::analytics::marketing::tree::{self, TreeInput, TreeParams};
use shoplens::data::{import_paths, ImportOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Spend file: a date column and one spend column per channel (or long date,channel,spend).
    pub spend: std::path::PathBuf,
    /// Order files whose revenue is summed per period.
    #[arg(long, conflicts_with = "revenue_column", num_args = 1..)]
    pub orders: Vec<std::path::PathBuf>,
    /// Revenue column of the spend file.
    #[arg(long)]
    pub revenue_column: Option<String>,
    /// Spend columns (default: columns named spend_*, *_spend, *_cost).
    #[arg(long, value_delimiter = ',')]
    pub channels: Option<Vec<String>>,
    /// Control columns (default: the other numeric columns, calendar parts excluded).
    #[arg(long, value_delimiter = ',')]
    pub controls: Option<Vec<String>>,
    /// Date column (default: recognised by name and content).
    #[arg(long)]
    pub date_column: Option<String>,
    #[arg(long, default_value_t = 3)]
    pub max_depth: usize,
    /// Fewest periods in a leaf.
    #[arg(long, default_value_t = 5)]
    pub min_leaf: usize,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Print the full report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the full report as JSON.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> Result<(), String> {
    let table = Table::from_path(&args.spend).map_err(|e| e.to_string())?;
    let orders = if args.orders.is_empty() {
        None
    } else {
        Some(import_paths(&args.orders, &ImportOptions::default()).map_err(|e| e.to_string())?)
    };
    let spec = SpendSpec {
        date_column: args.date_column,
        revenue_column: args.revenue_column,
        channels: args.channels,
        controls: args.controls,
    };
    let input = MmmInput::from_table(&table, &spec, orders.as_ref().map(|d| &d.lines))
        .map_err(|e| e.to_string())?;
    let params = TreeParams {
        max_depth: args.max_depth,
        min_samples_leaf: args.min_leaf,
        min_samples_split: (2 * args.min_leaf).max(2),
        seed: args.seed,
        ..TreeParams::default()
    };
    let r = tree::run(&TreeInput::from_mmm(&input), &params).map_err(|e| e.to_string())?;
    let json = serde_json::to_string_pretty(&r).map_err(|e| e.to_string())?;
    if let Some(out) = &args.out {
        std::fs::write(out, &json).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    if args.json {
        println!("{json}");
        return Ok(());
    }
    println!(
        "Regression tree of {} on {} periods: R² {:.3} (fitted), {} (cross-validated).",
        r.target,
        r.rows,
        r.r2_train,
        r.r2_cv.map_or("-".into(), |v| format!("{v:.3}"))
    );
    print!("{}", r.text);
    println!("{:<24} {:>10}", "feature", "importance");
    for i in &r.importances {
        println!("{:<24} {:>10.3}", i.feature, i.importance);
    }
    println!("{}", r.summary);
    if let Some(out) = &args.out {
        println!("Report written to {}", out.display());
    }
    Ok(())
}
