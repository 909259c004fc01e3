#!/usr/bin/env python3
"""scikit-learn on the matrices bench_detect wrote (--write-data), single-threaded, and the
speed-up table against bench_detect's --results file.

    sklearn_reference.py DATA_DIR [--tideline results.txt] [--rows 100000,1000000]
    sklearn_reference.py DATA_DIR --rows 100000 --process process.txt

With --process (lines "tideline_process DETECTOR ROWS CPU WALL", whole `tideline detect`
processes from run.sh) it prints those against scikit-learn's in-process fit + score instead.

Runs IsolationForest(n_estimators=100, max_samples=256) averaged over 5 seeds (its ROC AUC
varies by about ±0.007 from seed to seed), NearestNeighbors(n_neighbors=5) mean distance to
the 5 nearest other rows (kneighbors() without X leaves each row out; 'auto' picks a k-d tree
for 12 features), and an MLPRegressor autoencoder (12-8-4-8-12, ReLU, Adam, batch 256, up to
50 epochs, early stopping with patience 5) on min-max scaled rows. kNN runs on 100k rows only
(1M would take hours). Both wall and CPU seconds are printed: on a shared machine CPU time is
the steadier of the two.
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
IF_SEEDS = 5


def load(directory, rows):
    stem = os.path.join(directory, f"bench_{rows}x{FEATURES}")
    x = np.fromfile(stem + ".f64", dtype="<f8").reshape(rows, FEATURES)
    y = np.fromfile(stem + ".labels", dtype=np.uint8).astype(bool)
    return x, y


class Clock:
    """Wall and CPU seconds of what runs between start() and stop()."""

    def start(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self):
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def isolation_forest(x, y):
    totals = np.zeros(5)
    for seed in range(IF_SEEDS):
        clock = Clock()
        forest = IsolationForest(n_estimators=100, max_samples=256, random_state=seed)
        clock.start()
        forest.fit(x)
        fit = clock.stop()
        clock.start()
        scores = -forest.score_samples(x)
        score = clock.stop()
        totals += (fit[0], score[0], fit[1], score[1], roc_auc_score(y, scores))
    return tuple(totals / IF_SEEDS)


def knn(x, y):
    clock = Clock()
    neighbours = NearestNeighbors(n_neighbors=5)
    clock.start()
    neighbours.fit(x)
    fit = clock.stop()
    clock.start()
    distances, _ = neighbours.kneighbors()
    score = clock.stop()
    return fit[0], score[0], fit[1], score[1], roc_auc_score(y, distances.mean(axis=1))


def autoencoder(x, y):
    low, high = x.min(axis=0), x.max(axis=0)
    scaled = (x - low) / np.where(high > low, high - low, 1.0)
    network = MLPRegressor(hidden_layer_sizes=(8, 4, 8), activation="relu", solver="adam",
                           batch_size=256, max_iter=50, early_stopping=True,
                           n_iter_no_change=5, random_state=0)
    clock = Clock()
    clock.start()
    network.fit(scaled, scaled)
    fit = clock.stop()
    clock.start()
    reconstruction = network.predict(scaled)
    score = clock.stop()
    errors = ((reconstruction - scaled) ** 2).mean(axis=1)
    return fit[0], score[0], fit[1], score[1], roc_auc_score(y, errors)


# name → (function, the bench_detect label doing the same work, largest row count to run)
RUNS = {
    "isolation_forest": (isolation_forest, "isolation_forest", 10**7),
    "knn": (knn, "knn_all_rows", 100_000),
    "autoencoder": (autoencoder, "autoencoder", 10**7),
}


def read_tideline(path):
    """{(label, rows, threads): (fit, score, fit_cpu, score_cpu, auc)} from --results."""
    table = {}
    if not path:
        return table
    with open(path) as lines:
        for line in lines:
            fields = line.split()
            if len(fields) == 9 and fields[0] == "tideline":
                table[(fields[1], int(fields[2]), int(fields[3]))] = tuple(map(float, fields[4:]))
    return table


def compare_processes(directory, path):
    """Whole `tideline detect` processes against scikit-learn's fit + score on the same rows:
    scikit-learn's number leaves out Python's start, imports and reading the data."""
    print(f"scikit-learn {sklearn.__version__} fit + score in-process, single-threaded, against "
          "the whole tideline detect process on one CPU; CPU seconds (wall)")
    print(f"{'detector':<17}{'rows':>8}  {'sklearn':>16}  {'tideline process':>16}  "
          f"{'ratio':>13}")
    with open(path) as lines:
        for line in lines:
            _, name, rows, cpu, wall = line.split()
            rows, cpu, wall = int(rows), float(cpu), float(wall)
            x, y = load(directory, rows)
            run = isolation_forest if name == "isolation_forest" else knn
            fit, score, fit_cpu, score_cpu, _ = run(x, y)
            s_wall, s_cpu = fit + score, fit_cpu + score_cpu
            print(f"{name:<17}{rows:>8}  {s_cpu:>7.3f} ({s_wall:>6.3f})  "
                  f"{cpu:>7.3f} ({wall:>6.3f})  {s_cpu / cpu:>5.1f}x ({s_wall / wall:>4.1f}x)",
                  flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", help="the directory bench_detect --write-data wrote")
    parser.add_argument("--tideline", help="bench_detect --results file, for ratios")
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--process", help="run.sh's whole-process times, for ratios")
    arguments = parser.parse_args()
    if arguments.process:
        compare_processes(arguments.data, arguments.process)
        return
    tideline = read_tideline(arguments.tideline)

    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, single-threaded; "
          "seconds are fit + score, wall (cpu)")
    print(f"{'detector':<17}{'rows':>8}  {'sklearn s':>17} {'AUC':>6}  "
          f"{'tideline 1 thread':>17} {'AUC':>6} {'speed-up':>13}  "
          f"{'all threads':>11} {'speed-up':>8}")
    for rows in map(int, arguments.rows.split(",")):
        if not os.path.exists(os.path.join(arguments.data, f"bench_{rows}x{FEATURES}.f64")):
            continue
        x, y = load(arguments.data, rows)
        for name, (run, label, largest) in RUNS.items():
            if rows > largest:
                continue
            fit, score, fit_cpu, score_cpu, auc = run(x, y)
            wall, cpu = fit + score, fit_cpu + score_cpu
            line = f"{name:<17}{rows:>8}  {wall:>8.3f} ({cpu:>6.3f}) {auc:>6.4f}  "
            single = tideline.get((label, rows, 1))
            if single:
                t_wall, t_cpu = single[0] + single[1], single[2] + single[3]
                line += (f"{t_wall:>8.3f} ({t_cpu:>6.3f}) {single[4]:>6.4f} "
                         f"{wall / t_wall:>5.1f}x ({cpu / t_cpu:>4.1f}x)  ")
            parallel = [v for (l, r, t), v in sorted(tideline.items())
                        if l == label and r == rows and t > 1]
            if parallel:
                p_wall = parallel[0][0] + parallel[0][1]
                line += f"{p_wall:>11.3f} {wall / p_wall:>7.1f}x"
            print(line, flush=True)


if __name__ == "__main__":
    main()
