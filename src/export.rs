//! CSV export shared by the UI and the CLI.
//!
//! Cells are quoted per RFC 4180 (a cell containing `"`, `,`, CR or LF is wrapped in quotes
//! with inner quotes doubled) and neutralised against spreadsheet formula injection (OWASP,
//! "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`, tab or CR that is not a
//! plain number gets a leading `'`, so "-12.5" stays a number and "=HYPERLINK(...)" is text.

/// True for a plain number such as "-12.5", "+3", "1e5" (left untouched by the neutraliser).
fn is_plain_number(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        && s.parse::<f64>().is_ok_and(f64::is_finite)
}

/// One CSV cell: formula neutralising, then RFC 4180 quoting.
pub fn csv_cell(s: &str) -> String {
    let risky = matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let text = if risky && !is_plain_number(s) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if text.contains(['"', ',', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A whole CSV document: header row, then rows; lines end with CRLF (RFC 4180).
pub fn to_csv(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
        let mut first = true;
        for c in cells {
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&c);
        }
        out.push_str("\r\n");
    };
    line(&mut out, &mut headers.iter().map(|h| csv_cell(h)));
    for r in rows {
        line(&mut out, &mut r.iter().map(|c| csv_cell(c)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("-12.5"), "-12.5");
        assert_eq!(csv_cell("+3"), "+3");
        assert_eq!(csv_cell("=1+2"), "'=1+2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("=A1,\"x\""), "\"'=A1,\"\"x\"\"\"");
    }

    #[test]
    fn document() {
        let s = to_csv(
            &["a", "b"],
            vec![vec!["1".into(), "x,y".into()]].into_iter(),
        );
        assert_eq!(s, "a,b\r\n1,\"x,y\"\r\n");
    }
}
