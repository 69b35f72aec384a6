//! Exploration helper (ignored): per-model M3 monthly accuracy and timings.
mod forecast_common;
use forecast_common::*;
use shoplens::analytics::forecast::metrics::{mase, smape};
use shoplens::analytics::forecast::select::{fit_model, ModelKind};

#[test]
#[ignore]
fn m3_explore() {
    let stride: usize = std::env::var("STRIDE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let series: Vec<M3Series> = load_m3("MONTHLY").into_iter().step_by(stride).collect();
    let names = std::env::var("MODELS").unwrap_or("snaive,ets,theta".into());
    let kinds: Vec<(String, ModelKind)> = names
        .split(',')
        .map(|n| {
            (
                n.to_string(),
                match n {
                    "snaive" => ModelKind::SeasonalNaive,
                    "naive" => ModelKind::Naive,
                    "ets" => ModelKind::Ets,
                    "theta" => ModelKind::Theta,
                    other => ModelKind::parse(other).expect("model"),
                },
            )
        })
        .collect();
    let limit: usize = std::env::var("LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let mut fc: Vec<Vec<Vec<f64>>> = vec![Vec::new(); kinds.len()];
    for (k, (name, kind)) in kinds.iter().enumerate() {
        let t = std::time::Instant::now();
        let cache = format!("/tmp/fc_cache_{name}_{stride}.json");
        if std::env::var("CACHE").is_ok() {
            if let Ok(txt) = std::fs::read_to_string(&cache) {
                fc[k] = serde_json::from_str(&txt).unwrap();
                continue;
            }
        }
        let sub: Vec<&M3Series> = series.iter().take(limit).collect();
        let half = sub.len().div_ceil(2).max(1);
        let kind = *kind;
        fc[k] = std::thread::scope(|sc| {
            let hs: Vec<_> = sub
                .chunks(half)
                .map(|chunk| {
                    sc.spawn(move || {
                        chunk
                            .iter()
                            .map(|s| {
                                fit_model(kind, &s.train, 12)
                                    .map(|m| m.predict(18, &[]).mean)
                                    .unwrap_or_else(|_| vec![*s.train.last().unwrap(); 18])
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            hs.into_iter().flat_map(|h| h.join().unwrap()).collect()
        });
        eprintln!("{name}: {:.1}s", t.elapsed().as_secs_f64());
        std::fs::write(&cache, serde_json::to_string(&fc[k]).unwrap()).unwrap();
    }
    let score = |f: &dyn Fn(usize) -> Vec<f64>| {
        let (mut a, mut b, mut c) = (0.0, 0.0, 0usize);
        for (i, s) in series.iter().take(limit).enumerate() {
            let p = f(i);
            a += smape(&s.test, &p);
            b += mase(&s.train, &s.test, &p, 12);
            c += 1;
        }
        (a / c as f64, b / c as f64)
    };
    for (k, (name, _)) in kinds.iter().enumerate() {
        let (a, b) = score(&|i| fc[k][i].clone());
        eprintln!("{name}: sMAPE {a:.3} MASE {b:.4}");
    }
    if kinds.len() > 1 {
        let (a, b) = score(&|i| {
            (0..18)
                .map(|h| fc.iter().map(|f| f[i][h]).sum::<f64>() / kinds.len() as f64)
                .collect()
        });
        eprintln!("mean of all: sMAPE {a:.3} MASE {b:.4}");
        let (a, b) = score(&|i| {
            (0..18)
                .map(|h| {
                    let mut v: Vec<f64> = fc.iter().map(|f| f[i][h]).collect();
                    v.sort_by(|x, y| x.total_cmp(y));
                    let n = v.len();
                    if n % 2 == 1 {
                        v[n / 2]
                    } else {
                        (v[n / 2 - 1] + v[n / 2]) / 2.0
                    }
                })
                .collect()
        });
        eprintln!("median of all: sMAPE {a:.3} MASE {b:.4}");
    }
}

#[test]
#[ignore]
fn m3_arima_debug() {
    use shoplens::analytics::forecast::arima::{AutoArima, AutoArimaOptions};
    use shoplens::analytics::forecast::FittedModel;
    let series = load_m3("MONTHLY");
    let limit: usize = std::env::var("LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let stride: usize = std::env::var("STRIDE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let opt = AutoArimaOptions {
        approximation: std::env::var("APPROX").is_ok(),
    };
    let (mut tot_s, mut tot_m, mut cnt) = (0.0, 0.0, 0.0);
    for s in series.iter().step_by(stride).take(limit) {
        let t = std::time::Instant::now();
        match AutoArima::fit_with(&s.train, 12, opt) {
            Ok(a) => {
                let f = a.predict(18, &[]).mean;
                let ms = mase(&s.train, &s.test, &f, 12);
                let sm = smape(&s.test, &f);
                tot_s += sm;
                tot_m += ms;
                cnt += 1.0;
                eprintln!(
                    "{} n={} {} tried={} smape={sm:.1} mase={ms:.3} {:.0}ms",
                    s.id,
                    s.train.len(),
                    a.name(),
                    a.tried,
                    t.elapsed().as_secs_f64() * 1000.0
                );
            }
            Err(e) => eprintln!("{} error {e}", s.id),
        }
    }
    eprintln!(
        "total: sMAPE {:.3} MASE {:.4} over {cnt}",
        tot_s / cnt,
        tot_m / cnt
    );
}
