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
    /// The files of each role, in the order chosen (the Marketing page's spend may be several
    /// ad platforms' exports; the other roles hold one).
    static FILES: RefCell<[Vec<(String, Blob)>; 5]> = const { RefCell::new([Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new()]) };
}

/// The (first) file (name, contents) chosen for `role`.
pub fn get(role: Role) -> Option<(String, Blob)> {
    FILES.with(|f| f.borrow()[role.slot()].first().cloned())
}

/// Every file chosen for `role`, in the order chosen.
pub fn get_all(role: Role) -> Vec<(String, Blob)> {
    FILES.with(|f| f.borrow()[role.slot()].clone())
}

/// The name of the (first) file chosen for `role`.
pub fn name(role: Role) -> Option<String> {
    FILES.with(|f| f.borrow()[role.slot()].first().map(|(n, _)| n.clone()))
}

/// The names of every file chosen for `role`.
pub fn names(role: Role) -> Vec<String> {
    FILES.with(|f| {
        f.borrow()[role.slot()]
            .iter()
            .map(|(n, _)| n.clone())
            .collect()
    })
}

/// Choose a file for `role` (replacing what was chosen) and store it in the browser.
pub fn put(state: AppState, role: Role, name: String, blob: Blob) {
    put_all(state, role, vec![(name, blob)]);
}

/// Choose several files for `role` (replacing what was chosen) and store them.
pub fn put_all(state: AppState, role: Role, files: Vec<(String, Blob)>) {
    if files.is_empty() {
        clear(state, role);
        return;
    }
    FILES.with(|f| f.borrow_mut()[role.slot()] = files.clone());
    state.side_files_gen.update(|g| *g += 1);
    persist::save_side_files(state, role.key(), files);
}

/// Add files to those chosen for `role` (a file of the same name is replaced) and store them.
pub fn add(state: AppState, role: Role, files: Vec<(String, Blob)>) {
    let mut all = get_all(role);
    for (n, b) in files {
        match all.iter_mut().find(|(m, _)| *m == n) {
            Some(slot) => slot.1 = b,
            None => all.push((n, b)),
        }
    }
    put_all(state, role, all);
}

/// Take the file named `name` out of those chosen for `role` (and out of storage).
pub fn remove(state: AppState, role: Role, name: &str) {
    let mut all = get_all(role);
    all.retain(|(n, _)| n != name);
    put_all(state, role, all);
}

/// Drop the files of `role` (here and in the browser's storage).
pub fn clear(state: AppState, role: Role) {
    FILES.with(|f| f.borrow_mut()[role.slot()].clear());
    state.side_files_gen.update(|g| *g += 1);
    persist::delete_side_file(state, role.key());
}

/// Put stored files back (startup); no write.
pub fn restore(state: AppState, role: Role, files: Vec<(String, Blob)>) {
    FILES.with(|f| f.borrow_mut()[role.slot()] = files);
    state.side_files_gen.update(|g| *g += 1);
}

/// Forget every file in memory ("Forget this data").
pub fn clear_all(state: AppState) {
    FILES.with(|f| f.borrow_mut().iter_mut().for_each(Vec::clear));
    state.side_files_gen.update(|g| *g += 1);
}
