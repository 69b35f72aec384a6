//! Constrained purchase plan, solved as an LP/MIP with `good_lp` on the pure-Rust `microlp`
//! solver (builds for wasm32).
//!
//! Variables (in case packs, `≥ 0`) per SKU that needs ordering: `u_i` the *urgent* part (what
//! brings the inventory position back up to the reorder point), `r_i` the rest of the suggested
//! order. Objective (maximise expected margin minus holding cost):
//!
//! `Σ_i pack_i (m_i u_i + (m_i − H_i) r_i)`, `m_i` = unit margin (price − cost), `H_i` = holding
//! cost of a unit over the time it waits to be sold (`h c_i × cover_i / 365`, at most a year).
//!
//! Constraints: `Σ c_i pack_i (u_i + r_i) ≤ budget`; `Σ pack_i (u_i + r_i) ≤ capacity`;
//! `u_i ≤ ⌈urgent_i/pack_i⌉`, `u_i + r_i ≤ suggested_i/pack_i`; optionally
//! `u_i ≥ ⌈urgent_i/pack_i⌉` (every "order now" SKU must be covered); supplier minimums
//! `Σ_{i∈g} c_i x_i ≥ M_g y_g`, `x_i ≤ max_i y_g`, `y_g ∈ {0,1}` (order nothing or at least the
//! minimum). The LP optimum is rounded down to whole packs (never breaks budget or capacity);
//! a supplier whose rounded total falls under its minimum is dropped.
//!
//! Binding constraints are explained by re-solving with the limit relaxed by one step
//! ("+£500 would add £X of expected margin across N SKUs").
//!
//! **Orders without prices** ([`PlanLimits::units_only`]): a capacity still makes a plan; each
//! candidate then has `m_i = 1`, `H_i = ½` (a unit that restores a reorder point counts 1, a
//! further unit ½: urgent units first) and the sentences count units, not money.

use good_lp::{microlp, variable, Expression, ProblemVariables, Solution, SolverModel, Variable};
use serde::{Deserialize, Serialize};

use super::InventoryError;
use crate::text::Text;

/// One SKU the plan may buy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanCandidate {
    pub sku: String,
    pub supplier: String,
    pub unit_cost: f64,
    /// Expected selling price minus unit cost.
    pub unit_margin: f64,
    /// Holding cost of one unit until it sells.
    pub unit_holding: f64,
    /// Units needed to get back to the reorder point (0 when not urgent).
    pub urgent_units: f64,
    /// Suggested order (units, whole packs).
    pub suggested_units: f64,
    pub case_pack: f64,
    /// Supplier minimum order value (0 = none).
    pub supplier_minimum: f64,
}

/// Limits of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PlanLimits {
    pub budget: Option<f64>,
    pub capacity_units: Option<f64>,
    pub require_urgent: bool,
    /// The orders have no prices: the objective and the sentences count units.
    #[serde(default)]
    pub units_only: bool,
}

/// One purchase line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanLine {
    pub sku: String,
    pub supplier: String,
    pub quantity: f64,
    pub cost: f64,
    pub expected_margin: f64,
    /// The suggested quantity was bought in full.
    pub full: bool,
}

/// Totals per supplier (one purchase order each).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierOrder {
    pub supplier: String,
    pub lines: usize,
    pub units: f64,
    pub cost: f64,
    pub minimum: f64,
}

/// A constraint of the plan, whether it binds, and what relaxing it would bring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConstraintReport {
    /// "budget", "capacity", "supplier minimum: NAME".
    pub name: String,
    pub limit: f64,
    pub used: f64,
    pub binding: bool,
    /// SKUs that get less than their suggested quantity while this limit binds.
    pub skus_limited: usize,
    /// Extra expected margin from relaxing the limit by `step`.
    pub step: f64,
    pub gain_per_step: f64,
    pub extra_skus_per_step: usize,
    pub extra_units_per_step: f64,
    /// Plain-language explanation.
    pub sentence: Text,
}

/// The purchase plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PurchasePlan {
    pub feasible: bool,
    pub lines: Vec<PlanLine>,
    pub suppliers: Vec<SupplierOrder>,
    /// LP objective value at the optimum (before rounding to packs).
    pub objective: f64,
    pub total_cost: f64,
    pub total_units: f64,
    pub expected_margin: f64,
    /// SKUs that needed ordering, and how many the plan covers fully.
    pub candidates: usize,
    pub fully_covered: usize,
    pub constraints: Vec<ConstraintReport>,
    /// Plain-language summary (or why the plan is infeasible).
    pub explanation: Text,
}

