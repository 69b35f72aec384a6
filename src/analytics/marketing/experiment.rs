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
            let input = AbInput::from_table(table, &variant, &table.headers[j])?;
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
