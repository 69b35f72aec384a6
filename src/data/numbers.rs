//! Locale-tolerant number parsing for prices, amounts and quantities.
//!
//! Accepted: decimal point or comma, thousands separators (`,` `.` space, no-break space,
//! apostrophe), currency symbols and ISO codes before or after the number ("£1,234.50",
//! "1.234,50 €", "¥88", "$ 12", "12.5 EUR"), accounting negatives "(12.00)", signs, and
//! exponents ("1.5E3"). The decimal separator of a cell is unambiguous when both separators
//! occur (the last one is decimal) or when a single separator is not followed by exactly three
//! digits; otherwise ("1,234") the per-file decision ([`DecimalEvidence`]) applies — the rule
//! spreadsheet importers (LibreOffice "detect special numbers", pandas `decimal=`) apply.

/// ISO 4217 codes recognised as currency markers and as currency-column content.
pub const CURRENCY_CODES: [&str; 36] = [
    "USD", "EUR", "GBP", "CNY", "JPY", "AUD", "CAD", "CHF", "HKD", "SEK", "NOK", "DKK", "PLN",
    "CZK", "HUF", "INR", "BRL", "MXN", "NZD", "SGD", "KRW", "TWD", "ZAR", "RUB", "TRY", "ILS",
    "AED", "SAR", "THB", "MYR", "IDR", "PHP", "VND", "RON", "BGN", "ISK",
];

/// Currency of a symbol found in a money cell. `¥`/`￥`/`元` are taken as CNY (renminbi): the
/// yen sign is shared by JPY and CNY, and this tool's non-Latin exports are Chinese (GBK).
const SYMBOLS: [(&str, &str); 14] = [
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("R$", "BRL"),
    ("RMB", "CNY"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("$", "USD"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("元", "CNY"),
    ("₹", "INR"),
    ("zł", "PLN"),
];

/// The symbol to write money in for a currency code: £, €, $ (USD), ¥ (CNY, JPY), else the
/// code and a space ("CHF "); nothing for an empty code.
pub fn currency_symbol(code: &str) -> String {
    match code {
        "GBP" => "£".into(),
        "EUR" => "€".into(),
        "USD" => "$".into(),
        "CNY" | "JPY" => "¥".into(),
        "" => String::new(),
        other => format!("{other} "),
    }
}

/// The symbol of a dataset's money ([`currency_symbol`]) from the currencies its cleaning found
/// (`CleaningReport::currencies`): that of the one currency, nothing when there is none (no
/// currency column or symbol) or several.
pub fn data_currency_symbol(currencies: &[(String, u64)]) -> String {
    match currencies {
        [(code, _)] => currency_symbol(code),
        _ => String::new(),
    }
}

/// Parse a number; `decimal_comma` is the file's decision for ambiguous cells.
/// Returns the value and the currency code of a symbol or code found in the cell.
pub fn parse_number(cell: &[u8], decimal_comma: bool) -> Option<(f64, Option<&'static str>)> {
    // Fast path: plain ASCII "123", "-3", "2.55".
    // ("1.234" in a decimal-comma file is a thousands group: not for the fast path.)
    if !decimal_comma || !cell.contains(&b'.') {
        if let Some(v) = fast_plain(cell) {
            return Some((v, None));
        }
    }
    let (core, negative, currency) = strip_decorations(cell)?;
    let v = parse_core(core, decimal_comma)?;
    Some((if negative { -v } else { v }, currency))
}

/// `[-]digits[.digits]` with no other character.
fn fast_plain(s: &[u8]) -> Option<f64> {
    let (neg, digits) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut m: u64 = 0;
    let mut frac: i32 = -1;
    for (i, &b) in digits.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                m = m * 10 + u64::from(b - b'0');
                if frac >= 0 {
                    frac += 1;
                }
            }
            b'.' if frac < 0 && i > 0 && i + 1 < digits.len() => frac = 0,
            _ => return None,
        }
    }
    let v = scale(m, frac.max(0));
    Some(if neg { -v } else { v })
}

/// `m / 10^k`, correctly rounded for `m < 2^53`, `k <= 22` (both operands exact: Clinger's
/// fast path), otherwise via the standard parser.
fn scale(m: u64, k: i32) -> f64 {
    const P10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if m < (1u64 << 53) && (0..=22).contains(&k) {
        m as f64 / P10[k as usize]
    } else {
        format!("{m}e-{k}").parse().unwrap_or(f64::NAN)
    }
}

