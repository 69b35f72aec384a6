//! Application state shared by all pages (signals only; the data itself lives in the worker).

use crate::analytics::action::{ActionParams, ActionPlan};
use crate::analytics::basket::{BasketParams, BasketReport};
use crate::analytics::customers::{CustomerProfile, CustomersParams, CustomersReport};
use crate::analytics::forecast::{ForecastParams, ForecastReport, SeriesFileReport};
use crate::analytics::inventory::{InventoryParams, InventoryReport};
use crate::analytics::marketing::elasticity::ElasticityReport;
use crate::analytics::marketing::experiment::ExperimentReport;
use crate::analytics::marketing::mmm::MmmReport;
use crate::analytics::marketing::promo::PromoReport;
use crate::analytics::marketing::responders::RespondersReport;
use crate::analytics::overview::{OverviewParams, OverviewReport};
use crate::analytics::recommend::{ModelConfig, RecommendParams, RecommendReport};
use crate::data::{CleaningReport, MappingOverride};
use crate::session::DatasetRecord;
use leptos::prelude::*;

/// Progress of the running import.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub job: u32,
    pub file: String,
    pub file_index: usize,
    pub files: usize,
    pub bytes_done: u64,
    pub bytes_total: u64,
    pub rows: u64,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// Cleaning report of the current dataset.
    pub report: RwSignal<Option<CleaningReport>>,
    pub import_millis: RwSignal<Option<f64>>,
    pub overview: RwSignal<Option<OverviewReport>>,
    pub overview_params: RwSignal<OverviewParams>,
    /// Running import, if any.
    pub progress: RwSignal<Option<Progress>>,
    /// The error banner's message: a sentence, rendered in the language of the moment (so
    /// it follows a language switch).
    pub error: RwSignal<Option<crate::text::Text>>,
    /// Remove exact duplicate lines on (re-)import.
    pub remove_duplicates: RwSignal<bool>,
    /// Mappings confirmed by the user (persisted in localStorage).
    pub mappings: RwSignal<Vec<MappingOverride>>,
    /// A navigation requested from outside a component.
    pub navigate_to: RwSignal<Option<String>>,
    /// Bumped on every finished import: pillar reports of an older generation are stale.
    pub dataset_gen: RwSignal<u32>,
    /// Customers page.
    pub customers: RwSignal<Option<Pillar<CustomersReport>>>,
    pub customers_params: RwSignal<CustomersParams>,
    pub customers_busy: RwSignal<bool>,
    pub profile: RwSignal<Option<CustomerProfile>>,
    /// Products page.
    pub basket: RwSignal<Option<Pillar<BasketReport>>>,
    pub basket_params: RwSignal<BasketParams>,
    pub basket_busy: RwSignal<bool>,
    pub recommend: RwSignal<Option<Pillar<RecommendReport>>>,
    pub recommend_params: RwSignal<RecommendParams>,
    pub recommend_busy: RwSignal<bool>,
    /// Forecast page: the detailed series and the all-series table.
    pub forecast: RwSignal<Option<Pillar<ForecastReport>>>,
    pub forecast_params: RwSignal<ForecastParams>,
    pub forecast_busy: RwSignal<bool>,
    pub forecast_all: RwSignal<Option<Pillar<ForecastReport>>>,
    pub forecast_all_busy: RwSignal<bool>,
    /// Progress of the all-series forecast: (series done, total).
    pub forecast_all_progress: RwSignal<Option<(usize, usize)>>,
    /// The Forecast page's series-file forecast (independent of the imported orders).
    pub series_file: RwSignal<Option<Pillar<SeriesFileReport>>>,
    pub series_file_busy: RwSignal<bool>,
    /// Progress of the series-file forecast: (series done, total).
    pub series_file_progress: RwSignal<Option<(usize, usize)>>,
    /// Marketing page: media-mix model and experiment (they read their own files, so they
    /// survive an order import).
    pub mmm: RwSignal<Option<Pillar<MmmReport>>>,
    pub mmm_busy: RwSignal<bool>,
    pub experiment: RwSignal<Option<Pillar<ExperimentReport>>>,
    pub experiment_busy: RwSignal<bool>,
    pub elasticity: RwSignal<Option<Pillar<ElasticityReport>>>,
    pub elasticity_busy: RwSignal<bool>,
    pub promo: RwSignal<Option<Pillar<PromoReport>>>,
    pub promo_busy: RwSignal<bool>,
    pub responders: RwSignal<Option<Pillar<RespondersReport>>>,
    pub responders_busy: RwSignal<bool>,
    /// Inventory page.
    pub inventory: RwSignal<Option<Pillar<InventoryReport>>>,
    pub inventory_params: RwSignal<InventoryParams>,
    pub inventory_busy: RwSignal<bool>,
    pub inventory_progress: RwSignal<Option<(usize, usize)>>,
    /// Stored session (`ui::persist`): the named datasets, the open one, the one being
    /// restored (its name), whether the stored settings were read, a storage message, the
    /// name typed for the next import, and the dataset the Overview compares with.
    pub datasets: RwSignal<Vec<DatasetRecord>>,
    pub current_dataset: RwSignal<Option<String>>,
    pub restoring: RwSignal<Option<String>>,
    pub hydrated: RwSignal<bool>,
    pub notice: RwSignal<Option<String>>,
    pub import_name: RwSignal<String>,
    pub compare_with: RwSignal<Option<String>>,
    /// Action plan page.
    pub action: RwSignal<Option<Pillar<ActionPlan>>>,
    pub action_params: RwSignal<ActionParams>,
    /// The Marketing page's inputs (saved with the session).
    pub marketing_inputs: RwSignal<crate::session::MarketingInputs>,
    /// The Forecast page's series-file inputs (stored with the page settings).
    pub series_file_inputs: RwSignal<crate::session::SeriesFileInputs>,
    /// Bumped when a Marketing file (`ui::side_files`) is chosen, restored or dropped.
    pub side_files_gen: RwSignal<u32>,
    pub action_busy: RwSignal<bool>,
    pub action_progress: RwSignal<Option<(usize, usize)>>,
}

