//! The optional inventory file: one row per SKU with stock and supplier terms, auto-mapped by
//! header name (English and Chinese synonyms), read with the shared table reader
//! ([`crate::analytics::marketing::table::Table`]: gzip, encoding, delimiter and decimal-comma
//! sniffing as for order files).
//!
//! Recognised columns (any subset besides the SKU): `sku`, `on_hand`, `on_order`,
//! `lead_time_days`, `lead_time_sd_days`, `unit_cost`, `order_cost`, `holding_rate`, `moq`,
//! `case_pack`, `supplier`, `supplier_minimum`, `shelf_life_days`, `price_breaks`
//! (`"0:500;200:475;500:450"` = quantity:unit price pairs, all-units discounts). An empty
//! cell means "use the default".

use serde::{Deserialize, Serialize};

use super::InventoryError;
use crate::analytics::marketing::table::Table;
use crate::data::mapping::normalise_header;
use crate::text::{CellError, Text};

/// One SKU of the inventory file (`None` = not given, the page default applies).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StockRow {
    pub sku: String,
    /// 1-based data row in the file.
    pub row: usize,
    pub on_hand: Option<f64>,
    pub on_order: Option<f64>,
    pub lead_time_days: Option<f64>,
    pub lead_time_sd_days: Option<f64>,
    pub unit_cost: Option<f64>,
    pub order_cost: Option<f64>,
    pub holding_rate: Option<f64>,
    pub moq: Option<f64>,
    pub case_pack: Option<f64>,
    pub supplier: Option<String>,
    pub supplier_minimum: Option<f64>,
    pub shelf_life_days: Option<f64>,
    /// (minimum quantity, unit price), increasing quantities, first at 0.
    pub price_breaks: Option<Vec<(f64, f64)>>,
}

/// The parsed inventory file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StockTable {
    pub file: String,
    pub rows: Vec<StockRow>,
    /// (header, field) for every recognised column.
    pub mapping: Vec<(String, String)>,
    /// Headers that were not recognised (ignored).
    pub ignored: Vec<String>,
    /// Decisions taken while reading (quantities summed over locations, a title line left out).
    #[serde(default)]
    pub notes: Vec<Text>,
}

