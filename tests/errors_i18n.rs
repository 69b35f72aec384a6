//! Every error of the core is a catalogue sentence: triggered through the public functions
//! with bad input, its English (`Display`, what the CLI prints) is the wording it always had,
//! and its Chinese is Chinese with the same numbers and names.

use shoplens::analytics::action::ActionParams;
use shoplens::analytics::basket::{self, BasketParams, LineFilter};
use shoplens::analytics::customers::{self, CustomersParams};
use shoplens::analytics::forecast::series::LongSeries;
use shoplens::analytics::marketing::elasticity::{ElasticityInput, ElasticitySpec};
use shoplens::analytics::marketing::ols;
use shoplens::analytics::marketing::promo::{PromoInput, PromoSpec};
use shoplens::analytics::marketing::table::Table;
use shoplens::analytics::marketing::tree::{self, TreeInput, TreeParams};
use shoplens::analytics::overview::{self, OverviewParams};
use shoplens::analytics::recommend::{self, Interactions, RecommendParams};
use shoplens::data::{import_bytes, Dataset, ImportOptions};
use shoplens::session::read_meta;
use shoplens::text::{CellError, Lang, Text};

mod common;

/// English as before (`Display` too), Chinese with every one of `zh_has` (numbers, names) in it.
fn check(text: Text, display: String, en: &str, zh_has: &[&str]) {
    assert_eq!(display, en);
    assert_eq!(text.en(), en);
    common::assert_zh(en, &text, zh_has);
}

/// Orders without customer ids (guest orders).
fn guests() -> Dataset {
    let csv = b"order_id,order_date,sku,description,quantity,unit_price\n\
        1,2011-01-03,A,Apple,2,1.5\n\
        1,2011-01-03,B,Bread,1,2.0\n\
        2,2011-01-04,A,Apple,1,1.5\n\
        3,2011-01-05,B,Bread,3,2.0\n";
    import_bytes("guests.csv", csv, &ImportOptions::default()).expect("imports")
}

#[test]
fn data_errors() {
    let e = import_bytes(
        "nodate.csv",
        b"Order,Qty,Price\n1,2,3\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "nodate.csv: cannot find a date column (headers: Order, Qty, Price)",
        &["nodate.csv", "找不到日期列", "Order, Qty, Price"],
    );
    let e = import_bytes(
        "nothing.csv",
        b"Order,Date,Qty\n1,2011-01-01,2\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "nothing.csv: cannot find a line total or both quantity and unit price (headers: Order, Date, Qty)",
        &["nothing.csv", "单价", "Order, Date, Qty"],
    );
    let e = import_bytes("empty.csv", b"", &ImportOptions::default()).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "empty.csv: the file is empty",
        &["empty.csv：文件是空的"],
    );
    let e = import_bytes(
        "zip.xlsx",
        b"PK\x03\x04rest of a zip",
        &ImportOptions::default(),
    )
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "zip.xlsx: this is a zip/Excel file, not CSV text: export or save it as CSV first",
        &["zip.xlsx", "CSV"],
    );
}

#[test]
fn session_errors() {
    let e = read_meta(r#"{"format":0}"#).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "the stored session has the older storage format 0 (this version reads 1)",
        &["格式 0", "格式 1"],
    );
    let e = read_meta(r#"{"format":7}"#).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "the stored session has the newer storage format 7 (this version reads 1)",
        &["较新", "7"],
    );
    let e = read_meta("{}").unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "the stored session could not be read: no storage-format version",
        &["无法读取保存的会话", "no storage-format version"],
    );
}

#[test]
fn overview_errors() {
    let ds = guests();
    let e = overview::run(
        &ds,
        &OverviewParams {
            date_from: Some("2011-13-45".into()),
            ..OverviewParams::default()
        },
    )
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "date_from: '2011-13-45' is not a date in YYYY-MM-DD form",
        &["date_from", "2011-13-45", "日期"],
    );
    let e = overview::run(
        &ds,
        &OverviewParams {
            date_from: Some("2011-02-01".into()),
            date_to: Some("2011-01-01".into()),
            ..OverviewParams::default()
        },
    )
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "date_from 2011-02-01 is after date_to 2011-01-01",
        &["2011-02-01", "晚于", "2011-01-01"],
    );
}

