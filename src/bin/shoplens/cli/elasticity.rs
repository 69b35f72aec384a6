//! `shoplens elasticity FILE [--units-column NAME] [--price-column NAME] [--by COLUMN]
//! [--store-column NAME] [--flags COL,…] [--pooled] [--orders [--sku SKU,…]] [--json] [--out FILE]`
//!
//! Own-price elasticity per brand/product by a log-log regression with store fixed effects and
//! promotion flags as multiplicative lifts. FILE is a table (store × brand × week: units or log
//! units, price or `price1…priceK`, deal/feature flags), or with `--orders` an order-line file
//! aggregated to product × week. Prints a table, the full report with `--json`; `--out` writes
//! the report as JSON (`.json`) or the elasticity table as CSV (any other name).

use shoplens::analytics::marketing::elasticity::{
    self, ElasticityInput, ElasticityParams, ElasticityReport, ElasticitySpec,
};
use shoplens::analytics::marketing::table::Table;
use shoplens::data::ImportOptions;

#[derive(clap::Args)]
pub struct Args {
    /// Table of units and prices (or an order-line file with --orders).
    pub file: std::path::PathBuf,
    /// Units column (log units when the name starts with log/ln, e.g. logmove).
    #[arg(long)]
    pub units_column: Option<String>,
    /// Price column (log price when the name starts with log/ln).
    #[arg(long)]
    pub price_column: Option<String>,
    /// One elasticity per value of this column (default: brand/product/sku recognised by name).
    #[arg(long)]
    pub by: Option<String>,
    /// Store column for store fixed effects (default: store/retailer recognised by name).
    #[arg(long)]
    pub store_column: Option<String>,
    /// Promotion flag columns (default: deal, feat, feature, promo, display… by name).
    #[arg(long, value_delimiter = ',')]
    pub flags: Option<Vec<String>>,
    /// One common elasticity for all brands.
    #[arg(long)]
    pub pooled: bool,
    /// FILE is an order-line file: units per product and week, priced at the median price of the week's ordinary-size lines (postage and other codes that are not goods left out).
    #[arg(long)]
    pub orders: bool,
    /// With --orders: only these SKUs/products.
    #[arg(long, value_delimiter = ',', requires = "orders")]
    pub sku: Option<Vec<String>>,
    /// Confidence level of the intervals.
    #[arg(long, default_value_t = 0.95)]
    pub confidence: f64,
    /// Print the full report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the report: JSON when the name ends in .json, else the elasticity table as CSV.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt(v: Option<f64>) -> String {
    v.map_or(String::new(), |x| format!("{x}"))
}

/// CSV columns: kind,name,observations,estimate,std_error,ci_low,ci_high,p_value,note
/// (kind = elasticity or flag_lift_pct).
fn to_csv(r: &ElasticityReport) -> String {
    let mut s =
        String::from("kind,name,observations,estimate,std_error,ci_low,ci_high,p_value,note\n");
    for g in &r.groups {
        s.push_str(&format!(
            "elasticity,{},{},{},{},{},{},{},{}\n",
            csv_cell(&g.name),
            g.observations,
            opt(g.elasticity),
            opt(g.std_error),
            opt(g.ci_low),
            opt(g.ci_high),
            opt(g.p_value),
            csv_cell(&g.withheld.as_ref().map(|t| t.en()).unwrap_or_default())
        ));
    }
    for f in &r.flags {
        s.push_str(&format!(
            "flag_lift_pct,{},{},{},{},{},{},{},\n",
            csv_cell(&f.name),
            r.observations,
            f.lift_pct,
            100.0 * f.std_error,
            f.ci_low_pct,
            f.ci_high_pct,
            f.p_value
        ));
    }
    s
}

pub fn run(args: Args) -> Result<(), String> {
    let input = if args.orders {
        let data =
            super::import_orders(std::slice::from_ref(&args.file), &ImportOptions::default())?;
        ElasticityInput::from_orders(&data.lines, args.sku.as_deref()).map_err(|e| e.to_string())?
    } else {
        let table = Table::from_path(&args.file).map_err(|e| e.to_string())?;
        let spec = ElasticitySpec {
            units_column: args.units_column,
            price_column: args.price_column,
            group_column: args.by,
            store_column: args.store_column,
            flag_columns: args.flags,
        };
        ElasticityInput::from_table(&table, &spec).map_err(|e| e.to_string())?
    };
    let params = ElasticityParams {
        confidence: args.confidence,
        pooled: args.pooled,
        ..ElasticityParams::default()
    };
    let r = elasticity::run(&input, &params).map_err(|e| e.to_string())?;
    if let Some(out) = &args.out {
        super::write_out(out, &r, || to_csv(&r))?;
    }
    if args.json {
        println!("{}", super::json(&r)?);
        return Ok(());
    }
    println!(
        "Price elasticity: {} observations, {} parameters, R² {:.3}. {}",
        r.observations, r.parameters, r.r2, r.summary
    );
    let ci = format!("{:.0}% CI", 100.0 * r.confidence);
    println!(
        "{:<24} {:>8} {:>21} {:>10} {:>8} {:>18} {:>9}",
        "group", "obs", "price range", "elasticity", "std.err", ci, "p"
    );
    for g in &r.groups {
        match (g.elasticity, g.std_error, g.ci_low, g.ci_high, g.p_value) {
            (Some(e), Some(se), Some(lo), Some(hi), Some(p)) => println!(
                "{:<24} {:>8} {:>21} {:>10.4} {:>8.4} {:>18} {:>9.2e}",
                g.name,
                g.observations,
                format!("{:.4}–{:.4}", g.price_min, g.price_max),
                e,
                se,
                format!("[{lo:.3}, {hi:.3}]"),
                p
            ),
            _ => println!(
                "{:<24} {:>8} {:>21} {:>10} ({})",
                g.name,
                g.observations,
                format!("{:.4}–{:.4}", g.price_min, g.price_max),
                "-",
                g.withheld.as_ref().map(|t| t.en()).unwrap_or_default()
            ),
        }
    }
    for f in &r.flags {
        println!(
            "{:<24} lift {:+.2}% [{:+.2}%, {:+.2}%]",
            f.name, f.lift_pct, f.ci_low_pct, f.ci_high_pct
        );
    }
    for n in &r.notes {
        println!("Note: {n}");
    }
    if let Some(out) = &args.out {
        println!("Report written to {}", out.display());
    }
    Ok(())
}
