//! Overview KPIs on UCI Online Retail; reference values from pandas
//! (`python3 benches/pandas_import.py`, same cleaning).

use shoplens::analytics::overview::{run, Comparison, OverviewError, OverviewParams};
use shoplens::data::{import_paths, Dataset, ImportOptions};
use std::path::PathBuf;
use std::sync::OnceLock;

fn uci() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/online_retail_uci/online_retail.csv.gz");
        import_paths(&[p], &ImportOptions::default()).unwrap()
    })
}

/// The first and last day and the length of a compared period.
fn span(p: &shoplens::analytics::overview::PreviousPeriod) -> (&str, &str, i64) {
    (p.from.as_str(), p.to.as_str(), p.days)
}

fn close(a: f64, b: f64, tol: f64) {
    assert!((a - b).abs() <= tol, "{a} vs {b}");
}

#[test]
fn whole_range() {
    let r = run(uci(), &OverviewParams::default()).unwrap();
    let k = &r.kpis;
    close(k.revenue, 10_666_684.544, 1e-3);
    assert_eq!(k.orders, 19_960);
    assert_eq!(k.customers, 4_338);
    assert_eq!(k.lines, 530_104);
    assert_eq!(k.guest_orders, 1_428);
    close(k.average_order_value, 534.403033, 1e-6);
    close(k.repeat_purchase_rate, 0.655832, 1e-6);
    close(k.returns_rate, 0.084076, 1e-6);
    assert_eq!(r.data_from.as_deref(), Some("2010-12-01"));
    assert_eq!(r.data_to.as_deref(), Some("2011-12-09"));
    assert_eq!(r.weekly.len(), 54);
    assert_eq!(r.weekly[0].start, "2010-11-29");
    close(r.weekly[0].revenue, 185_427.830, 1e-3);
    assert_eq!(r.weekly[53].start, "2011-12-05");
    close(r.weekly[53].revenue, 504_309.930, 1e-3);
    assert_eq!(r.monthly.len(), 13);
    assert_eq!(r.monthly[0].start, "2010-12-01");
    close(r.monthly[0].revenue, 823_746.140, 1e-3);
    assert_eq!(r.monthly[0].orders, 1_559);
    // Incomplete periods (the shop sells on every day but Saturday): the data start on
    // Wednesday 1 December 2010 (the Monday and Tuesday of its week are missing) and end on
    // Friday 9 December 2011 (its Sunday is missing), so the first and last weeks are
    // incomplete; December 2010 starts on the 1st, December 2011 stops on the 9th.
    let marked = |pts: &[shoplens::analytics::overview::PeriodPoint]| -> Vec<usize> {
        (0..pts.len()).filter(|&i| pts[i].incomplete).collect()
    };
    assert_eq!(marked(&r.weekly), [0, 53]);
    assert_eq!(
        (r.shown_from.as_deref(), r.shown_to.as_deref()),
        (Some("2010-12-01"), Some("2011-12-09"))
    );
    assert_eq!(marked(&r.monthly), [12]);
    // New and returning customers (pandas: a customer is new in the month of their first
    // purchase): every customer is new over the whole range; by month 885 / 885 in Dec 2010,
    // 741 / 417 in Jan 2011, 1,664 / 323 in Nov 2011, 615 / 41 in Dec 2011.
    assert_eq!((k.new_customers, k.returning_customer_rate), (4_338, 0.0));
    let by_month: Vec<(u64, u64)> = r
        .monthly
        .iter()
        .map(|m| (m.customers, m.new_customers))
        .collect();
    assert_eq!(by_month[0], (885, 885));
    assert_eq!(by_month[1], (741, 417));
    assert_eq!(by_month[11], (1_664, 323));
    assert_eq!(by_month[12], (615, 41));
    assert_eq!(by_month.iter().map(|m| m.1).sum::<u64>(), 4_338);
    let total: f64 = r.monthly.iter().map(|p| p.revenue).sum();
    close(total, k.revenue, 1e-3);
    // Postage, fees, adjustments and gift vouchers are listed apart: 3,922 codes in pandas'
    // groupby, of which 17 are not goods (2,361 lines worth 395,439.814 and 11,291 units in
    // pandas; the six vouchers 2,361 − 2,329 = 32 lines, 769.14 and 34 units).
    assert_eq!(r.products.len(), 3_905);
    let top = &r.products[0];
    assert_eq!(
        (top.sku.as_str(), top.name.as_str()),
        ("22423", "REGENCY CAKESTAND 3 TIER")
    );
    close(top.revenue, 174_484.74, 1e-3);
    assert_eq!(
        (top.quantity, top.orders, top.customers),
        (13_879.0, 1_988, 881)
    );
    let codes: Vec<&str> = r.non_products.iter().map(|p| p.sku.as_str()).collect();
    assert_eq!(
        codes,
        [
            "DOT",
            "M",
            "POST",
            "AMAZONFEE",
            "B",
            "C2",
            "gift_0001_30",
            "gift_0001_50",
            "gift_0001_20",
            "BANK CHARGES",
            "23574",
            "gift_0001_40",
            "22016",
            "gift_0001_10",
            "S",
            "m",
            "PADS"
        ]
    );
    let dot = &r.non_products[0];
    close(dot.revenue, 206_248.77, 1e-3);
    assert_eq!((dot.quantity, dot.orders, dot.customers), (706.0, 706, 1));
    assert_eq!(
        r.non_products[10].not_a_product.as_ref().map(|t| t.en()),
        Some("description 'PACKING CHARGE' mentions CHARGE".to_owned())
    );
    assert_eq!(
        r.non_products[6].not_a_product.as_ref().map(|t| t.en()),
        Some(
            "'Dotcomgiftshop Gift Voucher £30.00' is a gift card or voucher: money paid for a \
             later purchase, not goods"
                .to_owned()
        )
    );
    close(r.non_products[6].revenue, 175.53, 1e-6);
    close(r.non_products_revenue, 395_439.814, 1e-3);
    assert_eq!(r.non_products_units, 11_291.0);
    // Nothing is lost: goods and the rest add up to the revenue KPI.
    let listed: f64 = r
        .products
        .iter()
        .chain(&r.non_products)
        .map(|p| p.revenue)
        .sum();
    close(listed, k.revenue, 1e-3);
    assert_eq!(r.countries.len(), 38);
    let uk = &r.countries[0];
    assert_eq!(uk.country, "United Kingdom");
    close(uk.revenue, 9_025_222.084, 1e-3);
    assert_eq!((uk.orders, uk.customers), (18_019, 3_920));
    assert_eq!(r.countries[1].country, "Netherlands");
    // Orders by weekday and hour (pandas: each invoice at its first line's time, crosstab of
    // day_of_week and hour): no Saturday sales, hours 6–20, the busiest cell Wednesday 12:00
    // with 629 orders, 19,960 in all; revenue of Wednesday 12:00 lines 295,990.11.
    let bt = &r.buying_times;
    assert!(bt.has_times);
    assert_eq!(bt.busiest(), Some((2, 12, 629)));
    assert_eq!(bt.hour_span(), 6..=20);
    assert_eq!(bt.by_weekday().iter().sum::<u64>(), 19_960);
    assert_eq!(bt.by_weekday()[5], 0);
    assert_eq!(
        (
            bt.orders[3][6],
            bt.orders[3][20],
            bt.orders[6][10],
            bt.orders[0][12]
        ),
        (1, 16, 225, 497)
    );
    close(bt.revenue[2][12], 295_990.11, 1e-6);
    close(bt.revenue[3][12], 287_774.80, 1e-6);
    close(bt.revenue.iter().flatten().sum::<f64>(), k.revenue, 1e-3);
}

