#!/usr/bin/env python3
"""Build the bundled sample store www/sample/online_retail_sample.csv.gz.

The sample is every line of the UCI Online Retail file (CC BY 4.0) whose InvoiceDate falls in
whole calendar months [--start, --end] (cancellations, guests and bad lines included, so the
cleaning report has something to show). Lines are copied byte for byte; the output is gzip -9
with a fixed header (mtime 0, no file name) so rebuilding gives the identical file.

It prints the expected cleaning numbers (the e2e tests and www/sample/README.md use them):
  order level    = drop InvoiceNo starting with "C", Quantity <= 0, UnitPrice <= 0
  customer level = order level, also drop empty CustomerID
  revenue        = sum(Quantity * UnitPrice), exact decimal arithmetic, rounded to 3 decimals

Python 3 standard library only.
  python3 scripts/make_sample.py                     # defaults below
  python3 scripts/make_sample.py --start 2011-06 --end 2011-09 --out /tmp/s.csv.gz
  python3 scripts/make_sample.py --stats-only FILE.csv[.gz]   # just print the numbers
"""
import argparse
import csv
import gzip
import io
import json
import os
import sys
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SRC = os.path.join(ROOT, "..", "shared", "data", "online_retail_uci", "online_retail.csv.gz")
DEFAULT_OUT = os.path.join(ROOT, "www", "sample", "online_retail_sample.csv.gz")
MAX_BYTES = 3 * 1024 * 1024


def open_text(path):
    raw = open(path, "rb")
    if raw.read(2) == b"\x1f\x8b":
        raw.seek(0)
        return io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8", newline="")
    raw.seek(0)
    return io.TextIOWrapper(raw, encoding="utf-8", newline="")


class Stats:
    """Order-level and customer-level counts as defined in the module docstring."""

    def __init__(self):
        self.lines = 0
        self.cancellation_lines = 0
        self.guest_lines = 0
        self.ol_lines = 0
        self.ol_orders = set()
        self.ol_customers = set()
        self.ol_revenue = Decimal(0)
        self.cl_lines = 0
        self.cl_orders = set()
        self.cl_customers = set()
        self.cl_revenue = Decimal(0)

    def add(self, row):
        inv, qty, price, cid = row[0].strip(), row[3].strip(), row[5].strip(), row[6].strip()
        self.lines += 1
        if inv.startswith("C"):
            self.cancellation_lines += 1
        if not cid:
            self.guest_lines += 1
        q, p = Decimal(qty), Decimal(price)
        if inv.startswith("C") or q <= 0 or p <= 0:
            return
        amount = q * p
        self.ol_lines += 1
        self.ol_orders.add(inv)
        self.ol_revenue += amount
        if cid:
            self.ol_customers.add(cid)
            self.cl_lines += 1
            self.cl_orders.add(inv)
            self.cl_customers.add(cid)
            self.cl_revenue += amount

    def as_dict(self):
        r3 = lambda d: float(d.quantize(Decimal("0.001")))
        return {
            "lines": self.lines,
            "cancellation_lines": self.cancellation_lines,
            "guest_lines": self.guest_lines,
            "order_level": {
                "lines": self.ol_lines,
                "orders": len(self.ol_orders),
                "customers": len(self.ol_customers),
                "revenue": r3(self.ol_revenue),
            },
            "customer_level": {
                "lines": self.cl_lines,
                "orders": len(self.cl_orders),
                "customers": len(self.cl_customers),
                "revenue": r3(self.cl_revenue),
            },
        }


def stats_of(path):
    st = Stats()
    with open_text(path) as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            st.add(row)
    return st.as_dict()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default=DEFAULT_SRC, help="UCI online_retail.csv.gz")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--start", default="2011-06", help="first month, YYYY-MM (inclusive)")
    ap.add_argument("--end", default="2011-09", help="last month, YYYY-MM (inclusive)")
    ap.add_argument("--stats-only", metavar="FILE", help="only print the numbers of FILE")
    args = ap.parse_args()

    if args.stats_only:
        print(json.dumps(stats_of(args.stats_only), indent=2))
        return 0

    if not os.path.exists(args.src):
        print(f"source not found: {args.src}", file=sys.stderr)
        return 1

    buf = io.BytesIO()
    st = Stats()
    with open_text(args.src) as f:
        header = f.readline()
        buf.write(header.encode("utf-8"))
        for line in f:
            row = next(csv.reader([line]))
            month = row[4].strip()[:7]
            if args.start <= month <= args.end:
                buf.write(line.encode("utf-8"))
                st.add(row)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(buf.getvalue())
    size = os.path.getsize(tmp)
    if size >= MAX_BYTES:
        os.remove(tmp)
        print(f"sample would be {size} bytes (>= {MAX_BYTES}); choose fewer months", file=sys.stderr)
        return 1
    os.replace(tmp, args.out)
    out = st.as_dict()
    out["months"] = [args.start, args.end]
    out["bytes_gz"] = size
    out["bytes_csv"] = len(buf.getvalue())
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
