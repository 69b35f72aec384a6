"""Closed weekdays in daily forecasts (BENCHMARKS.md, "Closed days"): the UCI Online Retail
daily total (units of sale lines; the shop sells nothing on Saturdays), cut at four Mondays,
forecast 14 days ahead by two builds of `shoplens forecast --freq day`, scored by MASE (scale:
the in-sample seasonal naive, lag 7) and sMAPE on the calendar days.

    python3 benches/forecast/closed_days.py OLD_BIN NEW_BIN
"""
import pandas as pd, numpy as np, subprocess, sys
UCI = "../shared/data/online_retail_uci/online_retail.csv.gz"
df = pd.read_csv(UCI, encoding="latin-1", dtype=str)
ts = pd.to_datetime(df.InvoiceDate, format="mixed")
q = pd.to_numeric(df.Quantity); p = pd.to_numeric(df.UnitPrice)
keep = ~df.InvoiceNo.str.startswith("C") & (q > 0) & (p > 0)
daily = q[keep].groupby(ts[keep].dt.normalize()).sum()
days = pd.date_range(daily.index.min(), daily.index.max(), freq="D")
daily = daily.reindex(days, fill_value=0)
bins = {"old": sys.argv[1], "new": sys.argv[2]}
H = 14
res = {k: [] for k in bins}
for cut in ["2011-10-03", "2011-10-17", "2011-10-31", "2011-11-14"]:
    part = df[ts < pd.Timestamp(cut)]
    part.to_csv("/tmp/uci_cut.csv", index=False)
    actual = daily[pd.Timestamp(cut):].iloc[:H].to_numpy()
    hist = daily[:pd.Timestamp(cut) - pd.Timedelta(days=1)].to_numpy()
    scale = np.abs(hist[7:] - hist[:-7]).mean()
    for k, b in bins.items():
        subprocess.run([b, "forecast", "/tmp/uci_cut.csv", "--freq", "day", "--horizon", str(H), "--out", f"/tmp/uci_{k}.csv"], check=True, capture_output=True)
        f = pd.read_csv(f"/tmp/uci_{k}.csv").sort_values("step").forecast.to_numpy()
        den = np.abs(actual) + np.abs(f)
        smape = np.where(den > 0, 200 * np.abs(actual - f) / np.where(den > 0, den, 1), 0).mean()
        res[k].append((cut, np.abs(actual - f).mean() / scale, smape))
for k, v in res.items():
    print(k, [(c, round(m, 4), round(s, 2)) for c, m, s in v], "mean MASE", round(np.mean([m for _, m, _ in v]), 4), "mean sMAPE", round(np.mean([s for _, _, s in v]), 2))
