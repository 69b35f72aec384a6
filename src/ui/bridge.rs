//! The main thread's side of the worker protocol: spawns the worker, sends requests, and turns
//! responses into signal updates. Keeps the current files so a changed mapping can re-import.

use super::state::Pillar;
use super::state::{AppState, Progress};
use crate::analytics::overview::OverviewParams;
use crate::data::{ImportOptions, MappingOverride};
use crate::protocol::{AnalysisReport, Request, Response, Task};
use crate::text::Text;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, MessageEvent, Worker};

const MAPPINGS_KEY: &str = "shoplens.mappings.v1";

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static READY: Cell<bool> = const { Cell::new(false) };
    /// Messages sent before the worker said it is ready.
    static PENDING: RefCell<Vec<JsValue>> = const { RefCell::new(Vec::new()) };
    static NEXT_JOB: Cell<u32> = const { Cell::new(1) };
    /// Files of the current dataset (name, handle), kept for re-imports.
    static FILES: RefCell<Vec<(String, Blob)>> = const { RefCell::new(Vec::new()) };
    /// Latest job of each kind; older replies are ignored.
    static IMPORT_JOB: Cell<u32> = const { Cell::new(0) };
    static OVERVIEW_JOB: Cell<u32> = const { Cell::new(0) };
    /// Latest job per task kind (index from `task_slot`).
    static TASK_JOBS: RefCell<[u32; SLOTS]> = const { RefCell::new([0; SLOTS]) };
    /// Whether the running import should navigate to the overview when done.
    static NAVIGATE_AFTER: Cell<bool> = const { Cell::new(false) };
    static IMPORT_KIND: Cell<ImportKind> = const { Cell::new(ImportKind::New) };
}

/// What the running import is (`ui::persist` stores a new dataset, updates the open one, or
/// only takes note of a restored one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// Files just chosen: a new dataset.
    New,
    /// The current files again (a mapping or the duplicate flag changed).
    Reimport,
    /// A stored dataset read back from IndexedDB (startup, or switching datasets).
    Restore,
}

fn next_job() -> u32 {
    NEXT_JOB.with(|n| {
        let j = n.get();
        n.set(j + 1);
        j
    })
}

