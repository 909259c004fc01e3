#!/bin/sh
# Detector benchmark: Tideline's fit/score times and ROC AUC on 100k × 12 and 1M × 12
# synthetic matrices, then scikit-learn on the same data (when python3-sklearn is installed)
# with the speed-up table. Needs a Release build:
#   cmake -S . -B build/detect-rel -G Ninja -DCMAKE_BUILD_TYPE=Release
#   cmake --build build/detect-rel --target bench_detect
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
