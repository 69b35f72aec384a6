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

pub mod cells;
pub mod clean;
pub mod dates;
pub mod importer;
pub mod intern;
pub mod mapping;
pub mod model;
pub mod numbers;
pub mod sniff;

pub use clean::{cleaning_report_csv, neumaier_sum};

use crate::text::{CellError, Text};
pub use importer::Importer;
pub use model::*;

/// Errors that stop an import (row-level problems are not errors: they are counted in the
/// cleaning report by [`DropReason`]).
///
/// The message comes from the sentence catalogue ([`DataError::text`]), so the page can show
/// it in Chinese; `Display` is the English.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[error("{}", self.text())]
pub enum DataError {
    File { file: String, message: Text },
    Cell(CellError),
    Io(Text),
}

impl DataError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            DataError::File { file, message } => Text::new("data.err.file")
                .str("file", file.clone())
                .text("message", message.clone()),
            DataError::Cell(c) => c.text(),
            DataError::Io(t) => t.clone(),
        }
    }
}

/// `Err` with a plain-language message when `data` has no prices ([`CleaningReport::priced`])
/// and `what` (e.g. "the customers page") needs them; each pillar wraps the message in its
/// own error.
pub fn require_prices(data: &Dataset, what: Text) -> Result<(), Text> {
    if data.report.priced {
        return Ok(());
    }
    let files = data
        .report
        .files
        .iter()
        .map(|f| f.file_name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Err(Text::new("data.err.unpriced")
        .text("what", what)
        .str("files", files))
}

/// Whether any sale line names a product (a SKU, or a product name standing for one): an
/// order-level export (Etsy's "Sold Orders") lists orders, not items.
pub fn has_products(data: &Dataset) -> bool {
    data.lines.sku.iter().any(|&s| s != NONE_ID)
}

/// Import one file held in memory (same pipeline as the streaming [`Importer`]).
pub fn import_bytes(
    file_name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<Dataset, DataError> {
    let mut imp = Importer::new(opts.clone());
    imp.begin_file(file_name)?;
    // 1 MiB chunks, as the Web Worker reads files: bounds the decoding buffers.
    for chunk in bytes.chunks(1 << 20) {
        imp.push(chunk)?;
    }
    imp.end_file()?;
    imp.finish()
}

/// Import files from disk, streamed in 1 MiB chunks (native; the CLI and tests use it).
pub fn import_paths(
    paths: &[std::path::PathBuf],
    opts: &ImportOptions,
) -> Result<Dataset, DataError> {
    use std::io::Read;
    if paths.is_empty() {
        return Err(DataError::Io(Text::new("data.err.no_input_files")));
    }
    let mut imp = Importer::new(opts.clone());
    let mut buf = vec![0u8; 1 << 20];
    for p in paths {
        let name = p.display().to_string();
        let io = |e: std::io::Error| {
            DataError::Io(
                Text::new("data.err.io")
                    .str("name", name.clone())
                    .str("error", e.to_string()),
            )
        };
        if p.is_dir() {
            return Err(DataError::Io(
                Text::new("data.err.is_dir").str("name", name.clone()),
            ));
        }
        let mut f = std::fs::File::open(p).map_err(io)?;
        imp.begin_file(&name)?;
        loop {
            let n = f.read(&mut buf).map_err(io)?;
            if n == 0 {
                break;
            }
            imp.push(&buf[..n])?;
        }
        imp.end_file()?;
    }
    imp.finish()
}
