//! Column auto-mapping: recognised export presets, header synonyms (English and Chinese) and
//! content recognition, each with a confidence and a plain reason.
//!
//! The approach is the one of schema-matching tools (Rahm & Bernstein, "A survey of approaches
//! to automatic schema matching", VLDB J. 2001): a name-based matcher (normalised header
//! against a synonym list) combined with an instance-based matcher (value types of a sample),
//! resolved greedily by confidence so each field and each column is used once.

use super::dates::{parse_clock, parse_date, RawDate};
use super::model::{ColumnMapping, Field, ImportOptions};
use super::numbers::{looks_money, parse_number, CURRENCY_CODES};
use crate::text::Text;

/// Outcome of mapping one file's header row.
#[derive(Debug, Clone)]
pub struct MappingResult {
    /// One entry per column.
    pub columns: Vec<ColumnMapping>,
    /// Recognised preset key.
    pub preset: Option<&'static str>,
    /// Extra decisions, as catalogue sentences (the file notes are their English).
    pub notes: Vec<Text>,
}

impl MappingResult {
    /// Column index of each field (`Field as usize` order of [`Field::ALL`]).
    pub fn field_columns(&self) -> [Option<usize>; 12] {
        let mut out = [None; 12];
        for c in &self.columns {
            if let Some(f) = c.field {
                out[field_index(f)] = Some(c.column);
            }
        }
        out
    }
}

/// Position of a field in [`Field::ALL`].
pub fn field_index(f: Field) -> usize {
    Field::ALL.iter().position(|&g| g == f).unwrap_or(0)
}

