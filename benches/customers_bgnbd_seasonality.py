"""Why no holdout-blind BG/NBD variant beats the plain fit on the Online Retail holdout (issue 3).

Calibration 2010-12-01..2011-08-31, holdout 2011-09-01..2011-12-09 (purchases per day, weeks).
Prints, for the outer split and for the nested split inside the calibration period (fit to
2011-05-23, predict the last 100 days of calibration):

1. the plain BG/NBD MLE (boundary a -> 0): holdout MAE and sum(predicted)/sum(actual);
2. the BG/NBD with a population-level log-linear trend in calendar time, rate lambda*exp(beta*s):
   purchases follow the BG/NBD in operational time Lambda(s) = (exp(beta*s) - 1)/beta, and the
   likelihood gains the Jacobian sum_j beta*s_j over repeat purchases (time-varying intensity as in
   Bachmann, Meierer & Naef 2021, Marketing Science 40(4)); beta is fitted jointly by MLE;
3. piecewise-constant calendar-month multipliers (last calibration month = 1), fitted jointly;
4. purchase days per day of the customers first seen in December 2010, by month (no model).

Run: /tmp/custvenv/bin/python benches/customers_bgnbd_seasonality.py   (numpy, scipy, pandas)
"""
import sys
import warnings

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1, logsumexp

warnings.filterwarnings("ignore")
PATH = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/online_retail_uci/online_retail.csv.gz"
E0 = np.datetime64("2010-12-01")
df = pd.read_csv(PATH, dtype={"CustomerID": str, "InvoiceNo": str})
df = df[df.CustomerID.notna() & ~df.InvoiceNo.str.startswith("C") & (df.Quantity > 0) & (df.UnitPrice > 0)]
days = df.assign(day=pd.to_datetime(df.InvoiceDate).dt.normalize()).groupby(["CustomerID", "day"]).size().reset_index()
days["d"] = (days.day - pd.Timestamp(E0)).dt.days
groups = [g.d.to_numpy() for _, g in days.sort_values(["CustomerID", "d"]).groupby("CustomerID")]
CAL = int((np.datetime64("2011-08-31") - E0).astype(int))
OBS = int((np.datetime64("2011-12-09") - E0).astype(int))
EDGES = np.array([(np.datetime64(f"{y}-{m:02d}-01") - E0).astype(int)
                  for y, m in [(2010, 12)] + [(2011, k) for k in range(1, 13)]] + [400], float)


def summarise(cal, obs):
    rows = []
    for g in groups:
        if g[0] > cal:
            continue
        gc = g[g <= cal]
        rows.append((g[0], gc[-1], len(gc) - 1, ((g > cal) & (g <= obs)).sum(), gc[1:]))
    F, L, X, H = (np.array([r[i] for r in rows], float) for i in range(4))
    return F, L, X, H, np.concatenate([r[4] for r in rows]).astype(float)


def op_trend(s, beta):  # operational time, weeks
    u = s / 7.0
    return u if abs(beta) < 1e-12 else np.expm1(beta * u) / beta


def op_month(s, logm):
    m = np.exp(logm)
    cum = np.concatenate([[0], np.cumsum(np.diff(EDGES) * m[:-1])]) / 7
    i = np.searchsorted(EDGES, s, side="right") - 1
    return cum[i] + (s - EDGES[i]) / 7 * m[i]


def bgnbd_ll(lp, X, tx, T):
    r, al, a, b = np.exp(lp)
    A3 = -(r + X) * np.log(al + T)
    A4 = np.where(X > 0, np.log(a) - np.log(np.maximum(b + X - 1, 1e-12)) - (r + X) * np.log(al + tx), -np.inf)
    return (gammaln(r + X) - gammaln(r) + r * np.log(al) + gammaln(a + b) + gammaln(b + X) - gammaln(b)
            - gammaln(a + b + X) + logsumexp([A3, A4], axis=0))


