"""Round 9 (2026-12-02): temporal hierarchies over the Theta member (THieF-Theta).

Rounds 7 and 8 built temporal hierarchies over AutoETS (adopted in the AutoETS member's place)
and over AutoARIMA (not adopted: the product stayed best on both validation measures). R's
`thief` (Athanasopoulos, Hyndman, Kourentzes & Petropoulos 2017, EJOR 262(1)) offers a third
base family, `usemodel = "theta"`. The Theta member is the combination's strongest single
model (DOTM, test 13.720 / 0.8500). Neither THieF over Theta nor any Theta fitted to an
aggregated M3 series has been scored on any M3 split by this project before this file was
written.

The member, fixed now (src/analytics/forecast/thief.rs, extended after this file is committed):
  * levels, aggregation, horizon, reconciliation (WLS, structural scaling, block by block):
    exactly rounds 7 and 8;
  * base forecasts: the product's Theta (`ThetaModel::fit(y_k, m / k, Some(THETA_VARIANT))`,
    the dynamic optimised Theta model with its classical seasonal adjustment, which it applies
    only when the season is at least 4 and passes its seasonality test) at every level; where
    it cannot be fitted to a level (fewer than 4 aggregated periods), the naive forecast of
    that level (its last value);
  * prediction intervals (for the product): the monthly Theta's intervals moved by
    (reconciled - base) monthly forecast.
Dumped as `ONLY_THIEF_THETA=1 CUT=c OUT=$M3DUMP/thief_theta_cut{c}.csv cargo test --release
--test forecast_explore m3_member_dump -- --ignored` next to round 8's dumps in
$M3DUMP = /work/m3dump/round8 (members, NNAR, CES and THieF from 889e1d9). `current` must
reproduce round 7's product (validation 13.526 / 0.8344, test 13.285 / 0.8306).

Candidates, on the validation split only (cut 18: every series' last 18 training months held
out), with THETA_MEMBER=theta_dotm as in the product:
  current               = trimmed mean8 (thief, arima, theta=DOTM, ets_damped, snaive,
                          theta_stm, nnar, ces): the product now
  with_thief_theta      = trimmed mean9 (the same eight + thief_theta)
  thief_theta_for_theta = trimmed mean8 with thief_theta in place of theta (DOTM)
Choice (harness.choose, as every round): the candidate best on BOTH validation sMAPE and MASE;
if none is, the smallest relative score against `current`. Written to
$M3DUMP/thief_theta_choice.txt before any test score is computed (`thief_theta_member.py test`).

Consequence, fixed now: the chosen candidate becomes the automatic forecaster's combination
whatever the test says (with_thief_theta: THieF-Theta joins the eight, sharing the monthly
Theta fit with the Theta member; thief_theta_for_theta: THieF-Theta replaces the DOTM member,
the second (standard) Theta member stays; current: nothing changes in the combination).
Whatever the choice, THieF-Theta becomes a model users can pick (`--model thief_theta`, the
page's picker), as R's `thief` offers it. The prediction intervals keep round 5's rule
(W + R3) over the chosen combination's members. THieF-Theta alone is scored for the record
only; it is not a candidate of the choice.

Run: python3 thief_theta_member.py val   then   python3 thief_theta_member.py test

Result on validation (committed before `thief_theta_member.py test` was run; THieF-Theta
dumped from 6ef92cf; `current` reproduces round 7's
13.526 / 0.8344):
  current                13.526 / 0.8344   relative 1.0000
  with_thief_theta       13.512 / 0.8354   relative 1.0001
  thief_theta_for_theta  13.513 / 0.8358   relative 1.0003
  -> CHOICE: current (no candidate best on both; smallest relative score)
  (THieF-Theta alone 14.680 / 0.9615 against the Theta member (DOTM) alone 14.097 / 0.8706:
  unlike ETS and ARIMA, Theta does not gain from the hierarchy here; THieF (ETS) 14.456 /
  0.8947.)
  As fixed above, the combination therefore stays as it is, whatever the test says;
  THieF-Theta becomes a model users can pick.

Result on the test split (after the choice above was committed, 7d9e542):
  current                13.285 / 0.8306   <- kept, as fixed (round 7's product, reproduced)
  with_thief_theta       13.272 / 0.8310
  thief_theta_for_theta  13.270 / 0.8322
  (THieF-Theta alone 13.966 / 0.9012 against the Theta member (DOTM) alone 13.720 / 0.8500.)
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
    "with_thief_theta": trimmed(EIGHT + ["thief_theta"]),
    "thief_theta_for_theta": trimmed(EIGHT[:2] + ["thief_theta"] + EIGHT[3:]),
}


def with_extra(cut):
    M = members(cut)
    cols = [f"f{i}" for i in range(1, H + 1)]
    for name in ["nnar", "ces", "thief", "thief_theta"]:
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
    for name in ["thief_theta", "theta", "thief"]:
        s = score({sid: M[name].loc[sid].to_numpy(float) for sid in IDS}, cut)
        print(f"  alone {name:12s} {s[0]:.3f} {s[1]:.4f}", flush=True)
    return out


stage = sys.argv[1:] and sys.argv[1]
if stage == "val":
    v = run(18)
    choice, why, rel = choose(v, "current")
    open(f"{D}/thief_theta_choice.txt", "w").write(f"{choice}\n{why}\n")
    for n in sorted(rel, key=rel.get):
        print(f"  {n:22s} relative {rel[n]:.4f}")
    print("CHOICE:", choice, "--", why)
elif stage == "test":
    if not os.path.exists(f"{D}/thief_theta_choice.txt"):
        sys.exit("run `val` first: the choice is fixed before any test score")
    print("choice (fixed on validation):", open(f"{D}/thief_theta_choice.txt").read().split()[0])
    run(0)
else:
    sys.exit(__doc__)
