//! A small generic table reader for marketing inputs (spend files, experiment files), which do
//! not follow the order-line schema of [`crate::data::Importer`].
//!
//! It reuses the ingestion layer's sniffing: gzip detection ([`sniff::is_gzip`]), encoding
//! ([`sniff::detect_encoding`]), delimiter ([`sniff::sniff_delimiter`]), locale-tolerant numbers
//! ([`numbers::parse_number`] with the file-level [`numbers::DecimalEvidence`] decision) and
//! dates ([`dates::parse_date`] with the file-level [`dates::DateOrderVote`]).

use crate::data::{dates, numbers, sniff};
use crate::text::{CellError, Text};
use std::io::Read;

/// Errors of the table reader; every message names the file, and the row and column when known.
/// The message comes from the sentence catalogue ([`TableError::text`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum TableError {
    File {
        file: String,
        message: Text,
    },
    NoColumn {
        file: String,
        column: String,
        available: String,
    },
    Cell(CellError),
}

impl TableError {
    /// The message, in either language (a csv or gzip reader's own words stay English).
    pub fn text(&self) -> Text {
        match self {
            TableError::File { file, message } => Text::new("mkt.err.table_file")
                .str("file", file.clone())
                .text("message", message.clone()),
            TableError::NoColumn {
                file,
                column,
                available,
            } => Text::new("mkt.err.table_no_column")
                .str("file", file.clone())
                .str("column", column.clone())
                .str("available", available.clone()),
            TableError::Cell(c) => c.text(),
        }
    }

    /// "expected a number, found '…'", for a cell.
    pub fn not_a_number(found: &str) -> Text {
        Text::new("common.err.expected_number").str("found", found)
    }
}

/// A decoded CSV table, column-major, all cells kept as trimmed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub file: String,
    pub headers: Vec<String>,
    /// `columns[j][i]` = cell of data row `i` (0-based, header excluded) in column `j`.
    pub columns: Vec<Vec<String>>,
    /// Decimal comma decided for the file.
    pub decimal_comma: bool,
    /// What the reader left out and why (a report title above the header, total rows below
    /// the data), for the page and the CLI to say.
    pub notes: Vec<Text>,
}

/// Whether a cell names a total ("Total: Account", "Total", "合计", "总计").
fn is_total_word(c: &str) -> bool {
    let l = c.trim().to_lowercase();
    l == "total" || l.starts_with("total:") || l.starts_with("total ") || l == "合计" || l == "总计"
}

/// The column (among the first three) that makes data row `i` a total row under the data: it
/// names a total and the row above holds something else there (so a series or variant that is
/// itself called "total", on several rows, stays data).
fn total_cell(columns: &[Vec<String>], i: usize) -> Option<usize> {
    columns
        .iter()
        .take(3)
        .position(|c| is_total_word(&c[i]) && (i == 0 || c[i - 1].trim() != c[i].trim()))
}

