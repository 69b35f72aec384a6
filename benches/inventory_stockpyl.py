"""Peer loop for the inventory benchmark: stockpyl 1.0.2 EOQ + newsvendor (normal) for N SKUs.

Run: python3 benches/inventory_stockpyl.py [N]   (pip install stockpyl==1.0.2)
Also prints the issue-6 reference values.
"""
import sys
import time

from stockpyl.eoq import economic_order_quantity, economic_order_quantity_with_backorders, \
    economic_production_quantity
from stockpyl.newsvendor import newsvendor_normal
from stockpyl.eoq import economic_order_quantity as eoq

print("EOQ", economic_order_quantity(8, 0.225, 1300))
print("EOQ-B", economic_order_quantity_with_backorders(8, 0.225, 5, 1300))
print("EPQ", economic_production_quantity(8, 0.225, 1300, 1700))
print("NV", newsvendor_normal(2, 18, 120, 10))

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3900
runs = 5
times = []
for _ in range(runs):
    t = time.perf_counter()
    acc = 0.0
    for i in range(n):
        d = 100.0 + i
        q, c = eoq(20.0, 0.25 * (1.0 + i % 50), d)
        s, g = newsvendor_normal(2.0, 18.0, d / 12.0, 1.0 + (i % 7))
        acc += q + s
    times.append(time.perf_counter() - t)
times.sort()
print(f"stockpyl EOQ + newsvendor_normal, {n} SKUs: median {times[runs // 2] * 1000:.1f} ms over {runs} runs (checksum {acc:.3f})")
