//! Customer lifetime value: BG/NBD for the number of future purchases (time unit weeks,
//! purchases aggregated per day) × Gamma–Gamma for their value, with an optional holdout check.
//!
//! `CLV = Σ_{i=1..M} E[value] · (E[Y(t_i)] − E[Y(t_{i−1})]) / (1 + d)^i` over 30-day steps
//! `t_i` up to the horizon (the last step truncated), d = monthly discount rate — as
//! `lifetimes.GammaGammaFitter.customer_lifetime_value`.
//!
//! Data without prices ([`crate::data::CleaningReport::priced`] false): BG/NBD alone;
//! Gamma–Gamma is not fitted, `expected_avg_value` and `clv` are 0 and [`ClvReport::priced`] is
//! false, so the page and the CLI leave those columns out (empty cells in the CSV).
//!
//! Churn risk is `1 − P(alive)` (the definition) when P(alive) separates customers (at
//! least [`MIN_P_ALIVE_SPREAD`] of the repeat customers below 0.9); otherwise — typically the
//! boundary case a → 0, where P(alive) ≈ 1 for everyone — it is the model's probability of no
//! purchase in the next [`CHURN_RISK_WINDOW_DAYS`] days ([`BgNbdParams::p_no_purchase`]), the
//! same 90-day event the churn classifiers predict. [`ClvReport::churn_risk_method`] says which.
//! On Online Retail (calibration to 2011-08-31) the riskiest fifth of repeat customers by
//! either measure made 0.9–1.1 purchase days in the holdout against 4.4–5.0 for the safest fifth.

use super::bgnbd::{self, Accuracy, BgNbdParams, CalRow, PenaltyCandidate, LOG_BOUND};
use super::gamma_gamma::{self, GammaGammaFit};
use super::history::{date_string, first_day, histories, last_day, parse_day, History};
use super::{CustomersError, NoCustomersWhy, Note};
use crate::data::Dataset;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Repeat customers needed before the models report numbers.
pub const MIN_REPEATERS: usize = 50;

/// Parameters of [`clv`](super::clv).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvParams {
    /// Prediction horizon in days (1..=3650).
    pub horizon_days: u32,
    /// Monthly discount rate for CLV, 0 ≤ d < 1 (0 = undiscounted).
    pub monthly_discount_rate: f64,
    /// "YYYY-MM-DD": fit on data up to this date (inclusive) and check the predictions on the
    /// data after it. `None` = fit on everything, predict from the last data day.
    pub calibration_end: Option<String>,
    /// Fixed ridge strength on (ln a)² + (ln b)²; `None` = 0 unless the boundary case is detected,
    /// then chosen by a time split inside the calibration period.
    pub penalty: Option<f64>,
}

impl Default for ClvParams {
    fn default() -> Self {
        ClvParams {
            horizon_days: 365,
            monthly_discount_rate: 0.0,
            calibration_end: None,
            penalty: None,
        }
    }
}

impl ClvParams {
    pub fn validate(&self) -> Result<(), CustomersError> {
        if !(1..=3650).contains(&self.horizon_days) {
            return Err(CustomersError::InvalidParam {
                name: "horizon_days",
                message: crate::text::params::outside(self.horizon_days, "1..=3650"),
            });
        }
        if !(0.0..1.0).contains(&self.monthly_discount_rate) {
            return Err(CustomersError::InvalidParam {
                name: "monthly_discount_rate",
                message: crate::text::params::outside(self.monthly_discount_rate, "[0, 1)"),
            });
        }
        if let Some(p) = self.penalty {
            if !(p.is_finite() && p >= 0.0) {
                return Err(CustomersError::InvalidParam {
                    name: "penalty",
                    message: Text::new("param.finite_non_negative"),
                });
            }
        }
        if let Some(d) = &self.calibration_end {
            parse_day("calibration_end", d)?;
        }
        Ok(())
    }
}

/// Whether the models had enough data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelStatus {
    Ok,
    /// Fewer than [`MIN_REPEATERS`] repeat customers (or too little history): no numbers.
    TooThin,
}

