"""Combination experiments on the M3 monthly member dumps (members_cut{C}.csv).

Split with cut C: each series' training data minus its last C points is the history; the
next 18 points are the target (C = 0: the M3 test set). Validation = C 18, test = C 0.
Per-series rules use only the backtest windows the automatic forecaster sees on that
history: cuts C+18 and C+36 (when the history there is >= 24 points), scored by MASE with
the scale of the window's own history (seasonal naive, falls back to naive)."""
import os
import sys
import numpy as np, pandas as pd

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from m3data import train_test  # noqa: E402

# Dumps from `CUT=c OUT=$M3DUMP/members_cut{c}.csv cargo test --release --test
# forecast_explore m3_member_dump -- --ignored` (c = 0, 18, 36).
D = os.environ.get("M3DUMP", "/work/m3dump")
H = 18


TRAIN, TEST = train_test()
IDS = sorted(TRAIN)


def naive_scale(y, m=12):
    if len(y) <= m:
        return np.nan
    return np.mean(np.abs(y[m:] - y[:-m]))


def bt_scale(y):
    s = naive_scale(y, 12)
    if not s > 0:
        s = naive_scale(y, 1)
    return s


_cache = {}


def members(cut):
    """dict model -> DataFrame indexed by id (18 columns)."""
    if cut in _cache:
        return _cache[cut]
    p = f"{D}/members_cut{cut}.csv"
    if not os.path.exists(p):
        _cache[cut] = None
        return None
    df = pd.read_csv(p)
    cols = [f"f{i}" for i in range(1, H + 1)]
    out = {m: g.set_index("id")[cols] for m, g in df.groupby("model")}
    # Round 3: THETA_MEMBER=theta_dotm (say) makes that variant the `theta` member of every
    # rule; the auto-selected Theta stays available as `theta_auto`.
    tm = os.environ.get("THETA_MEMBER")
    if tm:
        out["theta_auto"] = out["theta"]
        out["theta"] = out[tm]
    _cache[cut] = out
    return out


def target(sid, cut):
    y = TRAIN[sid]
    if cut == 0:
        return y, TEST[sid]
    n = len(y) - cut
    return y[:n], y[n : n + H]


def smape(a, f):
    d = np.abs(a) + np.abs(f)
    t = np.where(d == 0, 0.0, 200 * np.abs(a - f) / np.where(d == 0, 1, d))
    return t.mean()


def score(P, cut):
    """P: dict id -> forecast (18,), over all series of the split. Mean sMAPE, MASE."""
    s, m = [], []
    for sid in IDS:
        hist, act = target(sid, cut)
        f = P[sid]
        s.append(smape(act, f))
        m.append(np.mean(np.abs(act - f)) / naive_scale(hist, 12))
    return np.mean(s), np.mean(m)


def bt_errors(sid, cut, forecast_fn):
    """Backtest MASE of forecast_fn(cut') over the windows cut+18, cut+36 (auto's two
    windows). Returns the mean MASE, or None when no window exists."""
    errs = []
    for c in (cut + 18, cut + 36):
        M = members(c)
        if M is None or sid not in M["ets"].index:
            continue
        hist, act = target(sid, c)
        f = forecast_fn(M, sid)
        errs.append(np.mean(np.abs(act - f)) / bt_scale(hist))
    return np.mean(errs) if errs else None


def choose(v, bench):
    """The fixed choice rule of every round: v = {name: (sMAPE, MASE)}. The candidate best on
    BOTH measures; if none is, the smallest relative score (sMAPE / sMAPE(bench) + MASE /
    MASE(bench)) / 2 (M4's OWA idea). Returns (choice, why, relative scores)."""
    b = v[bench]
    both = [n for n in v if all(v[n][i] <= min(x[i] for x in v.values()) for i in (0, 1))]
    rel = {n: (v[n][0] / b[0] + v[n][1] / b[1]) / 2 for n in v}
    choice = both[0] if both else min(rel, key=rel.get)
    why = "best on both" if both else f"min relative score {rel[choice]:.4f}"
    return choice, why, rel
