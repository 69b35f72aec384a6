# Shared settings for scripts/*.sh (sourced, not executed).
# Tool versions live here; the wasm-bindgen version is read from Cargo.lock so that the CLI always
# matches the crate's pinned `wasm-bindgen`.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$ROOT/.tools"                 # project-local npm tools (binaryen's wasm-opt)
E2E_DIR="$ROOT/tests/e2e"
TRUNK_VERSION="0.21.14"
CARGO_FUZZ_VERSION="0.13.2"              # scripts/fuzz.sh (stable Rust + RUSTC_BOOTSTRAP=1)
BINARYEN_VERSION="132.0.0"               # wasm-opt "version_132" (Trunk.toml [tools] wasm_opt)
WASM_TARGET="wasm32-unknown-unknown"
CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"

# binaryen's wasm-opt FIRST (never Debian's binaryen: its wasm-opt 108 breaks the wasm).
export PATH="$TOOLS_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { found = 1; next }
       found && $1 == "version" { gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

section() { printf '\n========== %s ==========\n' "$*"; }
say() { printf '[%s] %s\n' "${SCRIPT_TAG:-shoplens}" "$*"; }
die() { printf '[%s] ERROR: %s\n' "${SCRIPT_TAG:-shoplens}" "$*" >&2; exit 1; }

# Run as root or through sudo (apt).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}
