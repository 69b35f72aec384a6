//! Date-time parsing into naive local seconds since 1970-01-01 00:00:00.
//!
//! Forms: ISO 8601 (`2010-12-01 08:26:00`, `2011-01-04T10:00:00Z`, offsets such as `+08:00`
//! are dropped: the wall time is kept), `YYYY/MM/DD`, `YYYYMMDD`, day- or month-first with `/`
//! `-` `.` separators and 2- or 4-digit years, optional seconds and fractions, AM/PM, English
//! month names (`01-Dec-2010`, `Dec 1, 2010`), Chinese `2011年1月13日` (with 上午/下午), Excel
//! serial numbers (1900 date system with Lotus' 1900-02-29 bug: serial 61 = 1900-03-01) and unix
//! seconds or milliseconds. Day/month order of `a/b/yyyy` values is left open
//! ([`RawDate::Ambiguous`]) and decided over the whole file by [`DateOrderVote`].

use super::model::DateOrder;
use crate::text::Text;

/// A parsed cell before the file's day/month order is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RawDate {
    /// Not a date.
    Invalid,
    /// Fully determined: naive seconds since 1970.
    Exact(i64),
    /// `a/b/year` with seconds of day: `a`,`b` are day and month in an order still unknown.
    Ambiguous { a: u8, b: u8, year: u16, secs: u32 },
}

/// The English weekday names, Monday first (index = [`weekday`]).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Monday = 0 … Sunday = 6 of a day index (days since 1970-01-01, a Thursday).
pub fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

/// Index of the Monday-to-Sunday week containing a day index; week 0 starts on Monday
/// 1969-12-29 (ISO 8601 weeks, numbered from there).
pub fn week_index(day: i64) -> i64 {
    (day + 3).div_euclid(7)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible
/// low-level date algorithms", `days_from_civil`).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`]: (year, month, day).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Seconds since 1970 of a validated date and seconds of day.
pub fn ymd_secs(y: i64, m: u32, d: u32, secs: u32) -> Option<i64> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) || !(1000..=9999).contains(&y) {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86400 + i64::from(secs))
}

/// Format naive seconds as "YYYY-MM-DD HH:MM:SS".
pub fn format_ts(ts: i64) -> String {
    let (y, m, d) = civil_from_days(ts.div_euclid(86400));
    let s = ts.rem_euclid(86400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        s / 3600,
        (s / 60) % 60,
        s % 60
    )
}

/// Format naive seconds as "YYYY-MM-DD".
pub fn format_day(ts: i64) -> String {
    let (y, m, d) = civil_from_days(ts.div_euclid(86400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parse "YYYY-MM-DD" into days since 1970.
pub fn parse_ymd_day(s: &str) -> Option<i64> {
    match parse_date(s.trim().as_bytes()) {
        RawDate::Exact(ts) if ts.rem_euclid(86400) == 0 && s.trim().len() <= 10 => {
            Some(ts.div_euclid(86400))
        }
        _ => None,
    }
}

/// Excel serial day number (1900 system) to naive seconds.
pub fn excel_serial(x: f64) -> Option<i64> {
    if !(1.0..2_958_466.0).contains(&x) {
        return None;
    }
    let days = x.floor();
    let mut secs = ((x - days) * 86400.0).round() as i64;
    let mut days = days as i64;
    if secs >= 86400 {
        secs -= 86400;
        days += 1;
    }
    // Serial 60 is the non-existent 1900-02-29 (Lotus 1-2-3 bug kept by Excel).
    let base = match days {
        60 => return None,
        d if d > 60 => days_from_civil(1899, 12, 30),
        _ => days_from_civil(1899, 12, 31),
    };
    Some((base + days) * 86400 + secs)
}

struct Cur<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i >= self.s.len()
    }
    /// Digits: (value, count).
    fn num(&mut self) -> Option<(u32, usize)> {
        let start = self.i;
        let mut v: u32 = 0;
        while let Some(b) = self.peek() {
            if !b.is_ascii_digit() || self.i - start >= 9 {
                break;
            }
            v = v * 10 + u32::from(b - b'0');
            self.i += 1;
        }
        let n = self.i - start;
        (n > 0).then_some((v, n))
    }
    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn eat_str(&mut self, t: &[u8]) -> bool {
        if self.s[self.i..].starts_with(t) {
            self.i += t.len();
            true
        } else {
            false
        }
    }
    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }
    fn alpha(&mut self) -> &[u8] {
        let start = self.i;
        while matches!(self.peek(), Some(b) if b.is_ascii_alphabetic()) {
            self.i += 1;
        }
        &self.s[start..self.i]
    }
}

