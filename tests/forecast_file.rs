//! Forecasting a long series file (the Forecast page's "Forecast a series file…"): the scoring
//! against the file's `test` rows, the shared CSV writer (identical to `shoplens forecast
//! --out`), and the file errors.
use shoplens::analytics::forecast::{
    forecast_file, ForecastError, ModelKind, SeriesFile, SeriesFileParams,
};
use shoplens::text::{CellError, Lang};

mod common;

fn tmp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("shoplens_forecast_file_{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("tmp");
    d.join(name)
}

/// Series A has a season of 2 (10, 20, 12, 22, … rising by 2 per season), series B is constant
/// 5; the last two rows of each are `test`.
fn tiny() -> String {
    let mut s = String::from("series_id,t,value,split\n");
    let a = [
        10.0, 20.0, 12.0, 22.0, 14.0, 24.0, 16.0, 26.0, 18.0, 28.0, 20.0, 30.0,
    ];
    for (i, v) in a.iter().enumerate() {
        s.push_str(&format!("A,{},{v},train\n", i + 1));
    }
    s.push_str("A,13,24,test\nA,14,32,test\n");
    for i in 1..=12 {
        s.push_str(&format!("B,{i},5,train\n"));
    }
    s.push_str("B,13,6,test\nB,14,4,test\n");
    s
}

fn params() -> SeriesFileParams {
    SeriesFileParams {
        horizon: 2,
        season: Some(2),
        model: ModelKind::SeasonalNaive,
        ..SeriesFileParams::default()
    }
}

/// Seasonal naive with season 2 forecasts A's last season again: 20, 30 against the test
/// values 24, 32; B: 5, 5 against 6, 4.
///   sMAPE(A) = (200·4/44 + 200·2/62) / 2; sMAPE(B) = (200·1/11 + 200·1/9) / 2
///   MASE(A): in-sample |y_t − y_{t−2}| = 2 every time, test MAE (4 + 2)/2 = 3 → 1.5;
///   MASE(B): constant history, zero scale → not scored.
#[test]
fn scores_equal_the_hand_computed_smape_and_mase() {
    let file = SeriesFile::read(tiny().as_bytes(), "tiny.csv", Some(2), None).expect("read");
    assert!(file.has_test());
    let r = forecast_file(&file, &params(), &mut |_, _| {}).expect("forecast");
    assert_eq!(r.series.len(), 2);
    assert_eq!(r.series[0].forecast.mean, vec![20.0, 30.0]);
    assert_eq!(r.series[1].forecast.mean, vec![5.0, 5.0]);
    let smape_a = (800.0 / 44.0 + 400.0 / 62.0) / 2.0;
    let smape_b = (200.0 / 11.0 + 200.0 / 9.0) / 2.0;
    assert!((r.series[0].smape.expect("a") - smape_a).abs() < 1e-12);
    assert!((r.series[1].smape.expect("b") - smape_b).abs() < 1e-12);
    assert!((r.series[0].mase.expect("a") - 1.5).abs() < 1e-12);
    assert_eq!(r.series[1].mase, None);
    let sc = r.score.as_ref().expect("scored");
    assert!((sc.smape - (smape_a + smape_b) / 2.0).abs() < 1e-12);
    assert!((sc.mase - 1.5).abs() < 1e-12);
    assert_eq!((sc.series, sc.mase_series, sc.periods), (2, 1, 2));
    // sMAPE (12.32 + 20.20) / 2 = 16.26 (printed with 2 decimals), MASE 1.5
    assert_eq!(format!("{:.2}", sc.smape), "16.26");
    assert_eq!(
        sc.explanation.en(),
        "The file's test rows were held out: each of the 2 series was forecast from its \
         training rows only and compared with its first 2 test periods. sMAPE 16.26% is the \
         average gap between forecast and actual as a share of their size (0% is perfect). \
         MASE 1.500 compares the average error with that of repeating the value one season \
         (2 periods) earlier within the training rows: 1 or above, so the forecasts did not \
         beat that simple rule on these periods."
    );
    let zh = sc.explanation.render(Lang::Zh);
    for part in [
        "2 个序列",
        "sMAPE 16.26%",
        "MASE 1.500",
        "（2 期前）",
        "不低于 1",
    ] {
        assert!(zh.contains(part), "{part} in {zh}");
    }
    // A file without test rows is not scored.
    let no_test = tiny().replace(",test", ",train");
    let file = SeriesFile::read(no_test.as_bytes(), "t.csv", Some(2), None).expect("read");
    let r = forecast_file(&file, &params(), &mut |_, _| {}).expect("forecast");
    assert!(r.score.is_none() && r.series.iter().all(|s| s.smape.is_none()));
}

