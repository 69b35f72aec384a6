"""Reference for src/analytics/forecast/thief.rs `reconciliation_matches_the_reference`:
the structural-scaling reconciliation of a temporal hierarchy by hierarchicalforecast
(MinTrace(method="wls_struct"), W = diag(S 1)) for one block of m periods. hierarchicalforecast
wants the bottom level last, so S is built from the top level down; the base forecasts are
given in thief.rs's order (level 1 first) and reordered here.

Run: python3 benches/forecast/thief_reference.py   (hierarchicalforecast 1.5.3)"""
import numpy as np
from hierarchicalforecast.methods import MinTrace


def summing(m, ks):
    rows = []
    for k in ks:
        for node in range(m // k):
            r = np.zeros(m)
            r[node * k:(node + 1) * k] = 1
            rows.append(r)
    return np.array(rows)


def reconcile(m, ks, y_hat):
    """ks increasing (1 first), y_hat stacked level by level in that order."""
    blocks, i = {}, 0
    for k in ks:
        blocks[k] = list(y_hat[i:i + m // k])
        i += m // k
    top_down = sorted(ks, reverse=True)
    S = summing(m, top_down)
    y = np.array([v for k in top_down for v in blocks[k]], float)[:, None]
    out = MinTrace(method="wls_struct").fit_predict(S=S, y_hat=y)
    return out["mean"][-m:, 0]


np.set_printoptions(precision=17)
print(repr(reconcile(4, [1, 2, 4], [10, 12, 9, 14, 20, 25, 50])))
months = [100 + 7 * i + (15 if i % 3 == 0 else -4) for i in range(12)]
upper = [230, 240, 260, 280, 300, 330,  # 6 two-month sums
         350, 370, 390, 420,            # 4 quarters
         460, 500, 560,                 # 3 four-month sums
         1100, 1190,                    # 2 halves
         2310]                          # the year
print(months)
print(repr(reconcile(12, [1, 2, 3, 4, 6, 12], months + upper)))


# THieF end to end on the classic monthly series: statsforecast 2.1.1's AutoETS at every level
# (season 12/k), reconciled as above; the first 12 reconciled months and each level's model.
# With `arima` as argument: statsforecast's AutoARIMA at every level instead (thief's
# usemodel = "arima"; a level too short for AutoARIMA gets its last value); with `theta`,
# statsforecast's DynamicOptimizedTheta (the product's Theta, DOTM) at every level.
if __name__ == "__main__":
    import os
    import sys
    import pandas
    from statsforecast.models import AutoARIMA, AutoETS, DynamicOptimizedTheta

    arima = sys.argv[1:] == ["arima"]
    theta = sys.argv[1:] == ["theta"]

    DATA = os.path.join(os.path.dirname(__file__), "../../../shared/data/classic_ts")
    for name in ["datasets_AirPassengers.csv", "fpp2_a10.csv", "fpp2_h02.csv", "forecast_wineind.csv"]:
        path = os.path.join(DATA, name)
        if not os.path.exists(path):
            continue
        df = pandas.read_csv(path)
        y = df.iloc[:, -1].to_numpy(float)
        ks = [1, 2, 3, 4, 6, 12]
        stacked, models = [], []
        for k in ks:
            yk = y[len(y) % k:].reshape(-1, k).sum(1)
            if theta:
                mod = DynamicOptimizedTheta(season_length=max(12 // k, 1)).fit(yk)
                stacked += list(mod.predict(12 // k)["mean"])
                models.append("DOTM")
                continue
            if arima:
                try:
                    mod = AutoARIMA(season_length=max(12 // k, 1)).fit(yk)
                    stacked += list(mod.predict(12 // k)["mean"])
                    a = mod.model_["arma"]  # p, q, P, Q, m, d, D
                    models.append(f"({a[0]},{a[5]},{a[1]})({a[2]},{a[6]},{a[3]})[{a[4]}]")
                except Exception:
                    stacked += [yk[-1]] * (12 // k)
                    models.append("naive")
                continue
            mod = AutoETS(season_length=max(12 // k, 1)).fit(yk)
            stacked += list(mod.predict(12 // k)["mean"])
            models.append(mod.model_["method"])
        print(name, models)
        print(repr(reconcile(12, ks, stacked)))
