//! Format sniffing on a sample at the start of a file: gzip magic, text encoding, binary
//! content and the field delimiter.
//!
//! Encoding detection follows the usual order of browsers and `chardet`-style detectors
//! (WHATWG Encoding Standard, "BOM sniff"; Mozilla's charset detector): byte-order mark first,
//! then the NUL pattern of BOM-less UTF-16, then UTF-8 validity, and for the remaining legacy
//! bytes a plausibility score between GB18030 (Chinese exports) and windows-1252 (Latin exports).

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// True when the bytes start with the gzip magic number (RFC 1952: `1f 8b`).
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.len() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
}

/// The encoding chosen for a file, with the byte-order mark length to skip.
#[derive(Debug, Clone, Copy)]
pub struct EncodingChoice {
    /// The encoding_rs encoding.
    pub encoding: &'static Encoding,
    /// Bytes of byte-order mark at the start of the file (0 when none).
    pub bom_len: usize,
}

/// Reasons a file is refused before parsing.
#[derive(Debug, Clone, PartialEq)]
pub enum SniffError {
    /// A zip container (xlsx, ods, zip).
    Zip,
    /// NUL or control bytes that no text export contains.
    Binary,
}

impl SniffError {
    /// The message, in either language.
    pub fn text(&self) -> crate::text::Text {
        match self {
            SniffError::Zip => crate::text::Text::new("data.err.zip"),
            SniffError::Binary => crate::text::Text::new("data.err.binary"),
        }
    }
}

impl std::fmt::Display for SniffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en())
    }
}

/// Decide the encoding of a file from the first bytes of its (decompressed) content.
pub fn detect_encoding(sample: &[u8]) -> Result<EncodingChoice, SniffError> {
    if sample.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Ok(EncodingChoice {
            encoding: UTF_8,
            bom_len: 3,
        });
    }
    if sample.starts_with(&[0xFF, 0xFE]) {
        return Ok(EncodingChoice {
            encoding: UTF_16LE,
            bom_len: 2,
        });
    }
    if sample.starts_with(&[0xFE, 0xFF]) {
        return Ok(EncodingChoice {
            encoding: UTF_16BE,
            bom_len: 2,
        });
    }
    if sample.starts_with(b"PK\x03\x04") {
        return Err(SniffError::Zip);
    }
    // BOM-less UTF-16: ASCII text leaves a NUL in every other byte.
    let head = &sample[..sample.len().min(4096)];
    if head.len() >= 4 {
        let pairs = head.len() / 2;
        let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        if odd_nul * 10 >= pairs * 3 && even_nul * 20 < pairs {
            return Ok(EncodingChoice {
                encoding: UTF_16LE,
                bom_len: 0,
            });
        }
        if even_nul * 10 >= pairs * 3 && odd_nul * 20 < pairs {
            return Ok(EncodingChoice {
                encoding: UTF_16BE,
                bom_len: 0,
            });
        }
    }
    // Text never holds NUL or most C0 controls.
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    if head.contains(&0) || controls * 100 > head.len() {
        return Err(SniffError::Binary);
    }
    let utf8_ok = match std::str::from_utf8(sample) {
        Ok(_) => true,
        // A sample cut inside a multi-byte character is still UTF-8.
        Err(e) => e.error_len().is_none() && sample.len() - e.valid_up_to() < 4,
    };
    // A Chinese legacy export can pass for "mostly UTF-8": many GBK pairs are also valid UTF-8
    // sequences by accident (品 is C6 B7, the UTF-8 of U+01B7). Such a file decodes cleanly as
    // GB18030 into CJK text and has almost no line that is valid UTF-8 with non-ASCII text,
    // whereas a UTF-8 file with a few rows saved in another encoding keeps its valid UTF-8 rows.
    let encoding = if utf8_ok {
        UTF_8
    } else {
        let legacy = legacy_encoding(sample);
        let (valid_lines, invalid_lines) = utf8_lines(sample);
        if legacy == GB18030 && valid_lines < invalid_lines {
            GB18030
        } else if mostly_utf8(sample) {
            UTF_8
        } else {
            legacy
        }
    };
    Ok(EncodingChoice {
        encoding,
        bom_len: 0,
    })
}

