//! Wide series files, as spreadsheets and pivot tables export them: one row per period and one
//! column per series (the header is the series id), or one row per series and one column per
//! period (the header is the period: `2024-01`, `Jan 2024`, `2024-W05`, a date).
//!
//! Blank cells: before a series' first value the series has not started yet (those periods are
//! left out). After it, what a blank means depends on the file. A file that writes zero sales
//! as `0` anywhere uses blanks for periods not recorded (pandas' and statsforecast's reading
//! of a wide table): a series ends at its last value, and a blank between two values is an
//! error naming the cell. A file without a single `0` is a pivot table, whose empty cells are
//! periods without sales: they read as 0, up to the last period that has a value in any series
//! (later periods are not read). Either way a note says what was done.
//! A long file ([`super::series::LongColumns`]) is recognised by its series id or value column;
//! a wide file has neither.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::records::Records;
use super::series::{
    cell_value, is_date_label, normalised_headers, period_key, LongSeries, ID_NAMES, TIME_NAMES,
    VALUE_NAMES,
};
use super::ForecastError;
use crate::text::{CellError, Text};

/// How a series file lays out its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesLayout {
    /// One row per series and period: series id, period and value columns.
    #[default]
    Long,
    /// One row per period, one column per series.
    SeriesInColumns,
    /// One row per series, one column per period.
    SeriesInRows,
}

/// The columns of a wide file.
#[derive(Debug, Clone, PartialEq)]
pub enum WideColumns {
    /// A period column, and one column per series.
    SeriesInColumns {
        period: usize,
        series: Vec<usize>,
        /// A `split` column (`train` / `test` rows), as in a long file.
        split: Option<usize>,
    },
    /// An id column, and one column per period (other columns, e.g. a description or a
    /// total, are not read).
    SeriesInRows { id: usize, periods: Vec<usize> },
}

/// The series of a wide file and what the reading had to decide.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WideRead {
    pub series: Vec<LongSeries>,
    /// Whether blanks after a series' first value are zero sales (a file without any `0`).
    pub blanks_are_zero: bool,
    /// Blank cells read as 0.
    pub blanks_as_zero: usize,
    /// Series that end before the file's last period (blanks are periods not recorded).
    pub ended_early: usize,
    /// Series (columns or rows) without any value, left out.
    pub empty_series: usize,
}

impl WideRead {
    /// What the reading decided, in plain words (`layout`: how the series were laid out).
    pub fn notes(&self, layout: SeriesLayout) -> Vec<Text> {
        let n = self.series.len();
        let mut notes = match layout {
            SeriesLayout::Long => Vec::new(),
            SeriesLayout::SeriesInColumns => {
                vec![Text::new("forecast.file.note.in_columns").int("n", n)]
            }
            SeriesLayout::SeriesInRows => vec![Text::new("forecast.file.note.in_rows").int("n", n)],
        };
        if self.blanks_as_zero > 0 {
            notes.push(Text::new("forecast.file.note.blanks").int("n", self.blanks_as_zero));
        }
        if self.ended_early > 0 {
            notes.push(Text::new("forecast.file.note.ended").int("n", self.ended_early));
        }
        if self.empty_series > 0 {
            notes.push(Text::new("forecast.file.note.empty").int("n", self.empty_series));
        }
        notes
    }
}

fn blank(v: &str) -> bool {
    v.trim().is_empty()
}

fn number(v: &str) -> Option<f64> {
    v.trim().parse::<f64>().ok()
}

impl WideColumns {
    /// Detect a wide layout from the header and a few data rows (`None`: not a wide file).
    ///
    /// Series in columns: no series id and no value column by name (those make a long file),
    /// a period column (by name, or a first column of dates), every other column numeric or
    /// blank, and at least two of them with a number other than 0 and 1 (a single series with
    /// 0/1 columns is a long file with flags). Series in rows: at least three headers are
    /// dates, and their cells are numeric or blank.
    pub fn detect(headers: &[String], sample: &[Vec<String>]) -> Option<WideColumns> {
        let norm = normalised_headers(headers);
        Self::in_columns(&norm, sample).or_else(|| Self::in_rows(&norm, sample))
    }

