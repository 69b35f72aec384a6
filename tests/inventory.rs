//! Inventory pillar on real data: the carparts fill-rate replay (issue 6: policies set on the
//! first 45 months, replayed on the last 6, fill rate within 2 points of the target on average
//! across SKUs), the full Online Retail catalogue end to end, and property tests.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use shoplens::analytics::inventory::{
    self, classification, design, plan, simulate, stock, InventoryError, InventoryInput,
    InventoryParams, OnHandAssumption, ReorderRule, ServiceMeasure, Status,
};
use shoplens::data::{import_bytes, import_paths, Dataset, ImportOptions};

fn data_path(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join("data")
        .join(rel)
}

/// carparts series with >= 10 non-zero of the first 45 months and all 51 months present.
fn carparts() -> Vec<Vec<f64>> {
    let mut rdr =
        csv::Reader::from_path(data_path("intermittent_carparts_jewelry/carparts_long.csv"))
            .expect("carparts");
    let mut map: BTreeMap<String, Vec<(String, f64)>> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.expect("record");
        let v: f64 = rec[2].parse().unwrap_or(f64::NAN);
        map.entry(rec[0].to_string())
            .or_default()
            .push((rec[1].to_string(), v));
    }
    map.into_values()
        .map(|mut v| {
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v.into_iter().map(|x| x.1).collect::<Vec<f64>>()
        })
        .filter(|v| v.len() == 51 && v.iter().all(|x| x.is_finite()))
        .filter(|v| v[..45].iter().filter(|x| **x != 0.0).count() >= 10)
        .collect()
}

/// Monthly terms used for carparts: lead time 1 month, order cost 20, holding 25 %/year of a
/// unit cost of 10, EOQ lots, fill-rate target.
fn carparts_terms(target: f64, seed: u64) -> design::SkuTerms {
    design::SkuTerms {
        lead_periods: 1.0,
        lead_sd_periods: 0.0,
        unit_cost: 10.0,
        order_cost: 20.0,
        holding_rate: 0.25,
        periods_per_year: 12.0,
        moq: 0.0,
        case_pack: 1.0,
        price_breaks: None,
        target,
        measure: ServiceMeasure::FillRate,
        samples: 4000,
        seed,
        lowest_reorder_point: 0.0,
        cover_periods: 0.0,
        season_factor: 1.0,
        rule: ReorderRule::AtLeast,
    }
}

/// Lot-size rule of a carparts replay.
#[derive(Clone, Copy, Debug)]
enum Lots {
    /// EOQ lots, reorder point at least 0 (what the shop page uses).
    Eoq,
    /// Base stock (Q = 1, order up to s + 1 every month).
    BaseStock,
}

struct CarpartsResult {
    /// Mean model-expected fill rate of the designed policies.
    expected: f64,
    overall: simulate::SimSummary,
    by_abc: Vec<simulate::SimSummary>,
    by_xyz: Vec<simulate::SimSummary>,
}

/// One carparts series' classes, planned demand over the 6 replayed months and replay.
type CarpartsRep = (
    classification::Abc,
    classification::Xyz,
    f64,
    simulate::Replay,
);