impl Table {
    /// Read a file from disk (native callers).
    pub fn from_path(path: &std::path::Path) -> Result<Table, TableError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| TableError::File {
            file: name.clone(),
            message: Text::raw(e.to_string()),
        })?;
        Table::from_bytes(&name, &bytes)
    }

    /// Parse a whole file held in memory (gzip, any encoding the importer knows, `,` `;` tab `|`).
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Table, TableError> {
        let ferr = |message: Text| TableError::File {
            file: file.to_string(),
            message,
        };
        let raw: Vec<u8>;
        let bytes = if sniff::is_gzip(bytes) {
            let mut d = flate2::read::MultiGzDecoder::new(bytes);
            let mut out = Vec::new();
            d.read_to_end(&mut out)
                .map_err(|e| ferr(Text::new("mkt.err.table_gzip").str("error", e.to_string())))?;
            raw = out;
            &raw[..]
        } else {
            bytes
        };
        let sample = &bytes[..bytes.len().min(1 << 16)];
        let choice = sniff::detect_encoding(sample).map_err(|e| ferr(e.text()))?;
        let body = &bytes[choice.bom_len.min(bytes.len())..];
        let (text, _) = choice.encoding.decode_without_bom_handling(body);
        let mut notes = Vec::new();
        let preamble = sniff::preamble(text.as_bytes());
        if let Some(p) = preamble.as_ref().filter(|p| p.lines > 0) {
            notes.push(
                Text::new("mkt.table.preamble")
                    .str("file", file)
                    .int("n", p.lines)
                    .str("first", p.title.as_str()),
            );
        }
        let tb = &text.as_bytes()[preamble.as_ref().map_or(0, |p| p.offset)..];
        let delim = match &preamble {
            Some(p) => p.delimiter,
            None => sniff::sniff_delimiter(&tb[..tb.len().min(1 << 16)], tb.len() <= 1 << 16),
        };
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delim)
            .flexible(true)
            .has_headers(true)
            .from_reader(tb);
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| ferr(Text::new("mkt.err.table_header").str("error", e.to_string())))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        if headers.is_empty() || headers.iter().all(String::is_empty) {
            return Err(ferr(Text::new("mkt.err.table_no_header")));
        }
        let mut columns: Vec<Vec<String>> = vec![Vec::new(); headers.len()];
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| {
                ferr(
                    Text::new("mkt.err.table_row")
                        .index("row", i + 1)
                        .str("error", e.to_string()),
                )
            })?;
            if rec.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            for (j, col) in columns.iter_mut().enumerate() {
                col.push(
                    crate::data::cells::excel_text_str(rec.get(j).unwrap_or(""))
                        .trim()
                        .to_string(),
                );
            }
        }
        // Total rows at the end (Google Ads: "Total: Account", "Total: Campaigns") are not data.
        let mut totals = Vec::new();
        while columns.first().is_some_and(|c| !c.is_empty()) {
            let last = columns[0].len() - 1;
            let Some(j) = total_cell(&columns, last) else {
                break;
            };
            totals.push(columns[j][last].clone());
            for c in columns.iter_mut() {
                c.pop();
            }
        }
        if let Some(first) = totals.last() {
            notes.push(
                Text::new("mkt.table.totals")
                    .str("file", file)
                    .int("n", totals.len())
                    .str("first", first.clone()),
            );
        }
        let mut ev = numbers::DecimalEvidence::default();
        for col in &columns {
            for c in col.iter().take(2000) {
                ev.observe(c.as_bytes());
            }
        }
        Ok(Table {
            file: file.to_string(),
            headers,
            columns,
            decimal_comma: ev.decide(delim == b';'),
            notes,
        })
    }

    /// Number of data rows.
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, Vec::len)
    }

    /// Index of a column by name (exact first, then case-insensitive).
    pub fn column_index(&self, name: &str) -> Result<usize, TableError> {
        let n = name.trim();
        self.headers
            .iter()
            .position(|h| h == n)
            .or_else(|| self.headers.iter().position(|h| h.eq_ignore_ascii_case(n)))
            .ok_or_else(|| TableError::NoColumn {
                file: self.file.clone(),
                column: n.to_string(),
                available: self.headers.join(", "),
            })
    }

    /// Parse one cell as a number (`None` when empty or not a number).
    pub fn number(&self, col: usize, row: usize) -> Option<f64> {
        let c = self.columns.get(col)?.get(row)?;
        numbers::parse_number(c.as_bytes(), self.decimal_comma).map(|(v, _)| v)
    }

    /// A whole column as numbers; an empty, "na" or unparseable cell is an error naming it.
    pub fn numeric(&self, col: usize) -> Result<Vec<f64>, TableError> {
        let cells = self.columns.get(col).ok_or_else(|| TableError::File {
            file: self.file.clone(),
            message: Text::new("mkt.err.table_column_range").index("col", col),
        })?;
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                numbers::parse_number(c.as_bytes(), self.decimal_comma)
                    .map(|(v, _)| v)
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| {
                        TableError::Cell(CellError::new(
                            &self.file,
                            i as u64 + 1,
                            &self.headers[col],
                            TableError::not_a_number(c),
                        ))
                    })
            })
            .collect()
    }

    /// True when every non-empty cell of the column is a number and at least one is.
    pub fn is_numeric(&self, col: usize) -> bool {
        let Some(cells) = self.columns.get(col) else {
            return false;
        };
        let mut any = false;
        for c in cells {
            if c.is_empty() {
                continue;
            }
            if numbers::parse_number(c.as_bytes(), self.decimal_comma).is_none() {
                return false;
            }
            any = true;
        }
        any
    }

    /// A column of dates as days since 1970-01-01; the day/month order is decided over the
    /// whole column like the importer does (ISO and unambiguous values vote).
    pub fn dates(&self, col: usize) -> Result<Vec<i64>, TableError> {
        let cells = self.columns.get(col).ok_or_else(|| TableError::File {
            file: self.file.clone(),
            message: Text::new("mkt.err.table_column_range").index("col", col),
        })?;
        let raw: Vec<dates::RawDate> = cells
            .iter()
            .map(|c| dates::parse_date(c.as_bytes()))
            .collect();
        let mut vote = dates::DateOrderVote::default();
        raw.iter().for_each(|d| vote.add(d));
        let (order, _) = vote.decide(None, (self.decimal_comma, "the file uses a decimal comma"));
        raw.iter()
            .enumerate()
            .map(|(i, d)| {
                dates::resolve(d, order)
                    .map(|s| s.div_euclid(86_400))
                    .ok_or_else(|| {
                        TableError::Cell(CellError::new(
                            &self.file,
                            i as u64 + 1,
                            &self.headers[col],
                            Text::new("mkt.err.expected_date").str("found", cells[i].clone()),
                        ))
                    })
            })
            .collect()
    }

    /// The first column whose header looks like a date column ("date", "week", "day", "ds", ...)
    /// and whose cells parse as dates.
    pub fn find_date_column(&self) -> Option<usize> {
        let named = |h: &str| {
            let h = h.to_ascii_lowercase();
            h == "ds"
                || h.contains("date")
                || h.contains("week")
                || h.contains("day")
                || h.contains("period")
                || h.contains("wk_strt")
                || h == "time"
        };
        let parses = |j: usize| {
            self.columns[j]
                .iter()
                .take(20)
                .all(|c| !matches!(dates::parse_date(c.as_bytes()), dates::RawDate::Invalid))
                && self.rows() > 0
        };
        (0..self.headers.len())
            .find(|&j| named(&self.headers[j]) && parses(j) && !self.is_plain_small_int(j))
            .or_else(|| (0..self.headers.len()).find(|&j| parses(j) && !self.is_numeric(j)))
    }

    /// Integers below 10,000 (week numbers, day of year) also parse as dates (Excel serials); they
    /// are not taken as the date column.
    fn is_plain_small_int(&self, j: usize) -> bool {
        self.columns[j]
            .iter()
            .take(20)
            .all(|c| c.parse::<i64>().is_ok_and(|v| v.abs() < 10_000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_semicolon_decimal_comma() {
        let t = Table::from_bytes(
            "x.csv",
            b"date;tv_spend;flag\n2024-01-01;1.234,5;0\n2024-01-08;10,25;1\n",
        )
        .unwrap();
        assert_eq!(t.headers, vec!["date", "tv_spend", "flag"]);
        assert!(t.decimal_comma);
        assert_eq!(t.numeric(1).unwrap(), vec![1234.5, 10.25]);
        assert_eq!(t.find_date_column(), Some(0));
        let d = t.dates(0).unwrap();
        assert_eq!(d[1] - d[0], 7);
        assert_eq!(d[0], dates::days_from_civil(2024, 1, 1));
    }

    /// A Google Ads report: its name and date range above the header, totals below the data;
    /// the same as UTF-16 tab-separated (its "Excel CSV" download).
    #[test]
    fn report_title_and_total_rows_are_left_out() {
        let text = "Campaign report\n\"December 1, 2024 - December 3, 2024\"\n\
            Day,Campaign,Cost\n2024-12-01,Brand,\"1,200.50\"\n2024-12-01,Shopping,80.00\n\
            2024-12-02,Brand,95.00\n2024-12-03,Brand,90.00\n\
            Total: Account,,\"1,465.50\"\nTotal: Search,,\"1,385.50\"\n";
        let t = Table::from_bytes("Campaign report.csv", text.as_bytes()).unwrap();
        assert_eq!(t.headers, vec!["Day", "Campaign", "Cost"]);
        assert_eq!(t.rows(), 4);
        assert_eq!(t.numeric(2).unwrap(), vec![1200.5, 80.0, 95.0, 90.0]);
        let notes: Vec<String> = t.notes.iter().map(Text::en).collect();
        assert_eq!(
            notes,
            vec![
                "Campaign report.csv: 2 line(s) above the header were left out (a report title: 'Campaign report')",
                "Campaign report.csv: 2 total row(s) under the data were left out ('Total: Account')",
            ]
        );
        let tab = text.replace(',', "\t").replace("\"1\t200.50\"", "1200.50");
        let mut utf16 = vec![0xFF, 0xFE];
        for u in tab.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let t = Table::from_bytes("report.csv", &utf16).unwrap();
        assert_eq!(t.headers, vec!["Day", "Campaign", "Cost"]);
        assert_eq!(t.rows(), 4);
        // A series or variant named "total" on several rows is data.
        let t = Table::from_bytes(
            "s.csv",
            b"date,series,units\n2024-01-01,A,3\n2024-01-01,total,3\n2024-01-02,total,4\n",
        )
        .unwrap();
        assert_eq!(t.rows(), 3);
        assert!(t.notes.is_empty());
        // A ragged file keeps its header.
        let t = Table::from_bytes("r.csv", b"a,b,c\n1,2\n3,4\n5,6\n").unwrap();
        assert_eq!(t.headers, vec!["a", "b", "c"]);
        assert!(t.notes.is_empty());
    }

    #[test]
    fn bad_cell_names_row_and_column() {
        let t = Table::from_bytes("x.csv", b"a,b\n1,2\n3,oops\n").unwrap();
        let e = t.numeric(1).unwrap_err().to_string();
        assert!(
            e.contains("row 2") && e.contains("'b'") && e.contains("oops"),
            "{e}"
        );
    }
}
