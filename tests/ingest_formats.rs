//! Unit tests per input format: encodings, delimiters, quoting, numbers, dates, presets,
//! chunked streaming, mapping overrides and errors. All expected values are worked out by hand
//! from the small inputs.

use encoding_rs::{GB18030, WINDOWS_1252};
use shoplens::data::dates::format_ts;
use shoplens::data::{
    import_bytes, DataError, Dataset, DateOrder, DropReason, Field, ImportOptions, Importer,
    MappingOverride, NONE_ID,
};
use std::io::Write;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ingest")
            .join(name),
    )
    .unwrap()
}

fn imp(name: &str, bytes: &[u8]) -> Dataset {
    import_bytes(name, bytes, &ImportOptions::default()).unwrap()
}

fn dropped(ds: &Dataset, r: DropReason) -> u64 {
    ds.report
        .dropped
        .iter()
        .find(|d| d.reason == r)
        .unwrap()
        .count
}

fn revenue(ds: &Dataset) -> f64 {
    ds.report.order_level.revenue
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} vs {b}");
}

fn col_str(ds: &Dataset, col: &[u32], i: usize) -> String {
    if col[i] == NONE_ID {
        String::new()
    } else {
        ds.lines.strings.get(col[i]).to_owned()
    }
}

const LATIN: &str = "Order,Date,Customer,Product,Qty,Price\n\
    A1,2011-01-13 09:05,Zoë,Crème brûlée,2,3.50\n\
    A2,2011-01-14 10:00,Jürgen,Straße Karte,1,12.00\n";

fn check_latin(ds: &Dataset) {
    assert_eq!(ds.lines.len(), 2);
    close(revenue(ds), 19.0);
    assert_eq!(col_str(ds, &ds.lines.product, 0), "Crème brûlée");
    assert_eq!(col_str(ds, &ds.lines.customer, 1), "Jürgen");
}

fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    for u in s.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

#[test]
fn encodings() {
    let ds = imp("utf8.csv", LATIN.as_bytes());
    assert_eq!(
        (ds.report.files[0].encoding.as_str(), ds.report.files[0].bom),
        ("UTF-8", false)
    );
    check_latin(&ds);

    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(LATIN.as_bytes());
    let ds = imp("bom.csv", &b);
    assert_eq!(
        (ds.report.files[0].encoding.as_str(), ds.report.files[0].bom),
        ("UTF-8", true)
    );
    assert_eq!(ds.report.files[0].headers[0], "Order");
    check_latin(&ds);

    for (le, bom, name) in [
        (true, true, "UTF-16LE"),
        (false, true, "UTF-16BE"),
        (true, false, "UTF-16LE"),
        (false, false, "UTF-16BE"),
    ] {
        let ds = imp("u16.csv", &utf16(LATIN, le, bom));
        assert_eq!(ds.report.files[0].encoding, name);
        assert_eq!(ds.report.files[0].bom, bom);
        check_latin(&ds);
    }

    let (b, _, _) = WINDOWS_1252.encode(LATIN);
    let ds = imp("latin1.csv", &b);
    assert_eq!(ds.report.files[0].encoding, "windows-1252");
    check_latin(&ds);
}

const CHINESE: &str =
    "订单编号,下单时间,买家会员名,商家编码,宝贝标题,购买数量,单价,实付金额,订单状态\n\
    T1001,2011年1月13日 下午3:05,张三,SKU1,陶瓷杯子,2,¥44,¥88,交易成功\n\
    T1002,2011年1月14日,李四,SKU2,茶叶礼盒,1,¥120.50,¥120.50,交易关闭\n\
    T1003,2011/01/15 08:00,张三,SKU1,陶瓷杯子,1,¥44,¥44,交易成功\n";

#[test]
fn gbk_chinese_export() {
    let (b, _, _) = GB18030.encode(CHINESE);
    let ds = imp("taobao.csv", &b);
    let f = &ds.report.files[0];
    assert_eq!(f.encoding, "GB18030");
    assert_eq!(
        fields(&ds),
        vec![
            Some(Field::OrderId),
            Some(Field::OrderDate),
            Some(Field::CustomerId),
            Some(Field::Sku),
            Some(Field::ProductName),
            Some(Field::Quantity),
            Some(Field::UnitPrice),
            Some(Field::LineTotal),
            Some(Field::Status)
        ]
    );
    assert_eq!(ds.lines.len(), 2);
    close(revenue(&ds), 132.0);
    assert_eq!(dropped(&ds, DropReason::Cancellation), 1);
    assert_eq!(col_str(&ds, &ds.lines.product, 0), "陶瓷杯子");
    assert_eq!(format_ts(ds.lines.timestamp[0]), "2011-01-13 15:05:00");
    assert_eq!(format_ts(ds.lines.timestamp[1]), "2011-01-15 08:00:00");
    // No currency column: ¥ in the amounts gives CNY (said in the notes).
    assert_eq!(ds.report.currencies, vec![("CNY".to_owned(), 2)]);
    assert!(f.notes.iter().any(|n| n.en().contains("CNY")));
    // Same text as UTF-8 gives the same lines.
    let u = imp("taobao-utf8.csv", CHINESE.as_bytes());
    assert_eq!(u.report.order_level, ds.report.order_level);
}

/// A GBK export whose product names hold 品 or 食 (byte pairs that are also valid UTF-8 by
/// accident) was read as UTF-8 with "a few bad rows": every row dropped as malformed.
#[test]
fn gbk_export_with_utf8_lookalike_pairs() {
    let names = ["商品礼盒", "食品套装", "品牌茶杯", "陶瓷杯子"];
    let mut text = String::from("订单号,商品编码,商品名称,数量,单价,下单时间,买家\n");
    for i in 0..120 {
        text.push_str(&format!(
            "A{},SKU{},{},{},9.90,2024/{}/{} 10:00,客户{}\n",
            1000 + i / 3,
            i % 4,
            names[i % 4],
            1 + i % 3,
            1 + i % 12,
            1 + i % 28,
            i % 40
        ));
    }
    let (b, _, _) = GB18030.encode(&text);
    let ds = imp("export.csv", &b);
    assert_eq!(ds.report.files[0].encoding, "GB18030");
    assert_eq!((ds.report.total_rows, ds.report.kept_rows), (120, 120));
    assert_eq!(col_str(&ds, &ds.lines.product, 0), "商品礼盒");
    assert_eq!(col_str(&ds, &ds.lines.customer, 1), "客户1");
    // 40 orders of 1 + 2 + 3 units at 9.90.
    close(revenue(&ds), 40.0 * 6.0 * 9.90);
    assert_eq!(
        ds.report.order_level,
        imp("u.csv", text.as_bytes()).report.order_level
    );
}

fn fields(ds: &Dataset) -> Vec<Option<Field>> {
    ds.report.files[0].mapping.iter().map(|m| m.field).collect()
}

