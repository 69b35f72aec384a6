//! k-means clustering: k-means++ seeding, Lloyd iterations, several seeded restarts.
//!
//! Objective (inertia) `Σ_i min_j ‖x_i − c_j‖²`. Seeding: greedy k-means++ (Arthur & Vassilvitskii
//! 2007, "k-means++: the advantages of careful seeding"; greedy variant with `2 + ⌊ln k⌋` local
//! trials per centre as in scikit-learn). Lloyd (1982) iterations until the total squared centre
//! shift is below `tol` (scikit-learn's default `1e-4` on standardised data) or `max_iter`;
//! an empty cluster takes the point farthest from its centre. `n_init` restarts from
//! one seeded ChaCha8 stream; the lowest inertia is kept. Each Lloyd step cannot increase the
//! inertia (assignment and mean update both minimise it), which the tests check.
//!
//! Choice of k: mean silhouette (Rousseeuw 1987) `s_i = (b_i − a_i) / max(a_i, b_i)` on a seeded
//! sample of at most 2,000 points (as `sklearn.metrics.silhouette_score(sample_size=…)`), for
//! k = 2..=8; the elbow curve (inertia per k) is returned alongside.

use crate::analytics::random::uniform;
use crate::text::Text;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::CustomersError;

/// Parameters of one k-means fit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KMeansParams {
    pub k: usize,
    pub n_init: usize,
    pub max_iter: usize,
    /// Convergence threshold on the total squared centre shift.
    pub tol: f64,
    pub seed: u64,
}

impl Default for KMeansParams {
    fn default() -> Self {
        KMeansParams {
            k: 4,
            n_init: 10,
            max_iter: 300,
            tol: 1e-4,
            seed: 0,
        }
    }
}

/// A fitted k-means model. Points are rows of a row-major matrix with `dim` columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KMeansFit {
    pub dim: usize,
    /// `k` centres, row-major.
    pub centres: Vec<f64>,
    pub labels: Vec<usize>,
    pub inertia: f64,
    pub iterations: usize,
    /// Inertia after each assignment step of the kept run (non-increasing).
    pub inertia_trace: Vec<f64>,
}

