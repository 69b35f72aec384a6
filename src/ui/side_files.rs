//! The files that are not orders: the Marketing page's (ad spend, experiment, prices,
//! promotion flags) and the Forecast page's series file. Held as browser `Blob`s, and stored
//! in IndexedDB next to the datasets so a reload keeps them.
//! They belong to the browser session, not to one orders dataset (a spend file can be analysed
//! with no orders imported), so switching datasets keeps them; "Forget this data" deletes
//! them with everything else.

use crate::ui::persist;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;
use web_sys::Blob;

/// Which input a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Spend,
    Experiment,
    Price,
    Promo,
    /// The Forecast page's long series file.
    Series,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Spend,
        Role::Experiment,
        Role::Price,
        Role::Promo,
        Role::Series,
    ];

    /// The IndexedDB key of the stored file.
    pub fn key(self) -> &'static str {
        match self {
            Role::Spend => "side/spend",
            Role::Experiment => "side/experiment",
            Role::Price => "side/price",
            Role::Promo => "side/promo",
            Role::Series => "side/series",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

thread_local! {
    static FILES: RefCell<[Option<(String, Blob)>; 5]> = const { RefCell::new([None, None, None, None, None]) };
}

/// The file (name, contents) chosen for `role`.
pub fn get(role: Role) -> Option<(String, Blob)> {
    FILES.with(|f| f.borrow()[role.slot()].clone())
}

/// The name of the file chosen for `role`.
pub fn name(role: Role) -> Option<String> {
    FILES.with(|f| f.borrow()[role.slot()].as_ref().map(|(n, _)| n.clone()))
}

/// Choose a file for `role` and store it in the browser.
pub fn put(state: AppState, role: Role, name: String, blob: Blob) {
    FILES.with(|f| f.borrow_mut()[role.slot()] = Some((name.clone(), blob.clone())));
    state.side_files_gen.update(|g| *g += 1);
    persist::save_side_file(state, role.key(), name, blob);
}

/// Drop the file of `role` (here and in the browser's storage).
pub fn clear(state: AppState, role: Role) {
    FILES.with(|f| f.borrow_mut()[role.slot()] = None);
    state.side_files_gen.update(|g| *g += 1);
    persist::delete_side_file(state, role.key());
}

/// Put a stored file back (startup); no write.
pub fn restore(state: AppState, role: Role, name: String, blob: Blob) {
    FILES.with(|f| f.borrow_mut()[role.slot()] = Some((name, blob)));
    state.side_files_gen.update(|g| *g += 1);
}

/// Forget every file in memory ("Forget this data").
pub fn clear_all(state: AppState) {
    FILES.with(|f| *f.borrow_mut() = [None, None, None, None, None]);
    state.side_files_gen.update(|g| *g += 1);
}
