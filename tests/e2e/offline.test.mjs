// Works offline, installable: the web app manifest, the service worker's precache list (filled by
// scripts/sw_hook.py), and the app used with the network gone (server stopped and the browser
// offline): the sample imports, and an app route opened directly falls back to the cached shell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
// Report the service worker's own requests as context 'request' events too (Chromium only).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
const { chromium } = await import('playwright-core');
const { startServer } = await import('./server.js');
const { DIST, ROOT, CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR, crashes, readKpis, sameOrigin, tmpDir, SAMPLE, IMPORT_TIMEOUT, TEST_TIMEOUT } = await import(
  './helpers.mjs'
);

let server;
let browser;
before(async () => {
  server = await startServer({ root: DIST });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

/** The precache list and mode written into dist/sw.js by the hook. */
function swConfig(text) {
  const mode = text.match(/const MODE = "([^"]*)";/);
  const version = text.match(/const VERSION = "([^"]*)";/);
  const list = text.match(/const PRECACHE = (\[[\s\S]*?\]);/);
  return { mode: mode && mode[1], version: version && version[1], precache: list ? JSON.parse(list[1]) : null };
}

/** Every file of a folder, '/'-separated and relative. */
function filesOf(root, dir = root) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesOf(root, p) : [path.relative(root, p).split(path.sep).join('/')];
  });
}

test('manifest, icons and service worker are served with the right types; the precache list is the whole build', async () => {
  const get = async (p) => {
    const res = await fetch(server.url + p);
    return { status: res.status, type: res.headers.get('content-type') || '', body: Buffer.from(await res.arrayBuffer()) };
  };
  const sw = await get('/sw.js');
  assert.equal(sw.status, 200);
  assert.match(sw.type, /^(text|application)\/javascript\b/, `sw.js type ${sw.type}`);
  assert.ok(!sw.body.toString().includes('<!DOCTYPE'), 'sw.js is not the SPA fallback page');
  const mf = await get('/manifest.webmanifest');
  assert.equal(mf.status, 200);
  assert.match(mf.type, /^application\/manifest\+json\b/);
  const manifest = JSON.parse(mf.body.toString());
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.short_name && manifest.start_url && manifest.theme_color && manifest.background_color);
  const sizes = manifest.icons.map((i) => i.sizes).sort();
  assert.deepEqual(sizes, ['192x192', '512x512', 'any']);
  for (const icon of manifest.icons) {
    const r = await get('/' + icon.src);
    assert.equal(r.status, 200, icon.src);
    assert.equal(r.type.split(';')[0], icon.type, `${icon.src}: ${r.type}`);
    if (icon.type === 'image/png') {
      // PNG header: width and height (big-endian) at bytes 16..24.
      const [w, h] = [r.body.readUInt32BE(16), r.body.readUInt32BE(20)];
      assert.equal(`${w}x${h}`, icon.sizes);
    }
  }
  // A missing asset is a 404, not the app shell.
  assert.equal((await get('/no-such-file.js')).status, 404);

  const html = (await get('/')).body.toString();
  assert.match(html, /<link rel="manifest" href="manifest\.webmanifest"/);
  assert.match(html, /<meta name="shoplens-service-worker" content="sw\.js"/);

  const cfg = swConfig(sw.body.toString());
  assert.equal(cfg.mode, 'cache');
  assert.match(cfg.version, /^[0-9a-f]{16}$/);
  const expected = filesOf(DIST).filter((f) => f !== 'sw.js').sort();
  assert.deepEqual([...cfg.precache].sort(), expected, 'precache = every file of the build but sw.js');
  for (const p of cfg.precache) assert.ok(!/^[a-z]+:|^\/\//i.test(p), `relative path: ${p}`);
  for (const re of [/^index\.html$/, /^app-[0-9a-f]+\.js$/, /^app-[0-9a-f]+_bg\.wasm$/, /^worker\.js$/, /^worker_bg\.wasm$/, /^worker_loader\.js$/,
    /^style-[0-9a-f]+\.css$/, /^manifest\.webmanifest$/, /^icon-192\.png$/, /^icon-512\.png$/, /^icon\.svg$/,
    /^sample\/online_retail_sample\.csv\.gz$/, /^sample\/marketing\/spend\.csv$/, /^sample\/marketing\/experiment\.csv$/]) {
    assert.ok(cfg.precache.some((p) => re.test(p)), `precached: ${re}`);
  }
});

