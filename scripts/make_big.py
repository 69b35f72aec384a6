#!/usr/bin/env python3
"""Write a big synthetic store for benchmarks: the UCI Online Retail file repeated until it has
--lines data lines, copy k (k = 0, 1, 2, ...) with shifted ids so that copies do not merge:

  InvoiceNo   numeric part + k * 1,000,000   (a leading "C" or "A" is kept)
  CustomerID  + k * 100,000                  (empty stays empty: guests stay guests)
  InvoiceDate unchanged, unless --shift-years (copy k moves k years later)

Copy 0 is the original file, so the first 541,909 lines are byte-identical to it. Output is
gzip-compressed when --out ends in .gz. Not committed (benchmarks only). Standard library only.

  python3 scripts/make_big.py --lines 5000000 --out target/big/online_retail_5m.csv.gz
"""
import argparse
import gzip
import io
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SRC = os.path.join(ROOT, "..", "shared", "data", "online_retail_uci", "online_retail.csv.gz")


def shift_line(line, k, shift_years):
    if k == 0 and not shift_years:
        return line
    # InvoiceNo is the first field and never quoted; CustomerID and Country are the last two
    # fields and never contain commas (Description, in the middle, may be quoted).
    inv, rest = line.split(",", 1)
    head, cid, country = rest.rsplit(",", 2)
    prefix = inv.rstrip("0123456789")
    inv = prefix + str(int(inv[len(prefix):]) + k * 1_000_000)
    if cid:
        cid = "%.1f" % (float(cid) + k * 100_000)
    if shift_years and k:
        # head = StockCode,Description,Quantity,InvoiceDate,UnitPrice ; date is 2nd from right
        pre, date, price = head.rsplit(",", 2)
        date = str(int(date[:4]) + k) + date[4:]
        head = ",".join((pre, date, price))
    return ",".join((inv, head, cid, country))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default=DEFAULT_SRC)
    ap.add_argument("--lines", type=int, default=5_000_000, help="number of data lines (header excluded)")
    ap.add_argument("--out", required=True, help="output path (.csv or .csv.gz)")
    ap.add_argument("--shift-years", action="store_true", help="copy k is dated k years later")
    args = ap.parse_args()

    with gzip.open(args.src, "rt", encoding="utf-8", newline="") as f:
        header = f.readline()
        src = f.read().splitlines(keepends=False)
    if not src:
        print("empty source", file=sys.stderr)
        return 1

    os.makedirs(os.path.dirname(os.path.abspath(args.out)) or ".", exist_ok=True)
    tmp = args.out + ".tmp"
    raw = open(tmp, "wb")
    sink = gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0) if args.out.endswith(".gz") else raw
    out = io.TextIOWrapper(sink, encoding="utf-8", newline="", write_through=False)
    out.write(header)
    written, k = 0, 0
    while written < args.lines:
        chunk = src[: args.lines - written]
        out.write("\n".join(shift_line(l, k, args.shift_years) for l in chunk))
        out.write("\n")
        written += len(chunk)
        k += 1
    out.flush()
    out.close()
    if sink is not raw:
        raw.close()
    os.replace(tmp, args.out)
    print(f"wrote {written} lines ({k} copies) to {args.out} ({os.path.getsize(args.out)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
