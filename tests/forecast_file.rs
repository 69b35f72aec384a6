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
