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

/// Per-series AutoARIMA diagnostics (ignored): `STRIDE`, `OFFSET`, `OUT` (JSON lines with the
/// id, chosen order and forecast) for comparison with statsforecast's orders.
#[test]
#[ignore]
fn m3_arima_orders() {
    use shoplens::analytics::forecast::arima::AutoArima;
    use shoplens::analytics::forecast::FittedModel;
    let env = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let (stride, offset) = (env("STRIDE", 7), env("OFFSET", 0));
    let only: Option<Vec<String>> = std::env::var("IDS")
        .ok()
        .map(|v| v.split(',').map(String::from).collect());
    let out = std::env::var("OUT").unwrap_or("/tmp/arima_orders.jsonl".into());
    let mut lines = String::new();
    let (mut ss, mut sm, mut n) = (0.0, 0.0, 0.0);
    let t = std::time::Instant::now();
    for s in load_m3("MONTHLY").into_iter().skip(offset).step_by(stride) {
        if only.as_ref().is_some_and(|o| !o.contains(&s.id)) {
            continue;
        }
        let a = AutoArima::fit(&s.train, 12).expect("arima");
        let fc = a.predict(18, &[]).mean;
        let (e1, e2) = (smape(&s.test, &fc), mase(&s.train, &s.test, &fc, 12));
        ss += e1;
        sm += e2;
        n += 1.0;
        let o = a.best.order;
        lines.push_str(&format!(
            "{{\"id\":\"{}\",\"order\":[{},{},{},{},{},{},{}],\"smape\":{e1},\"coef\":{:?},\"mu\":{},\"fc\":{:?}}}\n",
            s.id, o.p, o.d, o.q, o.sp, o.sd, o.sq, u8::from(o.constant),
            a.best.coef.iter().map(|c| c.1).collect::<Vec<_>>(), a.best.mu, fc
        ));
    }
    std::fs::write(&out, lines).expect("write");
    eprintln!(
        "ARIMA on {n} series: sMAPE {:.3} MASE {:.4} ({:.1} s)",
        ss / n,
        sm / n,
        t.elapsed().as_secs_f64()
    );
}

/// Differencing decisions of AutoARIMA on every M3 monthly series (ignored): id, seasonal
/// strength, `D`, `d` as JSON lines in `OUT`.
#[test]
#[ignore]
fn m3_arima_diffs() {
    use shoplens::analytics::forecast::arima::{difference, ndiffs, seasonal_strength};
    let out = std::env::var("OUT").unwrap_or("/tmp/arima_diffs.jsonl".into());
    let mut lines = String::new();
    for s in load_m3("MONTHLY") {
        let fs = seasonal_strength(&s.train, 12);
        let sd = usize::from(fs > 0.64);
        let d = ndiffs(&difference(&s.train, 0, sd, 12));
        lines.push_str(&format!(
            "{{\"id\":\"{}\",\"fs\":{fs},\"D\":{sd},\"d\":{d}}}\n",
            s.id
        ));
    }
    std::fs::write(&out, lines).expect("write");
}

/// Fit given orders to one M3 series (ignored): `ID`, `ORDERS` = `p,d,q,P,D,Q,c;...`; prints
/// the AICc, coefficients and whether the fit passes the root check.
#[test]
#[ignore]
fn m3_arima_fit_one() {
    use shoplens::analytics::forecast::arima::{ArimaModel, ArimaOrder};
    use shoplens::analytics::forecast::FittedModel;
    let id = std::env::var("ID").expect("ID");
    let s = load_m3("MONTHLY")
        .into_iter()
        .find(|s| s.id == id)
        .expect("id");
    for spec in std::env::var("ORDERS").expect("ORDERS").split(';') {
        let v: Vec<usize> = spec.split(',').map(|x| x.parse().expect("int")).collect();
        let o = ArimaOrder {
            p: v[0],
            d: v[1],
            q: v[2],
            sp: v[3],
            sd: v[4],
            sq: v[5],
            m: 12,
            constant: v[6] == 1,
        };
        match ArimaModel::fit(&s.train, o) {
            Ok(f) => {
                let fc = f.predict(18, &[]).mean;
                eprintln!(
                    "{} aicc {:.3} sigma2 {:.4} mu {:.4} coef {:?} smape {:.2}",
                    o.label(),
                    f.aicc,
                    f.sigma2,
                    f.mu,
                    f.coef,
                    smape(&s.test, &fc)
                );
            }
            Err(e) => eprintln!("{} failed: {e}", o.label()),
        }
    }
}