test('the hook turns the service worker off under trunk serve', () => {
  const dir = tmpDir('shoplens-sw-');
  try {
    fs.copyFileSync(path.join(ROOT, 'www', 'sw.js'), path.join(dir, 'sw.js'));
    // trunk serve's auto-reload script carries this placeholder in the staged index.html.
    fs.writeFileSync(path.join(dir, 'index.html'),
      '<html><head><meta name="shoplens-service-worker" content="__SHOPLENS_SW__" /></head>' +
      "<body><script>const a = '{{__TRUNK_ADDRESS__}}';</script></body></html>");
    execFileSync('python3', [path.join(ROOT, 'scripts', 'sw_hook.py'), dir], { stdio: 'pipe' });
    const cfg = swConfig(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8'));
    assert.equal(cfg.mode, 'off');
    assert.deepEqual(cfg.precache, []);
    assert.match(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'), /content="off"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('offline: after one visit the app loads, imports the sample and opens routes with no network', { timeout: TEST_TIMEOUT }, async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'allow' });
  context.setDefaultTimeout(60_000);
  const origin = new URL(server.url).origin;
  const log = { pageErrors: [], consoleErrors: [], requests: [] };
  context.on('request', (req) => log.requests.push({ url: req.url(), method: req.method(), sw: !!req.serviceWorker?.() }));
  context.on('requestfailed', (req) => {
    if (!sameOrigin(req.url(), origin)) log.requests.push({ url: req.url(), method: req.method(), failed: true });
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => log.pageErrors.push(String(err && err.stack ? err.stack : err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  const base = server.url;
  const url = (p) => base + p;
  try {
    // 1. Online: the first visit installs the service worker, which precaches the build.
    await page.goto(url('/'));
    await page.locator('[data-testid="try-sample"]').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const controlled = () => page.evaluate(() => !!navigator.serviceWorker.controller);
    if (!(await controlled())) {
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 }).catch(async () => {
        await page.reload();
        await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
      });
    }
    assert.ok(await controlled(), 'the page is controlled by the service worker');
    const caches = await page.evaluate(async () => {
      const names = await caches.keys();
      const out = {};
      for (const n of names) out[n] = (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname);
      return out;
    });
    const names = Object.keys(caches);
    assert.equal(names.length, 1, `one cache: ${names}`);
    assert.match(names[0], /^shoplens-[0-9a-f]{16}$/);
    for (const p of ['/index.html', '/worker_bg.wasm', '/sample/online_retail_sample.csv.gz', '/manifest.webmanifest']) {
      assert.ok(caches[names[0]].includes(p), `cached ${p}`);
    }

    // 2. Offline: the server is gone and the browser has no network.
    const seenByServer = server.requests.length;
    await server.close();
    server = null;
    await context.setOffline(true);
    const probe = await page.evaluate(() => fetch('/not-cached-' + Date.now() + '.txt').then((r) => `HTTP ${r.status}`, () => 'network error'));
    assert.equal(probe, 'network error', 'uncached files cannot be fetched: really offline');

    await page.reload();
    await page.locator('[data-testid="try-sample"]').click();
    const kpis = await readKpis(page);
    assert.equal(kpis.orders, SAMPLE.orderLevel.orders, 'sample imported offline');
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'offline-overview.png') });

    // 3. An app route opened directly (not a file): the cached index.html, then the app's page.
    for (const route of ['/customers', '/marketing']) {
      const res = await page.goto(url(route));
      assert.ok(res && res.ok(), `${route}: served offline (${res && res.status()})`);
      assert.equal(new URL(page.url()).pathname, route);
      await page.locator('a[href="/overview"]').first().waitFor({ state: 'visible' });
      assert.ok((await page.locator('main').innerText()).trim().length > 0, `${route}: page content`);
    }
    // The marketing samples are bundled files too: the A/B test sample runs offline.
    await page.click('[data-testid="ab-sample"]');
    await page.locator('[data-testid="ab-metric"]').first().waitFor({ timeout: IMPORT_TIMEOUT });

    assert.equal(seenByServer > 0, true);
    const foreign = log.requests.filter((r) => !sameOrigin(r.url, origin));
    assert.deepEqual(foreign.map((r) => r.url), [], 'requests to other origins');
    assert.ok(log.requests.some((r) => r.sw), 'the service worker\'s own requests were observed');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
