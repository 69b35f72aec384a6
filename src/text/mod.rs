//! Sentences the core writes for people, in English and Chinese.
//!
//! The analytics modules never build finished prose. A report field that explains a number
//! holds a [`Text`]: a catalogue key plus typed arguments,
//!
//! ```
//! use shoplens::text::{Lang, Text};
//! let t = Text::new("common.rows_dropped").int("n", 3).str("file", "orders.csv");
//! assert_eq!(t.en(), "3 rows of orders.csv were set aside.");
//! assert_eq!(t.render(Lang::Zh), "orders.csv 中有 3 行被搁置。");
//! ```
//!
//! and the catalogue (one file per area: [`customers`], [`forecast`], …) holds each sentence in
//! both languages with `{name}` placeholders. The CLI prints [`Text::en`] (also `Display`);
//! the browser renders in the UI language. Keeping the numbers as numbers means the Chinese
//! sentence is a real sentence, not a translation of an English string with numbers baked in.
//!
//! Template syntax: `{name}` is replaced by the argument `name`; in English, `{name|one|many}`
//! picks `one` when the integer argument `name` is 1 and `many` otherwise (the number itself
//! is not printed: write `{n} {n|row|rows}`). `tests/i18n.rs` checks that every key used in
//! `src/` is in the catalogue, that both sides use the same placeholders, and that the
//! Chinese side is Chinese.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

pub mod common;
pub mod customers;
pub mod data;
pub mod forecast;
pub mod inventory;
pub mod marketing;
pub mod params;
pub mod products;

/// A display language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    En,
    Zh,
}

/// One sentence of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub key: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

/// Where a value sits in an input file: the file, the row (1-based, as people count) and the
/// column header. Every "file, row, column" sentence is built here.
#[derive(Clone, Copy, Debug)]
pub struct Location<'a> {
    pub file: &'a str,
    pub row: u64,
    pub column: &'a str,
}

impl Location<'_> {
    /// "orders.csv, row 3, column 'quantity'".
    pub fn text(&self) -> Text {
        Text::new("data.at.column")
            .str("file", self.file)
            .index("row", self.row)
            .str("header", self.column)
    }

    /// "orders.csv, row 3, column 'quantity': {message}".
    pub fn error(&self, message: Text) -> Text {
        Text::new("common.err.cell")
            .str("file", self.file)
            .index("row", self.row)
            .str("column", self.column)
            .text("message", message)
    }
}

/// A bad value in a file: where it is and what is wrong with it. Every module whose input is
/// a file carries it as its error's `Cell` variant; the sentence is [`Location::error`]'s
/// ("orders.csv, row 3, column 'quantity': expected a number, found 'x'"), `Display` its English.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub struct CellError {
    pub file: String,
    /// Data row: 1 is the first row after the header.
    pub row: u64,
    pub column: String,
    pub message: Text,
}

impl CellError {
    pub fn new(
        file: impl Into<String>,
        row: u64,
        column: impl Into<String>,
        message: Text,
    ) -> Self {
        CellError {
            file: file.into(),
            row,
            column: column.into(),
            message,
        }
    }

    /// The message, in either language.
    pub fn text(&self) -> Text {
        Location {
            file: &self.file,
            row: self.row,
            column: &self.column,
        }
        .error(self.message.clone())
    }
}

/// Every area's entries.
pub fn catalogue() -> impl Iterator<Item = &'static Entry> {
    [
        common::ENTRIES,
        customers::ENTRIES,
        data::ENTRIES,
        forecast::ENTRIES,
        inventory::ENTRIES,
        marketing::ENTRIES,
        params::ENTRIES,
        products::ENTRIES,
    ]
    .into_iter()
    .flatten()
}

fn index() -> &'static HashMap<&'static str, &'static Entry> {
    static INDEX: OnceLock<HashMap<&'static str, &'static Entry>> = OnceLock::new();
    INDEX.get_or_init(|| catalogue().map(|e| (e.key, e)).collect())
}

/// The catalogue entry for a key.
pub fn entry(key: &str) -> Option<&'static Entry> {
    index().get(key).copied()
}

/// A typed argument of a [`Text`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Arg {
    /// A count, printed with thousands separators (`1,234`).
    Int(i64),
    /// An ordinal or identifier (a row, a column, a format version), printed as is (`1234`).
    Index(i64),
    /// A number with a fixed number of decimals (`0.24`).
    Num { v: f64, dp: u8 },
    /// A fraction shown as a percentage with `dp` decimals (`0.123` → `12.3%`).
    Pct { v: f64, dp: u8 },
    /// Verbatim text from the data or a name (a column, a SKU, a file): never translated.
    Str(String),
    /// An ISO date (`2011-12-09`), shown in the language's date format.
    Date(String),
    /// An ISO date that stays ISO in English (`2011-12-09`, as the CLI has always printed
    /// it) and takes the language's date format elsewhere (`2011年12月9日`).
    IsoDate(String),
    /// A nested sentence (a model name, a reason), rendered in the same language.
    Text(Box<Text>),
}

