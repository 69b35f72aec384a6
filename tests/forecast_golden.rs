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
        eprintln!("{name} {}: coef {:?} vs {:?}; forecast dev {dev:.4}", order.label(), fit.coef, coef);
        assert!(dev < 0.02, "{name}: forecasts deviate {dev}");
    }
}