/// Lower-case a header and drop spaces and punctuation ("Lineitem quantity" → "lineitemquantity",
/// "订单 编号" → "订单编号"). The one header key of the app: the inventory and spend-file
/// readers compare their synonyms with it too, after [`strip_unit`].
pub fn normalise_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A header without a unit in brackets at its end ("Amount spent (GBP)" → ("Amount spent",
/// Some("GBP")), "Lead time (days)", full-width "（天）" too); the header as it is otherwise.
pub fn strip_unit(h: &str) -> (&str, Option<&str>) {
    let t = h.trim();
    match t.rfind(['(', '（']) {
        Some(i) if i > 0 && t.ends_with([')', '）']) => {
            let unit = t[i..]
                .trim_start_matches(['(', '（'])
                .trim_end_matches([')', '）'])
                .trim();
            (t[..i].trim_end(), Some(unit))
        }
        _ => (t, None),
    }
}

/// Header synonyms (normalised) per field.
const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::OrderId,
        &[
            "invoiceno",
            "invoice",
            "invoicenumber",
            "invoiceid",
            "orderid",
            "ordernumber",
            "orderno",
            "order",
            "transactionid",
            "receiptno",
            "订单号",
            "订单编号",
            "订单id",
            "主订单编号",
            "子订单编号",
            "交易号",
            "单号",
            "bestellnummer",
            "bestellnr",
            "auftragsnummer",
            "auftragsnr",
            "rechnungsnummer",
            "rechnungsnr",
            "numerodecommande",
            "numérodecommande",
            "ndecommande",
            "idcommande",
            "referencecommande",
            "référencecommande",
            "numerodepedido",
            "númerodepedido",
            "npedido",
            "nºpedido",
            "numpedido",
            "idpedido",
            "numeroordine",
            "numerodordine",
            "idordine",
            "bestelnummer",
            "ordernummer",
            "factuurnummer",
            "numerodaencomenda",
            "númerodaencomenda",
            "numerodopedido",
            "númerodopedido",
        ],
    ),
    (
        Field::OrderDate,
        &[
            "invoicedate",
            "orderdate",
            "date",
            "createdat",
            "created",
            "paidat",
            "purchasedate",
            "orderdatetime",
            "datetime",
            "timestamp",
            "transactiondate",
            "orderdatetimeutc",
            "orderedat",
            "下单时间",
            "付款时间",
            "创建时间",
            "订单创建时间",
            "订单付款时间",
            "日期",
            "时间",
            "交易时间",
            "成交时间",
            "下单日期",
            "bestelldatum",
            "auftragsdatum",
            "rechnungsdatum",
            "kaufdatum",
            "datum",
            "datedecommande",
            "datecommande",
            "datedachat",
            "fecha",
            "fechadepedido",
            "fechapedido",
            "fechadecompra",
            "dataordine",
            "datadellordine",
            "datadopedido",
            "datadaencomenda",
            "besteldatum",
            "orderdatum",
        ],
    ),
    (
        Field::CustomerId,
        &[
            "customerid",
            "customer",
            "customerno",
            "customernumber",
            "clientid",
            "client",
            "userid",
            "buyer",
            "buyerid",
            "email",
            "customeremail",
            "billingemail",
            "customeruser",
            "memberid",
            "member",
            "membernumber",
            "memberno",
            "买家",
            "买家会员名",
            "客户",
            "客户id",
            "会员名",
            "买家昵称",
            "用户id",
            "客户编号",
            "买家id",
            "kunde",
            "kundennummer",
            "kundennr",
            "kundenid",
            "käufer",
            "kaeufer",
            "numeroclient",
            "numéroclient",
            "idclient",
            "acheteur",
            "cliente",
            "idcliente",
            "comprador",
            "klant",
            "klantnummer",
            "klantid",
        ],
    ),
    (
        Field::Sku,
        &[
            "stockcode",
            "sku",
            "lineitemsku",
            "productid",
            "productcode",
            "itemcode",
            "itemid",
            "articlenumber",
            "asin",
            "variantsku",
            "商品编码",
            "商家编码",
            "sku编码",
            "货号",
            "商品id",
            "宝贝id",
            "商品编号",
            "artikelnummer",
            "artikelnr",
            "artikelid",
            "produktnummer",
            "produktnr",
            "codearticle",
            "codeproduit",
            "codigoproducto",
            "códigoproducto",
            "codiceprodotto",
            "codicearticolo",
            "artikelcode",
            "codigodoproduto",
        ],
    ),
    (
        Field::ProductName,
        &[
            "description",
            "productname",
            "product",
            "itemname",
            "lineitemname",
            "title",
            "producttitle",
            "item",
            "productdescription",
            "itemdescription",
            "商品名称",
            "宝贝标题",
            "商品标题",
            "商品",
            "品名",
            "宝贝名称",
            "artikel",
            "artikelname",
            "artikelbezeichnung",
            "bezeichnung",
            "produkt",
            "produktname",
            "designation",
            "désignation",
            "produit",
            "nomduproduit",
            "libelle",
            "libellé",
            "producto",
            "nombredelproducto",
            "descripcion",
            "descripción",
            "articulo",
            "artículo",
            "articolo",
            "prodotto",
            "nomeprodotto",
            "descrizione",
            "omschrijving",
            "produto",
            "nomedoproduto",
        ],
    ),
    (
        Field::Quantity,
        &[
            "quantity",
            "qty",
            "lineitemquantity",
            "units",
            "itemquantity",
            "quantityordered",
            "数量",
            "购买数量",
            "商品数量",
            "宝贝数量",
            "menge",
            "anzahl",
            "stück",
            "stueck",
            "stückzahl",
            "quantité",
            "quantite",
            "qté",
            "qte",
            "cantidad",
            "cant",
            "quantità",
            "quantita",
            "aantal",
            "quantidade",
            "qtd",
        ],
    ),
    (
        Field::UnitPrice,
        &[
            "unitprice",
            "price",
            "lineitemprice",
            "itemprice",
            "itemcost",
            "priceeach",
            "unitcost",
            "单价",
            "价格",
            "商品单价",
            "商品价格",
            "宝贝单价",
            "preis",
            "einzelpreis",
            "stückpreis",
            "prix",
            "prixunitaire",
            "prixunitaireht",
            "prixunitairettc",
            "precio",
            "preciounitario",
            "prezzo",
            "prezzounitario",
            "prijs",
            "stukprijs",
            "preço",
            "preco",
            "preçounitário",
            "precounitario",
        ],
    ),
    (
        Field::LineTotal,
        &[
            "amount",
            "total",
            "linetotal",
            "itemtotal",
            "sales",
            "revenue",
            "totalprice",
            "lineamount",
            "linerevenue",
            "金额",
            "实付金额",
            "总金额",
            "小计",
            "销售额",
            "实收款",
            "买家实际支付金额",
            "实付款",
            "成交金额",
            "betrag",
            "gesamtbetrag",
            "gesamtpreis",
            "summe",
            "umsatz",
            "montant",
            "montantttc",
            "montantht",
            "prixtotal",
            "prixtotalttc",
            "montantdelacommande",
            "importe",
            "importetotal",
            "preciototal",
            "ventas",
            "importo",
            "totale",
            "prezzototale",
            "bedrag",
            "totaalbedrag",
            "omzet",
            "valor",
            "valortotal",
        ],
    ),
    (
        Field::Currency,
        &["currency", "currencycode", "ordercurrency", "币种", "货币"],
    ),
    (
        Field::Country,
        &[
            "country",
            "billingcountry",
            "shippingcountry",
            "countrycode",
            "国家",
            "地区",
            "国家地区",
            "国家或地区",
            "land",
            "pays",
            "país",
            "pais",
            "paese",
            "lieferland",
            "paysdelivraison",
        ],
    ),
    (
        Field::Category,
        &[
            "category",
            "productcategory",
            "producttype",
            "type",
            "department",
            "类目",
            "分类",
            "商品类目",
            "商品分类",
            "produktkategorie",
            "artikelgruppe",
            "kategorie",
            "warengruppe",
            "catégorie",
            "categorie",
            "categoría",
            "categoria",
        ],
    ),
    (
        Field::Status,
        &[
            "status",
            "orderstatus",
            "financialstatus",
            "paymentstatus",
            "订单状态",
            "交易状态",
            "bestellstatus",
            "auftragsstatus",
            "statut",
            "statutdelacommande",
            "estado",
            "estadodelpedido",
            "stato",
            "statoordine",
            "bestelstatus",
            "estadodopedido",
            "状态",
        ],
    ),
];

/// Headers (normalised) that name a field only when they are the whole header: as part of a
/// longer one they mean something else ("Date de commande" is a date, "Código postal" a postcode).
const EXACT_ONLY: &[(Field, &[&str])] = &[
    (
        Field::OrderId,
        &[
            "commande",
            "pedido",
            "ordine",
            "bestellung",
            "bestelling",
            "encomenda",
            "auftrag",
        ],
    ),
    (Field::OrderDate, &["data"]),
    (
        Field::Sku,
        &[
            "codigo",
            "código",
            "ref",
            "référence",
            "reference",
            "referencia",
            "referência",
            "riferimento",
        ],
    ),
];

/// Words of a header that mark a money column as not the sale itself (tax, discount, shipping,
/// fees, refunds), in the languages of the synonyms. Compared with each word's start.
const NOT_SALE_WORDS: &[&str] = &[
    "tax",
    "vat",
    "discount",
    "shipping",
    "fee",
    "refund",
    "coupon",
    "tip",
    "commission",
    "steuer",
    "mwst",
    "rabatt",
    "versand",
    "porto",
    "gebühr",
    "gebuehr",
    "tva",
    "remise",
    "livraison",
    "frais",
    "impuesto",
    "iva",
    "descuento",
    "envío",
    "envio",
    "gastos",
    "sconto",
    "spedizione",
    "btw",
    "korting",
    "verzend",
    "imposto",
    "desconto",
    "frete",
];

/// Chinese header fragments with the same meaning as [`NOT_SALE_WORDS`].
const NOT_SALE_ZH: &[&str] = &["税", "运费", "邮费", "优惠", "折扣", "佣金", "退款"];

