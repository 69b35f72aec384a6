//! Media-mix model on the shared data sets (../shared/data/mmm_*): behaviour checks on real
//! and published simulated data, the spend-file reader, and the identification refusal.

use shoplens::analytics::marketing::mmm::{self, BudgetParams, MmmInput, MmmParams, SpendSpec};
use shoplens::analytics::marketing::table::Table;
use std::path::Path;

/// Day `d` from Monday 2024-01-01 as `YYYY-MM-DD`.
fn day(d: i64) -> String {
    let (y, m, dd) = shoplens::data::dates::civil_from_days(19_723 + d);
    format!("{y:04}-{m:02}-{dd:02}")
}

/// An orders file with one order a day on `days`, one unit at `price(d)`.
fn daily_orders(days: std::ops::Range<i64>, price: impl Fn(i64) -> i64) -> String {
    let mut orders = String::from("order_id,order_date,quantity,unit_price\n");
    for d in days {
        orders += &format!("{d},{},1,{}\n", day(d), price(d));
    }
    orders
}

/// `csv` imported as an orders file.
fn import(csv: &str) -> shoplens::data::Dataset {
    shoplens::data::import_bytes("orders.csv", csv.as_bytes(), &Default::default()).unwrap()
}

fn table(rel: &str) -> Option<Table> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(rel);
    if !p.exists() {
        eprintln!("skipping: {} not found", p.display());
        return None;
    }
    Some(Table::from_path(&p).unwrap())
}

fn spec(rev: &str, ch: &[&str], ctl: Option<&[&str]>) -> SpendSpec {
    SpendSpec {
        date_column: None,
        revenue_column: Some(rev.into()),
        channels: Some(ch.iter().map(|s| s.to_string()).collect()),
        controls: ctl.map(|c| c.iter().map(|s| s.to_string()).collect()),
    }
}

#[test]
fn robyn_simulated_weekly() {
    let Some(t) = table("mmm_robyn/dt_simulated_weekly.csv") else {
        return;
    };
    let s = spec(
        "revenue",
        &["tv_S", "ooh_S", "print_S", "facebook_S", "search_S"],
        None,
    );
    let input = MmmInput::from_table(&t, &s, None).unwrap();
    assert_eq!(input.dates.len(), 208);
    assert_eq!(input.period_days, 7);
    // Auto controls: competitor sales, newsletter, and the "events" labels as 0/1 flags;
    // impressions/clicks (facebook_I, search_clicks_P) are not controls.
    let names: Vec<&str> = input.controls.iter().map(|c| c.name.as_str()).collect();
    assert!(
        names.contains(&"competitor_sales_B") && names.contains(&"newsletter"),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n.starts_with("events=")), "{names:?}");
    assert!(!names.contains(&"facebook_I"));
    let params = MmmParams {
        budget: Some(BudgetParams {
            total: 500_000.0,
            periods: 4,
            bounds: vec![],
        }),
        ..MmmParams::default()
    };
    let r = mmm::run(&input, &params).unwrap();
    assert!(r.fit.r2_train > 0.85, "{}", r.fit.r2_train);
    assert!(r.fit.r2_holdout.unwrap() > 0.7, "{:?}", r.fit.r2_holdout);
    // The decomposition adds up to the fitted values.
    for row in &r.decomposition {
        let s = row.base + row.controls + row.channels.iter().sum::<f64>();
        assert!((s - row.fitted).abs() <= 1e-6 * row.fitted.abs().max(1.0));
    }
    let a = r.allocation.unwrap();
    assert!(
        (a.channels.iter().map(|c| c.optimal_per_period).sum::<f64>() - 125_000.0).abs() < 1e-3
    );
    assert!(a.lift >= -1e-6 && a.converged);
    // Seeded: the same run gives the same numbers.
    let again = mmm::run(&input, &params).unwrap();
    assert_eq!(again.channels[0].roi, r.channels[0].roi);
}

