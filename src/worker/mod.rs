//! The Web Worker: holds the imported dataset and runs the core off the main thread.
//!
//! Import reads each file in slices (`Blob.slice().arrayBuffer()`), feeding the streaming
//! [`Importer`]; awaiting each slice yields to the event loop, so progress messages go out and
//! a `Cancel` message is seen between slices. A cancelled import keeps the previous dataset.
//! A series file is shared out over one worker per core ([`pool`]).

use crate::analytics::action::{self, Given};
use crate::analytics::customers::{self, CustomersReport};
use crate::analytics::forecast::{
    self, ForecastParams, ForecastReport, SeriesFile, SeriesFileParams, SeriesFileReport, Shard,
};
use crate::analytics::inventory::{self, stock, InventoryInput};
use crate::analytics::marketing::abtest::AbInput;
use crate::analytics::marketing::elasticity::{self, ElasticityInput};
use crate::analytics::marketing::experiment::{self, ExperimentReport};
use crate::analytics::marketing::mmm::{self, MmmInput};
use crate::analytics::marketing::promo::{self, PromoInput};
use crate::analytics::marketing::responders;
use crate::analytics::marketing::table::Table;
use crate::analytics::overview;
use crate::analytics::{basket, recommend};
use crate::data::{Dataset, Importer};
use crate::protocol::{AnalysisReport, Request, Response, Task};
use crate::text::Text;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

mod pool;

/// Bytes read per slice: big enough to keep parsing efficient, small enough that progress
/// and cancel stay responsive.
const SLICE: f64 = 2.0 * 1024.0 * 1024.0;