/// Amazon's All Orders report: `item-price` is the amount for the whole line (Seller Central
/// help 200547170), the report has no customer column, cancelled orders say so.
#[test]
fn amazon_all_orders_report() {
    let text = "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tship-country\titem-promotion-discount\n\
        111-1-1\t\t2024-03-01T10:00:00+00:00\t2024-03-02T10:00:00+00:00\tShipped\tAmazon\tAmazon.com\tMug\tM1\tB01\tShipped\t3\tUSD\t30.00\t2.40\t0.00\tUS\t-3.00\n\
        111-1-1\t\t2024-03-01T10:00:00+00:00\t2024-03-02T10:00:00+00:00\tShipped\tAmazon\tAmazon.com\tCup\tC1\tB02\tShipped\t1\tUSD\t12.50\t1.00\t4.99\tUS\t0.00\n\
        111-2-2\t\t2024-03-05T09:00:00+00:00\t2024-03-05T10:00:00+00:00\tCancelled\tMerchant\tAmazon.com\tMug\tM1\tB01\tCancelled\t1\tUSD\t10.00\t0.80\t0.00\tUS\t\n\
        111-3-3\t\t2024-03-06T09:00:00+00:00\t2024-03-06T09:00:00+00:00\tPending\tAmazon\tAmazon.com\tMug\tM1\tB01\tUnshipped\t1\tUSD\t\t\t\tUS\t\n";
    let ds = imp("All Orders.txt", text.as_bytes());
    let f = &ds.report.files[0];
    assert_eq!(f.preset.as_deref(), Some("amazon_orders"));
    let m = fields(&ds);
    assert_eq!(m[0], Some(Field::OrderId));
    assert_eq!(m[13], Some(Field::LineTotal));
    assert_eq!(
        (m[14], m[15]),
        (None, None),
        "tax and shipping are not the sale"
    );
    assert_eq!(ds.lines.len(), 2);
    // 30.00 − 3.00 (item-promotion-discount) + 12.50.
    close(revenue(&ds), 39.5);
    assert_eq!(ds.report.order_level.orders, 1);
    assert_eq!(dropped(&ds, DropReason::Cancellation), 1);
    // A Pending order (payment not yet authorised, no price yet): not paid, not a bad number.
    assert_eq!(dropped(&ds, DropReason::Unpaid), 1);
    assert_eq!(dropped(&ds, DropReason::UnparseableNumber), 0);
    // 3 mugs for 30.00 less 3.00 off: 9.00 each.
    close(ds.lines.unit_price[0], 9.0);
    assert!(
        f.notes.iter().any(|n| n.en()
            == "'item-promotion-discount' taken off 'item-price' on 1 row(s): revenue after discounts, before shipping and tax"),
        "{:?}",
        f.notes
    );
    assert_eq!(
        f.mapping[17].reason.en(),
        "Amazon Seller Central order report preset: a discount, taken off the line's revenue"
    );
}

/// Etsy's Sold Order Items: rows are grouped by `Order ID`, not by the per-row `Transaction ID`.
#[test]
fn etsy_sold_order_items() {
    let text = "Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Discount Amount,Order Shipping,Order Sales Tax,Item Total,Currency,Transaction ID,Listing ID,Ship Country,Order ID,Listings Type,SKU\n\
        03/01/24,Mug,anna,2,15.00,,0,4,1.2,30.00,EUR,9001,77,Germany,500,listing,M1\n\
        03/01/24,Cup,anna,1,8.00,,0,4,1.2,8.00,EUR,9002,78,Germany,500,listing,C1\n\
        03/07/24,Mug,ben,1,15.00,,0,4,1.2,15.00,EUR,9003,77,France,501,listing,M1\n";
    let ds = imp("EtsySoldOrderItems2024.csv", text.as_bytes());
    assert_eq!(
        ds.report.files[0].preset.as_deref(),
        Some("etsy_sold_items")
    );
    let m = fields(&ds);
    assert_eq!((m[11], m[14]), (None, Some(Field::OrderId)));
    assert_eq!(m[15], None, "'Listings Type' is not a product category");
    assert_eq!(ds.report.order_level.orders, 2);
    assert_eq!(ds.report.order_level.customers, 2);
    close(revenue(&ds), 53.0);
    assert_eq!(ds.report.currencies, vec![("EUR".to_owned(), 3)]);
}

/// Square's item sales detail: `Net Sales` is the revenue (not `Gross Sales`, never the
/// `Discounts` column), a Refund event is a return.
#[test]
fn square_item_sales() {
    let text = "Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Event Type,Location,Customer ID\n\
        2024-03-01,10:11:12,Pacific Time (US & Canada),Mugs,Mug,2,Regular,M1,$30.00,-$3.00,$27.00,$2.16,T1,P1,Payment,Main,c1\n\
        2024-03-01,10:11:12,Pacific Time (US & Canada),Cups,Cup,1,Regular,C1,$8.00,$0.00,$8.00,$0.64,T1,P1,Payment,Main,c1\n\
        2024-03-02,09:00:00,Pacific Time (US & Canada),Mugs,Mug,-1,Regular,M1,-$15.00,$0.00,-$15.00,-$1.20,T2,P2,Refund,Main,c1\n";
    let ds = imp("items-2024.csv", text.as_bytes());
    assert_eq!(ds.report.files[0].preset.as_deref(), Some("square_items"));
    let m = fields(&ds);
    assert_eq!((m[8], m[9], m[10]), (None, None, Some(Field::LineTotal)));
    assert_eq!(ds.lines.len(), 2);
    close(revenue(&ds), 35.0);
    assert_eq!(ds.report.currencies, vec![("USD".to_owned(), 2)]);
    // `Date` holds dates only; the time of day comes from `Time`.
    assert_eq!(format_ts(ds.lines.timestamp[0]), "2024-03-01 10:11:12");
    assert_eq!(
        ds.report.files[0].mapping[1].reason.en(),
        "the time of day of each order (the date column holds dates only)"
    );
    assert!(ds.report.files[0]
        .notes
        .iter()
        .any(|n| n.en().contains("time of day is read from column 'Time'")));
}

/// Etsy's order-level "Sold Orders" export: orders, customers and revenue (`Order Value`, not
/// the `Order Total` with shipping and tax) less the coupon's `Discount Amount`, the number of items as the quantity, no product
/// (its `SKU` cell lists several) and no category from `Payment Type`.
#[test]
fn etsy_sold_orders() {
    let text = "Sale Date,Order ID,Buyer User ID,Full Name,Number of Items,Payment Method,Ship Country,Currency,Order Value,Discount Amount,Shipping,Sales Tax,Order Total,Status,Order Net,Buyer,Payment Type,SKU\n\
        03/15/24,3201234567,jane123,Jane Doe,2,Etsy Payments,United States,USD,48.00,4.80,5.95,3.20,52.35,Completed,50.53,jane123,online_cc,\"MUG-1,CUP-2\"\n\
        03/16/24,3201234568,bob456,Bob Roe,1,Etsy Payments,United States,USD,25.00,0.00,4.50,0.00,29.50,Completed,28.37,bob456,online_cc,MUG-1\n\
        04/02/24,3201234569,jane123,Jane Doe,1,Etsy Payments,United States,USD,30.00,0.00,5.95,2.10,38.05,Completed,36.76,jane123,online_cc,PLATE-3\n";
    let ds = imp("EtsySoldOrders2024.csv", text.as_bytes());
    assert_eq!(
        ds.report.files[0].preset.as_deref(),
        Some("etsy_sold_orders")
    );
    let m = fields(&ds);
    assert_eq!(
        (m[2], m[4], m[8], m[12], m[16], m[17]),
        (
            Some(Field::CustomerId),
            Some(Field::Quantity),
            Some(Field::LineTotal),
            None,
            None,
            None
        )
    );
    assert_eq!(ds.report.order_level.orders, 3);
    assert_eq!(ds.report.order_level.customers, 2);
    // 48.00 − 4.80 (the coupon's Discount Amount) + 25.00 + 30.00.
    close(revenue(&ds), 98.2);
    assert!(
        ds.report.files[0].notes.iter().any(|n| n.en()
            == "'Discount Amount' taken off 'Order Value' on 1 row(s): revenue after discounts, before shipping and tax"),
        "{:?}",
        ds.report.files[0].notes
    );
    assert_eq!(ts_of(&ds)[2], "2024-04-02 00:00:00");
    // Products need items: the baskets and recommendations say so, not "no baskets left" or
    // "no customer ids".
    let e = shoplens::analytics::basket::run(&ds, &Default::default()).unwrap_err();
    assert!(
        e.text().en().starts_with("no sale line names a product"),
        "{}",
        e.text().en()
    );
    let e = shoplens::analytics::recommend::run(&ds, &Default::default()).unwrap_err();
    assert!(
        e.text()
            .en()
            .contains("the file lists orders, not the items in them"),
        "{}",
        e.text().en()
    );
}

