//! Series files (the Forecast page's "Forecast a series file…" and `shoplens forecast FILE`):
//! the layout guess, the long and wide readers, summed periods, decimal commas, and days added
//! up into weeks and months, a file of days' closures. The first byte picks the grouping, the
//! season and the horizon; the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoplens::analytics::forecast::file::SeriesFile;
use shoplens::analytics::forecast::series::{Freq, SeriesTable};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let _ = SeriesTable::looks_like(file);
    let group = match pick % 3 {
        0 => None,
        1 => Some(Freq::Week),
        _ => Some(Freq::Month),
    };
    let season = (pick & 0x80 != 0).then_some(usize::from(pick % 13));
    if let Ok(f) = SeriesFile::read(file, "fuzz.csv", season, group) {
        let horizon = usize::from(pick % 31);
        let _ = f.notes(horizon);
        for s in f.named(horizon) {
            assert!(s.values.iter().all(|v| v.is_finite()));
            // a file of days' closures: a weekday pattern and days inside the history or horizon
            assert!(s.closed.is_empty() || s.closed.len() == 7);
            assert!(s.shut.iter().all(|t| *t < s.values.len() + horizon));
        }
    }
});