/// A pillar report with the dataset generation it was computed on and how long it took.
#[derive(Debug, Clone, PartialEq)]
pub struct Pillar<T> {
    pub gen: u32,
    pub millis: f64,
    pub report: T,
}

impl AppState {
    pub fn new() -> Self {
        Self {
            report: RwSignal::new(None),
            import_millis: RwSignal::new(None),
            overview: RwSignal::new(None),
            overview_params: RwSignal::new(OverviewParams::default()),
            progress: RwSignal::new(None),
            error: RwSignal::new(None),
            remove_duplicates: RwSignal::new(false),
            mappings: RwSignal::new(crate::ui::bridge::load_mappings()),
            navigate_to: RwSignal::new(None),
            dataset_gen: RwSignal::new(0),
            customers: RwSignal::new(None),
            customers_params: RwSignal::new(CustomersParams::default()),
            customers_busy: RwSignal::new(false),
            profile: RwSignal::new(None),
            basket: RwSignal::new(None),
            basket_params: RwSignal::new(page_basket_params()),
            basket_busy: RwSignal::new(false),
            recommend: RwSignal::new(None),
            recommend_params: RwSignal::new(page_recommend_params()),
            recommend_busy: RwSignal::new(false),
            forecast: RwSignal::new(None),
            forecast_params: RwSignal::new(ForecastParams::default()),
            forecast_busy: RwSignal::new(false),
            forecast_all: RwSignal::new(None),
            forecast_all_busy: RwSignal::new(false),
            forecast_all_progress: RwSignal::new(None),
            series_file: RwSignal::new(None),
            series_file_busy: RwSignal::new(false),
            series_file_progress: RwSignal::new(None),
            mmm: RwSignal::new(None),
            mmm_busy: RwSignal::new(false),
            experiment: RwSignal::new(None),
            experiment_busy: RwSignal::new(false),
            elasticity: RwSignal::new(None),
            elasticity_busy: RwSignal::new(false),
            promo: RwSignal::new(None),
            promo_busy: RwSignal::new(false),
            responders: RwSignal::new(None),
            responders_busy: RwSignal::new(false),
            inventory: RwSignal::new(None),
            inventory_params: RwSignal::new(InventoryParams::default()),
            inventory_busy: RwSignal::new(false),
            inventory_progress: RwSignal::new(None),
            datasets: RwSignal::new(Vec::new()),
            current_dataset: RwSignal::new(None),
            restoring: RwSignal::new(None),
            hydrated: RwSignal::new(false),
            notice: RwSignal::new(None),
            import_name: RwSignal::new(String::new()),
            compare_with: RwSignal::new(None),
            action: RwSignal::new(None),
            action_params: RwSignal::new(ActionParams::default()),
            marketing_inputs: RwSignal::new(crate::session::MarketingInputs::default()),
            series_file_inputs: RwSignal::new(crate::session::SeriesFileInputs::default()),
            side_files_gen: RwSignal::new(0),
            action_busy: RwSignal::new(false),
            action_progress: RwSignal::new(None),
        }
    }