fn carparts_replay(target: f64, lots: Lots, rule: ReorderRule) -> CarpartsResult {
    let series = carparts();
    assert_eq!(series.len(), 1247);
    let totals: Vec<f64> = series.iter().map(|v| v[..45].iter().sum()).collect();
    let abc = classification::abc(&totals, 0.8, 0.95);
    let mut reps = Vec::new();
    let mut expected = 0.0;
    for (i, y) in series.iter().enumerate() {
        let mut t = carparts_terms(target, 1000 + i as u64);
        t.rule = rule;
        if let Lots::BaseStock = lots {
            t.order_cost = 1e-9;
        }
        let d = design::design(&y[..45], &t);
        expected += d.ltd.fill_rate(d.reorder_point, d.order_quantity) / series.len() as f64;
        let pol = simulate::Policy {
            reorder_point: d.reorder_point,
            order_quantity: d.order_quantity,
            lead_periods: 1,
        };
        // start at s + Q, the first 45 months as warm-up, the last 6 measured
        let r = simulate::replay(&pol, y, d.reorder_point + d.order_quantity, 45);
        let xyz = classification::xyz(classification::cv(&y[..45]), 0.5, 1.0);
        reps.push((abc[i], xyz, d.model.mean * 6.0, r));
    }
    let group = |f: &dyn Fn(&CarpartsRep) -> bool| {
        reps.iter()
            .filter(|x| f(x))
            .map(|x| (target, 10.0, x.2, &x.3))
            .collect::<Vec<_>>()
    };
    use classification::{Abc, Xyz};
    CarpartsResult {
        expected,
        overall: simulate::summarise("all", &group(&|_| true)),
        by_abc: [Abc::A, Abc::B, Abc::C]
            .iter()
            .map(|a| simulate::summarise(a.key(), &group(&|x| x.0 == *a)))
            .collect(),
        by_xyz: [Xyz::X, Xyz::Y, Xyz::Z]
            .iter()
            .map(|z| simulate::summarise(z.key(), &group(&|x| x.1 == *z)))
            .collect(),
    }
}

fn print(r: &CarpartsResult, target: f64, lots: Lots, rule: ReorderRule) {
    eprintln!(
        "carparts {lots:?} {rule:?} target {target} (model-expected mean {:.4}): {}",
        r.expected, r.overall.sentence
    );
    for c in r.by_abc.iter().chain(&r.by_xyz) {
        eprintln!(
            "  class {} skus {} with demand {} fill {:.4} weighted {:.4} gap {:+.4}",
            c.class, c.skus, c.skus_with_demand, c.fill_rate, c.fill_rate_weighted, c.gap
        );
    }
}

/// Issue 6: the replayed fill rate is within 2 points of the target on average across SKUs.
///
/// Asserted for the standard spare-parts policy of the intermittent-demand literature — monthly
/// base stock (order up to `s + 1`, `Q = 1`) with the reorder point whose expected fill rate is
/// nearest the target: 95.6 % achieved for a 95 % target. With EOQ lots the whole-unit steps of
/// lumpy demand are coarse, so the expected fill rate overshoots; there the replay must match
/// what the model expected within 2.5 points (calibration of the compound lead-time demand
/// distribution: +0.6 to +2.0 points measured), and
/// with the shop's default "at least" rule it never falls under the target. All variants are
/// printed and recorded in BENCHMARKS.md.
#[test]
fn carparts_fill_rate_within_two_points_of_target() {
    let base = carparts_replay(0.95, Lots::BaseStock, ReorderRule::Nearest);
    print(&base, 0.95, Lots::BaseStock, ReorderRule::Nearest);
    // 937 of the 1,247 series have demand in the last 6 months
    assert_eq!(base.overall.skus_with_demand, 937);
    assert!(
        base.overall.gap.abs() <= 0.02,
        "base stock, nearest rule: mean fill rate {} (gap {})",
        base.overall.fill_rate,
        base.overall.gap
    );
    for (lots, rule, target) in [
        (Lots::BaseStock, ReorderRule::Nearest, 0.90),
        (Lots::Eoq, ReorderRule::Nearest, 0.95),
        (Lots::Eoq, ReorderRule::Nearest, 0.90),
        (Lots::Eoq, ReorderRule::AtLeast, 0.95),
        (Lots::Eoq, ReorderRule::AtLeast, 0.90),
    ] {
        let r = carparts_replay(target, lots, rule);
        print(&r, target, lots, rule);
        assert!(
            (r.overall.fill_rate - r.expected).abs() <= 0.025,
            "{lots:?} {rule:?} target {target}: achieved {} vs model-expected {}",
            r.overall.fill_rate,
            r.expected
        );
        if rule == ReorderRule::AtLeast {
            assert!(r.expected >= target && r.overall.fill_rate >= target);
        }
    }
}

