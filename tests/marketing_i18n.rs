//! The marketing reports' sentences in Chinese (issue 8): every sentence of a real report on the
//! bundled samples renders from the catalogue (no `⟦missing key⟧`) and has Chinese in it, and the
//! English rendering is the one the old `format!` calls printed, byte for byte.

use shoplens::analytics::marketing::abtest::MetricKind;
use shoplens::analytics::marketing::elasticity::{
    self, ElasticityInput, ElasticityParams, ElasticitySpec,
};
use shoplens::analytics::marketing::experiment::{self, ExperimentSpec};
use shoplens::analytics::marketing::mmm::{self, BudgetParams, MmmInput, MmmParams, SpendSpec};
use shoplens::analytics::marketing::responders::{self, RespondersParams};
use shoplens::analytics::marketing::table::Table;
use shoplens::analytics::marketing::tree::{self, TreeInput, TreeParams};
use shoplens::data::{import_paths, ImportOptions};
use shoplens::text::{group_thousands, signed, Lang, Text};
use std::path::{Path, PathBuf};

/// A count or a formatted number as the sentences print it (`1,994`).
fn g(n: impl ToString) -> String {
    group_thousands(&n.to_string())
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

mod common;

/// The sentence in Chinese: from the catalogue, with Chinese in it; and its English, without.
fn check(what: &str, t: &Text) {
    common::assert_zh(what, t, &[]);
    let en = t.en();
    assert!(
        !en.chars().any(common::is_cjk),
        "{what}: Chinese in the English {en}"
    );
}

fn day(s: &str) -> i64 {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days()
}

#[test]
fn experiment_sample_in_chinese() {
    let t = Table::from_path(&sample("www/sample/marketing/experiment.csv")).unwrap();
    let r = experiment::run(&t, &ExperimentSpec::default()).unwrap();
    for n in &r.notes {
        check("experiment note", n);
    }
    assert_eq!(
        r.notes[0].en(),
        "Variants are read from column 'variant' (2 variants)."
    );
    for m in &r.metrics {
        for v in &m.variants {
            check("variant", &v.explain);
        }
        for c in &m.comparisons {
            check("comparison", &c.explain);
        }
        if let Some(b) = &m.bayes {
            check("bayes", &b.explain);
            check("bayes method", &b.method);
        }
        check("srm", &m.srm.explain);
        check("sample size", &m.sample_size.explain);
        // The English is what the old format! calls printed.
        let srm = &m.srm;
        assert_eq!(
            srm.explain.en(),
            format!(
                "Units per variant {:?} against an intended split of {}: chi-square {:.2} on {} df, p = {:.4}. {}",
                srm.observed,
                srm.intended.iter().map(|s| format!("{:.1}%", 100.0 * s)).collect::<Vec<_>>().join(" / "),
                srm.chi_square,
                srm.df,
                srm.p_value,
                if srm.mismatch {
                    format!("Below {}: the assignment or logging is probably broken, so the results above may be biased; find the cause before trusting them.", m.params.srm_threshold)
                } else {
                    format!("Not below {}: no sign of a broken assignment.", m.params.srm_threshold)
                }
            )
        );
        let ss = &m.sample_size;
        assert_eq!(
            ss.explain.en(),
            format!(
                "To detect a {:.1}% relative change from the control's {} with {:.0}% power at a {} \
                 two-sided level, each variant needs about {:.0} units ({:.0} in all{}). {}",
                100.0 * ss.mde_relative,
                match m.kind {
                    MetricKind::Conversion => format!("{:.2}% rate", 100.0 * ss.baseline),
                    MetricKind::Continuous => format!("mean {:.4}", ss.baseline),
                },
                100.0 * ss.power,
                ss.alpha,
                ss.per_variant,
                ss.total,
                ss.days
                    .map(|d| format!(", about {d:.0} days at the given traffic"))
                    .unwrap_or_default(),
                ss.per_variant_for_observed
                    .map(|n| format!("The largest observed difference would need about {n:.0} units per variant to be detected reliably."))
                    .unwrap_or_default()
            )
        );
        if m.kind == MetricKind::Conversion {
            let v = &m.variants[0];
            assert_eq!(
                v.explain.en(),
                format!(
                    "{}: {} of {} units converted, a rate of {:.2}%.",
                    v.name,
                    g(v.conversions.unwrap()),
                    g(v.units),
                    100.0 * v.mean
                )
            );
            let c = &m.comparisons[0];
            let level = 100.0 * (1.0 - m.params.alpha);
            let (t, k) = (
                m.variants.iter().find(|x| x.name == c.variant).unwrap(),
                m.variants.iter().find(|x| x.name == c.control).unwrap(),
            );
            assert_eq!(
                c.explain.en(),
                format!(
                    "{} converts at {:.2}% vs {:.2}% for {}: a difference of {:+.2} points \
                     ({level:.0}% interval {:+.2} to {:+.2}) and a relative lift of {:+.1}% \
                     ({:+.1}% to {:+.1}%). z = {:.3}, two-sided p = {:.4}: {}",
                    t.name,
                    100.0 * t.mean,
                    100.0 * k.mean,
                    k.name,
                    100.0 * c.difference,
                    100.0 * c.difference_ci.0,
                    100.0 * c.difference_ci.1,
                    100.0 * c.relative_lift,
                    100.0 * c.relative_lift_ci.0,
                    100.0 * c.relative_lift_ci.1,
                    c.statistic,
                    c.p_value,
                    if c.significant {
                        format!(
                            "a difference this large would be rare (below {}) if the variants were equal.",
                            m.params.alpha
                        )
                    } else {
                        format!(
                            "not significant at {}; the data are compatible with no difference.",
                            m.params.alpha
                        )
                    }
                )
            );
        }
    }
}

#[test]
fn media_mix_sample_in_chinese() {
    let t = Table::from_path(&sample("www/sample/marketing/spend.csv")).unwrap();
    let input = MmmInput::from_table(&t, &SpendSpec::default(), None).unwrap();
    let params = MmmParams {
        trials: 120,
        bootstrap: 20,
        budget: Some(BudgetParams {
            total: 260_000.0,
            periods: 13,
            bounds: Vec::new(),
        }),
        ..MmmParams::default()
    };
    let r = mmm::run(&input, &params).unwrap();
    check("fit", &r.fit.explain);
    for c in &r.channels {
        check("channel", &c.explain);
        if let Some(w) = &c.roi_withheld {
            check("withheld", w);
        }
    }
    for x in &r.identification.reasons {
        check("reason", x);
    }
    for n in &r.notes {
        check("note", n);
    }
    let a = r.allocation.as_ref().unwrap();
    check("allocation", &a.explain);
    let f = &r.fit;
    let holdout = format!(
        "On the last {} periods, kept aside and predicted by a model that never saw them: R² {:.2}, NRMSE {:.1}%, MAPE {:.1}%. ",
        f.holdout_periods,
        f.r2_holdout.unwrap(),
        100.0 * f.nrmse_holdout.unwrap(),
        100.0 * f.mape_holdout.unwrap()
    );
    assert_eq!(
        f.explain.en(),
        format!(
            "The model explains {:.1}% of the revenue variation in the periods it was fitted on (R²), with a typical error of {:.1}% of the revenue range (NRMSE) and {:.1}% per period (MAPE). {holdout}Cross-validated error while choosing the model: {:.1}% of the range. DECOMP.RSSD {:.3} measures how far each channel's share of the effect is from its share of spend (0 = identical; large values mean a few channels get most of the credit).",
            100.0 * f.r2_train,
            100.0 * f.nrmse_train,
            100.0 * f.mape_train,
            100.0 * f.nrmse_cv,
            f.decomp_rssd
        )
    );
    let per = a.total_budget / f64::from(a.periods);
    let moves: Vec<String> = a
        .channels
        .iter()
        .map(|c| {
            format!(
                "{} {:.0} → {:.0}",
                c.name, c.current_per_period, c.optimal_per_period
            )
        })
        .collect();
    assert_eq!(
        a.explain.en(),
        format!(
            "{}Spending {:.0} over the next {} periods ({per:.0} per period) with today's split is predicted to bring {:.0} of media-driven revenue (carry-over from past spend included); the suggested split ({}) brings {:.0}, {:+.0} ({:+.1}%). Spend per channel is kept within its bounds; the response beyond 1.5× the largest spend seen is an extrapolation.",
            if a.reliable {
                ""
            } else {
                "NOT RELIABLE: the model failed the identification checks (see identification), so treat this split as illustration only. "
            },
            a.total_budget,
            a.periods,
            a.revenue_current_split,
            moves.join(", "),
            a.revenue_optimal,
            a.lift,
            a.lift_pct
        )
    );

    // The ad-effect tree on the same file.
    let ti = TreeInput::from_mmm(&input);
    let tr = tree::run(&ti, &TreeParams::default()).unwrap();
    check("tree summary", &tr.summary);
    check("tree how", &tr.how_computed);
    for n in &tr.notes {
        check("tree note", n);
    }
    for l in &tr.leaves {
        check("tree rule", &l.rule);
    }
    assert_eq!(tr.text_in(Lang::En), tr.text);
}

#[test]
fn price_and_promotion_samples_in_chinese() {
    let t = Table::from_path(&sample("www/sample/marketing/prices.csv")).unwrap();
    let input = ElasticityInput::from_table(&t, &ElasticitySpec::default()).unwrap();
    let r = elasticity::run(&input, &ElasticityParams::default()).unwrap();
    check("summary", &r.summary);
    check("how", &r.how_computed);
    for g in &r.groups {
        check("group", &g.explain);
    }
    for f in &r.flags {
        check("flag", &f.explain);
        let (lift, lo, hi) = (f.lift_pct, f.ci_low_pct, f.ci_high_pct);
        assert_eq!(
            f.explain.en(),
            format!(
                "When '{}' is on, units are {:.1}% {} ({:.0}% interval {lo:+.1}% to {hi:+.1}%), at the same price and store.",
                f.name,
                lift.abs(),
                if lift >= 0.0 { "higher" } else { "lower" },
                100.0 * r.confidence
            )
        );
    }
    for n in &r.notes {
        check("note", n);
    }

    let r = common::sample_promo_report();
    check("promo summary", &r.summary);
    check("promo how", &r.how_computed);
    check("promo units", &r.units.explain);
    for n in &r.notes {
        check("promo note", n);
    }
    let u = &r.units;
    let verdict = if u.ci_low > 0.0 {
        "The promotion added to sales beyond what the baseline explains."
    } else if u.ci_high < 0.0 {
        "Sales were below the baseline: the promotion did not pay off in volume (or sales were pulled away to other periods)."
    } else {
        "The interval includes zero: the data cannot tell this lift apart from normal variation."
    };
    let units = format!(
        "Units: {} during the promotion against {} expected without it: {} ({:+.1}%), {:.0}% interval {} to {}. {verdict}",
        g(format!("{:.0}", u.actual)),
        g(format!("{:.0}", u.baseline)),
        signed(u.incremental, 0),
        u.lift_pct,
        100.0 * r.confidence,
        signed(u.ci_low, 0),
        signed(u.ci_high, 0)
    );
    assert_eq!(u.explain.en(), units);
    let revenue = r.revenue.as_ref().unwrap();
    check("promo revenue", &revenue.explain);
    assert_eq!(
        r.summary.en(),
        format!(
            "56 promoted days (5 promotions): {units} {}",
            revenue.explain.en()
        )
    );
}

#[test]
fn responders_on_the_bundled_orders_in_chinese() {
    let p = sample("www/sample/online_retail_sample.csv.gz");
    let data = import_paths(std::slice::from_ref(&p), &ImportOptions::default()).unwrap();
    let r = responders::run(
        &data,
        &RespondersParams::new(day("2011-08-01"), day("2011-08-07")),
    )
    .unwrap();
    check("responders summary", &r.summary);
    check("responders how", &r.how_computed);
    for g in &r.groups {
        check("responders rule", &g.rule);
    }
    let zh = r.tree.text_in(Lang::Zh);
    assert!(
        zh.contains("促销期间购买：") && !zh.contains("bought"),
        "{zh}"
    );
    assert_eq!(r.tree.text_in(Lang::En), r.tree.text);
    assert!(r.tree.text.contains("bought during the promotion: "));
}
