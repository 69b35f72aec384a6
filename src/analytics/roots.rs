//! Bisection on a monotone predicate: the one root finder the pillars share (the A/B test's
//! smallest detectable lift, the media-mix allocation's projection onto the budget).
//!
//! Given `above(x)` true on `[lo, x*)` and false on `[x*, hi]`, halving the bracket keeps
//! `x*` inside it: after `k` steps its width is `(hi − lo) / 2ᵏ` (Burden & Faires, *Numerical
//! Analysis*, §2.1).

/// The bracket `(lo, hi)` around the point where `above` turns from true to false, after at
/// most `max_iter` halvings or once narrower than `tol` (`0.0`: all `max_iter`). `above(lo)`
/// should be true and `above(hi)` false; the caller checks what it needs.
pub(crate) fn bisect(
    mut lo: f64,
    mut hi: f64,
    max_iter: usize,
    tol: f64,
    mut above: impl FnMut(f64) -> bool,
) -> (f64, f64) {
    for _ in 0..max_iter {
        let mid = 0.5 * (lo + hi);
        if above(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo < tol {
            break;
        }
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::bisect;

    /// √2 as the point where x² < 2 stops: within the tolerance, and the bracket is kept.
    #[test]
    fn brackets_the_square_root_of_two() {
        let (lo, hi) = bisect(0.0, 2.0, 200, 1e-12, |x| x * x < 2.0);
        assert!(lo < std::f64::consts::SQRT_2 && std::f64::consts::SQRT_2 <= hi);
        assert!(hi - lo < 1e-12);
        // no tolerance: every halving runs
        let mut calls = 0;
        let _ = bisect(0.0, 2.0, 80, 0.0, |x| {
            calls += 1;
            x * x < 2.0
        });
        assert_eq!(calls, 80);
    }
}
