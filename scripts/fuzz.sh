#!/usr/bin/env bash
# Fuzzes the decoders with libFuzzer: the strict JSON parser and its canonical form (RFC 8785), record
# decoding (each input as a patient, a session and a review: a record that decodes, as it is or resealed
# with a matching checksum, must encode and decode back to itself) and key decoding (character codes and escape
# sequences). Not part of `swift test`. Runs the targets one after another, each on one core.
#
#   scripts/fuzz.sh [--runs N] [--seconds S] [TARGET...]
#
# Targets: json-parser record-decoding key-decoding (the default), or one kind of record alone:
# patient-record session-record review-record.
# Defaults: 1,000,000 inputs per target, no time limit. Seeds: valid records written by the store, the
# damaged files of Tests/FaceChartStoreTests/Corpus and the format-1 files of Tests/Fixtures. A crash
# is kept under .build/fuzz/crashes/; copy it into Tests/FaceChartStoreTests/Corpus/fuzz-found/ so
# that the tests replay it.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1000000
seconds=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(json-parser record-decoding key-decoding)

work=.build/fuzz
echo "Building the fuzz targets (-sanitize=fuzzer,address, optimized) in $work ..."
# SwiftPM's --sanitize links libFuzzer but, in release, instruments only C code: the Swift modules get
# the flags explicitly.
mkdir -p "$work"
if ! swift build -c release --scratch-path "$work" --product FaceChartFuzz --sanitize=fuzzer --sanitize=address \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >"$work/build.log" 2>&1; then
  tail -20 "$work/build.log"
  exit 1
fi
fuzzer="$work/release/FaceChartFuzz"
rm -rf "$work/seeds"
ASAN_OPTIONS=detect_leaks=0 FACECHART_FUZZ_SEEDS="$work/seeds" "$fuzzer" >"$work/seeds.log" 2>&1 || { cat "$work/seeds.log"; exit 1; }

mkdir -p "$work/crashes"
status=0
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  seeds=("$work/seeds/$target")
  case "$target" in
    json-parser|record-decoding) seeds=("$work/seeds/patient-record" "$work/seeds/session-record" "$work/seeds/review-record") ;;
    key-decoding) seeds=("$work/seeds/key-decoding") ;;
  esac
  # The damaged-file corpus and the format-1 fixtures (read through migration) seed every record target.
  if [ "$target" != key-decoding ]; then
    for folder in Tests/FaceChartStoreTests/Corpus Tests/Fixtures; do [ -d "$folder" ] && seeds+=("$folder"); done
  fi
  # Inputs no longer than what a target reads in practice: keys come a few at a time, records are a
  # few kilobytes.
  case "$target" in
    key-decoding) max_len=2048 ;;
    json-parser) max_len=16384 ;;
    *) max_len=8192 ;;
  esac
  log="$work/$target.log"
  echo "Fuzzing $target: up to $runs inputs$([ "$seconds" -gt 0 ] && echo ", $seconds s") (log: $log)"
  set +e
  # Leak checks are off: the Swift runtime's caches read as leaks, and leaks are not what is sought here.
  FACECHART_FUZZ_TARGET="$target" "$fuzzer" -runs="$runs" -max_total_time="$seconds" -max_len="$max_len" -detect_leaks=0 \
    -dict=scripts/fuzz-json.dict -artifact_prefix="$work/crashes/$target-" -print_final_stats=1 \
    "$corpus" "${seeds[@]}" >"$log" 2>&1
  result=$?
  set -e
  done_line=$(grep -E '^Done [0-9]+ runs' "$log" | tail -1)
  executed=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  if [ $result -eq 0 ]; then
    echo "  $target: ${executed:-?} inputs, no crash (${done_line:-see log})"
  else
    status=1
    echo "  $target: CRASH after ${executed:-?} inputs; input kept as:"
    ls -1 "$work/crashes/$target-"* 2>/dev/null | sed 's/^/    /'
  fi
done
exit $status
