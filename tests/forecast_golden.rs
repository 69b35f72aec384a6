//! Textbook checks against statsforecast 2.1.1 (golden files computed by
//! `benches/forecast/golden_classic.py`, stored in tests/golden/forecast/).
mod forecast_common;
use forecast_common::load_classic;
use serde_json::Value;
use shoplens::analytics::forecast::arima::{ArimaModel, ArimaOrder, AutoArima};
use shoplens::analytics::forecast::ets::{AutoEts, Component, EtsModel, EtsSpec};
use shoplens::analytics::forecast::theta::ThetaModel;
use shoplens::analytics::forecast::FittedModel;

fn golden(name: &str) -> Value {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/forecast")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(p).expect("golden")).expect("json")
}

fn vecf(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("f64"))
        .collect()
}

/// Numbers, `null` as NaN.
fn vecf_or_nan(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().unwrap_or(f64::NAN))
        .collect()
}

/// Max relative deviation.
fn max_rel(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs() / y.abs().max(1e-9))
        .fold(0.0, f64::max)
}

const SERIES: [(&str, &str); 4] = [
    ("AirPassengers", "datasets_AirPassengers.csv"),
    ("a10", "fpp2_a10.csv"),
    ("h02", "fpp2_h02.csv"),
    ("wineind", "forecast_wineind.csv"),
];

#[test]
fn arima_fixed_order_matches_statsforecast() {
    for (name, file) in SERIES {
        let y = load_classic(file);
        let g = golden(name);
        let a = &g["auto_arima"];
        let o = vecf(&a["order"]);
        let so = vecf(&a["seasonal_order"]);
        let coef = a["coef"].as_object().expect("coef");
        let order = ArimaOrder {
            p: o[0] as usize,
            d: o[1] as usize,
            q: o[2] as usize,
            sp: so[0] as usize,
            sd: so[1] as usize,
            sq: so[2] as usize,
            m: 12,
            constant: coef.contains_key("drift") || coef.contains_key("intercept"),
        };
        let fit = ArimaModel::fit(&y, order).expect("fit");
        let fc = fit.predict(24, &[95.0]);
        let want = vecf(&a["mean"]);
        let dev = max_rel(&fc.mean, &want);
        eprintln!(
            "{name} {}: coef {:?} vs {:?}; forecast dev {dev:.4}",
            order.label(),
            fit.coef,
            coef
        );
        // wineind: statsforecast stops at another local optimum of the MA(2) part
        let tol = if name == "wineind" { 0.035 } else { 0.006 };
        assert!(dev < tol, "{name}: forecasts deviate {dev}");
        if name == "AirPassengers" {
            assert!((fit.coef[0].1 - (-0.3096)).abs() < 0.005, "{:?}", fit.coef);
        }
    }
}

fn spec(s: &str) -> EtsSpec {
    let c = |ch: char| match ch {
        'A' => Component::Additive,
        'M' => Component::Multiplicative,
        _ => Component::None,
    };
    let b: Vec<char> = s.chars().collect();
    EtsSpec {
        error: c(b[0]),
        trend: c(b[1]),
        damped: s.contains('d'),
        season: c(*b.last().expect("season")),
    }
}

