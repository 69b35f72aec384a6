//! Messages between the UI (main thread) and the Web Worker.
//!
//! Every message is a JS object `{ json: string, files?: Blob[] }`: `json` is one of the enums
//! below serialised with serde_json; file handles travel beside it (they cannot be serialised,
//! and posting a `Blob` to a worker copies no bytes). Reports are small; the tables stay in the
//! worker.

use crate::analytics::action::{ActionParams, ActionPlan};
use crate::analytics::basket::{BasketParams, BasketReport};
use crate::analytics::customers::{CustomerProfile, CustomersParams, CustomersReport};
use crate::analytics::forecast::{
    ForecastParams, ForecastReport, NamedSeries, SeriesFileParams, SeriesFileReport,
    SeriesForecast, Shard, TableRow,
};
use crate::analytics::inventory::{InventoryParams, InventoryReport};
use crate::analytics::marketing::elasticity::{ElasticityParams, ElasticityReport, ElasticitySpec};
use crate::analytics::marketing::experiment::{ExperimentReport, ExperimentSpec};
use crate::analytics::marketing::mmm::{MmmParams, MmmReport, SpendSpec};
use crate::analytics::marketing::promo::{PromoParams, PromoReport, PromoSpec};
use crate::analytics::marketing::responders::{RespondersParams, RespondersReport};
use crate::analytics::overview::{OverviewParams, OverviewReport};
use crate::analytics::recommend::{RecommendParams, RecommendReport};
use crate::data::{CleaningReport, ImportOptions};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Main thread → worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Import the attached files (in order) into a new dataset. The previous dataset stays
    /// in place until the new one is complete, so a cancelled import loses nothing.
    Import {
        job: u32,
        names: Vec<String>,
        options: ImportOptions,
    },
    /// Compute the overview for the current dataset.
    Overview { job: u32, params: OverviewParams },
    /// Run one pillar's analysis on the current dataset.
    Analyze { job: u32, task: Box<Task> },
    /// Stop the running job `job` (an import, or an analysis that runs in slices) as soon as
    /// possible; the previous results stay.
    Cancel { job: u32 },
}

/// A pillar analysis the worker can run.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Task {
    Customers {
        params: CustomersParams,
    },
    /// One customer's drawer (uses the last customers report).
    CustomerProfile {
        customer_id: String,
    },
    Basket {
        params: BasketParams,
    },
    Recommend {
        params: RecommendParams,
    },
    /// Forecasts with full detail (history, intervals, backtest, leaderboard) for the series
    /// `params` selects: the total, every category, or the SKUs listed.
    Forecast {
        params: ForecastParams,
    },
    /// The next-period table for every series of `params.level` (e.g. all SKUs): runs in
    /// slices with progress, and stops between slices on `Cancel`.
    ForecastAll {
        params: ForecastParams,
    },
    /// Forecast every series of the attached long series file (`files[0]`, named `file`):
    /// runs in slices with progress, stops between slices on `Cancel`; scored against the
    /// file's `test` rows when it has them. Needs no imported orders.
    SeriesFile {
        file: String,
        params: SeriesFileParams,
    },
    /// One part of a series-file forecast, for a helper worker: the worker that got
    /// [`Task::SeriesFile`] spawns one helper per further core and sends each the same file
    /// and one [`Shard`]; the reply is [`AnalysisReport::SeriesFileShard`].
    SeriesFileShard {
        file: String,
        params: SeriesFileParams,
        shard: Shard,
    },
    /// One part of an all-series table, for a helper worker: the worker that got
    /// [`Task::ForecastAll`] aggregates the orders, spawns one helper per further core and
    /// sends each its share of the series ([`crate::analytics::forecast::table_shard`]); the
    /// reply is [`AnalysisReport::ForecastShard`].
    ForecastShard {
        series: Vec<NamedSeries>,
        params: ForecastParams,
    },
    /// Which customer groups bought during a promotion (CART on the customer features).
    Responders {
        params: RespondersParams,
    },
    /// Inventory policies and purchase plan from the imported orders, with the attached
    /// inventory file (`files[0]`, named `stock_file`) when given.
    Inventory {
        params: InventoryParams,
        stock_file: Option<String>,
    },
    /// Media-mix model of the attached spend files (`files[k]` named `files[k]` here: one,
    /// or one per ad platform); revenue from a revenue column, or from the imported orders
    /// when `revenue_from_orders`.
    Mmm {
        files: Vec<String>,
        spec: SpendSpec,
        params: MmmParams,
        revenue_from_orders: bool,
    },
    /// A/B analysis of the attached experiment file (`files[0]`, named `file`), or of typed
    /// counts `(variant, users, conversions)` when no file is attached.
    Experiment {
        file: Option<String>,
        counts: Option<Vec<(String, u64, u64)>>,
        spec: ExperimentSpec,
    },
    /// Price elasticity of the attached price table (`files[0]`, named `file`), or of the
    /// imported orders (per SKU × week) when `file` is `None`.
    Elasticity {
        file: Option<String>,
        spec: ElasticitySpec,
        skus: Option<Vec<String>>,
        params: ElasticityParams,
    },
    /// Promotion lift of the attached table's flag column (`files[0]`), or of the imported
    /// orders over the days `from..=to` (days since 1970-01-01) when `file` is `None`.
    Promo {
        file: Option<String>,
        spec: PromoSpec,
        range: Option<(i64, i64)>,
        skus: Option<Vec<String>>,
        period_days: i64,
        params: PromoParams,
    },
    /// The action plan: runs customers, recommendations (for the win-back list) and inventory
    /// with default parameters, plus the MMM of the attached spend file (`spend_file`) and
    /// the promotion lift of the attached promotion file (`promo_file`) when given — files in
    /// that order — or reuses finished `mmm` / `promo` reports. Reports progress.
    ActionPlan {
        params: ActionParams,
        spend_file: Option<String>,
        promo_file: Option<String>,
        mmm: Option<Box<MmmReport>>,
        promo: Option<Box<PromoReport>>,
    },
}

