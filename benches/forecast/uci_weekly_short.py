"""Holdout check of the short-history policy (BENCHMARKS.md, "Short histories").

Builds a long series file of weekly units per product from UCI Online Retail (sale lines only,
the incomplete last week left out; products with at least 30 weeks from their first sale and
at least 10 selling weeks before the last 12), the last 12 weeks marked `test`, then scores
the `shoplens forecast` CSVs given on the command line: sMAPE and MASE (scale: the in-sample
naive's MAE) on the test weeks.

    python3 benches/forecast/uci_weekly_short.py build /tmp/uci_weekly_long.csv
    shoplens forecast /tmp/uci_weekly_long.csv --horizon 12 --out /tmp/wk.csv
    python3 benches/forecast/uci_weekly_short.py score /tmp/uci_weekly_long.csv /tmp/wk.csv
"""
import sys

import numpy as np
import pandas as pd

UCI = "../shared/data/online_retail_uci/online_retail.csv.gz"


def weekly_units():
    """Units per (StockCode, Monday) of the sale lines, the incomplete last week left out, and
    the weeks of the data."""
    df = pd.read_csv(UCI, encoding="latin-1", dtype={"StockCode": str, "InvoiceNo": str})
    df = df[~df.InvoiceNo.str.startswith("C") & (df.Quantity > 0) & (df.UnitPrice > 0)]
    ts = pd.to_datetime(df.InvoiceDate, format="mixed")
    df["week"] = (ts - pd.to_timedelta(ts.dt.weekday, unit="D")).dt.normalize()
    df = df[df.week < df.week.max()]
    g = df.groupby(["StockCode", "week"]).Quantity.sum()
    return g, pd.date_range(df.week.min(), df.week.max(), freq="7D")


def build(out):
    g, weeks = weekly_units()
    rows, kept = [], 0
    for code in sorted(g.index.get_level_values(0).unique()):
        s = g.loc[code].reindex(weeks, fill_value=0)
        nz = s.to_numpy().nonzero()[0]
        if len(nz) == 0:
            continue
        s = s.iloc[nz[0]:]
        if len(s) < 30 or (s.iloc[:-12] > 0).sum() < 10:
            continue
        kept += 1
        n = len(s)
        for i, (w, v) in enumerate(s.items()):
            rows.append((code, w.strftime("%Y-%m-%d"), float(v), "train" if i < n - 12 else "test"))
    pd.DataFrame(rows, columns=["unique_id", "ds", "y", "split"]).to_csv(out, index=False)
    print(f"{kept} series, {len(rows)} rows -> {out}")


def score(long_file, forecasts):
    d = pd.read_csv(long_file, dtype={"unique_id": str})
    for f in forecasts:
        fc = pd.read_csv(f, dtype={"series_id": str})
        smape, mase = [], []
        for sid, g in d.groupby("unique_id"):
            tr = g[g.split == "train"].y.to_numpy()
            te = g[g.split == "test"].y.to_numpy()
            fv = fc[fc.series_id == sid].sort_values("step").forecast.to_numpy()[: len(te)]
            den = np.abs(te) + np.abs(fv)
            safe = np.where(den > 0, den, 1)
            smape.append(np.where(den > 0, 200 * np.abs(te - fv) / safe, 0).mean())
            scale = np.abs(np.diff(tr)).mean()
            if scale > 0:
                mase.append(np.abs(te - fv).mean() / scale)
        print(f"{f}: sMAPE {np.mean(smape):.3f}, MASE {np.mean(mase):.4f} "
              f"(median {np.median(mase):.4f}), {len(mase)} series")


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(sys.argv[2])
    else:
        score(sys.argv[2], sys.argv[3:])
