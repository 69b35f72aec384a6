//! `shoplens mmm SPEND.csv [SPEND2.csv …] [--orders ORDERS.csv | --revenue-column NAME] [--channels COL,COL…]
//! [--controls COL,…] [--budget TOTAL --weeks N] --out mmm.json`
//!
//! Fits the media-mix model and writes the full report (fitted parameters, ROI and marginal ROI
//! per channel, decomposition, allocation) as JSON; prints a short summary.

use shoplens::analytics::marketing::mmm::{
    self, BudgetParams, ChannelBound, MmmInput, MmmParams, SpendSpec,
};
use shoplens::analytics::marketing::table::Table;
use shoplens::data::{require_prices, ImportOptions};
use shoplens::text::Text;

/// The spend file and where revenue comes from (shared by `mmm` and `adtree`).
#[derive(clap::Args)]
pub struct SpendArgs {
    /// Spend files: a date column and one spend column per channel (or long date,channel,spend,
    /// as Google Ads and Meta export it). Several files (one per ad platform) are read together.
    #[arg(required = true, num_args = 1..)]
    pub spend: Vec<std::path::PathBuf>,
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
}

impl SpendArgs {
    /// Read the spend file (and the orders, when given) into the model input.
    pub fn input(self) -> Result<MmmInput, String> {
        let tables = self
            .spend
            .iter()
            .map(|p| Table::from_path(p).map_err(|e| e.to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        let orders = if self.orders.is_empty() {
            None
        } else {
            let d = super::import_orders(&self.orders, &ImportOptions::default())?;
            require_prices(&d, Text::new("data.need.mmm_revenue")).map_err(|e| e.to_string())?;
            Some(d)
        };
        let spec = SpendSpec {
            date_column: self.date_column,
            revenue_column: self.revenue_column,
            channels: self.channels,
            controls: self.controls,
        };
        MmmInput::from_tables(&tables, &spec, orders.as_ref()).map_err(|e| e.to_string())
    }
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub spend: SpendArgs,
    /// Total budget for the next --weeks periods.
    #[arg(long, requires = "weeks")]
    pub budget: Option<f64>,
    /// Number of future periods the budget covers.
    #[arg(long, requires = "budget")]
    pub weeks: Option<u32>,
    /// Per-period spend bounds for the allocation, CHANNEL=MIN:MAX (repeatable).
    #[arg(long = "bound")]
    pub bounds: Vec<String>,
    /// Output JSON file.
    #[arg(long)]
    pub out: std::path::PathBuf,
    /// Hyperparameter search evaluations.
    #[arg(long, default_value_t = 1500)]
    pub trials: usize,
    /// Thorough fit: 6,000 search evaluations and 1,000 bootstrap refits (about 4× slower).
    #[arg(long)]
    pub thorough: bool,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

pub fn run(args: Args) -> Result<(), String> {
    let input = args.spend.input()?;
    let budget = match (args.budget, args.weeks) {
        (Some(total), Some(periods)) => Some(BudgetParams {
            total,
            periods,
            bounds: args
                .bounds
                .iter()
                .map(|b| ChannelBound::parse(b).map_err(|e| format!("--bound: {e}")))
                .collect::<Result<_, _>>()?,
        }),
        _ => None,
    };
    let params = MmmParams {
        seed: args.seed,
        trials: if args.thorough {
            args.trials.max(6000)
        } else {
            args.trials
        },
        bootstrap: if args.thorough { 1000 } else { 200 },
        budget,
        ..MmmParams::default()
    };
    let r = mmm::run(&input, &params).map_err(|e| e.to_string())?;
    let json = super::json(&r)?;
    std::fs::write(&args.out, json).map_err(|e| format!("{}: {e}", args.out.display()))?;
    println!(
        "Media-mix model: {} periods ({} to {}), {} channels. R² {:.3}, holdout R² {}, NRMSE {:.3}.",
        r.periods,
        r.date_from,
        r.date_to,
        r.channels.len(),
        r.fit.r2_train,
        r.fit.r2_holdout.map_or("-".into(), |v| format!("{v:.3}")),
        r.fit.nrmse_train
    );
    println!(
        "{:<24} {:>14} {:>8} {:>8} {:>20} {:>8} {:>6}",
        "channel", "spend", "share", "ROI", "ROI 90%", "mROI", "decay"
    );
    for c in &r.channels {
        println!(
            "{:<24} {:>14.0} {:>7.1}% {:>8} {:>20} {:>8} {:>6.2}",
            c.name,
            c.spend_total,
            100.0 * c.spend_share,
            c.roi.map_or("-".into(), |v| format!("{v:.2}")),
            c.roi_interval
                .map_or("-".into(), |(a, b)| format!("[{a:.2}, {b:.2}]")),
            c.marginal_roi.map_or("-".into(), |v| format!("{v:.2}")),
            c.decay
        );
    }
    for reason in &r.identification.reasons {
        println!("ROI withheld: {reason}");
    }
    for n in &r.notes {
        println!("Note: {n}");
    }
    if let Some(a) = &r.allocation {
        println!("Allocation: {}", a.explain);
    }
    println!("Report written to {}", args.out.display());
    Ok(())
}
