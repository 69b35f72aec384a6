//! Cleaning: each staged row becomes a sale line, a return kept aside, or one [`DropReason`]
//! (the first applicable, in enum order); then the merged [`Dataset`] and its
//! [`CleaningReport`] with order- and customer-level totals.
//!
//! The protocol follows the usual preparation of the UCI Online Retail data (Chen, Sain & Guo,
//! "Data mining for the online retail industry", J. Database Marketing 2012): invoices starting
//! with "C" are cancellations, quantity and unit price must be positive, and customer-level
//! analyses drop lines without a customer id.

use super::dates::{format_ts, resolve, RawDate};
use super::importer::{row_at, FileRows, Shared, Staged};
use super::intern::Compactor;
use super::model::*;
use super::DataError;
use crate::text::Text;

/// Sum with Neumaier's compensated summation (Neumaier 1974, an improved Kahan–Babuška sum):
/// the error does not grow with the number of terms.
pub fn neumaier_sum(values: impl IntoIterator<Item = f64>) -> f64 {
    let mut sum = 0.0f64;
    let mut c = 0.0f64;
    for v in values {
        let t = sum + v;
        if sum.abs() >= v.abs() {
            c += (sum - t) + v;
        } else {
            c += (v - t) + sum;
        }
        sum = t;
    }
    sum + c
}

fn push_line(ol: &mut OrderLines, s: &Staged, ts: i64, file: u16, positive: bool) {
    let f = |x: f64| if positive { x.abs() } else { x };
    ol.order_id.push(s.order());
    ol.timestamp.push(ts);
    ol.customer.push(s.customer());
    ol.sku.push(s.sku());
    ol.product.push(s.product());
    ol.quantity.push(f(s.qty));
    ol.unit_price.push(f(s.price));
    ol.revenue.push(f(s.revenue));
    ol.currency.push(s.currency());
    ol.country.push(s.country());
    ol.category.push(s.category());
    ol.status.push(s.status());
    ol.source_row.push(s.row);
    ol.source_file.push(file);
}

fn reserve(ol: &mut OrderLines, n: usize) {
    ol.order_id.reserve(n);
    ol.timestamp.reserve(n);
    ol.customer.reserve(n);
    ol.sku.reserve(n);
    ol.product.reserve(n);
    ol.quantity.reserve(n);
    ol.unit_price.reserve(n);
    ol.revenue.reserve(n);
    ol.currency.reserve(n);
    ol.country.reserve(n);
    ol.category.reserve(n);
    ol.status.reserve(n);
    ol.source_row.reserve(n);
    ol.source_file.reserve(n);
}