/// Taobao's order report (GBK, one row per order): `买家应付货款` the revenue (not `总金额` with
/// postage), `宝贝总数量` the units (not the points paid, `买家支付积分`), a closed order
/// (交易关闭) a cancellation; order numbers written `="…"` (Excel's text wrapper) read as the
/// number inside, not flagged as formulas.
#[test]
fn taobao_order_report() {
    let text = "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,买家实际支付金额,订单状态,收货人姓名,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类 ,宝贝总数量,店铺名称\n\
        =\"1234567890123\",小王,xw@163.com,58.00,0.00,0,58.00,58.00,交易成功,王先生,=\"13800000000\",2024-03-01 10:12:00,2024-03-01 10:13:00,纯棉T恤 白色,1,2,小店\n\
        =\"1234567890124\",小李,xl@163.com,30.00,6.00,0,36.00,36.00,交易关闭,李女士,=\"13900000000\",2024-03-02 09:00:00,,帆布包,1,1,小店\n\
        =\"1234567890125\",小王,xw@163.com,88.00,0.00,0,88.00,80.00,交易成功,王先生,=\"13800000000\",2024-03-05 20:30:00,2024-03-05 20:31:00,羊毛围巾,1,1,小店\n\
        =\"1234567890126\",小赵,xz@163.com,45.00,0.00,0,45.00,0.00,等待买家付款,赵先生,=\"13700000000\",2024-03-06 08:00:00,,帆布包,1,1,小店\n";
    let (bytes, _, _) = GB18030.encode(text);
    let ds = imp("ExportOrderList202403.csv", &bytes);
    let f = &ds.report.files[0];
    assert_eq!(f.preset.as_deref(), Some("taobao_orders"));
    assert_eq!(ds.lines.len(), 2);
    assert_eq!(col_str(&ds, &ds.lines.order_id, 0), "1234567890123");
    assert_eq!(ds.report.order_level.customers, 1);
    close(revenue(&ds), 146.0);
    close(ds.lines.quantity.iter().sum::<f64>(), 3.0);
    assert_eq!(dropped(&ds, DropReason::Cancellation), 1);
    // 等待买家付款 (awaiting the buyer's payment): not a sale.
    assert_eq!(dropped(&ds, DropReason::Unpaid), 1);
    assert_eq!(ts_of(&ds)[1], "2024-03-05 20:30:00");
    // No currency column: the platform's yuan, said.
    assert_eq!(ds.report.currencies, vec![("CNY".to_owned(), 2)]);
    assert!(
        f.notes.iter().any(|n| n.en()
            == "no currency column: amounts read as CNY, the currency of the Taobao / Tmall order report (the file names none)"),
        "{:?}",
        f.notes
    );
    assert!(
        !f.notes.iter().any(|n| n.en().contains("formula")),
        "{:?}",
        f.notes
    );
}

/// eBay's orders report: a line of commas above the header and under it, "Jul-21-25" dates,
/// `Sold For` the unit price (not `Total Price`, which adds postage and tax), the "record(s)
/// downloaded" and "Seller ID" lines under the data left out (not dropped rows). `Custom
/// Label` is the SKU when the seller sets one, else `Item Number`.
#[test]
fn ebay_orders_report() {
    let head = "Sales Record Number,Order Number,Buyer Username,Buyer Name,Item Number,Item Title,Custom Label,Quantity,Sold For,Postage And Packaging,eBay Collected Tax,Total Price,Sale Date,Paid On Date,Post To Country\n";
    let commas = ",,,,,,,,,,,,,,\n";
    let body = |label1: &str, label2: &str| {
        format!(
            "101,12-34567-89012,buyer_1,\"Smith, Pat\",335001234567,\"Vintage Lamp, brass\",{label1},1,£45.99,£12.00,£3.68,£61.67,Jul-21-25,Jul-21-25,United Kingdom\n\
             102,12-11111-22222,b2,Buyer Two,335009,Widget,{label2},2,£10.00,£0.00,£0.00,£20.00,Jul-22-25,Jul-22-25,United Kingdom\n\
             103,12-22222-33333,b3,Buyer Three,335009,Widget,{label2},1,£10.00,£3.50,£0.00,£13.50,Aug-02-25,Aug-02-25,Ireland\n\
             103,12-22222-33333,b3,Buyer Three,335001234567,\"Vintage Lamp, brass\",{label1},1,£45.99,£0.00,£0.00,£45.99,Aug-02-25,Aug-02-25,Ireland\n"
        )
    };
    let footer = "4 record(s) downloaded,,,,,,,,,,,,,,\nSeller ID : vintage-shop,,,,,,,,,,,,,,\n";
    let text = format!(
        "{commas}{head}{commas}{}{commas}{footer}",
        body("LAMP-1", "WID-1")
    );
    let ds = imp("eBay-OrdersReport-Aug-03-2025.csv", text.as_bytes());
    let f = &ds.report.files[0];
    assert_eq!(f.preset.as_deref(), Some("ebay_orders"));
    let m = fields(&ds);
    assert_eq!(
        (m[4], m[6], m[8], m[11]),
        (None, Some(Field::Sku), Some(Field::UnitPrice), None)
    );
    assert_eq!(ds.report.total_rows, 4, "footer lines are not rows");
    assert_eq!(ds.lines.len(), 4);
    assert_eq!(ds.report.order_level.orders, 3);
    assert_eq!(ds.report.order_level.customers, 3);
    // 45.99 + 2 × 10.00 + 10.00 + 45.99: no postage, no tax.
    close(revenue(&ds), 121.98);
    assert_eq!(ts_of(&ds)[0], "2025-07-21 00:00:00");
    assert_eq!(ts_of(&ds)[3], "2025-08-02 00:00:00");
    assert_eq!(ds.report.currencies, vec![("GBP".to_owned(), 4)]);
    let notes: Vec<String> = f.notes.iter().map(|n| n.en()).collect();
    assert!(
        notes.contains(&"2 line(s) with words in the first cell only were left out as report lines, not orders (first: '4 record(s) downloaded')".to_owned()),
        "{notes:?}"
    );
    assert!(
        !notes.iter().any(|n| n.contains("above the header")),
        "{notes:?}"
    );
    // Without custom labels, the listing's item number is the SKU.
    let text = format!("{head}{}{footer}", body("", ""));
    let ds = imp("orders.csv", text.as_bytes());
    let m = fields(&ds);
    assert_eq!((m[4], m[6]), (Some(Field::Sku), None));
    assert_eq!(ds.lines.len(), 4);
}

