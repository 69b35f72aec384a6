"""Peer benchmark: statsforecast on M3 monthly (1,428 series, h = 18, m = 12).

Run from the crate root:  python3 benches/forecast/m3_statsforecast.py [AutoETS,AutoTheta,AutoARIMA]
Prints sMAPE / MASE and wall time per model (n_jobs = 2: all cores of this machine).
"""
import os, sys, time
import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS, AutoTheta, AutoARIMA, SeasonalNaive

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
df = pd.read_csv(os.path.join(ROOT, "..", "shared", "data", "m3", "m3_long.csv.gz"))
df = df[df["period"] == "MONTHLY"].sort_values(["series_id", "t"])
train = df[df["split"] == "train"].rename(columns={"series_id": "unique_id", "t": "ds", "value": "y"})[["unique_id", "ds", "y"]]
test = df[df["split"] == "test"]
names = (sys.argv[1] if len(sys.argv) > 1 else "SeasonalNaive,AutoETS,AutoTheta").split(",")
models = {"SeasonalNaive": SeasonalNaive(12), "AutoETS": AutoETS(season_length=12),
          "AutoTheta": AutoTheta(season_length=12), "AutoARIMA": AutoARIMA(season_length=12)}
H = 18
for name in names:
    sf = StatsForecast(models=[models[name]], freq=1, n_jobs=2)
    t0 = time.time()
    fc = sf.forecast(df=train, h=H)
    dt = time.time() - t0
    fc = fc.reset_index() if "unique_id" not in fc.columns else fc
    col = [c for c in fc.columns if c not in ("unique_id", "ds")][0]
    sm, ms = [], []
    for uid, g in train.groupby("unique_id"):
        y = g["y"].to_numpy()
        a = test[test["series_id"] == uid]["value"].to_numpy()
        f = fc[fc["unique_id"] == uid][col].to_numpy()
        sm.append(np.mean(200 * np.abs(a - f) / (np.abs(a) + np.abs(f))))
        ms.append(np.mean(np.abs(a - f)) / np.mean(np.abs(y[12:] - y[:-12])))
    print(f"{name}: sMAPE {np.mean(sm):.3f} MASE {np.mean(ms):.4f} wall {dt:.1f}s", flush=True)
