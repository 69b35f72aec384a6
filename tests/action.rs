//! Action plan (issue 8) on the real Online Retail data: the five decisions, their thresholds,
//! the money effects as sums of the underlying numbers, the reorder cost within the budget and
//! equal to the plan's total, and the A/B sample size from the abtest function.

use shoplens::analytics::action::{
    self, ActionInput, ActionParams, BaselineSource, DecisionKind, Detail, Given, Missing,
    MoneyKind, Verdict,
};
use shoplens::analytics::marketing::abtest::sample_size_proportions;
use shoplens::analytics::marketing::mmm::{self, MmmInput, MmmParams};
use shoplens::analytics::marketing::promo::PromoInput;
use shoplens::analytics::marketing::table::Table;
use shoplens::data::{import_paths, Dataset, ImportOptions};
use shoplens::text::{Lang, Text};
use std::sync::OnceLock;

fn retail() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/online_retail_uci/online_retail.csv.gz");
        import_paths(std::slice::from_ref(&p), &ImportOptions::default()).expect("import")
    })
}

fn sample_table(name: &str) -> Table {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/sample/marketing")
        .join(name);
    let bytes = std::fs::read(&p).expect("sample file");
    Table::from_bytes(name, &bytes).expect("table")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
}

#[test]
fn online_retail_action_plan() {
    let d = retail();
    let spend = sample_table("spend.csv");
    let mmm_input = MmmInput::from_table(&spend, &Default::default(), None).expect("mmm input");
    let promo_table = sample_table("promotions.csv");
    let promo_input =
        PromoInput::from_table(&promo_table, &action::promo_spec_for(&promo_table)).expect("promo");
    let params = ActionParams {
        budget: Some(5_000.0),
        ..ActionParams::default()
    };
    let mut stages = Vec::new();
    let (plan, reports) = action::run_on_dataset(
        d,
        &params,
        Given {
            mmm_input: Some(&mmm_input),
            promo_input: Some(&promo_input),
            ..Given::default()
        },
        &mut |done, total| stages.push((done, total)),
    )
    .expect("plan");
    assert_eq!(stages.last(), Some(&(action::STAGES, action::STAGES)));
    assert_eq!(plan.decisions.len(), 5);
    assert_eq!(plan.data_end.as_deref(), Some("2011-12-09"));
    for d in &plan.decisions {
        assert!(
            !d.is_missing(),
            "{:?} has no numbers: {:?}",
            d.kind,
            d.detail
        );
        let m = d.money.as_ref().expect("money");
        assert!(m.value.is_finite());
        assert!(close(m.value, m.terms.iter().sum()), "{:?}", d.kind);
    }
    let customers = reports.customers.as_ref().expect("customers");

    // (a) win-back: every listed customer above both thresholds; money = Σ CLV
    let wb = plan.decision(DecisionKind::WinBack).expect("win back");
    let Detail::WinBack(w) = &wb.detail else {
        panic!("{:?}", wb.detail)
    };
    let mut clvs: Vec<f64> = customers.clv.rows.iter().map(|r| r.clv).collect();
    clvs.sort_by(f64::total_cmp);
    let above = clvs.iter().filter(|v| **v >= w.clv_threshold).count() as f64;
    // the threshold is the 80th percentile: about a fifth of the customers are at or above it
    assert!((above / clvs.len() as f64 - 0.2).abs() < 0.01, "{above}");
    assert!(w.qualifying >= w.customers.len() && !w.customers.is_empty());
    assert_eq!(w.customers.len(), w.qualifying.min(25));
    for c in &w.customers {
        assert!(c.clv >= w.clv_threshold && c.churn_risk >= 0.5, "{c:?}");
        let row = customers
            .clv
            .rows
            .iter()
            .find(|r| r.customer_id == c.customer_id)
            .expect("row");
        assert_eq!(row.clv, c.clv);
        assert!(!c.items.is_empty() && c.items.len() <= 3, "{c:?}");
    }
    let m = wb.money.as_ref().expect("money");
    assert_eq!(m.kind, MoneyKind::ValueAtStake);
    let sum_clv: f64 = w.customers.iter().map(|c| c.clv).sum();
    assert!(close(m.value, sum_clv));
    eprintln!(
        "win-back: {} qualifying (CLV ≥ {:.0}, risk ≥ 0.5), {} listed, value at stake {:.0}",
        w.qualifying,
        w.clv_threshold,
        w.customers.len(),
        m.value
    );

    // (b) reorder: cost within the budget and equal to the plan's total; money = Σ margin
    let ro = plan.decision(DecisionKind::Reorder).expect("reorder");
    let Detail::Reorder(r) = &ro.detail else {
        panic!("{:?}", ro.detail)
    };
    let inv_plan = reports
        .inventory
        .as_ref()
        .expect("inventory")
        .plan
        .as_ref()
        .expect("plan");
    assert_eq!(r.budget, 5_000.0);
    assert!(r.total_cost <= 5_000.0 + 1e-6, "{}", r.total_cost);
    assert!(close(r.total_cost, inv_plan.total_cost));
    assert!(r.total_cost > 4_000.0, "the budget binds: {}", r.total_cost);
    assert!(r.budget_binding);
    assert_eq!(r.lines.len(), inv_plan.lines.len());
    let margin: f64 = inv_plan.lines.iter().map(|l| l.expected_margin).sum();
    assert!(close(ro.money.as_ref().expect("m").value, margin));
    assert!(close(margin, inv_plan.expected_margin));
    eprintln!(
        "reorder: {} lines, cost {:.2} of {:.0}, margin {:.2}",
        r.lines.len(),
        r.total_cost,
        r.budget,
        margin
    );

    // (c) ad budget: the same total, money = the allocation's lift
    let ad = plan.decision(DecisionKind::AdBudget).expect("ad");
    let Detail::AdBudget(a) = &ad.detail else {
        panic!("{:?}", ad.detail)
    };
    let alloc = reports
        .mmm
        .as_ref()
        .and_then(|m| m.allocation.as_ref())
        .expect("allocation");
    let per: f64 = a.channels.iter().map(|c| c.optimal_per_period).sum();
    assert!(close(per * f64::from(a.periods), a.total_budget), "{per}");
    assert!(close(ad.money.as_ref().expect("m").value, alloc.lift));
    assert!(alloc.lift >= -1e-6);
    eprintln!("ad budget: lift {:.0} ({:.1}%)", alloc.lift, alloc.lift_pct);

    // (d) promotion: incremental revenue = Σ episodes, verdict from the interval
    let pr = plan.decision(DecisionKind::Promotion).expect("promo");
    let Detail::Promotion(p) = &pr.detail else {
        panic!("{:?}", pr.detail)
    };
    let rep = reports.promo.as_ref().expect("promo report");
    let rev = rep.revenue.as_ref().expect("revenue");
    assert!(close(p.incremental, rev.incremental));
    assert!(close(pr.money.as_ref().expect("m").value, rev.incremental));
    let expect = if rev.ci_low > 0.0 {
        Verdict::Repeat
    } else if rev.ci_high < 0.0 {
        Verdict::Stop
    } else {
        Verdict::Unclear
    };
    assert_eq!(p.verdict, expect);
    assert_eq!(p.episodes.len(), rep.episodes.len());
    eprintln!(
        "promotion: {:.0} [{:.0}, {:.0}] {:?}",
        p.incremental, p.ci_low, p.ci_high, p.verdict
    );

    // (e) next test: the abtest sample size at the stated baseline and lift
    let nt = plan.decision(DecisionKind::NextTest).expect("test");
    let Detail::NextTest(t) = &nt.detail else {
        panic!("{:?}", nt.detail)
    };
    assert_eq!(t.baseline_source, BaselineSource::AtRiskPurchase90d);
    assert_eq!(t.subject, DecisionKind::WinBack);
    let at_risk: Vec<f64> = customers
        .clv
        .rows
        .iter()
        .filter(|r| r.churn_risk >= 0.5)
        .map(|r| 1.0 - r.p_no_purchase_90d)
        .collect();
    assert_eq!(t.pool, at_risk.len());
    let p0 = at_risk.iter().sum::<f64>() / at_risk.len() as f64;
    assert!(close(t.baseline, p0));
    assert!(close(t.target_rate, p0 * 1.1));
    assert_eq!(
        t.per_variant,
        sample_size_proportions(p0, p0 * 1.1, 0.05, 0.8)
    );
    assert_eq!(t.total, 2.0 * t.per_variant);
    assert_eq!(t.feasible, t.total <= t.pool as f64);
    // Its money comes only if the lift is real; a pool too small for 10 % gets the lift it can
    // detect: at that lift the rounded sample size fits the pool, a hair below it does not.
    assert!(nt.money.as_ref().expect("m").conditional);
    assert!(plan
        .decisions
        .iter()
        .filter(|d| d.kind != DecisionKind::NextTest)
        .all(|d| d.money.as_ref().is_none_or(|m| !m.conditional)));
    match t.min_detectable_lift {
        Some(l) => {
            assert!(!t.feasible && l > 0.1, "{l}");
            let n = |l: f64| sample_size_proportions(p0, p0 * (1.0 + l), 0.05, 0.8);
            assert!(2.0 * n(l * (1.0 + 1e-6)) <= t.pool as f64);
            assert!(2.0 * n(l * (1.0 - 1e-3)) > t.pool as f64);
        }
        None => assert!(t.feasible),
    }
    eprintln!(
        "test: p0 {:.4} → {:.4}, n {} per variant, pool {}, money {:.0}",
        t.baseline,
        t.target_rate,
        t.per_variant,
        t.pool,
        nt.money.as_ref().expect("m").value
    );
    // the plan serialises (it travels to the page as JSON)
    let json = serde_json::to_string(&plan).expect("json");
    assert!(json.contains("\"win_back\""));
}

