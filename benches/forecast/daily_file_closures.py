"""Closures in a series file of days (BENCHMARKS.md, "Closures in a series file of days"): the
UCI Online Retail daily sales written as a `GROUP BY` export would write them (`series_id,date,
units`, one row per series and day that sold, so closed days are missing rows the reader adds
as 0), cut at the eight dates of "Holidays in daily forecasts", forecast 14 days ahead by two
builds of `shoplens forecast FILE --horizon 14` (automatic), scored by the mean absolute error
on the next 14 days the shop sold on (and the mean error, forecast − actual, and the root mean
squared error).

    python3 benches/forecast/daily_file_closures.py BEFORE_BIN AFTER_BIN [total|top|week|month]

`total`: one series, the shop's daily units (sale lines: quantity and price above 0, not
cancellations). `top`: the 30 products with the most units before the first cut, one series
each (the file's total is theirs, not the shop's); MAE over products and days. `week` /
`month`: the total's file of days added up by `--freq week|month` (horizon 8 weeks or 3 months),
cut at the Mondays or month starts of `benches/forecast/uci_cuts.py`, scored on the periods'
sales.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

UCI = os.path.join(os.path.dirname(__file__), '../../../shared/data/online_retail_uci/online_retail.csv.gz')
CUTS = ['2011-04-26', '2011-05-03', '2011-05-31', '2011-08-29', '2011-08-30', '2011-09-13',
        '2011-10-18', '2011-11-08']
H = 14


WEEK_CUTS = ['2011-02-07', '2011-03-07', '2011-04-04', '2011-05-09', '2011-06-06', '2011-07-04',
             '2011-08-01', '2011-09-05', '2011-10-03']
MONTH_CUTS = ['2011-03-01', '2011-04-01', '2011-05-01', '2011-06-01', '2011-07-01', '2011-08-01',
              '2011-09-01']


def grouped(before, after, daily, freq):
    """The total's file of days cut, added up into weeks or months by the CLI."""
    cuts, h = (WEEK_CUTS, 8) if freq == 'week' else (MONTH_CUTS, 3)
    total = daily.droplevel('series_id')
    if freq == 'week':
        key = total.index - pd.to_timedelta(total.index.dayofweek, unit='D')
    else:
        key = total.index.to_period('M').start_time
    periods = total.groupby(key).sum()
    tmp = tempfile.mkdtemp()
    res = {before: [], after: []}
    print('cut         MAE before   after   ME before   after')
    for cut in cuts:
        ct = pd.Timestamp(cut)
        hist = total[total.index < ct].rename('units').rename_axis('date').reset_index()
        path = os.path.join(tmp, f'daily_{cut}.csv')
        hist.assign(series_id='total', date=hist.date.dt.strftime('%Y-%m-%d')).to_csv(path, index=False)
        ahead = [ct + (pd.DateOffset(months=k) if freq == 'month' else pd.Timedelta(weeks=k)) for k in range(h)]
        actual = np.array([periods.get(p, 0.0) for p in ahead])
        row = [cut]
        for b in (before, after):
            out = os.path.join(tmp, 'out.csv')
            subprocess.run([b, 'forecast', path, '--freq', freq, '--horizon', str(h), '--out', out],
                           check=True, capture_output=True)
            f = pd.read_csv(out).sort_values('step').forecast.to_numpy()
            e = f - actual
            res[b].append((np.abs(e).mean(), e.mean()))
            row.append(res[b][-1])
        (a1, m1), (a2, m2) = row[1], row[2]
        print(f'{row[0]}  {a1:10.1f} {a2:7.1f} {m1:11.1f} {m2:7.1f}')
    mb, ma = np.mean(res[before], axis=0), np.mean(res[after], axis=0)
    print(f'mean        {mb[0]:10.1f} {ma[0]:7.1f} {mb[1]:11.1f} {ma[1]:7.1f}')


def main():
    before, after = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else 'total'
    raw = pd.read_csv(UCI, dtype=str, encoding='latin-1')
    t = pd.to_datetime(raw.InvoiceDate, format='mixed').dt.normalize()
    q = pd.to_numeric(raw.Quantity)
    p = pd.to_numeric(raw.UnitPrice)
    keep = ~raw.InvoiceNo.str.startswith('C') & (q > 0) & (p > 0)
    d = pd.DataFrame({'date': t[keep], 'sku': raw.StockCode[keep], 'q': q[keep]})
    if mode == 'top':
        first = pd.Timestamp(CUTS[0])
        top = d[d.date < first].groupby('sku').q.sum().nlargest(30).index
        d = d[d.sku.isin(top)].rename(columns={'sku': 'series_id'})
    else:
        d = d.assign(series_id='total')
    daily = d.groupby(['series_id', 'date']).q.sum()
    if mode in ('week', 'month'):
        return grouped(before, after, daily, mode)
    # the days the shop sold on (any product)
    shop_days = set(t[keep].unique())
    tmp = tempfile.mkdtemp()
    res = {before: [], after: []}
    print('cut         MAE before   after   ME before   after   RMSE before   after')
    for cut in CUTS:
        ct = pd.Timestamp(cut)
        hist = daily[daily.index.get_level_values('date') < ct].reset_index()
        hist = hist.rename(columns={'q': 'units'})
        path = os.path.join(tmp, f'daily_{cut}.csv')
        hist.assign(date=hist.date.dt.strftime('%Y-%m-%d')).to_csv(path, index=False)
        days = [ct + pd.Timedelta(days=k) for k in range(H)]
        row = [cut]
        for b in (before, after):
            out = os.path.join(tmp, 'out.csv')
            subprocess.run([b, 'forecast', path, '--horizon', str(H), '--out', out],
                           check=True, capture_output=True)
            f = pd.read_csv(out, dtype={'series_id': str})
            errs = []  # forecast − actual
            for sid, g in f.groupby('series_id'):
                g = g.sort_values('step')
                for k, day in enumerate(days):
                    if day in shop_days:
                        actual = daily.get((sid, day), 0.0)
                        errs.append(g.forecast.iloc[k] - actual)
            e = np.array(errs)
            r = (np.abs(e).mean(), e.mean(), np.sqrt((e ** 2).mean()))
            res[b].append(r)
            row.append(r)
        (a1, m1, r1), (a2, m2, r2) = row[1], row[2]
        print(f'{row[0]}  {a1:10.1f} {a2:7.1f} {m1:11.1f} {m2:7.1f} {r1:13.1f} {r2:7.1f}')
    mb, ma = np.mean(res[before], axis=0), np.mean(res[after], axis=0)
    print(f'mean        {mb[0]:10.1f} {ma[0]:7.1f} {mb[1]:11.1f} {ma[1]:7.1f} {mb[2]:13.1f} {ma[2]:7.1f}')


if __name__ == '__main__':
    main()
