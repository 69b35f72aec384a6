//! Every string a user can see in the web UI is written in English and Chinese.
//!
//! The UI (`src/ui`) only compiles for wasm32, so this native test reads its source text and
//! scans it. It fails, naming every offender as `file:line`, when
//!
//! 1. a user-visible string literal is not inside `t("en", "中文")` or `tr!("en", "中文", ..)`;
//! 2. a `t`/`tr!` pair has an empty Chinese side, or a Chinese side without any CJK character
//!    (Han ideographs, CJK punctuation or full-width forms) — unless both sides are the same
//!    non-word symbol (`t("×", "×")`); the language switch (`t("中文", "English")`, it names the
//!    other language) is the one listed exception.
//!
//! How the scanner decides what is user-visible:
//!
//! * Comments are ignored; string, raw string and char literals are tokenised properly, so
//!   quotes and braces inside literals or comments do not confuse it.
//! * Every literal gets a *context*: the attribute / prop / field / variable it is assigned
//!   to (`name="…"`, `name: "…"`, `let name = "…"`, also through `format!(…)`), or plain text.
//!   Contexts that never reach the screen are skipped: `class`, `id`, `href`, `type`,
//!   `value`, `data-*`, `data-testid`/`testid`, `role`, `style`, SVG geometry attributes,
//!   `aria-hidden`/`aria-sort`, event handlers, column keys (the first argument of
//!   `Column::text`/`Column::num`), … (see [`NOT_SHOWN`]). Everything else — text nodes,
//!   `title=`, `placeholder=`, `aria-label=`, `alt=`, `label=`, `help=`, struct fields such as
//!   `name:` of a chart series — is user-visible.
//! * Literals in a match pattern (`"user" => …`) are compared, never shown: skipped.
//! * `{…}` format placeholders are removed before judging a literal.
//! * Code tokens pass anywhere: route and file paths (`"/overview"`, `"./sample/x.gz"`),
//!   CSS colours (`"#fff"`), a lower-case key as the first argument of a call
//!   (`cell("orders", …)`), a kebab/snake-case id as any argument of a call
//!   (`field(" A ", a, "inv-a", "%")`), and literals compared with `==`/`!=`.
//! * Inside `view! { … }` a user-visible literal fails when it contains a word (any CJK, or
//!   two letters in a row): only symbols, numbers, single letters and units without words
//!   may stay bare (`"×"`, `"–"`, `" · "`, `"+{m}"`, `"{:.0}%"`, `" A "`).
//! * Outside `view!` (labels built in Rust, `format!` strings handed to a view, error
//!   messages) a literal fails when it reads like words: two or more plain words of two or
//!   more letters (`"Page {} of {}"`), a capitalised word (`"Revenue"`), or any CJK text.
//!   Code-like strings pass: CSS classes (`"bar {}"`, `"swatch band-swatch {}"`), keys
//!   (`"shoplens.lang"`, `"c0"`), MIME types, paths (`"./worker_loader.js"`), SVG transforms.
//! * A few proper names and technical column titles are allowed bare ([`ALLOWED`]).
//!
//! The files that must be clean are listed explicitly ([`UI_FILES`]); a second test fails
//! when a file under `src/ui` is missing from the list, so a new page cannot slip through.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every UI source file; all must be clean.
const UI_FILES: &[&str] = &[
    "src/ui/mod.rs",
    "src/ui/bridge.rs",
    "src/ui/charts.rs",
    "src/ui/download.rs",
    "src/ui/format.rs",
    "src/ui/i18n.rs",
    "src/ui/offline.rs",
    "src/ui/state.rs",
    "src/ui/table.rs",
    "src/ui/pages/mod.rs",
    "src/ui/pages/landing.rs",
    "src/ui/pages/overview.rs",
    "src/ui/pages/data.rs",
    "src/ui/pages/customers.rs",
    "src/ui/pages/products.rs",
    "src/ui/pages/forecast.rs",
    "src/ui/pages/inventory.rs",
    "src/ui/pages/marketing.rs",
    "src/ui/pages/datasets.rs",
    "src/ui/persist.rs",
    "src/ui/progress.rs",
    "src/ui/side_files.rs",
    "src/ui/pages/action.rs",
];

