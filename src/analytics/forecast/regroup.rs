//! Series files of days added up into weeks or months.
//!
//! A file of daily sales (a list of single sales becomes one, [`super::series`]) can be
//! forecast per week or per month, as the order lines are ([`super::series::aggregate`]): each
//! series' days are summed per ISO week (Monday to Sunday, labelled by its Monday) or calendar
//! month (labelled by its first day), weeks or months without a day in the file are 0, and a
//! period that the file's first or last day leaves incomplete (the file starts on a Wednesday,
//! or ends on the 30th of a 31-day month, and the shop opens on the days missing:
//! [`super::series::Span`]) is left out of every series. A later series' first period may be
//! partial: it started then.

use chrono::NaiveDate;

use super::series::{
    day_label, open_weekdays, period_of_day, period_start, Freq, SeriesTable, Span,
};
use super::ForecastError;
use crate::text::Text;

impl SeriesTable {
    /// Add every series' days up into `freq` periods (a day: nothing changes), with notes on
    /// what was done. Errors (`file` names the file) when a period is not a date
    /// (`YYYY-MM-DD`), when the dates are not days apart, and for a file with a `split` column,
    /// flag columns or planned periods, whose rows cannot be added up.
    pub fn regroup(&mut self, freq: Freq, file: &str) -> Result<(), ForecastError> {
        if freq == Freq::Day || self.series.is_empty() {
            return Ok(());
        }
        let err = |key: &str| ForecastError::Data(Text::new(key).str("file", file));
        if self.series.iter().any(|s| {
            !s.flag_names.is_empty()
                || s.train_len != s.values.len()
                || !s.future_periods.is_empty()
        }) {
            return Err(err("forecast.err.regroup_marked"));
        }
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let mut days: Vec<Vec<i64>> = Vec::with_capacity(self.series.len());
        for s in &self.series {
            let d: Option<Vec<i64>> = s
                .periods
                .iter()
                .map(|p| {
                    NaiveDate::parse_from_str(p.trim(), "%Y-%m-%d")
                        .ok()
                        .map(|d| (d - epoch).num_days())
                })
                .collect();
            let Some(d) = d else {
                let example = s
                    .periods
                    .iter()
                    .find(|p| NaiveDate::parse_from_str(p.trim(), "%Y-%m-%d").is_err())
                    .cloned()
                    .unwrap_or_default();
                return Err(ForecastError::Data(
                    Text::new("forecast.err.regroup_not_dates")
                        .str("file", file)
                        .str("example", example),
                ));
            };
            days.push(d);
        }
        // Days, not weeks or months written as dates: the typical gap is one day.
        let mut gaps: Vec<i64> = days
            .iter()
            .flat_map(|d| d.windows(2).map(|w| w[1] - w[0]))
            .collect();
        gaps.sort_unstable();
        if gaps.get(gaps.len() / 2).is_some_and(|g| *g != 1) {
            return Err(ForecastError::Data(
                Text::new("forecast.err.regroup_not_days")
                    .str("file", file)
                    .int("gap", gaps[gaps.len() / 2]),
            ));
        }
        let last_day = days.iter().filter_map(|d| d.last()).max().copied();
        let Some(last_day) = last_day else {
            return Ok(());
        };
        let first_day = days.iter().filter_map(|d| d.first()).min().copied();
        let first_day = first_day.unwrap_or(last_day);
        let sale_days = days.iter().zip(&self.series).flat_map(|(d, s)| {
            d.iter()
                .zip(&s.values)
                .filter(|(_, v)| **v != 0.0)
                .map(|(d, _)| *d)
        });
        let open = open_weekdays(first_day, last_day, sale_days);
        let span = Span::new(first_day, last_day, freq, open);
        let mut only_in_last = 0;
        let mut series = Vec::with_capacity(self.series.len());
        for (mut s, d) in std::mem::take(&mut self.series).into_iter().zip(days) {
            let mut idx: Vec<i64> = Vec::new();
            let mut values: Vec<f64> = Vec::new();
            for (day, v) in d.iter().zip(&s.values) {
                let p = period_of_day(*day, freq);
                if p < span.first {
                    continue;
                }
                match idx.last().copied() {
                    Some(q) if q == p => {
                        if let Some(x) = values.last_mut() {
                            *x += v;
                        }
                    }
                    Some(q) => {
                        // periods without a day in the file sold nothing
                        for e in q + 1..p {
                            idx.push(e);
                            values.push(0.0);
                        }
                        idx.push(p);
                        values.push(*v);
                    }
                    None => {
                        idx.push(p);
                        values.push(*v);
                    }
                }
            }
            if span.last_cut && idx.last().is_some_and(|p| *p > span.last) {
                idx.pop();
                values.pop();
            }
            if values.is_empty() {
                only_in_last += 1;
                continue;
            }
            s.periods = idx.iter().map(|p| period_start(*p, freq)).collect();
            s.train_len = values.len();
            s.values = values;
            series.push(s);
        }
        self.series = series;
        self.notes.push(Text::new(match freq {
            Freq::Month => "forecast.file.note.to_months",
            _ => "forecast.file.note.to_weeks",
        }));
        let freq_word = || Text::new(&format!("forecast.freq.{}", freq.key()));
        if span.first_cut {
            self.notes.push(
                Text::new("forecast.note.incomplete_first")
                    .text("freq", freq_word())
                    .str("date", day_label(first_day)),
            );
        }
        if span.last_cut {
            self.notes
                .push(Text::new("forecast.note.incomplete_last").text("freq", freq_word()));
        }
        if only_in_last > 0 {
            self.notes.push(
                Text::new("forecast.file.note.only_in_partial")
                    .int("n", only_in_last)
                    .text("freq", freq_word()),
            );
        }
        Ok(())
    }
}
