//! Reference test on the full UCI Online Retail file (../shared/data, never copied in).
//! Numbers: ../shared/data/REFERENCE_RESULTS.md and pandas `df.duplicated().sum()`.

use shoplens::data::{import_paths, DateOrder, DropReason, ImportOptions};
use std::path::PathBuf;

fn uci_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/online_retail_uci/online_retail.csv.gz")
}

fn dropped(r: &shoplens::data::CleaningReport, reason: DropReason) -> u64 {
    r.dropped
        .iter()
        .find(|d| d.reason == reason)
        .map(|d| d.count)
        .unwrap_or(0)
}

#[test]
fn uci_reference_numbers() {
    let ds = import_paths(&[uci_path()], &ImportOptions::default()).unwrap();
    let r = &ds.report;
    let f = &r.files[0];
    assert!(f.gzip);
    assert_eq!(f.encoding, "UTF-8");
    assert_eq!(f.delimiter, ',');
    assert_eq!(f.preset.as_deref(), Some("uci_online_retail"));
    assert_eq!(f.date_order, DateOrder::YearFirst);
    assert_eq!(f.rows, 541_909);
    assert_eq!(r.total_rows, 541_909);
    assert_eq!(dropped(r, DropReason::Cancellation), 9_288);
    assert_eq!(r.duplicates, 5_268);
    assert!(!r.duplicates_removed);
    let sum: u64 = r.dropped.iter().map(|d| d.count).sum();
    assert_eq!(r.total_rows, r.kept_rows + sum);
    assert_eq!(r.order_level.lines, 530_104);
    assert_eq!(r.kept_rows, 530_104);
    assert_eq!(r.order_level.orders, 19_960);
    assert!(
        (r.order_level.revenue - 10_666_684.544).abs() < 1e-3,
        "{}",
        r.order_level.revenue
    );
    assert_eq!(r.customer_level.lines, 397_884);
    assert_eq!(r.customer_level.orders, 18_532);
    assert_eq!(r.customer_level.customers, 4_338);
    assert!(
        (r.customer_level.revenue - 8_911_407.904).abs() < 1e-3,
        "{}",
        r.customer_level.revenue
    );
    assert_eq!(r.guest_lines, 530_104 - 397_884);
    assert_eq!(r.date_min.as_deref(), Some("2010-12-01 08:26:00"));
    assert_eq!(r.date_max.as_deref(), Some("2011-12-09 12:50:00"));
    assert_eq!(r.return_lines, 9_288);
    // CustomerID "17850.0" is normalised to "17850".
    assert!(ds.lines.strings.lookup("17850").is_some());
    assert!(ds.lines.strings.lookup("17850.0").is_none());
    // Guests: 135,080 rows without CustomerID in the raw file, all kinds included.
    println!("{}", serde_json::to_string_pretty(&r.dropped).unwrap());
}
