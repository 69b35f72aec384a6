//! `shoplens customers FILE [--k K] [--out customers.csv] [--json]`: RFM scores, segment and
//! cluster per customer (CSV), or the whole report as JSON.
//!
//! Without prices in the file the `monetary` cells are empty and `m_score` ranks `units` (the
//! last column, units bought).

use shoplens::analytics::customers::{self, CustomersParams};
use shoplens::data::ImportOptions;
use shoplens::export::csv_cell;

#[derive(clap::Args)]
pub struct Args {
    /// Order file (CSV, optionally .csv.gz).
    pub file: std::path::PathBuf,
    /// Number of clusters (default: chosen by silhouette among 2..=8).
    #[arg(long)]
    pub k: Option<usize>,
    /// Write the CSV here instead of standard output.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
    /// Print the report (segments, clusters, cohorts summary) as JSON instead of the CSV.
    #[arg(long)]
    pub json: bool,
    /// Seed for k-means.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
}

/// The columns, then (added) what each customer cancelled or returned.
pub const COLUMNS: &str = "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,segment,cluster,units,returned,returned_units";

pub fn run(args: Args) -> Result<(), String> {
    let data = super::import_orders(std::slice::from_ref(&args.file), &ImportOptions::default())?;
    let params = CustomersParams {
        k: args.k,
        seed: args.seed,
        ..Default::default()
    };
    let rep = customers::run(&data, &params).map_err(|e| e.to_string())?;
    if args.json {
        let c = &rep.cohorts;
        let v = serde_json::json!({
            "snapshot_date": rep.snapshot_date,
            "customers": rep.customers,
            "guest_lines_excluded": rep.guest_lines_excluded,
            "measure": rep.measure,
            "rfm_summary": rep.rfm_summary,
            "segments": rep.segments,
            "clusters": rep.clusters,
            "cohorts": {
                "cohorts": c.cohorts.len(),
                "retention_month_1": c.retention_month_1,
                "retention_month_3": c.retention_month_3,
                "retention_month_6": c.retention_month_6,
                "table": c.cohorts,
                "explanation": c.explanation,
            },
            "churn": rep.churn,
        });
        let s = super::json_en(v)?;
        println!("{s}");
        if args.out.is_none() {
            return Ok(());
        }
    }
    let priced = rep.measure == customers::Measure::Revenue;
    if !priced {
        eprintln!("no prices in the file: monetary is left empty; m_score and clusters use units");
    }
    let mut out = String::with_capacity(rep.rfm.len() * 64);
    out.push_str(COLUMNS);
    out.push('\n');
    for r in &rep.rfm {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n",
            csv_cell(&r.customer_id),
            r.recency_days,
            r.frequency,
            if priced {
                format!("{:.2}", r.monetary)
            } else {
                String::new()
            },
            r.r_score,
            r.f_score,
            r.m_score,
            csv_cell(r.segment.name()),
            r.cluster.map_or(String::new(), |c| c.to_string()),
            r.units,
            if priced {
                format!("{:.2}", r.returned)
            } else {
                String::new()
            },
            r.returned_units
        ));
    }
    match &args.out {
        Some(p) => std::fs::write(p, out).map_err(|e| format!("{}: {e}", p.display())),
        None => {
            print!("{out}");
            Ok(())
        }
    }
}
