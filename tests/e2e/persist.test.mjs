// "Nothing lost": the imported files, the mappings and every page's settings are stored in
// IndexedDB, so a reload brings the user back; several named datasets side by side with a
// comparison on the Overview; "Forget this data" deletes everything; a stored session of another
// storage format is discarded with a message, never a crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv, newPage, crashes, importSample, readKpis, navigate, dataValue, download, near, parseCsv,
  tmpDir, uciCsv, ROOT, SAMPLE, SCREENSHOT_DIR, TEST_TIMEOUT, IMPORT_TIMEOUT,
  shot, setField, setFields, commitValue,
} from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/**
 * A small store in the UCI layout: 30 weekly orders from 2011-01-03 for 3 customers, two SKUs.
 * Order w: customer 1300(w % 3), 2 × A at 5.00 and (w + 1) × B at 1.50 → revenue 10 + 1.5 (w + 1).
 */
function smallStore() {
  const rows = [];
  const day0 = Date.UTC(2011, 0, 3);
  let revenue = 0;
  for (let w = 0; w < 30; w++) {
    const d = new Date(day0 + w * 7 * 86400000).toISOString().slice(0, 10);
    const cust = `1300${w % 3}.0`;
    rows.push([`70${String(w).padStart(4, '0')}`, 'A1', 'MUG', 2, `${d} 10:00:00`, '5.00', cust, 'France']);
    rows.push([`70${String(w).padStart(4, '0')}`, 'B2', 'PLATE', w + 1, `${d} 10:00:00`, '1.50', cust, 'France']);
    revenue += 10 + 1.5 * (w + 1);
  }
  const dir = tmpDir();
  const file = path.join(dir, 'shop_2026.csv');
  fs.writeFileSync(file, uciCsv(rows));
  return { file, revenue, orders: 30, customers: 3 };
}

/** Upload files with a dataset name typed on the landing page; wait for the KPIs. */
async function importNamed(page, url, files, name) {
  await page.goto(url('/'));
  await page.locator('[data-testid="dataset-name"]').fill(name);
  await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(files);
  return readKpis(page);
}