fn is_space_at(s: &[u8], i: usize) -> usize {
    match s.get(i..) {
        Some([b' ' | b'\t', ..]) => 1,
        Some([0xC2, 0xA0, ..]) => 2, // U+00A0 no-break space
        Some([0xE2, 0x80, 0xAF | 0x89, ..]) => 3, // U+202F narrow nbsp, U+2009 thin space
        _ => 0,
    }
}

fn trim(mut s: &[u8]) -> &[u8] {
    loop {
        let n = is_space_at(s, 0);
        if n == 0 {
            break;
        }
        s = &s[n..];
    }
    loop {
        let len = s.len();
        let n = if len >= 1 && matches!(s[len - 1], b' ' | b'\t') {
            1
        } else if len >= 2 && s[len - 2..] == [0xC2, 0xA0] {
            2
        } else if len >= 3
            && (s[len - 3..] == [0xE2, 0x80, 0xAF] || s[len - 3..] == [0xE2, 0x80, 0x89])
        {
            3
        } else {
            0
        };
        if n == 0 {
            break;
        }
        s = &s[..len - n];
    }
    s
}

/// Remove sign, parentheses and currency markers; return the numeric core.
fn strip_decorations(cell: &[u8]) -> Option<(&[u8], bool, Option<&'static str>)> {
    let mut s = trim(cell);
    let mut negative = false;
    let mut currency = None;
    if s.len() >= 2 && s[0] == b'(' && s[s.len() - 1] == b')' {
        negative = true;
        s = trim(&s[1..s.len() - 1]);
    }
    // Prefix: signs and currency markers in any order ("-$12", "$ -12", "EUR 12").
    for _ in 0..3 {
        if let Some(rest) = strip_sign_prefix(s, &mut negative) {
            s = trim(rest);
            continue;
        }
        if let Some((rest, c)) = strip_currency_prefix(s) {
            currency = Some(c);
            s = trim(rest);
            continue;
        }
        break;
    }
    // Suffix: currency markers and a trailing minus ("12-", SAP style).
    for _ in 0..2 {
        if let Some((rest, c)) = strip_currency_suffix(s) {
            currency = Some(c);
            s = trim(rest);
            continue;
        }
        if s.len() > 1 && s[s.len() - 1] == b'-' {
            negative = !negative;
            s = trim(&s[..s.len() - 1]);
            continue;
        }
        break;
    }
    if s.is_empty() {
        return None;
    }
    Some((s, negative, currency))
}

fn strip_sign_prefix<'a>(s: &'a [u8], negative: &mut bool) -> Option<&'a [u8]> {
    match s {
        [b'-', rest @ ..] => {
            *negative = !*negative;
            Some(rest)
        }
        [b'+', rest @ ..] => Some(rest),
        [0xE2, 0x88, 0x92, rest @ ..] => {
            // U+2212 minus sign
            *negative = !*negative;
            Some(rest)
        }
        _ => None,
    }
}

fn strip_currency_prefix(s: &[u8]) -> Option<(&[u8], &'static str)> {
    for (sym, code) in SYMBOLS {
        if let Some(rest) = s.strip_prefix(sym.as_bytes()) {
            return Some((rest, code));
        }
    }
    if s.len() > 3 && s[..3].iter().all(u8::is_ascii_uppercase) && !s[3].is_ascii_alphabetic() {
        let code = std::str::from_utf8(&s[..3]).ok()?;
        let c = CURRENCY_CODES.iter().find(|c| **c == code)?;
        return Some((&s[3..], c));
    }
    None
}

fn strip_currency_suffix(s: &[u8]) -> Option<(&[u8], &'static str)> {
    for (sym, code) in SYMBOLS {
        if let Some(rest) = s.strip_suffix(sym.as_bytes()) {
            return Some((rest, code));
        }
    }
    let n = s.len();
    if n > 3 && s[n - 3..].iter().all(u8::is_ascii_uppercase) && !s[n - 4].is_ascii_alphabetic() {
        let code = std::str::from_utf8(&s[n - 3..]).ok()?;
        let c = CURRENCY_CODES.iter().find(|c| **c == code)?;
        return Some((&s[..n - 3], c));
    }
    None
}