#[test]
fn pymc_example_recognises_controls() {
    let Some(t) = table("mmm_pymc_marketing/mmm_example.csv") else {
        return;
    };
    let input = MmmInput::from_table(&t, &spec("y", &["x1", "x2"], None), None).unwrap();
    // dayofyear and t are calendar columns (trend/season are modelled), not controls.
    let names: Vec<&str> = input.controls.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["event_1", "event_2"]);
    let r = mmm::run(
        &input,
        &MmmParams {
            trials: 600,
            ..MmmParams::default()
        },
    )
    .unwrap();
    assert!(
        r.fit.r2_train > 0.9 && r.fit.r2_holdout.unwrap() > 0.7,
        "{:?}",
        r.fit
    );
    assert!(r.channels.iter().all(|c| c.roi.is_some()));
    // Both event controls lift revenue in the published simulation.
    assert!(r.controls.iter().all(|(_, b)| *b > 0.0), "{:?}", r.controls);
}

#[test]
fn real_world_data_is_refused_where_not_identified() {
    let Some(t) = table("mmm_sibylhe_realworld/mmm_stan_data.csv") else {
        return;
    };
    let ch = [
        "mdsp_dm",
        "mdsp_inst",
        "mdsp_nsp",
        "mdsp_auddig",
        "mdsp_audtr",
        "mdsp_vidtr",
        "mdsp_viddig",
        "mdsp_so",
        "mdsp_on",
        "mdsp_sem",
    ];
    let s = spec(
        "sales",
        &ch,
        Some(&["me_ics_all", "me_gas_dpg", "st_ct", "mrkdn_pdm"]),
    );
    let input = MmmInput::from_table(&t, &s, None).unwrap();
    assert_eq!(input.dates.len(), 209);
    let r = mmm::run(
        &input,
        &MmmParams {
            trials: 800,
            ..MmmParams::default()
        },
    )
    .unwrap();
    // 13 media on 209 weeks of real data: the model does not predict the held-out weeks, so
    // ROI is withheld with a plain-language reason rather than shown.
    assert!(!r.identification.reasons.is_empty());
    if r.fit.r2_holdout.unwrap() < 0.0 {
        assert!(r
            .channels
            .iter()
            .all(|c| c.roi.is_none() && c.roi_withheld.is_some()));
        assert!(!r.identification.roi_shown);
    }
    // Too many channels for too few periods: refused on parameter count.
    let short = MmmInput {
        dates: input.dates[..60].to_vec(),
        revenue: input.revenue[..60].to_vec(),
        channels: input
            .channels
            .iter()
            .map(|c| mmm::Series {
                name: c.name.clone(),
                values: c.values[..60].to_vec(),
            })
            .collect(),
        controls: vec![],
        ..input.clone()
    };
    let r = mmm::run(
        &short,
        &MmmParams {
            trials: 100,
            ..MmmParams::default()
        },
    )
    .unwrap();
    assert!(r.channels.iter().all(|c| c.roi.is_none()));
    assert!(
        r.identification
            .reasons
            .iter()
            .any(|m| m.en().contains("60 periods for 42 parameters")),
        "{:?}",
        r.identification.reasons
    );
}

