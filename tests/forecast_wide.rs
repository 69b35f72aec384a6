//! Wide series files (`src/analytics/forecast/wide.rs`) on the two wide files of
//! `../shared/data/intermittent_carparts_jewelry/`: `carparts_wide.csv` (one column per part,
//! the same data as `carparts_long.csv`, with 165 parts ending early as empty cells) and
//! `jewelry_weekly_wide.csv` (314 items, 124 ISO weeks `1998-W05`…). Reference numbers:
//! pandas and statsforecast 2.1.1 on this machine (`benches/forecast/jewelry_statsforecast.py`).

use shoplens::analytics::forecast::file::{SeriesFile, SeriesFileParams, SeriesFileReport};
use shoplens::analytics::forecast::metrics::{mase, smape};
use shoplens::analytics::forecast::report::forecast_many_threads;
use shoplens::analytics::forecast::series::{period_key, SeriesTable};
use shoplens::analytics::forecast::wide::SeriesLayout;
use std::path::PathBuf;
use std::process::Command;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/intermittent_carparts_jewelry")
        .join(name)
}

fn table(name: &str) -> SeriesTable {
    let f = std::fs::File::open(data(name)).expect("data file");
    SeriesTable::from_csv_reader(f, name).expect("reads")
}

#[test]
fn carparts_wide_reads_as_the_long_file() {
    let wide = table("carparts_wide.csv");
    let long = table("carparts_long.csv");
    assert_eq!(wide.layout, SeriesLayout::SeriesInColumns);
    assert_eq!(long.layout, SeriesLayout::Long);
    assert_eq!(wide.series.len(), 2674);
    // same ids, periods and values, series by series (the long file lists the parts in the
    // wide file's column order)
    assert_eq!(wide.series, long.series);
    // pandas: 6,122 trailing NaN cells in 165 columns, no leading or inner ones; the file
    // writes zeros, so they are periods not recorded
    let notes: Vec<String> = wide.notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[1].contains("165 series end before"), "{notes:?}");
    let short = wide.series.iter().filter(|s| s.values.len() < 51).count();
    assert_eq!(short, 165);
}

#[test]
fn jewelry_weeks_are_iso_weeks() {
    let t = table("jewelry_weekly_wide.csv");
    assert_eq!(t.layout, SeriesLayout::SeriesInColumns);
    assert_eq!(t.series.len(), 314);
    assert!(t.series.iter().all(|s| s.values.len() == 124));
    // ISO week 5 of 1998 starts on Monday 26 January 1998 (10,252 days after 1970-01-01)
    assert_eq!(period_key("1998-W05"), Some(10_252.0));
    assert_eq!(period_key("1998W05"), Some(10_252.0));
    assert_eq!(period_key("1998-W05-3"), Some(10_254.0));
    assert_eq!(period_key("1998-W54"), None);
    let s = &t.series[0];
    assert_eq!(s.id, "item_001");
    assert_eq!(s.periods[0], "1998-W05");
    assert_eq!(s.values[..4], [134.0, 213.0, 73.0, 67.0]);
    // pandas: the sum of every cell
    let total: f64 = t.series.iter().flat_map(|s| &s.values).sum();
    assert_eq!(total, 4_114_476.0);
    // weekly dates: a 52-week season
    let file = SeriesFile::from_table("jewelry_weekly_wide.csv", t, None).expect("series");
    assert_eq!((file.season, file.season_inferred), (52, true));
}