/// The page's CSV (the shared writer) is byte for byte the CLI's `--out` file.
#[test]
fn page_csv_equals_the_cli_output() {
    let input = tmp("tiny.csv");
    std::fs::write(&input, tiny()).expect("write");
    let out = tmp("tiny_out.csv");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args([
            "forecast",
            input.to_str().expect("p"),
            "--horizon",
            "2",
            "--season",
            "2",
            "--model",
            "seasonal_naive",
            "--out",
            out.to_str().expect("p"),
        ])
        .output()
        .expect("spawn");
    assert!(status.status.success(), "{:?}", status);
    let cli = std::fs::read_to_string(&out).expect("out");
    let file = SeriesFile::read(tiny().as_bytes(), "tiny.csv", Some(2), None).expect("read");
    let page = forecast_file(&file, &params(), &mut |_, _| {})
        .expect("forecast")
        .csv()
        .expect("csv");
    assert_eq!(page, cli);
    let mut lines = cli.lines();
    assert_eq!(
        lines.next(),
        Some("series_id,step,forecast,lo80,hi80,lo95,hi95,model")
    );
    assert_eq!(lines.count(), 4);
    // The same with the season inferred (integer periods: 1) and the automatic model.
    let file = SeriesFile::read(tiny().as_bytes(), "tiny.csv", None, None).expect("read");
    assert_eq!((file.season, file.season_inferred), (1, true));
}

#[test]
fn bad_files_name_the_file_row_and_column() {
    // (the columns are recognised on the first 20 rows; B's 10th row is data row 24)
    let bad = tiny().replace("B,10,5,train", "B,10,five,train");
    let e = SeriesFile::read(bad.as_bytes(), "tiny.csv", None, None).expect_err("bad value");
    assert_eq!(
        e.to_string(),
        "tiny.csv, row 24, column 'value': expected a number, found 'five'"
    );
    assert!(matches!(e, ForecastError::Cell(CellError { row: 24, .. })));
    common::assert_zh(
        "bad cell",
        &e.text(),
        &["tiny.csv 第 24 行", "应为数字", "five"],
    );
    let e = SeriesFile::read(b"a,b\nx,y\n", "odd.csv", None, None).expect_err("no columns");
    assert!(e
        .to_string()
        .starts_with("odd.csv: cannot find a period column (ds, date, t,"));
    assert!(e.text().render(Lang::Zh).contains("找不到时期列"));
}

/// The bundled sample (`www/sample/series/monthly_series.csv`): 6 monthly series, 12 test
/// months each, season 12 inferred from the `YYYY-MM` periods.
#[test]
fn bundled_sample_series_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/sample/series/monthly_series.csv");
    let bytes = std::fs::read(path).expect("sample");
    let file = SeriesFile::read(&bytes, "monthly_series.csv", None, None).expect("read");
    assert_eq!(file.series.len(), 6);
    assert_eq!((file.season, file.season_inferred), (12, true));
    assert!(file
        .series
        .iter()
        .all(|s| s.values.len() - s.train_len == 12));
}

/// A `GROUP BY` export of a shop's daily sales from Monday 2024-01-01 to Saturday 2024-03-09
/// (ten weeks): rows only for the days that sold. The shop never opens on Sunday; `busy` sells
/// every other day (20 on Monday up to 30 on Saturday), `slow` on Mondays (5) and Thursdays
/// (3) only. With `holiday`, nothing sells on Wednesday 2024-02-07.
fn daily_export(holiday: bool) -> String {
    let mut s = String::from("sku,date,units\n");
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    for i in 0..69 {
        let day = start + chrono::Duration::days(i);
        let w = i % 7;
        if w == 6 || (holiday && i == 37) {
            continue;
        }
        s.push_str(&format!("busy,{day},{}\n", 20 + 2 * w));
        match w {
            0 => s.push_str(&format!("slow,{day},5\n")),
            3 => s.push_str(&format!("slow,{day},3\n")),
            _ => {}
        }
    }
    s
}

/// The file's step is a day although `slow` alone steps by three or four: its days without
/// a row are days without sales, added with 0 (before, its rows were taken as consecutive
/// periods, so its history and forecast had no calendar).
#[test]
fn a_daily_export_reads_a_slow_product_day_by_day() {
    let f =
        SeriesFile::read(daily_export(false).as_bytes(), "daily.csv", None, None).expect("read");
    assert_eq!(f.season, 7);
    let slow = &f.series[1];
    assert_eq!(slow.id, "slow");
    // from its first Monday to its last Thursday (2024-03-07): 67 days
    assert_eq!(slow.periods.len(), 67);
    assert_eq!(slow.periods[0], "2024-01-01");
    assert_eq!(slow.periods[66], "2024-03-07");
    assert_eq!(&slow.values[..8], &[5.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 5.0]);
    let notes: Vec<String> = f.notes(14).iter().map(|t| t.en()).collect();
    assert!(
        notes[0].starts_with("2 series skip periods (")
            && notes[0].contains("the missing ones were added with 0"),
        "{notes:?}"
    );
}