/// One customer's predictions (CLI `clv` columns plus churn risk).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvRow {
    pub customer_id: String,
    /// Repeat purchase days in the calibration period.
    pub frequency: u32,
    pub recency_weeks: f64,
    pub t_weeks: f64,
    pub p_alive: f64,
    /// Churn risk by the method in [`ClvReport::churn_risk_method`]: 1 − P(alive), or the
    /// probability of no purchase in the next [`CHURN_RISK_WINDOW_DAYS`] days when P(alive) is
    /// degenerate.
    pub churn_risk: f64,
    /// [`BgNbdParams::p_no_purchase`] over the next [`CHURN_RISK_WINDOW_DAYS`] days (always
    /// filled, whichever method `churn_risk` uses).
    #[serde(default)]
    pub p_no_purchase_90d: f64,
    /// Expected purchase days in the next `horizon_days`.
    pub expected_purchases: f64,
    /// Gamma–Gamma expected order value (0 when [`ClvReport::priced`] is false).
    pub expected_avg_value: f64,
    /// Discounted value of the expected purchases (0 when [`ClvReport::priced`] is false).
    pub clv: f64,
    /// Purchase days after the calibration end (holdout), when there is one.
    pub actual_holdout_purchases: Option<u32>,
}

impl ClvRow {
    /// P(alive) where it judges the customer: `None` for a single purchase day (`frequency`
    /// 0), where BG/NBD's P(alive) is 1 by construction (the model lets a customer drop out
    /// only after a repeat purchase; lifetimes gives the same). `p_alive` itself keeps the
    /// model's value (the CLI's column).
    pub fn judged_p_alive(&self) -> Option<f64> {
        (self.frequency > 0).then_some(self.p_alive)
    }
}

/// Predicted vs actual mean holdout purchases by calibration frequency (0..=6, 7 = "7+").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrequencyBucket {
    pub frequency: u32,
    pub label: String,
    pub customers: u64,
    pub predicted_mean: f64,
    pub actual_mean: f64,
}

/// Where a customer's churn risk comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChurnRiskMethod {
    /// 1 − P(alive) of the BG/NBD (eq. 11 of Fader, Hardie & Lee 2005).
    #[default]
    PAlive,
    /// [`BgNbdParams::p_no_purchase`] over the next [`CHURN_RISK_WINDOW_DAYS`] days, used when
    /// P(alive) carries no information (fewer than [`MIN_P_ALIVE_SPREAD`] of the repeat
    /// customers with P(alive) below 0.9, as at the boundary a → 0, b → ∞).
    #[serde(rename = "no_purchase_90d")]
    NoPurchase90d,
}

/// Share of repeat customers that must have P(alive) < 0.9 for 1 − P(alive) to be used as the
/// churn risk; below it the probability of no purchase in the next 90 days is used.
pub const MIN_P_ALIVE_SPREAD: f64 = 0.05;

/// Window of the fallback churn risk (the churn label of the classifiers uses the same 90 days).
pub const CHURN_RISK_WINDOW_DAYS: u32 = 90;

/// Holdout check of the BG/NBD predictions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoldoutCheck {
    pub holdout_start: String,
    pub holdout_end: String,
    pub holdout_weeks: f64,
    pub customers: u64,
    pub repeaters: u64,
    /// Purchase days of calibration customers in the holdout.
    pub holdout_purchases: u64,
    /// The model used for predictions (penalised when the boundary case was detected).
    pub model: Accuracy,
    /// The plain maximum-likelihood fit, for comparison.
    pub plain_mle: Accuracy,
    pub buckets: Vec<FrequencyBucket>,
    pub explanation: Text,
    /// Diagnostic (not used to predict): repeat purchase days per customer-week in the holdout
    /// divided by the same rate over the calibration period, `(Σ holdout / (n·t)) / (Σ x / Σ T)`.
    /// Well above 1 = the holdout was busier than the calibration period (e.g. a Christmas
    /// peak): every model fitted on the calibration period alone then predicts too few.
    #[serde(default)]
    pub rate_lift: Option<f64>,
}

