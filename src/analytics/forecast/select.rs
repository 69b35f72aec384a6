//! Model dispatch ([`fit_model`]) and automatic per-series selection ([`auto_forecast`]) by a
//! rolling-origin backtest (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF
//! 16(4)): the last `origins` windows of `h` periods are forecast from the data before them, and
//! each candidate is scored by its mean MASE (Hyndman & Koehler 2006) over the windows.
//!
//! Policy of the automatic forecaster:
//! * constant series → naive (note); fewer than 4 observations, or a short non-intermittent
//!   history too short for a level-only ETS ([`AutoEts::LEVEL_ONLY_MIN_LEN`]) → naive (note;
//!   the history's mean lost to it on 4,878 product launches, BENCHMARKS.md);
//! * intermittent series (at least 30% zero periods, no negative values) → intermittent
//!   candidates (IMAPA, ADIDA, Croston optimised, SBA, TSB, naive) and their combination;
//! * otherwise the combination of ETS, ARIMA, Theta (DOTM), the standard Theta, damped ETS, the
//!   neural autoregression NNAR, complex exponential smoothing (CES) and the seasonal naive (the
//!   mean of the middle six forecasts at each horizon, [`ENSEMBLE_COMBINE`]; combinations win
//!   M3/M4) plus ETS, ARIMA, Theta, NNAR, CES and the seasonal naive alone; the combination is kept
//!   ([`AutoOptions::keep_combination`], default), or with that option off replaced when
//!   another candidate's backtest MASE is at least 20% lower (selection on a couple of windows
//!   is noisy: Fildes & Petropoulos 2015);
//! * series shorter than two seasons and eight periods are backtested as non-seasonal (windows
//!   of at least eight training periods, MASE scaled by the naive's in-sample error) to show
//!   how the candidates do, but keep the default candidate (ETS, or IMAPA when intermittent;
//!   [`AutoOptions::keep_short_default`]): one or two short windows are too little to choose
//!   on; series too short even for a window keep it too, with a note. On a short history ETS
//!   has no trend, only a level ([`AutoEts::fit_level_only`]);
//! * [`AutoOptions::fast`] skips the backtest (tables of thousands of series).

use serde::{Deserialize, Serialize};

use super::arima::AutoArima;
use super::baselines::{Baseline, BaselineModel};
use super::ces::CesModel;
use super::ensemble::{combine_forecasts, Combine, EnsembleModel};
use super::ets::AutoEts;
use super::intermittent::{zero_share, IntermittentKind, IntermittentModel};
use super::metrics::{mae, naive_scale};
use super::nnar::{NnarModel, NnarParams};
use super::regression::RegressionModel;
use super::theta::{ThetaKind, ThetaModel};
use super::thief::ThiefModel;
use super::{check_series, FittedModel, Forecast, ForecastError};
use crate::text::Text;

/// Every model the pillar offers (CLI `--model` names in snake case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    Auto,
    Naive,
    SeasonalNaive,
    Mean,
    Drift,
    Ets,
    Arima,
    Theta,
    Croston,
    CrostonOptimized,
    Sba,
    Tsb,
    Adida,
    Imapa,
    Regression,
    /// Neural network autoregression ([`NnarModel`]).
    Nnar,
    /// Complex exponential smoothing ([`CesModel`], statsforecast's `AutoCES`).
    Ces,
    /// Temporal hierarchies of AutoETS forecasts ([`ThiefModel`], R's `thief`).
    Thief,
    /// Temporal hierarchies of AutoARIMA forecasts ([`ThiefModel::fit_arima`], R's `thief`
    /// with `usemodel = "arima"`).
    ThiefArima,
    /// Temporal hierarchies of the product's Theta ([`ThiefModel::fit_theta`], R's `thief`
    /// with `usemodel = "theta"`).
    ThiefTheta,
    Ensemble,
    /// Mean of the intermittent methods IMAPA, ADIDA, TSB and naive.
    IntermittentEnsemble,
}

