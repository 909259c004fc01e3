#!/bin/sh
# Case benchmark: writes a capture of more than two million packets with `tideline generate`
# (300 s of the sample scenario at 6,000 background packets/s: 2.59 M packets, 1.5 GB), makes a
# case of it with `tideline detect --save-case` (at the 97th percentile, so that it holds the
# planted attacks as anomalies with their kinds and summaries, as an analyst's case would), and
# runs bench_case, which prints the time to load the capture, to reopen its case (read it and
# restore the investigation), and their ratio.
# Needs a Release build:
#   cmake --preset release && cmake --build build/release --target tideline bench_case
#   tests/benchmarks/case/run.sh [build/release] [--repeat N]
# The capture and case go to $TMPDIR (default /tmp) and are removed afterwards.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../../build/release}
[ $# -gt 0 ] && shift
tideline=$build/app/tideline
bench=$build/tests/benchmarks/case/bench_case
for program in "$tideline" "$bench"; do
    if [ ! -x "$program" ]; then
        echo "no $program: build the tideline and bench_case targets in a Release build" >&2
        exit 2
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$tideline" generate --seed 3 --rate 6000 "$work/large.pcap"
"$tideline" detect "$work/large.pcap" --detector isolation_forest --percentile 97 \
    -o "$work/anomalies.csv" --save-case "$work/large.tideline"
"$bench" "$work/large.pcap" "$work/large.tideline" "$@"
