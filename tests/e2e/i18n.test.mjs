// English and Chinese: the language switch turns the whole UI Chinese (navigation, headings,
// buttons, table headers, labels) on every page, keeps the imported data, survives a reload, and a
// browser whose language is Chinese starts in Chinese. Screenshots of the Chinese pages go to
// target/screenshots/zh-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, newPage, crashes, importSample, navigate, sameOrigin, tmpDir, SCREENSHOT_DIR, IMPORT_TIMEOUT, shot } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

const CJK = /[\u3400-\u9fff]/;

/** The seven pillar links and their Chinese names. */
const NAV_ZH = {
  '/overview': '概览',
  '/data': '数据',
  '/customers': '客户',
  '/products': '商品',
  '/forecast': '预测',
  '/inventory': '库存',
  '/marketing': '营销',
};
const NAV_EN = {
  '/overview': 'Overview',
  '/data': 'Data',
  '/customers': 'Customers',
  '/products': 'Products',
  '/forecast': 'Forecast',
  '/inventory': 'Inventory',
  '/marketing': 'Marketing',
};

/**
 * English UI words that must not be left on a Chinese page. Whole words, case-sensitive: data from
 * the file (upper-case product names, countries) and the core's generated sentences (kept in
 * English for now) are not UI words.
 */
const ENGLISH_UI_WORDS = [
  'Customers', 'Customer', 'Download', 'Import', 'Revenue', 'Orders', 'Products', 'Product', 'Overview',
  'Segment', 'Segments', 'Cluster', 'Clusters', 'Search', 'Page', 'Update', 'Recompute', 'Computing',
  'Confidence', 'Support', 'Lift', 'Rows', 'Reason', 'Weekly', 'Monthly', 'Cancel', 'Show', 'Model',
  'How was this computed', 'rows', 'computed in', 'Cleaning report', 'Lifetime value', 'Churn',
];

/** Text of the elements the UI itself writes (not file data, not the core's sentences). */
async function uiTexts(page) {
  return page.evaluate(() => {
    const main = document.querySelector('#main');
    const sel = 'h1, h2, h3, th, button, label, summary, select option, .kpi-label, .stat-label, .legend-item, .badge, .page-head, .pager';
    const texts = [...main.querySelectorAll(sel)].map((e) => e.innerText.trim()).filter(Boolean);
    for (const e of main.querySelectorAll('[placeholder], [aria-label], [title]')) {
      for (const a of ['placeholder', 'aria-label', 'title']) {
        const v = e.getAttribute(a);
        if (v) texts.push(v);
      }
    }
    return texts;
  });
}

/** English words of the core's sentences (whole words; names in code like `p_no_purchase_90d` pass). */
const CORE_WORDS = [
  'customers', 'customer', 'probability', 'purchase', 'purchases', 'predicted', 'predicts', 'Fitted',
  'Trained', 'fitted', 'model', 'Churn', 'churn', 'spend', 'orders', 'because', 'bought', 'popular',
  'excluded', 'guest', 'Expected', 'Number', 'Scores', 'chance', 'history',
];

function assertCoreChinese(texts, where, min) {
  const sentences = texts.map((t) => t.trim()).filter((t) => t.length > 0);
  assert.ok(sentences.length >= min, `${where}: ${sentences.length} sentences`);
  const bad = sentences.filter((t) => !CJK.test(t)
    || CORE_WORDS.some((w) => new RegExp(`(^|[^A-Za-z_])${w}([^A-Za-z_]|$)`).test(t)));
  assert.deepEqual(bad, [], `${where}: the core's sentences are not Chinese`);
}

function englishWordsIn(text) {
  return ENGLISH_UI_WORDS.filter((w) => new RegExp(`(^|[^A-Za-z])${w}([^A-Za-z]|$)`).test(text));
}

async function navTexts(page) {
  const out = {};
  for (const route of Object.keys(NAV_ZH)) {
    out[route] = (await page.locator(`header nav a[href="${route}"]`).innerText()).trim();
  }
  return out;
}

async function h1(page) {
  return (await page.locator('#main h1').first().innerText()).trim();
}

