"""Reference for tests/marketing_promo.rs: promotion lift of `deal` weeks for one Dominick's
store x brand series (store 2, brand 1), by plain OLS in numpy/statsmodels.

units = exp(logmove) per week; day = 7 * week; baseline regressors: intercept,
trend (day - day0) / span, sin/cos(2 pi k day / 365.25) k = 1..3; fitted on weeks with
deal == 0; incremental = sum over deal weeks of (units - baseline); 95% prediction interval
of the sum: t(0.975, df) * sqrt(s2 * (m + s' (X'X)^-1 s)).
  /tmp/mktvenv/bin/python tests/reference/promo_oj.py
"""
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

here = os.path.dirname(os.path.abspath(__file__))
df = pd.read_csv(os.path.join(here, "..", "..", "..", "shared", "data", "dominicks_oj", "oj_store_brand_week.csv.gz"))
s = df[(df.store == 2) & (df.brand == 1)].sort_values("week")
day = 7 * s["week"].to_numpy()
y = np.exp(s["logmove"].to_numpy())
promo = s["deal"].to_numpy() != 0
span = day[-1] - day[0] + 7
cols = [np.ones_like(day, dtype=float), (day - day[0]) / span]
for k in range(1, 4):
    w = 2 * np.pi * k * day / 365.25
    cols += [np.sin(w), np.cos(w)]
X = np.column_stack(cols)
fit = sm.OLS(y[~promo], X[~promo]).fit()
pred = X @ fit.params
m = promo.sum()
inc = (y[promo] - pred[promo]).sum()
sv = X[promo].sum(axis=0)
xtx_inv = np.linalg.inv(X[~promo].T @ X[~promo])
var = fit.scale * (m + sv @ xtx_inv @ sv)
half = stats.t.ppf(0.975, fit.df_resid) * np.sqrt(var)
print(f"weeks {len(y)} promoted {m} df {fit.df_resid:.0f} r2 {fit.rsquared:.9g}")
print(f"actual {y[promo].sum():.9g} baseline {pred[promo].sum():.9g} incremental {inc:.9g} ci [{inc-half:.9g}, {inc+half:.9g}]")