impl Task {
    /// Whether the task reads the imported order data.
    pub fn needs_dataset(&self) -> bool {
        match self {
            Task::Mmm {
                revenue_from_orders,
                ..
            } => *revenue_from_orders,
            Task::Experiment { .. }
            | Task::SeriesFile { .. }
            | Task::SeriesFileShard { .. }
            | Task::ForecastShard { .. } => false,
            Task::Elasticity { file, .. } | Task::Promo { file, .. } => file.is_none(),
            _ => true,
        }
    }
}

/// The result of a [`Task`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnalysisReport {
    Customers {
        report: Box<CustomersReport>,
    },
    CustomerProfile {
        profile: Box<CustomerProfile>,
    },
    Basket {
        report: Box<BasketReport>,
    },
    Recommend {
        report: Box<RecommendReport>,
    },
    Forecast {
        report: Box<ForecastReport>,
    },
    ForecastAll {
        report: Box<ForecastReport>,
    },
    SeriesFile {
        report: Box<SeriesFileReport>,
    },
    /// The forecasts of one [`Task::SeriesFileShard`], in file order.
    SeriesFileShard {
        forecasts: Vec<SeriesForecast>,
    },
    /// The table rows of one [`Task::ForecastShard`], in its series' order.
    ForecastShard {
        table: Vec<TableRow>,
    },
    Inventory {
        report: Box<InventoryReport>,
    },
    Responders {
        report: Box<RespondersReport>,
    },
    Mmm {
        report: Box<MmmReport>,
    },
    Experiment {
        report: Box<ExperimentReport>,
    },
    Elasticity {
        report: Box<ElasticityReport>,
    },
    Promo {
        report: Box<PromoReport>,
    },
    ActionPlan {
        plan: Box<ActionPlan>,
    },
}

/// Worker → main thread.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Response {
    /// The worker has loaded and listens (messages sent before are lost).
    Ready,
    Progress {
        job: u32,
        file: String,
        file_index: usize,
        files: usize,
        bytes_done: u64,
        bytes_total: u64,
        rows: u64,
    },
    /// Progress of a long analysis (`done` of `total` units of work, e.g. series).
    TaskProgress {
        job: u32,
        done: usize,
        total: usize,
    },
    Imported {
        job: u32,
        report: Box<CleaningReport>,
        millis: f64,
    },
    Overview {
        job: u32,
        report: Box<OverviewReport>,
    },
    Report {
        job: u32,
        report: AnalysisReport,
        millis: f64,
    },
    Cancelled {
        job: u32,
    },
    /// The message is a catalogue sentence (a plain string from an older worker reads as
    /// verbatim text).
    Failed {
        job: u32,
        message: Text,
    },
}
