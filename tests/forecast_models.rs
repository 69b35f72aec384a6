//! Unit-level checks of the forecast models against closed forms and textbook properties.
use shoplens::analytics::forecast::arima::arma_exact_m2ll;

#[test]
fn kalman_matches_ar1_closed_form() {
    // AR(1): exact -2 log L with P0 = 1/(1 - phi^2) (Box, Jenkins & Reinsel, §7.1)
    let w = [0.5, -0.3, 0.8, 1.1, -0.2, 0.4];
    let phi = 0.6f64;
    let (m2ll, s2) = arma_exact_m2ll(&w, &[phi], &[]);
    let mut ss = w[0] * w[0] * (1.0 - phi * phi);
    for t in 1..w.len() {
        ss += (w[t] - phi * w[t - 1]).powi(2);
    }
    let n = w.len() as f64;
    let s2e = ss / n;
    let expect = n * (2.0 * std::f64::consts::PI * s2e).ln() + n - (1.0 - phi * phi).ln();
    assert!((s2 - s2e).abs() < 1e-10, "{s2} {s2e}");
    assert!((m2ll - expect).abs() < 1e-8, "{m2ll} {expect}");
}

#[test]
fn kalman_matches_ma1_closed_form() {
    // MA(1) with theta: Var = (1 + theta^2) (two-observation case by hand)
    let w = [0.7, -0.4];
    let th = 0.5f64;
    let (m2ll, _) = arma_exact_m2ll(&w, &[], &[th]);
    // covariance matrix [[1+th^2, th],[th, 1+th^2]] (sigma^2 = 1), concentrated likelihood
    let a = 1.0 + th * th;
    let det = a * a - th * th;
    let q = (a * w[0] * w[0] - 2.0 * th * w[0] * w[1] + a * w[1] * w[1]) / det;
    let n = 2.0;
    let s2 = q / n;
    let expect = n * (2.0 * std::f64::consts::PI * s2).ln() + n + det.ln();
    assert!((m2ll - expect).abs() < 1e-8, "{m2ll} {expect}");
}
