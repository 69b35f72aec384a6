//! Import reasons and notes are catalogue sentences too: each column-mapping reason, file note,
//! date-order reason and dropped-row example is a `Text` whose Chinese is Chinese.

use shoplens::data::{import_bytes, import_paths, Dataset, DateOrder, ImportOptions};
use shoplens::text::{Lang, Text};
use std::collections::BTreeSet;
use std::path::PathBuf;

mod common;

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

fn check(t: &Text, what: &str, seen: &mut BTreeSet<String>) {
    assert!(!t.en().is_empty(), "{what}: no English");
    common::assert_zh(what, t, &[]);
    keys(t, seen);
}

fn check_dataset(ds: &Dataset, seen: &mut BTreeSet<String>) {
    for f in &ds.report.files {
        let name = &f.file_name;
        for m in &f.mapping {
            check(&m.reason, &format!("{name}: reason of {}", m.header), seen);
        }
        for n in &f.notes {
            check(n, &format!("{name}: note"), seen);
        }
        check(&f.date_order_reason, &format!("{name}: date order"), seen);
        // The dropped rows' examples: one sentence per example.
        for d in &ds.report.dropped {
            for e in &d.examples {
                check(e, &format!("{name}: example of {:?}", d.reason), seen);
            }
        }
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
        .reason
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
    assert!(f.notes.iter().any(|n| n.en().contains("appears 2 times")));
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

/// The cleaning report's examples and the notes' "first:" locations in Chinese: the file, the
/// row, the column and the value are all there, in a Chinese sentence; the English is the
/// wording the CLI and the JSON always had.
#[test]
fn dropped_rows_and_cell_locations_in_chinese() {
    let body = "order_id,order_date,customer_id,product_name,quantity,unit_price\n\
                1001,2024-01-02,c1,Mug,2,3.50\n\
                1002,2024-01-03,c2,=SUM(A1),0,3.50\n\
                1003,not a date,c3,Cup,1,2.00\n\
                1004,2024-01-05,c4,<b>Pot</b>,1,abc\n\
                1005,2024-01-06,c5,Jar,1,-1\n\
                1006,1900-01-01,c6,Jar,1,1.00\n\
                1007,2024-01-07,c7,Jar,1\n";
    let ds = import_bytes("orders.csv", body.as_bytes(), &ImportOptions::default()).unwrap();
    let mut seen = BTreeSet::new();
    check_dataset(&ds, &mut seen);
    let example = |reason: &str| {
        let d = ds
            .report
            .dropped
            .iter()
            .find(|d| format!("{:?}", d.reason) == reason)
            .unwrap_or_else(|| panic!("no {reason}"));
        assert_eq!(d.examples.len(), 1, "{reason}: {:?}", d.examples);
        (d.examples[0].en(), d.examples[0].render(Lang::Zh))
    };
    let (en, zh) = example("QuantityNotPositive");
    assert_eq!(
        en,
        "orders.csv, row 2, column 'quantity': quantity 0 is zero or negative; expected a \
         quantity above 0 (returns count as such only when the order id starts with C or the \
         status says cancelled/refunded)"
    );
    assert_eq!(
        zh,
        "orders.csv 第 2 行“quantity”列：数量 0 为零或负数；数量应大于 0（只有订单号以 C 开头或状态为已取消/已退款时才算作退货）"
    );
    let (en, zh) = example("UnparseableDate");
    assert_eq!(
        en,
        "orders.csv, row 3, column 'order_date': 'not a date' is not a date this importer reads; \
         expected a date such as 2024-03-31, 31/03/2024, 03/31/2024 14:05 or an Excel serial number"
    );
    assert!(
        zh.starts_with("orders.csv 第 3 行“order_date”列：“not a date”不是能识别的日期"),
        "{zh}"
    );
    let (en, zh) = example("UnparseableNumber");
    assert!(
        en.starts_with("orders.csv, row 4, column 'unit_price': 'abc' is not a number; expected"),
        "{en}"
    );
    assert!(
        zh.starts_with("orders.csv 第 4 行“unit_price”列：“abc”不是数字；应为有限的数字，如 12"),
        "{zh}"
    );
    let (en, zh) = example("PriceNotPositive");
    assert_eq!(
        en,
        "orders.csv, row 5, column 'unit_price': unit price -1 is zero or negative; expected an amount above 0"
    );
    assert_eq!(
        zh,
        "orders.csv 第 5 行“unit_price”列：单价 -1 为零或负数；金额应大于 0"
    );
    let (en, zh) = example("DateOutOfRange");
    assert!(
        en.starts_with("orders.csv, row 6, column 'order_date': 1900-01-01"),
        "{en}"
    );
    assert!(
        zh.starts_with("orders.csv 第 6 行“order_date”列：1900-01-01")
            && zh.contains("不在可接受的 1970-2099 年范围内"),
        "{zh}"
    );
    let (en, zh) = example("MalformedRow");
    assert!(
        en.starts_with("orders.csv, row 7: 5 field(s) but the header has 6; expected one value per header column (1 missing from column 'unit_price' on)"),
        "{en}"
    );
    assert_eq!(
        zh,
        "orders.csv 第 7 行：只有 5 个字段，而表头有 6 列；每个表头列应有一个值（从“unit_price”列起缺少 1 个）"
    );
    // The formula and markup notes name their first cell in the language too.
    let f = &ds.report.files[0];
    let note = |key: &str| {
        let n = f
            .notes
            .iter()
            .find(|t| t.key == key)
            .unwrap_or_else(|| panic!("no {key}: {:?}", f.notes));
        (n.en(), n.render(Lang::Zh))
    };
    let (en, zh) = note("data.note.formulas");
    assert!(
        en.contains("(first: orders.csv, row 2, column 'product_name' '=SUM(A1)')"),
        "{en}"
    );
    assert!(
        zh.contains("（第一个：orders.csv 第 2 行“product_name”列的“=SUM(A1)”）"),
        "{zh}"
    );
    let (en, zh) = note("data.note.markup");
    assert!(
        en.contains("(first: orders.csv, row 4, column 'product_name' '<b>Pot</b>')"),
        "{en}"
    );
    assert!(
        zh.contains("（第一个：orders.csv 第 4 行“product_name”列的“<b>Pot</b>”）"),
        "{zh}"
    );
    // Mapping reasons name the field by its Chinese label; the English keeps the code name.
    let m = &f.mapping[0];
    assert_eq!(m.reason.en(), "header 'order_id' matches order_id");
    assert_eq!(m.reason.render(Lang::Zh), "表头“order_id”对应订单号");
    // A line total instead of a unit price: "line total" / "行金额".
    let no_qty = import_bytes(
        "lines.csv",
        b"order_id,order_date,line_total\n1,2024-01-02,0\n2,2024-01-03,5\n",
        &ImportOptions::default(),
    )
    .unwrap();
    let d = no_qty
        .report
        .dropped
        .iter()
        .find(|d| !d.examples.is_empty())
        .expect("a dropped row");
    assert_eq!(
        d.examples[0].en(),
        "lines.csv, row 1, column 'line_total': line total 0 is zero or negative; expected an amount above 0"
    );
    assert_eq!(
        d.examples[0].render(Lang::Zh),
        "lines.csv 第 1 行“line_total”列：行金额 0 为零或负数；金额应大于 0"
    );
}
