//! Helper workers: WebAssembly here has one thread, so the worker that gets a
//! [`Task::SeriesFile`] or a [`Task::ForecastAll`] spawns one nested worker per further core and
//! shares the series out ([`Shard`], interleaved). For a series file each helper gets the same
//! file (posting a `Blob` copies no bytes) and its shard, and replies with its forecasts
//! ([`AnalysisReport::SeriesFileShard`]); for the all-series table each gets its share of the
//! aggregated series and replies with its table rows ([`AnalysisReport::ForecastShard`]). The
//! spawning worker forecasts shard 0 meanwhile, then puts the parts together.
//!
//! A helper that cannot start or stops (a crash) has its shard redone by the spawning worker;
//! a helper's error is the task's error; dropping the [`Pool`] (done, failed or cancelled)
//! terminates every helper.

use crate::analytics::forecast::{self, ForecastParams, NamedSeries, SeriesFileParams, Shard};
use crate::protocol::{AnalysisReport, Request, Response, Task};
use crate::text::Text;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, MessageEvent, Worker};

/// How a helper's shard ended.
pub enum Outcome {
    /// The helper's part ([`AnalysisReport::SeriesFileShard`] or
    /// [`AnalysisReport::ForecastShard`]).
    Part(AnalysisReport),
    Failed(Text),
    /// The helper could not start, stopped, or answered something else: redo the shard.
    Stopped,
}

#[derive(Default)]
struct Slot {
    /// The task, posted once the helper says it listens (messages sent before are lost).
    pending: Option<JsValue>,
    /// Series done so far (the helper's own count).
    done: usize,
    outcome: Option<Outcome>,
}

type OnMessage = Closure<dyn Fn(MessageEvent)>;
type OnError = Closure<dyn Fn(web_sys::Event)>;

struct Helper {
    shard: Shard,
    worker: Option<Worker>,
    slot: Rc<RefCell<Slot>>,
    _handlers: Option<(OnMessage, OnError)>,
}

impl Helper {
    fn start(job: u32, shard: Shard, task: Task, blob: Option<&Blob>) -> Self {
        let slot = Rc::new(RefCell::new(Slot::default()));
        let stopped = |slot: Rc<RefCell<Slot>>| {
            slot.borrow_mut().outcome = Some(Outcome::Stopped);
            Helper {
                shard,
                worker: None,
                slot,
                _handlers: None,
            }
        };
        let Ok(worker) = Worker::new("./worker_loader.js") else {
            return stopped(slot);
        };
        let request = Request::Analyze {
            job,
            task: Box::new(task),
        };
        let Ok(json) = serde_json::to_string(&request) else {
            worker.terminate();
            return stopped(slot);
        };
        let msg = js_sys::Object::new();
        let files = match blob {
            Some(b) => js_sys::Array::of1(b),
            None => js_sys::Array::new(),
        };
        let _ = js_sys::Reflect::set(&msg, &"json".into(), &json.into());
        let _ = js_sys::Reflect::set(&msg, &"files".into(), &files);
        slot.borrow_mut().pending = Some(msg.into());

        let (s, w) = (slot.clone(), worker.clone());
        let onmessage = OnMessage::new(move |ev: MessageEvent| {
            let json = js_sys::Reflect::get(&ev.data(), &"json".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let mut s = s.borrow_mut();
            if s.outcome.is_some() {
                return;
            }
            match serde_json::from_str::<Response>(&json) {
                Ok(Response::Ready) => {
                    if let Some(m) = s.pending.take() {
                        if w.post_message(&m).is_err() {
                            s.outcome = Some(Outcome::Stopped);
                        }
                    }
                }
                Ok(Response::TaskProgress { done, .. }) => s.done = done,
                Ok(Response::Report {
                    report:
                        report @ (AnalysisReport::SeriesFileShard { .. }
                        | AnalysisReport::ForecastShard { .. }),
                    ..
                }) => {
                    s.done = match &report {
                        AnalysisReport::SeriesFileShard { forecasts } => forecasts.len(),
                        AnalysisReport::ForecastShard { table } => table.len(),
                        _ => s.done,
                    };
                    s.outcome = Some(Outcome::Part(report));
                }
                Ok(Response::Failed { message, .. }) => s.outcome = Some(Outcome::Failed(message)),
                Ok(Response::Progress { .. } | Response::Overview { .. }) => {}
                Ok(_) | Err(_) => s.outcome = Some(Outcome::Stopped),
            }
        });
        let s = slot.clone();
        let onerror = OnError::new(move |_ev: web_sys::Event| {
            let mut s = s.borrow_mut();
            if s.outcome.is_none() {
                s.outcome = Some(Outcome::Stopped);
            }
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Helper {
            shard,
            worker: Some(worker),
            slot,
            _handlers: Some((onmessage, onerror)),
        }
    }
}

/// The helpers of one task (shards `1..count`; shard 0 is the caller's).
pub struct Pool {
    helpers: Vec<Helper>,
}

impl Pool {
    /// Start `count - 1` helpers, one per shard `1..count`, on `blob` (the file named `file`).
    pub fn series_file(
        job: u32,
        count: usize,
        file: &str,
        params: &SeriesFileParams,
        blob: &Blob,
    ) -> Pool {
        Self::start(job, count, Some(blob), |shard| Task::SeriesFileShard {
            file: file.to_string(),
            params: params.clone(),
            shard,
        })
    }

    /// Start `count - 1` helpers for the all-series table, each with its share of `series`.
    pub fn table(job: u32, count: usize, series: &[NamedSeries], params: &ForecastParams) -> Pool {
        Self::start(job, count, None, |shard| Task::ForecastShard {
            series: forecast::table_shard(series, shard),
            params: params.clone(),
        })
    }

    fn start(job: u32, count: usize, blob: Option<&Blob>, task: impl Fn(Shard) -> Task) -> Pool {
        let helpers = (1..count)
            .filter_map(|i| Shard::new(i, count))
            .map(|shard| Helper::start(job, shard, task(shard), blob))
            .collect();
        Pool { helpers }
    }

    /// Series the helpers have done so far.
    pub fn done(&self) -> usize {
        self.helpers.iter().map(|h| h.slot.borrow().done).sum()
    }

    /// Whether every helper has ended (with forecasts, an error, or stopped).
    pub fn finished(&self) -> bool {
        self.helpers
            .iter()
            .all(|h| h.slot.borrow().outcome.is_some())
    }

    /// Each helper's shard and outcome, in shard order (`Stopped` for one still running).
    pub fn outcomes(&mut self) -> Vec<(Shard, Outcome)> {
        self.helpers
            .iter()
            .map(|h| {
                let outcome = h.slot.borrow_mut().outcome.take();
                (h.shard, outcome.unwrap_or(Outcome::Stopped))
            })
            .collect()
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for h in &self.helpers {
            if let Some(w) = &h.worker {
                w.terminate();
                w.set_onmessage(None);
                w.set_onerror(None);
            }
        }
    }
}
