//! Which customers respond to a promotion (issue 7): a CART tree on the customer features,
//! checked on a synthetic shop with a known answer and on Online Retail against counts computed
//! here independently.

use shoplens::analytics::marketing::responders::{self, RespondersParams};
use shoplens::data::{import_bytes, import_paths, ImportOptions};
use std::collections::HashSet;
use std::path::PathBuf;

fn day(s: &str) -> i64 {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days()
}

/// 120 customers: the 40 with 4 earlier orders all buy during the promotion (2024-03-01..07),
/// the 80 with 1 or 2 earlier orders never do. Dates and prices are spread so that the first and
/// last order days and the revenue of the two groups overlap: only the number of orders
/// separates them, so the tree must split on orders between 2 and 4 and find rates 1 and 0.
#[test]
fn synthetic_shop_has_the_known_responders() {
    let mut csv = String::from("order_id,customer_id,date,sku,quantity,price\n");
    let mut order = 0;
    let mut line = |c: usize, date: String, price: usize, csv: &mut String| {
        order += 1;
        *csv += &format!("O{order},C{c},{date},A,1,{price}\n");
    };
    for c in 0..120 {
        let days: Vec<usize> = if c < 40 {
            (0..4).map(|k| 1 + c % 10 + 5 * k).collect()
        } else if c % 2 == 0 {
            vec![1 + c % 25]
        } else {
            vec![1 + c % 10, 16 + c % 10]
        };
        let price = if c < 40 { 5 + c % 4 } else { 10 + c % 15 };
        for d in days {
            line(c, format!("2024-01-{d:02}"), price, &mut csv);
        }
        if c < 40 {
            line(c, format!("2024-03-0{}", 1 + c % 7), price, &mut csv);
        }
    }
    let data = import_bytes("shop.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
    let r = responders::run(
        &data,
        &RespondersParams::new(day("2024-03-01"), day("2024-03-07")),
    )
    .unwrap();
    assert_eq!((r.customers, r.responders), (120, 40));
    assert!((r.base_rate - 1.0 / 3.0).abs() < 1e-12);
    let root = r.tree.nodes[0].split.as_ref().expect("a split");
    assert_eq!(root.feature, "orders");
    assert!(
        root.threshold > 2.0 && root.threshold < 4.0,
        "{}",
        root.threshold
    );
    assert_eq!(
        r.groups.first().map(|g| (g.customers, g.response_rate)),
        Some((40, 1.0))
    );
    assert!((r.groups[0].lift - 3.0).abs() < 1e-12);
    assert!(r.groups.iter().skip(1).all(|g| g.response_rate == 0.0));
}

fn data_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join("data")
        .join(rel)
}

/// November 2011 on Online Retail: the customers and buyers counted here from the cleaned lines
/// equal the report's, the groups partition the customers, and their rates average to the base
/// rate; frequent, recent customers respond far more than the average.
#[test]
fn online_retail_november_responders() {
    let p = data_path("online_retail_uci/online_retail.csv.gz");
    if !p.exists() {
        eprintln!("skipped: {} not found", p.display());
        return;
    }
    let data = import_paths(std::slice::from_ref(&p), &ImportOptions::default()).unwrap();
    let (from, to) = (day("2011-11-01"), day("2011-11-30"));
    let l = &data.lines;
    let mut before: HashSet<u32> = HashSet::new();
    let mut during: HashSet<u32> = HashSet::new();
    for i in 0..l.len() {
        let c = l.customer[i];
        if c == shoplens::data::NONE_ID {
            continue;
        }
        let d = l.timestamp[i].div_euclid(86_400);
        if d < from {
            before.insert(c);
        } else if d <= to {
            during.insert(c);
        }
    }
    let buyers = before.intersection(&during).count();
    let r = responders::run(&data, &RespondersParams::new(from, to)).unwrap();
    assert_eq!(r.customers, before.len());
    assert_eq!(r.responders, buyers);
    let sizes: usize = r.groups.iter().map(|g| g.customers).sum();
    assert_eq!(sizes, r.customers);
    let weighted: f64 = r
        .groups
        .iter()
        .map(|g| g.response_rate * g.customers as f64)
        .sum();
    assert!((weighted - buyers as f64).abs() < 1e-6);
    assert!(r.groups.iter().all(|g| g.customers >= 30));
    let root = r.tree.nodes[0].split.as_ref().unwrap();
    assert!(
        ["orders", "days since last order", "revenue"].contains(&root.feature.as_str()),
        "{}",
        root.feature
    );
    assert!(r.groups[0].lift > 1.8, "{:?}", r.groups[0]);
}

/// The CLI writes the groups (`group,customers,response_rate,lift`) and their sizes add up to
/// the customers the library counts.
#[test]
fn cli_writes_the_groups() {
    let p = data_path("online_retail_uci/online_retail.csv.gz");
    if !p.exists() {
        return;
    }
    let out = std::env::temp_dir().join(format!("responders-{}.csv", std::process::id()));
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args([
            "responders",
            p.to_str().unwrap(),
            "--from",
            "2011-11-01",
            "--to",
            "2011-11-30",
        ])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("group,customers,response_rate,lift"));
    let body = lines.collect::<Vec<_>>().join("\n");
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    let sizes: usize = rdr
        .records()
        .map(|r| r.unwrap()[1].parse::<usize>().unwrap())
        .sum();
    let data = import_paths(std::slice::from_ref(&p), &ImportOptions::default()).unwrap();
    let r = responders::run(
        &data,
        &RespondersParams::new(day("2011-11-01"), day("2011-11-30")),
    )
    .unwrap();
    assert_eq!(sizes, r.customers);
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args([
            "responders",
            p.to_str().unwrap(),
            "--from",
            "2011-11-31",
            "--to",
            "2011-12-01",
        ])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("expected a date YYYY-MM-DD"));
}
