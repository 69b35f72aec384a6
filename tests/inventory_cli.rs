//! CLI contract of `shoplens inventory` on the full Online Retail file: the CSV columns of
//! issue 6 in order, sane values, and the plan within the budget in the `--json` report.

use std::process::Command;

fn data_path(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join("data")
        .join(rel)
}

fn tmpdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!(
        "shoplens-inventory-cli-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn inventory_csv_columns_and_budgeted_plan() {
    let d = tmpdir("plan");
    let out = d.join("plan.csv");
    let js = d.join("report.json");
    let po = d.join("po.csv");
    let inv = d.join("stock.csv");
    std::fs::write(
        &inv,
        "sku,on hand,on order,lead time (days),unit cost,supplier\n85123A,0,0,7,1.5,Acme\n22423,3,0,21,6,Acme\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(["inventory"])
        .arg(data_path("online_retail_uci/online_retail.csv.gz"))
        .arg("--inventory")
        .arg(&inv)
        .args([
            "--service-level",
            "0.95",
            "--budget",
            "5000",
            "--capacity",
            "20000",
            "--out",
        ])
        .arg(&out)
        .arg("--json")
        .arg(&js)
        .arg("--po")
        .arg(&po)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&out).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let h: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        &h[..10],
        [
            "sku",
            "abc",
            "xyz",
            "demand_per_day",
            "safety_stock",
            "reorder_point",
            "order_quantity",
            "order_now",
            "days_of_cover",
            "stockout_risk"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert!(rows.len() > 3_800, "{}", rows.len());
    for r in &rows {
        assert!(["A", "B", "C"].contains(&&r[1]));
        assert!(["X", "Y", "Z"].contains(&&r[2]));
        let dpd: f64 = r[3].parse().unwrap();
        let rop: f64 = r[5].parse().unwrap();
        let q: f64 = r[6].parse().unwrap();
        let risk: f64 = r[9].parse().unwrap();
        assert!(dpd >= 0.0 && rop >= 0.0 && q >= 1.0 && (0.0..=1.0).contains(&risk));
        assert!(r[7] == *"true" || r[7] == *"false");
        assert_eq!(&r[12], "0.95", "service target column");
    }
    // stderr gives the stock value per status and in all: on hand at unit cost over the CSV
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let (oh, uc) = (col("on_hand"), col("unit_cost"));
    // One year and nine days of history: no season, every factor 1.
    let sf = col("season_factor");
    assert!(rows.iter().all(|r| &r[sf] == "1"));
    let value: f64 = rows
        .iter()
        .map(|r| r[oh].parse::<f64>().unwrap().max(0.0) * r[uc].parse::<f64>().unwrap())
        .sum();
    let err = String::from_utf8_lossy(&o.stderr);
    let line = err.lines().find(|l| l.starts_with("status: ")).unwrap();
    let shown: f64 = line
        .rsplit("stock value in all ")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (shown - value).abs() < 1.0 + 1e-6 * value,
        "{line} vs {value}"
    );
    assert!(
        line.contains("order now ") && line.contains("(stock value "),
        "{line}"
    );
    // the SKU with no stock and a 7-day lead time must be ordered now
    let a = rows.iter().find(|r| &r[0] == "85123A").unwrap();
    assert_eq!(&a[7], "true");
    // plan in the JSON report: within budget and capacity, LP objective present
    let rep: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&js).unwrap()).unwrap();
    let plan = &rep["plan"];
    assert_eq!(plan["feasible"], true);
    let cost = plan["total_cost"].as_f64().unwrap();
    assert!(cost > 0.0 && cost <= 5000.0 + 1e-6, "{cost}");
    assert!(plan["total_units"].as_f64().unwrap() <= 20_000.0);
    assert!(plan["objective"].as_f64().unwrap() > 0.0);
    assert!(!plan["constraints"].as_array().unwrap().is_empty());
    let po_text = std::fs::read_to_string(&po).unwrap();
    assert!(po_text.starts_with("supplier,sku,quantity,unit_cost,cost,expected_margin"));
    // bad flags are clear errors
    let o = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(["inventory"])
        .arg(data_path("online_retail_uci/online_retail.csv.gz"))
        .args(["--service-level", "95", "--out"])
        .arg(d.join("x.csv"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("service_level") && err.contains("between 0 and 1"),
        "{err}"
    );
}

/// `season_factor` (added at the end of the columns): last year's season over the lead time.
/// The orders of `tests/inventory.rs`' seasonal case — "A" 10 a day with a 70-day rush of 30 a
/// day at the same time each year (days 45–114 and 409–478 of 770), "B" 1 a day — give A
/// (360 + 10 F) / 150 and B (14 + 10 F) / 24, F = 374 / 154, and stderr carries the
/// season note. Full UCI (one year and nine days) has no season: every factor is 1.
#[test]
fn season_factor_column() {
    let d = tmpdir("season");
    let orders = d.join("orders.csv");
    let mut csv = String::from("order_id,order_date,customer_id,sku,quantity,unit_price\n");
    for day in 0..770 {
        let (y, m, dd) = shoplens::data::dates::civil_from_days(19_723 + day as i64);
        let a = if (45..115).contains(&(day % 364)) {
            30
        } else {
            10
        };
        for (sku, q) in [("A", a), ("B", 1)] {
            csv.push_str(&format!(
                "o{day}{sku},{y:04}-{m:02}-{dd:02},c{},{sku},{q},4.00\n",
                day % 7
            ));
        }
    }
    std::fs::write(&orders, csv).unwrap();
    let out = d.join("inv.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .arg("inventory")
        .arg(&orders)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Season: a year ago the 14 days from 2025-02-10 sold 2.43× what the shop's level of sales then pointed to"),
        "{err}"
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let h: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(h.last().map(String::as_str), Some("season_factor"));
    let f: std::collections::HashMap<String, f64> = rdr
        .records()
        .map(Result::unwrap)
        .map(|r| (r[0].to_string(), r[h.len() - 1].parse().unwrap()))
        .collect();
    let shop = 374.0 / 154.0;
    assert!(
        (f["A"] - (360.0 + 10.0 * shop) / 150.0).abs() < 1e-3,
        "{f:?}"
    );
    assert!((f["B"] - (14.0 + 10.0 * shop) / 24.0).abs() < 1e-3, "{f:?}");
}