test('the language switch turns every page Chinese, keeps the data, and a reload keeps the choice', { timeout: 900_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await importSample(page, url);
    assert.deepEqual(await navTexts(page), NAV_EN);
    const revenueEn = await page.locator('[data-testid="kpi-revenue"]').getAttribute('data-value');

    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.deepEqual(await navTexts(page), NAV_ZH);
    assert.equal((await page.locator('[data-testid="lang-switch"]').innerText()).trim(), 'English');
    assert.equal(await page.title(), 'ShopLens — 私密的店铺分析');

    // Overview: the data survived the switch (same revenue), labels are Chinese, dates too.
    await page.locator('[data-testid="kpi-revenue"] .kpi-label').waitFor();
    assert.equal(await h1(page), '概览');
    assert.equal(await page.locator('[data-testid="kpi-revenue"]').getAttribute('data-value'), revenueEn);
    assert.equal((await page.locator('[data-testid="kpi-aov"] .kpi-label').innerText()).trim(), '客单价');
    assert.equal((await page.locator('[data-testid="kpi-repeat"] .kpi-label').innerText()).trim(), '复购率');
    // Weekly chart labels are dates in Chinese ("2011年6月6日"), monthly ones months ("2011年6月").
    const ticks = await page.$$eval('.chart-svg text.tick', (els) => els.map((e) => e.textContent));
    assert.ok(ticks.some((t) => /^2011年\d{1,2}月\d{1,2}日$/.test(t)), `weekly labels: ${ticks.slice(0, 12)}`);
    await page.getByRole('button', { name: '按月' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('.chart-svg text.tick')].some((t) => /^2011年\d{1,2}月$/.test(t.textContent)));
    assert.equal((await page.locator('#main h2').first().innerText()).trim(), '每月销售额');

    const pages = [
      { route: '/overview', heading: '概览', ready: '[data-testid="kpi-revenue"]' },
      { route: '/data', heading: '您的数据', ready: '[data-testid="cleaning-report"]' },
      { route: '/customers', heading: '客户', ready: '[data-testid="churn"]', timeout: 300_000 },
      { route: '/products', heading: '商品', ready: '[data-testid="recommendations"]', timeout: 480_000 },
    ];
    for (const p of pages) {
      await navigate(page, p.route);
      await page.locator(p.ready).waitFor({ timeout: p.timeout ?? 60_000 });
      if (p.route === '/products') await page.locator('[data-testid="basket"]').waitFor({ timeout: 300_000 });
      assert.equal(await h1(page), p.heading, p.route);
      assert.deepEqual(await navTexts(page), NAV_ZH, p.route);
      const texts = await uiTexts(page);
      assert.ok(texts.length > 10, `${p.route}: ${texts.length} UI texts`);
      const english = texts.filter((t) => englishWordsIn(t).length > 0);
      assert.deepEqual(english, [], `${p.route}: English UI text left`);
      // Headings and buttons are Chinese, not just free of the listed words.
      const headings = await page.locator('#main h1, #main h2, #main h3').allInnerTexts();
      // (File names are headings on the data page.)
      const notChinese = headings.filter((h) => !CJK.test(h) && !/\.(csv|gz|txt|tsv)$/i.test(h.trim()));
      assert.deepEqual(notChinese, [], `${p.route}: headings without Chinese`);
      await shot(page, `zh-${p.route.slice(1)}.png`);
    }

    // Data page specifics: the column meanings and drop reasons are mapped to Chinese, the
    // import date range is in Chinese date format.
    await navigate(page, '/data');
    const mapping = await page.locator('[data-testid="mapping-table"] select').first().locator('option').allInnerTexts();
    assert.ok(mapping.includes('订单号') && mapping.includes('下单时间') && mapping.includes('— 忽略 —'), mapping.join(','));
    const report = await page.locator('[data-testid="cleaning-report"]').innerText();
    assert.match(report, /取消或退货/);
    // The dropped rows' examples: file, row and the reason in Chinese (the sample's first
    // cancellations, "online_retail_sample.csv.gz 第 N 行：取消或退货（订单号以 C 开头…）").
    await page.locator('[data-testid="drop-examples"] summary').first().click();
    const examples = (await page.locator('[data-testid="drop-examples"] li').allTextContents()).map((t) => t.trim());
    assert.ok(examples.length >= 1, 'drop examples shown');
    assert.deepEqual(examples.filter((t) => !CJK.test(t) || /\brow\b|expected|column/.test(t)), [], examples.join(' | '));
    assert.ok(examples.some((t) => /^online_retail_sample\.csv\.gz 第 \d+ 行：取消或退货（订单号以 C 开头/.test(t)), examples.join(' | '));
    // Mapping reasons name the fields in Chinese ("“InvoiceNo”列是订单号"), not by code name.
    const reasons = await page.locator('[data-testid="mapping-table"] tbody td.small').allTextContents();
    assert.ok(reasons.some((t) => t.includes('列是订单号')), reasons.join(' | '));
    assert.deepEqual(reasons.filter((t) => /order_id|customer_id|unit_price/.test(t)), [], reasons.join(' | '));
    assert.match(report, /订单日期从 2011年\d{1,2}月\d{1,2}日 到 2011年\d{1,2}月\d{1,2}日/);

    // Customers: RFM segment names are Chinese; the profile drawer is Chinese.
    await navigate(page, '/customers');
    await page.locator('[data-testid="segment-table"] tbody tr').first().waitFor({ timeout: 300_000 });
    const segments = await page.locator('[data-testid="segment-table"] tbody tr td:first-child').allInnerTexts();
    assert.ok(segments.includes('冠军客户') && segments.every((s) => CJK.test(s)), segments.join(','));
    await page.locator('[data-testid="customer-table"] tbody tr').first().click();
    const profile = page.locator('[data-testid="profile"]');
    await profile.waitFor({ timeout: 120_000 });
    assert.match(await profile.innerText(), /笔订单/);
    assert.deepEqual(englishWordsIn(await profile.locator('h2, h3, .stat-label').allInnerTexts().then((a) => a.join('\n'))), []);
    await shot(page, 'zh-customer-profile.png');

    // The core's sentences (explanations, notes, model messages) are Chinese too: each has
    // Chinese characters and none of the English words those sentences are made of.
    const customerSentences = await page.locator([
      '[data-testid="clusters"] > p', '[data-testid="cohorts"] > p', '[data-testid="clv"] > p',
      '[data-testid="clv"] details.how p', '[data-testid="churn"] > p',
    ].join(', ')).allTextContents();
    assertCoreChinese(customerSentences, '/customers', 8);
    await navigate(page, '/products');
    await page.locator('[data-testid="recommendations"] tbody tr').first().waitFor({ timeout: 480_000 });
    await page.locator('[data-testid="basket"]').waitFor({ timeout: 300_000 });
    const productSentences = await page.locator([
      '[data-testid="basket"] details.how p', '[data-testid="basket"] details.how li',
      '[data-testid="recommendations"] > p.muted',
      // The reasons of the recommendation list and the model comparison's "Settings" column.
      '[data-testid="recommendations"] tbody tr td:last-child',
    ].join(', ')).allTextContents();
    assertCoreChinese(productSentences, '/products', 4);
    // The settings column in particular: "λ 300，时间衰减 τ 90 天，近期热度权重 0.1" (EASE) and
    // one row per compared model.
    const settings = (await page.locator('.table-wrap:has([data-testid="download-recommender-eval"]) tbody tr td:last-child')
      .allTextContents()).map((t) => t.trim());
    assert.ok(settings.length >= 3, `settings: ${settings.join(' | ')}`);
    assert.deepEqual(settings.filter((t) => !CJK.test(t)), [], 'settings column not Chinese');
    assert.ok(settings.some((t) => /^λ \d+，时间衰减 τ \d+ 天，近期热度权重 [\d.]+$/.test(t)), settings.join(' | '));
    assert.ok(settings.some((t) => t === '按不同买家数排序'), settings.join(' | '));
    assert.deepEqual(settings.filter((t) => /factors|recency|cosine|distinct|skipped/.test(t)), []);
    await shot(page, 'zh-products-sentences.png');

    // A reload keeps Chinese (and the stored session brings the data back).
    await page.goto(url('/overview'));
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.deepEqual(await navTexts(page), NAV_ZH);
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-orders"]')?.getAttribute('data-value'), null, { timeout: 300_000 });
    const zhHeading = (await page.locator('#main h2').first().innerText()).trim();
    assert.ok(CJK.test(zhHeading), zhHeading);

    // Back to English, and a reload keeps English.
    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await navTexts(page), NAV_EN);
    const enHeading = (await page.locator('#main h2').first().innerText()).trim();
    assert.ok(!CJK.test(enHeading) && /[A-Za-z]{3}/.test(enHeading), enHeading);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await navTexts(page), NAV_EN);
    assert.equal((await page.locator('[data-testid="lang-switch"]').innerText()).trim(), '中文');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