    fn in_columns(norm: &[String], sample: &[Vec<String>]) -> Option<WideColumns> {
        let named = |names: &[&str]| norm.iter().any(|h| names.contains(&h.as_str()));
        if sample.is_empty() || named(&ID_NAMES) || named(&VALUE_NAMES) {
            return None;
        }
        let all = |c: usize, f: &dyn Fn(&str) -> bool| {
            sample.iter().all(|r| r.get(c).is_some_and(|v| f(v)))
        };
        let period = TIME_NAMES
            .iter()
            .find_map(|n| {
                norm.iter()
                    .position(|h| h == n)
                    .filter(|&c| all(c, &|v| period_key(v).is_some()))
            })
            .or_else(|| all(0, &is_date_label).then_some(0))?;
        let split = norm.iter().position(|h| h == "split");
        let series: Vec<usize> = (0..norm.len())
            .filter(|&c| {
                c != period
                    && Some(c) != split
                    && norm[c] != "rownames"
                    && !crate::data::mapping::is_date_part(&norm[c])
                    // a trailing empty column (a spreadsheet's last comma)
                    && !(norm[c].is_empty() && all(c, &blank))
            })
            .collect();
        let numeric = |v: &str| blank(v) || number(v).is_some();
        if series.len() < 2 || !series.iter().all(|&c| all(c, &numeric)) {
            return None;
        }
        let non_binary = series
            .iter()
            .filter(|&&c| {
                sample.iter().any(|r| {
                    r.get(c)
                        .and_then(|v| number(v))
                        .is_some_and(|x| x != 0.0 && x != 1.0)
                })
            })
            .count();
        (non_binary >= 2).then_some(WideColumns::SeriesInColumns {
            period,
            series,
            split,
        })
    }

    fn in_rows(norm: &[String], sample: &[Vec<String>]) -> Option<WideColumns> {
        let periods: Vec<usize> = (0..norm.len())
            .filter(|&c| is_date_label(&norm[c]))
            .collect();
        if periods.len() < 3 || sample.is_empty() {
            return None;
        }
        let id = ID_NAMES
            .iter()
            .find_map(|n| norm.iter().position(|h| h == n))
            .filter(|c| !periods.contains(c))
            .or_else(|| (0..norm.len()).find(|c| !periods.contains(c)))?;
        let cells = || {
            sample
                .iter()
                .flat_map(|r| periods.iter().map(|&c| r.get(c).map_or("", String::as_str)))
        };
        let numeric = cells().all(|v| blank(v) || number(v).is_some());
        (numeric && cells().any(|v| number(v).is_some()))
            .then_some(WideColumns::SeriesInRows { id, periods })
    }

    /// The layout these columns describe.
    pub fn layout(&self) -> SeriesLayout {
        match self {
            WideColumns::SeriesInColumns { .. } => SeriesLayout::SeriesInColumns,
            WideColumns::SeriesInRows { .. } => SeriesLayout::SeriesInRows,
        }
    }

    /// Read every series (`file` names it in errors; row 1 is the first row after the header).
    pub(super) fn read(
        &self,
        headers: &[String],
        rows: &Records,
        file: &str,
    ) -> Result<WideRead, ForecastError> {
        match self {
            WideColumns::SeriesInColumns {
                period,
                series,
                split,
            } => read_columns(headers, rows, *period, series, *split, file),
            WideColumns::SeriesInRows { id, periods } => {
                read_rows(headers, rows, *id, periods, file)
            }
        }
    }
}

fn cell(rows: &Records, r: usize, c: usize) -> &str {
    rows.get(r, c).map_or("", str::trim)
}

/// Sort positions `0..n` by their period label (file order when a label does not parse).
fn by_period(labels: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    let keys: Vec<Option<f64>> = labels.iter().map(|l| period_key(l)).collect();
    if keys.iter().all(Option::is_some) {
        order.sort_by(|&a, &b| {
            keys[a]
                .unwrap_or(0.0)
                .total_cmp(&keys[b].unwrap_or(0.0))
                .then(a.cmp(&b))
        });
    }
    order
}

/// The first period label that repeats an earlier one, as (earlier position, later
/// position): the same [`period_key`] (`2024-01` and `2024-01-01` are one month start), or the
/// same text when a label has no key. A table with one row (or column) per period holds each
/// once.
fn repeated(labels: &[&str]) -> Option<(usize, usize)> {
    let mut seen: HashMap<Result<u64, &str>, usize> = HashMap::with_capacity(labels.len());
    for (k, l) in labels.iter().enumerate() {
        let key = period_key(l).map_or(Err(*l), |v| Ok((v + 0.0).to_bits()));
        if let Some(&a) = seen.get(&key) {
            return Some((a, k));
        }
        seen.insert(key, k);
    }
    None
}

