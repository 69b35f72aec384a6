// The static server used by every browser test, and the app shell loading in Debian chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { startServer } from './server.js';
import { startEnv, newPage, crashes, tmpDir, DIST, TEST_TIMEOUT } from './helpers.mjs';

test('static server: MIME types, SPA fallback, 404 for missing assets, no traversal, GET only', async () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dir, 'app_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(dir, 'app.js'), 'export {}');
  fs.writeFileSync(path.join(dir, 'style.css'), 'body{}');
  fs.mkdirSync(path.join(dir, 'sample'));
  fs.writeFileSync(path.join(dir, 'sample', 's.csv.gz'), Buffer.from([0x1f, 0x8b, 8, 0]));
  const srv = await startServer({ root: dir });
  try {
    const get = (p, init) => fetch(srv.url + p, init);
    const cases = [
      ['/', 200, 'text/html'],
      ['/app_bg.wasm', 200, 'application/wasm'],
      ['/app.js', 200, 'text/javascript'],
      ['/style.css', 200, 'text/css'],
      ['/sample/s.csv.gz', 200, 'application/gzip'],
      ['/overview', 200, 'text/html'],
      ['/customers/17850', 200, 'text/html'],
      ['/missing.wasm', 404, 'text/plain'],
    ];
    for (const [p, status, type] of cases) {
      const res = await get(p);
      assert.equal(res.status, status, p);
      assert.ok(res.headers.get('content-type').startsWith(type), `${p}: ${res.headers.get('content-type')}`);
      await res.arrayBuffer();
    }
    const gz = await get('/sample/s.csv.gz');
    assert.equal(gz.headers.get('content-encoding'), null, '.gz must be served as bytes, not decoded');
    assert.deepEqual([...new Uint8Array(await gz.arrayBuffer())], [0x1f, 0x8b, 8, 0]);
    const fallback = await (await get('/inventory')).text();
    assert.match(fallback, /<title>t<\/title>/);
    for (const p of ['/../../../../etc/passwd', '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/..%5c..%5cetc%5cpasswd']) {
      const body = await rawGet(srv.port, p);
      assert.ok(!body.includes('root:'), `path traversal through ${p}`);
    }
    const post = await get('/', { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    await post.arrayBuffer();
    assert.ok(srv.requests.some((r) => r.method === 'POST'), 'requests are recorded');
  } finally {
    await srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('dist/ has the built app (index.html, app wasm, worker, sample)', () => {
  const files = fs.readdirSync(DIST);
  assert.ok(files.includes('index.html'), `no index.html in ${DIST}`);
  assert.ok(files.some((f) => f.endsWith('.wasm')), `no .wasm in ${DIST}: ${files.join(' ')}`);
  const sample = path.join(DIST, 'sample', 'online_retail_sample.csv.gz');
  assert.ok(fs.existsSync(sample), 'the bundled sample is copied to dist/sample/');
  assert.ok(fs.statSync(sample).size < 3 * 1024 * 1024);
});

// A GET whose path is sent exactly as given (fetch would normalise "..").
function rawGet(port, rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

test('the app loads in chromium without errors and shows the landing page', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    const res = await page.goto(url('/'));
    assert.equal(res.status(), 200);
    await page.locator('[data-testid="dropzone"]').waitFor();
    await page.locator('input[type=file][data-testid="file-input"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('input[type=file][data-testid="file-input"]').getAttribute('multiple') !== null, true,
      'the file input accepts several files');
    await page.locator('[data-testid="try-sample"]').waitFor();
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
