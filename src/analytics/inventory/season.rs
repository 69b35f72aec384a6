//! Last year's season over the coming lead time.
//!
//! The demand level ([`super::demand`]) is the *recent* rate of sales: on the eve of a
//! seasonal rise it is too low for the weeks a new order has to cover, and after the peak too
//! high. With a year of history before the recent weeks, the level is scaled by what the same
//! weeks did a year ago (52 weeks back, so weekdays line up):
//!
//! `F = (Σ_{t=n−364}^{n−364+L−1} y_t / L) / (Σ_{t=n−364−W}^{n−365} y_t / W)`,
//!
//! `n` the first day after the data, `L` the lead time in days, `W` = 28 days (four whole
//! weeks, about what the level's smoothing remembers). For the whole shop (all goods) this is
//! the *group seasonal index* idea (Withycombe 1989, "Forecasting with combined seasonal
//! indices", *Int. J. Forecasting* 5(4); Dekker, van Donselaar & Ouwehand 2004, "How to use
//! aggregation and combined forecasting to improve seasonal demand forecasts", *IJPE* 90(2)):
//! one product's year-ago sales are too few to measure a season, the shop's are not.
//!
//! Each product's own ratio is pulled toward the shop's by a Gamma–Poisson posterior mean: its
//! year-ago units over the lead time `a` are taken as Poisson with mean `f · e`, `e` the units
//! the four weeks before would predict (`b · L / W`), and `f ~ Gamma(m F, m)` a priori (mean
//! `F`, worth `m` = [`PRIOR_UNITS`] units), so
//!
//! `f = (a + m F) / (e + m)`
//!
//! (the empirical-Bayes ratio of Clayton & Kaldor 1987, *Biometrics* 43(3)). A product that
//! sold hundreds of units a year ago keeps its own season; one that sold three gets the
//! shop's. Factors are kept within [[`LOWEST`], [`HIGHEST`]].

use serde::{Deserialize, Serialize};

/// Days in the "weeks before" window `W`.
pub const WINDOW_DAYS: usize = 28;
/// Days back to "the same days last year": 52 weeks.
pub const YEAR_DAYS: usize = 364;
/// Weight `m` of the shop's ratio, in units of expected lead-time demand.
pub const PRIOR_UNITS: f64 = 10.0;
/// Bounds of a factor.
pub const LOWEST: f64 = 0.2;
pub const HIGHEST: f64 = 5.0;

/// The year-ago windows of one series ending the day before `n`: (units in the lead-time
/// window, units in the four weeks before it), or `None` when the series (end-aligned with the
/// shop's) is too short to reach back. A product that did not sell yet a year ago counts 0.
fn windows(y: &[f64], lead: usize, total_len: usize) -> Option<(f64, f64)> {
    if total_len < YEAR_DAYS + WINDOW_DAYS || lead == 0 {
        return None;
    }
    // Index in the shop's days of day `t` of this series (shorter series start later).
    let offset = total_len.checked_sub(y.len())?;
    let at = |t: usize| -> f64 {
        t.checked_sub(offset)
            .and_then(|i| y.get(i))
            .copied()
            .unwrap_or(0.0)
    };
    let start = total_len - YEAR_DAYS;
    let next = (start..start + lead.min(YEAR_DAYS)).map(at).sum::<f64>();
    let before = (start - WINDOW_DAYS..start).map(at).sum::<f64>();
    Some((next, before))
}

/// The whole shop's year-ago ratio `F` for a lead time of `lead` days (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ShopSeason {
    pub factor: f64,
    pub lead_days: usize,
    /// Units the shop sold in the two year-ago windows.
    pub next_units: f64,
    pub before_units: f64,
}

/// The shop's ratio from its daily units `total` (all goods, the last element the last day of
/// the data); `None` with less than a year and four weeks of days or no sales in the weeks
/// before.
pub fn shop(total: &[f64], lead: usize) -> Option<ShopSeason> {
    let (next, before) = windows(total, lead, total.len())?;
    if before <= 0.0 {
        return None;
    }
    let lead = lead.min(YEAR_DAYS);
    let factor = (next / lead as f64) / (before / WINDOW_DAYS as f64);
    Some(ShopSeason {
        factor: factor.clamp(LOWEST, HIGHEST),
        lead_days: lead,
        next_units: next,
        before_units: before,
    })
}

/// One product's factor: its own year-ago ratio pulled toward the shop's `F`
/// (`f = (a + m F) / (e + m)`, module docs). `y` is end-aligned with the shop's `total_len`
/// days.
pub fn product(y: &[f64], total_len: usize, shop: &ShopSeason) -> f64 {
    let Some((a, b)) = windows(y, shop.lead_days, total_len) else {
        return shop.factor;
    };
    let e = b * shop.lead_days as f64 / WINDOW_DAYS as f64;
    ((a + PRIOR_UNITS * shop.factor) / (e + PRIOR_UNITS)).clamp(LOWEST, HIGHEST)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    /// A shop selling 10 a day, 30 a day from day 400 (a year and five weeks in).
    fn shop_days(n: usize) -> Vec<f64> {
        (0..n).map(|t| if t >= 400 { 30.0 } else { 10.0 }).collect()
    }

    #[test]
    fn the_shop_ratio_is_last_years_next_weeks_over_the_weeks_before() {
        // n = 770: a year back is day 406; the 14 days from it sold 30 a day, the 28 before
        // (378..405) 22 days × 10 + 6 × 30 = 400 units, 14.2857 a day → F = 2.1.
        let total = shop_days(770);
        let s = shop(&total, 14).expect("a year of history");
        close(s.next_units, 420.0);
        close(s.before_units, 400.0);
        close(s.factor, 30.0 / (400.0 / 28.0));
        // Not a year and four weeks of days: no season.
        assert_eq!(shop(&total[..391], 14), None);
        assert!(shop(&total[..392], 14).is_some());
        // Nothing sold in the weeks before: no ratio.
        assert_eq!(shop(&vec![0.0; 800], 7), None);
    }

    #[test]
    fn a_product_is_pulled_toward_the_shop_by_how_much_it_sold() {
        let total = shop_days(770);
        let s = shop(&total, 14).expect("season");
        // A big seller whose year-ago weeks were flat (100 a day): its own ratio 1 wins,
        // nearly: (1400 + 10 F) / (1400 + 10).
        let big = vec![100.0; 770];
        close(
            product(&big, 770, &s),
            (1_400.0 + 10.0 * s.factor) / 1_410.0,
        );
        // A product first sold 200 days ago: no year-ago sales, the shop's factor.
        let new = vec![1.0; 200];
        close(product(&new, 770, &s), s.factor);
        // One unit in the weeks before, none after: (0 + 10 F) / (0.5 + 10).
        let mut small = vec![0.0; 770];
        small[400] = 1.0;
        close(product(&small, 770, &s), 10.0 * s.factor / 10.5);
        // Clipped.
        let mut spike = vec![0.0; 770];
        spike[406] = 10_000.0;
        close(product(&spike, 770, &s), HIGHEST);
    }
}