#[test]
fn customers_errors() {
    let e = customers::run(&guests(), &CustomersParams::default()).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "no customers to analyse: no sale line has a customer id (guest orders only)",
        &["没有可分析的客户", "游客订单"],
    );
    // Each reason is a catalogue sentence (was matched by its English, and this one fell
    // through to English).
    let e = customers::gamma_gamma::fit(&[(1, 10.0), (0, 5.0)]).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "no customers to analyse: Gamma-Gamma needs repeat customers with positive spend",
        &["没有可分析的客户", "正消费额的回头客"],
    );
}

#[test]
fn basket_and_recommend_errors() {
    let e = LineFilter::parse("colour").unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "filter 'colour': expected COLUMN=VALUE with COLUMN one of country, category, currency",
        &["colour", "筛选条件"],
    );
    // The default settings leave no basket in these few guest orders.
    let e = basket::run(&guests(), &BasketParams::default()).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "no baskets left after the filter (no filter) and the exclusions",
        &["未筛选", "购物篮"],
    );
    let e = recommend::run(
        &guests(),
        &RecommendParams {
            top_n: 0,
            ..RecommendParams::default()
        },
    )
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "parameter top_n: must be in 1..=1000",
        &["top_n", "参数"],
    );
    // Guest orders only: the reason is the missing customer ids, not the training period.
    let e = recommend::run(&guests(), &RecommendParams::default()).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "no interactions: no sale line has a customer id (guest orders only), and recommendations need to know who bought what",
        &["客户编号", "游客订单"],
    );
    // A bad cell of an interactions file: the shared location sentence, the reason translated.
    let read =
        |csv: &str| Interactions::from_csv_reader(csv.as_bytes(), "ratings.csv").unwrap_err();
    let e = read("user,item\n");
    check(
        e.text(),
        e.to_string(),
        "no interactions: ratings.csv: no usable rows",
        &["没有交互记录", "ratings.csv：没有可用的行"],
    );
    for (csv, en, zh) in [
        (
            "user,item\n,B\n",
            "ratings.csv, row 1, column 'user': empty user id",
            "用户 ID 为空",
        ),
        (
            "user,item\nu1,\n",
            "ratings.csv, row 1, column 'item': empty item id",
            "商品 ID 为空",
        ),
        (
            "user,item,rating\nu1,B,five\n",
            "ratings.csv, row 1, column 'rating': expected a number, found 'five'",
            "应为数字",
        ),
        (
            "user,item,rating,timestamp\nu1,B,5,soon\n",
            "ratings.csv, row 1, column 'timestamp': expected Unix seconds or YYYY-MM-DD, found 'soon'",
            "应为 Unix 秒数",
        ),
    ] {
        let e = read(csv);
        check(e.text(), e.to_string(), en, &["ratings.csv", zh]);
    }
}

#[test]
fn action_errors() {
    let cases: [(ActionParams, &str, &[&str]); 3] = [
        (
            ActionParams {
                clv_quantile: 2.0,
                ..ActionParams::default()
            },
            "invalid parameter clv_quantile: 2 is outside 0..=1",
            &["clv_quantile", "无效", "2 不在允许范围 0..=1 内"],
        ),
        (
            ActionParams {
                items_per_customer: 21,
                ..ActionParams::default()
            },
            "invalid parameter items_per_customer: 21 is above 20",
            &["items_per_customer", "21 超过上限 20"],
        ),
        (
            ActionParams {
                power: 0.3,
                ..ActionParams::default()
            },
            "invalid parameter power: 0.3 is outside (0.5, 1)",
            &["power", "0.3 不在允许范围 (0.5, 1) 内"],
        ),
    ];
    for (params, en, zh) in cases {
        let e = params.validate().unwrap_err();
        check(e.text(), e.to_string(), en, zh);
    }
}

