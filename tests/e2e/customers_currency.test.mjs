// Money on the Customers page in the orders' own currency: a store whose lines name one currency
// (USD) gets "$" on the customer list, the CLV tables and the profile drawer, as on the
// Overview; the CSV download keeps plain numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, newPage, crashes, navigate, importFiles, shot, uciCsv, download, parseCsv } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/** 60 customers over 2023, each ordering 1–6 times, one or two lines an order, in USD. */
function usdStore() {
  const rows = [];
  let invoice = 500000;
  for (let c = 0; c < 60; c++) {
    const orders = 1 + (c % 6);
    for (let k = 0; k < orders; k++) {
      const day = 1 + ((c * 37 + k * 53) % 330);
      const date = new Date(Date.UTC(2023, 0, day, 10 + (c % 8), 0, 0));
      const stamp = date.toISOString().slice(0, 16).replace('T', ' ');
      invoice += 1;
      rows.push([invoice, `SKU${c % 7}`, `Product ${c % 7}`, 1 + ((c + k) % 4), stamp, (5 + (c % 5) * 2.5).toFixed(2), 10000 + c, 'United States', 'USD']);
      if (k % 2 === 0) rows.push([invoice, `SKU${(c + 3) % 7}`, `Product ${(c + 3) % 7}`, 2, stamp, '12.00', 10000 + c, 'United States', 'USD']);
    }
  }
  return uciCsv(rows, ['Currency']);
}

test('Customers page: money in the orders\' currency, plain numbers in the CSV', { timeout: 300_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await importFiles(page, url, { name: 'usd_store.csv', mimeType: 'text/csv', buffer: Buffer.from(usdStore()) });
    await navigate(page, '/customers');
    const table = page.locator('[data-testid="customer-table"]');
    await table.locator('tbody tr').first().waitFor({ timeout: 120_000 });
    // The segments' revenue in whole dollars.
    const segRevenue = await page.locator('[data-testid="segment-table"] tbody tr td:nth-child(3)').allInnerTexts();
    assert.ok(segRevenue.length > 0 && segRevenue.every((v) => /^\$[\d,]+$/.test(v.trim())), JSON.stringify(segRevenue));
    // Revenue, returned and predicted value: "$" and two decimals.
    const head = await table.locator('thead th').allInnerTexts();
    const col = (name) => head.findIndex((h) => h.trim().startsWith(name)) + 1;
    const revenue = await table.locator(`tbody tr td:nth-child(${col('Revenue')})`).allInnerTexts();
    assert.ok(revenue.length > 0 && revenue.every((v) => /^\$[\d,]+\.\d\d$/.test(v.trim())), JSON.stringify(revenue.slice(0, 5)));
    const value = await table.locator(`tbody tr td:nth-child(${col('Predicted value')})`).allInnerTexts();
    assert.ok(value.every((v) => /^\$[\d,]+\.\d\d$/.test(v.trim())), JSON.stringify(value.slice(0, 5)));
    // The download keeps the raw numbers.
    const csv = parseCsv((await download(page, 'download-customers')).text);
    const m = csv[0].indexOf('monetary');
    assert.ok(m >= 0 && csv.slice(1).filter((r) => r.length > 1).every((r) => /^\d+(\.\d+)?$/.test(r[m])), csv[1].join(','));
    // The profile drawer.
    await table.locator('tbody tr').first().click();
    const profile = page.locator('[data-testid="profile"]');
    await profile.waitFor({ timeout: 120_000 });
    assert.match(await profile.innerText(), /Revenue\s+\$[\d,]+\.\d\d/);
    // The first customer of the list (10000) ordered once: "1 order", not "1 orders".
    assert.equal((await profile.locator('h3').first().innerText()).trim(), '1 order');
    // One purchase day: BG/NBD's P(alive) is 1 by construction, so the drawer and the list show
    // "–" with the reason; the CSV keeps the model's 1 (as `shoplens clv`).
    assert.match(await page.locator('[data-testid="profile-p-alive"]').innerText(), /P\(still active\)\s+–$/);
    assert.match(await page.locator('[data-testid="profile-single-day"]').innerText(), /^One purchase day so far: the model judges whether a customer is still active/);
    const pa = col('P(active)');
    assert.equal((await table.locator(`tbody tr:first-child td:nth-child(${pa})`).innerText()).trim(), '–');
    const p = csv[0].indexOf('p_alive');
    assert.equal(csv.find((r) => r[0] === '10000')[p], '1');
    // A customer with repeat purchases keeps a number.
    const shownPa = await table.locator(`tbody tr td:nth-child(${pa})`).allInnerTexts();
    assert.ok(shownPa.some((v) => /^0\.\d{3}$|^1\.000$/.test(v.trim())), JSON.stringify(shownPa.slice(0, 8)));
    assert.match(await page.locator('[data-testid="profile-returned"]').innerText(), /Returned\s+\$0\.00/);
    await shot(page, 'customers-usd.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
