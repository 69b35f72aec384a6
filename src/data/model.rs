//! Public types of the ingestion layer: the canonical order-line schema, the columnar
//! table the rest of the app reads, and the cleaning report.
//!
//! This file is the contract between `data`, `analytics`, the worker, the UI and the CLI.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::text::Text;

/// Canonical order-line fields a source column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    OrderId,
    OrderDate,
    CustomerId,
    Sku,
    ProductName,
    Quantity,
    UnitPrice,
    LineTotal,
    Currency,
    Country,
    Category,
    Status,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::OrderId,
        Field::OrderDate,
        Field::CustomerId,
        Field::Sku,
        Field::ProductName,
        Field::Quantity,
        Field::UnitPrice,
        Field::LineTotal,
        Field::Currency,
        Field::Country,
        Field::Category,
        Field::Status,
    ];

    /// Stable snake_case key (used in JSON, CLI output and translations).
    pub fn key(self) -> &'static str {
        match self {
            Field::OrderId => "order_id",
            Field::OrderDate => "order_date",
            Field::CustomerId => "customer_id",
            Field::Sku => "sku",
            Field::ProductName => "product_name",
            Field::Quantity => "quantity",
            Field::UnitPrice => "unit_price",
            Field::LineTotal => "line_total",
            Field::Currency => "currency",
            Field::Country => "country",
            Field::Category => "category",
            Field::Status => "status",
        }
    }

    /// The field's name in a sentence: the code name in English ("order_id"), a label in
    /// Chinese ("订单号").
    pub fn text(self) -> Text {
        match self {
            Field::OrderId => Text::new("data.field.order_id"),
            Field::OrderDate => Text::new("data.field.order_date"),
            Field::CustomerId => Text::new("data.field.customer_id"),
            Field::Sku => Text::new("data.field.sku"),
            Field::ProductName => Text::new("data.field.product_name"),
            Field::Quantity => Text::new("data.field.quantity"),
            Field::UnitPrice => Text::new("data.field.unit_price"),
            Field::LineTotal => Text::new("data.field.line_total"),
            Field::Currency => Text::new("data.field.currency"),
            Field::Country => Text::new("data.field.country"),
            Field::Category => Text::new("data.field.category"),
            Field::Status => Text::new("data.field.status"),
        }
    }

    pub fn from_key(k: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == k)
    }
}

/// How one source column was mapped, and how sure the importer is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// Index of the source column.
    pub column: usize,
    /// Header text as found in the file.
    pub header: String,
    /// Field it feeds, `None` = ignored.
    pub field: Option<Field>,
    /// 0.0..=1.0; 1.0 for a recognised preset or an exact header match, lower for content guesses.
    pub confidence: f64,
    /// Plain-language reason ("header 'InvoiceNo' matches order id", "values look like dates").
    pub reason: crate::text::Text,
    /// Up to 3 sample values, for the mapping table.
    pub samples: Vec<String>,
}

/// Order of day and month in slash/dot dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// ISO-like: year first.
    YearFirst,
    DayFirst,
    MonthFirst,
}

/// What the importer decided about one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileInfo {
    pub file_name: String,
    pub gzip: bool,
    /// encoding_rs name: "UTF-8", "UTF-16LE", "windows-1252", "GB18030", ...
    pub encoding: String,
    pub bom: bool,
    pub delimiter: char,
    pub decimal_comma: bool,
    pub date_order: DateOrder,
    /// Plain-language reason for the date order ("a value 13/01/2011 can only be day-first").
    pub date_order_reason: crate::text::Text,
    /// Recognised export format, if any: "uci_online_retail", "shopify_orders", "woocommerce", "cdnow_log".
    pub preset: Option<String>,
    pub headers: Vec<String>,
    pub mapping: Vec<ColumnMapping>,
    /// Data rows read (header excluded).
    pub rows: u64,
    pub bytes: u64,
    /// Other decisions in plain words (synthesised order ids, assumed currency, filled-down
    /// Shopify cells, ...).
    #[serde(default)]
    pub notes: Vec<crate::text::Text>,
    /// `false` when the file has neither a line total nor a unit price (a basket or loyalty-card
    /// export such as `member,date,item`): its lines carry quantities only, with price and
    /// revenue 0. See [`CleaningReport::priced`].
    #[serde(default = "crate::default_true")]
    pub priced: bool,
}

impl FileInfo {
    /// Add a note.
    pub fn note(&mut self, t: crate::text::Text) {
        self.notes.push(t);
    }
}

/// Line status after cleaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Paid,
    Cancelled,
    Refunded,
}

/// Interned strings: each distinct value stored once; columns hold `u32` ids.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Interner {
    strings: Vec<String>,
    #[serde(skip)]
    index: HashMap<String, u32>,
}

impl Interner {
    /// Id of `s`, adding it when new.
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.to_owned());
        self.index.insert(s.to_owned(), id);
        id
    }
    pub fn get(&self, id: u32) -> &str {
        self.strings
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }
    pub fn lookup(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }
    pub fn len(&self) -> usize {
        self.strings.len()
    }
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
    /// Build from distinct strings (ids are positions).
    pub fn from_strings(strings: Vec<String>) -> Interner {
        let mut i = Interner {
            strings,
            index: HashMap::new(),
        };
        i.rebuild_index();
        i
    }
    /// Rebuild the hash index (after deserialising).
    pub fn rebuild_index(&mut self) {
        self.index = self
            .strings
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i as u32))
            .collect();
    }
}

