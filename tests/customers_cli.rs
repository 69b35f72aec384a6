//! CLI contract of `shoplens customers` and `shoplens clv` on a small generated order log
//! (`customer_id,date,quantity,amount`).

use std::process::Command;

/// Run `shoplens` with `args`; returns (success, stdout, stderr).
fn run(args: &[&str]) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .unwrap();
    (
        o.status.success(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Run `shoplens` with `args`, which must succeed; returns stdout.
fn ok(args: &[&str]) -> String {
    let (success, out, err) = run(args);
    assert!(success, "{args:?}: {err}");
    out
}

/// Run `shoplens` with `args`, which must succeed and print JSON; returns it parsed.
fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).unwrap()
}

/// 150 customers over 2023: every customer buys on their first day; most come back.
fn write_log(dir: &std::path::Path) -> std::path::PathBuf {
    let mut s = String::from("customer_id,date,quantity,amount\n");
    let mut state: u64 = 42;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as f64 / (1u64 << 31) as f64
    };
    let start = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    for c in 0..150 {
        let mut day = (next() * 120.0) as i64;
        let gap = 10.0 + next() * 60.0;
        let stays = next() < 0.7;
        loop {
            let d = start + chrono::Duration::days(day);
            s.push_str(&format!(
                "C{c:03},{},{},{:.2}\n",
                d,
                1 + (next() * 4.0) as u32,
                10.0 + next() * 90.0
            ));
            day += (gap * (0.5 + next())) as i64;
            if day > 364 || (!stays && next() < 0.5) {
                break;
            }
        }
    }
    let p = dir.join("orders.csv");
    std::fs::write(&p, s).unwrap();
    p
}

fn tmpdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!(
        "shoplens-customers-cli-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn customers_csv_columns() {
    let d = tmpdir("rfm");
    let f = write_log(&d);
    let out = d.join("customers.csv");
    ok(&[
        "customers",
        f.to_str().unwrap(),
        "--k",
        "3",
        "--out",
        out.to_str().unwrap(),
    ]);
    let csv = std::fs::read_to_string(&out).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        // the issue's columns, then the two added ones
        "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,segment,cluster,units,returned,returned_units"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 150);
    for r in &rows {
        let c: Vec<&str> = r.split(',').collect();
        assert_eq!(c.len(), 12, "{r}");
        for s in &c[4..7] {
            assert!(("1"..="5").contains(s), "{r}");
        }
        assert!(["0", "1", "2"].contains(&c[8]), "{r}");
    }
    let v = json(&["customers", f.to_str().unwrap(), "--json"]);
    assert_eq!(v["customers"], 150);
    assert!(v["segments"].as_array().unwrap().len() == 11);
    assert!(v["clusters"]["k"].as_u64().unwrap() >= 2);
}

#[test]
fn clv_csv_columns_and_json() {
    let d = tmpdir("clv");
    let f = write_log(&d);
    let csv = ok(&[
        "clv",
        f.to_str().unwrap(),
        "--calibration-end",
        "2023-09-30",
        "--horizon-days",
        "90",
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "customer_id,frequency,recency_weeks,t_weeks,p_alive,expected_purchases,expected_avg_value,clv"
    );
    let rows: Vec<Vec<f64>> = lines
        .map(|l| l.split(',').skip(1).map(|v| v.parse().unwrap()).collect())
        .collect();
    assert!(rows.len() >= 140 && rows.len() <= 150, "{}", rows.len());
    for r in &rows {
        assert!(
            (0.0..=1.0).contains(&r[3]) && r[4] >= 0.0 && r[6] >= 0.0,
            "{r:?}"
        );
    }
    let v = json(&[
        "clv",
        f.to_str().unwrap(),
        "--calibration-end",
        "2023-09-30",
        "--json",
    ]);
    assert!(v["bgnbd"]["r"].as_f64().unwrap() > 0.0);
    assert!(v["log_likelihood"].as_f64().unwrap() < 0.0);
    assert!(v["boundary"].is_boolean());
    assert!(v["holdout"]["model"]["mae"].as_f64().unwrap() >= 0.0);
    assert!(["p_alive", "no_purchase_90d"].contains(&v["churn_risk_method"].as_str().unwrap()));
    assert!(v["method_explanation"].as_str().unwrap().contains("BG/NBD"));
}

#[test]
fn errors_are_one_line_and_nonzero() {
    let d = tmpdir("err");
    let f = write_log(&d);
    for args in [
        vec![
            "clv",
            f.to_str().unwrap(),
            "--calibration-end",
            "31/09/2023",
        ],
        vec![
            "clv",
            f.to_str().unwrap(),
            "--calibration-end",
            "2020-01-01",
        ],
        vec!["customers", "/nonexistent/orders.csv"],
        vec!["customers", f.to_str().unwrap(), "--k", "0"],
    ] {
        let (success, _, e) = run(&args);
        assert!(!success, "{args:?}");
        assert_eq!(e.trim_end().lines().count(), 1, "{args:?}: {e}");
    }
}

#[test]
fn too_thin_is_reported() {
    let d = tmpdir("thin");
    let p = d.join("thin.csv");
    std::fs::write(&p, "customer_id,date,quantity,amount\na,2023-01-01,1,10\na,2023-02-01,1,10\nb,2023-01-05,1,5\n").unwrap();
    let args = [
        "clv",
        p.to_str().unwrap(),
        "--calibration-end",
        "2023-01-31",
    ];
    let v = json(&[&args[..], &["--json"]].concat());
    assert_eq!(v["status"], "too_thin");
    let (success, _, e) = run(&args);
    assert!(!success && e.contains("Too thin"), "{e}");
}
