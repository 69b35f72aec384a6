//! Data: what the importer decided (encoding, delimiter, date order, column mapping with
//! confidence, editable) and the cleaning report — every row accounted for.

use super::NeedData;
use crate::data::{CleaningReport, DropReason, Field, FileInfo, MappingOverride};
use crate::ui::bridge;
use crate::ui::download;
use crate::ui::format;
use crate::ui::i18n::{self, t};
use crate::ui::state::AppState;
use leptos::prelude::*;

fn field_label(f: Field) -> &'static str {
    match f {
        Field::OrderId => t("Order id", "订单号"),
        Field::OrderDate => t("Order date/time", "下单时间"),
        Field::CustomerId => t("Customer id", "客户编号"),
        Field::Sku => t("SKU", "货号"),
        Field::ProductName => t("Product name", "商品名称"),
        Field::Quantity => t("Quantity", "数量"),
        Field::UnitPrice => t("Unit price", "单价"),
        Field::LineTotal => t("Line total", "行金额"),
        Field::Currency => t("Currency", "币种"),
        Field::Country => t("Country/region", "国家/地区"),
        Field::Category => t("Category", "类目"),
        Field::Status => t("Status", "状态"),
    }
}

fn reason_text(r: DropReason) -> &'static str {
    match r {
        DropReason::MalformedRow => t(
            "Malformed row (wrong number of fields)",
            "格式错误的行（字段数不对）",
        ),
        DropReason::Cancellation => t(
            "Cancellation or return (kept aside for the returns rate)",
            "取消或退货（单独存放，用于计算退货率）",
        ),
        DropReason::Unpaid => t(
            "Not paid (awaiting payment; not a sale, not a return)",
            "未付款（等待付款；不计为销售，也不算退货）",
        ),
        DropReason::UnparseableDate => t("Date could not be read", "日期无法识别"),
        DropReason::UnparseableNumber => t("Number could not be read", "数字无法识别"),
        DropReason::QuantityNotPositive => t("Quantity zero or negative", "数量为零或负数"),
        DropReason::PriceNotPositive => t("Price zero or negative", "价格为零或负数"),
        DropReason::Duplicate => t(
            "Exact duplicate line (removed on request)",
            "完全重复的明细（按要求删除）",
        ),
        DropReason::DateOutOfRange => t(
            "Date outside 1970–2099 (placeholder or typo)",
            "日期不在 1970–2099 年之间（占位值或笔误）",
        ),
    }
}

