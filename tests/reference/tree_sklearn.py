"""Reference for tests/marketing_tree.rs: scikit-learn DecisionTreeRegressor on a small
deterministic data set (same formulas as the test).
  /tmp/mktvenv/bin/python tests/reference/tree_sklearn.py
"""
import numpy as np
import sklearn
from sklearn.tree import DecisionTreeRegressor

n = 60
i = np.arange(n)
tv = ((37 * i) % 101) * 10
search = ((53 * i + 7) % 89) * 5
promo = (11 * i + 3) % 7
y = 500 + np.where(tv > 500, 300.0, 0.0) + 2.0 * search + 40.0 * promo + ((i * 7919) % 113) * 1.5
X = np.column_stack([tv, search, promo]).astype(float)
for depth, split, leaf in [(3, 10, 5), (4, 2, 1)]:
    t = DecisionTreeRegressor(max_depth=depth, min_samples_split=split, min_samples_leaf=leaf, random_state=0).fit(X, y)
    tr = t.tree_
    print(f"sklearn {sklearn.__version__} max_depth={depth} min_samples_split={split} min_samples_leaf={leaf}: {tr.node_count} nodes")
    print("feature", list(tr.feature))
    print("threshold", [float(v) for v in tr.threshold])
    print("samples", list(tr.n_node_samples))
    print("value", [float(f"{v:.9g}") for v in tr.value[:, 0, 0]])
    print("importances", [float(f"{v:.9g}") for v in t.feature_importances_])
    print("prediction sum", float(f"{t.predict(X).sum():.9g}"), "r2", float(f"{t.score(X, y):.9g}"))
