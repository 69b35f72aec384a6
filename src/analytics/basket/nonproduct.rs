//! Detection of non-product lines (postage, carriage, fees, bank charges, manual adjustments,
//! samples): they are not goods a shopper chooses, and left in they dominate association rules
//! ("POSTAGE" is in most foreign orders of the UCI Online Retail data).
//!
//! A SKU is flagged when any of these holds (checked in this order; the first gives the reason):
//! 1. its code is a well-known non-product code (`POST`, `DOT`, `M`, `BANK CHARGES`,
//!    `AMAZONFEE`, `C2`, `CRUK`, `D`, `PADS`, `B`, `S`, ... case-insensitive);
//! 2. its description contains a fee word (POSTAGE, CARRIAGE, SHIPPING, DELIVERY, FEE, CHARGE(S),
//!    MANUAL, DISCOUNT, ADJUST(MENT), SAMPLES, ...) and either the code has no digit or the
//!    description has at most two words ("FRENCH CARRIAGE LANTERN" stays a product);
//! 3. its description names a gift card or voucher ("Gift Voucher £20.00", "Gift Card - $50",
//!    "Gutschein", 礼品卡): money paid in advance for a later purchase, which shops' own
//!    reports leave out of net sales until it is spent (Shopify, "Gift cards" in its sales
//!    report definitions; IFRS 15 §B44–B47, a contract liability). "Gift card" alone is also a
//!    greeting card's name, so it counts only with an amount (a digit) or in a name of at most
//!    three words ("Christmas Robin Gift Card" stays a product);
//! 4. its code is at most four characters and has no digit (codes of goods carry digits).
//!
//! The result is a *proposal*: the user may edit the exclusion list; an explicit list replaces it.

use crate::data::{OrderLines, NONE_ID};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The codes of non-product lines for a note: the first eight, "…" after them when there are
/// more ("POST, M, DOT, …").
pub fn code_list<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    let mut codes = codes.into_iter();
    let mut list: Vec<&str> = codes.by_ref().take(8).collect();
    if codes.next().is_some() {
        list.push("…");
    }
    list.join(", ")
}

/// Codes used for non-product lines in common shop exports (upper case).
pub const KNOWN_NON_PRODUCT_CODES: [&str; 16] = [
    "POST",
    "DOT",
    "M",
    "BANK CHARGES",
    "AMAZONFEE",
    "C2",
    "CRUK",
    "D",
    "PADS",
    "B",
    "S",
    "SHIPPING",
    "CARRIAGE",
    "POSTAGE",
    "FEE",
    "ADJUST",
];

/// Description words marking a non-product line (upper case, whole words).
pub const NON_PRODUCT_WORDS: [&str; 17] = [
    "POSTAGE",
    "CARRIAGE",
    "SHIPPING",
    "DELIVERY",
    "FREIGHT",
    "FEE",
    "FEES",
    "CHARGE",
    "CHARGES",
    "MANUAL",
    "DISCOUNT",
    "ADJUST",
    "ADJUSTMENT",
    "ADJUSTMENTS",
    "SAMPLES",
    "SURCHARGE",
    "HANDLING",
];

/// Phrases naming a gift card or voucher (upper case, matched as whole words; the Chinese
/// ones anywhere in the name). The first two also name greeting cards: see
/// [`non_product_reason`].
pub const GIFT_CARD_PHRASES: [&str; 21] = [
    "GIFT CARD",
    "GIFT CARDS",
    "GIFTCARD",
    "GIFTCARDS",
    "EGIFT",
    "GIFT VOUCHER",
    "GIFT VOUCHERS",
    "GIFT CERTIFICATE",
    "GIFT CERTIFICATES",
    "GUTSCHEIN",
    "GESCHENKGUTSCHEIN",
    "CARTE CADEAU",
    "BON CADEAU",
    "TARJETA REGALO",
    "TARJETA DE REGALO",
    "BUONO REGALO",
    "CARTÃO PRESENTE",
    "VALE PRESENTE",
    "CADEAUBON",
    "礼品卡",
    "礼券",
];

/// The gift-card phrase `upper` (an upper-cased name split into `words`) contains, if any.
fn gift_card_phrase(upper: &str, words: &[&str]) -> Option<&'static str> {
    let spaced = format!(" {} ", words.join(" "));
    let found = GIFT_CARD_PHRASES.iter().find(|p| {
        if p.is_ascii() || p.contains(' ') {
            spaced.contains(&format!(" {p} "))
        } else {
            upper.contains(*p)
        }
    })?;
    let greeting_card = matches!(*found, "GIFT CARD" | "GIFT CARDS");
    let amount = upper.chars().any(|c| c.is_ascii_digit());
    (!greeting_card || amount || words.len() <= 3).then_some(*found)
}

/// One SKU proposed for exclusion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NonProductItem {
    pub sku: String,
    /// First product name seen for the SKU.
    pub name: String,
    /// Sale lines carrying the SKU (among the lines examined).
    pub lines: u64,
    /// Plain-language reason.
    pub reason: Text,
}

/// Why `sku` (with description `name`) looks like a non-product line, or `None`.
///
/// When the SKU *is* the name (a file without a SKU column, see the importer), only the
/// description rules 2 and 3 apply: "tea" or "ham" is a short name, not a short code.
pub fn non_product_reason(sku: &str, name: &str) -> Option<Text> {
    let code = sku.trim().to_ascii_uppercase();
    let code_is_name = !name.is_empty() && sku == name;
    if !code_is_name && KNOWN_NON_PRODUCT_CODES.contains(&code.as_str()) {
        return Some(Text::new("products.nonproduct.code").str("sku", sku));
    }
    let upper = name.to_uppercase();
    let words: Vec<&str> = upper
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_digit = code.chars().any(|c| c.is_ascii_digit());
    if let Some(w) = words.iter().find(|w| NON_PRODUCT_WORDS.contains(w)) {
        if !has_digit || words.len() <= 2 {
            return Some(
                Text::new("products.nonproduct.word")
                    .str("name", name)
                    .str("word", *w),
            );
        }
    }
    if gift_card_phrase(&upper, &words).is_some() {
        return Some(Text::new("products.nonproduct.gift").str("name", name));
    }
    (!code_is_name && !code.is_empty() && code.chars().count() <= 4 && !has_digit)
        .then(|| Text::new("products.nonproduct.short").str("sku", sku))
}

