//! A small CART regression tree of ad effect: which combinations of weekly spend and controls
//! go with high or low revenue, as readable rules.
//!
//! CART (Breiman, Friedman, Olshen & Stone 1984, "Classification and Regression Trees", ch. 8):
//! each node is split on the feature and threshold that most reduce the squared error,
//! `Δ = n_t·MSE_t − n_L·MSE_L − n_R·MSE_R`, equivalently that maximise
//! `S_L²/n_L + S_R²/n_R` (S = sum of y); thresholds are midpoints between consecutive distinct
//! values; growth stops at `max_depth`, below `min_samples_split`, when a child would have
//! fewer than `min_samples_leaf` rows, or when the node is pure. A leaf predicts the mean of
//! its rows. Feature importance is the total Δ of the feature's splits, normalised to sum to 1.
//! This is scikit-learn's `DecisionTreeRegressor(criterion="squared_error", splitter="best")`
//! (checked split for split in `tests/marketing_tree.rs`); the `seed` orders the features,
//! which only matters for exact ties, as `random_state` does there. Fit quality out of sample
//! is reported by blocked k-fold cross-validation (contiguous periods).

use super::mmm::MmmInput;
use super::stats::Rng;
use super::table::{Table, TableError};
use crate::text::{params, Lang, Text};
use serde::{Deserialize, Serialize};

/// Errors of the tree.
///
/// The message comes from the sentence catalogue ([`TreeError::text`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum TreeError {
    Table(#[from] TableError),
    Param { name: &'static str, message: Text },
    Input(Text),
}

impl TreeError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            TreeError::Table(e) => e.text(),
            TreeError::Param { name, message } => Text::new("common.err.invalid_param")
                .str("name", *name)
                .text("message", message.clone()),
            TreeError::Input(t) => t.clone(),
        }
    }
}

/// Features (column-major) and target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeInput {
    pub feature_names: Vec<String>,
    /// `x[j][i]`: feature j of row i.
    pub x: Vec<Vec<f64>>,
    pub y: Vec<f64>,
    pub target_name: String,
}

impl TreeInput {
    /// Weekly (or daily) spend per channel and the controls as features, revenue as target.
    pub fn from_mmm(input: &MmmInput) -> TreeInput {
        let mut names = Vec::new();
        let mut x = Vec::new();
        for s in input.channels.iter().chain(&input.controls) {
            names.push(s.name.clone());
            x.push(s.values.clone());
        }
        TreeInput {
            feature_names: names,
            x,
            y: input.revenue.clone(),
            target_name: "revenue".into(),
        }
    }

    /// Numeric columns of a table: `target` and `features` (default: every other numeric
    /// column).
    pub fn from_table(
        t: &Table,
        target: &str,
        features: Option<&[String]>,
    ) -> Result<TreeInput, TreeError> {
        let ti = t.column_index(target)?;
        let fi: Vec<usize> = match features {
            Some(f) => f
                .iter()
                .map(|n| t.column_index(n))
                .collect::<Result<_, _>>()?,
            None => (0..t.headers.len())
                .filter(|&j| j != ti && t.is_numeric(j))
                .collect(),
        };
        Ok(TreeInput {
            feature_names: fi.iter().map(|&j| t.headers[j].clone()).collect(),
            x: fi.iter().map(|&j| t.numeric(j)).collect::<Result<_, _>>()?,
            y: t.numeric(ti)?,
            target_name: t.headers[ti].clone(),
        })
    }

    fn validate(&self) -> Result<(), TreeError> {
        let n = self.y.len();
        if n < 4 {
            return Err(TreeError::Input(Text::new("mkt.err.tree_rows").int("n", n)));
        }
        if self.x.is_empty() || self.x.len() != self.feature_names.len() {
            return Err(TreeError::Input(Text::new("mkt.err.tree_no_features")));
        }
        if self.x.iter().any(|c| c.len() != n) {
            return Err(TreeError::Input(Text::new(
                "mkt.err.different_lengths_features",
            )));
        }
        if self
            .y
            .iter()
            .chain(self.x.iter().flatten())
            .any(|v| !v.is_finite())
        {
            return Err(TreeError::Input(Text::new("mkt.err.tree_non_finite")));
        }
        Ok(())
    }
}

/// Parameters (defaults in [`TreeParams::default`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeParams {
    pub max_depth: usize,
    pub min_samples_split: usize,
    pub min_samples_leaf: usize,
    /// Orders the features (ties only).
    pub seed: u64,
    /// Contiguous folds for the cross-validated R² (0 or 1 = none).
    pub cv_folds: usize,
}

