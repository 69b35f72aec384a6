"""Round 4 (2026-11-29): does a small neural model earn its place?

The issue: "A small neural model is optional; include it only if it earns its place in the
backtest." The model is NNAR(p, P, k)_m (src/analytics/forecast/nnar.rs; R forecast::nnetar
defaults: p by AIC of a linear AR on the seasonally adjusted series, P = 1, k = round((p+P+1)/2),
20 networks averaged, seed 42). Its forecasts are dumped separately
(`ONLY_NNAR=1 CUT=c OUT=$M3DUMP/nnar_cut{c}.csv cargo test --release --test forecast_explore
m3_member_dump -- --ignored`) next to the round-3 member dumps (members_cut{c}.csv).

Written and committed BEFORE any NNAR forecast was scored (no NNAR score of any kind had been
seen when this file was written).

Amended before any score, after looking at forecasts only: with nnetar's weight decay 0, a few
of the 20 networks on a short noisy series end with weights in the hundreds and forecast far
outside the data (N1402, 32 months within 480..9,000: 688,434 next month). The model is now
fitted with weight decay 0.01 (the one value fixed here, not tuned), and both cuts re-dumped.

Candidates, on the validation split only (cut 18: every series' last 18 training months held
out), with THETA_MEMBER=theta_dotm as in the product:
  current   = trimmed mean6 (ets, arima, theta=DOTM, ets_damped, snaive, theta_stm)
  with_nnar = trimmed mean7 (the same six + nnar; lowest and highest dropped per horizon)
Choice (harness.choose, as every round): the candidate best on BOTH validation sMAPE and MASE;
if neither is, the smallest relative score against `current`. Written to
$M3DUMP/nnar_choice.txt before any test score is computed (`nnar_member.py test`).

Consequence, fixed now: if `with_nnar` is chosen, NNAR becomes a member of the automatic
forecaster's combination and a model users can pick (`--model nnar`, the page's picker),
whatever the test says. If `current` is chosen, NNAR does not earn its place and is NOT
included in the product (not a `--model`, not in the combination, not on the page); the
evaluation is recorded in BENCHMARKS.md. NNAR alone is scored for the record only; it is not
a candidate of the choice.

Run: python3 nnar_member.py val   then   python3 nnar_member.py test

Result on validation (committed before `nnar_member.py test` was run):
  current   13.694 / 0.8438
  with_nnar 13.555 / 0.8348   -> CHOICE: with_nnar, best on both
  (NNAR alone 16.234 / 1.0044; ETS 15.348 / 0.9525, ARIMA 16.172 / 0.9981, DOTM 14.097 / 0.8706.)
  NNAR therefore enters the combination and becomes a model users can pick."""
import os
import sys

os.environ.setdefault("THETA_MEMBER", "theta_dotm")
import pandas as pd  # noqa: E402
from harness import D, H, IDS, choose, members, score  # noqa: E402
from rules import trimmed  # noqa: E402

SIX = ["ets", "arima", "theta", "ets_damped", "snaive", "theta_stm"]
CANDIDATES = {"current": trimmed(SIX), "with_nnar": trimmed(SIX + ["nnar"])}


def with_nnar(cut):
    M = members(cut)
    if "nnar" not in M:
        df = pd.read_csv(f"{D}/nnar_cut{cut}.csv")
        cols = [f"f{i}" for i in range(1, H + 1)]
        M["nnar"] = df[df.model == "nnar"].set_index("id")[cols]
    return M


def run(cut):
    M = with_nnar(cut)
    out = {}
    for name, r in CANDIDATES.items():
        out[name] = score({sid: r(M, sid, cut) for sid in IDS}, cut)
        print(f"{name:12s} {out[name][0]:.3f} {out[name][1]:.4f}", flush=True)
    for name in ["nnar", "ets", "arima", "theta"]:
        s = score({sid: M[name].loc[sid].to_numpy(float) for sid in IDS}, cut)
        print(f"  alone {name:8s} {s[0]:.3f} {s[1]:.4f}", flush=True)
    return out


stage = sys.argv[1:] and sys.argv[1]
if stage == "val":
    v = run(18)
    choice, why, rel = choose(v, "current")
    open(f"{D}/nnar_choice.txt", "w").write(f"{choice}\n{why}\n")
    for n in sorted(rel, key=rel.get):
        print(f"  {n:12s} relative {rel[n]:.4f}")
    print("CHOICE:", choice, "--", why)
elif stage == "test":
    if not os.path.exists(f"{D}/nnar_choice.txt"):
        sys.exit("run `val` first: the choice is fixed before any test score")
    print("choice (fixed on validation):", open(f"{D}/nnar_choice.txt").read().split()[0])
    run(0)
else:
    sys.exit(__doc__)