/// A separate time column completes dates-only cells (also day/month-ambiguous ones and
/// 12-hour clocks); dates that carry their own time keep it, and a "Time" column that is
/// not clock times ("Lead Time" days, here named "time") is not read.
#[test]
fn separate_time_column() {
    let text = "Order,Date,Time,Total\n\
        A1,03/04/2024,1:45 PM,10\n\
        A2,25/04/2024,09:05,20\n";
    let ds = imp("till.csv", text.as_bytes());
    assert_eq!(
        ts_of(&ds),
        vec!["2024-04-03 13:45:00", "2024-04-25 09:05:00"],
        "day-first from 25/04, times added"
    );
    let text = "Order,Date,Time,Total\n\
        A1,2024-04-03 08:00,13:45,10\n";
    let ds = imp("till.csv", text.as_bytes());
    assert_eq!(ts_of(&ds), vec!["2024-04-03 08:00:00"]);
    assert!(!ds.report.files[0]
        .notes
        .iter()
        .any(|n| n.en().contains("time of day")));
    let text = "Order,Date,Time,Total\n\
        A1,2024-04-03,3,10\n";
    let ds = imp("till.csv", text.as_bytes());
    assert_eq!(ts_of(&ds), vec!["2024-04-03 00:00:00"]);
}

/// German, French, Spanish, Italian and Dutch shop exports map by their headers, with
/// decimal commas; a status of "storniert" / "annulée" is a cancellation.
#[test]
fn european_headers() {
    let cases: [(&str, &str); 5] = [
        ("Bestellnummer;Bestelldatum;Kundennummer;Artikelnummer;Bezeichnung;Menge;Einzelpreis;Steuerbetrag;Versandkosten;Status", "storniert"),
        ("N° de commande;Date de commande;Client;Référence;Désignation;Quantité;Prix unitaire;Montant TVA;Frais de livraison;Statut", "annulée"),
        ("Número de pedido;Fecha;Cliente;Referencia;Producto;Cantidad;Precio;IVA;Gastos de envío;Estado", "cancelado"),
        ("Numero ordine;Data;Cliente;Codice prodotto;Prodotto;Quantità;Prezzo;IVA;Spedizione;Stato", "annullato"),
        ("Bestelnummer;Besteldatum;Klant;Artikelcode;Omschrijving;Aantal;Prijs;BTW;Verzendkosten;Bestelstatus", "geannuleerd"),
    ];
    for (header, cancelled) in cases {
        let text = format!(
            "{header}\n1001;01.03.2024;K1;A1;Tasse;2;\"4,50\";\"1,71\";\"4,90\";ok\n\
             1001;01.03.2024;K1;A2;Teller;1;\"12,00\";\"2,28\";\"4,90\";ok\n\
             1002;15.03.2024;K2;A1;Tasse;3;\"4,50\";\"2,57\";\"4,90\";{cancelled}\n"
        );
        let ds = imp("export.csv", text.as_bytes());
        assert_eq!(
            fields(&ds),
            vec![
                Some(Field::OrderId),
                Some(Field::OrderDate),
                Some(Field::CustomerId),
                Some(Field::Sku),
                Some(Field::ProductName),
                Some(Field::Quantity),
                Some(Field::UnitPrice),
                None,
                None,
                Some(Field::Status)
            ],
            "{header}"
        );
        assert_eq!(ds.lines.len(), 2, "{header}");
        close(revenue(&ds), 21.0);
        assert_eq!(dropped(&ds, DropReason::Cancellation), 1, "{header}");
    }
}

/// Without a matching header, a money column named for tax, discount or shipping is not taken
/// for the sale, and an identifier's small whole numbers are not taken for quantities.
#[test]
fn content_guesses_skip_tax_and_identifiers() {
    let text = "Ref No,When,Who,What,Units,Sales Tax,Paid,Zip\n\
        101,2024-03-01,a,Mug,2,$1.60,$20.00,90210\n\
        102,2024-03-02,b,Cup,1,$0.80,$10.00,10001\n";
    let ds = imp("odd.csv", text.as_bytes());
    let m = fields(&ds);
    assert_eq!(m[0], None, "'Ref No' is not a quantity");
    assert_eq!(m[4], Some(Field::Quantity));
    assert_eq!(m[5], None, "'Sales Tax' is not the line total");
    assert_eq!(m[6], Some(Field::LineTotal));
    assert_eq!(m[7], None, "'Zip' is not a quantity");
    close(revenue(&ds), 30.0);
    // No quantity column: ticket numbers are not read as quantities.
    let text =
        "Ticket No,Date,Customer,Item,Amount\n1,2024-03-01,a,Mug,20.00\n2,2024-03-02,b,Cup,10.00\n";
    let ds = imp("tickets.csv", text.as_bytes());
    assert_eq!(fields(&ds)[0], None);
    close(revenue(&ds), 30.0);
}

/// A report title above the header (an ERP's "Orders export" and its date; a Chinese export's
/// "订单报表" row padded with commas by Excel) is left out and said; rows keep their numbers.
#[test]
fn report_title_above_the_header() {
    let text = "Orders export\nGenerated 2024-12-01\n\
        order_id,order_date,customer_id,product_name,quantity,unit_price\n\
        1,2024-03-01,a,Mug,2,3.50\n2,2024-03-02,b,Cup,x,2.00\n3,2024-03-03,a,Pot,1,6.00\n";
    let ds = imp("orders.csv", text.as_bytes());
    let f = &ds.report.files[0];
    assert_eq!(f.headers[0], "order_id");
    assert_eq!((ds.report.total_rows, ds.report.kept_rows), (3, 2));
    close(revenue(&ds), 13.0);
    assert!(
        f.notes.iter().any(|n| n.en()
            == "2 line(s) above the header were left out (a report title: 'Orders export')"),
        "{:?}",
        f.notes.iter().map(|n| n.en()).collect::<Vec<_>>()
    );
    // The bad quantity is still "row 2" (the second data row).
    let bad = ds
        .report
        .dropped
        .iter()
        .find(|d| d.count > 0)
        .expect("a dropped row");
    assert_eq!(
        bad.first_rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        vec![2]
    );
    let zh = format!("订单报表,,,,,,\n{CHINESE}");
    let (b, _, _) = GB18030.encode(&zh);
    let ds = imp("taobao.csv", &b);
    assert_eq!(ds.report.files[0].encoding, "GB18030");
    assert_eq!(ds.lines.len(), 2);
    close(revenue(&ds), 132.0);
    assert!(ds.report.files[0]
        .notes
        .iter()
        .any(|n| n.en().contains("(a report title: '订单报表')")));
}

#[test]
fn delimiters() {
    for (d, dc) in [(',', false), (';', true), ('\t', false), ('|', false)] {
        let price = if dc { "\"3,50\"" } else { "3.50" };
        let text = format!(
            "Order{d}Date{d}Qty{d}Price\nA1{d}2011-01-13{d}2{d}{price}\nA2{d}2011-01-14{d}1{d}{}\n",
            if dc { "12,00" } else { "12.00" }
        );
        let ds = imp("d.csv", text.as_bytes());
        assert_eq!(ds.report.files[0].delimiter, d);
        assert_eq!(ds.report.files[0].decimal_comma, dc);
        close(revenue(&ds), 19.0);
    }
}

#[test]
fn quoted_fields() {
    let text = "Order,Date,Product,Qty,Price\r\n\
        A1,2011-01-13,\"Mug, large\",1,2.00\r\n\
        A2,2011-01-13,\"Two\nline \"\"name\"\"\",1,3.00\r\n\
        A3,2011-01-14,\"semi;colon|pipe\",2,1.50\r\n";
    let ds = imp("q.csv", text.as_bytes());
    assert_eq!(ds.report.files[0].delimiter, ',');
    assert_eq!(ds.lines.len(), 3);
    assert_eq!(col_str(&ds, &ds.lines.product, 0), "Mug, large");
    assert_eq!(col_str(&ds, &ds.lines.product, 1), "Two\nline \"name\"");
    assert_eq!(ds.lines.source_row, vec![1, 2, 3]);
    close(revenue(&ds), 8.0);
}