const YEAR_CHAR: &[u8] = "年".as_bytes();
const MONTH_CHAR: &[u8] = "月".as_bytes();
const DAY_CHAR: &[u8] = "日".as_bytes();
const AM_CN: &[u8] = "上午".as_bytes();
const PM_CN: &[u8] = "下午".as_bytes();

fn month_name(w: &[u8]) -> Option<u32> {
    if w.len() < 3 {
        return None;
    }
    const NAMES: [&[u8]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    let lw: Vec<u8> = w.iter().map(u8::to_ascii_lowercase).collect();
    NAMES
        .iter()
        .position(|n| lw.starts_with(n))
        .map(|p| p as u32 + 1)
}

fn year_of(v: u32, n: usize) -> Option<i64> {
    match n {
        4 => Some(i64::from(v)),
        2 => Some(if v < 70 {
            2000 + i64::from(v)
        } else {
            1900 + i64::from(v)
        }),
        _ => None,
    }
}

/// Parse one cell.
pub fn parse_date(cell: &[u8]) -> RawDate {
    parse_inner(trim_ascii(cell)).unwrap_or(RawDate::Invalid)
}

fn trim_ascii(s: &[u8]) -> &[u8] {
    s.trim_ascii()
}

fn parse_inner(s: &[u8]) -> Option<RawDate> {
    if s.is_empty() {
        return None;
    }
    // Pure numbers: YYYYMMDD, Excel serial, unix seconds / milliseconds.
    if s.iter().all(|&b| b.is_ascii_digit() || b == b'.')
        && s.iter().filter(|&&b| b == b'.').count() <= 1
    {
        if s.len() == 8 && !s.contains(&b'.') && (s.starts_with(b"19") || s.starts_with(b"20")) {
            let n = |r: std::ops::Range<usize>| {
                std::str::from_utf8(&s[r])
                    .ok()
                    .and_then(|t| t.parse::<u32>().ok())
            };
            return ymd_secs(i64::from(n(0..4)?), n(4..6)?, n(6..8)?, 0).map(RawDate::Exact);
        }
        let x: f64 = std::str::from_utf8(s).ok()?.parse().ok()?;
        return if x < 100_000.0 {
            excel_serial(x).map(RawDate::Exact)
        } else if (1e8..1e11).contains(&x) {
            Some(RawDate::Exact(x.round() as i64))
        } else if (1e11..1e14).contains(&x) {
            Some(RawDate::Exact((x / 1000.0).round() as i64))
        } else {
            None
        };
    }
    let mut c = Cur { s, i: 0 };
    let date = if c.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
        // "Dec 1, 2010" / "December 1 2010" / eBay's "Jul-21-25"
        let m = month_name(c.alpha())?;
        c.eat(b'.');
        let dash = c.eat(b'-');
        c.skip_spaces();
        let (d, _) = c.num()?;
        if dash {
            if !c.eat(b'-') {
                return None;
            }
        } else {
            c.eat(b',');
            c.skip_spaces();
        }
        let (y, n) = c.num()?;
        Parsed::Ymd(year_of(y, n)?, m, d)
    } else {
        let (n1, l1) = c.num()?;
        if l1 == 4 {
            // Year first: 2010-12-01, 2011/01/13, 2011.01.13, 2011年1月13日
            let y = i64::from(n1);
            let sep = if c.eat_str(YEAR_CHAR) {
                0
            } else {
                let b = c.peek()?;
                if !matches!(b, b'-' | b'/' | b'.') {
                    return None;
                }
                c.i += 1;
                b
            };
            let (m, _) = c.num()?;
            if sep == 0 {
                if !c.eat_str(MONTH_CHAR) {
                    return None;
                }
            } else if !c.eat(sep) {
                return None;
            }
            let (d, _) = c.num()?;
            if sep == 0 {
                c.eat_str(DAY_CHAR);
            }
            Parsed::Ymd(y, m, d)
        } else if l1 <= 2 {
            let sep = c.peek()?;
            if matches!(sep, b'-' | b'/' | b'.' | b' ') {
                c.i += 1;
            } else {
                return None;
            }
            if c.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
                // 01-Dec-2010, 1 December 2010
                let m = month_name(c.alpha())?;
                if !(c.eat(sep) || c.eat(b' ')) {
                    return None;
                }
                let (y, n) = c.num()?;
                Parsed::Ymd(year_of(y, n)?, m, n1)
            } else {
                if sep == b' ' {
                    return None;
                }
                let (n2, l2) = c.num()?;
                if l2 > 2 || !c.eat(sep) {
                    return None;
                }
                let (y, n) = c.num()?;
                let year = year_of(y, n)?;
                Parsed::Ambiguous(n1, n2, year)
            }
        } else {
            return None;
        }
    };
    // Time of day.
    let secs = parse_time(&mut c)?;
    if !c.done() {
        return None;
    }
    match date {
        Parsed::Ymd(y, m, d) => ymd_secs(y, m, d, secs).map(RawDate::Exact),
        Parsed::Ambiguous(a, b, year) => {
            if a == 0 || b == 0 || a > 31 || b > 31 || !(1000..=9999).contains(&year) {
                return None;
            }
            Some(RawDate::Ambiguous {
                a: a as u8,
                b: b as u8,
                year: year as u16,
                secs,
            })
        }
    }
}

