//! The forecast and inventory reports of the bundled sample speak Chinese: every sentence the
//! core writes (explanations, notes, the purchase plan, the replay check, "how computed",
//! parameter errors) renders in Chinese without a missing catalogue key (`⟦…⟧`), and its
//! English is byte-identical to the sentence the core wrote before the catalogue (rebuilt here
//! with the old `format!` strings from the report's own numbers).

use std::sync::OnceLock;

use shoplens::analytics::forecast::series::Level;
use shoplens::analytics::forecast::{self, ForecastParams, ModelKind, Trend};
use shoplens::analytics::inventory::{self, InventoryInput, InventoryParams};
use shoplens::data::{import_paths, Dataset, ImportOptions};
use shoplens::text::{Lang, Text};

fn sample() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("www/sample/online_retail_sample.csv.gz");
        import_paths(std::slice::from_ref(&p), &ImportOptions::default()).expect("import")
    })
}

mod common;

/// Both renderings are complete; the Chinese one is Chinese; the sentence is from the catalogue.
fn check(t: &Text, what: &str) {
    common::assert_zh(what, t, &[]);
    assert!(!t.key.is_empty(), "{what} is verbatim text: {}", t.en());
}

#[test]
fn forecast_sentences_in_both_languages() {
    let params = ForecastParams::default();
    let r = forecast::run(sample(), &params).expect("forecast");
    check(&r.explanation, "report explanation");
    assert_eq!(
        r.explanation.en(),
        "Each series is forecast 12 periods ahead. In automatic mode several models are tested \
         on the most recent history (each forecasts periods it has not seen) and scored by \
         MASE: their average error divided by the typical error, within the history, of \
         forecasting each period by the value one season earlier (by the period before, for a \
         series without a season or a history shorter than two seasons). Below 1 means more accurate than that simple rule; as forecasting \
         several periods ahead is harder, scores above 1 are common. The shaded bands are prediction \
         intervals: the future should fall inside the 80% / 95% band that \
         often."
    );
    for n in &r.notes {
        check(n, "report note");
    }
    // SKU level: intermittent and short series bring the selection notes.
    let skus = ForecastParams {
        level: Level::Sku,
        detail_limit: Some(12),
        ..ForecastParams::default()
    };
    let r2 = forecast::run(sample(), &skus).expect("forecast skus");
    let mut notes = 0;
    for s in r.series.iter().chain(&r2.series) {
        check(&s.explanation, "series explanation");
        // The old English, from the series' own numbers; a temporal hierarchy names its blocks
        // (the season's divisors above 1 that the history holds).
        let blocks: Vec<String> = (2..=r.season.min(s.history.len()))
            .filter(|k| r.season.is_multiple_of(*k))
            .map(|k| k.to_string())
            .collect();
        let thief = format!("temporal hierarchies: the same history is also added up into larger blocks of {} periods, each is forecast with exponential smoothing, and the forecasts are adjusted so that they add up, so the trend seen in the totals and the season seen in the single periods both shape the forecast", blocks.join(", "));
        let how = match s.chosen {
            ModelKind::Ensemble => "a trimmed average of standard models (exponential smoothing over temporal hierarchies and with a damped trend, complex exponential smoothing, ARIMA, two Theta models, a small neural network and last season's values: the highest and lowest forecast of each period are dropped), which is usually more reliable than any single one; its bands widen where the models disagree",
            ModelKind::Ets if s.model.ends_with(",N,N)") => "exponential smoothing of the level: an average in which recent periods weigh more, with no trend or seasonality",
            ModelKind::Ets => "exponential smoothing, which weights recent periods more and follows level, trend and seasonality",
            ModelKind::Arima => "an ARIMA model, which extrapolates the series' own correlations",
            ModelKind::Theta => "the Theta method (dynamic optimised Theta model): smoothing plus a trend that is re-estimated as each period arrives",
            ModelKind::Thief => thief.as_str(),
            ModelKind::SeasonalNaive => "last season's values, which the other models could not beat",
            ModelKind::Naive => "the last value, as no model did better",
            ModelKind::Imapa | ModelKind::Adida | ModelKind::Croston | ModelKind::CrostonOptimized
            | ModelKind::Sba | ModelKind::Tsb | ModelKind::IntermittentEnsemble => "a method for irregular sales, which forecasts the average rate of demand (sales come in bursts, so expect the actual pattern to be lumpier)",
            _ => "the selected model",
        };
        // A history shorter than two seasons and eight periods is backtested against the naive.
        let seasonal = s.history.len() >= 2 * r.season.max(1) + 8 && r.season > 1;
        if s.backtest_mase.is_some() {
            assert_eq!(
                s.mase_lag > 1,
                seasonal,
                "{}: MASE lag {}",
                s.id,
                s.mase_lag
            );
        }
        let acc = match s.backtest_mase {
            Some(v) if seasonal => format!(
                " In the backtest its average error was {v:.2} times the typical error, within \
                 the history, of repeating the value one season ({} periods) earlier.",
                s.mase_lag
            ),
            Some(v) => format!(
                " In the backtest its average error was {v:.2} times the typical change from one \
                 period to the next in the history (the error of repeating the last value one \
                 period ahead)."
            ),
            None => " There was not enough history to backtest it.".into(),
        };
        let row = r
            .table
            .iter()
            .chain(&r2.table)
            .find(|t| t.id == s.id)
            .expect("table row");
        let pct = row.trend_pct;
        let dir = match row.trend {
            Trend::Up => format!("up {pct:.0}%"),
            Trend::Down => format!("down {:.0}%", -pct),
            Trend::Flat => "about flat".into(),
        };
        let h = params.horizon;
        assert_eq!(
            s.explanation.en(),
            format!(
                "Forecast by {how} ({}).{acc} Over the next {h} periods demand is expected {dir} compared with the last {h}.",
                s.model
            )
        );
        for n in &s.notes {
            check(n, "series note");
            notes += 1;
        }
    }
    assert!(notes > 0, "no selection notes on the SKU series");
    println!(
        "{}\n{}",
        r.series[0].explanation.render(Lang::Zh),
        r.explanation.render(Lang::Zh)
    );

    // Parameter errors: the same English as before, and Chinese.
    let bad = ForecastParams {
        horizon: 0,
        ..ForecastParams::default()
    };
    let e = bad.validate().expect_err("horizon 0");
    assert_eq!(
        e.to_string(),
        "invalid parameter horizon: must be 1..=1000, got 0"
    );
    check(&e.text(), "horizon error");
    let bad = ForecastParams {
        levels: vec![80.0, 120.5],
        ..ForecastParams::default()
    };
    let e = bad.validate().expect_err("level 120.5");
    assert_eq!(
        e.to_string(),
        "invalid parameter levels: each level must be in (0, 100), got 120.5"
    );
    check(&e.text(), "level error");
}