/// Decide the file's date order, then keep, set aside or drop each of its rows.
pub(crate) fn finish_file(
    sh: &mut Shared,
    mut info: FileInfo,
    file: u16,
    rows: FileRows,
) -> Result<FileInfo, DataError> {
    let fallback: (bool, Text) = if rows.decimal_comma {
        (true, Text::new("data.date.why_decimal_comma"))
    } else {
        match rows.currency_hint {
            Some("USD") => (false, Text::new("data.date.why_dollar")),
            Some(c) => (true, Text::new("data.date.why_currency").str("code", c)),
            None => (true, Text::new("data.date.why_default")),
        }
    };
    let (order, reason) = rows.vote.decide_text(sh.opts.date_order, fallback);
    info.date_order = order;
    info.date_order_reason = reason;
    for (code, n) in &rows.symbol_currency {
        let t = if *code == "CNY" {
            Text::new("data.note.symbol_currency_cny")
        } else if *code == "USD" {
            Text::new("data.note.symbol_currency_usd")
        } else {
            Text::new("data.note.symbol_currency")
        };
        info.note(t.str("code", code.to_string()).int("n", *n));
    }
    reserve(&mut sh.lines, rows.staged.len());
    let remove = sh.opts.remove_duplicates;
    for s in &rows.staged {
        let ts = resolve(&s.date, order);
        let reason = if s.is_cancel() {
            if let (Some(ts), false) = (ts, s.bad_number()) {
                push_line(&mut sh.returns, s, ts, file, true);
            }
            Some(DropReason::Cancellation)
        } else if s.is_unpaid() {
            if !s.bad_number() && !s.unpriced() {
                sh.unpaid_value += s.revenue;
            }
            Some(DropReason::Unpaid)
        } else if ts.is_none() {
            Some(DropReason::UnparseableDate)
        } else if ts.is_some_and(|t| !(MIN_TS..MAX_TS).contains(&t)) {
            Some(DropReason::DateOutOfRange)
        } else if s.bad_number() {
            Some(DropReason::UnparseableNumber)
        } else if s.qty <= 0.0 {
            Some(DropReason::QuantityNotPositive)
        } else if !s.unpriced()
            && ((s.has_price() && s.price <= 0.0) || (!s.has_price() && s.revenue <= 0.0))
        {
            Some(DropReason::PriceNotPositive)
        } else if remove && s.duplicate() {
            Some(DropReason::Duplicate)
        } else {
            None
        };
        let why = |r: DropReason| drop_why(&info, &rows, s, r);
        match (reason, ts) {
            (Some(r), _) => sh.drop_row(r, file, s.row, || why(r)),
            (None, Some(ts)) => push_line(&mut sh.lines, s, ts, file, false),
            (None, None) => sh.drop_row(DropReason::UnparseableDate, file, s.row, || {
                why(DropReason::UnparseableDate)
            }),
        }
    }
    Ok(info)
}

/// Accepted order dates: 1970-01-01 (the Unix epoch, before any online shop) up to the end of
/// 2099. Outside: [`DropReason::DateOutOfRange`].
pub const MIN_TS: i64 = 0;
/// 2100-01-01 00:00:00 (seconds since 1970-01-01).
pub const MAX_TS: i64 = 4_102_444_800;

/// One dropped row explained: file, row, column, the value and what was expected.
fn drop_why(info: &FileInfo, rows: &FileRows, s: &Staged, reason: DropReason) -> Text {
    let file = info.file_name.as_str();
    let row = s.row;
    let at_row = || row_at(file, row);
    // "orders.csv, row 3, column 'Quantity'" (the field's name when no column holds it).
    let at = |f: Field| {
        let column = info
            .mapping
            .iter()
            .find(|m| m.field == Some(f))
            .map(|m| Text::new("data.at.header").str("header", m.header.trim()))
            .unwrap_or_else(|| Text::new("data.at.field").text("field", f.text()));
        Text::new("data.at.cell")
            .str("file", file)
            .index("row", row)
            .text("column", column)
    };
    let known = |v: &[(u32, Text)]| v.iter().find(|(r, _)| *r == row).map(|(_, m)| m.clone());
    match reason {
        DropReason::MalformedRow => Text::new("data.drop.malformed").text("at", at_row()),
        DropReason::Cancellation => Text::new("data.drop.cancellation").text("at", at_row()),
        DropReason::Unpaid => {
            Text::new("data.drop.unpaid").text("at", known(&rows.unpaid).unwrap_or_else(at_row))
        }
        DropReason::UnparseableDate => known(&rows.bad_dates).unwrap_or_else(|| match s.date {
            RawDate::Ambiguous { a, b, year, .. } => {
                let read = match info.date_order {
                    DateOrder::MonthFirst => Text::new("data.date.month_first"),
                    _ => Text::new("data.date.day_first"),
                };
                Text::new("data.drop.date_invalid_in_order")
                    .text("at", at(Field::OrderDate))
                    .str("value", format!("{a:02}/{b:02}/{year}"))
                    .text("read", read)
            }
            _ => Text::new("data.drop.date_unread").text("at", at(Field::OrderDate)),
        }),
        DropReason::UnparseableNumber => known(&rows.bad_numbers)
            .unwrap_or_else(|| Text::new("data.drop.number_unread").text("at", at_row())),
        DropReason::QuantityNotPositive => Text::new("data.drop.quantity")
            .text("at", at(Field::Quantity))
            .str("q", s.qty.to_string()),
        DropReason::PriceNotPositive => {
            let (f, v, what) = if s.has_price() {
                (Field::UnitPrice, s.price, Text::new("data.drop.unit_price"))
            } else {
                (
                    Field::LineTotal,
                    s.revenue,
                    Text::new("data.drop.line_total"),
                )
            };
            Text::new("data.drop.amount")
                .text("at", at(f))
                .text("what", what)
                .str("v", v.to_string())
        }
        DropReason::DateOutOfRange => Text::new("data.drop.date_range")
            .text("at", at(Field::OrderDate))
            .str(
                "value",
                resolve(&s.date, info.date_order)
                    .map(format_ts)
                    .unwrap_or_default(),
            ),
        DropReason::Duplicate => Text::new("data.drop.duplicate").text("at", at_row()),
    }
}

