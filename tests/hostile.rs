//! Hostile and broken files (tests/hostile/ and generated ones): each gets a specific message
//! — an error naming the file and what was expected, or a cleaning-report entry naming file,
//! row, column, the value and what was expected — and nothing panics, hangs or grows without
//! bound. The big files (10,000 columns, a 100 MB line) are generated here, never committed.

use std::path::PathBuf;
use std::time::Instant;

use shoplens::data::importer::{MAX_ROW_BYTES, SAMPLE_BYTES};
use shoplens::data::{
    import_bytes, import_paths, CleaningReport, DataError, Dataset, DropReason, ImportOptions,
    Importer,
};

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name)
}

fn import(name: &str) -> Result<Dataset, DataError> {
    import_paths(&[path(name)], &ImportOptions::default())
}

fn err(name: &str) -> String {
    match import(name) {
        Ok(_) => panic!("{name}: expected an error"),
        Err(e) => e.to_string(),
    }
}

fn ok(name: &str) -> Dataset {
    match import(name) {
        Ok(d) => d,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// (count, first rows, explanations) for one reason.
fn dropped(r: &CleaningReport, reason: DropReason) -> (u64, Vec<u32>, Vec<String>) {
    let d = r
        .dropped
        .iter()
        .find(|d| d.reason == reason)
        .expect("every reason is listed");
    (
        d.count,
        d.first_rows.iter().map(|&(_, row)| row).collect(),
        d.examples.iter().map(|e| e.en()).collect(),
    )
}

fn file_name(name: &str) -> String {
    path(name).display().to_string()
}

#[test]
fn empty_file() {
    assert_eq!(
        err("empty.csv"),
        format!("{}: the file is empty", file_name("empty.csv"))
    );
}

#[test]
fn header_only() {
    assert_eq!(
        err("header_only.csv"),
        format!(
            "{}: no data rows after the header",
            file_name("header_only.csv")
        )
    );
}

#[test]
fn binary_renamed_csv() {
    assert_eq!(
        err("binary.csv"),
        format!(
            "{}: this looks like a binary file, not a CSV text export (NUL/control bytes found)",
            file_name("binary.csv")
        )
    );
}

#[test]
fn mixed_encodings_flag_the_foreign_row_only() {
    let d = ok("mixed_encodings.csv");
    let r = &d.report;
    assert_eq!(r.files[0].encoding, "UTF-8");
    assert_eq!((r.total_rows, r.kept_rows), (3, 2));
    let (n, rows, why) = dropped(r, DropReason::MalformedRow);
    assert_eq!((n, rows), (1, vec![2]));
    assert_eq!(
        why[0],
        format!(
            "{}, row 2, column 'product_name': 'Cr\u{FFFD}me br\u{FFFD}l\u{FFFD}e' holds bytes that are not valid UTF-8 text (a row saved in another encoding: mixed encodings in one file); expected the whole file in one encoding",
            file_name("mixed_encodings.csv")
        )
    );
    // The UTF-8 row keeps its accents (not garbled by a windows-1252 guess).
    let names: Vec<&str> = (0..d.lines.len())
        .map(|i| d.lines.strings.get(d.lines.product[i]))
        .collect();
    assert_eq!(names, ["Café crème", "Tea"]);
}

#[test]
fn unbalanced_quote_is_explained() {
    let d = ok("unbalanced_quotes.csv");
    let r = &d.report;
    assert_eq!((r.total_rows, r.kept_rows), (1, 0));
    let (n, rows, why) = dropped(r, DropReason::MalformedRow);
    assert_eq!((n, rows), (1, vec![1]));
    assert_eq!(
        why[0],
        format!(
            "{}, row 1, column 'product_name': a quoted field runs over 3 line(s) and the row has 4 field(s) instead of 6: a quote (\") opened here is probably never closed, so the following lines were read as part of this field; expected every quote to be closed on its line (or doubled as \"\" inside a value)",
            file_name("unbalanced_quotes.csv")
        )
    );
}

#[test]
fn formula_cells_kept_as_text_with_a_note() {
    let d = ok("formula_injection.csv");
    let r = &d.report;
    assert_eq!((r.total_rows, r.kept_rows), (4, 4));
    let names: Vec<&str> = (0..d.lines.len())
        .map(|i| d.lines.strings.get(d.lines.product[i]))
        .collect();
    assert_eq!(
        names,
        [
            "=cmd|' /C calc'!A0",
            "+SUM(1+1)",
            "-2+3",
            "@HYPERLINK(\"http://x\")"
        ]
    );
    let note = r.files[0]
        .notes
        .iter()
        .map(|n| n.en())
        .find(|n| n.contains("formula"))
        .expect("a formula note");
    assert_eq!(
        note,
        format!(
            "4 text cell(s) start with =, +, - or @ like a spreadsheet formula (first: {}, row 1, column 'product_name' '=cmd|' /C calc'!A0'): kept as plain text; CSV exports prefix them with ' so a spreadsheet shows them instead of running them",
            file_name("formula_injection.csv")
        )
    );
    // And the export does defuse them.
    assert_eq!(
        shoplens::export::csv_cell("=cmd|' /C calc'!A0"),
        "'=cmd|' /C calc'!A0"
    );
    assert_eq!(shoplens::export::csv_cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(shoplens::export::csv_cell("-3"), "-3");
}

#[test]
fn html_in_product_names_is_kept_verbatim_with_a_note() {
    let d = ok("html_script.csv");
    let r = &d.report;
    assert_eq!((r.total_rows, r.kept_rows), (3, 3));
    let first = d.lines.strings.get(d.lines.product[0]);
    assert_eq!(first, "<script>window.__pwned=1</script>Mug");
    let note = r.files[0]
        .notes
        .iter()
        .map(|n| n.en())
        .find(|n| n.contains("HTML"))
        .expect("a markup note");
    assert!(
        note.starts_with(&format!(
            "3 text cell(s) contain HTML markup (first: {}, row 1, column 'product_name'",
            file_name("html_script.csv")
        )),
        "{note}"
    );
    assert!(note.ends_with("never run as HTML or script"), "{note}");
}

#[test]
fn duplicated_headers_are_named() {
    let d = ok("duplicated_headers.csv");
    let r = &d.report;
    assert_eq!((r.total_rows, r.kept_rows), (2, 2));
    // The first order_date column is used.
    assert_eq!(r.date_min.as_deref(), Some("2024-01-02 00:00:00"));
    let notes: Vec<String> = r.files[0]
        .notes
        .iter()
        .map(|n| n.en())
        .filter(|n| n.starts_with("header '"))
        .collect();
    assert_eq!(
        notes,
        [
            "header 'order_date' appears 2 times (columns 2, 3): column 2 is used as order_date, column 3 is ignored; check the mapping if another one holds the right values",
            "header 'unit_price' appears 2 times (columns 5, 6): column 5 is used as unit_price, column 6 is ignored; check the mapping if another one holds the right values",
        ]
    );
    assert_eq!(r.order_level.revenue, 3.5 + 2.0 * 4.0);
}

#[test]
fn dates_in_1900_and_2200_are_set_aside() {
    let d = ok("dates_1900_2200.csv");
    let r = &d.report;
    let f = file_name("dates_1900_2200.csv");
    assert_eq!((r.total_rows, r.kept_rows), (5, 1));
    assert_eq!(r.date_min.as_deref(), Some("2024-01-04 00:00:00"));
    assert_eq!(r.date_max.as_deref(), Some("2024-01-04 00:00:00"));
    let (n, rows, why) = dropped(r, DropReason::DateOutOfRange);
    assert_eq!((n, rows), (3, vec![1, 2, 4]));
    assert_eq!(
        why[0],
        format!("{f}, row 1, column 'order_date': 1900-01-01 00:00:00 is outside the accepted years 1970-2099 (a placeholder date or a typo?); expected the order's real date")
    );
    assert!(why[1].contains("row 2, column 'order_date': 2200-12-31 00:00:00 is outside"));
    assert!(why[2].contains("row 4, column 'order_date': 1899-12-31 00:00:00 is outside"));
    let (n, rows, why) = dropped(r, DropReason::UnparseableDate);
    assert_eq!((n, rows), (1, vec![5]));
    assert_eq!(
        why[0],
        format!("{f}, row 5, column 'order_date': '10000-01-01' is not a date this importer reads; expected a date such as 2024-03-31, 31/03/2024, 03/31/2024 14:05 or an Excel serial number")
    );
}

#[test]
fn negative_and_nan_numbers() {
    let d = ok("negative_nan.csv");
    let r = &d.report;
    let f = file_name("negative_nan.csv");
    assert_eq!((r.total_rows, r.kept_rows), (6, 1));
    assert_eq!(r.order_level.revenue, 2.0);
    let expected = "expected a finite number such as 12, 12.50, 1,234.50, 12,50 or $12.50";
    let (n, rows, why) = dropped(r, DropReason::UnparseableNumber);
    assert_eq!((n, rows), (3, vec![2, 4, 5]));
    assert_eq!(
        why,
        [
            format!("{f}, row 2, column 'unit_price': 'NaN' is not a number; {expected}"),
            format!("{f}, row 4, column 'quantity': 'inf' is not a number; {expected}"),
            format!("{f}, row 5, column 'unit_price': '1e999' is not a number; {expected}"),
        ]
    );
    let (n, rows, why) = dropped(r, DropReason::QuantityNotPositive);
    assert_eq!((n, rows), (1, vec![1]));
    assert!(why[0].starts_with(&format!(
        "{f}, row 1, column 'quantity': quantity -1 is zero or negative; expected a quantity above 0"
    )));
    let (n, rows, why) = dropped(r, DropReason::PriceNotPositive);
    assert_eq!((n, rows), (1, vec![3]));
    assert_eq!(
        why[0],
        format!("{f}, row 3, column 'unit_price': unit price -2 is zero or negative; expected an amount above 0")
    );
}

#[test]
fn overflowing_amounts_are_unparseable_not_infinite() {
    let csv = "order_id,order_date,quantity,unit_price\n1,2024-01-02,1e200,1e200\n2,2024-01-02,1,2\n3,2024-01-03,1,1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\n";
    let d = import_bytes("big.csv", csv.as_bytes(), &ImportOptions::default()).expect("imports");
    let r = &d.report;
    assert_eq!((r.total_rows, r.kept_rows), (3, 1));
    assert_eq!(r.order_level.revenue, 2.0);
    let (n, rows, why) = dropped(r, DropReason::UnparseableNumber);
    assert_eq!((n, rows), (2, vec![1, 3]));
    assert!(why[0].starts_with("big.csv, row 1, column 'unit_price': the amount is too large (quantity × price is not a finite number)"), "{}", why[0]);
    assert!(
        why[1].starts_with("big.csv, row 3, column 'unit_price': '1000000000"),
        "{}",
        why[1]
    );
    assert!(why[1].contains("…' is not a number"), "{}", why[1]);
}

#[test]
fn ten_thousand_columns() {
    let n = 10_000;
    let mut header: Vec<String> = (0..n).map(|i| format!("extra_{i}")).collect();
    header[17] = "order_id".into();
    header[4_321] = "order_date".into();
    header[9_998] = "quantity".into();
    header[9_999] = "unit_price".into();
    let mut csv = header.join(",");
    csv.push('\n');
    for r in 0..20 {
        let mut row: Vec<String> = (0..n).map(|i| (i % 7).to_string()).collect();
        row[17] = format!("A{r}");
        row[4_321] = format!("2024-02-{:02}", r + 1);
        row[9_998] = "2".into();
        row[9_999] = "1.25".into();
        csv.push_str(&row.join(","));
        csv.push('\n');
    }
    let t = Instant::now();
    let d = import_bytes("wide.csv", csv.as_bytes(), &ImportOptions::default())
        .expect("a wide file imports");
    assert!(t.elapsed().as_secs() < 60, "took {:?}", t.elapsed());
    let r = &d.report;
    assert_eq!(r.files[0].headers.len(), n);
    assert_eq!((r.total_rows, r.kept_rows), (20, 20));
    assert_eq!(r.order_level.revenue, 20.0 * 2.5);
    assert_eq!(r.date_max.as_deref(), Some("2024-02-20 00:00:00"));

    // A data row with 10,000 fields under a 4-column header: malformed, explained.
    let mut csv = String::from("order_id,order_date,quantity,unit_price\n1,2024-01-02,1,2\n");
    csv.push_str(&vec!["9"; n].join(","));
    csv.push('\n');
    let d =
        import_bytes("wide_row.csv", csv.as_bytes(), &ImportOptions::default()).expect("imports");
    let (cnt, rows, why) = dropped(&d.report, DropReason::MalformedRow);
    assert_eq!((cnt, rows), (1, vec![2]));
    assert_eq!(why[0], "wide_row.csv, row 2: 10,000 fields but the header has 4; expected one value per header column (extra values from column 5 on)");
}

/// Push `total` bytes produced by `fill` through the streaming importer in 1 MiB chunks, as
/// the Web Worker and the CLI read files; returns the error and how many bytes were pushed.
fn stream(name: &str, head: &[u8], total: usize, fill: u8) -> (DataError, usize) {
    let mut imp = Importer::new(ImportOptions::default());
    imp.begin_file(name).expect("begin");
    let mut pushed = 0usize;
    imp.push(head).expect("head");
    pushed += head.len();
    let chunk = vec![fill; 1 << 20];
    while pushed < total {
        let n = chunk.len().min(total - pushed);
        if let Err(e) = imp.push(&chunk[..n]) {
            return (e, pushed + n);
        }
        pushed += n;
    }
    match imp.end_file() {
        Err(e) => (e, pushed),
        Ok(_) => panic!("{name}: a 100 MB line must not import"),
    }
}

#[test]
fn hundred_mb_single_line_fails_fast() {
    const MB100: usize = 100 << 20;
    // The whole file is one line.
    let t = Instant::now();
    let (e, pushed) = stream("one_line.csv", b"", MB100, b'a');
    assert_eq!(
        e.to_string(),
        format!("one_line.csv: line 1 is longer than {} KiB without a line break (line too long): a CSV header row is a short line of column names; is this a CSV export?", SAMPLE_BYTES / 1024)
    );
    assert!(pushed <= 1 << 20, "read {pushed} bytes before refusing");
    // A good header, then a 100 MB row (an unclosed quote reads like this too).
    let (e, pushed) = stream(
        "long_row.csv",
        b"order_id,order_date,quantity,unit_price\n1,2024-01-02,1,2\n2,2024-01-02,1,",
        MB100,
        b'7',
    );
    assert_eq!(
        e.to_string(),
        format!("long_row.csv: row 2 is longer than {} MiB (line too long): a quote (\") opened in it is probably never closed, or the file has no line breaks; expected rows of a few hundred bytes each. Nothing was imported from this file.", MAX_ROW_BYTES >> 20)
    );
    assert!(
        pushed <= MAX_ROW_BYTES + (2 << 20),
        "read {pushed} bytes before refusing"
    );
    let (e, _) = stream(
        "open_quote.csv",
        b"order_id,order_date,quantity,unit_price\n1,2024-01-02,1,\"2\n",
        MB100,
        b'x',
    );
    assert!(
        e.to_string()
            .starts_with("open_quote.csv: row 1 is longer than 4 MiB (line too long)"),
        "{e}"
    );
    assert!(t.elapsed().as_secs() < 30, "took {:?}", t.elapsed());
}

#[test]
fn hundred_mb_single_line_from_disk() {
    use std::io::Write;
    let dir = std::env::temp_dir().join(format!("shoplens-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join("line100mb.csv");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&p).expect("create"));
        f.write_all(
            b"order_id,order_date,quantity,unit_price\n1,2024-01-02,1,2\n3,2024-01-02,1,\"",
        )
        .expect("write");
        let block = vec![b'z'; 1 << 20];
        for _ in 0..100 {
            f.write_all(&block).expect("write");
        }
    }
    let e = import_paths(std::slice::from_ref(&p), &ImportOptions::default()).expect_err("refused");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        e.to_string(),
        format!("{}: row 2 is longer than 4 MiB (line too long): a quote (\") opened in it is probably never closed, or the file has no line breaks; expected rows of a few hundred bytes each. Nothing was imported from this file.", p.display())
    );
}

#[test]
fn gzip_bomb_is_streamed() {
    use std::io::Write;
    // 200 MB of one repeated row compress to ~200 KB; decompression is streamed in small
    // steps, so this imports with bounded buffers.
    let row = b"1,2024-01-02,1,2\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(b"order_id,order_date,quantity,unit_price\n")
        .expect("gz");
    let block = row.repeat(1 << 16);
    for _ in 0..50 {
        gz.write_all(&block).expect("gz");
    }
    let bytes = gz.finish().expect("gz");
    assert!(bytes.len() < 4 << 20);
    let d = import_bytes("bomb.csv.gz", &bytes, &ImportOptions::default()).expect("imports");
    let r = &d.report;
    assert_eq!(r.total_rows, 50 << 16);
    assert_eq!(r.duplicates, (50 << 16) - 1);
}

#[test]
fn series_file_gzip_bomb_is_refused() {
    use shoplens::analytics::forecast::{series::MAX_SERIES_FILE_BYTES, SeriesFile};
    use std::io::Write;
    // 520 MiB of one repeated row of a long series file compress to about 0.5 MB; a series
    // file is read whole, so beyond 512 MiB of text it is refused, not decompressed on.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(b"sku,period,units\n").expect("gz");
    let block = b"A,1,2\n".repeat(1 << 20);
    for _ in 0..(520 << 20) / block.len() {
        gz.write_all(&block).expect("gz");
    }
    let bytes = gz.finish().expect("gz");
    assert!(bytes.len() < 4 << 20);
    let e = SeriesFile::read(&bytes, "bomb.csv.gz", None, None).expect_err("refused");
    let refused = "bomb.csv.gz holds more than 512 MB of text: too much for a series file, which is read whole. Add its rows up per week or month first, or split it into several files.";
    assert_eq!(e.to_string(), refused);
    // the CLI: the head says "series file", the whole is refused
    let dir = std::env::temp_dir().join(format!("shoplens_bomb_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("bomb.csv.gz"), &bytes).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .current_dir(&dir)
        .args([
            "forecast",
            "bomb.csv.gz",
            "--horizon",
            "2",
            "--out",
            "f.csv",
        ])
        .output()
        .expect("spawn");
    std::fs::remove_dir_all(&dir).ok();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(refused),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(MAX_SERIES_FILE_BYTES, 512 << 20);
    let e = SeriesFile::read_owned(vec![b'1'; MAX_SERIES_FILE_BYTES + 1], "big.csv", None, None)
        .expect_err("refused");
    assert!(
        e.to_string().starts_with("big.csv holds more than 512 MB"),
        "{e}"
    );
}