#[test]
fn ets_fixed_models_match_statsforecast() {
    for (name, file) in SERIES {
        let y = load_classic(file);
        let g = golden(name);
        for key in ["ets_ann", "ets_aaa", "ets_mam"] {
            let e = &g[key];
            let label = key.trim_start_matches("ets_").to_uppercase();
            // the golden file names the model statsforecast fitted: undamped, as asked
            assert_eq!(e["model"].as_str(), Some(label.as_str()), "{name} {key}");
            let fit = EtsModel::fit(&y, 12, spec(&label)).expect("fit");
            let fc = fit.predict(24, &[80.0, 95.0]);
            let dev = max_rel(&fc.mean, &vecf(&e["mean"]));
            let aicc = e["aicc"].as_f64().expect("aicc");
            let alpha = e["alpha"].as_f64().expect("alpha");
            eprintln!(
                "{name} {label}: aicc {:.2} vs {aicc:.2}, alpha {:.4} vs {alpha:.4}, dev {dev:.4}",
                fit.aicc, fit.alpha
            );
            if label == "ANN" {
                // same likelihood, same optimum
                assert!((fit.aicc - aicc).abs() < 0.05, "{name} {label}");
                assert!((fit.alpha - alpha).abs() < 2e-3, "{name} {label}");
                assert!(dev < 1e-3, "{name} {label}: {dev}");
            } else {
                // same likelihood (the AICc's agree on ANN); our optimiser reaches an optimum at
                // least as good, except wineind AAA where it stops ~10 AICc short
                let slack = if name == "wineind" && label == "AAA" {
                    12.0
                } else {
                    0.5
                };
                assert!(
                    fit.aicc <= aicc + slack,
                    "{name} {label}: {} vs {aicc}",
                    fit.aicc
                );
                assert!(dev < 0.10, "{name} {label}: {dev}");
            }
            // intervals: 80% inside 95%, both widen
            let i80 = fc.interval(80.0).expect("80");
            let i95 = fc.interval(95.0).expect("95");
            for h in 0..24 {
                assert!(i95.lower[h] <= i80.lower[h] && i80.upper[h] <= i95.upper[h]);
                if h > 0 {
                    assert!(
                        i95.upper[h] - i95.lower[h] >= i95.upper[h - 1] - i95.lower[h - 1] - 1e-9
                    );
                }
            }
        }
        let auto = AutoEts::fit(&y, 12).expect("auto");
        let sf_aicc = g["auto_ets"]["aicc"].as_f64().expect("aicc");
        eprintln!(
            "{name} auto: {} AICc {:.2} vs {} {sf_aicc:.2}",
            auto.name(),
            auto.best.aicc,
            g["auto_ets"]["model"]
        );
        // the same search over the same likelihood: our choice is at least as good by AICc
        // (on AirPassengers and h02 it is a different model with a smaller AICc)
        assert!(
            auto.best.aicc <= sf_aicc + 0.5,
            "{name}: {}",
            auto.best.aicc
        );
        // multiplicative seasonality, as both R and statsforecast choose on these series
        assert!(auto.name().starts_with("ETS(M,") && auto.name().ends_with(",M)"));
    }
}

#[test]
fn theta_matches_statsforecast() {
    for (name, file) in SERIES {
        let y = load_classic(file);
        let g = golden(name);
        let t = &g["auto_theta"];
        let fit = ThetaModel::fit(&y, 12, None).expect("fit");
        let dev = max_rel(&fit.predict(24, &[]).mean, &vecf(&t["mean"]));
        eprintln!(
            "{name} theta: {} alpha {:.4} theta {:.3} vs {} {:.4} {:.3}, dev {dev:.4}",
            fit.name(),
            fit.alpha,
            fit.theta,
            t["model"],
            t["alpha"].as_f64().expect("a"),
            t["theta"].as_f64().expect("t")
        );
        assert!(dev < 0.005, "{name}: {dev}");
        if fit.name().contains(t["model"].as_str().expect("model")) {
            assert!((fit.alpha - t["alpha"].as_f64().expect("a")).abs() < 0.02);
        }
    }
}

