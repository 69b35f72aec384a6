"""Peer measurement for the import benchmark and reference numbers for the overview tests.

pandas read_csv of the UCI Online Retail file + the same cleaning as ShopLens
(cancellations = InvoiceNo starting with "C"; Quantity <= 0; UnitPrice <= 0; guests kept at
order level, dropped at customer level), timed as the median of N runs.

    python3 benches/pandas_import.py [runs]
"""
import statistics
import sys
import time

import pandas as pd

PATH = "../shared/data/online_retail_uci/online_retail.csv.gz"


def load_and_clean():
    df = pd.read_csv(PATH, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    dups = int(df.duplicated().sum())
    inv = df["InvoiceNo"].astype(str)
    canc = inv.str.startswith("C")
    sales = df[~canc & (df.Quantity > 0) & (df.UnitPrice > 0)].copy()
    sales["Revenue"] = sales.Quantity * sales.UnitPrice
    sales["InvoiceDate"] = pd.to_datetime(sales.InvoiceDate)
    returns = df[canc].copy()
    returns["Value"] = (returns.Quantity * returns.UnitPrice).abs()
    returns["InvoiceDate"] = pd.to_datetime(returns.InvoiceDate)
    cust = sales[sales.CustomerID.notna()]
    return df, dups, sales, returns, cust


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = load_and_clean()
        times.append(time.perf_counter() - t0)
    df, dups, sales, returns, cust = out
    print(f"pandas read_csv + clean: median {statistics.median(times):.3f} s over {runs} runs "
          f"(min {min(times):.3f}, max {max(times):.3f})")
    print(f"rows {len(df)} dups {dups} cancellations {len(returns)} no-customer {df.CustomerID.isna().sum()}")
    print(f"order level lines {len(sales)} orders {sales.InvoiceNo.nunique()} revenue {sales.Revenue.sum():.3f}")
    print(f"customer level lines {len(cust)} orders {cust.InvoiceNo.nunique()} "
          f"customers {cust.CustomerID.nunique()} revenue {cust.Revenue.sum():.3f}")

    def kpis(s, r, label):
        c = s[s.CustomerID.notna()]
        per = c.groupby("CustomerID").InvoiceNo.nunique()
        rev = s.Revenue.sum()
        orders = s.InvoiceNo.nunique()
        guest_orders = s[s.CustomerID.isna()].InvoiceNo.nunique()
        print(f"[{label}] revenue {rev:.4f} orders {orders} customers {len(per)} aov {rev / orders:.6f} "
              f"repeat {(per >= 2).sum() / len(per):.6f} returns_rate {r.Value.sum() / rev:.6f} "
              f"lines {len(s)} guest_orders {guest_orders}")
        w = s.set_index("InvoiceDate").Revenue.resample("W-MON", label="left", closed="left").sum()
        print(f"[{label}] weeks {len(w)} first {w.index[0].date()} {w.iloc[0]:.3f} last {w.index[-1].date()} {w.iloc[-1]:.3f}")
        m = s.set_index("InvoiceDate").Revenue.resample("MS").sum()
        mo = s.set_index("InvoiceDate").InvoiceNo.resample("MS").nunique()
        print(f"[{label}] months {len(m)} first {m.index[0].date()} {m.iloc[0]:.3f} orders {mo.iloc[0]}")
        p = s.groupby("StockCode").agg(revenue=("Revenue", "sum"), qty=("Quantity", "sum"),
                                        orders=("InvoiceNo", "nunique"), customers=("CustomerID", "nunique"))
        p = p.sort_values("revenue", ascending=False)
        top = p.index[0]
        name = s[s.StockCode == top].Description.value_counts().index[0]
        print(f"[{label}] products {len(p)} top {top} '{name}' {p.iloc[0].to_dict()}")
        co = s.groupby("Country").agg(revenue=("Revenue", "sum"), orders=("InvoiceNo", "nunique"),
                                       customers=("CustomerID", "nunique")).sort_values("revenue", ascending=False)
        print(f"[{label}] countries {len(co)} top {co.index[0]} {co.iloc[0].to_dict()} second {co.index[1]} {co.iloc[1].to_dict()}")

    kpis(sales, returns, "all")
    lo, hi = pd.Timestamp("2011-01-01"), pd.Timestamp("2011-03-31 23:59:59")
    kpis(sales[(sales.InvoiceDate >= lo) & (sales.InvoiceDate <= hi)],
         returns[(returns.InvoiceDate >= lo) & (returns.InvoiceDate <= hi)], "q1-2011")


if __name__ == "__main__":
    main()
