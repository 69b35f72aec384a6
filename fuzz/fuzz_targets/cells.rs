//! Cell parsers: numbers (both decimal conventions, currency symbols and codes), dates
//! (every accepted layout, both day/month orders, Excel serials) and the decimal vote.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoplens::data::dates::{excel_serial, parse_date, resolve, DateOrderVote};
use shoplens::data::numbers::{looks_money, looks_numeric, parse_number, DecimalEvidence};
use shoplens::data::DateOrder;

fuzz_target!(|data: &[u8]| {
    let mut ev = DecimalEvidence::default();
    for dc in [false, true] {
        if let Some((x, _)) = parse_number(data, dc) {
            let _ = excel_serial(x);
        }
    }
    ev.observe(data);
    let _ = ev.decide(true);
    let _ = looks_numeric(data);
    let _ = looks_money(data);
    let d = parse_date(data);
    let mut vote = DateOrderVote::default();
    vote.add(&d);
    let _ = vote.decide(None, (true, "fuzz"));
    for o in [
        DateOrder::YearFirst,
        DateOrder::DayFirst,
        DateOrder::MonthFirst,
    ] {
        if let Some(ts) = resolve(&d, o) {
            let _ = shoplens::data::dates::format_ts(ts);
            let _ = shoplens::data::dates::format_day(ts);
        }
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = shoplens::data::dates::parse_ymd_day(s);
    }
});