/// The product's Theta (DOTM) against statsforecast's `auto_theta(model="DOTM")`. Both
/// optimise the same criterion; the final filter differs only in its initial level (ours
/// `y_1/2`, statsforecast's the optimised one), which these long series forget.
#[test]
fn dotm_matches_statsforecast() {
    use shoplens::analytics::forecast::select::{fit_model, ModelKind, THETA_VARIANT};
    use shoplens::analytics::forecast::theta::ThetaKind;
    assert_eq!(THETA_VARIANT, ThetaKind::Dotm);
    for (name, file) in SERIES {
        let y = load_classic(file);
        let g = golden(name);
        let t = &g["dotm"];
        let fit = ThetaModel::fit(&y, 12, Some(ThetaKind::Dotm)).expect("fit");
        let mean = fit.predict(24, &[]).mean;
        let dev = max_rel(&mean, &vecf(&t["mean"]));
        let alpha = t["alpha"].as_f64().expect("alpha");
        let theta = t["theta"].as_f64().expect("theta");
        eprintln!(
            "{name} dotm: alpha {:.4} theta {:.3} vs {alpha:.4} {theta:.3}, dev {dev:.5}",
            fit.alpha, fit.theta
        );
        assert!(dev < 0.005, "{name}: {dev}");
        assert!(
            (fit.alpha - alpha).abs() < 0.02,
            "{name}: alpha {}",
            fit.alpha
        );
        // θ enters as the trend weight 1 − 1/θ, flat in θ once θ is large (AirPassengers: 9e5
        // here, 91 there, weights 1.000 and 0.989), so the weight is what is compared.
        let weight = |t: f64| 1.0 - 1.0 / t;
        assert!(
            (weight(fit.theta) - weight(theta)).abs() < 0.02,
            "{name}: theta {}",
            fit.theta
        );
        // `--model theta` and the combination's member are this fit.
        let product = fit_model(ModelKind::Theta, &y, 12).expect("fit");
        assert_eq!(product.predict(24, &[]).mean, mean);
        assert_eq!(product.name(), "Theta(DOTM)");
    }
}

#[test]
fn auto_arima_orders() {
    for (name, file) in SERIES {
        let y = load_classic(file);
        let g = golden(name);
        let fit = AutoArima::fit(&y, 12).expect("fit");
        let dev = max_rel(&fit.predict(24, &[]).mean, &vecf(&g["auto_arima"]["mean"]));
        eprintln!(
            "{name} arima: {} vs {:?}{:?}, dev {dev:.4}",
            fit.name(),
            g["auto_arima"]["order"],
            g["auto_arima"]["seasonal_order"]
        );
        assert!(dev < 0.07, "{name}: {dev}");
        if name == "AirPassengers" {
            // the order R forecast::auto.arima reports for AirPassengers
            assert_eq!(fit.name(), "ARIMA(2,1,1)(0,1,0)[12]");
        }
    }
}

/// A seven-week product history from the bundled sample (23326): statsforecast 2.1.1's
/// `AutoARIMA(season_length=52)` fits ARIMA(0,0,0) with mean, 294.142857 (the mean), AICc
/// 101.0819. The zero-mean twin (forecast 0) must not win because the mean's one extra
/// coefficient made the order "too big" for seven points.
#[test]
fn auto_arima_keeps_the_mean_on_a_seven_week_history() {
    let y = [300.0, 730.0, 269.0, 123.0, 271.0, 48.0, 318.0];
    for m in [1, 52] {
        let fit = AutoArima::fit(&y, m).expect("fit");
        assert_eq!(fit.name(), "ARIMA(0,0,0) with mean");
        let f = fit.predict(3, &[]).mean;
        for v in f {
            assert!((v - 294.142857142857).abs() < 1e-6, "{v}");
        }
    }
}