/// The budget allocation's channel limits, as typed on the page and the command line.
#[test]
fn channel_bound_errors() {
    let e = shoplens::analytics::marketing::mmm::ChannelBound::parse("tv 5").unwrap_err();
    let zh = e.text().render(Lang::Zh);
    assert!(
        e.to_string().ends_with("'tv 5': expected CHANNEL=MIN:MAX"),
        "{e}"
    );
    assert!(zh.contains("“tv 5”：格式应为"), "{zh}");
}

#[test]
fn marketing_errors() {
    let spend =
        Table::from_bytes("spend.csv", b"date,tv\n2024-01-01,5\n2024-01-08,x\n").expect("reads");
    let e = spend.column_index("radio").unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "spend.csv: no column named 'radio' (columns: date, tv)",
        &["spend.csv", "radio", "date, tv", "没有名为"],
    );
    let e = spend.numeric(1).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "spend.csv, row 2, column 'tv': expected a number, found 'x'",
        &["spend.csv", "第 2 行", "tv", "x", "应为数字"],
    );
    let e = Table::from_bytes("blank.csv", b"").unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "blank.csv: the file has no header row",
        &["blank.csv", "表头"],
    );

    let t = Table::from_bytes("prices.csv", b"week,price\n1,2.5\n2,2.4\n").expect("reads");
    let e = ElasticityInput::from_table(&t, &ElasticitySpec::default()).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "prices.csv: no units column found (looked for logmove, units, quantity, qty, volume…; columns: week, price); name it with --units-column",
        &["prices.csv", "week, price", "--units-column", "销量列"],
    );
    let t = Table::from_bytes("promo.csv", b"units,flag\n5,0\n6,1\n").expect("reads");
    let e = PromoInput::from_table(&t, &PromoSpec::default()).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "promo.csv: no date column (and no integer week column) found; name it with --date-column",
        &["promo.csv", "--date-column", "日期列"],
    );

    let e = ols::fit(3, 2, &["a".into(), "b".into()], |_, _| 0.0).unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "3 observations for 2 parameters: at least 4 are needed",
        &["3 个观测值", "2 个参数", "4 个"],
    );
    // Singular designs: a column of zeros, and two identical columns.
    let names = ["a".to_string(), "b".to_string()];
    let e = ols::fit(6, 2, &names, |i, buf| {
        buf.clear();
        buf.push((0, 1.0));
        i as f64
    })
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "the regressors are perfectly collinear (a column is a combination of others: column 'b' is all zero)",
        &["共线", "“b”列全是零"],
    );
    let e = ols::fit(6, 2, &names, |i, buf| {
        buf.clear();
        buf.push((0, 1.0 + i as f64));
        buf.push((1, 1.0 + i as f64));
        i as f64
    })
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "the regressors are perfectly collinear (a column is a combination of others: check for duplicated or constant columns)",
        &["共线", "请检查是否有重复列或常数列"],
    );

    let t = Table::from_bytes("small.csv", b"revenue,x\n1,2\n3,4\n").expect("reads");
    let e = TreeInput::from_table(&t, "revenue", None)
        .and_then(|i| tree::run(&i, &TreeParams::default()))
        .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "2 rows: a tree needs at least 4",
        &["2 行", "4 行"],
    );
}

#[test]
fn forecast_data_errors() {
    let e = LongSeries::from_csv_reader(&b"a,b\nx,y\n"[..], "long.csv").unwrap_err();
    let en = e.to_string();
    assert!(
        en.starts_with("long.csv: cannot find a period column ("),
        "{en}"
    );
    assert!(
        en.ends_with(") and a numeric value column in the header a, b"),
        "{en}"
    );
    let zh = e.text().render(Lang::Zh);
    assert!(
        zh.contains("long.csv") && zh.contains("找不到时期列"),
        "{zh}"
    );
}

