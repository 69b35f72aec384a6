//! Media-mix model: simulation with known truth (several seeds, decays and saturations),
//! property tests, and fits on the shared MMM data sets.

use proptest::prelude::*;
use shoplens::analytics::marketing::mmm::{
    self, adstock, allocate, saturation, BudgetParams, MmmInput, MmmParams, Series,
};
use shoplens::analytics::marketing::stats::Rng;

/// Revenue noise: standard deviation as a share of the base level.
const N: usize = 208;
const NOISE: f64 = 0.015;

struct Truth {
    theta: f64,
    k: f64,
    shape: f64,
    beta: f64,
}

struct Sim {
    input: MmmInput,
    truth: Vec<Truth>,
    roi: Vec<f64>,
    adstock_end: Vec<f64>,
}

/// Weekly data (N periods after a 52-week burn-in), 3 channels with campaign waves and
/// flighting, known adstock/saturation, trend + yearly season, 1.5% noise.
fn simulate(seed: u64, n: usize) -> Sim {
    let mut rng = Rng::new(seed);
    let burn = 52;
    let specs = [
        // (mean spend, theta, K / mean, shape, share of base revenue at mean spend)
        (
            20_000.0,
            [0.2, 0.6, 0.4][seed as usize % 3],
            [0.8, 1.5, 1.0][seed as usize % 3],
            [1.0, 2.0, 0.8][seed as usize % 3],
            0.25,
        ),
        (
            8_000.0,
            [0.5, 0.3, 0.7][seed as usize % 3],
            [1.2, 0.7, 2.0][seed as usize % 3],
            [1.6, 0.9, 1.3][seed as usize % 3],
            0.20,
        ),
        (
            4_000.0,
            [0.1, 0.7, 0.5][seed as usize % 3],
            [0.6, 1.0, 1.5][seed as usize % 3],
            [2.2, 1.2, 1.0][seed as usize % 3],
            0.15,
        ),
    ];
    let base_level = 100_000.0;
    let total = n + burn;
    let mut truth = Vec::new();
    let mut spend_all = Vec::new();
    for (c, &(mean, theta, kr, shape, share)) in specs.iter().enumerate() {
        let x: Vec<f64> = (0..total)
            .map(|t| {
                // Campaign waves shorter than a season (13, 17, 21 weeks), so spend is not confounded
                // with the yearly seasonality.
                let wave = 1.0
                    + 0.5
                        * (std::f64::consts::TAU * t as f64 / (13.0 + 4.0 * c as f64) + c as f64)
                            .sin();
                // Flighting: each channel is off in some weeks (a different pattern per channel).
                // Dark for 6 weeks in every 18, so the adstock falls close to zero and the
                // response level (hence ROI) is identified, not extrapolated.
                let on = if (t / 6) % 3 == c % 3 { 0.0 } else { 1.0 };
                let noise = (0.45 * rng.normal()).exp();
                mean * wave * noise * on
            })
            .collect();
        let k = kr * mean;
        // beta so that the response at mean spend equals share × base.
        let beta = share * base_level / saturation::hill(mean, k, shape);
        truth.push(Truth {
            theta,
            k,
            shape,
            beta,
        });
        spend_all.push(x);
    }
    let mut y = vec![0.0; total];
    let mut roi = Vec::new();
    let mut adstock_end = Vec::new();
    for (c, tr) in truth.iter().enumerate() {
        let a = adstock::geometric(&spend_all[c], tr.theta, 0.0);
        let mut eff = 0.0;
        let mut sp = 0.0;
        for t in 0..total {
            let e = tr.beta * saturation::hill(a[t], tr.k, tr.shape);
            y[t] += e;
            if t >= burn {
                eff += e;
                sp += spend_all[c][t];
            }
        }
        roi.push(eff / sp);
        adstock_end.push(a[total - 1]);
    }
    let start = 18_630; // 2021-01-04, a Monday
    let dates: Vec<i64> = (0..n).map(|t| start + 7 * t as i64).collect();
    let revenue: Vec<f64> = (0..n)
        .map(|t| {
            let d = dates[t] as f64;
            let season = 0.08 * base_level * (std::f64::consts::TAU * d / 365.25).sin();
            let trend = 0.1 * base_level * t as f64 / n as f64;
            let noise = NOISE * base_level * rng.normal();
            base_level + trend + season + y[t + burn] + noise
        })
        .collect();
    let channels = (0..3)
        .map(|c| Series {
            name: format!("ch{c}_spend"),
            values: spend_all[c][burn..].to_vec(),
        })
        .collect();
    Sim {
        input: MmmInput {
            dates,
            period_days: 7,
            revenue,
            channels,
            controls: vec![],
            notes: vec![],
            currency: None,
        },
        truth,
        roi,
        adstock_end,
    }
}