// The bodies of these three pages are converted on their own branch (i18n part B): this test
// checks only the navigation and the page heading, and passes once that branch is merged.
test('forecast, inventory and marketing: Chinese navigation and heading', { timeout: 300_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await importSample(page, url);
    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    for (const route of ['/forecast', '/inventory', '/marketing']) {
      await navigate(page, route);
      await page.locator('#main h1').first().waitFor();
      assert.deepEqual(await navTexts(page), NAV_ZH, route);
      const heading = await h1(page);
      assert.ok(CJK.test(heading) && englishWordsIn(heading).length === 0, `${route} heading: ${heading}`);
    }
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('a browser set to Chinese starts in Chinese; English stays the default otherwise', { timeout: 120_000 }, async () => {
  const origin = new URL(env.server.url).origin;
  for (const [locale, lang, nav, h1Text] of [
    ['zh-CN', 'zh-CN', NAV_ZH, '看懂你的店铺，数据不外泄。'],
    ['en-GB', 'en', NAV_EN, 'Understand your shop. Privately.'],
  ]) {
    const context = await env.browser.newContext({ locale, viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' });
    await context.route('**/*', (route) => (sameOrigin(route.request().url(), origin) ? route.continue() : route.abort('blockedbyclient')));
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(env.server.url + '/');
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      assert.deepEqual(await navTexts(page), nav, locale);
      assert.equal(await h1(page), h1Text, locale);
      if (locale === 'zh-CN') {
        const texts = await uiTexts(page);
        assert.deepEqual(texts.filter((t) => englishWordsIn(t).length > 0), []);
        assert.match(await page.locator('[data-testid="try-sample"]').innerText(), /试用示例店铺/);
        await shot(page, 'zh-landing.png');
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('an error is shown in the language of the moment, and follows a language switch', { timeout: 300_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  const dir = tmpDir();
  try {
    // An orders file without a date column: the import stops with an error of the core.
    const file = path.join(dir, 'nodate.csv');
    fs.writeFileSync(file, 'order,quantity,price\n1,2,3.5\n2,1,4\n');
    await page.goto(url('/'));
    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(file);
    const error = page.locator('[data-testid="error"]');
    await error.waitFor({ state: 'visible', timeout: IMPORT_TIMEOUT });
    const zh = (await error.innerText()).trim();
    assert.match(zh, /未能完成/);
    assert.match(zh, /nodate\.csv：找不到日期列（表头：order, quantity, price）/, zh);
    assert.doesNotMatch(zh, /cannot find/, zh);
    await shot(page, 'zh-error.png');
    // The same error, now in English (no re-import).
    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(() => /cannot find/.test(document.querySelector('[data-testid="error"]')?.innerText ?? ''));
    const en = (await error.innerText()).trim();
    assert.match(en, /Could not finish/);
    assert.match(en, /nodate\.csv: cannot find a date column \(headers: order, quantity, price\)/, en);
    assert.doesNotMatch(en, /[\u3400-\u9fff]/, en);
    // And back to Chinese.
    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.waitForFunction(() => /找不到日期列/.test(document.querySelector('[data-testid="error"]')?.innerText ?? ''));
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