#[derive(Default)]
struct State {
    dataset: Option<Rc<Dataset>>,
    /// Last customers report of the current dataset (the profile drawer reads it).
    customers: Option<Rc<CustomersReport>>,
    /// The import that may still finish: a newer import or a `Cancel` supersedes it.
    active_import: Cell<u32>,
    /// Analyses (run in slices) cancelled by the UI.
    cancelled_tasks: RefCell<Vec<u32>>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(resp: &Response) {
    let json = serde_json::to_string(resp).unwrap_or_else(|e| {
        format!(r#"{{"type":"failed","job":0,"message":"cannot encode reply: {e}"}}"#)
    });
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"json".into(), &json.into());
    let _ = scope().post_message(&msg);
}

/// Entry point of the worker binary.
pub fn start() {
    console_error_panic_hook::set_once();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(|ev: MessageEvent| {
        let data = ev.data();
        let json = js_sys::Reflect::get(&data, &"json".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let files: Vec<Blob> = js_sys::Reflect::get(&data, &"files".into())
            .ok()
            .filter(|v| v.is_object())
            .map(|v| {
                js_sys::Array::from(&v)
                    .iter()
                    .filter_map(|b| b.dyn_into::<Blob>().ok())
                    .collect()
            })
            .unwrap_or_default();
        match serde_json::from_str::<Request>(&json) {
            Ok(req) => handle(req, files),
            Err(e) => post(&Response::Failed {
                job: 0,
                message: Text::new("worker.bad_request").str("error", e.to_string()),
            }),
        }
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&Response::Ready);
}

fn handle(req: Request, files: Vec<Blob>) {
    match req {
        Request::Cancel { job } => STATE.with(|s| {
            let s = s.borrow();
            if s.active_import.get() == job {
                s.active_import.set(0);
            } else {
                let mut c = s.cancelled_tasks.borrow_mut();
                c.push(job);
                let excess = c.len().saturating_sub(32);
                c.drain(..excess);
            }
        }),
        Request::Import {
            job,
            names,
            options,
        } => {
            STATE.with(|s| s.borrow().active_import.set(job));
            wasm_bindgen_futures::spawn_local(async move {
                let resp = match import(job, names, files, options).await {
                    Ok(r) => r,
                    Err(message) => Response::Failed { job, message },
                };
                post(&resp);
            });
        }
        Request::Analyze { job, task } => {
            wasm_bindgen_futures::spawn_local(async move {
                let t0 = web_time::Instant::now();
                let resp = match analyze(job, *task, files).await {
                    Ok(Some(report)) => Response::Report {
                        job,
                        report,
                        millis: t0.elapsed().as_secs_f64() * 1000.0,
                    },
                    Ok(None) => Response::Cancelled { job },
                    Err(message) => Response::Failed { job, message },
                };
                post(&resp);
            });
        }
        Request::Overview { job, params } => {
            let dataset = STATE.with(|s| s.borrow().dataset.clone());
            let resp = match dataset {
                None => Response::Failed {
                    job,
                    message: Text::new("worker.no_data"),
                },
                Some(d) => match overview::run(&d, &params) {
                    Ok(report) => Response::Overview {
                        job,
                        report: Box::new(report),
                    },
                    Err(e) => Response::Failed {
                        job,
                        message: e.text(),
                    },
                },
            };
            post(&resp);
        }
    }
}

/// Run a pillar task on the current dataset (`None`: cancelled).
async fn analyze(job: u32, task: Task, files: Vec<Blob>) -> Result<Option<AnalysisReport>, Text> {
    let dataset = STATE.with(|s| s.borrow().dataset.clone());
    let file_table = |name: &str, bytes: &[u8]| Table::from_bytes(name, bytes);
    match &task {
        Task::Mmm {
            files: names,
            spec,
            params,
            revenue_from_orders,
        } => {
            if files.is_empty() {
                return Err(Text::new("worker.no_spend_file"));
            }
            let mut tables = Vec::with_capacity(files.len());
            for (k, blob) in files.iter().enumerate() {
                let bytes = read_all(blob).await?;
                let name = names.get(k).map_or("spend", String::as_str);
                tables.push(file_table(name, &bytes).map_err(|e| e.text())?);
            }
            let orders = match (revenue_from_orders, dataset.as_ref()) {
                (true, Some(d)) => {
                    crate::data::require_prices(d, Text::new("data.need.mmm_revenue"))?;
                    Some(&**d)
                }
                (true, None) => return Err(Text::new("worker.import_orders_for_revenue")),
                (false, _) => None,
            };
            let input = MmmInput::from_tables(&tables, spec, orders).map_err(|e| e.text())?;
            let report = mmm::run(&input, params).map_err(|e| e.text())?;
            return Ok(Some(AnalysisReport::Mmm {
                report: Box::new(report),
            }));
        }
        Task::Experiment { file, counts, spec } => {
            let report = match (files.first(), counts) {
                (Some(blob), _) => {
                    let bytes = read_all(blob).await?;
                    let name = file.clone().unwrap_or_else(|| "experiment".into());
                    let table = file_table(&name, &bytes).map_err(|e| e.text())?;
                    experiment::run(&table, spec).map_err(|e| e.text())?
                }
                (None, Some(counts)) => {
                    let c: Vec<(&str, u64, u64)> = counts
                        .iter()
                        .map(|(n, u, x)| (n.as_str(), *u, *x))
                        .collect();
                    let input = AbInput::from_counts("conversion", &c);
                    let ab = crate::analytics::marketing::abtest::run(&input, &spec.params)
                        .map_err(|e| e.text())?;
                    ExperimentReport {
                        file: "typed counts".into(),
                        rows: 0,
                        variant_column: "variant".into(),
                        metrics: vec![ab],
                        columns: Vec::new(),
                        notes: Vec::new(),
                    }
                }
                (None, None) => return Err(Text::new("worker.attach_experiment")),
            };
            return Ok(Some(AnalysisReport::Experiment {
                report: Box::new(report),
            }));
        }
        Task::Elasticity {
            file,
            spec,
            skus,
            params,
        } => {
            let input = match (files.first(), dataset.as_ref()) {
                (Some(blob), _) => {
                    let bytes = read_all(blob).await?;
                    let name = file.clone().unwrap_or_else(|| "prices".into());
                    let table = file_table(&name, &bytes).map_err(|e| e.text())?;
                    ElasticityInput::from_table(&table, spec)
                }
                (None, Some(d)) => ElasticityInput::from_orders(&d.lines, skus.as_deref()),
                (None, None) => return Err(Text::new("worker.attach_prices")),
            }
            .map_err(|e| e.text())?;
            let report = elasticity::run(&input, params).map_err(|e| e.text())?;
            return Ok(Some(AnalysisReport::Elasticity {
                report: Box::new(report),
            }));
        }
        Task::Promo {
            file,
            spec,
            range,
            skus,
            period_days,
            params,
        } => {
            let input = match (files.first(), dataset.as_ref(), range) {
                (Some(blob), _, _) => {
                    let bytes = read_all(blob).await?;
                    let name = file.clone().unwrap_or_else(|| "promotions".into());
                    let table = file_table(&name, &bytes).map_err(|e| e.text())?;
                    PromoInput::from_table(&table, spec)
                }
                (None, Some(d), Some((from, to))) => {
                    PromoInput::from_orders(d, *from, *to, skus.as_deref(), *period_days)
                }
                (None, None, _) => return Err(Text::new("worker.attach_promotions")),
                (None, Some(_), None) => return Err(Text::new("worker.promotion_days")),
            }
            .map_err(|e| e.text())?;
            let report = promo::run(&input, params).map_err(|e| e.text())?;
            return Ok(Some(AnalysisReport::Promo {
                report: Box::new(report),
            }));
        }
        Task::SeriesFile { file, params } => {
            let blob = files
                .first()
                .ok_or_else(|| Text::new("worker.no_series_file"))?;
            return Ok(series_file(job, file, blob, params).await?.map(|report| {
                AnalysisReport::SeriesFile {
                    report: Box::new(report),
                }
            }));
        }
        Task::SeriesFileShard {
            file,
            params,
            shard,
        } => {
            let blob = files
                .first()
                .ok_or_else(|| Text::new("worker.no_series_file"))?;
            let (file, fparams) = read_series_file(blob, file, params).await?;
            let part = file.named_shard(*shard, fparams.horizon);
            let mut ticker = Ticker::new(job, part.len());
            return Ok(
                forecast_part(&part, &fparams, &mut ticker, 0, None, |r| r.series)
                    .await?
                    .map(|forecasts| AnalysisReport::SeriesFileShard { forecasts }),
            );
        }
        Task::ForecastShard { series, params } => {
            let mut ticker = Ticker::new(job, series.len());
            return Ok(
                forecast_part(series, params, &mut ticker, 0, None, |r| r.table)
                    .await?
                    .map(|table| AnalysisReport::ForecastShard { table }),
            );
        }
        _ => {}
    }
    let dataset = dataset.ok_or_else(|| Text::new("worker.no_data"))?;
    if let Task::ActionPlan { .. } = &task {
        return action_plan(job, &dataset, task, &files).await.map(Some);
    }
    if let Task::Inventory { params, stock_file } = &task {
        let table = match files.first() {
            Some(blob) => {
                let bytes = read_all(blob).await?;
                let name = stock_file.clone().unwrap_or_else(|| "inventory".into());
                Some(stock::parse(&name, &bytes).map_err(|e| e.text())?)
            }
            None => None,
        };
        let input = InventoryInput {
            orders: &dataset,
            stock: table.as_ref(),
        };
        let mut last = 0usize;
        let report = inventory::run_with_progress(&input, params, &mut |done, total| {
            // About 50 progress messages per run.
            if done == total || done >= last + total.div_ceil(50) {
                last = done;
                post(&Response::TaskProgress { job, done, total });
            }
        })
        .map_err(|e| e.text())?;
        return Ok(Some(AnalysisReport::Inventory {
            report: Box::new(report),
        }));
    }
    if let Task::ForecastAll { params } = &task {
        return Ok(forecast_all(job, &dataset, params).await?.map(|report| {
            AnalysisReport::ForecastAll {
                report: Box::new(report),
            }
        }));
    }
    analyze_now(&dataset, task).map(Some)
}

/// The all-series table: the orders aggregated here, the series shared out over one worker
/// per core ([`pool`], this worker taking shard 0), forecast one at a time with progress about
/// every quarter second; a `Cancel` stops the task and its helpers. Each series is forecast on
/// its own, so the table is the same whatever the number of workers.
async fn forecast_all(
    job: u32,
    dataset: &Dataset,
    params: &ForecastParams,
) -> Result<Option<ForecastReport>, Text> {
    let (series, notes) = forecast::prepare(dataset, params).map_err(|e| e.text())?;
    let table_params = ForecastParams {
        detail_limit: Some(0),
        ..params.clone()
    };
    let total = series.len();
    let cores = scope().navigator().hardware_concurrency();
    let workers = Shard::workers_for(total, if cores.is_finite() { cores as usize } else { 1 });
    let mut pool = pool::Pool::table(job, workers, &series, &table_params);
    let own = forecast::table_shard(&series, Shard::new(0, workers).unwrap_or(Shard::WHOLE));
    let mut ticker = Ticker::new(job, total);
    yield_now().await;
    let take = |r: ForecastReport| r.table;
    let Some(mine) = forecast_part(&own, &table_params, &mut ticker, 0, Some(&pool), take).await?
    else {
        return Ok(None);
    };
    let mut done = mine.len();
    let mut parts = vec![mine];
    while !pool.finished() {
        sleep_ms(50).await;
        if !ticker.tick(done + pool.done()).await {
            return Ok(None);
        }
    }
    for (shard, outcome) in pool.outcomes() {
        let table = match outcome {
            pool::Outcome::Part(AnalysisReport::ForecastShard { table }) => table,
            pool::Outcome::Failed(message) => return Err(message),
            pool::Outcome::Part(_) | pool::Outcome::Stopped => {
                let part = forecast::table_shard(&series, shard);
                match forecast_part(&part, &table_params, &mut ticker, done, None, take).await? {
                    Some(t) => t,
                    None => return Ok(None),
                }
            }
        };
        done += table.len();
        parts.push(table);
    }
    if task_cancelled(job) {
        return Ok(None);
    }
    let mut report = ForecastReport::new(params, Vec::new(), forecast::join_tables(&series, parts));
    report.notes.extend(notes);
    Ok(Some(report))
}

/// Time between progress messages (and chances to see a `Cancel`) of [`series_file`].
const SERIES_FILE_SLICE_MS: f64 = 250.0;

/// Progress messages and cancel checks of a series-file task, about every quarter second.
struct Ticker {
    job: u32,
    total: usize,
    last: web_time::Instant,
}

impl Ticker {
    fn new(job: u32, total: usize) -> Self {
        post(&Response::TaskProgress {
            job,
            done: 0,
            total,
        });
        Ticker {
            job,
            total,
            last: web_time::Instant::now(),
        }
    }

    /// When a slice has passed: report `done`, let the event loop run (a `Cancel`, the
    /// helpers' messages), and say whether the task goes on.
    async fn tick(&mut self, done: usize) -> bool {
        if self.last.elapsed().as_secs_f64() * 1000.0 < SERIES_FILE_SLICE_MS {
            return true;
        }
        post(&Response::TaskProgress {
            job: self.job,
            done: done.min(self.total),
            total: self.total,
        });
        yield_now().await;
        self.last = web_time::Instant::now();
        !task_cancelled(self.job)
    }
}

/// Forecast `part` one series at a time, ticking between series, and keep what `take` takes of
/// each one's report (its detailed forecast, or its table row); progress counts `before`
/// series done elsewhere plus the helpers' (`None`: cancelled).
async fn forecast_part<T>(
    part: &[forecast::NamedSeries],
    fparams: &ForecastParams,
    ticker: &mut Ticker,
    before: usize,
    pool: Option<&pool::Pool>,
    take: impl Fn(ForecastReport) -> Vec<T>,
) -> Result<Option<Vec<T>>, Text> {
    let mut out = Vec::with_capacity(part.len());
    for (i, s) in part.iter().enumerate() {
        let helpers = pool.map(pool::Pool::done).unwrap_or(0);
        if !ticker.tick(before + i + helpers).await {
            return Ok(None);
        }
        let r = forecast::forecast_many(std::slice::from_ref(s), fparams, &mut |_, _| {})
            .map_err(|e| e.text())?;
        out.extend(take(r));
    }
    Ok(Some(out))
}

/// Every series of a long series file: shared out over one worker per core ([`pool`]), this
/// worker taking shard 0; progress about every quarter second, and a `Cancel` stops the task
/// and its helpers.
async fn series_file(
    job: u32,
    name: &str,
    blob: &Blob,
    params: &SeriesFileParams,
) -> Result<Option<SeriesFileReport>, Text> {
    let (file, fparams) = read_series_file(blob, name, params).await?;
    let total = file.series.len();
    let cores = scope().navigator().hardware_concurrency();
    let workers = Shard::workers_for(total, if cores.is_finite() { cores as usize } else { 1 });
    let mut pool = pool::Pool::series_file(job, workers, name, params, blob);
    let own = Shard::new(0, workers).unwrap_or(Shard::WHOLE);
    let mut ticker = Ticker::new(job, total);
    yield_now().await;
    let part = file.named_shard(own, fparams.horizon);
    let take = |r: ForecastReport| r.series;
    let Some(mut forecasts) =
        forecast_part(&part, &fparams, &mut ticker, 0, Some(&pool), take).await?
    else {
        return Ok(None);
    };
    while !pool.finished() {
        sleep_ms(50).await;
        if !ticker.tick(forecasts.len() + pool.done()).await {
            return Ok(None);
        }
    }
    for (shard, outcome) in pool.outcomes() {
        match outcome {
            pool::Outcome::Part(AnalysisReport::SeriesFileShard { forecasts: f }) => {
                forecasts.extend(f)
            }
            pool::Outcome::Failed(message) => return Err(message),
            pool::Outcome::Part(_) | pool::Outcome::Stopped => {
                let part = file.named_shard(shard, fparams.horizon);
                let before = forecasts.len();
                match forecast_part(&part, &fparams, &mut ticker, before, None, take).await? {
                    Some(f) => forecasts.extend(f),
                    None => return Ok(None),
                }
            }
        }
    }
    if task_cancelled(job) {
        return Ok(None);
    }
    let mut report = SeriesFileReport::new(&file, params, forecasts);
    report.workers = workers;
    Ok(Some(report))
}

/// Read a series file and its forecast parameters (validated): what the task and each of its
/// helpers start with.
async fn read_series_file(
    blob: &Blob,
    name: &str,
    params: &SeriesFileParams,
) -> Result<(SeriesFile, ForecastParams), Text> {
    // A file too large to be read whole is refused before it is loaded.
    use crate::analytics::forecast::series::{too_large, MAX_SERIES_FILE_BYTES};
    if blob.size() > MAX_SERIES_FILE_BYTES as f64 {
        return Err(too_large(name));
    }
    let bytes = read_all(blob).await?;
    let file =
        SeriesFile::read_owned(bytes, name, params.season, params.group).map_err(|e| e.text())?;
    let fparams = file.params(params);
    fparams.validate().map_err(|e| e.text())?;
    Ok((file, fparams))
}

/// Wait `ms` milliseconds (the event loop runs meanwhile).
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn task_cancelled(job: u32) -> bool {
    STATE.with(|s| s.borrow().cancelled_tasks.borrow().contains(&job))
}

/// Let the worker's event loop run (a zero timeout: a macrotask, so queued messages such as
/// `Cancel` are delivered before we continue).
async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Run a pillar task that completes in one go.
fn analyze_now(dataset: &Rc<Dataset>, task: Task) -> Result<AnalysisReport, Text> {
    let dataset = dataset.clone();
    match task {
        Task::Customers { params } => {
            // The same parameters on the same dataset give the same report (seeded): reuse it.
            let cached = STATE
                .with(|s| s.borrow().customers.clone())
                .filter(|r| r.params == params);
            let report = match cached {
                Some(r) => r,
                None => Rc::new(customers::run(&dataset, &params).map_err(|e| e.text())?),
            };
            STATE.with(|s| s.borrow_mut().customers = Some(report.clone()));
            Ok(AnalysisReport::Customers {
                report: Box::new((*report).clone()),
            })
        }
        Task::CustomerProfile { customer_id } => {
            let cached = STATE.with(|s| s.borrow().customers.clone());
            let profile = match cached {
                Some(r) => customers::customer_profile_from(&dataset, &r, &customer_id),
                None => customers::customer_profile(&dataset, &customer_id),
            }
            .map_err(|e| e.text())?;
            Ok(AnalysisReport::CustomerProfile {
                profile: Box::new(profile),
            })
        }
        Task::Basket { params } => Ok(AnalysisReport::Basket {
            report: Box::new(basket::run(&dataset, &params).map_err(|e| e.text())?),
        }),
        Task::Recommend { params } => Ok(AnalysisReport::Recommend {
            report: Box::new(recommend::run(&dataset, &params).map_err(|e| e.text())?),
        }),
        Task::Forecast { params } => Ok(AnalysisReport::Forecast {
            report: Box::new(forecast::run(&dataset, &params).map_err(|e| e.text())?),
        }),
        Task::ForecastAll { .. } | Task::ForecastShard { .. } => {
            Err(Text::new("worker.forecast_async"))
        }
        Task::Inventory { .. } => Err(Text::new("worker.inventory_async")),
        Task::Responders { params } => Ok(AnalysisReport::Responders {
            report: Box::new(responders::run(&dataset, &params).map_err(|e| e.text())?),
        }),
        Task::Mmm { .. }
        | Task::Experiment { .. }
        | Task::Elasticity { .. }
        | Task::Promo { .. }
        | Task::SeriesFile { .. }
        | Task::SeriesFileShard { .. } => Err(Text::new("worker.reads_file")),
        Task::ActionPlan { .. } => Err(Text::new("worker.action_async")),
    }
}

/// The action plan: the attached spend / promotion files are parsed, then the pillars run
/// with progress (one message per stage).
async fn action_plan(
    job: u32,
    dataset: &Dataset,
    task: Task,
    files: &[Blob],
) -> Result<AnalysisReport, Text> {
    let Task::ActionPlan {
        params,
        spend_file,
        promo_file,
        mmm,
        promo,
    } = task
    else {
        return Err(Text::new("worker.not_action_plan"));
    };
    let mut blobs = files.iter();
    let mut table = |name: &Option<String>| {
        let blob = name.as_ref().and_then(|_| blobs.next()).cloned();
        let name = name.clone().unwrap_or_default();
        async move {
            match blob {
                Some(b) => {
                    let bytes = read_all(&b).await?;
                    Table::from_bytes(&name, &bytes)
                        .map(Some)
                        .map_err(|e| e.text())
                }
                None => Ok(None),
            }
        }
    };
    let spend = table(&spend_file).await?;
    let promo_table = table(&promo_file).await?;
    let mmm_input = match (&mmm, spend.as_ref()) {
        (None, Some(t)) => {
            Some(MmmInput::from_table(t, &Default::default(), None).map_err(|e| e.text())?)
        }
        _ => None,
    };
    let promo_input = match (&promo, promo_table.as_ref()) {
        (None, Some(t)) => {
            Some(PromoInput::from_table(t, &action::promo_spec_for(t)).map_err(|e| e.text())?)
        }
        _ => None,
    };
    post(&Response::TaskProgress {
        job,
        done: 0,
        total: action::STAGES,
    });
    yield_now().await;
    let cached = STATE.with(|s| s.borrow().customers.clone());
    let (plan, reports) = action::run_on_dataset(
        dataset,
        &params,
        Given {
            customers_report: cached.as_deref(),
            mmm_report: mmm.as_deref(),
            mmm_input: mmm_input.as_ref(),
            promo_report: promo.as_deref(),
            promo_input: promo_input.as_ref(),
        },
        &mut |done, total| post(&Response::TaskProgress { job, done, total }),
    )
    .map_err(|e| e.text())?;
    // The Customers page with the default parameters can show this report without a rerun
    // (a report the page already holds stays: the profile drawer reads that one).
    if let (Ok(c), None) = (reports.customers, cached) {
        STATE.with(|s| s.borrow_mut().customers = Some(Rc::new(c)));
    }
    Ok(AnalysisReport::ActionPlan {
        plan: Box::new(plan),
    })
}

/// True when `job` was cancelled or superseded by a newer import.
fn cancelled(job: u32) -> bool {
    STATE.with(|s| s.borrow().active_import.get() != job)
}

/// The whole of an attached file.
async fn read_all(blob: &Blob) -> Result<Vec<u8>, Text> {
    read_slice(blob, 0.0, blob.size()).await
}

async fn read_slice(blob: &Blob, start: f64, end: f64) -> Result<Vec<u8>, Text> {
    let cannot_read = |e: JsValue| Text::new("worker.cannot_read").str("error", format!("{e:?}"));
    let part = blob
        .slice_with_f64_and_f64(start, end)
        .map_err(cannot_read)?;
    let buf = wasm_bindgen_futures::JsFuture::from(part.array_buffer())
        .await
        .map_err(cannot_read)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// An import error, pointing to the Forecast page's series file when the file is a table of
/// values per period rather than order lines ([`SeriesTable::looks_like`] on its first
/// 256 KiB).
async fn with_series_hint(e: Text, blob: &Blob) -> Text {
    let max = crate::analytics::forecast::series::LOOKS_LIKE_BYTES as f64;
    let head = read_slice(blob, 0.0, blob.size().min(max)).await;
    match head {
        Ok(b) if crate::analytics::forecast::series::SeriesTable::looks_like(&b) => {
            Text::new("worker.import_series_hint").text("error", e)
        }
        _ => e,
    }
}

async fn import(
    job: u32,
    names: Vec<String>,
    files: Vec<Blob>,
    options: crate::data::ImportOptions,
) -> Result<Response, Text> {
    let t0 = web_time::Instant::now();
    if files.is_empty() {
        return Err(Text::new("worker.no_file"));
    }
    let mut importer = Importer::new(options);
    let n = files.len();
    for (i, blob) in files.iter().enumerate() {
        let name = names
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("file {}", i + 1));
        importer.begin_file(&name).map_err(|e| e.text())?;
        let total = blob.size();
        let mut offset = 0.0;
        while offset < total {
            let end = (offset + SLICE).min(total);
            let bytes = read_slice(blob, offset, end).await?;
            if cancelled(job) {
                return Ok(Response::Cancelled { job });
            }
            if let Err(e) = importer.push(&bytes) {
                return Err(with_series_hint(e.text(), blob).await);
            }
            offset = end;
            post(&Response::Progress {
                job,
                file: name.clone(),
                file_index: i,
                files: n,
                bytes_done: offset as u64,
                bytes_total: total as u64,
                rows: importer.rows_read(),
            });
        }
        if let Err(e) = importer.end_file() {
            return Err(with_series_hint(e.text(), blob).await);
        }
    }
    let dataset = importer.finish().map_err(|e| e.text())?;
    if cancelled(job) {
        return Ok(Response::Cancelled { job });
    }
    let report = Box::new(dataset.report.clone());
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.dataset = Some(Rc::new(dataset));
        s.customers = None;
    });
    Ok(Response::Imported {
        job,
        report,
        millis: t0.elapsed().as_secs_f64() * 1000.0,
    })
}
