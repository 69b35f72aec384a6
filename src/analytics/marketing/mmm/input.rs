//! MMM input: a spend table (wide — one column per channel — or long `date,channel,spend`) with
//! revenue from a column or from imported orders aggregated to the same periods.

use super::MmmError;
use crate::analytics::forecast::series::take_off;
use crate::analytics::marketing::table::{Table, TableError};
use crate::data::mapping::{normalise_header, strip_unit};
use crate::data::numbers::CURRENCY_CODES;
use crate::data::Dataset;
use crate::text::{CellError, Text};
use serde::{Deserialize, Serialize};

/// A named series aligned with the periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// Periods (start dates, ascending, evenly spaced), revenue, channel spend and controls.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MmmInput {
    /// Period start, days since 1970-01-01.
    pub dates: Vec<i64>,
    /// Days per period (7 = weekly, 1 = daily).
    pub period_days: i64,
    pub revenue: Vec<f64>,
    pub channels: Vec<Series>,
    pub controls: Vec<Series>,
    /// Decisions taken while reading (columns recognised, blanks read as 0, …).
    pub notes: Vec<Text>,
    /// ISO code of the money (spend and revenue), when a file names it: Meta's "Amount spent
    /// (GBP)", Google's "Currency code" column, or the imported orders' one currency.
    #[serde(default)]
    pub currency: Option<String>,
}

/// Which columns to use; `None` = recognise by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpendSpec {
    pub date_column: Option<String>,
    pub revenue_column: Option<String>,
    pub channels: Option<Vec<String>>,
    pub controls: Option<Vec<String>>,
}

/// Channel columns of a long spend table, best first (keys as [`header_key`] makes them).
const LONG_CHANNEL: &[&str] = &[
    "channel",
    "media",
    "campaigntype",
    "platform",
    "source",
    "campaign",
    "campaignname",
    "渠道",
    "媒体",
    "广告系列",
    "推广计划",
    "广告计划",
    "计划名称",
];

/// Spend columns of a long spend table, best first.
const LONG_SPEND: &[&str] = &[
    "spend",
    "cost",
    "amount",
    "amountspent",
    "spendamount",
    "spendinaccountcurrency",
    "totalspend",
    "totalcost",
    "adspend",
    "花费",
    "消耗",
    "费用",
];

/// A header as compared with [`LONG_CHANNEL`] / [`LONG_SPEND`]: the app's header key
/// ([`normalise_header`]) without a unit in brackets ("Amount spent (GBP)" → "amountspent").
fn header_key(h: &str) -> String {
    normalise_header(strip_unit(h).0)
}

/// The first header (in the order of `keys`) whose key is one of `keys`.
fn find_by_key(headers: &[String], keys: &[&str]) -> Option<usize> {
    let hk: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    keys.iter().find_map(|k| hk.iter().position(|h| h == k))
}

/// Spend columns are recognised by name: `spend_*`, `*_spend`, `*_cost`.
pub fn is_spend_name(h: &str) -> bool {
    let l = h.to_ascii_lowercase();
    l.starts_with("spend_") || l.ends_with("_spend") || l.ends_with("_cost") || l == "spend"
}

/// Columns that are never taken as controls automatically: calendar parts and indices (trend
/// and seasonality are modelled already), impressions and clicks (Robyn's `*_I` suffix too).
fn is_calendar_or_media_volume(h: &str) -> bool {
    let l = h.to_ascii_lowercase();
    const EXACT: [&str; 16] = [
        "t",
        "trend",
        "index",
        "id",
        "year",
        "month",
        "week",
        "quarter",
        "day",
        "dayofyear",
        "day_of_year",
        "weekofyear",
        "yr_nbr",
        "qtr_nbr",
        "prd",
        "wk_nbr",
    ];
    EXACT.contains(&l.as_str())
        || l.starts_with("wk_in_yr")
        || h.ends_with("_I")
        || l.contains("impression")
        || l.contains("click")
        || l.starts_with("mdip_")
}

/// One spend table read on its own dates: period start days (ascending, unique), the series on
/// them, and the revenue when this table supplies it.
struct Part {
    file: String,
    /// The spend's currency, when the table names it.
    currency: Option<String>,
    dates: Vec<i64>,
    channels: Vec<Series>,
    controls: Vec<Series>,
    revenue: Option<Vec<f64>>,
    notes: Vec<Text>,
}

