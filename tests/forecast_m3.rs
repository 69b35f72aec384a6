//! M3 monthly (1,428 series, h = 18, m = 12, the given train/test split). Peers on this
//! protocol (statsforecast 2.1.1): SeasonalNaive 17.23 / 1.146; AutoARIMA 15.25 / 0.876;
//! AutoTheta 14.97 / 0.861; AutoETS 14.16 / 0.863; mean of ETS, ARIMA, Theta 13.86 / 0.829.
mod forecast_common;
use forecast_common::load_m3;
use shoplens::analytics::forecast::metrics::{mase, smape};
use shoplens::analytics::forecast::select::{auto_forecast, fit_model, AutoOptions, ModelKind};

fn score(f: &dyn Fn(&[f64]) -> Vec<f64>) -> (f64, f64, usize) {
    let series = load_m3("MONTHLY");
    let (mut a, mut b) = (0.0, 0.0);
    for s in &series {
        assert_eq!(s.test.len(), 18, "{}", s.id);
        let p = f(&s.train);
        a += smape(&s.test, &p);
        b += mase(&s.train, &s.test, &p, 12);
    }
    let n = series.len() as f64;
    (a / n, b / n, series.len())
}

#[test]
fn m3_monthly_protocol_seasonal_naive() {
    let (s, m, n) = score(&|y| {
        fit_model(ModelKind::SeasonalNaive, y, 12)
            .expect("fit")
            .predict(18, &[])
            .mean
    });
    assert_eq!(n, 1428);
    assert!(
        (s - 17.23).abs() < 0.005 && (m - 1.146).abs() < 0.0005,
        "{s} {m}"
    );
}

/// Several minutes in release (ETS + ARIMA + Theta with a 2-window backtest on 1,428 series):
/// `cargo test --release --test forecast_m3 -- --ignored`.
#[test]
#[ignore]
fn m3_monthly_auto_beats_peers() {
    let t = std::time::Instant::now();
    let (s, m, _) = score(&|y| {
        auto_forecast(y, 12, 18, &AutoOptions::default())
            .expect("auto")
            .model
            .predict(18, &[])
            .mean
    });
    eprintln!(
        "M3 monthly auto: sMAPE {s:.3} MASE {m:.4} ({:.0} s)",
        t.elapsed().as_secs_f64()
    );
    assert!(s <= 13.86 && m <= 0.829, "sMAPE {s} MASE {m}");
}

/// The combination alone (no backtest): `cargo test --release --test forecast_m3 -- --ignored`.
#[test]
#[ignore]
fn m3_monthly_ensemble() {
    let t = std::time::Instant::now();
    let (s, m, _) = score(&|y| {
        fit_model(ModelKind::Ensemble, y, 12)
            .expect("fit")
            .predict(18, &[])
            .mean
    });
    eprintln!(
        "M3 monthly ensemble: sMAPE {s:.3} MASE {m:.4} ({:.0} s)",
        t.elapsed().as_secs_f64()
    );
    assert!(s <= 13.86 && m <= 0.829, "sMAPE {s} MASE {m}");
}
