// Persistence at scale: import a big order file in headless Chromium, wait until the session
// (the file as a Blob, the dataset record) is in IndexedDB, reload, and time the restore (the
// stored Blob re-imported in the worker) — with the peak resident memory of all Chromium
// processes in each phase (sampled from /proc every 50 ms) and the origin's storage use.
//
//   python3 scripts/make_big.py --lines 5000000 --out target/big/online_retail_5m.csv.gz
//   node benches/browser_persist.mjs --dist dist --file target/big/online_retail_5m.csv.gz
//
// Needs the e2e node modules (cd tests/e2e && npm ci) and Debian chromium.
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { serve, chromiumRssBytes } from './browser_lib.mjs';
import path from 'node:path';
import fs from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const dist = path.resolve(args.dist || 'dist');
const file = path.resolve(args.file || '../shared/data/online_retail_uci/online_retail.csv.gz');
const { port, server } = await serve(dist);


/** Run `f`, sampling Chromium's RSS; returns [result, ms, peak MB]. */
async function measured(f) {
  let peak = chromiumRssBytes();
  const timer = setInterval(() => { peak = Math.max(peak, chromiumRssBytes()); }, 50);
  const t0 = Date.now();
  try {
    const r = await f();
    return [r, Date.now() - t0, Math.round(peak / 2 ** 20)];
  } finally {
    clearInterval(timer);
  }
}

const userDir = fs.mkdtempSync('/tmp/shoplens-persist-');
const context = await chromium.launchPersistentContext(userDir, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
const baseline = Math.round(chromiumRssBytes() / 2 ** 20);
// The KPI card exists before the overview is computed: wait for a non-zero revenue.
const kpi = () => page.waitForFunction(() => Number(document.querySelector('[data-testid=kpi-revenue]')?.getAttribute('data-value')) > 0,
  null, { timeout: 1_200_000, polling: 100 });
const revenue = () => page.getAttribute('[data-testid=kpi-revenue]', 'data-value');

const [, importMs, importPeak] = await measured(async () => {
  await page.setInputFiles('[data-testid=file-input]', file);
  await kpi();
});
const revenueBefore = await revenue();
// Stored: the dataset record and its files entry exist.
const [usage, storeMs, storePeak] = await measured(async () => {
  await page.waitForFunction(() => new Promise((resolve) => {
    const req = indexedDB.open('shoplens');
    req.onerror = () => resolve(false);
    req.onsuccess = () => {
      const db = req.result;
      try {
        const tx = db.transaction(['datasets', 'files'], 'readonly');
        const ds = tx.objectStore('datasets').count();
        const fl = tx.objectStore('files').count();
        tx.oncomplete = () => { db.close(); resolve(ds.result >= 1 && fl.result >= 1); };
        tx.onerror = () => { db.close(); resolve(false); };
      } catch { db.close(); resolve(false); }
    };
  }), null, { timeout: 1_200_000, polling: 500 });
  return page.evaluate(async () => (await navigator.storage.estimate()).usage);
});
const [, restoreMs, restorePeak] = await measured(async () => {
  await page.reload();
  await kpi();
});
const revenueAfter = await revenue();
await context.close();
server.kill();
fs.rmSync(userDir, { recursive: true, force: true });
console.log(JSON.stringify({
  file, file_mb: Math.round(fs.statSync(file).size / 2 ** 20),
  baseline_chromium_rss_mb: baseline,
  import_ms: importMs, import_peak_rss_mb: importPeak,
  stored_after_ms: storeMs, store_peak_rss_mb: storePeak, origin_storage_usage_mb: Math.round(usage / 2 ** 20),
  reload_to_kpis_ms: restoreMs, restore_peak_rss_mb: restorePeak,
  revenue_before: revenueBefore, revenue_after: revenueAfter, same_revenue: revenueBefore === revenueAfter,
}, null, 1));
