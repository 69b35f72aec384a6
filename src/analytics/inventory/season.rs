//! Last year's season over the coming lead time.
//!
//! The demand level ([`super::demand`]) is the *recent* rate of sales: on the eve of a
//! seasonal rise it is too low for the weeks a new order has to cover, and after the peak too
//! high. With a year of history before the recent weeks, the level is scaled by what the same
//! weeks did a year ago (52 weeks back, so weekdays line up):
//!
//! `F = Σ_{t=n−364}^{n−364+L−1} y_t / (L · ℓ_{n−364})`,
//!
//! `n` the first day after the data, `L` the lead time in days, `ℓ_{n−364}` the demand level
//! the same model ([`demand::fit`]) gives on the history up to that day a year ago — what was
//! sold over the next `L` days then against what the level then pointed to, so the ratio
//! measures what the smoothing would have missed (a fixed "weeks before" window would count a
//! rise the level has half caught up with twice). At least `W` = 28 days must lie before
//! that day. For the whole shop (all goods) this is
//! the *group seasonal index* idea (Withycombe 1989, "Forecasting with combined seasonal
//! indices", *Int. J. Forecasting* 5(4); Dekker, van Donselaar & Ouwehand 2004, "How to use
//! aggregation and combined forecasting to improve seasonal demand forecasts", *IJPE* 90(2)):
//! one product's year-ago sales are too few to measure a season, the shop's are not.
//!
//! Each product's own ratio is pulled toward the shop's by a Gamma–Poisson posterior mean: its
//! year-ago units over the lead time `a` are taken as Poisson with mean `f · e`, `e = L · ℓ`
//! the units its level then pointed to, and `f ~ Gamma(m F, m)` a priori (mean
//! `F`, worth `m` = [`PRIOR_UNITS`] units), so
//!
//! `f = (a + m F) / (e + m)`
//!
//! (the empirical-Bayes ratio of Clayton & Kaldor 1987, *Biometrics* 43(3)). A product that
//! sold hundreds of units a year ago keeps its own season; one that sold three gets the
//! shop's. Factors are kept within [[`LOWEST`], [`HIGHEST`]].
//!
//! **Used only where it has worked.** A single year shows what happened, not that it repeats:
//! a one-off rush or a quiet patch would be read as a season. Before the season is used, it is
//! backtested on the shop's own past ([`assess`]): from every seventh day with a year and four
//! weeks behind it (the last ending on the last day of the data), the shop's units over the
//! next `L` days are forecast from its demand level alone and from the level × that day's `F`;
//! the season is used when it cuts the summed absolute error by at least 1 % over at least
//! [`MIN_ORIGINS`] such days (rolling-origin evaluation, Tashman 2000, *Int. J. Forecasting*
//! 16(4)). On the Groceries file (two years of daily sales with no repeating season) it is
//! left out.

use serde::{Deserialize, Serialize};

use super::demand;

/// Fewest days of history before the year-ago day `W`.
pub const WINDOW_DAYS: usize = 28;
/// Days back to "the same days last year": 52 weeks.
pub const YEAR_DAYS: usize = 364;
/// Weight `m` of the shop's ratio, in units of expected lead-time demand.
pub const PRIOR_UNITS: f64 = 10.0;
/// Bounds of a factor.
pub const LOWEST: f64 = 0.2;
pub const HIGHEST: f64 = 5.0;

/// The year ago of one series ending the day before `n`: (units over the lead time from the
/// year-ago day, the units its demand level on that day pointed to), or `None` when the shop's
/// history is too short to reach back. A product that did not sell yet a year ago counts 0.
fn year_ago(y: &[f64], lead: usize, total_len: usize) -> Option<(f64, f64)> {
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
    let lead = lead.min(YEAR_DAYS);
    let next = (start..start + lead).map(at).sum::<f64>();
    let level = match start.checked_sub(offset) {
        Some(k) if k > 0 => demand::fit(&y[..k]).mean,
        _ => 0.0,
    };
    Some((next, level * lead as f64))
}

/// Fewest weekly origins of the backtest.
pub const MIN_ORIGINS: usize = 8;

/// The whole shop's year-ago ratio `F` for a lead time of `lead` days (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ShopSeason {
    pub factor: f64,
    pub lead_days: usize,
    /// Units the shop sold over the lead time from the year-ago day, and the units its demand
    /// level on that day pointed to.
    pub next_units: f64,
    pub expected_units: f64,
    /// The backtest that let it be used ([`assess`]).
    #[serde(default)]
    pub check: Option<SeasonCheck>,
}

/// Backtest of the season on the shop's past (module docs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SeasonCheck {
    /// Forecast origins, a week apart.
    pub origins: usize,
    /// Σ |forecast − actual| of the shop's units over the lead time, with and without the
    /// season.
    pub error_with: f64,
    pub error_without: f64,
}

/// What [`assess`] found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// The season is used.
    Applied(ShopSeason),
    /// Tried on the past and found not to help.
    Rejected(SeasonCheck),
    /// Too little history to measure or to check it.
    TooShort,
}

