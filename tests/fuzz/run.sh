#!/usr/bin/env bash
# Runs the libFuzzer targets of an `asan` or `fuzz` build: each replays its seeds (hand-written
# ones from tests/fuzz/seeds/<target>/ and ones made with `tideline generate`), then fuzzes for a
# bounded time under a 1 GB memory limit. Targets run side by side, one per core.
#
#   tests/fuzz/run.sh [--seconds N] [--jobs N] [--seed N] BUILD_DIR TIDELINE [TARGET...]
#
# --seed fixes libFuzzer's random seed, so that a run goes over the same inputs each time as far
# as its time allows (CI gates on such a run; without it each run explores anew).
#
# BUILD_DIR is that build (build/asan or build/fuzz), TIDELINE a tideline executable of any build
# (for `generate` and `series`). The corpus grows in BUILD_DIR/fuzz-corpus/<target>; a crash,
# leak, timeout or out-of-memory input is written to BUILD_DIR/fuzz-artifacts/ and fails the run.
set -euo pipefail

seconds=60
jobs=$(nproc)
seed=0
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) break ;;
    esac
done
if [ $# -lt 2 ]; then
    echo "usage: tests/fuzz/run.sh [--seconds N] [--jobs N] [--seed N] BUILD_DIR TIDELINE [TARGET...]" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
tideline=$2
shift 2
list="$build/fuzzers.txt"
[ -f "$list" ] || { echo "run.sh: no $list: configure and build the fuzz preset first" >&2; exit 2; }

generated="$build/fuzz-seeds"
artifacts="$build/fuzz-artifacts"
mkdir -p "$generated/fuzz_capture" "$generated/fuzz_table" "$generated/fuzz_case" "$artifacts"

# Seeds from the project's own generator: short captures of each format with the scenario's
# anomalies (small, so each run stays fast), as tables their truth files and the series
# `tideline series` makes of them, and as cases what `tideline detect --save-case` writes of a
# capture (with drill-down tallies and described anomalies) and of a table.
if [ ! -f "$generated/.done" ]; then
    for seed in 1 2 3; do
        for format in pcap pcapng; do
            capture="$generated/fuzz_capture/generated-$seed.$format"
            "$tideline" generate --seed "$seed" --duration $((seed * 4)) --rate 10 \
                --format "$format" "$capture" >/dev/null
        done
        "$tideline" series --bin 100ms "$generated/fuzz_capture/generated-$seed.pcap" \
            -o "$generated/fuzz_table/series-$seed.csv" >/dev/null
        mv "$generated/fuzz_capture/generated-$seed.truth.csv" "$generated/fuzz_table/"
        rm -f "$generated"/fuzz_capture/*.truth.csv
    done
    "$tideline" detect "$generated/fuzz_capture/generated-1.pcap" --detector knn \
        -o "$generated/anomalies.csv" --save-case "$generated/fuzz_case/capture-knn.tideline" \
        >"$generated/detect.log" 2>&1
    "$tideline" detect "$generated/fuzz_table/series-2.csv" --detector isolation_forest \
        -o "$generated/anomalies.csv" --save-case "$generated/fuzz_case/table-forest.tideline" \
        >>"$generated/detect.log" 2>&1
    rm -f "$generated/anomalies.csv"
    touch "$generated/.done"
fi

run_one() {
    local name=$1 exe=$2 dictionary=$3 seeds=$4
    local corpus="$build/fuzz-corpus/$name" log="$build/fuzz-$name.log"
    mkdir -p "$corpus"
    local args=(-rss_limit_mb=1024 -timeout=30 -max_total_time="$seconds" -print_final_stats=1
                -artifact_prefix="$artifacts/$name-")
    [ "$seed" != 0 ] && args+=(-seed="$seed")
    [ -n "$dictionary" ] && args+=(-dict="$dictionary")
    local dirs=("$corpus")
    [ -n "$seeds" ] && dirs+=("$seeds")
    [ -d "$generated/$name" ] && dirs+=("$generated/$name")
    if "$exe" "${args[@]}" "${dirs[@]}" >"$log" 2>&1; then
        echo "$name: $(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$log" | cut -d' ' -f2) runs," \
            "$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)"
    else
        echo "$name: FAILED (log: $log)"
        grep -E 'ERROR|SUMMARY|Test unit written|==[0-9]+==' "$log" | head -20
        return 1
    fi
}
export -f run_one
export build seconds seed artifacts generated

targets=("$@")
status=0
while IFS='|' read -r name exe dictionary seeds; do
    [ -n "$name" ] || continue
    if [ ${#targets[@]} -gt 0 ] && [[ ! " ${targets[*]} " =~ " $name " ]]; then
        continue
    fi
    printf '%s\0%s\0%s\0%s\0' "$name" "$exe" "$dictionary" "$seeds"
done <"$list" | xargs -0 -n4 -P "$jobs" bash -c 'run_one "$@"' _ || status=1
exit $status