/// Member forecasts for combination experiments (ignored): for every M3 monthly series, the
/// training data is cut `CUT` points short (0 = the M3 test split; 18 = the validation split,
/// the last 18 training months held out; 36, 54 = earlier backtest windows), and each member's
/// 18-step point forecast is written to `OUT` as CSV rows `id,cut,n,model,f1..f18` (`n` = the
/// length of the fitted history). Members: AutoETS (`ets`) and the best-AICc damped ETS
/// (`ets_damped`, from the same fits), AutoARIMA, Theta (auto) and its four variants,
/// seasonal naive, naive, drift. Two threads; series whose cut history is shorter than 24 are
/// skipped.
#[test]
#[ignore]
fn m3_member_dump() {
    use shoplens::analytics::forecast::arima::AutoArima;
    use shoplens::analytics::forecast::baselines::{Baseline, BaselineModel};
    use shoplens::analytics::forecast::ets::{AutoEts, EtsModel};
    use shoplens::analytics::forecast::theta::{ThetaKind, ThetaModel};
    use shoplens::analytics::forecast::FittedModel;
    let cut = env_usize("CUT", 18);
    let out = std::env::var("OUT").unwrap_or(format!("/work/m3dump/members_cut{cut}.csv"));
    let series = m3_cut(cut);
    let h = 18;
    // ONLY_ETS=1: the two ETS members only (to splice into an earlier dump).
    let only_ets = std::env::var("ONLY_ETS").is_ok();
    // ONLY_NNAR=1: the neural model only (round 4, benches/forecast/m3_combinations/nnar_member.py).
    let only_nnar = std::env::var("ONLY_NNAR").is_ok();
    // ONLY_CES=1: complex exponential smoothing only (round 6, benches/forecast/m3_combinations/ces_member.py).
    let only_ces = std::env::var("ONLY_CES").is_ok();
    // ONLY_THIEF=1: temporal hierarchies only (round 7, benches/forecast/m3_combinations/thief_member.py).
    let only_thief = std::env::var("ONLY_THIEF").is_ok();
    // ONLY_THIEF_ARIMA=1: temporal hierarchies over AutoARIMA only (round 8,
    // benches/forecast/m3_combinations/thief_arima_member.py).
    let only_thief_arima = std::env::var("ONLY_THIEF_ARIMA").is_ok();
    // ONLY_THIEF_THETA=1: temporal hierarchies over the Theta member only (round 9,
    // benches/forecast/m3_combinations/thief_theta_member.py).
    let only_thief_theta = std::env::var("ONLY_THIEF_THETA").is_ok();
    let one = |id: &str, y: &[f64]| -> String {
        let mut rows: Vec<(String, Vec<f64>)> = Vec::new();
        let last = *y.last().expect("data");
        let or_naive = |f: Option<Vec<f64>>| f.unwrap_or_else(|| vec![last; h]);
        let row = |name: &str, f: Option<Vec<f64>>| -> String {
            let v: Vec<String> = or_naive(f).iter().map(|x| format!("{x}")).collect();
            format!("{id},{cut},{},{name},{}\n", y.len(), v.join(","))
        };
        if only_nnar {
            use shoplens::analytics::forecast::nnar::{NnarModel, NnarParams};
            let f = NnarModel::fit(y, 12, NnarParams::default())
                .ok()
                .map(|m| m.predict(h, &[]).mean);
            return row("nnar", f);
        }
        if only_ces {
            use shoplens::analytics::forecast::ces::CesModel;
            return row("ces", CesModel::fit(y, 12).ok().map(|m| m.point(h)));
        }
        {
            use shoplens::analytics::forecast::thief::ThiefModel;
            if only_thief_theta {
                let f = ThiefModel::fit_theta(y, 12).ok().map(|m| m.point(h));
                return row("thief_theta", f);
            }
            if only_thief_arima {
                let f = ThiefModel::fit_arima(y, 12).ok().map(|m| m.point(h));
                return row("thief_arima", f);
            }
            if only_thief {
                return row("thief", ThiefModel::fit(y, 12).ok().map(|m| m.point(h)));
            }
        }
        // ETS: every spec once; the best overall (= AutoETS::fit) and the best damped.
        let mut best: Option<EtsModel> = None;
        let mut damped: Option<EtsModel> = None;
        for spec in AutoEts::specs(y, 12) {
            if let Ok(fit) = EtsModel::fit(y, 12, spec) {
                if fit.aicc.is_finite() {
                    if fit.spec.damped && damped.as_ref().is_none_or(|b| fit.aicc < b.aicc) {
                        damped = Some(fit.clone());
                    }
                    if best.as_ref().is_none_or(|b| fit.aicc < b.aicc) {
                        best = Some(fit);
                    }
                }
            }
        }
        rows.push(("ets".into(), or_naive(best.map(|b| b.point(h)))));
        rows.push(("ets_damped".into(), or_naive(damped.map(|b| b.point(h)))));
        if only_ets {
            return rows
                .iter()
                .map(|(m, f)| {
                    let v: Vec<String> = f.iter().map(|x| format!("{x}")).collect();
                    format!("{id},{cut},{},{m},{}\n", y.len(), v.join(","))
                })
                .collect();
        }
        rows.push((
            "arima".into(),
            or_naive(AutoArima::fit(y, 12).ok().map(|a| a.predict(h, &[]).mean)),
        ));
        for (name, kind) in [
            ("theta", None),
            ("theta_stm", Some(ThetaKind::Stm)),
            ("theta_otm", Some(ThetaKind::Otm)),
            ("theta_dstm", Some(ThetaKind::Dstm)),
            ("theta_dotm", Some(ThetaKind::Dotm)),
        ] {
            rows.push((
                name.into(),
                or_naive(
                    ThetaModel::fit(y, 12, kind)
                        .ok()
                        .map(|t| t.predict(h, &[]).mean),
                ),
            ));
        }
        for (name, b) in [
            ("snaive", Baseline::SeasonalNaive),
            ("naive", Baseline::Naive),
            ("drift", Baseline::Drift),
        ] {
            rows.push((
                name.into(),
                or_naive(
                    BaselineModel::fit(b, y, 12)
                        .ok()
                        .map(|t| t.predict(h, &[]).mean),
                ),
            ));
        }
        rows.iter()
            .map(|(m, f)| {
                let v: Vec<String> = f.iter().map(|x| format!("{x}")).collect();
                format!("{id},{cut},{},{m},{}\n", y.len(), v.join(","))
            })
            .collect()
    };
    let t = std::time::Instant::now();
    let rows = on_two_threads(&series, &one);
    let head: Vec<String> = (1..=h).map(|i| format!("f{i}")).collect();
    std::fs::write(&out, format!("id,cut,n,model,{}\n{}", head.join(","), rows)).expect("write");
    eprintln!(
        "cut {cut}: {} series in {:.0} s -> {out}",
        series.len(),
        t.elapsed().as_secs_f64()
    );
}

