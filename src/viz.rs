//! Pure chart geometry shared by the SVG components (native-testable).

/// "Nice" tick step for a range (1, 2, 2.5, 5 × 10^k), Heckbert's labelling algorithm.
pub fn nice_step(range: f64, target_ticks: usize) -> f64 {
    if range <= 0.0 || !range.is_finite() {
        return 1.0;
    }
    let raw = range / target_ticks.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    step * mag
}

/// Ticks from 0 (or the data minimum when negative) to a nice maximum covering `max`.
pub fn ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    let lo = min.min(0.0);
    let hi = if max > lo { max } else { lo + 1.0 };
    let step = nice_step(hi - lo, target);
    let start = (lo / step).floor() * step;
    let mut out = Vec::new();
    let mut t = start;
    while t < hi + step * 0.999 && out.len() < 50 {
        out.push(t);
        t += step;
    }
    out
}

/// Year, month and day of an ISO date (`2011-12-09`, optionally followed by a time);
/// day is `None` for a month (`2011-12`).
fn iso_parts(iso: &str) -> Option<(i32, u32, Option<u32>)> {
    let s = iso.trim();
    let year = s.get(..4)?.parse::<i32>().ok()?;
    if s.get(4..5)? != "-" {
        return None;
    }
    let month = s
        .get(5..7)?
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let day = match s.get(7..8) {
        Some("-") => Some(
            s.get(8..10)?
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=31).contains(d))?,
        ),
        _ => None,
    };
    Some((year, month, day))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date for display: `2011-12-09` → "9 Dec 2011" (English) or "2011年12月9日" (Chinese).
/// A month (`2011-12`) gives the month label; anything else is returned unchanged.
pub fn date_label(iso: &str, zh: bool) -> String {
    match iso_parts(iso) {
        Some((y, m, Some(d))) => {
            if zh {
                format!("{y}年{m}月{d}日")
            } else {
                format!("{d} {} {y}", MONTHS[(m - 1) as usize])
            }
        }
        Some((y, m, None)) => month_label_of(y, m, zh),
        None => iso.to_string(),
    }
}

/// A month for chart axes: `2011-12` or `2011-12-09` → "Dec 2011" / "2011年12月";
/// anything else is returned unchanged.
pub fn month_label(iso: &str, zh: bool) -> String {
    match iso_parts(iso) {
        Some((y, m, _)) => month_label_of(y, m, zh),
        None => iso.to_string(),
    }
}

fn month_label_of(y: i32, m: u32, zh: bool) -> String {
    if zh {
        format!("{y}年{m}月")
    } else {
        format!("{} {y}", MONTHS[(m - 1) as usize])
    }
}

/// How many periods of history a forecast chart shows at first: six horizons, a season and a
/// horizon (the same stretch a season before the forecast), or 24 periods, whichever is most,
/// so that the forecast takes a readable share of the width (two years of days and a week
/// ahead would leave it a sliver). The page offers the whole history on demand. `horizon`,
/// `season`: in periods.
pub fn recent_history(horizon: usize, season: usize) -> usize {
    (6 * horizon).max(season + horizon).max(24)
}

/// Whether an axis label of `chars` characters centred on its tick at `x` fits inside a chart
/// `width` wide (about 7 px a character at the tick size). A label that does not is left out:
/// moved inside, it would run into its neighbour.
pub fn tick_fits(x: f64, width: f64, chars: usize) -> bool {
    let half = 3.5 * chars as f64;
    x - half >= 0.0 && x + half <= width
}

/// The first point a chart of `points` shows when it keeps `keep` points of history before
/// the marker at `marker` (the last history point) and everything after it.
pub fn window_start(marker: usize, keep: usize) -> usize {
    (marker + 1).saturating_sub(keep)
}

/// Where a caption of `chars` characters goes beside a vertical line at `x` in a chart whose
/// plot ends at `right`: its x and SVG `text-anchor`, right of the line when it fits there
/// (about 7 px a character at the tick size), else left of it, ending at the line.
pub fn caption_beside(x: f64, right: f64, chars: usize) -> (f64, &'static str) {
    if right - x >= 7.0 * chars as f64 + 8.0 {
        (x + 4.0, "start")
    } else {
        (x - 4.0, "end")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(1_000_000.0, 5), 200_000.0);
        assert_eq!(
            ticks(0.0, 95.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
    }

    #[test]
    fn forecast_charts_start_at_recent_history() {
        // daily, a week ahead: 42 days; weekly, a quarter ahead: 72 weeks, four ahead: 56;
        // monthly, 18 ahead: 108 months
        assert_eq!(recent_history(7, 7), 42);
        assert_eq!(recent_history(12, 52), 72);
        assert_eq!(recent_history(4, 52), 56);
        assert_eq!(recent_history(18, 12), 108);
        assert_eq!(recent_history(1, 1), 24);
        // "2011-12-12" (10 characters, 70 px) at the right edge of a 760 px chart does not fit
        assert!(!tick_fits(744.0, 760.0, 10));
        assert!(tick_fits(64.0, 760.0, 10));
        assert!(!tick_fits(20.0, 760.0, 10));
        // 729 days of history (marker at 728), 42 kept: from day 687; a short history whole
        assert_eq!(window_start(728, 42), 687);
        assert_eq!(window_start(16, 42), 0);
        assert_eq!(window_start(41, 42), 0);
    }

    #[test]
    fn captions_stay_inside_the_plot() {
        // "forecast →" (10 characters) needs 78 px
        assert_eq!(caption_beside(500.0, 744.0, 10), (504.0, "start"));
        assert_eq!(caption_beside(700.0, 744.0, 10), (696.0, "end"));
    }
}
