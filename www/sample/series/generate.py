#!/usr/bin/env python3
"""Six M3-like monthly series for the Forecast page's "Forecast a series file…" sample.

Synthetic (nothing copied from a data set): each series is a level with a linear or damped
trend, a multiplicative monthly season and log-normal noise, from a fixed seed. Long format as
`shoplens forecast` reads it: `series_id,month,value,split`, the last 12 months of each series
marked `test` (held out and used to score the forecasts), the rest `train`.

    python3 www/sample/series/generate.py > www/sample/series/monthly_series.csv
"""
import math
import random

random.seed(20261128)

SPECS = [
    # id, start (year, month), months, level, trend per month (share), season amplitude, noise sd
    ("S01", (2012, 1), 84, 4200.0, 0.004, 0.25, 0.04),
    ("S02", (2013, 7), 72, 1800.0, -0.002, 0.10, 0.06),
    ("S03", (2011, 4), 96, 950.0, 0.008, 0.35, 0.05),
    ("S04", (2014, 1), 60, 7600.0, 0.000, 0.15, 0.03),
    ("S05", (2012, 10), 78, 2600.0, 0.006, 0.05, 0.08),
    ("S06", (2013, 1), 66, 520.0, 0.010, 0.30, 0.07),
]
TEST = 12

print("series_id,month,value,split")
for sid, (y0, m0), n, level, trend, amp, sd in SPECS:
    phase = random.uniform(0, 2 * math.pi)
    for i in range(n):
        y, m = divmod(m0 - 1 + i, 12)
        label = f"{y0 + y:04d}-{m + 1:02d}"
        season = 1 + amp * math.sin(2 * math.pi * (m + 1) / 12 + phase)
        value = level * (1 + trend) ** i * season * math.exp(random.gauss(0, sd))
        split = "test" if i >= n - TEST else "train"
        print(f"{sid},{label},{value:.2f},{split}")
