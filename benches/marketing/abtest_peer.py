"""Peer reference for `shoplens abtest` on Cookie Cats: statsmodels/scipy numbers and timing.

Usage: python3 benches/marketing/abtest_peer.py [../shared/data/ab_cookie_cats/cookie_cats.csv]
"""
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats, integrate

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ab_cookie_cats/cookie_cats.csv"
t0 = time.perf_counter()
d = pd.read_csv(path)
for m in ["retention_1", "retention_7"]:
    g = d.groupby("version")[m].agg(["sum", "count"])
    x30, n30 = g.loc["gate_30"]
    x40, n40 = g.loc["gate_40"]
    p30, p40 = x30 / n30, x40 / n40
    pool = (x30 + x40) / (n30 + n40)
    z = (p30 - p40) / np.sqrt(pool * (1 - pool) * (1 / n30 + 1 / n40))
    p = 2 * stats.norm.sf(abs(z))
    a30, b30, a40, b40 = 1 + x30, 1 + n30 - x30, 1 + x40, 1 + n40 - x40
    lo, hi = min(p30, p40) - 0.02, max(p30, p40) + 0.02
    pb = integrate.quad(lambda x: stats.beta.pdf(x, a30, b30) * stats.beta.cdf(x, a40, b40), lo, hi, points=[p30, p40])[0]
    print(f"{m}: gate_30 {x30}/{n30}={p30:.4%} gate_40 {x40}/{n40}={p40:.4%} z={z:.4f} p={p:.5f} P(gate_30 best)={pb:.5f}")
a = d[d.version == "gate_30"].sum_game_rounds
b = d[d.version == "gate_40"].sum_game_rounds
r = stats.ttest_ind(b, a, equal_var=False)
print("welch sum_game_rounds (gate_40 - gate_30):", repr(r.statistic), repr(r.pvalue), repr(r.df), r.confidence_interval(0.95))
print(f"elapsed {time.perf_counter() - t0:.3f} s")