impl ModelKind {
    pub const ALL: [ModelKind; 22] = [
        ModelKind::Auto,
        ModelKind::Naive,
        ModelKind::SeasonalNaive,
        ModelKind::Mean,
        ModelKind::Drift,
        ModelKind::Ets,
        ModelKind::Arima,
        ModelKind::Theta,
        ModelKind::Croston,
        ModelKind::CrostonOptimized,
        ModelKind::Sba,
        ModelKind::Tsb,
        ModelKind::Adida,
        ModelKind::Imapa,
        ModelKind::Regression,
        ModelKind::Nnar,
        ModelKind::Ces,
        ModelKind::Thief,
        ModelKind::ThiefArima,
        ModelKind::ThiefTheta,
        ModelKind::Ensemble,
        ModelKind::IntermittentEnsemble,
    ];

    /// Snake-case key (`seasonal_naive`, `croston_optimized`, ...).
    pub fn key(self) -> &'static str {
        match self {
            ModelKind::Auto => "auto",
            ModelKind::Naive => "naive",
            ModelKind::SeasonalNaive => "seasonal_naive",
            ModelKind::Mean => "mean",
            ModelKind::Drift => "drift",
            ModelKind::Ets => "ets",
            ModelKind::Arima => "arima",
            ModelKind::Theta => "theta",
            ModelKind::Croston => "croston",
            ModelKind::CrostonOptimized => "croston_optimized",
            ModelKind::Sba => "sba",
            ModelKind::Tsb => "tsb",
            ModelKind::Adida => "adida",
            ModelKind::Imapa => "imapa",
            ModelKind::Regression => "regression",
            ModelKind::Nnar => "nnar",
            ModelKind::Ces => "ces",
            ModelKind::Thief => "thief",
            ModelKind::ThiefArima => "thief_arima",
            ModelKind::ThiefTheta => "thief_theta",
            ModelKind::Ensemble => "ensemble",
            ModelKind::IntermittentEnsemble => "intermittent_ensemble",
        }
    }

    /// The model's plain name in the catalogue (`forecast.model.<key>`): "Exponential smoothing
    /// (ETS)", "Seasonal naive (last season)", ... The picker, the leaderboard and the notes
    /// show it; the CLI and the CSV keep [`ModelKind::key`].
    pub fn name(self) -> Text {
        Text::new(&format!("forecast.model.{}", self.key()))
    }

    /// Parse a key (also accepts `snaive`, `autoets`, `autoarima`, `autotheta`).
    pub fn parse(s: &str) -> Option<ModelKind> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        match s.as_str() {
            "snaive" => return Some(ModelKind::SeasonalNaive),
            "autoets" => return Some(ModelKind::Ets),
            "autoarima" => return Some(ModelKind::Arima),
            "autotheta" => return Some(ModelKind::Theta),
            "autoces" => return Some(ModelKind::Ces),
            "croston_classic" => return Some(ModelKind::Croston),
            _ => {}
        }
        ModelKind::ALL.iter().copied().find(|k| k.key() == s)
    }

    fn intermittent(self) -> Option<IntermittentKind> {
        Some(match self {
            ModelKind::Croston => IntermittentKind::CrostonClassic,
            ModelKind::CrostonOptimized => IntermittentKind::CrostonOptimized,
            ModelKind::Sba => IntermittentKind::Sba,
            ModelKind::Tsb => IntermittentKind::Tsb {
                alpha_d: 0.1,
                alpha_p: 0.1,
            },
            ModelKind::Adida => IntermittentKind::Adida,
            ModelKind::Imapa => IntermittentKind::Imapa,
            _ => return None,
        })
    }
}