/// The shop's season over `lead` days if its backtest on the past shows it helps (module docs).
pub fn assess(total: &[f64], lead: usize) -> Verdict {
    let lead = lead.clamp(1, YEAR_DAYS);
    let first = YEAR_DAYS + WINDOW_DAYS;
    let Some(now) = shop(total, lead) else {
        return Verdict::TooShort;
    };
    let mut origins = Vec::new();
    let mut o = total.len().saturating_sub(lead);
    while o >= first {
        origins.push(o);
        o -= 7;
    }
    if origins.len() < MIN_ORIGINS {
        return Verdict::TooShort;
    }
    let (mut with, mut without) = (0.0, 0.0);
    for &o in &origins {
        let past = &total[..o];
        let base = demand::fit(past).mean * lead as f64;
        let f = shop(past, lead).map_or(1.0, |s| s.factor);
        let actual: f64 = total[o..o + lead].iter().sum();
        without += (base - actual).abs();
        with += (base * f - actual).abs();
    }
    let check = SeasonCheck {
        origins: origins.len(),
        error_with: with,
        error_without: without,
    };
    if with <= 0.99 * without {
        Verdict::Applied(ShopSeason {
            check: Some(check),
            ..now
        })
    } else {
        Verdict::Rejected(check)
    }
}

/// The shop's ratio from its daily units `total` (all goods, the last element the last day of
/// the data); `None` with less than a year and four weeks of days or no demand level a year
/// ago.
pub fn shop(total: &[f64], lead: usize) -> Option<ShopSeason> {
    let (next, expected) = year_ago(total, lead, total.len())?;
    if expected <= 0.0 {
        return None;
    }
    Some(ShopSeason {
        factor: (next / expected).clamp(LOWEST, HIGHEST),
        lead_days: lead.min(YEAR_DAYS),
        next_units: next,
        expected_units: expected,
        check: None,
    })
}

/// One product's factor: its own year-ago ratio pulled toward the shop's `F`
/// (`f = (a + m F) / (e + m)`, module docs). `y` is end-aligned with the shop's `total_len`
/// days.
pub fn product(y: &[f64], total_len: usize, shop: &ShopSeason) -> f64 {
    let Some((a, e)) = year_ago(y, shop.lead_days, total_len) else {
        return shop.factor;
    };
    ((a + PRIOR_UNITS * shop.factor) / (e + PRIOR_UNITS)).clamp(LOWEST, HIGHEST)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    /// A shop selling 10 a day, 30 a day from day 406 (a year and six weeks in).
    fn shop_days(n: usize) -> Vec<f64> {
        (0..n).map(|t| if t >= 406 { 30.0 } else { 10.0 }).collect()
    }

    #[test]
    fn the_shop_ratio_is_last_years_next_days_over_its_level_then() {
        // n = 770: a year back is day 406; the 14 days from it sold 30 a day, the level on
        // it (406 days of 10) is 10 → F = 420 / 140 = 3.
        let total = shop_days(770);
        let s = shop(&total, 14).expect("a year of history");
        close(s.next_units, 420.0);
        close(s.expected_units, 140.0);
        close(s.factor, 3.0);
        // Not a year and four weeks of days: no season.
        assert_eq!(shop(&total[..391], 14), None);
        assert!(shop(&total[..392], 14).is_some());
        // Nothing sold before: no level, no ratio.
        assert_eq!(shop(&vec![0.0; 800], 7), None);
    }

    #[test]
    fn a_product_is_pulled_toward_the_shop_by_how_much_it_sold() {
        let total = shop_days(770);
        let s = shop(&total, 14).expect("season");
        // A big seller that stayed flat a year ago (100 a day): its own ratio 1 wins, nearly:
        // (1400 + 10 F) / (1400 + 10).
        let big = vec![100.0; 770];
        close(
            product(&big, 770, &s),
            (1_400.0 + 10.0 * s.factor) / 1_410.0,
        );
        // A product first sold 200 days ago: no year-ago sales, the shop's factor.
        let new = vec![1.0; 200];
        close(product(&new, 770, &s), s.factor);
        // Half a unit a day: 7 units against 7, pulled toward F: (7 + 10 F) / (7 + 10).
        let small = vec![0.5; 770];
        close(product(&small, 770, &s), (7.0 + 10.0 * s.factor) / 17.0);
        // Clipped.
        let mut spike = vec![0.0; 770];
        spike[406] = 10_000.0;
        close(product(&spike, 770, &s), HIGHEST);
    }

    /// 10 a day with a 70-day rush at the same time each year (days 45–114, 409–478).
    fn yearly_rush(n: usize) -> Vec<f64> {
        (0..n)
            .map(|t| {
                if (45..115).contains(&(t % 364)) {
                    30.0
                } else {
                    10.0
                }
            })
            .collect()
    }

    #[test]
    fn the_season_is_used_only_where_it_worked_before() {
        // A rush that comes back each year: scaling by last year's would have forecast it.
        match assess(&yearly_rush(770), 14) {
            Verdict::Applied(s) => {
                let c = s.check.expect("checked");
                assert!(c.origins >= MIN_ORIGINS);
                assert!(c.error_with < 0.5 * c.error_without, "{c:?}");
                // 406..419: 3 flat days and 11 of the rush; the level then 10 (flat since 115).
                close(s.factor, (3.0 * 10.0 + 11.0 * 30.0) / 140.0);
            }
            v => panic!("{v:?}"),
        }
        // A rush that happened once (in the second year only) is no season: over the past
        // it would not have helped.
        let once: Vec<f64> = (0..770)
            .map(|t| if (409..479).contains(&t) { 30.0 } else { 10.0 })
            .collect();
        assert!(
            matches!(assess(&once, 14), Verdict::Rejected(_)),
            "{:?}",
            assess(&once, 14)
        );
        // Less than a year, four weeks and eight weekly origins.
        assert_eq!(assess(&yearly_rush(400), 14), Verdict::TooShort);
        assert_eq!(assess(&yearly_rush(392 + 14 + 48), 14), Verdict::TooShort);
        assert!(!matches!(
            assess(&yearly_rush(392 + 14 + 49), 14),
            Verdict::TooShort
        ));
    }
}
