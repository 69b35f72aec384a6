"""Reference for tests/marketing_promo.rs: the weekly promotion lift on the bundled sample's
order lines, with the week the bank holiday of Monday 29 August 2011 shuts in part.

Weekly units (weeks from Monday): lines with quantity and price above 0, less each week's
cancellation lines (invoice starting with C), never below 0. The week's open share f: the
weekdays' mean daily sales (net of each day's cancellations, never below 0) over the last 56
days of the shop's daily total, the holiday left out, summed over the week's open days, over
the same sum for all seven days. Baseline: intercept and trend (day - day0) / span, fitted by
OLS on y / f over the weeks not promoted; baseline of a week f * x'b; incremental = sum over
the promoted weeks of (y - f x'b); 95% interval t(0.975, df) * sqrt(s2 (sum f^2 + s'(X'X)^-1 s)),
s = sum f x.
  python3 tests/reference/promo_weeks.py
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from sample_orders import load

df, cancel, sale = load()
days = pd.date_range(sale.day.min(), sale.day.max(), freq="D")
sold_d = sale.groupby("day").Quantity.sum().reindex(days, fill_value=0).astype(float)
back_d = df[cancel].groupby("day").Quantity.sum().abs().reindex(days, fill_value=0)
net_d = (sold_d - back_d).clip(lower=0)
holiday = pd.Timestamp("2011-08-29")
assert sold_d[holiday] == 0
last = net_d.iloc[-56:]
last = last[last.index != holiday]
w = last.groupby(last.index.day_of_week).mean().reindex(range(7), fill_value=0.0).to_numpy()
monday = lambda d: d - pd.to_timedelta(d.day_of_week, unit="D")
sale_w = sale.groupby(sale.day.map(monday)).Quantity.sum()
back_w = df[cancel].groupby(df[cancel].day.map(monday)).Quantity.sum().abs()
weeks = pd.date_range(sale_w.index.min(), sale_w.index.max(), freq="7D")
y = (sale_w.reindex(weeks, fill_value=0) - back_w.reindex(weeks, fill_value=0)).clip(lower=0)
y = y.to_numpy(dtype=float)
f = np.ones(len(weeks))
hw = list(weeks).index(monday(holiday))
f[hw] = (w.sum() - w[0]) / w.sum()
print(f"weeks {len(weeks)}; open share of the week of 2011-08-29: {f[hw]:.9g}")
d = ((weeks - pd.Timestamp("1970-01-01")).days).to_numpy()
span = d[-1] - d[0] + 7
X = np.column_stack([np.ones(len(d)), (d - d[0]) / span])
for start in ["2011-08-01", "2011-08-29"]:
    p = weeks == pd.Timestamp(start)
    fit = sm.OLS(y[~p] / f[~p], X[~p]).fit()
    base = f * (X @ fit.params)
    inc = (y[p] - base[p]).sum()
    s = (f[p, None] * X[p]).sum(axis=0)
    xtx_inv = np.linalg.inv(X[~p].T @ X[~p])
    half = stats.t.ppf(0.975, fit.df_resid) * np.sqrt(fit.scale * ((f[p] ** 2).sum() + s @ xtx_inv @ s))
    print(f"{start}: r2 {fit.rsquared:.9g} actual {y[p].sum():.9g} baseline {base[p].sum():.9g} "
          f"incremental {inc:.9g} ci [{inc-half:.9g}, {inc+half:.9g}]")