#[test]
fn simulation_recovers_roi_and_allocates_near_optimally() {
    for seed in [1u64, 2, 3] {
        let sim = simulate(seed, N);
        let periods = 8;
        let cur: Vec<f64> = sim
            .input
            .channels
            .iter()
            .map(|c| c.values[N - 13..].iter().sum::<f64>() / 13.0)
            .collect();
        let total: f64 = cur.iter().sum::<f64>() * periods as f64;
        let params = MmmParams {
            seed,
            budget: Some(BudgetParams {
                total,
                periods: periods as u32,
                bounds: vec![],
            }),
            ..MmmParams::default()
        };
        let r = mmm::run(&sim.input, &params).unwrap();
        for (c, ch) in r.channels.iter().enumerate() {
            let t = &sim.truth[c];
            eprintln!(
                "seed {seed} {}: beta {:.0}/{:.0} roi {:?} true {:.3} | theta {:.2}/{:.2} K {:.0}/{:.0} s {:.2}/{:.2} | vif {:?} mroi {:?}",
                ch.name, ch.coefficient, t.beta, ch.roi, sim.roi[c], ch.decay, t.theta, ch.half_saturation, t.k, ch.shape, t.shape, ch.vif, ch.marginal_roi
            );
        }
        eprintln!(
            "fit {:?}",
            (
                r.fit.r2_train,
                r.fit.r2_holdout,
                r.fit.nrmse_cv,
                r.fit.decomp_rssd,
                r.fit.lambda
            )
        );
        for (c, ch) in r.channels.iter().enumerate() {
            let roi = ch.roi.expect("identified");
            assert!(
                (roi - sim.roi[c]).abs() <= 0.2 * sim.roi[c],
                "seed {seed} {}: {roi} vs {}",
                ch.name,
                sim.roi[c]
            );
        }
        // Allocation under the true model vs the true optimum (same bounds, same carry-over).
        let alloc = r.allocation.as_ref().unwrap();
        let true_models: Vec<allocate::ChannelModel> = sim
            .truth
            .iter()
            .zip(&sim.adstock_end)
            .map(|(t, &a)| allocate::ChannelModel {
                beta: t.beta,
                theta: t.theta,
                half_saturation: t.k,
                shape: t.shape,
                adstock_end: a,
            })
            .collect();
        let lo: Vec<f64> = alloc.channels.iter().map(|a| a.min).collect();
        let hi: Vec<f64> = alloc.channels.iter().map(|a| a.max).collect();
        let per = total / periods as f64;
        let best = allocate::allocate(&true_models, per, &lo, &hi, periods as u32, None).unwrap();
        let ours: Vec<f64> = alloc
            .channels
            .iter()
            .map(|a| a.optimal_per_period)
            .collect();
        let zero = allocate::total_revenue(&true_models, &[0.0; 3], periods as u32);
        let got = allocate::total_revenue(&true_models, &ours, periods as u32);
        let ratio = (got - zero) / (best.revenue - zero);
        eprintln!(
            "seed {seed}: allocation {ours:?} vs true optimum {:?}: incremental ratio {ratio:.4}",
            best.spend
        );
        assert!(ratio >= 0.97, "seed {seed}: {ratio}");
        assert!((ours.iter().sum::<f64>() - per).abs() < 1e-6 * per);
    }
}