/// How [`ModelKind::Ensemble`] combines its eight members (THieF, AutoARIMA, Theta (DOTM), the
/// standard Theta (STM), NNAR, CES, damped ETS, seasonal naive): at each horizon the lowest and
/// the highest forecast are dropped and the other six averaged. The rule was chosen on the training
/// data only (M3 monthly, every series' last 18 training months held out; BENCHMARKS.md, rounds
/// 1–3, with `tests/forecast_explore.rs` `m3_member_dump` and `benches/forecast/m3_combinations`):
/// among 30 rules of six members none was best on both measures, and this one had the smallest
/// relative score (13.694 / 0.8438 sMAPE / MASE, against 14.113 / 0.8865 for the median and
/// 14.205 / 0.8777 for the mean of ETS, ARIMA and Theta). Round 4 (`nnar_member.py`) added NNAR
/// as a seventh member, best on both validation measures (13.555 / 0.8348). Round 6
/// (`ces_member.py`) added complex exponential smoothing as an eighth: no candidate was best on
/// both, and the eight had the smallest relative score (13.579 / 0.8329 against the seven's
/// 13.554 / 0.8348; the median of ETS, CES, ARIMA and Theta, Petropoulos & Svetunkov's 2020
/// "SCUM", 13.974 / 0.8593). Round 7 (`thief_member.py`) put temporal hierarchies of AutoETS
/// ([`ThiefModel`]) in the AutoETS member's place: again none best on both, the smallest
/// relative score (13.526 / 0.8344, 0.9990; THieF as a ninth member 13.557 / 0.8345). Rounds
/// 8 and 9 (`thief_arima_member.py`, `thief_theta_member.py`) tried temporal hierarchies over
/// AutoARIMA and over the Theta member, each as a ninth member and in its base model's place;
/// the eight stayed (best on both against THieF-ARIMA, 13.614 / 0.8373 and 13.624 / 0.8381;
/// smallest relative score against THieF-Theta, 13.512 / 0.8354 and 13.513 / 0.8358).
pub const ENSEMBLE_COMBINE: Combine = Combine::TrimmedMean;

/// The Theta variant behind [`ModelKind::Theta`] (alone and as a combination member): the
/// dynamic optimised Theta model (DOTM) that Fiorucci et al. (2016, IJF 32(4)) recommend.
/// Chosen on the training data only (M3 monthly, every series' last 18 training months held
/// out; BENCHMARKS.md, round 3): DOTM 14.097 / 0.8706 (sMAPE / MASE), best on both, against
/// 14.776 / 0.8845 for statsforecast's AutoTheta rule (the variant with the smallest in-sample
/// error, [`ThetaModel::fit`] with `None`), 14.268 / 0.8732 for the standard Theta (STM),
/// 14.288 / 0.8739 for DSTM and 15.753 / 0.9046 for OTM.
pub const THETA_VARIANT: ThetaKind = ThetaKind::Dotm;

/// The combination's own automatic models, fitted once each (THieF's period-level AutoETS
/// also gives the damped member, AutoTheta the second Theta; the seasonal naive is added to
/// them). [`fit_ensemble`] and the backtest windows take the members from this list.
const COMBINATION_MODELS: [ModelKind; 5] = [
    ModelKind::Thief,
    ModelKind::Arima,
    ModelKind::Theta,
    ModelKind::Nnar,
    ModelKind::Ces,
];

/// The combination's second Theta member, next to [`THETA_VARIANT`] (see [`ENSEMBLE_COMBINE`]).
pub const ENSEMBLE_SECOND_THETA: ThetaKind = ThetaKind::Stm;

/// Fit one model kind on `y` with season length `m`. `Auto` uses [`auto_forecast`] with a
/// backtest horizon of `2m` (at least 6).
pub fn fit_model(
    kind: ModelKind,
    y: &[f64],
    m: usize,
) -> Result<Box<dyn FittedModel>, ForecastError> {
    check_series(y, 1)?;
    if let Some(k) = kind.intermittent() {
        return Ok(Box::new(IntermittentModel::fit(y, k)?));
    }
    Ok(match kind {
        ModelKind::Naive => Box::new(BaselineModel::fit(Baseline::Naive, y, m)?),
        ModelKind::SeasonalNaive => Box::new(BaselineModel::fit(Baseline::SeasonalNaive, y, m)?),
        ModelKind::Mean => Box::new(BaselineModel::fit(Baseline::Mean, y, m)?),
        ModelKind::Drift => Box::new(BaselineModel::fit(Baseline::Drift, y, m)?),
        ModelKind::Ets => Box::new(AutoEts::fit(y, m)?),
        ModelKind::Theta => Box::new(ThetaModel::fit(y, m, Some(THETA_VARIANT))?),
        ModelKind::Arima => Box::new(AutoArima::fit(y, m)?),
        ModelKind::Regression => Box::new(RegressionModel::fit(y, m, 3, &[], &[])?),
        ModelKind::Nnar => Box::new(NnarModel::fit(y, m, NnarParams::default())?),
        ModelKind::Ces => Box::new(CesModel::fit(y, m)?),
        ModelKind::Thief => Box::new(ThiefModel::fit(y, m)?),
        ModelKind::ThiefArima => Box::new(ThiefModel::fit_arima(y, m)?),
        ModelKind::ThiefTheta => Box::new(ThiefModel::fit_theta(y, m)?),
        ModelKind::Ensemble => fit_ensemble(y, m, ENSEMBLE_COMBINE)?,
        ModelKind::IntermittentEnsemble => {
            let mut members: Vec<Box<dyn FittedModel>> = Vec::new();
            for k in [
                ModelKind::Imapa,
                ModelKind::Adida,
                ModelKind::Tsb,
                ModelKind::Naive,
            ] {
                members.push(fit_model(k, y, m)?);
            }
            Box::new(EnsembleModel {
                members,
                how: Combine::Mean,
            })
        }
        ModelKind::Auto => {
            let a = auto_forecast(y, m, (2 * m).max(6), &AutoOptions::default())?;
            a.model
        }
        // intermittent kinds handled above
        _ => Box::new(BaselineModel::fit(Baseline::Naive, y, m)?),
    })
}