#[test]
fn number_formats() {
    let text = "Order;Date;Qty;Amount\n\
        1;2011-01-01;1;£1,234.50\n\
        2;2011-01-01;1;1.234,50 €\n\
        3;2011-01-01;1;¥88\n\
        4;2011-01-01;1;$ 12\n\
        5;2011-01-01;1;12.5 EUR\n\
        6;2011-01-01;1;1 234,5\n\
        7;2011-01-01;1;\"12,75\"\n\
        8;2011-01-01;1;(12.00)\n\
        9;2011-01-01;-3;5\n";
    let ds = imp("n.csv", text.as_bytes());
    let f = &ds.report.files[0];
    assert!(
        f.decimal_comma,
        "'12,75' and '1.234,50' decide a decimal comma"
    );
    let got: Vec<f64> = ds.lines.revenue.clone();
    assert_eq!(got, vec![1234.5, 1234.5, 88.0, 12.0, 12.5, 1234.5, 12.75]);
    // (12.00) is negative: a non-positive line total; -3 is a non-positive quantity.
    assert_eq!(dropped(&ds, DropReason::PriceNotPositive), 1);
    assert_eq!(dropped(&ds, DropReason::QuantityNotPositive), 1);
    let curs: Vec<String> = (0..7)
        .map(|i| col_str(&ds, &ds.lines.currency, i))
        .collect();
    assert_eq!(curs, vec!["GBP", "EUR", "CNY", "USD", "EUR", "", ""]);
}

fn dates_file(values: &[&str], extra_col: &str, extra: &str) -> String {
    let mut s = format!("Order,Date,Qty,Price{extra_col}\n");
    for (i, v) in values.iter().enumerate() {
        s.push_str(&format!("{i},{v},1,2{extra}\n"));
    }
    s
}

fn ts_of(ds: &Dataset) -> Vec<String> {
    ds.lines.timestamp.iter().map(|&t| format_ts(t)).collect()
}

#[test]
fn date_formats_and_order() {
    // ISO forms, offsets dropped (wall time kept).
    let ds = imp(
        "iso.csv",
        dates_file(
            &[
                "2010-12-01 08:26:00",
                "2011-01-04T10:00:00Z",
                "2011-01-04T10:00:00+08:00",
                "2011/01/13",
                "2011年1月13日",
            ],
            "",
            "",
        )
        .as_bytes(),
    );
    assert_eq!(ds.report.files[0].date_order, DateOrder::YearFirst);
    assert_eq!(
        ts_of(&ds),
        vec![
            "2010-12-01 08:26:00",
            "2011-01-04 10:00:00",
            "2011-01-04 10:00:00",
            "2011-01-13 00:00:00",
            "2011-01-13 00:00:00"
        ]
    );
    // Day-first decided by 13/01/2011 anywhere in the file (here the last row).
    let mut vals = vec!["12/1/2010 8:26"; 3];
    vals.push("13.01.2011");
    vals.push("13/01/2011 09:05");
    let ds = imp("dmy.csv", dates_file(&vals, "", "").as_bytes());
    let f = &ds.report.files[0];
    assert_eq!(f.date_order, DateOrder::DayFirst);
    assert!(
        f.date_order_reason.en().contains("13/01/2011"),
        "{}",
        f.date_order_reason
    );
    assert_eq!(ts_of(&ds)[0], "2010-01-12 08:26:00");
    assert_eq!(ts_of(&ds)[3], "2011-01-13 00:00:00");
    // Month-first decided by 12/13/2010.
    let ds = imp(
        "mdy.csv",
        dates_file(&["1/2/2011 8:26 PM", "12/13/2010"], "", "").as_bytes(),
    );
    assert_eq!(ds.report.files[0].date_order, DateOrder::MonthFirst);
    assert_eq!(
        ts_of(&ds),
        vec!["2011-01-02 20:26:00", "2010-12-13 00:00:00"]
    );
    // Both parts <= 12 everywhere: the file's other evidence decides and is named.
    let ds = imp(
        "amb.csv",
        dates_file(&["01/02/2011"], ",Currency", ",USD").as_bytes(),
    );
    let f = &ds.report.files[0];
    assert_eq!(f.date_order, DateOrder::DayFirst);
    assert!(
        f.date_order_reason.en().contains("ambiguous"),
        "{}",
        f.date_order_reason
    );
    let ds = imp(
        "amb-usd.csv",
        b"Order,Date,Qty,Price\n1,01/02/2011,1,$2.00\n",
    );
    let f = &ds.report.files[0];
    assert_eq!(f.date_order, DateOrder::MonthFirst);
    assert!(
        f.date_order_reason.en().contains('$'),
        "{}",
        f.date_order_reason
    );
    assert_eq!(ts_of(&ds), vec!["2011-01-02 00:00:00"]);
    let ds = imp("amb-eu.csv", b"Order;Date;Qty;Price\n1;01/02/2011;1;2,50\n");
    let f = &ds.report.files[0];
    assert_eq!(f.date_order, DateOrder::DayFirst);
    assert!(
        f.date_order_reason.en().contains("decimal comma"),
        "{}",
        f.date_order_reason
    );
    assert_eq!(ts_of(&ds), vec!["2011-02-01 00:00:00"]);
    // Forced order.
    let opts = ImportOptions {
        date_order: Some(DateOrder::MonthFirst),
        ..ImportOptions::default()
    };
    let ds = import_bytes(
        "f.csv",
        b"Order;Date;Qty;Price\n1;01/02/2011;1;2,50\n",
        &opts,
    )
    .unwrap();
    assert_eq!(ts_of(&ds), vec!["2011-01-02 00:00:00"]);
    // Conflicting rows: majority wins, the others are unparseable dates.
    let ds = imp(
        "conf.csv",
        dates_file(&["13/01/2011", "14/01/2011", "01/13/2011"], "", "").as_bytes(),
    );
    assert_eq!(ds.report.files[0].date_order, DateOrder::DayFirst);
    assert_eq!(dropped(&ds, DropReason::UnparseableDate), 1);
    // Excel serials (1900 system) and unix seconds.
    let ds = imp(
        "xl.csv",
        dates_file(&["40513.35", "1293840000"], "", "").as_bytes(),
    );
    assert_eq!(
        ts_of(&ds),
        vec!["2010-12-01 08:24:00", "2011-01-01 00:00:00"]
    );
    // Garbage dates are counted.
    let ds = imp(
        "bad.csv",
        dates_file(&["2011-01-01", "not a date", "2011-02-30"], "", "").as_bytes(),
    );
    assert_eq!(dropped(&ds, DropReason::UnparseableDate), 2);
    let d = ds.report.dropped.iter();
    let d = d.filter(|d| d.reason == DropReason::UnparseableDate);
    assert_eq!(
        d.map(|d| d.first_rows.clone()).next(),
        Some(vec![(0, 2), (0, 3)])
    );
}

