//! M3 monthly (1,428 series, h = 18, m = 12, the given train/test split). Peers on this
//! protocol (statsforecast 2.1.1): SeasonalNaive 17.23 / 1.146; AutoARIMA 15.25 / 0.876;
//! AutoTheta 14.97 / 0.861; AutoETS 14.16 / 0.863; mean of ETS, ARIMA, Theta 13.86 / 0.829.
//! Ours (BENCHMARKS.md, round 6): the automatic forecaster 13.318 / 0.8300; Theta (DOTM) alone
//! 13.720 / 0.8500; CES alone 15.393 / 0.8669.
//!
//! The full runs are `#[ignore]`d (minutes in release): `cargo test --release --test
//! forecast_m3 -- --ignored`. CI (`scripts/test.sh`, test step) runs the stratified subset
//! `m3_monthly_subset_auto_beats_peers` only.
mod forecast_common;
use forecast_common::{load_m3, M3Series};
use shoplens::analytics::forecast::metrics::{mase, smape};
use shoplens::analytics::forecast::select::{auto_forecast, fit_model, AutoOptions, ModelKind};
use shoplens::analytics::forecast::Forecast;

/// Mean sMAPE and MASE of `f` over `series`, on two threads (native tests only).
fn score_on(series: &[M3Series], f: &(dyn Fn(&[f64]) -> Vec<f64> + Sync)) -> (f64, f64) {
    let s = scores(series, &|y| Forecast {
        mean: f(y),
        intervals: Vec::new(),
    });
    (s.smape, s.mase)
}

/// Accuracy and interval coverage over a set of series.
struct Scores {
    smape: f64,
    mase: f64,
    /// Share of the test values inside the 80% and the 95% interval (when computed).
    cover80: f64,
    cover95: f64,
}

