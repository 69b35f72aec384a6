"""Peer benchmark: statsforecast on M3 monthly (1,428 series, h = 18, m = 12).

Run from the crate root:
  python3 benches/forecast/m3_statsforecast.py [AutoETS,AutoTheta,AutoARIMA] [STRIDE] [N_JOBS]
Prints sMAPE / MASE, wall and CPU time per model (n_jobs = 2 by default: all cores of this
machine) and, for several models, the scores of their mean and median. STRIDE = 7 keeps every
7th series in id order (204 series: the stratified subset of tests/forecast_m3.rs).
"""
import os, resource, sys, time
import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS, AutoTheta, AutoARIMA, SeasonalNaive

from m3data import monthly

df = monthly()
names = (sys.argv[1] if len(sys.argv) > 1 else "SeasonalNaive,AutoETS,AutoTheta").split(",")
stride = int(sys.argv[2]) if len(sys.argv) > 2 else 1
n_jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
ids = sorted(df["series_id"].unique())[::stride]
df = df[df["series_id"].isin(ids)]
train = df[df["split"] == "train"].rename(columns={"series_id": "unique_id", "t": "ds", "value": "y"})[["unique_id", "ds", "y"]]
test = df[df["split"] == "test"]
models = {"SeasonalNaive": SeasonalNaive(12), "AutoETS": AutoETS(season_length=12),
          "AutoTheta": AutoTheta(season_length=12), "AutoARIMA": AutoARIMA(season_length=12)}
H = 18


def cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def scores(get):
    sm, ms = [], []
    for uid, g in train.groupby("unique_id"):
        y = g["y"].to_numpy()
        a = test[test["series_id"] == uid]["value"].to_numpy()
        f = get(uid)
        sm.append(np.mean(200 * np.abs(a - f) / (np.abs(a) + np.abs(f))))
        ms.append(np.mean(np.abs(a - f)) / np.mean(np.abs(y[12:] - y[:-12])))
    return np.mean(sm), np.mean(ms)


print(f"{len(ids)} series (stride {stride}), n_jobs {n_jobs}", flush=True)
fcs = {}
for name in names:
    sf = StatsForecast(models=[models[name]], freq=1, n_jobs=n_jobs)
    t0, c0 = time.time(), cpu()
    fc = sf.forecast(df=train, h=H)
    dt, dc = time.time() - t0, cpu() - c0
    fc = fc.reset_index() if "unique_id" not in fc.columns else fc
    col = [c for c in fc.columns if c not in ("unique_id", "ds")][0]
    fcs[name] = {uid: g[col].to_numpy() for uid, g in fc.groupby("unique_id")}
    s, m = scores(lambda uid: fcs[name][uid])
    print(f"{name}: sMAPE {s:.3f} MASE {m:.4f} wall {dt:.1f}s cpu {dc:.1f}s "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
if len(names) > 1:
    for how, fn in (("mean", np.mean), ("median", np.median)):
        s, m = scores(lambda uid: fn(np.stack([fcs[n][uid] for n in names]), axis=0))
        print(f"{how} of {'+'.join(names)}: sMAPE {s:.3f} MASE {m:.4f}", flush=True)
