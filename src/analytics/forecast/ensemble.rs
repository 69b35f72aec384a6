//! Forecast combinations: the equal-weight mean, median or trimmed mean of member forecasts —
//! the simple combinations that win the M3/M4 competitions (Makridakis, Spiliotis &
//! Assimakopoulos 2020, "The M4 Competition", IJF 36(1); Petropoulos & Svetunkov 2020 for the
//! SES/Holt/Damped/Theta median). Intervals average the members' bounds (quantile averaging), which keeps them
//! widening when every member's do; for the median and the trimmed mean they are shifted by
//! `combined − mean` of the point forecasts so that they stay centred on the combined forecast.

use super::{FittedModel, Forecast, Interval};

/// How members are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combine {
    Mean,
    Median,
    /// Mean after dropping the lowest and the highest member forecast at each horizon (the
    /// mean when there are fewer than three members).
    TrimmedMean,
}

fn combine(vals: &mut [f64], how: Combine) -> f64 {
    match how {
        Combine::Mean => vals.iter().sum::<f64>() / vals.len() as f64,
        Combine::Median => {
            vals.sort_by(|a, b| a.total_cmp(b));
            let n = vals.len();
            if n % 2 == 1 {
                vals[n / 2]
            } else {
                (vals[n / 2 - 1] + vals[n / 2]) / 2.0
            }
        }
        Combine::TrimmedMean if vals.len() >= 3 => {
            vals.sort_by(|a, b| a.total_cmp(b));
            let n = vals.len();
            vals[1..n - 1].iter().sum::<f64>() / (n - 2) as f64
        }
        Combine::TrimmedMean => combine(vals, Combine::Mean),
    }
}

/// Combine already computed forecasts (same horizon and levels).
pub fn combine_forecasts(members: &[Forecast], how: Combine) -> Forecast {
    let Some(first) = members.first() else {
        return Forecast {
            mean: Vec::new(),
            intervals: Vec::new(),
        };
    };
    let h = first.mean.len();
    let mut buf = Vec::with_capacity(members.len());
    let mut col = |get: &dyn Fn(&Forecast) -> Option<f64>| -> Option<f64> {
        buf.clear();
        for f in members {
            buf.push(get(f)?);
        }
        Some(combine(&mut buf, Combine::Mean))
    };
    let avg: Vec<f64> = (0..h)
        .map(|i| col(&|f| f.mean.get(i).copied()).unwrap_or(f64::NAN))
        .collect();
    let mean: Vec<f64> = match how {
        Combine::Mean => avg.clone(),
        how => (0..h)
            .map(|i| {
                let mut v: Vec<f64> = members
                    .iter()
                    .filter_map(|f| f.mean.get(i).copied())
                    .collect();
                if v.len() < members.len() {
                    f64::NAN
                } else {
                    combine(&mut v, how)
                }
            })
            .collect(),
    };
    let shift: Vec<f64> = mean.iter().zip(&avg).map(|(m, a)| m - a).collect();
    let intervals = first
        .intervals
        .iter()
        .map(|iv| {
            let lvl = iv.level;
            let lower = (0..h)
                .map(|i| {
                    col(&|f| f.interval(lvl).and_then(|x| x.lower.get(i).copied()))
                        .map_or(f64::NAN, |v| v + shift[i])
                })
                .collect();
            let upper = (0..h)
                .map(|i| {
                    col(&|f| f.interval(lvl).and_then(|x| x.upper.get(i).copied()))
                        .map_or(f64::NAN, |v| v + shift[i])
                })
                .collect();
            Interval {
                level: lvl,
                lower,
                upper,
            }
        })
        .collect();
    Forecast { mean, intervals }
}

/// A fitted combination of models.
pub struct EnsembleModel {
    pub members: Vec<Box<dyn FittedModel>>,
    pub how: Combine,
}

impl FittedModel for EnsembleModel {
    fn name(&self) -> String {
        let names: Vec<String> = self.members.iter().map(|m| m.name()).collect();
        format!(
            "{}({})",
            match self.how {
                Combine::Mean => "Ensemble",
                Combine::Median => "EnsembleMedian",
                Combine::TrimmedMean => "EnsembleTrimmedMean",
            },
            names.join(", ")
        )
    }
    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        let fs: Vec<Forecast> = self
            .members
            .iter()
            .map(|m| m.predict(horizon, levels))
            .collect();
        combine_forecasts(&fs, self.how)
    }
}