/// The last 8 weeks of every item held out (a `split` column added to the wide file), scored
/// as the issue scores carparts: sMAPE, and MASE scaled by the in-sample naive (lag 1) error.
///
/// statsforecast 2.1.1 on the same split (`benches/forecast/jewelry_statsforecast.py`):
///
/// | model | sMAPE | MASE |
/// | --- | --- | --- |
/// | SeasonalNaive(52) | 37.732 | 0.9420 |
/// | Naive | 30.349 | 0.7101 |
/// | AutoETS(52) | 38.167 | 0.9593 |
/// | AutoTheta(52) | 34.655 | 0.8110 |
/// | AutoARIMA(52) | 46.052 | 0.9463 |
/// | mean of ETS, Theta, ARIMA | 33.500 | 0.7873 |
/// | TSB(0.1, 0.1) | 36.500 | 0.8466 |
/// | CrostonOptimized = IMAPA = ADIDA (no zero weeks: they reduce to SES) | 28.834 | 0.6791 |
#[test]
fn jewelry_holdout_against_statsforecast() {
    let text = std::fs::read_to_string(data("jewelry_weekly_wide.csv")).expect("jewelry");
    let lines: Vec<&str> = text.lines().collect();
    let n = lines.len() - 1;
    let mut csv = format!("{},split\n", lines[0]);
    for (i, l) in lines[1..].iter().enumerate() {
        let split = if i + 8 < n { "train" } else { "test" };
        csv.push_str(&format!("{l},{split}\n"));
    }
    let file = SeriesFile::read(csv.as_bytes(), "jewelry_split.csv", None, None).expect("reads");
    assert_eq!(file.season, 52);
    let params = SeriesFileParams {
        horizon: 8,
        ..SeriesFileParams::default()
    };
    let fc = forecast_many_threads(
        &file.named(params.horizon),
        &file.params(&params),
        2,
        &mut |_, _| {},
    )
    .expect("forecasts");
    let report = SeriesFileReport::new(&file, &params, fc.series);
    assert_eq!(report.series.len(), 314);
    let (mut sm, mut ms) = (0.0, 0.0);
    for s in &report.series {
        assert_eq!(s.actual.len(), 8);
        sm += smape(&s.actual, &s.forecast.mean);
        // scaled by the in-sample naive (lag 1) error
        ms += mase(&s.history, &s.actual, &s.forecast.mean, 1);
    }
    let (sm, ms) = (sm / 314.0, ms / 314.0);
    eprintln!("jewelry holdout: sMAPE {sm:.4}, MASE {ms:.4}");
    // ours (the automatic forecaster): 29.939 / 0.7039 when this test was written (seven
    // members); 29.764 / 0.6995 with CES as an eighth (round 6), non-seasonal here as ETS is
    // (a 52-week season is longer than 24; with statsforecast's seasonal CES types, fitted on
    // these 2.2 seasons, it was 30.070 / 0.7128, worse than the naive forecast); 29.667 /
    // 0.6967 with THieF in the AutoETS member's place (round 7)
    assert!((sm - 29.667).abs() < 0.05 && (ms - 0.6967).abs() < 0.002);
    // better than every seasonal peer, their mean and the naive forecast on both measures;
    // statsforecast's SES-type intermittent methods are better here (28.834 / 0.6791)
    assert!(sm < 30.349 && ms < 0.7101);
}

