//! A file's records held compactly: the text of every cell in one buffer, with where each cell
//! and each row ends.
//!
//! A series file is read whole before its series are known (a wide file's columns, a long
//! file's rows in any order). Held as a `Vec<String>` per row, M3's 19 MB of CSV (236,000 rows
//! of 8 cells) took about 150 MB: a heap allocation per cell and per row. Held here, it takes
//! the text and one offset per cell (about 34 MB), in the browser as natively. The layout is
//! the one of `csv::ByteRecord`, kept for a whole file instead of one record.

/// Rows of text cells (rows may have different numbers of cells).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Records {
    text: String,
    /// End (in `text`) of every cell, row after row.
    ends: Vec<usize>,
    /// End (in `ends`) of every row.
    rows: Vec<usize>,
}

impl Records {
    /// Add a row.
    pub(super) fn push<'a>(&mut self, row: impl IntoIterator<Item = &'a str>) {
        for cell in row {
            self.text.push_str(cell);
            self.ends.push(self.text.len());
        }
        self.rows.push(self.ends.len());
    }

    /// Number of rows.
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The cells of row `r` (none when there is no such row).
    fn span(&self, r: usize) -> std::ops::Range<usize> {
        match self.rows.get(r) {
            Some(&end) => r.checked_sub(1).map_or(0, |p| self.rows[p])..end,
            None => 0..0,
        }
    }

    /// The text of cell `i` (an index into `ends`).
    fn cell(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        self.text.get(start..self.ends[i]).unwrap_or_default()
    }

    /// Cell `c` of row `r`, as written.
    pub(super) fn get(&self, r: usize, c: usize) -> Option<&str> {
        let span = self.span(r);
        let i = span.start + c;
        (i < span.end).then(|| self.cell(i))
    }

    /// The cells of row `r`, as written.
    pub(super) fn row(&self, r: usize) -> impl Iterator<Item = &str> + '_ {
        self.span(r).map(|i| self.cell(i))
    }

    /// The most cells in a row.
    pub(super) fn width(&self) -> usize {
        (0..self.len())
            .map(|r| self.span(r).len())
            .max()
            .unwrap_or(0)
    }

    /// The first `n` rows, as owned text (what the layout detection samples).
    pub(super) fn head(&self, n: usize) -> Vec<Vec<String>> {
        (0..self.len().min(n))
            .map(|r| self.row(r).map(str::to_string).collect())
            .collect()
    }

    /// Every row with the cells of column `c` passed through `f` when `rewrite[c]`.
    pub(super) fn rewritten(&self, rewrite: &[bool], f: impl Fn(&str) -> String) -> Records {
        let mut out = Records {
            text: String::with_capacity(self.text.len()),
            ends: Vec::with_capacity(self.ends.len()),
            rows: Vec::with_capacity(self.rows.len()),
        };
        for r in 0..self.len() {
            let mut owned: Vec<std::borrow::Cow<'_, str>> = Vec::new();
            for (c, v) in self.row(r).enumerate() {
                owned.push(if rewrite.get(c).copied().unwrap_or(false) {
                    f(v).into()
                } else {
                    v.into()
                });
            }
            out.push(owned.iter().map(|v| v.as_ref()));
        }
        out
    }
}

impl<S: AsRef<str>> FromIterator<Vec<S>> for Records {
    fn from_iter<I: IntoIterator<Item = Vec<S>>>(rows: I) -> Self {
        let mut cells = Records::default();
        for r in rows {
            cells.push(r.iter().map(AsRef::as_ref));
        }
        cells
    }
}

#[cfg(test)]
mod tests {
    use super::Records;

    #[test]
    fn rows_of_any_length_read_back_as_written() {
        let rows: [Vec<&str>; 4] = [
            vec!["a", "1", ""],
            vec![],
            vec!["b"],
            vec!["", "x", "yz", "é"],
        ];
        let cells: Records = rows.iter().cloned().collect();
        assert_eq!(cells.len(), 4);
        assert_eq!(cells.width(), 4);
        for (r, row) in rows.iter().enumerate() {
            assert_eq!(cells.row(r).collect::<Vec<_>>(), *row);
            for (c, v) in row.iter().enumerate() {
                assert_eq!(cells.get(r, c), Some(*v));
            }
            assert_eq!(cells.get(r, row.len()), None);
        }
        assert_eq!(cells.get(4, 0), None);
        assert_eq!(cells.row(9).count(), 0);
        assert_eq!(cells.head(2), [vec!["a", "1", ""], vec![]]);
        let upper = cells.rewritten(&[false, true], |v| v.to_uppercase());
        assert_eq!(upper.row(3).collect::<Vec<_>>(), ["", "X", "yz", "é"]);
        assert_eq!(upper.row(0).collect::<Vec<_>>(), ["a", "1", ""]);
    }
}
