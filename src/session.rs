//! The records of a stored session (what the web app keeps in IndexedDB so that a reload, a
//! closed tab or a crash brings the user back): pure serde types, the storage-format check and
//! dataset naming. The browser side (IndexedDB through `rexie`) is `ui::persist`; this module
//! compiles natively so its rules are unit-tested without a browser.
//!
//! Layout of the database (one per origin, `shoplens`):
//! * `meta` / key `meta`: a [`Meta`] as JSON — the storage-format version, the open dataset
//!   and, when none is open, the page settings typed without one;
//! * `datasets` / key = dataset id: a [`DatasetRecord`] as JSON — name, file names, mappings,
//!   the duplicate flag, every page's settings, and the last all-dates overview (the Overview's
//!   comparison reads it, so comparing needs no re-import);
//! * `files` / key = dataset id: the imported files themselves as `Blob`s (IndexedDB stores
//!   them natively: nothing is copied into wasm memory), re-imported on restore.
//!
//! Compatibility: a field added later gets `#[serde(default)]`, so records written before it
//! still read. A change that defaults cannot absorb bumps [`FORMAT`] and adds a step to
//! [`read_meta`]'s migration match; a session of a format with no step (older or newer) is
//! discarded with a specific message, never a crash.

use crate::analytics::action::ActionParams;
use crate::analytics::basket::BasketParams;
use crate::analytics::customers::CustomersParams;
use crate::analytics::forecast::{ForecastParams, SeriesFileParams};
use crate::analytics::inventory::InventoryParams;
use crate::analytics::overview::{OverviewParams, OverviewReport};
use crate::analytics::recommend::RecommendParams;
use crate::data::MappingOverride;
use serde::{Deserialize, Serialize};

/// Storage-format version written in [`Meta::format`].
pub const FORMAT: u32 = 1;

/// Longest dataset name kept (characters).
pub const MAX_NAME_CHARS: usize = 80;

/// Why a stored session (or one of its records) cannot be used.
/// The message comes from the sentence catalogue ([`SessionError::text`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum SessionError {
    /// Not JSON, or JSON without the expected fields.
    Unreadable(String),
    /// Written by an older ShopLens whose format has no migration.
    Older { found: u64 },
    /// Written by a newer ShopLens.
    Newer { found: u64 },
}

impl SessionError {
    /// The message, in either language (the JSON parser's own words stay English).
    pub fn text(&self) -> crate::text::Text {
        use crate::text::Text;
        match self {
            SessionError::Unreadable(m) => {
                Text::new("common.err.session_unreadable").str("error", m.clone())
            }
            SessionError::Older { found } => Text::new("common.err.session_older")
                .int("found", *found)
                .index("format", FORMAT),
            SessionError::Newer { found } => Text::new("common.err.session_newer")
                .int("found", *found)
                .index("format", FORMAT),
        }
    }
}

/// The `meta` record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Storage-format version ([`FORMAT`] when written by this version).
    pub format: u32,
    /// Id of the dataset open when the session was last saved.
    #[serde(default)]
    pub current: Option<String>,
    /// The page settings of a session with no dataset open: the Marketing page and the
    /// Forecast page's series file work without orders, and what was typed there is kept
    /// too. Absent when a dataset is open (its record holds the settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<PageSettings>,
}

impl Meta {
    pub fn new(current: Option<String>) -> Self {
        Self {
            format: FORMAT,
            current,
            settings: None,
        }
    }
}

/// One imported file of a dataset (its bytes are in the `files` store).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredFile {
    pub name: String,
    #[serde(default)]
    pub bytes: u64,
}

/// Every page's settings. Each is optional: a record saved before a page existed leaves that
/// page at its defaults.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageSettings {
    pub overview: Option<OverviewParams>,
    pub customers: Option<CustomersParams>,
    pub basket: Option<BasketParams>,
    pub recommend: Option<RecommendParams>,
    pub forecast: Option<ForecastParams>,
    pub inventory: Option<InventoryParams>,
    /// The Marketing page's inputs (as typed).
    pub marketing: Option<MarketingInputs>,
    /// The Action plan's parameters.
    pub action: Option<ActionParams>,
    /// The Forecast page's series-file inputs (as typed).
    pub series_file: Option<SeriesFileInputs>,
    /// The dataset the Overview compares with.
    pub compare_with: Option<String>,
}

