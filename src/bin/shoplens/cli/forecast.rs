//! `shoplens forecast FILE --horizon H [--season M] [--freq day|week|month] [--model auto|ets|...]
//! [--levels 80,95] [--by total|category|sku] --out forecasts.csv [--json report.json]`
//!
//! FILE is either order lines (read by the importer, aggregated per `--by` and `--freq`) or a
//! long series file (a series id column, a period column and a value column, auto-detected; a
//! `split` column limits fitting to `train` rows). Output columns:
//! `series_id,step,forecast,lo80,hi80,lo95,hi95,model` (+ `loL,hiL` for other `--levels`).

use std::io::Read;
use std::path::PathBuf;

use shoplens::analytics::forecast::report::{forecast_many, NamedSeries};
use shoplens::analytics::forecast::series::{Freq, Level, LongColumns};
use shoplens::analytics::forecast::{ForecastParams, LongSeries, ModelKind};

#[derive(clap::Args)]
pub struct Args {
    /// Order lines (CSV, optionally .gz) or a long series file.
    pub file: PathBuf,
    /// Periods to forecast.
    #[arg(long)]
    pub horizon: usize,
    /// Season length (default: 7 daily, 52 weekly, 12 monthly; inferred for long files).
    #[arg(long)]
    pub season: Option<usize>,
    /// Period of the aggregated order lines.
    #[arg(long, default_value = "week")]
    pub freq: String,
    /// auto, ets, arima, theta, ensemble, naive, seasonal_naive, mean, drift, croston,
    /// croston_optimized, sba, tsb, adida, imapa, regression.
    #[arg(long, default_value = "auto")]
    pub model: String,
    /// Prediction interval levels in percent.
    #[arg(long, default_value = "80,95")]
    pub levels: String,
    /// Aggregation of order lines: total, category or sku.
    #[arg(long, default_value = "total")]
    pub by: String,
    /// Output CSV.
    #[arg(long)]
    pub out: PathBuf,
    /// Also write the full report (history, backtests, leaderboards) as JSON.
    #[arg(long)]
    pub json: Option<PathBuf>,
}

fn read_head(path: &PathBuf) -> Result<Vec<u8>, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut buf = Vec::new();
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if gz {
        flate2::read::GzDecoder::new(f)
            .read_to_end(&mut buf)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    } else {
        std::io::BufReader::new(f)
            .read_to_end(&mut buf)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(buf)
}

/// A long series file has a period and a value column and nothing that looks like an order.
fn is_long_file(bytes: &[u8]) -> bool {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let Ok(h) = rdr.headers() else {
        return false;
    };
    let headers: Vec<String> = h.iter().map(str::to_string).collect();
    let orderish = headers.iter().any(|h| {
        let h = h.to_ascii_lowercase();
        [
            "invoice",
            "order",
            "price",
            "customer",
            "stockcode",
            "lineitem",
        ]
        .iter()
        .any(|k| h.contains(k))
    });
    if orderish {
        return false;
    }
    let sample: Vec<Vec<String>> = rdr
        .records()
        .take(20)
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect();
    LongColumns::detect(&headers, &sample).is_some()
}

pub fn run(args: Args) -> Result<(), String> {
    let model = ModelKind::parse(&args.model).ok_or_else(|| {
        format!(
            "--model: unknown model '{}' (one of: {})",
            args.model,
            ModelKind::ALL
                .iter()
                .map(|k| k.key())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })?;
    let freq = Freq::parse(&args.freq)
        .ok_or_else(|| format!("--freq: expected day, week or month, got '{}'", args.freq))?;
    let level = Level::parse(&args.by)
        .ok_or_else(|| format!("--by: expected total, category or sku, got '{}'", args.by))?;
    let mut levels: Vec<f64> = Vec::new();
    for part in args.levels.split(',').filter(|s| !s.trim().is_empty()) {
        let v: f64 = part
            .trim()
            .parse()
            .map_err(|_| format!("--levels: '{part}' is not a number"))?;
        levels.push(v);
    }
    // the output contract always has the 80% and 95% columns
    let mut all_levels = vec![80.0, 95.0];
    for l in &levels {
        if !all_levels.iter().any(|a| (a - l).abs() < 1e-9) {
            all_levels.push(*l);
        }
    }
    let mut params = ForecastParams {
        level,
        freq,
        horizon: args.horizon,
        levels: all_levels.clone(),
        model,
        season: args.season,
        ..ForecastParams::default()
    };
    let bytes = read_head(&args.file)?;
    let name = args.file.display().to_string();
    let report = if is_long_file(&bytes) {
        let list =
            LongSeries::from_csv_reader(bytes.as_slice(), &name).map_err(|e| e.to_string())?;
        if params.season.is_none() {
            params.season = Some(list.first().map_or(1, |s| s.infer_season()));
        }
        let named: Vec<NamedSeries> = list
            .iter()
            .map(|s| NamedSeries {
                id: s.id.clone(),
                label: s.id.clone(),
                periods: s.periods[..s.train_len].to_vec(),
                values: s.train().to_vec(),
                future_periods: Vec::new(),
            })
            .collect();
        forecast_many(&named, &params, &mut |_, _| {}).map_err(|e| e.to_string())?
    } else {
        let data = shoplens::data::import_paths(
            std::slice::from_ref(&args.file),
            &shoplens::data::ImportOptions::default(),
        )
        .map_err(|e| e.to_string())?;
        shoplens::analytics::forecast::run(&data, &params).map_err(|e| e.to_string())?
    };
    let mut w =
        csv::Writer::from_path(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let mut header: Vec<String> = [
        "series_id",
        "step",
        "forecast",
        "lo80",
        "hi80",
        "lo95",
        "hi95",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let fmt_l = |l: f64| {
        if l.fract() == 0.0 {
            format!("{l:.0}")
        } else {
            format!("{l}")
        }
    };
    for l in &all_levels[2..] {
        header.push(format!("lo{}", fmt_l(*l)));
        header.push(format!("hi{}", fmt_l(*l)));
    }
    header.push("model".into());
    let io = |e: csv::Error| format!("{}: {e}", args.out.display());
    w.write_record(&header).map_err(io)?;
    for s in &report.series {
        for step in 0..s.forecast.mean.len() {
            let mut rec = vec![
                s.id.clone(),
                (step + 1).to_string(),
                s.forecast.mean[step].to_string(),
            ];
            for l in &all_levels {
                let iv = s.forecast.interval(*l);
                rec.push(iv.map_or(String::new(), |iv| iv.lower[step].to_string()));
                rec.push(iv.map_or(String::new(), |iv| iv.upper[step].to_string()));
            }
            rec.push(s.model.clone());
            w.write_record(&rec).map_err(io)?;
        }
    }
    w.flush()
        .map_err(|e| format!("{}: {e}", args.out.display()))?;
    if let Some(p) = &args.json {
        let js = super::json(&report)?;
        std::fs::write(p, js).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    eprintln!(
        "forecast: {} series, horizon {}, written to {}",
        report.series.len(),
        args.horizon,
        args.out.display()
    );
    Ok(())
}
