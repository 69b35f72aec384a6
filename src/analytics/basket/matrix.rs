//! The rule matrix of the Products page: the strongest one-to-one rules (one item → one item)
//! laid out on a square grid of at most `max_items` items, rows the "if" item, columns the
//! "then" item, each cell a rule's lift.
//!
//! Rules are taken by lift, highest first; a rule enters only when both its items fit in the
//! grid (already there, or room for them), so every item shown has at least one cell.

use super::Rule;

/// A rule matrix ([`lift_matrix`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LiftMatrix {
    /// The items (SKUs), in the order they entered: rows and columns alike.
    pub items: Vec<String>,
    /// `(row, column, index of the rule in the list given)`, by lift descending.
    pub cells: Vec<(usize, usize, usize)>,
}

/// The matrix of the one-to-one rules among `rules` on at most `max_items` items.
pub fn lift_matrix(rules: &[Rule], max_items: usize) -> LiftMatrix {
    let mut singles: Vec<usize> = (0..rules.len())
        .filter(|&k| rules[k].antecedent.len() == 1 && rules[k].consequent.len() == 1)
        .collect();
    singles.sort_by(|&a, &b| rules[b].lift.total_cmp(&rules[a].lift));
    let mut m = LiftMatrix::default();
    // Each item's place in the grid.
    let mut place: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for k in singles {
        let (a, c) = (
            rules[k].antecedent[0].as_str(),
            rules[k].consequent[0].as_str(),
        );
        let new =
            usize::from(!place.contains_key(a)) + usize::from(a != c && !place.contains_key(c));
        if m.items.len() + new > max_items {
            continue;
        }
        for s in [a, c] {
            if !place.contains_key(s) {
                place.insert(s, m.items.len());
                m.items.push(s.to_owned());
            }
        }
        if let (Some(&i), Some(&j)) = (place.get(a), place.get(c)) {
            m.cells.push((i, j, k));
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(a: &[&str], c: &[&str], lift: f64) -> Rule {
        Rule {
            antecedent: a.iter().map(|s| s.to_string()).collect(),
            consequent: c.iter().map(|s| s.to_string()).collect(),
            antecedent_support: 0.1,
            consequent_support: 0.1,
            support: 0.05,
            confidence: 0.5,
            lift,
            leverage: 0.0,
            conviction: 1.0,
        }
    }

    #[test]
    fn only_rules_whose_two_items_fit_enter() {
        let rules = [
            rule(&["E"], &["F"], 3.0),
            rule(&["A"], &["B"], 5.0),
            rule(&["A", "C"], &["B"], 9.0),
            rule(&["C"], &["D"], 4.0),
            rule(&["B"], &["A"], 5.0),
            rule(&["G"], &["A"], 2.0),
            rule(&["D"], &["B"], 1.5),
        ];
        let m = lift_matrix(&rules, 5);
        // A→B, B→A, C→D fill four places; E→F needs two (skipped: no empty row for F);
        // G→A needs one; D→B needs none.
        assert_eq!(m.items, ["A", "B", "C", "D", "G"]);
        assert_eq!(
            m.cells,
            [(0, 1, 1), (1, 0, 4), (2, 3, 3), (4, 0, 5), (3, 1, 6)]
        );
        for i in 0..m.items.len() {
            assert!(m.cells.iter().any(|&(r, c, _)| r == i || c == i), "{i}");
        }
        assert_eq!(lift_matrix(&rules, 0), LiftMatrix::default());
    }
}
