//! `shoplens profile` spawned as a process: JSON numbers on the UCI file, one-line errors.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_shoplens"))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

#[test]
fn profile_json_on_uci() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/online_retail_uci/online_retail.csv.gz");
    let out = bin().arg("profile").arg(&p).arg("--json").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &v["report"];
    assert_eq!(r["total_rows"], 541_909);
    assert_eq!(r["duplicates"], 5_268);
    assert_eq!(r["order_level"]["lines"], 530_104);
    assert_eq!(r["order_level"]["orders"], 19_960);
    assert_eq!(r["customer_level"]["lines"], 397_884);
    assert_eq!(r["customer_level"]["orders"], 18_532);
    assert_eq!(r["customer_level"]["customers"], 4_338);
    let rev = r["customer_level"]["revenue"].as_f64().unwrap();
    assert!((rev - 8_911_407.904).abs() < 1e-3);
    let cancel = r["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["reason"] == "cancellation")
        .unwrap();
    assert_eq!(cancel["count"], 9_288);
    assert_eq!(v["kpis"]["orders"], 19_960);
    assert_eq!(v["kpis"]["customers"], 4_338);
    assert!((v["kpis"]["revenue"].as_f64().unwrap() - 10_666_684.544).abs() < 1e-3);
    assert_eq!(v["files"][0]["preset"], "uci_online_retail");
    assert_eq!(v["files"][0]["mapping"][0]["field"], "order_id");
    // Each sentence prints as its English and, under `<name>_text`, as the sentence object:
    // the shape scripts have read since the sentences came in.
    let f = &v["files"][0];
    assert_eq!(
        f["mapping"][0]["reason"],
        "UCI Online Retail preset: 'InvoiceNo' is order_id"
    );
    assert_eq!(
        f["mapping"][0]["reason_text"]["key"],
        "data.map.preset_field"
    );
    assert_eq!(
        f["date_order_reason"],
        "dates are year-first (ISO-like) or numeric, no day/month ambiguity"
    );
    assert_eq!(f["date_order_reason_text"]["key"], "data.date.year_first");
    assert_eq!(f["notes"][0], "recognised the UCI Online Retail format");
    assert_eq!(f["notes_text"][0]["key"], "data.note.preset");
    assert_eq!(
        cancel["examples"][0],
        format!(
            "{}, row 142: a cancellation or return (order id starting with C, or a \
             cancelled/refunded status); kept aside for the returns rate, not counted as a sale",
            p.display()
        )
    );
    assert_eq!(cancel["examples_text"][0]["key"], "data.drop.cancellation");
    assert_eq!(
        cancel["examples"].as_array().map(Vec::len),
        cancel["examples_text"].as_array().map(Vec::len)
    );
}

#[test]
fn profile_text_shows_mapping_and_report() {
    let out = bin()
        .arg("profile")
        .arg(fixture("shopify_orders.csv"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("preset shopify_orders"), "{s}");
    assert!(s.contains("Lineitem quantity"), "{s}");
    assert!(s.contains("-> quantity"), "{s}");
    assert!(s.contains("cancellation"), "{s}");
    assert!(s.contains("orders                2"), "{s}");
}

fn fails_with(args: &[PathBuf], needle: &str) {
    let out = bin().arg("profile").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(needle), "{err}");
}

#[test]
fn bad_inputs_exit_non_zero_with_one_line() {
    fails_with(&[fixture("does_not_exist.csv")], "no such file");
    fails_with(&[fixture("empty.csv")], "empty");
    fails_with(&[fixture("binary.bin")], "binary");
    fails_with(&[fixture("no_date.csv")], "date column");
}