def expected(lp, X, tx, T, t):
    r, al, a, b = np.exp(lp)
    hyp = hyp2f1(r + X, b + X, a + b + X - 1, t / (al + T + t))
    e = (a + b + X - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + X) * hyp)
    return e / (1 + (X > 0) * a / (b + X - 1) * ((al + T) / (al + tx)) ** (r + X))


def fit(nll, extra):
    best = None
    for x0 in ([0, 2, 0, 0], [-0.5, 2, -2, 1], [0.5, 2.5, 1, 2.5]):
        res = minimize(nll, np.array(x0 + [0.0] * extra, float), method="Powell",
                       options=dict(maxiter=200000, xtol=1e-8, ftol=1e-12))
        best = res if best is None or res.fun < best.fun else best
    return best


def score(lp, op, F, L, X, H, cal, obs):
    T, tx, t = op(cal) - op(F), op(L) - op(F), op(obs) - op(cal)
    p = expected(lp, X, tx, T, t * np.ones_like(X))
    return f"MAE {np.abs(p - H).mean():.4f}  sum ratio {p.sum() / H.sum():.4f}"


for name, cal, obs in (("outer (holdout)", CAL, OBS), ("nested (last 100 days of calibration)", CAL - 100, CAL)):
    F, L, X, H, reps = summarise(cal, obs)
    n = len(F)
    print(f"{name}: {n} customers, {(X > 0).sum()} repeaters, {int(H.sum())} purchases to predict")
    ok = lambda q: np.all(np.abs(q[:4]) < 12)
    plain = fit(lambda q: -bgnbd_ll(q, X, L / 7 - F / 7, cal / 7 - F / 7).mean() if ok(q) else np.inf, 0)
    print("  plain MLE      ", np.round(np.exp(plain.x), 4), score(plain.x, lambda s: s / 7, F, L, X, H, cal, obs))

    def nll_trend(q):
        if not ok(q):
            return np.inf
        beta = q[4] / 52
        op = lambda s: op_trend(s, beta)
        return -(bgnbd_ll(q[:4], X, op(L) - op(F), op(cal) - op(F)).sum() + beta * (reps / 7).sum()) / n
    tr = fit(nll_trend, 1)
    beta = tr.x[4] / 52
    print(f"  trend MLE       beta = {tr.x[4]:+.3f} per year  ",
          score(tr.x[:4], lambda s: op_trend(s, beta), F, L, X, H, cal, obs))
    nm = int(np.searchsorted(EDGES, cal, side="right"))

    def logm_of(q):
        lm = np.zeros(len(EDGES))
        lm[: nm - 1] = q[4:]
        return lm

    def nll_month(q):
        if not ok(q):
            return np.inf
        lm = logm_of(q)
        op = lambda s: op_month(s, lm)
        i = np.searchsorted(EDGES, reps, side="right") - 1
        return -(bgnbd_ll(q[:4], X, op(L) - op(F), op(cal) - op(F)).sum() + lm[i].sum()) / n
    mo = fit(nll_month, nm - 1)
    print("  month multipliers (last calibration month = 1, future months = 1):",
          np.round(np.exp(mo.x[4:]), 3), score(mo.x[:4], lambda s: op_month(s, logm_of(mo.x)), F, L, X, H, cal, obs))

first = np.array([g[0] for g in groups])
print("purchase days per day, customers first seen in Dec 2010 (Dec 2010 includes their first purchases;"
      " Dec 2011 = Dec 1-9):")
for m0, m1, lab in zip(EDGES[:-1], EDGES[1:], pd.date_range("2010-12", periods=13, freq="MS").strftime("%Y-%m")):
    hi = min(m1, OBS + 1)
    cnt = sum(((g >= m0) & (g < hi)).sum() for g, f in zip(groups, first) if f < EDGES[1])
    print(f"  {lab}: {cnt / (hi - m0):5.1f}")
