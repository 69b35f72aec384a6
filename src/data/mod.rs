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