/// Mean sMAPE, MASE and the coverage of the 80% and 95% intervals of `f` over `series`, on two
/// threads (native tests only).
fn scores(series: &[M3Series], f: &(dyn Fn(&[f64]) -> Forecast + Sync)) -> Scores {
    let half = series.len().div_ceil(2);
    let parts: Vec<[f64; 4]> = std::thread::scope(|sc| {
        let hs: Vec<_> = series
            .chunks(half.max(1))
            .map(|chunk| {
                sc.spawn(move || {
                    let mut acc = [0.0; 4];
                    for s in chunk {
                        assert_eq!(s.test.len(), 18, "{}", s.id);
                        let p = f(&s.train);
                        acc[0] += smape(&s.test, &p.mean);
                        acc[1] += mase(&s.train, &s.test, &p.mean, 12);
                        for (i, level) in [(2, 80.0), (3, 95.0)] {
                            if let Some(iv) = p.interval(level) {
                                acc[i] += (0..18)
                                    .filter(|&h| {
                                        iv.lower[h] <= s.test[h] && s.test[h] <= iv.upper[h]
                                    })
                                    .count() as f64
                                    / 18.0;
                            }
                        }
                    }
                    acc
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().expect("thread")).collect()
    });
    let n = series.len() as f64;
    let total = |i: usize| parts.iter().map(|p| p[i]).sum::<f64>() / n;
    Scores {
        smape: total(0),
        mase: total(1),
        cover80: total(2),
        cover95: total(3),
    }
}

/// The automatic forecaster's forecasts with 80% and 95% intervals.
fn auto(y: &[f64]) -> Forecast {
    auto_forecast(y, 12, 18, &AutoOptions::default())
        .expect("auto")
        .model
        .predict(18, &[80.0, 95.0])
}

fn fitted(kind: ModelKind) -> impl Fn(&[f64]) -> Vec<f64> + Sync {
    move |y| fit_model(kind, y, 12).expect("fit").predict(18, &[]).mean
}

#[test]
fn m3_monthly_protocol_seasonal_naive() {
    let series = load_m3("MONTHLY");
    assert_eq!(series.len(), 1428);
    let (s, m) = score_on(&series, &fitted(ModelKind::SeasonalNaive));
    assert!(
        (s - 17.23).abs() < 0.005 && (m - 1.146).abs() < 0.0005,
        "{s} {m}"
    );
}

/// The automatic forecaster on all 1,428 series (what BENCHMARKS.md records).
#[test]
#[ignore]
fn m3_monthly_auto_beats_peers() {
    let t = std::time::Instant::now();
    let sc = scores(&load_m3("MONTHLY"), &auto);
    let (s, m) = (sc.smape, sc.mase);
    eprintln!(
        "M3 monthly auto: sMAPE {s:.3} MASE {m:.4}, coverage 80% {:.4} 95% {:.4} ({:.0} s wall, 2 threads)",
        sc.cover80,
        sc.cover95,
        t.elapsed().as_secs_f64()
    );
    assert!(s <= 13.86 && m <= 0.829, "sMAPE {s} MASE {m}");
}

/// The combination alone (no backtest).
#[test]
#[ignore]
fn m3_monthly_ensemble() {
    let t = std::time::Instant::now();
    let (s, m) = score_on(&load_m3("MONTHLY"), &fitted(ModelKind::Ensemble));
    eprintln!(
        "M3 monthly ensemble: sMAPE {s:.3} MASE {m:.4} ({:.0} s wall, 2 threads)",
        t.elapsed().as_secs_f64()
    );
    assert!(s <= 13.86 && m <= 0.829, "sMAPE {s} MASE {m}");
}

/// Regression guard for the CI subset: our automatic forecaster (trimmed mean of THieF over
/// AutoETS, ARIMA, Theta (DOTM), standard Theta, NNAR, CES, damped ETS, seasonal naive) scores
/// 13.177 / 0.8186 there (round 6, AutoETS in THieF's place: 13.166 / 0.8130; round 4, without
/// CES: 13.191 / 0.8237; round 3, without NNAR: 13.179 / 0.8106; before round 3, with the
/// five-member rule and AutoTheta's rule for Theta: 13.222 / 0.8069; median of ETS, ARIMA,
/// Theta: 13.599 / 0.8041). The peers on the same 204 series (statsforecast 2.1.1): AutoETS
/// 14.344 / 0.8384, AutoTheta 15.209 / 0.8492, AutoARIMA 14.978 / 0.8097, their mean 14.153 /
/// 0.7994 — sMAPE beaten, MASE 0.019 above their mean (BENCHMARKS.md).
const SUBSET_SMAPE: f64 = 13.23;
const SUBSET_MASE: f64 = 0.822;
/// Coverage guard for the CI subset: the share of the 204 × 18 test values inside the 80% and
/// the 95% intervals must stay within a few points of the level. Measured with the bands
/// widened by the members' spread (round 5): 0.8489 and 0.9485 (with CES, round 6: 0.8489 and
/// 0.9518; THieF for ETS, round 7: 0.8434 and 0.9502); on all 1,428 series 0.8495
/// and 0.9555 (averaged bounds before: 0.7928 / 0.9273 here, 0.8019 / 0.9302 on all;
/// BENCHMARKS.md "Interval coverage"). The page says "the future should fall inside the
/// 80% / 95% band that often"; this holds it to that.
const SUBSET_COVER80: (f64, f64) = (0.78, 0.88);
const SUBSET_COVER95: (f64, f64) = (0.92, 0.99);

/// CI subset: every 7th M3 monthly series in id order (204 series; the ids run through the
/// six M3 categories in blocks, so the stride samples every category and length in
/// proportion). Peers on the same subset (`python3 benches/forecast/m3_statsforecast.py
/// AutoETS,AutoTheta,AutoARIMA 7`): see [`SUBSET_SMAPE`].
#[test]
#[ignore]
fn m3_monthly_subset_auto_beats_peers() {
    let series: Vec<M3Series> = load_m3("MONTHLY").into_iter().step_by(7).collect();
    assert_eq!(series.len(), 204);
    let t = std::time::Instant::now();
    let sc = scores(&series, &auto);
    let (s, m) = (sc.smape, sc.mase);
    eprintln!(
        "M3 monthly subset (204) auto: sMAPE {s:.3} MASE {m:.4}, coverage 80% {:.4} 95% {:.4} ({:.0} s wall, 2 threads)",
        sc.cover80,
        sc.cover95,
        t.elapsed().as_secs_f64()
    );
    assert!(s <= SUBSET_SMAPE && m <= SUBSET_MASE, "sMAPE {s} MASE {m}");
    // The intervals hold what the page promises (SUBSET_COVER80, SUBSET_COVER95).
    assert!(
        (SUBSET_COVER80.0..=SUBSET_COVER80.1).contains(&sc.cover80)
            && (SUBSET_COVER95.0..=SUBSET_COVER95.1).contains(&sc.cover95),
        "coverage 80% {} 95% {}",
        sc.cover80,
        sc.cover95
    );
}

/// How the ensemble combines its members, chosen without the M3 test set: every series' last
/// 18 *training* months are held out, ETS, ARIMA and Theta are fitted on the rest, and the
/// median and the mean of their forecasts are scored on the held-out months (`STRIDE`
/// samples the series; 1 = all). It split (median better sMAPE, mean better MASE); the rule
/// `select::ENSEMBLE_COMBINE` uses now, the trimmed mean of eight members, was chosen on the
/// same validation split from `tests/forecast_explore.rs` `m3_member_dump` (BENCHMARKS.md).
#[test]
#[ignore]
fn m3_monthly_validation_chooses_combination() {
    use shoplens::analytics::forecast::ensemble::{combine_forecasts, Combine};
    let stride: usize = std::env::var("STRIDE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let series: Vec<M3Series> = load_m3("MONTHLY")
        .into_iter()
        .step_by(stride)
        .filter(|s| s.train.len() >= 18 + 30)
        .map(|s| {
            let cut = s.train.len() - 18;
            M3Series {
                id: s.id.clone(),
                train: s.train[..cut].to_vec(),
                test: s.train[cut..].to_vec(),
            }
        })
        .collect();
    let members = |y: &[f64]| -> Vec<shoplens::analytics::forecast::Forecast> {
        [ModelKind::Ets, ModelKind::Arima, ModelKind::Theta]
            .iter()
            .filter_map(|k| fit_model(*k, y, 12).ok())
            .map(|f| f.predict(18, &[]))
            .collect()
    };
    let t = std::time::Instant::now();
    let both = |y: &[f64]| -> (Vec<f64>, Vec<f64>) {
        let fs = members(y);
        (
            combine_forecasts(&fs, Combine::Median).mean,
            combine_forecasts(&fs, Combine::Mean).mean,
        )
    };
    // Fit once per series, score both combinations.
    let results: Vec<(Vec<f64>, Vec<f64>)> = {
        let half = series.len().div_ceil(2).max(1);
        std::thread::scope(|sc| {
            let hs: Vec<_> = series
                .chunks(half)
                .map(|c| sc.spawn(move || c.iter().map(|s| both(&s.train)).collect::<Vec<_>>()))
                .collect();
            hs.into_iter()
                .flat_map(|h| h.join().expect("thread"))
                .collect()
        })
    };
    let n = series.len() as f64;
    let (mut med, mut mean) = ((0.0, 0.0), (0.0, 0.0));
    for (s, (a, b)) in series.iter().zip(&results) {
        med.0 += smape(&s.test, a) / n;
        med.1 += mase(&s.train, &s.test, a, 12) / n;
        mean.0 += smape(&s.test, b) / n;
        mean.1 += mase(&s.train, &s.test, b, 12) / n;
    }
    eprintln!(
        "M3 monthly validation (last 18 training months, {} series, {:.0} s): median sMAPE \
         {:.3} MASE {:.4}; mean sMAPE {:.3} MASE {:.4}",
        series.len(),
        t.elapsed().as_secs_f64(),
        med.0,
        med.1,
        mean.0,
        mean.1
    );
}