fn d2(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

fn row(x: &[f64], dim: usize, i: usize) -> &[f64] {
    &x[i * dim..(i + 1) * dim]
}

fn validate(x: &[f64], dim: usize, p: &KMeansParams) -> Result<usize, CustomersError> {
    if dim == 0 || !x.len().is_multiple_of(dim) {
        return Err(CustomersError::InvalidParam {
            name: "dim",
            message: Text::new("param.data_dimension"),
        });
    }
    let n = x.len() / dim;
    if p.k == 0 || p.k > n {
        return Err(CustomersError::InvalidParam {
            name: "k",
            message: Text::new("param.k_range").int("k", p.k).int("n", n),
        });
    }
    if p.n_init == 0 || p.max_iter == 0 {
        return Err(CustomersError::InvalidParam {
            name: "n_init",
            message: Text::new("param.n_init_max_iter"),
        });
    }
    if x.iter().any(|v| !v.is_finite()) {
        return Err(CustomersError::InvalidParam {
            name: "data",
            message: Text::new("param.non_finite_input"),
        });
    }
    Ok(n)
}

/// Greedy k-means++ seeding.
fn seed_centres(x: &[f64], dim: usize, n: usize, k: usize, rng: &mut ChaCha8Rng) -> Vec<f64> {
    let trials = 2 + (k as f64).ln().floor() as usize;
    let first = (uniform(rng) * n as f64) as usize % n;
    let mut centres = row(x, dim, first).to_vec();
    let mut closest: Vec<f64> = (0..n)
        .map(|i| d2(row(x, dim, i), row(x, dim, first)))
        .collect();
    let mut pot: f64 = closest.iter().sum();
    for _ in 1..k {
        let mut best: Option<(usize, f64, Vec<f64>)> = None;
        for _ in 0..trials {
            // Sample proportional to the current squared distance.
            let target = uniform(rng) * pot;
            let mut acc = 0.0;
            let mut cand = n - 1;
            for (i, &c) in closest.iter().enumerate() {
                acc += c;
                if acc > target {
                    cand = i;
                    break;
                }
            }
            let newd: Vec<f64> = (0..n)
                .map(|i| closest[i].min(d2(row(x, dim, i), row(x, dim, cand))))
                .collect();
            let p: f64 = newd.iter().sum();
            if best.as_ref().is_none_or(|b| p < b.1) {
                best = Some((cand, p, newd));
            }
        }
        if let Some((cand, p, newd)) = best {
            centres.extend_from_slice(row(x, dim, cand));
            closest = newd;
            pot = p;
        }
    }
    centres
}

/// Assign every point to its nearest centre; returns the inertia.
fn assign(x: &[f64], dim: usize, centres: &[f64], labels: &mut [usize]) -> f64 {
    let k = centres.len() / dim;
    let mut inertia = 0.0;
    for (i, l) in labels.iter_mut().enumerate() {
        let p = row(x, dim, i);
        let (mut bj, mut bd) = (0usize, f64::INFINITY);
        for j in 0..k {
            let d = d2(p, row(centres, dim, j));
            if d < bd {
                bd = d;
                bj = j;
            }
        }
        *l = bj;
        inertia += bd;
    }
    inertia
}

/// One Lloyd run from given centres.
fn lloyd(x: &[f64], dim: usize, mut centres: Vec<f64>, p: &KMeansParams) -> KMeansFit {
    let n = x.len() / dim;
    let k = centres.len() / dim;
    let mut labels = vec![0usize; n];
    let mut trace = Vec::new();
    let mut iterations = 0;
    for _ in 0..p.max_iter {
        iterations += 1;
        let inertia = assign(x, dim, &centres, &mut labels);
        trace.push(inertia);
        let mut sums = vec![0.0; k * dim];
        let mut counts = vec![0usize; k];
        for (i, &l) in labels.iter().enumerate() {
            counts[l] += 1;
            for d in 0..dim {
                sums[l * dim + d] += x[i * dim + d];
            }
        }
        let mut newc = centres.clone();
        for j in 0..k {
            if counts[j] > 0 {
                for d in 0..dim {
                    newc[j * dim + d] = sums[j * dim + d] / counts[j] as f64;
                }
            }
        }
        // Empty clusters: move to the point farthest from its (new) centre.
        for j in 0..k {
            if counts[j] == 0 {
                let far = (0..n)
                    .map(|i| (i, d2(row(x, dim, i), row(&newc, dim, labels[i]))))
                    .fold((0usize, -1.0), |a, b| if b.1 > a.1 { b } else { a })
                    .0;
                let pt = row(x, dim, far).to_vec();
                newc[j * dim..(j + 1) * dim].copy_from_slice(&pt);
                labels[far] = j;
            }
        }
        let shift = d2(&centres, &newc);
        centres = newc;
        if shift <= p.tol {
            break;
        }
    }
    let inertia = assign(x, dim, &centres, &mut labels);
    trace.push(inertia);
    KMeansFit {
        dim,
        centres,
        labels,
        inertia,
        iterations,
        inertia_trace: trace,
    }
}

/// Fit k-means with `n_init` seeded restarts; the lowest inertia wins.
pub fn fit(x: &[f64], dim: usize, p: &KMeansParams) -> Result<KMeansFit, CustomersError> {
    let n = validate(x, dim, p)?;
    let mut rng = ChaCha8Rng::seed_from_u64(p.seed);
    let mut best: Option<KMeansFit> = None;
    for _ in 0..p.n_init {
        let c = seed_centres(x, dim, n, p.k, &mut rng);
        let f = lloyd(x, dim, c, p);
        if best.as_ref().is_none_or(|b| f.inertia < b.inertia) {
            best = Some(f);
        }
    }
    best.ok_or(CustomersError::Numerical {
        what: "k-means",
        message: Text::new("num.no_run"),
    })
}

/// Lloyd iterations from explicit initial centres (for tests of the descent property).
pub fn fit_from(
    x: &[f64],
    dim: usize,
    centres: Vec<f64>,
    p: &KMeansParams,
) -> Result<KMeansFit, CustomersError> {
    validate(x, dim, p)?;
    if centres.len() != p.k * dim {
        return Err(CustomersError::InvalidParam {
            name: "centres",
            message: Text::new("param.centres_shape"),
        });
    }
    Ok(lloyd(x, dim, centres, p))
}

/// Mean silhouette of the points `sample` (indices) under `labels`, distances within the sample.
pub fn silhouette(x: &[f64], dim: usize, labels: &[usize], sample: &[usize]) -> f64 {
    let k = labels.iter().copied().max().map_or(0, |m| m + 1);
    if sample.len() < 2 || k < 2 {
        return 0.0;
    }
    let mut size = vec![0usize; k];
    for &i in sample {
        size[labels[i]] += 1;
    }
    let mut total = 0.0;
    let mut sums = vec![0.0; k];
    for &i in sample {
        sums.iter_mut().for_each(|s| *s = 0.0);
        for &j in sample {
            if i != j {
                sums[labels[j]] += d2(row(x, dim, i), row(x, dim, j)).sqrt();
            }
        }
        let own = labels[i];
        if size[own] <= 1 {
            continue; // s = 0 for singletons
        }
        let a = sums[own] / (size[own] - 1) as f64;
        let b = (0..k)
            .filter(|&c| c != own && size[c] > 0)
            .map(|c| sums[c] / size[c] as f64)
            .fold(f64::INFINITY, f64::min);
        if b.is_finite() && a.max(b) > 0.0 {
            total += (b - a) / a.max(b);
        }
    }
    total / sample.len() as f64
}

/// Seeded sample of at most `m` of `n` indices (partial Fisher–Yates), sorted.
pub fn sample_indices(n: usize, m: usize, seed: u64) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    if m >= n {
        return idx;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5111_0E77);
    for i in 0..m {
        let j = i + (uniform(&mut rng) * (n - i) as f64) as usize % (n - i);
        idx.swap(i, j);
    }
    idx.truncate(m);
    idx.sort_unstable();
    idx
}

