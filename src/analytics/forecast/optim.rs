//! Derivative-free optimisers used by the model fits.
//!
//! * [`nelder_mead`]: the simplex method of Nelder & Mead (1965), "A simplex method for function
//!   minimization", Computer Journal 7(4), with the standard coefficients (reflection 1,
//!   expansion 2, contraction 0.5, shrink 0.5), box constraints by clamping (as statsforecast's
//!   `nelder_mead`) and R `optim`'s relative stopping rule
//!   `|f_max - f_min| <= reltol (|f_min| + reltol)`.
//! * [`golden_section`]: golden-section search for a scalar on `[lo, hi]` (Kiefer 1953).

/// Result of a minimisation.
#[derive(Debug, Clone)]
pub struct OptimResult {
    pub x: Vec<f64>,
    pub f: f64,
    pub evals: usize,
}

/// Options of [`nelder_mead`].
#[derive(Debug, Clone, Copy)]
pub struct NmOptions {
    /// Initial step, relative to each coordinate (`step * |x_i|`, or `zero_step` when `x_i = 0`).
    pub step: f64,
    pub zero_step: f64,
    pub max_iter: usize,
    pub reltol: f64,
}

impl Default for NmOptions {
    fn default() -> Self {
        NmOptions {
            step: 0.05,
            zero_step: 1e-4,
            max_iter: 2000,
            reltol: 1e-8,
        }
    }
}

fn clamp_into(x: &mut [f64], lower: &[f64], upper: &[f64]) {
    for i in 0..x.len() {
        if x[i] < lower[i] {
            x[i] = lower[i];
        }
        if x[i] > upper[i] {
            x[i] = upper[i];
        }
    }
}

/// Minimise `f` from `x0` within `[lower, upper]` (clamped). Non-finite values count as `+inf`.
pub fn nelder_mead(
    f: &mut dyn FnMut(&[f64]) -> f64,
    x0: &[f64],
    lower: &[f64],
    upper: &[f64],
    opt: NmOptions,
) -> OptimResult {
    let n = x0.len();
    let mut evals = 0usize;
    let mut eval = |x: &[f64], evals: &mut usize| {
        *evals += 1;
        let v = f(x);
        if v.is_finite() {
            v
        } else {
            f64::INFINITY
        }
    };
    if n == 0 {
        let v = eval(x0, &mut evals);
        return OptimResult {
            x: Vec::new(),
            f: v,
            evals,
        };
    }
    let mut simplex: Vec<Vec<f64>> = Vec::with_capacity(n + 1);
    let mut start = x0.to_vec();
    clamp_into(&mut start, lower, upper);
    simplex.push(start.clone());
    for i in 0..n {
        let mut p = start.clone();
        let s = if p[i] != 0.0 {
            opt.step * p[i].abs()
        } else {
            opt.zero_step
        };
        p[i] += s;
        if p[i] > upper[i] {
            p[i] = start[i] - s;
        }
        clamp_into(&mut p, lower, upper);
        simplex.push(p);
    }
    let mut fv: Vec<f64> = simplex.iter().map(|p| eval(p, &mut evals)).collect();
    let mut order: Vec<usize> = (0..=n).collect();
    let mut centroid = vec![0.0; n];
    let mut xr = vec![0.0; n];
    let mut xe = vec![0.0; n];
    let mut xc = vec![0.0; n];
    for _ in 0..opt.max_iter {
        order.sort_by(|&a, &b| fv[a].total_cmp(&fv[b]));
        let best = order[0];
        let worst = order[n];
        let second = order[n - 1];
        let (fb, fw) = (fv[best], fv[worst]);
        if fw.is_finite() && (fw - fb).abs() <= opt.reltol * (fb.abs() + opt.reltol) {
            break;
        }
        centroid.iter_mut().for_each(|c| *c = 0.0);
        for &k in order.iter().take(n) {
            for j in 0..n {
                centroid[j] += simplex[k][j];
            }
        }
        centroid.iter_mut().for_each(|c| *c /= n as f64);
        for j in 0..n {
            xr[j] = centroid[j] + (centroid[j] - simplex[worst][j]);
        }
        clamp_into(&mut xr, lower, upper);
        let fr = eval(&xr, &mut evals);
        if fr < fb {
            for j in 0..n {
                xe[j] = centroid[j] + 2.0 * (xr[j] - centroid[j]);
            }
            clamp_into(&mut xe, lower, upper);
            let fe = eval(&xe, &mut evals);
            if fe < fr {
                simplex[worst].copy_from_slice(&xe);
                fv[worst] = fe;
            } else {
                simplex[worst].copy_from_slice(&xr);
                fv[worst] = fr;
            }
            continue;
        }
        if fr < fv[second] {
            simplex[worst].copy_from_slice(&xr);
            fv[worst] = fr;
            continue;
        }
        // Contraction (outside when the reflection improved on the worst point).
        let outside = fr < fw;
        for j in 0..n {
            xc[j] = if outside {
                centroid[j] + 0.5 * (xr[j] - centroid[j])
            } else {
                centroid[j] + 0.5 * (simplex[worst][j] - centroid[j])
            };
        }
        clamp_into(&mut xc, lower, upper);
        let fc = eval(&xc, &mut evals);
        if fc < fw.min(fr) {
            simplex[worst].copy_from_slice(&xc);
            fv[worst] = fc;
            continue;
        }
        // Shrink towards the best point.
        let xb = simplex[best].clone();
        for k in 0..=n {
            if k == best {
                continue;
            }
            for j in 0..n {
                simplex[k][j] = xb[j] + 0.5 * (simplex[k][j] - xb[j]);
            }
            fv[k] = eval(&simplex[k], &mut evals);
        }
    }
    let mut bi = 0;
    for k in 1..=n {
        if fv[k] < fv[bi] {
            bi = k;
        }
    }
    OptimResult {
        x: simplex[bi].clone(),
        f: fv[bi],
        evals,
    }
}

