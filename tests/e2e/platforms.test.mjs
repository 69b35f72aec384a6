// Exports of the platforms merchants use, dropped on the landing page: Amazon's order report
// (tab-separated, item-price is the line total, tax not the sale), a Chinese Excel export in GBK
// whose product names hold byte pairs that are also valid UTF-8 (品 = C6 B7) — it was read as
// UTF-8 with every row malformed —, eBay's orders report (report lines under the data, "Jul-21-25"
// dates), Square's item sales (time of day in its own column), Taobao's order report (GBK) and a
// Wix-style export no preset knows (its order Total is not the line's revenue; an order
// 'Not paid' is not a sale). Native side: tests/ingest_formats.rs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv, newPage, crashes, importFiles, navigate, readCleaningReport, near, shot, tmpDir, TEST_TIMEOUT,
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

test('Amazon order report: recognised, item-price read as the line total, cancelled order dropped', { timeout: TEST_TIMEOUT }, async () => {
  const p = path.join(dir, 'All Orders.txt');
  const cols = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status',
    'fulfillment-channel', 'sales-channel', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency',
    'item-price', 'item-tax', 'shipping-price', 'ship-country'];
  const rows = [
    ['111-1-1', '', '2024-03-01T10:00:00+00:00', '2024-03-02T10:00:00+00:00', 'Shipped', 'Amazon', 'Amazon.com', 'Mug', 'M1', 'B01', 'Shipped', '3', 'USD', '30.00', '2.40', '0.00', 'US'],
    ['111-1-1', '', '2024-03-01T10:00:00+00:00', '2024-03-02T10:00:00+00:00', 'Shipped', 'Amazon', 'Amazon.com', 'Cup', 'C1', 'B02', 'Shipped', '1', 'USD', '12.50', '1.00', '4.99', 'US'],
    ['111-3-3', '', '2024-03-04T10:00:00+00:00', '2024-03-04T12:00:00+00:00', 'Shipped', 'Amazon', 'Amazon.com', 'Mug', 'M1', 'B01', 'Shipped', '2', 'USD', '20.00', '1.60', '0.00', 'US'],
    ['111-2-2', '', '2024-03-05T09:00:00+00:00', '2024-03-05T10:00:00+00:00', 'Cancelled', 'Merchant', 'Amazon.com', 'Mug', 'M1', 'B01', 'Cancelled', '1', 'USD', '10.00', '0.80', '0.00', 'US'],
  ];
  fs.writeFileSync(p, [cols, ...rows].map((r) => r.join('\t')).join('\n') + '\n');
  const { page, log, url, context } = await newPage(env);
  try {
    const kpis = await importFiles(page, url, [p]);
    assert.equal(kpis.orders, 2);
    assert.ok(near(kpis.revenue, 62.5), `revenue ${kpis.revenue}`);
    await navigate(page, '/data');
    const badge = page.locator('[data-testid="preset-badge"]');
    assert.equal((await badge.innerText()).trim(), 'Recognised format: Amazon Seller Central order report');
    const report = await readCleaningReport(page);
    assert.equal(report.olLines, 3);
    await shot(page, 'data-amazon.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('GBK export with 品 in product names: read as GB18030, every row kept, names intact', { timeout: TEST_TIMEOUT }, async () => {
  // Made with Python: 24 lines of 8 orders (1 + 2 + 3 units at 9.90), names 商品礼盒 食品套装
  // 品牌茶杯 陶瓷杯子, encoded with .encode("gbk").
  const gbk = Buffer.from('tqm1pbrFLMnMxrex4MLrLMnMxrfD+7PGLMr9wb8staW82yzPwrWlyrG85CzC8rzSCkExMDAwLFNLVTAsyczGt8DxutAsMSw5LjkwLDIwMjQvMS8xIDEwOjAwLL/Nu6cwCkExMDAwLFNLVTEsyrPGt8zX17AsMiw5LjkwLDIwMjQvMi8yIDEwOjAwLL/Nu6cxCkExMDAwLFNLVTIsxrfFxrLosa0sMyw5LjkwLDIwMjQvMy8zIDEwOjAwLL/Nu6cyCkExMDAxLFNLVTMszNW0ybGt19MsMSw5LjkwLDIwMjQvNC80IDEwOjAwLL/Nu6czCkExMDAxLFNLVTAsyczGt8DxutAsMiw5LjkwLDIwMjQvNS81IDEwOjAwLL/Nu6c0CkExMDAxLFNLVTEsyrPGt8zX17AsMyw5LjkwLDIwMjQvNi82IDEwOjAwLL/Nu6c1CkExMDAyLFNLVTIsxrfFxrLosa0sMSw5LjkwLDIwMjQvNy83IDEwOjAwLL/Nu6c2CkExMDAyLFNLVTMszNW0ybGt19MsMiw5LjkwLDIwMjQvOC84IDEwOjAwLL/Nu6c3CkExMDAyLFNLVTAsyczGt8DxutAsMyw5LjkwLDIwMjQvOS85IDEwOjAwLL/Nu6cwCkExMDAzLFNLVTEsyrPGt8zX17AsMSw5LjkwLDIwMjQvMTAvMTAgMTA6MDAsv827pzEKQTEwMDMsU0tVMizGt8XGsuixrSwyLDkuOTAsMjAyNC8xMS8xMSAxMDowMCy/zbunMgpBMTAwMyxTS1UzLMzVtMmxrdfTLDMsOS45MCwyMDI0LzEyLzEyIDEwOjAwLL/Nu6czCkExMDA0LFNLVTAsyczGt8DxutAsMSw5LjkwLDIwMjQvMS8xMyAxMDowMCy/zbunNApBMTAwNCxTS1UxLMqzxrfM19ewLDIsOS45MCwyMDI0LzIvMTQgMTA6MDAsv827pzUKQTEwMDQsU0tVMizGt8XGsuixrSwzLDkuOTAsMjAyNC8zLzE1IDEwOjAwLL/Nu6c2CkExMDA1LFNLVTMszNW0ybGt19MsMSw5LjkwLDIwMjQvNC8xNiAxMDowMCy/zbunNwpBMTAwNSxTS1UwLMnMxrfA8brQLDIsOS45MCwyMDI0LzUvMTcgMTA6MDAsv827pzAKQTEwMDUsU0tVMSzKs8a3zNfXsCwzLDkuOTAsMjAyNC82LzE4IDEwOjAwLL/Nu6cxCkExMDA2LFNLVTIsxrfFxrLosa0sMSw5LjkwLDIwMjQvNy8xOSAxMDowMCy/zbunMgpBMTAwNixTS1UzLMzVtMmxrdfTLDIsOS45MCwyMDI0LzgvMjAgMTA6MDAsv827pzMKQTEwMDYsU0tVMCzJzMa3wPG60CwzLDkuOTAsMjAyNC85LzIxIDEwOjAwLL/Nu6c0CkExMDA3LFNLVTEsyrPGt8zX17AsMSw5LjkwLDIwMjQvMTAvMjIgMTA6MDAsv827pzUKQTEwMDcsU0tVMizGt8XGsuixrSwyLDkuOTAsMjAyNC8xMS8yMyAxMDowMCy/zbunNgpBMTAwNyxTS1UzLMzVtMmxrdfTLDMsOS45MCwyMDI0LzEyLzI0IDEwOjAwLL/Nu6c3Cg==', 'base64');
  const p = path.join(dir, '订单导出.csv');
  fs.writeFileSync(p, gbk);
  const { page, log, url, context } = await newPage(env);
  try {
    const kpis = await importFiles(page, url, [p]);
    assert.equal(kpis.orders, 8);
    assert.ok(near(kpis.revenue, 475.2), `revenue ${kpis.revenue}`);
    assert.equal(kpis.customers, 8);
    await navigate(page, '/data');
    const report = await readCleaningReport(page);
    assert.equal(report.olLines, 24);
    const text = await page.locator('main').innerText();
    assert.match(text, /GB18030/);
    assert.match(text, /商品礼盒/);
    assert.doesNotMatch(text, /\uFFFD/);
    await shot(page, 'data-gbk.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('eBay orders report: recognised, Sold For the unit price, footer lines left out', { timeout: TEST_TIMEOUT }, async () => {
  // eBay: a line of commas above and under the header, "Jul-21-25" dates, Sold For is the
  // unit price (Total Price adds postage and tax), two report lines under the data.
  const ebay = path.join(dir, 'eBay-OrdersReport.csv');
  fs.writeFileSync(ebay, [
    ',,,,,,,,,,,,',
    'Sales Record Number,Order Number,Buyer Username,Item Number,Item Title,Custom Label,Quantity,Sold For,Postage And Packaging,Total Price,Sale Date,Paid On Date,Post To Country',
    ',,,,,,,,,,,,',
    '101,12-34567-89012,buyer_1,335001234567,"Vintage Lamp, brass",LAMP-1,1,£45.99,£12.00,£57.99,Jul-21-25,Jul-21-25,United Kingdom',
    '102,12-11111-22222,b2,335009,Widget,WID-1,2,£10.00,£0.00,£20.00,Jul-22-25,Jul-22-25,United Kingdom',
    '103,12-22222-33333,b3,335009,Widget,WID-1,1,£10.00,£3.50,£13.50,Aug-02-25,Aug-02-25,Ireland',
    ',,,,,,,,,,,,',
    '3 record(s) downloaded,,,,,,,,,,,,',
    'Seller ID : vintage-shop,,,,,,,,,,,,',
  ].join('\n') + '\n');
  const { page, log, url, context } = await newPage(env);
  try {
    const kpis = await importFiles(page, url, [ebay]);
    assert.equal(kpis.orders, 3);
    assert.ok(near(kpis.revenue, 75.99), `revenue ${kpis.revenue}`);
    await navigate(page, '/data');
    assert.equal((await page.locator('[data-testid="preset-badge"]').innerText()).trim(), 'Recognised format: eBay orders report');
    const text = await page.locator('main').innerText();
    assert.match(text, /2 line\(s\) with words in the first cell only were left out as report lines, not orders \(first: '3 record\(s\) downloaded'\)/);
    const report = await readCleaningReport(page);
    assert.equal(report.olLines, 3);
    await shot(page, 'data-ebay.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('Square item sales: the time of day comes from its own column', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    // Square: Date and Time in two columns; the order's time comes from Time.
    const square = path.join(dir, 'items-2024.csv');
    fs.writeFileSync(square, [
      'Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Event Type,Location,Customer ID',
      '2024-03-01,10:11:12,Pacific Time (US & Canada),Mugs,Mug,2,Regular,M1,$30.00,-$3.00,$27.00,$2.16,T1,P1,Payment,Main,c1',
      '2024-03-01,16:40:00,Pacific Time (US & Canada),Cups,Cup,1,Regular,C1,$8.00,$0.00,$8.00,$0.64,T2,P2,Payment,Main,c2',
    ].join('\n') + '\n');
    const sq = await importFiles(page, url, [square]);
    assert.equal(sq.orders, 2);
    await navigate(page, '/data');
    assert.match(await page.locator('main').innerText(), /the date column holds dates only: each order's time of day is read from column 'Time'/);
    await shot(page, 'data-square.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('Taobao order report (GBK): recognised, goods amount the revenue, closed order a cancellation, unpaid order not a sale, ="…" order numbers read as numbers', { timeout: TEST_TIMEOUT }, async () => {
  // 订单编号,买家会员名,买家应付货款,买家应付邮费,买家支付积分,总金额,订单状态,联系手机,订单创建时间,宝贝标题,宝贝总数量
  // with four orders (one 交易关闭, one 等待买家付款), encoded with .encode("gbk").
  const p = path.join(dir, 'ExportOrderList202403.csv');
  fs.writeFileSync(p, Buffer.from('tqm1pbHgusUswvK80rvh1LHD+yzC8rzS06a4trv1v+4swvK80tOmuLbTyrfRLMLyvNLWp7i2u/231izX3L3wtu4stqm1pde0zKwswarPtcrWu/ostqm1pbS0vajKsbzkLLGmsbSx6sziLLGmsbTX3Mr9wb8KPSIxMjM0NTY3ODkwMTIzIizQoc31LDU4LjAwLDAuMDAsMCw1OC4wMCy9u9LXs8m5piw9IjEzODAwMDAwMDAwIiwyMDI0LTAzLTAxIDEwOjEyOjAwLLS/w95U0PQgsNfJqywyCj0iMTIzNDU2Nzg5MDEyNCIs0KHA7iwzMC4wMCw2LjAwLDAsMzYuMDAsvbvS17nYsdUsPSIxMzkwMDAwMDAwMCIsMjAyNC0wMy0wMiAwOTowMDowMCy3q7K8sPwsMQo9IjEyMzQ1Njc4OTAxMjUiLNChzfUsODguMDAsMC4wMCwwLDg4LjAwLL270tezybmmLD0iMTM4MDAwMDAwMDAiLDIwMjQtMDMtMDUgMjA6MzA6MDAs0fLDq86nve0sMQo9IjEyMzQ1Njc4OTAxMjYiLNCh1dQsNDUuMDAsMC4wMCwwLDQ1LjAwLLXItP3C8rzSuLa/7iw9IjEzNzAwMDAwMDAwIiwyMDI0LTAzLTA2IDA4OjAwOjAwLLersryw/CwxCg==', 'base64'));
  const { page, log, url, context } = await newPage(env);
  try {
    const kpis = await importFiles(page, url, [p]);
    assert.equal(kpis.orders, 2);
    assert.ok(near(kpis.revenue, 146), `revenue ${kpis.revenue}`);
    await navigate(page, '/data');
    assert.equal((await page.locator('[data-testid="preset-badge"]').innerText()).trim(), 'Recognised format: Taobao / Tmall order report');
    const text = await page.locator('main').innerText();
    assert.match(text, /1234567890123/);
    assert.doesNotMatch(text, /like a spreadsheet formula/);
    // 等待买家付款: its own reason, not a sale and not a return.
    assert.match(text, /Not paid \(awaiting payment; not a sale, not a return\)\s+1\b/);
    assert.match(text, /Unpaid orders left out: 1 lines worth 45\.00\./);
    await shot(page, 'data-taobao.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('Wix-style export: the order Total on each line is not the revenue; an unpaid order is not a sale', { timeout: TEST_TIMEOUT }, async () => {
  const wix = path.join(dir, 'wix-orders.csv');
  fs.writeFileSync(wix, [
    'Order number,Date created,Time,Contact email,Billing name,Item,Variant,SKU,Qty,Price,Weight,Delivery method,Shipping rate,Total tax,Total,Currency,Payment method,Coupon code,Discount,Payment status,Fulfillment status',
    '10001,"May 1, 2024",10:05,ann@example.com,Ann,Blue Mug,Blue,MUG-B,2,10.00,,Shipping,5.00,0.00,33.00,USD,Card,,0.00,Paid,Fulfilled',
    '10001,"May 1, 2024",10:05,ann@example.com,Ann,Red Mug,Red,MUG-R,1,8.00,,Shipping,5.00,0.00,33.00,USD,Card,,0.00,Paid,Fulfilled',
    '10002,"May 2, 2024",11:30,bob@example.com,Bob,Tea Towel,,TOWEL,1,12.50,,Shipping,5.00,0.00,17.50,USD,Offline,,0.00,Not paid,Not fulfilled',
  ].join('\n') + '\n');
  const { page, log, url, context } = await newPage(env);
  try {
    const kpis = await importFiles(page, url, [wix]);
    // 2 × 10.00 + 8.00: not 33.00 on each of the order's two lines.
    assert.equal(kpis.orders, 1);
    assert.ok(near(kpis.revenue, 28), `revenue ${kpis.revenue}`);
    await navigate(page, '/data');
    const text = await page.locator('main').innerText();
    assert.match(text, /'Total' is above 'Qty' × 'Price' on 3 of 3 sample rows: the order's total/);
    assert.match(text, /Not paid \(awaiting payment; not a sale, not a return\)\s+1\b/);
    await shot(page, 'data-wix.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
