"""Stage `val`: score every rule on the validation split (cut 18) and fix the choice in
choice.txt BEFORE any test score is computed. Stage `test`: score every rule on the test
split (cut 0) and print both tables.

Choice (fixed in advance): the rule that is best on BOTH validation sMAPE and MASE; if no
rule is, the one with the smallest relative score (sMAPE / sMAPE(median3) + MASE /
MASE(median3)) / 2 (M4's OWA idea with the current rule as the benchmark)."""
import json
import sys
from harness import D, IDS, choose, members, score
from rules import RULES

stage = sys.argv[1]
only = sys.argv[2:] or list(RULES)


def run(cut):
    M = members(cut)
    out = {}
    for name in only:
        r = RULES[name]
        P = {sid: r(M, sid, cut) for sid in IDS}
        out[name] = score(P, cut)
        print(f"{name:55s} {out[name][0]:.3f} {out[name][1]:.4f}", flush=True)
    return out


if stage == "val":
    v = run(18)
    json.dump(v, open(f"{D}/val_scores.json", "w"), indent=1)
    choice, why, rel = choose(v, "median3")
    open(f"{D}/choice.txt", "w").write(f"{choice}\n{why}\n")
    print("relative scores:")
    for n in sorted(rel, key=rel.get):
        print(f"  {n:55s} {rel[n]:.4f}")
    print("CHOICE:", choice, "--", why)
elif stage == "test":
    t = run(0)
    json.dump(t, open(f"{D}/test_scores.json", "w"), indent=1)
