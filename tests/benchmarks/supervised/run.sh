#!/bin/sh
# Supervised detectors on NSL-KDD's KDDTrain+_20Percent.txt (or TABLE): cross-validated
# accuracy and fit / predict times of random_forest and knn_classifier, then scikit-learn on
# the same matrix and folds (when python3-sklearn is installed) with the ratios.
#   cmake --build build/release --target bench_supervised
#   tests/benchmarks/supervised/run.sh [build/release] [TABLE] [--threads 1]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../../build/release}
[ $# -gt 0 ] && shift
table=${1:-$here/../../../../shared/data/flows/KDDTrain+_20Percent.txt}
[ $# -gt 0 ] && shift
bench=$build/tests/benchmarks/supervised/bench_supervised
if [ ! -x "$bench" ]; then
    echo "no $bench: build the bench_supervised target first" >&2
    exit 2
fi
if [ ! -f "$table" ]; then
    echo "no $table (the shared data): nothing to measure" >&2
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== Tideline"
"$bench" "$table" --write-data "$work" --results "$work/results.txt" "$@"

python=
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import sklearn" 2>/dev/null; then
        python=$candidate
        break
    fi
done
echo
echo "== scikit-learn on the same matrix and folds"
if [ -z "$python" ]; then
    echo "scikit-learn is not installed (apt-get install python3-sklearn); skipped"
    exit 0
fi
"$python" "$here/sklearn_supervised.py" "$work" --tideline "$work/results.txt"