#[test]
fn default_budget_is_half_the_urgent_orders_and_missing_inputs_are_explained() {
    let d = retail();
    let (plan, reports) = action::run_on_dataset(
        d,
        &ActionParams::default(),
        Given::default(),
        &mut |_, _| {},
    )
    .expect("plan");
    let Some(Detail::Reorder(r)) = plan.decision(DecisionKind::Reorder).map(|d| &d.detail) else {
        panic!("no reorder")
    };
    assert!(r.budget_is_default);
    let inv = reports.inventory.as_ref().expect("inventory");
    let need: f64 = inv
        .skus
        .iter()
        .filter(|s| s.order_now)
        .map(|s| s.suggested_order * s.unit_cost)
        .sum();
    assert_eq!(r.budget, (0.5 * need / 100.0).ceil() * 100.0);
    assert_eq!(action::default_budget(inv), r.budget);
    assert!(r.total_cost <= r.budget + 1e-6);
    eprintln!("default budget {:.0}, cost {:.2}", r.budget, r.total_cost);
    assert_eq!(
        plan.decision(DecisionKind::AdBudget).map(|d| &d.detail),
        Some(&Detail::Missing(Missing::NoSpendFile))
    );
    assert_eq!(
        plan.decision(DecisionKind::Promotion).map(|d| &d.detail),
        Some(&Detail::Missing(Missing::NoPromotion))
    );
    // the pure core on the same reports gives the same plan
    let again = action::run(
        &ActionInput {
            customers: reports.customers.as_ref().ok(),
            recommend: reports.recommend.as_ref(),
            inventory: reports.inventory.as_ref().ok(),
            mmm: None,
            promo: None,
        },
        &ActionParams::default(),
    )
    .expect("plan");
    assert_eq!(again, plan);

    // A customers report the caller already has is used when its parameters are the plan's
    // (the page's worker keeps one), and ignored otherwise: an emptied report with k = 3
    // would leave the win-back list empty if it were used.
    let given = reports.customers.as_ref().expect("customers");
    let (reused, _) = action::run_on_dataset(
        d,
        &ActionParams::default(),
        Given {
            customers_report: Some(given),
            ..Given::default()
        },
        &mut |_, _| {},
    )
    .expect("plan");
    assert_eq!(reused, plan);
    let mut other = given.clone();
    other.params.k = Some(3);
    other.rfm.clear();
    let (ignored, r) = action::run_on_dataset(
        d,
        &ActionParams::default(),
        Given {
            customers_report: Some(&other),
            ..Given::default()
        },
        &mut |_, _| {},
    )
    .expect("plan");
    assert_eq!(ignored, plan);
    assert_eq!(r.customers.as_ref().ok(), Some(given));

    // An infeasible purchase plan and a media-mix model without a split: their reasons reach
    // the page as sentences (Chinese there), the English as it was.
    let mut infeasible = inv.clone();
    infeasible.plan = Some(shoplens::analytics::inventory::plan::infeasible(
        Text::new("inventory.infeasible.capacity")
            .num("cap", 100.0, 0)
            .num("need", 250.0, 0)
            .int("n", 3)
            .num("more", 150.0, 0),
    ));
    let mut mmm = mmm::run(
        &MmmInput::from_table(&sample_table("spend.csv"), &Default::default(), None)
            .expect("mmm input"),
        &MmmParams::default(),
    )
    .expect("mmm");
    assert!(mmm.allocation.is_none(), "no budget, no split");
    mmm.notes = vec![
        Text::new("mkt.mmm.no_season").num("days", 364.0, 0),
        Text::new("mkt.mmm.collinear").num("cond", 4321.0, 0),
    ];
    let plan = action::run(
        &ActionInput {
            inventory: Some(&infeasible),
            mmm: Some(&mmm),
            ..ActionInput::default()
        },
        &ActionParams::default(),
    )
    .expect("plan");
    let Some(Detail::Missing(Missing::NothingToReorder { message })) =
        plan.decision(DecisionKind::Reorder).map(|d| &d.detail)
    else {
        panic!("reorder: {:?}", plan.decision(DecisionKind::Reorder))
    };
    let explanation = &infeasible.plan.as_ref().unwrap().explanation;
    assert_eq!(message, explanation);
    assert!(
        message.en().starts_with("No purchase plan: "),
        "{}",
        message.en()
    );
    let zh = message.render(Lang::Zh);
    assert!(
        zh.starts_with("无法制定采购计划：") && zh.contains("250") && zh.contains("150"),
        "{zh}"
    );
    let Some(Detail::Missing(Missing::NoAllocation { message })) =
        plan.decision(DecisionKind::AdBudget).map(|d| &d.detail)
    else {
        panic!("ad budget: {:?}", plan.decision(DecisionKind::AdBudget))
    };
    assert_eq!(
        message.en(),
        format!("{} {}", mmm.notes[0].en(), mmm.notes[1].en())
    );
    assert_eq!(
        message.render(Lang::Zh),
        format!(
            "{}另外，{}",
            mmm.notes[0].render(Lang::Zh),
            mmm.notes[1].render(Lang::Zh)
        )
    );
    assert!(message.render(Lang::Zh).contains("364 天"));
}
