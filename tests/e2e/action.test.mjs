// The Action plan page on the bundled sample: five decisions (numbers, or the explanation of the
// missing input), money effects, the sample marketing files filling the ad-budget and promotion
// decisions, a self-contained HTML export (cards + inline SVG, no scripts) and the print layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, newPage, crashes, importSample, navigate, download, SCREENSHOT_DIR, setFields, shot } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

const KINDS = ['win_back', 'reorder', 'ad_budget', 'promotion', 'next_test'];

async function statuses(page) {
  const out = {};
  for (const k of KINDS) {
    out[k] = await page.locator(`[data-testid="decision-${k}"]`).getAttribute('data-status');
  }
  return out;
}

test('Action plan: five decisions with money, HTML export without scripts, print hides the nav', { timeout: 1_200_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await importSample(page, url);
    await navigate(page, '/action');
    // The plan computes on first visit with the defaults.
    await page.locator('[data-testid="decision-next_test"]').waitFor({ timeout: 900_000 });
    let st = await statuses(page);
    // Win-back: a list, or (the sample ends in Sept. 2011 and its valuable customers are still
    // active) the explanation that nobody passes both thresholds.
    assert.ok(['ready', 'missing'].includes(st.win_back), st.win_back);
    if (st.win_back === 'missing') {
      assert.match(await page.locator('[data-testid="decision-win_back"] [data-testid="missing"]').innerText(), /valuable|CLV/);
    } else {
      const wbRows = await page.locator('[data-testid="decision-win_back"] tbody tr').count();
      assert.ok(wbRows > 0 && wbRows <= 25, `win-back rows ${wbRows}`);
    }
    assert.equal(st.reorder, 'ready');
    assert.equal(st.next_test, 'ready');
    // Without a spend file or a promotion: the card says what is needed.
    assert.equal(st.ad_budget, 'missing');
    assert.equal(st.promotion, 'missing');
    const adText = await page.locator('[data-testid="decision-ad_budget"] [data-testid="missing"]').innerText();
    assert.match(adText, /spend file/);
    const promoText = await page.locator('[data-testid="decision-promotion"] [data-testid="missing"]').innerText();
    assert.match(promoText, /promotion/);
    // Money numbers are present and finite on the ready cards.
    for (const k of ['reorder', 'next_test'].concat(st.win_back === 'ready' ? ['win_back'] : [])) {
      const v = Number(await page.locator(`[data-testid="decision-${k}"] [data-testid="money"]`).getAttribute('data-value'));
      assert.ok(Number.isFinite(v) && v > 0, `${k} money ${v}`);
    }
    assert.match(await page.locator('[data-testid="decision-next_test"]').innerText(), /per group|Per group/);
    // The A/B test's money comes only if the lift is real. The sample's at-risk pool is too small
    // for a 10% lift: the card gives the lift it can detect, and the summary chart leaves the test
    // out (with a note giving the customers needed and there), drawing one bar per other money.
    const nt = page.locator('[data-testid="decision-next_test"]');
    assert.match(await nt.locator('[data-testid="money"] .money-label').innerText(), /Extra revenue if the lift is real/);
    const ntText = await nt.innerText();
    const [, pool, minLift] = ntText.match(/You have only ([\d,]+) such customers: with them a test can only detect a lift of ([\d.]+)% or more/) ?? [];
    assert.ok(pool && Number(minLift) > 10, ntText);
    const half = Math.floor(Number(pool.replaceAll(',', '')) / 2).toLocaleString('en-US');
    const how = await nt.locator('details.how p').textContent();
    assert.ok(how.includes(`The smallest lift the ${pool} customers can show is the one at which n = ⌊${pool} / 2⌋ = ${half}: ${minLift}%`), how);
    const [, perGroup] = ntText.match(/Per group\s*([\d,]+)/) ?? [];
    const leftOut = await page.locator('[data-testid="summary-left-out"]').innerText();
    const need = (2 * Number(perGroup.replaceAll(',', ''))).toLocaleString('en-US');
    assert.ok(leftOut.includes(`the test needs ${need} customers where the shop has ${pool}`), `${leftOut} / ${need}`);
    const bars = await page.locator('[data-testid="action-summary"] svg rect').count();
    const moneyCards = await page.locator('#action-report [data-testid="money"]').count();
    assert.equal(bars, moneyCards - 1);

    // The sample marketing files: all five decisions get numbers.
    await page.click('[data-testid="action-sample-marketing"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="decision-ad_budget"]')?.getAttribute('data-status') === 'ready'
        && document.querySelector('[data-testid="decision-promotion"]')?.getAttribute('data-status') === 'ready',
      null,
      { timeout: 900_000 },
    );
    st = await statuses(page);
    for (const k of KINDS.filter((k) => k !== 'win_back')) assert.equal(st[k], 'ready', `${k}: ${st[k]}`);
    const moneyCount = await page.locator('#action-report [data-testid="money"]').count();
    assert.equal(moneyCount, Object.values(st).filter((v) => v === 'ready').length);
    assert.ok(moneyCount >= 4, `money numbers ${moneyCount}`);
    const adRows = await page.locator('[data-testid="decision-ad_budget"] tbody tr').count();
    assert.ok(adRows >= 2, `channels ${adRows}`);

    // In Chinese the numbers land in the same places as in English (the sentences order them
    // differently: positional arguments).
    const adEn = await page.locator('[data-testid="decision-ad_budget"] .do').innerText();
    const [, budgetEn, periods, days] = adEn.match(/Keep the same budget \((.+?) over the next ([\d,]+) periods of ([\d,]+) days\)/);
    const reorderEn = await page.locator('[data-testid="decision-reorder"] .do').innerText();
    const [, full, candidates] = reorderEn.match(/([\d,]+) of the ([\d,]+) SKUs that need stock are covered in full/);
    await page.locator('[data-testid="lang-switch"]').click();
    const adZh = await page.locator('[data-testid="decision-ad_budget"] .do').innerText();
    assert.ok(adZh.includes(`未来 ${periods} 个周期、每期 ${days} 天，共 ${budgetEn}`), adZh);
    const reorderZh = await page.locator('[data-testid="decision-reorder"] .do').innerText();
    assert.ok(reorderZh.includes(`需要补货的 ${candidates} 个 SKU 中有 ${full} 个被完全覆盖`), reorderZh);
    await page.locator('[data-testid="lang-switch"]').click();
    await page.locator('[data-testid="decision-ad_budget"] .do').filter({ hasText: 'Keep the same budget' }).waitFor();

    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'action.png'), fullPage: true });

    // Export: one HTML file with the cards and inline SVG, inline CSS, no scripts, no order rows.
    const html = await download(page, 'action-export');
    assert.match(html.name, /\.html$/);
    assert.ok(html.text.includes('<svg'), 'inline SVG');
    assert.ok(html.text.includes('data-testid="decision-win_back"'), 'cards');
    assert.ok(html.text.includes('<style>') && html.text.includes('.card'), 'inline CSS');
    assert.ok(!/<script/i.test(html.text), 'no script');
    assert.ok(!html.text.includes('InvoiceNo'), 'no raw rows');
    assert.ok(html.text.length < 2_000_000, `size ${html.text.length}`);

    // Print layout: the nav and the controls are hidden, the report stays.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.topbar nav').isVisible(), false);
    assert.equal(await page.locator('[data-testid="action-controls"]').isVisible(), false);
    assert.equal(await page.locator('[data-testid="decision-reorder"]').isVisible(), true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'action-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.topbar nav').isVisible(), true);

    // A test the shop can run: churn risk at least 30% and a 15% lift (its pool of 1,928
    // customers detects 13.5% or more: `shoplens action --churn-risk-min 0.3`). Its money is
    // drawn, as an outlined bar, with a note saying what the outline means.
    await setFields(page, { 'action-churn-risk': '30', 'action-test-lift': '15' });
    await page.click('[data-testid="action-run"]');
    await page.locator('[data-testid="summary-conditional"]').waitFor({ timeout: 900_000 });
    assert.equal(await page.locator('[data-testid="summary-left-out"]').count(), 0);
    assert.equal(await page.locator('[data-testid="action-summary"] svg rect[data-conditional="true"]').count(), 1);
    assert.equal(await page.locator('[data-testid="action-summary"] svg rect').count(), await page.locator('#action-report [data-testid="money"]').count());
    assert.match(await page.locator('[data-testid="decision-next_test"] .do').innerText(), /You have 1,928 such customers, enough for the test\./);
    await shot(page, 'action-test-feasible.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
