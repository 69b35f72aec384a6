//! Temporal hierarchies (THieF) of Athanasopoulos, Hyndman, Kourentzes & Petropoulos (2017),
//! "Forecasting with temporal hierarchies", European Journal of Operational Research 262(1),
//! 60–74, as the R package `thief` with `usemodel = "ets"`, `"arima"` or `"theta"`,
//! `comb = "struc"`.
//!
//! A series with season `m` is aggregated at every level `k` that divides `m` (monthly data:
//! `k = 1, 2, 3, 4, 6, 12`): level `k` is the sums of consecutive blocks of `k` periods ending
//! with the last period (the first `n mod k` periods are left out), with season `m / k`. Each
//! level gets its own model of one family ([`ThiefBase`]): AutoETS ([`AutoEts`]), AutoARIMA
//! ([`AutoArima`]) or the product's Theta ([`ThetaModel`], [`THETA_VARIANT`]); a level too short for that family gets its naive forecast (its last value),
//! a level without one complete block is left out. The forecasts
//! are made for `B = ⌈h/m⌉` blocks of `m` periods (level `k` forecasts `B·m/k` steps) and
//! reconciled block by block, so that every level's forecast is the sum of the periods' below it:
//! with `S` the summing matrix of one block (one row per node of every level, one column per
//! period; `Σ_k m/k` rows) and the structural scaling `W = diag(k)` of each row,
//!
//! `b̃ = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ ŷ`,
//!
//! the weighted least-squares projection of the stacked base forecasts `ŷ` onto the coherent
//! ones (Athanasopoulos et al. 2017, §3–4). The yearly and half-yearly models see the trend
//! without the season's noise, the period level the season; the reconciled forecast mixes both.
//!
//! Intervals: those of the period-level model, moved by (reconciled − base) point forecast
//! (the paper and `thief` give point forecasts only).

use nalgebra::{DMatrix, DVector};

use super::arima::AutoArima;
use super::ets::AutoEts;
use super::select::THETA_VARIANT;
use super::theta::ThetaModel;
use super::{check_series, FittedModel, Forecast, ForecastError};

/// The model family fitted at every level of the hierarchy (`thief`'s `usemodel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThiefBase {
    /// AutoETS ([`AutoEts`]): every admissible specification, smallest AICc.
    Ets,
    /// AutoARIMA ([`AutoArima`]): unit-root tests, stepwise search, exact-ML refit.
    Arima,
    /// The product's Theta ([`ThetaModel`] with [`THETA_VARIANT`]), seasonally adjusted where
    /// the level's season passes its test.
    Theta,
}

/// A fitted model of the hierarchy's family: the period level's model, and every upper level's
/// that its history allows.
#[derive(Debug, Clone)]
enum FamilyModel {
    Ets(Box<AutoEts>),
    Arima(Box<AutoArima>),
    Theta(Box<ThetaModel>),
}

impl FamilyModel {
    /// The family's model of `y` with season `m`.
    fn fit(family: ThiefBase, y: &[f64], m: usize) -> Result<FamilyModel, ForecastError> {
        Ok(match family {
            ThiefBase::Ets => FamilyModel::Ets(Box::new(AutoEts::fit(y, m)?)),
            ThiefBase::Arima => FamilyModel::Arima(Box::new(AutoArima::fit(y, m)?)),
            ThiefBase::Theta => {
                FamilyModel::Theta(Box::new(ThetaModel::fit(y, m, Some(THETA_VARIANT))?))
            }
        })
    }

    fn family(&self) -> ThiefBase {
        match self {
            FamilyModel::Ets(_) => ThiefBase::Ets,
            FamilyModel::Arima(_) => ThiefBase::Arima,
            FamilyModel::Theta(_) => ThiefBase::Theta,
        }
    }

    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        match self {
            FamilyModel::Ets(e) => e.best.predict(horizon, levels),
            FamilyModel::Arima(a) => a.best.predict(horizon, levels),
            FamilyModel::Theta(t) => t.predict(horizon, levels),
        }
    }

    fn point(&self, steps: usize) -> Vec<f64> {
        match self {
            FamilyModel::Ets(e) => e.best.point(steps),
            _ => self.predict(steps, &[]).mean,
        }
    }

    fn name(&self) -> String {
        match self {
            FamilyModel::Ets(e) => e.best.name(),
            FamilyModel::Arima(a) => a.best.name(),
            FamilyModel::Theta(t) => t.name(),
        }
    }
}

