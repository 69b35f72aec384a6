//! Recommendation models for implicit feedback. Every model turns a user's training items into
//! a score per item; the caller removes already-bought items and keeps the top N.
//!
//! - Popularity: distinct buyers per item.
//! - Item-kNN cosine (Sarwar et al. 2001; Deshpande & Karypis 2004):
//!   `s(i,j) = |U_i ∩ U_j| / sqrt(|U_i|·|U_j|)`, score `Σ_{i∈I_u} s(i,j)`.
//! - EASE (Steck 2019, "Embarrassingly shallow autoencoders"): `P = (XᵀWX + λI)⁻¹`,
//!   `B = I − P·diagMat(1/diag(P))` (zero diagonal), score `x_u B`. `W` optionally weights each
//!   (user, item) pair by recency `exp(−age / τ)` (as `sqrt(w)` on both sides of the Gram).
//! - Implicit ALS (Hu, Koren & Volinsky 2008): confidence `c = 1 + α·r` (the `implicit` library
//!   uses `c = alpha·r` instead: its default alpha 1 is our α 0), minimise
//!   `Σ c_ui (p_ui − x_uᵀy_i)² + λ(Σ|x_u|² + Σ|y_i|²)`, each half-step solved per user/item
//!   with 3 conjugate-gradient steps (Takács, Pilászy & Tikk 2011; as in the `implicit` library).
//! - TF-IDF content (Salton & Buckley 1988; scikit-learn's smooth idf
//!   `ln((1+N)/(1+df)) + 1`, L2-normalised): cosine between product names, for cold-start items.

use super::interactions::UserItems;
use super::RecommendError;

/// Item-item cosine similarities, sparse rows (neighbour index increasing).
#[derive(Debug, Clone, Default)]
pub struct Knn {
    pub offsets: Vec<usize>,
    pub neighbours: Vec<u32>,
    pub sims: Vec<f64>,
}

impl Knn {
    /// Cosine over binary columns of `m`; keep the `k` most similar neighbours per item
    /// (`None` = all with a common buyer).
    pub fn fit(m: &UserItems, k: Option<usize>) -> Knn {
        let n = m.n_items;
        // Inverted index item -> users.
        let mut users_of: Vec<Vec<u32>> = vec![Vec::new(); n];
        for u in 0..m.n_users {
            for &i in m.row(u) {
                if let Some(v) = users_of.get_mut(i as usize) {
                    v.push(u as u32);
                }
            }
        }
        let count: Vec<f64> = users_of.iter().map(|v| v.len() as f64).collect();
        let mut acc = vec![0u32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut out = Knn {
            offsets: vec![0],
            ..Knn::default()
        };
        let mut row: Vec<(u32, f64)> = Vec::new();
        for i in 0..n {
            touched.clear();
            for &u in &users_of[i] {
                for &j in m.row(u as usize) {
                    if j as usize != i {
                        if acc[j as usize] == 0 {
                            touched.push(j);
                        }
                        acc[j as usize] += 1;
                    }
                }
            }
            row.clear();
            for &j in &touched {
                let c = acc[j as usize] as f64;
                acc[j as usize] = 0;
                row.push((j, c / (count[i] * count[j as usize]).sqrt()));
            }
            if let Some(k) = k {
                if row.len() > k {
                    row.select_nth_unstable_by(k, |a, b| b.1.total_cmp(&a.1));
                    row.truncate(k);
                }
            }
            row.sort_unstable_by_key(|x| x.0);
            out.neighbours.extend(row.iter().map(|x| x.0));
            out.sims.extend(row.iter().map(|x| x.1));
            out.offsets.push(out.neighbours.len());
        }
        out
    }

    pub fn row(&self, i: usize) -> (&[u32], &[f64]) {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&s), Some(&e)) => (
                self.neighbours.get(s..e).unwrap_or(&[]),
                self.sims.get(s..e).unwrap_or(&[]),
            ),
            _ => (&[], &[]),
        }
    }

    /// s(i, j), 0 when they share no buyer.
    pub fn sim(&self, i: usize, j: u32) -> f64 {
        let (nb, s) = self.row(i);
        nb.binary_search(&j)
            .ok()
            .and_then(|k| s.get(k).copied())
            .unwrap_or(0.0)
    }
}