impl Arg {
    fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Int(n) => group_thousands(&n.to_string()),
            Arg::Index(n) => n.to_string(),
            Arg::Num { v, dp } => fmt_num(*v, *dp),
            Arg::Pct { v, dp } => format!("{}%", fmt_num(v * 100.0, *dp)),
            Arg::Str(s) => s.clone(),
            Arg::Date(d) => crate::viz::date_label(d, lang == Lang::Zh),
            Arg::IsoDate(d) => match lang {
                Lang::En => d.clone(),
                Lang::Zh => crate::viz::date_label(d, true),
            },
            Arg::Text(t) => t.render(lang),
        }
    }
}

/// `"-1234567.891"` → `"-1,234,567.891"`: commas between groups of three digits in the integer
/// part of a formatted number (the same in English and Chinese). Anything that is not a plain
/// decimal number (`"1e300"`, `"∞"`) comes back as it is.
pub fn group_thousands(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix(['-', '+']) {
        Some(r) => (&s[..1], r),
        None => ("", s),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit()))
    {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A signed number with `dp` decimals and grouped thousands (`+2,571`, `-0.50`).
pub fn signed(v: f64, dp: usize) -> String {
    group_thousands(&format!("{v:+.dp$}"))
}

fn fmt_num(v: f64, dp: u8) -> String {
    if v.is_finite() {
        group_thousands(&format!("{:.*}", dp as usize, v))
    } else if v.is_nan() {
        "–".into()
    } else if v > 0.0 {
        "∞".into()
    } else {
        "-∞".into()
    }
}

/// A sentence for people: a catalogue key and its named arguments.
///
/// An empty key is verbatim text ([`Text::raw`]), for strings that come from elsewhere (an
/// error of a third-party crate) and cannot be translated.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Text {
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

/// A stored `Text` may be a plain string (reports saved before the catalogue existed).
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Parts {
            key: String,
            #[serde(default)]
            args: Vec<(String, Arg)>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Parts(Parts),
            Plain(String),
        }
        Ok(match Either::deserialize(d)? {
            Either::Parts(p) => Text {
                key: p.key,
                args: p.args,
            },
            Either::Plain(s) => Text::raw(s),
        })
    }
}

impl Text {
    /// A catalogue sentence (add its arguments with the builder methods).
    pub fn new(key: &str) -> Text {
        Text {
            key: key.to_owned(),
            args: Vec::new(),
        }
    }

    /// Verbatim text, shown as is in every language.
    pub fn raw(s: impl Into<String>) -> Text {
        Text {
            key: String::new(),
            args: vec![(String::new(), Arg::Str(s.into()))],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.key.is_empty()
            && self
                .args
                .iter()
                .all(|(_, a)| matches!(a, Arg::Str(s) if s.is_empty()))
    }

    pub fn arg(mut self, name: &str, a: Arg) -> Text {
        self.args.push((name.to_owned(), a));
        self
    }
    pub fn int(self, name: &str, n: impl TryInto<i64>) -> Text {
        let n = n.try_into().unwrap_or(i64::MAX);
        self.arg(name, Arg::Int(n))
    }
    /// An ordinal or identifier (row 1234, column 3), printed without separators.
    pub fn index(self, name: &str, n: impl TryInto<i64>) -> Text {
        let n = n.try_into().unwrap_or(i64::MAX);
        self.arg(name, Arg::Index(n))
    }
    pub fn num(self, name: &str, v: f64, dp: u8) -> Text {
        self.arg(name, Arg::Num { v, dp })
    }
    pub fn pct(self, name: &str, v: f64, dp: u8) -> Text {
        self.arg(name, Arg::Pct { v, dp })
    }
    pub fn str(self, name: &str, s: impl Into<String>) -> Text {
        self.arg(name, Arg::Str(s.into()))
    }
    pub fn date(self, name: &str, iso: impl Into<String>) -> Text {
        self.arg(name, Arg::Date(iso.into()))
    }
    /// An ISO date kept as is in English, in the language's format elsewhere ([`Arg::IsoDate`]).
    pub fn iso_date(self, name: &str, iso: impl Into<String>) -> Text {
        self.arg(name, Arg::IsoDate(iso.into()))
    }
    pub fn text(self, name: &str, t: Text) -> Text {
        self.arg(name, Arg::Text(Box::new(t)))
    }

    fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, a)| a)
    }

    /// The English sentence.
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    /// The sentence in `lang`. A key missing from the catalogue renders as `⟦key⟧` (the
    /// catalogue test keeps that from shipping).
    pub fn render(&self, lang: Lang) -> String {
        if self.key.is_empty() {
            return self
                .args
                .iter()
                .map(|(_, a)| a.render(lang))
                .collect::<Vec<_>>()
                .join(" ");
        }
        let Some(e) = entry(&self.key) else {
            return format!("⟦{}⟧", self.key);
        };
        let template = match lang {
            Lang::En => e.en,
            Lang::Zh => e.zh,
        };
        self.fill(template, lang)
    }

    fn fill(&self, template: &str, lang: Lang) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let inner = &after[..close];
            let mut parts = inner.split('|');
            let name = parts.next().unwrap_or_default();
            match (parts.next(), parts.next()) {
                (Some(one), Some(many)) => {
                    let is_one = matches!(self.get(name), Some(Arg::Int(1)));
                    out.push_str(if is_one { one } else { many });
                }
                _ => match self.get(name) {
                    Some(a) => out.push_str(&a.render(lang)),
                    None => {
                        out.push('{');
                        out.push_str(inner);
                        out.push('}');
                    }
                },
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// English, for the CLI and logs.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::raw(s)
    }
}

