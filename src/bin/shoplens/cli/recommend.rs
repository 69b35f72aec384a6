//! `shoplens recommend FILE [--train-end YYYY-MM-DD] [--top N]
//! [--model auto|popularity|itemknn|ease|als] [--tune priors|grid] --out recs.csv`
//! → `customer_id,rank,item_id,score`.
//!
//! Trained on lines before `--train-end` (all lines if omitted), recommending for every customer
//! seen in training. FILE is an order export, or a generic `user,item[,rating,timestamp]` file
//! (ratings >= 4 count as purchases; said on stderr).

use shoplens::analytics::recommend::{self, Interactions, ModelChoice, RecommendParams, Tuning};
use shoplens::data::ImportOptions;
use shoplens::export::csv_cell;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Order file or `user,item[,rating,timestamp]` file (CSV, optionally .csv.gz).
    pub file: PathBuf,
    /// Train on events before this day.
    #[arg(long)]
    pub train_end: Option<String>,
    /// Items per customer.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// auto, popularity, itemknn, ease, als or content.
    #[arg(long, default_value = "auto")]
    pub model: String,
    /// Allow items the customer already bought.
    #[arg(long)]
    pub include_repurchases: bool,
    /// EASE hyper-parameters: `priors` (fast: λ 300, τ 90 d, weight 0.1) or `grid` (thorough
    /// search on the training period's holdout, ~10x slower).
    #[arg(long, default_value = "priors")]
    pub tune: String,
    /// Seed for ALS.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Output CSV.
    #[arg(long)]
    pub out: PathBuf,
}

/// A generic interaction file: header names a user and an item column and no order id.
fn generic(path: &PathBuf) -> Result<Option<Interactions>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut s)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        s
    } else {
        bytes
    };
    let head = String::from_utf8_lossy(&text[..text.len().min(4096)]).to_ascii_lowercase();
    let header: Vec<String> = head
        .lines()
        .next()
        .unwrap_or("")
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_owned())
        .collect();
    let has = |names: &[&str]| header.iter().any(|h| names.contains(&h.as_str()));
    let user = has(&["user", "userid", "user_id"]);
    let item = has(&["item", "itemid", "item_id", "movieid"]);
    if user && item && header.len() <= 4 {
        let name = path.display().to_string();
        return Interactions::from_csv_reader(&text[..], &name)
            .map(Some)
            .map_err(|e| e.to_string());
    }
    Ok(None)
}

pub fn run(args: Args) -> Result<(), String> {
    let model = ModelChoice::from_key(&args.model)
        .ok_or_else(|| format!("--model: unknown model '{}'", args.model))?;
    let mut params = RecommendParams {
        model,
        top_n: args.top,
        train_end: args.train_end.clone(),
        include_repurchases: args.include_repurchases,
        ..RecommendParams::default()
    };
    params.config.seed = args.seed;
    params.config.tune = match args.tune.to_ascii_lowercase().as_str() {
        "priors" => Tuning::Priors,
        "grid" => Tuning::Grid,
        other => return Err(format!("--tune: expected priors or grid, got '{other}'")),
    };
    let inter = match generic(&args.file)? {
        Some(i) => i,
        None => {
            let data =
                super::import_orders(std::slice::from_ref(&args.file), &ImportOptions::default())?;
            Interactions::from_dataset(&data)
        }
    };
    let rep = recommend::run_interactions(&inter, &params).map_err(|e| e.to_string())?;
    for n in &rep.notes {
        eprintln!("shoplens recommend: {n}");
    }
    if let Some(ev) = &rep.selection {
        eprintln!("shoplens recommend: model,recall@20,ndcg@20,fit_seconds");
        for r in &ev.rows {
            eprintln!(
                "shoplens recommend: {},{:.4},{:.4},{:.2}{}",
                r.model.key(),
                r.recall,
                r.ndcg,
                r.fit_seconds,
                if r.skipped { " (skipped)" } else { "" }
            );
        }
    }
    eprintln!(
        "shoplens recommend: model {} ({}), {} customers, {} items",
        rep.model.key(),
        rep.detail,
        shoplens::text::group_thousands(&rep.customers.len().to_string()),
        shoplens::text::group_thousands(&rep.train_items.to_string())
    );
    if rep.ease_factorizations > 0 {
        eprintln!(
            "shoplens recommend: {} EASE factorization(s)",
            rep.ease_factorizations
        );
    }
    let mut out = String::from("customer_id,rank,item_id,score\n");
    for c in &rep.customers {
        for r in &c.items {
            out.push_str(&format!(
                "{},{},{},{}\n",
                csv_cell(&c.customer_id),
                r.rank,
                csv_cell(&r.item_id),
                r.score
            ));
        }
    }
    std::fs::write(&args.out, out).map_err(|e| format!("{}: {e}", args.out.display()))
}
