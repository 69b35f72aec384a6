//! A reusable table: sortable columns, search, pagination and CSV download of all rows.
//! Cells are plain text rendered as text (never HTML), so names from files cannot inject markup.

use super::download;
use super::i18n::t;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Key used as the CSV header.
    pub key: String,
    pub numeric: bool,
    /// `false`: the column is in the CSV download only (e.g. a long explanation that the page
    /// shows elsewhere).
    pub shown: bool,
}

impl Column {
    pub fn text(key: &str, title: &str) -> Self {
        Self {
            title: title.into(),
            key: key.into(),
            numeric: false,
            shown: true,
        }
    }
    pub fn num(key: &str, title: &str) -> Self {
        Self {
            title: title.into(),
            key: key.into(),
            numeric: true,
            shown: true,
        }
    }
    /// A column of the CSV download that the table on the page leaves out.
    pub fn export_only(key: &str) -> Self {
        Self {
            title: String::new(),
            key: key.into(),
            numeric: false,
            shown: false,
        }
    }
}

/// One cell: what is shown, and the raw value used for sorting and CSV export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Num {
        value: f64,
        shown: String,
    },
    /// Text shown in a short form (a model's plain name) whose full form is what the CSV
    /// download and the search get (the full model specification).
    Short {
        shown: String,
        full: String,
    },
}

impl Cell {
    fn shown(&self) -> &str {
        match self {
            Cell::Text(s) => s,
            Cell::Num { shown, .. } | Cell::Short { shown, .. } => shown,
        }
    }
    fn raw(&self) -> String {
        match self {
            Cell::Text(s) | Cell::Short { full: s, .. } => s.clone(),
            Cell::Num { value, .. } => {
                // Round away float noise (0.1 + 0.2) but keep full cents precision.
                let r = (value * 1e6).round() / 1e6;
                format!("{r}")
            }
        }
    }
}

/// A numeric cell shown with `decimals` digits and thousands separators (∞ for infinity).
pub fn number(value: f64, decimals: usize) -> Cell {
    Cell::Num {
        value,
        shown: if value.is_infinite() {
            "∞".into()
        } else {
            super::format::num(value, decimals)
        },
    }
}

/// A money cell: the amount with the currency symbol (two decimals), the raw value for sorting
/// and the CSV.
pub fn money(value: f64, symbol: &str) -> Cell {
    Cell::Num {
        value,
        shown: super::format::money(value, symbol),
    }
}

/// [`money`] in whole units, for rough amounts (spend, modelled revenue).
pub fn money0(value: f64, symbol: &str) -> Cell {
    Cell::Num {
        value,
        shown: super::format::money0(value, symbol),
    }
}