#[test]
fn first_quarter_2011() {
    let p = OverviewParams {
        date_from: Some("2011-01-01".into()),
        date_to: Some("2011-03-31".into()),
        ..OverviewParams::default()
    };
    let r = run(uci(), &p).unwrap();
    let k = &r.kpis;
    close(k.revenue, 1_932_635.81, 1e-3);
    assert_eq!(
        (k.orders, k.customers, k.lines, k.guest_orders),
        (3_640, 1_776, 97_214, 335)
    );
    close(k.repeat_purchase_rate, 0.360923, 1e-6);
    close(k.returns_rate, 0.098987, 1e-6);
    // 1,249 of the 1,776 customers bought for the first time (pandas).
    assert_eq!(k.new_customers, 1_249);
    close(k.returning_customer_rate, 0.296734, 1e-6);
    // The range starts on Saturday 2011-01-01: its week (from Monday 2010-12-27) has no sales.
    assert_eq!(r.weekly.len(), 14);
    assert_eq!(
        (
            r.weekly[0].start.as_str(),
            r.weekly[0].revenue,
            r.weekly[0].orders
        ),
        ("2010-12-27", 0.0, 0)
    );
    assert_eq!(r.weekly[1].start, "2011-01-03");
    close(r.weekly[1].revenue, 133_658.19, 1e-3);
    assert_eq!(r.weekly[13].start, "2011-03-28");
    close(r.weekly[13].revenue, 160_109.82, 1e-3);
    assert_eq!(r.monthly.len(), 3);
    // The range cuts both end weeks on days the shop opens (Monday 27 to Friday 31 December
    // before it; Friday 1 and Sunday 3 April after it); the months are whole.
    assert!(r.weekly[0].incomplete && r.weekly[13].incomplete);
    assert!(r.weekly[1..13].iter().all(|w| !w.incomplete));
    assert!(r.monthly.iter().all(|m| !m.incomplete));
    assert_eq!(
        (r.shown_from.as_deref(), r.shown_to.as_deref()),
        (Some("2011-01-01"), Some("2011-03-31"))
    );
    close(r.monthly[0].revenue, 691_364.56, 1e-3);
    assert_eq!(r.monthly[0].orders, 1_086);
    // pandas: 2,974 codes, 9 of them not goods (AMAZONFEE, BANK CHARGES, C2, DOT, M, POST and
    // the £10, £20 and £30 gift vouchers).
    assert_eq!((r.products.len(), r.non_products.len()), (2_965, 9));
    assert_eq!(r.products[0].sku, "23166");
    assert_eq!(r.products[0].name, "MEDIUM CERAMIC TOP STORAGE JAR");
    assert_eq!(r.countries.len(), 30);
    assert_eq!(
        (r.countries[0].orders, r.countries[0].customers),
        (3_274, 1_595)
    );
}