enum Parsed {
    Ymd(i64, u32, u32),
    Ambiguous(u32, u32, i64),
}

/// Optional time part after the date: returns seconds of day.
fn parse_time(c: &mut Cur<'_>) -> Option<u32> {
    if c.done() {
        return Some(0);
    }
    let start = c.i;
    if !c.eat(b'T') {
        c.eat(b',');
        c.skip_spaces();
    }
    if c.done() {
        return Some(0);
    }
    if c.i == start && !c.s[c.i..].starts_with(AM_CN) && !c.s[c.i..].starts_with(PM_CN) {
        return None;
    }
    clock(c)
}

/// A time of day standing alone in its cell ("13:45:12", "1:45 PM", "下午1点45分"), as
/// seconds of day: the "Time" column of exports that keep the date and the time apart
/// (Square's item sales). `None` when the cell is not a time of day.
pub fn parse_clock(cell: &[u8]) -> Option<u32> {
    let s = trim_ascii(cell);
    let mut c = Cur { s, i: 0 };
    let secs = clock(&mut c)?;
    c.done().then_some(secs)
}

/// Hours, minutes, seconds, AM/PM and an offset from the cursor: seconds of day.
fn clock(c: &mut Cur<'_>) -> Option<u32> {
    let mut pm: Option<bool> = None;
    if c.eat_str(AM_CN) {
        pm = Some(false);
    } else if c.eat_str(PM_CN) {
        pm = Some(true);
    }
    let (mut h, _) = c.num()?;
    let mut secs = 0u32;
    let mut min = 0u32;
    if c.eat(b':') {
        min = c.num().filter(|&(_, n)| n == 2)?.0;
        if c.eat(b':') {
            secs = c.num().filter(|&(_, n)| n == 2)?.0;
            if c.eat(b'.') || c.eat(b',') {
                c.num()?;
            }
        }
    } else if c.eat_str("时".as_bytes()) || c.eat_str("点".as_bytes()) {
        if let Some((m, _)) = c.num() {
            min = m;
            c.eat_str("分".as_bytes());
            if let Some((s, _)) = c.num() {
                secs = s;
                c.eat_str("秒".as_bytes());
            }
        }
    } else {
        return None;
    }
    c.skip_spaces();
    let save = c.i;
    let w = c.alpha().to_ascii_lowercase();
    match w.as_slice() {
        b"am" | b"a" => {
            c.eat(b'.');
            if w == b"a" && !(c.eat(b'm') && c.eat(b'.')) {
                c.i = save;
            } else {
                pm = Some(false);
            }
        }
        b"pm" | b"p" => {
            c.eat(b'.');
            if w == b"p" && !(c.eat(b'm') && c.eat(b'.')) {
                c.i = save;
            } else {
                pm = Some(true);
            }
        }
        b"z" | b"utc" | b"gmt" => {}
        _ => c.i = save,
    }
    if let Some(pm) = pm {
        if h == 0 || h > 12 {
            return None;
        }
        if h == 12 {
            h = 0;
        }
        if pm {
            h += 12;
        }
    }
    // Time-zone offset: +08:00, -0500, +08 (dropped: naive local time is kept).
    c.skip_spaces();
    if matches!(c.peek(), Some(b'+' | b'-')) {
        c.i += 1;
        let (_, n) = c.num()?;
        if c.eat(b':') {
            c.num()?;
        } else if n != 2 && n != 4 {
            return None;
        }
    }
    c.skip_spaces();
    if h > 23 || min > 59 || secs > 60 {
        return None;
    }
    Some(h * 3600 + min * 60 + secs.min(59))
}

