"""Generate the bundled synthetic price and promotion samples (no shared data is copied).

prices.csv      store x brand x week: week (date), store, brand, price, units, deal, feat
                units = exp(a_store + m_brand + e_brand * ln(price / list_brand)
                            + 0.25 * deal + 0.6 * feat + noise(sd 0.15)), rounded.
                True own-price elasticities: Sunny -2.5, Valley -1.2, House -3.0;
                deal lift e^0.25 - 1 = +28.4%, feature lift e^0.6 - 1 = +82.2%.
promotions.csv  daily sales of one product for 2023-01-02 .. 2024-12-29: date, units, revenue, promo
                baseline 120 + trend + yearly season + weekday pattern, noise sd 8;
                promotions add +45 units a day; price 12.0 (10.2 during promotions).
                True incremental units = 45 x promoted days (printed).

Usage: python3 www/sample/marketing/generate_prices.py  (deterministic, seed 11)
"""
import csv
import datetime as dt
import math
import os
import random

random.seed(11)
here = os.path.dirname(os.path.abspath(__file__))

start = dt.date(2023, 1, 2)
brands = {"Sunny": (3.49, -2.5, 5.0), "Valley": (2.99, -1.2, 4.6), "House": (2.29, -3.0, 4.3)}
stores = {"North": 0.2, "Centre": 0.0, "South": -0.3}
with open(os.path.join(here, "prices.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["week", "store", "brand", "price", "units", "deal", "feat"])
    for t in range(104):
        day = (start + dt.timedelta(weeks=t)).isoformat()
        for s, a in stores.items():
            for b, (lst, e, m) in brands.items():
                deal = 1 if random.random() < 0.2 else 0
                feat = 1 if random.random() < 0.1 else 0
                cut = random.choice([0.0, 0.0, 0.05, 0.1, 0.15]) + (0.15 if deal else 0.0)
                price = round(lst * (1 - cut) * (1 + random.gauss(0, 0.02)), 2)
                lu = a + m + e * math.log(price / lst) + 0.25 * deal + 0.6 * feat + random.gauss(0, 0.15)
                w.writerow([day, s, b, f"{price:.2f}", round(math.exp(lu) * 10), deal, feat])
print("prices.csv: true elasticities Sunny -2.5, Valley -1.2, House -3.0; deal +28.4%, feat +82.2%")

days = 728
promos = [(60, 74), (200, 207), (330, 344), (480, 494), (640, 647)]
weekday = [0, -5, -5, 0, 10, 25, 15]
promoted = 0
with open(os.path.join(here, "promotions.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["date", "units", "revenue", "promo"])
    for t in range(days):
        d = start + dt.timedelta(days=t)
        on = any(a <= t < b for a, b in promos)
        promoted += on
        base = 120 + 20 * t / days + 15 * math.sin(2 * math.pi * d.toordinal() / 365.25) + weekday[d.weekday()]
        units = max(0, round(base + (45 if on else 0) + random.gauss(0, 8)))
        price = 10.2 if on else 12.0
        w.writerow([d.isoformat(), units, f"{units * price:.2f}", int(on)])
print(f"promotions.csv: {promoted} promoted days, true incremental units {45 * promoted}")
