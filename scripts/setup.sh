#!/usr/bin/env bash
# Install whatever is missing to build, serve and test ShopLens; skip what is already there.
#
#   scripts/setup.sh          everything (app tools + test tools)
#   scripts/setup.sh --app    only what `trunk serve` / `trunk build` need
#
# App tools:  rust target wasm32-unknown-unknown, trunk 0.21.14 (cargo, no default features),
#             wasm-bindgen-cli = the wasm-bindgen version in Cargo.lock (cargo),
#             binaryen 132 wasm-opt (npm, project-local in .tools/).
# Test tools: rustfmt + clippy, Debian chromium + chromium-driver (apt), tests/e2e npm deps (npm ci),
#             cargo-fuzz (cargo, ~3 min on 2 cores; g++ from apt if missing).
# trunk and wasm-bindgen-cli compile in parallel (logs in target/setup-logs/), ~10 min on 2 cores.
# Nothing is downloaded except from crates.io, npm and Debian apt.
set -euo pipefail
SCRIPT_TAG=setup
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=all
for arg in "$@"; do
  case "$arg" in
    --app) MODE=app ;;
    --all) MODE=all ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) die "unknown option: $arg (try --help)" ;;
  esac
done

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
command -v npm >/dev/null || die "npm not found: install Node.js 20+ and npm first"

T0=$SECONDS
WB_VERSION="$(wasm_bindgen_version)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen entry in Cargo.lock"
LOG_DIR="$ROOT/target/setup-logs"

step_done() { say "$1 ($(( SECONDS - $2 ))s)"; }

# ---- Rust target and components ------------------------------------------------------------
if rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
  say "skip: rust target $WASM_TARGET already installed"
else
  t=$SECONDS; say "installing rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
  step_done "installed rust target $WASM_TARGET" $t
fi
if [ "$MODE" = all ]; then
  for comp in rustfmt clippy; do
    sub=${comp/rustfmt/fmt}
    if cargo "$sub" --version >/dev/null 2>&1; then
      say "skip: $comp already installed"
    else
      t=$SECONDS; say "installing rust component $comp"
      rustup component add "$comp"
      step_done "installed $comp" $t
    fi
  done
fi

# ---- binaryen (wasm-opt) from npm, project-local ---------------------------------------------
want_wasm_opt="(version_${BINARYEN_VERSION%%.*})"
if [ -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ] \
   && "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -qF "$want_wasm_opt"; then
  say "skip: binaryen $BINARYEN_VERSION (wasm-opt) already in .tools/"
else
  t=$SECONDS; say "installing binaryen@$BINARYEN_VERSION into .tools/ (npm)"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
  "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version
  step_done "installed binaryen $BINARYEN_VERSION" $t
fi

# ---- trunk and wasm-bindgen-cli (cargo install, in parallel) ---------------------------------
PIDS=()
NAMES=()
start_install() { # name logfile cargo-install-args...
  local name=$1 log=$2; shift 2
  mkdir -p "$LOG_DIR"
  say "installing $name in the background (log: ${log#$ROOT/})"
  cargo install "$@" >"$log" 2>&1 &
  PIDS+=("$!"); NAMES+=("$name")
}
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  say "skip: trunk $TRUNK_VERSION already installed"
else
  # 0.22 needs a newer rustc; default features (TLS, update check) only add build time.
  start_install "trunk $TRUNK_VERSION" "$LOG_DIR/trunk.log" \
    trunk --version "$TRUNK_VERSION" --locked --no-default-features --force
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WB_VERSION" ]; then
  say "skip: wasm-bindgen-cli $WB_VERSION already installed"
else
  # No --locked: the published lock file pins a yanked crate.
  start_install "wasm-bindgen-cli $WB_VERSION" "$LOG_DIR/wasm-bindgen.log" \
    wasm-bindgen-cli --version "$WB_VERSION" --force
fi
if [ "$MODE" = all ]; then
  # cargo-fuzz for the CI fuzz step (scripts/fuzz.sh); libFuzzer itself is built by the
  # libfuzzer-sys crate, which needs a C++ compiler.
  if cargo fuzz --version >/dev/null 2>&1; then
    say "skip: $(cargo fuzz --version) already installed"
  else
    start_install "cargo-fuzz $CARGO_FUZZ_VERSION" "$LOG_DIR/cargo-fuzz.log" \
      cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
  fi
fi
T_CARGO=$SECONDS

# ---- Debian chromium + chromium-driver (tests only), while cargo compiles --------------------
if [ "$MODE" = all ] && ! command -v c++ >/dev/null 2>&1; then
  t=$SECONDS; say "installing g++ (apt; libFuzzer for the fuzz step is C++)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  as_root apt-get install -y -q g++
  step_done "installed g++" $t
fi
if [ "$MODE" = all ]; then
  # fonts-wqy-microhei: a CJK font, so screenshots of the Chinese UI show characters, not boxes.
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
     && [ -d /usr/share/fonts/truetype/wqy ]; then
    say "skip: chromium, chromium-driver and a CJK font already installed ($(chromium --version 2>/dev/null | head -1))"
  else
    t=$SECONDS; say "installing chromium + chromium-driver + CJK font (apt)"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q
    as_root apt-get install -y -q chromium chromium-driver fonts-wqy-microhei
    step_done "installed $(chromium --version 2>/dev/null | head -1)" $t
  fi
fi

# ---- e2e node dependencies (playwright-core, no browser download) ----------------------------
if [ "$MODE" = all ]; then
  if [ -f "$E2E_DIR/node_modules/.package-lock.json" ] \
     && [ ! "$E2E_DIR/package-lock.json" -nt "$E2E_DIR/node_modules/.package-lock.json" ]; then
    say "skip: tests/e2e node_modules up to date"
  else
    t=$SECONDS; say "installing tests/e2e dependencies (npm ci)"
    (cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error)
    step_done "installed tests/e2e dependencies" $t
  fi
fi

# ---- crates for every target --------------------------------------------------------------------
# trunk runs cargo with --offline (Trunk.toml), and native builds only download native crates, so
# fetch the wasm32-only ones (leptos, web-sys, ...) here. Quick when they are already there.
t=$SECONDS
if (cd "$ROOT" && cargo fetch --quiet); then
  step_done "crates fetched for every target (cargo fetch)" $t
else
  say "warning: cargo fetch failed (offline?); trunk may not find every crate"
fi

# ---- wait for cargo installs -----------------------------------------------------------------
FAILED=0
for i in "${!PIDS[@]}"; do
  if wait "${PIDS[$i]}"; then
    say "installed ${NAMES[$i]} ($(( SECONDS - T_CARGO ))s since start)"
  else
    FAILED=1
    say "FAILED to install ${NAMES[$i]}; end of its log:"
    case "${NAMES[$i]}" in trunk*) log=trunk ;; cargo-fuzz*) log=cargo-fuzz ;; *) log=wasm-bindgen ;; esac
    tail -n 40 "$LOG_DIR/$log.log" >&2 || true
  fi
done
[ "$FAILED" = 0 ] || die "tool installation failed"

# Final check: the tools trunk will look for are on PATH with the right versions.
[ "$(trunk --version)" = "trunk $TRUNK_VERSION" ] || die "trunk on PATH is $(command -v trunk): $(trunk --version)"
[ "$(wasm-bindgen --version)" = "wasm-bindgen $WB_VERSION" ] || die "wasm-bindgen on PATH is $(wasm-bindgen --version)"
say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1) ($(( SECONDS - T0 ))s)"