/// The CLV report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvReport {
    pub status: ModelStatus,
    /// The data have prices: Gamma–Gamma, `expected_avg_value` and `clv` are filled. False for
    /// a file without prices: purchase counts only.
    #[serde(default = "crate::default_true")]
    pub priced: bool,
    pub message: Text,
    pub params: ClvParams,
    pub calibration_end: String,
    pub observation_end: String,
    pub customers: u64,
    pub repeaters: u64,
    /// Parameters used for predictions.
    pub bgnbd: Option<BgNbdParams>,
    /// Unpenalised log-likelihood of those parameters.
    pub log_likelihood: Option<f64>,
    /// The plain (unpenalised) maximum-likelihood fit.
    pub plain_mle: Option<BgNbdParams>,
    pub plain_log_likelihood: Option<f64>,
    /// Log-likelihood of the NBD (no drop-out) limit.
    pub nbd_log_likelihood: Option<f64>,
    pub penalty: f64,
    pub penalty_candidates: Vec<PenaltyCandidate>,
    /// The likelihood maximum is on the boundary a → 0, b → ∞ (no detectable drop-out).
    pub boundary: bool,
    pub boundary_explanation: Option<Text>,
    pub gamma_gamma: Option<GammaGammaFit>,
    pub rows: Vec<ClvRow>,
    pub holdout: Option<HoldoutCheck>,
    pub notes: Vec<Note>,
    /// How `rows[].churn_risk` was computed (and so how the "top at-risk" list is ranked).
    #[serde(default)]
    pub churn_risk_method: ChurnRiskMethod,
    /// Plain-language reason for `churn_risk_method`.
    #[serde(default)]
    pub churn_risk_explanation: Text,
    /// Plain-language account of how the prediction model was chosen (plain fit, penalty chosen
    /// on a split inside the calibration period) and what limits it.
    #[serde(default)]
    pub method_explanation: Text,
}

fn clv_value(
    p: &BgNbdParams,
    r: &CalRow,
    value: f64,
    horizon_days: u32,
    d: f64,
) -> Result<f64, CustomersError> {
    let mut total = 0.0;
    let mut prev = 0.0;
    let mut day = 0u32;
    let mut i = 0;
    while day < horizon_days {
        i += 1;
        day = (day + 30).min(horizon_days);
        let e = p.expected(r.x, r.t_x, r.t, day as f64 / 7.0)?;
        total += value * (e - prev) / (1.0 + d).powi(i);
        prev = e;
    }
    Ok(total)
}

fn empty_report(
    params: &ClvParams,
    cal: i64,
    obs: i64,
    status: ModelStatus,
    msg: Text,
) -> ClvReport {
    ClvReport {
        status,
        priced: true,
        message: msg,
        params: params.clone(),
        calibration_end: date_string(cal),
        observation_end: date_string(obs),
        customers: 0,
        repeaters: 0,
        bgnbd: None,
        log_likelihood: None,
        plain_mle: None,
        plain_log_likelihood: None,
        nbd_log_likelihood: None,
        penalty: 0.0,
        penalty_candidates: Vec::new(),
        boundary: false,
        boundary_explanation: None,
        gamma_gamma: None,
        rows: Vec::new(),
        holdout: None,
        notes: Vec::new(),
        churn_risk_method: ChurnRiskMethod::PAlive,
        churn_risk_explanation: Text::default(),
        method_explanation: Text::default(),
    }
}

/// A fitted BG/NBD with how it was chosen (shared with the churn comparison).
pub(crate) struct ChosenModel {
    pub params: BgNbdParams,
    pub log_likelihood: f64,
    pub plain: bgnbd::BgNbdFit,
    pub nbd_ll: f64,
    pub boundary: bool,
    pub penalty: f64,
    pub candidates: Vec<PenaltyCandidate>,
}

