"""The M3 monthly data of ../shared/data/m3/m3_long.csv.gz, loaded once for the bench scripts
(m3_statsforecast.py, m3_coverage.py, m3_ets_compare.py, m3_combinations/harness.py)."""
import os

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PATH = os.path.join(ROOT, "..", "shared", "data", "m3", "m3_long.csv.gz")


def monthly():
    """The 1,428 monthly series, long format, sorted by series id and t."""
    df = pd.read_csv(PATH)
    return df[df["period"] == "MONTHLY"].sort_values(["series_id", "t"])


def train_test(df=None):
    """(train, test): dicts series id -> numpy array of values, in time order."""
    df = monthly() if df is None else df
    tr, te = {}, {}
    for sid, g in df.groupby("series_id"):
        tr[sid] = g[g.split == "train"].value.to_numpy(float)
        te[sid] = g[g.split == "test"].value.to_numpy(float)
    return tr, te