/// An ISO currency code as a spend table names it: in brackets after a header ("Amount spent
/// (GBP)"), or as the one value of a currency column ("Currency code": GBP on every row).
fn table_currency(table: &Table, spend_col: Option<usize>) -> Option<String> {
    let code = |s: &str| {
        let u = s.trim().to_ascii_uppercase();
        CURRENCY_CODES.contains(&u.as_str()).then_some(u)
    };
    let bracket = spend_col.and_then(|j| code(strip_unit(&table.headers[j]).1?));
    bracket.or_else(|| {
        let j = table
            .headers
            .iter()
            .position(|h| matches!(header_key(h).as_str(), "currency" | "currencycode"))?;
        let mut codes = table.columns[j].iter().filter(|c| !c.trim().is_empty());
        let first = code(codes.next()?)?;
        codes
            .all(|c| c.trim().eq_ignore_ascii_case(&first))
            .then_some(first)
    })
}

/// The most common gap between consecutive dates (`None` for fewer than two dates).
fn median_gap(dates: &[i64]) -> Option<i64> {
    let mut gaps: Vec<i64> = dates.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_unstable();
    gaps.get(gaps.len() / 2).map(|&g| g.max(1))
}

/// The file name without its folders ("exports/meta.csv" → "meta.csv").
fn base_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// Columns named in a spend spec: every name must be in the table (one file), or the names
/// found in this table (several files; the caller checks each name was found somewhere).
fn named_columns(table: &Table, names: &[String], several: bool) -> Result<Vec<usize>, MmmError> {
    if several {
        Ok(names
            .iter()
            .filter_map(|c| table.column_index(c).ok())
            .collect())
    } else {
        Ok(names
            .iter()
            .map(|c| table.column_index(c))
            .collect::<Result<_, _>>()?)
    }
}

/// The revenue column a table offers: the one named in the spec, else revenue/sales/y.
fn revenue_column(table: &Table, spec: &SpendSpec) -> Option<usize> {
    match &spec.revenue_column {
        Some(r) => table.column_index(r).ok(),
        None => table.headers.iter().position(|h| {
            ["revenue", "sales", "y"]
                .iter()
                .any(|n| h.eq_ignore_ascii_case(n))
        }),
    }
}

impl MmmInput {
    /// Read a spend table. Revenue comes from `spec.revenue_column`, else from `orders`
    /// (line revenue summed per period, less the revenue of the cancellation and return lines
    /// of the period, never below 0), else from a column named revenue/sales/y.
    pub fn from_table(
        table: &Table,
        spec: &SpendSpec,
        orders: Option<&Dataset>,
    ) -> Result<MmmInput, MmmError> {
        MmmInput::from_tables(std::slice::from_ref(table), spec, orders)
    }

