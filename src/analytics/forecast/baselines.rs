//! Benchmark forecasters (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*,
//! 3rd ed., §5.2 and §5.5 for the interval formulas):
//!
//! * naive: `ŷ_{n+h} = y_n`, `σ_h = σ √h`;
//! * seasonal naive: `ŷ_{n+h} = y_{n+h-m(k+1)}`, `k = ⌊(h-1)/m⌋`, `σ_h = σ √(k+1)`;
//! * mean: `ŷ = ȳ`, `σ_h = σ √(1 + 1/n)`;
//! * drift: `ŷ_{n+h} = y_n + h (y_n - y_1)/(n-1)`, `σ_h = σ √(h (1 + h/(n-1)))`,
//!
//! where `σ` is the root mean square of the in-sample one-step residuals.

use super::{FittedModel, Forecast, ForecastError};

fn rms(res: impl Iterator<Item = f64>) -> f64 {
    let (mut s, mut k) = (0.0, 0usize);
    for r in res {
        s += r * r;
        k += 1;
    }
    if k == 0 {
        0.0
    } else {
        (s / k as f64).sqrt()
    }
}

/// Which benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Naive,
    SeasonalNaive,
    Mean,
    Drift,
}

/// A fitted benchmark model.
#[derive(Debug, Clone)]
pub struct BaselineModel {
    pub kind: Baseline,
    pub m: usize,
    pub last: Vec<f64>,
    pub level: f64,
    pub slope: f64,
    pub n: usize,
    pub sigma: f64,
}

impl BaselineModel {
    /// Fit on `y` with season length `m` (seasonal naive falls back to naive when `n < m`).
    pub fn fit(kind: Baseline, y: &[f64], m: usize) -> Result<Self, ForecastError> {
        let n = y.len();
        if n == 0 {
            return Err(ForecastError::TooShort { needed: 1, got: 0 });
        }
        let m = m.max(1);
        let lastv = y[n - 1];
        let (kind, m) = if kind == Baseline::SeasonalNaive && n < m {
            (Baseline::Naive, 1)
        } else {
            (kind, m)
        };
        let mut out = BaselineModel {
            kind,
            m,
            last: vec![lastv],
            level: lastv,
            slope: 0.0,
            n,
            sigma: 0.0,
        };
        match kind {
            Baseline::Naive => {
                out.sigma = rms((1..n).map(|t| y[t] - y[t - 1]));
            }
            Baseline::SeasonalNaive => {
                out.last = y[n - m..].to_vec();
                out.sigma = rms((m..n).map(|t| y[t] - y[t - m]));
            }
            Baseline::Mean => {
                let mu = y.iter().sum::<f64>() / n as f64;
                out.level = mu;
                out.sigma = if n > 1 {
                    (y.iter().map(|v| (v - mu) * (v - mu)).sum::<f64>() / (n - 1) as f64).sqrt()
                } else {
                    0.0
                };
            }
            Baseline::Drift => {
                let b = if n > 1 {
                    (y[n - 1] - y[0]) / (n - 1) as f64
                } else {
                    0.0
                };
                out.slope = b;
                out.sigma = rms((1..n).map(|t| y[t] - y[t - 1] - b));
            }
        }
        Ok(out)
    }
}

impl FittedModel for BaselineModel {
    fn name(&self) -> String {
        match self.kind {
            Baseline::Naive => "Naive".into(),
            Baseline::SeasonalNaive => "SeasonalNaive".into(),
            Baseline::Mean => "Mean".into(),
            Baseline::Drift => "Drift".into(),
        }
    }
    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        let n = self.n as f64;
        let mut mean = Vec::with_capacity(horizon);
        let mut sd = Vec::with_capacity(horizon);
        for h in 1..=horizon {
            let hf = h as f64;
            match self.kind {
                Baseline::Naive => {
                    mean.push(self.level);
                    sd.push(self.sigma * hf.sqrt());
                }
                Baseline::SeasonalNaive => {
                    let m = self.m;
                    mean.push(self.last[(h - 1) % m]);
                    let k = ((h - 1) / m) as f64;
                    sd.push(self.sigma * (k + 1.0).sqrt());
                }
                Baseline::Mean => {
                    mean.push(self.level);
                    sd.push(self.sigma * (1.0 + 1.0 / n).sqrt());
                }
                Baseline::Drift => {
                    mean.push(self.level + hf * self.slope);
                    let k = if n > 1.0 { hf / (n - 1.0) } else { 0.0 };
                    sd.push(self.sigma * (hf * (1.0 + k)).sqrt());
                }
            }
        }
        Forecast::from_sd(mean, &sd, levels)
    }
}
