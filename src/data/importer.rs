//! Streaming importer: bytes in any chunking → gzip (multi-member) → text decoding → CSV
//! records (csv-core state machine) → typed, interned staging rows → cleaning at the end of
//! each file (when the day/month order is known for the whole file).
//!
//! Format decisions (encoding, delimiter, decimal separator, column mapping) are taken on the
//! first [`SAMPLE_BYTES`] of a file; the day/month order is decided over all its rows.

use std::hash::BuildHasher;
use std::io::Write;

use encoding_rs::Decoder;
use hashbrown::HashSet;

use super::dates::{parse_clock, parse_date, DateOrderVote, RawDate};
use super::intern::FastInterner;
use super::mapping::{
    auto_map, normalise_header, pending_is_unpaid, preset_amount, preset_currency, time_column,
    MappingResult, PresetAmount,
};
use super::model::*;
use super::numbers::{parse_number, DecimalEvidence};
use super::sniff::{detect_encoding, is_gzip, sniff_delimiter};
use super::DataError;
use super::{cells, clean};
use crate::text::{Location, Text};

/// Bytes of (decompressed) content looked at before the format decisions.
pub const SAMPLE_BYTES: usize = 256 * 1024;
/// Rows of the sample used for column recognition.
const SAMPLE_ROWS: usize = 2000;
/// Offending rows remembered per reason.
pub(crate) const FIRST_ROWS: usize = 10;
/// Longest accepted CSV record (bytes after decoding). Real order lines are far below this;
/// beyond it the file is refused with a 'row too long' error instead of buffering without
/// bound (a file without line breaks, or a quote that is never closed).
pub const MAX_ROW_BYTES: usize = 4 << 20;
/// Most fields accepted in one record.
pub const MAX_FIELDS: usize = 100_000;
/// Compressed bytes handed to the gzip decoder at a time: deflate expands at most ~1032:1, so
/// one step decompresses at most ~4 MiB however the file was crafted (a "gzip bomb" is
/// streamed, never held whole).
const GZ_STEP: usize = 4096;

const F_ORDER: usize = 0;
const F_DATE: usize = 1;
const F_CUST: usize = 2;
const F_SKU: usize = 3;
const F_PRODUCT: usize = 4;
const F_QTY: usize = 5;
const F_PRICE: usize = 6;
const F_TOTAL: usize = 7;
const F_CURRENCY: usize = 8;
const F_COUNTRY: usize = 9;
const F_CATEGORY: usize = 10;
const F_STATUS: usize = 11;

/// Row flags.
const CANCEL: u8 = 1;
const REFUND: u8 = 2;
const BAD_NUMBER: u8 = 4;
const DUPLICATE: u8 = 8;
const HAS_PRICE: u8 = 16;
/// The file has no prices at all ([`FileInfo::priced`] false): the amount checks do not apply.
const UNPRICED: u8 = 32;
/// The status says the order is not paid ("awaiting payment", 等待买家付款): not a sale.
const UNPAID: u8 = 64;
/// The status is a bare "pending": counted as a sale (cash on delivery and bank transfers stay
/// pending until marked paid), and counted for the file's note.
const PENDING: u8 = 128;

/// One parsed data row waiting for the file's date order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Staged {
    pub ids: [u32; 7],
    pub date: RawDate,
    pub qty: f64,
    pub price: f64,
    pub revenue: f64,
    pub row: u32,
    pub flags: u8,
}

const ID_ORDER: usize = 0;
const ID_CUST: usize = 1;
const ID_SKU: usize = 2;
const ID_PRODUCT: usize = 3;
const ID_CURRENCY: usize = 4;
const ID_COUNTRY: usize = 5;
const ID_CATEGORY: usize = 6;

/// State shared by all files of one import.
pub(crate) struct Shared {
    pub opts: ImportOptions,
    pub strings: FastInterner,
    pub lines: OrderLines,
    pub returns: OrderLines,
    pub files: Vec<FileInfo>,
    pub total_rows: u64,
    pub drops: Vec<DropCount>,
    pub dup_set: HashSet<u64>,
    pub duplicates: u64,
    pub duplicate_first_rows: Vec<(u16, u32)>,
    pub hasher: hashbrown::DefaultHashBuilder,
    pub rows_read: u64,
    /// Value of the unpaid lines left out ([`DropReason::Unpaid`]).
    pub unpaid_value: f64,
}

impl Shared {
    /// Count a dropped row; `why` explains it (file, row, column, value, what was expected)
    /// and is only called for the first [`FIRST_ROWS`] rows of each reason.
    pub(crate) fn drop_row(
        &mut self,
        reason: DropReason,
        file: u16,
        row: u32,
        why: impl FnOnce() -> Text,
    ) {
        let i = reason as usize;
        if let Some(d) = self.drops.get_mut(i) {
            d.count += 1;
            if d.first_rows.len() < FIRST_ROWS {
                d.first_rows.push((file, row));
                d.examples.push(why());
            }
        }
    }
}

enum Gz {
    Undecided(Vec<u8>),
    Plain,
    Gzip(Box<flate2::write::MultiGzDecoder<Vec<u8>>>),
}

#[derive(Default)]
struct Cache {
    last: Vec<u8>,
    id: u32,
    valid: bool,
}

fn intern_cached(strings: &mut FastInterner, cache: &mut Cache, s: &[u8]) -> u32 {
    if s.is_empty() {
        return NONE_ID;
    }
    if cache.valid && cache.last == s {
        return cache.id;
    }
    let id = strings.intern(s);
    cache.last.clear();
    cache.last.extend_from_slice(s);
    cache.id = id;
    cache.valid = true;
    id
}

/// A cell without surrounding spaces and without Excel's text wrapper ([`cells::excel_text`]).
fn trim(s: &[u8]) -> &[u8] {
    cells::excel_text(s.trim_ascii_end()).trim_ascii()
}