// ---------- Online Retail end to end ----------

fn retail() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| {
        let p = data_path("online_retail_uci/online_retail.csv.gz");
        import_paths(std::slice::from_ref(&p), &ImportOptions::default()).expect("import")
    })
}

#[test]
fn online_retail_full_catalogue() {
    let d = retail();
    assert_eq!(d.lines.len(), 530_104);
    let params = InventoryParams {
        budget: Some(20_000.0),
        capacity_units: Some(50_000.0),
        ..InventoryParams::default()
    };
    let mut calls = 0usize;
    let r = inventory::run_with_progress(&InventoryInput::new(d), &params, &mut |_, _| calls += 1)
        .expect("run");
    assert!(calls > 10);
    // 3,9xx SKUs in the file
    assert!((3_800..=4_100).contains(&r.skus.len()), "{}", r.skus.len());
    assert_eq!(r.data_end, "2011-12-09");
    for s in &r.skus {
        assert!(
            s.demand_per_day.is_finite() && s.demand_per_day >= 0.0,
            "{}",
            s.sku
        );
        assert!(
            s.reorder_point >= 0.0 && s.reorder_point.fract() == 0.0,
            "{}",
            s.sku
        );
        assert!(s.order_quantity >= 1.0, "{}", s.sku);
        assert!((0.0..=1.0).contains(&s.stockout_risk), "{}", s.sku);
        assert!(s.lead_time_demand_mean >= 0.0);
        if s.order_now {
            assert_eq!(s.status, Status::OrderNow);
            assert!(s.inventory_position <= s.reorder_point);
        }
    }
    for c in &r.status_counts {
        eprintln!(
            "status {}: {} SKUs, tied-up {:.0}",
            c.label, c.skus, c.tied_up_cash
        );
    }
    // ABC: A ≈ the SKUs making 80 % of revenue — a minority of the catalogue
    let a = r
        .skus
        .iter()
        .filter(|s| s.abc == classification::Abc::A)
        .count();
    assert!(a > 300 && a < r.skus.len() / 2, "{a}");
    // the top seller by revenue is the well-known DOTCOM POSTAGE / REGENCY CAKESTAND class A
    assert_eq!(r.skus[0].abc, classification::Abc::A);
    // status mix: with the replay assumption some SKUs are dead stock and some need ordering
    let count = |st: Status| {
        r.status_counts
            .iter()
            .find(|c| c.status == st)
            .unwrap()
            .skus
    };
    assert!(count(Status::OrderNow) > 0 && count(Status::DeadStock) > 0);
    assert!(r.tied_up_cash_total > 0.0);
    // stock value per status: what is on hand at unit cost, summing to the whole stock's value;
    // dead stock's tied-up cash is its whole stock value, overstock's only the excess
    let value = |st: Status| {
        r.skus
            .iter()
            .filter(|s| s.status == st)
            .map(|s| s.on_hand.max(0.0) * s.unit_cost)
            .sum::<f64>()
    };
    let mut total = 0.0;
    for c in &r.status_counts {
        assert!(
            (c.stock_value - value(c.status)).abs() < 1e-6,
            "{}",
            c.label
        );
        total += c.stock_value;
    }
    let whole: f64 = r
        .skus
        .iter()
        .map(|s| s.on_hand.max(0.0) * s.unit_cost)
        .sum();
    assert!(
        total > 0.0 && (total - whole).abs() < 1e-6 * whole,
        "{total} {whole}"
    );
    let sc = |st: Status| r.status_counts.iter().find(|c| c.status == st).unwrap();
    let dead = sc(Status::DeadStock);
    assert!((dead.stock_value - dead.tied_up_cash).abs() < 1e-6 * (1.0 + dead.stock_value));
    let over = sc(Status::Overstocked);
    assert!(over.tied_up_cash <= over.stock_value + 1e-9);
    // plan within budget and capacity, with a solver objective
    let plan = r.plan.as_ref().expect("plan");
    assert!(plan.feasible, "{}", plan.explanation);
    assert!(plan.total_cost <= 20_000.0 + 1e-6, "{}", plan.total_cost);
    assert!(plan.total_units <= 50_000.0 + 1e-6);
    assert!(plan.objective > 0.0 && !plan.lines.is_empty());
    let budget = plan
        .constraints
        .iter()
        .find(|c| c.name == "budget")
        .unwrap();
    assert!(budget.binding, "{}", budget.sentence);
    assert!(
        // UCI names no currency: the money has no symbol (as on the other pages).
        budget.sentence.en().contains(" +2,000 would add"),
        "{}",
        budget.sentence
    );
    // simulation check and trade-off
    let sim = r.simulation.as_ref().expect("simulation");
    eprintln!("{}", sim.explanation);
    for c in sim.by_abc.iter().chain(&sim.by_xyz) {
        eprintln!("  {}", c.sentence);
    }
    assert!(sim.overall.skus_with_demand > 1000);
    assert!(sim.overall.fill_rate > 0.5 && sim.overall.fill_rate <= 1.0);
    // The replayed 90 days are this shop's Q4 peak: the policies miss, and the page says why
    // (units sold against the demand rates the policies were set on, summed over SKUs).
    assert!(sim.overall.flagged);
    let dev = sim.overall.demand_vs_plan.expect("planned demand");
    assert!(
        (dev - (sim.overall.demand / sim.overall.planned_demand - 1.0)).abs() < 1e-12
            && (0.45..0.80).contains(&dev),
        "{dev}"
    );
    assert!(
        sim.explanation.en().contains(&format!(
            "the shop sold {:.0}% more than the policies were set for",
            100.0 * dev
        )),
        "{}",
        sim.explanation
    );
    // Class A sold more above plan than C (the peak is in the big sellers).
    let by = |k: &str| {
        sim.by_abc
            .iter()
            .find(|c| c.class == k)
            .and_then(|c| c.demand_vs_plan)
    };
    assert!(by("A") > by("C"), "{:?} {:?}", by("A"), by("C"));
    assert_eq!(r.tradeoff.len(), params.tradeoff_levels.len());
    for w in r.tradeoff.windows(2) {
        assert!(w[1].inventory_value >= w[0].inventory_value - 1e-6);
        assert!(w[1].expected_fill_rate >= w[0].expected_fill_rate - 1e-9);
    }
    assert_eq!(r.projections.len(), 10);
    assert_eq!(r.projections[0].on_hand.len(), params.projection_days + 1);
    assert!(!r.notes.is_empty() && r.how_computed.len() >= 8);
    // Demand net of the cancellation lines, per SKU and day, never below 0. pandas: the lines
    // with an order id "C…" dated from their SKU's first sale on, each taking its units off
    // that day's sales in file order until none are left: 6,260 take something off, 214,889
    // units (the same rule on the shop's daily total takes all 9,288 lines, 277,574 units off,
    // as the Forecast page says).
    assert!(
        r.notes.iter().any(|n| n.en()
            == "Demand is net of cancellations and returns: 214,889 units (6,260 lines) were \
                subtracted on the day they were cancelled."),
        "{:?}",
        r.notes
    );
    // the report travels as JSON
    let js = serde_json::to_string(&r).unwrap();
    let back: inventory::InventoryReport = serde_json::from_str(&js).unwrap();
    assert_eq!(back.skus.len(), r.skus.len());
}