/// The sample up to its last newline (all of it when it has none), so that a line or a
/// multi-byte character cut at the end of the sample is not judged.
fn whole_lines(sample: &[u8]) -> &[u8] {
    let cut = sample
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|p| p + 1)
        .unwrap_or(sample.len());
    &sample[..cut]
}

/// True when the sample holds valid multi-byte UTF-8 characters and at most four times as many
/// invalid sequences: a UTF-8 file with a few rows saved in another encoding (mixed encodings). It is
/// read as UTF-8 so that those rows, not the whole file, are reported as undecodable; decoding
/// it all as windows-1252 would silently garble every accented UTF-8 character.
fn mostly_utf8(sample: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = sample;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (ok, bad) = rest.split_at(e.valid_up_to());
                valid += std::str::from_utf8(ok)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                match e.error_len() {
                    Some(n) => {
                        invalid += 1;
                        rest = &bad[n.min(bad.len())..];
                    }
                    None => break, // cut inside a character at the end of the sample
                }
            }
        }
    }
    // Latin text in windows-1252 practically never forms valid multi-byte UTF-8 ("Ã©"), so a
    // few valid characters outweigh several invalid bytes.
    valid > 0 && valid * 4 >= invalid
}

/// Lines of the sample (up to its last newline) with non-ASCII bytes: (valid UTF-8, not valid).
fn utf8_lines(sample: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for line in whole_lines(sample).split(|&b| b == b'\n') {
        if line.is_ascii() {
            continue;
        }
        if std::str::from_utf8(line).is_ok() {
            valid += 1;
        } else {
            invalid += 1;
        }
    }
    (valid, invalid)
}

/// Choose between GB18030 and windows-1252 for bytes that are not UTF-8.
///
/// GBK/GB18030 text consists of byte pairs (lead 0x81–0xFE, trail 0x40–0xFE), so decoding Latin
/// text as GB18030 nearly always hits malformed pairs (an accented letter is followed by an ASCII
/// letter), while real Chinese text decodes cleanly into CJK ideographs. We take GB18030 when
/// its decoding has no malformed sequence and most of its non-ASCII characters are CJK
/// ideographs or CJK punctuation; otherwise windows-1252 (which decodes any byte).
pub fn legacy_encoding(sample: &[u8]) -> &'static Encoding {
    // Whole lines only, so a truncated pair at the end does not count as an error.
    let (gb, _, gb_errors) = GB18030.decode(whole_lines(sample));
    if gb_errors {
        return WINDOWS_1252;
    }
    let mut non_ascii = 0usize;
    let mut cjk = 0usize;
    for c in gb.chars() {
        if !c.is_ascii() {
            non_ascii += 1;
            let u = c as u32;
            if (0x4E00..=0x9FFF).contains(&u)
                || (0x3400..=0x4DBF).contains(&u)
                || (0x3000..=0x303F).contains(&u)
                || (0xFF00..=0xFFEF).contains(&u)
            {
                cjk += 1;
            }
        }
    }
    if non_ascii > 0 && cjk * 10 >= non_ascii * 7 {
        GB18030
    } else {
        WINDOWS_1252
    }
}

/// Lines above the header that an export may carry (Google Ads: the report's name and its
/// date range; an ERP's report title) are looked for in at most this many leading lines.
pub const MAX_PREAMBLE_LINES: usize = 8;

/// Lines above a file's header (a report title), as [`preamble`] finds them.
#[derive(Debug, Clone, PartialEq)]
pub struct Preamble {
    /// Byte offset of the header line in the decoded text.
    pub offset: usize,
    /// Lines above the header with text (a title); lines of delimiters only are skipped too,
    /// but not counted: with none, there is nothing to say.
    pub lines: usize,
    /// The delimiter of the header and what follows it.
    pub delimiter: u8,
    /// The first line above the header, trimmed of empty trailing cells (at most 60 characters).
    pub title: String,
}