#[component]
pub fn DataTable(
    /// Used for `data-testid="download-<id>"` and the CSV file name.
    id: &'static str,
    columns: Vec<Column>,
    #[prop(into)] rows: Signal<Vec<Vec<Cell>>>,
    #[prop(default = 15)] page_size: usize,
    /// Row click: receives the row's first cell text (its id).
    #[prop(optional)]
    on_row: Option<Callback<String>>,
    /// Show only rows whose cell `filter.0` equals `filter.1` (e.g. a clicked segment).
    #[prop(optional, into)]
    filter: Option<Signal<Option<(usize, String)>>>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(None::<(usize, bool)>);
    let page = RwSignal::new(0usize);
    let cols = StoredValue::new(columns);

    let filtered = Memo::new(move |_| {
        let q = query.get().to_lowercase();
        let exact = filter.and_then(|f| f.get());
        let mut out: Vec<Vec<Cell>> = rows.with(|rows| {
            rows.iter()
                .filter(|r| match &exact {
                    Some((col, want)) => r.get(*col).map(|c| c.shown() == want).unwrap_or(false),
                    None => true,
                })
                .filter(|r| {
                    q.is_empty()
                        || r.iter().any(|c| match c {
                            Cell::Text(t) => t.to_lowercase().contains(&q),
                            Cell::Short { shown, full } => {
                                shown.to_lowercase().contains(&q)
                                    || full.to_lowercase().contains(&q)
                            }
                            Cell::Num { .. } => false,
                        })
                })
                .cloned()
                .collect()
        });
        if let Some((col, asc)) = sort.get() {
            out.sort_by(|a, b| {
                let o = match (a.get(col), b.get(col)) {
                    (Some(Cell::Num { value: x, .. }), Some(Cell::Num { value: y, .. })) => {
                        x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal)
                    }
                    (Some(x), Some(y)) => x.shown().cmp(y.shown()),
                    _ => std::cmp::Ordering::Equal,
                };
                if asc {
                    o
                } else {
                    o.reverse()
                }
            });
        }
        out
    });
    let pages = Memo::new(move |_| filtered.with(Vec::len).div_ceil(page_size).max(1));
    let download = move |_| {
        let headers: Vec<String> = cols.with_value(|c| c.iter().map(|c| c.key.clone()).collect());
        let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let csv = filtered.with(|rows| {
            crate::export::to_csv(
                &header_refs,
                rows.iter()
                    .map(|r| r.iter().map(Cell::raw).collect::<Vec<String>>()),
            )
        });
        download::save_csv(&format!("shoplens-{id}.csv"), &csv);
    };

    view! {
        <div class="table-wrap">
            <div class="table-tools">
                <input type="search" placeholder=t("Search…", "搜索…") aria-label=t("Search the table", "搜索表格")
                    prop:value=move || query.get()
                    on:input=move |ev| { query.set(event_target_value(&ev)); page.set(0); }/>
                <span class="muted">{move || crate::tr!("{} rows", "{} 行", super::format::int(filtered.with(Vec::len) as u64))}</span>
                <button class="btn small" data-testid=format!("download-{id}") on:click=download>"⬇ CSV"</button>
            </div>
            <table class="data-table">
                <thead><tr>
                    {cols.with_value(|cols| cols.iter().enumerate().filter(|(_, c)| c.shown).map(|(i, c)| {
                        let title = c.title.clone();
                        let numeric = c.numeric;
                        let arrow = move || match sort.get() {
                            Some((s, true)) if s == i => " ▲",
                            Some((s, false)) if s == i => " ▼",
                            _ => "",
                        };
                        let aria = move || match sort.get() {
                            Some((s, true)) if s == i => "ascending",
                            Some((s, false)) if s == i => "descending",
                            _ => "none",
                        };
                        view! {
                            <th class:num=numeric aria-sort=aria>
                                <button class="sort" on:click=move |_| {
                                    sort.update(|s| *s = match *s {
                                        Some((c, asc)) if c == i => Some((i, !asc)),
                                        _ => Some((i, !numeric)),
                                    });
                                    page.set(0);
                                }>{title}{arrow}</button>
                            </th>
                        }
                    }).collect_view())}
                </tr></thead>
                <tbody>
                    {move || {
                        let p = page.get().min(pages.get() - 1);
                        filtered.with(|rows| rows.iter().skip(p * page_size).take(page_size).map(|r| {
                            let id = r.first().map(|c| c.shown().to_string()).unwrap_or_default();
                            let click = move |_| { if let Some(cb) = on_row { cb.run(id.clone()); } };
                            let shown: Vec<bool> = cols.with_value(|cols| cols.iter().map(|c| c.shown).collect());
                            view! { <tr class:clickable=on_row.is_some() on:click=click>{r.iter().enumerate().filter(|(i, _)| shown.get(*i).copied().unwrap_or(true)).map(|(_, c)| {
                                let numeric = matches!(c, Cell::Num { .. });
                                // A short word (a date, a code) never breaks at its hyphens.
                                let word = !numeric && c.shown().len() <= 24 && !c.shown().contains(char::is_whitespace);
                                view! { <td class:num=numeric class:word=word>{c.shown().to_string()}</td> }
                            }).collect_view()}</tr> }
                        }).collect_view())
                    }}
                </tbody>
            </table>
            <div class="pager">
                <button class="btn small" aria-label=t("Previous page", "上一页") disabled=move || { page.get() == 0 }
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"‹"</button>
                <span>{move || crate::tr!("Page {} of {}", "第 {} / {} 页", page.get().min(pages.get() - 1) + 1, pages.get())}</span>
                <button class="btn small" aria-label=t("Next page", "下一页") disabled=move || { page.get() + 1 >= pages.get() }
                    on:click=move |_| page.update(|p| *p += 1)>"›"</button>
            </div>
        </div>
    }
}
