//! Media-mix model (MMM): how much revenue each marketing channel drives, with carry-over and
//! diminishing returns, and how to split a budget.
//!
//! Model (Jin et al. 2017, "Bayesian methods for media mix modeling with carryover and shape
//! effects", Google; Robyn's ridge formulation, Runge et al., facebookexperimental/Robyn docs):
//!
//! `y_t = b₀ + γ·trend_t + Σ_k (a_k sin(2πk t/P) + b_k cos(2πk t/P)) + Σ_j δ_j z_{j,t}
//!        + Σ_c β_c · h_c(adstock_c(x_c)_t) + ε_t`
//!
//! with normalised geometric adstock ([`adstock`]), Hill saturation ([`saturation`]), yearly
//! Fourier terms (P = 365.25 days in periods), controls `z` (promotion flags, events, …) and
//! non-negative media coefficients `β_c ≥ 0`. For fixed transformation hyperparameters
//! (decay θ, half-saturation K, shape s per channel, ridge λ) the coefficients are a ridge fit
//! ([`ridge`]); the hyperparameters are chosen by a seeded evolutionary search ([`search`])
//! minimising `NRMSE_cv + w · DECOMP.RSSD`, where NRMSE is the RMSE of hv-blocked
//! time-series cross-validation divided by the range of y, and DECOMP.RSSD (Robyn) is
//! `sqrt(Σ_c (effect share_c − spend share_c)²)`, a plausibility term.
//! The last periods are held out for the fit report (R², NRMSE, MAPE), then the model is refit
//! on all periods for the decomposition, ROI (incremental revenue / spend over the data),
//! marginal ROI (revenue from 1% more spend / that 1%), response curves and the budget
//! allocation ([`allocate`]). ROI uncertainty: moving-block residual bootstrap of the ridge fit
//! with the hyperparameters held fixed (Künsch 1989), seeded.
//!
//! ROI is withheld, with the reason in plain words, when the data cannot identify it: too few
//! periods for the number of parameters, a channel spending in too few periods, or a channel's
//! transformed spend explained by the other columns (variance inflation factor above 10).

pub mod adstock;
pub mod allocate;
pub mod input;
pub mod ridge;
pub mod saturation;
pub mod search;

pub use input::{MmmInput, Series, SpendSpec};

use super::stats::{quantile_sorted, Rng};
use crate::data::dates::civil_from_days;
use crate::text::{params, Text};
use allocate::{AllocError, ChannelModel};
use serde::{Deserialize, Serialize};

/// Errors of the media-mix model.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum MmmError {
    Table(#[from] super::table::TableError),
    Param { name: &'static str, message: Text },
    Input(Text),
    Allocation(#[from] AllocError),
}

impl MmmError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            MmmError::Input(t) => t.clone(),
            MmmError::Allocation(e) => e.text(),
            MmmError::Table(e) => e.text(),
            MmmError::Param { name, message } => Text::new("common.err.invalid_param")
                .str("name", *name)
                .text("message", message.clone()),
        }
    }
}

/// Bounds on one channel's spend per period in the allocation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelBound {
    pub channel: String,
    pub min: f64,
    pub max: f64,
}

impl ChannelBound {
    /// Parse `CHANNEL=MIN:MAX` (also `CHANNEL=MIN-MAX`), per-period spend limits as typed on
    /// the command line and on the page.
    pub fn parse(s: &str) -> Result<ChannelBound, MmmError> {
        let err = || MmmError::Param {
            name: "bounds",
            message: Text::new("mkt.param.bounds_syntax").str("given", s),
        };
        let (name, range) = s.rsplit_once('=').ok_or_else(err)?;
        let (a, b) = range
            .split_once(':')
            .or_else(|| range.split_once('-'))
            .ok_or_else(err)?;
        let (min, max) = (
            a.trim().parse::<f64>().map_err(|_| err())?,
            b.trim().parse::<f64>().map_err(|_| err())?,
        );
        if name.trim().is_empty() || !(0.0 <= min && min <= max && max.is_finite()) {
            return Err(err());
        }
        Ok(ChannelBound {
            channel: name.trim().to_string(),
            min,
            max,
        })
    }
}

/// Budget for the allocator: `total` over the next `periods` periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetParams {
    pub total: f64,
    pub periods: u32,
    /// Per-period bounds; channels not listed get [0, 1.5 × their largest observed spend].
    pub bounds: Vec<ChannelBound>,
}

/// Parameters (defaults in [`MmmParams::default`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MmmParams {
    pub seed: u64,
    /// Hyperparameter evaluations of the search.
    pub trials: usize,
    /// Held-out tail for the fit report; `None` = 10% of the periods (at least 4, none below 30).
    pub holdout: Option<usize>,
    /// Blocks of the hv-blocked cross-validation.
    pub cv_folds: usize,
    /// Weight of DECOMP.RSSD in the search objective.
    pub rssd_weight: f64,
    /// Relative score band of the near-optimal candidates among which the representative
    /// model is chosen (0 = just the best).
    pub near_optimal: f64,
    /// Bootstrap refits for the ROI intervals.
    pub bootstrap: usize,
    /// Yearly Fourier order; used only when the data span at least 1.5 years.
    pub fourier_order: usize,
    pub trend: bool,
    /// Upper bound of the adstock decay θ; `None` = 0.8 for weekly data, 0.95 for daily.
    pub max_decay: Option<f64>,
    /// Half-saturation range relative to the channel's mean positive spend.
    pub half_saturation_range: (f64, f64),
    pub shape_range: (f64, f64),
    /// Ridge penalty range (standardised scale).
    pub lambda_range: (f64, f64),
    /// Periods at the end of the data that define the "current" spend.
    pub current_window: usize,
    pub budget: Option<BudgetParams>,
}