#[test]
fn uci_preset_and_cleaning() {
    let ds = imp("uci_small.csv", &fixture("uci_small.csv"));
    let r = &ds.report;
    assert_eq!(r.files[0].preset.as_deref(), Some("uci_online_retail"));
    assert!(r.files[0].mapping.iter().all(|m| m.confidence == 1.0));
    assert_eq!(r.total_rows, 9);
    assert_eq!(r.kept_rows, 6);
    assert_eq!(dropped(&ds, DropReason::Cancellation), 1);
    assert_eq!(dropped(&ds, DropReason::PriceNotPositive), 1);
    assert_eq!(dropped(&ds, DropReason::QuantityNotPositive), 1);
    assert_eq!(
        (r.duplicates, r.duplicate_first_rows.clone()),
        (1, vec![(0, 4)])
    );
    assert_eq!(
        (r.guest_lines, r.guest_first_rows.clone()),
        (1, vec![(0, 7)])
    );
    assert!((r.order_level.revenue - 150.35).abs() < 1e-9);
    assert_eq!((r.order_level.orders, r.order_level.customers), (4, 2));
    assert_eq!((r.customer_level.lines, r.customer_level.orders), (5, 3));
    assert!((r.customer_level.revenue - 147.84).abs() < 1e-9);
    assert_eq!((r.return_lines, r.return_value), (1, 27.5));
    assert_eq!(ds.returns.quantity, vec![1.0]);
    assert_eq!(col_str(&ds, &ds.lines.customer, 0), "17850");
    assert_eq!(
        col_str(&ds, &ds.lines.product, 5),
        "ALARM CLOCK BAKELIKE PINK, \"RETRO\""
    );
    let opts = ImportOptions {
        remove_duplicates: true,
        ..ImportOptions::default()
    };
    let ds = import_bytes("uci_small.csv", &fixture("uci_small.csv"), &opts).unwrap();
    assert_eq!(ds.report.kept_rows, 5);
    assert_eq!(dropped(&ds, DropReason::Duplicate), 1);
    assert!(ds.report.duplicates_removed);
}

#[test]
fn shopify_preset_fills_order_cells() {
    let ds = imp("orders_export.csv", &fixture("shopify_orders.csv"));
    let r = &ds.report;
    assert_eq!(r.files[0].preset.as_deref(), Some("shopify_orders"));
    assert_eq!(r.kept_rows, 3);
    close(r.order_level.revenue, 50.0);
    assert_eq!(r.order_level.orders, 2);
    // The second line of #1001 gets status, currency and country from its first line.
    assert_eq!(col_str(&ds, &ds.lines.order_id, 1), "#1001");
    assert_eq!(col_str(&ds, &ds.lines.currency, 1), "USD");
    assert_eq!(col_str(&ds, &ds.lines.country, 1), "US");
    assert_eq!(col_str(&ds, &ds.lines.customer, 1), "ann@example.com");
    // #1002 refunded, #1004 cancelled ("Cancelled at" set).
    assert_eq!(dropped(&ds, DropReason::Cancellation), 2);
    close(r.return_value, 22.5);
    assert_eq!(r.guest_lines, 1);
    assert_eq!(r.currencies, vec![("USD".to_owned(), 3)]);
}

/// Shopify's `Lineitem price` is before discounts; the order's `Subtotal` (first line) after.
/// A discounted order's lines are scaled to its subtotal, spread by value.
#[test]
fn shopify_discounts_scale_lines_to_the_subtotal() {
    let text = "Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n\
        #2001,ann@example.com,paid,USD,27.00,5.00,0.00,32.00,SAVE10,3.00,2024-05-01 10:00:00 +0100,2,Blue Mug,10.00,MUG-B\n\
        #2001,ann@example.com,,,,,,,,,2024-05-01 10:00:00 +0100,1,Red Mug,10.00,MUG-R\n\
        #2002,bob@example.com,paid,USD,12.50,5.00,0.00,17.50,,0.00,2024-05-02 11:00:00 +0100,1,Tea Towel,12.50,TOWEL\n";
    let ds = imp("orders_export_1.csv", text.as_bytes());
    let r = &ds.report;
    assert_eq!(r.files[0].preset.as_deref(), Some("shopify_orders"));
    assert_eq!(r.kept_rows, 3);
    // 27.00 (SAVE10 off 30.00) + 12.50.
    close(r.order_level.revenue, 39.5);
    close(ds.lines.revenue[0], 18.0);
    close(ds.lines.unit_price[0], 9.0);
    close(ds.lines.revenue[1], 9.0);
    close(ds.lines.revenue[2], 12.5);
    let notes: Vec<String> = r.files[0].notes.iter().map(|n| n.en()).collect();
    assert!(notes.contains(&"'Subtotal' (the order after discounts) is below its lines' price × quantity on 1 order(s): each line's revenue is scaled to it, 3.00 of discounts taken off".to_string()), "{notes:?}");
    assert_eq!(
        r.files[0].mapping[4].reason.en(),
        "Shopify orders export preset: the order's subtotal after discounts; its lines' revenue is scaled to it"
    );
    // An export that repeats the order's cells on every line: the subtotal is read once.
    let repeated = text.replace(
        "#2001,ann@example.com,,,,,,,,,",
        "#2001,ann@example.com,paid,USD,27.00,5.00,0.00,32.00,SAVE10,3.00,",
    );
    assert_ne!(repeated, text);
    let ds = imp("orders_export_1.csv", repeated.as_bytes());
    close(ds.report.order_level.revenue, 39.5);
    close(ds.lines.revenue[1], 9.0);
    // A partially refunded order: a sale in full, its refund said (the export does not say
    // which items).
    let refund = "Name,Email,Financial Status,Currency,Subtotal,Total,Refunded Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n\
        #2001,ann@example.com,paid,USD,20.00,25.00,,2024-05-01 10:00:00 +0100,2,Blue Mug,10.00,MUG-B\n\
        #2002,bob@example.com,partially_refunded,USD,19.50,24.50,4.00,2024-05-02 11:00:00 +0100,1,Tea Towel,12.50,TOWEL\n\
        #2002,bob@example.com,,,,,,2024-05-02 11:00:00 +0100,1,Tea Towel,7.00,TOWEL\n\
        #2003,cy@example.com,,USD,5.00,5.00,2.00,2024-05-03 09:00:00 +0100,1,Coaster,5.00,COAST\n";
    let ds = imp("orders_export_1.csv", refund.as_bytes());
    // 20.00 + 12.50 + 7.00 + 5.00: the refund is not taken off. #2003 states no status: its
    // amount is not a partial refund's.
    close(ds.report.order_level.revenue, 44.5);
    assert_eq!(ds.report.return_lines, 0);
    let notes: Vec<String> = ds.report.files[0].notes.iter().map(|n| n.en()).collect();
    assert!(notes.contains(&"1 order(s) partially refunded (4.00 in all, 'Refunded Amount'): counted in full as sales and not among the returns — the export does not say which items were refunded".to_string()), "{notes:?}");
    // The mapping table says what the column is for.
    assert_eq!(
        ds.report.files[0].mapping[6].reason.en(),
        "Shopify orders export preset: the amount refunded on a partially refunded order, said in a note (the order is counted in full: the export does not say which items)"
    );
}