#[test]
fn bad_params() {
    let bad = OverviewParams {
        date_from: Some("2011-13-01".into()),
        date_to: None,
        ..OverviewParams::default()
    };
    assert!(matches!(
        run(uci(), &bad),
        Err(OverviewError::BadDate {
            param: "date_from",
            ..
        })
    ));
    let bad = OverviewParams {
        date_from: None,
        date_to: Some("yesterday".into()),
        ..OverviewParams::default()
    };
    assert!(matches!(
        run(uci(), &bad),
        Err(OverviewError::BadDate {
            param: "date_to",
            ..
        })
    ));
    let rev = OverviewParams {
        date_from: Some("2011-05-01".into()),
        date_to: Some("2011-04-01".into()),
        ..OverviewParams::default()
    };
    assert!(matches!(
        run(uci(), &rev),
        Err(OverviewError::EmptyRange { .. })
    ));
    // A range outside the data: zero KPIs, no series, no error.
    let empty = OverviewParams {
        date_from: Some("2001-01-01".into()),
        date_to: Some("2001-12-31".into()),
        ..OverviewParams::default()
    };
    let r = run(uci(), &empty).unwrap();
    assert_eq!((r.kpis.orders, r.kpis.lines, r.kpis.revenue), (0, 0, 0.0));
    assert!(r.weekly.is_empty() && r.products.is_empty());
}