/// Dense EASE weights over the items bought in training (`m` of them), row-major `m x m`
/// (`b[r*m + c]` = B between compact items `r` and `c`), stored in `f32` (solved in `f64`):
/// scoring streams these rows from memory, so half the bytes is about half the time, and the
/// rounding (relative 6e-8) is far below the gaps that order a top-20 list. Items never bought decouple from the
/// others (their Gram row is `λ e_i`, so their `B` row and column are zero) and are left out:
/// the factorization is cubic in `m`, not in the catalogue size.
#[derive(Debug, Clone, Default)]
pub struct Ease {
    /// Catalogue size.
    pub n: usize,
    /// Compact index -> item.
    pub index: Vec<u32>,
    /// Item -> compact index (`u32::MAX` = not in the model).
    pub pos: Vec<u32>,
    pub b: Vec<f32>,
}

impl Ease {
    /// Closed form with one Cholesky factorization and its inverse (faer, in place, one core).
    /// `weights[k]` (aligned with `m.items`) weights pair k in the Gram matrix; `None` = binary.
    pub fn fit(
        m: &UserItems,
        lambda: f64,
        weights: Option<&[f64]>,
    ) -> Result<Ease, RecommendError> {
        use faer::dyn_stack::{MemBuffer, MemStack};
        use faer::linalg::cholesky::llt::{factor, inverse};
        use faer::{MatMut, Par};
        let n = m.n_items;
        let mut pos = vec![u32::MAX; n];
        let mut index: Vec<u32> = Vec::new();
        for (i, c) in m.item_counts().iter().enumerate() {
            if *c > 0.0 {
                pos[i] = index.len() as u32;
                index.push(i as u32);
            }
        }
        let k = index.len();
        let numerical = |what: &str| RecommendError::Numerical(format!("EASE: {what}"));
        // Gram XᵀWX + λI (upper triangle accumulated, then mirrored; symmetric, so the
        // row-major buffer is also column-major).
        let mut g = vec![0.0f64; k * k];
        let mut sw: Vec<f64> = Vec::new();
        let mut cols: Vec<usize> = Vec::new();
        for u in 0..m.n_users {
            let row = m.row(u);
            let start = m.offsets.get(u).copied().unwrap_or(0);
            sw.clear();
            cols.clear();
            for (t, &i) in row.iter().enumerate() {
                cols.push(pos.get(i as usize).copied().unwrap_or(0) as usize);
                sw.push(
                    weights
                        .and_then(|w| w.get(start + t))
                        .map_or(1.0, |w| w.sqrt()),
                );
            }
            // Items increase within a row, so compact indices do too: j >= i for b >= a.
            for a in 0..cols.len() {
                let (ca, wa) = (cols[a], sw[a]);
                let base = ca * k;
                if let Some(dst) = g.get_mut(base..base + k) {
                    for (&cb, &wb) in cols[a..].iter().zip(&sw[a..]) {
                        if let Some(x) = dst.get_mut(cb) {
                            *x += wa * wb;
                        }
                    }
                }
            }
        }
        for i in 0..k {
            for j in 0..i {
                g[i * k + j] = g[j * k + i];
            }
            g[i * k + i] += lambda;
        }
        let req = factor::cholesky_in_place_scratch::<f64>(k, Par::Seq, Default::default())
            .or(inverse::inverse_scratch::<f64>(k, Par::Seq));
        let mut buf = MemBuffer::try_new(req).map_err(|_| numerical("out of memory"))?;
        let stack = MemStack::new(&mut buf);
        let mut p = faer::Mat::<f64>::zeros(k, k);
        {
            let mut a = MatMut::from_column_major_slice_mut(&mut g, k, k);
            factor::cholesky_in_place(
                a.as_mut(),
                Default::default(),
                Par::Seq,
                stack,
                Default::default(),
            )
            .map_err(|_| numerical("Gram matrix + λI is not positive definite"))?;
            // P = L⁻ᵀL⁻¹, lower triangle written.
            inverse::inverse(p.as_mut(), a.as_ref(), Par::Seq, stack);
        }
        drop(buf);
        // B_rc = −P_rc / P_cc (r ≠ c), zero diagonal; reuse g's storage.
        let diag: Vec<f64> = (0..k).map(|j| p[(j, j)]).collect();
        if diag.iter().any(|d| !(d.is_finite() && *d > 0.0)) {
            return Err(numerical("inverse has a non-positive diagonal"));
        }
        drop(g);
        let mut b = vec![0.0f32; k * k];
        for c in 0..k {
            let col = p.col(c);
            for r in c + 1..k {
                let v = col[r];
                b[c * k + r] = (-v / diag[r]) as f32;
                b[r * k + c] = (-v / diag[c]) as f32;
            }
        }
        Ok(Ease { n, index, pos, b })
    }

    /// Row of `B` for compact index `r`.
    pub fn row(&self, r: usize) -> &[f32] {
        let k = self.index.len();
        self.b.get(r * k..(r + 1) * k).unwrap_or(&[])
    }