    /// The money symbol of the imported orders: their one currency's (`$` for `USD`), none
    /// when they name no currency or several ([`crate::data::numbers::data_currency_symbol`]).
    pub fn money_symbol(&self) -> String {
        self.report.with(|r| {
            r.as_ref()
                .map(|r| crate::data::numbers::data_currency_symbol(&r.currencies))
                .unwrap_or_default()
        })
    }

    /// Drop the loaded data, its reports and every page setting (the dataset list, the
    /// remembered mappings and the storage message stay).
    pub fn reset_data(&self) {
        self.report.set(None);
        self.import_millis.set(None);
        self.overview.set(None);
        self.overview_params.set(OverviewParams::default());
        self.progress.set(None);
        self.error.set(None);
        self.remove_duplicates.set(false);
        self.dataset_gen.update(|g| *g += 1);
        self.customers.set(None);
        self.customers_params.set(CustomersParams::default());
        self.profile.set(None);
        self.basket.set(None);
        self.basket_params.set(page_basket_params());
        self.recommend.set(None);
        self.recommend_params.set(page_recommend_params());
        self.forecast.set(None);
        self.forecast_params.set(ForecastParams::default());
        self.forecast_all.set(None);
        self.forecast_all_progress.set(None);
        self.series_file.set(None);
        self.series_file_progress.set(None);
        self.mmm.set(None);
        self.experiment.set(None);
        self.elasticity.set(None);
        self.promo.set(None);
        self.responders.set(None);
        self.inventory.set(None);
        self.inventory_params.set(InventoryParams::default());
        self.inventory_progress.set(None);
        self.action.set(None);
        self.action_params.set(ActionParams::default());
        self.marketing_inputs.set(Default::default());
        self.series_file_inputs.set(Default::default());
        self.action_progress.set(None);
        for busy in [
            self.customers_busy,
            self.basket_busy,
            self.recommend_busy,
            self.forecast_busy,
            self.forecast_all_busy,
            self.series_file_busy,
            self.mmm_busy,
            self.experiment_busy,
            self.elasticity_busy,
            self.promo_busy,
            self.responders_busy,
            self.inventory_busy,
            self.action_busy,
        ] {
            busy.set(false);
        }
        self.current_dataset.set(None);
        self.restoring.set(None);
        self.import_name.set(String::new());
        self.compare_with.set(None);
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The Products page's basket settings: denser rules than the core's defaults, capped for the
/// browser.
fn page_basket_params() -> BasketParams {
    BasketParams {
        min_support: 0.02,
        min_confidence: 0.3,
        max_rules: 2000,
        max_itemsets: 5000,
        ..BasketParams::default()
    }
}

/// In the browser: EASE with the hyper-parameters the training-period tuning picks on shop
/// data like the sample (no grid search: each EASE fit inverts an items × items matrix), and
/// a lighter ALS.
fn page_recommend_params() -> RecommendParams {
    RecommendParams {
        top_n: 10,
        config: ModelConfig {
            ease_lambda: Some(300.0),
            recency_days: Some(90.0),
            recent_popularity_weight: Some(0.1),
            als_factors: 32,
            als_iterations: 8,
            ..ModelConfig::default()
        },
        ..RecommendParams::default()
    }
}

/// An input's signal kept in step with a field of stored settings (`store`), both ways: every
/// change of the input is written back (so the value survives a reload, a language switch and
/// a page change), and a change of the stored settings while the page is shown (a session
/// restored after the page mounted, when storage is slow to answer; "Forget this data") shows
/// in the input.
pub fn kept<S, T>(store: RwSignal<S>, get: fn(&S) -> T, set: fn(&mut S, T)) -> RwSignal<T>
where
    S: Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let value = RwSignal::new(store.with_untracked(get));
    Effect::new(move |_| {
        let v = value.get();
        if store.with_untracked(|m| get(m) != v) {
            store.update(|m| set(m, v));
        }
    });
    Effect::new(move |_| {
        let v = store.with(get);
        if value.with_untracked(|x| *x != v) {
            value.set(v);
        }
    });
    value
}
