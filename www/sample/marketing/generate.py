"""Generate the bundled synthetic marketing samples (no shared data is copied).

spend.csv      weekly spend for 2 years: date, tv_spend, search_spend, social_spend, promo, revenue
               (revenue = base + trend + yearly season + promo lift + adstocked, Hill-saturated media
               + noise; the truth is printed so the sample can be checked by hand).
experiment.csv one row per user: user_id, variant (control/treatment), converted (True/False),
               revenue (0 unless converted; lognormal order value).

Usage: python3 www/sample/marketing/generate.py  (deterministic, seed 7)
"""
import csv
import datetime as dt
import math
import os
import random

random.seed(7)
here = os.path.dirname(os.path.abspath(__file__))


def adstock(x, theta):
    a, out = x[0], []
    for v in x:
        a = (1 - theta) * v + theta * a
        out.append(a)
    return out


def hill(x, k, s):
    return 0.0 if x <= 0 else 1.0 / (1.0 + (k / x) ** s)


weeks = 104
start = dt.date(2023, 1, 2)
channels = {
    # name: (mean spend, theta, K, shape, beta, dark phase)
    "tv_spend": (12000.0, 0.6, 12000.0, 1.5, 30000.0, 0),
    "search_spend": (5000.0, 0.1, 4000.0, 1.0, 18000.0, 1),
    "social_spend": (3000.0, 0.3, 3500.0, 1.2, 9000.0, 2),
}
spend = {}
for name, (mean, _, _, _, _, phase) in channels.items():
    col = []
    for t in range(weeks):
        on = 0.0 if (t // 6) % 3 == phase else 1.0
        wave = 1 + 0.4 * math.sin(2 * math.pi * t / (13 + 4 * phase))
        col.append(round(mean * wave * math.exp(0.35 * random.gauss(0, 1)) * on, 2))
    spend[name] = col
effects = {}
for name, (_, theta, k, s, beta, _) in channels.items():
    effects[name] = [beta * hill(a, k, s) for a in adstock(spend[name], theta)]
rows = []
for t in range(weeks):
    d = start + dt.timedelta(weeks=t)
    promo = 1 if t % 9 == 4 else 0
    base = 60000 + 8000 * t / weeks + 5000 * math.sin(2 * math.pi * d.timetuple().tm_yday / 365.25)
    y = base + 6000 * promo + sum(e[t] for e in effects.values()) + random.gauss(0, 1200)
    rows.append([d.isoformat()] + [spend[n][t] for n in channels] + [promo, round(y, 2)])
with open(os.path.join(here, "spend.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["date"] + list(channels) + ["promo", "revenue"])
    w.writerows(rows)
for name in channels:
    print(f"{name}: true ROI {sum(effects[name]) / sum(spend[name]):.3f}")

with open(os.path.join(here, "experiment.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["user_id", "variant", "converted", "revenue"])
    for u in range(1, 4001):
        v = "control" if random.random() < 0.5 else "treatment"
        p = 0.10 if v == "control" else 0.125
        c = random.random() < p
        rev = round(math.exp(random.gauss(3.6, 0.5)), 2) if c else 0.0
        w.writerow([u, v, "True" if c else "False", rev])
