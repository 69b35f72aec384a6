// Browser import benchmark: time to import a file into cleaned columnar tables in headless
// Chromium (the worker's own clock, from the first byte read to the finished Dataset), and the
// peak resident memory of all Chromium processes while it runs (sampled from /proc every 50 ms).
//
//   node benches/browser_import.mjs --dist dist --file ../shared/data/online_retail_uci/online_retail.csv.gz [--runs 3]
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
const runs = Number(args.runs || 3);
const { port, server } = await serve(dist);


const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
let peak = 0;
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
  const base = chromiumRssBytes();
  const timer = setInterval(() => { peak = Math.max(peak, chromiumRssBytes()); }, 50);
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForSelector('[data-testid=kpi-revenue]', { timeout: 600000 });
  const wall = Date.now() - t0;
  clearInterval(timer);
  await page.goto(`http://127.0.0.1:${port}/data`).catch(() => {});
  // The route change reloads the page (data is in memory only): read the worker time before.
  results.push({ wall_ms: wall, baseline_rss_mb: base / 2 ** 20 });
  await page.close();
}
// Worker-side import time: re-run once and read it from the Data page without reloading.
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
await page.setInputFiles('[data-testid=file-input]', file);
await page.waitForSelector('[data-testid=kpi-revenue]', { timeout: 600000 });
await page.click('a[href="/data"]');
const ms = Number(await page.getAttribute('[data-testid=import-millis]', 'data-value'));
const lines = await page.getAttribute('[data-testid=order-level-lines]', 'data-value');
await browser.close();
server.kill();
const walls = results.map((r) => r.wall_ms).sort((a, b) => a - b);
console.log(JSON.stringify({
  file, lines: Number(lines), worker_import_ms: ms,
  wall_ms_median_to_kpis: walls[Math.floor(walls.length / 2)], wall_ms_all: walls,
  peak_chromium_rss_mb: Math.round(peak / 2 ** 20),
}, null, 1));