/// Closures judged on the file's series added up: Sunday never sells (closed weekday), and
/// Wednesday 2024-02-07 sold nothing in either series though the shop opens on Wednesdays
/// (a holiday). The Sundays ahead are forecast 0 (bounds too) and the holiday is filled in
/// for the models, as for order lines.
#[test]
fn a_daily_file_has_the_order_lines_closed_days_and_holidays() {
    let f = SeriesFile::read(daily_export(true).as_bytes(), "daily.csv", None, None).expect("read");
    let c = f.closures.as_ref().expect("closures");
    assert_eq!(
        c.weekdays,
        Some(([false, false, false, false, false, false, true], 8))
    );
    let feb7 = shoplens::data::dates::days_from_civil(2024, 2, 7);
    assert_eq!(c.days, vec![feb7]);
    assert!(c.annual.is_empty());
    let notes: Vec<String> = f.notes(14).iter().map(|t| t.en()).collect();
    assert!(notes.contains(&"No series of the file sold anything on Sunday in any of the last 8 weeks: the shop is taken to be closed then. Those days are forecast 0, and the other days from the open days alone.".to_string()), "{notes:?}");
    assert!(notes.iter().any(|n| n.starts_with(
        "No series of the file sold anything on 1 day the shop usually opens (2024-02-07): taken as holidays or closures."
    )), "{notes:?}");
    let named = f.named(14);
    // busy starts on a Monday: its 7th day is a Sunday; the holiday is its day 37
    assert_eq!(
        named[0].closed,
        vec![false, false, false, false, false, false, true]
    );
    assert_eq!(named[0].shut, vec![37]);
    // slow ends on Thursday 2024-03-07: the horizon's days 3 and 10 are Sundays
    assert_eq!(named[1].values.len(), 67);
    assert_eq!(named[1].shut, vec![37]);
    let params = SeriesFileParams {
        horizon: 14,
        ..SeriesFileParams::default()
    };
    let r = forecast_file(&f, &params, &mut |_, _| {}).expect("forecast");
    let sundays = |s: &shoplens::analytics::forecast::file::FileSeries| -> Vec<usize> {
        (0..14)
            .filter(|k| {
                let d = chrono::NaiveDate::parse_from_str(&s.future_periods[*k], "%Y-%m-%d")
                    .expect("date");
                chrono::Datelike::weekday(&d) == chrono::Weekday::Sun
            })
            .collect()
    };
    for s in &r.series {
        let days = sundays(s);
        assert_eq!(days.len(), 2, "{}", s.id);
        for k in days {
            assert_eq!(s.forecast.mean[k], 0.0, "{} step {k}", s.id);
            for iv in &s.forecast.intervals {
                assert_eq!((iv.lower[k], iv.upper[k]), (0.0, 0.0), "{} step {k}", s.id);
            }
        }
    }
    // busy: Monday 20 … Saturday 30, every week the same: the next Monday is 20
    let busy = &r.series[0];
    assert_eq!(busy.future_periods[0], "2024-03-10");
    assert!(
        (busy.forecast.mean[1] - 20.0).abs() < 1.0,
        "{:?}",
        busy.forecast.mean
    );
    assert!(
        (busy.forecast.mean[6] - 30.0).abs() < 1.0,
        "{:?}",
        busy.forecast.mean
    );
}

/// A single slow product that never sold on a Monday in eight weeks, but sold nothing on most
/// other days too: its Mondays are not taken as a closed weekday (the file may be one
/// product's, not the shop's), and its days without sales are not holidays.
#[test]
fn a_slow_product_alone_keeps_its_weekdays() {
    use shoplens::analytics::forecast::series::{closed_weekdays, AggregatedSeries};
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    let mut csv = String::from("sku,date,units\n");
    let mut values = Vec::new();
    for i in 0..70 {
        let v = if i % 7 != 0 && (i * 37) % 10 < 4 {
            3.0
        } else {
            0.0
        };
        values.push(v);
        csv.push_str(&format!("P,{},{v}\n", start + chrono::Duration::days(i)));
    }
    let total = AggregatedSeries {
        id: "P".into(),
        label: "P".into(),
        first_period: shoplens::data::dates::days_from_civil(2024, 1, 1),
        values,
    };
    // the order lines' rule alone would close Mondays
    assert_eq!(
        closed_weekdays(&total),
        Some(([true, false, false, false, false, false, false], 8))
    );
    let f = SeriesFile::read(csv.as_bytes(), "slow.csv", None, None).expect("read");
    assert_eq!(f.season, 7);
    assert_eq!(f.closures, None);
    assert!(f
        .named(7)
        .iter()
        .all(|s| s.closed.is_empty() && s.shut.is_empty()));
}

