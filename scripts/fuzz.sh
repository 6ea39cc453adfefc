#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers with libFuzzer (from the Swift toolchain).
#
#   scripts/fuzz.sh [--seconds N] [--no-build] [target…]
#
# Builds the TenderFuzz product with -sanitize=fuzzer,address into its own scratch path
# (.build-fuzz, gitignored), then runs each target for N seconds (default 20) on a copy of its
# committed seed corpus (fuzz/seeds/<target>/); the corpus it grows stays in $FUZZ_DIR
# (default /tmp/tenderlint-fuzz/<target>). Targets (default: all): text markdown docx odt fodt
# xml eforms pdfbbox archive config rules. A crash, a sanitizer report, an input that takes more
# than 10 s (-timeout) or a process over 2 GB (-rss_limit_mb) stops the target, leaves the input
# in $FUZZ_DIR/<target>/artifacts/, and makes the script exit 1 after the other targets ran.
# The last line per target is libFuzzer's summary: executions and time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

seconds=20 build=1 targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "usage: scripts/fuzz.sh [--seconds N] [--no-build] [target…]" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
all=(text markdown docx odt fodt xml eforms pdfbbox archive config rules)
[[ ${#targets[@]} -eq 0 ]] && targets=("${all[@]}")
SCRATCH=${SCRATCH:-.build-fuzz}
FUZZ_DIR=${FUZZ_DIR:-/tmp/tenderlint-fuzz}

if [[ $build -eq 1 ]]; then
  # -parse-as-library: main.swift has no top-level code; TENDERFUZZ_LIBFUZZER adds the entry
  # SwiftPM links as main, which hands over to libFuzzer's driver.
  swift build -c debug --product TenderFuzz --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DTENDERFUZZ_LIBFUZZER
fi
BIN="$SCRATCH/debug/TenderFuzz"
[[ -x $BIN ]] || { echo "$BIN not built; run without --no-build" >&2; exit 2; }

status=0
for target in "${targets[@]}"; do
  [[ -d fuzz/seeds/$target ]] || { echo "unknown target $target (no fuzz/seeds/$target)" >&2; exit 2; }
  corpus="$FUZZ_DIR/$target/corpus" artifacts="$FUZZ_DIR/$target/artifacts/"
  mkdir -p "$corpus" "$artifacts"
  cp -n fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  echo "== $target ($seconds s)"
  log="$FUZZ_DIR/$target/log.txt"
  # ASan's leak check is off: the process-wide catalogue and engine are kept on purpose.
  if TENDERFUZZ_TARGET=$target TENDERFUZZ_RULES="$ROOT/rules" ASAN_OPTIONS=detect_leaks=0 \
      "$BIN" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$log" | tr '\n' ' '; echo
  else
    status=1
    echo "!! $target found a problem; see $log and $artifacts"
    grep -E 'ERROR|Fatal|Crash|SUMMARY|timeout|out-of-memory' "$log" | head -5 || true
  fi
done
exit $status
