//! English / Chinese text for the UI.
//!
//! Every user-visible string in `src/ui` is written with both languages side by side, so a
//! translation can never be missing at run time:
//!
//! * `t("Customers", "客户")` — a fixed string (returns `&'static str`);
//! * `tr!("{} rows", "{} 行", n)` — a formatted string (`format!` on the chosen language).
//!
//! The language is a global read at render time. Switching it (the topbar button) stores the
//! choice in `localStorage` and re-renders the whole app from the top: the state signals live
//! above the re-rendered tree, so reports and settings survive the switch. The first visit
//! follows the browser's language (`navigator.language` starting with `zh` → Chinese).
//!
//! `tests/i18n.rs` scans the UI sources and fails on any literal shown to a user that is not
//! wrapped in `t`/`tr!`, or whose Chinese side is empty.

use std::cell::Cell;

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// BCP 47 code (`<html lang>`, `Intl` locale).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        if c.starts_with("zh") {
            Some(Lang::Zh)
        } else if c.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The other language (the switch button).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

const STORAGE_KEY: &str = "shoplens.lang";

/// The current language.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

pub fn is_zh() -> bool {
    lang() == Lang::Zh
}

/// Pick the string of the current language.
pub fn t(en: &'static str, zh: &'static str) -> &'static str {
    match lang() {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// Set the language for the next render, remember it and mark `<html lang>`.
pub fn set_lang(l: Lang) {
    LANG.with(|c| c.set(l));
    if let Some(w) = web_sys::window() {
        if let Some(doc) = w.document().and_then(|d| d.document_element()) {
            let _ = doc.set_attribute("lang", l.code());
        }
        if let Ok(Some(s)) = w.local_storage() {
            let _ = s.set_item(STORAGE_KEY, l.code());
        }
    }
}

/// The stored choice, else the browser's language, else English.
pub fn initial_lang() -> Lang {
    let Some(w) = web_sys::window() else {
        return Lang::En;
    };
    if let Some(l) = w
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|c| Lang::from_code(&c))
    {
        return l;
    }
    w.navigator()
        .language()
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or(Lang::En)
}

/// `tr!("{} rows", "{} 行", n)`: `format!` with the current language's pattern.
#[macro_export]
macro_rules! tr {
    ($en:literal, $zh:literal $(, $arg:expr)* $(,)?) => {
        if $crate::ui::i18n::is_zh() {
            format!($zh $(, $arg)*)
        } else {
            format!($en $(, $arg)*)
        }
    };
}

/// A sentence from the core ([`crate::text::Text`]) in the current language.
pub fn say(text: &crate::text::Text) -> String {
    text.render(match lang() {
        Lang::En => crate::text::Lang::En,
        Lang::Zh => crate::text::Lang::Zh,
    })
}