/// Fit the plain MLE, detect the boundary case and, there, choose a ridge penalty by a time split
/// inside the calibration period (window = `window_days`, at most half the calibration span).
pub(crate) fn fit_model(
    hist: &[History],
    rows: &[CalRow],
    cal_end: i64,
    data_start: i64,
    window_days: i64,
    fixed_penalty: Option<f64>,
) -> Result<ChosenModel, CustomersError> {
    let plain = bgnbd::fit(rows, 0.0)?;
    let (_, _, nbd_ll) = bgnbd::fit_nbd(rows);
    let lp = [
        plain.params.r,
        plain.params.alpha,
        plain.params.a,
        plain.params.b,
    ];
    let at_edge = lp.iter().any(|v| v.ln().abs() >= LOG_BOUND - 0.05);
    let boundary = at_edge || plain.log_likelihood - nbd_ll < 2.0;
    let span = cal_end - data_start;
    let window = window_days.clamp(7, (span / 2).max(7));
    let (penalty, candidates) = match fixed_penalty {
        Some(p) => (p, Vec::new()),
        None if boundary && span >= 28 => {
            let c = bgnbd::select_penalty(hist, cal_end, window)?;
            let best = c
                .iter()
                .filter(|c| c.score.is_finite())
                .min_by(|a, b| a.score.total_cmp(&b.score))
                .map_or(0.0, |c| c.penalty);
            (best, c)
        }
        None => (0.0, Vec::new()),
    };
    let chosen = if penalty == 0.0 {
        plain.clone()
    } else {
        bgnbd::fit(rows, penalty)?
    };
    Ok(ChosenModel {
        params: chosen.params,
        log_likelihood: chosen.log_likelihood,
        plain,
        nbd_ll,
        boundary,
        penalty,
        candidates,
    })
}

/// BG/NBD + Gamma–Gamma CLV (see the module docs).
pub fn clv(data: &Dataset, params: &ClvParams) -> Result<ClvReport, CustomersError> {
    params.validate()?;
    let hist = histories(&data.lines, None);
    clv_from_histories(data, &hist, params)
}