/// [`fit_model`], except that on a short history (see [`auto_forecast`]) ETS has no trend,
/// only a level ([`AutoEts::fit_level_only`]).
fn fit_for(
    kind: ModelKind,
    y: &[f64],
    m: usize,
    short: bool,
) -> Result<Box<dyn FittedModel>, ForecastError> {
    if kind == ModelKind::Ets && short {
        return Ok(Box::new(AutoEts::fit_level_only(y, m)?));
    }
    fit_model(kind, y, m)
}

/// The seasonal naive for `m > 1`, else the naive: the benchmark member of the combination.
fn naive_member(m: usize) -> ModelKind {
    if m > 1 {
        ModelKind::SeasonalNaive
    } else {
        ModelKind::Naive
    }
}

/// The combination ([`ModelKind::Ensemble`]) with an explicit rule: THieF ([`ThiefModel`] over
/// AutoETS), AutoARIMA, Theta ([`THETA_VARIANT`]), NNAR ([`NnarModel`], its defaults), CES
/// ([`CesModel`]), the standard Theta ([`ENSEMBLE_SECOND_THETA`]), the best damped-trend ETS
/// (from THieF's period-level ETS fits) and the seasonal naive (naive when `m = 1`); members
/// that cannot be fitted are left out.
pub fn fit_ensemble(
    y: &[f64],
    m: usize,
    how: Combine,
) -> Result<Box<dyn FittedModel>, ForecastError> {
    let members = fit_ensemble_members(y, m)?;
    Ok(Box::new(EnsembleModel { members, how }))
}

/// The fitted members of [`fit_ensemble`], in its order.
pub fn fit_ensemble_members(
    y: &[f64],
    m: usize,
) -> Result<Vec<Box<dyn FittedModel>>, ForecastError> {
    let mut members: Vec<Box<dyn FittedModel>> = Vec::new();
    let mut damped = None;
    if let Ok(e) = AutoEts::fit(y, m) {
        damped = e.best_damped.clone();
        if let Ok(t) = ThiefModel::with_base(y, m, e) {
            members.push(Box::new(t));
        }
    }
    for &k in COMBINATION_MODELS
        .iter()
        .filter(|k| **k != ModelKind::Thief)
    {
        if let Ok(f) = fit_model(k, y, m) {
            members.push(f);
        }
    }
    if let Ok(t) = ThetaModel::fit(y, m, Some(ENSEMBLE_SECOND_THETA)) {
        members.push(Box::new(t));
    }
    if let Some(d) = damped {
        members.push(Box::new(d));
    }
    if members.is_empty() {
        return Err(ForecastError::Fit {
            model: "Ensemble".into(),
            message: "no member model could be fitted".into(),
        });
    }
    if let Ok(f) = fit_model(naive_member(m), y, m) {
        members.push(f);
    }
    Ok(members)
}

