//! `shoplens clv FILE --calibration-end YYYY-MM-DD [--horizon-days N] [--out clv.csv] [--json]`:
//! BG/NBD + Gamma–Gamma per customer (CSV), or the fitted model and holdout check as JSON.
//!
//! Without prices in the file only BG/NBD runs: `expected_avg_value` and `clv` are empty.

use shoplens::analytics::customers::{self, ClvParams, ModelStatus};
use shoplens::data::ImportOptions;
use shoplens::export::csv_cell;

#[derive(clap::Args)]
pub struct Args {
    /// Order file (CSV, optionally .csv.gz).
    pub file: std::path::PathBuf,
    /// Fit on orders up to this date (inclusive); later orders are the holdout check.
    #[arg(long)]
    pub calibration_end: String,
    /// Prediction horizon in days.
    #[arg(long, default_value_t = 365)]
    pub horizon_days: u32,
    /// Monthly discount rate for CLV (e.g. 0.01).
    #[arg(long, default_value_t = 0.0)]
    pub discount_rate: f64,
    /// Write the CSV here instead of standard output.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
    /// Print the fitted parameters, log-likelihood, boundary flag and holdout check as JSON.
    #[arg(long)]
    pub json: bool,
}

pub const COLUMNS: &str =
    "customer_id,frequency,recency_weeks,t_weeks,p_alive,expected_purchases,expected_avg_value,clv";

pub fn run(args: Args) -> Result<(), String> {
    let data = super::import_orders(std::slice::from_ref(&args.file), &ImportOptions::default())?;
    let params = ClvParams {
        horizon_days: args.horizon_days,
        monthly_discount_rate: args.discount_rate,
        calibration_end: Some(args.calibration_end.clone()),
        penalty: None,
    };
    let rep = customers::clv(&data, &params).map_err(|e| e.to_string())?;
    if rep.status == ModelStatus::TooThin && !args.json {
        return Err(rep.message.en());
    }
    if args.json {
        let v = serde_json::json!({
            "status": rep.status,
            "priced": rep.priced,
            "message": rep.message,
            "calibration_end": rep.calibration_end,
            "observation_end": rep.observation_end,
            "customers": rep.customers,
            "repeaters": rep.repeaters,
            "bgnbd": rep.bgnbd,
            "log_likelihood": rep.log_likelihood,
            "plain_mle": rep.plain_mle,
            "plain_log_likelihood": rep.plain_log_likelihood,
            "nbd_log_likelihood": rep.nbd_log_likelihood,
            "penalty": rep.penalty,
            "penalty_candidates": rep.penalty_candidates,
            "boundary": rep.boundary,
            "boundary_explanation": rep.boundary_explanation,
            "gamma_gamma": rep.gamma_gamma,
            "holdout": rep.holdout,
            "method_explanation": rep.method_explanation,
            "churn_risk_method": rep.churn_risk_method,
            "churn_risk_explanation": rep.churn_risk_explanation,
            "notes": rep.notes,
        });
        let s = super::json_en(v)?;
        println!("{s}");
        if args.out.is_none() {
            return Ok(());
        }
    }
    if !rep.priced {
        eprintln!("no prices in the file: purchases and P(alive) only; expected_avg_value and clv are left empty");
    }
    let money = |v: f64| {
        if rep.priced {
            format!("{v:.4}")
        } else {
            String::new()
        }
    };
    let mut out = String::with_capacity(rep.rows.len() * 80);
    out.push_str(COLUMNS);
    out.push('\n');
    for r in &rep.rows {
        out.push_str(&format!(
            "{},{},{:.4},{:.4},{:.6},{:.6},{},{}\n",
            csv_cell(&r.customer_id),
            r.frequency,
            r.recency_weeks,
            r.t_weeks,
            r.p_alive,
            r.expected_purchases,
            money(r.expected_avg_value),
            money(r.clv)
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
