//! A/B tests: frequentist tests, Bayesian probability of being best, sample-ratio mismatch and
//! sample size.
//!
//! Conversion metrics (0/1 per unit, or typed counts):
//! - two-proportion z-test with the pooled standard error
//!   `z = (p_t − p_c) / sqrt(p̄(1−p̄)(1/n_t + 1/n_c))`, `p̄ = (x_t + x_c)/(n_t + n_c)`;
//!   confidence interval of the difference with the unpooled (Wald) standard error
//!   `sqrt(p_t(1−p_t)/n_t + p_c(1−p_c)/n_c)`; relative lift `p_t/p_c − 1` with the Katz log
//!   interval `exp(ln(p_t/p_c) ± z·sqrt((1−p_t)/x_t + (1−p_c)/x_c)) − 1`
//!   (Agresti, *Categorical Data Analysis*, 3rd ed., §3.1; Katz et al. 1978);
//! - Beta–Binomial posteriors `Beta(a + x, b + n − x)`; `P(i is best) = ∫ f_i(x) Π_{j≠i} F_j(x) dx`
//!   by Simpson integration (exact up to quadrature, any number of variants; for two variants it
//!   matches Evan Miller's closed-form sum, [`prob_b_beats_a`]); expected loss
//!   `E[max_j p_j − p_i]` by integration for two variants and by seeded Monte Carlo otherwise
//!   (Stucchio 2015, "Bayesian A/B testing at VWO").
//!
//! Continuous metrics (e.g. revenue per user): Welch's t-test (Welch 1947, *Biometrika* 34) with
//! the Welch–Satterthwaite degrees of freedom
//! `ν = (s_t²/n_t + s_c²/n_c)² / ((s_t²/n_t)²/(n_t−1) + (s_c²/n_c)²/(n_c−1))`, and a seeded
//! percentile bootstrap interval of the difference of means (Efron & Tibshirani 1993, ch. 13).
//!
//! Sample-ratio mismatch: Pearson chi-square of the unit counts against the intended split,
//! `k − 1` degrees of freedom (Fabijan et al. 2019, "Diagnosing sample ratio mismatch", KDD).
//!
//! Sample size per variant (two-sided, Fleiss 1981):
//! `n = (z_{1−α/2} sqrt(2 p̄ q̄) + z_{1−β} sqrt(p₁q₁ + p₂q₂))² / (p₂ − p₁)²`; for means
//! `n = 2 (z_{1−α/2} + z_{1−β})² σ² / δ²`.

use super::stats::{mean_sd, norm_cdf, norm_quantile, quantile_sorted, simpson, Rng};
use super::table::{Table, TableError};
use crate::text::{params, signed, CellError, Text};
use serde::{Deserialize, Serialize};
use statrs::distribution::{Beta, ChiSquared, Continuous, ContinuousCDF, StudentsT};
use statrs::function::beta::ln_beta;

/// Errors of the A/B test module.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum AbError {
    Table(#[from] TableError),
    Param { name: &'static str, message: Text },
    Input(Text),
}

impl AbError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            AbError::Input(t) => t.clone(),
            AbError::Table(e) => e.text(),
            AbError::Param { name, message } => Text::new("common.err.invalid_param")
                .str("name", *name)
                .text("message", message.clone()),
        }
    }
}

/// Data of one variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupData {
    /// Conversion metric: units (users) and how many converted.
    Counts { units: u64, conversions: u64 },
    /// Continuous metric: one value per unit.
    Values(Vec<f64>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub name: String,
    pub data: GroupData,
}

/// What the test analyses: one metric, two or more variants of the same kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbInput {
    pub metric: String,
    pub groups: Vec<Group>,
    /// Rows skipped because the variant or metric cell was empty.
    pub skipped_rows: u64,
}

const TRUE_WORDS: [&str; 5] = ["true", "1", "yes", "y", "t"];
const FALSE_WORDS: [&str; 5] = ["false", "0", "no", "n", "f"];

fn bool_cell(c: &str) -> Option<bool> {
    let l = c.trim().to_ascii_lowercase();
    let l = l.trim_end_matches(".0");
    if TRUE_WORDS.contains(&l) {
        Some(true)
    } else if FALSE_WORDS.contains(&l) {
        Some(false)
    } else {
        None
    }
}

impl AbInput {
    /// Typed counts: `(variant, units, conversions)`.
    pub fn from_counts(metric: &str, counts: &[(&str, u64, u64)]) -> AbInput {
        AbInput {
            metric: metric.to_string(),
            groups: counts
                .iter()
                .map(|&(n, u, c)| Group {
                    name: n.to_string(),
                    data: GroupData::Counts {
                        units: u,
                        conversions: c,
                    },
                })
                .collect(),
            skipped_rows: 0,
        }
    }

