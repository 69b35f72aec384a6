// Tiny static file server for the built web app (dist/), used by the e2e tests and handy for
// checking a release build by hand:
//
//   node tests/e2e/server.js [--dir dist] [--port 8080] [--host 127.0.0.1]
//
// - Single-page-app fallback: a path that is not a file and does not look like a file (no
//   extension in its last segment, e.g. /overview, /customers/123) gets index.html, so every
//   client-side route survives a reload. A missing asset (/x.wasm) is a real 404.
// - Correct MIME types for .wasm (application/wasm, needed for streaming compilation), .js, .css,
//   .gz (served as opaque bytes, application/gzip, never with Content-Encoding: the app
//   decompresses the sample itself), and the rest.
// - GET and HEAD only; anything else is 405 and recorded (the privacy test asserts none came).
// - Never serves outside the root folder.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.gz': 'application/gzip',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

export function mimeOf(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Start serving `root`. Resolves to { url, port, requests, close() } once listening.
 * `requests` collects { method, url } of every request received (for assertions).
 */
export function startServer({ root, port = 0, host = '127.0.0.1', quiet = true } = {}) {
  const base = path.resolve(root);
  const index = path.join(base, 'index.html');
  if (!fs.existsSync(index)) {
    return Promise.reject(new Error(`no index.html in ${base}: build the app first (trunk build --release)`));
  }
  const requests = [];

  const server = http.createServer((req, res) => {
    requests.push({ method: req.method, url: req.url });
    if (!quiet) console.log(`${req.method} ${req.url}`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
      res.end('method not allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('bad request\n');
      return;
    }
    const file = path.join(base, path.normalize(pathname));
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('forbidden\n');
      return;
    }
    let target = null;
    try {
      const st = fs.statSync(file);
      if (st.isFile()) target = file;
      else if (st.isDirectory() && fs.existsSync(path.join(file, 'index.html'))) target = path.join(file, 'index.html');
    } catch {
      // not found: maybe an app route
    }
    if (!target) {
      const last = pathname.split('/').pop() || '';
      if (last.includes('.')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found\n');
        return;
      }
      target = index; // SPA fallback
    }
    const st = fs.statSync(target);
    res.writeHead(200, { 'Content-Type': mimeOf(target), 'Content-Length': st.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(target).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        requests,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = opt('--dir', path.resolve(here, '..', '..', 'dist'));
  startServer({ root, port: Number(opt('--port', 8080)), host: opt('--host', '127.0.0.1'), quiet: false })
    .then(({ url }) => console.log(`serving ${root} on ${url}`))
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}