/// Parse digits with grouping and one decimal separator.
fn parse_core(s: &[u8], decimal_comma: bool) -> Option<f64> {
    // Scientific notation: hand to the standard parser.
    if s.iter().any(|&b| b == b'e' || b == b'E') {
        let t = std::str::from_utf8(s).ok()?.replace(',', ".");
        return t.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    let dec = decimal_separator(s, decimal_comma)?;
    // Every grouping mark is followed by exactly three digits ("1,234,567", not "12.3.4").
    for (i, &b) in s.iter().enumerate() {
        if matches!(b, b',' | b'.' | b'\'') && Some(b) != dec {
            let n = s[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n != 3 {
                return None;
            }
        }
    }
    let mut m: u64 = 0;
    let mut digits = 0usize;
    let mut frac: i32 = -1;
    let mut i = 0usize;
    let mut overflow = String::new();
    while i < s.len() {
        let b = s[i];
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if frac >= 0 {
                    frac += 1;
                }
                if digits <= 18 {
                    m = m * 10 + u64::from(b - b'0');
                }
                overflow.push(b as char);
                i += 1;
            }
            _ if Some(b) == dec && i + 1 == s.len() => {
                i += 1; // "12." is 12
            }
            _ if Some(b) == dec => {
                if frac >= 0 {
                    return None;
                }
                frac = 0;
                overflow.push('.');
                i += 1;
            }
            b',' | b'.' | b'\'' => {
                if frac >= 0 {
                    return None; // grouping after the decimal separator
                }
                i += 1;
            }
            _ => {
                let n = is_space_at(s, i);
                if n == 0 || frac >= 0 {
                    return None;
                }
                i += n;
            }
        }
    }
    if digits == 0 {
        return None;
    }
    if digits > 18 {
        // 309+ digits parse to infinity: not a usable amount.
        return overflow.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    Some(scale(m, frac.max(0)))
}

/// The byte used as decimal separator in `s`, if any (`None` = integer).
/// Fails on inconsistent grouping.
fn decimal_separator(s: &[u8], decimal_comma: bool) -> Option<Option<u8>> {
    let commas = s.iter().filter(|&&b| b == b',').count();
    let dots = s.iter().filter(|&&b| b == b'.').count();
    let last_comma = s.iter().rposition(|&b| b == b',');
    let last_dot = s.iter().rposition(|&b| b == b'.');
    Some(match (commas, dots) {
        (0, 0) => None,
        (_, 0) if commas > 1 => None,
        (0, _) if dots > 1 => None,
        (1, 0) | (0, 1) => {
            let (sep, pos) = if commas == 1 {
                (b',', last_comma.unwrap_or(0))
            } else {
                (b'.', last_dot.unwrap_or(0))
            };
            let after = s[pos + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let before = &s[..pos];
            let int_is_zero = before.is_empty() || before == b"0";
            // Not a thousands group, or the file's decimal separator: decimal.
            if after != 3
                || int_is_zero
                || pos + 1 + after != s.len()
                || (sep == b',') == decimal_comma
            {
                Some(sep)
            } else {
                None
            }
        }
        _ => {
            // Both present: the last one is the decimal separator and occurs once.
            let (lc, ld) = (last_comma.unwrap_or(0), last_dot.unwrap_or(0));
            if lc > ld {
                if commas != 1 {
                    return None;
                }
                Some(b',')
            } else {
                if dots != 1 {
                    return None;
                }
                Some(b'.')
            }
        }
    })
}

/// Evidence for the decimal separator of a file, gathered from number cells of a sample.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecimalEvidence {
    /// Cells where only a decimal comma makes sense ("12,5", "1.234,50").
    pub comma: u32,
    /// Cells where only a decimal point makes sense ("12.5", "1,234.50").
    pub dot: u32,
}

impl DecimalEvidence {
    /// Look at one cell.
    pub fn observe(&mut self, cell: &[u8]) {
        let Some((s, _, _)) = strip_decorations(cell) else {
            return;
        };
        if !s.iter().any(u8::is_ascii_digit)
            || !s.iter().all(|&b| {
                b.is_ascii_digit() || matches!(b, b',' | b'.' | b' ' | b'\'') || b >= 0x80
            })
        {
            return;
        }
        // Unambiguous when both assumptions give the same separator.
        match (decimal_separator(s, true), decimal_separator(s, false)) {
            (Some(Some(a)), Some(Some(b))) if a == b => self.count(a),
            (Some(None), Some(None)) => {
                // Repeated grouping: "1,234,567" means the other one is decimal.
                let commas = s.iter().filter(|&&b| b == b',').count();
                let dots = s.iter().filter(|&&b| b == b'.').count();
                if commas > 1 {
                    self.dot += 1;
                } else if dots > 1 {
                    self.comma += 1;
                }
            }
            _ => {}
        }
    }

    fn count(&mut self, sep: u8) {
        if sep == b',' {
            self.comma += 1;
        } else {
            self.dot += 1;
        }
    }

    /// The decision: the majority; on a tie, `fallback` (e.g. `true` for `;`-delimited files,
    /// the Excel convention in decimal-comma locales).
    pub fn decide(&self, fallback: bool) -> bool {
        match self.comma.cmp(&self.dot) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => fallback,
        }
    }
}