    /// One row per unit: the variant column and a metric column. A metric whose non-empty cells
    /// are all True/False, 0/1 or yes/no is a conversion; otherwise it must be numeric
    /// (continuous). Variants are kept in order of first appearance.
    pub fn from_table(
        table: &Table,
        variant_column: &str,
        metric: &str,
    ) -> Result<AbInput, AbError> {
        let vj = table.column_index(variant_column)?;
        let mj = table.column_index(metric)?;
        let cells = &table.columns[mj];
        let is_bool = cells.iter().any(|c| !c.is_empty())
            && cells.iter().all(|c| c.is_empty() || bool_cell(c).is_some());
        let mut names: Vec<String> = Vec::new();
        let mut counts: Vec<(u64, u64)> = Vec::new();
        let mut values: Vec<Vec<f64>> = Vec::new();
        let mut skipped = 0u64;
        for (i, (v, c)) in table.columns[vj].iter().zip(cells).enumerate() {
            if v.is_empty() || c.is_empty() {
                skipped += 1;
                continue;
            }
            let g = match names.iter().position(|n| n == v) {
                Some(g) => g,
                None => {
                    names.push(v.clone());
                    counts.push((0, 0));
                    values.push(Vec::new());
                    names.len() - 1
                }
            };
            if is_bool {
                counts[g].0 += 1;
                counts[g].1 += u64::from(bool_cell(c) == Some(true));
            } else {
                let x = table
                    .number(mj, i)
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| {
                        TableError::Cell(CellError::new(
                            &table.file,
                            i as u64 + 1,
                            &table.headers[mj],
                            Text::new("mkt.err.expected_number_or_flag").str("found", c.clone()),
                        ))
                    })?;
                values[g].push(x);
            }
        }
        let groups = names
            .into_iter()
            .enumerate()
            .map(|(g, name)| Group {
                name,
                data: if is_bool {
                    GroupData::Counts {
                        units: counts[g].0,
                        conversions: counts[g].1,
                    }
                } else {
                    GroupData::Values(std::mem::take(&mut values[g]))
                },
            })
            .collect();
        Ok(AbInput {
            metric: table.headers[mj].clone(),
            groups,
            skipped_rows: skipped,
        })
    }
}

/// Parameters (defaults: α 0.05, power 0.8, 5% relative MDE, equal intended split,
/// Beta(1, 1) priors, 2,000 bootstrap resamples, 200,000 Monte Carlo draws, seed 42).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbParams {
    /// Control variant; `None` = a variant named control/baseline/a, else the first in the data.
    pub control: Option<String>,
    pub alpha: f64,
    pub power: f64,
    /// Minimum detectable effect for the sample-size calculator, relative to the control (0.05 = 5%).
    pub mde_relative: f64,
    /// Intended traffic split, one weight per variant in data order; `None` = equal.
    pub intended_split: Option<Vec<f64>>,
    /// p-value below which the sample-ratio check flags a mismatch.
    pub srm_threshold: f64,
    pub prior_alpha: f64,
    pub prior_beta: f64,
    pub bootstrap: usize,
    pub mc_draws: usize,
    /// Units entering the experiment per day (all variants), for the duration estimate.
    pub daily_units: Option<f64>,
    pub seed: u64,
}

impl Default for AbParams {
    fn default() -> Self {
        AbParams {
            control: None,
            alpha: 0.05,
            power: 0.8,
            mde_relative: 0.05,
            intended_split: None,
            srm_threshold: 0.001,
            prior_alpha: 1.0,
            prior_beta: 1.0,
            bootstrap: 2000,
            mc_draws: 200_000,
            daily_units: None,
            seed: 42,
        }
    }
}