/// Counts over a whole file to decide the order of ambiguous `a/b/year` dates.
#[derive(Debug, Clone, Default)]
pub struct DateOrderVote {
    /// Values whose first part is above 12 (only day-first fits).
    pub first_over_12: u64,
    /// Values whose second part is above 12 (only month-first fits).
    pub second_over_12: u64,
    /// Values fitting both orders.
    pub ambiguous: u64,
    /// Year-first or otherwise exact values.
    pub exact: u64,
    /// First example of each kind, for the reason text.
    pub first_example: Option<(u8, u8, u16)>,
    /// First example with second part above 12.
    pub second_example: Option<(u8, u8, u16)>,
}

impl DateOrderVote {
    /// Count one parsed value.
    pub fn add(&mut self, d: &RawDate) {
        match *d {
            RawDate::Exact(_) => self.exact += 1,
            RawDate::Ambiguous { a, b, year, .. } => {
                if a > 12 && b <= 12 {
                    self.first_over_12 += 1;
                    self.first_example.get_or_insert((a, b, year));
                } else if b > 12 && a <= 12 {
                    self.second_over_12 += 1;
                    self.second_example.get_or_insert((a, b, year));
                } else {
                    self.ambiguous += 1;
                }
            }
            RawDate::Invalid => {}
        }
    }

    /// Decide the order and say why (in English). `locale_day_first` is the fallback from
    /// other evidence of the file (decimal comma, currency, Chinese headers), with its reason.
    pub fn decide(
        &self,
        forced: Option<DateOrder>,
        locale_day_first: (bool, &str),
    ) -> (DateOrder, String) {
        let (day_first, why) = locale_day_first;
        let (o, t) = self.decide_text(forced, (day_first, Text::raw(why)));
        (o, t.en())
    }

    /// [`decide`](Self::decide) with the reason as a catalogue sentence.
    pub fn decide_text(
        &self,
        forced: Option<DateOrder>,
        locale_day_first: (bool, Text),
    ) -> (DateOrder, Text) {
        if let Some(o) = forced {
            return (o, Text::new("data.date.forced"));
        }
        let ex = |e: Option<(u8, u8, u16)>| {
            e.map(|(a, b, y)| format!("{a:02}/{b:02}/{y}"))
                .unwrap_or_default()
        };
        let (f, s) = (self.first_over_12, self.second_over_12);
        if f == 0 && s == 0 && self.ambiguous == 0 {
            return (DateOrder::YearFirst, Text::new("data.date.year_first"));
        }
        if f > 0 && s == 0 {
            return (
                DateOrder::DayFirst,
                Text::new("data.date.only_day_first")
                    .int("n", f)
                    .str("example", ex(self.first_example)),
            );
        }
        if s > 0 && f == 0 {
            return (
                DateOrder::MonthFirst,
                Text::new("data.date.only_month_first")
                    .int("n", s)
                    .str("example", ex(self.second_example)),
            );
        }
        let name = |day_first: bool| {
            if day_first {
                Text::new("data.date.day_first")
            } else {
                Text::new("data.date.month_first")
            }
        };
        if f > 0 && s > 0 {
            let o = if f >= s {
                DateOrder::DayFirst
            } else {
                DateOrder::MonthFirst
            };
            return (
                o,
                Text::new("data.date.conflict")
                    .int("f", f)
                    .str("ex_f", ex(self.first_example))
                    .int("s", s)
                    .str("ex_s", ex(self.second_example))
                    .text("order", name(f >= s)),
            );
        }
        let (day_first, why) = locale_day_first;
        (
            if day_first {
                DateOrder::DayFirst
            } else {
                DateOrder::MonthFirst
            },
            Text::new("data.date.ambiguous")
                .int("n", self.ambiguous)
                .text("order", name(day_first))
                .text("why", why),
        )
    }
}