/// Per-file row parser, built once the mapping is known.
struct RowParser {
    ncols: usize,
    col: [Option<usize>; 12],
    decimal_comma: bool,
    fill_down: bool,
    cancel_col: Option<usize>,
    /// Time of day kept apart from a dates-only order date ([`time_column`]).
    time_col: Option<usize>,
    woo_zero_guest: bool,
    synth_order: bool,
    /// No price and no total in this file: lines carry quantities only.
    unpriced: bool,
    header_hash: u64,
    caches: [Cache; 7],
    /// The last status cell read, its flags and whether it says "partially refunded".
    status_cache: (Vec<u8>, u8, bool),
    date_cache: (Vec<u8>, RawDate),
    prev_order: Vec<u8>,
    prev: [Vec<u8>; 12],
    prev_cancel: Vec<u8>,
    scratch: Vec<u8>,
    staged: Vec<Staged>,
    vote: DateOrderVote,
    symbol_currency: Vec<(&'static str, u64)>,
    bad_text: bool,
    rows_seen: u64,
    /// For the cleaning report's explanations.
    file_name: String,
    headers: Vec<String>,
    encoding: String,
    /// First rows whose date / number cells could not be read, explained.
    bad_dates: Vec<(u32, Text)>,
    bad_numbers: Vec<(u32, Text)>,
    /// Text cells that a spreadsheet would run as a formula (=, +, -, @ first) and cells
    /// holding HTML markup: count and first example (row, column, value).
    formulas: (u64, Option<Text>),
    markup: (u64, Option<Text>),
    /// Report lines between or under the data (text in the first cell only, such as eBay's
    /// "4 record(s) downloaded" and "Seller ID : shop"): count and the first one.
    footer: (u64, Option<String>),
    /// A bare "pending" status means "not paid" in this export ([`status_flags`]).
    pending_unpaid: bool,
    /// First rows whose status says the order is not paid: the status cell.
    unpaid: Vec<(u32, Text)>,
    /// Lines with a bare "pending" status counted as sales: count and the status as written.
    pending: (u64, Option<String>),
    /// The currency of an export that never names one (Taobao: Chinese yuan) and the lines
    /// given it (only those without a currency symbol of their own).
    preset_currency: (Option<&'static str>, u64),
    /// A discount column taken off the line total (Etsy's order-level `Order Value` is before
    /// the coupon's `Discount Amount`) and the lines it changed.
    discount: (Option<usize>, u64),
    /// Shopify's order `Subtotal` column and, per order that states one, the index of its
    /// first staged line and the value ([`scale_to_subtotals`]).
    subtotal: (Option<usize>, Vec<(usize, f64)>),
    /// Shopify's `Refunded Amount` column, and the partially refunded orders (counted in full
    /// as sales: the export does not say which items were refunded) and their refunds.
    refunded: (Option<usize>, u64, f64),
}

/// Explanations kept per kind of bad cell (a few more than reported: some of these rows are
/// set aside for another reason first, e.g. as cancellations).
const BAD_CELLS_KEPT: usize = 2 * FIRST_ROWS;

/// CSV stage of one file.
struct CsvStage {
    rdr: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    olen: usize,
    elen: usize,
    /// Records still to skip (a `sep=` line, the header).
    skip: usize,
}

struct FileState {
    info: FileInfo,
    index: u16,
    gz: Gz,
    gz_buf: Vec<u8>,
    sample: Vec<u8>,
    decoder: Option<Decoder>,
    decode_errors: bool,
    text: Vec<u8>,
    csv: Option<CsvStage>,
    parser: Option<RowParser>,
}

/// Streaming importer (see the module docs of [`crate::data`]).
pub struct Importer {
    sh: Shared,
    cur: Option<FileState>,
}

impl Importer {
    /// A new import with these options.
    pub fn new(opts: ImportOptions) -> Importer {
        let drops = [
            DropReason::MalformedRow,
            DropReason::Cancellation,
            DropReason::Unpaid,
            DropReason::UnparseableDate,
            DropReason::UnparseableNumber,
            DropReason::QuantityNotPositive,
            DropReason::PriceNotPositive,
            DropReason::Duplicate,
            DropReason::DateOutOfRange,
        ]
        .iter()
        .map(|&reason| DropCount {
            reason,
            count: 0,
            first_rows: Vec::new(),
            examples: Vec::new(),
        })
        .collect();
        Importer {
            sh: Shared {
                opts,
                strings: FastInterner::default(),
                lines: OrderLines::default(),
                returns: OrderLines::default(),
                files: Vec::new(),
                total_rows: 0,
                drops,
                dup_set: HashSet::new(),
                duplicates: 0,
                duplicate_first_rows: Vec::new(),
                hasher: hashbrown::DefaultHashBuilder::default(),
                rows_read: 0,
                unpaid_value: 0.0,
            },
            cur: None,
        }
    }

    /// Start a new file (a previous one still open is ended first).
    pub fn begin_file(&mut self, file_name: &str) -> Result<(), DataError> {
        if self.cur.is_some() {
            self.end_file()?;
        }
        let index = u16::try_from(self.sh.files.len()).map_err(|_| DataError::File {
            file: file_name.to_owned(),
            message: Text::new("data.err.too_many_files"),
        })?;
        self.cur = Some(FileState {
            info: FileInfo {
                file_name: file_name.to_owned(),
                gzip: false,
                encoding: String::new(),
                bom: false,
                delimiter: ',',
                decimal_comma: false,
                date_order: DateOrder::YearFirst,
                date_order_reason: Text::default(),
                preset: None,
                headers: Vec::new(),
                mapping: Vec::new(),
                rows: 0,
                bytes: 0,
                notes: Vec::new(),
                priced: true,
            },
            index,
            gz: Gz::Undecided(Vec::new()),
            gz_buf: Vec::new(),
            sample: Vec::new(),
            decoder: None,
            decode_errors: false,
            text: Vec::new(),
            csv: None,
            parser: None,
        });
        Ok(())
    }

    /// Feed the next bytes of the current file (any size, any split point).
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), DataError> {
        let Some(fs) = self.cur.as_mut() else {
            return Err(DataError::Io(
                Text::new("data.err.before_begin").str("call", "push"),
            ));
        };
        fs.info.bytes += chunk.len() as u64;
        fs.push_raw(chunk, false, &mut self.sh)
    }

    /// End the current file: flush, decide the date order, clean its rows.
    pub fn end_file(&mut self) -> Result<FileInfo, DataError> {
        let Some(mut fs) = self.cur.take() else {
            return Err(DataError::Io(
                Text::new("data.err.before_begin").str("call", "end_file"),
            ));
        };
        if fs.info.bytes == 0 {
            return Err(fs.err(Text::new("data.err.empty")));
        }
        fs.push_raw(&[], true, &mut self.sh)?;
        let Some(mut parser) = fs.parser.take() else {
            return Err(fs.err(Text::new("data.err.no_header")));
        };
        if parser.staged.is_empty() && fs.info.rows == 0 {
            return Err(fs.err(Text::new("data.err.no_data_rows")));
        }
        if let (n, Some(first)) = &parser.formulas {
            fs.info.note(
                Text::new("data.note.formulas")
                    .int("n", *n)
                    .text("first", first.clone()),
            );
        }
        if let (n, Some(first)) = &parser.footer {
            fs.info.note(
                Text::new("data.note.footer")
                    .int("n", *n)
                    .str("first", first.clone()),
            );
        }
        if let (n, Some(status)) = &parser.pending {
            fs.info.note(
                Text::new("data.note.pending_kept")
                    .int("n", *n)
                    .str("status", status.clone()),
            );
        }
        if let ((Some(code), n), Some(preset)) = (
            parser.preset_currency,
            fs.info
                .preset
                .as_deref()
                .and_then(crate::data::mapping::preset_label),
        ) {
            if n > 0 {
                fs.info.note(
                    Text::new("data.note.preset_currency")
                        .str("code", code)
                        .text("preset", preset),
                );
            }
        }
        if let ((Some(c), n), Some(total)) = (
            parser.discount,
            parser
                .col
                .get(F_TOTAL)
                .copied()
                .flatten()
                .and_then(|t| parser.headers.get(t)),
        ) {
            if n > 0 {
                fs.info.note(
                    Text::new("data.note.discount_taken_off")
                        .str("discount", parser.headers[c].as_str())
                        .str("total", total.as_str())
                        .int("n", n),
                );
            }
        }
        let (scaled, off) = scale_to_subtotals(&mut parser.staged, &parser.subtotal.1);
        if let (Some(c), true) = (parser.subtotal.0, scaled > 0) {
            fs.info.note(
                Text::new("data.note.subtotal_scaled")
                    .str("subtotal", parser.headers[c].as_str())
                    .int("n", scaled)
                    .str("amount", format!("{off:.2}")),
            );
        }
        if let (Some(c), n @ 1.., amount) = parser.refunded {
            fs.info.note(
                Text::new("data.note.partly_refunded")
                    .int("n", n)
                    .str("amount", format!("{amount:.2}"))
                    .str("refunded", parser.headers[c].as_str()),
            );
        }
        if let (n, Some(first)) = &parser.markup {
            fs.info.note(
                Text::new("data.note.markup")
                    .int("n", *n)
                    .text("first", first.clone()),
            );
        }
        let info = clean::finish_file(&mut self.sh, fs.info, fs.index, parser.into_parts())?;
        self.sh.files.push(info.clone());
        Ok(info)
    }

    /// Data rows parsed so far, over all files (for a progress bar).
    pub fn rows_read(&self) -> u64 {
        self.sh.rows_read
    }

    /// Merge everything into one [`Dataset`] (an open file is ended first).
    pub fn finish(mut self) -> Result<Dataset, DataError> {
        if self.cur.is_some() {
            self.end_file()?;
        }
        if self.sh.files.is_empty() {
            return Err(DataError::Io(Text::new("data.err.no_file_imported")));
        }
        Ok(clean::build_dataset(self.sh))
    }
}

/// What [`clean::finish_file`] needs from a file's parser.
pub(crate) struct FileRows {
    pub staged: Vec<Staged>,
    pub bad_dates: Vec<(u32, Text)>,
    pub bad_numbers: Vec<(u32, Text)>,
    pub unpaid: Vec<(u32, Text)>,
    pub vote: DateOrderVote,
    pub decimal_comma: bool,
    pub currency_hint: Option<&'static str>,
    pub symbol_currency: Vec<(&'static str, u64)>,
}

impl RowParser {
    fn into_parts(self) -> FileRows {
        FileRows {
            staged: self.staged,
            bad_dates: self.bad_dates,
            bad_numbers: self.bad_numbers,
            unpaid: self.unpaid,
            vote: self.vote,
            decimal_comma: self.decimal_comma,
            currency_hint: self.symbol_currency.first().map(|c| c.0),
            symbol_currency: self.symbol_currency,
        }
    }
}

/// Shopify: `Lineitem price` is before discounts, the order's `Subtotal` (on its first line)
/// after them. An order whose lines add up to more than its subtotal has each line's revenue
/// and unit price scaled by `subtotal / Σ line revenue`, so its lines add up to what the buyer
/// paid for the goods (a discount code spread over the lines by value, as Shopify's net sales
/// count it). `subtotals`: index of each order's first staged line, and its subtotal. Returns
/// the orders scaled and the discount taken off.
fn scale_to_subtotals(staged: &mut [Staged], subtotals: &[(usize, f64)]) -> (u64, f64) {
    let mut orders = 0u64;
    let mut off = 0.0;
    for (k, &(start, sub)) in subtotals.iter().enumerate() {
        let limit = subtotals.get(k + 1).map_or(staged.len(), |s| s.0);
        let Some(order) = staged.get(start).map(Staged::order) else {
            continue;
        };
        let end = (start..limit)
            .find(|&i| staged[i].order() != order)
            .unwrap_or(limit);
        let lines = &mut staged[start..end];
        if lines.iter().any(|s| s.bad_number() || s.unpriced()) {
            continue;
        }
        let gross: f64 = lines.iter().map(|s| s.revenue).sum();
        if !(sub >= 0.0 && gross > 0.0 && sub < gross - 0.005) {
            continue;
        }
        let f = sub / gross;
        for s in lines.iter_mut() {
            s.revenue *= f;
            s.price *= f;
        }
        orders += 1;
        off += gross - sub;
    }
    (orders, off)
}

impl Staged {
    pub(crate) fn is_cancel(&self) -> bool {
        self.flags & (CANCEL | REFUND) != 0
    }
    pub(crate) fn is_unpaid(&self) -> bool {
        self.flags & UNPAID != 0
    }
    pub(crate) fn status(&self) -> Status {
        if self.flags & REFUND != 0 {
            Status::Refunded
        } else if self.flags & CANCEL != 0 {
            Status::Cancelled
        } else {
            Status::Paid
        }
    }
    pub(crate) fn bad_number(&self) -> bool {
        self.flags & BAD_NUMBER != 0
    }
    pub(crate) fn duplicate(&self) -> bool {
        self.flags & DUPLICATE != 0
    }
    pub(crate) fn has_price(&self) -> bool {
        self.flags & HAS_PRICE != 0
    }
    pub(crate) fn unpriced(&self) -> bool {
        self.flags & UNPRICED != 0
    }
    pub(crate) fn order(&self) -> u32 {
        self.ids[ID_ORDER]
    }
    pub(crate) fn customer(&self) -> u32 {
        self.ids[ID_CUST]
    }
    pub(crate) fn sku(&self) -> u32 {
        self.ids[ID_SKU]
    }
    pub(crate) fn product(&self) -> u32 {
        self.ids[ID_PRODUCT]
    }
    pub(crate) fn currency(&self) -> u32 {
        self.ids[ID_CURRENCY]
    }
    pub(crate) fn country(&self) -> u32 {
        self.ids[ID_COUNTRY]
    }
    pub(crate) fn category(&self) -> u32 {
        self.ids[ID_CATEGORY]
    }
}

/// Status text → flags: cancelled/refunded/returned (English, Shopify, WooCommerce, Chinese,
/// German, French, Spanish, Portuguese, Italian), not paid ([`UNPAID`]: "awaiting payment",
/// "unpaid", Shopify's `expired` authorisation, Taobao's 等待买家付款), or a bare "pending"
/// ([`PENDING`]; [`UNPAID`] instead when `pending_unpaid`: WooCommerce's `pending` is "pending
/// payment", Amazon's `Pending` an order whose payment is not yet authorised). The second
/// value says whether the status is "partially refunded" (a sale, counted in full).
fn status_flags(s: &[u8], pending_unpaid: bool) -> (u8, bool) {
    let l = String::from_utf8_lossy(s).to_lowercase();
    let l = l.trim();
    let partial = l.contains("partial");
    let flags = if partial {
        0
    } else if l.contains("refund")
        || l.contains("return")
        || l.contains("void")
        || l.contains("退款")
        || l.contains("退货")
        // de erstattet / Retoure, fr remboursé / retour, es reembolsado / devuelto,
        // pt devolvido, it rimborsato
        || l.contains("erstatt")
        || l.contains("retour")
        || l.contains("rembours")
        || l.contains("reembols")
        || l.contains("devuel")
        || l.contains("devol")
        || l.contains("rimbors")
    {
        REFUND
    } else if l.contains("cancel")
        || l.contains("fail")
        || l.contains("取消")
        || l.contains("关闭")
        // de storniert, fr annulée, es/pt anulado / cancelado, it annullato
        || l.contains("storn")
        || l.contains("annul")
        || l.contains("anulad")
    {
        CANCEL
    } else if is_unpaid_status(l) {
        UNPAID
    } else if matches!(l, "pending" | "wc-pending") {
        if pending_unpaid {
            UNPAID
        } else {
            PENDING
        }
    } else {
        0
    };
    (flags, partial && l.contains("refund"))
}

/// A status (lower-case) that says the buyer has not paid: English (also an abandoned
/// checkout), platform codes
/// (`pending_payment`, Taobao's `WAIT_BUYER_PAY`), Chinese, German, French, Spanish,
/// Portuguese and Italian.
fn is_unpaid_status(l: &str) -> bool {
    const WORDS: [&str; 22] = [
        "unpaid",
        "not paid",
        "awaiting payment",
        "awaiting_payment",
        "pending payment",
        "pending_payment",
        "payment pending",
        "waiting for payment",
        "wait_buyer_pay",
        "expired",
        "等待买家付款",
        "待付款",
        "未付款",
        "待支付",
        "未支付",
        "unbezahlt",
        "zahlung ausstehend",
        "impayé",
        "attente de paiement",
        "pendiente de pago",
        "aguardando pagamento",
        "attesa di pagamento",
    ];
    // An abandoned checkout (BigCommerce's "Incomplete") was never paid either.
    WORDS.iter().any(|w| l.contains(w))
        || l.contains("abandon")
        || matches!(
            l,
            "incomplete" | "non payé" | "no pagado" | "não pago" | "non pagato"
        )
}

impl FileState {
    fn err(&self, message: Text) -> DataError {
        DataError::File {
            file: self.info.file_name.clone(),
            message,
        }
    }

