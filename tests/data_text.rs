//! Import reasons and notes are catalogue sentences too: each column-mapping reason, file note
//! and date-order reason has a `Text` whose English is the string field, byte for byte, and
//! whose Chinese is Chinese.

use shoplens::data::{import_bytes, import_paths, Dataset, DateOrder, ImportOptions};
use shoplens::text::{Lang, Text};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// Every key used in a sentence, nested ones included.
fn keys(t: &Text, out: &mut BTreeSet<String>) {
    if !t.key.is_empty() {
        out.insert(t.key.clone());
    }
    for (_, a) in &t.args {
        if let shoplens::text::Arg::Text(n) = a {
            keys(n, out);
        }
    }
}

fn check(t: &Text, en: &str, what: &str, seen: &mut BTreeSet<String>) {
    assert_eq!(t.en(), en, "{what}: English differs from the string field");
    let zh = t.render(Lang::Zh);
    assert!(!zh.contains('⟦'), "{what}: missing key in {zh}");
    assert!(zh.chars().any(is_cjk), "{what}: not Chinese: {zh}");
    keys(t, seen);
}

fn check_dataset(ds: &Dataset, seen: &mut BTreeSet<String>) {
    for f in &ds.report.files {
        let name = &f.file_name;
        for m in &f.mapping {
            let t = m
                .reason_text
                .as_ref()
                .expect("every mapping has a reason_text");
            check(
                t,
                &m.reason,
                &format!("{name}: reason of {}", m.header),
                seen,
            );
        }
        assert_eq!(f.notes_text.len(), f.notes.len(), "{name}: notes_text");
        for (t, n) in f.notes_text.iter().zip(&f.notes) {
            check(t, n, &format!("{name}: note"), seen);
        }
        let t = f
            .date_order_reason_text
            .as_ref()
            .expect("date_order_reason_text");
        check(
            t,
            &f.date_order_reason,
            &format!("{name}: date order"),
            seen,
        );
        // The JSON contract: the string fields are still there, in their place.
        let v = serde_json::to_value(f).unwrap();
        assert_eq!(v["date_order_reason"], f.date_order_reason.as_str());
    }
}

fn csv(name: &str, body: &str, opts: &ImportOptions, seen: &mut BTreeSet<String>) -> Dataset {
    let ds = import_bytes(name, body.as_bytes(), opts).unwrap_or_else(|e| panic!("{name}: {e}"));
    check_dataset(&ds, seen);
    ds
}

#[test]
fn import_sentences_render_in_chinese_and_match_the_english() {
    let mut seen = BTreeSet::new();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let uci = import_paths(
        &[root.join("www/sample/online_retail_sample.csv.gz")],
        &ImportOptions::default(),
    )
    .unwrap();
    check_dataset(&uci, &mut seen);
    assert!(uci.report.files[0].mapping[1]
        .reason_text
        .as_ref()
        .unwrap()
        .render(Lang::Zh)
        .contains("UCI Online Retail 数据集"));

    let opts = ImportOptions::default();
    // Generic headers: content guesses, a duplicated header, formulas, markup, $ amounts,
    // no order id and no quantity, ambiguous slash dates.
    let generic = csv(
        "generic.csv",
        "when,customer_id,amount,amount,comment,extra\n\
         03/04/2011,c1,$3.50,$3.50,=SUM(A1),x\n\
         04/05/2011,c2,$4.00,$4.00,<b>hi</b>,y\n\
         05/06/2011,c1,$1.25,$1.25,ok,z\n",
        &opts,
        &mut seen,
    );
    let f = &generic.report.files[0];
    assert_eq!(f.date_order, DateOrder::MonthFirst);
    assert!(f.notes.iter().any(|n| n.contains("appears 2 times")));
    // Day-first evidence, "contains" header, header whose content disagrees.
    csv(
        "contains.csv",
        "order_id,order_date,the_quantity,total\n\
         1,13/01/2011,2,abc\n\
         2,14/01/2011,3,def\n",
        &opts,
        &mut seen,
    );
    // Conflicting dates, country and currency columns found from content.
    csv(
        "conflict.csv",
        "id,d,c,k,amount\n\
         1,13/01/2011,Germany,EUR,1.5\n\
         2,14/01/2011,France,EUR,2.5\n\
         3,01/13/2011,Spain,EUR,3.5\n",
        &opts,
        &mut seen,
    );
    // Presets: Shopify, CDNOW-like, a WooCommerce-like file that falls back.
    csv(
        "shopify.csv",
        "Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Cancelled at,Currency\n\
         #1001,a@x.com,2024-01-02 10:00:00 +0100,1,Mug,5.00,M1,,EUR\n\
         #1001,,,2,Cup,3.00,C1,,\n",
        &opts,
        &mut seen,
    );
    csv(
        "cdnow.csv",
        "customer,date,quantity,amount\n1,1997-01-01,1,11.77\n2,1997-01-02,2,12.00\n",
        &opts,
        &mut seen,
    );
    csv(
        "woo.csv",
        "order_id,order_date,product_name,unit_price,qty\n1,2024-01-02,Mug,5.00,1\n",
        &opts,
        &mut seen,
    );
    // A forced date order; a confirmed mapping; ¥ amounts.
    let forced = ImportOptions {
        date_order: Some(DateOrder::DayFirst),
        ..ImportOptions::default()
    };
    csv(
        "forced.csv",
        "order_id,order_date,line_total\n1,01/02/2011,¥3.50\n2,02/03/2011,¥4\n",
        &forced,
        &mut seen,
    );
    let mut confirmed = ImportOptions::default();
    let first = &generic.report.files[0];
    confirmed
        .mapping_overrides
        .push(shoplens::data::MappingOverride {
            headers: first.headers.clone(),
            fields: first.mapping.iter().map(|m| m.field).collect(),
        });
    csv(
        "generic.csv",
        "when,customer_id,amount,amount,comment,extra\n03/04/2011,c1,$3.50,$3.50,a,x\n",
        &confirmed,
        &mut seen,
    );

    let data_keys: BTreeSet<&str> = shoplens::text::catalogue()
        .map(|e| e.key)
        .filter(|k| k.starts_with("data."))
        .collect();
    let missed: Vec<&&str> = data_keys.iter().filter(|k| !seen.contains(**k)).collect();
    eprintln!("data sentences not produced by these files: {missed:?}");
    assert!(
        seen.len() >= 25,
        "only {} keys exercised: {seen:?}",
        seen.len()
    );
}
