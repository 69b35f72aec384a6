"""Peer measurement for the Customers benchmark (issue 3): pandas + scikit-learn + lifetimes on
the full UCI Online Retail file, timed step by step on the same machine as `shoplens customers`
and `shoplens clv`.

Setup (lifetimes 0.11.3 is old; it still imports with current scipy/numpy/pandas here):

    python3 -m venv /tmp/custvenv
    /tmp/custvenv/bin/pip install pandas scikit-learn lifetimes==0.11.3
    /usr/bin/time -v /tmp/custvenv/bin/python benches/customers_peer.py

Steps: read + clean (drop empty CustomerID, cancellations "C…", Quantity <= 0, UnitPrice <= 0);
RFM with snapshot = last day + 1; k-means (k = 4, n_init = 10, random_state = 0) on z-scored
log1p(R, F, M) (population std); BG/NBD (`BetaGeoFitter`) on the whole history and on the
calibration period to 2011-08-31 (daily purchases, weeks: `freq="D"`, `freq_multiplier=7`);
Gamma-Gamma on the calibration repeaters. `lifetimes` raises ConvergenceError on this data (the
likelihood maximum is on the boundary a -> 0, b -> inf); the time to that error is reported.
"""
import sys
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans

warnings.filterwarnings("ignore")
PATH = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/online_retail_uci/online_retail.csv.gz"
T = {}


def tick(name, t0):
    T[name] = time.perf_counter() - t0
    return time.perf_counter()


t = t_all = time.perf_counter()
df = pd.read_csv(PATH, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
df = df[df.CustomerID.notna()]
df = df[~df.InvoiceNo.str.startswith("C") & (df.Quantity > 0) & (df.UnitPrice > 0)].copy()
df["InvoiceDate"] = pd.to_datetime(df.InvoiceDate)
df["Revenue"] = df.Quantity * df.UnitPrice
t = tick("read + clean", t)

snapshot = df.InvoiceDate.max().normalize() + pd.Timedelta(days=1)
rfm = df.groupby("CustomerID").agg(
    last=("InvoiceDate", "max"), frequency=("InvoiceNo", "nunique"), monetary=("Revenue", "sum")
)
rfm["recency"] = (snapshot - rfm["last"].dt.normalize()).dt.days
for col, asc in (("recency", False), ("frequency", True), ("monetary", True)):
    rfm[col[0] + "_score"] = pd.qcut(rfm[col].rank(method="first", ascending=asc), 5, labels=False) + 1
t = tick("RFM + scores", t)

X = np.log1p(rfm[["recency", "frequency", "monetary"]].to_numpy(float))
X = (X - X.mean(0)) / X.std(0)
km = KMeans(n_clusters=4, n_init=10, random_state=0).fit(X)
t = tick("k-means k=4 n_init=10", t)
print(f"customers {len(rfm)}  inertia {km.inertia_:.2f}  sizes {sorted(np.bincount(km.labels_), reverse=True)}")

from lifetimes import BetaGeoFitter, GammaGammaFitter  # noqa: E402
from lifetimes.utils import calibration_and_holdout_data, summary_data_from_transaction_data  # noqa: E402

t = time.perf_counter()
daily = df.groupby(["CustomerID", df.InvoiceDate.dt.normalize()]).Revenue.sum().reset_index()
full = summary_data_from_transaction_data(
    daily, "CustomerID", "InvoiceDate", monetary_value_col="Revenue", freq="D", freq_multiplier=7
)
t = tick("lifetimes summary (full)", t)
try:
    bgf = BetaGeoFitter().fit(full.frequency, full.recency, full["T"])
    print("BG/NBD full: converged", {k: float(f"{v:.4g}") for k, v in bgf.params_.items()})
except Exception as e:  # lifetimes.utils.ConvergenceError
    print("BG/NBD full:", type(e).__name__)
t = tick("BG/NBD fit (full)", t)

cal = calibration_and_holdout_data(
    daily, "CustomerID", "InvoiceDate", calibration_period_end="2011-08-31",
    observation_period_end="2011-12-09", freq="D", freq_multiplier=7, monetary_value_col="Revenue",
)
t = tick("lifetimes summary (calibration/holdout)", t)
print(f"calibration customers {len(cal)}  repeaters {(cal.frequency_cal > 0).sum()}  "
      f"holdout purchases {int(cal.frequency_holdout.sum())}")
try:
    BetaGeoFitter().fit(cal.frequency_cal, cal.recency_cal, cal.T_cal)
    print("BG/NBD calibration: converged")
except Exception as e:
    print("BG/NBD calibration:", type(e).__name__)
t = tick("BG/NBD fit (calibration)", t)
rep = cal[cal.frequency_cal > 0]
gg = GammaGammaFitter().fit(rep.frequency_cal, rep.monetary_value_cal)
t = tick("Gamma-Gamma fit", t)
print("Gamma-Gamma", {k: round(v, 4) for k, v in gg.params_.items()})
T["total"] = time.perf_counter() - t_all
for k, v in T.items():
    print(f"{k:40s} {v:7.2f} s")
