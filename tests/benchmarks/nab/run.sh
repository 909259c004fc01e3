#!/bin/sh
# NAB benchmark: every detector on the Numenta Anomaly Benchmark series in the shared data
# (13 of NAB's 58), each trained on its first 15 % like NAB's probation, scored with NAB's
# standard profile by the shared scorer (one threshold for all files, optimised as NAB does).
# Two columns: `score_normalized` from scores.csv, and the detector's own `score` where that is
# already comparable across files (in [0, 1]: htm, contextual). Times are whole processes, all
# 13 files. Then the online detectors' speed on one 20,000-row series.
#   tests/benchmarks/nab/run.sh [BUILD_DIR] [DETECTOR ...]
# BUILD_DIR defaults to build/release; TIDELINE_SHARED_DATA overrides /work/shared/data;
# NAB_EXTRA adds options to every detect (NAB_EXTRA="--param memory=tm").
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../../build/release}
[ $# -gt 0 ] && shift
detectors=${*:-robust_z windowed_gaussian windowed_counts isolation_forest knn autoencoder contextual htm}
tideline=$build/app/tideline
shared=${TIDELINE_SHARED_DATA:-/work/shared/data}
nab=$shared/nab
scorer=${NAB_SCORER:-$shared/../tools/nab_score.py}
if [ ! -x "$tideline" ]; then
    echo "no $tideline: build the tideline target first" >&2
    exit 2
fi
if [ ! -d "$nab/data" ] || [ ! -f "$scorer" ]; then
    echo "no NAB data in $nab or no scorer at $scorer" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

standard() { # results-dir score-column [extra scorer options] -> the standard profile's score
    dir=$1
    column=$2
    shift 2
    python3 "$scorer" --results "$dir" --nab-root "$nab" --score-column "$column" \
        --json "$work/score.json" "$@" >/dev/null 2>&1
    python3 -c 'import json, sys
report = next(iter(json.load(open(sys.argv[1])).values()))
print("%.1f" % report["profiles"]["standard"]["normalized_score"])' \
        "$work/score.json"
}

printf '%-18s %10s %10s %8s\n' detector normalized own_score seconds
for detector in $detectors; do
    results=$work/$detector
    start=$(date +%s.%N)
    for file in "$nab"/data/*/*.csv; do
        category=$(basename "$(dirname "$file")")
        mkdir -p "$results/$category"
        "$tideline" detect "$file" --detector "$detector" --train-fraction 0.15 ${NAB_EXTRA:-} \
            -o "$work/anomalies.csv" --scores "$results/$category/$(basename "$file")" \
            2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    done
    end=$(date +%s.%N)
    normalized=$(standard "$results" score_normalized)
    case $detector in
    htm | contextual) own=$(standard "$results" score) ;;
    *) own=- ;;
    esac
    printf '%-18s %10s %10s %8.1f\n' "$detector" "$normalized" "$own" \
        "$(echo "$end - $start" | bc)"
done

# Speed of the online detectors on one long series: 20,000 five-minute rows of a noisy daily
# rhythm, the whole `tideline detect` process (parse, fit, score, both CSVs).
python3 -c 'import datetime, math, random
random.seed(1)
start = datetime.datetime(2024, 1, 1)
print("timestamp,value")
for r in range(20000):
    t = start + datetime.timedelta(minutes=5 * r)
    v = 100 + 30 * math.sin(2 * math.pi * r / 288) + random.gauss(0, 3)
    print("%s,%.3f" % (t.strftime("%Y-%m-%d %H:%M:%S"), v))' >"$work/long.csv"
echo
printf '%-18s %10s %10s\n' "20,000 rows" wall_s cpu_s
for detector in contextual htm; do
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$tideline" detect "$work/long.csv" \
        --detector "$detector" --train-fraction 0.15 -o "$work/anomalies.csv" \
        --scores "$work/scores.csv" 2>/dev/null
    read -r wall user system <"$work/time"
    printf '%-18s %10s %10.2f\n' "$detector" "$wall" "$(echo "$user + $system" | bc)"
done
