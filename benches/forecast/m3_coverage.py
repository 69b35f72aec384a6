"""Prediction-interval coverage on M3 monthly (1,428 series, h = 18, m = 12, the test split).

The Forecast page says "the future should fall inside the 80% / 95% band that often"; this
checks it. Coverage = share of the 25,704 test values inside the interval; also by step and the
mean scaled interval width (width / in-sample seasonal-naive MAE, so that a wider band is not
a free win).

Run from the crate root:
  python3 benches/forecast/m3_coverage.py shoplens CSV     # a `shoplens forecast --out` file
  python3 benches/forecast/m3_coverage.py statsforecast AutoETS,AutoTheta[,AutoARIMA] [N_JOBS]
"""
import os, sys
import numpy as np
import pandas as pd

from m3data import monthly, train_test

df = monthly()
IDS = sorted(df["series_id"].unique())
TRAIN, TEST = train_test(df)
H = 18


def report(name, lo, hi):
    """lo, hi: dict level -> dict id -> (18,) bounds."""
    for level in (80, 95):
        inside, width = [], []
        for s in IDS:
            a, l, u = TEST[s], lo[level][s], hi[level][s]
            inside.append((a >= l) & (a <= u))
            y = TRAIN[s]
            width.append(np.mean(u - l) / np.mean(np.abs(y[12:] - y[:-12])))
        inside = np.array(inside)
        steps = " ".join(f"{inside[:, h].mean():.3f}" for h in (0, 5, 11, 17))
        print(f"{name:12s} {level}%: coverage {inside.mean():.4f} (steps 1/6/12/18: {steps}); "
              f"mean scaled width {np.mean(width):.3f}", flush=True)


if sys.argv[1:2] == ["shoplens"]:
    fc = pd.read_csv(sys.argv[2]).sort_values(["series_id", "step"])
    g = {s: x for s, x in fc.groupby("series_id")}
    lo = {l: {s: g[s][f"lo{l}"].to_numpy() for s in IDS} for l in (80, 95)}
    hi = {l: {s: g[s][f"hi{l}"].to_numpy() for s in IDS} for l in (80, 95)}
    report("ShopLens", lo, hi)
elif sys.argv[1:2] == ["statsforecast"]:
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS, AutoTheta, AutoARIMA
    models = {"AutoETS": AutoETS(season_length=12), "AutoTheta": AutoTheta(season_length=12),
              "AutoARIMA": AutoARIMA(season_length=12)}
    n_jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    train = df[df["split"] == "train"].rename(
        columns={"series_id": "unique_id", "t": "ds", "value": "y"})[["unique_id", "ds", "y"]]
    for name in sys.argv[2].split(","):
        sf = StatsForecast(models=[models[name]], freq=1, n_jobs=n_jobs)
        fc = sf.forecast(df=train, h=H, level=[80, 95])
        fc = fc.reset_index() if "unique_id" not in fc.columns else fc
        g = {s: x.sort_values("ds") for s, x in fc.groupby("unique_id")}
        lo = {l: {s: g[s][f"{name}-lo-{l}"].to_numpy() for s in IDS} for l in (80, 95)}
        hi = {l: {s: g[s][f"{name}-hi-{l}"].to_numpy() for s in IDS} for l in (80, 95)}
        report(name, lo, hi)
else:
    sys.exit(__doc__)