/// Whether a header names a money amount that is not the sale (tax, discount, shipping, …):
/// such a column is never guessed to be the unit price, line total or quantity.
fn not_sale_header(header: &str) -> bool {
    let lower = header.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && NOT_SALE_WORDS.iter().any(|d| w.starts_with(d)))
        || NOT_SALE_ZH.iter().any(|d| lower.contains(d))
}

/// Whether a header names an identifier (order number, postcode, phone): its small whole numbers
/// are never guessed to be quantities.
fn identifier_header(header: &str) -> bool {
    let lower = header.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "id" | "no" | "nr" | "n" | "nº" | "num" | "ref" | "tel" | "zip" | "pedido" | "commande"
        ) || [
            "number", "nummer", "numero", "número", "code", "phone", "postcode", "zip",
        ]
        .iter()
        .any(|e| w.ends_with(e))
            || (w.len() > 2 && w.ends_with("id") && !w.ends_with("paid"))
    }) || ["号", "编码", "编号", "电话", "邮编"]
        .iter()
        .any(|e| lower.contains(e))
}

/// Whether a header names a calendar part derived from a date ("year", "day_of_week", "月"):
/// such a column is never guessed to hold quantities or values from its content.
pub fn is_date_part(header: &str) -> bool {
    DATE_PARTS.contains(&normalise_header(header).as_str())
}

/// Headers (normalised) of a column holding the time of day apart from the date.
const TIME_HEADERS: &[&str] = &[
    "time",
    "ordertime",
    "timeofday",
    "saletime",
    "purchasetime",
    "transactiontime",
    "createdtime",
    "uhrzeit",
    "zeit",
    "bestellzeit",
    "heure",
    "hora",
    "ora",
    "tijd",
    "时间",
    "时刻",
    "下单时间",
    "订单时间",
    "成交时间",
    "创建时间",
];

/// The column holding each order's time of day when the date column holds dates only
/// (Square's item sales keep `Date` and `Time` apart): an unmapped column named like a time
/// ([`TIME_HEADERS`]) whose sample values are nine in ten clock times ("13:45:12", "1:45 PM").
/// `None` when the dates already carry a time, or no such column exists.
pub fn time_column(headers: &[String], rows: &[Vec<String>], m: &MappingResult) -> Option<usize> {
    let date_col = m.field_columns()[field_index(Field::OrderDate)]?;
    let cells = |c: usize| {
        rows.iter()
            .take(500)
            .filter_map(move |r| r.get(c).map(|v| v.trim()))
            .filter(|v| !v.is_empty())
    };
    let dates_only = cells(date_col).all(|v| match parse_date(v.as_bytes()) {
        RawDate::Exact(ts) => ts.rem_euclid(86_400) == 0,
        RawDate::Ambiguous { secs, .. } => secs == 0,
        RawDate::Invalid => true,
    });
    if !dates_only {
        return None;
    }
    let mapped: Vec<usize> = m
        .columns
        .iter()
        .filter(|c| c.field.is_some())
        .map(|c| c.column)
        .collect();
    (0..headers.len()).find(|&c| {
        if mapped.contains(&c) || !TIME_HEADERS.contains(&normalise_header(&headers[c]).as_str()) {
            return false;
        }
        let (n, clock) = cells(c).fold((0usize, 0usize), |(n, k), v| {
            (n + 1, k + usize::from(parse_clock(v.as_bytes()).is_some()))
        });
        n > 0 && clock * 10 >= n * 9
    })
}

/// Headers (normalised) of calendar parts derived from a date.
const DATE_PARTS: &[&str] = &[
    "year",
    "quarter",
    "month",
    "week",
    "weekofyear",
    "day",
    "dayofweek",
    "weekday",
    "dayofmonth",
    "dayofyear",
    "hour",
    "minute",
    "年",
    "季度",
    "月",
    "月份",
    "周",
    "星期",
    "日",
    "小时",
];

const UCI: [&str; 8] = [
    "invoiceno",
    "stockcode",
    "description",
    "quantity",
    "invoicedate",
    "unitprice",
    "customerid",
    "country",
];

const SHOPIFY: &[(&str, Field)] = &[
    ("name", Field::OrderId),
    ("email", Field::CustomerId),
    ("createdat", Field::OrderDate),
    ("lineitemquantity", Field::Quantity),
    ("lineitemname", Field::ProductName),
    ("lineitemprice", Field::UnitPrice),
    ("lineitemsku", Field::Sku),
    ("currency", Field::Currency),
    ("billingcountry", Field::Country),
    ("financialstatus", Field::Status),
    ("vendor", Field::Category),
];

const WOO: &[(&str, Field)] = &[
    ("orderid", Field::OrderId),
    ("ordernumber", Field::OrderId),
    ("orderdate", Field::OrderDate),
    ("billingemail", Field::CustomerId),
    ("customeremail", Field::CustomerId),
    ("customeruser", Field::CustomerId),
    ("customerid", Field::CustomerId),
    ("sku", Field::Sku),
    ("itemname", Field::ProductName),
    ("productname", Field::ProductName),
    ("quantity", Field::Quantity),
    ("itemquantity", Field::Quantity),
    ("qty", Field::Quantity),
    ("itemcost", Field::UnitPrice),
    ("itemprice", Field::UnitPrice),
    ("linetotal", Field::LineTotal),
    ("itemtotal", Field::LineTotal),
    ("ordercurrency", Field::Currency),
    ("currency", Field::Currency),
    ("billingcountry", Field::Country),
    ("orderstatus", Field::Status),
    ("status", Field::Status),
    ("category", Field::Category),
];