/// Golden-section search for the minimum of a unimodal `f` on `[lo, hi]` to absolute `tol`.
pub fn golden_section(f: &mut dyn FnMut(f64) -> f64, lo: f64, hi: f64, tol: f64) -> f64 {
    let g = (5f64.sqrt() - 1.0) / 2.0;
    let (mut a, mut b) = (lo, hi);
    let mut c = b - g * (b - a);
    let mut d = a + g * (b - a);
    let mut fc = f(c);
    let mut fd = f(d);
    while (b - a).abs() > tol {
        if fc < fd {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = f(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = f(d);
        }
    }
    (a + b) / 2.0
}

/// Options of [`bfgs`] (R `optim(method = "BFGS")` names; `nnet`'s defaults).
#[derive(Debug, Clone, Copy)]
pub struct BfgsOptions {
    pub max_iter: usize,
    /// Stop when the objective falls below this value.
    pub abstol: f64,
    /// Stop when an accepted step improves the objective by at most `reltol (|f| + reltol)`.
    pub reltol: f64,
}

impl Default for BfgsOptions {
    fn default() -> Self {
        BfgsOptions {
            max_iter: 100,
            abstol: 1e-4,
            reltol: 1e-8,
        }
    }
}

/// Variable-metric (BFGS) minimisation with a backtracking line search, after Nash (1990),
/// "Compact Numerical Methods for Computers", Algorithm 21 (R's `vmmin`, which `nnet` uses):
/// search direction `t = −B g` with `B` the inverse-Hessian estimate; the step is shrunk by 0.2
/// until `f(x + s t) ≤ f(x) + 10⁻⁴ s gᵀt`; `B` gets the BFGS update
/// `B += ((1 + cᵀBc / tᵀc) t tᵀ − B c tᵀ − t cᵀB) / tᵀc` (with `t` the step, `c` the change in
/// gradient) when `tᵀc > 0`, and is reset to the identity when a step fails. `fg(x, grad)`
/// returns `f(x)` and writes `∇f(x)` into `grad`. Non-finite values count as failures.
pub fn bfgs(
    fg: &mut dyn FnMut(&[f64], &mut [f64]) -> f64,
    x0: &[f64],
    opt: BfgsOptions,
) -> OptimResult {
    const ACCTOL: f64 = 1e-4;
    const STEPREDN: f64 = 0.2;
    let n = x0.len();
    let mut x = x0.to_vec();
    let mut g = vec![0.0; n];
    let mut f = fg(&x, &mut g);
    let mut evals = 1usize;
    if !f.is_finite() || n == 0 {
        return OptimResult { x, f, evals };
    }
    let mut b = vec![0.0; n * n];
    let reset = |b: &mut [f64]| {
        b.iter_mut().for_each(|v| *v = 0.0);
        for i in 0..n {
            b[i * n + i] = 1.0;
        }
    };
    reset(&mut b);
    let mut just_reset = true;
    let mut t = vec![0.0; n];
    let mut xn = vec![0.0; n];
    let mut gn = vec![0.0; n];
    let mut c = vec![0.0; n];
    let mut bc = vec![0.0; n];
    for _ in 0..opt.max_iter {
        if f < opt.abstol {
            break;
        }
        for i in 0..n {
            t[i] = -(0..n).map(|j| b[i * n + j] * g[j]).sum::<f64>();
        }
        let slope: f64 = t.iter().zip(&g).map(|(a, b)| a * b).sum();
        let mut accepted = false;
        let mut fnew = f;
        if slope < 0.0 {
            let mut step = 1.0;
            loop {
                let mut moved = false;
                for i in 0..n {
                    xn[i] = x[i] + step * t[i];
                    if xn[i] != x[i] {
                        moved = true;
                    }
                }
                if !moved {
                    break;
                }
                fnew = fg(&xn, &mut gn);
                evals += 1;
                if fnew.is_finite() && fnew <= f + ACCTOL * step * slope {
                    accepted = true;
                    break;
                }
                step *= STEPREDN;
            }
        }
        if !accepted {
            if just_reset {
                break;
            }
            reset(&mut b);
            just_reset = true;
            continue;
        }
        let improved = f - fnew;
        for i in 0..n {
            t[i] = xn[i] - x[i];
            c[i] = gn[i] - g[i];
        }
        x.copy_from_slice(&xn);
        g.copy_from_slice(&gn);
        f = fnew;
        if improved <= opt.reltol * (f.abs() + opt.reltol) {
            break;
        }
        let d1: f64 = t.iter().zip(&c).map(|(a, b)| a * b).sum();
        if d1 > 0.0 {
            for i in 0..n {
                bc[i] = (0..n).map(|j| b[i * n + j] * c[j]).sum();
            }
            let d2 = 1.0 + c.iter().zip(&bc).map(|(a, b)| a * b).sum::<f64>() / d1;
            for i in 0..n {
                for j in 0..n {
                    b[i * n + j] += (d2 * t[i] * t[j] - bc[i] * t[j] - t[i] * bc[j]) / d1;
                }
            }
            just_reset = false;
        } else {
            reset(&mut b);
            just_reset = true;
        }
    }
    OptimResult { x, f, evals }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R's `?optim` example: BFGS on Rosenbrock's function from (−1.2, 1) with its gradient
    /// reaches (1, 1) (R: 0.9998 1.0000, value 9.6e-18, within the default 100 iterations).
    #[test]
    fn bfgs_minimises_rosenbrock() {
        let mut fg = |x: &[f64], g: &mut [f64]| {
            let (a, b) = (x[0], x[1]);
            g[0] = -400.0 * a * (b - a * a) - 2.0 * (1.0 - a);
            g[1] = 200.0 * (b - a * a);
            100.0 * (b - a * a).powi(2) + (1.0 - a).powi(2)
        };
        // R's `optim` defaults (no absolute tolerance, reltol = sqrt(eps)); `nnet` stops at 1e-4.
        let opt = BfgsOptions {
            max_iter: 100,
            abstol: f64::NEG_INFINITY,
            reltol: 1.490_116_1e-8,
        };
        let r = bfgs(&mut fg, &[-1.2, 1.0], opt);
        assert!(r.f < 1e-8, "{r:?}");
        assert!(
            (r.x[0] - 1.0).abs() < 1e-3 && (r.x[1] - 1.0).abs() < 1e-3,
            "{r:?}"
        );
        assert!(r.evals < 300, "{r:?}");
    }
}