#[test]
fn compared_with_the_period_before() {
    // 1 Apr – 30 Jun 2011 (91 days) against 31 Dec 2010 – 31 Mar 2011; pandas on the same
    // cleaning gives 2,070,084.541 against 1,932,635.810 (+7.112%), 4,460 / 3,640 orders, 1,991 /
    // 1,776 customers, returns rate 0.078461 / 0.098987.
    let p = OverviewParams {
        date_from: Some("2011-04-01".into()),
        date_to: Some("2011-06-30".into()),
        ..OverviewParams::default()
    };
    let r = run(uci(), &p).unwrap();
    close(r.kpis.revenue, 2_070_084.541, 1e-3);
    let prev = r.previous.as_ref().unwrap();
    assert_eq!(span(prev), ("2010-12-31", "2011-03-31", 91));
    let k = prev.kpis.as_ref().unwrap();
    close(k.revenue, 1_932_635.810, 1e-3);
    assert_eq!((k.orders, k.customers, k.lines), (3_640, 1_776, 97_214));
    close(k.average_order_value, 530.943904, 1e-6);
    close(k.repeat_purchase_rate, 0.360923, 1e-6);
    close(k.returns_rate, 0.098987, 1e-6);
    close(r.kpis.revenue / k.revenue - 1.0, 0.071120, 1e-6);
    // New customers: 826 of 1,991 in the range, 1,249 of 1,776 before (pandas).
    assert_eq!((r.kpis.new_customers, k.new_customers), (826, 1_249));
    close(r.kpis.returning_customer_rate, 0.585133, 1e-6);
    // Its series on the range's own months, each day moved 91 days forward: April shows
    // 31 Dec – 29 Jan, May 30 Jan – 1 Mar, June 2 – 31 Mar (pandas: 661,108.45 / 1,000 orders,
    // 580,242.96 / 1,248, 691,284.40 / 1,392).
    let starts = |v: &[shoplens::analytics::overview::PeriodPoint]| {
        v.iter().map(|p| p.start.clone()).collect::<Vec<_>>()
    };
    assert_eq!(starts(&prev.monthly), starts(&r.monthly));
    assert_eq!(starts(&prev.weekly), starts(&r.weekly));
    for (m, (revenue, orders, units)) in prev.monthly.iter().zip([
        (661_108.45, 1_000, 370_939.0),
        (580_242.96, 1_248, 312_546.0),
        (691_284.40, 1_392, 365_381.0),
    ]) {
        close(m.revenue, revenue, 1e-6);
        assert_eq!((m.orders, m.units), (orders, units));
    }
    close(
        prev.weekly.iter().map(|w| w.revenue).sum::<f64>(),
        k.revenue,
        1e-6,
    );
    // Each product with its own sales in the period before (pandas groupby on both periods):
    // 22423 37,204.31 against 42,182.09, 23166 1,364.45 against 77,183.60; 404 products sold
    // in the range but not before.
    let product = |sku: &str| r.products.iter().find(|p| p.sku == sku).unwrap();
    for (sku, now, before, units_before) in [
        ("22423", 37_204.31, 42_182.09, 3_390.0),
        ("23166", 1_364.45, 77_183.60, 74_215.0),
        ("47566", 42_487.29, 15_759.28, 3_077.0),
    ] {
        let p = product(sku);
        close(p.revenue, now, 1e-6);
        close(p.previous_revenue.unwrap(), before, 1e-6);
        assert_eq!(p.previous_quantity, Some(units_before), "{sku}");
        close(p.change(true).unwrap(), now / before - 1.0, 1e-9);
        close(
            p.change(false).unwrap(),
            p.quantity / units_before - 1.0,
            1e-9,
        );
    }
    // 22423: 37,204.31 / 42,182.09 − 1 = −11.80%.
    close(product("22423").change(true).unwrap(), -0.118007, 1e-6);
    let new = r
        .products
        .iter()
        .chain(&r.non_products)
        .filter(|p| p.previous_quantity == Some(0.0))
        .count();
    assert_eq!(new, 404);
    assert!(r
        .products
        .iter()
        .filter(|p| p.previous_quantity == Some(0.0))
        .all(|p| p.change(true) == Some(f64::INFINITY)));

    // Q1 2011's previous 90 days start on 3 Oct 2010, before the data (1 Dec 2010): no numbers.
    let q1 = OverviewParams {
        date_from: Some("2011-01-01".into()),
        date_to: Some("2011-03-31".into()),
        ..OverviewParams::default()
    };
    let prev = run(uci(), &q1).unwrap().previous.unwrap();
    assert_eq!(
        (
            prev.from.as_str(),
            prev.to.as_str(),
            prev.days,
            prev.data_from.as_str()
        ),
        ("2010-10-03", "2010-12-31", 90, "2010-12-01")
    );
    assert!(prev.kpis.is_none());
    assert!(run(uci(), &q1).unwrap().products[0]
        .previous_revenue
        .is_none());

    // A range past the data's end is clipped first: 1 Dec 2011 – 31 Jan 2012 is the data's last
    // 9 days (to 9 Dec), against 22–30 Nov 2011.
    let end = OverviewParams {
        date_from: Some("2011-12-01".into()),
        date_to: Some("2012-01-31".into()),
        ..OverviewParams::default()
    };
    let prev = run(uci(), &end).unwrap().previous.unwrap();
    assert_eq!(span(&prev), ("2011-11-22", "2011-11-30", 9));
    assert!(prev.kpis.is_some());
    // All dates: nothing to compare with.
    assert!(run(uci(), &OverviewParams::default())
        .unwrap()
        .previous
        .is_none());
}

