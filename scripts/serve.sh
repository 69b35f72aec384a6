#!/usr/bin/env bash
# Serve the ShopLens web app locally with live rebuild: http://127.0.0.1:8080
# Installs the app tools first if they are missing (scripts/setup.sh --app).
#   scripts/serve.sh                 # debug build, http://127.0.0.1:8080
#   PORT=9000 scripts/serve.sh --release
# Extra arguments go to `trunk serve`.
set -euo pipefail
SCRIPT_TAG=serve
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/scripts/setup.sh" --app
mkdir -p "$TOOLS_DIR"   # Trunk.toml [watch] ignores it; it must exist
cd "$ROOT"
PORT="${PORT:-8080}"
say "serving on http://127.0.0.1:$PORT (Ctrl-C to stop)"
exec trunk serve --address 127.0.0.1 --port "$PORT" "$@"