/// `NAME` in a temporary folder of this test run (`shoplens-TAG-<pid>`), created if needed.
fn temp_file(tag: &str, name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("shoplens-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

/// Remove the temporary folder of [`temp_file`].
fn remove_temp(file: &std::path::Path) {
    if let Some(dir) = file.parent() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// `shoplens forecast INPUT --horizon H --out …` (must succeed): its stderr and the `--out` CSV.
fn cli_forecast(input: &std::path::Path, horizon: usize) -> (String, String) {
    let out = input.with_extension("forecasts.csv");
    let run = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .arg("forecast")
        .arg(input)
        .args(["--horizon", &horizon.to_string(), "--out"])
        .arg(&out)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{stderr}");
    (stderr, std::fs::read_to_string(&out).expect("forecasts"))
}

/// `shoplens forecast INPUT ARGS --out … --json …` (must succeed): the `--json` report.
fn cli_json(input: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let json = input.with_extension("json");
    let run = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .arg("forecast")
        .arg(input)
        .args(args)
        .arg("--out")
        .arg(input.with_extension("out.csv"))
        .arg("--json")
        .arg(&json)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("parses")
}

#[test]
fn the_cli_fills_the_months_a_sales_export_leaves_out() {
    // a GROUP BY export: three years of monthly sales of one SKU, July never sells and has no row
    let input = temp_file("gaps", "monthly_sales.csv");
    let mut csv = String::from("sku,month,units\n");
    for y in 2022..=2024 {
        for m in 1..=12 {
            if m != 7 {
                csv.push_str(&format!("A,{y}-{m:02},{}\n", 10 + m));
            }
        }
    }
    std::fs::write(&input, csv).expect("write");
    let (stderr, fc) = cli_forecast(&input, 12);
    assert!(
        stderr.contains("1 series skips periods (3 missing in all; the first: A has nothing between 2022-06 and 2022-08)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the missing ones were added with 0"),
        "{stderr}"
    );
    let fc: Vec<f64> = fc
        .lines()
        .skip(1)
        .map(|l| {
            l.split(',')
                .nth(2)
                .and_then(|v| v.parse().ok())
                .expect("number")
        })
        .collect();
    assert_eq!(fc.len(), 12);
    // January 2025 … December 2025: July stays empty, every other month keeps its level
    for (i, f) in fc.iter().enumerate() {
        let want = if i == 6 { 0.0 } else { 11.0 + i as f64 };
        assert!(
            (f - want).abs() < 1.5,
            "month {}: {f} (want {want}); {fc:?}",
            i + 1
        );
    }
    remove_temp(&input);
}

#[test]
fn the_cli_reads_a_pivot_table() {
    let input = temp_file("wide", "pivot.csv");
    // one row per product, one column per month, empty = no sales, a total column
    let mut csv = String::from("SKU,Description");
    for m in 1..=24 {
        csv.push_str(&format!(
            ",{} {}",
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                [(m - 1) % 12],
            2023 + (m - 1) / 12
        ));
    }
    csv.push_str(",Total\n");
    for (sku, base) in [("A-1", 10.0), ("B-2", 40.0)] {
        csv.push_str(&format!("{sku},Mug"));
        let mut total = 0.0;
        for m in 0..24 {
            let v: f64 = base + (m % 12) as f64;
            if m == 5 && sku == "A-1" {
                csv.push(',');
                continue;
            }
            total += v;
            csv.push_str(&format!(",{v}"));
        }
        csv.push_str(&format!(",{total}\n"));
    }
    std::fs::write(&input, csv).expect("write");
    let (stderr, fc) = cli_forecast(&input, 3);
    assert!(
        stderr.contains("2 series were read from its rows"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Empty cells read as 0 (no sales in that period): 1."),
        "{stderr}"
    );
    let lines: Vec<&str> = fc.lines().collect();
    assert_eq!(
        lines[0],
        "series_id,step,forecast,lo80,hi80,lo95,hi95,model"
    );
    assert_eq!(lines.len(), 1 + 2 * 3);
    assert!(lines[1].starts_with("A-1,1,") && lines[4].starts_with("B-2,1,"));
    // monthly headers: season 12, and B-2 repeats its year exactly: January again is 40
    let b: Vec<f64> = lines[4..]
        .iter()
        .map(|l| {
            l.split(',')
                .nth(2)
                .and_then(|v| v.parse().ok())
                .expect("number")
        })
        .collect();
    assert!(
        (b[0] - 40.0).abs() < 1.0 && (b[2] - 42.0).abs() < 1.0,
        "{b:?}"
    );
    // the same table given to an order-lines command: the error points to `shoplens forecast`
    let run = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(["customers", input.to_str().expect("path"), "--out"])
        .arg(input.with_file_name("c.csv"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        stderr.contains("cannot find a date column (headers: SKU, Description, Jan 2023, ")
            && stderr.contains("looks like a table of values per period")
            && stderr.contains("forecast it with `shoplens forecast "),
        "{stderr}"
    );
    remove_temp(&input);
}

/// Importing the wide table as order lines fails, naming only its first headers (it has 315).
#[test]
fn order_import_of_a_wide_table_names_the_first_headers() {
    let e = shoplens::data::import_paths(
        &[data("jewelry_weekly_wide.csv")],
        &shoplens::data::ImportOptions::default(),
    )
    .expect_err("not order lines")
    .to_string();
    assert!(
        e.ends_with(
            "cannot find a date column (headers: week, item_001, item_002, item_003, item_004, \
             item_005, item_006, item_007, item_008, item_009, item_010, item_011, … (+303))"
        ),
        "{e}"
    );
}

proptest::proptest! {
    /// Any small table of headers and cells drawn from what series files hold (blanks, zeros,
    /// numbers, text, dates, months, ISO weeks) reads without a panic, and every series it
    /// yields is whole: one period per value, train rows within it.
    #[test]
    fn any_table_reads_without_panicking(
        header in proptest::collection::vec(0usize..9, 1..6),
        cells in proptest::collection::vec(proptest::collection::vec(0usize..12, 0..6), 0..8),
    ) {
        const HEAD: [&str; 9] = ["week", "month", "sku", "a", "b", "Jan 2024", "2024-02", "2024-W03", "split"];
        const CELL: [&str; 12] = ["", "0", "1", "2.5", "7", "x", "2024-01", "2024-W05", "Mar 2024", "test", "train", "NaN"];
        let mut csv = header.iter().map(|&h| HEAD[h]).collect::<Vec<_>>().join(",");
        csv.push('\n');
        for row in &cells {
            csv.push_str(&row.iter().map(|&c| CELL[c]).collect::<Vec<_>>().join(","));
            csv.push('\n');
        }
        if let Ok(t) = SeriesTable::from_csv_reader(csv.as_bytes(), "p.csv") {
            for s in &t.series {
                proptest::prop_assert_eq!(s.periods.len(), s.values.len());
                proptest::prop_assert!(s.train_len <= s.values.len());
            }
        }
    }
}

/// Periods numbered 1, 2, 3… in a column named `week` (`m3/promodata_weekly.csv`) get a
/// 52-week season; the same numbers under `t` (as in M3's long file) say nothing.
#[test]
fn numbered_weeks_get_a_52_week_season() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/m3/promodata_weekly.csv");
    let bytes = std::fs::read(path).expect("promodata");
    let f = SeriesFile::read(&bytes, "promodata_weekly.csv", None, None).expect("reads");
    assert_eq!((f.season, f.season_inferred), (52, true));
    let f = SeriesFile::read(&bytes, "promodata_weekly.csv", Some(4), None).expect("reads");
    assert_eq!((f.season, f.season_inferred), (4, false));
    let read = |csv: &str| {
        SeriesFile::read(csv.as_bytes(), "n.csv", None, None)
            .expect("reads")
            .season
    };
    let rows = |name: &str, step: usize| {
        let mut csv = format!("series_id,{name},value\n");
        for t in 0..30 {
            csv.push_str(&format!("A,{},{}\n", 1 + step * t, 10 + t % 4));
        }
        csv
    };
    assert_eq!(read(&rows("week", 1)), 52);
    assert_eq!(read(&rows("month", 1)), 12);
    assert_eq!(read(&rows("quarter", 1)), 4);
    assert_eq!(read(&rows("t", 1)), 1);
    assert_eq!(read(&rows("week", 2)), 1);
}

/// What the CLI and the import page use to tell a series table from order lines.
#[test]
fn series_tables_are_told_from_order_lines() {
    let head = |p: PathBuf| {
        let b = std::fs::read(p).expect("file");
        b[..b.len().min(262_144)].to_vec()
    };
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    for f in [
        "jewelry_weekly_wide.csv",
        "carparts_wide.csv",
        "carparts_long.csv",
    ] {
        assert!(SeriesTable::looks_like(&head(data(f))), "{f}");
    }
    assert!(SeriesTable::looks_like(&head(
        shared.join("m3/promodata_weekly.csv")
    )));
    for f in [
        "groceries_basket/Groceries_dataset.csv",
        "ab_cookie_cats/cookie_cats.csv",
        "dominicks_oj/cheese_retailer_week.csv",
    ] {
        assert!(!SeriesTable::looks_like(&head(shared.join(f))), "{f}");
    }
    assert!(!SeriesTable::looks_like(
        b"InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
    ));
    // compressed: M3's long file, whose first 256 KiB stop in the middle of the stream
    let m3 = head(shared.join("m3/m3_long.csv.gz"));
    assert!(m3.starts_with(&[0x1f, 0x8b]) && SeriesTable::looks_like(&m3));
    assert!(!SeriesTable::looks_like(&head(
        shared.join("online_retail_uci/online_retail.csv.gz")
    )));
}

/// Labels of the forecast periods after a file's last period, in the file's own format.
#[test]
fn forecast_periods_are_labelled_as_the_file_labels_them() {
    use shoplens::analytics::forecast::series::next_labels;
    let next = |l: &[&str], k| next_labels(&l.iter().map(|s| s.to_string()).collect::<Vec<_>>(), k);
    let v = |l: &[&str]| Some(l.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(next(&["2024-11", "2024-12"], 2), v(&["2025-01", "2025-02"]));
    assert_eq!(
        next(&["Nov 2024", "Dec 2024"], 2),
        v(&["Jan 2025", "Feb 2025"])
    );
    assert_eq!(next(&["1994 Nov", "1994 Dec"], 1), v(&["1995 Jan"]));
    assert_eq!(
        next(&["November 2024", "December 2024"], 1),
        v(&["January 2025"])
    );
    // ISO weeks: 2020 has 53
    assert_eq!(
        next(&["2020-W51", "2020-W52"], 3),
        v(&["2020-W53", "2021-W01", "2021-W02"])
    );
    assert_eq!(
        next(&["2024-03-01", "2024-03-08"], 2),
        v(&["2024-03-15", "2024-03-22"])
    );
    assert_eq!(
        next(&["2023-12-31", "2024-01-31"], 2),
        v(&["2024-02-29", "2024-03-31"])
    );
    assert_eq!(next(&["10", "12"], 2), v(&["14", "16"]));
    assert_eq!(next(&["1949.0", "1949.0833"], 1), None);
    assert_eq!(next(&["2024-01"], 1), None);
    // the jewelry table's last week
    let t = table("jewelry_weekly_wide.csv");
    assert_eq!(
        t.series[0].periods.last().map(String::as_str),
        Some("2000-W24")
    );
    assert_eq!(
        next_labels(&t.series[0].periods, 2),
        v(&["2000-W25", "2000-W26"])
    );
}

/// Dated rows that skip periods are said in a note (the rows are still consecutive periods).
#[test]
fn skipped_periods_are_noted() {
    // the jewelry table has no 1998-W53 (1998 has 53 ISO weeks)
    let t = table("jewelry_weekly_wide.csv");
    assert_eq!(
        t.series[0].missing_periods(),
        Some((1, "1998-W52".to_string(), "1999-W01".to_string()))
    );
    let notes: Vec<String> = t.notes.iter().map(|n| n.to_string()).collect();
    assert!(
        notes.iter().any(|n| n.starts_with(
            "314 series skip periods (314 missing in all; the first: item_001 has nothing \
             between 1998-W52 and 1999-W01)"
        )),
        "{notes:?}"
    );
    let read = |csv: &str| SeriesTable::from_csv_reader(csv.as_bytes(), "g.csv").expect("reads");
    // A long file of monthly sales listing only the months with sales (no zero anywhere): the
    // skipped months sold nothing and are added with 0, in the file's label format.
    let t = read("sku,month,units\nA,2024-01,3\nA,2024-02,4\nA,2024-05,2\nA,2024-06,1\nB,2024-01,1\nB,2024-02,2\nB,2024-03,2\n");
    assert_eq!(
        t.series[0].periods,
        ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]
    );
    assert_eq!(t.series[0].values, [3.0, 4.0, 0.0, 0.0, 2.0, 1.0]);
    assert_eq!(t.series[0].train_len, 6);
    assert_eq!(t.series[0].missing_periods(), None);
    assert_eq!(t.series[1].values, [1.0, 2.0, 2.0]);
    assert_eq!(t.notes.len(), 1);
    assert_eq!(
        t.notes[0].to_string(),
        "1 series skips periods (2 missing in all; the first: A has nothing between 2024-02 and \
         2024-05). The file records no period with 0 sales, so it lists only the periods that \
         sold: the missing ones were added with 0."
    );
    // The same file writing a zero for B: it writes down the periods it has, so a skipped month
    // is unknown, not zero: nothing is added, and the note says so.
    let t = read("sku,month,units\nA,2024-01,3\nA,2024-02,4\nA,2024-05,2\nA,2024-06,1\nB,2024-01,1\nB,2024-02,0\nB,2024-03,2\n");
    assert_eq!(
        t.series[0].missing_periods(),
        Some((2, "2024-02".into(), "2024-05".into()))
    );
    assert_eq!(t.series[0].values, [3.0, 4.0, 2.0, 1.0]);
    assert!(t.notes[0]
        .to_string()
        .ends_with("if nothing sold in the missing ones, add them with 0."));
    // daily dates: two missing days
    let t = read("date,sales\n2024-03-01,5\n2024-03-02,6\n2024-03-05,7\n2024-03-06,8\n");
    assert_eq!(
        t.series[0].periods,
        [
            "2024-03-01",
            "2024-03-02",
            "2024-03-03",
            "2024-03-04",
            "2024-03-05",
            "2024-03-06"
        ]
    );
    assert_eq!(t.series[0].values, [5.0, 6.0, 0.0, 0.0, 7.0, 8.0]);
    // month-start dates step by calendar months (31, 29, 31 … days)
    let t = read("date,sales\n2024-01-01,5\n2024-02-01,6\n2024-03-01,2\n2024-05-01,7\n");
    assert_eq!(t.series[0].periods[3], "2024-04-01");
    assert_eq!(t.series[0].values, [5.0, 6.0, 2.0, 0.0, 7.0]);
    // ISO weeks across a year with 53 weeks; spreadsheet month names
    let t = read("week,units\n1998-W51,5\n1998-W52,6\n1999-W02,7\n1999-W03,8\n");
    assert_eq!(
        t.series[0].periods,
        ["1998-W51", "1998-W52", "1998-W53", "1999-W01", "1999-W02", "1999-W03"]
    );
    let t = read("month,units\nNov 2023,5\nDec 2023,6\nFeb 2024,7\nMar 2024,8\n");
    assert_eq!(t.series[0].periods[2], "Jan 2024");
    // A gap in the training rows: the split and the flags stay aligned (no promotion added).
    let t = read(
        "sku,month,units,promo,split\nA,2024-01,3,1,train\nA,2024-03,4,0,train\nA,2024-04,2,1,train\nA,2024-05,7,0,train\nA,2024-06,5,0,test\nA,2024-08,6,1,test\nA,2024-09,1,0,test\n",
    );
    let a = &t.series[0];
    assert_eq!(a.values, [3.0, 0.0, 4.0, 2.0, 7.0, 5.0, 0.0, 6.0, 1.0]);
    assert_eq!(a.train_len, 5);
    assert_eq!(a.flags, [vec![1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0]]);
    // Labels this reader cannot write (day/month/year): noted, not filled.
    let t = read("date,sales\n01/03/2024,5\n02/03/2024,6\n05/03/2024,7\n06/03/2024,8\n");
    assert_eq!(t.series[0].values, [5.0, 6.0, 7.0, 8.0]);
    assert!(t.notes[0].to_string().contains("add them with 0"));
    // carparts' months are complete
    assert!(table("carparts_long.csv").notes.is_empty());
}

/// The groceries file's sales of whole milk and yogurt as a long series file with one row per
/// item sold (`item,date,units`, units 1, in the file's order): a shop's list of single sales.
fn groceries_sales() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/groceries_basket/Groceries_dataset.csv");
    let text = std::fs::read_to_string(path).expect("groceries");
    let mut csv = String::from("item,date,units\n");
    for line in text.lines().skip(1) {
        // Member_number,Date,itemDescription,year,month,day,day_of_week
        let f: Vec<&str> = line.split(',').collect();
        if f.len() > 2 && (f[2] == "whole milk" || f[2] == "yogurt") {
            csv.push_str(&format!("{},{},1\n", f[2], f[1]));
        }
    }
    csv
}

#[test]
fn rows_of_one_period_are_added_up() {
    // pandas: groupby(['itemDescription', 'Date']).size(), reindexed over every day with 0
    let csv = groceries_sales();
    assert_eq!(csv.lines().count(), 1 + 3836);
    let t = SeriesTable::from_csv_reader(csv.as_bytes(), "sales.csv").expect("reads");
    let ids: Vec<&str> = t.series.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["whole milk", "yogurt"]);
    let milk = &t.series[0];
    // 2014-01-01 … 2015-12-30: 697 days with sales, 32 without (added with 0)
    assert_eq!(milk.values.len(), 729);
    assert_eq!(milk.periods[0], "2014-01-01");
    assert_eq!(milk.periods[728], "2015-12-30");
    assert_eq!(milk.values.iter().sum::<f64>(), 2502.0);
    assert_eq!(milk.values.iter().filter(|v| **v == 0.0).count(), 32);
    assert_eq!(milk.values[..5], [2.0, 1.0, 1.0, 5.0, 2.0]);
    assert_eq!(milk.values[724..], [2.0, 3.0, 4.0, 6.0, 3.0]);
    let top = milk.values.iter().copied().fold(0.0, f64::max);
    assert_eq!(top, 15.0);
    let at = milk.values.iter().position(|v| *v == top).expect("max");
    assert_eq!(milk.periods[at], "2015-01-04");
    let yogurt = &t.series[1];
    assert_eq!(yogurt.values.len(), 729);
    assert_eq!(yogurt.values.iter().sum::<f64>(), 1334.0);
    assert_eq!(yogurt.values.iter().filter(|v| **v == 0.0).count(), 129);
    assert_eq!(yogurt.values[..5], [4.0, 3.0, 1.0, 3.0, 0.0]);
    let notes: Vec<String> = t.notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notes[0],
        "3,535 rows hold a period that another row of the same series also holds, and were \
         added up: 996 periods in 2 series (the first: series whole milk, period 2015-04-05, \
         rows 13 and 16). A file that lists single sales gets each period's total this way; if \
         these rows are the same sale written twice, remove the copies."
    );
    assert!(
        notes[1].starts_with("2 series skip periods (161 missing in all;"),
        "{notes:?}"
    );
    // A file of totals with one period written twice gets the same treatment, and a flag
    // holds for the period when any of its rows has it.
    let t = SeriesTable::from_csv_reader(
        "series_id,t,value,promo\na,1,5,0\na,2,6,1\na,2,1,0\na,3,7,0\na,4,8,0\na,4,2,0\n"
            .as_bytes(),
        "t.csv",
    )
    .expect("reads");
    assert_eq!(t.series[0].values, [5.0, 7.0, 7.0, 10.0]);
    assert_eq!(t.series[0].flags, [vec![0.0, 1.0, 0.0, 0.0]]);
    assert!(t.notes[0].to_string().starts_with(
        "4 rows hold a period that another row of the same series also holds, and were added \
         up: 2 periods in 1 series (the first: series a, period 2, rows 2 and 3)."
    ));
    // The CLI forecasts the daily totals and says what it added up.
    let input = temp_file("summed", "sales.csv");
    std::fs::write(&input, &csv).expect("write");
    let (stderr, fc) = cli_forecast(&input, 7);
    assert!(stderr.contains("3,535 rows hold a period"), "{stderr}");
    let rows: Vec<&str> = fc.lines().skip(1).collect();
    assert_eq!(rows.len(), 14);
    // whole milk sells 2,502 / 729 = 3.4 a day: the forecasts are daily totals, not single rows
    for r in &rows[..7] {
        let f: f64 = r
            .split(',')
            .nth(2)
            .and_then(|v| v.parse().ok())
            .expect("forecast");
        assert!((2.0..5.0).contains(&f), "{r}");
    }
    remove_temp(&input);
}

#[test]
fn periods_that_cannot_be_added_up_are_errors() {
    let err = |csv: &str| {
        SeriesTable::from_csv_reader(csv.as_bytes(), "f.csv")
            .expect_err("an error")
            .to_string()
    };
    // long: the same period as train and as test, with a value and empty (a planned period)
    assert_eq!(
        err("series_id,t,value,split\na,1,1,train\na,2,1,train\na,2,1,test\n"),
        "f.csv, row 3, column 'split': this row's period is also in row 2, one marked train \
         and the other test; a period is either history or test"
    );
    assert_eq!(
        err("series_id,t,value,promo\na,1,1,0\na,2,1,1\na,3,,1\na,3,2,0\n"),
        "f.csv, row 4, column 'value': this row's period is also in row 3, one with a value and \
         the other empty (a future period); a period either has sales or is still to come"
    );
    // wide: a table of totals holds each period once (2024-01 and 2024-01-01 are one month)
    assert_eq!(
        err("month,a,b\n2024-01,1,2\n2024-02,3,4\n2024-01-01,5,6\n2024-03,7,8\n"),
        "f.csv, row 3, column 'month': this period is also in row 1; a table with one row per \
         period holds each period once: add the two rows up, or remove one"
    );
    assert_eq!(
        err("id,2024-01,2024-02,2024-01\na,1,2,3\nb,4,5,6\n"),
        "f.csv: the period 2024-01 heads two columns (2 and 4); a table with one column per \
         period holds each period once: add the two columns up, or remove one"
    );
}

#[test]
fn timestamped_sales_are_daily_periods() {
    // single sales with their times: each day's rows added up, the days labelled by their date,
    // a day without sales added with 0 and the forecast days dated
    let t = SeriesTable::from_csv_reader(
        "sku,timestamp,qty\nA,2024-01-01 09:15:00,2\nA,2024-01-01 17:40:12,1\nA,2024-01-02 11:00:00,4\nA,2024-01-04 08:05:00,3\nA,2024-01-05 10:00:00,1\nA,2024-01-05 12:30:00,1\n"
            .as_bytes(),
        "ts.csv",
    )
    .expect("reads");
    let a = &t.series[0];
    assert_eq!(
        a.periods,
        [
            "2024-01-01",
            "2024-01-02",
            "2024-01-03",
            "2024-01-04",
            "2024-01-05"
        ]
    );
    assert_eq!(a.values, [3.0, 4.0, 0.0, 3.0, 2.0]);
    assert!(t.notes[0]
        .to_string()
        .contains("(the first: series A, period 2024-01-01, rows 1 and 2)"));
    // The CLI's --json dates the days ahead as the file dates its days (was `t+1`, `t+2`).
    let input = temp_file("timestamps", "ts.csv");
    let csv = "sku,timestamp,qty\nA,2024-01-01 09:15:00,2\nA,2024-01-02 11:00:00,4\nA,2024-01-03 08:05:00,3\nA,2024-01-04 10:00:00,1\nA,2024-01-05 12:30:00,1\n";
    std::fs::write(&input, csv).expect("write");
    let report = cli_json(&input, &["--horizon", "2"]);
    assert_eq!(
        report["series"][0]["forecast_periods"],
        serde_json::json!(["2024-01-06", "2024-01-07"])
    );
    remove_temp(&input);
}

#[test]
fn european_and_tab_separated_files_are_read() {
    let read = |bytes: &[u8]| SeriesTable::from_csv_reader(bytes, "f.csv").expect("reads");
    let notes = |t: &SeriesTable| t.notes.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    // Excel in most of Europe: `;` between fields, decimal commas, thousands dots
    let t = read("sku;month;units\nA;2024-01;3,5\nA;2024-02;1.234,5\nA;2024-03;5\nB;2024-01;1\nB;2024-02;2,25\nB;2024-03;2\n".as_bytes());
    assert_eq!(t.series.len(), 2);
    assert_eq!(t.series[0].values, [3.5, 1234.5, 5.0]);
    assert_eq!(t.series[1].values, [1.0, 2.25, 2.0]);
    assert_eq!(
        notes(&t),
        [
            "The file's fields are separated by semicolons, and its numbers are written with a \
          decimal comma (12,5 is 12.5)."
        ]
    );
    // whole numbers only: nothing to rewrite, the separator is said
    let t = read("sku;month;units\nA;2024-01;3\nA;2024-02;4\nA;2024-03;5\n".as_bytes());
    assert_eq!(t.series[0].values, [3.0, 4.0, 5.0]);
    assert_eq!(
        notes(&t),
        ["The file's fields are separated by semicolons."]
    );
    // tabs; German dates as labels are not numbers; an id such as 10.100 stays as it is
    let t = read(
        "id\tdate\tsales\n10.100\t2024-03-01\t5\n10.100\t2024-03-02\t6\n10.100\t2024-03-03\t7\n"
            .as_bytes(),
    );
    assert_eq!(t.series[0].id, "10.100");
    assert_eq!(t.series[0].values, [5.0, 6.0, 7.0]);
    assert_eq!(notes(&t), ["The file's fields are separated by tabs."]);
    // a comma file with quoted thousands (1,234.5): read as numbers, nothing to say
    let t = read(
        "sku,month,units\nA,2024-01,\"1,234.5\"\nA,2024-02,\"2,000\"\nA,2024-03,17\n".as_bytes(),
    );
    assert_eq!(t.series[0].values, [1234.5, 2000.0, 17.0]);
    assert!(t.notes.is_empty(), "{:?}", notes(&t));
    // UTF-16 with a byte-order mark, as Excel's "Unicode text" saves it, and a wide table
    let text = "month\tÄpfel\tBirnen\n2024-01\t3\t4\n2024-02\t5\t6\n2024-03\t7\t8\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let t = read(&bytes);
    assert_eq!(t.layout, SeriesLayout::SeriesInColumns);
    assert_eq!(t.series[0].id, "Äpfel");
    assert_eq!(t.series[1].values, [4.0, 6.0, 8.0]);
    // the CLI tells a `;` series file from order lines
    let input = temp_file("semicolon", "monthly.csv");
    let mut csv = String::from("sku;month;units\n");
    for m in 0..24 {
        csv.push_str(&format!(
            "X;{}-{:02};{},5\n",
            2023 + m / 12,
            m % 12 + 1,
            10 + m % 12
        ));
    }
    std::fs::write(&input, csv).expect("write");
    let (stderr, fc) = cli_forecast(&input, 3);
    assert!(
        stderr
            .contains("separated by semicolons, and its numbers are written with a decimal comma"),
        "{stderr}"
    );
    assert_eq!(fc.lines().count(), 4);
    remove_temp(&input);
}

#[test]
fn days_add_up_into_weeks_and_months() {
    use shoplens::analytics::forecast::series::Freq;
    // pandas: the daily totals (groupby + reindex over every day) resampled 'W-SUN' and 'MS';
    // the data run from Wednesday 2014-01-01 to Wednesday 2015-12-30, so the first and last
    // weeks and the last month are incomplete
    let csv = groceries_sales();
    let read = |freq: Freq| {
        let mut t = SeriesTable::from_csv_reader(csv.as_bytes(), "sales.csv").expect("reads");
        t.regroup(freq, "sales.csv").expect("regroups");
        t
    };
    let w = read(Freq::Week);
    let milk = &w.series[0];
    assert_eq!(milk.values.len(), 103);
    assert_eq!(milk.periods[..2], ["2014-01-06", "2014-01-13"]);
    assert_eq!(milk.periods[102], "2015-12-21");
    assert_eq!(milk.values[..3], [21.0, 17.0, 12.0]);
    assert_eq!(milk.values[100..], [23.0, 23.0, 15.0]);
    // all but the 11 and the 13 of the left-out weeks
    assert_eq!(milk.values.iter().sum::<f64>(), 2478.0);
    assert_eq!(milk.train_len, 103);
    assert_eq!(w.series[1].values[..3], [10.0, 16.0, 7.0]);
    assert_eq!(w.series[1].values.iter().sum::<f64>(), 1317.0);
    let notes: Vec<String> = w.notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notes[2..],
        [
            "The file's days were added up into weeks (Monday to Sunday), each labelled by its \
             Monday.",
            "The first week in the data is incomplete (the data start on 2014-01-01) and was \
             left out of the history.",
            "The last week in the data is incomplete and was left out of the history."
        ]
    );
    let m = read(Freq::Month);
    assert_eq!(m.series[0].values.len(), 23);
    assert_eq!(m.series[0].periods[..2], ["2014-01-01", "2014-02-01"]);
    assert_eq!(m.series[0].values[..3], [76.0, 76.0, 95.0]);
    assert_eq!(m.series[0].values[20..], [114.0, 120.0, 142.0]);
    assert_eq!(m.series[1].values[..3], [50.0, 49.0, 46.0]);
    assert_eq!(m.series[1].values[20..], [52.0, 55.0, 58.0]);
    // the weeks get a 52-period season and dated weeks ahead (the CLI's --freq week)
    let input = temp_file("weeks", "sales.csv");
    std::fs::write(&input, &csv).expect("write");
    let report = cli_json(&input, &["--horizon", "4", "--freq", "week"]);
    assert_eq!(report["season"], 52);
    assert_eq!(
        report["series"][0]["forecast_periods"],
        serde_json::json!(["2015-12-28", "2016-01-04", "2016-01-11", "2016-01-18"])
    );
    remove_temp(&input);
    // A shop closed at weekends, 2 units a weekday from Monday 1 January to Friday 29 March
    // 2024: the last week is whole, and so is March (30–31 March are a weekend); January has
    // 23 weekdays, February 21, March to the 29th 21.
    let mut weekdays = String::from("sku,date,units\n");
    let mut d = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    while d <= chrono::NaiveDate::from_ymd_opt(2024, 3, 29).expect("date") {
        if chrono::Datelike::weekday(&d).num_days_from_monday() < 5 {
            weekdays += &format!("A,{d},2\n");
        }
        d += chrono::Duration::days(1);
    }
    let regroup = |freq: Freq| {
        let mut t = SeriesTable::from_csv_reader(weekdays.as_bytes(), "b2b.csv").expect("reads");
        t.regroup(freq, "b2b.csv").expect("regroups");
        t
    };
    let w = regroup(Freq::Week);
    assert_eq!(w.series[0].values, [10.0; 13]);
    assert_eq!(
        w.series[0].periods.last().map(String::as_str),
        Some("2024-03-25")
    );
    assert!(!w.notes.iter().any(|n| n.to_string().contains("incomplete")));
    assert_eq!(regroup(Freq::Month).series[0].values, [46.0, 42.0, 42.0]);
    // what cannot be added up
    let err = |csv: &str| {
        let mut t = SeriesTable::from_csv_reader(csv.as_bytes(), "f.csv").expect("reads");
        t.regroup(Freq::Month, "f.csv")
            .expect_err("an error")
            .to_string()
    };
    assert!(err("sku,month,units\nA,2024-01,3\nA,2024-02,4\n")
        .starts_with("f.csv: only days written as dates (2024-01-31) can be added up into weeks or months; this file has periods such as 2024-01"));
    assert!(
        err("sku,week,units\nA,2024-01-01,3\nA,2024-01-08,4\nA,2024-01-15,4\n")
            .starts_with("f.csv: the dates are 7 days apart, not one")
    );
    assert!(
        err("sku,date,units,promo\nA,2024-01-01,3,0\nA,2024-01-02,4,1\nA,2024-01-03,4,0\n")
            .starts_with(
            "f.csv: a file with a split column, flag columns or planned periods cannot be added up"
        )
    );
}
