#!/usr/bin/env python3
"""trunk post_build hook: fill in the service worker's precache list and cache version.

trunk copies www/sw.js into the build (index.html: `<link data-trunk rel="copy-file">`) and hashes
the names of the app's JS/wasm, so the list of files to precache is only known after the build.
This hook runs after scripts/csp_hook.py (Trunk.toml runs both, in this order, from one hook:
trunk starts the hooks of one stage concurrently) and

  1. decides the mode: 'off' under `trunk serve` (its auto-reload script is in the staged
     index.html: development must never be served stale files by a cache) or when SHOPLENS_SW=off,
     else 'cache';
  2. writes the mode into index.html's `<meta name="shoplens-service-worker" content="...">`
     ("sw.js": the app registers sw.js at start; "off": it registers nothing and removes a
     service worker left on this origin by an earlier build);
  3. lists every file of the build (relative URL paths; sw.js itself excluded), hashes their
     contents into a cache version and writes mode, version and list into sw.js.

Reads TRUNK_STAGING_DIR. Also usable by hand on a built folder: python3 scripts/sw_hook.py dist
(re-running it on an already filled build is a no-op). Python 3 standard library only.
"""
import hashlib
import json
import os
import sys
from urllib.parse import quote

SW_FILE = "sw.js"
META_PLACEHOLDER = "__SHOPLENS_SW__"
MODE_PLACEHOLDER = "'__SHOPLENS_SW_MODE__'"
VERSION_PLACEHOLDER = "'__SHOPLENS_SW_VERSION__'"
PRECACHE_PLACEHOLDER = "['__SHOPLENS_SW_PRECACHE__']"
# trunk serve injects an auto-reload script whose address placeholder it fills when serving.
SERVE_MARKER = "{{__TRUNK_ADDRESS__}}"
# Never precached: the worker itself, editor/OS leftovers.
SKIP_NAMES = {SW_FILE, ".DS_Store", "Thumbs.db"}


def write_atomic(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def build_files(root):
    """Every file under `root` except sw.js, as sorted '/'-separated relative paths."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name in SKIP_NAMES or name.startswith(".") or name.endswith(".tmp"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
            if rel == SW_FILE:
                continue
            out.append(rel)
    return sorted(out)


def version_of(root, files):
    h = hashlib.sha256()
    for rel in files:
        with open(os.path.join(root, rel), "rb") as f:
            h.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(f.read()).digest())
    return h.hexdigest()[:16]


def process(root):
    index = os.path.join(root, "index.html")
    sw = os.path.join(root, SW_FILE)
    if not os.path.exists(index):
        print(f"sw_hook: {index} not found", file=sys.stderr)
        return 1
    with open(index, encoding="utf-8") as f:
        html = f.read()
    serving = SERVE_MARKER in html
    mode = "off" if serving or os.environ.get("SHOPLENS_SW", "").lower() == "off" else "cache"

    if META_PLACEHOLDER in html:
        html = html.replace(META_PLACEHOLDER, SW_FILE if mode == "cache" else "off")
        write_atomic(index, html)
    else:
        print(f"sw_hook: no {META_PLACEHOLDER} in {index}; leaving it as it is")

    if not os.path.exists(sw):
        print(f"sw_hook: no {SW_FILE} in {root}; nothing more to do")
        return 0
    with open(sw, encoding="utf-8") as f:
        js = f.read()
    if PRECACHE_PLACEHOLDER not in js:
        print(f"sw_hook: {sw} is already filled in; nothing to do")
        return 0

    files = build_files(root) if mode == "cache" else []
    version = version_of(root, files) if mode == "cache" else "off"
    urls = [quote(rel, safe="/-_.~") for rel in files]
    js = (js.replace(MODE_PLACEHOLDER, json.dumps(mode))
            .replace(VERSION_PLACEHOLDER, json.dumps(version))
            .replace(PRECACHE_PLACEHOLDER, json.dumps(urls, indent=2)))
    write_atomic(sw, js)
    size = sum(os.path.getsize(os.path.join(root, rel)) for rel in files)
    if mode == "cache":
        print(f"sw_hook: {len(files)} files ({size / 1e6:.1f} MB) precached by {sw}, cache version {version}")
    else:
        print(f"sw_hook: service worker off ({'trunk serve' if serving else 'SHOPLENS_SW=off'}) in {sw}")
    return 0


def main(argv):
    if len(argv) > 1:
        root = argv[1]
    else:
        root = os.environ.get("TRUNK_STAGING_DIR")
        if not root:
            print("sw_hook: TRUNK_STAGING_DIR is not set (run by trunk) and no folder given", file=sys.stderr)
            return 2
    return process(root)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
