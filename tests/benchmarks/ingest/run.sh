#!/bin/sh
# Ingest benchmark: writes a capture of more than two million packets with `tideline generate`
# (300 s of the sample scenario at 6,000 background packets/s: 2.59 M packets, 1.5 GB) and runs
# bench_ingest on it, which prints each ingest stage beside a plain libpcap read loop.
# Needs a Release build:
#   cmake --preset release && cmake --build build/release --target tideline bench_ingest
#   tests/benchmarks/ingest/run.sh [build/release] [--repeat N]
# The capture goes to $TMPDIR (default /tmp) and is removed afterwards.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../../build/release}
[ $# -gt 0 ] && shift
tideline=$build/app/tideline
bench=$build/tests/benchmarks/ingest/bench_ingest
for program in "$tideline" "$bench"; do
    if [ ! -x "$program" ]; then
        echo "no $program: build the tideline and bench_ingest targets in a Release build" >&2
        exit 2
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$tideline" generate --seed 3 --rate 6000 "$work/large.pcap"
"$bench" "$work/large.pcap" "$@"
