//! `shoplens profile` spawned as a process: JSON numbers on the UCI file, one-line errors.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_shoplens"))
}

/// `shoplens profile ARGS…`'s standard output; the test fails with its stderr if it fails.
fn profile(args: &[&std::ffi::OsStr]) -> String {
    let out = bin().arg("profile").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn uci_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/online_retail_uci/online_retail.csv.gz")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

#[test]
fn profile_json_on_uci() {
    let p = uci_file();
    let v: serde_json::Value =
        serde_json::from_str(&profile(&[p.as_os_str(), "--json".as_ref()])).unwrap();
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
    // Wednesday 12:00 is the busiest hour, 629 orders (pandas crosstab of the invoices' times).
    assert_eq!(v["buying_times"]["orders"][2][12], 629);
    assert_eq!(v["buying_times"]["has_times"], true);
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
        "dates are year-first (ISO-like), spell out their month (Jul-21-25) or are numeric: no day/month ambiguity"
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
    let s = profile(&[fixture("shopify_orders.csv").as_os_str()]);
    assert!(s.contains("preset shopify_orders"), "{s}");
    assert!(s.contains("Lineitem quantity"), "{s}");
    assert!(s.contains("-> quantity"), "{s}");
    assert!(s.contains("cancellation"), "{s}");
    assert!(s.contains("orders                2"), "{s}");
    // Whole range: every customer is new, so no new / returning lines.
    assert!(
        !s.contains("new customers") && !s.contains("returning rate"),
        "{s}"
    );
}

/// Unpaid orders in the JSON report: their own `unpaid` reason, with the status cell; the
/// text report lists the reason by name.
#[test]
fn profile_reports_unpaid_orders() {
    let dir = std::env::temp_dir().join(format!("shoplens-unpaid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("orders.csv");
    std::fs::write(
        &p,
        "Order,Date,Customer,Product,Qty,Price,Status\n\
         A1,2024-01-02,c1,Mug,1,9.50,Completed\n\
         A2,2024-01-03,c2,Mug,2,9.50,Awaiting payment\n\
         A3,2024-01-04,c3,Mug,1,9.50,Refunded\n",
    )
    .unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&profile(&[p.as_os_str(), "--json".as_ref()])).unwrap();
    let r = &v["report"];
    let unpaid = r["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["reason"] == "unpaid")
        .unwrap();
    assert_eq!(unpaid["count"], 1);
    assert_eq!(unpaid["first_rows"][0], serde_json::json!([0, 2]));
    assert_eq!(
        unpaid["examples"][0],
        format!(
            "{}, row 2, column 'Status' 'Awaiting payment': the order is not paid yet (awaiting \
             payment); not counted as a sale nor as a return — it may still be paid, or be closed \
             unpaid",
            p.display()
        )
    );
    // Not among the returns: only the refund is.
    assert_eq!(r["return_lines"], 1);
    assert_eq!(r["kept_rows"], 1);
    assert_eq!(r["unpaid_value"], 19.0);
    let s = profile(&[p.as_os_str()]);
    assert!(
        s.contains("unpaid           1 lines, value 19.000 (orders awaiting payment, not sales)"),
        "{s}"
    );
    std::fs::remove_dir_all(&dir).ok();
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

#[test]
fn profile_of_a_date_range_compared_with_the_days_before() {
    // The bundled sample, Aug–Sep 2011 against the 61 days before (Jun–Jul); pandas on the same
    // cleaning: revenue 1,817,728.552 against 1,480,961.091, 3,198 / 3,008 orders, 1,776 / 1,575
    // customers, repeat rate 0.337838 / 0.344127, returns rate 0.051293 / 0.073289.
    let sample =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/sample/online_retail_sample.csv.gz");
    let range = ["--from", "2011-08-01", "--to", "2011-09-30"].map(std::ffi::OsStr::new);
    let s = profile(&[&[sample.as_os_str()], &range[..]].concat());
    for line in [
        "KPIs (2011-08-01 .. 2011-09-30)",
        "  compared with the 61 days before: 2011-06-01 .. 2011-07-31",
        "  (it starts with the data, so every customer in it counts as new)",
        "  revenue               1817728.552   (before 1480961.091, +22.74%)",
        "  orders                3198   (before 3008, +6.32%)",
        "  customers             1776   (before 1575, +12.76%)",
        // pandas: 904 of the 1,776 customers bought for the first time; Jun–Jul are the sample's
        // first months, so all 1,575 of theirs are new to the data.
        "  new customers         904   (before 1575, -42.60%)",
        "  returning rate        0.4910   (before 0.0000, +49.10 pp)",
        "  repeat purchase rate  0.3378   (before 0.3441, -0.63 pp)",
        "  returns rate          0.0513   (before 0.0733, -2.20 pp)",
        "  units                 992590.000   (before 790972.000, +25.49%)",
        // pandas: Thursday 12:00 has 111 of the range's orders (each at its first line's time).
        "  busiest hour          Thursday 12:00-13:00, 111 orders",
    ] {
        assert!(s.lines().any(|l| l == line), "{line:?} not in\n{s}");
    }
}

#[test]
fn profile_json_compared_with_the_same_dates_a_year_before() {
    // UCI's last days, 1–9 Dec 2011, against 1–9 Dec 2010; pandas: 638,792.680 against
    // 438,852.650, 834 orders and 573 customers then.
    let p = uci_file();
    let args =
        ["--json", "--from", "2011-12-01", "--compare", "year-before"].map(std::ffi::OsStr::new);
    let v: serde_json::Value =
        serde_json::from_str(&profile(&[&[p.as_os_str()], &args[..]].concat())).unwrap();
    assert!((v["kpis"]["revenue"].as_f64().unwrap() - 638_792.680).abs() < 1e-3);
    assert_eq!(v["range"]["from"], "2011-12-01");
    assert!(v["range"]["to"].is_null());
    let prev = &v["previous"];
    assert_eq!(prev["basis"], "year_before");
    assert_eq!(
        (prev["from"].as_str(), prev["to"].as_str()),
        (Some("2010-12-01"), Some("2010-12-09"))
    );
    assert!((prev["kpis"]["revenue"].as_f64().unwrap() - 438_852.650).abs() < 1e-3);
    assert_eq!(prev["kpis"]["orders"], 834);
    assert_eq!(prev["kpis"]["customers"], 573);
}

#[test]
fn profile_range_errors_before_reading() {
    let f = [fixture("shopify_orders.csv")];
    let run = |extra: &[&str]| {
        let out = bin().arg("profile").args(&f).args(extra).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{extra:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(run(&["--from", "2024-02-30"]).contains("date_from: '2024-02-30' is not a date"));
    assert!(run(&["--from", "2024-03-01", "--to", "2024-02-01"]).contains("2024-03-01"));
    assert!(run(&["--compare", "year-before"]).contains("--compare needs a date range"));
}
