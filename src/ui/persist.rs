//! The stored session in IndexedDB (through `rexie`): the imported files (as `Blob`s: the
//! browser stores them natively, nothing is copied into wasm memory), the mappings, the
//! duplicate flag, every page's settings and each dataset's last overview. A reload, a closed
//! tab or a crash brings the user back: on startup the settings are applied before the pages
//! mount, and the open dataset is re-imported from its stored files in the worker.
//!
//! The records and their format rules are `crate::session` (pure, tested natively); this
//! module is the browser side. Nothing leaves the machine: IndexedDB is this origin's storage
//! in this browser profile.
//!
//! Each operation opens its own short-lived connection and closes it, so "Forget this data"
//! can delete the database without waiting for a connection held elsewhere.

use crate::session::{self, DatasetRecord, Meta, PageSettings, SessionError, StoredFile};
use crate::ui::bridge::{self, ImportKind};
use crate::ui::i18n::t;
use crate::ui::side_files;
use crate::ui::state::AppState;
use leptos::prelude::*;
use rexie::{ObjectStore, Rexie, TransactionMode};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Blob;

const DB_NAME: &str = "shoplens";
/// IndexedDB schema version (object stores); the record format is `session::FORMAT`.
const DB_VERSION: u32 = 1;
const META: &str = "meta";
const DATASETS: &str = "datasets";
const FILES: &str = "files";
const META_KEY: &str = "meta";
/// localStorage keys of the app start with this.
const STORAGE_PREFIX: &str = "shoplens";
/// Settings are saved this long after the last change.
const SAVE_DELAY_MS: i32 = 400;
/// The app shows even if IndexedDB has not answered by then.
const HYDRATE_TIMEOUT_MS: i32 = 3000;

/// Errors of the browser storage.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    #[error("{0}")]
    Idb(String),
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error("missing_files")]
    MissingFiles,
    #[error("{0}")]
    Encode(String),
}

impl From<rexie::Error> for PersistError {
    fn from(e: rexie::Error) -> Self {
        PersistError::Idb(format!("{e:?}"))
    }
}

thread_local! {
    /// Bumped by every settings change: only the last scheduled save runs.
    static SAVE_GEN: Cell<u32> = const { Cell::new(0) };
    /// Bumped by "Forget this data": writes started before it are dropped.
    static EPOCH: Cell<u32> = const { Cell::new(0) };
    /// The settings of a session with no dataset open, as stored in the `meta` record (None:
    /// none stored).
    static LOOSE: RefCell<Option<PageSettings>> = const { RefCell::new(None) };
    /// Every page's settings as the app starts (a fresh [`AppState`]).
    static DEFAULTS: RefCell<Option<PageSettings>> = const { RefCell::new(None) };
}

fn epoch() -> u32 {
    EPOCH.with(Cell::get)
}

fn set_timeout(ms: i32, f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
    }
}

async fn build() -> Result<Rexie, PersistError> {
    Ok(Rexie::builder(DB_NAME)
        .version(DB_VERSION)
        .add_object_store(ObjectStore::new(META))
        .add_object_store(ObjectStore::new(DATASETS))
        .add_object_store(ObjectStore::new(FILES))
        .build()
        .await?)
}

/// Open the database, creating its stores; a database of this name without them (not ours,
/// or damaged) is replaced.
async fn open() -> Result<Rexie, PersistError> {
    let db = build().await?;
    let names = db.store_names();
    if [META, DATASETS, FILES]
        .iter()
        .all(|s| names.iter().any(|n| n == s))
    {
        return Ok(db);
    }
    db.close();
    Rexie::delete(DB_NAME).await?;
    build().await
}

async fn delete_database() -> Result<(), PersistError> {
    Ok(Rexie::delete(DB_NAME).await?)
}

/// What startup reads: the meta record (or why it cannot be used), the readable dataset
/// records and the ids of unreadable ones.
struct Loaded {
    meta: Result<Option<Meta>, SessionError>,
    records: Vec<DatasetRecord>,
    unreadable: Vec<String>,
}

