"""Golden values for tests/forecast_golden.rs: statsforecast 2.1.1 on classic_ts series.

Run from the crate root:  python3 benches/forecast/golden_classic.py
Writes tests/golden/forecast/<name>.json (forecasts h = 24, 80/95% intervals, fitted parameters).
"""
import json, os, sys
import numpy as np
import pandas as pd

from statsforecast.ets import ets_f, forecast_ets
from statsforecast.arima import auto_arima_f, forecast_arima
from statsforecast.theta import auto_theta, forecast_theta
from statsforecast.ces import auto_ces, cesmodel, forecast_ces

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "data", "classic_ts")
OUT = os.path.join(ROOT, "tests", "golden", "forecast")
os.makedirs(OUT, exist_ok=True)
H = 24
FILES = {
    "AirPassengers": "datasets_AirPassengers.csv",
    "a10": "fpp2_a10.csv",
    "h02": "fpp2_h02.csv",
    "wineind": "forecast_wineind.csv",
}


def ets_block(y, model, damped=None):
    fit = ets_f(y, 12, model=model, damped=damped)
    fc = forecast_ets(fit, h=H, level=[80, 95])
    par = fit["par"]
    comps = fit["components"]
    return {
        "model": "".join(str(c) for c in comps[:3]) + ("d" if str(comps[3]).upper() in ("TRUE", "1", "D") else ""),
        "alpha": float(par[0]),
        "beta": float(par[1]) if not np.isnan(par[1]) else None,
        "gamma": float(par[2]) if not np.isnan(par[2]) else None,
        "phi": float(par[3]) if not np.isnan(par[3]) else None,
        "aicc": float(fit["aicc"]),
        "sigma2": float(fit["sigma2"]),
        "mean": [float(v) for v in fc["mean"]],
        "lo80": [float(v) for v in fc["lo-80"]],
        "hi80": [float(v) for v in fc["hi-80"]],
        "lo95": [float(v) for v in fc["lo-95"]],
        "hi95": [float(v) for v in fc["hi-95"]],
    }


for name, fname in FILES.items():
    y = pd.read_csv(os.path.join(DATA, fname))["value"].to_numpy(dtype=float)
    out = {"name": name, "n": int(len(y)), "h": H}
    out["auto_ets"] = ets_block(y, "ZZZ")
    out["ets_ann"] = ets_block(y, "ANN")
    out["ets_aaa"] = ets_block(y, "AAA", damped=False)
    out["ets_mam"] = ets_block(y, "MAM", damped=False)
    th = auto_theta(y, 12)
    fth = forecast_theta(th, H, level=[80, 95])
    out["auto_theta"] = {
        "model": th["modeltype"],
        "alpha": float(th["par"]["alpha"]),
        "theta": float(th["par"]["theta"]),
        "mean": [float(v) for v in fth["mean"]],
    }
    dt = auto_theta(y, 12, model="DOTM")
    out["dotm"] = {
        "alpha": float(dt["par"]["alpha"]),
        "theta": float(dt["par"]["theta"]),
        "initial_smoothed": float(dt["par"]["initial_smoothed"]),
        "mean": [float(v) for v in forecast_theta(dt, H)["mean"]],
    }
    # Complex exponential smoothing: each seasonal type, and AutoCES's choice (smallest AICc).
    ces = {}
    for t in "NSPF":
        fit = cesmodel(y, 12, t, np.nan, np.nan, np.nan, np.nan, 3)
        ces[t] = {
            "par": [None if np.isnan(v) else float(v) for v in fit["par"].values()],
            "aicc": float(fit["aicc"]),
            "sigma2": float(fit["sigma2"]),
            "mean": [float(v) for v in forecast_ces(fit, H)["mean"]],
        }
    ces["auto"] = auto_ces(y, 12)["seasontype"]
    out["ces"] = ces
    ar = auto_arima_f(y, period=12)
    far = forecast_arima(ar, H, level=[80, 95])
    arma = [int(v) for v in ar["arma"]]  # p, q, P, Q, m, d, D
    out["auto_arima"] = {
        "order": [arma[0], arma[5], arma[1]],
        "seasonal_order": [arma[2], arma[6], arma[3]],
        "coef": {k: float(v) for k, v in ar["coef"].items()},
        "sigma2": float(ar["sigma2"]),
        "aicc": float(ar["aicc"]),
        "mean": [float(v) for v in far["mean"]],
        "lo95": [float(v) for v in far["lower"]["95%"]] if isinstance(far.get("lower"), pd.DataFrame) else None,
    }
    with open(os.path.join(OUT, f"{name}.json"), "w") as f:
        json.dump(out, f, indent=1)
    print(name, out["auto_ets"]["model"], out["auto_theta"]["model"], out["auto_arima"]["order"], out["auto_arima"]["seasonal_order"])