struct Solved {
    objective: f64,
    packs: Vec<f64>,
}

fn money(cur: &str, v: f64) -> String {
    let r = v.round();
    let s = format!("{:.0}", r.abs());
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{}{cur}{out}", if r < 0.0 { "-" } else { "" })
}

fn solve_lp(c: &[PlanCandidate], lim: &PlanLimits) -> Result<Solved, InventoryError> {
    let mut vars = ProblemVariables::new();
    let mut u: Vec<Variable> = Vec::with_capacity(c.len());
    let mut r: Vec<Variable> = Vec::with_capacity(c.len());
    let mut obj = Expression::with_capacity(2 * c.len());
    let mut spend = Expression::with_capacity(2 * c.len());
    let mut space = Expression::with_capacity(2 * c.len());
    for ci in c {
        let pack = ci.case_pack.max(1.0);
        let max_packs = (ci.suggested_units / pack).floor().max(0.0);
        let urgent_packs = (ci.urgent_units / pack).ceil().clamp(0.0, max_packs);
        let lo = if lim.require_urgent {
            urgent_packs
        } else {
            0.0
        };
        let uv = vars.add(variable().min(lo).max(urgent_packs));
        let rv = vars.add(variable().min(0.0).max(max_packs - urgent_packs));
        obj.add_mul(pack * ci.unit_margin, uv);
        obj.add_mul(pack * (ci.unit_margin - ci.unit_holding), rv);
        spend.add_mul(pack * ci.unit_cost, uv);
        spend.add_mul(pack * ci.unit_cost, rv);
        space.add_mul(pack, uv);
        space.add_mul(pack, rv);
        u.push(uv);
        r.push(rv);
    }
    // supplier minimums: one binary per supplier that has one
    let mut groups: Vec<(String, f64, Vec<usize>)> = Vec::new();
    for (i, ci) in c.iter().enumerate() {
        if ci.supplier_minimum > 0.0 {
            match groups.iter_mut().find(|g| g.0 == ci.supplier) {
                Some(g) => g.2.push(i),
                None => groups.push((ci.supplier.clone(), ci.supplier_minimum, vec![i])),
            }
        }
    }
    let ys: Vec<Variable> = groups
        .iter()
        .map(|_| vars.add(variable().binary()))
        .collect();
    let mut model = vars.maximise(obj).using(microlp);
    if let Some(b) = lim.budget {
        model.add_constraint(spend.leq(b));
    }
    if let Some(cap) = lim.capacity_units {
        model.add_constraint(space.leq(cap));
    }
    for (g, y) in groups.iter().zip(&ys) {
        let mut val = Expression::with_capacity(2 * g.2.len());
        for &i in &g.2 {
            let ci = &c[i];
            let pack = ci.case_pack.max(1.0);
            let max_packs = (ci.suggested_units / pack).floor().max(0.0);
            val.add_mul(pack * ci.unit_cost, u[i]);
            val.add_mul(pack * ci.unit_cost, r[i]);
            let mut x = Expression::with_capacity(3);
            x.add_mul(1.0, u[i]);
            x.add_mul(1.0, r[i]);
            x.add_mul(-max_packs, *y);
            model.add_constraint(x.leq(0.0));
        }
        val.add_mul(-g.1, *y);
        model.add_constraint(val.geq(0.0));
    }
    let sol = model.solve().map_err(|e| match e {
        good_lp::ResolutionError::Infeasible => {
            InventoryError::InfeasiblePlan(Text::new("inventory.infeasible.lp"))
        }
        other => InventoryError::Solver(other.to_string()),
    })?;
    let mut objective = 0.0;
    let packs: Vec<f64> = (0..c.len())
        .map(|i| {
            let pack = c[i].case_pack.max(1.0);
            let (uu, rr) = (sol.value(u[i]).max(0.0), sol.value(r[i]).max(0.0));
            objective +=
                pack * (c[i].unit_margin * uu + (c[i].unit_margin - c[i].unit_holding) * rr);
            uu + rr
        })
        .collect();
    Ok(Solved { objective, packs })
}

