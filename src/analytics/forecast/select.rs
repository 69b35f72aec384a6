//! Model dispatch and automatic selection (placeholder).
use super::baselines::{Baseline, BaselineModel};
use super::ets::AutoEts;
use super::intermittent::{IntermittentKind, IntermittentModel};
use super::theta::ThetaModel;
use super::{FittedModel, ForecastError};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ModelKind {
    Naive,
    SeasonalNaive,
    Mean,
    Drift,
    Ets,
    Theta,
    Intermittent(IntermittentKind),
}

pub fn fit_model(kind: ModelKind, y: &[f64], m: usize) -> Result<Box<dyn FittedModel>, ForecastError> {
    Ok(match kind {
        ModelKind::Naive => Box::new(BaselineModel::fit(Baseline::Naive, y, m)?),
        ModelKind::SeasonalNaive => Box::new(BaselineModel::fit(Baseline::SeasonalNaive, y, m)?),
        ModelKind::Mean => Box::new(BaselineModel::fit(Baseline::Mean, y, m)?),
        ModelKind::Drift => Box::new(BaselineModel::fit(Baseline::Drift, y, m)?),
        ModelKind::Ets => Box::new(AutoEts::fit(y, m)?),
        ModelKind::Theta => Box::new(ThetaModel::fit(y, m, None)?),
        ModelKind::Intermittent(k) => Box::new(IntermittentModel::fit(y, k)?),
    })
}
impl ModelKind {
    pub fn parse(s: &str) -> Option<ModelKind> {
        Some(match s {
            "naive" => ModelKind::Naive,
            "snaive" | "seasonal_naive" => ModelKind::SeasonalNaive,
            "mean" => ModelKind::Mean,
            "drift" => ModelKind::Drift,
            "ets" => ModelKind::Ets,
            "theta" => ModelKind::Theta,
            "croston" => ModelKind::Intermittent(IntermittentKind::CrostonClassic),
            "adida" => ModelKind::Intermittent(IntermittentKind::Adida),
            "imapa" => ModelKind::Intermittent(IntermittentKind::Imapa),
            _ => return None,
        })
    }
}
pub struct AutoForecast;
pub fn auto_forecast() {}