/// NNAR on the four classic monthly series, last year held out: it beats last year's values
/// (mean absolute error, seasonal naive) on each. Measured: AirPassengers NNAR(1,1,2)[12]
/// 19.03 against 47.83, a10 2.069 against 3.362, h02 0.076 against 0.085, wineind 2,281
/// against 2,343.
#[test]
fn nnar_beats_the_seasonal_naive_on_the_classic_series() {
    use shoplens::analytics::forecast::baselines::{Baseline, BaselineModel};
    use shoplens::analytics::forecast::nnar::{NnarModel, NnarParams};
    for file in [
        "datasets_AirPassengers.csv",
        "fpp2_a10.csv",
        "fpp2_h02.csv",
        "forecast_wineind.csv",
    ] {
        let y = forecast_common::load_classic(file);
        let n = y.len() - 12;
        let nn = NnarModel::fit(&y[..n], 12, NnarParams::default()).expect("nnar");
        let sn = BaselineModel::fit(Baseline::SeasonalNaive, &y[..n], 12).expect("snaive");
        let mae = |p: &[f64]| {
            p.iter()
                .zip(&y[n..])
                .map(|(a, b)| (a - b).abs())
                .sum::<f64>()
                / 12.0
        };
        let (a, b) = (
            mae(&nn.predict(12, &[]).mean),
            mae(&sn.predict(12, &[]).mean),
        );
        assert!(a < b, "{file} {}: {a} against {b}", nn.name());
    }
}

/// Complex exponential smoothing against statsforecast's `cesmodel` (each seasonal type) and
/// `auto_ces` (the type with the smallest AICc).
#[test]
fn ces_matches_statsforecast() {
    use shoplens::analytics::forecast::ces::{CesModel, CesSeason};
    for (name, file) in SERIES {
        let y = load_classic(file);
        let g = golden(name);
        let c = &g["ces"];
        for (key, season) in [
            ("N", CesSeason::None),
            ("S", CesSeason::Simple),
            ("P", CesSeason::Partial),
            ("F", CesSeason::Full),
        ] {
            let fit = CesModel::fit_type(&y, 12, season).expect("fit");
            let mean = fit.point(24);
            let want = vecf(&c[key]["mean"]);
            let dev = max_rel(&mean, &want);
            let aicc = c[key]["aicc"].as_f64().expect("aicc");
            eprintln!(
                "{name} {key}: a {:.4} {:.4} b {:.4} {:.4} aicc {:.3} vs {} {aicc:.3}, dev {dev:.5}",
                fit.a0, fit.a1, fit.b0, fit.b1, fit.aicc, c[key]["par"]
            );
            // Same criterion, same optimum (ours at most 0.01 worse; on AirPassengers F our
            // simplex ends 0.05 lower), forecasts within 0.2 %.
            assert!(
                fit.aicc <= aicc + 0.01 && fit.aicc > aicc - 0.1,
                "{name} {key}"
            );
            assert!(dev < 0.002, "{name} {key}: {dev}");
            let par = vecf_or_nan(&c[key]["par"]);
            for (ours, theirs) in [fit.a0, fit.a1, fit.b0, fit.b1].iter().zip(&par) {
                if theirs.is_finite() {
                    assert!(
                        (ours - theirs).abs() < 0.005,
                        "{name} {key}: {ours} vs {theirs}"
                    );
                }
            }
        }
        let auto = CesModel::fit(&y, 12).expect("fit");
        assert_eq!(
            auto.season.letter().to_string(),
            c["auto"].as_str().expect("auto"),
            "{name}"
        );
        assert_eq!(auto.name(), format!("CES({})", auto.season.letter()));
    }
}