/// Round the LP packs down to whole packs; drop suppliers left under their minimum.
fn round_plan(c: &[PlanCandidate], s: &Solved, lim: &PlanLimits) -> Vec<f64> {
    let mut packs: Vec<f64> = s
        .packs
        .iter()
        .zip(c)
        .map(|(p, ci)| {
            let lo = if lim.require_urgent {
                (ci.urgent_units / ci.case_pack.max(1.0)).ceil()
            } else {
                0.0
            };
            (p + 1e-6).floor().max(lo).max(0.0)
        })
        .collect();
    let mut done: Vec<&str> = Vec::new();
    for ci in c {
        if ci.supplier_minimum <= 0.0 || done.contains(&ci.supplier.as_str()) {
            continue;
        }
        done.push(&ci.supplier);
        let idx: Vec<usize> = (0..c.len())
            .filter(|&i| c[i].supplier == ci.supplier)
            .collect();
        let val: f64 = idx
            .iter()
            .map(|&i| packs[i] * c[i].case_pack.max(1.0) * c[i].unit_cost)
            .sum();
        if val > 0.0 && val + 1e-6 < ci.supplier_minimum && !lim.require_urgent {
            for &i in &idx {
                packs[i] = 0.0;
            }
        }
    }
    packs
}

struct Summary {
    cost: f64,
    units: f64,
    margin: f64,
    skus: usize,
}

fn summarise(c: &[PlanCandidate], packs: &[f64]) -> Summary {
    let mut s = Summary {
        cost: 0.0,
        units: 0.0,
        margin: 0.0,
        skus: 0,
    };
    for (ci, p) in c.iter().zip(packs) {
        let q = p * ci.case_pack.max(1.0);
        if q > 0.0 {
            s.skus += 1;
        }
        s.cost += q * ci.unit_cost;
        s.units += q;
        s.margin += line_margin(ci, q);
    }
    s
}

fn line_margin(ci: &PlanCandidate, q: f64) -> f64 {
    let urgent = ci.urgent_units.min(q);
    ci.unit_margin * urgent + (ci.unit_margin - ci.unit_holding) * (q - urgent)
}

/// A rounded step for "+X would add" sentences: about 10 % of the limit, 1-2-5 rounded.
pub fn nice_step(limit: f64) -> f64 {
    let raw = (limit * 0.1).max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let n = if f < 1.5 {
        1.0
    } else if f < 3.5 {
        2.0
    } else if f < 7.5 {
        5.0
    } else {
        10.0
    };
    n * mag
}