#[test]
fn true_hyperparameters_give_true_coefficients() {
    use shoplens::analytics::marketing::mmm::ridge;
    let sim = simulate(1, N);
    let n = N;
    let inp = &sim.input;
    let mut x: Vec<Vec<f64>> = vec![(0..n).map(|t| t as f64 / n as f64).collect()];
    for k in 1..=2 {
        let w = std::f64::consts::TAU * k as f64 / 365.25;
        x.push(inp.dates.iter().map(|&d| (w * d as f64).sin()).collect());
        x.push(inp.dates.iter().map(|&d| (w * d as f64).cos()).collect());
    }
    for (c, t) in sim.truth.iter().enumerate() {
        let v = &inp.channels[c].values;
        let a0 = v.iter().take(4).sum::<f64>() / 4.0;
        x.push(
            adstock::geometric(v, t.theta, a0)
                .into_iter()
                .map(|a| saturation::hill(a, t.k, t.shape))
                .collect(),
        );
    }
    let rows: Vec<usize> = (0..n).collect();
    let sc = ridge::scale(&x, &rows);
    let f = ridge::fit(
        &x,
        &inp.revenue,
        &rows,
        &sc,
        1e-6,
        &[false, false, false, false, false, true, true, true],
    );
    for c in 0..3 {
        let roi = f.coef[5 + c] * x[5 + c].iter().sum::<f64>()
            / inp.channels[c].values.iter().sum::<f64>();
        eprintln!(
            "truth-hyper fit ch{c}: beta {:.0} vs {:.0}, roi {roi:.3} vs {:.3}",
            f.coef[5 + c],
            sim.truth[c].beta,
            sim.roi[c]
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Normalised geometric adstock preserves the total effect over a long enough tail.
    #[test]
    fn adstock_preserves_total(x in proptest::collection::vec(0.0f64..1e4, 1..60), theta in 0.0f64..0.9) {
        let tail = 400;
        let mut padded = x.clone();
        padded.extend(std::iter::repeat_n(0.0, tail));
        let a = adstock::geometric(&padded, theta, 0.0);
        let (sa, sx) = (a.iter().sum::<f64>(), x.iter().sum::<f64>());
        prop_assert!((sa - sx).abs() <= 1e-9 * sx.max(1.0));
    }

    /// Hill saturation is monotone non-decreasing and bounded by 1.
    #[test]
    fn saturation_monotone(a in 0.0f64..1e5, b in 0.0f64..1e5, k in 1.0f64..1e4, s in 0.3f64..4.0) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(saturation::hill(lo, k, s) <= saturation::hill(hi, k, s));
        prop_assert!(saturation::hill(hi, k, s) <= 1.0);
    }

    /// The allocator's split respects every bound and spends exactly the budget.
    #[test]
    fn allocator_respects_bounds_and_budget(
        chans in proptest::collection::vec((1.0f64..1e4, 0.0f64..0.9, 10.0f64..5e3, 0.5f64..3.0, 0.0f64..2e3, 0.0f64..500.0, 0.0f64..3e3), 1..6),
        frac in 0.0f64..1.0,
        periods in 1u32..13,
    ) {
        let models: Vec<allocate::ChannelModel> = chans.iter().map(|c| allocate::ChannelModel {
            beta: c.0, theta: c.1, half_saturation: c.2, shape: c.3, adstock_end: c.4,
        }).collect();
        let lo: Vec<f64> = chans.iter().map(|c| c.5).collect();
        let hi: Vec<f64> = chans.iter().map(|c| c.5 + c.6).collect();
        let (smin, smax) = (lo.iter().sum::<f64>(), hi.iter().sum::<f64>());
        let b = smin + frac * (smax - smin);
        let r = allocate::allocate(&models, b, &lo, &hi, periods, None).unwrap();
        prop_assert!((r.spend.iter().sum::<f64>() - b).abs() <= 1e-6 * b.max(1.0));
        for i in 0..models.len() {
            prop_assert!(r.spend[i] >= lo[i] - 1e-9 && r.spend[i] <= hi[i] + 1e-9);
        }
        // Never worse than the equal-share feasible start.
        let eq = allocate::project(&vec![b / models.len() as f64; models.len()], &lo, &hi, b);
        prop_assert!(r.revenue >= allocate::total_revenue(&models, &eq, periods) - 1e-9 * r.revenue.abs().max(1.0));
    }
}