/// Non-product SKUs among the lines selected by `keep` (all lines when `None`), by line count
/// descending then SKU.
pub fn detect(lines: &OrderLines, keep: Option<&[bool]>) -> Vec<NonProductItem> {
    // sku id -> (first product id, line count)
    let mut seen: HashMap<u32, (u32, u64)> = HashMap::new();
    for (i, &sku) in lines.sku.iter().enumerate() {
        if keep.is_some_and(|k| !k.get(i).copied().unwrap_or(false)) {
            continue;
        }
        let product = lines.product.get(i).copied().unwrap_or(NONE_ID);
        let e = seen.entry(sku).or_insert((product, 0));
        e.1 += 1;
    }
    let mut out: Vec<NonProductItem> = seen
        .into_iter()
        .filter_map(|(sku, (product, n))| {
            let s = lines.strings.get(sku);
            let name = if product == NONE_ID {
                ""
            } else {
                lines.strings.get(product)
            };
            non_product_reason(s, name).map(|reason| NonProductItem {
                sku: s.to_owned(),
                name: name.to_owned(),
                lines: n,
                reason,
            })
        })
        .collect();
    out.sort_by(|a, b| b.lines.cmp(&a.lines).then_with(|| a.sku.cmp(&b.sku)));
    out
}

#[cfg(test)]
mod tests {
    use super::{code_list, non_product_reason};

    #[test]
    fn code_lists_stop_at_eight() {
        assert_eq!(code_list(["POST", "M"]), "POST, M");
        let nine = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        assert_eq!(
            code_list(nine[..8].iter().copied()),
            "a, b, c, d, e, f, g, h"
        );
        assert_eq!(code_list(nine), "a, b, c, d, e, f, g, h, …");
    }

    #[test]
    fn short_names_used_as_codes_are_goods() {
        // groceries_basket: no SKU column, the name is the code.
        for name in ["tea", "ham", "rum", "soda", "bags"] {
            assert_eq!(non_product_reason(name, name), None, "{name}");
        }
        assert!(non_product_reason("shipping fee", "shipping fee").is_some());
        // A real short code is still flagged.
        assert!(non_product_reason("DOT", "DOTCOM POSTAGE").is_some());
        assert!(non_product_reason("PADS", "PADS TO MATCH ALL CUSHIONS").is_some());
    }

    #[test]
    fn flags_uci_non_products_and_keeps_goods() {
        for (sku, name) in [
            ("POST", "POSTAGE"),
            ("DOT", "DOTCOM POSTAGE"),
            ("M", "Manual"),
            ("m", "Manual"),
            ("BANK CHARGES", "Bank Charges"),
            ("AMAZONFEE", "AMAZON FEE"),
            ("C2", "CARRIAGE"),
            ("CRUK", "CRUK Commission"),
            ("D", "Discount"),
            ("PADS", "PADS TO MATCH ALL CUSHIONS"),
            ("B", "Adjust bad debt"),
            ("S", "SAMPLES"),
        ] {
            assert!(non_product_reason(sku, name).is_some(), "{sku}");
        }
        for (sku, name) in [
            ("23099", "FRENCH CARRIAGE LANTERN"),
            ("85168B", "BLACK BAROQUE CARRIAGE CLOCK"),
            ("23465", "TUSCAN VILLA BIRD FEEDER"),
            ("DCGSSBOY", "BOYS PARTY BAG"),
            ("85123A", "WHITE HANGING HEART T-LIGHT HOLDER"),
            ("84946", "ANTIQUE SILVER TEA GLASS ETCHED"),
        ] {
            assert!(non_product_reason(sku, name).is_none(), "{sku}");
        }
    }

    #[test]
    fn gift_cards_and_vouchers_are_not_goods() {
        for (sku, name) in [
            ("gift_0001_20", "Dotcomgiftshop Gift Voucher £20.00"),
            // UCI's £100 voucher carries a product-like code.
            ("22016", "Dotcomgiftshop Gift Voucher £100.00"),
            ("", "Gift Card"),
            ("GC-50", "Gift Card - $50"),
            ("GIFTCARDS", "Shop Gift Cards"),
            ("E-GC", "E-Gift Card 25 EUR"),
            ("1001", "Geschenkgutschein 50 €"),
            ("1002", "Carte cadeau"),
            ("1003", "电子礼品卡 100元"),
            ("1004", "Gift Certificate"),
        ] {
            let reason = non_product_reason(sku, name).map(|t| t.en());
            assert_eq!(
                reason,
                Some(format!(
                    "'{name}' is a gift card or voucher: money paid for a later purchase, not goods"
                )),
                "{sku}"
            );
        }
        // Greeting cards and other gifts stay goods.
        for (sku, name) in [
            ("XMAS-7", "Christmas Robin Gift Card"),
            ("21504", "SKULLS GREETING CARD"),
            ("22023", "EMPIRE BIRTHDAY CARD"),
            ("16162L", "THE KING GIFT BAG"),
            ("21846", "PINK DIAMANTE PEN IN GIFT BOX"),
        ] {
            assert_eq!(non_product_reason(sku, name), None, "{sku}");
        }
    }
}
