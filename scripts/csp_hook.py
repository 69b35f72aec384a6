#!/usr/bin/env python3
"""trunk post_build hook: fill the Content-Security-Policy script hashes into index.html.

index.html carries `<meta http-equiv="Content-Security-Policy" content="... script-src 'self'
'wasm-unsafe-eval' __CSP_SCRIPT_HASHES__ ...">`. trunk injects inline `<script>` elements (the
module that starts the wasm app; under `trunk serve` also its auto-reload script), which the CSP
blocks unless their SHA-256 hashes are listed (CSP Level 2, "hash-source":
https://www.w3.org/TR/CSP3/#grammardef-hash-source). This hook hashes every inline script of the
staged index.html and replaces the placeholder with the `'sha256-...'` sources.

`trunk serve` rewrites its auto-reload script when serving (the page's Host header and the
websocket base replace two placeholders), so for that script the hashes of the served variants
for 127.0.0.1 and localhost on $PORT (default 8080, set by scripts/serve.sh) are added too.

Runs from Trunk.toml ([[hooks]] stage = "post_build"); reads TRUNK_STAGING_DIR. Also usable by
hand: python3 scripts/csp_hook.py dist/index.html. Python 3 standard library only.
"""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "__CSP_SCRIPT_HASHES__"
SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)


def sha256_source(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(html):
    for m in SCRIPT_RE.finditer(html):
        attrs, body = m.group(1), m.group(2)
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        yield body


def served_variants(body):
    """The texts `trunk serve` sends for its auto-reload script (see trunk src/serve/mod.rs)."""
    if "{{__TRUNK_ADDRESS__}}" not in body:
        return [body]
    port = os.environ.get("TRUNK_SERVE_PORT") or os.environ.get("PORT") or "8080"
    base = os.environ.get("TRUNK_SERVE_WS_BASE") or os.environ.get("TRUNK_PUBLIC_URL") or "/"
    if not base.endswith("/"):
        base += "/"
    out = []
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
        out.append(body.replace("'{{__TRUNK_ADDRESS__}}'", f"'{host}'")
                   .replace("`{{__TRUNK_ADDRESS__}}`", f"'{host}'")
                   .replace("{{__TRUNK_WS_BASE__}}", base))
    return out


def process(path):
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if PLACEHOLDER not in html:
        print(f"csp_hook: no {PLACEHOLDER} in {path}; nothing to do")
        return 0
    sources = []
    for body in inline_scripts(html):
        for variant in served_variants(body):
            src = sha256_source(variant)
            if src not in sources:
                sources.append(src)
    html = html.replace(PLACEHOLDER, " ".join(sources))
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(html)
    os.replace(tmp, path)
    print(f"csp_hook: {len(sources)} script hash(es) written to {path}")
    return 0


def main(argv):
    if len(argv) > 1:
        path = argv[1]
    else:
        staging = os.environ.get("TRUNK_STAGING_DIR")
        if not staging:
            print("csp_hook: TRUNK_STAGING_DIR is not set (run by trunk) and no file given", file=sys.stderr)
            return 2
        path = os.path.join(staging, "index.html")
    if not os.path.exists(path):
        print(f"csp_hook: {path} not found", file=sys.stderr)
        return 1
    return process(path)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
