"""Reference for tests/marketing_promo.rs: the promotion lift of the week of 1 August 2011 on
the bundled sample's order lines, with Saturdays (no sale on any of them) as closed days and
the open days without a single sale line (the bank holiday of 29 August 2011) as holidays.

Daily units: lines with quantity and price above 0, less each day's cancellation lines
(invoice starting with C; units taken off the same day, never below 0). Baseline regressors:
intercept, trend (day - day0) / span, a dummy per open weekday but Monday; fitted on the days
outside 2011-08-01..2011-08-07 that are neither Saturdays nor holidays; incremental = sum over
the promoted days but those of (units - baseline); 95% prediction interval of the sum:
t(0.975, df) * sqrt(s2 * (m + s' (X'X)^-1 s)).
  python3 tests/reference/promo_closed.py
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from sample_orders import load

df, cancel, sale = load()
sold = sale.groupby("day").Quantity.sum()
back = df[cancel].groupby("day").Quantity.sum().abs()
days = pd.date_range(sold.index.min(), sold.index.max(), freq="D")
units = sold.reindex(days, fill_value=0).astype(float)
units = (units - back.reindex(days, fill_value=0)).clip(lower=0)
wd = days.day_of_week.to_numpy()
closed = np.array([units[wd == k].sum() == 0 for k in range(7)])
print("closed weekdays", [k for k in range(7) if closed[k]], "days", closed[wd].sum())
gross = sold.reindex(days, fill_value=0).to_numpy()
holiday = (gross == 0) & ~closed[wd]
print("holidays", [str(x.date()) for x in days[holiday]])
d = ((days - pd.Timestamp("1970-01-01")).days).to_numpy()
span = d[-1] - d[0] + 1
open_days = [k for k in range(7) if not closed[k]]
cols = [np.ones(len(d)), (d - d[0]) / span] + [(wd == k).astype(float) for k in open_days[1:]]
X = np.column_stack(cols)
y = units.to_numpy()
promo = (days >= "2011-08-01") & (days <= "2011-08-07")
shut = closed[wd] | holiday
fit = sm.OLS(y[~promo & ~shut], X[~promo & ~shut]).fit()
p = promo & ~shut
pred = X @ fit.params
m = p.sum()
inc = (y[p] - pred[p]).sum()
sv = X[p].sum(axis=0)
xtx_inv = np.linalg.inv(X[~promo & ~shut].T @ X[~promo & ~shut])
half = stats.t.ppf(0.975, fit.df_resid) * np.sqrt(fit.scale * (m + sv @ xtx_inv @ sv))
print(f"days {len(y)} promoted {promo.sum()} (open {m}) df {fit.df_resid:.0f} r2 {fit.rsquared:.9g}")
print(f"actual {y[promo].sum():.9g} baseline {pred[p].sum():.9g} incremental {inc:.9g} ci [{inc-half:.9g}, {inc+half:.9g}]")