    /// Gzip stage.
    fn push_raw(&mut self, chunk: &[u8], last: bool, sh: &mut Shared) -> Result<(), DataError> {
        if let Gz::Undecided(buf) = &mut self.gz {
            buf.extend_from_slice(chunk);
            if buf.len() < 2 && !last {
                return Ok(());
            }
            let pending = std::mem::take(buf);
            if is_gzip(&pending) {
                self.info.gzip = true;
                self.gz = Gz::Gzip(Box::new(flate2::write::MultiGzDecoder::new(Vec::new())));
            } else {
                self.gz = Gz::Plain;
            }
            return self.push_raw(&pending, last, sh);
        }
        match &mut self.gz {
            Gz::Gzip(_) => {
                // Small steps: the decompressed bytes of each are parsed before the next.
                let mut steps = chunk.chunks(GZ_STEP).peekable();
                if chunk.is_empty() {
                    return self.gunzip_step(&[], last, sh);
                }
                while let Some(step) = steps.next() {
                    let end = last && steps.peek().is_none();
                    self.gunzip_step(step, end, sh)?;
                }
                Ok(())
            }
            _ => self.push_plain(chunk, last, sh),
        }
    }

    /// Decompress one small step of gzip input and pass its output on.
    fn gunzip_step(&mut self, step: &[u8], last: bool, sh: &mut Shared) -> Result<(), DataError> {
        let Gz::Gzip(dec) = &mut self.gz else {
            return self.push_plain(step, last, sh);
        };
        let bad = |e: std::io::Error| DataError::File {
            file: self.info.file_name.clone(),
            message: Text::new("data.err.gzip").str("error", e.to_string()),
        };
        dec.write_all(step).map_err(bad)?;
        if last {
            dec.try_finish().map_err(bad)?;
        }
        let mut out = std::mem::replace(dec.get_mut(), std::mem::take(&mut self.gz_buf));
        let r = self.push_plain(&out, last, sh);
        out.clear();
        self.gz_buf = out;
        r
    }