#[test]
fn compared_with_the_same_dates_a_year_before() {
    // The data's last days, 1–9 Dec 2011, against 1–9 Dec 2010 (the data's first days). pandas
    // on the same cleaning: revenue 638,792.680 against 438,852.650; 819 / 834 orders; 615 / 573
    // customers; repeat rate 0.172358 / 0.188482; returns rate 0.321113 / 0.139829.
    let p = OverviewParams {
        date_from: Some("2011-12-01".into()),
        date_to: Some("2011-12-31".into()),
        compare: Comparison::YearBefore,
    };
    let r = run(uci(), &p).unwrap();
    close(r.kpis.revenue, 638_792.680, 1e-3);
    assert_eq!((r.kpis.orders, r.kpis.customers), (819, 615));
    let prev = r.previous.as_ref().unwrap();
    assert_eq!(prev.basis, Comparison::YearBefore);
    // The range is clipped to the data (to 9 Dec) before it is moved back a year.
    assert_eq!(span(prev), ("2010-12-01", "2010-12-09", 9));
    let k = prev.kpis.as_ref().unwrap();
    close(k.revenue, 438_852.650, 1e-3);
    // Drawn on the range's weeks, each day a year (365 days) forward: 1–4 Dec 2010 in the week
    // of Monday 28 Nov 2011, 5–9 Dec 2010 in that of 5 Dec (pandas: 153,652.88 / 337 orders,
    // 285,199.77 / 497).
    assert_eq!(r.weekly.len(), 2);
    assert_eq!(
        (prev.weekly[0].start.as_str(), prev.weekly[1].start.as_str()),
        ("2011-11-28", "2011-12-05")
    );
    close(prev.weekly[0].revenue, 153_652.88, 1e-6);
    close(prev.weekly[1].revenue, 285_199.77, 1e-6);
    assert_eq!((prev.weekly[0].orders, prev.weekly[1].orders), (337, 497));
    assert_eq!(prev.monthly.len(), 1);
    close(prev.monthly[0].revenue, k.revenue, 1e-6);
    assert_eq!((k.orders, k.customers, k.lines), (834, 573, 22_016));
    close(k.units, 180_959.0, 1e-9);
    close(k.average_order_value, 526.202218, 1e-6);
    close(k.repeat_purchase_rate, 0.188482, 1e-6);
    close(k.returns_rate, 0.139829, 1e-6);
    // 41 new customers of 615 (pandas); a year before, the data's first days: all 573 new.
    assert_eq!(r.kpis.new_customers, 41);
    close(r.kpis.returning_customer_rate, 0.933333, 1e-6);
    assert_eq!((k.new_customers, k.returning_customer_rate), (573, 0.0));
    // Products against their own sales a year before (pandas groupby): 22423 6,006.87 against
    // 13,478.98 (1,058 units then); 22086 6,870.71 against 5,257.35; 23084 did not sell then;
    // 784 codes sold in the range but not a year before.
    let product = |sku: &str| r.products.iter().find(|p| p.sku == sku).unwrap();
    for (sku, now, before) in [
        ("22423", 6_006.87, 13_478.98),
        ("22086", 6_870.71, 5_257.35),
        ("85123A", 2_226.41, 5_043.76),
    ] {
        let p = product(sku);
        close(p.revenue, now, 1e-6);
        close(p.previous_revenue.unwrap(), before, 1e-6);
    }
    assert_eq!(product("22423").previous_quantity, Some(1_058.0));
    assert_eq!(product("23084").change(true), Some(f64::INFINITY));
    let new = r
        .products
        .iter()
        .chain(&r.non_products)
        .filter(|p| p.previous_quantity == Some(0.0))
        .count();
    assert_eq!(new, 784);

    // A year before 1 Jun – 9 Dec 2011 starts before the data: no numbers, the dates named.
    let summer = OverviewParams {
        date_from: Some("2011-06-01".into()),
        compare: Comparison::YearBefore,
        ..OverviewParams::default()
    };
    let prev = run(uci(), &summer).unwrap().previous.unwrap();
    assert_eq!(span(&prev), ("2010-06-01", "2010-12-09", 192));
    assert!(prev.kpis.is_none());
    assert!(prev.weekly.is_empty() && prev.monthly.is_empty());
}

