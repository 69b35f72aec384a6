//! An experiment file as a merchant exports it (one row per user: an id, the variant, one or
//! more outcome columns): find the variant column and the outcome columns, then run the A/B
//! analysis ([`super::abtest::run`]) once per outcome.
//!
//! Detection (each decision is reported in `notes`):
//! - variant column: the one named (`spec.variant_column`), else a column whose header
//!   contains `variant`, `group`, `arm`, `version`, `bucket` or `treatment` and that has 2–20
//!   distinct values, else the first text column with 2–20 distinct values;
//! - outcomes: the ones named, else every other column that is not an identifier (header
//!   `id`, `*_id`, `*id`, `user*`) nor a date, and whose non-empty cells are all 0/1/true/false
//!   (a conversion) or all numbers (a continuous metric such as revenue per user).

use super::abtest::{self, AbError, AbInput, AbParams, AbReport};
use super::table::Table;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Errors of the experiment reader.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExperimentError {
    #[error(transparent)]
    Ab(#[from] AbError),
    #[error("{}", self.text())]
    Input(Text),
}

impl ExperimentError {
    /// The message in both languages.
    pub fn text(&self) -> Text {
        match self {
            ExperimentError::Ab(e) => e.text(),
            ExperimentError::Input(t) => t.clone(),
        }
    }
}

/// Which columns to analyse (`None` = detect) and the test parameters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExperimentSpec {
    pub variant_column: Option<String>,
    pub metrics: Option<Vec<String>>,
    pub params: AbParams,
}

/// One A/B report per outcome column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExperimentReport {
    pub file: String,
    pub rows: usize,
    pub variant_column: String,
    pub metrics: Vec<AbReport>,
    /// Every column of the file (for the page's pickers).
    pub columns: Vec<String>,
    pub notes: Vec<Text>,
}

const VARIANT_WORDS: [&str; 6] = ["variant", "group", "arm", "version", "bucket", "treatment"];
const MAX_VARIANTS: usize = 20;

fn distinct(cells: &[String]) -> usize {
    cells
        .iter()
        .filter(|c| !c.is_empty())
        .collect::<HashSet<_>>()
        .len()
}

fn is_id_like(h: &str) -> bool {
    let l = h.trim().to_ascii_lowercase();
    l == "id" || l.ends_with("_id") || l.ends_with("id") || l.starts_with("user")
}

fn is_bool_word(c: &str) -> bool {
    matches!(
        c.trim().to_ascii_lowercase().trim_end_matches(".0"),
        "true" | "false" | "0" | "1" | "yes" | "no" | "y" | "n" | "t" | "f"
    )
}

/// Headers (lower case, trimmed) of the units column of a summary table (one row per variant,
/// as a testing tool's dashboard exports it: `variant, visitors, conversions`).
const UNITS_WORDS: &[&str] = &[
    "visitors",
    "visits",
    "users",
    "sessions",
    "units",
    "participants",
    "n",
    "samples",
    "sample size",
    "exposures",
    "访客",
    "访客数",
    "用户数",
    "样本量",
    "人数",
];

/// Whether every non-empty cell of a column is a whole number ≥ 0, and one is.
fn whole_counts(table: &Table, j: usize) -> bool {
    let mut any = false;
    for (i, c) in table.columns[j].iter().enumerate() {
        if c.is_empty() {
            continue;
        }
        match table.number(j, i) {
            Some(v) if v >= 0.0 && v.fract() == 0.0 && v.is_finite() => any = true,
            _ => return false,
        }
    }
    any
}

/// A summary table: every variant on one row (at least two) and a units column named like
/// [`UNITS_WORDS`] holding whole numbers. Returns that column.
pub fn summary_units_column(table: &Table, vj: usize) -> Option<usize> {
    let vals = table.columns.get(vj)?;
    let filled = vals.iter().filter(|v| !v.is_empty()).count();
    if filled < 2 || distinct(vals) != filled {
        return None;
    }
    (0..table.headers.len()).filter(|&j| j != vj).find(|&j| {
        UNITS_WORDS.contains(&table.headers[j].trim().to_lowercase().as_str())
            && whole_counts(table, j)
    })
}