    /// Encoding stage: sample, decide, decode.
    fn push_plain(&mut self, chunk: &[u8], last: bool, sh: &mut Shared) -> Result<(), DataError> {
        if self.decoder.is_none() {
            self.sample.extend_from_slice(chunk);
            if self.sample.len() < SAMPLE_BYTES && !last {
                return Ok(());
            }
            if self.sample.is_empty() {
                return Err(self.err(Text::new("data.err.empty")));
            }
            let choice = detect_encoding(&self.sample).map_err(|e| self.err(e.text()))?;
            // encoding_rs spells it "gb18030"; the contract (and the WHATWG label) uses capitals.
            self.info.encoding = match choice.encoding.name() {
                "gb18030" => "GB18030".to_owned(),
                n => n.to_owned(),
            };
            self.info.bom = choice.bom_len > 0;
            self.decoder = Some(choice.encoding.new_decoder_without_bom_handling());
            let sample = std::mem::take(&mut self.sample);
            let body = &sample[choice.bom_len.min(sample.len())..];
            self.decode(body, last);
            let text = std::mem::take(&mut self.text);
            let r = self.decide_format(&text, last, sh);
            self.text = text;
            r?;
            let text = std::mem::take(&mut self.text);
            let r = self.feed_csv(&text, last, sh);
            self.text = text;
            return r;
        }
        self.decode(chunk, last);
        let text = std::mem::take(&mut self.text);
        let r = self.feed_csv(&text, last, sh);
        self.text = text;
        r
    }

    fn decode(&mut self, src: &[u8], last: bool) {
        let Some(dec) = self.decoder.as_mut() else {
            return;
        };
        let need = dec
            .max_utf8_buffer_length(src.len())
            .unwrap_or(src.len().saturating_mul(3).saturating_add(16));
        self.text.clear();
        self.text.resize(need, 0);
        let (_res, _read, written, errors) = dec.decode_to_utf8(src, &mut self.text, last);
        self.text.truncate(written);
        if errors {
            self.decode_errors = true;
        }
    }

