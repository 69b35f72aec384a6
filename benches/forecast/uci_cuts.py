"""Forecast accuracy on the UCI Online Retail file cut at several dates: two `shoplens` builds
compared (BENCHMARKS.md, "Holidays in weekly and monthly histories").

    python3 benches/forecast/uci_cuts.py BEFORE_BIN AFTER_BIN [week|month|sku]

For each cut, the file's rows dated before it are written to a temporary .csv.gz and each
binary runs `shoplens forecast FILE --freq week|month --horizon 8|3` (total) or `--by sku --freq
week --horizon 8`. Actuals: the kept sales after the cut (quantity and price above 0, no
cancellation lines) less the cancellation lines' units, per week (Monday to Sunday) or month
(and product), never below 0, as the app nets them. Prints MAE (and, per product, mean error
and RMSE) per cut and their means.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

UCI = os.path.join(os.path.dirname(__file__), '../../../shared/data/online_retail_uci/online_retail.csv.gz')
WEEK_CUTS = ['2011-02-07', '2011-03-07', '2011-04-04', '2011-05-09', '2011-06-06', '2011-07-04',
             '2011-08-01', '2011-09-05', '2011-10-03']
MONTH_CUTS = ['2011-03-01', '2011-04-01', '2011-05-01', '2011-06-01', '2011-07-01', '2011-08-01',
              '2011-09-01']


def main():
    before, after, mode = sys.argv[1], sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else 'week')
    raw = pd.read_csv(UCI, dtype=str, encoding='latin-1')
    t = pd.to_datetime(raw.InvoiceDate, format='mixed')
    d = raw.assign(t=t, q=pd.to_numeric(raw.Quantity), p=pd.to_numeric(raw.UnitPrice))
    cancel = d.InvoiceNo.str.startswith('C')
    sales, ret = d[~cancel & (d.q > 0) & (d.p > 0)], d[cancel]
    if mode == 'month':
        key = lambda x: x.t.dt.to_period('M').dt.start_time
        cuts, h = MONTH_CUTS, 3
    else:
        key = lambda x: x.t.dt.normalize() - pd.to_timedelta(x.t.dt.dayofweek, unit='D')
        cuts, h = WEEK_CUTS, 8
    by = ['StockCode'] if mode == 'sku' else []
    s = sales.assign(k=key(sales)).groupby(by + ['k']).q.sum()
    r = ret.assign(k=key(ret), q=ret.q.abs()).groupby(by + ['k']).q.sum()
    net = (s - r.reindex(s.index, fill_value=0)).clip(lower=0)
    rows = []
    tmp = tempfile.mkdtemp()
    for cut in cuts:
        ct = pd.Timestamp(cut)
        path = os.path.join(tmp, f'uci_{cut}.csv.gz')
        raw[t < ct].to_csv(path, index=False, compression='gzip')
        periods = [ct + (pd.DateOffset(months=k) if mode == 'month' else pd.Timedelta(weeks=k))
                   for k in range(h)]
        row = [cut]
        for b in (before, after):
            out = os.path.join(tmp, 'out.csv')
            args = [b, 'forecast', path, '--horizon', str(h), '--out', out,
                    '--freq', 'month' if mode == 'month' else 'week']
            if mode == 'sku':
                args += ['--by', 'sku']
            subprocess.run(args, check=True, capture_output=True)
            fc = pd.read_csv(out, dtype={'series_id': str})
            when = fc.step.map(lambda k: periods[k - 1])
            if mode == 'sku':
                act = np.array([net.get((a, w), 0.0) for a, w in zip(fc.series_id, when)])
            else:
                act = np.array([net.get(w, 0.0) for w in when])
            e = fc.forecast.values - act
            row += [np.mean(np.abs(e)), np.mean(e), np.sqrt(np.mean(e * e))]
        rows.append(row)
        print(row, flush=True)
    cols = ['cut'] + [f'{b}_{m}' for b in ('before', 'after') for m in ('mae', 'me', 'rmse')]
    df = pd.DataFrame(rows, columns=cols)
    print(df.round(2).to_string())
    print(df.drop(columns='cut').mean().round(2).to_string())


if __name__ == '__main__':
    main()