/// Counts per variant from a summary table: units from column `uj`, conversions from `mj`
/// (whole numbers, at most the units); a cell that is not names its row and column.
pub fn counts_input(table: &Table, vj: usize, uj: usize, mj: usize) -> Result<AbInput, AbError> {
    let mut rows: Vec<(&str, u64, u64)> = Vec::new();
    for (i, v) in table.columns[vj].iter().enumerate() {
        if v.is_empty() {
            continue;
        }
        let units = table.number(uj, i).unwrap_or(-1.0);
        let conv = table.number(mj, i).unwrap_or(-1.0);
        if !(conv >= 0.0 && conv.fract() == 0.0 && conv <= units) {
            return Err(AbError::from(super::table::TableError::Cell(
                crate::text::CellError::new(
                    &table.file,
                    i as u64 + 1,
                    &table.headers[mj],
                    Text::new("mkt.err.conversions_count")
                        .str("found", table.columns[mj][i].clone())
                        .str("units", table.headers[uj].clone()),
                ),
            )));
        }
        rows.push((v.as_str(), units as u64, conv as u64));
    }
    Ok(AbInput::from_counts(&table.headers[mj], &rows))
}

/// The column of the variants.
fn find_variant(table: &Table, spec: &ExperimentSpec) -> Result<usize, ExperimentError> {
    if let Some(name) = &spec.variant_column {
        return Ok(table.column_index(name).map_err(AbError::from)?);
    }
    let ok = |j: usize| (2..=MAX_VARIANTS).contains(&distinct(&table.columns[j]));
    let named = (0..table.headers.len()).find(|&j| {
        let h = table.headers[j].to_ascii_lowercase();
        VARIANT_WORDS.iter().any(|w| h.contains(w)) && ok(j)
    });
    let text = || (0..table.headers.len()).find(|&j| !table.is_numeric(j) && ok(j));
    named.or_else(text).ok_or_else(|| {
        ExperimentError::Input(
            Text::new("mkt.err.no_variant_column")
                .str("file", table.file.clone())
                .int("max", MAX_VARIANTS)
                .str("columns", table.headers.join(", ")),
        )
    })
}