#[test]
fn long_format_and_spend_name_recognition() {
    let mut wide = String::from("week,tv_spend,search_cost,promo,revenue\n");
    let mut long = String::from("date,channel,spend,revenue\n");
    for t in 0..30 {
        let d = 18_630 + 7 * t; // Mondays from 2021-01-04
        let (y, m, dd) = shoplens::data::dates::civil_from_days(d);
        let date = format!("{y:04}-{m:02}-{dd:02}");
        let tv = 100.0 + (t % 5) as f64 * 10.0;
        let se = 50.0 + (t % 3) as f64 * 5.0;
        let rev = 1000.0 + tv + se;
        wide.push_str(&format!("{date},{tv},{se},{},{rev}\n", t % 2));
        long.push_str(&format!("{date},tv,{tv},{rev}\n{date},search,{se},{rev}\n"));
    }
    let tw = Table::from_bytes("w.csv", wide.as_bytes()).unwrap();
    let iw = MmmInput::from_table(&tw, &SpendSpec::default(), None).unwrap();
    assert_eq!(
        iw.channels
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        vec!["tv_spend", "search_cost"]
    );
    assert_eq!(
        iw.controls
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        vec!["promo"]
    );
    let tl = Table::from_bytes("l.csv", long.as_bytes()).unwrap();
    let il = MmmInput::from_table(&tl, &SpendSpec::default(), None).unwrap();
    assert_eq!(il.channels.len(), 2);
    assert_eq!(il.channels[0].values, iw.channels[0].values);
    assert_eq!(il.revenue, iw.revenue);
    // The ad platforms' own exports of the same spend: Google Ads (report title and date range
    // above the header, "Day" / "Campaign" / "Cost", totals under the data) and Meta
    // ("Reporting starts" / "Campaign name" / "Amount spent (GBP)").
    let mut google = String::from(
        "Campaign report\n\"January 4, 2021 - July 26, 2021\"\nDay,Campaign,Cost,Conv. value\n",
    );
    let mut meta = String::from(
        "Reporting starts,Reporting ends,Campaign name,Amount spent (GBP),Impressions,revenue\n",
    );
    for line in long.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        google.push_str(&format!("{},{},\"{}\",{}\n", f[0], f[1], f[2], f[3]));
        meta.push_str(&format!(
            "{},{},{},{},1000,{}\n",
            f[0], f[0], f[1], f[2], f[3]
        ));
    }
    google.push_str("Total: Account,,\"4,800.00\",\n");
    let with_rev = |col: &str| SpendSpec {
        revenue_column: Some(col.into()),
        ..SpendSpec::default()
    };
    for (name, text, rev) in [
        ("Campaign report.csv", google, "Conv. value"),
        ("meta.csv", meta, "revenue"),
    ] {
        let t = Table::from_bytes(name, text.as_bytes()).unwrap();
        let i = MmmInput::from_table(&t, &with_rev(rev), None).unwrap();
        let names: Vec<&str> = i.channels.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["tv", "search"], "{name}");
        assert_eq!(i.channels[0].values, iw.channels[0].values, "{name}");
        assert_eq!(i.channels[1].values, iw.channels[1].values, "{name}");
        assert_eq!(i.revenue, iw.revenue, "{name}");
    }
    // Pinterest ("Spend in account currency") and Ocean Engine (巨量引擎: 日期 / 广告计划 / 消耗).
    for (name, head) in [
        (
            "pinterest.csv",
            "Date,Campaign name,Spend in account currency,revenue",
        ),
        ("ocean.csv", "日期,广告计划,消耗,revenue"),
    ] {
        let text = format!(
            "{head}\n{}",
            long.lines()
                .skip(1)
                .map(|l| format!("{l}\n"))
                .collect::<String>()
        );
        let t = Table::from_bytes(name, text.as_bytes()).unwrap();
        let i = MmmInput::from_table(&t, &with_rev("revenue"), None).unwrap();
        let names: Vec<&str> = i.channels.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["tv", "search"], "{name}");
        assert_eq!(i.channels[1].values, iw.channels[1].values, "{name}");
    }
    // A missing week is an error naming the problem.
    let gap = wide
        .lines()
        .enumerate()
        .filter(|(i, _)| *i != 5)
        .map(|(_, l)| format!("{l}\n"))
        .collect::<String>();
    let tg = Table::from_bytes("g.csv", gap.as_bytes()).unwrap();
    let e = MmmInput::from_table(&tg, &SpendSpec::default(), None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("gaps"), "{e}");
}

