//! ABC × XYZ classification.
//!
//! * ABC (Pareto on value): SKUs sorted by revenue (units when no prices), cumulative share
//!   `≤ a_cut` → A, `≤ b_cut` → B, else C (defaults 80 % / 95 %; the SKU crossing a cut
//!   belongs to the class it starts in).
//! * XYZ (demand variability): coefficient of variation `CV = σ/μ` of weekly (or the given
//!   periods') demand; `CV ≤ x_cut` → X, `≤ y_cut` → Y, else Z (defaults 0.5 / 1.0).
//!
//! Reference: Silver, Pyke & Thomas, *Inventory and Production Management in Supply Chains*,
//! 4th ed. (2017), §2.4 (ABC); Scholz-Reiter et al. (2012) for XYZ by CV.

use serde::{Deserialize, Serialize};

/// Value class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Abc {
    A,
    B,
    C,
}

/// Variability class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Xyz {
    X,
    Y,
    Z,
}

impl Abc {
    pub fn key(self) -> &'static str {
        match self {
            Abc::A => "A",
            Abc::B => "B",
            Abc::C => "C",
        }
    }
}

impl Xyz {
    pub fn key(self) -> &'static str {
        match self {
            Xyz::X => "X",
            Xyz::Y => "Y",
            Xyz::Z => "Z",
        }
    }
}

/// ABC class of each value (same order as `values`).
pub fn abc(values: &[f64], a_cut: f64, b_cut: f64) -> Vec<Abc> {
    let total: f64 = values.iter().filter(|v| v.is_finite() && **v > 0.0).sum();
    let mut idx: Vec<usize> = (0..values.len()).collect();
    idx.sort_by(|&i, &j| values[j].total_cmp(&values[i]).then(i.cmp(&j)));
    let mut out = vec![Abc::C; values.len()];
    let mut cum = 0.0;
    for i in idx {
        let v = if values[i].is_finite() {
            values[i].max(0.0)
        } else {
            0.0
        };
        let before = if total > 0.0 { cum / total } else { 1.0 };
        out[i] = if total <= 0.0 || v <= 0.0 {
            Abc::C
        } else if before < a_cut {
            Abc::A
        } else if before < b_cut {
            Abc::B
        } else {
            Abc::C
        };
        cum += v;
    }
    out
}

/// Coefficient of variation (population sd / mean); infinite when the mean is 0.
pub fn cv(y: &[f64]) -> f64 {
    if y.is_empty() {
        return f64::INFINITY;
    }
    let n = y.len() as f64;
    let m = y.iter().sum::<f64>() / n;
    if m <= 0.0 {
        return f64::INFINITY;
    }
    let v = y.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n;
    v.sqrt() / m
}

/// XYZ class from a coefficient of variation.
pub fn xyz(cv: f64, x_cut: f64, y_cut: f64) -> Xyz {
    if cv <= x_cut {
        Xyz::X
    } else if cv <= y_cut {
        Xyz::Y
    } else {
        Xyz::Z
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pareto_classes() {
        // shares 50, 25, 15, 6, 4 %: cumulative share before each = 0, 50, 75, 90, 96 %, so
        // 15 % (starting at 75 % < 80 %) is still A, 6 % is B, 4 % is C
        let c = abc(&[6.0, 50.0, 25.0, 15.0, 4.0], 0.8, 0.95);
        assert_eq!(c, vec![Abc::B, Abc::A, Abc::A, Abc::A, Abc::C]);
        assert_eq!(abc(&[0.0, 0.0], 0.8, 0.95), vec![Abc::C, Abc::C]);
    }

    #[test]
    fn variability_classes() {
        assert!((cv(&[1.0, 3.0]) - 0.5).abs() < 1e-12);
        assert_eq!(xyz(cv(&[1.0, 3.0]), 0.5, 1.0), Xyz::X);
        assert_eq!(xyz(cv(&[0.0, 0.0, 4.0]), 0.5, 1.0), Xyz::Z);
        assert_eq!(xyz(0.8, 0.5, 1.0), Xyz::Y);
    }
}