#[test]
fn inventory_sentences_in_both_languages() {
    let params = InventoryParams {
        budget: Some(5000.0),
        ..InventoryParams::default()
    };
    let r = inventory::run(&InventoryInput::new(sample()), &params).expect("inventory");
    assert!(!r.notes.is_empty());
    for n in &r.notes {
        check(n, "note");
    }
    for h in &r.how_computed {
        check(&h.text, &h.title);
    }
    for s in r.skus.iter().take(300) {
        check(&s.explanation, &s.sku);
    }
    let sim = r.simulation.as_ref().expect("replay");
    check(&sim.explanation, "replay");
    for c in std::iter::once(&sim.overall)
        .chain(&sim.by_abc)
        .chain(&sim.by_xyz)
    {
        check(&c.sentence, &c.class);
    }
    let o = &sim.overall;
    // A revenue class that misses while the catalogue does not is named, with how much more it
    // sold than its policies were set for (the sample's class A: units against plan).
    let class_why: String = sim
        .by_abc
        .iter()
        .filter(|c| !o.flagged && c.flagged && c.demand_vs_plan.is_some_and(|d| d >= 0.10))
        .map(|c| {
            format!(
                " Class {} misses its target: it sold {:.0}% more in those days than its policies were set for (a busier season or growth).",
                c.class,
                100.0 * c.demand_vs_plan.unwrap_or(0.0)
            )
        })
        .collect();
    assert!(!class_why.is_empty(), "the sample's class A misses");
    assert_eq!(
        sim.explanation.en(),
        format!(
            "Each SKU's policy was set on its history without the last {} days, then replayed day by day on those days (backorders, lead time as set, the earlier history as warm-up). Over {} SKUs with demand the average achieved fill rate is {:.1}% against an average target of {:.1}% ({:+.1} points){}.",
            params.holdout_days,
            shoplens::text::group_thousands(&o.skus_with_demand.to_string()),
            100.0 * o.fill_rate,
            100.0 * o.target,
            100.0 * o.gap,
            if o.flagged { "; the policy misses its target — see the classes below" } else { "" }
        ) + &class_why
    );
    let plan = r.plan.as_ref().expect("plan");
    assert!(plan.feasible);
    check(&plan.explanation, "plan");
    assert!(!plan.constraints.is_empty());
    for c in &plan.constraints {
        check(&c.sentence, &c.name);
    }
    let money = |v: f64| {
        let s = format!("{:.0}", v.round().abs());
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        // the sample names no currency: no symbol
        out
    };
    let binding: Vec<&str> = plan
        .constraints
        .iter()
        .filter(|k| k.binding)
        .map(|k| k.name.as_str())
        .collect();
    assert_eq!(
        plan.explanation.en(),
        format!(
            "Buy {} units of {} SKUs for {} (expected margin {}). {} of the {} SKUs that need ordering get their full suggested quantity{}.",
            plan.total_units,
            plan.lines.len(),
            money(plan.total_cost),
            money(plan.expected_margin),
            plan.fully_covered,
            plan.candidates,
            if binding.is_empty() {
                String::new()
            } else {
                format!("; the rest are limited by the {}", binding.join(" and the "))
            }
        )
    );
    println!(
        "{}\n{}\n{}",
        r.skus[0].explanation.render(Lang::Zh),
        plan.explanation.render(Lang::Zh),
        sim.explanation.render(Lang::Zh)
    );

    // An infeasible plan explains itself in both languages.
    let tight = InventoryParams {
        budget: Some(1.0),
        require_urgent: true,
        ..InventoryParams::default()
    };
    let r = inventory::run(&InventoryInput::new(sample()), &tight).expect("inventory");
    let p = r.plan.expect("plan");
    assert!(!p.feasible);
    check(&p.explanation, "infeasible plan");
    assert!(p
        .explanation
        .en()
        .starts_with("No purchase plan: the budget of 1 cannot cover"));

    // Parameter errors: the same English as before, and Chinese.
    let bad = InventoryParams {
        service_level: Some(1.5),
        ..InventoryParams::default()
    };
    let e = bad.validate().expect_err("service level 1.5");
    assert_eq!(
        e.to_string(),
        "invalid parameter service_level: a service level must be between 0 and 1 (exclusive), e.g. 0.95; got 1.5"
    );
    check(&e.text(), "service level error");
    let bad = InventoryParams {
        budget: Some(-5.0),
        ..InventoryParams::default()
    };
    let e = bad.validate().expect_err("budget -5");
    assert_eq!(
        e.to_string(),
        "invalid parameter budget: must be zero or more, got -5"
    );
    check(&e.text(), "budget error");
}
