"""Volume tiers against price elasticity from order lines (tests/marketing_elasticity.rs,
BENCHMARKS.md "Price elasticity from order lines").

1. The synthetic lines of `order_lines_volume_tiers_are_not_price_changes`: per-product slope of
   log weekly units on the log of the average selling price (revenue / units), the price the
   elasticity used before: 30001 -1.42 (truth -1), 30002 -6.13 (its list price never moves).
2. The bundled sample (sale lines): per product with at least 8 weeks and a log price standard
   deviation of at least 0.02, the slope (and a 95% interval from its standard error) with the
   weekly price taken three ways: the average selling price, the median line price, and the
   median price of the ordinary-size lines (quantity at most the product's median line
   quantity; all the week's lines when none is that small), which ShopLens uses.
  python3 tests/reference/elasticity_tiers.py
"""
import numpy as np
import pandas as pd
from scipy import stats

from sample_orders import load


def synthetic():
    rows = []
    for w in range(60):
        bulk = w % 2 == 0
        for sku, p0, amp in [("30001", 5.0, 0.2), ("30002", 8.0, 0.0)]:
            # Rust's round(): half away from zero (values here are positive)
            p = np.floor(p0 * (1 + amp * np.sin(w * 0.9)) * 100 + 0.5) / 100
            small = np.floor(10 * (p / p0) ** -1 + 0.5)
            rows += [(sku, w, small, p)] * 6
            if bulk:
                rows.append((sku, w, 4 * small, np.floor(0.8 * p * 100 + 0.5) / 100))
    df = pd.DataFrame(rows, columns=["sku", "w", "q", "p"])
    df["r"] = df.q * df.p
    c = df.groupby(["sku", "w"]).agg(q=("q", "sum"), r=("r", "sum")).reset_index()
    for sku, g in c.groupby("sku"):
        print(f"synthetic {sku}: average-price slope {stats.linregress(np.log(g.r / g.q), np.log(g.q)).slope:.2f}")


def sample():
    _, _, df = load()
    df = df.copy()
    df["week"] = pd.to_datetime(df.InvoiceDate).dt.to_period("W-SUN")
    df["rev"] = df.Quantity * df.UnitPrice
    cells = df.groupby(["StockCode", "week"]).agg(
        q=("Quantity", "sum"), rev=("rev", "sum"), med=("UnitPrice", "median")).reset_index()
    cells["avg"] = cells.rev / cells.q
    mq = df.groupby("StockCode").Quantity.median().rename("mq")
    df = df.join(mq, on="StockCode")
    small = df[df.Quantity <= df.mq].groupby(["StockCode", "week"]).UnitPrice.median().rename("ordinary")
    cells = cells.join(small, on=["StockCode", "week"])
    cells["ordinary"] = cells.ordinary.fillna(cells.med)
    for col in ["avg", "med", "ordinary"]:
        e, se = [], []
        for _, c in cells.groupby("StockCode"):
            x, y = np.log(c[col]), np.log(c.q)
            if len(c) < 8 or x.std() < 0.02:
                continue
            r = stats.linregress(x, y)
            e.append(r.slope)
            se.append(r.stderr)
        e, se = np.array(e), np.array(se)
        print(f"sample, weekly price = {col}: {len(e)} products, interval below 0: {np.sum(e + 1.96 * se < 0)}, "
              f"above 0: {np.sum(e - 1.96 * se > 0)}, median elasticity {np.median(e):.2f}")


def products():
    """Per-product slopes on the ordinary-size line price, for
    `sample_slopes_on_ordinary_line_prices_match_scipy`."""
    _, _, df = load()
    df = df.copy()
    df["week"] = pd.to_datetime(df.InvoiceDate).dt.to_period("W-SUN")
    df = df.join(df.groupby("StockCode").Quantity.median().rename("mq"), on="StockCode")
    for sku in ["84508A", "84029E", "40016", "22197"]:
        d = df[df.StockCode == sku]
        q = d.groupby("week").Quantity.sum()
        small = d[d.Quantity <= d.mq].groupby("week").UnitPrice.median()
        p = small.reindex(q.index).fillna(d.groupby("week").UnitPrice.median())
        print(f"{sku}: {len(q)} weeks, slope {stats.linregress(np.log(p), np.log(q)).slope!r}")


synthetic()
sample()
products()
