#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   packaging/dev.sh workbench   install dependencies, build, generate the sample, open the window
#   packaging/dev.sh test        what CI runs: install dependencies, build, run the whole test suite
#                                with ctest, then the sanitized phase below with 30 s of fuzzing
#   packaging/dev.sh sanitized   the suite under AddressSanitizer + UBSan (asan preset, clang), then
#                                each fuzz target of the same build on its seeds plus 60 s of fuzzing
#                                (TIDELINE_FUZZ_SECONDS changes the 30 or 60)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
preset=release
jobs=$(nproc)

build() {
    local preset=${1:-$preset}
    "$root/packaging/install-dependencies.sh"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
}

# One clang build with both sanitizers serves the suite and the fuzz targets (its `generate`
# makes their seeds): one compile of the engine instead of two.
sanitized() {
    build asan
    QT_QPA_PLATFORM=offscreen ctest --preset asan -j "$jobs"
    "$root/tests/fuzz/run.sh" --seconds "$1" --jobs "$jobs" "${@:2}" "$root/build/asan" \
        "$root/build/asan/app/tideline"
}

case "${1:-}" in
workbench)
    build
    sample="$root/build/$preset/sample/sample.pcap"
    if [ ! -f "$sample" ]; then
        mkdir -p "$(dirname "$sample")"
        "$root/build/$preset/app/tideline" generate "$sample"
    fi
    exec "$root/build/$preset/app/tideline" "$sample"
    ;;
test)
    build
    QT_QPA_PLATFORM=offscreen ctest --preset "$preset" -j "$jobs"
    # A fixed seed: CI gates on the same inputs each time; exploring is for longer runs.
    sanitized "${TIDELINE_FUZZ_SECONDS:-30}" --seed 1
    ;;
sanitized)
    sanitized "${TIDELINE_FUZZ_SECONDS:-60}"
    ;;
*)
    echo "usage: packaging/dev.sh workbench|test|sanitized" >&2
    exit 2
    ;;
esac