/// Options of the automatic forecaster.
#[derive(Debug, Clone)]
pub struct AutoOptions {
    /// Backtest windows (rolling origins).
    pub origins: usize,
    /// Candidates; `None` = the policy in the module docs.
    pub candidates: Option<Vec<ModelKind>>,
    /// A candidate replaces the default only when its backtest MASE is below
    /// `switch_ratio × MASE(default)`.
    pub switch_ratio: f64,
    /// Fast mode (no backtest): intermittent series get IMAPA, short series (fewer than
    /// `2m + 8` periods) a non-seasonal AutoETS, longer ones AutoETS with the season; a given
    /// candidate list uses its first model. For tables of thousands of series.
    pub fast: bool,
    /// When the default is the ETS/ARIMA/Theta combination, keep it whatever the backtest
    /// (the backtest still fills the leaderboard): on M3 monthly, switching on two windows
    /// made the forecasts worse (BENCHMARKS.md), as combination beats selection in M3/M4.
    pub keep_combination: bool,
    /// Keep the default of a short history (under `2m + 8` periods: ETS, or IMAPA when
    /// intermittent) whatever its backtest, whose one or two short windows are too little to
    /// choose on: on a year of weekly UCI sales per product (2,486 series) switching on the
    /// window made the holdout MASE worse, 1.7551 against 1.7456 (BENCHMARKS.md).
    pub keep_short_default: bool,
    /// Run the backtest also when it cannot change the choice (the kept combination, a single
    /// candidate), for the leaderboard and the backtest overlay. Off, such series get an
    /// empty leaderboard and no backtest paths; the model and forecasts are the same.
    pub informative_backtest: bool,
}

impl Default for AutoOptions {
    fn default() -> Self {
        AutoOptions {
            origins: 2,
            candidates: None,
            switch_ratio: 0.8,
            fast: false,
            keep_combination: true,
            keep_short_default: true,
            informative_backtest: true,
        }
    }
}

/// One row of a model leaderboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeaderboardRow {
    pub model: ModelKind,
    /// Mean MASE over the backtest windows (`None`: could not be evaluated).
    pub mase: Option<f64>,
}

/// Result of the automatic forecaster.
pub struct AutoForecast {
    pub chosen: ModelKind,
    pub model: Box<dyn FittedModel>,
    pub leaderboard: Vec<LeaderboardRow>,
    /// Backtest forecasts of the chosen model: (origin index in `y`, point forecasts).
    pub backtest: Vec<(usize, Vec<f64>)>,
    /// The lag of the naive forecast the backtest MASE is scaled by: the season, or 1 for a
    /// non-seasonal or short series (see [`auto_forecast`]).
    pub mase_lag: usize,
    pub notes: Vec<Text>,
}

