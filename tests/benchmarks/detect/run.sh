#!/bin/sh
# Detector benchmark: Tideline's fit/score times and ROC AUC on 100k × 12 and 1M × 12
# synthetic matrices, then scikit-learn on the same data (when python3-sklearn is installed)
# with the speed-up table, then the whole `tideline detect` process (parse the CSV of the same
# 100k × 12 matrix, fit, score, write both CSVs) on one CPU against scikit-learn's in-process
# fit + score. Needs a Release build:
#   cmake -S . -B build/detect-rel -G Ninja -DCMAKE_BUILD_TYPE=Release
#   cmake --build build/detect-rel --target bench_detect tideline
#   tests/benchmarks/detect/run.sh [build/detect-rel] [--rows 100000]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../../build/detect-rel}
[ $# -gt 0 ] && shift
bench=$build/tests/benchmarks/detect/bench_detect
if [ ! -x "$bench" ]; then
    echo "no $bench: build the bench_detect target in a Release build first" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== Tideline"
"$bench" --write-data "$work" --results "$work/results.txt" "$@"

# Debian's scikit-learn lives in the system python, which a pyenv shim may hide.
python=
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import sklearn" 2>/dev/null; then
        python=$candidate
        break
    fi
done
echo
echo "== scikit-learn on the same data"
if [ -z "$python" ]; then
    echo "scikit-learn is not installed (apt-get install python3-sklearn); skipped"
    exit 0
fi
"$python" "$here/sklearn_reference.py" "$work" --tideline "$work/results.txt"

# The whole process, pinned to one CPU: user + system CPU seconds are the steady measure on a
# shared machine (the wall time is printed too).
tideline=$build/app/tideline
csv=$work/bench_100000x12.csv
if [ ! -x "$tideline" ] || [ ! -f "$csv" ]; then
    echo "no $tideline or no 100k-row data: whole-process comparison skipped"
    exit 0
fi
echo
echo "== tideline detect as a whole process (one CPU) against scikit-learn's fit + score"
for detector in isolation_forest knn; do
    best=
    for round in 1 2 3; do
        /usr/bin/time -f "%e %U %S" -o "$work/time.txt" taskset -c 0 "$tideline" detect "$csv" \
            --detector "$detector" -o "$work/anomalies.csv" --scores "$work/scores.csv" \
            >/dev/null 2>&1
        seconds=$(awk '{ printf "%.3f %.3f", $2 + $3, $1 }' "$work/time.txt")
        best=$(printf '%s\n%s\n' "$best" "$seconds" | awk 'NF' | sort -n | head -1)
    done
    echo "tideline_process $detector 100000 $best" >> "$work/process.txt"
done
"$python" "$here/sklearn_reference.py" "$work" --rows 100000 --process "$work/process.txt"