/// THieF against the same pipeline built from the standard libraries
/// (`benches/forecast/thief_reference.py`: statsforecast 2.1.1's AutoETS at every level, season
/// 12/k, reconciled by hierarchicalforecast 1.5.3's `MinTrace(method="wls_struct")`): the first
/// year of reconciled months, within 3 %. The reconciliation itself agrees to 1e−9 (unit test in
/// `thief.rs`); the rest is the per-level AutoETS fits, which differ where the optimisers do:
/// on a10's 17 yearly totals statsforecast stops ETS(M,A,N) at β = 0.0001 (AICc 121.83, next
/// year 287.9), ours reaches AICc 106.00 (313.5), which moves the reconciled months by up to
/// 2.2 %; on AirPassengers the monthly level's choice differs (statsforecast ETS(M,N,M), ours
/// ETS(M,A,M)).
#[test]
fn thief_matches_statsforecast_pipeline() {
    use shoplens::analytics::forecast::thief::ThiefModel;
    let cases: [(&str, [f64; 12]); 4] = [
        (
            "datasets_AirPassengers.csv",
            [
                439.13619042236735,
                425.04638790916084,
                489.83005310124076,
                488.34122449384836,
                500.3682453530853,
                558.6234259558851,
                633.0425723986135,
                626.9788262593606,
                540.1029636228786,
                465.2764116677865,
                410.09407873624843,
                455.5158105131074,
            ],
        ),
        (
            "fpp2_a10.csv",
            [
                23.66161705820544,
                24.005106580021177,
                24.192975042916814,
                25.72589027605845,
                26.515031615787958,
                31.07092487832682,
                33.24364363387238,
                19.941335286700912,
                22.182797684096947,
                22.23043954585895,
                24.27408812367919,
                23.84009969758091,
            ],
        ),
        (
            "fpp2_h02.csv",
            [
                0.9943049406998987,
                1.04661419167453,
                1.1040889691871563,
                1.1509458467777656,
                1.1356747050140656,
                1.2792821723788204,
                1.2551123574362233,
                0.6887756878370128,
                0.7345277808986317,
                0.7303869043278706,
                0.8037305844841998,
                0.8436273327628634,
            ],
        ),
        (
            "forecast_wineind.csv",
            [
                24700.33970700771,
                26309.526648260515,
                31331.038046925256,
                36114.468724920924,
                17607.70342915467,
                20696.71086732566,
                23943.911186644727,
                24977.98059714356,
                24170.138502473535,
                24048.67554903162,
                28862.640913910178,
                28945.705625718867,
            ],
        ),
    ];
    for (file, want) in cases {
        let y = load_classic(file);
        let t = ThiefModel::fit(&y, 12).expect("thief");
        let got = t.point(12);
        let dev = max_rel(&got, &want);
        eprintln!("{file}: {:?} dev {dev:.5}", t.level_models());
        assert!(dev < 0.03, "{file}: {dev}");
    }
}

/// THieF over AutoARIMA against the same pipeline built from the standard libraries
/// (`benches/forecast/thief_reference.py arima`: statsforecast 2.1.1's AutoARIMA at every
/// level, season 12/k, reconciled by hierarchicalforecast 1.5.3's `MinTrace(method=
/// "wls_struct")`): the first year of reconciled months, within 3 % (measured: AirPassengers
/// 1.0 %, a10 1.5 %, h02 1.4 %, wineind 2.1 %). Where they differ, the two AutoARIMAs chose
/// different orders at some level (AirPassengers' months: ours ARIMA(2,1,1)(0,1,0)[12],
/// statsforecast's (1,1,0)(0,1,0)[12]; h02's months (3,1,2)(1,1,1)[12] against
/// (4,1,1)(0,1,2)[12]), as they do on the series themselves.
#[test]
fn thief_arima_matches_statsforecast_pipeline() {
    let cases: [(&str, [f64; 12], f64); 4] = [
        (
            "datasets_AirPassengers.csv",
            [
                450.3038433671326,
                424.20800644198056,
                452.2790550685667,
                494.15003499528154,
                505.5006280942732,
                568.499747859312,
                653.7035387757787,
                637.7034544167662,
                540.0502221893456,
                492.924135361038,
                421.9556585132317,
                463.9556577384182,
            ],
            0.03,
        ),
        (
            "fpp2_a10.csv",
            [
                23.83505231907622,
                24.651294945704283,
                24.098162300229617,
                26.417353301029202,
                27.886111768943355,
                28.38119145871262,
                32.35729723094183,
                23.227740006490464,
                22.87590358739395,
                24.023640623251907,
                25.616482602095566,
                23.63402452834588,
            ],
            0.03,
        ),
        (
            "fpp2_h02.csv",
            [
                1.0460513814208423,
                1.0232110832485677,
                1.1206746558885528,
                1.1658100595464749,
                1.162328339555697,
                1.2394375673589126,
                1.2539173854073165,
                0.739928103439149,
                0.7283954729109129,
                0.7829394703704712,
                0.8376219308255297,
                0.8355874424247665,
            ],
            0.03,
        ),
        (
            "forecast_wineind.csv",
            [
                24442.741677796308,
                27184.97497029644,
                31505.21609701631,
                36994.688116808116,
                16040.690639334676,
                21175.074048764676,
                23759.67448422849,
                25651.17088420505,
                24249.747101577064,
                25153.34619485748,
                29838.856568177005,
                26568.56700362892,
            ],
            0.03,
        ),
    ];
    check_thief(
        &cases,
        shoplens::analytics::forecast::thief::ThiefModel::fit_arima,
    );
}

