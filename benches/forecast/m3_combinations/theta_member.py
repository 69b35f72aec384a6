"""Round 3 (2026-11-29): which Theta is the automatic forecaster's Theta member?

Candidates, each scored ALONE on the validation split (cut 18: every series' last 18 training
months held out): `theta` (statsforecast's AutoTheta rule: the variant with the smallest
in-sample criterion; the current member) and the four fixed variants of Fiorucci et al.
(2016): `theta_stm`, `theta_otm`, `theta_dstm`, `theta_dotm`.

Choice (fixed in advance, as in eval.py): the candidate best on BOTH validation sMAPE and MASE;
if none is, the smallest relative score (sMAPE / sMAPE(theta) + MASE / MASE(theta)) / 2.
Written to $M3DUMP/theta_choice.txt before any combination is re-chosen (eval.py with
THETA_MEMBER set to the choice) and before any test score of a combination is computed.
Disclosed: the four variants' test scores ALONE had been seen before this file was written
(BENCHMARKS.md, Forecast, round 3).

Run: python3 theta_member.py val

Result (validation only; committed before `eval.py test` was run on the round-3 dump):
  Theta member: theta_dotm, best on both (14.097 / 0.8706; the AutoTheta rule 14.776 / 0.8845).
  Combination, re-chosen with THETA_MEMBER=theta_dotm over all 30 rules: trimmed mean6
  (+ets_damped, snaive, theta_stm), no rule best on both, min relative score 0.9611
  (13.694 / 0.8438). The automatic forecaster adopts both, whatever the test scores."""
import os
import sys
from harness import D, IDS, choose, members, score

CANDIDATES = ["theta", "theta_stm", "theta_otm", "theta_dstm", "theta_dotm"]

if sys.argv[1:] != ["val"] or os.environ.get("THETA_MEMBER"):
    sys.exit(__doc__)
M = members(18)
v = {}
for name in CANDIDATES:
    P = {sid: M[name].loc[sid].to_numpy(float) for sid in IDS}
    v[name] = score(P, 18)
    print(f"{name:12s} {v[name][0]:.3f} {v[name][1]:.4f}", flush=True)
choice, why, rel = choose(v, "theta")
open(f"{D}/theta_choice.txt", "w").write(f"{choice}\n{why}\n")
for n in sorted(rel, key=rel.get):
    print(f"  {n:12s} relative {rel[n]:.4f}")
print("CHOICE:", choice, "--", why)