impl Default for TreeParams {
    fn default() -> Self {
        TreeParams {
            max_depth: 3,
            min_samples_split: 10,
            min_samples_leaf: 5,
            seed: 42,
            cv_folds: 5,
        }
    }
}

impl TreeParams {
    pub fn validate(&self) -> Result<(), TreeError> {
        let err = |name, m: Text| Err(TreeError::Param { name, message: m });
        if self.max_depth == 0 || self.max_depth > 8 {
            return err("max_depth", Text::new("param.tree_depth_1_8"));
        }
        if self.min_samples_split < 2 {
            return err("min_samples_split", params::at_least(2));
        }
        if self.min_samples_leaf == 0 {
            return err("min_samples_leaf", params::at_least(1));
        }
        if self.cv_folds > 20 {
            return err("cv_folds", params::at_most("20"));
        }
        Ok(())
    }
}

/// A split: rows with `feature ≤ threshold` go left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    pub feature: String,
    pub feature_index: usize,
    pub threshold: f64,
    pub left: usize,
    pub right: usize,
    /// Squared-error reduction n_t·MSE_t − n_L·MSE_L − n_R·MSE_R.
    pub reduction: f64,
}

/// A node, numbered in pre-order (as scikit-learn's `tree_` arrays).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeNode {
    pub id: usize,
    pub depth: usize,
    pub samples: usize,
    /// Mean target of the node's rows (a leaf's prediction).
    pub value: f64,
    /// Mean squared error of the node's rows around `value`.
    pub mse: f64,
    pub split: Option<Split>,
    /// Conditions leading here, in words.
    pub rule: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Importance {
    pub feature: String,
    pub importance: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeReport {
    pub target: String,
    pub rows: usize,
    pub nodes: Vec<TreeNode>,
    /// Leaves, highest prediction first, each with its rule in words.
    pub leaves: Vec<TreeNode>,
    pub importances: Vec<Importance>,
    pub r2_train: f64,
    /// Blocked cross-validation R² (None when not run).
    pub r2_cv: Option<f64>,
    /// Indented text rendering of the tree.
    pub text: String,
    pub summary: Text,
    pub how_computed: Text,
    pub notes: Vec<Text>,
}

impl TreeReport {
    /// [`TreeReport::text`] in `lang` (feature names of the responder tree translated).
    pub fn text_in(&self, lang: Lang) -> String {
        let mut out = String::new();
        render(&self.nodes, 0, &mut out, &self.target, lang);
        out
    }
}

/// A feature or target name in a sentence: the responder tree's fixed features in words, a
/// file's column names as they are.
pub fn name_text(name: &str) -> Text {
    super::responders::feature_text(name).unwrap_or_else(|| Text::raw(name))
}

struct Builder<'a> {
    x: &'a [Vec<f64>],
    y: &'a [f64],
    order: Vec<usize>,
    p: &'a TreeParams,
    nodes: Vec<TreeNode>,
    names: &'a [String],
}

/// The conditions on one feature along a path from the root: `above < x ≤ at_most`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bound {
    feature: usize,
    above: Option<f64>,
    at_most: Option<f64>,
}

fn fmt_num(v: f64) -> String {
    if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.4}")
    }
}

