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

/// The forecast CSV contract of `shoplens forecast --out` and the Forecast page's series-file
/// export: `series_id,step,forecast,lo80,hi80,lo95,hi95,model`, one row per series and step
/// (with `loL,hiL` for each further level in `levels`; pass `[80, 95, …]`). Numbers are
/// written in Rust's shortest round-trip form; a missing interval is an empty cell.
pub fn write_forecast_csv<'a, W: std::io::Write>(
    out: W,
    series: impl IntoIterator<Item = (&'a str, &'a crate::analytics::forecast::Forecast, &'a str)>,
    levels: &[f64],
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    let fmt_l = |l: f64| {
        if l.fract() == 0.0 {
            format!("{l:.0}")
        } else {
            format!("{l}")
        }
    };
    let mut header: Vec<String> = vec!["series_id".into(), "step".into(), "forecast".into()];
    for l in levels {
        header.push(format!("lo{}", fmt_l(*l)));
        header.push(format!("hi{}", fmt_l(*l)));
    }
    header.push("model".into());
    w.write_record(&header)?;
    for (id, forecast, model) in series {
        for (step, mean) in forecast.mean.iter().enumerate() {
            let mut rec = vec![id.to_string(), (step + 1).to_string(), mean.to_string()];
            let cell = |v: Option<&f64>| v.map_or(String::new(), f64::to_string);
            for l in levels {
                let iv = forecast.interval(*l);
                rec.push(cell(iv.and_then(|iv| iv.lower.get(step))));
                rec.push(cell(iv.and_then(|iv| iv.upper.get(step))));
            }
            rec.push(model.to_string());
            w.write_record(&rec)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// [`write_forecast_csv`] into a string (the browser's download).
pub fn forecast_csv<'a>(
    series: impl IntoIterator<Item = (&'a str, &'a crate::analytics::forecast::Forecast, &'a str)>,
    levels: &[f64],
) -> Result<String, csv::Error> {
    let mut buf = Vec::new();
    write_forecast_csv(&mut buf, series, levels)?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
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
