//! `shoplens adtree SPEND.csv [--orders ORDERS.csv | --revenue-column NAME] [--channels COL,…]
//! [--controls COL,…] [--max-depth N] [--min-leaf N] [--json] [--out FILE]`
//!
//! A CART regression tree of revenue on spend per channel and controls (same spend-file
//! recognition as `shoplens mmm`): prints the tree as indented rules, the feature importances
//! and the fit; `--json` prints the full report, `--out` writes it as JSON.

use shoplens::analytics::marketing::tree::{self, TreeInput, TreeParams};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub spend: super::mmm::SpendArgs,
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
    let input = args.spend.input()?;
    let params = TreeParams {
        max_depth: args.max_depth,
        min_samples_leaf: args.min_leaf,
        min_samples_split: (2 * args.min_leaf).max(2),
        seed: args.seed,
        ..TreeParams::default()
    };
    let r = tree::run(&TreeInput::from_mmm(&input), &params).map_err(|e| e.to_string())?;
    let json = super::json(&r)?;
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
