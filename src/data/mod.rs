//! Ingestion: sniff encoding and delimiter, parse, map columns to the canonical schema, clean,
//! and report every dropped row by reason. Output: typed, columnar tables ([`Dataset`]).
//!
//! Streaming API (used by the Web Worker, which reads the file in chunks):
//! ```ignore
//! let mut imp = Importer::new(ImportOptions::default());
//! imp.begin_file("orders.csv.gz")?;
//! for chunk in chunks { imp.push(chunk)?; }
//! imp.end_file()?;
//! let dataset = imp.finish()?;
//! ```

pub mod model;

pub use model::*;

/// Errors that stop an import (row-level problems are not errors: they are counted in the
/// cleaning report by [`DropReason`]).
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum DataError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{file}, row {row}, column '{column}': {message}")]
    Cell {
        file: String,
        row: u64,
        column: String,
        message: String,
    },
    #[error("{0}")]
    Io(String),
}

/// Import files from disk (native; the CLI and tests use it). Placeholder until the importer lands.
pub fn import_paths(
    paths: &[std::path::PathBuf],
    _opts: &ImportOptions,
) -> Result<Dataset, DataError> {
    Err(DataError::Io(format!(
        "importer not implemented yet ({} files)",
        paths.len()
    )))
}