#[test]
fn revenue_from_orders_is_net_of_cancellations() {
    // Sixteen weeks of spend from Monday 1 January 2024 (the fewest a media-mix model takes);
    // one order of 20 units at 5.00 (100.00) each weekday. Cancelled: 30.00 on Wednesday
    // 3 January, 700.00 on Tuesday 16 January (more than that week's 500.00), 50.00 on
    // 1 June (after the spend file's weeks).
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut spend = String::from("date,spend_tv,spend_search\n");
    for w in 0..16 {
        let date = start + chrono::Duration::weeks(w);
        spend += &format!("{date},{},{}\n", 100 + 7 * (w % 5), 50 + 3 * (w % 4));
    }
    let t = Table::from_bytes("spend.csv", spend.as_bytes()).unwrap();
    let mut csv = String::from("order_id,order_date,customer_id,sku,quantity,unit_price\n");
    for d in 0..16 * 7 {
        let date = start + chrono::Duration::days(d);
        if chrono::Datelike::weekday(&date).num_days_from_monday() < 5 {
            csv += &format!("{d},{date},c{},A,20,5.0\n", d % 3);
        }
    }
    csv += "C1,2024-01-03,c1,A,-6,5.0\nC2,2024-01-16,c2,A,-140,5.0\nC3,2024-06-01,c0,A,-10,5.0\n";
    let data = shoplens::data::import_bytes(
        "orders.csv",
        csv.as_bytes(),
        &shoplens::data::ImportOptions::default(),
    )
    .unwrap();
    let input = MmmInput::from_table(&t, &SpendSpec::default(), Some(&data)).unwrap();
    // 500.00 a week; less 30.00 in the first, all of the third's 500.00 (700.00 refunded)
    let mut expected = vec![500.0; 16];
    expected[0] = 470.0;
    expected[2] = 0.0;
    assert_eq!(input.revenue, expected);
    let notes: Vec<String> = input.notes.iter().map(|n| n.en()).collect();
    assert!(
        notes.contains(
            &"Revenue is net of cancellations and returns: 530.00 (2 lines) was subtracted \
              from the period of its refund, as on the Forecast page."
                .to_string()
        ),
        "{notes:?}"
    );
    // Without orders a revenue column is needed, and nothing is netted.
    assert!(MmmInput::from_table(&t, &SpendSpec::default(), None).is_err());
}