/// One series' cells, in period order: `(row, column, text)` of each period.
struct Cells<'a> {
    id: String,
    cells: Vec<(usize, usize, &'a str)>,
}

/// Turn each series' cells into a [`LongSeries`]: leading blanks dropped; later blanks 0 up to
/// position `last` (the last period with a value anywhere) when the file writes no zeros,
/// else the series ends at its own last value and a blank between values is an error.
/// `labels[k]`: period label of position `k`; `train[k]`: whether it is a `train` row.
fn assemble(
    all: Vec<Cells<'_>>,
    labels: &[&str],
    train: &[bool],
    last: usize,
    headers: &[String],
    file: &str,
) -> Result<WideRead, ForecastError> {
    let zero_written = all
        .iter()
        .any(|s| s.cells.iter().any(|c| number(c.2) == Some(0.0)));
    let mut out = WideRead {
        blanks_are_zero: !zero_written,
        ..WideRead::default()
    };
    let mut seen = HashSet::new();
    for s in all {
        let Some(first) = s.cells.iter().position(|c| !blank(c.2)) else {
            out.empty_series += 1;
            continue;
        };
        let last = if out.blanks_are_zero {
            last
        } else {
            let own = s.cells.iter().rposition(|c| !blank(c.2)).unwrap_or(first);
            if own < last {
                out.ended_early += 1;
            }
            own
        };
        if !seen.insert(s.id.clone()) {
            return Err(ForecastError::Data(
                Text::new("forecast.err.duplicate_series")
                    .str("file", file)
                    .str("id", s.id),
            ));
        }
        let mut values = Vec::with_capacity(last + 1 - first);
        for &(r, c, v) in &s.cells[first..=last] {
            let column = || {
                headers
                    .get(c)
                    .map_or(String::new(), |h| h.trim().to_string())
            };
            if blank(v) && out.blanks_are_zero {
                out.blanks_as_zero += 1;
                values.push(0.0);
                continue;
            }
            if blank(v) {
                return Err(ForecastError::Cell(CellError::new(
                    file,
                    r as u64 + 1,
                    column(),
                    Text::new("forecast.err.gap"),
                )));
            }
            values.push(cell_value(v, file, r as u64 + 1, &column())?);
        }
        out.series.push(LongSeries {
            id: s.id,
            periods: labels[first..=last].iter().map(|l| l.to_string()).collect(),
            train_len: train[first..=last].iter().filter(|t| **t).count(),
            values,
            ..LongSeries::default()
        });
    }
    Ok(out)
}

fn read_columns(
    headers: &[String],
    rows: &Records,
    period: usize,
    series: &[usize],
    split: Option<usize>,
    file: &str,
) -> Result<WideRead, ForecastError> {
    let has_value = |r: usize| series.iter().any(|&c| !blank(cell(rows, r, c)));
    // Rows with a period; a row with values but no period is an error.
    let mut kept: Vec<usize> = Vec::with_capacity(rows.len());
    for r in 0..rows.len() {
        let p = cell(rows, r, period);
        if !blank(p) {
            kept.push(r);
        } else if has_value(r) {
            return Err(ForecastError::Cell(CellError::new(
                file,
                r as u64 + 1,
                headers.get(period).map_or("", |h| h.trim()),
                Text::new("forecast.err.no_period"),
            )));
        }
    }
    let labels: Vec<&str> = kept.iter().map(|&r| cell(rows, r, period)).collect();
    if let Some((a, b)) = repeated(&labels) {
        return Err(ForecastError::Cell(CellError::new(
            file,
            kept[b] as u64 + 1,
            headers.get(period).map_or("", |h| h.trim()),
            Text::new("forecast.err.period_row_twice").index("row", kept[a] + 1),
        )));
    }
    let is_train = |r: usize| split.is_none_or(|c| !cell(rows, r, c).eq_ignore_ascii_case("test"));
    // Period order, train rows before test rows (a split file lists train then test).
    let (train_pos, test_pos): (Vec<usize>, Vec<usize>) = by_period(&labels)
        .into_iter()
        .partition(|&k| is_train(kept[k]));
    let order: Vec<usize> = train_pos.into_iter().chain(test_pos).collect();
    let rows_in_order: Vec<usize> = order.iter().map(|&k| kept[k]).collect();
    let Some(last) = rows_in_order.iter().rposition(|&r| has_value(r)) else {
        return Ok(WideRead {
            empty_series: series.len(),
            ..WideRead::default()
        });
    };
    let labels: Vec<&str> = order.iter().map(|&k| labels[k]).collect();
    let train: Vec<bool> = rows_in_order.iter().map(|&r| is_train(r)).collect();
    let all = series
        .iter()
        .map(|&c| {
            let header = headers.get(c).map_or("", |h| h.trim());
            Cells {
                id: if header.is_empty() {
                    format!("column {}", c + 1)
                } else {
                    header.to_string()
                },
                cells: rows_in_order
                    .iter()
                    .map(|&r| (r, c, cell(rows, r, c)))
                    .collect(),
            }
        })
        .collect();
    assemble(all, &labels, &train, last, headers, file)
}