/// Amazon Seller Central "All Orders" report (tab-separated). Its `item-price` is the amount
/// paid for the line ("aggregate of the quantity, not unit price", Seller Central help 200547170),
/// so it is the line total; the report carries no customer column.
const AMAZON: &[(&str, Field)] = &[
    ("amazonorderid", Field::OrderId),
    ("purchasedate", Field::OrderDate),
    ("buyeremail", Field::CustomerId),
    ("sku", Field::Sku),
    ("productname", Field::ProductName),
    ("quantity", Field::Quantity),
    ("quantitypurchased", Field::Quantity),
    ("itemprice", Field::LineTotal),
    ("currency", Field::Currency),
    ("shipcountry", Field::Country),
    ("orderstatus", Field::Status),
];

/// Etsy "Sold Order Items" export: one row per item; `Order ID` groups them (each row has its
/// own `Transaction ID`), `Price` is the unit price and `Item Total` the line.
const ETSY: &[(&str, Field)] = &[
    ("orderid", Field::OrderId),
    ("saledate", Field::OrderDate),
    ("buyer", Field::CustomerId),
    ("sku", Field::Sku),
    ("itemname", Field::ProductName),
    ("quantity", Field::Quantity),
    ("price", Field::UnitPrice),
    ("itemtotal", Field::LineTotal),
    ("currency", Field::Currency),
    ("shipcountry", Field::Country),
];

/// Square "Item Sales" detail export: one row per item of a payment (`Transaction ID`);
/// `Net Sales` (after discounts) is the line's revenue and `Event Type` says Payment or Refund.
const SQUARE: &[(&str, Field)] = &[
    ("transactionid", Field::OrderId),
    ("date", Field::OrderDate),
    ("customerid", Field::CustomerId),
    ("sku", Field::Sku),
    ("item", Field::ProductName),
    ("qty", Field::Quantity),
    ("netsales", Field::LineTotal),
    ("category", Field::Category),
    ("eventtype", Field::Status),
];

/// Etsy "Sold Orders" export: one row per order (the items are in "Sold Order Items"), so no
/// product column is mapped (`SKU` lists the order's SKUs in one cell); `Order Value` is the
/// items' price before coupon discounts, without shipping and tax.
const ETSY_ORDERS: &[(&str, Field)] = &[
    ("orderid", Field::OrderId),
    ("saledate", Field::OrderDate),
    ("buyeruserid", Field::CustomerId),
    ("buyer", Field::CustomerId),
    ("numberofitems", Field::Quantity),
    ("ordervalue", Field::LineTotal),
    ("currency", Field::Currency),
    ("shipcountry", Field::Country),
    ("status", Field::Status),
];

/// Taobao / Tmall "订单报表" (order report): one row per order; `买家应付货款` is the goods'
/// amount the buyer owes (postage apart, `买家应付邮费`), `宝贝总数量` the items, `宝贝标题` the
/// title(s); `买家支付积分` (points paid) is not a quantity. Order numbers come as `="…"`.
const TAOBAO: &[(&str, Field)] = &[
    ("订单编号", Field::OrderId),
    ("订单创建时间", Field::OrderDate),
    ("买家会员名", Field::CustomerId),
    ("宝贝标题", Field::ProductName),
    ("宝贝总数量", Field::Quantity),
    ("买家应付货款", Field::LineTotal),
    ("订单状态", Field::Status),
];

/// eBay Seller Hub "Orders" report: one row per item; `Sold For` is the price of one unit
/// (`Total Price` adds postage and tax, so it is not the sale); `Custom Label` is the seller's
/// SKU when set, `Item Number` the listing. "Jul-21-25" dates; "N record(s) downloaded" and
/// "Seller ID" lines under the data.
const EBAY: &[(&str, Field)] = &[
    ("ordernumber", Field::OrderId),
    ("saledate", Field::OrderDate),
    ("buyerusername", Field::CustomerId),
    ("buyeremail", Field::CustomerId),
    ("customlabel", Field::Sku),
    ("itemnumber", Field::Sku),
    ("itemtitle", Field::ProductName),
    ("quantity", Field::Quantity),
    ("soldfor", Field::UnitPrice),
    ("buyercountry", Field::Country),
    ("shiptocountry", Field::Country),
    ("posttocountry", Field::Country),
];

const CDNOW: &[(&str, Field)] = &[
    ("customer", Field::CustomerId),
    ("customerid", Field::CustomerId),
    ("date", Field::OrderDate),
    ("quantity", Field::Quantity),
    ("amount", Field::LineTotal),
];

const COUNTRIES: &[&str] = &[
    "united kingdom",
    "uk",
    "germany",
    "france",
    "eire",
    "ireland",
    "spain",
    "netherlands",
    "belgium",
    "switzerland",
    "portugal",
    "australia",
    "norway",
    "italy",
    "channel islands",
    "finland",
    "cyprus",
    "sweden",
    "austria",
    "denmark",
    "japan",
    "poland",
    "israel",
    "usa",
    "united states",
    "hong kong",
    "singapore",
    "iceland",
    "canada",
    "greece",
    "malta",
    "united arab emirates",
    "european community",
    "rsa",
    "south africa",
    "lebanon",
    "lithuania",
    "brazil",
    "czech republic",
    "bahrain",
    "saudi arabia",
    "china",
    "india",
    "mexico",
    "new zealand",
    "korea",
    "south korea",
    "taiwan",
    "russia",
    "turkey",
    "unspecified",
    "中国",
    "美国",
    "英国",
    "日本",
    "德国",
    "法国",
    "香港",
    "台湾",
    "澳大利亚",
    "加拿大",
    "韩国",
    "新加坡",
];

/// Recognised export formats: the `preset` key of a file report and its name (a catalogue key).
const PRESET_LABELS: &[(&str, &str)] = &[
    ("uci_online_retail", "data.preset.uci"),
    ("shopify_orders", "data.preset.shopify"),
    ("woocommerce", "data.preset.woocommerce"),
    ("amazon_orders", "data.preset.amazon"),
    ("etsy_sold_items", "data.preset.etsy"),
    ("square_items", "data.preset.square"),
    ("ebay_orders", "data.preset.ebay"),
    ("etsy_sold_orders", "data.preset.etsy_orders"),
    ("taobao_orders", "data.preset.taobao"),
    ("cdnow_log", "data.preset.cdnow"),
];