/// True for a non-empty cell that parses as a number under either convention.
pub fn looks_numeric(cell: &[u8]) -> bool {
    parse_number(cell, false).is_some()
}

/// True when the cell carries a currency symbol or code, or has exactly two decimals.
pub fn looks_money(cell: &[u8]) -> bool {
    match parse_number(cell, false) {
        Some((_, Some(_))) => true,
        Some((_, None)) => {
            let t = trim(cell);
            let n = t.len();
            n >= 3
                && (t[n - 3] == b'.' || t[n - 3] == b',')
                && t[n - 2..].iter().all(u8::is_ascii_digit)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, dc: bool) -> Option<(f64, Option<&'static str>)> {
        parse_number(s.as_bytes(), dc)
    }

    #[test]
    fn formats() {
        assert_eq!(p("£1,234.50", false), Some((1234.5, Some("GBP"))));
        assert_eq!(p("1.234,50 €", true), Some((1234.5, Some("EUR"))));
        assert_eq!(p("1.234,50 €", false), Some((1234.5, Some("EUR"))));
        assert_eq!(p("¥88", false), Some((88.0, Some("CNY"))));
        assert_eq!(p("$ 12", false), Some((12.0, Some("USD"))));
        assert_eq!(p("12.5 EUR", false), Some((12.5, Some("EUR"))));
        assert_eq!(p("(12.00)", false), Some((-12.0, None)));
        assert_eq!(p("-3", false), Some((-3.0, None)));
        assert_eq!(p("1 234,5", true), Some((1234.5, None)));
        assert_eq!(p("1\u{a0}234,5", false), Some((1234.5, None)));
        assert_eq!(p("12,5", false), Some((12.5, None)));
        assert_eq!(p("1,234", false), Some((1234.0, None)));
        assert_eq!(p("1,234", true), Some((1.234, None)));
        assert_eq!(p("1.234", true), Some((1234.0, None)));
        assert_eq!(p("0,500", false), Some((0.5, None)));
        assert_eq!(p("2.55", false), Some((2.55, None)));
        assert_eq!(p("17850.0", false), Some((17850.0, None)));
        assert_eq!(p("1'234.5", false), Some((1234.5, None)));
        assert_eq!(p("-$12.40", false), Some((-12.4, Some("USD"))));
        assert_eq!(p("1.5E3", false), Some((1500.0, None)));
        assert_eq!(p("1,234,567.25", false), Some((1234567.25, None)));
        assert_eq!(p("abc", false), None);
        assert_eq!(p("", false), None);
        assert_eq!(p("12.3.4,5", false), None);
        assert_eq!(p("€", false), None);
    }

    #[test]
    fn decimal_evidence() {
        let mut e = DecimalEvidence::default();
        for c in ["12,5", "1.234,50", "3", "1,234"] {
            e.observe(c.as_bytes());
        }
        assert_eq!((e.comma, e.dot), (2, 0));
        assert!(e.decide(false));
        let mut e = DecimalEvidence::default();
        for c in ["2.55", "£1,234.50", "1,234,567"] {
            e.observe(c.as_bytes());
        }
        assert_eq!((e.comma, e.dot), (0, 3));
        assert!(!e.decide(true));
    }
}
