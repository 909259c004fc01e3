#!/usr/bin/env python3
"""scikit-learn on the matrix bench_supervised wrote (--write-data), single-threaded: the same
rows, features, labels and folds. Prints cross-validated accuracy of
RandomForestClassifier(n_estimators=100) and KNeighborsClassifier(5), the forest's fit time on
every row and the neighbours' predict time, and with --tideline RESULTS the ratios against
bench_supervised's figures.

    sklearn_supervised.py DATA_DIR [--tideline results.txt]
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
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.neighbors import KNeighborsClassifier
except ImportError as error:  # the benchmark does not require it
    print(f"scikit-learn is not available ({error}); apt-get install python3-sklearn")
    sys.exit(0)


def best_of(run, rounds=3):
    """The fastest wall and CPU seconds of `rounds` runs."""
    wall, cpu = float("inf"), float("inf")
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--tideline")
    args = parser.parse_args()
    stem = os.path.join(args.data, "supervised")
    with open(stem + ".shape") as f:
        rows, cols, folds = (int(v) for v in f.read().split())
    x = np.fromfile(stem + ".f64", dtype="<f8").reshape(rows, cols)
    meta = np.fromfile(stem + ".meta", dtype=np.uint8).reshape(rows, 2)
    y, fold = meta[:, 0].astype(int), meta[:, 1].astype(int)
    print(f"scikit-learn {sklearn.__version__}: {rows} rows x {cols} columns, {folds} folds")

    results = {}
    models = {
        "random_forest": lambda: RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=1),
        "knn_classifier": lambda: KNeighborsClassifier(5, n_jobs=1),
    }
    for name, make in models.items():
        accuracies = []
        for f in range(folds):
            train, test = fold != f, fold == f
            model = make().fit(x[train], y[train])
            accuracies.append(float((model.predict(x[test]) == y[test]).mean()))
        results[f"{name}_cv_accuracy"] = float(np.mean(accuracies))
        shown = ", ".join(f"{a:.4f}" for a in accuracies)
        print(f"{name}: {folds}-fold accuracy {np.mean(accuracies):.4f} ({shown})")

    predict_rows = 22544
    tideline = {}
    if args.tideline:
        with open(args.tideline) as f:
            for line in f:
                key, value = line.split()
                tideline[key] = float(value)
        predict_rows = int(tideline.get("predict_rows", predict_rows))
    forest = models["random_forest"]()
    fit, fit_cpu = best_of(lambda: forest.fit(x, y))
    print(f"random_forest: fit {fit:.3f} s (CPU {fit_cpu:.3f} s) ({rows} rows, 100 trees)")
    knn = models["knn_classifier"]().fit(x, y)
    queries = x[:predict_rows]
    predict, predict_cpu = best_of(lambda: knn.predict(queries), rounds=1)
    print(
        f"knn_classifier: predict {predict:.3f} s (CPU {predict_cpu:.3f} s) "
        f"({len(queries)} rows against {rows})"
    )
    if not tideline:
        return
    print()
    # Wall seconds are Tideline's on all its threads against scikit-learn's one; CPU seconds
    # are the work done, whatever the threads and the other loads of a shared machine.
    threads = int(tideline.get("threads", 1))
    print(f"tideline on {threads} thread(s), scikit-learn on 1")
    print(f"{'figure':<38}{'tideline':>10}{'sklearn':>10}{'ratio':>9}")
    pairs = [
        ("random_forest_cv_accuracy", results["random_forest_cv_accuracy"], False),
        ("knn_classifier_cv_accuracy", results["knn_classifier_cv_accuracy"], False),
        ("random_forest_fit_seconds", fit, True),
        ("random_forest_fit_cpu_seconds", fit_cpu, True),
        ("knn_classifier_predict_seconds", predict, True),
        ("knn_classifier_predict_cpu_seconds", predict_cpu, True),
    ]
    for key, theirs, seconds in pairs:
        ours = tideline.get(key, float("nan"))
        ratio = theirs / ours if seconds else ours / theirs
        label = "x faster" if seconds else "x"
        print(f"{key:<38}{ours:>10.4f}{theirs:>10.4f}{ratio:>8.2f}{label}")


if __name__ == "__main__":
    main()