fn compact(ol: &mut OrderLines, c: &mut Compactor<'_>) {
    c.map_column(&mut ol.order_id);
    c.map_column(&mut ol.customer);
    c.map_column(&mut ol.sku);
    c.map_column(&mut ol.product);
    c.map_column(&mut ol.currency);
    c.map_column(&mut ol.country);
    c.map_column(&mut ol.category);
}

fn distinct(ids: impl Iterator<Item = u32>, n: usize) -> u64 {
    let mut seen = vec![false; n];
    let mut count = 0u64;
    for id in ids {
        if let Some(s) = seen.get_mut(id as usize) {
            if !*s {
                *s = true;
                count += 1;
            }
        }
    }
    count
}

/// Totals over the lines selected by `keep`.
pub fn level_totals(ol: &OrderLines, keep: impl Fn(usize) -> bool) -> LevelTotals {
    let n = ol.strings.len();
    let idx: Vec<usize> = (0..ol.len()).filter(|&i| keep(i)).collect();
    LevelTotals {
        lines: idx.len() as u64,
        orders: distinct(idx.iter().map(|&i| ol.order_id[i]), n),
        customers: distinct(
            idx.iter()
                .map(|&i| ol.customer[i])
                .filter(|&c| c != NONE_ID),
            n,
        ),
        revenue: neumaier_sum(idx.iter().map(|&i| ol.revenue[i])),
    }
}

/// Merge all files into the final dataset and report.
pub(crate) fn build_dataset(sh: Shared) -> Dataset {
    let Shared {
        strings,
        mut lines,
        mut returns,
        files,
        total_rows,
        drops,
        duplicates,
        duplicate_first_rows,
        opts,
        unpaid_value,
        ..
    } = sh;
    let priced = files.iter().all(|f| f.priced);
    let mut c = Compactor::new(&strings);
    compact(&mut lines, &mut c);
    lines.strings = c.finish();
    let mut c = Compactor::new(&strings);
    compact(&mut returns, &mut c);
    returns.strings = c.finish();

    let guest: Vec<usize> = (0..lines.len())
        .filter(|&i| lines.customer[i] == NONE_ID)
        .collect();
    let guest_first_rows = guest
        .iter()
        .take(10)
        .map(|&i| (lines.source_file[i], lines.source_row[i]))
        .collect();
    let order_level = level_totals(&lines, |_| true);
    let customer_level = level_totals(&lines, |i| lines.customer[i] != NONE_ID);
    let date_min = lines.timestamp.iter().min().map(|&t| format_ts(t));
    let date_max = lines.timestamp.iter().max().map(|&t| format_ts(t));
    let mut cur_counts = vec![0u64; lines.strings.len()];
    for &cid in &lines.currency {
        if let Some(n) = cur_counts.get_mut(cid as usize) {
            *n += 1;
        }
    }
    let mut currencies: Vec<(String, u64)> = cur_counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| (lines.strings.get(i as u32).to_owned(), n))
        .collect();
    currencies.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let report = CleaningReport {
        files,
        total_rows,
        kept_rows: lines.len() as u64,
        dropped: drops,
        duplicates,
        duplicate_first_rows,
        duplicates_removed: opts.remove_duplicates,
        guest_lines: guest.len() as u64,
        guest_first_rows,
        order_level,
        customer_level,
        date_min,
        date_max,
        currencies,
        return_lines: returns.len() as u64,
        return_value: neumaier_sum(returns.revenue.iter().copied()),
        unpaid_value,
        priced,
    };
    Dataset {
        lines,
        returns,
        report,
    }
}