/// Records of `text` under `delim`: every field kept, any field count, no header row.
fn records(text: &[u8], delim: u8) -> csv::StringRecordsIntoIter<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .has_headers(false)
        .from_reader(text)
        .into_records()
}

/// Non-empty fields of one line under `delim`.
fn filled_fields(line: &[u8], delim: u8) -> usize {
    records(line, delim)
        .next()
        .and_then(Result::ok)
        .map_or(0, |r| r.iter().filter(|c| !c.trim().is_empty()).count())
}

/// Lines above the header of decoded text (Google Ads: the report's name and date range; an
/// ERP's report title), `None` when the first line is the header or no header is found.
///
/// For `k` = 0, 1, … leading lines skipped, the delimiter is sniffed on the rest and its first
/// 60 records parsed: the header is the first line with at least two fields that at least 90 %
/// of the following records match in field count. A line is skipped only when it has at most
/// half as many non-empty fields as that header under its delimiter ("Campaign report",
/// "订单报表,,,,"), so a file's real header is never taken for a title.
pub fn preamble(text: &[u8]) -> Option<Preamble> {
    let mut start = 0usize;
    let mut skipped: Vec<&[u8]> = Vec::new();
    for k in 0..=MAX_PREAMBLE_LINES {
        let rest = &text[start..];
        if rest.is_empty() {
            break;
        }
        // A line of delimiters only (",,,,," above eBay's header) is never the header.
        let line = &rest[..rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())];
        if line
            .iter()
            .all(|b| DELIMITERS.contains(b) || b.is_ascii_whitespace())
        {
            if line.len() == rest.len() {
                break;
            }
            start += line.len() + 1;
            continue;
        }
        let sample = &rest[..rest.len().min(1 << 16)];
        let delim = sniff_delimiter(sample, rest.len() <= 1 << 16);
        let lens: Vec<usize> = records(sample, delim)
            .take(60)
            .filter_map(Result::ok)
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .map(|r| r.len())
            .collect();
        if let Some((&h, data)) = lens.split_first() {
            let same = data.iter().filter(|&&l| l == h).count();
            let consistent = !data.is_empty() && same * 10 >= data.len() * 9;
            if h >= 2 && consistent && skipped.iter().all(|l| filled_fields(l, delim) * 2 <= h) {
                if start == 0 {
                    return None;
                }
                let title = skipped.first().map_or_else(String::new, |l| {
                    String::from_utf8_lossy(l)
                        .trim()
                        .trim_end_matches([',', ';', '\t', '|'])
                        .chars()
                        .take(60)
                        .collect()
                });
                return Some(Preamble {
                    offset: start,
                    lines: skipped.len(),
                    delimiter: delim,
                    title,
                });
            }
            if k == 0 && h >= 2 && data.is_empty() {
                return None;
            }
        }
        let nl = rest.iter().position(|&b| b == b'\n')?;
        skipped.push(&rest[..nl]);
        start += nl + 1;
    }
    None
}

/// Number of CSV records in `text` under `delim` (as the streaming reader will count them).
pub fn count_records(text: &[u8], delim: u8) -> usize {
    records(text, delim).count()
}

/// Candidate delimiters, in order of preference on ties.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Choose the field delimiter from decoded sample text.
///
/// For each candidate, the sample is parsed with quoting (csv-core) and scored by the share of
/// data records whose field count equals the header's (at least two fields); the best share
/// wins, then more fields, then the order `,` `;` tab `|`. This is the consistency test of
/// Python's `csv.Sniffer`, restricted to a fixed candidate set.
pub fn sniff_delimiter(text: &[u8], complete: bool) -> u8 {
    let mut best: Option<(u8, f64, usize)> = None;
    for &d in &DELIMITERS {
        let counts = field_counts(text, d, complete, 500);
        let Some((&header, rest)) = counts.split_first() else {
            continue;
        };
        if header < 2 {
            continue;
        }
        let share = if rest.is_empty() {
            1.0
        } else {
            rest.iter().filter(|&&c| c == header).count() as f64 / rest.len() as f64
        };
        let better = match best {
            None => true,
            Some((_, s, h)) => share > s + 1e-9 || ((share - s).abs() <= 1e-9 && header > h),
        };
        if better {
            best = Some((d, share, header));
        }
    }
    best.map(|b| b.0).unwrap_or(b',')
}