/// Our AutoETS per M3 monthly series (test split): every candidate's AICc and the chosen
/// model, one JSON line per series (for the comparison with statsforecast's AutoETS).
#[test]
#[ignore]
fn m3_ets_dump() {
    use shoplens::analytics::forecast::ets::AutoEts;
    let stride: usize = std::env::var("STRIDE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let out = std::env::var("OUT").unwrap_or(format!("/work/m3dump/sf/our_ets_s{stride}.jsonl"));
    let series: Vec<M3Series> = load_m3("MONTHLY").into_iter().step_by(stride).collect();
    let series = &series;
    let parts: Vec<String> = std::thread::scope(|sc| {
        let hs: Vec<_> = (0..2)
            .map(|t| {
                sc.spawn(move || {
                    let mut s = String::new();
                    for m in series.iter().skip(t).step_by(2) {
                        let a = AutoEts::fit(&m.train, 12).expect("ets");
                        let rec = serde_json::json!({
                            "id": m.id,
                            "method": a.best.spec.label(),
                            "aicc": a.best.aicc,
                            "lik": a.best.lik,
                            "par": [a.best.alpha, a.best.beta, a.best.gamma, a.best.phi],
                            "cands": a.candidates,
                            "f": a.best.point(18),
                        });
                        s.push_str(&rec.to_string());
                        s.push('\n');
                    }
                    s
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().expect("thread")).collect()
    });
    std::fs::write(&out, parts.concat()).expect("write");
}

/// Round 5 (benches/forecast/m3_combinations/intervals.py): every member of the product's
/// combination (`select::fit_ensemble_members`) with its 80/95% bounds, per M3 monthly series
/// and step, on the history cut by `CUT` months (18 = validation, 0 = test). Two threads.
#[test]
#[ignore]
fn m3_interval_dump() {
    use shoplens::analytics::forecast::select::fit_ensemble_members;
    let cut = env_usize("CUT", 18);
    let out = std::env::var("OUT").unwrap_or(format!("/work/m3dump/intervals_cut{cut}.csv"));
    let series = m3_cut(cut);
    let h = 18;
    let one = |id: &str, y: &[f64]| -> String {
        let mut rows = String::new();
        let members = fit_ensemble_members(y, 12).expect("members");
        for (k, m) in members.iter().enumerate() {
            let f = m.predict(h, &[80.0, 95.0]);
            let (i80, i95) = (f.interval(80.0).expect("80"), f.interval(95.0).expect("95"));
            for s in 0..h {
                rows.push_str(&format!(
                    "{id},{cut},{},{k},{},{},{},{},{},{}\n",
                    y.len(),
                    s + 1,
                    f.mean[s],
                    i80.lower[s],
                    i80.upper[s],
                    i95.lower[s],
                    i95.upper[s]
                ));
            }
        }
        rows
    };
    let t = std::time::Instant::now();
    let rows = on_two_threads(&series, &one);
    std::fs::write(
        &out,
        format!("id,cut,n,member,step,mean,lo80,hi80,lo95,hi95\n{rows}"),
    )
    .expect("write");
    eprintln!(
        "cut {cut}: {} series in {:.0} s -> {out}",
        series.len(),
        t.elapsed().as_secs_f64()
    );
}

/// An environment variable as a number, or `default`.
fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// M3 monthly training histories without their last `cut` months (series left with fewer
/// than 24 are skipped), as (id, history).
fn m3_cut(cut: usize) -> Vec<(String, Vec<f64>)> {
    load_m3("MONTHLY")
        .into_iter()
        .filter(|s| s.train.len() >= cut + 24)
        .map(|s| (s.id.clone(), s.train[..s.train.len() - cut].to_vec()))
        .collect()
}

/// `one(id, history)` for every series on two threads (every other series each); the output
/// is thread 0's rows, then thread 1's.
fn on_two_threads(
    series: &[(String, Vec<f64>)],
    one: &(dyn Fn(&str, &[f64]) -> String + Sync),
) -> String {
    std::thread::scope(|sc| {
        let hs: Vec<_> = (0..2)
            .map(|t| {
                sc.spawn(move || {
                    series
                        .iter()
                        .skip(t)
                        .step_by(2)
                        .map(|(id, y)| one(id, y))
                        .collect::<String>()
                })
            })
            .collect();
        hs.into_iter()
            .map(|h| h.join().expect("thread"))
            .collect::<String>()
    })
}
