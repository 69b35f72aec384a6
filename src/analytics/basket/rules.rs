//! Association rules from frequent itemsets, with the metrics of
//! `mlxtend.frequent_patterns.association_rules` (Agrawal, Imielinski & Swami 1993; Brin et al.
//! 1997 for conviction; Piatetsky-Shapiro 1991 for leverage). For a rule A -> C over N baskets:
//!
//! - support `s(A∪C)`, with `s(X) = count(X) / N`;
//! - confidence `s(A∪C) / s(A)`;
//! - lift `confidence / s(C)` (symmetric: lift(A->C) = lift(C->A));
//! - leverage `s(A∪C) - s(A)·s(C)`;
//! - conviction `(1 - s(C)) / (1 - confidence)`, `+inf` when confidence = 1.

use super::fpgrowth::RawItemset;
use std::collections::HashMap;

/// A rule over item indices (antecedent and consequent sorted, disjoint).
#[derive(Debug, Clone, PartialEq)]
pub struct RawRule {
    pub antecedent: Vec<u32>,
    pub consequent: Vec<u32>,
    pub antecedent_support: f64,
    pub consequent_support: f64,
    pub support: f64,
    pub confidence: f64,
    pub lift: f64,
    pub leverage: f64,
    pub conviction: f64,
}

/// Rule filters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleFilter {
    pub min_confidence: f64,
    pub min_lift: f64,
    pub single_antecedent: bool,
    pub single_consequent: bool,
}

/// Every rule A -> C with A ∪ C a frequent itemset (A, C non-empty) passing `filter`, in
/// itemset order then antecedent bit order. `Err(limit)` when more than `limit` rules pass.
pub fn rules(
    itemsets: &[RawItemset],
    n_baskets: usize,
    filter: &RuleFilter,
    limit: usize,
) -> Result<Vec<RawRule>, usize> {
    let n = n_baskets.max(1) as f64;
    let support: HashMap<&[u32], f64> = itemsets
        .iter()
        .map(|s| (s.items.as_slice(), s.count as f64 / n))
        .collect();
    let mut out = Vec::new();
    let mut ante = Vec::new();
    let mut cons = Vec::new();
    for set in itemsets.iter().filter(|s| s.items.len() >= 2) {
        let k = set.items.len();
        if k > 24 {
            // 2^k rules per itemset: refuse instead of running for ever.
            return Err(limit);
        }
        let s_ac = set.count as f64 / n;
        for mask in 1u32..((1u32 << k) - 1) {
            let a_len = mask.count_ones() as usize;
            if (filter.single_antecedent && a_len != 1)
                || (filter.single_consequent && k - a_len != 1)
            {
                continue;
            }
            ante.clear();
            cons.clear();
            for (j, &it) in set.items.iter().enumerate() {
                if mask >> j & 1 == 1 {
                    ante.push(it);
                } else {
                    cons.push(it);
                }
            }
            let (Some(&s_a), Some(&s_c)) =
                (support.get(ante.as_slice()), support.get(cons.as_slice()))
            else {
                continue;
            };
            let confidence = s_ac / s_a;
            if confidence < filter.min_confidence {
                continue;
            }
            let lift = confidence / s_c;
            if lift < filter.min_lift {
                continue;
            }
            let conviction = if confidence >= 1.0 {
                f64::INFINITY
            } else {
                (1.0 - s_c) / (1.0 - confidence)
            };
            if out.len() >= limit {
                return Err(limit);
            }
            out.push(RawRule {
                antecedent: ante.clone(),
                consequent: cons.clone(),
                antecedent_support: s_a,
                consequent_support: s_c,
                support: s_ac,
                confidence,
                lift,
                leverage: s_ac - s_a * s_c,
                conviction,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_metrics() {
        // 10 baskets: A in 5, B in 4, A∪B in 3.
        let sets = vec![
            RawItemset {
                items: vec![0],
                count: 5,
            },
            RawItemset {
                items: vec![1],
                count: 4,
            },
            RawItemset {
                items: vec![0, 1],
                count: 3,
            },
        ];
        let f = RuleFilter {
            min_confidence: 0.0,
            min_lift: 0.0,
            single_antecedent: false,
            single_consequent: false,
        };
        let r = rules(&sets, 10, &f, 100).unwrap();
        assert_eq!(r.len(), 2);
        let ab = &r[0];
        assert_eq!(
            (ab.antecedent.clone(), ab.consequent.clone()),
            (vec![0], vec![1])
        );
        assert!((ab.confidence - 0.6).abs() < 1e-12);
        assert!((ab.lift - 1.5).abs() < 1e-12);
        assert!((ab.leverage - (0.3 - 0.5 * 0.4)).abs() < 1e-12);
        assert!((ab.conviction - 0.6 / 0.4).abs() < 1e-12);
        assert!((r[1].confidence - 0.75).abs() < 1e-12);
        assert!((r[1].lift - ab.lift).abs() < 1e-12);
        let full = vec![
            RawItemset {
                items: vec![0],
                count: 3,
            },
            RawItemset {
                items: vec![1],
                count: 4,
            },
            RawItemset {
                items: vec![0, 1],
                count: 3,
            },
        ];
        let r = rules(&full, 10, &f, 100).unwrap();
        assert!(r[0].conviction.is_infinite());
        assert_eq!(rules(&full, 10, &f, 1), Err(1));
    }
}