    /// `out[j] = Σ_{i ∈ row} B_ij` (zero for items outside the model), summed in `f32` blocks
    /// of 8 rows flushed to an `f64` total (bounded rounding, vectorised adds).
    pub fn score(&self, row: &[u32], out: &mut [f64]) {
        let k = self.index.len();
        let mut total = vec![0.0f64; k];
        let mut acc = vec![0.0f32; k];
        let rows: Vec<usize> = row
            .iter()
            .filter_map(|&i| self.pos.get(i as usize).copied())
            .filter(|&r| r != u32::MAX)
            .map(|r| r as usize)
            .collect();
        for block in rows.chunks(8) {
            acc.iter_mut().for_each(|a| *a = 0.0);
            for &r in block {
                acc.iter_mut().zip(self.row(r)).for_each(|(o, &b)| *o += b);
            }
            total
                .iter_mut()
                .zip(&acc)
                .for_each(|(t, &a)| *t += f64::from(a));
        }
        for (&j, t) in self.index.iter().zip(&total) {
            if let Some(o) = out.get_mut(j as usize) {
                *o = *t;
            }
        }
    }
}

/// Implicit ALS factors (row-major, `f` per row).
#[derive(Debug, Clone, Default)]
pub struct Als {
    pub f: usize,
    pub users: Vec<f64>,
    pub items: Vec<f64>,
}

/// SplitMix64 (Steele, Lea & Flood 2014): seeded, reproducible on every target.
pub fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Dot product with four independent partial sums (lets the compiler vectorise).
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f64 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    let mut s = [0.0f64; 4];
    for (x, y) in ca.zip(cb) {
        s[0] += x[0] * y[0];
        s[1] += x[1] * y[1];
        s[2] += x[2] * y[2];
        s[3] += x[3] * y[3];
    }
    (s[0] + s[1]) + (s[2] + s[3]) + tail
}

/// `out += s·v`.
fn axpy(out: &mut [f64], s: f64, v: &[f64]) {
    out.iter_mut().zip(v).for_each(|(o, x)| *o += s * x);
}

/// One ALS half-step: update `x` (rows of `rows`) given fixed `y`, with CG from the current x.
fn als_half(
    rows: &UserItems,
    x: &mut [f64],
    y: &[f64],
    f: usize,
    reg: f64,
    alpha: f64,
    cg_steps: usize,
) {
    // YᵀY
    let mut yty = vec![0.0; f * f];
    for yi in y.chunks_exact(f) {
        for (row, &ya) in yty.chunks_exact_mut(f).zip(yi) {
            axpy(row, ya, yi);
        }
    }
    let (mut r, mut p, mut ap) = (vec![0.0; f], vec![0.0; f], vec![0.0; f]);
    // A v = YᵀY v + Σ_i (c_i − 1)(y_i·v) y_i + reg v, with c_i = 1 + α.
    let apply = |v: &[f64], out: &mut [f64], items: &[u32]| {
        for ((o, row), &va) in out.iter_mut().zip(yty.chunks_exact(f)).zip(v) {
            *o = dot(row, v) + reg * va;
        }
        for &i in items {
            if let Some(yi) = y.get(i as usize * f..(i as usize + 1) * f) {
                axpy(out, alpha * dot(yi, v), yi);
            }
        }
    };
    for u in 0..rows.n_users {
        let items = rows.row(u);
        let xu = &mut x[u * f..(u + 1) * f];
        if items.is_empty() {
            xu.iter_mut().for_each(|v| *v = 0.0);
            continue;
        }
        // r = b − A x, b = Σ c_i y_i
        apply(xu, &mut ap, items);
        r.iter_mut().zip(&ap).for_each(|(r, a)| *r = -a);
        for &i in items {
            if let Some(yi) = y.get(i as usize * f..(i as usize + 1) * f) {
                axpy(&mut r, 1.0 + alpha, yi);
            }
        }
        p.copy_from_slice(&r);
        let mut rs = dot(&r, &r);
        for _ in 0..cg_steps {
            if rs < 1e-20 {
                break;
            }
            apply(&p, &mut ap, items);
            let step = rs / dot(&p, &ap);
            for a in 0..f {
                xu[a] += step * p[a];
                r[a] -= step * ap[a];
            }
            let rs_new = dot(&r, &r);
            for a in 0..f {
                p[a] = r[a] + rs_new / rs * p[a];
            }
            rs = rs_new;
        }
    }
}