/// A shop open Monday to Friday, data from Tuesday 2 January to Friday 29 March 2024: its
/// first week lacks the Monday it opens on (incomplete), its last week lacks only the weekend
/// it is closed on (complete, as on the Forecast page); January starts on the 1st, a Monday
/// outside the data (incomplete), March ends on Sunday the 31st, a closed day (complete).
#[test]
fn incomplete_periods_follow_the_days_the_shop_opens() {
    use shoplens::data::import_bytes;
    let mut csv = String::from("order_id,order_date,customer_id,sku,quantity,unit_price\n");
    let first = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    for k in 0..88 {
        let d = first + chrono::Days::new(k);
        if chrono::Datelike::weekday(&d).number_from_monday() <= 5 {
            csv += &format!("o{k},{d},c{},A,3,2.0\n", k % 7);
        }
    }
    let ds = import_bytes("o.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
    let r = run(&ds, &OverviewParams::default()).unwrap();
    assert_eq!(r.data_to.as_deref(), Some("2024-03-29"));
    assert_eq!(r.weekly.len(), 13);
    assert_eq!(r.weekly[0].start, "2024-01-01");
    let marked: Vec<bool> = r.weekly.iter().map(|w| w.incomplete).collect();
    assert!(marked[0], "the week of Monday 1 January");
    assert!(marked[1..].iter().all(|m| !m), "{marked:?}");
    let months: Vec<bool> = r.monthly.iter().map(|m| m.incomplete).collect();
    assert_eq!(months, [true, false, false]);
    // A range from Wednesday 7 February to Wednesday 14 February cuts both its weeks.
    let p = OverviewParams {
        date_from: Some("2024-02-07".into()),
        date_to: Some("2024-02-14".into()),
        ..OverviewParams::default()
    };
    let r = run(&ds, &p).unwrap();
    let marked: Vec<(&str, bool)> = r
        .weekly
        .iter()
        .map(|w| (w.start.as_str(), w.incomplete))
        .collect();
    assert_eq!(marked, [("2024-02-05", true), ("2024-02-12", true)]);
    assert!(r.monthly[0].incomplete);
}