#[test]
fn inventory_file_overrides_and_notes() {
    let d = retail();
    let csv = "StockCode,On hand,On order,Lead time (days),Unit cost,Case pack,Supplier\n\
               85123A,0,0,7,1.50,12,Acme\n\
               22423,40000,0,14,6.00,,Acme\n\
               NOPE1,3,,,2.0,,Other\n";
    let t = stock::parse("stock.csv", csv.as_bytes()).unwrap();
    let r = inventory::run(
        &InventoryInput {
            orders: d,
            stock: Some(&t),
        },
        &InventoryParams::default(),
    )
    .unwrap();
    let row = |s: &str| r.skus.iter().find(|x| x.sku == s).unwrap();
    let a = row("85123A");
    assert_eq!(a.on_hand, 0.0);
    assert_eq!(a.unit_cost, 1.5);
    assert_eq!(a.lead_time_days, 7.0);
    assert_eq!(a.order_quantity % 12.0, 0.0);
    assert!(a.order_now && a.stockout_risk > 0.99);
    assert_eq!(a.supplier, "Acme");
    // 40,000 cake stands is far more than s + Q and months of cover
    let b = row("22423");
    assert_eq!(b.status, Status::Overstocked);
    assert!(b.tied_up_cash > 0.0);
    // an unknown SKU is reported with its row, and counted as dead stock
    assert!(
        r.notes.iter().any(|n| n.en().contains("'NOPE1' (row 3)")),
        "{:?}",
        r.notes
    );
    assert_eq!(row("NOPE1").status, Status::DeadStock);
    assert!(r
        .notes
        .iter()
        .any(|n| n.en().contains("not in the inventory file")));
}

