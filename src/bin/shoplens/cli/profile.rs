//! `shoplens profile FILE... [--json] [--from D] [--to D] [--compare days-before|year-before]`:
//! the chosen column mapping, per-file format decisions, the cleaning report and the overview
//! KPIs for the whole range or a date range, compared with the period before it, and the
//! busiest hour of the week.

use shoplens::analytics::overview::compare::{compare_periods, KpiKey};
use shoplens::analytics::overview::{self, Comparison, OverviewParams, OverviewReport};
use shoplens::data::{DropReason, ImportOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Order files (CSV, optionally .csv.gz).
    #[arg(required = true)]
    pub files: Vec<std::path::PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Remove exact duplicate lines (default: flag and count only).
    #[arg(long)]
    pub remove_duplicates: bool,
    /// KPIs from this day (YYYY-MM-DD, inclusive); default: the data's first day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// KPIs up to this day (YYYY-MM-DD, inclusive); default: the data's last day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// With --from or --to: compare the range with the same number of days just before it
    /// (days-before, the default) or with the same dates a year before (year-before).
    #[arg(long, value_parser = ["days-before", "year-before"])]
    pub compare: Option<String>,
}

fn reason_key(r: DropReason) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn rows(v: &[(u16, u32)]) -> String {
    v.iter()
        .map(|(f, r)| format!("{f}:{r}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The fields whose sentences `profile --json` prints twice: the English under the field's
/// own name and the sentence object (`key`, `args`) under `<name>_text`, the shape this output
/// has had since the sentences came in (scripts read both).
const TWINS: [&str; 4] = ["reason", "date_order_reason", "notes", "examples"];

/// `v` with each [`TWINS`] sentence (or list of sentences) as its English, followed by the
/// sentence itself under `<name>_text` (left out when there is none, as before).
fn english_with_twins(v: serde_json::Value) -> serde_json::Value {
    use crate::cli::is_text;
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            let mut out = serde_json::Map::with_capacity(map.len());
            for (k, v) in map {
                let sentences = match &v {
                    Value::Array(a) => !a.is_empty() && a.iter().all(is_text),
                    other => is_text(other),
                };
                if TWINS.contains(&k.as_str()) && sentences {
                    let empty = v.get("key").and_then(Value::as_str) == Some("")
                        && v.get("args")
                            .is_none_or(|a| a.as_array().is_none_or(Vec::is_empty));
                    out.insert(k.clone(), crate::cli::english(v.clone()));
                    if !empty {
                        out.insert(format!("{k}_text"), v);
                    }
                } else {
                    out.insert(k, english_with_twins(v));
                }
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.into_iter().map(english_with_twins).collect()),
        other => other,
    }
}

pub fn run(args: Args) -> Result<(), String> {
    for f in &args.files {
        if !f.exists() {
            return Err(format!("{}: no such file", f.display()));
        }
    }
    let opts = ImportOptions {
        remove_duplicates: args.remove_duplicates,
        ..ImportOptions::default()
    };
    let ranged = args.from.is_some() || args.to.is_some();
    if args.compare.is_some() && !ranged {
        return Err(
            "--compare needs a date range (--from and/or --to): the whole range has nothing before it to compare with"
                .to_owned(),
        );
    }
    let params = OverviewParams {
        date_from: args.from.clone(),
        date_to: args.to.clone(),
        compare: args
            .compare
            .as_deref()
            .and_then(Comparison::from_key)
            .unwrap_or_default(),
    };
    // The dates are checked before the files are read.
    params.validate().map_err(|e| e.to_string())?;
    let ds = super::import_orders(&args.files, &opts)?;
    let ov = overview::run(&ds, &params).map_err(|e| e.to_string())?;
    let r = &ds.report;
    if args.json {
        let mut v = serde_json::json!({
            "files": r.files,
            "report": r,
            "kpis": ov.kpis,
            "buying_times": ov.buying_times,
        });
        if ranged {
            v["range"] = serde_json::json!({ "from": args.from, "to": args.to });
            v["previous"] = serde_json::to_value(&ov.previous).map_err(|e| e.to_string())?;
        }
        println!("{}", english_with_twins(v));
        return Ok(());
    }
    for (i, f) in r.files.iter().enumerate() {
        println!("File {i}: {}", f.file_name);
        println!(
            "  {} bytes{}, encoding {}{}, delimiter {:?}, decimal {}, preset {}",
            f.bytes,
            if f.gzip { " (gzip)" } else { "" },
            f.encoding,
            if f.bom { " with BOM" } else { "" },
            f.delimiter,
            if f.decimal_comma { "comma" } else { "point" },
            f.preset.as_deref().unwrap_or("none")
        );
        println!("  date order: {:?} ({})", f.date_order, f.date_order_reason);
        println!("  rows: {}", f.rows);
        println!("  mapping:");
        for m in &f.mapping {
            println!(
                "    {:<24} -> {:<13} {:>4.2}  {}",
                m.header,
                m.field.map(|x| x.key()).unwrap_or("(ignored)"),
                m.confidence,
                m.reason
            );
        }
        for n in &f.notes {
            println!("  note: {n}");
        }
    }
    println!("Cleaning");
    println!("  total rows       {}", r.total_rows);
    println!("  kept sale lines  {}", r.kept_rows);
    for d in &r.dropped {
        if d.count > 0 {
            println!(
                "  {:<22} {:>8}   first rows (file:row): {}",
                reason_key(d.reason),
                d.count,
                rows(&d.first_rows)
            );
        }
    }
    println!(
        "  duplicates       {} ({}), first rows: {}",
        r.duplicates,
        if r.duplicates_removed {
            "removed"
        } else {
            "flagged, kept"
        },
        rows(&r.duplicate_first_rows)
    );
    println!(
        "  guest lines      {} (no customer id; order level only), first rows: {}",
        r.guest_lines,
        rows(&r.guest_first_rows)
    );
    for (name, l) in [
        ("order level", &r.order_level),
        ("customer level", &r.customer_level),
    ] {
        println!(
            "  {name:<15}  lines {}, orders {}, customers {}, revenue {}",
            l.lines,
            l.orders,
            l.customers,
            if r.priced {
                format!("{:.3}", l.revenue)
            } else {
                "- (no prices)".to_owned()
            }
        );
    }
    println!(
        "  date range       {} .. {}",
        r.date_min.as_deref().unwrap_or("-"),
        r.date_max.as_deref().unwrap_or("-")
    );
    let cur: Vec<String> = r
        .currencies
        .iter()
        .map(|(c, n)| format!("{c} ({n} lines)"))
        .collect();
    println!(
        "  currencies       {}",
        if cur.is_empty() {
            "none in the file".to_owned()
        } else {
            cur.join(", ")
        }
    );
    println!(
        "  returns          {} lines, value {:.3}",
        r.return_lines, r.return_value
    );
    let unpaid = r.dropped.iter().find(|d| d.reason == DropReason::Unpaid);
    if let Some(d) = unpaid.filter(|d| d.count > 0) {
        println!(
            "  unpaid           {} lines, value {:.3} (orders awaiting payment, not sales)",
            d.count, r.unpaid_value
        );
    }
    print_kpis(&ov, &params);
    Ok(())
}

/// The KPIs of the whole range or of the date range, each with its value in the period compared
/// with and the change when there is one.
fn print_kpis(ov: &OverviewReport, params: &OverviewParams) {
    let k = &ov.kpis;
    match (&params.date_from, &params.date_to) {
        (None, None) => println!("KPIs (whole range)"),
        (from, to) => println!(
            "KPIs ({} .. {})",
            from.as_deref().or(ov.data_from.as_deref()).unwrap_or("-"),
            to.as_deref().or(ov.data_to.as_deref()).unwrap_or("-")
        ),
    }
    let before = ov.previous.as_ref().and_then(|p| p.kpis.as_ref());
    if let Some(p) = &ov.previous {
        let what = match p.basis {
            Comparison::DaysBefore => format!("the {} days before", p.days),
            Comparison::YearBefore => "the same dates a year before".to_owned(),
        };
        match before {
            Some(_) => {
                println!("  compared with {what}: {} .. {}", p.from, p.to);
                if p.from == p.data_from {
                    println!("  (it starts with the data, so every customer in it counts as new)");
                }
            }
            None => println!(
                "  no comparison with {what} ({} .. {}): the data start on {}",
                p.from, p.to, p.data_from
            ),
        }
    }
    let deltas = before.map(|b| compare_periods(k, b)).unwrap_or_default();
    let money = |v: f64| {
        if ov.priced {
            format!("{v:.3}")
        } else {
            "- (no prices in the file)".to_owned()
        }
    };
    // "   (before 438852.650, +45.56%)"; rates change in percentage points.
    let change = |key: KpiKey| {
        // Without prices revenue and order value are not figures (the returns rate counts units).
        let no_figure = !ov.priced && matches!(key, KpiKey::Revenue | KpiKey::AverageOrderValue);
        let Some(d) = deltas.iter().find(|d| d.key == key).filter(|_| !no_figure) else {
            return String::new();
        };
        // Units print with three decimals, as on their own line.
        let before = if key.is_count() && key != KpiKey::Units {
            format!("{}", d.other)
        } else if key.is_rate() {
            format!("{:.4}", d.other)
        } else {
            format!("{:.3}", d.other)
        };
        let amount = match (key.is_rate(), d.relative) {
            (true, _) => format!("{:+.2} pp", d.delta * 100.0),
            (false, Some(r)) => format!("{:+.2}%", r * 100.0),
            (false, None) => format!("{:+}", d.delta),
        };
        format!("   (before {before}, {amount})")
    };
    println!(
        "  revenue               {}{}",
        money(k.revenue),
        change(KpiKey::Revenue)
    );
    println!(
        "  orders                {}{}",
        k.orders,
        change(KpiKey::Orders)
    );
    println!(
        "  customers             {}{}",
        k.customers,
        change(KpiKey::Customers)
    );
    // Over the whole range every customer is new: these two mean something for a range only.
    if params.date_from.is_some() || params.date_to.is_some() {
        println!(
            "  new customers         {}{}",
            k.new_customers,
            change(KpiKey::NewCustomers)
        );
        println!(
            "  returning rate        {:.4}{}",
            k.returning_customer_rate,
            change(KpiKey::ReturningCustomerRate)
        );
    }
    println!(
        "  average order value   {}{}",
        money(k.average_order_value),
        change(KpiKey::AverageOrderValue)
    );
    println!(
        "  repeat purchase rate  {:.4}{}",
        k.repeat_purchase_rate,
        change(KpiKey::RepeatPurchaseRate)
    );
    println!(
        "  returns rate          {:.4}{}",
        k.returns_rate,
        change(KpiKey::ReturnsRate)
    );
    println!("  lines                 {}", k.lines);
    println!("  guest orders          {}", k.guest_orders);
    println!(
        "  units                 {:.3}{}",
        k.units,
        change(KpiKey::Units)
    );
    println!("  units per order       {:.3}", k.units_per_order);
    let bt = &ov.buying_times;
    if let Some((w, h, n)) = bt.busiest() {
        let day = shoplens::data::dates::WEEKDAY_NAMES
            .get(w)
            .copied()
            .unwrap_or_default();
        if bt.has_times {
            println!(
                "  busiest hour          {day} {h:02}:00-{:02}:00, {n} orders",
                h + 1
            );
        } else {
            println!("  busiest weekday       {day}, {n} orders (the file has no times of day)");
        }
    }
}
