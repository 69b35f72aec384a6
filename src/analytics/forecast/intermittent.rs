//! Intermittent-demand forecasters, as in statsforecast:
//!
//! * Croston (1972, ORQ 23(3)): SES (α = 0.1) on the non-zero demand sizes `z` and on the
//!   inter-demand intervals `p`; forecast `ẑ / p̂` (classic). Optimised: α ∈ [0.1, 0.3]
//!   minimising the in-sample one-step SSE of each SES.
//! * SBA (Syntetos & Boylan 2005, IJF 21(2)): Croston × (1 − α/2).
//! * TSB (Teunter, Syntetos & Babai 2011, EJOR 214(3)): SES (α_d) on sizes times SES (α_p) on
//!   the demand indicator.
//! * ADIDA (Nikolopoulos et al. 2011, JORS 62(3)): sum non-overlapping buckets of
//!   `k = round(mean interval)` periods (dropping the oldest remainder), optimised SES on the
//!   bucket sums, forecast `/ k`.
//! * IMAPA (Petropoulos & Kourentzes 2015, JORS 66(6)): mean of the ADIDA-like forecasts over
//!   aggregation levels `1..=k`.
//!
//! SES here is `f_1 = x_1`, `f_{t+1} = α x_t + (1−α) f_t`. Intervals (statsforecast gives none for
//! these models): `σ √(1 + 0.01 (h−1))`, `σ` the RMS deviation of the history from the flat
//! forecast, lower bounds clipped at 0.

use super::optim::golden_section;
use super::{check_series, FittedModel, Forecast, ForecastError};

/// Which intermittent method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IntermittentKind {
    CrostonClassic,
    CrostonOptimized,
    Sba,
    Tsb { alpha_d: f64, alpha_p: f64 },
    Adida,
    Imapa,
}

impl IntermittentKind {
    pub fn label(&self) -> String {
        match self {
            IntermittentKind::CrostonClassic => "CrostonClassic".into(),
            IntermittentKind::CrostonOptimized => "CrostonOptimized".into(),
            IntermittentKind::Sba => "SBA".into(),
            IntermittentKind::Tsb { .. } => "TSB".into(),
            IntermittentKind::Adida => "ADIDA".into(),
            IntermittentKind::Imapa => "IMAPA".into(),
        }
    }
}

/// SES forecast after the whole of `x` (start `x_1`).
pub fn ses_forecast(x: &[f64], alpha: f64) -> f64 {
    if x.is_empty() {
        return 0.0;
    }
    let mut f = x[0];
    for &v in x {
        f = alpha * v + (1.0 - alpha) * f;
    }
    f
}

/// In-sample one-step SSE of SES (from the second value on).
pub fn ses_sse(x: &[f64], alpha: f64) -> f64 {
    if x.len() < 2 {
        return 0.0;
    }
    let mut f = x[0];
    let mut s = 0.0;
    for i in 1..x.len() {
        f = alpha * x[i - 1] + (1.0 - alpha) * f;
        s += (x[i] - f) * (x[i] - f);
    }
    s
}

/// SES with α ∈ [0.1, 0.3] minimising [`ses_sse`].
pub fn optimized_ses_forecast(x: &[f64]) -> f64 {
    if x.len() < 2 {
        return ses_forecast(x, 0.1);
    }
    let a = golden_section(&mut |a| ses_sse(x, a), 0.1, 0.3, 1e-6);
    ses_forecast(x, a)
}

/// Non-zero demand sizes.
pub fn demand(y: &[f64]) -> Vec<f64> {
    y.iter().copied().filter(|v| *v != 0.0).collect()
}

/// Inter-demand intervals (the first counts from the start of the series).
pub fn intervals(y: &[f64]) -> Vec<f64> {
    let mut out = Vec::new();
    let mut last = 0usize;
    for (i, v) in y.iter().enumerate() {
        if *v != 0.0 {
            out.push((i + 1 - last) as f64);
            last = i + 1;
        }
    }
    out
}

