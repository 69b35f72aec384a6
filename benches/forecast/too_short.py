"""Holdout for too-short histories (protocol: too_short_protocol.md).

UCI Online Retail, weekly units per product; for each launch (first sale after the data's
first week) and k in {2, 3, 4}: the first k weeks from the first sale as history, the next 12
as test. Scores the naive (N) and the mean of the history (M) by scaled MAE and scaled RMSE
(both divided by the history's mean), and the error of the 12-week total.

    python3 benches/forecast/too_short.py
"""
import numpy as np
import pandas as pd

from uci_weekly_short import weekly_units

H = 12


def cases(g, weeks):
    for code in sorted(g.index.get_level_values(0).unique()):
        s = g.loc[code].reindex(weeks, fill_value=0).to_numpy(dtype=float)
        first = s.nonzero()[0][0]
        if first == 0:
            continue
        for k in (2, 3, 4):
            if first + k + H <= len(s):
                yield code, k, s[first:first + k], s[first + k:first + k + H]


def main():
    g, weeks = weekly_units()
    rows = []
    for code, k, hist, test in cases(g, weeks):
        scale = hist.mean()
        for name, f in (("N", hist[-1]), ("M", hist.mean())):
            e = test - f
            rows.append((code, k, name, np.abs(e).mean() / scale,
                         np.sqrt((e ** 2).mean()) / scale, abs(e.sum()) / scale,
                         hist[-1] == 0))
    d = pd.DataFrame(rows, columns=["code", "k", "cand", "mae", "rmse", "total", "last0"])
    n = d[d.cand == "N"].shape[0]
    print(f"{n} cases from {d.code.nunique()} launches, horizon {H}")
    print("all cases (deciding: mae and rmse)")
    print(d.groupby("cand")[["mae", "rmse", "total"]].mean().round(4).to_string())
    print("by k")
    print(d.groupby(["k", "cand"])[["mae", "rmse", "total"]].mean().round(4).to_string())
    print("last history week 0")
    print(d[d.last0].groupby("cand")[["mae", "rmse", "total"]].agg(["mean", "count"])
          .round(4).to_string())


if __name__ == "__main__":
    main()