// ---------- properties ----------

#[test]
fn safety_stock_grows_with_service_level_and_lead_time() {
    let d = retail();
    let series = shoplens::analytics::forecast::series::aggregate(
        &d.lines,
        shoplens::analytics::forecast::series::Level::Sku,
        shoplens::analytics::forecast::series::Freq::Day,
        shoplens::analytics::forecast::series::Measure::Units,
        None,
    )
    .series;
    let mut checked = 0;
    let mut ss_drops = 0;
    for s in series
        .iter()
        .filter(|s| s.values.iter().filter(|v| **v > 0.0).count() > 20)
        .take(60)
    {
        for measure in [ServiceMeasure::FillRate, ServiceMeasure::CycleServiceLevel] {
            let mut last = f64::NEG_INFINITY;
            for target in [0.8, 0.9, 0.95, 0.99] {
                let mut t = carparts_terms(target, 7);
                t.periods_per_year = 365.0;
                t.lead_periods = 14.0;
                t.measure = measure;
                t.samples = 1000;
                let ss = design::design(&s.values, &t).safety_stock;
                assert!(
                    ss >= last - 1e-9,
                    "{} {measure:?} {target}: {ss} < {last}",
                    s.id
                );
                last = ss;
            }
            if measure == ServiceMeasure::FillRate {
                continue;
            }
            let mut last = f64::NEG_INFINITY;
            let mut last_ss = f64::NEG_INFINITY;
            for lead in [3.0, 7.0, 14.0, 28.0] {
                let mut t = carparts_terms(0.95, 7);
                t.periods_per_year = 365.0;
                t.lead_periods = lead;
                t.measure = measure;
                t.samples = 1000;
                // same seed → common random numbers (longer lead times extend the same paths)
                let d = design::design(&s.values, &t);
                assert!(
                    d.reorder_point >= last,
                    "{} lead {lead}: {} < {last}",
                    s.id,
                    d.reorder_point
                );
                if d.safety_stock < last_ss - 1.0 {
                    // quantile − mean of a skewed distribution need not grow with L
                    eprintln!(
                        "{} lead {lead}: safety stock {} < {last_ss}",
                        s.id, d.safety_stock
                    );
                    ss_drops += 1;
                }
                last = d.reorder_point;
                last_ss = d.safety_stock;
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 60);
    // 60 SKUs × 3 lead-time steps: safety stock grows with the lead time for at least 95 %
    assert!(ss_drops <= 9, "{ss_drops} drops");
}

#[test]
fn plan_never_exceeds_budget_or_capacity() {
    let d = retail();
    let base = InventoryParams {
        on_hand: OnHandAssumption::Zero,
        holdout_days: 0,
        tradeoff_levels: vec![],
        samples: 200,
        ..InventoryParams::default()
    };
    for (budget, cap) in [
        (500.0, None),
        (5_000.0, Some(800.0)),
        (1e9, Some(2_000.0)),
        (0.0, None),
    ] {
        let p = InventoryParams {
            budget: Some(budget),
            capacity_units: cap,
            ..base.clone()
        };
        let r = inventory::run(&InventoryInput::new(d), &p).unwrap();
        let plan = r.plan.clone().unwrap();
        assert!(plan.feasible);
        assert!(
            plan.total_cost <= budget + 1e-6,
            "{} > {budget}",
            plan.total_cost
        );
        if let Some(c) = cap {
            assert!(plan.total_units <= c + 1e-6, "{} > {c}", plan.total_units);
        }
        let sum: f64 = plan.lines.iter().map(|l| l.cost).sum();
        assert!((sum - plan.total_cost).abs() < 1e-6);
        if budget == 0.0 {
            assert!(plan.lines.is_empty());
        }
        // The same plan from one assessment solved for the budget afterwards (what the
        // action plan does to read a default budget off the report first).
        let assessed = inventory::assess_with_progress(
            &InventoryInput::new(d),
            &InventoryParams {
                capacity_units: cap,
                ..base.clone()
            },
            &mut |_, _| {},
        )
        .unwrap();
        assert!(assessed.report().plan.is_none());
        let later = assessed.with_budget(Some(budget)).unwrap();
        assert_eq!(later.plan.as_ref(), Some(&plan), "budget {budget}");
        assert_eq!(later.params.budget, Some(budget));
    }
}

#[test]
fn infeasible_constraints_give_a_clear_message() {
    let d = retail();
    let p = InventoryParams {
        on_hand: OnHandAssumption::Zero,
        holdout_days: 0,
        tradeoff_levels: vec![],
        samples: 200,
        budget: Some(100.0),
        require_urgent: true,
        ..InventoryParams::default()
    };
    let r = inventory::run(&InventoryInput::new(d), &p).unwrap();
    let plan = r.plan.unwrap();
    assert!(!plan.feasible);
    assert!(
        plan.explanation
            .en()
            .contains("the budget of 100 cannot cover"),
        "{}",
        plan.explanation
    );
    // the plan module itself returns the specific error
    let c = vec![plan::PlanCandidate {
        sku: "X".into(),
        supplier: "S".into(),
        unit_cost: 1.0,
        unit_margin: 1.0,
        unit_holding: 0.1,
        urgent_units: 10.0,
        suggested_units: 10.0,
        case_pack: 1.0,
        supplier_minimum: 0.0,
    }];
    let lim = plan::PlanLimits {
        budget: None,
        capacity_units: Some(5.0),
        require_urgent: true,
        units_only: false,
    };
    match plan::solve(&c, &lim, None, "£") {
        Err(InventoryError::InfeasiblePlan(m)) => {
            assert!(m.en().contains("capacity of 5 units"), "{m}")
        }
        other => panic!("expected an infeasible plan, got {other:?}"),
    }
    // bad parameters are rejected before any work
    let bad = InventoryParams {
        service_level: Some(1.5),
        ..InventoryParams::default()
    };
    let e = inventory::run(&InventoryInput::new(d), &bad)
        .unwrap_err()
        .to_string();
    assert!(e.contains("service_level"), "{e}");
}

/// Money in the inventory's sentences is in the orders' own currency: "$" prices give "$", an
/// explicit symbol wins, and orders naming no currency get none.
#[test]
fn money_is_in_the_orders_currency() {
    let mut csv = String::from("order_id,order_date,customer_id,sku,quantity,unit_price\n");
    for d in 0..90 {
        let day = 19_723 + d; // from 2024-01-01
        let (y, m, dd) = shoplens::data::dates::civil_from_days(day);
        for (k, sku) in ["S1", "S2"].iter().enumerate() {
            let q = 3 + (d * (k as i64 + 2)) % 5;
            csv.push_str(&format!(
                "o{d}{k},{y:04}-{m:02}-{dd:02},c{},{sku},{q},${}.50\n",
                d % 9,
                4 + k
            ));
        }
    }
    let d = import_bytes("orders.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(d.report.currencies, vec![("USD".to_string(), 180)]);
    let params = InventoryParams {
        budget: Some(1.0),
        require_urgent: true,
        on_hand: OnHandAssumption::Zero,
        holdout_days: 0,
        ..InventoryParams::default()
    };
    let r = inventory::run(&InventoryInput::new(&d), &params).unwrap();
    assert_eq!(r.params.currency, "$");
    let why = r.plan.as_ref().unwrap().explanation.en();
    assert!(why.contains("the budget of $1 cannot cover"), "{why}");
    let euro = InventoryParams {
        currency: "€".into(),
        ..params.clone()
    };
    let r = inventory::run(&InventoryInput::new(&d), &euro).unwrap();
    assert!(r
        .plan
        .unwrap()
        .explanation
        .en()
        .contains("the budget of €1 cannot cover"));
    // the same orders without the symbol: no currency, no symbol
    let plain = csv.replace('$', "");
    let d = import_bytes("orders.csv", plain.as_bytes(), &ImportOptions::default()).unwrap();
    assert!(d.report.currencies.is_empty());
    let r = inventory::run(&InventoryInput::new(&d), &params).unwrap();
    assert_eq!(r.params.currency, "");
    assert!(r
        .plan
        .unwrap()
        .explanation
        .en()
        .contains("the budget of 1 cannot cover"));
}

/// Two products sold every day for 770 days from Monday 2024-01-01: "A" 10 a day with a
/// 70-day rush of 30 a day at the same time each year (days 45–114 and 409–478), "B" 1 a day.
/// `days` keeps the last so many days.
fn seasonal_orders(days: usize) -> Dataset {
    let mut csv = String::from("order_id,order_date,customer_id,sku,quantity,unit_price\n");
    for d in 770 - days..770 {
        let (y, m, dd) = shoplens::data::dates::civil_from_days(19_723 + d as i64);
        let a = if (45..115).contains(&(d % 364)) {
            30
        } else {
            10
        };
        for (sku, q) in [("A", a), ("B", 1)] {
            csv.push_str(&format!(
                "o{d}{sku},{y:04}-{m:02}-{dd:02},c{},{sku},{q},4.00\n",
                d % 7
            ));
        }
    }
    import_bytes("orders.csv", csv.as_bytes(), &ImportOptions::default()).unwrap()
}

/// Last year's season over the lead time (`season.rs`), by hand: a year (364 days) before the
/// day after the data is day 406 (2025-02-10); the 14 days from it sold A 3 × 10 + 11 × 30 =
/// 360 and B 14, 374 units, where the demand levels then (A flat at 10 since day 115, B at 1)
/// pointed to 140 + 14 = 154, so the shop's F = 374 / 154 = 2.428571. A's own ratio is pulled
/// toward it: (360 + 10 F) / (140 + 10) = 2.561905; B sold little: (14 + 10 F) / (14 + 10) =
/// 1.595238. Both now sell at their level (10 and 1 a day), so the demand per day over the
/// lead time is the level × the factor. The rush came back in the second year, so the backtest
/// lets the season be used.
#[test]
fn lead_time_demand_follows_last_years_season() {
    let d = seasonal_orders(770);
    let params = InventoryParams {
        on_hand: OnHandAssumption::Zero,
        ..InventoryParams::default()
    };
    let r = inventory::run(&InventoryInput::new(&d), &params).unwrap();
    let season = r.season.expect("a year and four weeks of history");
    assert_eq!((season.lead_days, season.next_units), (14, 374.0));
    assert!((season.expected_units - 154.0).abs() < 1e-9);
    let shop_f = 374.0 / 154.0;
    assert!((season.factor - shop_f).abs() < 1e-9);
    let check = season.check.expect("backtested");
    // Origins 756, 749, …, 392: a week apart from the last day back to a year and four weeks.
    assert_eq!(check.origins, 53);
    assert!(check.error_with < 0.5 * check.error_without, "{check:?}");
    let note = r
        .notes
        .iter()
        .map(|t| t.en())
        .find(|t| t.starts_with("Season:"))
        .unwrap_or_default();
    assert!(
        note.starts_with(
            "Season: a year ago the 14 days from 2025-02-10 sold 2.43× what the shop's level of \
             sales then pointed to (374 units against 154). Each product's demand over the lead \
             time follows last year's season — its own where it sold enough then, the \
             shop's otherwise. Checked on the past first: from 53 days a week apart, it would \
             have cut the error of the shop's 14-day sales forecasts from "
        ),
        "{note}"
    );
    let row = |sku: &str| r.skus.iter().find(|s| s.sku == sku).unwrap();
    let (a, b) = (row("A"), row("B"));
    let fa = (360.0 + 10.0 * shop_f) / 150.0;
    let fb = (14.0 + 10.0 * shop_f) / 24.0;
    assert!((a.season_factor - fa).abs() < 1e-9, "{}", a.season_factor);
    assert!((b.season_factor - fb).abs() < 1e-9, "{}", b.season_factor);
    assert!(
        (a.demand_per_day - 10.0 * fa).abs() < 1e-6,
        "{}",
        a.demand_per_day
    );
    assert!((b.demand_per_day - fb).abs() < 1e-6, "{}", b.demand_per_day);
    // Simulated: 14 days at 10 · fa = 358.7 units (bootstrap of A's own sizes, so within 3 %).
    assert!(
        (a.lead_time_demand_mean / (14.0 * 10.0 * fa) - 1.0).abs() < 0.03,
        "{}",
        a.lead_time_demand_mean
    );
    assert!(a
        .explanation
        .en()
        .contains("(exponential smoothing, ×2.56 over the lead time for last year's season)"));
    // With only the last 391 days (less than a year and four weeks) there is no season.
    let short = seasonal_orders(391);
    let r0 = inventory::run(&InventoryInput::new(&short), &params).unwrap();
    assert_eq!(r0.season, None);
    assert!(!r0.notes.iter().any(|t| t.en().contains("season")));
    let a0 = r0.skus.iter().find(|s| s.sku == "A").unwrap();
    assert_eq!(a0.season_factor, 1.0);
    assert!((a0.demand_per_day - 10.0).abs() < 1e-6);
    assert!(!a0.explanation.en().contains("season"));
    assert!(
        a.reorder_point > 2.0 * a0.reorder_point,
        "{} vs {}",
        a.reorder_point,
        a0.reorder_point
    );
    // The yearly demand of the lot size is not seasonal: the EOQ is the same as without.
    assert!((a.eoq - a0.eoq).abs() < 1e-6, "{} vs {}", a.eoq, a0.eoq);
}

/// Groceries: two years of daily sales, but last year's season would not have helped the
/// shop's forecasts (the backtest, `season::assess`), so it is left out and said so; every
/// factor is 1. (Over 7,849 product-days a week apart it raised the absolute error of the
/// 14-day demand by 10 %: `cargo bench --bench inventory_season`.)
#[test]
fn groceries_season_is_tried_and_left_out() {
    let d = import_paths(
        &[data_path("groceries_basket/Groceries_dataset.csv")],
        &ImportOptions::default(),
    )
    .unwrap();
    let r = inventory::run(&InventoryInput::new(&d), &InventoryParams::default()).unwrap();
    assert_eq!(r.season, None);
    assert!(r.skus.iter().all(|s| s.season_factor == 1.0));
    let note = r
        .notes
        .iter()
        .map(|t| t.en())
        .find(|t| t.starts_with("Last year's season is not used"))
        .expect("note");
    assert!(note.contains("tried on the past (from "), "{note}");
}