/// The Marketing page's inputs, kept as the user typed them (text fields stay text, so a
/// half-typed value is restored as it was). Empty = the page's default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MarketingInputs {
    /// Media mix: revenue from the imported orders instead of a spend-file column.
    pub mmm_from_orders: bool,
    pub mmm_budget: String,
    pub mmm_weeks: String,
    pub mmm_channels: String,
    pub mmm_bounds: String,
    pub mmm_revenue_col: String,
    pub mmm_controls: String,
    /// A/B test: minimum detectable effect (%), daily users.
    pub ab_mde: String,
    pub ab_daily: String,
    /// A/B test counts typed by hand: (name, users, conversions) per variant; empty = the two
    /// default variants.
    pub ab_variants: Vec<(String, String, String)>,
    /// Promotion: first and last day, SKU, weekly aggregation.
    pub promo_from: String,
    pub promo_to: String,
    pub promo_sku: String,
    pub promo_weekly: bool,
}

impl Default for MarketingInputs {
    fn default() -> Self {
        MarketingInputs {
            mmm_from_orders: false,
            mmm_budget: String::new(),
            mmm_weeks: "13".into(),
            mmm_channels: String::new(),
            mmm_bounds: String::new(),
            mmm_revenue_col: String::new(),
            mmm_controls: String::new(),
            ab_mde: "5".into(),
            ab_daily: String::new(),
            ab_variants: Vec::new(),
            promo_from: String::new(),
            promo_to: String::new(),
            promo_sku: String::new(),
            promo_weekly: false,
        }
    }
}

/// The Forecast page's "Forecast a series file…" inputs, as typed (the file itself is stored
/// next to the Marketing files, `ui::side_files`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeriesFileInputs {
    /// Periods ahead.
    pub horizon: String,
    /// Season length; empty = inferred from the periods.
    pub season: String,
    /// The model's key (`ModelKind::key`).
    pub model: String,
    /// `week` or `month` to add a file of days up (`Freq::key`); empty = the file's periods.
    pub group: String,
}

impl Default for SeriesFileInputs {
    fn default() -> Self {
        let p = SeriesFileParams::default();
        SeriesFileInputs {
            horizon: p.horizon.to_string(),
            season: String::new(),
            model: p.model.key().to_string(),
            group: String::new(),
        }
    }
}

/// A named dataset: what re-imports it (file names, mappings, duplicate flag), its pages'
/// settings and the numbers shown in the dataset list and the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetRecord {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub files: Vec<StoredFile>,
    /// When it was first imported (ms since 1970-01-01 UTC).
    #[serde(default)]
    pub created_ms: f64,
    /// Kept sale lines of the last import.
    #[serde(default)]
    pub kept_rows: u64,
    #[serde(default)]
    pub date_min: Option<String>,
    #[serde(default)]
    pub date_max: Option<String>,
    #[serde(default)]
    pub mappings: Vec<MappingOverride>,
    #[serde(default)]
    pub remove_duplicates: bool,
    #[serde(default)]
    pub settings: PageSettings,
    /// The last overview over all dates (for the comparison).
    #[serde(default)]
    pub overview: Option<OverviewReport>,
}

/// Read the `meta` record, migrating older formats where a migration exists.
pub fn read_meta(json: &str) -> Result<Meta, SessionError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| SessionError::Unreadable(e.to_string()))?;
    let found = value
        .get("format")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| SessionError::Unreadable("no storage-format version".into()))?;
    match found {
        // Migration steps from older formats go here (`n => migrate_n(value)`), each
        // turning format n into n + 1 until FORMAT. Format 1 is the first.
        f if f == u64::from(FORMAT) => {
            serde_json::from_value(value).map_err(|e| SessionError::Unreadable(e.to_string()))
        }
        f if f < u64::from(FORMAT) => Err(SessionError::Older { found: f }),
        f => Err(SessionError::Newer { found: f }),
    }
}

/// Read one `datasets` record.
pub fn read_record(json: &str) -> Result<DatasetRecord, SessionError> {
    serde_json::from_str(json).map_err(|e| SessionError::Unreadable(e.to_string()))
}

/// A dataset name from its file names: the first file without folders and extensions
/// (`.gz`, `.csv`, `.tsv`, `.txt`), "+ N" when there are more.
pub fn default_name(files: &[String]) -> String {
    let Some(first) = files.first() else {
        return "dataset".into();
    };
    let mut stem = first.rsplit(['/', '\\']).next().unwrap_or(first).trim();
    for ext in [".gz", ".csv", ".tsv", ".txt"] {
        if stem.len() > ext.len() && stem.to_ascii_lowercase().ends_with(ext) {
            stem = &stem[..stem.len() - ext.len()];
        }
    }
    let stem = if stem.is_empty() { "dataset" } else { stem };
    let name = if files.len() > 1 {
        format!("{stem} + {}", files.len() - 1)
    } else {
        stem.to_string()
    };
    clean_name(&name).unwrap_or_else(|| "dataset".into())
}

