"""A weekday profile for intermittent daily forecasts? (BENCHMARKS.md, "Weekday profiles for
intermittent daily products": measured, not adopted.) The automatic forecaster gives a product
that sells on few days a flat rate per open day (IMAPA and the other intermittent methods have
no season), even when it sells on Mondays and Thursdays only. This scores, on the UCI file cut
at the given dates, `shoplens forecast --by sku --freq day --horizon 14` (every product whose
model is an intermittent method) against the same forecasts multiplied by a weekday profile:

* `own`: the product's share of its selling days by weekday, with 2 pseudo-days per open weekday
  (w_d = (N_d + 2) / (N + 2k) · k over the k open weekdays);
* `shop`: the shop's mean units by weekday over the last 8 weeks, relative to its open days' mean;
* `mix`: `own` with its pseudo-days spread as the shop's selling days.

Net daily units per product (sales less cancellations on their day, never below 0), scored on
the shop's open weekdays of the 14 days after each cut: MAE, RMSE, MAE over the product's
in-sample mean (per product, then averaged) and the mean error.

    python3 benches/forecast/weekday_profile.py SHOPLENS_BIN 2011-05-31 [2011-08-30 …]
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

UCI = os.path.join(os.path.dirname(__file__), '../../../shared/data/online_retail_uci/online_retail.csv.gz')
INTERMITTENT = ('IMAPA', 'ADIDA', 'TSB', 'SBA', 'Croston', 'Intermittent')
PSEUDO = 2.0
H = 14


def main():
    binary, cuts = sys.argv[1], sys.argv[2:]
    raw = pd.read_csv(UCI, dtype=str, encoding='latin-1')
    stamp = pd.to_datetime(raw.InvoiceDate, format='mixed')
    day = stamp.dt.normalize()
    q = pd.to_numeric(raw.Quantity)
    p = pd.to_numeric(raw.UnitPrice)
    cancel = raw.InvoiceNo.str.startswith('C')
    sale = ~cancel & (q > 0) & (p > 0)
    sold = pd.DataFrame({'d': day[sale], 'sku': raw.StockCode[sale], 'q': q[sale]}).groupby(['sku', 'd']).q.sum()
    back = pd.DataFrame({'d': day[cancel], 'sku': raw.StockCode[cancel], 'q': q[cancel].abs()}).groupby(['sku', 'd']).q.sum()
    net = sold.sub(back, fill_value=0).clip(lower=0)
    net = net[net.index.isin(sold.index)]
    tmp = tempfile.mkdtemp()
    res = {}
    for cut in cuts:
        ct = pd.Timestamp(cut)
        path = os.path.join(tmp, f'uci_{cut}.csv.gz')
        raw[stamp < ct].to_csv(path, index=False, compression='gzip')
        out = os.path.join(tmp, f'out_{cut}.csv')
        subprocess.run([binary, 'forecast', path, '--by', 'sku', '--freq', 'day', '--horizon', str(H),
                        '--out', out], check=True, capture_output=True)
        f = pd.read_csv(out, dtype={'series_id': str})
        inter = f[f.model.str.startswith(INTERMITTENT)]
        days = [ct + pd.Timedelta(days=k) for k in range(H)]
        hist = net[net.index.get_level_values('d') < ct]
        total = hist.groupby(level='d').sum()
        total = total[total.index >= ct - pd.Timedelta(weeks=8)]
        shop_units = total.groupby(total.index.day_of_week).sum()
        shop_days = hist[hist > 0].index.get_level_values('d').day_of_week.value_counts()
        open_w = [w for w in range(7) if shop_units.get(w, 0) > 0]
        k = len(open_w)
        su = np.array([shop_units.get(w, 0) for w in range(7)], float)
        su = su / su[open_w].mean()
        sn = np.array([shop_days.get(w, 0) for w in range(7)], float)
        sn = sn / sn[open_w].sum()
        wd = np.array([d.day_of_week for d in days])
        mask = np.isin(wd, open_w)
        for sku, g in inter.groupby('series_id'):
            fc = g.sort_values('step').forecast.to_numpy()
            if sku not in hist.index.get_level_values('sku'):
                continue
            h = hist.loc[sku]
            n_w = np.array([(h[h > 0].index.day_of_week == w).sum() for w in range(7)], float)
            n = n_w[open_w].sum()
            own = np.array([(n_w[w] + PSEUDO) / (n + k * PSEUDO) * k if w in open_w else 0 for w in range(7)])
            mix = np.array([(n_w[w] + PSEUDO * k * sn[w]) / (n + k * PSEUDO) * k if w in open_w else 0
                            for w in range(7)])
            span = h.reindex(pd.date_range(h.index.min(), ct - pd.Timedelta(days=1)), fill_value=0)
            scale = span[span.index.day_of_week.isin(open_w)].mean()
            if scale <= 0:
                continue
            actual = np.array([net.get((sku, d), 0.0) for d in days])
            for name, mult in [('flat', np.ones(7)), ('own', own), ('shop', su), ('mix', mix)]:
                e = (fc * mult[wd] - actual)[mask]
                res.setdefault(name, []).append((np.abs(e).mean(), (e ** 2).mean(), np.abs(e).mean() / scale,
                                                 e.mean()))
        print(cut, len(inter.series_id.unique()), 'intermittent products', flush=True)
    for name, rows in res.items():
        a = np.array(rows)
        print(f'{name:5s} n={len(rows)}  MAE {a[:, 0].mean():.3f}  RMSE {np.sqrt(a[:, 1].mean()):.3f}  '
              f'scaled MAE {a[:, 2].mean():.4f}  ME {a[:, 3].mean():.3f}')


if __name__ == '__main__':
    main()