fn chunk_sums(y: &[f64], k: usize) -> Vec<f64> {
    let cut = y.len() % k;
    y[cut..].chunks(k).map(|c| c.iter().sum()).collect()
}

fn croston(y: &[f64], optimised: bool) -> f64 {
    let d = demand(y);
    if d.is_empty() {
        return 0.0;
    }
    let p = intervals(y);
    let (zd, zp) = if optimised {
        (optimized_ses_forecast(&d), optimized_ses_forecast(&p))
    } else {
        (ses_forecast(&d, 0.1), ses_forecast(&p, 0.1))
    };
    if zp != 0.0 {
        zd / zp
    } else {
        zd
    }
}

fn mean_interval_level(y: &[f64]) -> usize {
    let p = intervals(y);
    if p.is_empty() {
        return 1;
    }
    let m = p.iter().sum::<f64>() / p.len() as f64;
    // round half to even, as numpy
    let r = m.round();
    let r = if (m - m.trunc() - 0.5).abs() < 1e-12 && (r as i64) % 2 != 0 {
        r - 1.0
    } else {
        r
    };
    (r.max(1.0) as usize).min(y.len().max(1))
}

/// Per-period point forecast of `kind` for the series `y`.
pub fn point_forecast(y: &[f64], kind: IntermittentKind) -> f64 {
    if y.iter().all(|v| *v == 0.0) {
        return 0.0;
    }
    match kind {
        IntermittentKind::CrostonClassic => croston(y, false),
        IntermittentKind::CrostonOptimized => croston(y, true),
        IntermittentKind::Sba => croston(y, false) * 0.95,
        IntermittentKind::Tsb { alpha_d, alpha_p } => {
            let d = demand(y);
            let ind: Vec<f64> = y.iter().map(|v| f64::from(u8::from(*v != 0.0))).collect();
            ses_forecast(&ind, alpha_p) * ses_forecast(&d, alpha_d)
        }
        IntermittentKind::Adida => {
            let k = mean_interval_level(y);
            optimized_ses_forecast(&chunk_sums(y, k)) / k as f64
        }
        IntermittentKind::Imapa => {
            let k = mean_interval_level(y);
            let s: f64 = (1..=k)
                .map(|a| optimized_ses_forecast(&chunk_sums(y, a)) / a as f64)
                .sum();
            s / k as f64
        }
    }
}

/// A fitted intermittent model (flat forecast).
#[derive(Debug, Clone)]
pub struct IntermittentModel {
    pub kind: IntermittentKind,
    pub forecast: f64,
    pub sigma: f64,
}

impl IntermittentModel {
    pub fn fit(y: &[f64], kind: IntermittentKind) -> Result<Self, ForecastError> {
        check_series(y, 1)?;
        let forecast = point_forecast(y, kind);
        // one-step errors of the running flat forecast (cheap proxy: error against the final level)
        let sigma = (y
            .iter()
            .map(|v| (v - forecast) * (v - forecast))
            .sum::<f64>()
            / y.len() as f64)
            .sqrt();
        Ok(IntermittentModel {
            kind,
            forecast,
            sigma,
        })
    }
}

impl FittedModel for IntermittentModel {
    fn name(&self) -> String {
        self.kind.label()
    }
    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        let mean = vec![self.forecast; horizon];
        let sd: Vec<f64> = (1..=horizon)
            .map(|h| self.sigma * (1.0 + (h as f64 - 1.0) * 0.01).sqrt())
            .collect();
        let mut f = Forecast::from_sd(mean, &sd, levels);
        // demand is non-negative
        for iv in f.intervals.iter_mut() {
            for v in iv.lower.iter_mut() {
                *v = v.max(0.0);
            }
        }
        f
    }
}

/// Share of zero periods.
pub fn zero_share(y: &[f64]) -> f64 {
    if y.is_empty() {
        return 0.0;
    }
    y.iter().filter(|v| **v == 0.0).count() as f64 / y.len() as f64
}
