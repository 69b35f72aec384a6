#!/usr/bin/env bash
# Fuzz the ingestion layer with cargo-fuzz (libFuzzer): fuzz/fuzz_targets/{import,sniff,mapping,cells,series}.rs.
#
#   scripts/fuzz.sh                 # every target, 60 s in total (CI)
#   scripts/fuzz.sh 600             # every target, 600 s in total
#   scripts/fuzz.sh 300 import      # one target for 300 s
#
# Works on stable Rust: cargo-fuzz passes nightly-only flags, which RUSTC_BOOTSTRAP=1 allows,
# and `--sanitizer none` skips AddressSanitizer (which needs a nightly build of std). Rust's
# own checks (bounds, overflow with debug assertions, unwrap) still turn bugs into crashes.
# Seeds: fuzz/corpus/<target>/seed-* (committed); libFuzzer adds what it finds there (ignored
# by git). A crash, a timeout (>10 s for one input) or >2 GB of memory fails the run; the
# input is saved in fuzz/artifacts/<target>/ and printed; replay it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none <target> fuzz/artifacts/<target>/<file>
set -euo pipefail
SCRIPT_TAG=fuzz
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TOTAL="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(import sniff mapping cells series)
[[ "$TOTAL" =~ ^[0-9]+$ ]] || die "the first argument is the total time in seconds (got '$TOTAL')"
cargo fuzz --version >/dev/null 2>&1 || die "cargo-fuzz is missing: run scripts/setup.sh"

cd "$ROOT"
export RUSTC_BOOTSTRAP=1
# Its own target dir (fuzz/target, ignored): instrumented builds never mix with normal ones.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$ROOT/fuzz/target}"
t=$SECONDS
say "building ${#TARGETS[@]} fuzz target(s) (instrumented release build)"
for target in "${TARGETS[@]}"; do
  cargo fuzz build --sanitizer none "$target"
done
say "built in $(( SECONDS - t ))s"

PER=$(( TOTAL / ${#TARGETS[@]} ))
[ "$PER" -ge 1 ] || PER=1
for target in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  t=$SECONDS
  say "fuzzing $target for ${PER}s"
  # -jobs/-workers stay at 1: CI machines have 2 cores.
  cargo fuzz run --sanitizer none "$target" -- \
    -max_total_time="$PER" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    2>"fuzz/$target.log" || {
      tail -n 60 "fuzz/$target.log" >&2
      die "fuzz target '$target' found a crash, a hang or an out-of-memory (input in fuzz/artifacts/$target/)"
    }
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "fuzz/$target.log" | sed "s/^/[fuzz] $target /" || true
  say "$target: no crash in $(( SECONDS - t ))s"
done