/// Population mean and standard deviation of each column; columns z-scored in place.
/// A constant column gets standard deviation 1 (all zeros after centring).
pub fn zscore(x: &mut [f64], dim: usize) -> (Vec<f64>, Vec<f64>) {
    let n = (x.len() / dim.max(1)).max(1) as f64;
    let mut mean = vec![0.0; dim];
    let mut sd = vec![0.0; dim];
    for r in x.chunks(dim) {
        for d in 0..dim {
            mean[d] += r[d] / n;
        }
    }
    for r in x.chunks(dim) {
        for d in 0..dim {
            sd[d] += (r[d] - mean[d]).powi(2) / n;
        }
    }
    for s in &mut sd {
        *s = if *s > 0.0 { s.sqrt() } else { 1.0 };
    }
    for r in x.chunks_mut(dim) {
        for d in 0..dim {
            r[d] = (r[d] - mean[d]) / sd[d];
        }
    }
    (mean, sd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_obvious_groups() {
        let x = [
            0.0, 0.0, 0.1, 0.0, 0.0, 0.1, 10.0, 10.0, 10.1, 10.0, 10.0, 10.1,
        ];
        let f = fit(
            &x,
            2,
            &KMeansParams {
                k: 2,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(f.labels[0], f.labels[1]);
        assert_ne!(f.labels[0], f.labels[3]);
        // Each group: 3 points at distance² 0.02/3*... inertia = 2 * (2/9*0.01*... ) small.
        assert!(f.inertia < 0.05, "{}", f.inertia);
        let s = silhouette(&x, 2, &f.labels, &[0, 1, 2, 3, 4, 5]);
        assert!(s > 0.95, "{s}");
    }

    #[test]
    fn silhouette_hand_example() {
        // 1-D points 0, 1 | 5: a(0)=1, b(0)=5 → 0.8; a(1)=1, b(1)=4 → 0.75; singleton → 0.
        let x = [0.0, 1.0, 5.0];
        let s = silhouette(&x, 1, &[0, 0, 1], &[0, 1, 2]);
        assert!((s - (0.8 + 0.75) / 3.0).abs() < 1e-12, "{s}");
    }

    #[test]
    fn bad_k_is_an_error() {
        assert!(fit(
            &[1.0, 2.0],
            1,
            &KMeansParams {
                k: 3,
                ..Default::default()
            }
        )
        .is_err());
    }
}