impl Builder<'_> {
    /// The path's conditions in words, one per feature in the order the tree first splits on
    /// it ("3.5 < orders ≤ 5.5 and days since last order > 7.5").
    fn rule(&self, path: &[Bound]) -> Text {
        let mut conditions = path.iter().map(|b| {
            let name = name_text(&self.names[b.feature]);
            match (b.above, b.at_most) {
                (Some(lo), Some(hi)) => Text::new("mkt.tree.between")
                    .str("lo", fmt_num(lo))
                    .text("name", name)
                    .str("hi", fmt_num(hi)),
                (Some(lo), None) => Text::new("mkt.tree.above")
                    .text("name", name)
                    .str("lo", fmt_num(lo)),
                (None, Some(hi)) => Text::new("mkt.tree.at_most")
                    .text("name", name)
                    .str("hi", fmt_num(hi)),
                (None, None) => Text::raw(""),
            }
        });
        let Some(first) = conditions.next() else {
            return Text::raw("");
        };
        conditions.fold(first, |a, b| {
            Text::new("mkt.tree.and").text("a", a).text("b", b)
        })
    }

    fn stats(&self, rows: &[usize]) -> (f64, f64) {
        let n = rows.len().max(1) as f64;
        let m = rows.iter().map(|&i| self.y[i]).sum::<f64>() / n;
        let mse = rows.iter().map(|&i| (self.y[i] - m).powi(2)).sum::<f64>() / n;
        (m, mse)
    }

    /// Best split of `rows`: (feature, threshold, proxy) or None.
    fn best(&self, rows: &[usize]) -> Option<(usize, f64)> {
        let n = rows.len();
        let total: f64 = rows.iter().map(|&i| self.y[i]).sum();
        let leaf = self.p.min_samples_leaf;
        let mut best: Option<(usize, f64, f64)> = None;
        let mut idx: Vec<usize> = rows.to_vec();
        for &f in &self.order {
            let col = &self.x[f];
            idx.sort_by(|&a, &b| col[a].total_cmp(&col[b]));
            let mut sl = 0.0;
            for k in 1..n {
                sl += self.y[idx[k - 1]];
                let (a, b) = (col[idx[k - 1]], col[idx[k]]);
                if b <= a + 1e-7 {
                    continue;
                }
                if k < leaf || n - k < leaf {
                    continue;
                }
                let sr = total - sl;
                let proxy = sl * sl / k as f64 + sr * sr / (n - k) as f64;
                if best.is_none_or(|(_, _, bp)| proxy > bp) {
                    let mut thr = a / 2.0 + b / 2.0;
                    if thr == b || !thr.is_finite() {
                        thr = a;
                    }
                    best = Some((f, thr, proxy));
                }
            }
        }
        best.map(|(f, t, _)| (f, t))
    }

    fn grow(&mut self, rows: Vec<usize>, depth: usize, path: Vec<Bound>) -> usize {
        let rule = self.rule(&path);
        let (value, mse) = self.stats(&rows);
        let id = self.nodes.len();
        self.nodes.push(TreeNode {
            id,
            depth,
            samples: rows.len(),
            value,
            mse,
            split: None,
            rule: rule.clone(),
        });
        let n = rows.len();
        let can = depth < self.p.max_depth
            && n >= self.p.min_samples_split
            && n >= 2 * self.p.min_samples_leaf
            && mse > f64::EPSILON;
        if !can {
            return id;
        }
        let Some((f, thr)) = self.best(&rows) else {
            return id;
        };
        let (l, r): (Vec<usize>, Vec<usize>) = rows.iter().partition(|&&i| self.x[f][i] <= thr);
        if l.is_empty() || r.is_empty() {
            return id;
        }
        let (_, ml) = self.stats(&l);
        let (_, mr) = self.stats(&r);
        let reduction = n as f64 * mse - l.len() as f64 * ml - r.len() as f64 * mr;
        let name = self.names[f].clone();
        let narrow = |upper: bool| {
            let mut p = path.clone();
            let b = match p.iter().position(|b| b.feature == f) {
                Some(k) => &mut p[k],
                None => {
                    p.push(Bound {
                        feature: f,
                        above: None,
                        at_most: None,
                    });
                    let last = p.len() - 1;
                    &mut p[last]
                }
            };
            if upper {
                b.at_most = Some(b.at_most.map_or(thr, |h| h.min(thr)));
            } else {
                b.above = Some(b.above.map_or(thr, |lo| lo.max(thr)));
            }
            p
        };
        let (lp, rp) = (narrow(true), narrow(false));
        let left = self.grow(l, depth + 1, lp);
        let right = self.grow(r, depth + 1, rp);
        if let Some(node) = self.nodes.get_mut(id) {
            node.split = Some(Split {
                feature: name,
                feature_index: f,
                threshold: thr,
                left,
                right,
                reduction,
            });
        }
        id
    }
}

fn build(
    x: &[Vec<f64>],
    y: &[f64],
    names: &[String],
    rows: Vec<usize>,
    p: &TreeParams,
) -> Vec<TreeNode> {
    let d = x.len();
    let mut order: Vec<usize> = (0..d).collect();
    let mut rng = Rng::new(p.seed);
    for i in (1..d).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    let mut b = Builder {
        x,
        y,
        order,
        p,
        nodes: Vec::new(),
        names,
    };
    b.grow(rows, 0, Vec::new());
    b.nodes
}

/// Prediction of a fitted tree for row i of `x`.
pub fn predict(nodes: &[TreeNode], x: &[Vec<f64>], i: usize) -> f64 {
    let mut k = 0;
    for _ in 0..=nodes.len() {
        let Some(node) = nodes.get(k) else {
            return f64::NAN;
        };
        match &node.split {
            Some(s) => {
                let v = x
                    .get(s.feature_index)
                    .and_then(|c| c.get(i))
                    .copied()
                    .unwrap_or(0.0);
                k = if v <= s.threshold { s.left } else { s.right };
            }
            None => return node.value,
        }
    }
    f64::NAN
}

