//! Hill saturation (Jin et al. 2017, eq. 3; Robyn's `saturation_hill`):
//! `h(x) = x^s / (x^s + K^s)` with half-saturation `K > 0` (h(K) = 1/2) and shape `s > 0`
//! (s ≤ 1: concave; s > 1: S-shaped). Its derivative is
//! `h'(x) = s K^s x^{s−1} / (x^s + K^s)²`.

/// Hill function; 0 for x ≤ 0.
pub fn hill(x: f64, k: f64, s: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    // x^s / (x^s + K^s) = 1 / (1 + (K/x)^s), stable for large and small ratios.
    1.0 / (1.0 + (k / x).powf(s))
}

/// Derivative of [`hill`] with respect to x.
pub fn hill_deriv(x: f64, k: f64, s: f64) -> f64 {
    if x <= 0.0 {
        return if s < 1.0 {
            f64::INFINITY
        } else if s == 1.0 {
            1.0 / k
        } else {
            0.0
        };
    }
    let r = (k / x).powf(s);
    s * r / (x * (1.0 + r) * (1.0 + r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_point_and_derivative() {
        assert!((hill(3.0, 3.0, 2.0) - 0.5).abs() < 1e-15);
        let (x, k, s) = (1.7, 2.3, 1.6);
        let fd = (hill(x + 1e-6, k, s) - hill(x - 1e-6, k, s)) / 2e-6;
        assert!((fd - hill_deriv(x, k, s)).abs() < 1e-8);
        assert_eq!(hill(0.0, 1.0, 1.0), 0.0);
    }
}
