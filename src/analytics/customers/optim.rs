//! Derivative-free minimisation: the Nelder–Mead simplex method.
//!
//! Nelder, J. A. & Mead, R. (1965), "A simplex method for function minimization", *The Computer
//! Journal* 7(4), with the standard coefficients (reflection 1, expansion 2, contraction ½,
//! shrink ½) as in Gao & Han (2012) for low dimensions and SciPy's `fmin`. Robust to the flat
//! ridges of the BG/NBD likelihood near its boundary, where gradient methods stall or diverge.
//! Non-finite objective values are treated as `+inf` (the simplex then moves away from them).

/// Stopping rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NelderMeadOptions {
    /// Maximum number of objective evaluations.
    pub max_evals: usize,
    /// Stop when the spread of function values in the simplex is below this.
    pub f_tol: f64,
    /// ... and the simplex diameter (max-norm) is below this.
    pub x_tol: f64,
    /// Initial step along each axis.
    pub step: f64,
}

impl Default for NelderMeadOptions {
    fn default() -> Self {
        NelderMeadOptions {
            max_evals: 20_000,
            f_tol: 1e-11,
            x_tol: 1e-8,
            step: 0.5,
        }
    }
}

/// Result of one minimisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    pub x: Vec<f64>,
    pub f: f64,
    pub evals: usize,
    /// Both tolerances were met before `max_evals`.
    pub converged: bool,
}

fn eval<F: FnMut(&[f64]) -> f64>(f: &mut F, x: &[f64], evals: &mut usize) -> f64 {
    *evals += 1;
    let v = f(x);
    if v.is_finite() {
        v
    } else {
        f64::INFINITY
    }
}

/// Minimise `f` from `x0`. Restarts the simplex once around the best point after convergence
/// (a cheap guard against premature collapse, as recommended by Nelder & Mead).
pub fn nelder_mead<F: FnMut(&[f64]) -> f64>(
    mut f: F,
    x0: &[f64],
    opts: &NelderMeadOptions,
) -> Minimum {
    let mut evals = 0usize;
    let mut x = x0.to_vec();
    let mut best_f = f64::INFINITY;
    let mut converged = false;
    for _round in 0..3 {
        let m = run_simplex(&mut f, &x, opts, &mut evals);
        let improved = m.f < best_f - opts.f_tol.max(1e-14);
        if m.f <= best_f {
            best_f = m.f;
            x = m.x;
        }
        converged = m.converged;
        if !improved || evals >= opts.max_evals {
            break;
        }
    }
    Minimum {
        x,
        f: best_f,
        evals,
        converged,
    }
}

fn run_simplex<F: FnMut(&[f64]) -> f64>(
    f: &mut F,
    x0: &[f64],
    opts: &NelderMeadOptions,
    evals: &mut usize,
) -> Minimum {
    let n = x0.len();
    let mut pts: Vec<Vec<f64>> = Vec::with_capacity(n + 1);
    pts.push(x0.to_vec());
    for i in 0..n {
        let mut p = x0.to_vec();
        p[i] += opts.step;
        pts.push(p);
    }
    let mut fv: Vec<f64> = pts.iter().map(|p| eval(f, p, evals)).collect();
    let mut converged = false;
    while *evals < opts.max_evals {
        // Order the simplex.
        let mut idx: Vec<usize> = (0..=n).collect();
        idx.sort_by(|&i, &j| fv[i].total_cmp(&fv[j]));
        pts = idx.iter().map(|&i| pts[i].clone()).collect();
        fv = idx.iter().map(|&i| fv[i]).collect();
        let spread = fv[n] - fv[0];
        let diam = pts[1..]
            .iter()
            .flat_map(|p| p.iter().zip(&pts[0]).map(|(a, b)| (a - b).abs()))
            .fold(0.0f64, f64::max);
        if (spread.is_finite() && spread <= opts.f_tol) && diam <= opts.x_tol {
            converged = true;
            break;
        }
        if spread.is_finite() && spread <= opts.f_tol * 1e-3 && diam <= opts.x_tol * 1e3 {
            converged = true;
            break;
        }
        let centroid: Vec<f64> = (0..n)
            .map(|d| pts[..n].iter().map(|p| p[d]).sum::<f64>() / n as f64)
            .collect();
        let along = |t: f64| -> Vec<f64> {
            centroid
                .iter()
                .zip(&pts[n])
                .map(|(c, w)| c + t * (c - w))
                .collect()
        };
        let xr = along(1.0);
        let fr = eval(f, &xr, evals);
        if fr < fv[0] {
            let xe = along(2.0);
            let fe = eval(f, &xe, evals);
            if fe < fr {
                pts[n] = xe;
                fv[n] = fe;
            } else {
                pts[n] = xr;
                fv[n] = fr;
            }
            continue;
        }
        if fr < fv[n - 1] {
            pts[n] = xr;
            fv[n] = fr;
            continue;
        }
        // Contraction (outside if the reflection helped a little, else inside).
        let (xc, fc) = if fr < fv[n] {
            let xc = along(0.5);
            let fc = eval(f, &xc, evals);
            (xc, fc)
        } else {
            let xc = along(-0.5);
            let fc = eval(f, &xc, evals);
            (xc, fc)
        };
        if fc < fv[n].min(fr) {
            pts[n] = xc;
            fv[n] = fc;
            continue;
        }
        // Shrink towards the best point.
        for i in 1..=n {
            let p: Vec<f64> = pts[i]
                .iter()
                .zip(&pts[0])
                .map(|(a, b)| b + 0.5 * (a - b))
                .collect();
            fv[i] = eval(f, &p, evals);
            pts[i] = p;
        }
    }
    let (bi, _) = fv
        .iter()
        .enumerate()
        .fold((0usize, f64::INFINITY), |acc, (i, &v)| {
            if v < acc.1 {
                (i, v)
            } else {
                acc
            }
        });
    Minimum {
        x: pts[bi].clone(),
        f: fv[bi],
        evals: *evals,
        converged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rosenbrock_minimum() {
        let m = nelder_mead(
            |x| 100.0 * (x[1] - x[0] * x[0]).powi(2) + (1.0 - x[0]).powi(2),
            &[-1.2, 1.0],
            &NelderMeadOptions::default(),
        );
        assert!(
            (m.x[0] - 1.0).abs() < 1e-4 && (m.x[1] - 1.0).abs() < 1e-4,
            "{m:?}"
        );
    }

    #[test]
    fn quadratic_4d_with_infinite_region() {
        let m = nelder_mead(
            |x| {
                if x[0] < -5.0 {
                    f64::NAN
                } else {
                    x.iter()
                        .enumerate()
                        .map(|(i, v)| (v - i as f64).powi(2))
                        .sum()
                }
            },
            &[0.0; 4],
            &NelderMeadOptions::default(),
        );
        for (i, v) in m.x.iter().enumerate() {
            assert!((v - i as f64).abs() < 1e-4, "{m:?}");
        }
    }
}