/// Solve the plan; `budget_step` is the "+£X" of the sentences (default [`nice_step`]).
pub fn solve(
    c: &[PlanCandidate],
    lim: &PlanLimits,
    budget_step: Option<f64>,
    currency: &str,
) -> Result<PurchasePlan, InventoryError> {
    for (name, v) in [("budget", lim.budget), ("capacity", lim.capacity_units)] {
        if let Some(v) = v {
            if !(v.is_finite() && v >= 0.0) {
                return Err(InventoryError::InvalidParam {
                    name: name.into(),
                    message: Text::new("inventory.param.nonneg").str("v", v.to_string()),
                });
            }
        }
    }
    if lim.require_urgent {
        let need_cost: f64 = c
            .iter()
            .map(|ci| {
                (ci.urgent_units / ci.case_pack.max(1.0)).ceil()
                    * ci.case_pack.max(1.0)
                    * ci.unit_cost
            })
            .sum();
        let need_units: f64 = c
            .iter()
            .map(|ci| (ci.urgent_units / ci.case_pack.max(1.0)).ceil() * ci.case_pack.max(1.0))
            .sum();
        let urgent = c.iter().filter(|ci| ci.urgent_units > 0.0).count();
        if let Some(b) = lim.budget {
            if need_cost > b + 1e-6 {
                return Err(InventoryError::InfeasiblePlan(
                    Text::new("inventory.infeasible.budget")
                        .str("budget", money(currency, b))
                        .str("need", money(currency, need_cost))
                        .int("n", urgent)
                        .str("more", money(currency, need_cost - b)),
                ));
            }
        }
        if let Some(cap) = lim.capacity_units {
            if need_units > cap + 1e-6 {
                return Err(InventoryError::InfeasiblePlan(
                    Text::new("inventory.infeasible.capacity")
                        .num("cap", cap, 0)
                        .num("need", need_units, 0)
                        .int("n", urgent)
                        .num("more", need_units - cap, 0),
                ));
            }
        }
    }
    let base = solve_lp(c, lim)?;
    let packs = round_plan(c, &base, lim);
    let sum = summarise(c, &packs);
    let full = c
        .iter()
        .zip(&packs)
        .filter(|(ci, p)| **p * ci.case_pack.max(1.0) + 1e-6 >= ci.suggested_units)
        .count();
    let limited = c.len() - full;
    let mut constraints = Vec::new();
    let mut relax = |name: &str,
                     label: Text,
                     limit: f64,
                     used: f64,
                     step: f64,
                     lim2: PlanLimits,
                     unit: &dyn Fn(f64) -> Text| {
        let binding = used >= limit * 0.98 - 1e-6 && limited > 0;
        let (gain, extra_skus, extra_units) = if binding {
            match solve_lp(c, &lim2) {
                Ok(s2) => {
                    let p2 = round_plan(c, &s2, &lim2);
                    let s2 = summarise(c, &p2);
                    (
                        s2.margin - sum.margin,
                        s2.skus.saturating_sub(sum.skus),
                        s2.units - sum.units,
                    )
                }
                Err(_) => (0.0, 0, 0.0),
            }
        } else {
            (0.0, 0, 0.0)
        };
        let sentence = if binding {
            let t = match (lim.units_only, extra_skus > 0) {
                (false, true) => Text::new("inventory.plan.binding_skus").int("skus", extra_skus),
                (false, false) => Text::new("inventory.plan.binding"),
                (true, true) => {
                    Text::new("inventory.plan.binding_units_skus").int("skus", extra_skus)
                }
                (true, false) => Text::new("inventory.plan.binding_units"),
            };
            t.text("name", label.clone())
                .text("used", unit(used))
                .text("limit", unit(limit))
                .int("limited", limited)
                .int("n", c.len())
                .text("step", unit(step))
                .str("gain", money(currency, gain))
                .num("units", extra_units, 0)
        } else {
            Text::new("inventory.plan.not_binding")
                .text("name", label.clone())
                .text("used", unit(used))
                .text("limit", unit(limit))
        };
        constraints.push(ConstraintReport {
            name: name.into(),
            limit,
            used,
            binding,
            skus_limited: if binding { limited } else { 0 },
            step,
            gain_per_step: gain,
            extra_skus_per_step: extra_skus,
            extra_units_per_step: extra_units,
            sentence,
        });
    };
    if let Some(b) = lim.budget {
        let step = budget_step.unwrap_or_else(|| nice_step(b));
        let lim2 = PlanLimits {
            budget: Some(b + step),
            ..*lim
        };
        relax(
            "budget",
            Text::new("inventory.limit.budget"),
            b,
            sum.cost,
            step,
            lim2,
            &|v| Text::raw(money(currency, v)),
        );
    }
    if let Some(cap) = lim.capacity_units {
        let step = nice_step(cap);
        let lim2 = PlanLimits {
            capacity_units: Some(cap + step),
            ..*lim
        };
        relax(
            "capacity",
            Text::new("inventory.limit.capacity"),
            cap,
            sum.units,
            step,
            lim2,
            &|v| Text::new("inventory.units").num("n", v, 0),
        );
    }
    let mut lines: Vec<PlanLine> = Vec::new();
    let mut suppliers: Vec<SupplierOrder> = Vec::new();
    for (ci, p) in c.iter().zip(&packs) {
        let q = p * ci.case_pack.max(1.0);
        if q <= 0.0 {
            continue;
        }
        lines.push(PlanLine {
            sku: ci.sku.clone(),
            supplier: ci.supplier.clone(),
            quantity: q,
            cost: q * ci.unit_cost,
            expected_margin: line_margin(ci, q),
            full: q + 1e-6 >= ci.suggested_units,
        });
        match suppliers.iter_mut().find(|s| s.supplier == ci.supplier) {
            Some(s) => {
                s.lines += 1;
                s.units += q;
                s.cost += q * ci.unit_cost;
            }
            None => suppliers.push(SupplierOrder {
                supplier: ci.supplier.clone(),
                lines: 1,
                units: q,
                cost: q * ci.unit_cost,
                minimum: ci.supplier_minimum,
            }),
        }
    }
    lines.sort_by(|a, b| a.supplier.cmp(&b.supplier).then(b.cost.total_cmp(&a.cost)));
    suppliers.sort_by(|a, b| b.cost.total_cmp(&a.cost));
    let limits = constraints
        .iter()
        .filter(|k| k.binding)
        .map(|k| match k.name.as_str() {
            "budget" => Text::new("inventory.limit.budget"),
            "capacity" => Text::new("inventory.limit.capacity"),
            other => Text::raw(other),
        })
        .reduce(|a, b| Text::new("inventory.plan.and").text("a", a).text("b", b));
    let explanation = match (limits, lim.units_only) {
        (Some(l), false) => Text::new("inventory.plan.summary_limited").text("limits", l),
        (None, false) => Text::new("inventory.plan.summary"),
        (Some(l), true) => Text::new("inventory.plan.summary_limited_units").text("limits", l),
        (None, true) => Text::new("inventory.plan.summary_units"),
    }
    .str("units", sum.units.to_string())
    .int("skus", sum.skus)
    .str("cost", money(currency, sum.cost))
    .str("margin", money(currency, sum.margin))
    .int("full", full)
    .int("n", c.len());
    Ok(PurchasePlan {
        feasible: true,
        lines,
        suppliers,
        objective: base.objective,
        total_cost: sum.cost,
        total_units: sum.units,
        expected_margin: sum.margin,
        candidates: c.len(),
        fully_covered: full,
        constraints,
        explanation,
    })
}

