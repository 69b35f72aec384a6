// A file without prices in the browser: the Groceries basket export (`Member_number,Date,
// itemDescription`, ../shared/data/groceries_basket) is imported as units only. The Overview
// counts units, the Products page finds mlxtend's rules, the Forecast page forecasts units, and
// Customers, Inventory and the Action plan say they need prices instead of computing on zeros.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, newPage, crashes, navigate, dataValue, ROOT, SCREENSHOT_DIR, IMPORT_TIMEOUT } from './helpers.mjs';

const GROCERIES = path.resolve(ROOT, '..', 'shared', 'data', 'groceries_basket', 'Groceries_dataset.csv');

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

async function shot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

test('a file without prices: units on the Overview, rules on Products, plain refusals where money is needed', { timeout: 900_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await page.goto(url('/'));
    await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(GROCERIES);
    await page.waitForURL((u) => new URL(u).pathname === '/overview', { timeout: IMPORT_TIMEOUT });
    await page.locator('[data-testid="progress"]').waitFor({ state: 'hidden', timeout: IMPORT_TIMEOUT });

    // Overview: units instead of revenue (pandas: 38,765 lines, 14,963 member-day baskets,
    // 3,898 members); no revenue card, no revenue column.
    await page.locator('[data-testid="unpriced-note"]').waitFor();
    assert.equal(await dataValue(page, 'kpi-units'), 38765);
    assert.equal(await dataValue(page, 'kpi-orders'), 14963);
    assert.equal(await dataValue(page, 'kpi-customers'), 3898);
    assert.equal(await dataValue(page, 'kpi-units-per-order'), Math.round((38765 / 14963) * 1000) / 1000);
    assert.equal(await page.locator('[data-testid="kpi-revenue"]').count(), 0);
    assert.equal(await page.locator('[data-testid="kpi-aov"]').count(), 0);
    assert.match(await page.locator('h2', { hasText: 'Units by week' }).innerText(), /Units by week/);
    const firstProduct = await page.locator('table').first().locator('tbody tr').first().innerText();
    assert.match(firstProduct, /whole milk\s+2,502/);
    await shot(page, 'overview-unpriced.png');

    // Data page: the importer's note.
    await navigate(page, '/data');
    const notes = await page.locator('[data-testid="file-notes"]').innerText();
    assert.match(notes, /no price or amount column: the file is read as quantities only/);
    assert.match(notes, /products are identified by their name/);

    // Products: mlxtend 0.25.0 fpgrowth(min_support=0.01) on the member-day baskets: 69 sets
    // (64 single, 5 pairs), 10 rules; no short grocery name taken for a postage code.
    await navigate(page, '/products');
    await page.locator('[data-testid="basket"]').waitFor({ timeout: 300_000 });
    const basket = await page.locator('[data-testid="basket"]').innerText();
    assert.match(basket, /14,963 baskets \(orders\) with 167 different products/);
    assert.match(basket, /Rules: 10\./);
    assert.match(basket, /Left out as non-products \(0\)/);
    await page.locator('[data-testid="recommendations"]').waitFor({ timeout: 480_000 });
    await shot(page, 'products-unpriced.png');

    // Pages built on money: a card saying so, nothing computed.
    for (const [route, what] of [
      ['/customers', /Customer value \(RFM, segments, clusters, cohorts, CLV, churn risk\) needs prices/],
      ['/inventory', /The stock plan .* needs prices/],
      ['/action', /The action plan .* needs prices/],
    ]) {
      await navigate(page, route);
      const card = page.locator('[data-testid="need-prices"]');
      await card.waitFor();
      assert.match(await card.innerText(), what);
      if (route === '/customers') await shot(page, 'customers-unpriced.png');
    }
    assert.equal(await page.locator('[data-testid="error"]').count(), 0, 'no error banner');

    // Forecast: units of the whole shop, weekly.
    await navigate(page, '/forecast');
    await page.locator('[data-testid="forecast-detail"][data-series="total"]').waitFor({ timeout: 300_000 });
    await page.locator('[data-testid="forecast-chart"] polygon').first().waitFor();
    await shot(page, 'forecast-unpriced.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