/** Names of the stored datasets listed on /data. */
async function datasetNames(page) {
  await page.locator('[data-testid="datasets"]').waitFor();
  return page.locator('[data-testid="dataset-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
}

/** "Forget this data" (from the page on screen, which must show the button): confirm, and wait
 * for the landing page. */
async function forgetData(page) {
  await page.locator('[data-testid="forget"]').click();
  await page.locator('[data-testid="forget-confirm"]').click();
  await page.waitForURL((u) => new URL(u).pathname === '/');
  await page.locator('[data-testid="try-sample"]').waitFor();
}

/** The ShopLens IndexedDB databases and localStorage keys of the page's origin. */
async function storedState(page) {
  return page.evaluate(async () => {
    const dbs = (await indexedDB.databases()).map((d) => d.name).filter((n) => /shoplens/i.test(n || ''));
    const keys = Object.keys(localStorage).filter((k) => /shoplens/i.test(k));
    return { dbs, keys };
  });
}

/** Wait until the stored session has a current dataset whose overview is stored (saves are async). */
async function waitStored(page, datasets = 1) {
  await page.waitForFunction(
    (n) =>
      new Promise((resolve) => {
        const req = indexedDB.open('shoplens');
        req.onerror = () => resolve(false);
        req.onsuccess = () => {
          const db = req.result;
          try {
            const tx = db.transaction(['meta', 'datasets'], 'readonly');
            const meta = tx.objectStore('meta').get('meta');
            const all = tx.objectStore('datasets').getAll();
            tx.oncomplete = () => {
              db.close();
              const m = meta.result ? JSON.parse(meta.result) : null;
              const recs = (all.result || []).map((j) => JSON.parse(j));
              const cur = recs.find((r) => m && r.id === m.current);
              resolve(recs.length >= n && !!cur && !!cur.overview);
            };
          } catch {
            db.close();
            resolve(false);
          }
        };
      }),
    datasets,
    { timeout: IMPORT_TIMEOUT, polling: 250 },
  );
}

test('(1) import the sample, reload: the overview shows the same KPIs without choosing a file', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    const first = await importSample(page, url);
    assert.equal(first.orders, SAMPLE.orderLevel.orders);
    await waitStored(page);
    await page.reload();
    // The restore shows in the progress bar, then the same numbers come back.
    const restoring = page.locator('[data-testid="restoring"]');
    await restoring.waitFor({ timeout: 30_000 });
    assert.match(await restoring.innerText(), /Restoring your data \(online_retail_sample\)/);
    const again = await readKpis(page);
    assert.deepEqual(again, first);
    assert.ok(near(again.revenue, SAMPLE.orderLevel.revenue), `revenue ${again.revenue}`);
    // The Data page has the cleaning report of the restored files and lists the dataset.
    await navigate(page, '/data');
    assert.equal(await dataValue(page, 'order-level-lines'), SAMPLE.orderLevel.lines);
    assert.deepEqual(await datasetNames(page), ['online_retail_sample']);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(2) page settings (forecast horizon, overview dates, marketing inputs) survive a reload', { timeout: TEST_TIMEOUT }, async () => {
  const store = smallStore();
  const { page, log, url, context } = await newPage(env);
  try {
    const k = await importNamed(page, url, store.file, 'small shop');
    assert.equal(k.orders, store.orders);
    assert.ok(near(k.revenue, store.revenue), `revenue ${k.revenue} != ${store.revenue}`);
    // Overview date filter: from 2011-03-01 (orders of 2011-03-07 … 2011-07-25: 21 weeks).
    await setField(page, 'date-from', '2011-03-01');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="kpi-orders"]')?.getAttribute('data-value')) === 21);
    // Forecast horizon 20 weeks.
    await navigate(page, '/forecast');
    await page.locator('[data-testid="forecast-detail"]').waitFor({ timeout: 120_000 });
    await setField(page, 'fc-horizon', '20');
    await page.click('[data-testid="fc-run"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="fc-run"]')?.disabled);
    let csv = parseCsv((await download(page, 'download-forecast')).text);
    assert.equal(csv.slice(1).filter((r) => r.length > 1).length, 20, 'forecast rows before reload');
    // Marketing inputs: media-mix budget, A/B minimum effect, promotion dates.
    await navigate(page, '/marketing');
    const typed = { 'mmm-budget': '50000', 'ab-mde': '3', 'promo-from': '2011-03-07', 'promo-to': '2011-03-20' };
    await setFields(page, typed);
    // The sample spend file is stored too (and fitted once).
    await page.click('[data-testid="mmm-sample"]');
    await page.locator('[data-testid="mmm-result"]').waitFor({ timeout: 120_000 });
    // A second spend file (one channel, the sample's 104 Mondays) joins it, and is kept too.
    const radio = 'date,channel,spend\n' + Array.from({ length: 104 }, (_, w) =>
      `${new Date(Date.UTC(2023, 0, 2) + w * 7 * 86_400_000).toISOString().slice(0, 10)},radio,${500 + (w % 4) * 250}`).join('\n') + '\n';
    await page.locator('[data-testid="mmm-file-add"]').setInputFiles({ name: 'radio.csv', mimeType: 'text/csv', buffer: Buffer.from(radio) });
    await page.waitForFunction(() => document.querySelector('[data-testid="mmm-result"]')?.getAttribute('data-channels') === '4', null, { timeout: 120_000 });
    await navigate(page, '/forecast');
    await page.waitForTimeout(1200); // settings are saved 0.4 s after the last change

    await page.reload();
    await page.locator('[data-testid="forecast-detail"]').waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('[data-testid="fc-horizon"]').inputValue(), '20');
    csv = parseCsv((await download(page, 'download-forecast')).text);
    assert.equal(csv.slice(1).filter((r) => r.length > 1).length, 20, 'forecast rows after reload');
    await navigate(page, '/marketing');
    for (const [id, v] of Object.entries(typed)) {
      assert.equal(await page.locator(`[data-testid="${id}"]`).inputValue(), v, `${id} after reload`);
    }
    assert.match((await page.locator('[data-testid="mmm-file-name"]').innerText()).replaceAll('×', ''), /^Files: spend\.csv.*, radio\.csv$/);
    await page.click('[data-testid="mmm-run"]');
    await page.locator('[data-testid="mmm-result"]').waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('[data-testid="mmm-result"]').getAttribute('data-channels'), '4');
    await navigate(page, '/overview');
    assert.equal(await page.locator('[data-testid="date-from"]').inputValue(), '2011-03-01');
    assert.equal(await dataValue(page, 'kpi-orders'), 21);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(3) two named datasets: the list on /data, switching, and the comparison with deltas', { timeout: TEST_TIMEOUT }, async () => {
  const store = smallStore();
  const { page, log, url, context } = await newPage(env);
  try {
    const a = await importNamed(page, url, path.join(ROOT, 'www', 'sample', 'online_retail_sample.csv.gz'), 'shop 2025');
    assert.equal(a.orders, SAMPLE.orderLevel.orders);
    await waitStored(page, 1);
    const b = await importNamed(page, url, store.file, 'shop 2026');
    assert.equal(b.orders, store.orders);
    await waitStored(page, 2);

    // The comparison: shop 2026 (open) against shop 2025, with deltas.
    const cmp = page.locator('[data-testid="compare-table"]');
    await cmp.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid="compare-current-name"]').innerText(), 'shop 2026');
    assert.equal(await page.locator('[data-testid="compare-other-name"]').innerText(), 'shop 2025');
    const row = (key) =>
      page.locator(`[data-testid="cmp-${key}"]`).evaluate((r) => ({
        current: Number(r.dataset.current),
        other: Number(r.dataset.other),
        delta: Number(r.dataset.delta),
        relative: r.dataset.relative === '' ? null : Number(r.dataset.relative),
      }));
    const orders = await row('orders');
    assert.deepEqual(orders, {
      current: store.orders,
      other: SAMPLE.orderLevel.orders,
      delta: store.orders - SAMPLE.orderLevel.orders,
      relative: Math.round(((store.orders - SAMPLE.orderLevel.orders) / SAMPLE.orderLevel.orders) * 1e4) / 1e4,
    });
    const revenue = await row('revenue');
    assert.ok(near(revenue.current, store.revenue), `current revenue ${revenue.current}`);
    assert.ok(near(revenue.other, SAMPLE.orderLevel.revenue), `other revenue ${revenue.other}`);
    assert.ok(near(revenue.delta, store.revenue - SAMPLE.orderLevel.revenue, 0.02), `revenue delta ${revenue.delta}`);
    const customers = await row('customers');
    assert.equal(customers.delta, store.customers - SAMPLE.orderLevel.customers);
    // Units sold: both datasets have prices and count units, so the row is there too.
    const units = await row('units');
    assert.ok(units.current > 0 && units.other > units.current, `units ${JSON.stringify(units)}`);
    assert.ok(near(units.delta, units.current - units.other), `units delta ${units.delta}`);
    assert.match(await page.locator('[data-testid="cmp-units"] td').nth(3).innerText(), /^−[\d,]+ \(−\d+\.\d%\)$/);
    assert.match(await page.locator('[data-testid="cmp-orders"] td').nth(3).innerText(), /^−6[,.\u202f\u00a0']?176 \(−99\.5%\)$/);
    await shot(page, 'persist-compare.png');

    // The list on /data: both, the open one marked; rename; switch back to shop 2025.
    await navigate(page, '/data');
    assert.deepEqual(await datasetNames(page), ['shop 2025', 'shop 2026']);
    const open = page.locator('[data-testid="dataset-row"][data-name="shop 2026"] [data-testid="dataset-open-badge"]');
    assert.equal(await open.count(), 1);
    await shot(page, 'persist-datasets.png');
    await page.locator('[data-testid="dataset-row"][data-name="shop 2026"] [data-testid="dataset-rename"]').click();
    await page.locator('[data-testid="rename-input"]').fill('shop 2026 (test)');
    await page.locator('[data-testid="rename-save"]').click();
    await page.locator('[data-testid="dataset-row"][data-name="shop 2026 (test)"]').waitFor();
    await page.locator('[data-testid="dataset-row"][data-name="shop 2025"] [data-testid="dataset-open"]').click();
    await page.locator('[data-testid="progress"]').waitFor({ state: 'hidden', timeout: IMPORT_TIMEOUT });
    await page.locator('[data-testid="dataset-row"][data-name="shop 2025"] [data-testid="dataset-open-badge"]').waitFor({ timeout: IMPORT_TIMEOUT });
    // The open badge moves when the switch starts; the report follows when the import ends.
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="order-level-orders"]')?.getAttribute('data-value')) === n, SAMPLE.orderLevel.orders, { timeout: IMPORT_TIMEOUT });
    assert.equal(await dataValue(page, 'order-level-orders'), SAMPLE.orderLevel.orders);
    await navigate(page, '/overview');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="kpi-orders"]')?.getAttribute('data-value')) === n, SAMPLE.orderLevel.orders);
    // Now the sample is open, compared with the renamed small store: the delta flips sign.
    await page.locator('[data-testid="compare-other-name"]').filter({ hasText: 'shop 2026 (test)' }).waitFor();
    assert.equal((await row('orders')).delta, SAMPLE.orderLevel.orders - store.orders);

    // Survives a reload: both datasets, the renamed name, shop 2025 open.
    await page.reload();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="kpi-orders"]')?.getAttribute('data-value')) === n, SAMPLE.orderLevel.orders, { timeout: IMPORT_TIMEOUT });
    await navigate(page, '/data');
    assert.deepEqual(await datasetNames(page), ['shop 2025', 'shop 2026 (test)']);

    // Delete the other one.
    await page.locator('[data-testid="dataset-row"][data-name="shop 2026 (test)"] [data-testid="dataset-delete"]').click();
    await page.locator('[data-testid="dataset-delete-confirm"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="dataset-row"]').length === 1);
    assert.deepEqual(await datasetNames(page), ['shop 2025']);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(4) "Forget this data" deletes the database and the localStorage keys, back to the landing page', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await importSample(page, url);
    await waitStored(page);
    // A confirmed mapping is remembered in localStorage too.
    await page.evaluate(() => localStorage.setItem('shoplens.mappings.v1', '[]'));
    let s = await storedState(page);
    assert.deepEqual(s.dbs, ['shoplens']);
    assert.ok(s.keys.includes('shoplens.mappings.v1'));

    await forgetData(page);
    await page.locator('[data-testid="notice"]').filter({ hasText: 'was deleted' }).waitFor();
    s = await storedState(page);
    assert.deepEqual(s, { dbs: [], keys: [] });
    // Nothing is loaded any more.
    await navigate(page, '/overview');
    await page.getByText('No data yet').waitFor();
    // And a reload finds nothing to restore.
    await page.reload();
    await page.getByText('No data yet').waitFor();
    assert.equal(await page.locator('[data-testid="progress"]').count(), 0);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(5) a stored session of an older storage format is discarded with a message; the app still works', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await page.goto(url('/overview'));
    await page.getByText('No data yet').waitFor();
    // What an older ShopLens might have left: format 0, a dataset record of another shape.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('shoplens');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction(['meta', 'datasets'], 'readwrite');
            tx.objectStore('meta').put(JSON.stringify({ format: 0, current: 'old1' }), 'meta');
            tx.objectStore('datasets').put(JSON.stringify({ key: 'old1', title: 'from the old app' }), 'old1');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    const notice = page.locator('[data-testid="notice"]');
    await notice.waitFor({ timeout: 30_000 });
    const text = await notice.innerText();
    assert.match(text, /older version of ShopLens \(storage format 0; this version uses format 1\)/);
    assert.match(text, /import your files again/);
    await page.getByText('No data yet').waitFor();
    // The old records are gone.
    const left = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.open('shoplens');
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('datasets')) {
              db.close();
              resolve(0);
              return;
            }
            const c = db.transaction('datasets').objectStore('datasets').count();
            c.onsuccess = () => {
              db.close();
              resolve(c.result);
            };
          };
          req.onerror = () => resolve(-1);
        }),
    );
    assert.equal(left, 0);
    // A fresh import works and is stored again (in the current format).
    const k = await importSample(page, url);
    assert.equal(k.orders, SAMPLE.orderLevel.orders);
    await waitStored(page);
    await page.reload();
    const again = await readKpis(page);
    assert.equal(again.orders, SAMPLE.orderLevel.orders);
    assert.equal(await page.locator('[data-testid="notice"]').count(), 0, 'no message on a good session');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(6) the page on screen is never rebuilt by the start-up timer: what the user typed stays', { timeout: TEST_TIMEOUT }, async () => {
  // The app shows its pages after IndexedDB answers, or after a 3 s timeout if it does not.
  // Once shown, a later "ready" (the timeout after a fast answer) must not remount the page:
  // that emptied the Inventory budget a user had typed before pressing Recompute.
  const { page, log, url, context } = await newPage(env);
  try {
    const start = Date.now();
    await page.goto(url('/'));
    await page.locator('[data-testid="try-sample"]').waitFor();
    assert.ok(Date.now() - start < 2500, 'the landing page shows well before the 3 s timeout');
    await page.evaluate(() => {
      document.querySelector('main').firstElementChild.dataset.mark = 'before-timeout';
    });
    await page.waitForTimeout(Math.max(0, 4000 - (Date.now() - start)));
    assert.equal(await page.locator('main > [data-mark="before-timeout"]').count(), 1, 'the page was remounted');

    // The user's case: a budget typed on the Inventory page stays through a Recompute.
    await importSample(page, url);
    await navigate(page, '/inventory');
    await page.locator('[data-testid="inv-skus"] tbody tr').first().waitFor({ timeout: 600_000 });
    await setField(page, 'inv-budget', '5000');
    await page.click('[data-testid="inv-run"]');
    await page.locator('[data-testid="inv-plan"]').waitFor({ timeout: 600_000 });
    assert.equal(await page.locator('[data-testid="inv-budget"]').inputValue(), '5000');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(7) storage slower than the 3 s start-up timeout: the Marketing inputs on screen still show the restored values', { timeout: TEST_TIMEOUT }, async () => {
  // The pages show after 3 s even when IndexedDB has not answered. The Marketing inputs need
  // no data, so the page can be on screen before the stored session arrives: its inputs must
  // then follow the restored values (before, they kept the defaults they were built with).
  const store = smallStore();
  const { page, log, url, context } = await newPage(env);
  try {
    await importNamed(page, url, store.file, 'slow storage');
    await navigate(page, '/marketing');
    const typed = { 'mmm-budget': '42000', 'ab-mde': '4', 'promo-from': '2011-04-04' };
    await setFields(page, typed);
    const counts = page.locator('[data-testid="ab-counts"] input');
    const variants = ['old page', '1000', '50', 'new page', '1000', '70'];
    for (let i = 0; i < variants.length; i++) await commitValue(counts.nth(i), variants[i]);
    await page.waitForTimeout(1200); // settings are saved 0.4 s after the last change

    // From now on, the first IndexedDB open of each page load answers 4.5 s late.
    await context.addInitScript(() => {
      const open = IDBFactory.prototype.open;
      let first = true;
      IDBFactory.prototype.open = function (...args) {
        const req = open.apply(this, args);
        if (!first) return req;
        first = false;
        window.__slowOpen = 'pending';
        const late = (f) => function (ev) {
          setTimeout(() => {
            window.__slowOpen = 'answered';
            f.call(req, ev);
          }, 4500);
        };
        const add = req.addEventListener;
        req.addEventListener = function (type, f, o) {
          return add.call(this, type, type === 'success' && f ? late(f) : f, o);
        };
        let handler = null;
        Object.defineProperty(req, 'onsuccess', {
          configurable: true,
          get: () => handler,
          set: (f) => {
            handler = f;
            if (f) add.call(req, 'success', late(f));
          },
        });
        return req;
      };
    });
    await page.reload();
    // The app shows on its timer, before storage answers; the Marketing page is opened then.
    await page.locator('a[href="/marketing"]').first().waitFor({ timeout: 10_000 });
    await navigate(page, '/marketing');
    assert.equal(await page.evaluate(() => window.__slowOpen), 'pending', 'storage answered before the page was shown');
    assert.equal(await page.locator('[data-testid="mmm-budget"]').inputValue(), '', 'defaults before the restore');
    await page.waitForFunction(() => window.__slowOpen === 'answered', null, { timeout: 20_000 });
    for (const [id, v] of Object.entries(typed)) {
      await page.waitForFunction(
        ([id, v]) => document.querySelector(`[data-testid="${id}"]`)?.value === v,
        [id, v],
        { timeout: 20_000 },
      ).catch(() => {});
      assert.equal(await page.locator(`[data-testid="${id}"]`).inputValue(), v, `${id} after the late restore`);
    }
    for (let i = 0; i < variants.length; i++) {
      assert.equal(await counts.nth(i).inputValue(), variants[i], `A/B input ${i} after the late restore`);
    }
    // And the restored values are what a run uses: the budget stays, and is saved as is.
    await page.waitForTimeout(1200);
    await page.reload();
    await navigate(page, '/marketing');
    await page.waitForFunction(() => document.querySelector('[data-testid="mmm-budget"]')?.value === '42000', null, { timeout: 20_000 });
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(8) the Forecast page\'s series file and its inputs survive a reload', { timeout: TEST_TIMEOUT }, async () => {
  const store = smallStore();
  const { page, log, url, context } = await newPage(env);
  try {
    await importNamed(page, url, store.file, 'series shop');
    await navigate(page, '/forecast');
    await setField(page, 'sf-horizon', '6');
    await page.selectOption('[data-testid="sf-model"]', 'theta');
    await page.click('[data-testid="sf-sample"]');
    const summary = page.locator('[data-testid="sf-summary"]');
    await summary.waitFor({ timeout: 300_000 });
    assert.match(await summary.innerText(), /^6 series from monthly_series\.csv \(sample\), 6 periods ahead,/);
    await page.waitForTimeout(1200); // settings are saved 0.4 s after the last change

    await page.reload();
    await page.locator('[data-testid="forecast-detail"]').waitFor({ timeout: 120_000 });
    assert.match(await page.locator('[data-testid="sf-file-name"]').innerText(), /monthly_series\.csv \(sample\)/);
    assert.equal(await page.locator('[data-testid="sf-horizon"]').inputValue(), '6');
    assert.equal(await page.locator('[data-testid="sf-model"]').inputValue(), 'theta');
    assert.equal(await page.locator('[data-testid="sf-run"]').isDisabled(), false, 'the stored file can be run');
    await page.click('[data-testid="sf-run"]');
    await summary.waitFor({ timeout: 300_000 });
    assert.match(await summary.innerText(), /^6 series from monthly_series\.csv \(sample\), 6 periods ahead,/);
    const csv = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    assert.equal(csv.length, 6 * 6);
    assert.ok(csv.every((r) => /^Theta\(/.test(r[7])), `every series forecast by the stored model: ${[...new Set(csv.map((r) => r[7]))]}`);

    // "Forget this data" drops the file and the inputs with everything else.
    await navigate(page, '/overview');
    await forgetData(page);
    await navigate(page, '/forecast');
    assert.match(await page.locator('[data-testid="sf-file-name"]').innerText(), /No file chosen/);
    assert.equal(await page.locator('[data-testid="sf-horizon"]').inputValue(), '12');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(9) with no orders imported, what is typed on Marketing and the series file survives a reload, then moves into an import', { timeout: TEST_TIMEOUT }, async () => {
  // The Marketing page and the series file need no orders; their files were stored, but what
  // was typed next to them was only stored with a dataset's record.
  const { page, log, url, context } = await newPage(env);
  try {
    await page.goto(url('/'));
    await page.locator('[data-testid="try-sample"]').waitFor();
    await navigate(page, '/marketing');
    await setField(page, 'mmm-budget', '31000');
    await page.click('[data-testid="mmm-sample"]');
    await page.locator('[data-testid="mmm-result"]').waitFor({ timeout: 120_000 });
    await navigate(page, '/forecast');
    await setField(page, 'sf-horizon', '9');
    await page.click('[data-testid="sf-sample"]');
    await page.locator('[data-testid="sf-summary"]').waitFor({ timeout: 300_000 });
    await page.waitForTimeout(1200); // settings are saved 0.4 s after the last change

    await page.reload();
    await page.locator('[data-testid="sf-file-name"]').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="sf-horizon"]')?.value === '9', null, { timeout: 10_000 });
    assert.match(await page.locator('[data-testid="sf-file-name"]').innerText(), /monthly_series\.csv \(sample\)/);
    await navigate(page, '/marketing');
    assert.equal(await page.locator('[data-testid="mmm-budget"]').inputValue(), '31000');
    assert.match(await page.locator('[data-testid="mmm-file-name"]').innerText(), /spend\.csv/);

    // An import takes them into its record: still there after the next reload.
    await importSample(page, url);
    await page.waitForTimeout(1200);
    await page.reload();
    await page.locator('[data-testid="kpi-orders"]').waitFor({ timeout: 120_000 });
    await navigate(page, '/marketing');
    assert.equal(await page.locator('[data-testid="mmm-budget"]').inputValue(), '31000');

    // "Forget this data" resets them and leaves no database behind, even after the save delay.
    await navigate(page, '/overview');
    await forgetData(page);
    await page.waitForTimeout(1500);
    assert.deepEqual(await storedState(page), { dbs: [], keys: [] });
    await navigate(page, '/marketing');
    assert.equal(await page.locator('[data-testid="mmm-budget"]').inputValue(), '');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