/// Id used in optional string columns for "missing" (e.g. a guest order without customer id).
pub const NONE_ID: u32 = u32::MAX;

/// Cleaned order lines, columnar. All string columns are ids into `strings`.
/// `timestamp` is naive local time in seconds since 1970-01-01T00:00:00 (no time zone in exports).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OrderLines {
    pub strings: Interner,
    pub order_id: Vec<u32>,
    pub timestamp: Vec<i64>,
    /// `NONE_ID` = guest order (no customer id).
    pub customer: Vec<u32>,
    pub sku: Vec<u32>,
    pub product: Vec<u32>,
    pub quantity: Vec<f64>,
    pub unit_price: Vec<f64>,
    /// Line total (quantity x unit price unless the file gives it).
    pub revenue: Vec<f64>,
    pub currency: Vec<u32>,
    pub country: Vec<u32>,
    pub category: Vec<u32>,
    pub status: Vec<Status>,
    /// 1-based data-row number in its source file (header excluded) and the file index.
    pub source_row: Vec<u32>,
    pub source_file: Vec<u16>,
}

impl OrderLines {
    pub fn len(&self) -> usize {
        self.order_id.len()
    }
    pub fn is_empty(&self) -> bool {
        self.order_id.is_empty()
    }
}

/// Why a source row was not kept as a sale line. The first applicable reason, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Too few / too many fields, undecodable text.
    MalformedRow,
    /// Order id starts with "C", or status cancelled/refunded: kept aside in `Dataset::returns`.
    Cancellation,
    /// The status says the order is not paid ("awaiting payment", "unpaid", Taobao's
    /// 等待买家付款, WooCommerce's pending payment): not a sale, and not a return either.
    Unpaid,
    UnparseableDate,
    UnparseableNumber,
    QuantityNotPositive,
    PriceNotPositive,
    /// Exact duplicate line, only when the user asked to remove duplicates.
    Duplicate,
    /// A readable date outside the years shop data can have (before 1970 or from 2100 on):
    /// a placeholder such as 1900-01-01 or a typo such as 2204. Kept out of every analysis
    /// (a single one would stretch each time series over centuries).
    DateOutOfRange,
}

/// Count and first offending rows for one reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DropCount {
    pub reason: DropReason,
    pub count: u64,
    /// First few offending rows: (file index, 1-based data-row number).
    pub first_rows: Vec<(u16, u32)>,
    /// The same first rows explained in plain words: file, row, column, the value found and
    /// what was expected ("orders.csv, row 3, column 'quantity': 'NaN' is not a number;
    /// expected ...").
    #[serde(default)]
    pub examples: Vec<Text>,
}

/// Totals for one analysis level.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LevelTotals {
    pub lines: u64,
    pub orders: u64,
    pub customers: u64,
    pub revenue: f64,
}

/// Every row accounted for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CleaningReport {
    pub files: Vec<FileInfo>,
    pub total_rows: u64,
    /// Rows kept as sale lines (order level, guests included).
    pub kept_rows: u64,
    pub dropped: Vec<DropCount>,
    /// Exact duplicate lines found (kept unless `removed`).
    pub duplicates: u64,
    pub duplicate_first_rows: Vec<(u16, u32)>,
    pub duplicates_removed: bool,
    /// Sale lines without customer id (guest orders): in order-level, not customer-level analyses.
    pub guest_lines: u64,
    pub guest_first_rows: Vec<(u16, u32)>,
    /// Order level: all kept sale lines.
    pub order_level: LevelTotals,
    /// Customer level: kept sale lines with a customer id.
    pub customer_level: LevelTotals,
    /// First and last order timestamp (ISO "YYYY-MM-DD HH:MM:SS").
    pub date_min: Option<String>,
    pub date_max: Option<String>,
    /// Currencies found with their line counts; empty when the file has no currency column.
    pub currencies: Vec<(String, u64)>,
    /// Cancellation / return lines kept aside, and their value (positive number).
    pub return_lines: u64,
    pub return_value: f64,
    /// Value of the lines left out as unpaid ([`DropReason::Unpaid`]; their count is that
    /// reason's): orders awaiting payment.
    #[serde(default)]
    pub unpaid_value: f64,
    /// `false` when the files have no prices (every [`FileInfo::priced`] is false): units only.
    /// Revenue is 0 on every line then, so nothing built on money (revenue KPIs, monetary value,
    /// CLV, cost-based plans) can be computed; basket rules, recommendations and unit forecasts
    /// can. Files with and without prices are never mixed in one import.
    #[serde(default = "crate::default_true")]
    pub priced: bool,
}

/// Everything one import produces.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Dataset {
    /// Kept sale lines (order level).
    pub lines: OrderLines,
    /// Cancellations / returns, kept aside (returns rate is a KPI).
    pub returns: OrderLines,
    pub report: CleaningReport,
}

/// A user-confirmed mapping for files with exactly this header row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MappingOverride {
    pub headers: Vec<String>,
    /// One entry per column: the field it feeds, or `None` to ignore it.
    pub fields: Vec<Option<Field>>,
}

/// Options for one import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// Mappings the user confirmed; applied to any file whose header row is equal
    /// (the browser remembers them in localStorage keyed by the header row).
    pub mapping_overrides: Vec<MappingOverride>,
    /// Force a date order instead of deciding from the data.
    pub date_order: Option<DateOrder>,
    /// Remove exact duplicate lines (default: flag and count only).
    pub remove_duplicates: bool,
}