pub(crate) fn clv_from_histories(
    data: &Dataset,
    hist: &[History],
    params: &ClvParams,
) -> Result<ClvReport, CustomersError> {
    let (Some(start), Some(obs_end)) = (first_day(&data.lines), last_day(&data.lines)) else {
        return Err(CustomersError::NoCustomers(NoCustomersWhy::NoSales));
    };
    if hist.is_empty() {
        return Err(CustomersError::NoCustomers(NoCustomersWhy::GuestsOnly));
    }
    let cal_end = match &params.calibration_end {
        Some(s) => parse_day("calibration_end", s)?,
        None => obs_end,
    };
    if cal_end < start {
        return Err(CustomersError::InvalidParam {
            name: "calibration_end",
            message: Text::new("param.before_first_order")
                .iso_date("date", date_string(cal_end))
                .iso_date("first", date_string(start)),
        });
    }
    let obs_end = obs_end.max(cal_end);
    let priced = data.report.priced;
    let rows = bgnbd::summarise(hist, cal_end, obs_end);
    let repeaters = rows.iter().filter(|r| r.x > 0).count();
    if repeaters < MIN_REPEATERS {
        let mut rep = empty_report(
            params,
            cal_end,
            obs_end,
            ModelStatus::TooThin,
            Text::new("customers.clv.too_thin")
                .int("n", repeaters)
                .iso_date("date", date_string(cal_end))
                .int("min", MIN_REPEATERS),
        );
        rep.customers = rows.len() as u64;
        rep.repeaters = repeaters as u64;
        rep.priced = priced;
        return Ok(rep);
    }
    let has_holdout = obs_end > cal_end;
    let window = if has_holdout {
        obs_end - cal_end
    } else {
        params.horizon_days as i64
    };
    let m = fit_model(hist, &rows, cal_end, start, window, params.penalty)?;
    let gg = if priced {
        gamma_gamma::fit(&rows.iter().map(|r| (r.x, r.monetary)).collect::<Vec<_>>()).ok()
    } else {
        None
    };
    let gg = gg.filter(|g| g.q > 1.0 && g.p.is_finite());
    let horizon = params.horizon_days as f64 / 7.0;
    let (churn_risk_method, churn_risk_explanation) = churn_risk_choice(&m, &rows);
    let method_explanation = method_explanation(&m);
    let mut out_rows = Vec::with_capacity(rows.len());
    for r in &rows {
        let h = &hist[r.index];
        let p_alive = m.params.p_alive(r.x, r.t_x, r.t);
        let p_no_purchase_90d =
            m.params
                .p_no_purchase(r.x, r.t_x, r.t, CHURN_RISK_WINDOW_DAYS as f64 / 7.0);
        let expected = m.params.expected(r.x, r.t_x, r.t, horizon)?;
        let value = match &gg {
            Some(g) => g.expected_value(r.x, r.monetary),
            None if !priced => 0.0,
            None => {
                let days = h.purchase_days();
                days.iter().map(|d| d.1).sum::<f64>() / days.len().max(1) as f64
            }
        };
        let clv = clv_value(
            &m.params,
            r,
            value,
            params.horizon_days,
            params.monthly_discount_rate,
        )?;
        out_rows.push(ClvRow {
            customer_id: data.lines.strings.get(h.customer).to_owned(),
            frequency: r.x,
            recency_weeks: r.t_x,
            t_weeks: r.t,
            p_alive,
            churn_risk: match churn_risk_method {
                ChurnRiskMethod::PAlive => 1.0 - p_alive,
                ChurnRiskMethod::NoPurchase90d => p_no_purchase_90d,
            },
            p_no_purchase_90d,
            expected_purchases: expected,
            expected_avg_value: value,
            clv,
            actual_holdout_purchases: has_holdout.then_some(r.holdout),
        });
    }
    let holdout = if has_holdout {
        let hw = (obs_end - cal_end) as f64 / 7.0;
        let pred = bgnbd::predict_all(&m.params, &rows, hw)?;
        let plain_pred = bgnbd::predict_all(&m.plain.params, &rows, hw)?;
        let model = bgnbd::accuracy(&pred, &rows);
        let plain = bgnbd::accuracy(&plain_pred, &rows);
        let buckets = (0..=7u32)
            .map(|f| {
                let sel: Vec<usize> = (0..rows.len())
                    .filter(|&i| {
                        if f == 7 {
                            rows[i].x >= 7
                        } else {
                            rows[i].x == f
                        }
                    })
                    .collect();
                let n = sel.len().max(1) as f64;
                FrequencyBucket {
                    frequency: f,
                    label: if f == 7 { "7+".into() } else { f.to_string() },
                    customers: sel.len() as u64,
                    predicted_mean: sel.iter().map(|&i| pred[i]).sum::<f64>() / n,
                    actual_mean: sel.iter().map(|&i| rows[i].holdout as f64).sum::<f64>() / n,
                }
            })
            .collect();
        let cal_rate =
            rows.iter().map(|r| r.x as f64).sum::<f64>() / rows.iter().map(|r| r.t).sum::<f64>();
        let ho_rate = model.actual_total / (rows.len() as f64 * hw);
        let rate_lift = (cal_rate > 0.0 && hw > 0.0).then(|| ho_rate / cal_rate);
        let lift_text = match rate_lift {
            Some(l) if l > 1.1 => Text::new("customers.clv.lift_more").pct("p", l - 1.0, 0),
            Some(l) if l < 0.9 => Text::new("customers.clv.lift_less").pct("p", 1.0 - l, 0),
            _ => Text::raw(""),
        };
        Some(HoldoutCheck {
            holdout_start: date_string(cal_end + 1),
            holdout_end: date_string(obs_end),
            holdout_weeks: hw,
            customers: rows.len() as u64,
            repeaters: repeaters as u64,
            holdout_purchases: model.actual_total.round() as u64,
            model,
            plain_mle: plain,
            buckets,
            explanation: Text::new("customers.clv.holdout")
                .iso_date("date", date_string(cal_end))
                .num("weeks", hw, 1)
                .num("mae", model.mae, 2)
                .num("plain_mae", plain.mae, 2)
                .pct("ratio", model.sum_ratio, 0)
                .pct("plain_ratio", plain.sum_ratio, 0)
                .text("lift", lift_text),
            rate_lift,
        })
    } else {
        None
    };
    let boundary_explanation = m.boundary.then(|| {
        Text::new("customers.clv.boundary")
            .num("ll", m.plain.log_likelihood, 1)
            .num("nbd", m.nbd_ll, 1)
            .str("penalty", m.penalty.to_string())
            .int("days", window.clamp(7, ((cal_end - start) / 2).max(7)))
    });
    let clv_note = if params.monthly_discount_rate > 0.0 {
        Text::new("customers.clv.note.clv_discounted")
            .int("days", params.horizon_days)
            .pct("rate", params.monthly_discount_rate, 1)
    } else {
        Text::new("customers.clv.note.clv").int("days", params.horizon_days)
    };
    let mut notes = vec![
        Note::new("p_alive", Text::new("customers.clv.note.p_alive")),
        Note::new(
            "expected_purchases",
            Text::new("customers.clv.note.expected_purchases").int("days", params.horizon_days),
        ),
    ];
    if priced {
        notes.push(Note::new(
            "expected_avg_value",
            Text::new("customers.clv.note.expected_avg_value"),
        ));
        notes.push(Note::new("clv", clv_note));
    }
    notes.push(Note::new(
        "churn_risk",
        Text::new("customers.clv.note.churn_risk"),
    ));
    notes.push(Note::new(
        "p_no_purchase_90d",
        Text::new("customers.clv.note.p_no_purchase_90d"),
    ));
    Ok(ClvReport {
        status: ModelStatus::Ok,
        priced,
        message: Text::new(if priced {
            "customers.clv.fitted"
        } else {
            "customers.clv.fitted_unpriced"
        })
        .int("n", rows.len())
        .int("rep", repeaters)
        .iso_date("date", date_string(cal_end)),
        params: params.clone(),
        calibration_end: date_string(cal_end),
        observation_end: date_string(obs_end),
        customers: rows.len() as u64,
        repeaters: repeaters as u64,
        bgnbd: Some(m.params),
        log_likelihood: Some(m.log_likelihood),
        plain_mle: Some(m.plain.params),
        plain_log_likelihood: Some(m.plain.log_likelihood),
        nbd_log_likelihood: Some(m.nbd_ll),
        penalty: m.penalty,
        penalty_candidates: m.candidates,
        boundary: m.boundary,
        boundary_explanation,
        gamma_gamma: gg,
        rows: out_rows,
        holdout,
        notes,
        churn_risk_method,
        churn_risk_explanation,
        method_explanation,
    })
}