impl Default for MmmParams {
    fn default() -> Self {
        MmmParams {
            seed: 42,
            trials: 1500,
            holdout: None,
            cv_folds: 5,
            rssd_weight: 0.01,
            near_optimal: 0.03,
            bootstrap: 200,
            fourier_order: 2,
            trend: true,
            max_decay: None,
            half_saturation_range: (0.2, 4.0),
            shape_range: (0.5, 3.0),
            lambda_range: (1e-5, 1.0),
            current_window: 13,
            budget: None,
        }
    }
}

impl MmmParams {
    pub fn validate(&self) -> Result<(), MmmError> {
        let err = |name, m: Text| Err(MmmError::Param { name, message: m });
        if self.trials < 24 || self.trials > 1_000_000 {
            return err("trials", params::between("24", "1,000,000"));
        }
        if self.cv_folds == 0 || self.cv_folds > 20 {
            return err("cv_folds", params::between("1", "20"));
        }
        if !(self.rssd_weight >= 0.0 && self.rssd_weight.is_finite()) {
            return err("rssd_weight", Text::new("param.non_negative"));
        }
        if !(0.0..=1.0).contains(&self.near_optimal) {
            return err("near_optimal", Text::new("param.closed_unit"));
        }
        if self.bootstrap > 100_000 {
            return err("bootstrap", params::at_most("100,000"));
        }
        if self.fourier_order > 10 {
            return err("fourier_order", params::at_most("10"));
        }
        if let Some(d) = self.max_decay {
            if !(0.0..1.0).contains(&d) {
                return err("max_decay", Text::new("param.right_open_unit"));
            }
        }
        let range_ok = |r: (f64, f64)| r.0 > 0.0 && r.1 >= r.0 && r.1.is_finite();
        if !range_ok(self.half_saturation_range) {
            return err("half_saturation_range", Text::new("param.min_max_positive"));
        }
        if !range_ok(self.shape_range) {
            return err("shape_range", Text::new("param.min_max_positive"));
        }
        if !range_ok(self.lambda_range) {
            return err("lambda_range", Text::new("param.min_max_positive"));
        }
        if self.current_window == 0 {
            return err("current_window", Text::new("param.positive"));
        }
        if let Some(b) = &self.budget {
            if !(b.total >= 0.0 && b.total.is_finite()) {
                return err("budget", Text::new("param.total_non_negative"));
            }
            if b.periods == 0 || b.periods > 520 {
                return err("budget", Text::new("param.periods_1_520"));
            }
            for cb in &b.bounds {
                if !(cb.min >= 0.0 && cb.max >= cb.min && cb.max.is_finite()) {
                    return Err(MmmError::Param {
                        name: "budget",
                        message: Text::new("mkt.param.channel_bounds").str("channel", &cb.channel),
                    });
                }
            }
        }
        Ok(())
    }
}