/// Contexts (attribute, prop, field or variable names) whose string never reaches the screen.
const NOT_SHOWN: &[&str] = &[
    "class",
    "id",
    "href",
    "type",
    "value",
    "min",
    "max",
    "step",
    "accept",
    "list",
    "role",
    "rows",
    "cols",
    "for",
    "rel",
    "src",
    "style",
    "transform",
    "fill",
    "stroke",
    "d",
    "points",
    "viewBox",
    "text-anchor",
    "pointer-events",
    "x",
    "y",
    "r",
    "rx",
    "cx",
    "cy",
    "width",
    "height",
    "testid",
    "prefix",
    "key",
    "lang",
    "dir",
    "aria-hidden",
    "aria-live",
    "aria-sort",
    "aria-current",
    "autocomplete",
    "inputmode",
    "pattern",
    "download",
    "target",
    "tabindex",
    "colspan",
    "rowspan",
    "mime",
    "url",
    "column-key",
];

/// Prefixes of contexts that never reach the screen (`data-testid`, `on:click`, …).
const NOT_SHOWN_PREFIXES: &[&str] = &["data-", "on:", "class:", "style:", "attr:", "prop:"];

/// Bare strings allowed in a visible place: proper names and technical column titles that
/// read the same in both languages.
const ALLOWED: &[&str] = &[
    // `aria-sort` values, set through a closure.
    "ascending",
    "descending",
    "none",
    "ShopLens",
    "⬇ CSV",
    "RFM",
    "Recall@20",
    "NDCG@20",
];

/// `t` pairs allowed without CJK on the Chinese side: the language switch names the other
/// language.
const SWAPPED_OK: &[(&str, &str)] = &[("中文", "English")];

