//! `shoplens responders ORDERS --from DATE --to DATE [--max-depth 3] [--min-group 30] [--json]
//! [--out groups.csv]`
//!
//! Which customer groups bought during a promotion: a CART tree of "ordered between --from and
//! --to" on the customers' features before --from (days since last order, orders, revenue,
//! days since first order, units per order, return rate). Prints the summary and the tree;
//! `--json` prints the report; `--out` writes the groups as CSV
//! (`group,customers,response_rate,lift`).

use shoplens::analytics::marketing::responders::{self, RespondersParams};
use shoplens::data::ImportOptions;
use shoplens::export::csv_cell;

#[derive(clap::Args)]
pub struct Args {
    /// Order-line file(s).
    #[arg(required = true)]
    pub orders: Vec<std::path::PathBuf>,
    /// First day of the promotion (YYYY-MM-DD).
    #[arg(long)]
    pub from: String,
    /// Last day of the promotion (YYYY-MM-DD, inclusive).
    #[arg(long)]
    pub to: String,
    /// Levels of the tree (1..=6).
    #[arg(long, default_value_t = 3)]
    pub max_depth: usize,
    /// Smallest customer group.
    #[arg(long, default_value_t = 30)]
    pub min_group: usize,
    /// Print the full report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the groups as CSV.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

fn day(s: &str) -> Result<i64, String> {
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{s}': expected a date YYYY-MM-DD"))?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).ok_or("bad epoch")?;
    Ok((d - epoch).num_days())
}

pub fn run(args: Args) -> Result<(), String> {
    let params = RespondersParams {
        max_depth: args.max_depth,
        min_group: args.min_group,
        ..RespondersParams::new(day(&args.from)?, day(&args.to)?)
    };
    let data = super::import_orders(&args.orders, &ImportOptions::default())?;
    let r = responders::run(&data, &params).map_err(|e| e.to_string())?;
    if let Some(path) = &args.out {
        let mut out = String::from("group,customers,response_rate,lift\n");
        for g in &r.groups {
            out += &format!(
                "{},{},{:.6},{:.4}\n",
                csv_cell(&g.rule.en()),
                g.customers,
                g.response_rate,
                g.lift
            );
        }
        std::fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if args.json {
        println!("{}", super::json(&r)?);
    } else {
        println!("{}\n\n{}", r.summary, r.tree.text);
    }
    Ok(())
}