/// The model of an aggregation level above the periods.
#[derive(Debug, Clone)]
enum LevelModel {
    Fitted(FamilyModel),
    /// Too short for the family: the level's last value.
    Naive(f64),
}

impl LevelModel {
    /// The family's model of `y` with season `m`, or the naive forecast where it cannot be
    /// fitted; `None` for an empty level.
    fn fit(family: ThiefBase, y: &[f64], m: usize) -> Option<LevelModel> {
        let last = *y.last()?;
        Some(
            FamilyModel::fit(family, y, m)
                .map(LevelModel::Fitted)
                .unwrap_or(LevelModel::Naive(last)),
        )
    }

    fn point(&self, steps: usize) -> Vec<f64> {
        match self {
            LevelModel::Fitted(model) => model.point(steps),
            LevelModel::Naive(v) => vec![*v; steps],
        }
    }

    fn name(&self) -> String {
        match self {
            LevelModel::Fitted(model) => model.name(),
            LevelModel::Naive(_) => "naive".to_string(),
        }
    }
}

/// A fitted temporal hierarchy.
#[derive(Debug, Clone)]
pub struct ThiefModel {
    m: usize,
    /// The period level's model (`k = 1`): its intervals are the hierarchy's, moved.
    base: FamilyModel,
    /// `(k, model)` for every level `k > 1` that has at least one complete block.
    upper: Vec<(usize, LevelModel)>,
    /// The reconciliation `G = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹` (`m × rows`), rows ordered level by level
    /// as `levels()`.
    g: DMatrix<f64>,
}

/// The divisors of `m` in increasing order (`1` first, `m` last).
pub fn divisors(m: usize) -> Vec<usize> {
    (1..=m).filter(|k| m.is_multiple_of(*k)).collect()
}

/// Sums of consecutive blocks of `k` values ending with the last value.
pub fn aggregate(y: &[f64], k: usize) -> Vec<f64> {
    let skip = y.len() % k;
    y[skip..].chunks(k).map(|c| c.iter().sum()).collect()
}

/// The reconciliation matrix `G = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹` of one block of `m` periods over the
/// aggregation levels `ks` (each divides `m`), with structural scaling `W = diag(k)`. Rows of
/// the stacked forecast vector: level by level in the order of `ks`, the `m/k` nodes of a level
/// in time order. `None` when `ks` has no level 1 (then `Sᵀ W⁻¹ S` is singular).
pub fn reconciliation(m: usize, ks: &[usize]) -> Option<DMatrix<f64>> {
    let rows: usize = ks.iter().map(|k| m / k).sum();
    let mut s = DMatrix::<f64>::zeros(rows, m);
    let mut w_inv = Vec::with_capacity(rows);
    let mut r = 0;
    for &k in ks {
        for node in 0..m / k {
            for c in node * k..(node + 1) * k {
                s[(r, c)] = 1.0;
            }
            w_inv.push(1.0 / k as f64);
            r += 1;
        }
    }
    let st_w = DMatrix::from_fn(m, rows, |i, j| s[(j, i)] * w_inv[j]);
    let a = &st_w * &s;
    let chol = a.cholesky()?;
    Some(chol.solve(&st_w))
}

impl ThiefModel {
    /// Fit AutoETS at every aggregation level of season `m` (only the series itself when
    /// `m ≤ 1`). Fails when the series itself admits no ETS model.
    pub fn fit(y: &[f64], m: usize) -> Result<ThiefModel, ForecastError> {
        check_series(y, 3)?;
        Self::with_base(y, m, AutoEts::fit(y, m.max(1))?)
    }

    /// [`ThiefModel::fit`] with the period level's AutoETS already fitted on `y` (the forecast
    /// combination fits it once for THieF and its damped-ETS member).
    pub fn with_base(y: &[f64], m: usize, base: AutoEts) -> Result<ThiefModel, ForecastError> {
        Self::build(y, m, FamilyModel::Ets(Box::new(base)))
    }

    /// Fit AutoARIMA at every aggregation level of season `m` (`thief`'s `usemodel =
    /// "arima"`). Fails when the series itself admits no ARIMA model.
    pub fn fit_arima(y: &[f64], m: usize) -> Result<ThiefModel, ForecastError> {
        check_series(y, 4)?;
        Self::with_arima_base(y, m, AutoArima::fit(y, m.max(1))?)
    }

    /// [`ThiefModel::fit_arima`] with the period level's AutoARIMA already fitted on `y`.
    pub fn with_arima_base(
        y: &[f64],
        m: usize,
        base: AutoArima,
    ) -> Result<ThiefModel, ForecastError> {
        Self::build(y, m, FamilyModel::Arima(Box::new(base)))
    }