/// Exports no preset knows, read by their headers: an order's `Total` repeated on each of its
/// lines (shipping and tax included) is not the line's revenue when quantity and unit price
/// are there; between two date columns the order's creation comes before its payment
/// (`Created at` over `Paid at`, which an unpaid order leaves empty). A Squarespace- and a
/// Wix-style export.
#[test]
fn order_totals_and_dates_of_unknown_exports() {
    let ds = imp("squarespace.csv", "Order ID,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Amount Refunded,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem variant,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Country\n\
        00101,ann@example.com,PAID,2024-05-01 10:00:00 -0400,FULFILLED,2024-05-02 10:00:00 -0400,USD,27.00,5.00,0.00,0.00,32.00,SAVE10,3.00,Standard,2024-05-01 10:00:00 -0400,2,Blue Mug,10.00,SQ-MUG-B,Blue,true,true,FULFILLED,Ann,US\n\
        00101,ann@example.com,PAID,2024-05-01 10:00:00 -0400,FULFILLED,2024-05-02 10:00:00 -0400,USD,27.00,5.00,0.00,0.00,32.00,SAVE10,3.00,Standard,2024-05-01 10:00:00 -0400,1,Red Mug,10.00,SQ-MUG-R,Red,true,true,FULFILLED,Ann,US\n\
        00102,bob@example.com,PENDING,,PENDING,,USD,12.50,5.00,0.00,0.00,17.50,,0.00,Standard,2024-05-02 11:00:00 -0400,1,Tea Towel,12.50,SQ-TOWEL,,true,true,PENDING,Bob,US\n".as_bytes());
    let f = &ds.report.files[0];
    assert_eq!(f.preset, None);
    let m = fields(&ds);
    assert_eq!((m[3], m[15]), (None, Some(Field::OrderDate)));
    assert_eq!(m[11], None, "Total");
    assert_eq!(
        f.mapping[11].reason.en(),
        "'Total' is above 'Lineitem quantity' × 'Lineitem price' on 3 of 3 sample rows: the order's total (shipping, tax or other lines included), not the line's; revenue is quantity × unit price"
    );
    assert_eq!(ds.report.kept_rows, 3);
    // 2 × 10.00 + 10.00 + 12.50 (the PENDING order has no 'Paid at' but is dated).
    close(revenue(&ds), 42.5);
    assert_eq!(ds.report.order_level.orders, 2);

    let ds = imp("wix.csv", "Order number,Date created,Time,Contact email,Billing name,Item,Variant,SKU,Qty,Price,Weight,Custom text,Deposit amount,Delivery method,Shipping rate,Total tax,Total,Currency,Payment method,Coupon code,Discount,Payment status,Fulfillment status\n\
        10001,\"May 1, 2024\",10:05,ann@example.com,Ann,Blue Mug,Blue,MUG-B,2,10.00,,,,Shipping,5.00,0.00,25.00,USD,Card,,0.00,Paid,Fulfilled\n\
        10002,\"May 2, 2024\",11:30,bob@example.com,Bob,Tea Towel,,TOWEL,1,12.50,,,,Shipping,5.00,0.00,17.50,USD,Offline,,0.00,Not paid,Not fulfilled\n".as_bytes());
    let m = fields(&ds);
    assert_eq!((m[9], m[16]), (Some(Field::UnitPrice), None));
    // 2 × 10.00, not the 25.00 with shipping; the order 'Not paid' is not a sale.
    close(revenue(&ds), 20.0);
    assert_eq!(dropped(&ds, DropReason::Unpaid), 1);
    // A line total below price × quantity (a discount) stays the revenue.
    let ds = imp(
        "disc.csv",
        b"Order,Date,Qty,Price,Total\nA1,2024-01-02,2,10.00,18.00\nA2,2024-01-03,1,5.00,5.00\n",
    );
    close(revenue(&ds), 23.0);
}

#[test]
fn woocommerce_preset() {
    let ds = imp("woo.csv", &fixture("woocommerce.csv"));
    let r = &ds.report;
    let f = &r.files[0];
    assert_eq!(f.preset.as_deref(), Some("woocommerce"));
    assert!(f.decimal_comma);
    let cust = f
        .mapping
        .iter()
        .find(|m| m.field == Some(Field::CustomerId))
        .unwrap();
    assert_eq!(cust.header, "Billing Email");
    assert!(f
        .mapping
        .iter()
        .all(|m| m.header != "Order Total" || m.field.is_none()));
    assert_eq!(r.kept_rows, 3);
    close(r.order_level.revenue, 1279.5);
    assert_eq!(
        (r.order_level.orders, r.order_level.customers, r.guest_lines),
        (2, 1, 1)
    );
    assert_eq!((r.return_lines, r.return_value), (1, 15.0));
}

/// Orders the buyer has not paid are neither sales nor returns: their own drop reason, with the
/// status cell in the example. A bare "pending" is unpaid in WooCommerce ("pending payment")
/// but counted as a sale in Shopify (cash on delivery stays pending), with a note.
#[test]
fn unpaid_orders_are_not_sales() {
    let woo = "Order ID,Order Date,Order Status,Customer User,Billing Email,Billing Country,Order Currency,SKU,Item Name,Quantity,Item Cost,Line Total,Order Total\n\
        101,2023-04-01 09:00,wc-completed,7,jo@example.com,DE,EUR,SH-1,Shirt,2,15.00,30.00,30.00\n\
        102,2023-04-02 10:30,wc-pending,0,guest@example.com,FR,EUR,SH-1,Shirt,1,15.00,15.00,15.00\n\
        103,2023-04-03 11:00,Pending payment,8,al@example.com,AT,EUR,HA-3,Hat,1,20.00,20.00,20.00\n\
        104,2023-04-04 12:00,wc-on-hold,8,al@example.com,AT,EUR,HA-3,Hat,2,20.00,40.00,40.00\n";
    let ds = imp("woo.csv", woo.as_bytes());
    let r = &ds.report;
    assert_eq!(r.files[0].preset.as_deref(), Some("woocommerce"));
    assert_eq!(dropped(&ds, DropReason::Unpaid), 2);
    assert_eq!(dropped(&ds, DropReason::Cancellation), 0);
    assert_eq!((r.kept_rows, r.return_lines), (2, 0));
    // The unpaid orders' value, apart from the returns: 15.00 + 20.00.
    close(r.unpaid_value, 35.0);
    // 30 (completed) + 40 (on hold: awaiting a bank transfer, counted like WooCommerce does).
    close(r.order_level.revenue, 70.0);
    let d = r
        .dropped
        .iter()
        .find(|d| d.reason == DropReason::Unpaid)
        .unwrap();
    assert_eq!(d.first_rows, vec![(0, 2), (0, 3)]);
    assert_eq!(
        d.examples[0].en(),
        "woo.csv, row 2, column 'Order Status' 'wc-pending': the order is not paid yet (awaiting payment); not counted as a sale nor as a return — it may still be paid, or be closed unpaid"
    );

    let shopify = "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Country,Cancelled at,Vendor\n\
        #1001,ann@example.com,pending,,unfulfilled,USD,30.00,30.00,2023-03-01 10:12:13 -0500,2,Blue Mug,10.00,MUG-B,US,,Acme\n\
        #1001,ann@example.com,,,,,,,2023-03-01 10:12:13 -0500,1,Red Mug,10.00,MUG-R,,,Acme\n\
        #1002,bob@example.com,expired,,,USD,12.50,12.50,2023-03-02 11:00:00 -0500,1,Tea Towel,12.50,TOWEL,US,,Acme\n\
        #1002,bob@example.com,,,,,,,2023-03-02 11:00:00 -0500,2,Coaster,5.00,COAST,,,Acme\n\
        #1003,cy@example.com,paid,2023-03-03 09:30:00 -0500,,USD,20.00,20.00,2023-03-03 09:30:00 -0500,4,Coaster,5.00,COAST,CA,,Acme\n";
    let ds = imp("orders_export.csv", shopify.as_bytes());
    let r = &ds.report;
    assert_eq!(r.files[0].preset.as_deref(), Some("shopify_orders"));
    // #1002's expired authorisation: both lines (the status is filled down).
    assert_eq!(dropped(&ds, DropReason::Unpaid), 2);
    assert_eq!(r.kept_rows, 3);
    close(r.order_level.revenue, 50.0);
    let note = r.files[0]
        .notes
        .iter()
        .map(|n| n.en())
        .find(|n| n.contains("pending"))
        .unwrap();
    assert!(
        note.starts_with("2 line(s) have the status 'pending': counted as sales"),
        "{note}"
    );

    let generic = "Order,Date,Customer,Product,Qty,Price,Status\n\
        A1,2024-01-02,c1,Mug,1,9.50,Completed\n\
        A2,2024-01-03,c2,Mug,1,9.50,Awaiting Payment\n\
        A3,2024-01-04,c3,Mug,2,9.50,UNPAID\n\
        A4,2024-01-05,c4,Mug,1,9.50,Partially paid\n\
        A5,2024-01-06,c5,Mug,1,9.50,待付款\n\
        A6,2024-01-07,c6,Mug,1,9.50,Cancelled (unpaid)\n\
        A7,2024-01-08,c7,Mug,1,9.50,Incomplete\n\
        A8,2024-01-09,c8,Mug,1,9.50,Abandoned checkout\n";
    let ds = imp("orders.csv", generic.as_bytes());
    assert_eq!(dropped(&ds, DropReason::Unpaid), 5);
    // Cancelled first: a cancellation, whatever else the status says.
    assert_eq!(dropped(&ds, DropReason::Cancellation), 1);
    close(ds.report.order_level.revenue, 19.0);
}