/// 1 − P(alive) unless it is degenerate (under [`MIN_P_ALIVE_SPREAD`] of the repeat customers
/// below P(alive) 0.9): then the probability of no purchase in the next 90 days.
fn churn_risk_choice(m: &ChosenModel, rows: &[CalRow]) -> (ChurnRiskMethod, Text) {
    let rep: Vec<&CalRow> = rows.iter().filter(|r| r.x > 0).collect();
    let low = rep
        .iter()
        .filter(|r| m.params.p_alive(r.x, r.t_x, r.t) < 0.9)
        .count();
    let share = low as f64 / rep.len().max(1) as f64;
    if share < MIN_P_ALIVE_SPREAD {
        (
            ChurnRiskMethod::NoPurchase90d,
            Text::new(if m.boundary {
                "customers.clv.risk_no_purchase_boundary"
            } else {
                "customers.clv.risk_no_purchase"
            })
            .int("days", CHURN_RISK_WINDOW_DAYS)
            .pct("share", share, 1),
        )
    } else {
        (
            ChurnRiskMethod::PAlive,
            Text::new("customers.clv.risk_p_alive").pct("share", share, 1),
        )
    }
}

fn method_explanation(m: &ChosenModel) -> Text {
    let how = if m.penalty > 0.0 && m.candidates.is_empty() {
        Text::new("customers.clv.how.fixed").str("penalty", m.penalty.to_string())
    } else if m.penalty > 0.0 {
        Text::new("customers.clv.how.chosen")
            .str("penalty", m.penalty.to_string())
            .int("n", m.candidates.len())
    } else if m.boundary {
        Text::new("customers.clv.how.plain_boundary")
    } else {
        Text::new("customers.clv.how.plain")
    };
    Text::new("customers.clv.method").text("how", how)
}