impl AbParams {
    pub fn validate(&self) -> Result<(), AbError> {
        let p = |name, message: Text| Err(AbError::Param { name, message });
        if !(self.alpha > 0.0 && self.alpha < 0.5) {
            return p("alpha", params::open("0", "0.5"));
        }
        if !(self.power > 0.5 && self.power < 1.0) {
            return p("power", params::open("0.5", "1"));
        }
        if !(self.mde_relative > 0.0 && self.mde_relative.is_finite()) {
            return p("mde_relative", Text::new("param.positive"));
        }
        if !(self.srm_threshold > 0.0 && self.srm_threshold < 1.0) {
            return p("srm_threshold", params::open("0", "1"));
        }
        if !(self.prior_alpha > 0.0 && self.prior_beta > 0.0) {
            return p("prior_alpha/prior_beta", Text::new("param.positive"));
        }
        if self.bootstrap < 100 || self.bootstrap > 1_000_000 {
            return p("bootstrap", params::between("100", "1,000,000"));
        }
        if self.mc_draws < 1000 || self.mc_draws > 100_000_000 {
            return p("mc_draws", params::between("1,000", "100,000,000"));
        }
        if let Some(d) = self.daily_units {
            if !(d > 0.0 && d.is_finite()) {
                return p("daily_units", Text::new("param.positive"));
            }
        }
        if let Some(s) = &self.intended_split {
            if s.iter().any(|w| !(*w > 0.0 && w.is_finite())) {
                return p("intended_split", Text::new("param.weights_positive"));
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    Conversion,
    Continuous,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariantSummary {
    pub name: String,
    pub units: u64,
    /// Conversions (conversion metrics only).
    pub conversions: Option<u64>,
    /// Conversion rate or mean value per unit.
    pub mean: f64,
    /// Standard deviation per unit (sqrt(p(1−p)) for conversions, sample sd otherwise).
    pub sd: f64,
    pub explain: Text,
}

/// One treatment compared with the control (difference = treatment − control).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub variant: String,
    pub control: String,
    pub difference: f64,
    pub difference_ci: (f64, f64),
    /// treatment / control − 1.
    pub relative_lift: f64,
    pub relative_lift_ci: (f64, f64),
    /// "two-proportion z-test" or "Welch t-test".
    pub test: String,
    pub statistic: f64,
    /// Degrees of freedom (Welch only).
    pub df: Option<f64>,
    /// Two-sided p-value.
    pub p_value: f64,
    pub significant: bool,
    /// Percentile bootstrap interval of the difference (continuous metrics).
    pub bootstrap_ci: Option<(f64, f64)>,
    pub explain: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BayesVariant {
    pub name: String,
    pub posterior_alpha: f64,
    pub posterior_beta: f64,
    pub prob_best: f64,
    /// Expected conversion-rate points lost by shipping this variant, E[max_j p_j − p_i].
    pub expected_loss: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BayesSummary {
    pub prior_alpha: f64,
    pub prior_beta: f64,
    /// How the numbers were computed.
    pub method: Text,
    pub variants: Vec<BayesVariant>,
    pub explain: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SrmCheck {
    /// Intended shares (sum 1), in variant order.
    pub intended: Vec<f64>,
    pub observed: Vec<u64>,
    pub chi_square: f64,
    pub df: u32,
    pub p_value: f64,
    pub mismatch: bool,
    pub explain: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleSize {
    /// Control conversion rate or mean.
    pub baseline: f64,
    pub mde_relative: f64,
    pub alpha: f64,
    pub power: f64,
    /// Units needed per variant to detect `mde_relative`.
    pub per_variant: f64,
    pub total: f64,
    /// Days at `daily_units` (when given).
    pub days: Option<f64>,
    /// Units per variant that the observed difference would need (None when it is zero).
    pub per_variant_for_observed: Option<f64>,
    pub explain: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbReport {
    pub metric: String,
    pub kind: MetricKind,
    pub control: String,
    pub variants: Vec<VariantSummary>,
    pub comparisons: Vec<Comparison>,
    /// Conversion metrics only.
    pub bayes: Option<BayesSummary>,
    pub srm: SrmCheck,
    pub sample_size: SampleSize,
    pub skipped_rows: u64,
    pub params: AbParams,
}

/// Analyse an experiment.
/// The variants' names, comma-separated (for the input errors).
fn variant_names(input: &AbInput) -> String {
    input
        .groups
        .iter()
        .map(|g| g.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn run(input: &AbInput, params: &AbParams) -> Result<AbReport, AbError> {
    params.validate()?;
    let k = input.groups.len();
    if k < 2 {
        return Err(AbError::Input(
            Text::new("mkt.err.two_variants")
                .int("k", k)
                .str("names", variant_names(input)),
        ));
    }
    if k > 50 {
        return Err(AbError::Input(
            Text::new("mkt.err.many_variants").int("k", k),
        ));
    }
    let kind = match &input.groups[0].data {
        GroupData::Counts { .. } => MetricKind::Conversion,
        GroupData::Values(_) => MetricKind::Continuous,
    };
    for g in &input.groups {
        let units = match (&g.data, kind) {
            (GroupData::Counts { units, conversions }, MetricKind::Conversion) => {
                if conversions > units {
                    return Err(AbError::Input(
                        Text::new("mkt.err.conversions_exceed")
                            .str("name", g.name.clone())
                            .int("x", *conversions)
                            .int("n", *units),
                    ));
                }
                *units as usize
            }
            (GroupData::Values(v), MetricKind::Continuous) => v.len(),
            _ => return Err(AbError::Input(Text::new("mkt.err.mixed_kinds"))),
        };
        if units < 2 {
            return Err(AbError::Input(
                Text::new("mkt.err.few_units")
                    .str("name", g.name.clone())
                    .int("n", units),
            ));
        }
    }
    let ci = match &params.control {
        Some(c) => input
            .groups
            .iter()
            .position(|g| &g.name == c)
            .ok_or_else(|| {
                AbError::Input(
                    Text::new("mkt.err.unknown_control")
                        .str("control", c.clone())
                        .str("names", variant_names(input)),
                )
            })?,
        // A variant named "control", "baseline" or "a", else the first in the data.
        None => input
            .groups
            .iter()
            .position(|g| {
                let l = g.name.to_ascii_lowercase();
                l == "control" || l == "baseline" || l == "a"
            })
            .unwrap_or(0),
    };
    if let Some(s) = &params.intended_split {
        if s.len() != k {
            return Err(AbError::Param {
                name: "intended_split",
                message: Text::new("param.weights_count")
                    .int("given", s.len())
                    .int("k", k),
            });
        }
    }
    let variants: Vec<VariantSummary> = input.groups.iter().map(summarise).collect();
    let control = &variants[ci];
    let mut rng = Rng::new(params.seed);
    let comparisons: Vec<Comparison> = (0..k)
        .filter(|&i| i != ci)
        .map(|i| match (&input.groups[i].data, &input.groups[ci].data) {
            (GroupData::Values(t), GroupData::Values(c)) => {
                welch(&variants[i], control, t, c, params, &mut rng)
            }
            _ => two_proportion(&variants[i], control, params),
        })
        .collect();
    let bayes = match kind {
        MetricKind::Conversion => Some(bayes(&variants, params, &mut rng)),
        MetricKind::Continuous => None,
    };
    let srm = srm_check(&variants, params);
    let sample_size = sample_size_section(&variants, ci, kind, params);
    Ok(AbReport {
        metric: input.metric.clone(),
        kind,
        control: control.name.clone(),
        variants,
        comparisons,
        bayes,
        srm,
        sample_size,
        skipped_rows: input.skipped_rows,
        params: params.clone(),
    })
}

fn summarise(g: &Group) -> VariantSummary {
    match &g.data {
        GroupData::Counts { units, conversions } => {
            let p = *conversions as f64 / *units as f64;
            VariantSummary {
                name: g.name.clone(),
                units: *units,
                conversions: Some(*conversions),
                mean: p,
                sd: (p * (1.0 - p)).sqrt(),
                explain: Text::new("mkt.ab.variant_conversion")
                    .str("name", g.name.clone())
                    .int("x", *conversions)
                    .int("n", *units)
                    .pct("rate", p, 2),
            }
        }
        GroupData::Values(v) => {
            let (m, sd) = mean_sd(v);
            VariantSummary {
                name: g.name.clone(),
                units: v.len() as u64,
                conversions: None,
                mean: m,
                sd,
                explain: Text::new("mkt.ab.variant_mean")
                    .str("name", g.name.clone())
                    .int("n", v.len())
                    .num("mean", m, 4)
                    .num("sd", sd, 4),
            }
        }
    }
}

/// Two-proportion z-test (pooled SE), Wald CI of the difference, Katz log CI of the lift.
fn two_proportion(t: &VariantSummary, c: &VariantSummary, params: &AbParams) -> Comparison {
    let (nt, nc) = (t.units as f64, c.units as f64);
    let (xt, xc) = (
        t.conversions.unwrap_or(0) as f64,
        c.conversions.unwrap_or(0) as f64,
    );
    let (pt, pc) = (xt / nt, xc / nc);
    let pool = (xt + xc) / (nt + nc);
    let se_pool = (pool * (1.0 - pool) * (1.0 / nt + 1.0 / nc)).sqrt();
    let diff = pt - pc;
    let z = if se_pool > 0.0 { diff / se_pool } else { 0.0 };
    let p_value = (2.0 * (1.0 - norm_cdf(z.abs()))).min(1.0);
    let zq = norm_quantile(1.0 - params.alpha / 2.0);
    let se = (pt * (1.0 - pt) / nt + pc * (1.0 - pc) / nc).sqrt();
    let dci = (diff - zq * se, diff + zq * se);
    let lift = if pc > 0.0 { pt / pc - 1.0 } else { f64::NAN };
    let lci = if xt > 0.0 && xc > 0.0 {
        let s = ((1.0 - pt) / xt + (1.0 - pc) / xc).sqrt();
        let l = (pt / pc).ln();
        ((l - zq * s).exp() - 1.0, (l + zq * s).exp() - 1.0)
    } else {
        (f64::NAN, f64::NAN)
    };
    let level = 100.0 * (1.0 - params.alpha);
    let significant = p_value < params.alpha;
    Comparison {
        variant: t.name.clone(),
        control: c.name.clone(),
        difference: diff,
        difference_ci: dci,
        relative_lift: lift,
        relative_lift_ci: lci,
        test: "two-proportion z-test".into(),
        statistic: z,
        df: None,
        p_value,
        significant,
        bootstrap_ci: None,
        explain: Text::new("mkt.ab.compare_conversion")
            .str("variant", t.name.clone())
            .pct("pt", pt, 2)
            .pct("pc", pc, 2)
            .str("control", c.name.clone())
            .str("diff", signed(100.0 * diff, 2))
            .num("level", level, 0)
            .str("lo", signed(100.0 * dci.0, 2))
            .str("hi", signed(100.0 * dci.1, 2))
            .str("lift", signed(100.0 * lift, 1))
            .str("lift_lo", signed(100.0 * lci.0, 1))
            .str("lift_hi", signed(100.0 * lci.1, 1))
            .num("z", z, 3)
            .num("p", p_value, 4)
            .text(
                "verdict",
                if significant {
                    Text::new("mkt.ab.rare").str("alpha", params.alpha.to_string())
                } else {
                    Text::new("mkt.ab.not_significant_at").str("alpha", params.alpha.to_string())
                },
            ),
    }
}

/// Welch's t-test and a seeded percentile bootstrap of the difference of means.
fn welch(
    t: &VariantSummary,
    c: &VariantSummary,
    tv: &[f64],
    cv: &[f64],
    params: &AbParams,
    rng: &mut Rng,
) -> Comparison {
    let (nt, nc) = (tv.len() as f64, cv.len() as f64);
    let (vt, vc) = (t.sd * t.sd / nt, c.sd * c.sd / nc);
    let se = (vt + vc).sqrt();
    let diff = t.mean - c.mean;
    let df = if vt + vc > 0.0 {
        (vt + vc).powi(2) / (vt * vt / (nt - 1.0) + vc * vc / (nc - 1.0))
    } else {
        nt + nc - 2.0
    };
    let stat = if se > 0.0 { diff / se } else { 0.0 };
    let (p_value, tq) = match StudentsT::new(0.0, 1.0, df.max(1.0)) {
        Ok(d) => (
            (2.0 * (1.0 - d.cdf(stat.abs()))).clamp(0.0, 1.0),
            d.inverse_cdf(1.0 - params.alpha / 2.0),
        ),
        Err(_) => (f64::NAN, f64::NAN),
    };
    let dci = (diff - tq * se, diff + tq * se);
    let lift = if c.mean != 0.0 {
        diff / c.mean
    } else {
        f64::NAN
    };
    let lci = if c.mean != 0.0 {
        (dci.0 / c.mean, dci.1 / c.mean)
    } else {
        (f64::NAN, f64::NAN)
    };
    // Bootstrap: resample each group with replacement, difference of means.
    let mut boots = Vec::with_capacity(params.bootstrap);
    for _ in 0..params.bootstrap {
        let mt = tv.iter().map(|_| tv[rng.below(tv.len())]).sum::<f64>() / nt;
        let mc = cv.iter().map(|_| cv[rng.below(cv.len())]).sum::<f64>() / nc;
        boots.push(mt - mc);
    }
    boots.sort_by(f64::total_cmp);
    let bci = (
        quantile_sorted(&boots, params.alpha / 2.0),
        quantile_sorted(&boots, 1.0 - params.alpha / 2.0),
    );
    let level = 100.0 * (1.0 - params.alpha);
    let significant = p_value < params.alpha;
    Comparison {
        variant: t.name.clone(),
        control: c.name.clone(),
        difference: diff,
        difference_ci: dci,
        relative_lift: lift,
        relative_lift_ci: lci,
        test: "Welch t-test".into(),
        statistic: stat,
        df: Some(df),
        p_value,
        significant,
        bootstrap_ci: Some(bci),
        explain: Text::new("mkt.ab.compare_mean")
            .str("variant", t.name.clone())
            .num("mt", t.mean, 4)
            .num("mc", c.mean, 4)
            .str("control", c.name.clone())
            .str("diff", signed(diff, 4))
            .num("level", level, 0)
            .str("lo", signed(dci.0, 4))
            .str("hi", signed(dci.1, 4))
            .str("b_lo", signed(bci.0, 4))
            .str("b_hi", signed(bci.1, 4))
            .int("resamples", params.bootstrap)
            .str("lift", signed(100.0 * lift, 1))
            .num("t", stat, 3)
            .num("df", df, 1)
            .str("p", format!("{p_value:.4}"))
            .text(
                "verdict",
                Text::new(if significant {
                    "mkt.ab.welch_significant"
                } else {
                    "mkt.ab.not_significant"
                }),
            ),
    }
}

/// Evan Miller's closed form for `P(p_B > p_A)` with `p_A ~ Beta(a_a, b_a)`, `p_B ~ Beta(a_b, b_b)`
/// and integer `a_b`: `Σ_{i=0}^{a_b−1} B(a_a+i, b_a+b_b) / ((b_b+i) B(1+i, b_b) B(a_a, b_a))`
/// ("Formulas for Bayesian A/B testing", 2015). Summed in log space.
pub fn prob_b_beats_a(a_a: f64, b_a: f64, a_b: f64, b_b: f64) -> f64 {
    let n = a_b.round().max(1.0) as u64;
    let base = ln_beta(a_a, b_a);
    let mut total = 0.0;
    for i in 0..n {
        let i = i as f64;
        let l = ln_beta(a_a + i, b_a + b_b) - (b_b + i).ln() - ln_beta(1.0 + i, b_b) - base;
        total += l.exp();
    }
    total.clamp(0.0, 1.0)
}

fn bayes(variants: &[VariantSummary], params: &AbParams, rng: &mut Rng) -> BayesSummary {
    let post: Vec<(f64, f64)> = variants
        .iter()
        .map(|v| {
            let x = v.conversions.unwrap_or(0) as f64;
            (
                params.prior_alpha + x,
                params.prior_beta + v.units as f64 - x,
            )
        })
        .collect();
    let dists: Vec<Option<Beta>> = post.iter().map(|&(a, b)| Beta::new(a, b).ok()).collect();
    // Integration range: union of mean ± 12 sd.
    let (mut lo, mut hi) = (1.0f64, 0.0f64);
    for &(a, b) in &post {
        let m = a / (a + b);
        let sd = (a * b / ((a + b).powi(2) * (a + b + 1.0))).sqrt();
        lo = lo.min(m - 12.0 * sd);
        hi = hi.max(m + 12.0 * sd);
    }
    let (lo, hi) = (lo.max(0.0), hi.min(1.0));
    let pdf = |d: &Option<Beta>, x: f64| d.as_ref().map_or(0.0, |d| d.pdf(x)).max(0.0);
    let cdf = |d: &Option<Beta>, x: f64| d.as_ref().map_or(0.0, |d| d.cdf(x));
    let n_int = 4000;
    let k = variants.len();
    let mut prob_best: Vec<f64> = (0..k)
        .map(|i| {
            simpson(
                |x| {
                    if x <= 0.0 || x >= 1.0 {
                        return 0.0;
                    }
                    let mut v = pdf(&dists[i], x);
                    for (j, d) in dists.iter().enumerate() {
                        if j != i {
                            v *= cdf(d, x);
                        }
                    }
                    v
                },
                lo,
                hi,
                n_int,
            )
        })
        .collect();
    let s: f64 = prob_best.iter().sum();
    if s > 0.0 {
        prob_best
            .iter_mut()
            .for_each(|p| *p = (*p / s).clamp(0.0, 1.0));
    }
    let (loss, method) = if k == 2 {
        // E[(p_j − p_i)+] = ∫ f_i(x) G_j(x) dx, G_j(x) = m_j(1 − I_x(a_j+1, b_j)) − x(1 − I_x(a_j, b_j)).
        let partial = |j: usize, x: f64| {
            let (a, b) = post[j];
            let m = a / (a + b);
            let up = Beta::new(a + 1.0, b).map_or(0.0, |d| d.cdf(x));
            m * (1.0 - up) - x * (1.0 - cdf(&dists[j], x))
        };
        let l: Vec<f64> = (0..2)
            .map(|i| {
                simpson(
                    |x| {
                        if x <= 0.0 || x >= 1.0 {
                            0.0
                        } else {
                            pdf(&dists[i], x) * partial(1 - i, x).max(0.0)
                        }
                    },
                    lo,
                    hi,
                    n_int,
                )
            })
            .collect();
        (l, Text::new("mkt.ab.bayes_method_exact"))
    } else {
        let mut loss = vec![0.0; k];
        let mut draws = vec![0.0; k];
        for _ in 0..params.mc_draws {
            for (d, &(a, b)) in draws.iter_mut().zip(&post) {
                *d = rng.beta(a, b);
            }
            let best = draws.iter().copied().fold(f64::MIN, f64::max);
            for (l, d) in loss.iter_mut().zip(&draws) {
                *l += best - d;
            }
        }
        loss.iter_mut().for_each(|l| *l /= params.mc_draws as f64);
        (
            loss,
            Text::new("mkt.ab.bayes_method_mc")
                .int("draws", params.mc_draws)
                .str("seed", params.seed.to_string()),
        )
    };
    let best = (0..k)
        .max_by(|&a, &b| prob_best[a].total_cmp(&prob_best[b]))
        .unwrap_or(0);
    let explain = Text::new("mkt.ab.bayes")
        .str("a", params.prior_alpha.to_string())
        .str("b", params.prior_beta.to_string())
        .str("name", variants[best].name.clone())
        .pct("p", prob_best[best], 2)
        .num("loss", 100.0 * loss[best], 4);
    BayesSummary {
        prior_alpha: params.prior_alpha,
        prior_beta: params.prior_beta,
        method,
        variants: variants
            .iter()
            .enumerate()
            .map(|(i, v)| BayesVariant {
                name: v.name.clone(),
                posterior_alpha: post[i].0,
                posterior_beta: post[i].1,
                prob_best: prob_best[i],
                expected_loss: loss[i],
            })
            .collect(),
        explain,
    }
}

fn srm_check(variants: &[VariantSummary], params: &AbParams) -> SrmCheck {
    let k = variants.len();
    let w: Vec<f64> = params
        .intended_split
        .clone()
        .unwrap_or_else(|| vec![1.0; k]);
    let ws: f64 = w.iter().sum();
    let intended: Vec<f64> = w.iter().map(|x| x / ws).collect();
    let observed: Vec<u64> = variants.iter().map(|v| v.units).collect();
    let n: f64 = observed.iter().map(|&u| u as f64).sum();
    let chi: f64 = observed
        .iter()
        .zip(&intended)
        .map(|(&o, &s)| (o as f64 - n * s).powi(2) / (n * s))
        .sum();
    let df = (k - 1) as u32;
    let p_value = ChiSquared::new(f64::from(df)).map_or(f64::NAN, |d| 1.0 - d.cdf(chi));
    let mismatch = p_value < params.srm_threshold;
    SrmCheck {
        explain: Text::new("mkt.ab.srm")
            .str("observed", format!("{observed:?}"))
            .str(
                "split",
                intended
                    .iter()
                    .map(|s| format!("{:.1}%", 100.0 * s))
                    .collect::<Vec<_>>()
                    .join(" / "),
            )
            .num("chi", chi, 2)
            .int("df", df)
            .str("p", format!("{p_value:.4}"))
            .text(
                "verdict",
                Text::new(if mismatch {
                    "mkt.ab.srm_mismatch"
                } else {
                    "mkt.ab.srm_ok"
                })
                .str("threshold", params.srm_threshold.to_string()),
            ),
        intended,
        observed,
        chi_square: chi,
        df,
        p_value,
        mismatch,
    }
}

/// Units per variant to detect a change from `p1` to `p2` (two-sided test of two proportions):
/// [`sample_size_proportions_exact`] rounded up.
pub fn sample_size_proportions(p1: f64, p2: f64, alpha: f64, power: f64) -> f64 {
    sample_size_proportions_exact(p1, p2, alpha, power).ceil()
}

/// `n = (z₁₋α/₂ √(2 p̄(1−p̄)) + z_power √(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)²`, `p̄ = (p₁ + p₂)/2`
/// (Fleiss, Levin & Paik, *Statistical Methods for Rates and Proportions*, 3rd ed., §4.2),
/// before rounding up.
pub fn sample_size_proportions_exact(p1: f64, p2: f64, alpha: f64, power: f64) -> f64 {
    let za = norm_quantile(1.0 - alpha / 2.0);
    let zb = norm_quantile(power);
    let pbar = (p1 + p2) / 2.0;
    let num =
        za * (2.0 * pbar * (1.0 - pbar)).sqrt() + zb * (p1 * (1.0 - p1) + p2 * (1.0 - p2)).sqrt();
    num * num / ((p2 - p1) * (p2 - p1))
}

/// Units per variant to detect a difference `delta` of means with per-unit sd `sigma`.
pub fn sample_size_means(sigma: f64, delta: f64, alpha: f64, power: f64) -> f64 {
    let z = norm_quantile(1.0 - alpha / 2.0) + norm_quantile(power);
    (2.0 * z * z * sigma * sigma / (delta * delta)).ceil()
}

fn sample_size_section(
    variants: &[VariantSummary],
    ci: usize,
    kind: MetricKind,
    params: &AbParams,
) -> SampleSize {
    let c = &variants[ci];
    let k = variants.len() as f64;
    let base = c.mean;
    let target = base * (1.0 + params.mde_relative);
    let observed_best = variants
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != ci)
        .map(|(_, v)| v.mean)
        .fold(f64::NAN, |a, b| {
            if a.is_nan() || (b - base).abs() > (a - base).abs() {
                b
            } else {
                a
            }
        });
    let (per, per_obs) = match kind {
        MetricKind::Conversion => {
            let ok = base > 0.0 && target < 1.0;
            (
                if ok {
                    sample_size_proportions(base, target, params.alpha, params.power)
                } else {
                    f64::NAN
                },
                (observed_best != base && observed_best.is_finite()).then(|| {
                    sample_size_proportions(base, observed_best, params.alpha, params.power)
                }),
            )
        }
        MetricKind::Continuous => {
            let sigma = (variants.iter().map(|v| v.sd * v.sd).sum::<f64>() / k).sqrt();
            let delta = base * params.mde_relative;
            (
                if delta != 0.0 {
                    sample_size_means(sigma, delta, params.alpha, params.power)
                } else {
                    f64::NAN
                },
                (observed_best != base && observed_best.is_finite()).then(|| {
                    sample_size_means(sigma, observed_best - base, params.alpha, params.power)
                }),
            )
        }
    };
    let total = per * k;
    let days = params.daily_units.map(|d| (total / d).ceil());
    SampleSize {
        baseline: base,
        mde_relative: params.mde_relative,
        alpha: params.alpha,
        power: params.power,
        per_variant: per,
        total,
        days,
        per_variant_for_observed: per_obs,
        explain: Text::new("mkt.ab.sample_size")
            .str("mde", format!("{:.1}", 100.0 * params.mde_relative))
            .text(
                "baseline",
                match kind {
                    MetricKind::Conversion => Text::new("mkt.ab.baseline_rate").pct("p", base, 2),
                    MetricKind::Continuous => Text::new("mkt.ab.baseline_mean").num("m", base, 4),
                },
            )
            .str("power", format!("{:.0}", 100.0 * params.power))
            .str("alpha", params.alpha.to_string())
            .str("per", format!("{per:.0}"))
            .str("total", format!("{total:.0}"))
            .text(
                "days",
                days.map_or_else(
                    || Text::raw(""),
                    |d| Text::new("mkt.ab.sample_days").str("d", format!("{d:.0}")),
                ),
            )
            .text(
                "observed",
                per_obs.map_or_else(
                    || Text::raw(""),
                    |n| Text::new("mkt.ab.sample_observed").str("n", format!("{n:.0}")),
                ),
            ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_sample_size() {
        // 10% -> 12%, alpha 0.05, power 0.8: 3,841 per group (Fleiss without continuity correction).
        let n = sample_size_proportions(0.10, 0.12, 0.05, 0.8);
        assert_eq!(n, 3841.0);
        // Means: sigma 1, delta 0.5 -> 63 per group (2·(1.96+0.8416)²/0.25 = 62.8).
        assert_eq!(sample_size_means(1.0, 0.5, 0.05, 0.8), 63.0);
    }

    #[test]
    fn miller_sum_matches_integration() {
        let inp = AbInput::from_counts("c", &[("a", 200, 20), ("b", 210, 30)]);
        let r = run(&inp, &AbParams::default()).unwrap();
        let b = r.bayes.unwrap();
        let exact = prob_b_beats_a(21.0, 181.0, 31.0, 181.0);
        assert!(
            (b.variants[1].prob_best - exact).abs() < 1e-6,
            "{} {exact}",
            b.variants[1].prob_best
        );
    }

    #[test]
    fn rejects_bad_input() {
        let inp = AbInput::from_counts("c", &[("a", 10, 20), ("b", 10, 3)]);
        assert!(run(&inp, &AbParams::default()).is_err());
        let inp = AbInput::from_counts("c", &[("a", 10, 2)]);
        assert!(run(&inp, &AbParams::default()).is_err());
        let p = AbParams {
            alpha: 0.0,
            ..AbParams::default()
        };
        assert!(run(
            &AbInput::from_counts("c", &[("a", 10, 2), ("b", 10, 3)]),
            &p
        )
        .is_err());
    }
}