fn rows_text(rows: &[(u16, u32)], files: &[FileInfo]) -> String {
    rows.iter()
        .map(|(f, r)| {
            if files.len() > 1 {
                let name = files
                    .get(*f as usize)
                    .map(|x| x.file_name.as_str())
                    .unwrap_or("?");
                format!("{name}:{r}")
            } else {
                r.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
pub fn DataPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <super::datasets::DatasetList/>
        {move || match state.report.get() {
            None => view! { <NeedData/> }.into_any(),
            Some(r) => view! { <DataBody report=r/> }.into_any(),
        }}
    }
}

#[component]
fn Level(
    prefix: &'static str,
    title: &'static str,
    t: crate::data::LevelTotals,
    help: &'static str,
    /// False for a file without prices: no revenue to show.
    priced: bool,
) -> impl IntoView {
    let cell = move |name: &'static str, label: &'static str, value: f64, shown: String| {
        let id = format!("{prefix}-{name}");
        view! {
            <div class="stat" data-testid=id data-value=format!("{}", (value * 1000.0).round() / 1000.0)>
                <span class="stat-label">{label}</span><span class="stat-value">{shown}</span>
            </div>
        }
    };
    view! {
        <div class="level">
            <h3>{title}</h3>
            <div class="stats">
                {cell("lines", i18n::t("Lines", "明细行"), t.lines as f64, format::int(t.lines))}
                {cell("orders", i18n::t("Orders", "订单数"), t.orders as f64, format::int(t.orders))}
                {cell("customers", i18n::t("Customers", "客户数"), t.customers as f64, format::int(t.customers))}
                {cell("revenue", i18n::t("Revenue", "销售额"), t.revenue,
                    if priced { format::num(t.revenue, 2) } else { i18n::t("– (no prices)", "–（无价格）").to_string() })}
            </div>
            <p class="muted small">{help}</p>
        </div>
    }
}

#[component]
fn DataBody(report: CleaningReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let files = report.files.clone();
    let r = report.clone();
    let download_report = move |_| {
        let csv = crate::data::cleaning_report_csv(&r);
        download::save_csv("shoplens-cleaning-report.csv", &csv);
    };
    let dropped_total: u64 = report.dropped.iter().map(|d| d.count).sum();
    let ms = state.import_millis.get_untracked();
    view! {
        <div class="page-head">
            <h1>{t("Your data", "您的数据")}</h1>
            {ms.map(|ms| view! { <span class="muted" data-testid="import-millis" data-value=format!("{ms:.0}")>{crate::tr!("Imported in {:.2} s", "导入用时 {:.2} 秒", ms / 1000.0)}</span> })}
        </div>
        {files.iter().enumerate().map(|(fi, f)| view! { <FileCard index=fi file=f.clone()/> }).collect_view()}
        <section class="card" data-testid="cleaning-report">
            <div class="card-head">
                <h2>{t("Cleaning report", "清洗报告")}</h2>
                <button class="btn small" data-testid="download-cleaning" on:click=download_report>"⬇ CSV"</button>
            </div>
            <p>
                {crate::tr!("{} rows read: {} kept as sales, {} set aside or dropped.",
                    "共读取 {} 行：{} 行作为销售保留，{} 行单独存放或丢弃。",
                    format::int(report.total_rows), format::int(report.kept_rows), format::int(dropped_total))}
                {report.date_min.clone().zip(report.date_max.clone()).map(|(a, b)| crate::tr!(" Orders from {} to {}.", "订单日期从 {} 到 {}。", format::date(&a), format::date(&b)))}
            </p>
            <div class="levels">
                <Level prefix="order-level" title=t("Order level", "订单层面") t=report.order_level.clone() priced=report.priced
                    help=t("All kept sale lines, guest orders included. Used by the overview, baskets, forecasts and inventory.",
                        "所有保留的销售明细，包含游客订单。用于概览、购物篮、预测和库存。")/>
                <Level prefix="customer-level" title=t("Customer level", "客户层面") t=report.customer_level.clone() priced=report.priced
                    help=t("Kept sale lines with a customer id. Used by customers, lifetime value and recommendations.",
                        "带客户编号的保留销售明细。用于客户、客户终身价值和推荐。")/>
            </div>
            <table class="data-table">
                <thead><tr><th>{t("Reason", "原因")}</th><th class="num">{t("Rows", "行数")}</th><th>{t("First rows", "前几行")}</th></tr></thead>
                <tbody>
                    {report.dropped.iter().filter(|d| d.count > 0).map(|d| view! {
                        <tr>
                            <td>{reason_text(d.reason)}</td>
                            <td class="num">{format::int(d.count)}</td>
                            <td class="muted">
                                {rows_text(&d.first_rows, &files)}
                                {(!d.examples.is_empty()).then(|| view! {
                                    <details class="drop-why" data-testid="drop-examples">
                                        <summary>{t("Why these rows", "这些行的原因")}</summary>
                                        <ul>{d.examples.iter().map(|e| view! { <li>{i18n::say(e)}</li> }).collect_view()}</ul>
                                    </details>
                                })}
                            </td>
                        </tr>
                    }).collect_view()}
                    <tr>
                        <td>{t("Guest lines (no customer id) — kept at order level only", "游客明细（无客户编号）——仅在订单层面保留")}</td>
                        <td class="num">{format::int(report.guest_lines)}</td>
                        <td class="muted">{rows_text(&report.guest_first_rows, &files)}</td>
                    </tr>
                    <tr>
                        <td>{if report.duplicates_removed { t("Exact duplicate lines (removed)", "完全重复的明细（已删除）") } else { t("Exact duplicate lines (flagged, kept)", "完全重复的明细（已标记，保留）") }}</td>
                        <td class="num">{format::int(report.duplicates)}</td>
                        <td class="muted">{rows_text(&report.duplicate_first_rows, &files)}</td>
                    </tr>
                </tbody>
            </table>
            <label class="check">
                <input type="checkbox" data-testid="remove-duplicates" prop:checked=move || state.remove_duplicates.get()
                    on:change=move |ev| { state.remove_duplicates.set(event_target_checked(&ev)); bridge::reimport(state); }/>
                {t(" Remove exact duplicate lines", " 删除完全重复的明细")}
            </label>
            <p class="muted small">
                {if report.priced {
                    crate::tr!("Cancellations and returns set aside: {} lines worth {}.", "单独存放的取消和退货：{} 行，金额 {}。", format::int(report.return_lines), format::num(report.return_value, 2))
                } else {
                    crate::tr!("Cancellations and returns set aside: {} lines.", "单独存放的取消和退货：{} 行。", format::int(report.return_lines))
                }}
                {
                    let unpaid = report.dropped.iter().find(|d| d.reason == DropReason::Unpaid).map_or(0, |d| d.count);
                    match (unpaid, report.priced) {
                        (0, _) => String::new(),
                        (n, true) => crate::tr!(" Unpaid orders left out: {} lines worth {}.", "未计入的未付款订单：{} 行，金额 {}。", format::int(n), format::num(report.unpaid_value, 2)),
                        (n, false) => crate::tr!(" Unpaid orders left out: {} lines.", "未计入的未付款订单：{} 行。", format::int(n)),
                    }
                }
                {if report.currencies.is_empty() { t(" No currency column.", "没有币种列。").to_string() } else {
                    crate::tr!(" Currencies: {}.", "币种：{}。", report.currencies.iter().map(|(c, n)| format!("{c} ({})", format::int(*n))).collect::<Vec<_>>().join(", "))
                }}
            </p>
        </section>
    }
}

/// Rows of the column-mapping table shown at a time for a wide file.
const MAPPING_PAGE: usize = 50;

#[component]
fn FileCard(index: usize, file: FileInfo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let headers = file.headers.clone();
    let current: Vec<Option<Field>> = file.mapping.iter().map(|m| m.field).collect();
    let current = StoredValue::new(current);
    let headers = StoredValue::new(headers);
    let on_change = move |col: usize, value: String| {
        let mut fields = current.get_value();
        if col < fields.len() {
            fields[col] = Field::from_key(&value);
        }
        bridge::remember_mapping(
            state,
            MappingOverride {
                headers: headers.get_value(),
                fields,
            },
        );
        bridge::reimport(state);
    };
    // Wide files (the hostile corpus has 10,000 columns) get a paged, searchable table:
    // mapped columns first, MAPPING_PAGE rows at a time, instead of one row (and one select of
    // every field) per column.
    let total = file.mapping.len();
    let wide = total > MAPPING_PAGE;
    let mapping = StoredValue::new(file.mapping.clone());
    let page = RwSignal::new(0usize);
    let query = RwSignal::new(String::new());
    let shown = move || -> (Vec<crate::data::ColumnMapping>, usize, usize) {
        let q = query.get().trim().to_lowercase();
        mapping.with_value(|all| {
            let mut hits: Vec<&crate::data::ColumnMapping> = all
                .iter()
                .filter(|m| q.is_empty() || m.header.to_lowercase().contains(&q))
                .collect();
            if wide {
                hits.sort_by_key(|m| m.field.is_none());
            }
            let n = hits.len();
            let last = n.saturating_sub(1) / MAPPING_PAGE;
            let p = page.get().min(last);
            let rows = hits
                .into_iter()
                .skip(p * MAPPING_PAGE)
                .take(MAPPING_PAGE)
                .cloned()
                .collect();
            (rows, n, p)
        })
    };
    let delim = match file.delimiter {
        '\t' => t("tab", "制表符").to_string(),
        c => format!("“{c}”"),
    };
    view! {
        <section class="card">
            <h2>{file.file_name.clone()}</h2>
            <p class="muted">
                {crate::tr!("{} rows · {} · {}{} · delimiter {} · decimal {} · dates {}",
                    "{} 行 · {} · {}{} · 分隔符 {} · 小数点 {} · 日期 {}",
                    format::int(file.rows), format::bytes(file.bytes), file.encoding,
                    if file.bom { t(" with BOM", "（带 BOM）") } else { "" }, delim,
                    if file.decimal_comma { t("comma", "逗号") } else { t("point", "句点") },
                    match file.date_order {
                        crate::data::DateOrder::YearFirst => t("unambiguous", "无歧义"),
                        crate::data::DateOrder::DayFirst => t("day-first", "日在前"),
                        crate::data::DateOrder::MonthFirst => t("month-first", "月在前"),
                    })}
                {if file.gzip { t(" · gzip", " · gzip 压缩") } else { "" }}
            </p>
            <p class="small">{i18n::say(&file.date_order_reason)}</p>
            {(!file.notes.is_empty()).then(|| view! {
                <ul class="notes" data-testid="file-notes">
                    {file.notes.iter().map(|n| view! { <li>{i18n::say(n)}</li> }).collect_view()}
                </ul>
            })}
            {file.preset.clone().map(|p| {
                let name = crate::data::mapping::preset_label(&p).map(|l| i18n::say(&l)).unwrap_or(p);
                view! { <p class="badge" data-testid="preset-badge">{crate::tr!("Recognised format: {}", "识别的格式：{}", name)}</p> }
            })}
            {wide.then(|| view! {
                <div class="params" data-testid="mapping-pager">
                    <input type="search" placeholder=t("Find a column…", "查找列…") aria-label=t("Find a column", "查找列") data-testid="mapping-search"
                        prop:value=move || query.get() on:input=move |ev| { query.set(event_target_value(&ev)); page.set(0); }/>
                    <button class="btn small" data-testid="mapping-prev" disabled=move || shown().2 == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{t("‹ Previous", "‹ 上一页")}</button>
                    <span class="muted small" data-testid="mapping-range">{move || {
                        let (rows, n, p) = shown();
                        let from = if rows.is_empty() { 0 } else { p * MAPPING_PAGE + 1 };
                        crate::tr!("Columns {}–{} of {} (mapped first)", "第 {}–{} 列，共 {} 列（已映射的在前）", format::int(from as u64), format::int((from + rows.len()).saturating_sub(1) as u64), format::int(n as u64))
                    }}</span>
                    <button class="btn small" data-testid="mapping-next" disabled=move || { let (_, n, p) = shown(); (p + 1) * MAPPING_PAGE >= n } on:click=move |_| page.update(|p| *p += 1)>{t("Next ›", "下一页 ›")}</button>
                    <span class="muted small">{crate::tr!("{} columns in this file.", "此文件共 {} 列。", format::int(total as u64))}</span>
                </div>
            })}
            <table class="data-table mapping" data-testid="mapping-table" data-file=index>
                <thead><tr><th>{t("Column in file", "文件中的列")}</th><th>{t("Means", "含义")}</th><th class="num">{t("Confidence", "置信度")}</th><th>{t("Why", "依据")}</th><th>{t("Examples", "示例")}</th></tr></thead>
                <tbody>
                    {move || shown().0.into_iter().map(|m| {
                        let col = m.column;
                        let selected = m.field;
                        view! {
                            <tr>
                                <td><code>{m.header.clone()}</code></td>
                                <td>
                                    <select data-testid=format!("map-col-{col}") aria-label=crate::tr!("Meaning of column {}", "列 {} 的含义", m.header)
                                        on:change=move |ev| on_change(col, event_target_value(&ev))>
                                        <option value="" selected=selected.is_none()>{t("— ignore —", "— 忽略 —")}</option>
                                        {Field::ALL.iter().map(|f| view! {
                                            <option value=f.key() selected=selected == Some(*f)>{field_label(*f)}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                                <td class="num">{format!("{:.0}%", m.confidence * 100.0)}</td>
                                <td class="small">{i18n::say(&m.reason)}</td>
                                <td class="small muted">{m.samples.join(" · ")}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