fn render(nodes: &[TreeNode], k: usize, out: &mut String, target: &str, lang: Lang) {
    let Some(node) = nodes.get(k) else { return };
    let pad = "|   ".repeat(node.depth);
    match &node.split {
        Some(s) => {
            let feature = name_text(&s.feature).render(lang);
            out.push_str(&format!(
                "{pad}|--- {feature} <= {}\n",
                fmt_num(s.threshold)
            ));
            render(nodes, s.left, out, target, lang);
            out.push_str(&format!(
                "{pad}|--- {feature} >  {}\n",
                fmt_num(s.threshold)
            ));
            render(nodes, s.right, out, target, lang);
        }
        None => {
            let leaf = Text::new("mkt.tree.leaf")
                .text("target", name_text(target))
                .str("v", fmt_num(node.value))
                .int("n", node.samples);
            out.push_str(&format!("{pad}|--- {}\n", leaf.render(lang)));
        }
    }
}

/// Fit the tree, report its rules, importances and fit.
pub fn run(input: &TreeInput, params: &TreeParams) -> Result<TreeReport, TreeError> {
    params.validate()?;
    input.validate()?;
    let n = input.y.len();
    let nodes = build(
        &input.x,
        &input.y,
        &input.feature_names,
        (0..n).collect(),
        params,
    );
    let mut imp = vec![0.0; input.x.len()];
    for node in &nodes {
        if let Some(s) = &node.split {
            imp[s.feature_index] += s.reduction;
        }
    }
    let tot: f64 = imp.iter().sum();
    let mut importances: Vec<Importance> = input
        .feature_names
        .iter()
        .zip(&imp)
        .map(|(f, v)| Importance {
            feature: f.clone(),
            importance: if tot > 0.0 { v / tot } else { 0.0 },
        })
        .collect();
    importances.sort_by(|a, b| b.importance.total_cmp(&a.importance));
    let ym = input.y.iter().sum::<f64>() / n as f64;
    let sst: f64 = input.y.iter().map(|v| (v - ym).powi(2)).sum();
    let sse: f64 = (0..n)
        .map(|i| (input.y[i] - predict(&nodes, &input.x, i)).powi(2))
        .sum();
    let r2_train = if sst > 0.0 { 1.0 - sse / sst } else { f64::NAN };
    let k = params.cv_folds.min(n / 4);
    let r2_cv = (k >= 2).then(|| {
        let mut sse = 0.0;
        for f in 0..k {
            let (a, b) = (f * n / k, (f + 1) * n / k);
            let train: Vec<usize> = (0..n).filter(|&i| i < a || i >= b).collect();
            let t = build(&input.x, &input.y, &input.feature_names, train, params);
            sse += (a..b)
                .map(|i| (input.y[i] - predict(&t, &input.x, i)).powi(2))
                .sum::<f64>();
        }
        if sst > 0.0 {
            1.0 - sse / sst
        } else {
            f64::NAN
        }
    });
    let mut leaves: Vec<TreeNode> = nodes
        .iter()
        .filter(|x| x.split.is_none())
        .cloned()
        .collect();
    leaves.sort_by(|a, b| b.value.total_cmp(&a.value));
    let mut text = String::new();
    render(&nodes, 0, &mut text, &input.target_name, Lang::En);
    let t = name_text(&input.target_name);
    let summary = match (leaves.first(), leaves.last()) {
        (Some(hi), Some(lo)) if leaves.len() > 1 => Text::new("mkt.tree.summary")
            .text("target", t.clone())
            .str("hi_v", fmt_num(hi.value))
            .int("hi_n", hi.samples)
            .text("hi_rule", hi.rule.clone())
            .str("lo_v", fmt_num(lo.value))
            .int("lo_n", lo.samples)
            .text("lo_rule", lo.rule.clone())
            .text(
                "top",
                importances
                    .first()
                    .map_or_else(|| Text::raw("-"), |i| name_text(&i.feature)),
            )
            .text(
                "cv",
                match r2_cv {
                    Some(r) if r < 0.1 => Text::new("mkt.tree.cv_low").num("r", r, 2),
                    Some(r) => Text::new("mkt.tree.cv").num("r", r, 2),
                    None => Text::raw(""),
                },
            ),
        _ => Text::new("mkt.tree.no_split").text("target", t.clone()),
    };
    Ok(TreeReport {
        target: input.target_name.clone(),
        rows: n,
        leaves,
        importances,
        r2_train,
        r2_cv,
        text,
        summary,
        how_computed: Text::new("mkt.tree.how")
            .int("n", n)
            .text("target", t)
            .int("depth", params.max_depth)
            .int("leaf", params.min_samples_leaf)
            .int("k", k),
        notes: vec![Text::new("mkt.tree.not_causal")],
        nodes,
    })
}
