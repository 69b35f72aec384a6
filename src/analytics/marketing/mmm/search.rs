//! Seeded evolutionary search over the transformation hyperparameters, the role Nevergrad plays
//! in Robyn (Runge et al., Robyn docs, "Hyperparameter optimisation"): an elitist (μ + λ)
//! evolution strategy (Beyer & Schwefel 2002, "Evolution strategies — a comprehensive
//! introduction") on a box, with uniform crossover between two elite parents and Gaussian
//! mutation whose scale shrinks geometrically from 20% to 1% of each gene's range.
//! The first `population` candidates are a Latin-hypercube-like stratified random sample.

use super::super::stats::Rng;

/// One evaluated point; lower `score` is better.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub genes: Vec<f64>,
    pub score: f64,
}

/// Minimise `eval` over the box `bounds` with `trials` evaluations.
/// Returns every evaluated candidate, best first.
pub fn evolve(
    bounds: &[(f64, f64)],
    trials: usize,
    seed: u64,
    mut eval: impl FnMut(&[f64]) -> f64,
) -> Vec<Candidate> {
    let d = bounds.len();
    let mut rng = Rng::new(seed);
    let pop = 24usize.min(trials.max(1));
    let mut elite: Vec<Candidate> = Vec::with_capacity(2 * pop);
    let mut archive: Vec<Candidate> = Vec::with_capacity(trials);
    // Stratified initial sample: each gene's range cut into `pop` strata, shuffled per gene.
    let mut strata: Vec<Vec<usize>> = (0..d)
        .map(|_| {
            let mut v: Vec<usize> = (0..pop).collect();
            for i in (1..pop).rev() {
                let j = rng.below(i + 1);
                v.swap(i, j);
            }
            v
        })
        .collect();
    for i in 0..pop {
        let genes: Vec<f64> = (0..d)
            .map(|j| {
                let (lo, hi) = bounds[j];
                let u = (strata[j][i] as f64 + rng.uniform()) / pop as f64;
                lo + u * (hi - lo)
            })
            .collect();
        let score = finite(eval(&genes));
        archive.push(Candidate {
            genes: genes.clone(),
            score,
        });
        elite.push(Candidate { genes, score });
    }
    strata.clear();
    sort(&mut elite);
    let mut done = pop;
    let gens = ((trials.saturating_sub(pop)) as f64 / pop as f64)
        .ceil()
        .max(1.0);
    let mut gen = 0.0;
    while done < trials {
        let sigma = 0.2 * (0.05f64).powf(gen / gens);
        gen += 1.0;
        let parents = (pop / 3).max(2).min(elite.len());
        let mut children = Vec::with_capacity(pop);
        for _ in 0..pop {
            if done >= trials {
                break;
            }
            let a = &elite[rng.below(parents)];
            let b = &elite[rng.below(parents)];
            let genes: Vec<f64> = (0..d)
                .map(|j| {
                    let (lo, hi) = bounds[j];
                    let base = if rng.uniform() < 0.5 {
                        a.genes[j]
                    } else {
                        b.genes[j]
                    };
                    (base + sigma * (hi - lo) * rng.normal()).clamp(lo, hi)
                })
                .collect();
            let score = finite(eval(&genes));
            archive.push(Candidate {
                genes: genes.clone(),
                score,
            });
            children.push(Candidate { genes, score });
            done += 1;
        }
        elite.extend(children);
        sort(&mut elite);
        elite.truncate(pop);
    }
    sort(&mut archive);
    archive
}

fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        f64::MAX
    }
}

fn sort(v: &mut [Candidate]) {
    v.sort_by(|a, b| a.score.total_cmp(&b.score));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_minimum_of_a_bowl() {
        let r = evolve(&[(-5.0, 5.0), (0.0, 10.0)], 600, 3, |g| {
            (g[0] - 1.0).powi(2) + (g[1] - 7.0).powi(2)
        });
        assert!(
            (r[0].genes[0] - 1.0).abs() < 0.05 && (r[0].genes[1] - 7.0).abs() < 0.05,
            "{:?}",
            r[0]
        );
        let again = evolve(&[(-5.0, 5.0), (0.0, 10.0)], 600, 3, |g| {
            (g[0] - 1.0).powi(2) + (g[1] - 7.0).powi(2)
        });
        assert_eq!(r[0], again[0]);
    }
}
