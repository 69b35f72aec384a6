//! Number and date formatting for display. Numbers look the same in both languages
//! (`1,234.5`); dates and months follow the UI language (`9 Dec 2011` / `2011年12月9日`).

use super::i18n::{is_zh, t};

/// `1234567.891` → `"1,234,567.89"` with `decimals` digits.
pub fn num(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let sign = if v < 0.0 && s.chars().any(|c| c != '0' && c != '.') {
        "-"
    } else {
        ""
    };
    format!("{sign}{}", crate::text::group_thousands(&s))
}

/// An ISO date (`2011-12-09`) in the UI language: "9 Dec 2011" / "2011年12月9日".
pub fn date(iso: &str) -> String {
    crate::viz::date_label(iso, is_zh())
}

/// An ISO month or date as a month label: "Dec 2011" / "2011年12月".
pub fn month(iso: &str) -> String {
    crate::viz::month_label(iso, is_zh())
}

/// "9 Dec 2011 – 31 Dec 2011" (dates in the UI language).
pub fn date_range(from: &str, to: &str) -> String {
    format!("{} – {}", date(from), date(to))
}

/// A weekday's short name (0 = Monday): "Wed" / "周三".
pub fn weekday_short(w: usize) -> String {
    match w {
        0 => t("Mon", "周一"),
        1 => t("Tue", "周二"),
        2 => t("Wed", "周三"),
        3 => t("Thu", "周四"),
        4 => t("Fri", "周五"),
        5 => t("Sat", "周六"),
        _ => t("Sun", "周日"),
    }
    .to_owned()
}

/// A weekday's full name (0 = Monday): "Wednesday" / "星期三".
pub fn weekday(w: usize) -> String {
    match w {
        0 => t("Monday", "星期一"),
        1 => t("Tuesday", "星期二"),
        2 => t("Wednesday", "星期三"),
        3 => t("Thursday", "星期四"),
        4 => t("Friday", "星期五"),
        5 => t("Saturday", "星期六"),
        _ => t("Sunday", "星期日"),
    }
    .to_owned()
}

pub fn int(v: u64) -> String {
    num(v as f64, 0)
}

/// Money with the currency symbol when the data has a single known currency ("-£5.00" when
/// negative, "–" when not a number).
pub fn money(v: f64, symbol: &str) -> String {
    signed_money(num(v, 2), symbol)
}

/// [`money`] in whole units (rounded), for rough amounts.
pub fn money0(v: f64, symbol: &str) -> String {
    signed_money(num(v, 0), symbol)
}

fn signed_money(n: String, symbol: &str) -> String {
    match n.strip_prefix('-') {
        _ if n == "–" => n,
        Some(abs) => format!("-{symbol}{abs}"),
        None => format!("{symbol}{n}"),
    }
}

/// Compact axis labels: 1.2M, 350k, 12.5 (the same in both languages).
pub fn compact(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{}B", trim(v / 1e9))
    } else if a >= 1e6 {
        format!("{}M", trim(v / 1e6))
    } else if a >= 1e3 {
        format!("{}k", trim(v / 1e3))
    } else {
        trim(v)
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

pub fn pct(v: f64) -> String {
    format!("{}%", num(v * 100.0, 1))
}

pub fn bytes(b: u64) -> String {
    let b = b as f64;
    if b >= 1024.0 * 1024.0 {
        format!("{:.1} MB", b / 1024.0 / 1024.0)
    } else if b >= 1024.0 {
        format!("{:.0} kB", b / 1024.0)
    } else {
        format!("{b} B")
    }
}
