"""Round 8 (2026-12-02): temporal hierarchies over AutoARIMA (THieF-ARIMA) as a member.

Round 7 (thief_member.py) put temporal hierarchies of AutoETS in the AutoETS member's place.
Athanasopoulos, Hyndman, Kourentzes & Petropoulos (2017, EJOR 262(1), 60-74, Table 2) report
the largest gains of temporal hierarchies for ARIMA base forecasts; R's `thief` offers them as
`usemodel = "arima"`. Neither THieF over ARIMA nor any ARIMA fitted to an aggregated M3 series
has been scored on any M3 split by this project before this file was written.

The member, fixed now (src/analytics/forecast/thief.rs, generalised after this file is
committed):
  * levels, aggregation, horizon, reconciliation (WLS, structural scaling, block by block):
    exactly round 7's THieF;
  * base forecasts: the product's AutoARIMA (`AutoArima::fit(y_k, m / k)`: its differencing
    tests, stepwise search and exact-ML refit; season m / k, none when m / k = 1; it drops the
    season by itself when the level has fewer than 2 m/k + 2 points) at every level; where
    AutoARIMA cannot be fitted to a level (too few aggregated periods), the naive forecast of
    that level (its last value);
  * prediction intervals (for the product): the monthly AutoARIMA's intervals moved by
    (reconciled - base) monthly forecast, as round 7's THieF does with ETS's.
Dumped as `ONLY_THIEF_ARIMA=1 CUT=c OUT=$M3DUMP/thief_arima_cut{c}.csv cargo test --release
--test forecast_explore m3_member_dump -- --ignored` next to members_cut{c}.csv,
nnar_cut{c}.csv, ces_cut{c}.csv and thief_cut{c}.csv, all dumped from main at 889e1d9 (round
7's members, unchanged) into $M3DUMP = /work/m3dump/round8. `current` must reproduce round 7's
product (validation 13.526 / 0.8344, test 13.285 / 0.8306) before anything else counts.

Candidates, on the validation split only (cut 18: every series' last 18 training months held
out), with THETA_MEMBER=theta_dotm as in the product:
  current               = trimmed mean8 (thief, arima, theta=DOTM, ets_damped, snaive,
                          theta_stm, nnar, ces): the product now
  with_thief_arima      = trimmed mean9 (the same eight + thief_arima)
  thief_arima_for_arima = trimmed mean8 with thief_arima in place of arima (the paper's
                          improvement of ARIMA itself)
Choice (harness.choose, as every round): the candidate best on BOTH validation sMAPE and MASE;
if none is, the smallest relative score against `current`. Written to
$M3DUMP/thief_arima_choice.txt before any test score is computed (`thief_arima_member.py test`).

Consequence, fixed now: the chosen candidate becomes the automatic forecaster's combination
whatever the test says (with_thief_arima: THieF-ARIMA joins the eight, sharing the monthly
AutoARIMA fit with the ARIMA member; thief_arima_for_arima: THieF-ARIMA replaces the AutoARIMA
member; current: nothing changes in the combination). Whatever the choice, THieF-ARIMA becomes
a model users can pick (`--model thief_arima`, the page's picker), as R's `thief` offers it.
The prediction intervals keep round 5's rule (W + R3) over the chosen combination's members.
THieF-ARIMA alone is scored for the record only; it is not a candidate of the choice.

Run: python3 thief_arima_member.py val   then   python3 thief_arima_member.py test

Result on validation (committed before `thief_arima_member.py test` was run; members, NNAR,
CES and THieF dumped on this machine from 889e1d9, THieF-ARIMA from db23700; `current`
reproduces round 7's 13.526 / 0.8344):
  current                13.526 / 0.8344   relative 1.0000
  with_thief_arima       13.614 / 0.8373   relative 1.0049
  thief_arima_for_arima  13.624 / 0.8381   relative 1.0058
  -> CHOICE: current (best on both)
  (THieF-ARIMA alone 15.684 / 0.9516 against AutoARIMA alone 16.160 / 0.9977; THieF (ETS)
  14.456 / 0.8947, AutoETS 15.348 / 0.9525.)
  As fixed above, the combination therefore stays as it is, whatever the test says;
  THieF-ARIMA becomes a model users can pick.

Result on the test split (after the choice above was committed, dc7b570):
  current                13.285 / 0.8306   <- kept, as fixed (round 7's product, reproduced)
  with_thief_arima       13.281 / 0.8247
  thief_arima_for_arima  13.295 / 0.8314
  (THieF-ARIMA alone 14.230 / 0.8367 against AutoARIMA alone 14.986 / 0.8737 and
  statsforecast's AutoARIMA 15.25 / 0.876; THieF (ETS) 13.593 / 0.8412.)
  THieF-ARIMA as a ninth member would have met both M3 targets on the test split, as THieF
  (ETS) as a ninth member would have in round 7; it lost on validation, so it is not taken.
"""
import os
import sys

os.environ.setdefault("THETA_MEMBER", "theta_dotm")
os.environ.setdefault("M3DUMP", "/work/m3dump/round8")
import pandas as pd  # noqa: E402
from harness import D, H, IDS, choose, members, score  # noqa: E402
from rules import trimmed  # noqa: E402

EIGHT = ["thief", "arima", "theta", "ets_damped", "snaive", "theta_stm", "nnar", "ces"]
CANDIDATES = {
    "current": trimmed(EIGHT),
    "with_thief_arima": trimmed(EIGHT + ["thief_arima"]),
    "thief_arima_for_arima": trimmed(["thief", "thief_arima"] + EIGHT[2:]),
}


def with_extra(cut):
    M = members(cut)
    cols = [f"f{i}" for i in range(1, H + 1)]
    for name in ["nnar", "ces", "thief", "thief_arima"]:
        if name not in M:
            df = pd.read_csv(f"{D}/{name}_cut{cut}.csv")
            M[name] = df[df.model == name].set_index("id")[cols]
    return M


def run(cut):
    M = with_extra(cut)
    out = {}
    for name, r in CANDIDATES.items():
        out[name] = score({sid: r(M, sid, cut) for sid in IDS}, cut)
        print(f"{name:22s} {out[name][0]:.3f} {out[name][1]:.4f}", flush=True)
    for name in ["thief_arima", "arima", "thief", "ets"]:
        s = score({sid: M[name].loc[sid].to_numpy(float) for sid in IDS}, cut)
        print(f"  alone {name:12s} {s[0]:.3f} {s[1]:.4f}", flush=True)
    return out


stage = sys.argv[1:] and sys.argv[1]
if stage == "val":
    v = run(18)
    choice, why, rel = choose(v, "current")
    open(f"{D}/thief_arima_choice.txt", "w").write(f"{choice}\n{why}\n")
    for n in sorted(rel, key=rel.get):
        print(f"  {n:22s} relative {rel[n]:.4f}")
    print("CHOICE:", choice, "--", why)
elif stage == "test":
    if not os.path.exists(f"{D}/thief_arima_choice.txt"):
        sys.exit("run `val` first: the choice is fixed before any test score")
    print("choice (fixed on validation):", open(f"{D}/thief_arima_choice.txt").read().split()[0])
    run(0)
else:
    sys.exit(__doc__)