/// Field keys and their header synonyms (compared after [`normalise`]).
const FIELDS: &[(&str, &[&str])] = &[
    (
        "sku",
        &[
            "sku",
            "stockcode",
            "productcode",
            "productid",
            "itemcode",
            "item",
            "itemid",
            "partid",
            "partnumber",
            "code",
            "article",
            "货号",
            "商品编码",
            "编码",
            "sku编码",
            "产品编号",
            "商品编号",
            "物料编码",
            "artikelnummer",
            "artikelnr",
            "artikel",
            "referenz",
            "référence",
            "reference",
            "codearticle",
            "referencia",
            "codigo",
            "código",
            "codice",
            "codicearticolo",
            "artikelcode",
        ],
    ),
    (
        "on_hand",
        &[
            "onhand",
            "qtyonhand",
            "quantityonhand",
            "stock",
            "instock",
            "stocklevel",
            "stockonhand",
            "available",
            "inventory",
            "currentstock",
            "库存",
            "现有库存",
            "在库数量",
            "库存数量",
            "可用库存",
            "现存量",
            "bestand",
            "lagerbestand",
            "verfügbar",
            "verfuegbar",
            "stockdisponible",
            "disponible",
            "existencias",
            "inventario",
            "giacenza",
            "disponibile",
            "voorraad",
        ],
    ),
    (
        "on_order",
        &[
            "onorder",
            "qtyonorder",
            "incoming",
            "inbound",
            "openorders",
            "intransit",
            "在途",
            "在途数量",
            "已订购",
            "在途库存",
            "bestellt",
            "unterwegs",
            "encommande",
            "pedido",
            "pedidos",
            "inarrivo",
            "ordinato",
            "besteld",
        ],
    ),
    (
        "lead_time_sd_days",
        &[
            "leadtimesd",
            "leadtimestd",
            "leadtimestddev",
            "leadtimestdev",
            "leadtimestandarddeviation",
            "leadtimesigma",
            "交期标准差",
            "提前期标准差",
            "交货期标准差",
        ],
    ),
    (
        "lead_time_days",
        &[
            "leadtime",
            "lead",
            "leaddays",
            "交货期",
            "提前期",
            "交期",
            "采购周期",
            "lieferzeit",
            "wiederbeschaffungszeit",
            "délaidelivraison",
            "delaidelivraison",
            "délai",
            "delai",
            "plazodeentrega",
            "tiempodeentrega",
            "tempodiconsegna",
            "levertijd",
        ],
    ),
    (
        "unit_cost",
        &[
            "unitcost",
            "cost",
            "costprice",
            "purchaseprice",
            "buyprice",
            "cogs",
            "成本",
            "单位成本",
            "进价",
            "采购价",
            "成本价",
            "einkaufspreis",
            "einstandspreis",
            "kosten",
            "prixdachat",
            "coût",
            "cout",
            "coutunitaire",
            "coûtunitaire",
            "preciodecompra",
            "costo",
            "costounitario",
            "prezzodiacquisto",
            "inkoopprijs",
            "kostprijs",
        ],
    ),
    (
        "order_cost",
        &[
            "ordercost",
            "orderingcost",
            "costperorder",
            "订货成本",
            "订购成本",
            "下单成本",
        ],
    ),
    (
        "holding_rate",
        &[
            "holdingrate",
            "holdingcost",
            "holdingcostrate",
            "carryingcost",
            "carryingrate",
            "持有成本",
            "持有成本率",
            "库存持有率",
            "仓储成本率",
        ],
    ),
    (
        "moq",
        &[
            "moq",
            "minorderqty",
            "minorderquantity",
            "minimumorderquantity",
            "minqty",
            "最小起订量",
            "起订量",
            "最小订货量",
            "mindestbestellmenge",
            "mindestmenge",
            "quantitéminimale",
            "quantiteminimale",
            "cantidadmínima",
            "cantidadminima",
            "quantitàminima",
            "minimaleafname",
        ],
    ),
    (
        "case_pack",
        &[
            "casepack",
            "packsize",
            "casesize",
            "pack",
            "unitspercase",
            "casequantity",
            "箱规",
            "装箱数",
            "包装数量",
            "每箱数量",
            "verpackungseinheit",
            "ve",
            "colisage",
            "unidadesporcaja",
            "pezziperconfezione",
            "verpakkingseenheid",
        ],
    ),
    (
        "supplier",
        &[
            "supplier",
            "vendor",
            "suppliername",
            "供应商",
            "供应商名称",
            "lieferant",
            "fournisseur",
            "proveedor",
            "fornitore",
            "leverancier",
        ],
    ),
    (
        "supplier_minimum",
        &[
            "supplierminimum",
            "suppliermin",
            "minordervalue",
            "minimumordervalue",
            "最低订货金额",
            "起订金额",
        ],
    ),
    ("shelf_life_days", &["shelflife", "保质期", "有效期"]),
    (
        "price_breaks",
        &[
            "pricebreaks",
            "quantitydiscounts",
            "discounts",
            "pricetiers",
            "价格阶梯",
            "阶梯价",
        ],
    ),
];

/// The app's header key ([`normalise_header`]) without a "days"/"天" unit ("Lead time
/// (days)", "Lieferzeit in Tagen" → "leadtime", "lieferzeit").
pub fn normalise(h: &str) -> String {
    let mut s = normalise_header(h);
    for unit in [
        "indays", "days", "day", "天数", "天", "intagen", "tage", "enjours", "jours", "endías",
        "endias", "días", "dias", "ingiorni", "giorni", "indagen", "dagen",
    ] {
        if s.len() > unit.len() && s.ends_with(unit) {
            s.truncate(s.len() - unit.len());
            break;
        }
    }
    s
}

/// Headers (normalised) of a location column: an export with one row per SKU and location
/// (Shopify's inventory export) has its quantities summed per SKU.
const LOCATION: &[&str] = &[
    "location",
    "warehouse",
    "store",
    "lager",
    "lagerort",
    "entrepôt",
    "entrepot",
    "almacén",
    "almacen",
    "magazzino",
    "magazijn",
    "仓库",
    "仓库名称",
    "库位",
];

/// The field a header maps to, if any.
pub fn field_of(header: &str) -> Option<&'static str> {
    let n = normalise(header);
    FIELDS
        .iter()
        .find(|(_, syn)| syn.iter().any(|s| *s == n))
        .map(|(f, _)| *f)
}

fn parse_breaks(cell: &str) -> Option<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    for part in cell.split([';', '|', ' ']).filter(|p| !p.trim().is_empty()) {
        let (q, p) = part.split_once([':', '='])?;
        let q: f64 = q.trim().parse().ok()?;
        let p: f64 = p.trim().parse().ok()?;
        if !(q >= 0.0 && p > 0.0 && q.is_finite() && p.is_finite()) {
            return None;
        }
        out.push((q, p));
    }
    if out.is_empty() || out.windows(2).any(|w| !(w[1].0 > w[0].0)) {
        return None;
    }
    if out[0].0 > 0.0 {
        // quantities below the first break pay the first price
        out[0].0 = 0.0;
    }
    Some(out)
}