/// Mean MASE of each candidate over rolling origins, plus each candidate's window forecasts.
/// Combinations (`Ensemble`, `IntermittentEnsemble`) reuse their members' window forecasts.
/// `short`: the series is a short history, whose ETS has no trend (level only).
pub fn backtest(
    y: &[f64],
    m: usize,
    h: usize,
    origins: usize,
    candidates: &[ModelKind],
    short: bool,
) -> Vec<(ModelKind, Option<f64>, Vec<(usize, Vec<f64>)>)> {
    let n = y.len();
    let min_train = (2 * m).max(8);
    let mut windows = Vec::new();
    for i in 0..origins {
        let end = n.saturating_sub(h * (i + 1));
        if end >= min_train && end + h <= n {
            windows.push(end);
        }
    }
    windows.reverse();
    let base: Vec<ModelKind> = {
        let mut b: Vec<ModelKind> = Vec::new();
        for &c in candidates {
            let parts: Vec<ModelKind> = match c {
                ModelKind::Ensemble => {
                    let mut v = COMBINATION_MODELS.to_vec();
                    v.push(naive_member(m));
                    v
                }
                ModelKind::IntermittentEnsemble => vec![
                    ModelKind::Imapa,
                    ModelKind::Adida,
                    ModelKind::Tsb,
                    ModelKind::Naive,
                ],
                k => vec![k],
            };
            for p in parts {
                if !b.contains(&p) {
                    b.push(p);
                }
            }
        }
        b
    };
    // forecasts[base][window]. With the combination, each window's AutoETS is fitted once: it
    // gives THieF's period level, the damped ETS member and the ETS row (the full AutoETS, as in
    // `fit_ensemble`, on a short history too: only `--model ensemble` puts the combination
    // there); the second Theta is fitted next to the first.
    let with_damped = candidates.contains(&ModelKind::Ensemble);
    let window_ets: Vec<Option<AutoEts>> = if with_damped {
        windows
            .iter()
            .map(|&end| AutoEts::fit(&y[..end], m).ok())
            .collect()
    } else {
        Vec::new()
    };
    let damped: Vec<Option<Forecast>> = window_ets
        .iter()
        .map(|e| {
            e.as_ref()
                .and_then(|e| e.best_damped.as_ref())
                .map(|d| d.predict(h, &[]))
        })
        .collect();
    let mut second_theta: Vec<Option<Forecast>> = vec![None; windows.len()];
    let mut fc: Vec<Vec<Option<Forecast>>> = Vec::with_capacity(base.len());
    for &k in &base {
        let mut row = Vec::with_capacity(windows.len());
        for (wi, &end) in windows.iter().enumerate() {
            let shared = window_ets.get(wi).and_then(Option::as_ref);
            row.push(if k == ModelKind::Ets && with_damped {
                shared.map(|e| e.predict(h, &[]))
            } else if k == ModelKind::Thief && with_damped {
                shared.and_then(|e| {
                    ThiefModel::with_base(&y[..end], m, e.clone())
                        .ok()
                        .map(|t| t.predict(h, &[]))
                })
            } else {
                if k == ModelKind::Theta && with_damped {
                    second_theta[wi] = ThetaModel::fit(&y[..end], m, Some(ENSEMBLE_SECOND_THETA))
                        .ok()
                        .map(|t| t.predict(h, &[]));
                }
                fit_for(k, &y[..end], m, short)
                    .ok()
                    .map(|f| f.predict(h, &[]))
            });
        }
        fc.push(row);
    }
    let get = |k: ModelKind, w: usize| -> Option<Vec<f64>> {
        let members: Vec<ModelKind> = match k {
            ModelKind::Ensemble => COMBINATION_MODELS.to_vec(),
            ModelKind::IntermittentEnsemble => vec![
                ModelKind::Imapa,
                ModelKind::Adida,
                ModelKind::Tsb,
                ModelKind::Naive,
            ],
            k => vec![k],
        };
        let mut fs: Vec<Forecast> = members
            .iter()
            .filter_map(|mk| {
                let i = base.iter().position(|b| b == mk)?;
                fc[i][w].clone()
            })
            .collect();
        if fs.is_empty() {
            return None;
        }
        if k == ModelKind::Ensemble {
            fs.extend(second_theta[w].clone());
            fs.extend(damped.get(w).cloned().flatten());
            let i = base.iter().position(|b| *b == naive_member(m))?;
            fs.extend(fc[i][w].clone());
        }
        let how = if k == ModelKind::Ensemble {
            ENSEMBLE_COMBINE
        } else {
            Combine::Mean
        };
        Some(combine_forecasts(&fs, how).mean)
    };
    candidates
        .iter()
        .map(|&k| {
            let mut scores = Vec::new();
            let mut paths = Vec::new();
            for (wi, &end) in windows.iter().enumerate() {
                if let Some(f) = get(k, wi) {
                    if let Some(e) = window_mase(y, m, end, &f) {
                        scores.push(e);
                    }
                    paths.push((end, f));
                }
            }
            let s = if scores.is_empty() || scores.len() < windows.len() {
                None
            } else {
                Some(scores.iter().sum::<f64>() / scores.len() as f64)
            };
            (k, s, paths)
        })
        .collect()
}

/// MASE of the window forecast `f` of `y[end..end + f.len()]` made from `y[..end]` (scale: the
/// seasonal naive's in-sample MAE, the naive's when that is 0); `None` when not finite.
fn window_mase(y: &[f64], m: usize, end: usize, f: &[f64]) -> Option<f64> {
    let train = &y[..end];
    let mut scale = naive_scale(train, m);
    if !(scale > 0.0) {
        scale = naive_scale(train, 1);
    }
    let e = mae(&y[end..end + f.len()], f);
    if scale > 0.0 && e.is_finite() {
        Some(e / scale)
    } else if e.is_finite() {
        Some(if e == 0.0 { 0.0 } else { f64::MAX / 1e10 })
    } else {
        None
    }
}