async fn load() -> Result<Loaded, PersistError> {
    let db = open().await?;
    let out = async {
        let tx = db.transaction(&[META, DATASETS], TransactionMode::ReadOnly)?;
        let meta = tx.store(META)?.get(JsValue::from_str(META_KEY)).await?;
        let rows = tx.store(DATASETS)?.scan(None, None, None, None).await?;
        tx.done().await?;
        let meta = match meta.filter(|v| !v.is_undefined() && !v.is_null()) {
            None => Ok(None),
            Some(v) => match v.as_string() {
                Some(json) => session::read_meta(&json).map(Some),
                None => Err(SessionError::Unreadable("meta".into())),
            },
        };
        let mut records = Vec::new();
        let mut unreadable = Vec::new();
        for (key, value) in rows {
            let key = key.as_string().unwrap_or_default();
            match value.as_string().map(|j| session::read_record(&j)) {
                Some(Ok(r)) if r.id == key => records.push(r),
                _ => unreadable.push(key),
            }
        }
        records.sort_by(|a, b| a.created_ms.total_cmp(&b.created_ms));
        Ok::<_, PersistError>(Loaded {
            meta,
            records,
            unreadable,
        })
    }
    .await;
    db.close();
    out
}

/// Put `(store, key, value)` records in one transaction (all or nothing).
async fn put_all(puts: Vec<(&'static str, String, JsValue)>) -> Result<(), PersistError> {
    let db = open().await?;
    let out = async {
        let mut stores: Vec<&str> = puts.iter().map(|p| p.0).collect();
        stores.sort_unstable();
        stores.dedup();
        let tx = db.transaction(&stores, TransactionMode::ReadWrite)?;
        for (store, key, value) in &puts {
            tx.store(store)?
                .put(value, Some(&JsValue::from_str(key)))
                .await?;
        }
        let done = tx.done().await?;
        if done.is_committed() {
            Ok::<_, PersistError>(())
        } else {
            Err(PersistError::Idb("aborted".into()))
        }
    }
    .await;
    db.close();
    out
}

async fn delete_keys(id: String) -> Result<(), PersistError> {
    let db = open().await?;
    let out = async {
        let tx = db.transaction(&[DATASETS, FILES], TransactionMode::ReadWrite)?;
        tx.store(DATASETS)?.delete(JsValue::from_str(&id)).await?;
        tx.store(FILES)?.delete(JsValue::from_str(&id)).await?;
        tx.done().await?;
        Ok::<_, PersistError>(())
    }
    .await;
    db.close();
    out
}

/// The stored files of dataset `id` as (name, Blob).
async fn get_files(id: &str) -> Result<Vec<(String, Blob)>, PersistError> {
    let db = open().await?;
    let out = async {
        let tx = db.transaction(&[FILES], TransactionMode::ReadOnly)?;
        let v = tx.store(FILES)?.get(JsValue::from_str(id)).await?;
        tx.done().await?;
        let v = v
            .filter(|v| v.is_object())
            .ok_or(PersistError::MissingFiles)?;
        let names =
            js_sys::Reflect::get(&v, &"names".into()).map_err(|_| PersistError::MissingFiles)?;
        let blobs =
            js_sys::Reflect::get(&v, &"blobs".into()).map_err(|_| PersistError::MissingFiles)?;
        if !js_sys::Array::is_array(&names) || !js_sys::Array::is_array(&blobs) {
            return Err(PersistError::MissingFiles);
        }
        let names = js_sys::Array::from(&names);
        let blobs = js_sys::Array::from(&blobs);
        let files: Vec<(String, Blob)> = names
            .iter()
            .zip(blobs.iter())
            .filter_map(|(n, b)| Some((n.as_string()?, b.dyn_into::<Blob>().ok()?)))
            .collect();
        if files.is_empty() || files.len() != blobs.length() as usize {
            return Err(PersistError::MissingFiles);
        }
        Ok::<_, PersistError>(files)
    }
    .await;
    db.close();
    out
}

fn files_value(files: &[(String, Blob)]) -> JsValue {
    let names = js_sys::Array::new();
    let blobs = js_sys::Array::new();
    for (n, b) in files {
        names.push(&JsValue::from_str(n));
        blobs.push(b);
    }
    let obj = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&obj, &"names".into(), &names);
    let _ = js_sys::Reflect::set(&obj, &"blobs".into(), &blobs);
    obj.into()
}