#[test]
fn cdnow_log_preset() {
    let ds = imp("cdnow.csv", &fixture("cdnow.csv"));
    let r = &ds.report;
    assert_eq!(r.files[0].preset.as_deref(), Some("cdnow_log"));
    assert!(r.files[0]
        .notes
        .iter()
        .any(|n| n.en().contains("one order per customer")));
    assert_eq!(r.kept_rows, 6);
    close(r.order_level.revenue, 171.62);
    assert_eq!((r.order_level.orders, r.order_level.customers), (5, 4));
    assert_eq!(r.date_min.as_deref(), Some("1997-01-01 00:00:00"));
    assert_eq!(ds.lines.sku, vec![NONE_ID; 6]);
    close(ds.lines.unit_price[2], 15.4);
}

#[test]
fn mapping_override_applies_to_equal_header() {
    let text = b"a,b,c,d\nX1,2011-01-01,3,4.5\n";
    let opts = ImportOptions {
        mapping_overrides: vec![MappingOverride {
            headers: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            fields: vec![
                Some(Field::OrderId),
                Some(Field::OrderDate),
                Some(Field::Quantity),
                Some(Field::UnitPrice),
            ],
        }],
        ..ImportOptions::default()
    };
    let ds = import_bytes("o.csv", text, &opts).unwrap();
    close(revenue(&ds), 13.5);
    assert_eq!(ds.report.files[0].mapping[3].field, Some(Field::UnitPrice));
    assert_eq!(ds.report.files[0].mapping[3].confidence, 1.0);
}

#[test]
fn errors_name_the_file_and_what_is_missing() {
    let e = import_bytes(
        "nodate.csv",
        b"Order,Qty,Price\n1,2,3\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    match e {
        DataError::File { file, message } => {
            assert_eq!(file, "nodate.csv");
            assert!(message.en().contains("date column"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let e = import_bytes(
        "noamount.csv",
        b"Order,Date,Qty\n1,2011-01-01,2\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("line total or both quantity and unit price"),
        "{e}"
    );
    let e = import_bytes("empty.csv", b"", &ImportOptions::default()).unwrap_err();
    assert!(e.to_string().contains("empty"), "{e}");
    let e = import_bytes(
        "x.xlsx",
        b"PK\x03\x04\x14\x00\x00",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("Excel"), "{e}");
    let e = import_bytes(
        "h.csv",
        b"Order,Date,Qty,Price\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("no data rows"), "{e}");
}

#[test]
fn malformed_rows_are_counted() {
    let text = b"Order,Date,Qty,Price\n1,2011-01-01,1,2\n2,2011-01-01,1\n3,2011-01-01,1,2,extra\n4,2011-01-01,x,2\n";
    let ds = imp("m.csv", text);
    assert_eq!(dropped(&ds, DropReason::MalformedRow), 2);
    assert_eq!(dropped(&ds, DropReason::UnparseableNumber), 1);
    assert_eq!(ds.report.total_rows, 4);
    assert_eq!(ds.report.kept_rows, 1);
}

fn gzip(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

fn streamed(name: &str, parts: &[&[u8]]) -> Dataset {
    let mut imp = Importer::new(ImportOptions::default());
    imp.begin_file(name).unwrap();
    for p in parts {
        imp.push(p).unwrap();
    }
    imp.end_file().unwrap();
    imp.finish().unwrap()
}

fn json(ds: &Dataset) -> serde_json::Value {
    serde_json::to_value(ds).unwrap()
}

#[test]
fn gzip_single_and_multi_member() {
    let raw = fixture("uci_small.csv");
    let plain = imp("a.csv", &raw);
    let gz = imp("a.csv.gz", &gzip(&raw));
    assert!(gz.report.files[0].gzip);
    assert_eq!(gz.report.order_level, plain.report.order_level);
    // Detected by magic bytes, whatever the name.
    let gz2 = imp("a.csv", &gzip(&raw));
    assert!(gz2.report.files[0].gzip);
    // Two gzip members concatenated (split inside a line).
    let mut multi = gzip(&raw[..300]);
    multi.extend(gzip(&raw[300..]));
    let m = imp("multi.csv.gz", &multi);
    assert_eq!(json(&m)["lines"], json(&plain)["lines"]);
    assert_eq!(m.report.order_level, plain.report.order_level);
}

#[test]
fn chunked_push_at_every_split_point() {
    let raw = fixture("uci_small.csv");
    let (gbk, _, _) = GB18030.encode(CHINESE);
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("uci.csv", raw.clone()),
        ("uci.csv.gz", gzip(&raw)),
        ("u16.csv", utf16(LATIN, true, true)),
        ("gbk.csv", gbk.into_owned()),
        ("shopify.csv", fixture("shopify_orders.csv")),
    ];
    for (name, bytes) in &inputs {
        let whole = json(&imp(name, bytes));
        for k in 0..=bytes.len() {
            let ds = streamed(name, &[&bytes[..k], &bytes[k..]]);
            assert_eq!(json(&ds), whole, "{name} split at {k}");
        }
        let singles: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(
            json(&streamed(name, &singles)),
            whole,
            "{name} byte by byte"
        );
    }
}

#[test]
fn several_files_merge() {
    let mut imp = Importer::new(ImportOptions::default());
    imp.begin_file("uci.csv").unwrap();
    imp.push(&fixture("uci_small.csv")).unwrap();
    let info = imp.end_file().unwrap();
    assert_eq!(info.rows, 9);
    assert_eq!(imp.rows_read(), 9);
    imp.begin_file("cdnow.csv").unwrap();
    imp.push(&fixture("cdnow.csv")).unwrap();
    imp.end_file().unwrap();
    assert_eq!(imp.rows_read(), 15);
    let ds = imp.finish().unwrap();
    assert_eq!(ds.report.files.len(), 2);
    assert_eq!(ds.report.kept_rows, 12);
    assert!((ds.report.order_level.revenue - (150.35 + 171.62)).abs() < 1e-9);
    assert_eq!(ds.lines.source_file.iter().filter(|&&f| f == 1).count(), 6);
}

#[test]
fn report_csv_export() {
    let ds = imp("uci_small.csv", &fixture("uci_small.csv"));
    let csv = shoplens::data::cleaning_report_csv(&ds.report);
    assert!(csv.starts_with("section,item,value,first_rows\r\n"));
    assert!(csv.contains("dropped,cancellation,1,0:5\r\n"), "{csv}");
    assert!(csv.contains("order_level,revenue,150.350,\r\n"), "{csv}");
}
