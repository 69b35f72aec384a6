//! Data: what the importer decided (encoding, delimiter, date order, column mapping with
//! confidence, editable) and the cleaning report — every row accounted for.

use super::NeedData;
use crate::data::{CleaningReport, DropReason, Field, FileInfo, MappingOverride};
use crate::ui::bridge;
use crate::ui::download;
use crate::ui::format;
use crate::ui::state::AppState;
use leptos::prelude::*;

fn field_label(f: Field) -> &'static str {
    match f {
        Field::OrderId => "Order id",
        Field::OrderDate => "Order date/time",
        Field::CustomerId => "Customer id",
        Field::Sku => "SKU",
        Field::ProductName => "Product name",
        Field::Quantity => "Quantity",
        Field::UnitPrice => "Unit price",
        Field::LineTotal => "Line total",
        Field::Currency => "Currency",
        Field::Country => "Country/region",
        Field::Category => "Category",
        Field::Status => "Status",
    }
}

fn reason_text(r: DropReason) -> &'static str {
    match r {
        DropReason::MalformedRow => "Malformed row (wrong number of fields)",
        DropReason::Cancellation => "Cancellation or return (kept aside for the returns rate)",
        DropReason::UnparseableDate => "Date could not be read",
        DropReason::UnparseableNumber => "Number could not be read",
        DropReason::QuantityNotPositive => "Quantity zero or negative",
        DropReason::PriceNotPositive => "Price zero or negative",
        DropReason::Duplicate => "Exact duplicate line (removed on request)",
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
                {cell("lines", "Lines", t.lines as f64, format::int(t.lines))}
                {cell("orders", "Orders", t.orders as f64, format::int(t.orders))}
                {cell("customers", "Customers", t.customers as f64, format::int(t.customers))}
                {cell("revenue", "Revenue", t.revenue, format::num(t.revenue, 2))}
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
            <h1>"Your data"</h1>
            {ms.map(|ms| view! { <span class="muted" data-testid="import-millis" data-value=format!("{ms:.0}")>{format!("Imported in {:.2} s", ms / 1000.0)}</span> })}
        </div>
        {files.iter().enumerate().map(|(fi, f)| view! { <FileCard index=fi file=f.clone()/> }).collect_view()}
        <section class="card" data-testid="cleaning-report">
            <div class="card-head">
                <h2>"Cleaning report"</h2>
                <button class="btn small" data-testid="download-cleaning" on:click=download_report>"⬇ CSV"</button>
            </div>
            <p>
                {format!("{} rows read: {} kept as sales, {} set aside or dropped.",
                    format::int(report.total_rows), format::int(report.kept_rows), format::int(dropped_total))}
                {report.date_min.clone().zip(report.date_max.clone()).map(|(a, b)| format!(" Orders from {a} to {b}."))}
            </p>
            <div class="levels">
                <Level prefix="order-level" title="Order level" t=report.order_level.clone()
                    help="All kept sale lines, guest orders included. Used by the overview, baskets, forecasts and inventory."/>
                <Level prefix="customer-level" title="Customer level" t=report.customer_level.clone()
                    help="Kept sale lines with a customer id. Used by customers, lifetime value and recommendations."/>
            </div>
            <table class="data-table">
                <thead><tr><th>"Reason"</th><th class="num">"Rows"</th><th>"First rows"</th></tr></thead>
                <tbody>
                    {report.dropped.iter().filter(|d| d.count > 0).map(|d| view! {
                        <tr>
                            <td>{reason_text(d.reason)}</td>
                            <td class="num">{format::int(d.count)}</td>
                            <td class="muted">{rows_text(&d.first_rows, &files)}</td>
                        </tr>
                    }).collect_view()}
                    <tr>
                        <td>"Guest lines (no customer id) — kept at order level only"</td>
                        <td class="num">{format::int(report.guest_lines)}</td>
                        <td class="muted">{rows_text(&report.guest_first_rows, &files)}</td>
                    </tr>
                    <tr>
                        <td>{if report.duplicates_removed { "Exact duplicate lines (removed)" } else { "Exact duplicate lines (flagged, kept)" }}</td>
                        <td class="num">{format::int(report.duplicates)}</td>
                        <td class="muted">{rows_text(&report.duplicate_first_rows, &files)}</td>
                    </tr>
                </tbody>
            </table>
            <label class="check">
                <input type="checkbox" data-testid="remove-duplicates" prop:checked=move || state.remove_duplicates.get()
                    on:change=move |ev| { state.remove_duplicates.set(event_target_checked(&ev)); bridge::reimport(state); }/>
                " Remove exact duplicate lines"
            </label>
            <p class="muted small">
                {format!("Cancellations and returns set aside: {} lines worth {}.", format::int(report.return_lines), format::num(report.return_value, 2))}
                {if report.currencies.is_empty() { " No currency column.".to_string() } else {
                    format!(" Currencies: {}.", report.currencies.iter().map(|(c, n)| format!("{c} ({})", format::int(*n))).collect::<Vec<_>>().join(", "))
                }}
            </p>
        </section>
    }
}

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
    let delim = match file.delimiter {
        '\t' => "tab".to_string(),
        c => format!("“{c}”"),
    };
    view! {
        <section class="card">
            <h2>{file.file_name.clone()}</h2>
            <p class="muted">
                {format!("{} rows · {} · {}{} · delimiter {} · decimal {} · dates {}",
                    format::int(file.rows), format::bytes(file.bytes), file.encoding,
                    if file.bom { " with BOM" } else { "" }, delim,
                    if file.decimal_comma { "comma" } else { "point" },
                    match file.date_order { crate::data::DateOrder::YearFirst => "year-first", crate::data::DateOrder::DayFirst => "day-first", crate::data::DateOrder::MonthFirst => "month-first" })}
                {if file.gzip { " · gzip" } else { "" }}
            </p>
            <p class="small">{file.date_order_reason.clone()}</p>
            {file.preset.clone().map(|p| view! { <p class="badge">{format!("Recognised format: {p}")}</p> })}
            <table class="data-table mapping" data-testid="mapping-table" data-file=index>
                <thead><tr><th>"Column in file"</th><th>"Means"</th><th class="num">"Confidence"</th><th>"Why"</th><th>"Examples"</th></tr></thead>
                <tbody>
                    {file.mapping.iter().map(|m| {
                        let col = m.column;
                        let selected = m.field;
                        view! {
                            <tr>
                                <td><code>{m.header.clone()}</code></td>
                                <td>
                                    <select data-testid=format!("map-col-{col}") aria-label=format!("Meaning of column {}", m.header)
                                        on:change=move |ev| on_change(col, event_target_value(&ev))>
                                        <option value="" selected=selected.is_none()>"— ignore —"</option>
                                        {Field::ALL.iter().map(|f| view! {
                                            <option value=f.key() selected=selected == Some(*f)>{field_label(*f)}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                                <td class="num">{format!("{:.0}%", m.confidence * 100.0)}</td>
                                <td class="small">{m.reason.clone()}</td>
                                <td class="small muted">{m.samples.join(" · ")}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