/// Spawn the worker (trunk builds it with a loader shim next to the page).
pub fn start(state: AppState) {
    let worker = match Worker::new("./worker_loader.js") {
        Ok(w) => w,
        Err(e) => {
            state.error.set(Some(
                Text::new("common.ui.worker_start").str("error", format!("{e:?}")),
            ));
            return;
        }
    };
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let json = js_sys::Reflect::get(&ev.data(), &"json".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        match serde_json::from_str::<Response>(&json) {
            Ok(resp) => on_response(state, resp),
            Err(e) => state.error.set(Some(
                Text::new("common.ui.bad_reply").str("error", e.to_string()),
            )),
        }
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let onerror = Closure::<dyn Fn(web_sys::Event)>::new(move |_ev: web_sys::Event| {
        state.progress.set(None);
        state.error.set(Some(Text::new("common.ui.worker_stopped")));
    });
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    WORKER.with(|w| *w.borrow_mut() = Some(worker));
}

fn send(req: &Request, files: Option<&[Blob]>) {
    let msg = js_sys::Object::new();
    let json = serde_json::to_string(req).unwrap_or_default();
    let _ = js_sys::Reflect::set(&msg, &"json".into(), &json.into());
    if let Some(files) = files {
        let arr = js_sys::Array::new();
        for f in files {
            arr.push(f);
        }
        let _ = js_sys::Reflect::set(&msg, &"files".into(), &arr);
    }
    let msg: JsValue = msg.into();
    if READY.with(Cell::get) {
        WORKER.with(|w| {
            if let Some(w) = w.borrow().as_ref() {
                let _ = w.post_message(&msg);
            }
        });
    } else {
        PENDING.with(|p| p.borrow_mut().push(msg));
    }
}

fn on_response(state: AppState, resp: Response) {
    match resp {
        Response::Ready => {
            READY.with(|r| r.set(true));
            let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
            WORKER.with(|w| {
                if let Some(w) = w.borrow().as_ref() {
                    for m in pending {
                        let _ = w.post_message(&m);
                    }
                }
            });
        }
        Response::Progress {
            job,
            file,
            file_index,
            files,
            bytes_done,
            bytes_total,
            rows,
        } => {
            if job == IMPORT_JOB.with(Cell::get) {
                state.progress.set(Some(Progress {
                    job,
                    file,
                    file_index,
                    files,
                    bytes_done,
                    bytes_total,
                    rows,
                }));
            }
        }
        Response::TaskProgress { job, done, total } => {
            for slot in 0..SLOTS {
                if is_latest(slot, job) {
                    if let Some(p) = progress_signal(state, slot) {
                        p.set(Some((done, total)));
                    }
                }
            }
        }
        Response::Imported {
            job,
            report,
            millis,
        } => {
            if job != IMPORT_JOB.with(Cell::get) {
                return;
            }
            let kind = IMPORT_KIND.with(Cell::get);
            state.progress.set(None);
            state.error.set(None);
            state.report.set(Some(*report));
            state.dataset_gen.update(|g| *g += 1);
            state.customers.set(None);
            state.profile.set(None);
            state.basket.set(None);
            state.recommend.set(None);
            state.forecast.set(None);
            state.forecast_all.set(None);
            state.elasticity.set(None);
            state.inventory.set(None);
            state.responders.set(None);
            state.promo.set(None);
            state.action.set(None);
            state.import_millis.set(Some(millis));
            if kind != ImportKind::Restore {
                // Settings naming rows of the previous data; a restored dataset keeps its own.
                state.basket_params.update(|p| p.focus_item = None);
                state.forecast_params.update(|p| p.skus = None);
                state.overview_params.set(OverviewParams::default());
            }
            request_overview(state.overview_params.get_untracked());
            state.restoring.set(None);
            let files = FILES.with(|f| f.borrow().clone());
            super::persist::on_imported(state, kind, files);
            if NAVIGATE_AFTER.with(Cell::get) {
                state.navigate_to.set(Some("/overview".into()));
            }
        }
        Response::Overview { job, report } => {
            if job == OVERVIEW_JOB.with(Cell::get) {
                super::persist::on_overview(state, &report);
                state.overview.set(Some(*report));
            }
        }
        Response::Report {
            job,
            report,
            millis,
        } => {
            let gen = state.dataset_gen.get_untracked();
            let slot = report_slot(&report);
            if !is_latest(slot, job) {
                return;
            }
            if let Some(busy) = busy_signal(state, slot) {
                busy.set(false);
            }
            if let Some(p) = progress_signal(state, slot) {
                p.set(None);
            }
            match report {
                AnalysisReport::Customers { report } => land(state.customers, gen, millis, *report),
                AnalysisReport::CustomerProfile { profile } => state.profile.set(Some(*profile)),
                AnalysisReport::Basket { report } => land(state.basket, gen, millis, *report),
                AnalysisReport::Recommend { report } => land(state.recommend, gen, millis, *report),
                AnalysisReport::Forecast { report } => land(state.forecast, gen, millis, *report),
                AnalysisReport::ForecastAll { report } => {
                    land(state.forecast_all, gen, millis, *report)
                }
                AnalysisReport::SeriesFile { report } => {
                    land(state.series_file, gen, millis, *report)
                }
                // Only helper workers send parts, to the worker that spawned them.
                AnalysisReport::SeriesFileShard { .. } | AnalysisReport::ForecastShard { .. } => {}
                AnalysisReport::Mmm { report } => land(state.mmm, gen, millis, *report),
                AnalysisReport::Experiment { report } => {
                    land(state.experiment, gen, millis, *report)
                }
                AnalysisReport::Elasticity { report } => {
                    land(state.elasticity, gen, millis, *report)
                }
                AnalysisReport::Promo { report } => land(state.promo, gen, millis, *report),
                AnalysisReport::Inventory { report } => land(state.inventory, gen, millis, *report),
                AnalysisReport::Responders { report } => {
                    land(state.responders, gen, millis, *report)
                }
                AnalysisReport::ActionPlan { plan } => land(state.action, gen, millis, *plan),
            }
        }
        Response::Cancelled { job } => {
            for slot in 0..SLOTS {
                if is_latest(slot, job) {
                    release_slot(state, slot);
                }
            }
            if job == IMPORT_JOB.with(Cell::get) {
                state.progress.set(None);
                state.restoring.set(None);
                // The files of the cancelled import are not the current dataset.
                restore_previous_files();
            }
        }
        Response::Failed { job, message } => {
            for slot in 0..SLOTS {
                if is_latest(slot, job) {
                    release_slot(state, slot);
                }
            }
            if job == IMPORT_JOB.with(Cell::get) {
                state.progress.set(None);
                state.restoring.set(None);
                restore_previous_files();
            }
            state.error.set(Some(message));
        }
    }
}

thread_local! {
    static PREVIOUS_FILES: RefCell<Vec<(String, Blob)>> = const { RefCell::new(Vec::new()) };
}

fn restore_previous_files() {
    let prev = PREVIOUS_FILES.with(|p| std::mem::take(&mut *p.borrow_mut()));
    FILES.with(|f| *f.borrow_mut() = prev);
}

/// Import new files (replacing the current dataset once done).
pub fn import_files(state: AppState, files: Vec<(String, Blob)>) {
    if files.is_empty() {
        return;
    }
    let old = FILES.with(|f| std::mem::replace(&mut *f.borrow_mut(), files));
    PREVIOUS_FILES.with(|p| *p.borrow_mut() = old);
    NAVIGATE_AFTER.with(|n| n.set(true));
    IMPORT_KIND.with(|k| k.set(ImportKind::New));
    state.restoring.set(None);
    run_import(state);
}

/// Id of the latest import (changes whenever an import starts).
pub fn import_job() -> u32 {
    IMPORT_JOB.with(Cell::get)
}

/// Import a stored dataset (`name`) from its stored files, staying on the current page.
pub fn restore_files(state: AppState, files: Vec<(String, Blob)>, name: String) {
    if files.is_empty() {
        return;
    }
    let old = FILES.with(|f| std::mem::replace(&mut *f.borrow_mut(), files));
    PREVIOUS_FILES.with(|p| *p.borrow_mut() = old);
    NAVIGATE_AFTER.with(|n| n.set(false));
    IMPORT_KIND.with(|k| k.set(ImportKind::Restore));
    state.restoring.set(Some(name));
    run_import(state);
}

/// Stop the worker (dropping the dataset it holds) and start a fresh one ("Forget this data").
pub fn restart(state: AppState) {
    WORKER.with(|w| {
        if let Some(w) = w.borrow_mut().take() {
            w.terminate();
        }
    });
    READY.with(|r| r.set(false));
    PENDING.with(|p| p.borrow_mut().clear());
    FILES.with(|f| f.borrow_mut().clear());
    PREVIOUS_FILES.with(|p| p.borrow_mut().clear());
    IMPORT_JOB.with(|j| j.set(0));
    OVERVIEW_JOB.with(|j| j.set(0));
    TASK_JOBS.with(|j| *j.borrow_mut() = [0; SLOTS]);
    start(state);
}

/// Re-import the current files (after a mapping or option change).
pub fn reimport(state: AppState) {
    let current = FILES.with(|f| f.borrow().clone());
    PREVIOUS_FILES.with(|p| *p.borrow_mut() = current);
    NAVIGATE_AFTER.with(|n| n.set(false));
    IMPORT_KIND.with(|k| k.set(ImportKind::Reimport));
    state.restoring.set(None);
    run_import(state);
}

fn run_import(state: AppState) {
    let (names, blobs): (Vec<String>, Vec<Blob>) =
        FILES.with(|f| f.borrow().iter().cloned().unzip());
    if blobs.is_empty() {
        return;
    }
    let job = next_job();
    IMPORT_JOB.with(|j| j.set(job));
    let total: f64 = blobs.iter().map(Blob::size).sum();
    state.error.set(None);
    state.progress.set(Some(Progress {
        job,
        file: names.first().cloned().unwrap_or_default(),
        file_index: 0,
        files: names.len(),
        bytes_done: 0,
        bytes_total: total as u64,
        rows: 0,
    }));
    let options = ImportOptions {
        mapping_overrides: state.mappings.get_untracked(),
        date_order: None,
        remove_duplicates: state.remove_duplicates.get_untracked(),
    };
    send(
        &Request::Import {
            job,
            names,
            options,
        },
        Some(&blobs),
    );
}

/// Ask the worker to stop the running import; the previous dataset stays.
pub fn cancel_import(state: AppState) {
    let job = IMPORT_JOB.with(Cell::get);
    send(&Request::Cancel { job }, None);
    state.progress.set(None);
}

fn task_slot(task: &Task) -> usize {
    match task {
        Task::Customers { .. } => 0,
        Task::CustomerProfile { .. } => 1,
        Task::Basket { .. } => 2,
        Task::Recommend { .. } => 3,
        Task::Forecast { .. } => 4,
        Task::ForecastAll { .. } | Task::ForecastShard { .. } => 5,
        Task::Mmm { .. } => 6,
        Task::Experiment { .. } => 7,
        Task::Elasticity { .. } => 8,
        Task::Promo { .. } => 9,
        Task::Inventory { .. } => 10,
        Task::Responders { .. } => 11,
        Task::ActionPlan { .. } => 12,
        Task::SeriesFile { .. } | Task::SeriesFileShard { .. } => 13,
    }
}

/// Number of task slots (one per `Task` kind).
const SLOTS: usize = 14;

/// Slot of the all-series forecast (for [`cancel_task`]).
pub const FORECAST_ALL_SLOT: usize = 5;

/// Slot of the series-file forecast (for [`cancel_task`]).
pub const SERIES_FILE_SLOT: usize = 13;

fn report_slot(report: &AnalysisReport) -> usize {
    match report {
        AnalysisReport::Customers { .. } => 0,
        AnalysisReport::CustomerProfile { .. } => 1,
        AnalysisReport::Basket { .. } => 2,
        AnalysisReport::Recommend { .. } => 3,
        AnalysisReport::Forecast { .. } => 4,
        AnalysisReport::ForecastAll { .. } | AnalysisReport::ForecastShard { .. } => 5,
        AnalysisReport::Mmm { .. } => 6,
        AnalysisReport::Experiment { .. } => 7,
        AnalysisReport::Elasticity { .. } => 8,
        AnalysisReport::Promo { .. } => 9,
        AnalysisReport::Inventory { .. } => 10,
        AnalysisReport::Responders { .. } => 11,
        AnalysisReport::ActionPlan { .. } => 12,
        AnalysisReport::SeriesFile { .. } | AnalysisReport::SeriesFileShard { .. } => 13,
    }
}

/// The progress signal of a task slot that reports progress.
fn progress_signal(state: AppState, slot: usize) -> Option<RwSignal<Option<(usize, usize)>>> {
    match slot {
        5 => Some(state.forecast_all_progress),
        10 => Some(state.inventory_progress),
        12 => Some(state.action_progress),
        13 => Some(state.series_file_progress),
        _ => None,
    }
}

/// A task ended without a report (failed or cancelled): clear its busy flag and progress.
fn release_slot(state: AppState, slot: usize) {
    if let Some(busy) = busy_signal(state, slot) {
        busy.set(false);
    }
    if let Some(p) = progress_signal(state, slot) {
        p.set(None);
    }
}

/// Stop the running task of `slot` (tasks that run in slices stop at the next slice; their
/// previous report stays).
pub fn cancel_task(state: AppState, slot: usize) {
    let job = TASK_JOBS.with(|j| j.borrow()[slot]);
    send(&Request::Cancel { job }, None);
    release_slot(state, slot);
}

/// The "computing…" flag of a task slot, if it has one.
fn busy_signal(state: AppState, slot: usize) -> Option<RwSignal<bool>> {
    match slot {
        0 => Some(state.customers_busy),
        2 => Some(state.basket_busy),
        3 => Some(state.recommend_busy),
        4 => Some(state.forecast_busy),
        5 => Some(state.forecast_all_busy),
        6 => Some(state.mmm_busy),
        7 => Some(state.experiment_busy),
        8 => Some(state.elasticity_busy),
        9 => Some(state.promo_busy),
        10 => Some(state.inventory_busy),
        11 => Some(state.responders_busy),
        12 => Some(state.action_busy),
        13 => Some(state.series_file_busy),
        _ => None,
    }
}

/// Store a pillar report with the dataset generation it belongs to.
fn land<T: Send + Sync + 'static>(
    signal: RwSignal<Option<Pillar<T>>>,
    gen: u32,
    millis: f64,
    report: T,
) {
    signal.set(Some(Pillar {
        gen,
        millis,
        report,
    }));
}

