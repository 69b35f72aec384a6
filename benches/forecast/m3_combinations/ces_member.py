"""Round 6 (2026-12-02): complex exponential smoothing as a member.

Complex exponential smoothing (CES; Svetunkov, Kourentzes & Ord 2022, "Complex exponential
smoothing", Naval Research Logistics 69(8)) is the one model of statsforecast's standard set the
product does not have. Petropoulos & Svetunkov (2020, "A simple combination of univariate
models", IJF 36(1)) combine it with ETS, ARIMA and the dynamic optimised Theta by the median
("SCUM"), a benchmark that beat most M4 entries. Neither CES nor SCUM has been scored on any
M3 split by this project before this file was written.

The model is src/analytics/forecast/ces.rs, following statsforecast's AutoCES (seasonal types
N, S, P, F by AICc, season 12, backfitted initial states, Nelder-Mead within statsforecast's
bounds), checked against statsforecast 2.1.1's `auto_ces` on the classic series (golden tests)
before anything here is run. Its forecasts are dumped separately
(`ONLY_CES=1 CUT=c OUT=$M3DUMP/ces_cut{c}.csv cargo test --release --test forecast_explore
m3_member_dump -- --ignored`) next to the round-4 dumps (members_cut{c}.csv, nnar_cut{c}.csv,
all re-dumped from main at 61eea64 into $M3DUMP = /work/m3dump/round6).

Written and committed BEFORE the CES model existed in the code, so before any CES forecast of
any series had been computed or scored.

Candidates, on the validation split only (cut 18: every series' last 18 training months held
out), with THETA_MEMBER=theta_dotm as in the product:
  current  = trimmed mean7 (ets, arima, theta=DOTM, ets_damped, snaive, theta_stm, nnar):
             the product now
  with_ces = trimmed mean8 (the same seven + ces; lowest and highest dropped per horizon)
  scum     = median(ets, ces, arima, theta=DOTM) (Petropoulos & Svetunkov 2020)
Choice (harness.choose, as every round): the candidate best on BOTH validation sMAPE and MASE;
if none is, the smallest relative score against `current`. Written to $M3DUMP/ces_choice.txt
before any test score is computed (`ces_member.py test`).

Consequence, fixed now: the chosen candidate becomes the automatic forecaster's combination
whatever the test says (with_ces: CES joins the seven; scum: the combination becomes the median
of the four, and the members it no longer uses are no longer fitted for it; current: nothing
changes). CES becomes a model users can pick (`--model ces`, the page's picker) whatever the
choice: it is a standard model with golden tests; the choice decides only the combination.
The prediction intervals keep round 5's rule (W + R3) over the chosen combination's members.
CES alone is scored for the record only; it is not a candidate of the choice.

Run: python3 ces_member.py val   then   python3 ces_member.py test

Result on validation (committed before `ces_member.py test` was run):
  current   13.554 / 0.8348   (round 4 recorded 13.555 / 0.8348 from its dumps)
  with_ces  13.579 / 0.8329   relative 0.9998
  scum      13.974 / 0.8593   relative 1.0302
  -> CHOICE: with_ces (no candidate best on both; smallest relative score, by 0.0002)
  (CES alone 15.918 / 0.9338; ETS 15.348 / 0.9525, ARIMA 16.160 / 0.9977, DOTM 14.097 / 0.8706,
  NNAR 16.234 / 1.0044.)
  As fixed above, CES therefore joins the combination (a trimmed mean of eight), whatever the
  test says; the margin is small, and is recorded as such."""
import os
import sys

os.environ.setdefault("THETA_MEMBER", "theta_dotm")
os.environ.setdefault("M3DUMP", "/work/m3dump/round6")
import pandas as pd  # noqa: E402
from harness import D, H, IDS, choose, members, score  # noqa: E402
from rules import med, trimmed  # noqa: E402

SEVEN = ["ets", "arima", "theta", "ets_damped", "snaive", "theta_stm", "nnar"]
CANDIDATES = {
    "current": trimmed(SEVEN),
    "with_ces": trimmed(SEVEN + ["ces"]),
    "scum": med(["ets", "ces", "arima", "theta"]),
}


def with_extra(cut):
    M = members(cut)
    cols = [f"f{i}" for i in range(1, H + 1)]
    for name in ["nnar", "ces"]:
        if name not in M:
            df = pd.read_csv(f"{D}/{name}_cut{cut}.csv")
            M[name] = df[df.model == name].set_index("id")[cols]
    return M


def run(cut):
    M = with_extra(cut)
    out = {}
    for name, r in CANDIDATES.items():
        out[name] = score({sid: r(M, sid, cut) for sid in IDS}, cut)
        print(f"{name:12s} {out[name][0]:.3f} {out[name][1]:.4f}", flush=True)
    for name in ["ces", "ets", "arima", "theta", "nnar"]:
        s = score({sid: M[name].loc[sid].to_numpy(float) for sid in IDS}, cut)
        print(f"  alone {name:8s} {s[0]:.3f} {s[1]:.4f}", flush=True)
    return out


stage = sys.argv[1:] and sys.argv[1]
if stage == "val":
    v = run(18)
    choice, why, rel = choose(v, "current")
    open(f"{D}/ces_choice.txt", "w").write(f"{choice}\n{why}\n")
    for n in sorted(rel, key=rel.get):
        print(f"  {n:12s} relative {rel[n]:.4f}")
    print("CHOICE:", choice, "--", why)
elif stage == "test":
    if not os.path.exists(f"{D}/ces_choice.txt"):
        sys.exit("run `val` first: the choice is fixed before any test score")
    print("choice (fixed on validation):", open(f"{D}/ces_choice.txt").read().split()[0])
    run(0)
else:
    sys.exit(__doc__)