/// An amount column a preset reads besides the canonical fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresetAmount {
    /// Taken off each row's line total: Etsy Sold Orders' `Discount Amount` (its `Order Value`
    /// is before coupons), Amazon's `item-promotion-discount` (its `item-price` is before
    /// promotions).
    Discount,
    /// Shopify's order `Subtotal` (after discounts, before shipping and tax), on an order's
    /// first line: the order's lines (`Lineitem price` is before discounts) are scaled to it.
    Subtotal,
    /// Shopify's order `Refunded Amount`: a partially refunded order is counted in full (the
    /// export does not say which items were refunded) and its refund said in a note.
    Refunded,
}

const PRESET_AMOUNTS: &[(&str, &str, PresetAmount)] = &[
    ("etsy_sold_orders", "discountamount", PresetAmount::Discount),
    (
        "amazon_orders",
        "itempromotiondiscount",
        PresetAmount::Discount,
    ),
    ("shopify_orders", "subtotal", PresetAmount::Subtotal),
    ("shopify_orders", "refundedamount", PresetAmount::Refunded),
];

/// The amount a preset reads from a column (normalised header), if any.
pub fn preset_amount(preset: &str, header: &str) -> Option<PresetAmount> {
    PRESET_AMOUNTS
        .iter()
        .find(|(p, h, _)| *p == preset && *h == header)
        .map(|&(_, _, a)| a)
}

/// The currency of an export format that never names one: Taobao / Tmall reports are in
/// Chinese yuan.
pub fn preset_currency(preset: &str) -> Option<&'static str> {
    (preset == "taobao_orders").then_some("CNY")
}

/// Whether a bare "pending" status means "not paid" in an export format: WooCommerce's
/// `pending` is "pending payment", Amazon's `Pending` an order whose payment is not yet
/// authorised (elsewhere, as in Shopify, cash on delivery stays pending: a sale).
pub fn pending_is_unpaid(preset: &str) -> bool {
    matches!(preset, "woocommerce" | "amazon_orders")
}

/// The name of a recognised export format (the `preset` key of a file report), in words.
pub fn preset_label(key: &str) -> Option<Text> {
    PRESET_LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, label)| Text::new(label))
}

/// The column a preset maps `field` to: of the columns whose header the preset lists for it,
/// the best-ranked one filled in at least half the sample rows, else the best-ranked one
/// present (eBay's `Custom Label` is the seller's SKU, but is blank for sellers who never set
/// one: then `Item Number`; a guest order's blank e-mail does not count against it).
fn preset_choice(
    table: &[(&str, Field)],
    norm: &[String],
    rows: &[Vec<String>],
    field: Field,
) -> Option<usize> {
    let present: Vec<usize> = table
        .iter()
        .filter(|(_, g)| *g == field)
        .filter_map(|(h, _)| norm.iter().position(|x| x == h))
        .collect();
    let filled = |c: usize| {
        let n = rows.iter().take(500).count();
        let k = rows
            .iter()
            .take(500)
            .filter(|r| r.get(c).is_some_and(|v| !v.trim().is_empty()))
            .count();
        n == 0 || k * 2 >= n
    };
    present
        .iter()
        .copied()
        .find(|&c| filled(c))
        .or(present.first().copied())
}

