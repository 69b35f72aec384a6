// Shared fixtures for the ShopLens browser tests: paths, expected numbers, the browser (Debian
// chromium through playwright-core, never a downloaded browser), the static server, page helpers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const DIST = path.resolve(process.env.SHOPLENS_DIST || path.join(ROOT, 'dist'));
export const UCI_FILE = path.resolve(ROOT, '..', 'shared', 'data', 'online_retail_uci', 'online_retail.csv.gz');
export const SCREENSHOT_DIR = path.join(ROOT, 'target', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** Generous timeouts: the full UCI import runs in wasm on a shared 2-core machine. */
export const IMPORT_TIMEOUT = 180_000;
export const TEST_TIMEOUT = 300_000;

/** Numbers of www/sample/online_retail_sample.csv.gz (scripts/make_sample.py; www/sample/README.md). */
export const SAMPLE = {
  orderLevel: { lines: 158366, orders: 6206, customers: 2479, revenue: 3298689.643 },
  customerLevel: { lines: 121045, orders: 5759, customers: 2479, revenue: 2859486.983 },
};

/** Numbers of the full UCI Online Retail file (../shared/data; REFERENCE_RESULTS.md: 4,338 customers). */
export const FULL = {
  orderLevel: { lines: 530104, orders: 19960, customers: 4338, revenue: 10666684.544 },
  customerLevel: { lines: 397884, orders: 18532, customers: 4338, revenue: 8911407.904 },
};

/** Column order of the UCI file (0-based indices used by the mapping selects map-col-N). */
export const UCI_COLUMNS = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];