/// Read the experiment and analyse every outcome.
pub fn run(table: &Table, spec: &ExperimentSpec) -> Result<ExperimentReport, ExperimentError> {
    spec.params.validate()?;
    if table.rows() == 0 {
        return Err(ExperimentError::Input(
            Text::new("mkt.err.no_rows").str("file", table.file.clone()),
        ));
    }
    let vj = find_variant(table, spec)?;
    let mut notes = Vec::new();
    if spec.variant_column.is_none() {
        notes.push(
            Text::new("mkt.exp.variant_column")
                .str("col", table.headers[vj].clone())
                .int("k", distinct(&table.columns[vj])),
        );
    }
    let summary = summary_units_column(table, vj);
    if let Some(uj) = summary {
        notes.push(
            Text::new("mkt.exp.summary")
                .str("file", table.file.clone())
                .str("units", table.headers[uj].clone()),
        );
    }
    let metrics: Vec<usize> = match &spec.metrics {
        Some(names) => names
            .iter()
            .map(|n| table.column_index(n).map_err(AbError::from))
            .collect::<Result<_, _>>()?,
        None => {
            let date = table.find_date_column();
            let mut found = Vec::new();
            for j in 0..table.headers.len() {
                if j == vj || Some(j) == date || is_id_like(&table.headers[j]) {
                    continue;
                }
                if let Some(uj) = summary {
                    // A summary's outcomes are counts of converted units; a total such as
                    // revenue cannot be tested without each unit's value.
                    if j == uj {
                        continue;
                    }
                    if whole_counts(table, j)
                        && (0..table.rows()).all(|i| {
                            table.number(j, i).unwrap_or(0.0) <= table.number(uj, i).unwrap_or(0.0)
                        })
                    {
                        found.push(j);
                    } else {
                        notes.push(
                            Text::new("mkt.exp.not_count").str("col", table.headers[j].clone()),
                        );
                    }
                    continue;
                }
                let cells = &table.columns[j];
                let any = cells.iter().any(|c| !c.is_empty());
                let boolean = cells.iter().all(|c| c.is_empty() || is_bool_word(c));
                if any && (boolean || table.is_numeric(j)) {
                    found.push(j);
                } else if any {
                    notes.push(
                        Text::new("mkt.exp.not_outcome").str("col", table.headers[j].clone()),
                    );
                }
            }
            found
        }
    };
    if metrics.is_empty() {
        return Err(ExperimentError::Input(
            Text::new("mkt.err.no_outcome_column")
                .str("file", table.file.clone())
                .str("variant", table.headers[vj].clone())
                .str("columns", table.headers.join(", ")),
        ));
    }
    let variant = table.headers[vj].clone();
    let reports = metrics
        .iter()
        .map(|&j| {
            let input = match summary {
                Some(uj) => counts_input(table, vj, uj, j)?,
                None => AbInput::from_table(table, &variant, &table.headers[j])?,
            };
            abtest::run(&input, &spec.params)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ExperimentReport {
        file: table.file.clone(),
        rows: table.rows(),
        variant_column: variant,
        metrics: reports,
        columns: table.headers.clone(),
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::marketing::abtest::MetricKind;

    #[test]
    fn detects_variant_and_outcomes() {
        let csv = "user_id,variant,converted,revenue,note\n\
                   1,control,True,10.0,x\n2,control,False,0.0,y\n3,treatment,True,12.5,z\n\
                   4,treatment,True,3.0,w\n5,control,False,0,v\n6,treatment,False,0,u\n";
        let t = Table::from_bytes("exp.csv", csv.as_bytes()).unwrap();
        let r = run(&t, &ExperimentSpec::default()).unwrap();
        assert_eq!(r.variant_column, "variant");
        assert_eq!(r.metrics.len(), 2);
        assert_eq!(r.metrics[0].metric, "converted");
        assert_eq!(r.metrics[0].kind, MetricKind::Conversion);
        assert_eq!(r.metrics[1].metric, "revenue");
        assert_eq!(r.metrics[1].kind, MetricKind::Continuous);
        assert_eq!(r.metrics[0].control, "control");
        // 1 of 3 control users converted, 2 of 3 treatment users.
        let conv: Vec<f64> = r.metrics[0].variants.iter().map(|v| v.mean).collect();
        assert!((conv[0] - 1.0 / 3.0).abs() < 1e-12 && (conv[1] - 2.0 / 3.0).abs() < 1e-12);
        assert!(r.notes.iter().any(|n| n.en().contains("'note'")));
    }

    /// A testing tool's summary (one row per variant): read as counts, the same analysis as
    /// the rows of every unit; a revenue total is not tested.
    #[test]
    fn summary_table_is_read_as_counts() {
        let t = Table::from_bytes(
            "summary.csv",
            b"Variant,Visitors,Conversions,Revenue\ncontrol,5000,250,12000.50\ntreatment,5020,301,14100.00\n",
        )
        .unwrap();
        let r = run(&t, &ExperimentSpec::default()).unwrap();
        assert_eq!(r.metrics.len(), 1);
        let m = &r.metrics[0];
        assert_eq!(
            (m.metric.as_str(), m.kind),
            ("Conversions", MetricKind::Conversion)
        );
        let counts = AbInput::from_counts(
            "Conversions",
            &[("control", 5000, 250), ("treatment", 5020, 301)],
        );
        let direct = abtest::run(&counts, &AbParams::default()).unwrap();
        assert_eq!(m.variants, direct.variants);
        assert_eq!(m.comparisons, direct.comparisons);
        // statsmodels 0.14 proportions_ztest([301, 250], [5020, 5000]): z 2.18680, p 0.028757.
        let c = &m.comparisons[0];
        assert!((c.statistic - 2.186_800_43).abs() < 1e-6, "{}", c.statistic);
        assert!((c.p_value - 0.028_757_096).abs() < 1e-7, "{}", c.p_value);
        let notes: Vec<String> = r.notes.iter().map(Text::en).collect();
        assert!(
            notes.iter().any(|n| n.contains("one row per variant")),
            "{notes:?}"
        );
        assert!(notes.iter().any(|n| n.contains("'Revenue'")), "{notes:?}");
        // More conversions than visitors names the cell.
        let t =
            Table::from_bytes("bad.csv", b"variant,users,orders\nA,100,120\nB,100,10\n").unwrap();
        let spec = ExperimentSpec {
            metrics: Some(vec!["orders".into()]),
            ..ExperimentSpec::default()
        };
        let e = run(&t, &spec).unwrap_err().to_string();
        assert!(
            e.contains("row 1") && e.contains("'orders'") && e.contains("120"),
            "{e}"
        );
    }

    #[test]
    fn specific_errors() {
        let t = Table::from_bytes("e.csv", b"a,b\n1,2\n3,4\n").unwrap();
        let e = run(&t, &ExperimentSpec::default()).unwrap_err().to_string();
        assert!(e.contains("no variant column"), "{e}");
        let t = Table::from_bytes("e.csv", b"variant,comment\nA,x\nB,y\n").unwrap();
        let e = run(&t, &ExperimentSpec::default()).unwrap_err().to_string();
        assert!(e.contains("no outcome column"), "{e}");
    }
}