/// THieF over the product's Theta against the same pipeline built from the standard libraries
/// (`benches/forecast/thief_reference.py theta`: statsforecast 2.1.1's DynamicOptimizedTheta
/// at every level, season 12/k, reconciled by hierarchicalforecast 1.5.3's `MinTrace(method=
/// "wls_struct")`): the first year of reconciled months.
#[test]
fn thief_theta_matches_statsforecast_pipeline() {
    let cases: [(&str, [f64; 12], f64); 4] = [
        (
            "datasets_AirPassengers.csv",
            [
                454.1521089040549,
                443.523314852559,
                503.5389630063075,
                503.81371671688044,
                473.49584411069725,
                541.7514370700017,
                595.6613501299618,
                595.548125392746,
                561.5852448653463,
                476.21824360399,
                421.1107542047421,
                473.5889829567275,
            ],
            0.002,
        ),
        (
            "fpp2_a10.csv",
            [
                22.797369532492795,
                23.158713106736577,
                23.048452643875855,
                24.99462779001653,
                24.743472945029644,
                28.59899151331793,
                31.57204545055387,
                18.24482694677665,
                22.62150689640653,
                21.53429745388658,
                23.64578865051111,
                23.33067999270989,
            ],
            0.002,
        ),
        (
            "fpp2_h02.csv",
            [
                0.9088080867612994,
                0.9719669779336729,
                1.0256573750882179,
                1.0951518759943466,
                1.0882943705881203,
                1.2294241871947469,
                1.241313657478333,
                0.659895072403933,
                0.8558698817254251,
                0.798550685345625,
                0.8723701791269072,
                0.9216721595934533,
            ],
            0.002,
        ),
        (
            "forecast_wineind.csv",
            [
                23865.47814388677,
                25518.393802120667,
                30863.606057280515,
                34502.591594417136,
                18930.114608736847,
                22287.35766394972,
                25215.51606209101,
                26132.868054742517,
                23684.720603480047,
                23949.90555360969,
                28982.31787179876,
                29031.59410526603,
            ],
            0.04,
        ),
    ];
    check_thief(
        &cases,
        shoplens::analytics::forecast::thief::ThiefModel::fit_theta,
    );
}

/// The first 12 reconciled months of `fit` on each classic series within its relative
/// tolerance of the reference pipeline.
fn check_thief(
    cases: &[(&str, [f64; 12], f64)],
    fit: fn(
        &[f64],
        usize,
    ) -> Result<
        shoplens::analytics::forecast::thief::ThiefModel,
        shoplens::analytics::forecast::ForecastError,
    >,
) {
    for (file, want, tol) in cases {
        let y = load_classic(file);
        let t = fit(&y, 12).expect("thief");
        let dev = max_rel(&t.point(12), want);
        eprintln!("{file}: {:?} dev {dev:.5}", t.level_models());
        assert!(dev < *tol, "{file}: {dev}");
    }
}
