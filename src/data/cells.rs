//! Cell-level reading shared by every table reader (the order importer and the marketing,
//! inventory and series tables): what a cell holds once a spreadsheet's wrapping is taken off.

/// `="0012345"` is how spreadsheet-minded exports (Taobao's order report, some ERPs) keep an
/// order or phone number as text; the value is what is inside the quotes. The wrapper must
/// open the cell (` =""`, with a space first, is text, as written); trailing spaces are the
/// caller's to trim.
pub fn excel_text(cell: &[u8]) -> &[u8] {
    if cell.len() >= 3 && cell.starts_with(b"=\"") && cell.ends_with(b"\"") {
        &cell[2..cell.len() - 1]
    } else {
        cell
    }
}

/// [`excel_text`] of a string cell; the cell as it is otherwise.
pub fn excel_text_str(s: &str) -> &str {
    let t = s.trim_end();
    // The wrapper's three bytes are ASCII, so the inner bytes are whole characters.
    std::str::from_utf8(excel_text(t.as_bytes()))
        .ok()
        .filter(|inner| inner.len() < t.len())
        .unwrap_or(s)
}