/// The report's plan when no plan is possible.
pub fn infeasible(why: Text) -> PurchasePlan {
    PurchasePlan {
        feasible: false,
        lines: Vec::new(),
        suppliers: Vec::new(),
        objective: 0.0,
        total_cost: 0.0,
        total_units: 0.0,
        expected_margin: 0.0,
        candidates: 0,
        fully_covered: 0,
        constraints: Vec::new(),
        explanation: Text::new("inventory.plan.none").text("why", why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(sku: &str, cost: f64, margin: f64, urgent: f64, sugg: f64) -> PlanCandidate {
        PlanCandidate {
            sku: sku.into(),
            supplier: "S".into(),
            unit_cost: cost,
            unit_margin: margin,
            unit_holding: 0.1 * cost,
            urgent_units: urgent,
            suggested_units: sugg,
            case_pack: 1.0,
            supplier_minimum: 0.0,
        }
    }

    #[test]
    fn budget_picks_best_margin_per_pound() {
        // A: margin/cost 1.0, B: 0.2 → budget 100 goes to A first (10 units × 10)
        let c = vec![
            cand("A", 10.0, 10.0, 0.0, 10.0),
            cand("B", 10.0, 2.0, 0.0, 10.0),
        ];
        let lim = PlanLimits {
            budget: Some(100.0),
            ..PlanLimits::default()
        };
        let p = solve(&c, &lim, Some(50.0), "£").unwrap();
        assert_eq!(p.lines.len(), 1);
        assert_eq!(p.lines[0].sku, "A");
        assert_eq!(p.lines[0].quantity, 10.0);
        assert!((p.total_cost - 100.0).abs() < 1e-6);
        let b = &p.constraints[0];
        assert!(b.binding);
        // +£50 buys 5 units of B at margin 2 − holding 1 = 1 each
        assert!((b.gain_per_step - 5.0).abs() < 1e-6, "{}", b.gain_per_step);
        assert!(
            b.sentence.en().contains("+£50 would add £5"),
            "{}",
            b.sentence
        );
    }

    #[test]
    fn infeasible_urgent_is_explained() {
        let c = vec![cand("A", 10.0, 5.0, 20.0, 30.0)];
        let lim = PlanLimits {
            budget: Some(100.0),
            require_urgent: true,
            ..PlanLimits::default()
        };
        let e = solve(&c, &lim, None, "£").unwrap_err().to_string();
        assert!(e.contains("£200") && e.contains("£100"), "{e}");
    }

    #[test]
    fn supplier_minimum_all_or_nothing() {
        let mut c = vec![cand("A", 10.0, 5.0, 0.0, 3.0)];
        c[0].supplier_minimum = 100.0;
        let lim = PlanLimits {
            budget: Some(1000.0),
            ..PlanLimits::default()
        };
        // at most £30 can be bought from S, under its £100 minimum → nothing
        let p = solve(&c, &lim, None, "£").unwrap();
        assert!(p.lines.is_empty());
        c[0].suggested_units = 20.0;
        let p = solve(&c, &lim, None, "£").unwrap();
        assert_eq!(p.lines[0].quantity, 20.0);
    }
}