    /// Read one or several spend tables (a Google Ads and a Meta export, say) into one input.
    ///
    /// Each table is read on its own dates (wide or long, as [`MmmInput::from_table`]); the
    /// tables must share the period length. Revenue from `orders`: the periods run from the
    /// first to the last date of any table, a period missing from a table counting as no spend
    /// on its channels. Revenue from a table's column: that table's periods, and the other
    /// tables' spend is added to the period it falls in (rows outside them are left out, said
    /// in a note). A channel name already taken by an earlier table gets the file name added.
    pub fn from_tables(
        tables: &[Table],
        spec: &SpendSpec,
        orders: Option<&Dataset>,
    ) -> Result<MmmInput, MmmError> {
        let Some(first) = tables.first() else {
            return Err(MmmError::Input(Text::new("mkt.err.no_channels")));
        };
        let several = tables.len() > 1;
        // The table supplying revenue, when it comes from a column.
        let rev_from = match (&spec.revenue_column, orders) {
            (Some(r), _) => match tables
                .iter()
                .position(|t| revenue_column(t, spec).is_some())
            {
                Some(k) => Some(k),
                // No table has it: the first one's "no such column" error.
                None => {
                    first.column_index(r)?;
                    None
                }
            },
            (None, None) => Some(
                tables
                    .iter()
                    .position(|t| revenue_column(t, spec).is_some())
                    .ok_or_else(|| {
                        MmmError::Input(
                            Text::new("mkt.err.no_revenue_column").str(
                                "file",
                                tables
                                    .iter()
                                    .map(|t| t.file.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            ),
                        )
                    })?,
            ),
            (None, Some(_)) => None,
        };
        let mut parts = Vec::with_capacity(tables.len());
        for (k, t) in tables.iter().enumerate() {
            parts.push(read_part(t, spec, rev_from == Some(k), several)?);
        }
        if several {
            // Every named spend or control column is in some file (a long file's channels are
            // names in its channel column); else the first file's "no such column" error.
            let named = spec.channels.iter().flatten();
            for name in named.chain(spec.controls.iter().flatten()) {
                let found = tables.iter().any(|t| t.column_index(name).is_ok())
                    || parts.iter().any(|p| {
                        p.channels
                            .iter()
                            .any(|s| s.name.eq_ignore_ascii_case(name.trim()))
                    });
                if !found {
                    first.column_index(name)?;
                }
            }
        }
        // Period length: each table's own, all equal.
        let gaps: Vec<(usize, i64)> = parts
            .iter()
            .enumerate()
            .filter_map(|(k, p)| median_gap(&p.dates).map(|g| (k, g)))
            .collect();
        let period_days = gaps.first().map_or(7, |g| g.1);
        if let Some(&(k, g)) = gaps.iter().find(|g| g.1 != period_days) {
            return Err(MmmError::Input(
                Text::new("mkt.err.spend_periods_differ")
                    .str("a", parts[gaps[0].0].file.clone())
                    .int("a_days", period_days)
                    .str("b", parts[k].file.clone())
                    .int("b_days", g),
            ));
        }
        let mut notes = Vec::new();
        // The money's currency: the spend files' (all one), else the orders' one currency.
        let mut spend_codes: Vec<&str> =
            parts.iter().filter_map(|p| p.currency.as_deref()).collect();
        spend_codes.sort_unstable();
        spend_codes.dedup();
        let order_code = orders.and_then(|d| match d.report.currencies.as_slice() {
            [(c, _)] => Some(c.as_str()),
            _ => None,
        });
        let currency = match (spend_codes.as_slice(), rev_from, order_code) {
            ([], None, Some(o)) => Some(o.to_owned()),
            ([], _, _) => None,
            ([one], None, Some(o)) if *one != o => {
                notes.push(
                    Text::new("mkt.mmm.currency_mismatch")
                        .str("spend", *one)
                        .str("revenue", o),
                );
                None
            }
            ([one], _, _) => Some((*one).to_owned()),
            (many, _, _) => {
                notes.push(Text::new("mkt.mmm.currencies_differ").str("codes", many.join(", ")));
                None
            }
        };
        let dates: Vec<i64> = match rev_from {
            Some(k) => parts[k].dates.clone(),
            None if several => {
                let lo = parts.iter().filter_map(|p| p.dates.first()).min().copied();
                let hi = parts.iter().filter_map(|p| p.dates.last()).max().copied();
                let mut all: Vec<i64> =
                    parts.iter().flat_map(|p| p.dates.iter().copied()).collect();
                all.sort_unstable();
                all.dedup();
                // One grid on the first file's period starts (a Monday-week export and a
                // Sunday-dated one), from the period holding the earliest date to the one
                // holding the latest; the periods no file lists are filled in.
                // Only files each regular on its own (an uneven file is refused as before).
                let regular = parts.iter().all(|p| {
                    p.dates
                        .first()
                        .is_none_or(|&f| p.dates.iter().all(|d| (d - f) % period_days == 0))
                });
                match (lo, hi, parts[0].dates.first()) {
                    (Some(lo), Some(hi), Some(&anchor)) if regular => {
                        let start =
                            anchor - (anchor - lo + period_days - 1) / period_days * period_days;
                        for p in &parts[1..] {
                            if p.dates
                                .iter()
                                .any(|d| (d - start).rem_euclid(period_days) != 0)
                            {
                                notes.push(
                                    Text::new("mkt.mmm.periods_aligned")
                                        .str("file", base_name(&p.file).to_string())
                                        .str("first", base_name(&parts[0].file).to_string()),
                                );
                            }
                        }
                        (0..=(hi - start) / period_days)
                            .map(|i| start + i * period_days)
                            .collect()
                    }
                    _ => all,
                }
            }
            None => parts[0].dates.clone(),
        };
        let n = dates.len();
        // The period of a day: the last period start on or before it, within a period.
        let period_of = |d: i64| {
            let p = dates.partition_point(|&s| s <= d);
            (p > 0 && d < dates[p - 1] + period_days).then(|| p - 1)
        };
        let mut channels: Vec<Series> = Vec::new();
        let mut controls: Vec<Series> = Vec::new();
        let mut revenue = vec![0.0; n];
        for p in parts {
            let mut outside = 0usize;
            let slots: Vec<Option<usize>> = p.dates.iter().map(|&d| period_of(d)).collect();
            let mut put = |s: &Series, out: &mut Vec<f64>| {
                for (i, &v) in s.values.iter().enumerate() {
                    match slots[i] {
                        Some(j) => out[j] += v,
                        None if v != 0.0 => outside += 1,
                        None => {}
                    }
                }
            };
            for (list, into) in [(&p.channels, &mut channels), (&p.controls, &mut controls)] {
                for s in list {
                    let mut values = vec![0.0; n];
                    put(s, &mut values);
                    let mut name = s.name.clone();
                    if into.iter().any(|c| c.name == name) {
                        name = format!("{} ({})", s.name, base_name(&p.file));
                        notes.push(
                            Text::new("mkt.mmm.renamed_series")
                                .str("name", s.name.clone())
                                .str("file", base_name(&p.file).to_string())
                                .str("new", name.clone()),
                        );
                    }
                    into.push(Series { name, values });
                }
            }
            if let Some(r) = &p.revenue {
                revenue.copy_from_slice(r);
            }
            notes.extend(p.notes);
            if outside > 0 {
                notes.push(
                    Text::new("mkt.mmm.outside_periods")
                        .int("n", outside)
                        .str("file", base_name(&p.file).to_string()),
                );
            }
        }
        if several {
            notes.insert(
                0,
                Text::new("mkt.mmm.files_merged")
                    .int("n", tables.len())
                    .str(
                        "files",
                        tables
                            .iter()
                            .map(|t| base_name(&t.file))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
            );
        }
        if let (None, Some(data)) = (rev_from, orders) {
            let ol = &data.lines;
            let mut outside = 0u64;
            for (i, &ts) in ol.timestamp.iter().enumerate() {
                match period_of(ts.div_euclid(86_400)) {
                    Some(p) => revenue[p] += ol.revenue[i],
                    None => outside += 1,
                }
            }
            notes.push(if outside > 0 {
                Text::new("mkt.mmm.revenue_orders_outside")
                    .int("n", ol.len() as u64 - outside)
                    .int("outside", outside)
            } else {
                Text::new("mkt.mmm.revenue_orders").int("n", ol.len() as u64 - outside)
            });
            // Net of cancellations and returns, as the Forecast page: each period's refunded
            // revenue taken off, never below 0.
            let mut refunded = vec![0.0; n];
            let mut lines = 0usize;
            for (i, &ts) in data.returns.timestamp.iter().enumerate() {
                if let Some(p) = period_of(ts.div_euclid(86_400)) {
                    refunded[p] += data.returns.revenue[i].abs();
                    lines += 1;
                }
            }
            let taken: f64 = revenue
                .iter_mut()
                .zip(&refunded)
                .map(|(r, c)| take_off(r, *c))
                .sum();
            if taken > 0.0 {
                notes.push(
                    Text::new("mkt.mmm.revenue_net")
                        .num("amount", taken, 2)
                        .int("lines", lines),
                );
            }
        }
        let input = MmmInput {
            dates,
            period_days,
            revenue,
            channels,
            controls,
            notes,
            currency,
        };
        input.validate()?;
        Ok(input)
    }

    /// Lengths, finiteness, even spacing.
    pub fn validate(&self) -> Result<(), MmmError> {
        let n = self.dates.len();
        if n < 16 {
            return Err(MmmError::Input(
                Text::new("mkt.err.few_periods").int("n", n),
            ));
        }
        if self.revenue.len() != n {
            return Err(MmmError::Input(Text::new("mkt.err.revenue_length")));
        }
        if self.channels.is_empty() {
            return Err(MmmError::Input(Text::new("mkt.err.no_channels")));
        }
        if self.channels.len() > 40 {
            return Err(MmmError::Input(
                Text::new("mkt.err.many_channels").int("n", self.channels.len()),
            ));
        }
        for s in self.channels.iter().chain(&self.controls) {
            if s.values.len() != n {
                return Err(MmmError::Input(
                    Text::new("mkt.err.series_length")
                        .str("name", s.name.clone())
                        .int("values", s.values.len())
                        .int("n", n),
                ));
            }
            if s.values.iter().any(|v| !v.is_finite()) {
                return Err(MmmError::Input(
                    Text::new("mkt.err.non_finite").str("name", s.name.clone()),
                ));
            }
        }
        for ch in &self.channels {
            if ch.values.iter().any(|&v| v < 0.0) {
                return Err(MmmError::Input(
                    Text::new("mkt.err.negative_channel").str("name", ch.name.clone()),
                ));
            }
        }
        if self.revenue.iter().any(|v| !v.is_finite()) {
            return Err(MmmError::Input(Text::new("mkt.err.revenue_non_finite")));
        }
        if self.dates.windows(2).any(|w| w[1] <= w[0]) {
            return Err(MmmError::Input(Text::new("mkt.err.dates_order")));
        }
        let irregular = self
            .dates
            .windows(2)
            .filter(|w| w[1] - w[0] != self.period_days)
            .count();
        if irregular > 0 {
            return Err(MmmError::Input(
                Text::new("mkt.err.irregular")
                    .int("n", irregular)
                    .int("days", self.period_days),
            ));
        }
        Ok(())
    }
}

/// Read one spend table on its own dates (see [`MmmInput::from_tables`]); its revenue column
/// is read when `supplies_revenue`.
fn read_part(
    table: &Table,
    spec: &SpendSpec,
    supplies_revenue: bool,
    several: bool,
) -> Result<Part, MmmError> {
    let mut notes = Vec::new();
    let dj = match &spec.date_column {
        Some(d) => table.column_index(d)?,
        None => table.find_date_column().ok_or_else(|| {
            MmmError::Input(
                Text::new("mkt.err.no_date_column")
                    .str("file", table.file.clone())
                    .str("columns", table.headers.join(", ")),
            )
        })?,
    };
    let days = table.dates(dj)?;
    // Long format: a channel column and a spend column. Ad platforms' own exports name them
    // "Campaign" / "Cost" (Google Ads), "Campaign name" / "Amount spent (GBP)" (Meta); a
    // currency in brackets is ignored, and a channel-like column beats a campaign column.
    let long =
        find_by_key(&table.headers, LONG_CHANNEL).zip(find_by_key(&table.headers, LONG_SPEND));
    // A revenue column is never a spend column or a control, even when revenue comes from
    // the orders or another file.
    let rev_like = revenue_column(table, spec);
    let rev_col = if supplies_revenue { rev_like } else { None };
    // Unique sorted dates.
    let mut uniq = days.clone();
    uniq.sort_unstable();
    uniq.dedup();
    let pos = |d: i64| uniq.binary_search(&d).unwrap_or(0);
    let n = uniq.len();
    let cell = |j: usize, i: usize, notes_blank: &mut usize| -> Result<f64, MmmError> {
        let c = &table.columns[j][i];
        if c.is_empty() || c.eq_ignore_ascii_case("na") || c.eq_ignore_ascii_case("nan") {
            *notes_blank += 1;
            return Ok(0.0);
        }
        table.number(j, i).filter(|v| v.is_finite()).ok_or_else(|| {
            MmmError::Table(TableError::Cell(CellError::new(
                &table.file,
                i as u64 + 1,
                &table.headers[j],
                TableError::not_a_number(c),
            )))
        })
    };
    let mut blanks = 0usize;
    let mut channels: Vec<Series> = Vec::new();
    let mut controls: Vec<Series> = Vec::new();
    let mut revenue = vec![0.0; n];
    if let Some((cj, sj)) = long {
        for i in 0..table.rows() {
            let name = table.columns[cj][i].clone();
            if name.is_empty() {
                continue;
            }
            if let Some(only) = &spec.channels {
                if !only.iter().any(|o| o == &name) {
                    continue;
                }
            }
            let k = match channels.iter().position(|s| s.name == name) {
                Some(k) => k,
                None => {
                    channels.push(Series {
                        name,
                        values: vec![0.0; n],
                    });
                    channels.len() - 1
                }
            };
            channels[k].values[pos(days[i])] += cell(sj, i, &mut blanks)?;
        }
        if let Some(rj) = rev_col {
            let mut seen = vec![false; n];
            for i in 0..table.rows() {
                let p = pos(days[i]);
                if !seen[p] {
                    revenue[p] = cell(rj, i, &mut blanks)?;
                    seen[p] = true;
                }
            }
        }
        notes.push(Text::new("mkt.mmm.long_format").int("n", channels.len()));
    } else {
        if n != days.len() {
            return Err(MmmError::Input(
                Text::new("mkt.err.repeated_dates")
                    .str("file", table.file.clone())
                    .int("rows", days.len())
                    .int("n", n)
                    .str("col", table.headers[dj].clone()),
            ));
        }
        let chan_idx: Vec<usize> = match &spec.channels {
            Some(list) => named_columns(table, list, several)?,
            None => (0..table.headers.len())
                .filter(|&j| j != dj && Some(j) != rev_like && is_spend_name(&table.headers[j]))
                .collect(),
        };
        if chan_idx.is_empty() {
            return Err(MmmError::Input(
                Text::new("mkt.err.no_spend_columns")
                    .str("file", table.file.clone())
                    .str("columns", table.headers.join(", ")),
            ));
        }
        for &j in &chan_idx {
            let mut v = vec![0.0; n];
            for (i, &d) in days.iter().enumerate() {
                v[pos(d)] = cell(j, i, &mut blanks)?;
            }
            if v.iter().any(|&x| x < 0.0) {
                return Err(MmmError::Input(
                    Text::new("mkt.err.negative_column")
                        .str("file", table.file.clone())
                        .str("col", table.headers[j].clone()),
                ));
            }
            channels.push(Series {
                name: table.headers[j].clone(),
                values: v,
            });
        }
        if let Some(rj) = rev_col {
            for (i, &d) in days.iter().enumerate() {
                revenue[pos(d)] = cell(rj, i, &mut blanks)?;
            }
        }
        let ctl_idx: Vec<usize> = match &spec.controls {
            Some(list) => named_columns(table, list, several)?,
            None => {
                let auto: Vec<usize> = (0..table.headers.len())
                    .filter(|&j| {
                        j != dj
                            && Some(j) != rev_like
                            && !chan_idx.contains(&j)
                            && !is_spend_name(&table.headers[j])
                            && !is_calendar_or_media_volume(&table.headers[j])
                            && table.is_numeric(j)
                    })
                    .collect();
                if !auto.is_empty() {
                    notes.push(
                        Text::new("mkt.mmm.controls").str(
                            "cols",
                            auto.iter()
                                .map(|&j| table.headers[j].as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    );
                }
                auto
            }
        };
        for j in ctl_idx {
            let mut v = vec![0.0; n];
            for (i, &d) in days.iter().enumerate() {
                v[pos(d)] = cell(j, i, &mut blanks)?;
            }
            controls.push(Series {
                name: table.headers[j].clone(),
                values: v,
            });
        }
        // Categorical event columns (few distinct labels, "na" = none) become 0/1 flags.
        if spec.controls.is_none() {
            for j in 0..table.headers.len() {
                if j == dj || table.is_numeric(j) || chan_idx.contains(&j) {
                    continue;
                }
                let h = table.headers[j].to_ascii_lowercase();
                if !(h.contains("event") || h.contains("promo") || h.contains("holiday")) {
                    continue;
                }
                let mut labels: Vec<&str> = table.columns[j]
                    .iter()
                    .map(String::as_str)
                    .filter(|c| {
                        !c.is_empty()
                            && !c.eq_ignore_ascii_case("na")
                            && !c.eq_ignore_ascii_case("none")
                    })
                    .collect();
                labels.sort_unstable();
                labels.dedup();
                if labels.is_empty() || labels.len() > 5 {
                    continue;
                }
                for l in labels {
                    let mut v = vec![0.0; n];
                    for (i, &d) in days.iter().enumerate() {
                        if table.columns[j][i] == l {
                            v[pos(d)] = 1.0;
                        }
                    }
                    controls.push(Series {
                        name: format!("{}={l}", table.headers[j]),
                        values: v,
                    });
                }
                notes.push(Text::new("mkt.mmm.event_column").str("col", table.headers[j].clone()));
            }
        }
    }
    if blanks > 0 {
        notes.push(Text::new("mkt.mmm.blanks").int("n", blanks));
    }
    // The table's own notes name the file already; with several files, ours get its name.
    let file = base_name(&table.file).to_string();
    let notes = table
        .notes
        .iter()
        .cloned()
        .chain(notes.into_iter().map(|t| {
            if several {
                Text::new("mkt.mmm.file_note")
                    .str("file", file.clone())
                    .text("note", t)
            } else {
                t
            }
        }))
        .collect();
    Ok(Part {
        currency: table_currency(table, long.map(|(_, sj)| sj)),
        file: table.file.clone(),
        dates: uniq,
        channels,
        controls,
        revenue: rev_col.map(|_| revenue),
        notes,
    })
}