fn meta_put(state: AppState) -> Result<(&'static str, String, JsValue), PersistError> {
    let mut meta = Meta::new(state.current_dataset.get_untracked());
    if meta.current.is_none() {
        meta.settings = LOOSE.with(|l| l.borrow().clone());
    }
    let json = serde_json::to_string(&meta).map_err(|e| PersistError::Encode(e.to_string()))?;
    Ok((META, META_KEY.to_string(), JsValue::from_str(&json)))
}

fn record_put(state: AppState, id: &str) -> Option<(&'static str, String, JsValue)> {
    state.datasets.with_untracked(|all| {
        let r = all.iter().find(|r| r.id == id)?;
        let json = serde_json::to_string(r).ok()?;
        Some((DATASETS, id.to_string(), JsValue::from_str(&json)))
    })
}

/// A write failed: say so (the data still works in this tab).
fn save_failed(state: AppState, e: &PersistError) {
    web_sys::console::warn_1(&e.to_string().into());
    state.notice.set(Some(crate::tr!(
        "Could not save your data in this browser ({}). It works in this tab but will not come back after a reload.",
        "无法在此浏览器中保存您的数据（{}）。本标签页中仍可使用，但重新加载后不会恢复。",
        e
    )));
}

/// Write the records that `make` builds when the write starts (so the latest in-memory
/// state is written), unless "Forget this data" happened since.
fn write(
    state: AppState,
    make: impl FnOnce() -> Result<Vec<(&'static str, String, JsValue)>, PersistError> + 'static,
) {
    let at = epoch();
    leptos::task::spawn_local(async move {
        if at != epoch() {
            return;
        }
        let res = match make() {
            Ok(puts) if puts.is_empty() => Ok(()),
            Ok(puts) => put_all(puts).await,
            Err(e) => Err(e),
        };
        if let Err(e) = res {
            save_failed(state, &e);
        }
    });
}

fn save_record(state: AppState, id: String, with_meta: bool) {
    write(state, move || {
        let mut puts: Vec<_> = record_put(state, &id).into_iter().collect();
        if with_meta {
            puts.push(meta_put(state)?);
        }
        Ok(puts)
    });
}

/// The settings of every page, as they are now.
fn settings_of(state: AppState) -> PageSettings {
    PageSettings {
        overview: Some(state.overview_params.get_untracked()),
        customers: Some(state.customers_params.get_untracked()),
        basket: Some(state.basket_params.get_untracked()),
        recommend: Some(state.recommend_params.get_untracked()),
        forecast: Some(state.forecast_params.get_untracked()),
        inventory: Some(state.inventory_params.get_untracked()),
        marketing: Some(state.marketing_inputs.get_untracked()),
        action: Some(state.action_params.get_untracked()),
        series_file: Some(state.series_file_inputs.get_untracked()),
        compare_with: state.compare_with.get_untracked(),
    }
}

/// Put a dataset's stored settings, mappings and duplicate flag into the signals.
fn apply(state: AppState, rec: &DatasetRecord) {
    apply_settings(state, rec.settings.clone());
    state.remove_duplicates.set(rec.remove_duplicates);
    if !rec.mappings.is_empty() {
        state.mappings.update(|all| {
            for m in &rec.mappings {
                all.retain(|o| o.headers != m.headers);
                all.push(m.clone());
            }
        });
    }
}

/// Put stored page settings into the signals (a page absent from them keeps its value).
fn apply_settings(state: AppState, s: PageSettings) {
    if let Some(p) = s.overview {
        state.overview_params.set(p);
    }
    if let Some(p) = s.customers {
        state.customers_params.set(p);
    }
    if let Some(p) = s.basket {
        state.basket_params.set(p);
    }
    if let Some(p) = s.recommend {
        state.recommend_params.set(p);
    }
    if let Some(p) = s.forecast {
        state.forecast_params.set(p);
    }
    if let Some(p) = s.inventory {
        state.inventory_params.set(p);
    }
    if let Some(p) = s.marketing {
        state.marketing_inputs.set(p);
    }
    if let Some(p) = s.action {
        state.action_params.set(p);
    }
    if let Some(p) = s.series_file {
        state.series_file_inputs.set(p);
    }
    state.compare_with.set(s.compare_with);
}

/// The pages may mount. Only the first call changes anything: setting the signal again would
/// re-render the whole tree and remount the page the user is on, losing what they typed (the
/// timeout below fires after a fast restore has already set it).
fn mark_hydrated(state: AppState) {
    if !state.hydrated.get_untracked() {
        state.hydrated.set(true);
    }
}

/// Read the stored session (startup): apply the open dataset's settings, then re-import it.
/// Also starts saving settings when they change.
pub fn start(state: AppState) {
    DEFAULTS.with(|d| *d.borrow_mut() = Some(settings_of(state)));
    set_timeout(HYDRATE_TIMEOUT_MS, move || mark_hydrated(state));
    // Save (debounced) whenever a setting changes.
    Effect::new(move |_| {
        state.overview_params.track();
        state.customers_params.track();
        state.basket_params.track();
        state.recommend_params.track();
        state.forecast_params.track();
        state.inventory_params.track();
        state.marketing_inputs.track();
        state.action_params.track();
        state.series_file_inputs.track();
        state.compare_with.track();
        state.mappings.track();
        state.remove_duplicates.track();
        if state.hydrated.get_untracked() {
            schedule_save(state);
        }
    });
    leptos::task::spawn_local(async move {
        match load().await {
            Ok(loaded) => restore(state, loaded).await,
            Err(e) => {
                web_sys::console::warn_1(&e.to_string().into());
                // A database this version cannot open (e.g. a newer schema): remove it and
                // start afresh; if even that fails, storage is not available here.
                if delete_database().await.is_ok() && open().await.map(Rexie::close).is_ok() {
                    state
                        .notice
                        .set(Some(discard_message(&SessionError::Unreadable(
                            e.to_string(),
                        ))));
                    mark_hydrated(state);
                    return;
                }
                state.notice.set(Some(crate::tr!(
                    "This browser does not let ShopLens store data ({}): your data will not come back after a reload.",
                    "此浏览器不允许 ShopLens 存储数据（{}）：重新加载后您的数据不会恢复。",
                    e
                )));
                mark_hydrated(state);
            }
        }
    });
}

async fn restore(state: AppState, loaded: Loaded) {
    let meta = match loaded.meta {
        Ok(m) => m,
        Err(e) => {
            // A session this version cannot read: remove it, say why, start afresh.
            state.notice.set(Some(discard_message(&e)));
            if let Err(e) = delete_database().await {
                save_failed(state, &e);
            }
            mark_hydrated(state);
            return;
        }
    };
    if !loaded.unreadable.is_empty() {
        state.notice.set(Some(crate::tr!(
            "{} saved dataset(s) could not be read and were removed.",
            "{} 个已保存的数据集无法读取，已被删除。",
            loaded.unreadable.len()
        )));
        for id in loaded.unreadable {
            if let Err(e) = delete_keys(id).await {
                save_failed(state, &e);
            }
        }
    }
    restore_side_files(state).await;
    let current = meta
        .as_ref()
        .and_then(|m| m.current.clone())
        .and_then(|id| loaded.records.iter().find(|r| r.id == id).cloned());
    state.datasets.set(loaded.records);
    let Some(rec) = current else {
        // No dataset open: the settings typed without one (Marketing, the series file).
        if let Some(s) = meta.and_then(|m| m.settings) {
            LOOSE.with(|l| *l.borrow_mut() = Some(s.clone()));
            apply_settings(state, s);
        }
        mark_hydrated(state);
        return;
    };
    state.current_dataset.set(Some(rec.id.clone()));
    apply(state, &rec);
    // Pages mount now, with the restored settings.
    mark_hydrated(state);
    reimport_stored(state, rec).await;
}

/// Store a role's Marketing files (`ui::side_files`) under `key`.
pub fn save_side_files(state: AppState, key: &'static str, files: Vec<(String, Blob)>) {
    write(state, move || {
        Ok(vec![(FILES, key.to_string(), files_value(&files))])
    });
}

/// Delete a stored Marketing file.
pub fn delete_side_file(state: AppState, key: &'static str) {
    let at = epoch();
    leptos::task::spawn_local(async move {
        if at != epoch() {
            return;
        }
        if let Err(e) = delete_file_key(key).await {
            save_failed(state, &e);
        }
    });
}

async fn delete_file_key(key: &str) -> Result<(), PersistError> {
    let db = open().await?;
    let out = async {
        let tx = db.transaction(&[FILES], TransactionMode::ReadWrite)?;
        tx.store(FILES)?.delete(JsValue::from_str(key)).await?;
        tx.done().await?;
        Ok::<_, PersistError>(())
    }
    .await;
    db.close();
    out
}

/// Put the stored Marketing files back in memory (startup).
async fn restore_side_files(state: AppState) {
    for role in side_files::Role::ALL {
        if let Ok(files) = get_files(role.key()).await {
            side_files::restore(state, role, files);
        }
    }
}

/// Re-import a stored dataset from its stored files.
async fn reimport_stored(state: AppState, rec: DatasetRecord) {
    let job = bridge::import_job();
    match get_files(&rec.id).await {
        // Files chosen meanwhile win over the stored ones.
        Ok(_) if bridge::import_job() != job => {}
        Ok(files) => bridge::restore_files(state, files, rec.name),
        Err(e) => {
            web_sys::console::warn_1(&e.to_string().into());
            state.notice.set(Some(crate::tr!(
                "The files of “{}” are no longer stored in this browser: import them again.",
                "“{}”的文件已不在此浏览器中：请重新导入。",
                rec.name
            )));
        }
    }
}

/// The message shown when a stored session is discarded.
fn discard_message(e: &SessionError) -> String {
    match e {
        SessionError::Older { found } => crate::tr!(
            "Your saved data was stored by an older version of ShopLens (storage format {}; this version uses format {}) and cannot be restored. It was removed from this browser: please import your files again.",
            "您保存的数据来自旧版 ShopLens（存储格式 {}；当前版本使用格式 {}），无法恢复。已从此浏览器中删除：请重新导入您的文件。",
            found,
            session::FORMAT
        ),
        SessionError::Newer { found } => crate::tr!(
            "Your saved data was stored by a newer version of ShopLens (storage format {}; this version uses format {}) and cannot be restored. It was removed from this browser: please import your files again.",
            "您保存的数据来自新版 ShopLens（存储格式 {}；当前版本使用格式 {}），无法恢复。已从此浏览器中删除：请重新导入您的文件。",
            found,
            session::FORMAT
        ),
        SessionError::Unreadable(why) => crate::tr!(
            "Your saved data could not be read ({}) and was removed from this browser: please import your files again.",
            "无法读取您保存的数据（{}），已从此浏览器中删除：请重新导入您的文件。",
            why
        ),
    }
}

fn schedule_save(state: AppState) {
    let gen = SAVE_GEN.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    set_timeout(SAVE_DELAY_MS, move || {
        if SAVE_GEN.with(Cell::get) == gen {
            save_settings_now(state);
        }
    });
}

/// Store the open dataset's settings if they changed.
fn save_settings_now(state: AppState) {
    SAVE_GEN.with(|g| g.set(g.get().wrapping_add(1)));
    let Some(id) = state.current_dataset.get_untracked() else {
        save_loose_settings(state);
        return;
    };
    let settings = settings_of(state);
    let mappings = state.mappings.get_untracked();
    let dedup = state.remove_duplicates.get_untracked();
    let changed = state.datasets.with_untracked(|all| {
        all.iter().any(|r| {
            r.id == id
                && (r.settings != settings
                    || r.mappings != mappings
                    || r.remove_duplicates != dedup)
        })
    });
    if !changed {
        return;
    }
    state.datasets.update(|all| {
        if let Some(r) = all.iter_mut().find(|r| r.id == id) {
            r.settings = settings;
            r.mappings = mappings;
            r.remove_duplicates = dedup;
        }
    });
    save_record(state, id, false);
}

/// No dataset is open: store the settings in the `meta` record if they changed (the
/// Marketing page and the series file are used without orders). Settings still at their
/// defaults with nothing stored write nothing, so "Forget this data", which resets every
/// setting, does not create the database again.
fn save_loose_settings(state: AppState) {
    let settings = settings_of(state);
    let unchanged = LOOSE.with(|l| match &*l.borrow() {
        Some(stored) => *stored == settings,
        None => DEFAULTS.with(|d| d.borrow().as_ref() == Some(&settings)),
    });
    if unchanged {
        return;
    }
    LOOSE.with(|l| *l.borrow_mut() = Some(settings));
    write(state, move || Ok(vec![meta_put(state)?]));
}

/// An import finished (called by the bridge): a new dataset is stored with its files; a
/// re-import or restore updates the open dataset's record.
pub fn on_imported(state: AppState, kind: ImportKind, files: Vec<(String, Blob)>) {
    let (kept_rows, date_min, date_max) = state.report.with_untracked(|r| {
        r.as_ref()
            .map(|r| (r.kept_rows, r.date_min.clone(), r.date_max.clone()))
            .unwrap_or_default()
    });
    match kind {
        ImportKind::New => {
            let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
            let typed = state.import_name.get_untracked();
            let base = session::clean_name(&typed).unwrap_or_else(|| session::default_name(&names));
            let (name, id) = state.datasets.with_untracked(|all| {
                let taken: Vec<&str> = all.iter().map(|r| r.name.as_str()).collect();
                let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
                (
                    session::unique_name(&base, &taken),
                    session::new_id(js_sys::Date::now(), &ids),
                )
            });
            let rec = DatasetRecord {
                id: id.clone(),
                name,
                files: files
                    .iter()
                    .map(|(n, b)| StoredFile {
                        name: n.clone(),
                        bytes: b.size().max(0.0) as u64,
                    })
                    .collect(),
                created_ms: js_sys::Date::now(),
                kept_rows,
                date_min,
                date_max,
                mappings: state.mappings.get_untracked(),
                remove_duplicates: state.remove_duplicates.get_untracked(),
                settings: settings_of(state),
                overview: None,
            };
            state.import_name.set(String::new());
            // Settings typed with no dataset open now belong to this one's record.
            LOOSE.with(|l| *l.borrow_mut() = None);
            // Compare with the dataset that was open before, by default.
            let previous = state.current_dataset.get_untracked();
            state.datasets.update(|all| all.push(rec));
            state.current_dataset.set(Some(id.clone()));
            if previous.is_some() {
                state.compare_with.set(previous);
            }
            let value = files_value(&files);
            write(state, move || {
                let mut puts = vec![(FILES, id.clone(), value)];
                puts.extend(record_put(state, &id));
                puts.push(meta_put(state)?);
                Ok(puts)
            });
        }
        ImportKind::Reimport | ImportKind::Restore => {
            let Some(id) = state.current_dataset.get_untracked() else {
                return;
            };
            let mappings = state.mappings.get_untracked();
            let dedup = state.remove_duplicates.get_untracked();
            let mut changed = false;
            state.datasets.update(|all| {
                if let Some(r) = all.iter_mut().find(|r| r.id == id) {
                    let before = (
                        r.kept_rows,
                        r.date_min.clone(),
                        r.date_max.clone(),
                        r.mappings.clone(),
                        r.remove_duplicates,
                    );
                    r.kept_rows = kept_rows;
                    r.date_min = date_min;
                    r.date_max = date_max;
                    r.mappings = mappings;
                    r.remove_duplicates = dedup;
                    changed = before
                        != (
                            r.kept_rows,
                            r.date_min.clone(),
                            r.date_max.clone(),
                            r.mappings.clone(),
                            r.remove_duplicates,
                        );
                }
            });
            if changed || kind == ImportKind::Reimport {
                save_record(state, id, false);
            }
        }
    }
}

/// An overview arrived (called by the bridge): one over all dates is kept with the open
/// dataset, for the comparison.
pub fn on_overview(state: AppState, report: &crate::analytics::overview::OverviewReport) {
    if state.restoring.get_untracked().is_some() || report.params != Default::default() {
        return;
    }
    let Some(id) = state.current_dataset.get_untracked() else {
        return;
    };
    let same = state.datasets.with_untracked(|all| {
        all.iter()
            .any(|r| r.id == id && r.overview.as_ref() == Some(report))
    });
    if same {
        return;
    }
    state.datasets.update(|all| {
        if let Some(r) = all.iter_mut().find(|r| r.id == id) {
            r.overview = Some(report.clone());
        }
    });
    save_record(state, id, false);
}

/// Open another stored dataset (re-imported from its stored files).
pub fn open_dataset(state: AppState, id: String) {
    let Some(rec) = state
        .datasets
        .with_untracked(|all| all.iter().find(|r| r.id == id).cloned())
    else {
        return;
    };
    save_settings_now(state);
    let previous = state.current_dataset.get_untracked();
    state.current_dataset.set(Some(id.clone()));
    apply(state, &rec);
    if rec.settings.compare_with.is_none() && previous.as_deref() != Some(id.as_str()) {
        state.compare_with.set(previous);
    }
    write(state, move || Ok(vec![meta_put(state)?]));
    leptos::task::spawn_local(reimport_stored(state, rec));
}

/// Rename a stored dataset (the name is cleaned and kept unique).
pub fn rename_dataset(state: AppState, id: String, typed: &str) {
    let Some(base) = session::clean_name(typed) else {
        return;
    };
    let name = state.datasets.with_untracked(|all| {
        let taken: Vec<&str> = all
            .iter()
            .filter(|r| r.id != id)
            .map(|r| r.name.as_str())
            .collect();
        session::unique_name(&base, &taken)
    });
    state.datasets.update(|all| {
        if let Some(r) = all.iter_mut().find(|r| r.id == id) {
            r.name = name;
        }
    });
    save_record(state, id, false);
}

/// Delete a stored dataset; deleting the open one also unloads it.
pub fn delete_dataset(state: AppState, id: String) {
    state.datasets.update(|all| all.retain(|r| r.id != id));
    if state.compare_with.get_untracked().as_deref() == Some(id.as_str()) {
        state.compare_with.set(None);
    }
    let was_open = state.current_dataset.get_untracked().as_deref() == Some(id.as_str());
    if was_open {
        SAVE_GEN.with(|g| g.set(g.get().wrapping_add(1)));
        bridge::restart(state);
        state.reset_data();
    }
    let at = epoch();
    leptos::task::spawn_local(async move {
        if at != epoch() {
            return;
        }
        let res = match delete_keys(id).await {
            Ok(()) => match meta_put(state) {
                Ok(p) => put_all(vec![p]).await,
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        if let Err(e) = res {
            save_failed(state, &e);
        }
    });
}

/// "Forget this data": stop the worker, delete the database and the app's localStorage keys,
/// reset every signal and go to the landing page.
pub fn forget(state: AppState) {
    EPOCH.with(|e| e.set(e.get().wrapping_add(1)));
    SAVE_GEN.with(|g| g.set(g.get().wrapping_add(1)));
    LOOSE.with(|l| *l.borrow_mut() = None);
    bridge::restart(state);
    state.reset_data();
    state.mappings.set(Vec::new());
    state.datasets.set(Vec::new());
    side_files::clear_all(state);
    state.notice.set(None);
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let n = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.to_ascii_lowercase().starts_with(STORAGE_PREFIX))
            .collect();
        for k in keys {
            let _ = storage.remove_item(&k);
        }
    }
    leptos::task::spawn_local(async move {
        match delete_database().await {
            Ok(()) => state.notice.set(Some(
                t(
                    "Everything ShopLens stored in this browser was deleted.",
                    "ShopLens 在此浏览器中存储的所有内容均已删除。",
                )
                .to_string(),
            )),
            Err(e) => save_failed(state, &e),
        }
    });
    state.navigate_to.set(Some("/".into()));
}