/// A parameter check's explanation is Chinese too, not only the frame around it.
#[test]
fn parameter_explanations_are_translated() {
    let e = BasketParams {
        min_support: 0.0,
        ..BasketParams::default()
    }
    .validate()
    .expect_err("min_support 0 is invalid");
    let zh = e.text().render(Lang::Zh);
    assert_eq!(e.to_string(), "parameter min_support: must be in (0, 1]");
    assert_eq!(zh, "参数 min_support：必须大于 0 且不超过 1");
    let e = RecommendParams {
        top_n: 0,
        ..RecommendParams::default()
    };
    let e = recommend::run(&guests(), &e).expect_err("top_n 0 is invalid");
    let zh = e.text().render(Lang::Zh);
    assert!(zh.contains("top_n") && zh.contains("1 到 1000"), "{zh}");
    assert!(!zh.contains("must"), "{zh}");
    // Explanations with the value in them are sentences too (they used to stay English).
    let e = CustomersParams {
        k: Some(60),
        ..CustomersParams::default()
    }
    .validate()
    .expect_err("k 60 is invalid");
    check(
        e.text(),
        e.to_string(),
        "invalid parameter 'k': 60 is outside 1..=50",
        &["k", "60", "1..=50"],
    );
    let e = CustomersParams {
        calibration_end: Some("2011-13-01".into()),
        ..CustomersParams::default()
    }
    .validate()
    .expect_err("month 13 is invalid");
    check(
        e.text(),
        e.to_string(),
        "invalid parameter 'calibration_end': '2011-13-01' is not a date of the form YYYY-MM-DD",
        &["calibration_end", "2011-13-01", "YYYY-MM-DD"],
    );
}

#[test]
fn cell_locations_share_one_sentence() {
    use shoplens::analytics::forecast::ForecastError;
    use shoplens::text::Location;
    let at = Location {
        file: "tiny.csv",
        row: 24,
        column: "value",
    };
    assert_eq!(at.text().en(), "tiny.csv, row 24, column 'value'");
    assert_eq!(at.text().render(Lang::Zh), "tiny.csv 第 24 行“value”列");
    let e = at.error(Text::new("common.err.expected_number").str("found", "five"));
    assert_eq!(
        e.en(),
        "tiny.csv, row 24, column 'value': expected a number, found 'five'"
    );
    assert_eq!(
        e.render(Lang::Zh),
        "tiny.csv 第 24 行，“value”列：应为数字，实际是“five”"
    );
    let e = ForecastError::Cell(CellError::new(
        "s.csv",
        3,
        "y",
        Text::new("forecast.err.not_finite_value"),
    ));
    check(
        e.text(),
        e.to_string(),
        "s.csv, row 3, column 'y': value is not finite",
        &["s.csv 第 3 行，“y”列：数值不是有限数"],
    );
    let e = ForecastError::Cell(CellError::new("s.csv", 4, "date", Text::raw("bad")));
    check(
        e.text(),
        e.to_string(),
        "s.csv, row 4, column 'date': bad",
        &["s.csv 第 4 行，“date”列：bad"],
    );
}

#[test]
fn budget_limits_are_translated() {
    use shoplens::analytics::marketing::mmm::{BudgetParams, ChannelBound, MmmParams};
    let e = ActionParams {
        budget: Some(-5.0),
        ..ActionParams::default()
    }
    .validate()
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "invalid parameter budget: must be zero or more, got -5",
        &["budget", "不能小于 0，当前为 -5"],
    );
    let e = MmmParams {
        budget: Some(BudgetParams {
            total: 100.0,
            periods: 4,
            bounds: vec![ChannelBound {
                channel: "tv".into(),
                min: 5.0,
                max: 1.0,
            }],
        }),
        ..MmmParams::default()
    }
    .validate()
    .unwrap_err();
    check(
        e.text(),
        e.to_string(),
        "invalid parameter budget: bounds of tv must be 0 ≤ min ≤ max",
        &["tv 的上下限必须满足 0 ≤ 最小值 ≤ 最大值"],
    );
}
