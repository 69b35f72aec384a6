"""Reference for tests/marketing_elasticity.rs: plain OLS on Dominick's orange juice
(../shared/data/dominicks_oj/oj_store_brand_week.csv.gz, bayesm orangeJuice).

logmove = store fixed effects + brand fixed effects + per-brand slope on log(own price)
          + deal + feat + e

Own price of brand b in a row is column price<b>. Run:
  python3 -m venv /tmp/mktvenv && /tmp/mktvenv/bin/pip install numpy pandas statsmodels
  /tmp/mktvenv/bin/python tests/reference/elasticity_oj.py
"""
import os
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm

here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "..", "..", "shared", "data", "dominicks_oj", "oj_store_brand_week.csv.gz")
df = pd.read_csv(path)
df["own_price"] = df.apply(lambda r: r[f"price{int(r['brand'])}"], axis=1)
df["lp"] = np.log(df["own_price"])
stores = sorted(df["store"].unique())
brands = sorted(df["brand"].unique())
cols = {}
for s in stores:
    cols[f"store_{s}"] = (df["store"] == s).astype(float)
for b in brands[1:]:
    cols[f"brand_{b}"] = (df["brand"] == b).astype(float)
for b in brands:
    cols[f"lp_{b}"] = (df["brand"] == b) * df["lp"]
cols["deal"] = df["deal"].astype(float)
cols["feat"] = df["feat"].astype(float)
X = pd.DataFrame(cols)
fit = sm.OLS(df["logmove"], X).fit()
print(f"n {len(df)} p {X.shape[1]} df_resid {fit.df_resid:.0f} r2 {fit.rsquared:.9g} sigma {np.sqrt(fit.scale):.9g}")
for b in brands:
    lo, hi = fit.conf_int().loc[f"lp_{b}"]
    print(f"brand {b}: elasticity {fit.params[f'lp_{b}']:.9g} se {fit.bse[f'lp_{b}']:.9g} ci [{lo:.9g}, {hi:.9g}]")
for f in ["deal", "feat"]:
    print(f"{f}: coef {fit.params[f]:.9g} se {fit.bse[f]:.9g} lift {100*np.expm1(fit.params[f]):.9g}%")
# Pooled: one common slope.
Xp = X.drop(columns=[f"lp_{b}" for b in brands])
Xp["lp"] = df["lp"]
fp = sm.OLS(df["logmove"], Xp).fit()
print(f"pooled: elasticity {fp.params['lp']:.9g} se {fp.bse['lp']:.9g} deal {fp.params['deal']:.9g} feat {fp.params['feat']:.9g}")

# Cheese (bayesm cheese): log VOLUME on log PRICE with retailer fixed effects and DISP.
c = pd.read_csv(os.path.join(here, "..", "..", "..", "shared", "data", "dominicks_oj", "cheese_retailer_week.csv"))
C = pd.get_dummies(c["RETAILER"], dtype=float)
C["lp"] = np.log(c["PRICE"])
C["DISP"] = c["DISP"]
fc = sm.OLS(np.log(c["VOLUME"]), C).fit()
print(f"cheese: n {len(c)} elasticity {fc.params['lp']:.9g} se {fc.bse['lp']:.9g} disp {fc.params['DISP']:.9g} se {fc.bse['DISP']:.9g}")