impl Als {
    /// Alternate user and item half-steps `iterations` times from a seeded small random start.
    pub fn fit(
        m: &UserItems,
        factors: usize,
        reg: f64,
        alpha: f64,
        iterations: usize,
        seed: u64,
    ) -> Als {
        let f = factors.max(1);
        let mut s = seed;
        let mut rnd = |k: usize| -> Vec<f64> {
            (0..k)
                .map(|_| (splitmix(&mut s) >> 11) as f64 / (1u64 << 53) as f64 * 0.01)
                .collect()
        };
        let mut users = rnd(m.n_users * f);
        let mut items = rnd(m.n_items * f);
        // Transposed matrix for the item half-step.
        let mut events = Vec::with_capacity(m.nnz());
        for u in 0..m.n_users {
            for &i in m.row(u) {
                events.push(super::interactions::Event {
                    user: i,
                    item: u as u32,
                    timestamp: 0,
                });
            }
        }
        let mt = UserItems::build(&events, m.n_items, m.n_users);
        for _ in 0..iterations {
            als_half(m, &mut users, &items, f, reg, alpha, 3);
            als_half(&mt, &mut items, &users, f, reg, alpha, 3);
        }
        Als { f, users, items }
    }
}

/// TF-IDF vectors of product names (sparse, L2-normalised).
#[derive(Debug, Clone, Default)]
pub struct Tfidf {
    /// Per item: (term id, weight), term ids increasing.
    pub vectors: Vec<Vec<(u32, f64)>>,
}

impl Tfidf {
    /// Terms are upper-cased alphanumeric words of at least 2 characters.
    pub fn fit(names: &[String]) -> Tfidf {
        let mut vocab: std::collections::HashMap<String, u32> = Default::default();
        let mut docs: Vec<Vec<(u32, f64)>> = Vec::with_capacity(names.len());
        for name in names {
            let mut tf: std::collections::BTreeMap<u32, f64> = Default::default();
            for w in name
                .to_uppercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 2)
            {
                let next = vocab.len() as u32;
                let id = *vocab.entry(w.to_owned()).or_insert(next);
                *tf.entry(id).or_insert(0.0) += 1.0;
            }
            docs.push(tf.into_iter().collect());
        }
        let mut df = vec![0.0f64; vocab.len()];
        for d in &docs {
            for &(t, _) in d {
                df[t as usize] += 1.0;
            }
        }
        let n = docs.len() as f64;
        for d in &mut docs {
            for (t, w) in d.iter_mut() {
                *w *= ((1.0 + n) / (1.0 + df[*t as usize])).ln() + 1.0;
            }
            let norm = d.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            if norm > 0.0 {
                d.iter_mut().for_each(|x| x.1 /= norm);
            }
        }
        Tfidf { vectors: docs }
    }

    /// Cosine similarity of items `a` and `b`.
    pub fn sim(&self, a: usize, b: usize) -> f64 {
        let (Some(x), Some(y)) = (self.vectors.get(a), self.vectors.get(b)) else {
            return 0.0;
        };
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }

    /// The `top` items most similar to `item` (similarity > 0), best first.
    pub fn similar(&self, item: usize, top: usize) -> Vec<(usize, f64)> {
        let mut v: Vec<(usize, f64)> = (0..self.vectors.len())
            .filter(|&j| j != item)
            .map(|j| (j, self.sim(item, j)))
            .filter(|x| x.1 > 0.0)
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(top);
        v
    }
}

/// A fitted model.
#[derive(Debug, Clone)]
pub enum Fitted {
    Popularity(Vec<f64>),
    ItemKnn(Knn),
    Ease(Ease),
    Als(Als),
    Content(Tfidf),
}

impl Fitted {
    /// Scores of every item for user `u` with training items `row` (written into `out`).
    pub fn score(&self, u: usize, row: &[u32], out: &mut [f64]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        match self {
            Fitted::Popularity(p) => out.iter_mut().zip(p).for_each(|(o, p)| *o = *p),
            Fitted::ItemKnn(k) => {
                for &i in row {
                    let (nb, s) = k.row(i as usize);
                    for (&j, &v) in nb.iter().zip(s) {
                        if let Some(o) = out.get_mut(j as usize) {
                            *o += v;
                        }
                    }
                }
            }
            Fitted::Ease(e) => e.score(row, out),
            Fitted::Als(a) => {
                let f = a.f;
                if let Some(xu) = a.users.get(u * f..(u + 1) * f) {
                    for (o, yi) in out.iter_mut().zip(a.items.chunks_exact(f)) {
                        *o = dot(xu, yi);
                    }
                }
            }
            Fitted::Content(t) => {
                for (j, o) in out.iter_mut().enumerate() {
                    *o = row.iter().map(|&i| t.sim(i as usize, j)).sum();
                }
            }
        }
    }
}