    /// Delimiter, header, mapping and decimal separator from the decoded sample.
    fn decide_format(
        &mut self,
        text: &[u8],
        complete: bool,
        sh: &mut Shared,
    ) -> Result<(), DataError> {
        let mut skip = 0usize;
        let mut body = text;
        let mut delim = None;
        // Excel's "sep=;" hint line.
        if body.len() >= 5 && body[..4].eq_ignore_ascii_case(b"sep=") {
            let d = body[4];
            let rest = &body[5..];
            let nl = rest
                .iter()
                .take(2)
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            if nl > 0 || rest.is_empty() {
                delim = Some(d);
                body = &rest[nl..];
                skip = 1;
            }
        }
        let controls = body
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
            .count();
        let replacement = body.windows(3).filter(|w| *w == [0xEF, 0xBF, 0xBD]).count();
        if controls * 100 > body.len() || replacement * 20 > body.len().max(1) {
            return Err(self.err(super::sniff::SniffError::Binary.text()));
        }
        // A report title above the header ("Orders export", "订单报表,,,,"): left out, said.
        let preamble = if delim.is_none() {
            super::sniff::preamble(body)
        } else {
            None
        };
        let delim = match &preamble {
            Some(p) => {
                skip += super::sniff::count_records(&body[..p.offset], p.delimiter);
                body = &body[p.offset..];
                if p.lines > 0 {
                    self.info.note(
                        Text::new("data.note.preamble")
                            .int("n", p.lines)
                            .str("first", p.title.as_str()),
                    );
                }
                p.delimiter
            }
            None => delim.unwrap_or_else(|| sniff_delimiter(body, complete)),
        };
        self.info.delimiter = delim as char;
        let records = read_records(body, delim, complete, SAMPLE_ROWS + 1);
        let Some((header, rows)) = records.split_first() else {
            if !complete && !body.is_empty() {
                return Err(self.err(
                    Text::new("data.err.header_line_too_long").int("kib", SAMPLE_BYTES / 1024),
                ));
            }
            return Err(self.err(Text::new("data.err.no_header")));
        };
        if header.len() > MAX_FIELDS {
            return Err(self.err(
                Text::new("data.err.header_columns")
                    .int("n", header.len())
                    .int("max", MAX_FIELDS),
            ));
        }
        let headers: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
            .collect();
        if headers.iter().all(String::is_empty) {
            return Err(self.err(Text::new("data.err.header_empty")));
        }
        let m: MappingResult = auto_map(&headers, rows, &sh.opts);
        let col = m.field_columns();
        let no_date = col[F_DATE].is_none();
        let no_amount = col[F_TOTAL].is_none() && (col[F_QTY].is_none() || col[F_PRICE].is_none());
        // No amount at all, but items: a basket or loyalty-card export (`member,date,item`).
        // Kept as units only; a quantity without a price (or a price without a quantity)
        // still needs the missing column.
        let unpriced = no_amount
            && col[F_PRICE].is_none()
            && (col[F_SKU].is_some() || col[F_PRODUCT].is_some());
        let no_amount = no_amount && !unpriced;
        let missing = match (no_date, no_amount) {
            (true, true) => Some(Text::new("data.err.need_date_and_amount")),
            (true, false) => Some(Text::new("data.err.need_date")),
            (false, true) => Some(Text::new("data.err.need_amount")),
            (false, false) => None,
        };
        if let Some(what) = missing {
            return Err(self.err(
                Text::new("data.err.cannot_find")
                    .text("what", what)
                    .str("headers", crate::text::header_list(&headers)),
            ));
        }
        // One import is either priced or not: a file without prices next to files with them
        // would add lines worth 0 to every revenue figure.
        if let Some(other) = sh.files.iter().find(|f| f.priced == unpriced) {
            let key = if unpriced {
                "data.err.unpriced_after_priced"
            } else {
                "data.err.priced_after_unpriced"
            };
            return Err(self.err(Text::new(key).str("other", other.file_name.as_str())));
        }
        if unpriced {
            self.info.priced = false;
            self.info.note(Text::new("data.note.unpriced"));
        }
        // Decimal separator from the number columns of the sample.
        let mut ev = DecimalEvidence::default();
        for r in rows {
            for f in [F_QTY, F_PRICE, F_TOTAL] {
                if let Some(v) = col[f].and_then(|c| r.get(c)) {
                    ev.observe(v.as_bytes());
                }
            }
        }
        let decimal_comma = ev.decide(delim == b';');
        self.info.decimal_comma = decimal_comma;
        self.info.headers.clone_from(&headers);
        self.info.mapping = m.columns.clone();
        self.info.preset = m.preset.map(str::to_owned);
        for n in &m.notes {
            self.info.note(n.clone());
        }
        let norm: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
        for (i, n) in norm.iter().enumerate() {
            if n.is_empty() || norm[..i].contains(n) {
                continue;
            }
            let same: Vec<usize> = (i..norm.len()).filter(|&j| norm[j] == *n).collect();
            if same.len() < 2 {
                continue;
            }
            let used = same
                .iter()
                .map(|&j| match m.columns.get(j).and_then(|c| c.field) {
                    Some(f) => Text::new("data.note.col_used")
                        .index("col", j + 1)
                        .text("field", f.text()),
                    None => Text::new("data.note.col_ignored").index("col", j + 1),
                })
                .reduce(|a, b| Text::new("data.note.list").text("a", a).text("b", b))
                .unwrap_or_default();
            self.info.note(
                Text::new("data.note.dup_header")
                    .str("header", headers[i].as_str())
                    .int("n", same.len())
                    .str(
                        "cols",
                        same.iter()
                            .map(|j| (j + 1).to_string())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                    .text("used", used),
            );
        }
        let shopify = m.preset == Some("shopify_orders");
        let cancel_col = if shopify {
            norm.iter().position(|n| n == "cancelledat")
        } else {
            None
        };
        let woo_zero_guest = m.preset == Some("woocommerce")
            && col[F_CUST].is_some_and(|c| norm.get(c).is_some_and(|n| n == "customeruser"));
        let synth_order = col[F_ORDER].is_none();
        if synth_order {
            self.info.note(if col[F_CUST].is_some() {
                Text::new("data.note.no_order_id_customer")
            } else {
                Text::new("data.note.no_order_id")
            });
        }
        if col[F_QTY].is_none() {
            self.info.note(Text::new("data.note.no_quantity"));
        }
        if col[F_SKU].is_none() && col[F_PRODUCT].is_some() {
            self.info.note(Text::new("data.note.sku_from_name"));
        }
        let time_col = time_column(&headers, rows, &m);
        if let Some(c) = time_col {
            self.info
                .note(Text::new("data.note.time_column").str("header", headers[c].as_str()));
            if let Some(col) = self.info.mapping.iter_mut().find(|m| m.column == c) {
                col.reason = Text::new("data.map.time_of_day");
            }
        }
        let amount_col = |a: PresetAmount| {
            let p = m.preset?;
            norm.iter().position(|n| preset_amount(p, n) == Some(a))
        };
        let discount_col = amount_col(PresetAmount::Discount);
        let subtotal_col = amount_col(PresetAmount::Subtotal);
        let header_hash = sh.hasher.hash_one(&headers);
        self.parser = Some(RowParser {
            ncols: headers.len(),
            col,
            decimal_comma,
            fill_down: shopify,
            cancel_col,
            time_col,
            woo_zero_guest,
            synth_order,
            unpriced,
            header_hash,
            caches: Default::default(),
            status_cache: (Vec::new(), 0, false),
            date_cache: (Vec::new(), RawDate::Invalid),
            prev_order: Vec::new(),
            prev: Default::default(),
            prev_cancel: Vec::new(),
            scratch: Vec::new(),
            staged: Vec::new(),
            vote: DateOrderVote::default(),
            symbol_currency: Vec::new(),
            bad_text: false,
            rows_seen: 0,
            file_name: self.info.file_name.clone(),
            headers,
            encoding: self.info.encoding.clone(),
            bad_dates: Vec::new(),
            bad_numbers: Vec::new(),
            formulas: (0, None),
            markup: (0, None),
            footer: (0, None),
            pending_unpaid: m.preset.is_some_and(pending_is_unpaid),
            unpaid: Vec::new(),
            pending: (0, None),
            preset_currency: (m.preset.and_then(preset_currency), 0),
            discount: (discount_col, 0),
            subtotal: (subtotal_col, Vec::new()),
            refunded: (amount_col(PresetAmount::Refunded), 0, 0.0),
        });
        self.csv = Some(CsvStage {
            rdr: csv_core::ReaderBuilder::new().delimiter(delim).build(),
            out: vec![0; 64 * 1024],
            ends: vec![0; 256],
            olen: 0,
            elen: 0,
            skip: skip + 1,
        });
        Ok(())
    }

    /// CSV stage: split text into records and hand each to the row parser.
    fn feed_csv(&mut self, input: &[u8], last: bool, sh: &mut Shared) -> Result<(), DataError> {
        let (Some(csv), Some(parser)) = (self.csv.as_mut(), self.parser.as_mut()) else {
            return Ok(());
        };
        parser.bad_text = self.decode_errors;
        let mut pos = 0usize;
        loop {
            let rest = &input[pos..];
            if rest.is_empty() && !last {
                break;
            }
            let (res, nin, nout, nend) =
                csv.rdr
                    .read_record(rest, &mut csv.out[csv.olen..], &mut csv.ends[csv.elen..]);
            pos += nin;
            csv.olen += nout;
            csv.elen += nend;
            match res {
                csv_core::ReadRecordResult::InputEmpty => {
                    if !last || rest.is_empty() {
                        break;
                    }
                }
                csv_core::ReadRecordResult::OutputFull => {
                    if csv.out.len() >= MAX_ROW_BYTES {
                        let row = parser.rows_seen + 1;
                        let what = if csv.skip > 0 {
                            Text::new("data.err.the_header_row")
                        } else {
                            Text::new("data.err.row_n").index("row", row)
                        };
                        return Err(DataError::File {
                            file: self.info.file_name.clone(),
                            message: Text::new("data.err.row_too_long")
                                .text("what", what)
                                .int("mib", MAX_ROW_BYTES >> 20),
                        });
                    }
                    let n = (csv.out.len() * 2).min(MAX_ROW_BYTES);
                    csv.out.resize(n, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    if csv.ends.len() >= MAX_FIELDS {
                        return Err(DataError::File {
                            file: self.info.file_name.clone(),
                            message: Text::new("data.err.too_many_fields")
                                .index("row", parser.rows_seen + 1)
                                .int("max", MAX_FIELDS)
                                .int("ncols", parser.ncols),
                        });
                    }
                    let n = (csv.ends.len() * 2).min(MAX_FIELDS);
                    csv.ends.resize(n, 0);
                }
                csv_core::ReadRecordResult::Record => {
                    let (olen, elen) = (csv.olen, csv.elen);
                    csv.olen = 0;
                    csv.elen = 0;
                    if csv.skip > 0 {
                        csv.skip -= 1;
                        continue;
                    }
                    let rec = &csv.out[..olen];
                    let ends = &csv.ends[..elen];
                    if parser.record(rec, ends, self.index, sh) {
                        self.info.rows += 1;
                    }
                }
                csv_core::ReadRecordResult::End => break,
            }
        }
        Ok(())
    }
}

/// Parse up to `max` records of a text sample into strings (for mapping and sniffing).
pub(crate) fn read_records(text: &[u8], delim: u8, complete: bool, max: usize) -> Vec<Vec<String>> {
    let mut rdr = csv_core::ReaderBuilder::new().delimiter(delim).build();
    let mut out = vec![0u8; 4096];
    let mut ends = vec![0usize; 64];
    let (mut olen, mut elen, mut pos) = (0usize, 0usize, 0usize);
    let mut recs = Vec::new();
    loop {
        let rest = &text[pos..];
        if rest.is_empty() && !complete {
            break;
        }
        let (res, nin, nout, nend) = rdr.read_record(rest, &mut out[olen..], &mut ends[elen..]);
        pos += nin;
        olen += nout;
        elen += nend;
        match res {
            csv_core::ReadRecordResult::InputEmpty => {
                if !complete || rest.is_empty() {
                    break;
                }
            }
            csv_core::ReadRecordResult::OutputFull => {
                let n = out.len() * 2;
                out.resize(n, 0);
            }
            csv_core::ReadRecordResult::OutputEndsFull => {
                let n = ends.len() * 2;
                ends.resize(n, 0);
            }
            csv_core::ReadRecordResult::Record => {
                let mut start = 0;
                let rec: Vec<String> = ends[..elen]
                    .iter()
                    .map(|&e| {
                        let s = cells::excel_text_str(&String::from_utf8_lossy(&out[start..e]))
                            .to_owned();
                        start = e;
                        s
                    })
                    .collect();
                olen = 0;
                elen = 0;
                if rec.iter().all(|s| s.trim().is_empty()) {
                    continue;
                }
                recs.push(rec);
                if recs.len() >= max {
                    break;
                }
            }
            csv_core::ReadRecordResult::End => break,
        }
    }
    recs
}

impl RowParser {
    /// Handle one data record. Returns false for a blank record (not counted).
    fn record(&mut self, rec: &[u8], ends: &[usize], file: u16, sh: &mut Shared) -> bool {
        let nf = ends.len();
        let field = |i: usize| -> &[u8] {
            if i >= nf {
                return b"";
            }
            let start = if i == 0 { 0 } else { ends[i - 1] };
            &rec[start..ends[i]]
        };
        if rec.iter().all(u8::is_ascii_whitespace) {
            return false;
        }
        // A report line, not a row: words in the first cell, every other cell empty.
        if self.ncols >= 4 && (1..nf).all(|i| trim(field(i)).is_empty()) {
            let first = trim(field(0));
            if first.iter().any(u8::is_ascii_alphabetic)
                && first.windows(2).any(|w| w[0] == b' ' && w[1] != b' ')
            {
                self.footer.0 += 1;
                if self.footer.1.is_none() {
                    self.footer.1 = Some(shorten(first));
                }
                return false;
            }
        }
        sh.rows_read += 1;
        sh.total_rows += 1;
        self.rows_seen += 1;
        let row = u32::try_from(self.rows_seen).unwrap_or(u32::MAX);
        // Duplicates: all raw fields equal (same header row).
        // 64-bit key: a false duplicate needs a hash collision (p ≈ n²/2⁶⁵, ~1e-8 at 500k rows).
        let key = sh.hasher.hash_one((self.header_hash, rec, ends));
        let dup = !sh.dup_set.insert(key);
        if dup {
            sh.duplicates += 1;
            if sh.duplicate_first_rows.len() < FIRST_ROWS {
                sh.duplicate_first_rows.push((file, row));
            }
        }
        let extra_nonempty = (self.ncols..nf).any(|i| !trim(field(i)).is_empty());
        let undecodable = self.bad_text && rec.windows(3).any(|w| w == [0xEF, 0xBF, 0xBD]);
        if nf < self.ncols || extra_nonempty || undecodable {
            let why = || self.malformed_why(row, nf, &field, undecodable);
            sh.drop_row(DropReason::MalformedRow, file, row, why);
            return true;
        }
        let col = self.col;
        let cell = |f: usize| -> &[u8] {
            match col[f] {
                Some(c) => trim(field(c)),
                None => b"",
            }
        };
        let order_raw = cell(F_ORDER);
        // Shopify: order-level cells only on an order's first line.
        let mut fill = [F_DATE, F_CUST, F_CURRENCY, F_COUNTRY, F_STATUS];
        if self.fill_down {
            let same = !order_raw.is_empty() && order_raw == self.prev_order.as_slice();
            for &f in &fill {
                let v = cell(f);
                if !same || !v.is_empty() {
                    self.prev[f].clear();
                    self.prev[f].extend_from_slice(v);
                }
            }
            if let Some(c) = self.cancel_col {
                let v = trim(field(c));
                if !same || !v.is_empty() {
                    self.prev_cancel.clear();
                    self.prev_cancel.extend_from_slice(v);
                }
            }
            self.prev_order.clear();
            self.prev_order.extend_from_slice(order_raw);
        } else {
            fill = [usize::MAX; 5];
        }
        let prev = std::mem::take(&mut self.prev);
        let get = |f: usize| -> &[u8] {
            if fill.contains(&f) {
                prev[f].as_slice()
            } else {
                cell(f)
            }
        };
        let mut flags = 0u8;
        if dup {
            flags |= DUPLICATE;
        }
        // Status and cancellation.
        let status = get(F_STATUS);
        let mut partly_refunded = false;
        if !status.is_empty() {
            if self.status_cache.0 != status {
                self.status_cache.0.clear();
                self.status_cache.0.extend_from_slice(status);
                (self.status_cache.1, self.status_cache.2) =
                    status_flags(status, self.pending_unpaid);
            }
            flags |= self.status_cache.1;
            partly_refunded = self.status_cache.2;
            if flags & UNPAID != 0 && self.unpaid.len() < BAD_CELLS_KEPT {
                if let Some(c) = col[F_STATUS] {
                    let at = self.cell_at(row, c, status);
                    self.unpaid.push((row, at));
                }
            }
            if flags & PENDING != 0 {
                self.pending.0 += 1;
                if self.pending.1.is_none() {
                    self.pending.1 = Some(shorten(status));
                }
            }
        }
        if order_raw.len() >= 2
            && (order_raw[0] == b'C' || order_raw[0] == b'c')
            && order_raw[1].is_ascii_digit()
        {
            flags |= CANCEL;
        }
        if self.fill_down && !self.prev_cancel.is_empty() {
            flags |= CANCEL;
        }
        // Date.
        let date_raw = get(F_DATE);
        let date = if date_raw == self.date_cache.0.as_slice() && !date_raw.is_empty() {
            self.date_cache.1
        } else {
            let d = parse_date(date_raw);
            self.date_cache.0.clear();
            self.date_cache.0.extend_from_slice(date_raw);
            self.date_cache.1 = d;
            d
        };
        let date = match (self.time_col, date) {
            (Some(c), RawDate::Exact(ts)) if ts.rem_euclid(86_400) == 0 => {
                RawDate::Exact(ts + i64::from(parse_clock(field(c)).unwrap_or(0)))
            }
            (
                Some(c),
                RawDate::Ambiguous {
                    a,
                    b,
                    year,
                    secs: 0,
                },
            ) => RawDate::Ambiguous {
                a,
                b,
                year,
                secs: parse_clock(field(c)).unwrap_or(0),
            },
            _ => date,
        };
        self.vote.add(&date);
        if matches!(date, RawDate::Invalid) && self.bad_dates.len() < BAD_CELLS_KEPT {
            let msg = match col[F_DATE] {
                Some(c) if date_raw.is_empty() => {
                    Text::new("data.drop.date_empty").text("at", self.at(row, c))
                }
                Some(c) => Text::new("data.drop.not_a_date")
                    .text("at", self.at(row, c))
                    .str("value", shorten(date_raw)),
                None => Text::new("data.drop.no_date").text("at", self.row_at(row)),
            };
            self.bad_dates.push((row, msg));
        }
        // Numbers.
        let dc = self.decimal_comma;
        let mut found_currency: Option<&'static str> = None;
        let mut num = |f: usize| -> Option<Option<f64>> {
            col[f]?;
            let v = cell(f);
            if v.is_empty() {
                return Some(None);
            }
            Some(parse_number(v, dc).map(|(x, cur)| {
                if cur.is_some() && found_currency.is_none() {
                    found_currency = cur;
                }
                x
            }))
        };
        let qty = num(F_QTY);
        let price = num(F_PRICE);
        let total = num(F_TOTAL);
        let q = match qty {
            None => Some(1.0),
            Some(v) => v,
        };
        let p = price.flatten();
        let revenue = match (total, q, p) {
            (Some(Some(t)), _, _) => {
                match self.discount.0.map(|c| parse_number(trim(field(c)), dc)) {
                    Some(Some((d, _))) if d != 0.0 && d.is_finite() => {
                        self.discount.1 += 1;
                        Some(t - d.abs())
                    }
                    _ => Some(t),
                }
            }
            (_, Some(q), Some(p)) => Some(q * p),
            _ => None,
        };
        let (qv, pv, rv): (f64, f64, f64) = match (q, revenue) {
            (Some(q), _) if self.unpriced => {
                flags |= UNPRICED;
                (q, 0.0, 0.0)
            }
            (Some(q), Some(r)) => {
                let unit = p.unwrap_or(if q != 0.0 { r / q } else { r });
                (q, unit, r)
            }
            _ => {
                flags |= BAD_NUMBER;
                (0.0, 0.0, 0.0)
            }
        };
        if p.is_some() {
            flags |= HAS_PRICE;
        }
        if price == Some(None) && revenue.is_none() {
            flags |= BAD_NUMBER;
        }
        // Finite cells can still multiply to infinity (1e200 × 1e200): not a usable amount.
        let overflow = !(qv.is_finite() && pv.is_finite() && rv.is_finite());
        if overflow {
            flags |= BAD_NUMBER;
        }
        if flags & BAD_NUMBER != 0 && self.bad_numbers.len() < BAD_CELLS_KEPT {
            let msg = self.number_why(row, &cell, overflow);
            self.bad_numbers.push((row, msg));
        }
        // Strings.
        let strings = &mut sh.strings;
        let mut cust_raw = get(F_CUST);
        if cust_raw.len() > 2
            && cust_raw.ends_with(b".0")
            && cust_raw[..cust_raw.len() - 2]
                .iter()
                .all(u8::is_ascii_digit)
        {
            cust_raw = &cust_raw[..cust_raw.len() - 2];
        }
        if self.woo_zero_guest && cust_raw == b"0" {
            cust_raw = b"";
        }
        let cust = intern_cached(strings, &mut self.caches[ID_CUST], cust_raw);
        let order = if self.synth_order {
            self.scratch.clear();
            if cust_raw.is_empty() {
                self.scratch
                    .extend_from_slice(format!("row {}:{}", file, row).as_bytes());
            } else {
                self.scratch.extend_from_slice(cust_raw);
                self.scratch.push(b'|');
                self.scratch.extend_from_slice(date_raw);
            }
            let s = std::mem::take(&mut self.scratch);
            let id = intern_cached(strings, &mut self.caches[ID_ORDER], &s);
            self.scratch = s;
            id
        } else {
            intern_cached(strings, &mut self.caches[ID_ORDER], order_raw)
        };
        let currency = if col[F_CURRENCY].is_some() {
            intern_cached(strings, &mut self.caches[ID_CURRENCY], get(F_CURRENCY))
        } else if let Some(c) = found_currency {
            match self.symbol_currency.iter_mut().find(|(k, _)| *k == c) {
                Some(e) => e.1 += 1,
                None => self.symbol_currency.push((c, 1)),
            }
            intern_cached(strings, &mut self.caches[ID_CURRENCY], c.as_bytes())
        } else if let Some(c) = self.preset_currency.0 {
            self.preset_currency.1 += 1;
            intern_cached(strings, &mut self.caches[ID_CURRENCY], c.as_bytes())
        } else {
            NONE_ID
        };
        for f in [F_ORDER, F_CUST, F_SKU, F_PRODUCT, F_CATEGORY] {
            let (Some(c), v) = (col[f], cell(f)) else {
                continue;
            };
            if looks_like_formula(v) {
                self.formulas.0 += 1;
                if self.formulas.1.is_none() {
                    self.formulas.1 = Some(self.cell_at(row, c, v));
                }
            }
            if has_markup(v) {
                self.markup.0 += 1;
                if self.markup.1.is_none() {
                    self.markup.1 = Some(self.cell_at(row, c, v));
                }
            }
        }
        // Without a SKU column the product name identifies the product.
        let sku_cell = if col[F_SKU].is_none() {
            cell(F_PRODUCT)
        } else {
            cell(F_SKU)
        };
        let sku = intern_cached(strings, &mut self.caches[ID_SKU], sku_cell);
        let product = intern_cached(strings, &mut self.caches[ID_PRODUCT], cell(F_PRODUCT));
        let country = intern_cached(strings, &mut self.caches[ID_COUNTRY], get(F_COUNTRY));
        let category = intern_cached(strings, &mut self.caches[ID_CATEGORY], cell(F_CATEGORY));
        self.prev = prev;
        // Order-level cells are read on the order's first line only (Shopify leaves them
        // empty on its later lines; an export that repeats them is read once per order).
        let first_line = self.staged.last().is_none_or(|s| s.order() != order);
        if let (Some(c), true) = (self.subtotal.0, first_line) {
            if let Some((v, _)) = parse_number(trim(field(c)), dc) {
                self.subtotal.1.push((self.staged.len(), v));
            }
        }
        if let (Some(c), true, true) = (self.refunded.0, first_line, partly_refunded) {
            if let Some((v, _)) = parse_number(trim(field(c)), dc).filter(|v| v.0 > 0.0) {
                self.refunded.1 += 1;
                self.refunded.2 += v;
            }
        }
        self.staged.push(Staged {
            ids: [order, cust, sku, product, currency, country, category],
            date,
            qty: qv,
            price: pv,
            revenue: rv,
            row,
            flags,
        });
        true
    }
}

/// A text cell a spreadsheet would evaluate: starts with `=`, `+`, `-` or `@` and is not a
/// plain number ("-3" is a number, "=cmd|' /C calc'!A0" and "@SUM(A1)" are formulas).
fn looks_like_formula(v: &[u8]) -> bool {
    matches!(v.first(), Some(b'=' | b'+' | b'-' | b'@')) && parse_number(v, false).is_none()
}

/// HTML markup in a cell: `<` followed by a letter, `/` or `!` and a closing `>` later.
fn has_markup(v: &[u8]) -> bool {
    v.windows(2)
        .position(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!')))
        .is_some_and(|p| v[p..].contains(&b'>'))
}

/// A cell shown in a message: at most 60 characters, control characters replaced.
/// "orders.csv, row 3".
pub(crate) fn row_at(file: &str, row: u32) -> Text {
    Text::new("data.at.row").str("file", file).index("row", row)
}

fn shorten(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(raw);
    let mut out: String = s
        .chars()
        .take(60)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

impl RowParser {
    /// "orders.csv, row 3, column 'quantity'".
    fn at(&self, row: u32, c: usize) -> Text {
        match self.headers.get(c).filter(|h| !h.is_empty()) {
            Some(h) => Location {
                file: &self.file_name,
                row: u64::from(row),
                column: h,
            }
            .text(),
            None => Text::new("data.at.column_n")
                .str("file", self.file_name.as_str())
                .index("row", row)
                .index("col", c + 1),
        }
    }

    /// "orders.csv, row 3".
    fn row_at(&self, row: u32) -> Text {
        row_at(&self.file_name, row)
    }

    /// "orders.csv, row 3, column 'sku' '=cmd'": a cell and (the start of) its value.
    fn cell_at(&self, row: u32, c: usize, v: &[u8]) -> Text {
        Text::new("data.at.value")
            .text("at", self.at(row, c))
            .str("value", shorten(v))
    }

    /// Why a record is malformed: wrong field count (an unclosed quote swallows the following
    /// lines into one field) or bytes that are not text in the file's encoding.
    fn malformed_why<'a>(
        &self,
        row: u32,
        nf: usize,
        field: &impl Fn(usize) -> &'a [u8],
        undecodable: bool,
    ) -> Text {
        if let Some(c) = (0..nf).find(|&i| field(i).contains(&b'\n')) {
            if nf != self.ncols {
                let f = field(c);
                let body = f.strip_suffix(b"\n").unwrap_or(f);
                let lines = body.iter().filter(|&&b| b == b'\n').count();
                return Text::new("data.drop.quote_open")
                    .text("at", self.at(row, c))
                    .int("lines", lines + 1)
                    .int("nf", nf)
                    .int("ncols", self.ncols);
            }
        }
        if nf < self.ncols {
            return Text::new("data.drop.too_few_fields")
                .text("at", self.row_at(row))
                .int("nf", nf)
                .int("ncols", self.ncols)
                .int("missing", self.ncols - nf)
                .str(
                    "header",
                    self.headers.get(nf).map(String::as_str).unwrap_or("?"),
                );
        }
        if undecodable {
            let c = (0..nf)
                .find(|&i| field(i).windows(3).any(|w| w == [0xEF, 0xBF, 0xBD]))
                .unwrap_or(0);
            return Text::new("data.drop.bad_bytes")
                .text("at", self.at(row, c))
                .str("value", shorten(field(c)))
                .str("encoding", self.encoding.as_str());
        }
        Text::new("data.drop.too_many_fields")
            .text("at", self.row_at(row))
            .int("nf", nf)
            .int("ncols", self.ncols)
            .index("col", self.ncols + 1)
    }

    /// Which number cell of a row could not be read, and what was expected.
    fn number_why<'a>(&self, row: u32, cell: &impl Fn(usize) -> &'a [u8], overflow: bool) -> Text {
        for f in [F_QTY, F_PRICE, F_TOTAL] {
            let Some(c) = self.col[f] else { continue };
            let v = cell(f);
            if v.is_empty() {
                return Text::new("data.drop.number_empty").text("at", self.at(row, c));
            }
            if parse_number(v, self.decimal_comma).is_none() {
                return Text::new("data.drop.not_a_number")
                    .text("at", self.at(row, c))
                    .str("value", shorten(v));
            }
        }
        let c = self.col[F_TOTAL].or(self.col[F_PRICE]).unwrap_or(0);
        if overflow {
            Text::new("data.drop.amount_too_large")
        } else {
            Text::new("data.drop.amounts_unread")
        }
        .text("at", self.at(row, c))
    }
}