/// Is the series intermittent (≥ 30% zero periods, no negatives, at least one non-zero)?
pub fn is_intermittent(y: &[f64]) -> bool {
    y.iter().all(|v| *v >= 0.0) && y.iter().any(|v| *v > 0.0) && zero_share(y) >= 0.3
}

/// Automatic forecaster (policy in the module docs): fits the chosen model on all of `y`.
pub fn auto_forecast(
    y: &[f64],
    m: usize,
    h: usize,
    opt: &AutoOptions,
) -> Result<AutoForecast, ForecastError> {
    auto_forecast_with(y, m, h, opt, None)
}

/// [`auto_forecast`] with the final model already fitted elsewhere (`prefit`): the backtest
/// and the choice run as usual, and `prefit` is the model returned instead of a fit on all of
/// `y`. For a single candidate fitted jointly with something the backtest does not see (the
/// regression with ARIMA errors of a flagged series, whose ARIMA search would otherwise run
/// twice on the whole history).
pub fn auto_forecast_with(
    y: &[f64],
    m: usize,
    h: usize,
    opt: &AutoOptions,
    prefit: Option<Box<dyn FittedModel>>,
) -> Result<AutoForecast, ForecastError> {
    check_series(y, 1)?;
    let mut notes = Vec::new();
    let naive = |notes: Vec<Text>,
                 prefit: Option<Box<dyn FittedModel>>|
     -> Result<AutoForecast, ForecastError> {
        Ok(AutoForecast {
            chosen: ModelKind::Naive,
            model: match prefit {
                Some(p) => p,
                None => fit_model(ModelKind::Naive, y, m)?,
            },
            leaderboard: Vec::new(),
            backtest: Vec::new(),
            mase_lag: m.max(1),
            notes,
        })
    };
    // A history of one to three periods says it is too short before it says it is constant.
    if y.len() < 4 {
        notes.push(Text::new("forecast.note.too_short").int("n", y.len()));
        return naive(notes, prefit);
    }
    if y.iter().all(|v| *v == y[0]) {
        notes.push(Text::new("forecast.note.constant"));
        return naive(notes, prefit);
    }
    let intermittent = is_intermittent(y);
    let short = y.len() < 2 * m.max(1) + 8;
    let automatic = !matches!(&opt.candidates, Some(c) if !c.is_empty());
    // Too short for the short-history ETS: the naive, with the note that says why (not a
    // failed fit). The mean of the history was checked as the alternative on 4,878 product
    // launches and lost on both measures (BENCHMARKS.md, "Too-short histories").
    if automatic && short && !intermittent && y.len() < AutoEts::LEVEL_ONLY_MIN_LEN {
        notes.push(Text::new("forecast.note.too_short").int("n", y.len()));
        return naive(notes, prefit);
    }
    if opt.fast {
        let (kind, mm) = match &opt.candidates {
            Some(c) if !c.is_empty() => (c[0], m),
            _ if intermittent => (ModelKind::Imapa, m),
            _ if short => (ModelKind::Ets, 1),
            _ => (ModelKind::Ets, m),
        };
        notes.push(Text::new("forecast.note.fast").text("model", kind.name()));
        let fitted = match prefit {
            Some(p) => Ok(p),
            None => fit_for(kind, y, mm, short),
        };
        let (chosen, model) = match fitted {
            Ok(f) => (kind, f),
            Err(e) => {
                notes.push(
                    Text::new("forecast.note.fit_failed")
                        .text("model", kind.name())
                        .text("err", e.text()),
                );
                (ModelKind::Naive, fit_model(ModelKind::Naive, y, m)?)
            }
        };
        return Ok(AutoForecast {
            chosen,
            model,
            leaderboard: Vec::new(),
            backtest: Vec::new(),
            mase_lag: m.max(1),
            notes,
        });
    }
    let (default, candidates) = match &opt.candidates {
        Some(c) if !c.is_empty() => (c[0], c.clone()),
        _ if intermittent => {
            notes.push(Text::new("forecast.note.intermittent").pct("p", zero_share(y), 0));
            (
                ModelKind::Imapa,
                vec![
                    ModelKind::Imapa,
                    ModelKind::IntermittentEnsemble,
                    ModelKind::Adida,
                    ModelKind::CrostonOptimized,
                    ModelKind::Sba,
                    ModelKind::Tsb,
                    ModelKind::Naive,
                ],
            )
        }
        _ if short => {
            notes.push(Text::new("forecast.note.short").int("n", y.len()));
            (
                ModelKind::Ets,
                vec![
                    ModelKind::Ets,
                    ModelKind::Theta,
                    ModelKind::Naive,
                    ModelKind::Drift,
                    ModelKind::Mean,
                ],
            )
        }
        _ => (
            ModelKind::Ensemble,
            vec![
                ModelKind::Ensemble,
                ModelKind::Ets,
                ModelKind::Thief,
                ModelKind::Arima,
                ModelKind::Theta,
                // Their window fits are the combination's members': rows at no extra cost.
                ModelKind::Nnar,
                ModelKind::Ces,
                if m > 1 {
                    ModelKind::SeasonalNaive
                } else {
                    ModelKind::Naive
                },
            ],
        ),
    };
    // The default is kept for the combination, and on a short history, whose one or two short
    // windows are too little to choose on (on a year of weekly UCI sales per product, 2,486
    // series, switching on the window made the holdout MASE worse: 1.7551 against 1.7456). The
    // backtest still runs where it informs (leaderboard, overlay, the model's MASE).
    let keep_default = (opt.keep_combination && default == ModelKind::Ensemble)
        || (opt.keep_short_default && short);
    // The backtest can only change the choice when there is a choice to make.
    let fixed = candidates.len() == 1 || keep_default;
    let skip = fixed && !opt.informative_backtest;
    // A series shorter than two seasons and eight periods cannot show its season in a
    // backtest window (a year of weekly sales has 53 periods, two seasons need 104): there the
    // windows need only eight periods of training, the candidates are fit as non-seasonal (as
    // they are on the whole series) and scored against the naive's in-sample error.
    let m_bt = if short { 1 } else { m };
    let bt = if skip {
        Vec::new()
    } else {
        backtest(y, m_bt, h.max(1), opt.origins.max(1), &candidates, short)
    };
    let leaderboard: Vec<LeaderboardRow> = bt
        .iter()
        .map(|(k, s, _)| LeaderboardRow {
            model: *k,
            mase: *s,
        })
        .collect();
    let default_score = bt.iter().find(|r| r.0 == default).and_then(|r| r.1);
    let mut chosen = default;
    match default_score {
        Some(ds) => {
            if let Some((k, s)) = bt
                .iter()
                .filter_map(|(k, s, _)| s.map(|s| (*k, s)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
            {
                // Better as the leaderboard shows it (three decimals): the leaderboard and the
                // tick on the kept model must not disagree without a note saying why.
                let shown = |v: f64| (v * 1000.0).round();
                if k != default && shown(s) < shown(ds) {
                    let note = |key: &str| {
                        Text::new(key)
                            .text("model", k.name())
                            .text("default", default.name())
                            .num("s", s, 3)
                            .num("ds", ds, 3)
                    };
                    if default == ModelKind::Ensemble && opt.keep_combination {
                        notes.push(note("forecast.note.combination_kept"));
                    } else if keep_default {
                        notes.push(note("forecast.note.default_kept"));
                    } else if s < opt.switch_ratio * ds {
                        chosen = k;
                    } else {
                        notes.push(note("forecast.note.default_close").pct(
                            "margin",
                            1.0 - opt.switch_ratio,
                            0,
                        ));
                    }
                }
            }
        }
        None if skip => {}
        None => notes.push(Text::new("forecast.note.no_backtest")),
    }
    let fitted = match prefit {
        Some(p) => Ok(p),
        None => fit_for(chosen, y, m, short),
    };
    let model = match fitted {
        Ok(f) => f,
        Err(e) => {
            notes.push(
                Text::new("forecast.note.fit_failed")
                    .text("model", chosen.name())
                    .text("err", e.text()),
            );
            chosen = ModelKind::Naive;
            fit_model(ModelKind::Naive, y, m)?
        }
    };
    let backtest_paths = bt
        .into_iter()
        .find(|r| r.0 == chosen)
        .map(|r| r.2)
        .unwrap_or_default();
    Ok(AutoForecast {
        chosen,
        model,
        leaderboard,
        backtest: backtest_paths,
        mase_lag: m_bt.max(1),
        notes,
    })
}