/// Several spend files at once (a Google Ads and a Meta export, each one row per day and
/// campaign): read together on one daily grid from the first to the last day, a day missing
/// from a file counting as no spend on its campaigns, a campaign name taken twice kept apart
/// by its file name; revenue from the orders. Different periods are refused; with revenue
/// from a weekly file, another file's Sunday-dated weeks are added to the Monday week they
/// fall in.
#[test]
fn several_spend_files() {
    let mut google = String::from("Day,Campaign,Cost\n");
    for d in 0..40 {
        google += &format!(
            "{},Brand,{}\n{},Search,{}\n",
            day(d),
            10 + d % 3,
            day(d),
            20
        );
    }
    let mut meta = String::from("Reporting starts,Campaign name,Amount spent (GBP)\n");
    for d in 10..50 {
        meta += &format!(
            "{},Brand,5\n{},Prospecting,{}\n",
            day(d),
            day(d),
            30 + d % 4
        );
    }
    let orders = daily_orders(0..50, |d| 100 + d);
    let data = import(&orders);
    let tables = [
        Table::from_bytes("exports/google.csv", google.as_bytes()).unwrap(),
        Table::from_bytes("exports/meta.csv", meta.as_bytes()).unwrap(),
    ];
    let i = MmmInput::from_tables(&tables, &SpendSpec::default(), Some(&data)).unwrap();
    assert_eq!(i.period_days, 1);
    assert_eq!(i.dates.len(), 50);
    assert_eq!(i.dates[0], 19_723);
    let names: Vec<&str> = i.channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Brand", "Search", "Brand (meta.csv)", "Prospecting"]
    );
    assert_eq!(i.channels[0].values[2], 12.0);
    assert_eq!(
        i.channels[1].values[45], 0.0,
        "Google lists no day after 39"
    );
    assert_eq!(i.channels[2].values[0], 0.0, "Meta starts on day 10");
    assert_eq!(i.channels[3].values[11], 33.0);
    assert_eq!(i.revenue[7], 107.0);
    assert_eq!(
        i.revenue.iter().sum::<f64>(),
        (0..50).map(|d| 100.0 + d as f64).sum::<f64>()
    );
    let notes: Vec<String> = i.notes.iter().map(|n| n.en()).collect();
    assert!(
        notes[0].starts_with("2 spend files read together (google.csv, meta.csv)"),
        "{notes:?}"
    );
    assert!(notes.iter().any(|n| n == "'Brand' appears in meta.csv and in an earlier file: named 'Brand (meta.csv)' here."), "{notes:?}");
    assert!(
        notes.iter().any(|n| n.starts_with("meta.csv: Long format")),
        "{notes:?}"
    );
    // Meta names its currency in the spend header; the orders name none.
    assert_eq!(i.currency.as_deref(), Some("GBP"));
    // Orders in dollars against spend in pounds: said, and no symbol is shown.
    let usd = orders
        .lines()
        .enumerate()
        .map(|(k, l)| {
            if k == 0 {
                format!("{l},currency\n")
            } else {
                format!("{l},USD\n")
            }
        })
        .collect::<String>();
    let usd = shoplens::data::import_bytes(
        "usd.csv",
        usd.as_bytes(),
        &shoplens::data::ImportOptions::default(),
    )
    .unwrap();
    let i = MmmInput::from_tables(&tables, &SpendSpec::default(), Some(&usd)).unwrap();
    assert_eq!(i.currency, None);
    assert!(i.notes.iter().any(|n| n.en() == "The spend is in GBP but the orders' revenue in USD: ROI divides amounts in two currencies; convert one of them first."));
    let i = MmmInput::from_tables(&tables[..1], &SpendSpec::default(), Some(&usd)).unwrap();
    assert_eq!(
        i.currency.as_deref(),
        Some("USD"),
        "Google's file names no currency: the orders'"
    );
    // A weekly file with a daily one: refused, naming both.
    let mut weekly = String::from("date,spend_tv\n");
    for w in 0..20 {
        weekly += &format!("{},{}\n", day(7 * w), 100);
    }
    let tw = Table::from_bytes("tv.csv", weekly.as_bytes()).unwrap();
    let e = MmmInput::from_tables(&[tables[0].clone(), tw], &SpendSpec::default(), Some(&data))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("google.csv one every 1 day(s), tv.csv one every 7 day(s)"),
        "{e}"
    );
    // Revenue from a weekly file (Mondays); a second file's weeks dated on Sundays are added
    // to the Monday week they fall in, the Sunday before the first Monday is left out.
    let mut rev = String::from("week,spend_tv,revenue\n");
    let mut sun = String::from("date,channel,spend\n");
    for w in 0..20 {
        rev += &format!("{},{},{}\n", day(7 * w), 100 + w, 1000 + w);
        sun += &format!("{},radio,{}\n", day(7 * w - 1), 10 + w);
    }
    let t2 = [
        Table::from_bytes("tv.csv", rev.as_bytes()).unwrap(),
        Table::from_bytes("radio.csv", sun.as_bytes()).unwrap(),
    ];
    let i = MmmInput::from_tables(&t2, &SpendSpec::default(), None).unwrap();
    assert_eq!(i.dates.len(), 20);
    assert_eq!(i.revenue[3], 1003.0);
    assert_eq!(i.channels[1].name, "radio");
    assert_eq!(
        i.channels[1].values[0], 11.0,
        "Sunday of week 1 is in the week from day 0"
    );
    assert_eq!(i.channels[1].values[19], 0.0);
    let notes: Vec<String> = i.notes.iter().map(|n| n.en()).collect();
    assert!(
        notes.contains(&"1 value(s) of radio.csv fall outside the periods of the revenue file and were left out.".to_string()),
        "{notes:?}"
    );
}

