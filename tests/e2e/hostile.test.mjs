// Hostile files in the browser (tests/hostile/ and tests/hostile.rs for the native side): each
// shows its specific message, nothing panics, nothing from the file runs as script, and the app
// stays usable (a good import afterwards works, without a reload).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv, newPage, crashes, importFiles, navigate, readKpis, tmpDir, ROOT, SCREENSHOT_DIR,
  IMPORT_TIMEOUT, TEST_TIMEOUT,
} from './helpers.mjs';

const HOSTILE = path.join(ROOT, 'tests', 'hostile');
const HEADER = 'order_id,order_date,customer_id,product_name,quantity,unit_price\n';

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

/** Drop a file on the landing page's file input and return the error text shown. */
async function importError(page, url, file) {
  await page.goto(url('/'));
  await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(file);
  const error = page.locator('[data-testid="error"]');
  await error.waitFor({ state: 'visible', timeout: IMPORT_TIMEOUT });
  return (await error.innerText()).trim();
}

/** A small good file: 6 orders over 3 days, revenue 3.5 + 8 + 2 + 5 + 6 + 7 = 31.5. */
function goodFile() {
  const p = path.join(dir, 'good.csv');
  fs.writeFileSync(p, HEADER + [
    '2001,2024-03-01,C1,Mug,1,3.50',
    '2002,2024-03-01,C2,Tea,2,4.00',
    '2003,2024-03-02,C1,Cup,1,2.00',
    '2004,2024-03-02,C3,Pot,1,5.00',
    '2005,2024-03-03,C2,Jar,2,3.00',
    '2006,2024-03-03,C4,Bowl,1,7.00',
  ].join('\n') + '\n');
  return p;
}

test('empty file and binary renamed .csv: specific messages, the app stays usable', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    const empty = await importError(page, url, path.join(HOSTILE, 'empty.csv'));
    assert.match(empty, /empty\.csv: the file is empty/);
    const binary = await importError(page, url, path.join(HOSTILE, 'binary.csv'));
    assert.match(binary, /binary\.csv: this looks like a binary file, not a CSV text export \(NUL\/control bytes found\)/);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'hostile-binary-error.png'), fullPage: false });
    const headerOnly = await importError(page, url, path.join(HOSTILE, 'header_only.csv'));
    assert.match(headerOnly, /header_only\.csv: no data rows after the header/);
    assert.deepEqual(crashes(log), [], 'no panic on a bad file');
    // A good import afterwards works, without a reload.
    await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(goodFile());
    const kpis = await readKpis(page);
    assert.equal(kpis.orders, 6);
    assert.ok(Math.abs(kpis.revenue - 31.5) < 1e-6, `revenue ${kpis.revenue}`);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('unbalanced quote and a script tag in a product name: explained, shown as text, never run', { timeout: TEST_TIMEOUT }, async () => {
  const p = path.join(dir, 'hostile_rows.csv');
  fs.writeFileSync(p, HEADER + [
    '3001,2024-04-01,C1,<script>window.__pwned=1</script>Mug,1,3.50',
    '3002,2024-04-01,C2,"<img src=x onerror=""window.__pwned=2"">",2,4.00',
    '3003,2024-04-02,C3,Tea,1,2.00',
    '3004,2024-04-02,C4,"Cup,1,5.00',
    '3005,2024-04-03,C5,Pot,1,6.00',
  ].join('\n') + '\n');
  const { page, log, url, context } = await newPage(env);
  try {
    const kpis = await importFiles(page, url, p);
    // Rows 1-3 kept; row 4 opens a quote that swallows row 5: one malformed row, explained.
    assert.equal(kpis.orders, 3);
    await navigate(page, '/data');
    const report = page.locator('[data-testid="cleaning-report"]');
    await report.waitFor();
    const why = report.locator('[data-testid="drop-examples"]').first();
    await why.locator('summary').click();
    const text = await why.innerText();
    assert.match(text, /hostile_rows\.csv, row 4, column 'product_name': a quoted field runs over 2 line\(s\) and the row has 4 field\(s\) instead of 6: a quote \(\"\) opened here is probably never closed/);
    // The markup note names the first HTML cell, literally.
    const body = await page.locator('body').innerText();
    assert.ok(body.includes("contain HTML markup (first: hostile_rows.csv, row 1, column 'product_name' '<script>window.__pwned=1</script>Mug')"), body.slice(0, 2000));
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'hostile-data-report.png'), fullPage: true });
    // Nothing from the file ran or was injected as HTML.
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'script from the data ran');
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'an <img> from the data was injected');
    await navigate(page, '/products');
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'script from the data ran');
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(log.dialogs, []);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('10,000 columns: imports, and the Data page pages the mapping table (50 rows, mapped first, searchable)', { timeout: TEST_TIMEOUT }, async () => {
  const p = path.join(dir, 'wide.csv');
  const extra = Array.from({ length: 10_000 - 6 }, (_, i) => `x${i + 1}`);
  const row = (r) => r + ',' + extra.map(() => '1').join(',');
  fs.writeFileSync(p, [HEADER.trim() + ',' + extra.join(','),
    row('4001,2024-05-01,C1,Mug,1,3.50'), row('4002,2024-05-02,C2,Tea,2,4.00')].join('\n') + '\n');
  const { page, log, url, context } = await newPage(env);
  try {
    const kpis = await importFiles(page, url, p);
    assert.equal(kpis.orders, 2);
    await navigate(page, '/data');
    const rows = page.locator('[data-testid="mapping-table"] tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 50);
    assert.match(await page.locator('[data-testid="mapping-range"]').innerText(), /Columns 1–50 of 10,000/);
    // The six mapped columns come first.
    const firstHeaders = await page.locator('[data-testid="mapping-table"] tbody tr td:first-child').allInnerTexts();
    assert.deepEqual(firstHeaders.slice(0, 6).sort(), ['customer_id', 'order_date', 'order_id', 'product_name', 'quantity', 'unit_price']);
    await page.click('[data-testid="mapping-next"]');
    assert.match(await page.locator('[data-testid="mapping-range"]').innerText(), /Columns 51–100 of 10,000/);
    // Typed again if the page re-rendered the file card (e.g. when saving the import to
    // IndexedDB finished on a loaded machine) and so dropped the first search.
    const filtered = () => page.locator('[data-testid="mapping-table"] tbody tr').count().then((n) => n === 1);
    for (let i = 0; i < 12 && !(await filtered()); i++) {
      await page.fill('[data-testid="mapping-search"]', 'x9000');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="mapping-table"] tbody tr').length === 1, null, { timeout: 5_000 }).catch(() => {});
    }
    assert.ok(await filtered(), 'the search filters the mapping table to one column');
    assert.equal((await page.locator('[data-testid="mapping-table"] tbody tr td:first-child').innerText()).trim(), 'x9000');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
