//! `shoplens basket FILE --min-support S [--min-confidence C] [--filter COLUMN=VALUE]
//! [--exclude-items SKU,SKU...] --itemsets itemsets.csv [--rules rules.csv]`.
//!
//! Itemsets CSV: `items,support` (SKUs joined by `|`, sorted). Rules CSV:
//! `antecedent,consequent,support,confidence,lift,leverage,conviction` (conviction "inf" when
//! confidence = 1). Without `--exclude-items` the detected non-product SKUs are left out (said on
//! stderr); with it, exactly the listed SKUs and no others.

use shoplens::analytics::basket::{self, BasketLevel, BasketParams, LineFilter, RuleSort};
use shoplens::data::ImportOptions;
use shoplens::export::csv_cell;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Order file (CSV, optionally .csv.gz).
    pub file: PathBuf,
    /// Minimum itemset support, in (0, 1].
    #[arg(long)]
    pub min_support: f64,
    /// Minimum rule confidence, in [0, 1].
    #[arg(long, default_value_t = 0.0)]
    pub min_confidence: f64,
    /// Minimum rule lift.
    #[arg(long, default_value_t = 0.0)]
    pub min_lift: f64,
    /// Maximum itemset length.
    #[arg(long)]
    pub max_len: Option<usize>,
    /// Only rules with a single antecedent item.
    #[arg(long)]
    pub single_antecedent: bool,
    /// Only rules with a single consequent item.
    #[arg(long)]
    pub single_consequent: bool,
    /// Rule order: lift, confidence, support, leverage or conviction (descending).
    #[arg(long, default_value = "lift")]
    pub sort: String,
    /// Keep only lines with COLUMN=VALUE (country, category, currency); repeatable.
    #[arg(long)]
    pub filter: Vec<String>,
    /// SKUs to leave out, comma-separated (exactly these; default: detected non-product lines).
    #[arg(long, value_delimiter = ',', num_args = 0..)]
    pub exclude_items: Option<Vec<String>>,
    /// Baskets per customer instead of per order.
    #[arg(long)]
    pub customer_level: bool,
    /// Output file for the frequent itemsets.
    #[arg(long)]
    pub itemsets: PathBuf,
    /// Output file for the rules.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Also print "bought together" / "also bought" lists for this SKU on stdout.
    #[arg(long)]
    pub item: Option<String>,
}

fn num(x: f64) -> String {
    if x.is_infinite() && x > 0.0 {
        "inf".to_owned()
    } else {
        format!("{x}")
    }
}

fn write(path: &PathBuf, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn run(args: Args) -> Result<(), String> {
    let sort = match args.sort.to_ascii_lowercase().as_str() {
        "lift" => RuleSort::Lift,
        "confidence" => RuleSort::Confidence,
        "support" => RuleSort::Support,
        "leverage" => RuleSort::Leverage,
        "conviction" => RuleSort::Conviction,
        other => return Err(format!("--sort: unknown key '{other}'")),
    };
    let filters = args
        .filter
        .iter()
        .map(|f| LineFilter::parse(f))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let exclude_items = args.exclude_items.map(|v| {
        v.into_iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
    });
    let params = BasketParams {
        min_support: args.min_support,
        min_confidence: args.min_confidence,
        min_lift: args.min_lift,
        max_len: args.max_len,
        single_antecedent: args.single_antecedent,
        single_consequent: args.single_consequent,
        sort,
        filters,
        exclude_items,
        level: if args.customer_level {
            BasketLevel::Customer
        } else {
            BasketLevel::Order
        },
        focus_item: args.item.clone(),
        ..BasketParams::default()
    };
    params.validate().map_err(|e| e.to_string())?;
    let data = super::import_orders(std::slice::from_ref(&args.file), &ImportOptions::default())?;
    let rep = basket::run(&data, &params).map_err(|e| e.to_string())?;
    for n in &rep.notes {
        eprintln!("shoplens basket: {n}");
    }
    eprintln!(
        "shoplens basket: {} baskets, {} items, {} itemsets, {} rules",
        rep.baskets,
        rep.items,
        rep.itemsets.len(),
        rep.rules.len()
    );
    let mut out = String::from("items,support\n");
    for s in &rep.itemsets {
        out.push_str(&format!(
            "{},{}\n",
            csv_cell(&s.items.join("|")),
            num(s.support)
        ));
    }
    write(&args.itemsets, &out)?;
    if let Some(path) = &args.rules {
        let mut out =
            String::from("antecedent,consequent,support,confidence,lift,leverage,conviction\n");
        for r in &rep.rules {
            out.push_str(&format!(
                "{},{},{},{},{},{},{}\n",
                csv_cell(&r.antecedent.join("|")),
                csv_cell(&r.consequent.join("|")),
                num(r.support),
                num(r.confidence),
                num(r.lift),
                num(r.leverage),
                num(r.conviction)
            ));
        }
        write(path, &out)?;
    }
    if let Some(item) = &args.item {
        println!("list,sku,name,together,support,confidence,lift");
        for (list, rows) in [
            ("bought_together", &rep.bought_together),
            ("also_bought", &rep.also_bought),
        ] {
            for c in rows {
                println!(
                    "{list},{},{},{},{},{},{}",
                    csv_cell(&c.sku),
                    csv_cell(&c.name),
                    c.together,
                    num(c.support),
                    num(c.confidence),
                    num(c.lift)
                );
            }
        }
        eprintln!("shoplens basket: lists for item {item}");
    }
    Ok(())
}
