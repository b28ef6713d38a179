#!/usr/bin/env bash
# FaceChart at practice scale: generates practices in the real format (1,000 and 10,000 patients unless
# sizes are given) and prints each case beside a floor measured in the same run (a bare C ncursesw
# program, cat, grep -r), with ratios and peak memory. Not part of `swift test`.
#
#   scripts/bench.sh [SIZE ...]        e.g. scripts/bench.sh 1000 10000 100000
#   FACECHART_BENCH_DIR=/path          keeps the generated practices there between runs
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product facechart >/dev/null
swift build -c release --product FaceChartBenchmarks >/dev/null
work="${FACECHART_BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
cc -O2 -o "$work/floor-ncurses" scripts/floor_ncurses.c -lncursesw
[ $# -gt 0 ] || set -- 1000 10000
python3 scripts/bench.py --bin "$(swift build -c release --show-bin-path)" --work "$work" "$@"