fn is_latest(slot: usize, job: u32) -> bool {
    TASK_JOBS.with(|j| j.borrow()[slot] == job)
}

/// Run a pillar analysis in the worker; the reply lands in the pillar's signal.
pub fn analyze(state: AppState, task: Task) {
    analyze_with_files(state, task, &[]);
}

/// Run an analysis that reads attached files (posting a `Blob` copies no bytes).
pub fn analyze_with_files(state: AppState, task: Task, files: &[Blob]) {
    let job = next_job();
    let slot = task_slot(&task);
    TASK_JOBS.with(|j| j.borrow_mut()[slot] = job);
    if let Some(busy) = busy_signal(state, slot) {
        busy.set(true);
    }
    let files = (!files.is_empty()).then_some(files);
    send(
        &Request::Analyze {
            job,
            task: Box::new(task),
        },
        files,
    );
}

pub fn request_overview(params: OverviewParams) {
    let job = next_job();
    OVERVIEW_JOB.with(|j| j.set(job));
    send(&Request::Overview { job, params }, None);
}

/// Record a user-confirmed mapping (replacing any for the same header row) and persist it.
pub fn remember_mapping(state: AppState, m: MappingOverride) {
    state.mappings.update(|all| {
        all.retain(|o| o.headers != m.headers);
        all.push(m);
    });
    let all = state.mappings.get_untracked();
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        if let Ok(json) = serde_json::to_string(&all) {
            let _ = storage.set_item(MAPPINGS_KEY, &json);
        }
    }
}

/// Mappings remembered from earlier sessions (localStorage; empty when unavailable).
pub fn load_mappings() -> Vec<MappingOverride> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(MAPPINGS_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Fetch a bundled file (same origin: the sample data) as a `Blob`.
pub async fn fetch_blob(url: &str) -> Result<Blob, Text> {
    let window = web_sys::window().ok_or_else(|| Text::new("common.ui.no_window"))?;
    let resp = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| {
            Text::new("common.ui.cannot_load")
                .str("url", url)
                .str("error", format!("{e:?}"))
        })?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| Text::new("common.ui.bad_response"))?;
    if !resp.ok() {
        return Err(Text::new("common.ui.http_status")
            .str("url", url)
            .index("status", resp.status()));
    }
    let blob = resp.blob().map_err(|e| Text::raw(format!("{e:?}")))?;
    let blob = wasm_bindgen_futures::JsFuture::from(blob)
        .await
        .map_err(|e| {
            Text::new("common.ui.cannot_read_url")
                .str("url", url)
                .str("error", format!("{e:?}"))
        })?;
    blob.dyn_into()
        .map_err(|_| Text::new("common.ui.not_a_file").str("url", url))
}
