//! Exploration helper (ignored): per-model M3 monthly accuracy and timings.
mod forecast_common;
use forecast_common::*;
use shoplens::analytics::forecast::metrics::{mase, smape};
use shoplens::analytics::forecast::select::{fit_model, ModelKind};

#[test]
#[ignore]
fn m3_explore() {
    let series = load_m3("MONTHLY");
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
        let cache = format!("/tmp/fc_cache_{name}.json");
        if std::env::var("CACHE").is_ok() {
            if let Ok(txt) = std::fs::read_to_string(&cache) {
                fc[k] = serde_json::from_str(&txt).unwrap();
                continue;
            }
        }
        for s in series.iter().take(limit) {
            let f = fit_model(*kind, &s.train, 12)
                .map(|m| m.predict(18, &[]).mean)
                .unwrap_or_else(|_| vec![*s.train.last().unwrap(); 18]);
            fc[k].push(f);
        }
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
    use shoplens::analytics::forecast::arima::AutoArima;
    use shoplens::analytics::forecast::FittedModel;
    let series = load_m3("MONTHLY");
    let limit: usize = std::env::var("LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    for s in series.iter().take(limit) {
        let t = std::time::Instant::now();
        match AutoArima::fit(&s.train, 12) {
            Ok(a) => {
                let f = a.predict(18, &[]).mean;
                let ms = mase(&s.train, &s.test, &f, 12);
                eprintln!(
                    "{} n={} {} tried={} mase={ms:.3} {:.0}ms",
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
}
