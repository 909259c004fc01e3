#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   packaging/dev.sh workbench   install dependencies, build, generate the sample, open the window
#   packaging/dev.sh test        install dependencies, build, run the whole test suite with ctest
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
preset=release
jobs=$(nproc)

build() {
    "$root/packaging/install-dependencies.sh"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
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
    ;;
*)
    echo "usage: packaging/dev.sh workbench|test" >&2
    exit 2
    ;;
esac