/// Point of a response curve: steady-state revenue per period at a constant spend per period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub spend: f64,
    pub revenue: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelReport {
    pub name: String,
    pub spend_total: f64,
    /// Revenue attributed to the channel over the data.
    pub contribution_total: f64,
    pub spend_share: f64,
    pub effect_share: f64,
    /// Adstock decay θ: the share of this period's effect that carries to the next.
    pub decay: f64,
    pub half_life_periods: f64,
    /// Hill half-saturation K (spend per period at which half the maximum effect is reached).
    pub half_saturation: f64,
    pub shape: f64,
    /// β: revenue per period at full saturation.
    pub coefficient: f64,
    /// Incremental revenue / spend over the data; `None` when withheld.
    pub roi: Option<f64>,
    /// 90% bootstrap interval.
    pub roi_interval: Option<(f64, f64)>,
    /// Revenue from 1% more spend in every period / that extra spend.
    pub marginal_roi: Option<f64>,
    pub marginal_roi_interval: Option<(f64, f64)>,
    /// Why ROI is not shown.
    pub roi_withheld: Option<Text>,
    pub vif: Option<f64>,
    /// Mean spend per period over the last `current_window` periods.
    pub current_spend: f64,
    /// Steady-state response at `current_spend`.
    pub current_response: f64,
    pub response_curve: Vec<CurvePoint>,
    /// Share of a period's spend effect felt `l` periods later, l = 0, 1, ….
    pub adstock_curve: Vec<f64>,
    pub explain: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitQuality {
    pub r2_train: f64,
    pub nrmse_train: f64,
    pub mape_train: f64,
    pub holdout_periods: usize,
    pub r2_holdout: Option<f64>,
    pub nrmse_holdout: Option<f64>,
    pub mape_holdout: Option<f64>,
    /// Cross-validated NRMSE of the chosen hyperparameters.
    pub nrmse_cv: f64,
    pub decomp_rssd: f64,
    /// Ridge penalty chosen (standardised scale).
    pub lambda: f64,
    pub condition_number: f64,
    pub explain: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Identification {
    pub periods: usize,
    pub parameters: usize,
    /// True when ROI is shown for at least one channel.
    pub roi_shown: bool,
    pub reasons: Vec<Text>,
}

/// One period of the decomposition; `fitted = base + controls + Σ channels`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecompRow {
    pub date: String,
    pub actual: f64,
    pub fitted: f64,
    /// Intercept + trend + seasonality.
    pub base: f64,
    /// Sum of control effects (promotions, events, …).
    pub controls: f64,
    /// Per channel, in `channels` order.
    pub channels: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AllocChannel {
    pub name: String,
    pub min: f64,
    pub max: f64,
    pub current_per_period: f64,
    pub optimal_per_period: f64,
    pub current_revenue: f64,
    pub optimal_revenue: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    pub total_budget: f64,
    pub periods: u32,
    pub channels: Vec<AllocChannel>,
    /// Predicted media revenue over the periods (carry-over from past spend included).
    pub revenue_current_split: f64,
    pub revenue_optimal: f64,
    pub lift: f64,
    pub lift_pct: f64,
    pub converged: bool,
    pub iterations: usize,
    pub kkt_gap: f64,
    /// False when the model failed the identification checks: the split is then shown for
    /// completeness only.
    pub reliable: bool,
    pub explain: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MmmReport {
    pub periods: usize,
    pub period_days: i64,
    pub date_from: String,
    pub date_to: String,
    pub channels: Vec<ChannelReport>,
    /// Control names and coefficients (revenue per unit of the control).
    pub controls: Vec<(String, f64)>,
    /// Intercept, trend and Fourier coefficients.
    pub base_terms: Vec<(String, f64)>,
    pub fit: FitQuality,
    pub identification: Identification,
    pub decomposition: Vec<DecompRow>,
    pub allocation: Option<Allocation>,
    pub search_trials: usize,
    /// Candidates within the near-optimal band the model was chosen from.
    pub near_optimal_candidates: usize,
    pub seed: u64,
    pub notes: Vec<Text>,
    /// ISO code of the money (spend, revenue), when the files name it ([`MmmInput::currency`]).
    #[serde(default)]
    pub currency: Option<String>,
}

/// Hyperparameters of one channel.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Hyper {
    theta: f64,
    k: f64,
    shape: f64,
}

/// Everything the search needs, prepared once.
struct Ctx<'a> {
    input: &'a MmmInput,
    /// Trend, Fourier and control columns.
    base: Vec<Vec<f64>>,
    base_names: Vec<String>,
    /// Mean positive spend per channel (scale of K).
    scale: Vec<f64>,
    n_fit: usize,
    max_decay: f64,
    params: &'a MmmParams,
    cv: CvPlan,
}

/// The hv-blocked folds and the moments of the fixed columns (trend, season, controls,
/// revenue) over all fitting rows and over each held-out stretch, prepared once.
struct CvPlan {
    /// (block start, block end, held-out start, held-out end): the block plus the gaps.
    folds: Vec<(usize, usize, usize, usize)>,
    all: ridge::Moments,
    held: Vec<ridge::Moments>,
}

impl CvPlan {
    fn new(base: &[Vec<f64>], c: usize, y: &[f64], n: usize, folds: usize) -> CvPlan {
        let k = folds.max(2).min(n / 4).max(1);
        let gap = 2usize;
        let zero = vec![0.0; y.len()];
        let mut cols: Vec<&[f64]> = base.iter().map(Vec::as_slice).collect();
        cols.extend(std::iter::repeat_n(zero.as_slice(), c));
        cols.push(y);
        let shift: Vec<f64> = cols
            .iter()
            .map(|col| col[..n].iter().sum::<f64>() / n.max(1) as f64)
            .collect();
        let folds: Vec<(usize, usize, usize, usize)> = (0..k)
            .map(|f| {
                let (a, b) = (f * n / k, (f + 1) * n / k);
                (a, b, a.saturating_sub(gap), (b + gap).min(n))
            })
            .collect();
        let held = folds
            .iter()
            .map(|&(_, _, lo, hi)| ridge::Moments::compute(&cols, lo..hi, &shift))
            .collect();
        CvPlan {
            all: ridge::Moments::compute(&cols, 0..n, &shift),
            held,
            folds,
        }
    }
}

fn media_column(x: &[f64], h: Hyper) -> Vec<f64> {
    let a0 = x.iter().take(4).sum::<f64>() / x.len().clamp(1, 4) as f64;
    adstock::geometric(x, h.theta, a0)
        .into_iter()
        .map(|a| saturation::hill(a, h.k, h.shape))
        .collect()
}

impl Ctx<'_> {
    fn decode(&self, g: &[f64]) -> (Vec<Hyper>, f64) {
        let c = self.input.channels.len();
        let hs = (0..c)
            .map(|i| Hyper {
                theta: g[3 * i] * self.max_decay,
                k: g[3 * i + 1].exp() * self.scale[i],
                shape: g[3 * i + 2],
            })
            .collect();
        (hs, g[3 * c].exp())
    }

    fn bounds(&self) -> Vec<(f64, f64)> {
        let p = self.params;
        let mut b = Vec::new();
        for _ in &self.input.channels {
            b.push((0.0, 1.0));
            b.push((
                p.half_saturation_range.0.ln(),
                p.half_saturation_range.1.ln(),
            ));
            b.push(p.shape_range);
        }
        b.push((p.lambda_range.0.ln(), p.lambda_range.1.ln()));
        b
    }

    fn design(&self, hs: &[Hyper]) -> Vec<Vec<f64>> {
        let mut x = self.base.clone();
        for (ch, h) in self.input.channels.iter().zip(hs) {
            x.push(media_column(&ch.values, *h));
        }
        x
    }

    fn nonneg(&self) -> Vec<bool> {
        let mut v = vec![false; self.base.len()];
        v.extend(std::iter::repeat_n(true, self.input.channels.len()));
        v
    }

    /// (cv nrmse, rssd). Cross-validation is hv-blocked (Racine 2000, "Consistent
    /// cross-validatory model-selection for dependent data", J. Econometrics 99; Bergmeir &
    /// Benítez 2012): the fitting periods are cut into `folds` contiguous blocks; each block is
    /// predicted by a fit on the other periods minus a gap of 2 periods on each side, so every
    /// period is predicted once by a model that did not see it or its neighbours.
    fn evaluate(&self, g: &[f64]) -> (f64, f64) {
        let (hs, lambda) = self.decode(g);
        let x = self.design(&hs);
        let y = &self.input.revenue;
        let nn = self.nonneg();
        let n = self.n_fit;
        let nb = self.base.len();
        let q = x.len() + 1;
        let mut cols: Vec<&[f64]> = x.iter().map(Vec::as_slice).collect();
        cols.push(y);
        // Only the media columns change between candidates: their moments are recomputed over
        // all rows and over each held-out stretch; the rest comes from the prepared templates.
        let media_shift: Vec<f64> = x[nb..]
            .iter()
            .map(|c| c[..n].iter().sum::<f64>() / n.max(1) as f64)
            .collect();
        let all = self.cv.all.update(&cols, 0..n, nb..q - 1, &media_shift);
        let mut sse = 0.0;
        let mut cnt = 0usize;
        for (fold, held) in self.cv.folds.iter().zip(&self.cv.held) {
            let (a, b, lo, hi) = *fold;
            if n - (hi - lo) < 8 {
                continue;
            }
            let h = held.update(&cols, lo..hi, nb..q - 1, &media_shift);
            let fit = all.minus(&h).fit(lambda, &nn);
            for t in a..b {
                let e = y[t] - fit.predict(&x, t);
                sse += e * e;
                cnt += 1;
            }
        }
        let (lo, hi) = y[..n]
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
        let nrmse = (sse / cnt.max(1) as f64).sqrt() / (hi - lo).max(1e-300);
        let fit = all.fit(lambda, &nn);
        (nrmse, self.rssd(&x, &fit, 0..n))
    }

    /// ROI per channel of the full-window fit at these genes.
    fn roi_vector(&self, g: &[f64]) -> Vec<f64> {
        let (hs, lambda) = self.decode(g);
        let x = self.design(&hs);
        let rows: Vec<usize> = (0..self.n_fit).collect();
        let sc = ridge::scale(&x, &rows);
        let fit = ridge::fit(&x, &self.input.revenue, &rows, &sc, lambda, &self.nonneg());
        let nb = self.base.len();
        self.input
            .channels
            .iter()
            .enumerate()
            .map(|(i, ch)| {
                let sp: f64 = ch.values[..self.n_fit].iter().sum();
                fit.coef[nb + i] * x[nb + i][..self.n_fit].iter().sum::<f64>() / sp.max(1e-300)
            })
            .collect()
    }

    fn rssd(&self, x: &[Vec<f64>], fit: &ridge::Fit, rows: std::ops::Range<usize>) -> f64 {
        let nb = self.base.len();
        let c = self.input.channels.len();
        let eff: Vec<f64> = (0..c)
            .map(|i| fit.coef[nb + i] * x[nb + i][rows.clone()].iter().sum::<f64>())
            .collect();
        let sp: Vec<f64> = self
            .input
            .channels
            .iter()
            .map(|ch| ch.values[rows.clone()].iter().sum::<f64>())
            .collect();
        let (te, ts) = (eff.iter().sum::<f64>(), sp.iter().sum::<f64>());
        if te <= 0.0 || ts <= 0.0 {
            return 1.0;
        }
        eff.iter()
            .zip(&sp)
            .map(|(e, s)| (e / te - s / ts).powi(2))
            .sum::<f64>()
            .sqrt()
    }
}