/// A typed name, trimmed, inner whitespace collapsed and cut to [`MAX_NAME_CHARS`];
/// `None` when nothing is left.
pub fn clean_name(typed: &str) -> Option<String> {
    let name: String = typed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// `base`, or `base (2)`, `base (3)` … — the first not in `taken`.
pub fn unique_name(base: &str, taken: &[&str]) -> String {
    if !taken.contains(&base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|c| !taken.contains(&c.as_str()))
        .unwrap_or_else(|| base.to_string())
}

/// A new dataset id: `d` + the time in ms, with a suffix if that is taken.
pub fn new_id(now_ms: f64, taken: &[&str]) -> String {
    let base = format!("d{}", now_ms.max(0.0) as u64);
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken.contains(&c.as_str()))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::overview::Kpis;

    #[test]
    fn meta_of_this_format_reads() {
        let m = read_meta(r#"{"format":1,"current":"d12"}"#).unwrap();
        assert_eq!(m, Meta::new(Some("d12".into())));
        // The open dataset is optional; unknown fields (a later additive change) are ignored.
        let m = read_meta(r#"{"format":1,"later":true}"#).unwrap();
        assert_eq!(m.current, None);
        let json = serde_json::to_string(&Meta::new(Some("x".into()))).unwrap();
        assert_eq!(read_meta(&json).unwrap().current.as_deref(), Some("x"));
        // Without loose settings the record is what it was before they existed.
        assert_eq!(json, r#"{"format":1,"current":"x"}"#);
    }

    #[test]
    fn settings_with_no_dataset_open_round_trip() {
        let mut meta = Meta::new(None);
        meta.settings = Some(PageSettings {
            marketing: Some(MarketingInputs {
                mmm_budget: "31000".into(),
                ..MarketingInputs::default()
            }),
            series_file: Some(SeriesFileInputs {
                horizon: "9".into(),
                ..SeriesFileInputs::default()
            }),
            ..PageSettings::default()
        });
        let back = read_meta(&serde_json::to_string(&meta).unwrap()).unwrap();
        assert_eq!(back, meta);
        let s = back.settings.unwrap();
        assert_eq!(s.marketing.unwrap().mmm_budget, "31000");
        assert_eq!(s.series_file.unwrap().horizon, "9");
    }

    #[test]
    fn marketing_inputs_read_from_older_and_partial_records() {
        // A record saved before the Marketing inputs were kept: the page's defaults.
        let s: PageSettings = serde_json::from_str(r#"{"forecast":null}"#).unwrap();
        assert_eq!(s.marketing, None);
        // Partly filled: the rest takes the defaults (13 weeks, 5 % minimum effect).
        let s: PageSettings =
            serde_json::from_str(r#"{"marketing":{"mmm_budget":"50000","promo_weekly":true}}"#)
                .unwrap();
        let m = s.marketing.unwrap();
        assert_eq!(
            (
                m.mmm_budget.as_str(),
                m.mmm_weeks.as_str(),
                m.ab_mde.as_str()
            ),
            ("50000", "13", "5")
        );
        assert!(m.promo_weekly);
        let back: PageSettings = serde_json::from_str(
            &serde_json::to_string(&PageSettings {
                marketing: Some(m.clone()),
                ..Default::default()
            })
            .unwrap(),
        )
        .unwrap();
        assert_eq!(back.marketing, Some(m));
    }

    #[test]
    fn series_file_inputs_read_from_older_and_partial_records() {
        // Saved before the series-file inputs were kept: none, the card shows its defaults.
        let s: PageSettings = serde_json::from_str(r#"{"forecast":null}"#).unwrap();
        assert_eq!(s.series_file, None);
        // The card's defaults: 12 periods ahead, season inferred, the automatic model.
        let d = SeriesFileInputs::default();
        assert_eq!(
            (d.horizon.as_str(), d.season.as_str(), d.model.as_str()),
            ("12", "", "auto")
        );
        let s: PageSettings = serde_json::from_str(r#"{"series_file":{"model":"theta"}}"#).unwrap();
        let i = s.series_file.unwrap();
        assert_eq!(
            (i.horizon.as_str(), i.season.as_str(), i.model.as_str()),
            ("12", "", "theta")
        );
    }

    #[test]
    fn other_formats_are_refused_with_the_version_found() {
        assert_eq!(
            read_meta(r#"{"format":0,"current":"d1"}"#),
            Err(SessionError::Older { found: 0 })
        );
        assert_eq!(
            read_meta(r#"{"format":7}"#),
            Err(SessionError::Newer { found: 7 })
        );
        assert!(matches!(
            read_meta(r#"{"current":"d1"}"#),
            Err(SessionError::Unreadable(m)) if m.contains("no storage-format version")
        ));
        assert!(matches!(
            read_meta("not json"),
            Err(SessionError::Unreadable(_))
        ));
        assert!(matches!(
            read_meta(r#"{"format":"1"}"#),
            Err(SessionError::Unreadable(_))
        ));
        // Right version, wrong shape.
        assert!(matches!(
            read_meta(r#"{"format":1,"current":5}"#),
            Err(SessionError::Unreadable(_))
        ));
        assert_eq!(
            SessionError::Older { found: 0 }.to_string(),
            "the stored session has the older storage format 0 (this version reads 1)"
        );
    }

    #[test]
    fn a_record_round_trips_and_a_minimal_one_reads_with_defaults() {
        let rec = DatasetRecord {
            id: "d1".into(),
            name: "shop 2025".into(),
            files: vec![StoredFile {
                name: "orders.csv".into(),
                bytes: 1234,
            }],
            created_ms: 1.7e12,
            kept_rows: 99,
            date_min: Some("2025-01-01".into()),
            date_max: Some("2025-12-31".into()),
            mappings: vec![],
            remove_duplicates: true,
            settings: PageSettings {
                forecast: Some(ForecastParams {
                    horizon: 20,
                    ..ForecastParams::default()
                }),
                compare_with: Some("d2".into()),
                ..PageSettings::default()
            },
            overview: Some(OverviewReport {
                kpis: Kpis {
                    revenue: 10.5,
                    orders: 3,
                    ..Kpis::default()
                },
                ..OverviewReport::default()
            }),
        };
        let json = serde_json::to_string(&rec).unwrap();
        let back = read_record(&json).unwrap();
        assert_eq!(back, rec);
        assert_eq!(back.settings.forecast.map(|f| f.horizon), Some(20));

        let old = read_record(r#"{"id":"d0","name":"old"}"#).unwrap();
        assert_eq!(old.name, "old");
        assert!(old.files.is_empty());
        assert!(!old.remove_duplicates);
        assert_eq!(old.settings, PageSettings::default());
        assert!(old.overview.is_none());
        // A settings object missing pages leaves them unset.
        let partial =
            read_record(r#"{"id":"d0","name":"p","settings":{"overview":{"date_from":"2011-06-01","date_to":null}}}"#)
                .unwrap();
        assert_eq!(
            partial
                .settings
                .overview
                .and_then(|o| o.date_from)
                .as_deref(),
            Some("2011-06-01")
        );
        assert!(partial.settings.customers.is_none());
        assert!(read_record(r#"{"name":"no id"}"#).is_err());
    }

    #[test]
    fn names_come_from_the_file_and_stay_unique() {
        assert_eq!(
            default_name(&["online_retail_sample.csv.gz".into()]),
            "online_retail_sample"
        );
        assert_eq!(default_name(&["C:\\exports\\Orders.CSV".into()]), "Orders");
        assert_eq!(
            default_name(&["jan.csv".into(), "feb.csv".into(), "mar.csv".into()]),
            "jan + 2"
        );
        assert_eq!(default_name(&[".csv".into()]), ".csv");
        assert_eq!(default_name(&[]), "dataset");
        assert_eq!(default_name(&["   ".into()]), "dataset");

        assert_eq!(clean_name("  shop   2025 "), Some("shop 2025".into()));
        assert_eq!(clean_name(" \t "), None);
        assert_eq!(
            clean_name(&"x".repeat(200)).map(|s| s.chars().count()),
            Some(MAX_NAME_CHARS)
        );

        assert_eq!(unique_name("shop", &[]), "shop");
        assert_eq!(unique_name("shop", &["shop"]), "shop (2)");
        assert_eq!(unique_name("shop", &["shop", "shop (2)"]), "shop (3)");

        assert_eq!(new_id(1700.9, &[]), "d1700");
        assert_eq!(new_id(1700.0, &["d1700"]), "d1700-1");
        assert_eq!(new_id(-5.0, &[]), "d0");
    }
}
