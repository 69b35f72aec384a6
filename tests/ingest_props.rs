//! Property tests: no panic on arbitrary bytes or chunkings, and valid CSV round-trips.

use proptest::prelude::*;
use shoplens::data::dates::{days_from_civil, format_ts};
use shoplens::data::{import_bytes, ImportOptions, Importer};
use shoplens::export::to_csv;

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import_bytes("fuzz.csv", &bytes, &ImportOptions::default());
    }

    #[test]
    fn csv_like_text_never_panics(text in "[a-zA-Z0-9,;\"\\n\\r\\t|./: -]{0,600}") {
        let with_header = format!("Order,Date,Qty,Price\n{text}");
        let _ = import_bytes("fuzz.csv", with_header.as_bytes(), &ImportOptions::default());
    }

    #[test]
    fn random_chunks_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..1024),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
    ) {
        let mut points: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
        points.sort_unstable();
        let mut imp = Importer::new(ImportOptions::default());
        imp.begin_file("fuzz.csv").unwrap();
        let mut last = 0;
        let mut ok = true;
        for p in points.into_iter().chain(std::iter::once(bytes.len())) {
            if imp.push(&bytes[last..p]).is_err() { ok = false; break; }
            last = p;
        }
        if ok && imp.end_file().is_ok() {
            let _ = imp.finish();
        }
    }

    #[test]
    fn valid_csv_round_trips(
        rows in proptest::collection::vec(
            ("[A-Z][0-9]{1,6}", 2000i64..2030, 1u32..13, 1u32..29, 0u32..86400,
             "[a-zA-Z ,\"=+-]{0,12}", 1u32..500, 1u64..1_000_000, proptest::option::of("[0-9]{3,6}")),
            1..40),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..4),
    ) {
        let recs: Vec<Vec<String>> = rows.iter().map(|(id, y, m, d, s, name, q, cents, cust)| {
            let ts = days_from_civil(*y, *m, *d) * 86400 + i64::from(*s);
            vec![
                format!("N{id}"),
                format_ts(ts),
                cust.clone().unwrap_or_default(),
                name.clone(),
                q.to_string(),
                format!("{}.{:02}", cents / 100, cents % 100),
            ]
        }).collect();
        let csv = to_csv(&["Order ID", "Order Date", "Customer ID", "Product", "Quantity", "Unit Price"], recs.clone().into_iter());
        let bytes = csv.as_bytes();
        let mut points: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
        points.sort_unstable();
        let mut imp = Importer::new(ImportOptions::default());
        imp.begin_file("gen.csv").unwrap();
        let mut last = 0;
        for p in points.into_iter().chain(std::iter::once(bytes.len())) {
            imp.push(&bytes[last..p]).unwrap();
            last = p;
        }
        imp.end_file().unwrap();
        let ds = imp.finish().unwrap();
        prop_assert_eq!(ds.report.total_rows, recs.len() as u64);
        prop_assert_eq!(ds.report.kept_rows, recs.len() as u64);
        let l = &ds.lines;
        for (i, r) in recs.iter().enumerate() {
            prop_assert_eq!(l.strings.get(l.order_id[i]), r[0].as_str());
            prop_assert_eq!(format_ts(l.timestamp[i]), r[1].clone());
            let cust = if r[2].is_empty() { String::new() } else { l.strings.get(l.customer[i]).to_owned() };
            prop_assert_eq!(cust, r[2].clone());
            let raw = r[3].as_str();
            // Export neutralises formula-like text with a leading quote.
            let expect = if raw.starts_with(['=', '+', '-', '@']) { format!("'{raw}") } else { raw.to_owned() };
            let got = if expect.trim().is_empty() { "" } else { l.strings.get(l.product[i]) };
            prop_assert_eq!(got.trim(), expect.trim());
            prop_assert_eq!(l.quantity[i], r[4].parse::<f64>().unwrap());
            prop_assert_eq!(l.unit_price[i], r[5].parse::<f64>().unwrap());
        }
    }
}