export const ROUTES = ['/overview', '/data', '/customers', '/products', '/forecast', '/inventory', '/marketing', '/action'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Start the static server on dist/ (random free port on 127.0.0.1) and Debian chromium.
 * playwright-core's launch() gives the browser a fresh temporary user-data-dir, removed on close.
 */
export async function startEnv() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run scripts/setup.sh (installs Debian chromium)`);
  }
  const server = await startServer({ root: DIST });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    server,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * A fresh browser context and page. Records page errors, console errors, dialogs and every
 * request (of the page and its workers). Requests to any other origin are aborted (and recorded):
 * nothing may leave the machine. `contextOptions` are merged into the browser context's options
 * (e.g. { bypassCSP: true } to inject axe-core).
 */
export async function newPage(env, contextOptions = {}) {
  const context = await env.browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
    serviceWorkers: 'block',
    ...contextOptions,
  });
  context.setDefaultTimeout(60_000);
  const origin = new URL(env.server.url).origin;
  const log = { pageErrors: [], consoleErrors: [], dialogs: [], requests: [] };
  context.on('request', (req) => {
    log.requests.push({ url: req.url(), method: req.method(), postData: req.postData(), resourceType: req.resourceType() });
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (sameOrigin(url, origin)) return route.continue();
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => log.pageErrors.push(String(err && err.stack ? err.stack : err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('worker', (worker) => {
    worker.on('console', (msg) => {
      if (msg.type() === 'error') log.consoleErrors.push(`[worker] ${msg.text()}`);
    });
  });
  return { context, page, log, origin, url: (p = '/') => env.server.url + p };
}

/** True for URLs whose origin is the page's own (blob: URLs carry their creator's origin). */
export function sameOrigin(url, origin) {
  if (url.startsWith('data:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Panics (console_error_panic_hook) and uncaught exceptions seen so far. */
export function crashes(log) {
  return [...log.pageErrors, ...log.consoleErrors.filter((m) => /panicked|RuntimeError|unreachable/i.test(m))];
}

/** Wait until the element `[data-testid=ID]` has a numeric data-value; return it as a number. */
export async function dataValue(page, testid, timeout = IMPORT_TIMEOUT) {
  const sel = `[data-testid="${testid}"]`;
  const handle = await page.waitForFunction(
    (s) => {
      const el = document.querySelector(s);
      const v = el && el.getAttribute('data-value');
      return v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v)) ? v : false;
    },
    sel,
    { timeout },
  );
  return Number(await handle.jsonValue());
}

/** Wait until the data-value of `[data-testid=ID]` differs from `before`; return it. */
export async function dataValueChange(page, testid, before, timeout = 60_000) {
  const sel = `[data-testid="${testid}"]`;
  const handle = await page.waitForFunction(
    ([s, b]) => {
      const el = document.querySelector(s);
      const v = el && el.getAttribute('data-value');
      return v !== null && v !== undefined && v !== '' && Number(v) !== b ? v : false;
    },
    [sel, before],
    { timeout },
  );
  return Number(await handle.jsonValue());
}

/**
 * Type VALUE into the input `[data-testid=ID]` and commit it as a user does by leaving the field
 * (the pages read inputs on `change`, which `fill` alone does not fire).
 */
export async function setField(page, testid, value) {
  await commitValue(page.locator(`[data-testid="${testid}"]`), value);
}

/** [`setField`] for an input found some other way (a Playwright locator). */
export async function commitValue(field, value) {
  await field.fill(String(value));
  await field.dispatchEvent('change');
}

/** [`setField`] for each `testid: value` pair, in order. */
export async function setFields(page, values) {
  for (const [testid, value] of Object.entries(values)) await setField(page, testid, value);
}

/** A full-page screenshot saved as target/screenshots/NAME (the pages a test touched, to look at). */
export async function shot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

/** Wait for the overview KPIs after an import and return { revenue, orders, customers, aov, repeat, returns }. */
export async function readKpis(page) {
  await page.waitForURL((u) => new URL(u).pathname === '/overview', { timeout: IMPORT_TIMEOUT });
  // The cards exist (showing 0) while the import still runs: wait for the progress bar to go and
  // for orders to appear.
  await page.locator('[data-testid="progress"]').waitFor({ state: 'hidden', timeout: IMPORT_TIMEOUT });
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="kpi-orders"]')?.getAttribute('data-value')) > 0,
    null,
    { timeout: IMPORT_TIMEOUT },
  );
  const out = {};
  for (const k of ['revenue', 'orders', 'customers', 'aov', 'repeat', 'returns']) {
    out[k] = await dataValue(page, `kpi-${k}`);
  }
  return out;
}

/** Click the bundled-sample button on the landing page and wait for the KPIs. */
export async function importSample(page, url) {
  await page.goto(url('/'));
  await page.locator('[data-testid="try-sample"]').click();
  return readKpis(page);
}

/** Upload files through the landing page's file input and wait for the KPIs. */
export async function importFiles(page, url, files) {
  await page.goto(url('/'));
  await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(files);
  return readKpis(page);
}

/** Client-side navigation through the nav bar (keeps the imported data in memory). */
export async function navigate(page, route) {
  await page.locator(`a[href="${route}"]`).first().click();
  await page.waitForURL((u) => new URL(u).pathname === route);
}

/** Read the cleaning report numbers on /data. */
export async function readCleaningReport(page) {
  await page.locator('[data-testid="cleaning-report"]').waitFor();
  const r = {};
  for (const [key, id] of [
    ['olLines', 'order-level-lines'],
    ['olOrders', 'order-level-orders'],
    ['olRevenue', 'order-level-revenue'],
    ['clLines', 'customer-level-lines'],
    ['clOrders', 'customer-level-orders'],
    ['clCustomers', 'customer-level-customers'],
    ['clRevenue', 'customer-level-revenue'],
  ]) {
    r[key] = await dataValue(page, id);
  }
  return r;
}

/** Close to `expected` within `tol` (money is rounded to 3 decimals in data-value). */
export function near(actual, expected, tol = 0.01) {
  return Math.abs(actual - expected) <= tol;
}

/** A temporary folder for generated fixture files. */
export function tmpDir(prefix = 'shoplens-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A small store in the UCI layout. `rows` are arrays of the 8 UCI fields (CSV-quoted here). */
export function uciCsv(rows, extraHeader = []) {
  const q = (v) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [[...UCI_COLUMNS, ...extraHeader].map(q).join(',')];
  for (const r of rows) lines.push(r.map(q).join(','));
  return lines.join('\n') + '\n';
}

/** Minimal RFC 4180 CSV parser (quotes, doubled quotes, CRLF) for checking downloads. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Does the page show `[data-testid=not-built]` (a pillar page that has not landed yet)? */
export async function notBuilt(page) {
  return (await page.locator('[data-testid="not-built"]').count()) > 0;
}

/** Click a download button; returns { name, text } of the downloaded file. */
export async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testid}"]`).first().click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}