/// Field counts of the first `max` records of `text` split with delimiter `d`.
fn field_counts(text: &[u8], d: u8, complete: bool, max: usize) -> Vec<usize> {
    let mut rdr = csv_core::ReaderBuilder::new().delimiter(d).build();
    let mut out = vec![0u8; 4096];
    let mut ends = vec![0usize; 64];
    let mut counts = Vec::new();
    let mut pos = 0usize;
    let mut nfields = 0usize;
    loop {
        let input = &text[pos.min(text.len())..];
        let (res, nin, _nout, nend) = rdr.read_record(input, &mut out, &mut ends[nfields..]);
        pos += nin;
        nfields += nend;
        match res {
            csv_core::ReadRecordResult::InputEmpty => {
                if !complete || input.is_empty() {
                    break;
                }
                // Flush: next call gets an empty input.
                pos = text.len();
            }
            // Content is not needed, only the counts: reuse the buffer.
            csv_core::ReadRecordResult::OutputFull => {}
            csv_core::ReadRecordResult::OutputEndsFull => {
                ends.resize(ends.len() * 2, 0);
            }
            csv_core::ReadRecordResult::Record => {
                counts.push(nfields);
                nfields = 0;
                if counts.len() >= max {
                    break;
                }
            }
            csv_core::ReadRecordResult::End => break,
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n", true), b',');
        assert_eq!(sniff_delimiter(b"a;b;c\n1,5;2,5;3\n4;5;6\n", true), b';');
        assert_eq!(sniff_delimiter(b"a\tb\tc\n1,5\t2\t3\n", true), b'\t');
        assert_eq!(sniff_delimiter(b"a|b|c\n\"x|y\"|2|3\n", true), b'|');
        assert_eq!(
            sniff_delimiter(b"a,b;c,d\n\"1;2\",3;4,5\n6,7;8,9\n", true),
            b','
        );
    }

    #[test]
    fn encodings() {
        let (gbk, _, _) = GB18030.encode("订单号,下单时间,金额\n1,2011年1月13日,88\n");
        assert_eq!(detect_encoding(&gbk).map(|e| e.encoding), Ok(GB18030));
        // Product names with 品 (GBK C6 B7, also valid UTF-8) once made a GBK export look like
        // UTF-8 with a few bad rows: every name was garbled and every row dropped.
        let mut text = String::from("订单号,商品编码,商品名称,数量,单价,下单时间,买家\n");
        for i in 0..50 {
            text.push_str(&format!(
                "A{i},SKU{i},商品{i},1,9.90,2024/1/{},客户{i}\n",
                i % 28 + 1
            ));
        }
        let (gbk, _, _) = GB18030.encode(&text);
        assert!(std::str::from_utf8(&gbk).is_err());
        assert!(mostly_utf8(&gbk), "the case this guards against");
        assert_eq!(detect_encoding(&gbk).map(|e| e.encoding), Ok(GB18030));
        // A UTF-8 Chinese file with one row saved as GBK stays UTF-8 (that row is reported).
        let mut mixed = text.clone().into_bytes();
        mixed.extend_from_slice(&GB18030.encode("B1,SKU1,商品1,1,9.90,2024/2/1,客户1\n").0);
        assert_eq!(detect_encoding(&mixed).map(|e| e.encoding), Ok(UTF_8));
        let (latin, _, _) = WINDOWS_1252.encode("Café,Crème brûlée,Straße\n1,2,3\n");
        assert_eq!(
            detect_encoding(&latin).map(|e| e.encoding),
            Ok(WINDOWS_1252)
        );
        assert_eq!(
            detect_encoding(b"a,b\n1,2\n").map(|e| e.encoding),
            Ok(UTF_8)
        );
        assert_eq!(
            detect_encoding(b"\x00\x01\x02binary\x00").err(),
            Some(SniffError::Binary)
        );
        assert_eq!(
            detect_encoding(b"PK\x03\x04rest").err(),
            Some(SniffError::Zip)
        );
    }
}
