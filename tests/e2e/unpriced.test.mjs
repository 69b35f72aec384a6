// A file without prices in the browser: the Groceries basket export (`Member_number,Date,
// itemDescription`, ../shared/data/groceries_basket) is imported as units only. The Overview
// counts units, the Products page finds mlxtend's rules, the Customers page ranks members by
// units (pandas' RFM scores) with a purchase model and no money, the Forecast page forecasts
// units, Inventory sets reorder points by units (ABC by units as pandas, lots of 30 days of
// demand, a capacity plan in units), and the Action plan counts purchases and units: regular
// members to win back, a reorder plan within a capacity, extra buyers for the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, newPage, crashes, navigate, dataValue, ROOT, SCREENSHOT_DIR, IMPORT_TIMEOUT, shot, setField, commitValue } from './helpers.mjs';

const GROCERIES = path.resolve(ROOT, '..', 'shared', 'data', 'groceries_basket', 'Groceries_dataset.csv');

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

test('a file without prices: units on the Overview, rules on Products, customers, reorder points and the action plan by units, a plain refusal where money is needed', { timeout: 900_000 }, async () => {
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
    assert.match(firstProduct, /^whole milk\t2,502\t/);
    // No country column: a sentence, not a one-row "Unknown" table.
    assert.match(await page.locator('[data-testid="no-country"]').innerText(), /The file has no country column/);
    // Dates without times: orders by weekday only (pandas: Thursday has 2,224 of the 14,963
    // member-day baskets).
    assert.equal(await page.locator('[data-testid="busiest"]').innerText(), 'The file has dates but no times of day, so orders are shown by weekday only. Busiest day: Thursday, 2,224 orders (14.9% of all).');
    assert.equal(await page.locator('[data-testid="buying-times"] svg rect').count(), 7);
    await shot(page, 'overview-unpriced.png');

    // Data page: the importer's note.
    await navigate(page, '/data');
    const notes = await page.locator('[data-testid="file-notes"]').innerText();
    assert.match(notes, /no price or amount column: the file is read as quantities only/);
    assert.match(notes, /products are identified by their name/);
    assert.match(await page.locator('[data-testid="order-level-revenue"]').innerText(), /– \(no prices\)/);
    assert.equal(await dataValue(page, 'order-level-orders'), 14963);
    await shot(page, 'data-unpriced.png');

    // Products: mlxtend 0.25.0 fpgrowth on the member-day baskets: at the page's default
    // support 0.02, 38 single items and no rule; at support 0.001 and confidence 0, 750 sets
    // (149 / 592 / 9) and 1,238 rules, the strongest whole milk + yogurt → sausage (lift 2.18).
    // No short grocery name is taken for a postage code, and a product named by its name is
    // not shown twice ("whole milk", not "whole milk (whole milk)").
    await navigate(page, '/products');
    const card = page.locator('[data-testid="basket"]');
    await card.waitFor({ timeout: 300_000 });
    let basket = await card.innerText();
    assert.match(basket, /14,963 baskets \(orders\) with 167 different products, 2\.5 products per basket on average\. Frequent sets: 38 of 1 item\. Rules: 0\./);
    assert.match(basket, /Left out as non-products \(0\)/);
    assert.match(basket, /\nwhole milk\t1\t2,363\t0\.1579/);
    const inputs = card.locator('.params input[type=number]');
    for (const [k, v] of [[0, '0.001'], [1, '0']]) await commitValue(inputs.nth(k), v);
    await card.locator('.params button', { hasText: 'Update' }).click();
    await page.waitForFunction(() => /Rules: 1,238\./.test(document.querySelector('[data-testid="basket"]')?.innerText ?? ''), null, { timeout: 120_000 });
    basket = await card.innerText();
    assert.match(basket, /Frequent sets: 149 of 1 item, 592 of 2 items, 9 of 3 items\. Rules: 1,238\./);
    const top = await card.locator('table').first().locator('tbody tr').first().innerText();
    assert.match(top, /sausage/);
    assert.match(top, /whole milk \+ yogurt/);
    assert.match(top, /\t2\.18\t/);
    await page.locator('[data-testid="recommendations"]').waitFor({ timeout: 480_000 });
    await shot(page, 'products-unpriced.png');

    // Customers: RFM with units as M. pandas on the same file (R = days to 2015-12-31, F =
    // distinct dates, M = lines, qcut of rank(method='first'), the R x F grid): Champions 448
    // members with 6,957 units, Loyal 734 with 10,919; 3,549 members bought on more than one
    // day. No money anywhere: no revenue column, no CLV, no Gamma-Gamma.
    await navigate(page, '/customers');
    await page.locator('[data-testid="segment-table"] tbody tr').first().waitFor({ timeout: 300_000 });
    assert.match(await page.locator('[data-testid="customers-unpriced"]').innerText(), /ranked by units bought/);
    const segTable = page.locator('[data-testid="segment-table"]');
    assert.match(await segTable.locator('thead').innerText(), /Segment\s+Customers\s+Units/);
    const segRows = await segTable.locator('tbody tr').allInnerTexts();
    assert.match(segRows[0], /^Champions\s+448\s+6,957\s/);
    assert.match(segRows[1], /^Loyal\s+734\s+10,919\s/);
    const custHead = await page.locator('[data-testid="customer-table"] thead').innerText();
    assert.match(custHead, /Units/);
    assert.doesNotMatch(custHead, /Revenue|Predicted value/);
    const clv = page.locator('[data-testid="clv"]');
    await clv.waitFor();
    const clvText = await clv.innerText();
    assert.match(clvText, /Future purchases and churn risk/);
    assert.match(clvText, /Fitted on 3,898 customers \(3,549 repeat buyers\)/);
    assert.match(clvText, /Regular customers at risk/);
    assert.doesNotMatch(clvText, /Gamma-Gamma|CLV|order value/);
    assert.match(await page.locator('[data-testid="clusters"]').innerText(), /units/);
    await shot(page, 'customers-unpriced.png');
    // The profile drawer counts units.
    await page.locator('[data-testid="customer-table"] tbody tr').first().click();
    const drawer = page.locator('[data-testid="profile"]');
    await drawer.waitFor({ timeout: 120_000 });
    const drawerText = await drawer.innerText();
    assert.match(drawerText, /Units/);
    assert.match(drawerText, /Expected purchases/);
    assert.doesNotMatch(drawerText, /Revenue|Predicted value/);
    await drawer.screenshot({ path: path.join(SCREENSHOT_DIR, 'customers-profile-unpriced.png') });
    await drawer.locator('button[aria-label="Close"]').click();
    // In Chinese: units, not spend.
    await page.locator('[data-testid="lang-switch"]').click();
    assert.match(await page.locator('[data-testid="segment-table"] thead').innerText(), /件数/);
    assert.match(await page.locator('[data-testid="customers-unpriced"]').innerText(), /文件没有价格：客户按购买件数/);
    await shot(page, 'zh-customers-unpriced.png');
    await page.locator('[data-testid="lang-switch"]').click();

    // Inventory by units. pandas: ABC on lines per item (A < 80% before the item) gives A 51
    // items (31,190 units), B 46, C 70; the lot is 30 days of forecast demand (whole milk sells
    // 3.21 a day: 97 units). No cost, cash or budget anywhere.
    await navigate(page, '/inventory');
    await page.locator('[data-testid="inv-skus"] tbody tr').first().waitFor({ timeout: 300_000 });
    assert.equal(await page.locator('[data-testid="inv-budget"]').count(), 0);
    assert.equal(await page.locator('[data-testid="inv-cover-days"]').inputValue(), '30');
    const matrix = await page.locator('[data-testid="inv-matrix"]').innerText();
    assert.match(await page.locator('[data-testid="inv-status"] h3').innerText(), /ABC \(units sold\)/);
    const aRow = matrix.split('\n').find((l) => l.startsWith('A: top 80% of units'));
    assert.ok(aRow, matrix);
    const skusHead = await page.locator('[data-testid="inv-skus"] thead').innerText();
    assert.doesNotMatch(skusHead, /Unit cost|Cash tied up/);
    const milk = await page.locator('[data-testid="inv-skus"] tbody tr').first().innerText();
    // Products are known by name only: one column for them, not two equal ones.
    assert.match(milk, /^whole milk\tAX\t/);
    assert.doesNotMatch(skusHead, /Product/);
    assert.match(milk, /\t97\t/);
    assert.equal(await page.locator('text=Cash in slow stock').count(), 0);
    await page.locator('[data-testid="inv-slow"]').waitFor();
    assert.match(await page.locator('ul.notes').innerText(), /The orders have no prices: ABC classes rank units sold, each lot covers 30 days of demand/);
    await page.locator('[data-testid="inv-skus"] tbody tr').first().click();
    assert.match(await page.locator('[data-testid="inv-explain"]').innerText(), /Order 97 units \(30 days of demand: without a unit cost there is no economic order quantity/);
    // A warehouse capacity of 200 units: the plan buys 200 units, counted in units.
    await setField(page, 'inv-capacity', '200');
    await page.click('[data-testid="inv-run"]');
    const plan = page.locator('[data-testid="inv-plan"]');
    await plan.waitFor({ timeout: 300_000 });
    assert.equal(await plan.getAttribute('data-feasible'), 'true');
    assert.equal(await page.locator('[data-testid="inv-plan-units"]').getAttribute('data-value'), '200');
    const planText = await plan.innerText();
    assert.match(planText, /Buy 200 units of 11 SKUs \(no prices/);
    assert.doesNotMatch(planText, /£|Expected margin|Spend/);
    await shot(page, 'inventory-unpriced.png');

    // The action plan in units (values as in tests/unpriced.rs): no budget field, no money.
    await navigate(page, '/action');
    const decision = (k) => page.locator(`[data-testid="decision-${k}"]`);
    await decision('next_test').waitFor({ timeout: 300_000 });
    await page.locator('[data-testid="action-unpriced"]').waitFor();
    assert.equal(await page.locator('[data-testid="action-budget"]').count(), 0);
    assert.equal(await page.locator('[data-testid="action-summary"]').count(), 0);
    assert.equal(await page.locator('#action-report [data-testid="money"]').count(), 0);
    assert.equal(await page.locator('[data-testid="error"]').count(), 0, 'no error banner');
    // Nobody with 5+ purchase days (pandas: the 80th percentile) has churn risk ≥ 50 %.
    assert.equal(await decision('win_back').getAttribute('data-status'), 'missing');
    assert.match(await decision('win_back').innerText(), /No regular customer \(bought on 5 or more different days\) is at risk/);
    // The default capacity is half the urgent order's units: 10.
    assert.match(await decision('reorder').innerText(), /Order 10 units of 2 products, within a capacity of 10 units\./);
    assert.doesNotMatch(await decision('reorder').innerText(), /£|Expected margin|budget/);
    // The test counts extra buyers: 146 members at risk × p₀ × 10 %.
    const buyers = Number(await decision('next_test').locator('[data-testid="volume"]').getAttribute('data-value'));
    assert.ok(buyers > 0 && buyers < 146 * 0.1, String(buyers));
    assert.match(await decision('next_test').innerText(), /Extra buyers if it works/);

    // Churn risk ≥ 30 % and 200 units of space: seven regular members, 200 units of 11 products.
    await setField(page, 'action-churn-risk', '30');
    await setField(page, 'action-capacity', '200');
    await page.click('[data-testid="action-run"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="decision-win_back"]')?.getAttribute('data-status') === 'ready',
      null, { timeout: 300_000 });
    const wb = decision('win_back');
    assert.equal(await wb.locator('tbody tr').count(), 7);
    assert.equal(await wb.locator('tbody tr').first().locator('td').first().innerText(), '2320');
    const atStake = Number(await wb.locator('[data-testid="volume"]').getAttribute('data-value'));
    assert.ok(Math.abs(atStake - 8.8134) < 1e-3, String(atStake));
    assert.match(await wb.innerText(), /Contact these 7 regular customers/);
    assert.match(await decision('reorder').innerText(), /Order 200 units of 11 products, within a capacity of 200 units\./);
    await shot(page, 'action-unpriced.png');

    // The same plan in Chinese, then back to English.
    await page.locator('[data-testid="lang-switch"]').click();
    const zh = await wb.innerText();
    assert.match(zh, /挽回常客/);
    assert.match(zh, /向以下 7 位常客发送个性化优惠/);
    assert.match(await decision('reorder').innerText(), /订购 11 种商品共 200 件，容量 200 件。需要补货的 11 种商品中有 10 种被完全覆盖。/);
    await shot(page, 'zh-action-unpriced.png');
    await page.locator('[data-testid="lang-switch"]').click();

    // Marketing: "which customers responded" needs spend per customer: disabled, with the reason.
    await navigate(page, '/marketing');
    const responders = page.locator('[data-testid="responders-run"]');
    assert.equal(await responders.isDisabled(), true);
    assert.equal(await responders.getAttribute('title'), 'Needs prices: the imported file has none');

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
