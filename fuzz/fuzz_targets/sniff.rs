//! Format sniffing on arbitrary bytes: gzip magic, text encoding (BOM, UTF-16, UTF-8,
//! GB18030 vs windows-1252), binary refusal and the delimiter vote.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoplens::data::sniff::{detect_encoding, is_gzip, legacy_encoding, sniff_delimiter};

fuzz_target!(|data: &[u8]| {
    let _ = is_gzip(data);
    let _ = legacy_encoding(data);
    if let Ok(choice) = detect_encoding(data) {
        assert!(choice.bom_len <= data.len());
        let (text, _, _) = choice.encoding.decode(&data[choice.bom_len..]);
        for complete in [false, true] {
            let d = sniff_delimiter(text.as_bytes(), complete);
            assert!(matches!(d, b',' | b';' | b'\t' | b'|'));
        }
    }
    for complete in [false, true] {
        let _ = sniff_delimiter(data, complete);
    }
});