fn day_str(d: i64) -> String {
    let (y, m, dd) = civil_from_days(d);
    format!("{y:04}-{m:02}-{dd:02}")
}

fn r2_nrmse_mape(y: &[f64], p: &[f64]) -> (f64, f64, f64) {
    let n = y.len().max(1) as f64;
    let m = y.iter().sum::<f64>() / n;
    let sst: f64 = y.iter().map(|v| (v - m).powi(2)).sum();
    let sse: f64 = y.iter().zip(p).map(|(a, b)| (a - b).powi(2)).sum();
    let (lo, hi) = y
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    let nz: Vec<f64> = y
        .iter()
        .zip(p)
        .filter(|(a, _)| a.abs() > 0.0)
        .map(|(a, b)| ((a - b) / a).abs())
        .collect();
    (
        if sst > 0.0 { 1.0 - sse / sst } else { f64::NAN },
        (sse / n).sqrt() / (hi - lo).max(1e-300),
        nz.iter().sum::<f64>() / nz.len().max(1) as f64,
    )
}

/// Fit the model, decompose, compute ROI, and allocate the budget when asked.
pub fn run(input: &MmmInput, params: &MmmParams) -> Result<MmmReport, MmmError> {
    run_with_progress(input, params, &mut |_, _| {})
}