/// A shop's daily total, 10 units every day but Sunday, from Monday 2023-12-04 to Sunday
/// 2024-12-15, shut from Monday 2023-12-25 to Monday 2024-01-01 (seven closure days: a long
/// closure, to come back a year later), written as a `GROUP BY` export (no rows on the days
/// without sales).
fn daily_total_with_christmas() -> String {
    let mut s = String::from("date,units\n");
    let start = chrono::NaiveDate::from_ymd_opt(2023, 12, 4).expect("date");
    let (from, to) = (
        chrono::NaiveDate::from_ymd_opt(2023, 12, 25).expect("date"),
        chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date"),
    );
    for i in 0..378 {
        let day = start + chrono::Duration::days(i);
        if i % 7 == 6 || (from..=to).contains(&day) {
            continue;
        }
        s.push_str(&format!("{day},10\n"));
    }
    s
}

/// The same file added up into weeks, as order lines' weekly total (`NamedSeries::part_open`,
/// `open_share`): the Christmas weeks of the history are seen at a whole week's sales (60),
/// and the weeks ahead on the closure's dates a year later keep the share of a week's sales
/// their open days make: 2024-12-23 opens Monday and Tuesday (2 of 6 days), 2024-12-30
/// Thursday to Saturday (3 of 6).
#[test]
fn a_file_of_days_added_up_into_weeks_keeps_the_order_lines_closures() {
    let f = SeriesFile::read(
        daily_total_with_christmas().as_bytes(),
        "daily_total.csv",
        None,
        Some(shoplens::analytics::forecast::series::Freq::Week),
    )
    .expect("read");
    assert_eq!(f.season, 52);
    let s = &f.series[0];
    assert_eq!(s.periods[0], "2023-12-04");
    assert_eq!(s.values.len(), 54);
    // the history as the file has it: 60 a week, 0 over Christmas, 50 in New Year's week
    assert_eq!(&s.values[2..6], &[60.0, 0.0, 50.0, 60.0]);
    let named = f.named(4);
    let part: Vec<(usize, f64)> = named[0].part_open.clone();
    assert_eq!(part.len(), 2, "{part:?}");
    assert_eq!(part[0], (3, 0.0));
    assert_eq!(part[1].0, 4);
    assert!((part[1].1 - 5.0 / 6.0).abs() < 1e-12, "{part:?}");
    let share = &named[0].open_share;
    assert_eq!(share.len(), 4);
    for (got, want) in share.iter().zip([1.0, 2.0 / 6.0, 3.0 / 6.0, 1.0]) {
        assert!((got - want).abs() < 1e-12, "{share:?}");
    }
    let notes: Vec<String> = f.notes(4).iter().map(|t| t.en()).collect();
    assert!(
        notes.iter().any(|n| {
            n.starts_with(
        "Closures (holidays) cover 2 weeks of the history in part (2023-12-25 0%, 2024-01-01 83%"
    )
        }),
        "{notes:?}"
    );
    assert!(notes.iter().any(|n| n.starts_with(
        "The shop was closed from 2023-12-25 to 2024-01-01 a year before: the weeks ahead on those dates are forecast for the days it will open only"
    ) && n.contains("2024-12-23 33%, 2024-12-30 50%")), "{notes:?}");
    // the models see 60 every week: the forecast is 60 times each week's share
    let params = SeriesFileParams {
        horizon: 4,
        group: Some(shoplens::analytics::forecast::series::Freq::Week),
        ..SeriesFileParams::default()
    };
    let r = forecast_file(&f, &params, &mut |_, _| {}).expect("forecast");
    let mean = &r.series[0].forecast.mean;
    for (got, want) in mean.iter().zip([60.0, 20.0, 30.0, 60.0]) {
        assert!((got - want).abs() < 1e-6, "{mean:?}");
    }
    // two series: a product's weeks are left as they sold (per product the rule made order
    // lines' weekly error worse); the weeks ahead still keep their open share
    let two = daily_total_with_christmas().replace("date,units\n", "sku,date,units\n");
    let two: String = two
        .lines()
        .enumerate()
        .map(|(i, l)| match i {
            0 => format!("{l}\n"),
            _ => format!("A,{l}\nB,{l}\n"),
        })
        .collect();
    let f2 = SeriesFile::read(
        two.as_bytes(),
        "two.csv",
        None,
        Some(shoplens::analytics::forecast::series::Freq::Week),
    )
    .expect("read");
    let named2 = f2.named(4);
    assert!(named2.iter().all(|s| s.part_open.is_empty()));
    assert!(named2.iter().all(|s| s.open_share == *share));
}