/// Resolve a raw value with the file's order.
pub fn resolve(d: &RawDate, order: DateOrder) -> Option<i64> {
    match *d {
        RawDate::Invalid => None,
        RawDate::Exact(t) => Some(t),
        RawDate::Ambiguous { a, b, year, secs } => {
            let (day, month) = match order {
                DateOrder::MonthFirst => (b, a),
                _ => (a, b),
            };
            ymd_secs(i64::from(year), u32::from(month), u32::from(day), secs)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_name_first_with_dashes() {
        // eBay's order report: "Jul-21-25" is 21 July 2025.
        assert_eq!(
            parse_date(b"Jul-21-25"),
            RawDate::Exact(ymd_secs(2025, 7, 21, 0).unwrap_or(0))
        );
        assert_eq!(
            parse_date(b"Dec-01-2010 13:05"),
            RawDate::Exact(ymd_secs(2010, 12, 1, 13 * 3600 + 5 * 60).unwrap_or(0))
        );
        assert_eq!(parse_date(b"Jul-21 25"), RawDate::Invalid);
        assert_eq!(parse_date(b"Jul 21-25"), RawDate::Invalid);
    }

    #[test]
    fn clock_times_alone() {
        assert_eq!(parse_clock(b"13:45:12"), Some(13 * 3600 + 45 * 60 + 12));
        assert_eq!(parse_clock(b" 1:45 PM "), Some(13 * 3600 + 45 * 60));
        assert_eq!(parse_clock(b"12:05 a.m."), Some(5 * 60));
        assert_eq!(
            parse_clock("下午1点45分".as_bytes()),
            Some(13 * 3600 + 45 * 60)
        );
        assert_eq!(parse_clock(b"09:05+01:00"), Some(9 * 3600 + 5 * 60));
        for not in [&b"13"[..], b"", b"25:00", b"1:5", b"2024-03-01", b"13:45 x"] {
            assert_eq!(parse_clock(not), None, "{:?}", std::str::from_utf8(not));
        }
        // Dates with their time still parse as before.
        assert_eq!(
            parse_date(b"2024-03-01 13:45"),
            RawDate::Exact(ymd_secs(2024, 3, 1, 13 * 3600 + 45 * 60).unwrap_or(0))
        );
        assert_eq!(parse_date(b"2024-03-0113:45"), RawDate::Invalid);
    }

    #[test]
    fn weekdays_and_weeks_start_on_monday() {
        // 1970-01-01 was a Thursday; 2011-12-09 (the last UCI day) a Friday.
        assert_eq!(weekday(0), 3);
        assert_eq!(weekday(days_from_civil(2011, 12, 9)), 4);
        assert_eq!(weekday(days_from_civil(1969, 12, 29)), 0);
        assert_eq!(weekday(-1), 2);
        // Monday 1969-12-29 to Sunday 1970-01-04 is week 0; the next Monday starts week 1.
        assert_eq!(week_index(days_from_civil(1969, 12, 29)), 0);
        assert_eq!(week_index(days_from_civil(1970, 1, 4)), 0);
        assert_eq!(week_index(days_from_civil(1970, 1, 5)), 1);
        assert_eq!(week_index(days_from_civil(1969, 12, 28)), -1);
    }

    fn ts(s: &str) -> String {
        match parse_date(s.as_bytes()) {
            RawDate::Exact(t) => format_ts(t),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn exact_forms() {
        assert_eq!(ts("2010-12-01 08:26:00"), "2010-12-01 08:26:00");
        assert_eq!(ts("2011-01-04T10:00:00Z"), "2011-01-04 10:00:00");
        assert_eq!(ts("2011-01-04T10:00:00+08:00"), "2011-01-04 10:00:00");
        assert_eq!(ts("2019-03-01 10:12:13 -0500"), "2019-03-01 10:12:13");
        assert_eq!(ts("2011/01/13"), "2011-01-13 00:00:00");
        assert_eq!(ts("2011年1月13日"), "2011-01-13 00:00:00");
        assert_eq!(ts("2011年1月13日 下午3:05"), "2011-01-13 15:05:00");
        assert_eq!(ts("2011-01-13 9:05"), "2011-01-13 09:05:00");
        assert_eq!(ts("40513.35"), "2010-12-01 08:24:00");
        assert_eq!(ts("61"), "1900-03-01 00:00:00");
        assert_eq!(ts("59"), "1900-02-28 00:00:00");
        assert_eq!(ts("1293840000"), "2011-01-01 00:00:00");
        assert_eq!(ts("20110113"), "2011-01-13 00:00:00");
        assert_eq!(
            parse_date(b"13.01.2011"),
            RawDate::Ambiguous {
                a: 13,
                b: 1,
                year: 2011,
                secs: 0
            }
        );
        assert_eq!(ts("01-Dec-2010 08:26"), "2010-12-01 08:26:00");
        assert_eq!(ts("Dec 1, 2010 8:26 PM"), "2010-12-01 20:26:00");
        assert_eq!(ts("2010-12-01 12:15 AM"), "2010-12-01 00:15:00");
        assert_eq!(parse_date(b"2010-02-30"), RawDate::Invalid);
        assert_eq!(parse_date(b"hello"), RawDate::Invalid);
        assert_eq!(parse_date(b""), RawDate::Invalid);
        assert_eq!(parse_date(b"2010-12-01 25:00"), RawDate::Invalid);
    }

    #[test]
    fn ambiguous_and_vote() {
        let d = parse_date(b"13/01/2011 09:05");
        assert_eq!(
            d,
            RawDate::Ambiguous {
                a: 13,
                b: 1,
                year: 2011,
                secs: 9 * 3600 + 300
            }
        );
        let m = parse_date(b"12/1/2010 8:26");
        let dots = parse_date(b"13.01.2011");
        let mut v = DateOrderVote::default();
        v.add(&d);
        v.add(&m);
        v.add(&dots);
        let (o, why) = v.decide(None, (false, "x"));
        assert_eq!(o, DateOrder::DayFirst);
        assert!(why.contains("13/01/2011"), "{why}");
        assert_eq!(
            resolve(&m, o).map(format_ts).as_deref(),
            Some("2010-01-12 08:26:00")
        );
        assert_eq!(
            resolve(&m, DateOrder::MonthFirst).map(format_ts).as_deref(),
            Some("2010-12-01 08:26:00")
        );
        let mut v = DateOrderVote::default();
        v.add(&parse_date(b"12/13/2010"));
        v.add(&m);
        assert_eq!(v.decide(None, (true, "x")).0, DateOrder::MonthFirst);
        let mut v = DateOrderVote::default();
        v.add(&m);
        let (o, why) = v.decide(None, (true, "the amounts use a decimal comma"));
        assert_eq!(o, DateOrder::DayFirst);
        assert!(why.contains("decimal comma"));
        let mut v = DateOrderVote::default();
        v.add(&parse_date(b"2010-12-01"));
        assert_eq!(v.decide(None, (true, "x")).0, DateOrder::YearFirst);
    }

    #[test]
    fn civil_roundtrip() {
        for z in [-800_000i64, -1, 0, 1, 15_000, 40_000, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
    }
}
