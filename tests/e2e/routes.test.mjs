// Every client-side route loads directly and survives a reload; screenshots of every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, newPage, crashes, importSample, navigate, ROUTES, SCREENSHOT_DIR, TEST_TIMEOUT } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

async function assertShell(page, route) {
  if (route === '/') {
    await page.locator('[data-testid="dropzone"]').waitFor({ state: 'visible' });
    return;
  }
  // The nav bar with every page link is there, and the page has either content or not-built.
  for (const r of ROUTES) {
    await page.locator(`a[href="${r}"]`).first().waitFor({ state: 'visible' });
  }
  const text = (await page.locator('body').innerText()).trim();
  assert.ok(text.length > 0, `${route}: empty page`);
}

test('(h) every route loads directly and after a reload', { timeout: TEST_TIMEOUT }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    for (const route of ['/', ...ROUTES]) {
      const res = await page.goto(url(route));
      assert.equal(res.status(), 200, `${route}: HTTP ${res.status()}`);
      await assertShell(page, route);
      await page.reload();
      await assertShell(page, route);
      assert.equal(new URL(page.url()).pathname, route, `${route}: still on the route after reload`);
    }
    // An unknown route does not crash the app either.
    await page.goto(url('/no-such-page'));
    await page.locator('a[href="/overview"]').first().waitFor({ state: 'visible' });
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

test('(i) screenshots of every page with the sample loaded (target/screenshots/)', { timeout: TEST_TIMEOUT }, async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { page, log, url, context } = await newPage(env);
  try {
    await page.goto(url('/'));
    await page.locator('[data-testid="try-sample"]').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'landing.png'), fullPage: true });
    await importSample(page, url);
    for (const route of ROUTES) {
      await navigate(page, route);
      await page.waitForLoadState('networkidle');
      // The page's own analyses finish first (they run in the worker after navigation): a
      // screenshot of "Computing…" shows nothing of the page.
      await page.waitForFunction(() => ![...document.querySelectorAll('main [data-testid$="-loading"], main section.card.empty, main button[disabled]')]
        .some((e) => e.textContent.includes('…')), null, { timeout: 200_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${route.slice(1)}.png`), fullPage: true });
    }
    const shots = fs.readdirSync(SCREENSHOT_DIR).filter((f) => f.endsWith('.png'));
    for (const name of ['landing', ...ROUTES.map((r) => r.slice(1))]) {
      assert.ok(shots.includes(`${name}.png`), `missing screenshot ${name}.png`);
      assert.ok(fs.statSync(path.join(SCREENSHOT_DIR, `${name}.png`)).size > 1000);
    }
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
