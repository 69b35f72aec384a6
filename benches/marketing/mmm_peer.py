"""Python peer for the MMM fit benchmark (BENCHMARKS.md, Marketing): the same work per
hyperparameter evaluation as `shoplens mmm` — geometric adstock + Hill per channel, ridge on
standardised columns, hv-blocked 5-fold CV (gap 2) plus a full fit — for the same number of
evaluations (random search instead of the evolution strategy; ridge solved by numpy's
LAPACK `solve` without the non-negativity constraint, so this is a lower bound on the peer's
cost). Data: sibylhe real-world MMM, 10 spend channels, 4 controls (as tests/marketing_mmm_data.rs),
trend + 2 yearly Fourier pairs, 189 fitting weeks (20 held out).

  /tmp/mktvenv/bin/python benches/marketing/mmm_peer.py [TRIALS]
"""
import os
import sys
import time

import numpy as np
import pandas as pd

trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
here = os.path.dirname(os.path.abspath(__file__))
df = pd.read_csv(os.path.join(here, "..", "..", "..", "shared", "data", "mmm_sibylhe_realworld", "mmm_stan_data.csv"))
ch = ["mdsp_dm", "mdsp_inst", "mdsp_nsp", "mdsp_auddig", "mdsp_audtr", "mdsp_vidtr", "mdsp_viddig", "mdsp_so", "mdsp_on", "mdsp_sem"]
ctl = ["me_ics_all", "me_gas_dpg", "st_ct", "mrkdn_pdm"]
t0 = time.perf_counter()
n_all = len(df)
n = n_all - max(4, n_all // 10)
y = df["sales"].to_numpy(float)[:n]
days = (pd.to_datetime(df["wk_strt_dt"]) - pd.Timestamp("1970-01-01")).dt.days.to_numpy()[:n]
base = [np.arange(n) / n_all]
for k in (1, 2):
    w = 2 * np.pi * k * days / 365.25
    base += [np.sin(w), np.cos(w)]
base += [df[c].to_numpy(float)[:n] for c in ctl]
base = np.column_stack(base)
X = df[ch].to_numpy(float)[:n]
scale = np.array([X[X[:, j] > 0, j].mean() if (X[:, j] > 0).any() else 1.0 for j in range(X.shape[1])])
rng = np.random.default_rng(42)


def adstock(x, theta):
    out = np.empty_like(x)
    a = x[:4].mean()
    for t, v in enumerate(x):
        a = (1 - theta) * v + theta * a
        out[t] = a
    return out


def ridge(Z, yy, lam):
    mu, sd = Z.mean(0), Z.std(0)
    sd[sd < 1e-12] = 1.0
    Zs = (Z - mu) / sd
    ym, ys = yy.mean(), yy.std()
    G = Zs.T @ Zs / len(yy) + lam * np.eye(Z.shape[1])
    b = np.linalg.solve(G, Zs.T @ ((yy - ym) / ys) / len(yy))
    coef = b * ys / sd
    return ym - coef @ mu, coef


k = 5
folds = [(f * n // k, (f + 1) * n // k) for f in range(k)]
best = np.inf
np.seterr(over="ignore")
for _ in range(trials):
    theta = rng.uniform(0, 0.8, len(ch))
    kk = np.exp(rng.uniform(np.log(0.2), np.log(4.0), len(ch))) * scale
    s = rng.uniform(0.5, 3.0, len(ch))
    lam = np.exp(rng.uniform(np.log(1e-5), 0.0))
    media = np.column_stack([1 / (1 + (kk[j] / np.maximum(adstock(X[:, j], theta[j]), 1e-300)) ** s[j]) for j in range(len(ch))])
    Z = np.hstack([base, media])
    sse = 0.0
    for a, b in folds:
        keep = np.r_[0:max(a - 2, 0), min(b + 2, n):n]
        c0, c = ridge(Z[keep], y[keep], lam)
        sse += ((y[a:b] - c0 - Z[a:b] @ c) ** 2).sum()
    ridge(Z, y, lam)
    best = min(best, np.sqrt(sse / n) / (y.max() - y.min()))
print(f"{trials} evaluations in {time.perf_counter() - t0:.2f} s (best cv NRMSE {best:.4f})")
