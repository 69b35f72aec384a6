//! Helpers shared by the integration tests (`mod common;`): the checks of a translated
//! sentence, and reports of the bundled samples that several tests read.
#![allow(dead_code)]

use shoplens::analytics::marketing::promo::{
    self, PromoInput, PromoParams, PromoReport, PromoSpec,
};
use shoplens::analytics::marketing::table::Table;
use shoplens::text::{Lang, Text};
use std::path::Path;

/// A Chinese character, Chinese punctuation or a full-width form.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F      // CJK symbols and punctuation
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFF00..=0xFFEF) // full-width forms
}

/// Both renderings of `t` are complete (no missing key, English not empty), the Chinese one is
/// Chinese and keeps each of `keep` (numbers, names, files). Returns the Chinese.
pub fn assert_zh(what: &str, t: &Text, keep: &[&str]) -> String {
    let en = t.en();
    let zh = t.render(Lang::Zh);
    assert!(!en.is_empty() && !en.contains('⟦'), "{what}: {en}");
    assert!(!zh.contains('⟦'), "{what}: missing key in {zh}");
    assert!(zh.chars().any(is_cjk), "{what}: not Chinese: {zh}");
    for k in keep {
        assert!(zh.contains(k), "{what}: {zh} lacks {k}");
    }
    zh
}

/// The promotion lift of the bundled sample (`www/sample/marketing/promotions.csv`, its
/// `promo` flag column, default parameters).
pub fn sample_promo_report() -> PromoReport {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/sample/marketing/promotions.csv");
    let t = Table::from_path(&p).expect("the bundled promotions sample reads");
    let spec = PromoSpec {
        flag_column: Some("promo".into()),
        ..PromoSpec::default()
    };
    let input = PromoInput::from_table(&t, &spec).expect("promo input");
    promo::run(&input, &PromoParams::default()).expect("promo report")
}
