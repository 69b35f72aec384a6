//! Accuracy measures (Hyndman & Koehler 2006, "Another look at measures of forecast accuracy",
//! IJF 22(4); Makridakis & Hibon 2000 for the M3 sMAPE).

/// Symmetric MAPE as in the M3/M4 competitions: `mean(200 |y - f| / (|y| + |f|))`
/// (terms with `|y| + |f| = 0` count 0).
pub fn smape(actual: &[f64], forecast: &[f64]) -> f64 {
    let k = actual.len().min(forecast.len());
    if k == 0 {
        return f64::NAN;
    }
    let s: f64 = (0..k)
        .map(|i| {
            let d = actual[i].abs() + forecast[i].abs();
            if d == 0.0 {
                0.0
            } else {
                200.0 * (actual[i] - forecast[i]).abs() / d
            }
        })
        .sum();
    s / k as f64
}

/// Mean absolute error.
pub fn mae(actual: &[f64], forecast: &[f64]) -> f64 {
    let k = actual.len().min(forecast.len());
    if k == 0 {
        return f64::NAN;
    }
    (0..k).map(|i| (actual[i] - forecast[i]).abs()).sum::<f64>() / k as f64
}

/// In-sample MAE of the seasonal naive forecast with lag `m` (`m = 1`: naive), the MASE scale.
pub fn naive_scale(train: &[f64], m: usize) -> f64 {
    let m = m.max(1);
    if train.len() <= m {
        return f64::NAN;
    }
    let k = train.len() - m;
    (m..train.len())
        .map(|t| (train[t] - train[t - m]).abs())
        .sum::<f64>()
        / k as f64
}

/// Mean absolute scaled error: `MAE(test) / naive_scale(train, m)` (`NaN` when the scale is 0).
pub fn mase(train: &[f64], actual: &[f64], forecast: &[f64], m: usize) -> f64 {
    let s = naive_scale(train, m);
    if !(s > 0.0) {
        return f64::NAN;
    }
    mae(actual, forecast) / s
}
