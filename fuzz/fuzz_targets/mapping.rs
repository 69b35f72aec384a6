//! Column auto-mapping on arbitrary header rows and sample rows: text split into lines and
//! fields (`,`), first line = headers. Every field must be used at most once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoplens::data::mapping::{auto_map, normalise_header};
use shoplens::data::{Field, ImportOptions, MappingOverride};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text
        .split('\n')
        .map(|l| l.split(',').map(str::to_owned).collect::<Vec<String>>());
    let Some(headers) = lines.next() else {
        return;
    };
    let rows: Vec<Vec<String>> = lines.take(200).collect();
    for h in &headers {
        let _ = normalise_header(h);
    }
    let m = auto_map(&headers, &rows, &ImportOptions::default());
    assert_eq!(m.columns.len(), headers.len());
    let mut seen = Vec::new();
    for c in &m.columns {
        assert!(c.column < headers.len());
        assert!((0.0..=1.0).contains(&c.confidence));
        if let Some(f) = c.field {
            assert!(!seen.contains(&f), "field {f:?} mapped twice");
            seen.push(f);
        }
    }
    let _ = m.field_columns();
    // A user override for this exact header row, with fields taken from the bytes.
    let fields: Vec<Option<Field>> = headers
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let b = data.get(i).copied().unwrap_or(0) as usize;
            Field::ALL.get(b % 16).copied()
        })
        .collect();
    let opts = ImportOptions {
        mapping_overrides: vec![MappingOverride {
            headers: headers.clone(),
            fields,
        }],
        ..ImportOptions::default()
    };
    let m = auto_map(&headers, &rows, &opts);
    let _ = m.field_columns();
});