/// [`run`], calling `progress(done, total)` as the work advances (about 100 calls: search
/// evaluations, then bootstrap refits), so a worker can show a progress bar.
pub fn run_with_progress(
    input: &MmmInput,
    params: &MmmParams,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<MmmReport, MmmError> {
    params.validate()?;
    input.validate()?;
    let n = input.revenue.len();
    let c = input.channels.len();
    let mut notes = input.notes.clone();
    let weekly_or_longer = input.period_days >= 7;
    let max_decay = params
        .max_decay
        .unwrap_or(if weekly_or_longer { 0.8 } else { 0.95 });

    // Base columns: trend, Fourier, controls.
    let mut base = Vec::new();
    let mut base_names = Vec::new();
    if params.trend {
        base.push((0..n).map(|t| t as f64 / n as f64).collect());
        base_names.push("trend".to_string());
    }
    let span_days = (input.dates[n - 1] - input.dates[0]) as f64 + input.period_days as f64;
    if params.fourier_order > 0 && span_days >= 1.5 * 365.25 {
        for k in 1..=params.fourier_order {
            let w = std::f64::consts::TAU * k as f64 / 365.25;
            base.push(input.dates.iter().map(|&d| (w * d as f64).sin()).collect());
            base.push(input.dates.iter().map(|&d| (w * d as f64).cos()).collect());
            base_names.push(format!("sin_{k}"));
            base_names.push(format!("cos_{k}"));
        }
    } else if params.fourier_order > 0 {
        notes.push(Text::new("mkt.mmm.no_season").num("days", span_days, 0));
    }
    let n_ft = base.len();
    for ctl in &input.controls {
        base.push(ctl.values.clone());
        base_names.push(ctl.name.clone());
    }
    let holdout = params
        .holdout
        .unwrap_or(if n >= 30 { (n / 10).max(4) } else { 0 });
    if holdout + 12 > n {
        return Err(MmmError::Input(
            Text::new("mkt.err.holdout")
                .int("n", n)
                .int("holdout", holdout),
        ));
    }
    let n_fit = n - holdout;
    let scale: Vec<f64> = input
        .channels
        .iter()
        .map(|ch| {
            let pos: Vec<f64> = ch.values.iter().copied().filter(|&v| v > 0.0).collect();
            if pos.is_empty() {
                1.0
            } else {
                pos.iter().sum::<f64>() / pos.len() as f64
            }
        })
        .collect();
    let cv = CvPlan::new(&base, c, &input.revenue, n_fit, params.cv_folds);
    let ctx = Ctx {
        input,
        cv,
        base,
        base_names,
        scale,
        n_fit,
        max_decay,
        params,
    };
    let bounds = ctx.bounds();
    let w = params.rssd_weight;
    let total_work = params.trials + params.bootstrap;
    let step = (total_work / 100).max(1);
    let mut done = 0usize;
    let elite = search::evolve(&bounds, params.trials, params.seed, |g| {
        done += 1;
        if done.is_multiple_of(step) {
            progress(done, total_work);
        }
        let (e, r) = ctx.evaluate(g);
        e + w * r
    });
    let best_score = elite
        .first()
        .ok_or_else(|| MmmError::Input(Text::new("mkt.err.no_candidate")))?
        .score;
    // Robyn-style model selection among near-optimal candidates: the objective is flat along
    // directions that trade saturation level against the intercept, so among the candidates
    // within `near_optimal` of the best score the one whose ROI vector is closest (in log
    // ratio) to the candidates' per-channel median ROI is chosen, a representative rather
    // than the luckiest fit to the noise.
    let near: Vec<&search::Candidate> = elite
        .iter()
        .filter(|c| c.score <= best_score * (1.0 + params.near_optimal))
        .take(200)
        .collect();
    let rois: Vec<Vec<f64>> = near.iter().map(|c| ctx.roi_vector(&c.genes)).collect();
    let median: Vec<f64> = (0..c)
        .map(|i| {
            let mut v: Vec<f64> = rois.iter().map(|r| r[i]).collect();
            v.sort_by(f64::total_cmp);
            quantile_sorted(&v, 0.5)
        })
        .collect();
    let dist = |r: &[f64]| -> f64 {
        r.iter()
            .zip(&median)
            .map(|(a, m)| ((a.max(1e-12)) / m.max(1e-12)).ln().abs())
            .sum()
    };
    let best = near
        .iter()
        .zip(&rois)
        .min_by(|a, b| dist(a.1).total_cmp(&dist(b.1)))
        .map(|(c, _)| *c)
        .ok_or_else(|| MmmError::Input(Text::new("mkt.err.no_candidate")))?;
    let near_count = near.len();
    let (hs, lambda) = ctx.decode(&best.genes);
    let (nrmse_cv, _) = ctx.evaluate(&best.genes);
    let x = ctx.design(&hs);
    let y = &input.revenue;
    let nn = ctx.nonneg();
    let nb = ctx.base.len();

    // Fit report on the held-out tail.
    let rows_fit: Vec<usize> = (0..n_fit).collect();
    let sc_fit = ridge::scale(&x, &rows_fit);
    let fit_tr = ridge::fit(&x, y, &rows_fit, &sc_fit, lambda, &nn);
    let pred_tr: Vec<f64> = (0..n).map(|t| fit_tr.predict(&x, t)).collect();
    let (r2_h, nrmse_h, mape_h) = if holdout > 0 {
        let (a, b, c) = r2_nrmse_mape(&y[n_fit..], &pred_tr[n_fit..]);
        (Some(a), Some(b), Some(c))
    } else {
        (None, None, None)
    };

    // Final fit on all periods.
    let rows_all: Vec<usize> = (0..n).collect();
    let sc = ridge::scale(&x, &rows_all);
    let fit = ridge::fit(&x, y, &rows_all, &sc, lambda, &nn);
    let fitted: Vec<f64> = (0..n).map(|t| fit.predict(&x, t)).collect();
    let (r2, nrmse, mape) = r2_nrmse_mape(y, &fitted);
    let rssd = ctx.rssd(&x, &fit, 0..n);
    let vifs = ridge::vif(&sc);
    let media_idx: Vec<usize> = (nb..nb + c).collect();
    let media_sc = {
        // Condition number of the media + control block (trend/season excluded).
        let cols: Vec<Vec<f64>> = (n_ft..nb + c).map(|j| x[j].clone()).collect();
        ridge::scale(&cols, &rows_all)
    };
    let cond = ridge::condition_number(&media_sc);

    // Identification.
    let n_params = 4 * c + nb + 1;
    let mut reasons = Vec::new();
    let poor_holdout = r2_h.is_some_and(|r| r < 0.0);
    if poor_holdout {
        reasons.push(
            Text::new("mkt.mmm.poor_holdout")
                .int("h", holdout)
                .str("r2", format!("{:.2}", r2_h.unwrap_or(f64::NAN))),
        );
    }
    let too_few = n < 2 * n_params;
    if too_few {
        reasons.push(
            Text::new("mkt.mmm.too_few")
                .int("n", n)
                .int("p", n_params)
                .int("c", c)
                .int("nb", nb)
                .int("need", 2 * n_params),
        );
    }
    if cond > 30.0 {
        notes.push(Text::new("mkt.mmm.collinear").num("cond", cond, 0));
    }

    // Per-channel numbers.
    let mut rng = Rng::new(params.seed ^ 0x9E37_79B9_7F4A_7C15);
    let resid: Vec<f64> = (0..n).map(|t| y[t] - fitted[t]).collect();
    let block = if weekly_or_longer { 4 } else { 14 }.min(n);
    let mut boot_coefs: Vec<Vec<f64>> = Vec::with_capacity(params.bootstrap);
    for _ in 0..params.bootstrap {
        let mut ys = Vec::with_capacity(n);
        while ys.len() < n {
            let s = rng.below(n - block + 1);
            for t in s..s + block {
                if ys.len() < n {
                    let i = ys.len();
                    ys.push(fitted[i] + resid[t]);
                }
            }
        }
        let f = ridge::fit(&x, &ys, &rows_all, &sc, lambda, &nn);
        boot_coefs.push(f.coef[nb..nb + c].to_vec());
        if (params.trials + boot_coefs.len()).is_multiple_of(step) {
            progress(params.trials + boot_coefs.len(), total_work);
        }
    }
    let total_spend: f64 = input
        .channels
        .iter()
        .map(|ch| ch.values.iter().sum::<f64>())
        .sum();
    let contrib: Vec<Vec<f64>> = (0..c)
        .map(|i| x[nb + i].iter().map(|v| v * fit.coef[nb + i]).collect())
        .collect();
    let total_effect: f64 = contrib.iter().map(|v| v.iter().sum::<f64>()).sum();
    let cw = params.current_window.min(n);
    let mut channels = Vec::with_capacity(c);
    let mut models = Vec::with_capacity(c);
    for i in 0..c {
        let ch = &input.channels[i];
        let h = hs[i];
        let beta = fit.coef[nb + i];
        let spend: f64 = ch.values.iter().sum();
        let hsum: f64 = x[nb + i].iter().sum();
        let contribution = beta * hsum;
        // 1% more spend in every period: adstock is linear, so each a_t scales by 1.01.
        let a0 = ch.values.iter().take(4).sum::<f64>() / n.clamp(1, 4) as f64;
        let ad = adstock::geometric(&ch.values, h.theta, a0);
        let dh: f64 = ad
            .iter()
            .map(|&a| saturation::hill(1.01 * a, h.k, h.shape) - saturation::hill(a, h.k, h.shape))
            .sum();
        let active = ch.values.iter().filter(|&&v| v > 0.0).count();
        let vif = vifs.get(media_idx[i]).copied().flatten();
        let mut withheld = None;
        if spend <= 0.0 {
            withheld = Some(Text::new("mkt.mmm.w_no_spend"));
        } else if too_few {
            withheld = Some(Text::new("mkt.mmm.w_too_few"));
        } else if poor_holdout {
            withheld = Some(Text::new("mkt.mmm.w_holdout"));
        } else if active < 5 || (active as f64) < 0.1 * n as f64 {
            withheld = Some(
                Text::new("mkt.mmm.w_sparse")
                    .int("active", active)
                    .int("n", n),
            );
        } else if vif.is_none_or(|v| v > 10.0) {
            withheld = Some(
                Text::new("mkt.mmm.w_collinear")
                    .str("vif", vif.map_or("∞".to_string(), |v| format!("{v:.0}"))),
            );
        }
        let roi_b: Vec<f64> = {
            let mut v: Vec<f64> = boot_coefs
                .iter()
                .map(|b| b[i] * hsum / spend.max(1e-300))
                .collect();
            v.sort_by(f64::total_cmp);
            v
        };
        let mroi_b: Vec<f64> = {
            let mut v: Vec<f64> = boot_coefs
                .iter()
                .map(|b| b[i] * dh / (0.01 * spend).max(1e-300))
                .collect();
            v.sort_by(f64::total_cmp);
            v
        };
        let interval = |v: &[f64]| {
            (!v.is_empty()).then(|| (quantile_sorted(v, 0.05), quantile_sorted(v, 0.95)))
        };
        let show = withheld.is_none();
        let roi = show.then(|| contribution / spend);
        let mroi = show.then(|| beta * dh / (0.01 * spend));
        let current = ch.values[n - cw..].iter().sum::<f64>() / cw as f64;
        let max_obs = ch.values.iter().copied().fold(0.0f64, f64::max);
        let top = (2.0 * current).max(1.2 * max_obs).max(1e-9);
        let curve: Vec<CurvePoint> = (0..=40)
            .map(|j| {
                let s = top * j as f64 / 40.0;
                CurvePoint {
                    spend: s,
                    revenue: beta * saturation::hill(s, h.k, h.shape),
                }
            })
            .collect();
        let current_response = beta * saturation::hill(current, h.k, h.shape);
        let explain = Text::new("mkt.mmm.channel")
            .str("name", ch.name.clone())
            .str("spend", format!("{spend:.0}"))
            .str("contribution", format!("{contribution:.0}"))
            .str(
                "es",
                format!("{:.1}", 100.0 * contribution / total_effect.max(1e-300)),
            )
            .str(
                "ss",
                format!("{:.1}", 100.0 * spend / total_spend.max(1e-300)),
            )
            .text(
                "roi",
                match (roi, mroi, &withheld) {
                    (Some(r), Some(m), _) => Text::new("mkt.mmm.roi")
                        .str("r", format!("{r:.2}"))
                        .str(
                            "lo",
                            format!("{:.2}", interval(&roi_b).map_or(f64::NAN, |v| v.0)),
                        )
                        .str(
                            "hi",
                            format!("{:.2}", interval(&roi_b).map_or(f64::NAN, |v| v.1)),
                        )
                        .str("m", format!("{m:.2}")),
                    (_, _, Some(w)) => Text::new("mkt.mmm.roi_withheld").text("why", w.clone()),
                    _ => Text::raw(""),
                },
            )
            .num("decay", 100.0 * h.theta, 0)
            .num("hl", adstock::half_life(h.theta).max(1.0), 1)
            .num("k", h.k, 0)
            .num("s", h.shape, 2)
            .num("current", current, 0)
            .num("response", current_response, 0);
        channels.push(ChannelReport {
            name: ch.name.clone(),
            spend_total: spend,
            contribution_total: contribution,
            spend_share: spend / total_spend.max(1e-300),
            effect_share: contribution / total_effect.max(1e-300),
            decay: h.theta,
            half_life_periods: adstock::half_life(h.theta),
            half_saturation: h.k,
            shape: h.shape,
            coefficient: beta,
            roi,
            roi_interval: if show { interval(&roi_b) } else { None },
            marginal_roi: mroi,
            marginal_roi_interval: if show { interval(&mroi_b) } else { None },
            roi_withheld: withheld,
            vif,
            current_spend: current,
            current_response,
            response_curve: curve,
            adstock_curve: adstock::decay_weights(h.theta, 13),
            explain,
        });
        models.push(ChannelModel {
            beta,
            theta: h.theta,
            half_saturation: h.k,
            shape: h.shape,
            adstock_end: ad.last().copied().unwrap_or(0.0),
        });
    }
    let roi_shown = channels.iter().any(|c| c.roi.is_some());
    for ch in &channels {
        if let Some(w) = &ch.roi_withheld {
            reasons.push(
                Text::new("mkt.mmm.reason_channel")
                    .str("name", ch.name.clone())
                    .text("why", w.clone()),
            );
        }
    }

    // Decomposition.
    let decomposition: Vec<DecompRow> = (0..n)
        .map(|t| {
            let base_v = fit.intercept + (0..n_ft).map(|j| fit.coef[j] * x[j][t]).sum::<f64>();
            let ctl = (n_ft..nb).map(|j| fit.coef[j] * x[j][t]).sum::<f64>();
            DecompRow {
                date: day_str(input.dates[t]),
                actual: y[t],
                fitted: fitted[t],
                base: base_v,
                controls: ctl,
                channels: (0..c).map(|i| contrib[i][t]).collect(),
            }
        })
        .collect();

    let allocation = match &params.budget {
        Some(b) => Some(allocate_budget(
            input,
            &models,
            &channels,
            b,
            poor_holdout || too_few,
        )?),
        None => None,
    };

    let fitq = FitQuality {
        r2_train: r2,
        nrmse_train: nrmse,
        mape_train: mape,
        holdout_periods: holdout,
        r2_holdout: r2_h,
        nrmse_holdout: nrmse_h,
        mape_holdout: mape_h,
        nrmse_cv,
        decomp_rssd: rssd,
        lambda,
        condition_number: cond,
        explain: Text::new("mkt.mmm.fit")
            .str("r2", format!("{:.1}", 100.0 * r2))
            .str("nrmse", format!("{:.1}", 100.0 * nrmse))
            .str("mape", format!("{:.1}", 100.0 * mape))
            .text(
                "holdout",
                match (r2_h, nrmse_h, mape_h) {
                    (Some(a), Some(b), Some(m)) => Text::new("mkt.mmm.holdout")
                        .int("h", holdout)
                        .str("r2", format!("{a:.2}"))
                        .str("nrmse", format!("{:.1}", 100.0 * b))
                        .str("mape", format!("{:.1}", 100.0 * m)),
                    _ => Text::new("mkt.mmm.no_holdout"),
                },
            )
            .str("cv", format!("{:.1}", 100.0 * nrmse_cv))
            .str("rssd", format!("{rssd:.3}")),
    };
    let mut base_terms = vec![("intercept".to_string(), fit.intercept)];
    for j in 0..n_ft {
        base_terms.push((ctx.base_names[j].clone(), fit.coef[j]));
    }
    let controls = (n_ft..nb)
        .map(|j| (ctx.base_names[j].clone(), fit.coef[j]))
        .collect();
    progress(total_work, total_work);
    Ok(MmmReport {
        periods: n,
        period_days: input.period_days,
        date_from: day_str(input.dates[0]),
        date_to: day_str(input.dates[n - 1]),
        channels,
        controls,
        base_terms,
        fit: fitq,
        identification: Identification {
            periods: n,
            parameters: n_params,
            roi_shown,
            reasons,
        },
        decomposition,
        allocation,
        search_trials: params.trials,
        near_optimal_candidates: near_count,
        seed: params.seed,
        notes,
        currency: input.currency.clone(),
    })
}

fn allocate_budget(
    input: &MmmInput,
    models: &[ChannelModel],
    channels: &[ChannelReport],
    b: &BudgetParams,
    unreliable: bool,
) -> Result<Allocation, MmmError> {
    let c = models.len();
    for cb in &b.bounds {
        if !input.channels.iter().any(|ch| ch.name == cb.channel) {
            return Err(MmmError::Param {
                name: "budget",
                message: Text::new("mkt.param.bounds_unknown_channel")
                    .str("channel", cb.channel.clone()),
            });
        }
    }
    let (mut lo, mut hi) = (vec![0.0; c], vec![0.0; c]);
    for i in 0..c {
        let max_obs = input.channels[i]
            .values
            .iter()
            .copied()
            .fold(0.0f64, f64::max);
        match b
            .bounds
            .iter()
            .find(|cb| cb.channel == input.channels[i].name)
        {
            Some(cb) => {
                lo[i] = cb.min;
                hi[i] = cb.max;
            }
            None => hi[i] = 1.5 * max_obs,
        }
    }
    let per = b.total / f64::from(b.periods);
    // Current split: shares of the last window's spend, scaled to the budget.
    let cur_raw: Vec<f64> = channels.iter().map(|ch| ch.current_spend).collect();
    let cs: f64 = cur_raw.iter().sum();
    let cur: Vec<f64> = if cs > 0.0 {
        cur_raw.iter().map(|v| v / cs * per).collect()
    } else {
        vec![per / c as f64; c]
    };
    let cur = allocate::project(&cur, &lo, &hi, per);
    let r = allocate::allocate(models, per, &lo, &hi, b.periods, Some(&cur))?;
    let rev_cur = allocate::total_revenue(models, &cur, b.periods);
    let lift = r.revenue - rev_cur;
    let lift_pct = if rev_cur > 0.0 {
        100.0 * lift / rev_cur
    } else {
        f64::NAN
    };
    let rows: Vec<AllocChannel> = (0..c)
        .map(|i| AllocChannel {
            name: input.channels[i].name.clone(),
            min: lo[i],
            max: hi[i],
            current_per_period: cur[i],
            optimal_per_period: r.spend[i],
            current_revenue: models[i].revenue(cur[i], b.periods),
            optimal_revenue: models[i].revenue(r.spend[i], b.periods),
        })
        .collect();
    let moves: Vec<String> = rows
        .iter()
        .map(|a| {
            format!(
                "{} {:.0} → {:.0}",
                a.name, a.current_per_period, a.optimal_per_period
            )
        })
        .collect();
    Ok(Allocation {
        total_budget: b.total,
        periods: b.periods,
        revenue_current_split: rev_cur,
        revenue_optimal: r.revenue,
        lift,
        lift_pct,
        converged: r.converged,
        iterations: r.iterations,
        kkt_gap: r.kkt_gap,
        reliable: !unreliable,
        explain: Text::new("mkt.mmm.allocation")
            .text(
                "warning",
                if unreliable {
                    Text::new("mkt.mmm.not_reliable")
                } else {
                    Text::raw("")
                },
            )
            .str("total", format!("{:.0}", b.total))
            .int("periods", b.periods)
            .str("per", format!("{per:.0}"))
            .str("current", format!("{rev_cur:.0}"))
            .str("moves", moves.join(", "))
            .str("optimal", format!("{:.0}", r.revenue))
            .str("lift", format!("{lift:+.0}"))
            .str("lift_pct", format!("{lift_pct:+.1}")),
        channels: rows,
    })
}

#[cfg(test)]
mod bound_tests {
    use super::ChannelBound;

    #[test]
    fn channel_bounds_parse_both_separators_and_reject_nonsense() {
        let b = ChannelBound::parse("tv_spend=0:15000").unwrap();
        assert_eq!(
            (b.channel.as_str(), b.min, b.max),
            ("tv_spend", 0.0, 15000.0)
        );
        let b = ChannelBound::parse(" search = 2000-8000").unwrap();
        assert_eq!(
            (b.channel.as_str(), b.min, b.max),
            ("search", 2000.0, 8000.0)
        );
        for bad in ["tv", "tv=5", "tv=9:3", "=1:2", "tv=a:b"] {
            let e = ChannelBound::parse(bad).unwrap_err().to_string();
            assert!(e.contains("expected CHANNEL=MIN:MAX"), "{bad}: {e}");
        }
    }
}