fn read_rows(
    headers: &[String],
    rows: &Records,
    id: usize,
    periods: &[usize],
    file: &str,
) -> Result<WideRead, ForecastError> {
    let labels: Vec<&str> = periods
        .iter()
        .map(|&c| headers.get(c).map_or("", |h| h.trim()))
        .collect();
    if let Some((a, b)) = repeated(&labels) {
        return Err(ForecastError::Data(
            Text::new("forecast.err.period_column_twice")
                .str("file", file)
                .str("period", labels[b])
                .index("a", periods[a] + 1)
                .index("b", periods[b] + 1),
        ));
    }
    let cols: Vec<usize> = by_period(&labels).into_iter().map(|k| periods[k]).collect();
    let labels: Vec<&str> = cols
        .iter()
        .map(|&c| headers.get(c).map_or("", |h| h.trim()))
        .collect();
    let Some(last) = cols
        .iter()
        .rposition(|&c| (0..rows.len()).any(|r| !blank(cell(rows, r, c))))
    else {
        return Ok(WideRead {
            empty_series: rows.len(),
            ..WideRead::default()
        });
    };
    let all = (0..rows.len())
        // blank lines
        .filter(|&r| rows.row(r).any(|v| !blank(v)))
        .map(|r| {
            let name = cell(rows, r, id);
            Cells {
                id: if name.is_empty() {
                    format!("row {}", r + 1)
                } else {
                    name.to_string()
                },
                cells: cols.iter().map(|&c| (r, c, cell(rows, r, c))).collect(),
            }
        })
        .collect();
    let train = vec![true; cols.len()];
    assemble(all, &labels, &train, last, headers, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(csv: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(csv.as_bytes());
        let h = rdr
            .headers()
            .expect("header")
            .iter()
            .map(str::to_string)
            .collect();
        let rows = rdr
            .records()
            .map(|r| r.expect("row").iter().map(str::to_string).collect())
            .collect();
        (h, rows)
    }

    fn read(csv: &str) -> Result<(SeriesLayout, WideRead), ForecastError> {
        let (h, rows) = parse(csv);
        let w = WideColumns::detect(&h, &rows).expect("a wide file");
        Ok((
            w.layout(),
            w.read(&h, &rows.iter().cloned().collect(), "w.csv")?,
        ))
    }

    #[test]
    fn series_in_columns_with_blanks() {
        let (layout, w) = read(
            "week,item_a,item_b,item_c\n\
             1998-W06,5,,\n\
             1998-W05,3,7,\n\
             1998-W07,,2,\n\
             1998-W08,4,9,\n\
             1998-W09,,,\n",
        )
        .expect("reads");
        assert_eq!(layout, SeriesLayout::SeriesInColumns);
        // item_c is empty; 1998-W09 has no value anywhere and is not read
        assert_eq!(w.empty_series, 1);
        assert_eq!(w.series.len(), 2);
        let a = &w.series[0];
        assert_eq!(a.id, "item_a");
        assert_eq!(a.periods, ["1998-W05", "1998-W06", "1998-W07", "1998-W08"]);
        assert_eq!(a.values, [3.0, 5.0, 0.0, 4.0]);
        // item_b starts in week 5 too (sorted); its week-6 blank is a zero
        assert_eq!(w.series[1].values, [7.0, 0.0, 2.0, 9.0]);
        assert_eq!(w.blanks_as_zero, 2);
        assert_eq!(a.train_len, 4);
    }

    #[test]
    fn leading_blanks_start_the_series_later_and_split_is_kept() {
        let (_, w) = read(
            "month,a,b,split\n\
             2024-01,10,,train\n\
             2024-02,12,20,train\n\
             2024-03,11,22,train\n\
             2024-04,13,21,test\n",
        )
        .expect("reads");
        assert_eq!(w.series[1].periods, ["2024-02", "2024-03", "2024-04"]);
        assert_eq!(w.series[1].train_len, 2);
        assert_eq!(w.series[0].train_len, 3);
        assert_eq!(w.blanks_as_zero, 0);
    }

    #[test]
    fn a_file_that_writes_zeros_ends_series_at_their_last_value() {
        let (_, w) = read(
            "month,a,b\n\
             2024-01,0,4\n\
             2024-02,3,5\n\
             2024-03,,6\n",
        )
        .expect("reads");
        assert!(!w.blanks_are_zero);
        assert_eq!(w.series[0].values, [0.0, 3.0]);
        assert_eq!(w.series[1].values, [4.0, 5.0, 6.0]);
        assert_eq!((w.ended_early, w.blanks_as_zero), (1, 0));
        // a blank between two values is a missing period, not a zero
        let e = read("month,a,b\n2024-01,0,4\n2024-02,,5\n2024-03,2,6\n").expect_err("gap");
        let ForecastError::Cell(c) = e else {
            panic!("a cell error, got {e:?}");
        };
        assert_eq!((c.row, c.column.as_str()), (2, "a"));
    }

    #[test]
    fn series_in_rows_from_a_pivot_table() {
        let (layout, w) = read(
            "SKU,Description,Mar 2024,Jan 2024,Feb 2024,Total\n\
             A1,Mug,3,1,,4\n\
             B2,Tea,,5,6,11\n",
        )
        .expect("reads");
        assert_eq!(layout, SeriesLayout::SeriesInRows);
        assert_eq!(w.series[0].id, "A1");
        assert_eq!(w.series[0].periods, ["Jan 2024", "Feb 2024", "Mar 2024"]);
        assert_eq!(w.series[0].values, [1.0, 0.0, 3.0]);
        assert_eq!(w.series[1].values, [5.0, 6.0, 0.0]);
        assert_eq!(w.blanks_as_zero, 2);
    }

    #[test]
    fn long_files_are_not_wide() {
        for csv in [
            "series_id,month,value\nA,2024-01,3\nA,2024-02,4\n",
            "date,units_sold,promo\n2024-01-01,5,0\n2024-01-02,7,1\n",
            "week,sales,tv,radio\n2024-W01,5,3,4\n",
        ] {
            let (h, rows) = parse(csv);
            assert_eq!(WideColumns::detect(&h, &rows), None, "{csv}");
        }
    }

    #[test]
    fn bad_cells_are_named() {
        // detected on the first rows (as the reader samples them), a bad cell further down
        let (h, rows) = parse("month,a,b\n2024-01,1,2\n2024-02,3,4\n2024-03,x,5\n");
        let w = WideColumns::detect(&h, &rows[..2]).expect("wide");
        let ForecastError::Cell(c) = w
            .read(&h, &rows.iter().cloned().collect(), "w.csv")
            .expect_err("x")
        else {
            panic!("a cell error");
        };
        assert_eq!((c.row, c.column.as_str()), (3, "a"));
        let (h, rows) = parse("month,a,b\n2024-01,5,6\n,3,4\n");
        let w = WideColumns::detect(&h, &rows[..1]).expect("wide");
        let ForecastError::Cell(c) = w
            .read(&h, &rows.iter().cloned().collect(), "w.csv")
            .expect_err("no period")
        else {
            panic!("a cell error");
        };
        assert_eq!((c.row, c.column.as_str()), (2, "month"));
        let (h, rows) = parse("SKU,2024-01,2024-02,2024-03\nA,1,2,3\nA,4,5,6\n");
        let w = WideColumns::detect(&h, &rows).expect("wide");
        assert!(matches!(
            w.read(&h, &rows.iter().cloned().collect(), "w.csv"),
            Err(ForecastError::Data(_))
        ));
    }
}
