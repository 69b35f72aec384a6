//! Geometric adstock (Broadbent 1979; Jin et al. 2017, "Bayesian methods for media mix modeling
//! with carryover and shape effects", Google, eq. 1), in its normalised form
//! `a_t = (1 − θ) x_t + θ a_{t−1}`, i.e. `a_t = Σ_l (1 − θ) θ^l x_{t−l}`: the weights sum to 1, so
//! the adstocked series carries the same total as the spend (over a long enough tail) and a
//! constant spend `x` has steady state `x`, which keeps the saturation half-point in spend units
//! (pymc-marketing `geometric_adstock(normalize=True)`).

/// Normalised geometric adstock of `x` with decay `theta` in [0, 1), starting from state `a0`.
pub fn geometric(x: &[f64], theta: f64, a0: f64) -> Vec<f64> {
    let mut a = a0;
    x.iter()
        .map(|&v| {
            a = (1.0 - theta) * v + theta * a;
            a
        })
        .collect()
}

/// Carry-over weights `(1 − θ) θ^l` for lags `0..len`.
pub fn decay_weights(theta: f64, len: usize) -> Vec<f64> {
    (0..len)
        .map(|l| (1.0 - theta) * theta.powi(l as i32))
        .collect()
}

/// Periods until half of an impulse's effect has been delivered: the smallest `L` with
/// `1 − θ^L ≥ 0.5`, as a real number `ln 0.5 / ln θ` (0 for θ = 0).
pub fn half_life(theta: f64) -> f64 {
    if theta <= 0.0 {
        0.0
    } else {
        0.5f64.ln() / theta.ln()
    }
}

/// Adstock `k` periods after the data end when spending a constant `s` from then on:
/// `θ^k a_T + (1 − θ^k) s`.
pub fn future_state(theta: f64, a_end: f64, s: f64, k: u32) -> f64 {
    let w = theta.powi(k as i32);
    w * a_end + (1.0 - w) * s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impulse_and_total() {
        let mut x = vec![0.0; 200];
        x[0] = 10.0;
        let a = geometric(&x, 0.5, 0.0);
        assert_eq!(&a[..3], &[5.0, 2.5, 1.25]);
        assert!((a.iter().sum::<f64>() - 10.0).abs() < 1e-9);
        assert!((half_life(0.5) - 1.0).abs() < 1e-12);
        assert_eq!(future_state(0.5, 4.0, 2.0, 1), 3.0);
    }
}