/// The first headers of a file, for an error message (a wide file can have thousands):
/// `a, b, c, … (+N)` with N more not shown (no words, so it reads in either language).
pub fn header_list(headers: &[String]) -> String {
    const SHOWN: usize = 12;
    let first: Vec<&str> = headers.iter().take(SHOWN).map(|h| h.trim()).collect();
    if headers.len() > SHOWN {
        format!("{}, … (+{})", first.join(", "), headers.len() - SHOWN)
    } else {
        first.join(", ")
    }
}

/// The placeholder names of a template (`{n}`, `{n|row|rows}` → `n`), in order, with repeats.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let inner = &after[..close];
        out.push(inner.split('|').next().unwrap_or_default());
        rest = &after[close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_plurals_dates_and_nesting() {
        let t = Text::new("common.rows_dropped")
            .int("n", 1)
            .str("file", "a.csv");
        assert_eq!(t.en(), "1 row of a.csv was set aside.");
        assert_eq!(t.render(Lang::Zh), "a.csv 中有 1 行被搁置。");
        let d = Text::new("common.between")
            .date("from", "2011-12-09")
            .date("to", "2012-01-01");
        assert_eq!(d.en(), "between 9 Dec 2011 and 1 Jan 2012");
        assert_eq!(d.render(Lang::Zh), "2011年12月9日至2012年1月1日之间");
        let iso = Text::new("common.between")
            .iso_date("from", "2011-12-09")
            .iso_date("to", "2012-01-01");
        assert_eq!(iso.en(), "between 2011-12-09 and 2012-01-01");
        assert_eq!(iso.render(Lang::Zh), "2011年12月9日至2012年1月1日之间");
        let key = ["no", "such", "key"].join(".");
        let missing = Text::new(&key);
        assert_eq!(missing.en(), "⟦no.such.key⟧");
        assert_eq!(Text::raw("as is").render(Lang::Zh), "as is");
        let p = Text::new("common.share").pct("p", 0.1234, 1);
        assert_eq!(p.en(), "12.3% of the total");
    }

    #[test]
    fn counts_and_numbers_are_grouped_identifiers_are_not() {
        let t = Text::new("common.rows_dropped")
            .int("n", 541_909)
            .str("file", "a.csv");
        assert_eq!(t.en(), "541,909 rows of a.csv were set aside.");
        assert_eq!(t.render(Lang::Zh), "a.csv 中有 541,909 行被搁置。");
        let at = Location {
            file: "a.csv",
            row: 12_345,
            column: "qty",
        }
        .text();
        assert!(at.en().contains("row 12345"), "{}", at.en());
        assert_eq!(group_thousands("999"), "999");
        assert_eq!(group_thousands("1000"), "1,000");
        assert_eq!(group_thousands("-1234567.891"), "-1,234,567.891");
        assert_eq!(group_thousands("-0.50"), "-0.50");
        assert_eq!(group_thousands("123456.0"), "123,456.0");
        assert_eq!(group_thousands("inf"), "inf");
        assert_eq!(group_thousands("1e300"), "1e300");
        assert_eq!(group_thousands(""), "");
        assert_eq!(fmt_num(1538.214, 2), "1,538.21");
        assert_eq!(signed(2571.4, 0), "+2,571");
        assert_eq!(signed(-1234.5, 1), "-1,234.5");
        assert_eq!(signed(0.25, 2), "+0.25");
        assert_eq!(fmt_num(-0.0, 1), "-0.0");
        assert_eq!(fmt_num(f64::INFINITY, 1), "∞");
    }

    #[test]
    fn old_plain_strings_deserialize() {
        let t: Text = serde_json::from_str("\"an old explanation\"").unwrap();
        assert_eq!(t, Text::raw("an old explanation"));
        let t2 = Text::new("common.share").pct("p", 0.5, 0);
        let back: Text = serde_json::from_str(&serde_json::to_string(&t2).unwrap()).unwrap();
        assert_eq!(back, t2);
    }
}
