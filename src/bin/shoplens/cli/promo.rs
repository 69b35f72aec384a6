//! `shoplens promo FILE (--flag-column NAME | --from DATE --to DATE) [--sku SKU,…] [--weekly]
//! [--units-column NAME] [--revenue-column NAME] [--date-column NAME] [--json] [--out FILE]`
//!
//! Promotion lift: incremental units and revenue of the promoted periods against a baseline
//! (trend + yearly Fourier + day of week) fitted on the other periods, with prediction
//! intervals. With `--flag-column`, FILE is a table (date, units, revenue, flag). With
//! `--from/--to` alone, FILE is an order-line file (units and revenue per day, or per week
//! with `--weekly`); a table with a date column is used when it cannot be imported as orders.
//! Prints a summary, the full report with `--json`; `--out` writes the report as JSON (`.json`)
//! or the per-period series as CSV (date,promo,units,units_baseline,units_low,units_high,
//! revenue,revenue_baseline).

use shoplens::analytics::marketing::promo::{
    self, PromoInput, PromoParams, PromoReport, PromoSpec,
};
use shoplens::analytics::marketing::table::Table;
use shoplens::data::dates::days_from_civil;
use shoplens::data::{import_paths, ImportOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Order-line file, or a table with a date column.
    pub file: std::path::PathBuf,
    /// Promotion flag column of a table (non-zero = promoted).
    #[arg(long, required_unless_present = "from", conflicts_with_all = ["from", "to"])]
    pub flag_column: Option<String>,
    /// First promoted day (YYYY-MM-DD).
    #[arg(long, requires = "to")]
    pub from: Option<String>,
    /// Last promoted day (YYYY-MM-DD, inclusive).
    #[arg(long, requires = "from")]
    pub to: Option<String>,
    /// Only these SKUs/products (order lines).
    #[arg(long, value_delimiter = ',')]
    pub sku: Option<Vec<String>>,
    /// Weekly periods instead of daily (order lines).
    #[arg(long)]
    pub weekly: bool,
    #[arg(long)]
    pub units_column: Option<String>,
    #[arg(long)]
    pub revenue_column: Option<String>,
    #[arg(long)]
    pub date_column: Option<String>,
    /// Confidence level of the intervals.
    #[arg(long, default_value_t = 0.95)]
    pub confidence: f64,
    /// Print the full report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the report: JSON when the name ends in .json, else the per-period series as CSV.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

fn parse_day(s: &str) -> Result<i64, String> {
    let err = || format!("'{s}': expected a date YYYY-MM-DD");
    let mut it = s.trim().splitn(3, '-');
    let y: i64 = it.next().ok_or_else(err)?.parse().map_err(|_| err())?;
    let m: u32 = it.next().ok_or_else(err)?.parse().map_err(|_| err())?;
    let d: u32 = it.next().ok_or_else(err)?.parse().map_err(|_| err())?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(err());
    }
    Ok(days_from_civil(y, m, d))
}

fn to_csv(r: &PromoReport) -> String {
    let mut s = String::from(
        "date,promo,units,units_baseline,units_low,units_high,revenue,revenue_baseline\n",
    );
    let o = |v: Option<f64>| v.map_or(String::new(), |x| format!("{x}"));
    for row in &r.series {
        s.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            row.date,
            u8::from(row.promo),
            row.units,
            row.units_baseline,
            row.units_low,
            row.units_high,
            o(row.revenue),
            o(row.revenue_baseline)
        ));
    }
    s
}

pub fn run(args: Args) -> Result<(), String> {
    let range = match (&args.from, &args.to) {
        (Some(a), Some(b)) => Some((parse_day(a)?, parse_day(b)?)),
        _ => None,
    };
    let spec = PromoSpec {
        date_column: args.date_column.clone(),
        units_column: args.units_column.clone(),
        revenue_column: args.revenue_column.clone(),
        flag_column: args.flag_column.clone(),
        range,
    };
    let input = match range {
        Some((from, to)) if args.flag_column.is_none() => {
            match import_paths(std::slice::from_ref(&args.file), &ImportOptions::default()) {
                Ok(data) if !data.lines.is_empty() => PromoInput::from_orders(
                    &data,
                    from,
                    to,
                    args.sku.as_deref(),
                    if args.weekly { 7 } else { 1 },
                )
                .map_err(|e| e.to_string())?,
                _ => {
                    let t = Table::from_path(&args.file).map_err(|e| e.to_string())?;
                    PromoInput::from_table(&t, &spec).map_err(|e| e.to_string())?
                }
            }
        }
        _ => {
            let t = Table::from_path(&args.file).map_err(|e| e.to_string())?;
            PromoInput::from_table(&t, &spec).map_err(|e| e.to_string())?
        }
    };
    let params = PromoParams {
        confidence: args.confidence,
        ..PromoParams::default()
    };
    let r = promo::run(&input, &params).map_err(|e| e.to_string())?;
    if let Some(out) = &args.out {
        super::write_out(out, &r, || to_csv(&r))?;
    }
    if args.json {
        println!("{}", super::json(&r)?);
        return Ok(());
    }
    println!(
        "Promotion lift ({}): {} periods, {} promoted, baseline R² {:.3}.",
        r.label, r.periods, r.promo_periods, r.baseline_r2
    );
    let ci = format!("{:.0}% CI", 100.0 * r.confidence);
    println!(
        "{:<25} {:>8} {:>14} {:>14} {:>14} {:>9} {:>26}",
        "promotion", "periods", "actual", "baseline", "incremental", "lift", ci
    );
    let line = |name: &str, periods: usize, l: &promo::LiftEstimate| {
        println!(
            "{:<25} {:>8} {:>14.1} {:>14.1} {:>+14.1} {:>+8.1}% {:>26}",
            name,
            periods,
            l.actual,
            l.baseline,
            l.incremental,
            l.lift_pct,
            format!("[{:+.1}, {:+.1}]", l.ci_low, l.ci_high)
        )
    };
    line("all (units)", r.promo_periods, &r.units);
    if let Some(rev) = &r.revenue {
        line("all (revenue)", r.promo_periods, rev);
    }
    for e in &r.episodes {
        line(&format!("{}..{} units", e.from, e.to), e.periods, &e.units);
        if let Some(rev) = &e.revenue {
            line(&format!("{}..{} revenue", e.from, e.to), e.periods, rev);
        }
    }
    for n in &r.notes {
        println!("Note: {n}");
    }
    if let Some(out) = &args.out {
        println!("Report written to {}", out.display());
    }
    Ok(())
}