#[derive(Debug, Clone)]
struct Lit {
    /// Byte offset of the opening quote (or of `r` of a raw string).
    start: usize,
    /// Byte offset just after the closing quote.
    end: usize,
    line: usize,
    text: String,
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Length in bytes of the UTF-8 character starting with `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// The source with comments and literal contents blanked (same byte offsets, newlines
/// kept, literals' first and last byte set to `"`), and the string literals found.
fn tokenize(src: &str) -> (Vec<u8>, Vec<Lit>) {
    let b = src.as_bytes();
    let mut masked = b.to_vec();
    let mut lits = Vec::new();
    let blank = |m: &mut Vec<u8>, from: usize, to: usize| {
        for x in m.iter_mut().take(to).skip(from) {
            if *x != b'\n' {
                *x = b' ';
            }
        }
    };
    let line_of = |pos: usize| b[..pos].iter().filter(|&&c| c == b'\n').count() + 1;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let prev_ident = i > 0 && is_ident(b[i - 1]);
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            let end = b[i..]
                .iter()
                .position(|&x| x == b'\n')
                .map_or(b.len(), |p| i + p);
            blank(&mut masked, i, end);
            i = end;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let end = src[i + 2..].find("*/").map_or(b.len(), |p| i + 2 + p + 2);
            blank(&mut masked, i, end);
            i = end;
        } else if (c == b'r' || (c == b'b' && b.get(i + 1) == Some(&b'r'))) && !prev_ident && {
            let mut j = i + if c == b'b' { 2 } else { 1 };
            while b.get(j) == Some(&b'#') {
                j += 1;
            }
            b.get(j) == Some(&b'"')
        } {
            // Raw string: r"…", r#"…"#, br"…".
            let mut j = i + if c == b'b' { 2 } else { 1 };
            let mut hashes = 0;
            while b[j] == b'#' {
                hashes += 1;
                j += 1;
            }
            let body = j + 1;
            let closing = format!("\"{}", "#".repeat(hashes));
            let close = src[body..].find(&closing).map_or(b.len(), |p| body + p);
            let end = (close + closing.len()).min(b.len());
            lits.push(Lit {
                start: i,
                end,
                line: line_of(i),
                text: src[body..close.min(b.len())].to_string(),
            });
            blank(&mut masked, i, end);
            masked[i] = b'"';
            masked[end - 1] = b'"';
            i = end;
        } else if c == b'"' {
            let mut text = String::new();
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                if b[j] == b'\\' {
                    match b.get(j + 1) {
                        Some(b'n') => text.push('\n'),
                        Some(b't') => text.push('\t'),
                        Some(b'"') => text.push('"'),
                        Some(b'\\') => text.push('\\'),
                        Some(b'\'') => text.push('\''),
                        Some(b'\n') => {
                            // Line continuation: skip the newline and the indentation.
                            j += 2;
                            while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\n') {
                                j += 1;
                            }
                            continue;
                        }
                        Some(b'u') => {
                            let close = src[j..].find('}').map_or(j + 2, |p| j + p);
                            if let Some(ch) = u32::from_str_radix(&src[j + 3..close], 16)
                                .ok()
                                .and_then(char::from_u32)
                            {
                                text.push(ch);
                            }
                            j = close + 1;
                            continue;
                        }
                        _ => {}
                    }
                    j += 2;
                } else {
                    let n = utf8_len(b[j]);
                    text.push_str(&src[j..(j + n).min(b.len())]);
                    j += n;
                }
            }
            let end = (j + 1).min(b.len());
            lits.push(Lit {
                start: i,
                end,
                line: line_of(i),
                text,
            });
            blank(&mut masked, i, end);
            masked[i] = b'"';
            masked[end - 1] = b'"';
            i = end;
        } else if c == b'\'' {
            // A char literal ('x', '\n', '\u{..}', '"') or a lifetime ('a).
            if b.get(i + 1) == Some(&b'\\') {
                let end = b[i + 2..]
                    .iter()
                    .position(|&x| x == b'\'')
                    .map_or(b.len(), |p| i + 2 + p + 1);
                blank(&mut masked, i, end);
                i = end;
            } else if let Some(&next) = b.get(i + 1) {
                let n = utf8_len(next);
                if b.get(i + 1 + n) == Some(&b'\'') {
                    blank(&mut masked, i, i + n + 2);
                    i += n + 2;
                } else {
                    i += 1;
                }
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    (masked, lits)
}

/// The index of the bracket closing the one at `open`, on masked text.
fn matching(m: &[u8], open: usize) -> Option<usize> {
    let (o, c) = match m[open] {
        b'{' => (b'{', b'}'),
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (k, &x) in m.iter().enumerate().skip(open) {
        if x == o {
            depth += 1;
        } else if x == c {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// `(open, close)` bracket spans following each occurrence of `word` (e.g. `view!`, `t`)
/// that starts at an identifier boundary.
fn spans_after(m: &[u8], word: &str, require_paren: bool) -> Vec<(usize, usize)> {
    let w = word.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + w.len() <= m.len() {
        if &m[i..i + w.len()] == w && (i == 0 || !is_ident(m[i - 1])) {
            let mut j = i + w.len();
            if require_paren {
                // `t(` exactly (not `t.x`, not `type(`), and not the definition `fn t(`.
                let defined = m[..i].trim_ascii_end().ends_with(b"fn");
                if m.get(j) == Some(&b'(') && !defined {
                    if let Some(close) = matching(m, j) {
                        out.push((j, close));
                    }
                }
            } else {
                while j < m.len() && m[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < m.len() && matches!(m[j], b'{' | b'(' | b'[') {
                    if let Some(close) = matching(m, j) {
                        out.push((j, close));
                    }
                }
            }
        }
        i += 1;
    }
    out
}

fn prev_non_space(m: &[u8], mut i: usize) -> Option<usize> {
    while i > 0 {
        i -= 1;
        if !m[i].is_ascii_whitespace() {
            return Some(i);
        }
    }
    None
}

/// The name ending at `end` (inclusive): identifiers with `-`, `:` and `!` (attribute names,
/// paths, macros).
fn name_before(m: &[u8], end: usize) -> (usize, String) {
    let mut s = end + 1;
    while s > 0 && (is_ident(m[s - 1]) || matches!(m[s - 1], b'-' | b':' | b'!')) {
        s -= 1;
    }
    (s, String::from_utf8_lossy(&m[s..=end]).into_owned())
}

#[derive(Debug, PartialEq)]
enum Ctx {
    Text,
    Key(String),
    Pattern,
}

/// Where the literal starting at `pos` goes (see the module docs).
fn context(m: &[u8], pos: usize, lit_end: usize, text: &str) -> Ctx {
    // A match pattern: `"x" =>` or `"x" |`.
    let mut k = lit_end;
    while k < m.len() && m[k].is_ascii_whitespace() {
        k += 1;
    }
    if m[k..].starts_with(b"=>") {
        return Ctx::Pattern;
    }
    let Some(j) = prev_non_space(m, pos) else {
        return Ctx::Text;
    };
    match m[j] {
        b'=' => {
            if j > 0 && matches!(m[j - 1], b'=' | b'!') {
                // `x == "csl"`: compared, never shown.
                return Ctx::Pattern;
            }
            if j > 0 && matches!(m[j - 1], b'<' | b'>') {
                return Ctx::Text;
            }
            match prev_non_space(m, j) {
                Some(e) => Ctx::Key(name_before(m, e).1),
                None => Ctx::Text,
            }
        }
        b':' if j > 0 && m[j - 1] != b':' => match prev_non_space(m, j) {
            Some(e) => Ctx::Key(name_before(m, e).1),
            None => Ctx::Text,
        },
        b'(' => {
            let Some(e) = prev_non_space(m, j) else {
                return Ctx::Text;
            };
            let (s, callee) = name_before(m, e);
            if callee.ends_with("format!") {
                context(m, s, lit_end, text)
            } else if callee.ends_with("Column::text")
                || callee.ends_with("Column::num")
                || callee
                    .rsplit("::")
                    .next()
                    .is_some_and(|f| f.starts_with(|c: char| c.is_ascii_lowercase()))
                    && !callee.ends_with('!')
                    && !text.is_empty()
                    && text.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-'
                    })
            {
                Ctx::Key("column-key".into())
            } else {
                Ctx::Text
            }
        }
        b',' if is_kebab_or_snake(text) && enclosing_call(m, j) => Ctx::Key("column-key".into()),
        _ => Ctx::Text,
    }
}

/// `inv-lead`, `customer_id`: an identifier made of lower-case parts.
fn is_kebab_or_snake(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['-', '_']).collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Whether position `j` is directly inside the parentheses of a call `name(…)`.
fn enclosing_call(m: &[u8], j: usize) -> bool {
    let mut depth = 0i32;
    let mut k = j;
    while k > 0 {
        k -= 1;
        match m[k] {
            b')' | b']' | b'}' => depth += 1,
            b'(' if depth == 0 => return k > 0 && is_ident(m[k - 1]),
            b'[' | b'{' if depth == 0 => return false,
            b'(' | b'[' | b'{' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Paths and colours: never words.
fn is_code_token(s: &str) -> bool {
    !s.contains(char::is_whitespace)
        && (s.starts_with('/')
            || s.starts_with("./")
            || (s.len() > 1 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())))
}

fn shown_key(k: &str) -> bool {
    let k = k.trim_start_matches("attr:");
    let last = k.rsplit("::").next().unwrap_or(k);
    !(NOT_SHOWN.contains(&k)
        || NOT_SHOWN.contains(&last)
        || NOT_SHOWN_PREFIXES.iter().any(|p| k.starts_with(p)))
}

/// The literal without `{…}` format placeholders.
fn without_placeholders(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for ch in s.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth = (depth - 1).max(0),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

mod common;
use common::is_cjk;

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// A word: any CJK, or two letters in a row (a lone letter such as the ABC class `" A "` or
/// `"k"` is a symbol).
fn has_word(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if is_cjk(c) {
            return true;
        }
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= 2 {
            return true;
        }
    }
    false
}

/// Reads like words (used outside `view!`): two plain words, a capitalised word, or CJK.
fn looks_like_prose(s: &str) -> bool {
    if s.chars().any(is_cjk) {
        return true;
    }
    let strip: &[char] = &[
        '(', ')', '[', ']', '“', '”', '"', '\'', ',', '.', ':', ';', '!', '?', '…', '—', '–',
    ];
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(strip))
        .filter(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
        .collect();
    let capitalised = words.iter().any(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
    });
    words.len() >= 2 || capitalised
}

/// Problems in one source text, as `file:line: message`.
fn scan(file: &str, src: &str) -> Vec<String> {
    let (m, lits) = tokenize(src);
    let views = spans_after(&m, "view!", false);
    let mut calls = spans_after(&m, "t", true);
    calls.extend(spans_after(&m, "tr!", true));
    let inside =
        |spans: &[(usize, usize)], l: &Lit| spans.iter().any(|&(o, c)| l.start > o && l.end <= c);
    let mut out = Vec::new();

    // 1. Pairs.
    for &(o, c) in &calls {
        let args: Vec<&Lit> = lits
            .iter()
            .filter(|l| l.start > o && l.end <= c)
            .take(2)
            .collect();
        let [en, zh] = args[..] else {
            continue;
        };
        let same_symbol = en.text == zh.text && !has_letter(&en.text);
        let swapped = SWAPPED_OK.contains(&(en.text.as_str(), zh.text.as_str()));
        if zh.text.trim().is_empty() && !en.text.trim().is_empty() {
            out.push(format!(
                "{file}:{}: empty Chinese side for {:?}",
                zh.line, en.text
            ));
        } else if !zh.text.chars().any(is_cjk) && !same_symbol && !swapped {
            out.push(format!(
                "{file}:{}: Chinese side {:?} of {:?} has no Chinese character",
                zh.line, zh.text, en.text
            ));
        }
    }

    // 2. Bare literals.
    for l in &lits {
        if inside(&calls, l) {
            continue;
        }
        let line_start = src[..l.start].rfind('\n').map_or(0, |p| p + 1);
        if src[line_start..].trim_start().starts_with("#[") {
            continue;
        }
        let shown = match context(&m, l.start, l.end, &l.text) {
            Ctx::Pattern => false,
            Ctx::Key(k) => shown_key(&k),
            Ctx::Text => true,
        };
        if !shown || ALLOWED.contains(&l.text.trim()) || is_code_token(&l.text) {
            continue;
        }
        let text = without_placeholders(&l.text);
        let bad = if inside(&views, l) {
            has_word(&text)
        } else {
            looks_like_prose(&text)
        };
        if bad {
            out.push(format!("{file}:{}: untranslated {:?}", l.line, l.text));
        }
    }
    out.sort_by_key(|p| {
        p.split(':')
            .nth(1)
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    });
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn ui_strings_are_translated() {
    let mut problems = Vec::new();
    for f in UI_FILES {
        let src = std::fs::read_to_string(root().join(f))
            .unwrap_or_else(|e| panic!("cannot read {f}: {e}"));
        problems.extend(scan(f, &src));
    }
    assert!(
        problems.is_empty(),
        "{} untranslated or badly translated UI strings:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn rs_files(dir: &Path, out: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            if let Ok(rel) = p.strip_prefix(root()) {
                out.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
}

#[test]
fn every_ui_file_is_checked() {
    let mut found = BTreeSet::new();
    rs_files(&root().join("src/ui"), &mut found);
    let listed: BTreeSet<String> = UI_FILES.iter().map(|s| s.to_string()).collect();
    let missing: Vec<&String> = found.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "add these UI files to UI_FILES in tests/i18n.rs: {missing:?}"
    );
    assert!(found.len() >= 17, "only {} UI files found", found.len());
}

/// The scanner itself, on a small made-up component.
#[test]
fn scanner_flags_bare_and_half_translated_strings() {
    let src = r##"
use crate::ui::i18n::t;
// "Comment text" is ignored.
fn labels() -> String {
    let css = format!("bar {}", 3);
    let id = format!("download-{}", 3);
    let shown = format!("Page {} of {}", 1, 2);
    let key = match k { "moderately recent" => t("moderately recent", "较近期"), _ => "" };
    let name = "Revenue";
    let ok = t("Orders", "订单");
    let sym = t("×", "×");
    let empty = t("Returns", "");
    let latin = t("Lift", "Lift");
    let quote = '"';
    shown
}
#[component]
fn Page() -> impl IntoView {
    view! {
        <h1>"Hello"</h1>
        <div class="kpi big" data-testid="kpi-x" title="Tip here">"×"</div>
        <input type="search" placeholder="Search" aria-label=t("Search", "搜索")/>
        <p>{format!("{} rows", 3)}" · "{t("Shop", "店铺")}</p>
        <span>"{:.0}%"</span>
        {move || if on { "On" } else { "关" }}
        <Kpi label="Revenue" help=t("Sum", "合计") testid="kpi-revenue"/>
        <DataTable columns=vec![Column::text("sku_key", "Product"), Column::num("rfm", "RFM")]/>
        <a href="/overview">"ShopLens"</a>
        {cell("orders", t("Orders", "订单"))}<p>"or"</p>" A "{Some("or")}
        {field(t("Lead", "提前期"), x, "inv-lead", "%")}{(x == "csl").then(|| "year-first")}
    }
}
"##;
    let found = scan("x.rs", src);
    let texts: Vec<String> = found
        .iter()
        .map(|p| {
            p.split_once(": ")
                .map(|x| x.1.to_string())
                .unwrap_or_default()
        })
        .collect();
    let expected = [
        r#"untranslated "Page {} of {}""#,
        r#"untranslated "Revenue""#,
        r#"empty Chinese side for "Returns""#,
        r#"Chinese side "Lift" of "Lift" has no Chinese character"#,
        r#"untranslated "Hello""#,
        r#"untranslated "Tip here""#,
        r#"untranslated "Search""#,
        r#"untranslated "{} rows""#,
        r#"untranslated "On""#,
        r#"untranslated "关""#,
        r#"untranslated "Revenue""#,
        r#"untranslated "Product""#,
        r#"untranslated "or""#,
        r#"untranslated "or""#,
        r#"untranslated "year-first""#,
    ];
    assert_eq!(texts, expected, "all found: {found:#?}");
    // Lines are 1-based and point at the literal.
    assert!(found[0].starts_with("x.rs:7: "), "{}", found[0]);
    assert!(found[4].starts_with("x.rs:20: "), "{}", found[4]);
}

#[test]
fn dates_and_months_follow_the_language() {
    use shoplens::viz::{date_label, month_label};
    assert_eq!(date_label("2011-12-09", false), "9 Dec 2011");
    assert_eq!(date_label("2011-12-09", true), "2011年12月9日");
    assert_eq!(date_label("2011-01-31 08:26:00", false), "31 Jan 2011");
    assert_eq!(date_label("2011-06", false), "Jun 2011");
    assert_eq!(date_label("2011-06", true), "2011年6月");
    assert_eq!(month_label("2011-12", false), "Dec 2011");
    assert_eq!(month_label("2011-12", true), "2011年12月");
    assert_eq!(month_label("2010-12-01", true), "2010年12月");
    assert_eq!(month_label("2011-09-05", false), "Sep 2011");
    // Not a date: shown as it is.
    assert_eq!(date_label("n/a", true), "n/a");
    assert_eq!(date_label("2011-13-01", false), "2011-13-01");
    assert_eq!(month_label("", true), "");
}

/// The core's sentences (`src/text/`): every entry has both languages with the same
/// placeholders, the Chinese side is Chinese, keys are unique, and every key the code uses
/// (`Text::new("…")` anywhere in `src/`) is in the catalogue.
#[test]
fn core_sentence_catalogue_is_complete() {
    use shoplens::text::{catalogue, entry, placeholders};
    let mut bad = Vec::new();
    let mut seen = BTreeSet::new();
    for e in catalogue() {
        if !seen.insert(e.key) {
            bad.push(format!("{}: duplicate key", e.key));
        }
        let mut en: Vec<&str> = placeholders(e.en);
        let mut zh: Vec<&str> = placeholders(e.zh);
        en.sort_unstable();
        en.dedup();
        zh.sort_unstable();
        zh.dedup();
        if en != zh {
            bad.push(format!(
                "{}: placeholders differ: en {en:?}, zh {zh:?}",
                e.key
            ));
        }
        if !e.zh.chars().any(is_cjk) {
            bad.push(format!("{}: the Chinese side has no Chinese", e.key));
        }
        if e.en.trim().is_empty() {
            bad.push(format!("{}: empty English side", e.key));
        }
    }
    let mut files = BTreeSet::new();
    rs_files(&root().join("src"), &mut files);
    let mut used = 0;
    for f in &files {
        let src = std::fs::read_to_string(root().join(f)).unwrap_or_default();
        for (i, line) in src.lines().enumerate() {
            let mut rest = line;
            while let Some(p) = rest.find("Text::new(\"") {
                let after = &rest[p + "Text::new(\"".len()..];
                let Some(end) = after.find('"') else { break };
                let key = &after[..end];
                used += 1;
                if entry(key).is_none() {
                    bad.push(format!(
                        "{f}:{}: key `{key}` is not in the catalogue",
                        i + 1
                    ));
                }
                rest = &after[end..];
            }
        }
    }
    assert!(used > 0, "no Text::new(\"…\") found under src/");
    assert!(bad.is_empty(), "catalogue problems:\n{}", bad.join("\n"));
}

/// No parameter explanation in the core is written as an English string: each is a [`Text`]
/// from `src/text/params.rs`, so it reads in either language. A "must …" or "at most …"
/// literal in `src/analytics` or `src/data` fails (it would show English on the Chinese page).
#[test]
fn parameter_explanations_are_catalogue_sentences() {
    let mut files = BTreeSet::new();
    rs_files(&root().join("src/analytics"), &mut files);
    rs_files(&root().join("src/data"), &mut files);
    assert!(files.len() > 20, "scanned {} files", files.len());
    let mut english = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(root().join(f)).unwrap_or_default();
        for (i, line) in src.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for lit in code.split('"').skip(1).step_by(2) {
                if lit.contains("must ") || lit.starts_with("at most ") {
                    english.push(format!("{f}:{}: {lit:?}", i + 1));
                }
            }
        }
    }
    assert!(
        english.is_empty(),
        "parameter explanations written in English (use text::params):\n{}",
        english.join("\n")
    );
    // The shared rules fill their values in both languages.
    use shoplens::text::{params, Lang};
    for (t, en, zh) in [
        (params::at_least(3), "must be at least 3", "至少为 3"),
        (
            params::at_most("100,000"),
            "at most 100,000",
            "最多为 100,000",
        ),
        (
            params::between("1,000", "100,000,000"),
            "must be between 1,000 and 100,000,000",
            "必须在 1,000 到 100,000,000 之间",
        ),
        (
            params::int_range(1, 1024),
            "must be in 1..=1024",
            "必须在 1 到 1024 之间",
        ),
        (
            params::open("0", "0.5"),
            "must be in (0, 0.5)",
            "必须大于 0 且小于 0.5",
        ),
        (
            params::outside(4000, "1..=3650"),
            "4000 is outside 1..=3650",
            "4000 超出了允许的范围 1..=3650",
        ),
    ] {
        assert_eq!(t.en(), en);
        assert_eq!(t.render(Lang::Zh), zh);
    }
}

/// Model names are catalogue sentences, not CLI keys: the forecast picker, its leaderboard,
/// the recommender table and the notes that name a model ("Theta scored better on the backtest
/// window; Exponential smoothing (ETS) is kept") read in either language. The CLI keeps the keys.
#[test]
fn model_names_read_in_both_languages() {
    use shoplens::analytics::forecast::select::{auto_forecast, AutoOptions, ModelKind};
    use shoplens::analytics::recommend::ModelChoice;
    use shoplens::text::Lang;
    for k in ModelKind::ALL {
        let zh = common::assert_zh(k.key(), &k.name(), &[]);
        assert_ne!(zh, k.key());
    }
    assert_eq!(ModelKind::Ets.name().en(), "Exponential smoothing (ETS)");
    assert_eq!(ModelKind::Ets.name().render(Lang::Zh), "指数平滑（ETS）");
    for m in ModelChoice::ALL {
        common::assert_zh(m.key(), &m.name(), &[]);
        assert_eq!(ModelChoice::from_key(m.key()), Some(m));
    }
    // A note naming a model: the fast mode's, on a short smooth history (non-seasonal ETS).
    let y: Vec<f64> = (0..20).map(|t| 50.0 + 2.0 * t as f64).collect();
    let fast = AutoOptions {
        fast: true,
        ..AutoOptions::default()
    };
    let a = auto_forecast(&y, 12, 6, &fast).expect("auto");
    let note = a.notes.first().expect("a note");
    assert_eq!(
        note.en(),
        "Fast mode: Exponential smoothing (ETS) without a backtest comparison."
    );
    assert_eq!(
        note.render(Lang::Zh),
        "快速模式：直接使用指数平滑（ETS），不做回测比较。"
    );
}
