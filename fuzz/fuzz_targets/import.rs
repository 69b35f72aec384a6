//! The whole import pipeline (gzip → encoding → CSV → mapping → cleaning) on arbitrary bytes,
//! fed in arbitrary chunks as the Web Worker does. Any outcome but a panic, a hang or an
//! out-of-memory is fine: errors are expected for most inputs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoplens::data::{ImportOptions, Importer};

fuzz_target!(|data: &[u8]| {
    // First byte: chunk size (1..=256) and options; the rest is the file.
    let Some((&ctl, body)) = data.split_first() else {
        return;
    };
    let chunk = usize::from(ctl & 0x3f) * 4 + 1;
    let opts = ImportOptions {
        remove_duplicates: ctl & 0x40 != 0,
        ..ImportOptions::default()
    };
    let mut imp = Importer::new(opts);
    if imp.begin_file("fuzz.csv").is_err() {
        return;
    }
    for c in body.chunks(chunk) {
        if imp.push(c).is_err() {
            return;
        }
    }
    if imp.end_file().is_err() {
        return;
    }
    if let Ok(ds) = imp.finish() {
        // The report must account for every row and be serialisable.
        let r = &ds.report;
        let dropped: u64 = r.dropped.iter().map(|d| d.count).sum();
        assert_eq!(
            r.kept_rows + dropped,
            r.total_rows,
            "rows not accounted for"
        );
        let _ = shoplens::data::cleaning_report_csv(r);
        assert!(r.order_level.revenue.is_finite(), "non-finite revenue");
    }
    // The one-shot entry point on the same bytes (1 MiB chunks).
    let _ = shoplens::data::import_bytes("fuzz.csv", body, &ImportOptions::default());
});
