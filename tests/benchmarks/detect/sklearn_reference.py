#!/usr/bin/env python3
"""scikit-learn on the matrices bench_detect wrote (--write-data), single-threaded, and the
ratio table against bench_detect's --results file.

    sklearn_reference.py DATA_DIR [--tideline results.txt] [--rows 100000,1000000]

Runs IsolationForest(n_estimators=100, max_samples=256), NearestNeighbors(n_neighbors=5) mean
distance to the 5 nearest other rows (kneighbors() without X leaves each row out), and an
MLPRegressor autoencoder (12-8-4-8-12, ReLU, Adam, batch 256, up to 50 epochs, early stopping
with patience 5) on min-max scaled rows. kNN runs on 100k rows only (1M would take an hour).
"""

import os

# Single-threaded, as the targets were measured: set before numpy loads its BLAS.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

try:
    import numpy as np
    import sklearn
    from sklearn.ensemble import IsolationForest
    from sklearn.metrics import roc_auc_score
    from sklearn.neighbors import NearestNeighbors
    from sklearn.neural_network import MLPRegressor
except ImportError as error:  # the benchmark does not require it
    print(f"scikit-learn is not available ({error}); apt-get install python3-sklearn")
    sys.exit(0)

FEATURES = 12


def load(directory, rows):
    stem = os.path.join(directory, f"bench_{rows}x{FEATURES}")
    x = np.fromfile(stem + ".f64", dtype="<f8").reshape(rows, FEATURES)
    y = np.fromfile(stem + ".labels", dtype=np.uint8).astype(bool)
    return x, y


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def isolation_forest(x, y):
    forest = IsolationForest(n_estimators=100, max_samples=256, random_state=0)
    _, fit = timed(lambda: forest.fit(x))
    scores, score = timed(lambda: -forest.score_samples(x))
    return fit, score, roc_auc_score(y, scores)


def knn(x, y):
    neighbours = NearestNeighbors(n_neighbors=5)
    _, fit = timed(lambda: neighbours.fit(x))
    (distances, _), score = timed(lambda: neighbours.kneighbors())
    return fit, score, roc_auc_score(y, distances.mean(axis=1))


def autoencoder(x, y):
    low, high = x.min(axis=0), x.max(axis=0)
    scaled = (x - low) / np.where(high > low, high - low, 1.0)
    network = MLPRegressor(hidden_layer_sizes=(8, 4, 8), activation="relu", solver="adam",
                           batch_size=256, max_iter=50, early_stopping=True,
                           n_iter_no_change=5, random_state=0)
    _, fit = timed(lambda: network.fit(scaled, scaled))
    reconstruction, score = timed(lambda: network.predict(scaled))
    errors = ((reconstruction - scaled) ** 2).mean(axis=1)
    return fit, score, roc_auc_score(y, errors)


# sklearn name → (function, tideline label to compare with, largest row count to run)
RUNS = {
    "isolation_forest": (isolation_forest, "isolation_forest", 10**7),
    "knn": (knn, "knn_all_rows", 100_000),
    "autoencoder": (autoencoder, "autoencoder", 10**7),
}


def read_tideline(path):
    """{(label, rows, threads): (fit, score, auc)} from bench_detect --results."""
    table = {}
    if not path:
        return table
    with open(path) as lines:
        for line in lines:
            fields = line.split()
            if len(fields) == 7 and fields[0] == "tideline":
                table[(fields[1], int(fields[2]), int(fields[3]))] = tuple(map(float, fields[4:]))
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", help="the directory bench_detect --write-data wrote")
    parser.add_argument("--tideline", help="bench_detect --results file, for ratios")
    parser.add_argument("--rows", default="100000,1000000")
    arguments = parser.parse_args()
    tideline = read_tideline(arguments.tideline)

    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, single-threaded")
    print(f"{'detector':<18}{'rows':>9}{'fit s':>9}{'score s':>9}{'ROC AUC':>9}   "
          f"{'tideline 1 thread: total s, AUC, speed-up':<44}{'all threads: total s, speed-up'}")
    for rows in map(int, arguments.rows.split(",")):
        if not os.path.exists(os.path.join(arguments.data, f"bench_{rows}x{FEATURES}.f64")):
            continue
        x, y = load(arguments.data, rows)
        for name, (run, label, largest) in RUNS.items():
            if rows > largest:
                continue
            fit, score, auc = run(x, y)
            line = f"{name:<18}{rows:>9}{fit:>9.3f}{score:>9.3f}{auc:>9.4f}   "
            single = tideline.get((label, rows, 1))
            if single:
                total = single[0] + single[1]
                line += f"{total:>8.3f} s  {single[2]:.4f}  {(fit + score) / total:>7.1f}x" + " " * 14
            else:
                line += " " * 44
            parallel = [v for (l, r, t), v in tideline.items() if l == label and r == rows and t > 1]
            if parallel:
                total = parallel[0][0] + parallel[0][1]
                line += f"{total:>8.3f} s  {(fit + score) / total:>7.1f}x"
            print(line, flush=True)


if __name__ == "__main__":
    main()