/// Weekly files whose weeks start on different weekdays (a Monday-week export and a Meta
/// export of Sunday-dated weeks), revenue from the orders: one grid on the first file's
/// weekday from the earliest week, each other value added to the week its date falls in
/// (as with a revenue file), said; before, the merged dates were uneven and refused.
#[test]
fn weekly_files_on_different_weekdays() {
    let mut tv = String::from("week,spend_tv\n");
    let mut radio = String::from("Reporting starts,Campaign name,Amount spent\n");
    for w in 0..20 {
        tv += &format!("{},{}\n", day(7 * w), 100 + w);
        radio += &format!("{},Radio,{}\n", day(7 * w + 6), 10 + w);
    }
    let data = import(&daily_orders(0..140, |d| 10 + d % 7));
    let tables = [
        Table::from_bytes("tv.csv", tv.as_bytes()).unwrap(),
        Table::from_bytes("meta.csv", radio.as_bytes()).unwrap(),
    ];
    let i = MmmInput::from_tables(&tables, &SpendSpec::default(), Some(&data)).unwrap();
    assert_eq!(i.period_days, 7);
    assert_eq!(i.dates.len(), 20);
    assert_eq!(i.dates[0], 19_723, "the first file's Mondays");
    assert_eq!(i.dates[19], 19_723 + 133);
    assert_eq!(i.channels[0].values[3], 103.0);
    // Meta's week dated Sunday day 6 is in the Monday week from day 0.
    assert_eq!(i.channels[1].name, "Radio");
    assert_eq!(i.channels[1].values[0], 10.0);
    assert_eq!(i.channels[1].values[19], 29.0);
    // 10 + 11 + … + 16 per week.
    assert!(i.revenue.iter().all(|&r| r == 91.0), "{:?}", i.revenue);
    let notes: Vec<String> = i.notes.iter().map(|n| n.en()).collect();
    assert!(
        notes.contains(&"meta.csv: its periods start on another day than those of tv.csv; each value is added to the period of tv.csv that its date falls in.".to_string()),
        "{notes:?}"
    );
    // A Meta week dated before the first Monday: the grid starts a week earlier.
    let early = format!(
        "Reporting starts,Campaign name,Amount spent\n{},Radio,9\n{}",
        day(-1),
        &radio[radio.find('\n').unwrap() + 1..]
    );
    let tables = [
        tables[0].clone(),
        Table::from_bytes("meta.csv", early.as_bytes()).unwrap(),
    ];
    let i = MmmInput::from_tables(&tables, &SpendSpec::default(), Some(&data)).unwrap();
    assert_eq!(i.dates[0], 19_723 - 7);
    assert_eq!(i.dates.len(), 21);
    assert_eq!(
        (i.channels[0].values[0], i.channels[1].values[0]),
        (0.0, 9.0)
    );
    assert_eq!(i.revenue[0], 0.0, "no orders before day 0");
}

/// A revenue column in the spend file is never taken as a control, also when revenue comes
/// from the imported orders (it would explain revenue by itself).
#[test]
fn revenue_column_is_not_a_control() {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut spend = String::from("date,spend_tv,spend_search,promo,revenue\n");
    let mut csv = String::from("order_id,order_date,quantity,unit_price\n");
    for w in 0..16 {
        let date = start + chrono::Duration::weeks(w);
        spend += &format!("{date},{},{},{},{}\n", 100 + w, 50 + w % 3, w % 2, 999);
        csv += &format!("{w},{date},1,{}\n", 100 + w);
    }
    let t = Table::from_bytes("spend.csv", spend.as_bytes()).unwrap();
    let data = shoplens::data::import_bytes(
        "orders.csv",
        csv.as_bytes(),
        &shoplens::data::ImportOptions::default(),
    )
    .unwrap();
    let i = MmmInput::from_table(&t, &SpendSpec::default(), Some(&data)).unwrap();
    let controls: Vec<&str> = i.controls.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(controls, vec!["promo"]);
    assert_eq!(i.revenue[2], 102.0);
}
