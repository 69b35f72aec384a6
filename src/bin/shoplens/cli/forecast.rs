//! `shoplens forecast FILE --horizon H [--season M] [--freq day|week|month] [--model auto|ets|...]
//! [--levels 80,95] [--by total|category|sku] --out forecasts.csv [--json report.json]
//! [--threads N]`
//!
//! FILE is either order lines (read by the importer, aggregated per `--by` and `--freq`) or a
//! long series file (a series id column, a period column and a value column, auto-detected; a
//! `split` column limits fitting to `train` rows; `--freq week|month` adds a file of days up). Output columns:
//! `series_id,step,forecast,lo80,hi80,lo95,hi95,model` (+ `loL,hiL` for other `--levels`).

use std::io::Read;
use std::path::PathBuf;

use shoplens::analytics::forecast::report::forecast_many_threads;
use shoplens::analytics::forecast::series::{
    Freq, Level, SeriesTable, LOOKS_LIKE_BYTES, MAX_SERIES_FILE_BYTES,
};
use shoplens::analytics::forecast::{ForecastParams, ModelKind, SeriesFile};

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
    /// Period of the aggregated order lines [default: week]. For a series file of days, week
    /// or month adds each series' days up into weeks or months (default: the file's own
    /// periods).
    #[arg(long)]
    pub freq: Option<String>,
    /// auto, ets, arima, theta, ensemble, naive, seasonal_naive, mean, drift, croston,
    /// croston_optimized, sba, tsb, adida, imapa, regression, nnar (a small neural network),
    /// ces (complex exponential smoothing), thief (temporal hierarchies of ETS), thief_arima
    /// and thief_theta (temporal hierarchies of ARIMA, of Theta).
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
    /// Series forecast at once (default: one per CPU core). The output does not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
    /// With --by sku: leave out the lines that are not goods (postage, fees, gift cards, manual
    /// adjustments), which are otherwise forecast like the others (and named in a note).
    #[arg(long)]
    pub goods_only: bool,
}

/// Up to `limit` bytes of the file's text, decompressed when it is gzip-compressed (by its
/// first bytes, whatever its name).
fn read_text(path: &PathBuf, limit: usize) -> Result<Vec<u8>, String> {
    use std::io::BufRead;
    let err = |e: std::io::Error| format!("{}: {e}", path.display());
    let f = std::fs::File::open(path).map_err(err)?;
    let mut f = std::io::BufReader::new(f);
    let gz = f.fill_buf().map_err(err)?.starts_with(&[0x1f, 0x8b]);
    let mut buf = Vec::new();
    if gz {
        flate2::bufread::GzDecoder::new(f)
            .take(limit as u64)
            .read_to_end(&mut buf)
            .map_err(err)?;
    } else {
        f.take(limit as u64).read_to_end(&mut buf).map_err(err)?;
    }
    Ok(buf)
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
    let group = args
        .freq
        .as_deref()
        .map(|f| {
            Freq::parse(f).ok_or_else(|| format!("--freq: expected day, week or month, got '{f}'"))
        })
        .transpose()?;
    let freq = group.unwrap_or(Freq::Week);
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
        // The CSV has no leaderboards: the backtest runs only where it picks the model,
        // unless the full report is asked for.
        informative_backtest: args.json.is_some(),
        goods_only: args.goods_only,
        ..ForecastParams::default()
    };
    let threads = match args.threads {
        Some(0) => return Err("--threads: expected 1 or more".into()),
        Some(t) => t,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let name = args.file.display().to_string();
    // The head tells a series file from order lines, which are imported as a stream.
    let head = read_text(&args.file, LOOKS_LIKE_BYTES)?;
    let report = if SeriesTable::looks_like(&head) {
        // one byte more than a series file may hold: from_bytes refuses it
        let bytes = read_text(&args.file, MAX_SERIES_FILE_BYTES + 1)?;
        // --freq week|month adds a file of days up; the season, when not given, is inferred
        // from the first series' periods
        let file = SeriesFile::read_owned(bytes, &name, params.season, group)
            .map_err(|e| e.to_string())?;
        params.season = Some(file.season);
        let named = file.named(params.horizon);
        let mut report = forecast_many_threads(&named, &params, threads, &mut |_, _| {})
            .map_err(|e| e.to_string())?;
        // how the file was read comes first (stderr and `--json`)
        report.notes.splice(0..0, file.notes(params.horizon));
        report
    } else {
        let data = super::import_orders(
            std::slice::from_ref(&args.file),
            &shoplens::data::ImportOptions::default(),
        )?;
        shoplens::analytics::forecast::run_threads(&data, &params, threads)
            .map_err(|e| e.to_string())?
    };
    let file =
        std::fs::File::create(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    shoplens::export::write_forecast_csv(
        std::io::BufWriter::new(file),
        report
            .series
            .iter()
            .map(|s| (s.id.as_str(), &s.forecast, s.model.as_str())),
        &all_levels,
    )
    .map_err(|e| format!("{}: {e}", args.out.display()))?;
    if let Some(p) = &args.json {
        let js = super::json(&report)?;
        std::fs::write(p, js).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    for n in &report.notes {
        eprintln!("shoplens forecast: {n}");
    }
    // Flag columns of a series file: their estimated effects, per series.
    let flagged: Vec<_> = report
        .series
        .iter()
        .filter(|s| !s.flag_effects.is_empty())
        .collect();
    for s in flagged.iter().take(5) {
        let effects: Vec<String> = s
            .flag_effects
            .iter()
            .map(|e| format!("{} {:+.2}", e.name, e.effect))
            .collect();
        eprintln!(
            "shoplens forecast: {}: flag effects per flagged period {} ({})",
            s.id,
            effects.join(", "),
            s.model
        );
    }
    if flagged.len() > 5 {
        eprintln!(
            "shoplens forecast: … and {} more series with flag effects (--json has them all)",
            flagged.len() - 5
        );
    }
    eprintln!(
        "forecast: {} series, horizon {}, written to {}",
        report.series.len(),
        args.horizon,
        args.out.display()
    );
    Ok(())
}