    /// Fit the product's Theta at every aggregation level of season `m` (`thief`'s `usemodel =
    /// "theta"`). Fails when the series itself admits no Theta model.
    pub fn fit_theta(y: &[f64], m: usize) -> Result<ThiefModel, ForecastError> {
        check_series(y, 4)?;
        let base = FamilyModel::fit(ThiefBase::Theta, y, m.max(1))?;
        Self::build(y, m, base)
    }

    /// The family of every level.
    pub fn family(&self) -> ThiefBase {
        self.base.family()
    }

    /// The hierarchy over `y` whose period level is `base` (fitted on `y` with season `m`);
    /// every upper level gets a model of `base`'s family.
    fn build(y: &[f64], m: usize, base: FamilyModel) -> Result<ThiefModel, ForecastError> {
        check_series(y, 3)?;
        let m = m.max(1);
        let family = base.family();
        let upper: Vec<(usize, LevelModel)> = divisors(m)
            .into_iter()
            .skip(1)
            .filter_map(|k| Some((k, LevelModel::fit(family, &aggregate(y, k), m / k)?)))
            .collect();
        let ks: Vec<usize> = std::iter::once(1)
            .chain(upper.iter().map(|(k, _)| *k))
            .collect();
        let g = reconciliation(m, &ks).ok_or_else(|| ForecastError::Fit {
            model: "THieF".into(),
            message: "the temporal hierarchy could not be reconciled".into(),
        })?;
        Ok(ThiefModel { m, base, upper, g })
    }

    /// The aggregation levels used (`1` first).
    pub fn levels(&self) -> Vec<usize> {
        std::iter::once(1)
            .chain(self.upper.iter().map(|(k, _)| *k))
            .collect()
    }

    /// `(k, model name)` of every level (`1` first): `ETS(M,A,M)`, `ARIMA(0,1,1)`, ...,
    /// `naive` for a level too short for the family.
    pub fn level_models(&self) -> Vec<(usize, String)> {
        std::iter::once((1, self.base.name()))
            .chain(self.upper.iter().map(|(k, model)| (*k, model.name())))
            .collect()
    }

    /// The number of periods forecast for a horizon of `h`: whole blocks of `m` (at least one).
    fn steps(&self, h: usize) -> usize {
        h.div_ceil(self.m).max(1) * self.m
    }

    /// Reconciled point forecasts for whole blocks, given the period level's forecast
    /// `base_path` (`steps(h)` values).
    fn reconcile(&self, base_path: &[f64]) -> Vec<f64> {
        let m = self.m;
        let blocks = base_path.len() / m;
        let upper: Vec<Vec<f64>> = self
            .upper
            .iter()
            .map(|(k, model)| model.point(blocks * m / k))
            .collect();
        let mut out = Vec::with_capacity(blocks * m);
        for b in 0..blocks {
            let mut stacked = Vec::with_capacity(self.g.ncols());
            stacked.extend_from_slice(&base_path[b * m..(b + 1) * m]);
            for ((k, _), f) in self.upper.iter().zip(&upper) {
                let per = m / k;
                stacked.extend_from_slice(&f[b * per..(b + 1) * per]);
            }
            let rec = &self.g * DVector::from_vec(stacked);
            out.extend(rec.iter());
        }
        out
    }

    /// Reconciled point forecasts for steps `1..=h`.
    pub fn point(&self, h: usize) -> Vec<f64> {
        let mut out = self.reconcile(&self.base.point(self.steps(h)));
        out.truncate(h);
        out
    }
}

impl FittedModel for ThiefModel {
    fn name(&self) -> String {
        format!("THieF({})", self.base.name())
    }