/// The cleaning report as CSV rows `section,item,value,first_rows` (file index:row pairs),
/// every cell passed through [`crate::export::csv_cell`].
pub fn cleaning_report_csv(r: &CleaningReport) -> String {
    let rows_list = |v: &[(u16, u32)]| {
        v.iter()
            .map(|(f, r)| format!("{f}:{r}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut add = |a: &str, b: &str, c: String, d: String| {
        rows.push(vec![a.to_owned(), b.to_owned(), c, d]);
    };
    for (i, f) in r.files.iter().enumerate() {
        let sec = format!("file {i}");
        add(&sec, "name", f.file_name.clone(), String::new());
        add(&sec, "encoding", f.encoding.clone(), String::new());
        add(&sec, "delimiter", f.delimiter.to_string(), String::new());
        add(
            &sec,
            "decimal_comma",
            f.decimal_comma.to_string(),
            String::new(),
        );
        add(
            &sec,
            "date_order",
            format!("{:?}", f.date_order),
            f.date_order_reason.en(),
        );
        add(
            &sec,
            "preset",
            f.preset.clone().unwrap_or_default(),
            String::new(),
        );
        add(&sec, "rows", f.rows.to_string(), String::new());
    }
    add(
        "rows",
        "total_rows",
        r.total_rows.to_string(),
        String::new(),
    );
    add("rows", "kept_rows", r.kept_rows.to_string(), String::new());
    for d in &r.dropped {
        let key = serde_json::to_value(d.reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        add(
            "dropped",
            &key,
            d.count.to_string(),
            rows_list(&d.first_rows),
        );
    }
    add(
        "rows",
        "duplicates",
        r.duplicates.to_string(),
        rows_list(&r.duplicate_first_rows),
    );
    add(
        "rows",
        "duplicates_removed",
        r.duplicates_removed.to_string(),
        String::new(),
    );
    add(
        "rows",
        "guest_lines",
        r.guest_lines.to_string(),
        rows_list(&r.guest_first_rows),
    );
    for (name, l) in [
        ("order_level", &r.order_level),
        ("customer_level", &r.customer_level),
    ] {
        add(name, "lines", l.lines.to_string(), String::new());
        add(name, "orders", l.orders.to_string(), String::new());
        add(name, "customers", l.customers.to_string(), String::new());
        add(name, "revenue", format!("{:.3}", l.revenue), String::new());
    }
    add(
        "range",
        "date_min",
        r.date_min.clone().unwrap_or_default(),
        String::new(),
    );
    add(
        "range",
        "date_max",
        r.date_max.clone().unwrap_or_default(),
        String::new(),
    );
    for (c, n) in &r.currencies {
        add("currency", c, n.to_string(), String::new());
    }
    add(
        "returns",
        "lines",
        r.return_lines.to_string(),
        String::new(),
    );
    add(
        "returns",
        "value",
        format!("{:.3}", r.return_value),
        String::new(),
    );
    add(
        "unpaid",
        "value",
        format!("{:.3}", r.unpaid_value),
        String::new(),
    );
    crate::export::to_csv(
        &["section", "item", "value", "first_rows"],
        rows.into_iter(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compensated_sum() {
        let v = vec![1e16, 1.0, -1e16, 1.0];
        assert_eq!(neumaier_sum(v), 2.0);
        assert_eq!(neumaier_sum(vec![0.1; 10]), 1.0);
    }
}
