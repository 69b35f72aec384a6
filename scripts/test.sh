#!/usr/bin/env bash
# Run every ShopLens test on this machine (what CI runs):
#   1. setup    install whatever is missing (scripts/setup.sh)
#   2. fmt      cargo fmt --check
#   3. clippy   cargo clippy --all-targets -- -D warnings           (native)
#   4. test     cargo test --release                                (native, real data in ../shared/data)
#               + the M3 forecast CI subset (an ignored test, run explicitly)
#   4b. fuzz    scripts/fuzz.sh 60: cargo-fuzz on the ingestion layer and series files, 60 s over 5 targets
#               (stable Rust; fails on a crash, a hang or an out-of-memory)
#   5. wasm     trunk build --release                               (the web app -> dist/)
#   6. e2e      node --test in tests/e2e: Debian chromium drives dist/ (served on 127.0.0.1, random port)
# Every step runs even if an earlier one failed (the e2e step needs the wasm build); the script
# exits non-zero if any step failed.
#   scripts/test.sh                      # everything
#   scripts/test.sh --only fmt,clippy    # a subset (setup is skipped unless listed)
#   scripts/test.sh --skip-setup
set -euo pipefail
SCRIPT_TAG=test
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ALL_STEPS="setup,fmt,clippy,test,fuzz,wasm,e2e"
STEPS="$ALL_STEPS"
while [ $# -gt 0 ]; do
  case "$1" in
    --only) STEPS="${2:?--only needs a list, e.g. fmt,clippy}"; shift 2 ;;
    --only=*) STEPS="${1#--only=}"; shift ;;
    --skip-setup) STEPS="${STEPS/setup,/}"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown option: $1 (try --help)" ;;
  esac
done
for s in ${STEPS//,/ }; do
  [[ ",$ALL_STEPS," == *",$s,"* ]] || die "unknown step '$s' (steps: $ALL_STEPS)"
done
want() { [[ ",$STEPS," == *",$1,"* ]]; }

cd "$ROOT"
T0=$SECONDS
RESULTS=()
FAILED=()

# run_step NAME COMMAND... : prints a header, runs, records PASS/FAIL; never aborts the script.
run_step() {
  local name=$1; shift
  section "$name: $*"
  local t=$SECONDS rc=0
  "$@" || rc=$?
  if [ "$rc" = 0 ]; then
    RESULTS+=("PASS $name ($(( SECONDS - t ))s)")
  else
    RESULTS+=("FAIL $name (exit $rc, $(( SECONDS - t ))s)")
    FAILED+=("$name")
  fi
  say "$name: $([ "$rc" = 0 ] && echo ok || echo "FAILED (exit $rc)") in $(( SECONDS - t ))s"
  return 0
}

if want setup; then
  run_step setup "$ROOT/scripts/setup.sh"
  if [ ${#FAILED[@]} -gt 0 ]; then
    die "setup failed; not running the tests"
  fi
fi

want fmt && run_step fmt cargo fmt --all -- --check
want clippy && run_step clippy cargo clippy --all-targets -- -D warnings

# Release tests: the integration tests parse the 45 MB UCI file several times, which is slow
# unoptimised. LTO is switched off for the test build only (it would re-optimise every test binary
# at link time); the shipped release build (trunk, cargo build --release) keeps Cargo.toml's profile.
# The test step also runs the CI subset of the M3 forecast accuracy test (204 of the 1,428 M3
# monthly series, ignored in the default run; about 2 minutes on 2 idle cores).
want test && run_step test env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  bash -c 'cargo test --release && cargo test --release --test forecast_m3 -- --ignored --exact m3_monthly_subset_auto_beats_peers'

# Fuzzing after the native tests: ~60 s of runs plus the instrumented build (~4 min cold).
want fuzz && run_step fuzz "$ROOT/scripts/fuzz.sh" "${SHOPLENS_FUZZ_SECONDS:-60}"

WASM_OK=1
if want wasm; then
  run_step wasm trunk build --release
  [[ " ${FAILED[*]-} " == *" wasm "* ]] && WASM_OK=0
fi

if want e2e; then
  if [ "$WASM_OK" = 0 ]; then
    section "e2e: skipped (the wasm build failed)"
    RESULTS+=("FAIL e2e (not run: no dist/)"); FAILED+=("e2e")
  elif [ ! -f "$ROOT/dist/index.html" ]; then
    section "e2e: skipped (no dist/index.html: run with the wasm step first)"
    RESULTS+=("FAIL e2e (not run: no dist/)"); FAILED+=("e2e")
  else
    # Print the step summary now: the e2e runner's own summary must close the log.
    section "summary so far"
    printf '  %s\n' "${RESULTS[@]}"
    run_step e2e env SHOPLENS_DIST="$ROOT/dist" CHROMIUM_BIN="$CHROMIUM_BIN" \
      bash -c 'cd "$0" && exec timeout 1800 node --test --test-concurrency=1' "$E2E_DIR"
  fi
fi

if [ ${#FAILED[@]} -gt 0 ]; then
  printf '\n[test] FAILED: %s (%ss). Results:\n' "${FAILED[*]}" "$(( SECONDS - T0 ))"
  printf '  %s\n' "${RESULTS[@]}"
  exit 1
fi
printf '\n[test] all steps passed: %s (%ss)\n' "${STEPS}" "$(( SECONDS - T0 ))"