    /// The period level's forecast for whole blocks (computed once), reconciled; its intervals
    /// moved by (reconciled − base) point forecast.
    fn predict(&self, horizon: usize, levels: &[f64]) -> Forecast {
        let whole = self.base.predict(self.steps(horizon), levels);
        let rec = self.reconcile(&whole.mean);
        let base = whole.truncated(horizon);
        let shift: Vec<f64> = rec.iter().zip(&base.mean).map(|(r, b)| r - b).collect();
        base.shifted(&shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight years of an AirPassengers-like monthly series (trend times season) plus a
    /// repeating pattern of `noise` amplitude.
    fn seasonal_series(noise: f64) -> Vec<f64> {
        (0..96)
            .map(|t| {
                let s = [
                    0.9, 0.85, 1.0, 1.0, 1.05, 1.2, 1.3, 1.3, 1.1, 0.95, 0.85, 0.95,
                ][t % 12];
                (120.0 + 2.0 * t as f64) * s + noise * ((t * 7 % 11) as f64 - 5.0)
            })
            .collect()
    }

    #[test]
    fn aggregation_ends_with_the_last_period() {
        let y: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(aggregate(&y, 3), vec![2.0 + 3.0 + 4.0, 18.0, 27.0]);
        assert_eq!(aggregate(&y, 4), vec![3.0 + 4.0 + 5.0 + 6.0, 34.0]);
        assert_eq!(divisors(12), vec![1, 2, 3, 4, 6, 12]);
    }

    /// Reference: `benches/forecast/thief_reference.py` (the same projection by
    /// hierarchicalforecast 1.5.3's `MinTrace(method="wls_struct")`) for a block of 4 periods
    /// (k = 1, 2, 4) and of 12 months (k = 1, 2, 3, 4, 6, 12) with incoherent base forecasts.
    #[test]
    fn reconciliation_matches_the_reference() {
        let cases: [(usize, Vec<usize>, Vec<f64>, Vec<f64>); 2] = [
            (
                4,
                vec![1, 2, 4],
                vec![10.0, 12.0, 9.0, 14.0, 20.0, 25.0, 50.0],
                vec![
                    9.916666666666668,
                    11.916666666666668,
                    9.916666666666668,
                    14.916666666666668,
                ],
            ),
            (
                12,
                divisors(12),
                [
                    115.0, 103.0, 110.0, 136.0, 124.0, 131.0, 157.0, 145.0, 152.0, 178.0, 166.0,
                    173.0, 230.0, 240.0, 260.0, 280.0, 300.0, 330.0, 350.0, 370.0, 390.0, 420.0,
                    460.0, 500.0, 560.0, 1100.0, 1190.0, 2310.0,
                ]
                .to_vec(),
                vec![
                    139.86260103549745,
                    127.86260103549745,
                    132.17967556896485,
                    150.91137743509518,
                    141.89919730323686,
                    148.89919730323686,
                    162.32594889559354,
                    150.32594889559354,
                    155.61201437777035,
                    174.32617238425146,
                    169.3976328826312,
                    176.39763288263117,
                ],
            ),
        ];
        for (m, ks, y, want) in cases {
            let g = reconciliation(m, &ks).expect("g");
            let b = &g * DVector::from_vec(y);
            assert_eq!(b.len(), want.len());
            for (got, want) in b.iter().zip(&want) {
                assert!((got - want).abs() < 1e-9, "m {m}: {got} vs {want}");
            }
        }
    }

    /// Coherent base forecasts are left as they are (the reconciliation is a projection).
    #[test]
    fn coherent_forecasts_are_unchanged() {
        let ks = divisors(12);
        let g = reconciliation(12, &ks).expect("g");
        let months: Vec<f64> = (0..12).map(|i| 100.0 + 7.0 * i as f64).collect();
        let mut stacked = Vec::new();
        for &k in &ks {
            stacked.extend(aggregate(&months, k));
        }
        assert_eq!(stacked.len(), 28);
        let b = &g * DVector::from_vec(stacked);
        for (got, want) in b.iter().zip(&months) {
            assert!((got - want).abs() < 1e-9);
        }
    }

    /// On a seasonal monthly series every level is fitted and the forecasts are finite,
    /// reconciled and near the ETS ones.
    #[test]
    fn fits_airpassengers_like_series() {
        let y = seasonal_series(0.0);
        let t = ThiefModel::fit(&y, 12).expect("fit");
        assert_eq!(t.levels(), vec![1, 2, 3, 4, 6, 12]);
        let f = t.predict(18, &[80.0, 95.0]);
        assert_eq!(f.mean.len(), 18);
        // a horizon of one and a half blocks: the forecast is the reconciled path's first 18
        // months, the intervals as long
        for (a, b) in f.mean.iter().zip(&t.point(18)) {
            assert!((a - b).abs() <= 1e-9 * b.abs());
        }
        assert!(f
            .intervals
            .iter()
            .all(|i| i.lower.len() == 18 && i.upper.len() == 18));
        assert!(f.mean.iter().all(|v| v.is_finite()));
        let ets = t.base.point(18);
        for (a, b) in f.mean.iter().zip(&ets) {
            assert!((a - b).abs() / b < 0.05, "{a} vs {b}");
        }
        let i80 = f.interval(80.0).expect("80");
        assert!(i80.lower.iter().zip(&f.mean).all(|(l, m)| l < m));
    }

    /// Without a season, THieF is the ETS model itself.
    #[test]
    fn no_season_is_ets() {
        let y: Vec<f64> = (0..40)
            .map(|t| 50.0 + (t as f64 * 0.7).sin() * 5.0)
            .collect();
        let t = ThiefModel::fit(&y, 1).expect("fit");
        assert_eq!(t.levels(), vec![1]);
        assert_eq!(t.point(6), t.base.point(6));
    }

    /// Over AutoARIMA (`thief`'s `usemodel = "arima"`): the period level is the series'
    /// AutoARIMA, every level gets its own, the forecasts are reconciled (each year of the
    /// forecast adds up to the yearly level's reconciled value) and the intervals are the
    /// period level's, moved.
    #[test]
    fn over_arima_every_level_is_arima() {
        let y = seasonal_series(3.0);
        let t = ThiefModel::fit_arima(&y, 12).expect("fit");
        assert_eq!(t.family(), ThiefBase::Arima);
        assert_eq!(t.levels(), vec![1, 2, 3, 4, 6, 12]);
        let arima = AutoArima::fit(&y, 12).expect("arima");
        assert_eq!(t.name(), format!("THieF({})", arima.name()));
        for (k, name) in t.level_models() {
            assert!(name.starts_with("ARIMA("), "level {k}: {name}");
        }
        // the yearly level (8 points) has no season; the monthly one has
        assert!(t.level_models()[0].1.contains("[12]"));
        assert!(!t.level_models()[5].1.contains('['));
        let f = t.predict(24, &[80.0, 95.0]);
        let base = arima.predict(24, &[80.0, 95.0]);
        for i in 0..24 {
            assert!(f.mean[i].is_finite());
            assert!((f.mean[i] - base.mean[i]).abs() / base.mean[i] < 0.05);
            // intervals: the ARIMA's, moved with the point forecast
            let (a, b) = (
                f.interval(95.0).expect("95"),
                base.interval(95.0).expect("95"),
            );
            let w = a.upper[i] - a.lower[i];
            assert!((w - (b.upper[i] - b.lower[i])).abs() < 1e-9 * w.abs().max(1.0));
        }
    }

    /// A history too short for ARIMA at the yearly level (two years) forecasts that level
    /// naively and still reconciles.
    #[test]
    fn over_arima_a_short_level_is_naive() {
        let y: Vec<f64> = (0..26)
            .map(|t| 100.0 + t as f64 + 10.0 * ((t % 12) as f64 / 12.0))
            .collect();
        let t = ThiefModel::fit_arima(&y, 12).expect("fit");
        let models = t.level_models();
        assert_eq!(
            models.last().map(|(k, n)| (*k, n.as_str())),
            Some((12, "naive"))
        );
        assert!(t.point(18).iter().all(|v| v.is_finite()));
    }

    /// Over the product's Theta (`thief`'s `usemodel = "theta"`): every level is that Theta
    /// (seasonally adjusted at the monthly level only: seasons below 4 are not adjusted), the
    /// forecasts reconcile, the intervals are the monthly Theta's, moved.
    #[test]
    fn over_theta_every_level_is_theta() {
        let y = seasonal_series(3.0);
        let t = ThiefModel::fit_theta(&y, 12).expect("fit");
        assert_eq!(t.family(), ThiefBase::Theta);
        assert_eq!(t.levels(), vec![1, 2, 3, 4, 6, 12]);
        let theta = ThetaModel::fit(&y, 12, Some(THETA_VARIANT)).expect("theta");
        assert_eq!(t.name(), format!("THieF({})", theta.name()));
        assert!(t.level_models().iter().all(|(_, n)| *n == theta.name()));
        let f = t.predict(24, &[95.0]);
        let base = theta.predict(24, &[95.0]);
        for i in 0..24 {
            assert!((f.mean[i] - base.mean[i]).abs() / base.mean[i] < 0.1);
            let (a, b) = (
                f.interval(95.0).expect("95"),
                base.interval(95.0).expect("95"),
            );
            let w = a.upper[i] - a.lower[i];
            assert!((w - (b.upper[i] - b.lower[i])).abs() < 1e-9 * w.abs().max(1.0));
        }
        // each forecast year adds up to the reconciled yearly total: the months move off the
        // monthly Theta's path
        assert!(f
            .mean
            .iter()
            .zip(&base.mean)
            .any(|(a, b)| (a - b).abs() > 1e-6));
    }
}