/// A recognised export format: key (named in [`PRESET_LABELS`]) and header table.
type Preset = (&'static str, &'static [(&'static str, Field)]);

/// Value statistics of one column over the sample.
#[derive(Debug, Default, Clone)]
struct ColumnStats {
    non_empty: usize,
    dates: usize,
    numbers: usize,
    integers: usize,
    money: usize,
    currency_codes: usize,
    countries: usize,
    max_abs: f64,
}

fn column_stats(rows: &[Vec<String>], col: usize) -> ColumnStats {
    let mut st = ColumnStats::default();
    for r in rows.iter().take(500) {
        let Some(v) = r.get(col).map(|s| s.trim()) else {
            continue;
        };
        if v.is_empty() {
            continue;
        }
        st.non_empty += 1;
        let b = v.as_bytes();
        let num = parse_number(b, false);
        if num.is_none() && parse_date(b) != RawDate::Invalid {
            st.dates += 1;
        }
        if let Some((x, _)) = num {
            st.numbers += 1;
            if x.fract() == 0.0 && !v.contains(['.', ',']) {
                st.integers += 1;
            }
            st.max_abs = st.max_abs.max(x.abs());
        }
        if looks_money(b) {
            st.money += 1;
        }
        if v.len() == 3 && CURRENCY_CODES.contains(&v.to_ascii_uppercase().as_str()) {
            st.currency_codes += 1;
        }
        let lower = v.to_lowercase();
        if COUNTRIES.contains(&lower.as_str())
            || (v.len() == 2 && v.bytes().all(|c| c.is_ascii_uppercase()))
        {
            st.countries += 1;
        }
    }
    st
}

fn share(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

fn samples(rows: &[Vec<String>], col: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rows {
        if let Some(v) = r.get(col).map(|s| s.trim()) {
            if !v.is_empty() && !out.iter().any(|o| o == v) {
                out.push(v.chars().take(60).collect());
                if out.len() == 3 {
                    break;
                }
            }
        }
    }
    out
}

/// "{n} of {total} sample values …" for one of the `data.map.sample_*` keys.
fn sample_text(key: &str, n: usize, total: usize) -> Text {
    Text::new(key).int("n", n).int("total", total)
}

/// Content check of a header-matched field: (still plausible, share text).
fn content_agrees(f: Field, st: &ColumnStats) -> Option<(bool, Text)> {
    if st.non_empty == 0 {
        return None;
    }
    let (ok, what, n) = match f {
        Field::OrderDate => (
            share(st.dates.max(st.numbers), st.non_empty) >= 0.5,
            Text::new("data.map.sample_dates"),
            st.dates.max(st.numbers),
        ),
        Field::Quantity | Field::UnitPrice | Field::LineTotal => (
            share(st.numbers, st.non_empty) >= 0.5,
            Text::new("data.map.sample_numbers"),
            st.numbers,
        ),
        _ => return None,
    };
    Some((ok, what.int("n", n).int("total", st.non_empty)))
}

/// Map a header row, using the sample rows for content recognition.
pub fn auto_map(headers: &[String], rows: &[Vec<String>], opts: &ImportOptions) -> MappingResult {
    let norm: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mk = |col: usize, field: Option<Field>, confidence: f64, reason: Text| ColumnMapping {
        column: col,
        header: headers[col].clone(),
        field,
        confidence,
        reason,
        samples: samples(rows, col),
    };

    // 1. A mapping the user confirmed for this header row.
    if let Some(o) = opts.mapping_overrides.iter().find(|o| {
        o.headers.len() == headers.len()
            && o.headers
                .iter()
                .zip(headers)
                .all(|(a, b)| a.trim() == b.trim())
    }) {
        let columns = (0..headers.len())
            .map(|i| {
                let f = o.fields.get(i).copied().flatten();
                mk(i, f, 1.0, Text::new("data.map.confirmed"))
            })
            .collect();
        return MappingResult {
            columns,
            preset: None,
            notes: vec![Text::new("data.note.saved_mapping")],
        };
    }

    // 2. Presets.
    let has = |k: &str| norm.iter().any(|n| n == k);
    let preset: Option<Preset> = {
        let mut sorted: Vec<&str> = norm.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        let mut uci = UCI.to_vec();
        uci.sort_unstable();
        if sorted == uci {
            Some(("uci_online_retail", &[]))
        } else if has("name") && has("createdat") && has("lineitemquantity") && has("lineitemprice")
        {
            Some(("shopify_orders", SHOPIFY))
        } else if has("amazonorderid") && has("purchasedate") && has("itemprice") {
            Some(("amazon_orders", AMAZON))
        } else if has("saledate") && has("itemname") && has("orderid") && has("itemtotal") {
            Some(("etsy_sold_items", ETSY))
        } else if has("saledate") && has("orderid") && has("ordervalue") && has("numberofitems") {
            Some(("etsy_sold_orders", ETSY_ORDERS))
        } else if has("订单编号") && has("买家会员名") && has("订单创建时间") && has("宝贝总数量")
        {
            Some(("taobao_orders", TAOBAO))
        } else if has("salesrecordnumber")
            && has("ordernumber")
            && has("soldfor")
            && has("saledate")
        {
            Some(("ebay_orders", EBAY))
        } else if has("transactionid")
            && has("item")
            && has("qty")
            && has("grosssales")
            && has("netsales")
        {
            Some(("square_items", SQUARE))
        } else if (has("orderid") || has("ordernumber"))
            && has("orderdate")
            && (has("itemname") || has("productname"))
        {
            Some(("woocommerce", WOO))
        } else if norm.len() == 4
            && (has("customer") || has("customerid"))
            && has("date")
            && has("quantity")
            && has("amount")
        {
            Some(("cdnow_log", CDNOW))
        } else {
            None
        }
    };
    let mut preset_fallback: Option<Text> = None;
    if let Some((key, table)) = preset {
        let label = preset_label(key).unwrap_or_default();
        let mut used = [false; 12];
        let mut columns = Vec::with_capacity(headers.len());
        for (i, n) in norm.iter().enumerate() {
            let f = if key == "uci_online_retail" {
                match n.as_str() {
                    "invoiceno" => Some(Field::OrderId),
                    "stockcode" => Some(Field::Sku),
                    "description" => Some(Field::ProductName),
                    "quantity" => Some(Field::Quantity),
                    "invoicedate" => Some(Field::OrderDate),
                    "unitprice" => Some(Field::UnitPrice),
                    "customerid" => Some(Field::CustomerId),
                    "country" => Some(Field::Country),
                    _ => None,
                }
            } else {
                // Preference order of the table decides between alternatives (e.g. e-mail
                // first), among the columns filled in the sample when any is.
                table
                    .iter()
                    .find(|(h, _)| h == n)
                    .map(|&(_, f)| f)
                    .filter(|&f| preset_choice(table, &norm, rows, f) == Some(i))
            };
            let f = f.filter(|f| !used[field_index(*f)]);
            if let Some(f) = f {
                used[field_index(f)] = true;
                columns.push(mk(
                    i,
                    Some(f),
                    1.0,
                    Text::new("data.map.preset_field")
                        .text("label", label.clone())
                        .str("header", headers[i].trim())
                        .text("field", f.text()),
                ));
            } else if key == "shopify_orders" && n == "cancelledat" {
                columns.push(mk(
                    i,
                    None,
                    1.0,
                    Text::new("data.map.preset_cancel").text("label", label.clone()),
                ));
            } else if let Some(a) = preset_amount(key, n) {
                let why = match a {
                    PresetAmount::Discount => "data.map.preset_discount",
                    PresetAmount::Subtotal => "data.map.preset_subtotal",
                    PresetAmount::Refunded => "data.map.preset_refunded",
                };
                columns.push(mk(
                    i,
                    None,
                    1.0,
                    Text::new(why).text("label", label.clone()),
                ));
            } else {
                columns.push(mk(
                    i,
                    None,
                    1.0,
                    Text::new("data.map.preset_unused").text("label", label.clone()),
                ));
            }
        }
        let mut notes = vec![Text::new("data.note.preset").text("label", label.clone())];
        if key == "shopify_orders" {
            notes.push(Text::new("data.note.shopify_fill"));
        }
        if key == "cdnow_log" {
            notes.push(Text::new("data.note.cdnow"));
        }
        if key == "amazon_orders" {
            notes.push(Text::new("data.note.amazon"));
        }
        if key == "square_items" {
            notes.push(Text::new("data.note.square"));
        }
        if key == "ebay_orders" {
            notes.push(Text::new("data.note.ebay"));
        }
        if key == "etsy_sold_orders" {
            notes.push(Text::new("data.note.etsy_orders"));
        }
        if key == "taobao_orders" {
            notes.push(Text::new("data.note.taobao"));
        }
        let r = MappingResult {
            columns,
            preset: Some(key),
            notes,
        };
        // A preset recognised from a few headers must still find what an import needs;
        // otherwise the generic matcher below maps the file (e.g. a WooCommerce-like
        // "order_id, order_date, product_name" file with "unit_price" instead of "item_cost").
        let fc = r.field_columns();
        let has_date = fc[field_index(Field::OrderDate)].is_some();
        let has_total = fc[field_index(Field::LineTotal)].is_some();
        let has_qty_price = fc[field_index(Field::Quantity)].is_some()
            && fc[field_index(Field::UnitPrice)].is_some();
        if has_date && (has_total || has_qty_price) {
            return r;
        }
        preset_fallback = Some(Text::new("data.note.preset_fallback").text("label", label));
    }

    // 3. Header synonyms and content.
    let stats: Vec<ColumnStats> = (0..headers.len()).map(|c| column_stats(rows, c)).collect();
    // (confidence, column, field, why, synonym rank).
    let mut cands: Vec<(f64, usize, Field, Text, usize)> = Vec::new();
    let mut exact_header = vec![false; headers.len()];
    for (i, n) in norm.iter().enumerate() {
        if n.is_empty() {
            continue;
        }
        // The synonym's place in its list breaks ties between exact matches ("Created at"
        // before "Paid at" for the order date, wherever the columns stand).
        let mut best: Option<(f64, Field, Text)> = None;
        let mut rank = usize::MAX;
        for &(f, syns) in SYNONYMS {
            for (r, s) in syns.iter().enumerate() {
                let (conf, why) = if n == s {
                    (
                        1.0,
                        Text::new("data.map.header_match")
                            .str("header", headers[i].trim())
                            .text("field", f.text()),
                    )
                } else if s.chars().count() >= 4 && n.contains(s) {
                    (
                        0.8,
                        Text::new("data.map.header_contains")
                            .str("header", headers[i].trim())
                            .str("word", *s)
                            .text("field", f.text()),
                    )
                } else {
                    continue;
                };
                if best.as_ref().is_none_or(|b| conf > b.0) {
                    best = Some((conf, f, why));
                    rank = r;
                }
            }
        }
        for &(f, words) in EXACT_ONLY {
            if words.iter().any(|w| w == n) && best.as_ref().is_none_or(|b| b.0 < 1.0) {
                rank = usize::MAX;
                best = Some((
                    1.0,
                    f,
                    Text::new("data.map.header_match")
                        .str("header", headers[i].trim())
                        .text("field", f.text()),
                ));
            }
        }
        // "Order Sales Tax" contains "sales", "Steuerbetrag" contains "betrag": a header that
        // only contains a sale word and names tax, discount or shipping is not the sale.
        if best.as_ref().is_some_and(|b| {
            b.0 < 1.0
                && matches!(b.1, Field::Quantity | Field::UnitPrice | Field::LineTotal)
                && not_sale_header(&headers[i])
        }) {
            best = None;
        }
        if best.as_ref().is_some_and(|b| b.0 >= 1.0) {
            exact_header[i] = true;
        }
        if let Some((mut conf, f, mut why)) = best {
            if let Some((ok, detail)) = content_agrees(f, &stats[i]) {
                if ok {
                    why = Text::new("data.map.content_agrees")
                        .text("why", why)
                        .text("detail", detail);
                } else {
                    conf *= 0.4;
                    why = Text::new("data.map.content_disagrees")
                        .text("why", why)
                        .text("detail", detail);
                }
            }
            cands.push((conf, i, f, why, rank));
        }
    }
    for (i, st) in stats.iter().enumerate() {
        let ne = st.non_empty;
        // A column whose header names a field exactly ("unit_price") is that field or nothing:
        // a second "unit_price" column is not guessed to be the line total from its content.
        // Nor is a derived calendar column ("year", "day_of_week") a quantity because its
        // values are small whole numbers.
        if ne == 0 || exact_header[i] || is_date_part(&norm[i]) {
            continue;
        }
        let mut push = |conf: f64, f: Field, what: &str, n: usize| {
            cands.push((conf, i, f, sample_text(what, n, ne), usize::MAX));
        };
        if share(st.dates, ne) >= 0.8 {
            push(0.7, Field::OrderDate, "data.map.sample_dates", st.dates);
        }
        if share(st.currency_codes, ne) >= 0.9 {
            push(
                0.8,
                Field::Currency,
                "data.map.sample_currency",
                st.currency_codes,
            );
        }
        if share(st.countries, ne) >= 0.6 {
            push(0.6, Field::Country, "data.map.sample_country", st.countries);
        }
        let not_sale = not_sale_header(&headers[i]);
        if share(st.money, ne) >= 0.8 && !not_sale {
            push(0.5, Field::LineTotal, "data.map.sample_money", st.money);
            push(0.45, Field::UnitPrice, "data.map.sample_money", st.money);
        }
        if share(st.integers, ne) >= 0.95
            && st.max_abs <= 10_000.0
            && !not_sale
            && !identifier_header(&headers[i])
        {
            push(
                0.4,
                Field::Quantity,
                "data.map.sample_small_int",
                st.integers,
            );
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.4.cmp(&b.4)).then(a.1.cmp(&b.1)));
    let mut field_used = [false; 12];
    let mut col_used = vec![false; headers.len()];
    let mut chosen: Vec<Option<(f64, Field, Text)>> = vec![None; headers.len()];
    for (conf, i, f, why, _) in cands {
        if field_used[field_index(f)] || col_used[i] || conf < 0.3 {
            continue;
        }
        // A money column guessed from content is a unit price only when a quantity exists.
        field_used[field_index(f)] = true;
        col_used[i] = true;
        chosen[i] = Some((conf, f, why));
    }
    // A total above price × quantity on most lines is the order's (shipping, tax or the
    // order's other lines included), not the line's: revenue is then quantity × price.
    let col_of = |f: Field| {
        chosen
            .iter()
            .position(|c| c.as_ref().is_some_and(|c| c.1 == f && c.0 >= 0.8))
    };
    let mut order_total: Option<(usize, Text)> = None;
    if let (Some(t), Some(q), Some(p)) = (
        col_of(Field::LineTotal),
        col_of(Field::Quantity),
        col_of(Field::UnitPrice),
    ) {
        if let Some((over, n)) = totals_above_price(rows, t, q, p) {
            if over * 2 > n {
                chosen[t] = None;
                order_total = Some((
                    t,
                    Text::new("data.map.order_total")
                        .str("header", headers[t].trim())
                        .int("over", over)
                        .int("n", n)
                        .str("qty", headers[q].trim())
                        .str("price", headers[p].trim()),
                ));
            }
        }
    }
    let columns = chosen
        .into_iter()
        .enumerate()
        .map(|(i, c)| match (c, &order_total) {
            (Some((conf, f, why)), _) => mk(i, Some(f), conf, why),
            (None, Some((t, why))) if *t == i => mk(i, None, 0.0, why.clone()),
            (None, _) => mk(i, None, 0.0, Text::new("data.map.none")),
        })
        .collect();
    MappingResult {
        columns,
        preset: None,
        notes: preset_fallback.into_iter().collect(),
    }
}

/// Of the sample rows whose total, quantity and unit price all read as numbers: how many have
/// a total above quantity × price (beyond rounding), and how many there are. A line total
/// after a discount is below it; an order total with shipping or tax, or repeated on each of
/// the order's lines, is above.
fn totals_above_price(
    rows: &[Vec<String>],
    t: usize,
    q: usize,
    p: usize,
) -> Option<(usize, usize)> {
    let mut ev = crate::data::numbers::DecimalEvidence::default();
    for r in rows.iter().take(500) {
        for c in [t, q, p] {
            if let Some(v) = r.get(c) {
                ev.observe(v.as_bytes());
            }
        }
    }
    let dc = ev.decide(false);
    let num = |r: &Vec<String>, c: usize| {
        let v = r.get(c)?.trim();
        crate::data::numbers::parse_number(v.as_bytes(), dc).map(|x| x.0)
    };
    let (mut over, mut n) = (0, 0);
    for r in rows.iter().take(500) {
        if let (Some(t), Some(q), Some(p)) = (num(r, t), num(r, q), num(r, p)) {
            n += 1;
            if t > q * p + 0.01 + 1e-3 * (q * p).abs() {
                over += 1;
            }
        }
    }
    (n > 0).then_some((over, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_in_brackets() {
        assert_eq!(
            strip_unit("Amount spent (GBP)"),
            ("Amount spent", Some("GBP"))
        );
        assert_eq!(strip_unit(" 提前期（天） "), ("提前期", Some("天")));
        assert_eq!(
            strip_unit("Lead time ( days )"),
            ("Lead time", Some("days"))
        );
        assert_eq!(strip_unit("(GBP)"), ("(GBP)", None));
        assert_eq!(strip_unit("Cost (GBP) total"), ("Cost (GBP) total", None));
        assert_eq!(
            normalise_header(strip_unit("Campaign_Name").0),
            "campaignname"
        );
    }

    #[test]
    fn every_preset_has_a_label() {
        for key in [
            "uci_online_retail",
            "shopify_orders",
            "woocommerce",
            "amazon_orders",
            "etsy_sold_items",
            "square_items",
            "cdnow_log",
        ] {
            let label = preset_label(key).map(|t| t.en());
            assert!(label.is_some_and(|l| !l.contains("data.preset")), "{key}");
        }
        assert_eq!(
            preset_label("amazon_orders").map(|t| t.render(crate::text::Lang::Zh)),
            Some("亚马逊卖家中心订单报告".to_owned())
        );
    }

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn chinese_headers() {
        let headers = h(&[
            "订单编号",
            "下单时间",
            "买家会员名",
            "商家编码",
            "宝贝标题",
            "购买数量",
            "单价",
            "实付金额",
            "订单状态",
        ]);
        let rows = vec![h(&[
            "1",
            "2011年1月13日",
            "张三",
            "A1",
            "杯子",
            "2",
            "3.5",
            "7",
            "交易成功",
        ])];
        let m = auto_map(&headers, &rows, &ImportOptions::default());
        let f: Vec<Option<Field>> = m.columns.iter().map(|c| c.field).collect();
        assert_eq!(
            f,
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
        assert_eq!(m.columns[0].confidence, 1.0);
    }

    #[test]
    fn content_guess() {
        let headers = h(&["when", "who", "cur", "value"]);
        let rows = vec![
            h(&["2011-01-13", "a", "EUR", "12.50"]),
            h(&["2011-01-14", "b", "USD", "3.00"]),
        ];
        let m = auto_map(&headers, &rows, &ImportOptions::default());
        assert_eq!(m.columns[0].field, Some(Field::OrderDate));
        assert_eq!(m.columns[2].field, Some(Field::Currency));
        assert_eq!(m.columns[3].field, Some(Field::LineTotal));
        assert!(m.columns[0].confidence < 1.0);
        assert!(m.columns[0].reason.en().contains("look like dates"));
    }
}
