//! Subcommands. Each lives in `cli/<name>.rs` with a `clap::Args` struct named `Args` and
//! `pub fn run(args: Args) -> Result<(), String>`; an error prints as one line on stderr and the
//! process exits with status 1.

use clap::{Parser, Subcommand};

mod abtest;
mod action;
mod adtree;
mod basket;
mod clv;
mod customers;
mod elasticity;
mod forecast;
mod inventory;
mod mmm;
mod profile;
mod promo;
mod recommend;
mod responders;

#[derive(Parser)]
#[command(
    name = "shoplens",
    version,
    about = "Private analytics for small online merchants"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import order files: the chosen column mapping, the cleaning report and the KPIs.
    Profile(profile::Args),
    /// Market basket: frequent itemsets (FP-growth) and association rules to CSV.
    Basket(basket::Args),
    /// Recommendations: top-N products per customer (popularity, item-kNN, EASE, ALS), auto-chosen by a temporal holdout.
    Recommend(recommend::Args),
    /// A/B test: z-test or Welch t-test, Bayesian P(best), sample-ratio check, sample size.
    Abtest(abtest::Args),
    /// Media-mix model: ROI and marginal ROI per channel, decomposition, budget allocation.
    Mmm(mmm::Args),
    /// Price elasticity per brand/product (log-log regression, store effects, deal/feature lifts).
    Elasticity(elasticity::Args),
    /// Promotion lift: incremental units and revenue against a trend/seasonal baseline, with intervals.
    Promo(promo::Args),
    /// Regression tree (CART) of revenue on spend and controls: readable rules and importances.
    Adtree(adtree::Args),
    /// Customers: RFM scores, named segment and k-means cluster per customer.
    Customers(customers::Args),
    /// Customer lifetime value: BG/NBD + Gamma-Gamma, with a holdout check after the calibration end.
    Clv(clv::Args),
    /// Which customer groups bought during a promotion: a CART tree on the customer features.
    Responders(responders::Args),
    /// Forecast demand (order lines or a long series file): per-series forecasts with 80/95% intervals to CSV.
    Forecast(forecast::Args),
    /// Inventory: ABC×XYZ, safety stock, reorder point, EOQ, status per SKU; purchase plan under a budget/capacity.
    Inventory(inventory::Args),
    /// Action plan: customers to win back, SKUs to reorder under a budget, ad budget shifts, promotions to repeat or stop, the next A/B test.
    Action(action::Args),
}

/// Import order files ([`shoplens::data::import_paths`]); when that fails on a file that is a
/// table of values per period rather than order lines, the error says to forecast it with
/// `shoplens forecast` (as the browser's import points to "Forecast a series file…").
pub(crate) fn import_orders(
    paths: &[std::path::PathBuf],
    opts: &shoplens::data::ImportOptions,
) -> Result<shoplens::data::Dataset, String> {
    use std::io::Read;
    shoplens::data::import_paths(paths, opts).map_err(|e| {
        let head = |p: &std::path::PathBuf| {
            let mut buf = Vec::new();
            let f = std::fs::File::open(p).ok()?;
            let max = shoplens::analytics::forecast::series::LOOKS_LIKE_BYTES as u64;
            f.take(max).read_to_end(&mut buf).ok()?;
            Some(buf)
        };
        let series = paths.iter().find(|p| {
            head(p)
                .is_some_and(|b| shoplens::analytics::forecast::series::SeriesTable::looks_like(&b))
        });
        match series {
            Some(p) => format!(
                "{e}. {} looks like a table of values per period (sales per week or month), not \
                 order lines: forecast it with `shoplens forecast {}`",
                p.display(),
                p.display()
            ),
            None => e.to_string(),
        }
    })
}

/// A report as pretty JSON (what `--json` prints), its sentences in English (see [`english`]).
/// (serde_json's `preserve_order` keeps the struct's field order through `to_value`.)
pub(crate) fn json<T: serde::Serialize>(report: &T) -> Result<String, String> {
    let v = serde_json::to_value(report).map_err(|e| e.to_string())?;
    json_en(v)
}

/// A JSON value built with `json!` as pretty JSON, its sentences in English (see [`english`]).
pub(crate) fn json_en(v: serde_json::Value) -> Result<String, String> {
    serde_json::to_string_pretty(&english(v)).map_err(|e| e.to_string())
}

/// Whether a JSON value is a serialised [`shoplens::text::Text`]: an object with a string
/// `key` and at most an `args` array besides.
pub(crate) fn is_text(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    v.as_object().is_some_and(|map| {
        map.get("key").is_some_and(Value::is_string)
            && map.get("args").is_none_or(Value::is_array)
            && map.keys().all(|k| k == "key" || k == "args")
    })
}

/// Every [`shoplens::text::Text`] in a JSON value (see [`is_text`]) replaced by its English
/// sentence, so `--json` prints the sentences as before.
pub(crate) fn english(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    if is_text(&v) {
        return match serde_json::from_value::<shoplens::text::Text>(v.clone()) {
            Ok(t) => Value::String(t.en()),
            Err(_) => v,
        };
    }
    match v {
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, english(v))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(english).collect()),
        other => other,
    }
}

/// Write `--out`: the whole report as JSON when the file name ends in `.json`, else `csv()`.
pub(crate) fn write_out<T: serde::Serialize>(
    out: &std::path::Path,
    report: &T,
    csv: impl FnOnce() -> String,
) -> Result<(), String> {
    let body = if out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        json(report)?
    } else {
        csv()
    };
    std::fs::write(out, body).map_err(|e| format!("{}: {e}", out.display()))
}

pub fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Profile(a) => profile::run(a),
        Command::Basket(a) => basket::run(a),
        Command::Recommend(a) => recommend::run(a),
        Command::Abtest(a) => abtest::run(a),
        Command::Mmm(a) => mmm::run(a),
        Command::Customers(a) => customers::run(a),
        Command::Elasticity(a) => elasticity::run(a),
        Command::Promo(a) => promo::run(a),
        Command::Adtree(a) => adtree::run(a),
        Command::Forecast(a) => forecast::run(a),
        Command::Responders(a) => responders::run(a),
        Command::Inventory(a) => inventory::run(a),
        Command::Clv(a) => clv::run(a),
        Command::Action(a) => action::run(a),
    };
    if let Err(msg) = result {
        eprintln!("shoplens: {msg}");
        std::process::exit(1);
    }
}
