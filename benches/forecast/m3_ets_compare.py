"""Per-series comparison of our AutoETS with statsforecast's AutoETS on M3 monthly (test split).

  python3 benches/forecast/m3_ets_compare.py sf OUT_DIR        # statsforecast: one JSON line per series
  CARGO_TARGET_DIR=... OUT=OUT_DIR/our_ets_s1.jsonl cargo test --release --test forecast_explore \
      m3_ets_dump -- --ignored                                  # ours (chosen model, every candidate's AICc)
  python3 benches/forecast/m3_ets_compare.py cmp OUT_DIR       # the comparison

Prints the scores of both, how often the chosen model agrees, and, where it differs, whether our
optimiser reached a lower AICc for statsforecast's choice than statsforecast itself did."""
import collections, json, os, sys
import numpy as np, pandas as pd

from m3data import train_test

stage, out = sys.argv[1], sys.argv[2]
tr, te = train_test()

if stage == "sf":
    from statsforecast.models import AutoETS
    with open(os.path.join(out, "sf_ets_s1.jsonl"), "w") as fh:
        for uid in sorted(tr):
            m = AutoETS(season_length=12).fit(tr[uid])
            rec = dict(id=uid, method=m.model_["method"], aicc=float(m.model_["aicc"]),
                       f=[float(x) for x in m.predict(18)["mean"]])
            fh.write(json.dumps(rec) + "\n")
    sys.exit(0)


def smape(a, f):
    return np.mean(200 * np.abs(a - f) / (np.abs(a) + np.abs(f)))


def mase(y, a, f, m=12):
    return np.mean(np.abs(a - f)) / np.mean(np.abs(y[m:] - y[:-m]))


ours = {r["id"]: r for r in map(json.loads, open(os.path.join(out, "our_ets_s1.jsonl")))}
sf = {r["id"]: r for r in map(json.loads, open(os.path.join(out, "sf_ets_s1.jsonl")))}
rows = []
for k, s in sf.items():
    o = ours[k]
    cand = dict((l, a) for l, a in o["cands"])
    fo, fs = np.array(o["f"]), np.array(s["f"])
    rows.append(dict(id=k, our=o["method"], sf=s["method"], our_aicc=o["aicc"], sf_aicc=s["aicc"],
                     our_aicc_sfspec=cand.get(s["method"], np.nan),
                     so=smape(te[k], fo), ss=smape(te[k], fs),
                     mo=mase(tr[k], te[k], fo), ms=mase(tr[k], te[k], fs)))
d = pd.DataFrame(rows)
print("ours sMAPE %.3f MASE %.4f | statsforecast %.3f %.4f" % (d.so.mean(), d.mo.mean(), d.ss.mean(), d.ms.mean()))
same = d.our == d.sf
print("same model:", int(same.sum()), "of", len(d))
x = d[~same].our_aicc_sfspec - d[~same].sf_aicc
print("model differs: our AICc for statsforecast's choice is lower by > 1 in", int((x < -1).sum()),
      "series, within 1 in", int((x.abs() <= 1).sum()), ", higher by > 1 in", int((x > 1).sum()))
g = d[~same].assign(dS=d.so - d.ss).groupby(["our", "sf"]).dS.agg(["size", "sum"])
print(g.sort_values("sum", ascending=False).head(8))
print("sMAPE gap from series where the model differs: %.3f" % ((d[~same].so - d[~same].ss).sum() / len(d)))
print(collections.Counter(d.our).most_common(6))
print(collections.Counter(d.sf).most_common(6))