/// Parse an inventory file held in memory.
pub fn parse(file: &str, bytes: &[u8]) -> Result<StockTable, InventoryError> {
    let t = Table::from_bytes(file, bytes).map_err(|e| InventoryError::Stock(e.text()))?;
    let mut cols: Vec<(usize, &'static str)> = Vec::new();
    let mut out = StockTable {
        file: file.to_string(),
        ..StockTable::default()
    };
    for (j, h) in t.headers.iter().enumerate() {
        match field_of(h) {
            Some(f) if !cols.iter().any(|(_, g)| *g == f) => {
                cols.push((j, f));
                out.mapping.push((h.clone(), f.to_string()));
            }
            _ => out.ignored.push(h.clone()),
        }
    }
    let Some(&(sku_col, _)) = cols.iter().find(|(_, f)| *f == "sku") else {
        return Err(InventoryError::Stock(
            Text::new("inventory.stock.no_sku_column")
                .str("file", file)
                .str("columns", t.headers.join(", ")),
        ));
    };
    let cell_err = |row: usize, j: usize, message: Text| {
        let column = t.headers.get(j).cloned().unwrap_or_default();
        InventoryError::Cell(CellError::new(file, row as u64, column, message))
    };
    out.notes.extend(t.notes.iter().cloned());
    let loc_col = t
        .headers
        .iter()
        .position(|h| LOCATION.contains(&normalise(h).as_str()));
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut merged_rows = 0usize;
    let mut conflicting: Vec<String> = Vec::new();
    for i in 0..t.rows() {
        let row = i + 1;
        let sku = t
            .columns
            .get(sku_col)
            .and_then(|c| c.get(i))
            .cloned()
            .unwrap_or_default();
        if sku.is_empty() {
            return Err(cell_err(
                row,
                sku_col,
                Text::new("inventory.stock.empty_sku"),
            ));
        }
        let location = loc_col
            .and_then(|c| t.columns.get(c))
            .and_then(|c| c.get(i))
            .filter(|l| !l.is_empty());
        if let (Some(&first), Some(_)) = (seen.get(&sku), location) {
            // The same SKU at another location: its stock adds up.
            let extra = read_row(&t, &cols, i, sku.clone(), row, &cell_err)?;
            let r = &mut out.rows[first];
            for (slot, add) in [
                (&mut r.on_hand, extra.on_hand),
                (&mut r.on_order, extra.on_order),
            ] {
                if let Some(a) = add {
                    *slot = Some(slot.unwrap_or(0.0) + a);
                }
            }
            // Lead time, cost and the other terms: the first location's, blanks filled from
            // the next; a location that says otherwise is counted and said.
            let mut differs = false;
            for (slot, other) in [
                (&mut r.lead_time_days, extra.lead_time_days),
                (&mut r.lead_time_sd_days, extra.lead_time_sd_days),
                (&mut r.unit_cost, extra.unit_cost),
                (&mut r.order_cost, extra.order_cost),
                (&mut r.holding_rate, extra.holding_rate),
                (&mut r.moq, extra.moq),
                (&mut r.case_pack, extra.case_pack),
                (&mut r.supplier_minimum, extra.supplier_minimum),
                (&mut r.shelf_life_days, extra.shelf_life_days),
            ] {
                match (*slot, other) {
                    (None, o) => *slot = o,
                    (Some(a), Some(b)) => differs |= (a - b).abs() > 1e-9 * a.abs().max(1.0),
                    _ => {}
                }
            }
            if differs && !conflicting.contains(&r.sku) {
                conflicting.push(r.sku.clone());
            }
            if r.supplier.is_none() {
                r.supplier = extra.supplier;
            }
            if r.price_breaks.is_none() {
                r.price_breaks = extra.price_breaks;
            }
            merged_rows += 1;
            continue;
        }
        if let Some(&first) = seen.get(&sku) {
            let first = out.rows[first].row;
            return Err(cell_err(
                row,
                sku_col,
                Text::new("inventory.stock.twice")
                    .str("sku", sku.clone())
                    .index("first", first)
                    .index("row", row),
            ));
        }
        seen.insert(sku.clone(), out.rows.len());
        let r = read_row(&t, &cols, i, sku, row, &cell_err)?;
        out.rows.push(r);
    }
    if merged_rows > 0 {
        out.notes.push(
            Text::new("inventory.stock.locations")
                .str("file", file)
                .int("rows", merged_rows)
                .str(
                    "col",
                    loc_col
                        .and_then(|c| t.headers.get(c))
                        .cloned()
                        .unwrap_or_default(),
                ),
        );
    }
    if !conflicting.is_empty() {
        out.notes.push(
            Text::new("inventory.stock.locations_differ")
                .str("file", file)
                .int("n", conflicting.len())
                .str("first", conflicting[0].clone()),
        );
    }
    Ok(out)
}

/// One data row's fields (`i` 0-based, `row` its 1-based number in messages).
fn read_row(
    t: &Table,
    cols: &[(usize, &'static str)],
    i: usize,
    sku: String,
    row: usize,
    cell_err: &dyn Fn(usize, usize, Text) -> InventoryError,
) -> Result<StockRow, InventoryError> {
    let mut r = StockRow {
        sku,
        row,
        ..StockRow::default()
    };
    for &(j, f) in cols {
        let raw = t
            .columns
            .get(j)
            .and_then(|c| c.get(i))
            .map_or("", String::as_str);
        if raw.is_empty() || f == "sku" {
            continue;
        }
        match f {
            "supplier" => {
                r.supplier = Some(raw.to_string());
                continue;
            }
            "price_breaks" => {
                r.price_breaks = Some(parse_breaks(raw).ok_or_else(|| {
                    cell_err(row, j, Text::new("inventory.stock.breaks").str("raw", raw))
                })?);
                continue;
            }
            _ => {}
        }
        let pct = raw.ends_with('%');
        let text = raw.trim_end_matches('%').trim();
        let mut v = crate::data::numbers::parse_number(text.as_bytes(), t.decimal_comma)
            .map(|(v, _)| v)
            .filter(|v| v.is_finite())
            .ok_or_else(|| cell_err(row, j, Text::new("inventory.stock.number").str("raw", raw)))?;
        if f == "holding_rate" && (pct || v > 1.0) {
            // "25%" or "25" mean 0.25 per year
            v /= 100.0;
        }
        let need_pos = matches!(f, "lead_time_days" | "case_pack" | "shelf_life_days");
        if need_pos && v <= 0.0 {
            return Err(cell_err(
                row,
                j,
                Text::new("inventory.stock.positive").str("raw", raw),
            ));
        }
        if !need_pos && f != "on_hand" && v < 0.0 {
            return Err(cell_err(
                row,
                j,
                Text::new("inventory.stock.negative").str("raw", raw),
            ));
        }
        let slot = match f {
            "on_hand" => &mut r.on_hand,
            "on_order" => &mut r.on_order,
            "lead_time_days" => &mut r.lead_time_days,
            "lead_time_sd_days" => &mut r.lead_time_sd_days,
            "unit_cost" => &mut r.unit_cost,
            "order_cost" => &mut r.order_cost,
            "holding_rate" => &mut r.holding_rate,
            "moq" => &mut r.moq,
            "case_pack" => &mut r.case_pack,
            "supplier_minimum" => &mut r.supplier_minimum,
            _ => &mut r.shelf_life_days,
        };
        *slot = Some(v);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_english_and_chinese_headers() {
        assert_eq!(field_of("Lead time (days)"), Some("lead_time_days"));
        assert_eq!(
            field_of("Lead time std dev (days)"),
            Some("lead_time_sd_days")
        );
        assert_eq!(field_of("StockCode"), Some("sku"));
        assert_eq!(field_of("库存"), Some("on_hand"));
        assert_eq!(field_of("供应商"), Some("supplier"));
        assert_eq!(field_of("箱规"), Some("case_pack"));
        assert_eq!(field_of("colour"), None);
        let t = parse(
            "stock.csv",
            "货号,库存,在途,交货期,成本,供应商,价格阶梯\nA1,10,5,21,2.5,Acme,0:3;100:2.5\nB2,,,,,,\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(t.rows.len(), 2);
        let a = &t.rows[0];
        assert_eq!(a.sku, "A1");
        assert_eq!(a.on_hand, Some(10.0));
        assert_eq!(a.on_order, Some(5.0));
        assert_eq!(a.lead_time_days, Some(21.0));
        assert_eq!(a.unit_cost, Some(2.5));
        assert_eq!(a.supplier.as_deref(), Some("Acme"));
        assert_eq!(a.price_breaks, Some(vec![(0.0, 3.0), (100.0, 2.5)]));
        assert_eq!(t.rows[1].on_hand, None);
    }

    /// German, French, Spanish, Italian and Dutch inventory files; a Shopify inventory export
    /// with one row per SKU and location has its quantities added up per SKU.
    #[test]
    fn european_headers_and_locations() {
        for (header, lead) in [
            ("Artikelnummer;Bestand;Bestellt;Lieferzeit (Tage);Einkaufspreis;Lieferant", 14.0),
            ("Référence;Stock disponible;En commande;Délai de livraison (jours);Prix d'achat;Fournisseur", 14.0),
            ("Referencia;Existencias;Pedido;Plazo de entrega (días);Precio de compra;Proveedor", 14.0),
            ("Codice articolo;Giacenza;In arrivo;Tempo di consegna (giorni);Prezzo di acquisto;Fornitore", 14.0),
            ("Artikelcode;Voorraad;Besteld;Levertijd (dagen);Inkoopprijs;Leverancier", 14.0),
        ] {
            let text = format!("{header}\nA1;12;5;{lead};2,50;Acme\n");
            let t = parse("lager.csv", text.as_bytes()).unwrap();
            let fields: Vec<&str> = t.mapping.iter().map(|(_, f)| f.as_str()).collect();
            assert_eq!(
                fields,
                vec!["sku", "on_hand", "on_order", "lead_time_days", "unit_cost", "supplier"],
                "{header}"
            );
            let a = &t.rows[0];
            assert_eq!(
                (a.on_hand, a.on_order, a.lead_time_days, a.unit_cost),
                (Some(12.0), Some(5.0), Some(lead), Some(2.5)),
                "{header}"
            );
        }
        let shopify =
            "Handle,Title,SKU,Location,Incoming,Unavailable,Committed,Available,On hand\n\
            mug,Mug,M1,Main Warehouse,10,0,2,40,42\n\
            mug,Mug,M1,Shop,0,0,0,5,5\n\
            cup,Cup,C1,Main Warehouse,,0,0,7,7\n";
        let t = parse("inventory_export.csv", shopify.as_bytes()).unwrap();
        assert_eq!(t.rows.len(), 2);
        // "Available" (on hand less committed) is read before "On hand".
        assert_eq!(
            (t.rows[0].on_hand, t.rows[0].on_order),
            (Some(45.0), Some(10.0))
        );
        assert_eq!((t.rows[1].on_hand, t.rows[1].on_order), (Some(7.0), None));
        assert_eq!(
            t.notes.iter().map(Text::en).collect::<Vec<_>>(),
            vec!["inventory_export.csv: 1 more row(s) of SKUs at another 'Location' were added to their SKU's stock on hand and on order (lead time, cost and the other terms are the SKU's first row's, blanks filled from its other rows)"]
        );
        // A blank lead time is filled from the SKU's other location; a different cost is said.
        let t = parse(
            "stock.csv",
            b"sku,location,on hand,lead time,unit cost\nM1,A,3,,2.50\nM1,B,4,10,2.80\nC1,A,1,5,1\nC1,B,2,5,1\n",
        )
        .unwrap();
        assert_eq!(
            (
                t.rows[0].on_hand,
                t.rows[0].lead_time_days,
                t.rows[0].unit_cost
            ),
            (Some(7.0), Some(10.0), Some(2.5))
        );
        assert_eq!(t.rows[1].lead_time_days, Some(5.0));
        assert_eq!(
            t.notes.iter().map(Text::en).collect::<Vec<_>>()[1],
            "stock.csv: 1 SKU(s) have a different lead time, cost or order term at another location (first: M1); the first location's is used"
        );
        // Without a location column a repeated SKU is still an error.
        let e = parse("s.csv", b"sku,on hand\nA,1\nA,2\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("appears twice"), "{e}");
    }

    #[test]
    fn bad_cells_name_row_and_column() {
        let e = parse("s.csv", b"sku,on hand,lead time\nA,3,7\nB,lots,7\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("row 2") && e.contains("'on hand'") && e.contains("lots"),
            "{e}"
        );
        let e = parse("s.csv", b"sku,lead time\nA,0\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("row 1") && e.contains("greater than zero"),
            "{e}"
        );
        let e = parse("s.csv", b"sku,on hand\nA,1\nA,2\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("appears twice"), "{e}");
        let e = parse("s.csv", b"name,on hand\nA,1\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no SKU column"), "{e}");
        let t = parse("s.csv", b"sku,holding rate\nA,25%\nB,0.2\nC,30\n").unwrap();
        let h: Vec<_> = t.rows.iter().map(|r| r.holding_rate.unwrap()).collect();
        assert!(
            (h[0] - 0.25).abs() < 1e-12 && (h[1] - 0.2).abs() < 1e-12 && (h[2] - 0.3).abs() < 1e-12
        );
    }
}
