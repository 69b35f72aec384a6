"""statsforecast 2.1.1 on ../shared/data/intermittent_carparts_jewelry/jewelry_weekly_wide.csv
(314 items x 124 ISO weeks, no empty cells, no zeros): the last 8 weeks of every item held out,
sMAPE and MASE scaled by the in-sample naive (lag 1) error, as tests/forecast_wide.rs scores
ShopLens. Usage: python3 benches/forecast/jewelry_statsforecast.py [arima]
"""
import sys
import time

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import (ADIDA, IMAPA, TSB, AutoARIMA, AutoETS, AutoTheta,
                                  CrostonOptimized, Naive, SeasonalNaive)

H = 8
M = 52
w = pd.read_csv('../shared/data/intermittent_carparts_jewelry/jewelry_weekly_wide.csv')
w['ds'] = pd.to_datetime(w['week'] + '-1', format='%G-W%V-%u')
long = (w.drop(columns='week').melt(id_vars='ds', var_name='unique_id', value_name='y')
        .dropna().sort_values(['unique_id', 'ds']))
train = long.groupby('unique_id', group_keys=False).apply(lambda g: g.iloc[:-H])
test = long.groupby('unique_id', group_keys=False).apply(lambda g: g.iloc[-H:]).copy()
models = [SeasonalNaive(M), Naive(), AutoETS(season_length=M), AutoTheta(season_length=M),
          CrostonOptimized(), IMAPA(), TSB(0.1, 0.1), ADIDA()]
if 'arima' in sys.argv:
    models.append(AutoARIMA(season_length=M))
t = time.time()
fc = StatsForecast(models=models, freq='W-MON', n_jobs=2).forecast(df=train, h=H).reset_index()
print(f'wall {time.time() - t:.1f} s')
cols = [c for c in fc.columns if c not in ('unique_id', 'ds', 'index')]
fc['k'] = fc.groupby('unique_id').cumcount()
test['k'] = test.groupby('unique_id').cumcount()
m = fc.merge(test[['unique_id', 'k', 'y']], on=['unique_id', 'k'])
scale = train.groupby('unique_id')['y'].apply(lambda y: np.mean(np.abs(np.diff(y.values))))
if {'AutoETS', 'AutoTheta', 'AutoARIMA'} <= set(cols):
    m['mean3'] = m[['AutoETS', 'AutoTheta', 'AutoARIMA']].mean(axis=1)
    cols.append('mean3')
for c in cols:
    err = (m['y'] - m[c]).abs()
    smape = (200 * err / (m['y'].abs() + m[c].abs())).groupby(m['unique_id']).mean().mean()
    mase = (err.groupby(m['unique_id']).mean() / scale).mean()
    print(f'{c:18s} sMAPE {smape:.4f}  MASE {mase:.4f}')
