//! `shoplens mmm` and `shoplens adtree` on the bundled spend sample, `shoplens abtest` on a summary: the flags, the
//! allocation spends exactly the budget within the typed limits, and bad limits are refused.

use std::path::PathBuf;
use std::process::Command;

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/sample/marketing/spend.csv")
}

fn shoplens(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn mmm_allocates_the_budget_within_the_limits() {
    let out = std::env::temp_dir().join(format!("mmm-{}.json", std::process::id()));
    let s = sample();
    let o = shoplens(&[
        "mmm",
        s.to_str().unwrap(),
        "--revenue-column",
        "revenue",
        "--budget",
        "260000",
        "--weeks",
        "13",
        "--bound",
        "tv_spend=0:9000",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let _ = std::fs::remove_file(&out);
    let ch = r["allocation"]["channels"].as_array().unwrap();
    assert_eq!(ch.len(), 3);
    let per_week: f64 = ch
        .iter()
        .map(|c| c["optimal_per_period"].as_f64().unwrap())
        .sum();
    assert!((per_week * 13.0 - 260_000.0).abs() < 1.0, "{per_week}");
    let tv = ch.iter().find(|c| c["name"] == "tv_spend").unwrap();
    assert!(tv["optimal_per_period"].as_f64().unwrap() <= 9000.0 + 1e-6);
    assert_eq!(tv["max"].as_f64(), Some(9000.0));

    let bad = shoplens(&[
        "mmm",
        s.to_str().unwrap(),
        "--budget",
        "1000",
        "--weeks",
        "4",
        "--bound",
        "tv_spend=9:3",
        "--out",
        "/dev/null",
    ]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("expected CHANNEL=MIN:MAX"));
}

#[test]
fn adtree_reads_the_same_spend_arguments() {
    let s = sample();
    let o = shoplens(&[
        "adtree",
        s.to_str().unwrap(),
        "--revenue-column",
        "revenue",
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["rows"].as_u64(), Some(104));
    assert_eq!(r["target"], "revenue");
}

/// A testing tool's summary (one row per variant, visitors and conversions) is read as counts:
/// statsmodels' `proportions_ztest([301, 250], [5020, 5000])` gives z 2.18680, p 0.028757.
#[test]
fn abtest_reads_a_summary_file_as_counts() {
    let dir = std::env::temp_dir().join(format!("shoplens-ab-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("summary.csv");
    std::fs::write(
        &f,
        "variant,visitors,conversions\ncontrol,5000,250\ntreatment,5020,301\n",
    )
    .unwrap();
    let out = shoplens(&[
        "abtest",
        f.to_str().unwrap(),
        "--variant-column",
        "variant",
        "--metric",
        "conversions",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "has one row per variant with the number of units in 'visitors': read as counts"
        ),
        "{stderr}"
    );
    assert!(stdout.contains("z = 2.187, p = 0.02876"), "{stdout}");
    assert!(
        stdout.contains("control                5000          250"),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `shoplens mmm GOOGLE.csv META.csv --orders …`: two ad platforms' exports read together,
/// revenue from the orders.
#[test]
fn mmm_reads_several_spend_files() {
    let dir = std::env::temp_dir().join(format!("mmm-two-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut google = String::from("Day,Campaign,Cost\n");
    let mut meta = String::from("Reporting starts,Campaign name,Amount spent (GBP)\n");
    for d in 0..90 {
        let (y, m, dd) = shoplens::data::dates::civil_from_days(14_975 + d); // 2011-01-01
        let date = format!("{y:04}-{m:02}-{dd:02}");
        google += &format!("{date},Search,{}\n", 40 + d % 7);
        meta += &format!("{date},Prospecting,{}\n", 25 + d % 5);
    }
    let (g, m) = (dir.join("google.csv"), dir.join("meta.csv"));
    std::fs::write(&g, google).unwrap();
    std::fs::write(&m, meta).unwrap();
    let orders =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/sample/online_retail_sample.csv.gz");
    let out = dir.join("mmm.json");
    let o = shoplens(&[
        "mmm",
        g.to_str().unwrap(),
        m.to_str().unwrap(),
        "--orders",
        orders.to_str().unwrap(),
        "--trials",
        "60",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let names: Vec<&str> = r["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Search", "Prospecting"]);
    assert_eq!(r["periods"], 90);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("2 spend files read together (google.csv, meta.csv)"),
        "{stdout}"
    );
}
