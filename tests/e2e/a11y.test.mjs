// Accessibility: axe-core (tests/e2e devDependency, injected into the page) on every page with the
// bundled sample loaded and each page's default analysis shown; fails on 'serious' or 'critical'
// violations and prints every violation found. Keyboard: Tab from the top reaches a skip link to
// #main, every nav link and the language switch, each with a visible focus style.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startEnv, newPage, crashes, importSample, navigate, ROUTES, SCREENSHOT_DIR } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FAIL_ON = ['serious', 'critical'];

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/**
 * Run axe on the page (injected once per document: the CSP would refuse the inline script, so the
 * context bypasses it). Returns the violations in a compact form.
 */
async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300) })),
    }));
  });
}

function describe(route, violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${route} ${v.id}: ${v.help} (${v.nodes.length} node(s))`);
    for (const n of v.nodes.slice(0, 5)) lines.push(`      ${n.target} — ${n.summary}`);
    if (v.nodes.length > 5) lines.push(`      … ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

/** Wait for a page's default analysis, as the page tests do; bounded so a slow machine still gets checked. */
async function showDefault(page, route) {
  const wait = (sel, timeout = 180_000) => page.locator(sel).first().waitFor({ timeout }).catch(() => console.log(`a11y: ${route}: ${sel} not shown in time; checking the page as it is`));
  switch (route) {
    case '/data':
      return wait('[data-testid="cleaning-report"]');
    case '/customers':
      await wait('[data-testid="segment-table"] tbody tr');
      return wait('[data-testid="clv"]', 60_000);
    case '/products':
      return wait('[data-testid="basket"]');
    case '/forecast':
      return wait('[data-testid="forecast-detail"]');
    case '/inventory':
      return wait('[data-testid="inv-skus"] tbody tr', 300_000);
    case '/marketing':
      await page.click('[data-testid="mmm-sample"]');
      await wait('[data-testid="mmm-result"]');
      await page.click('[data-testid="ab-sample"]');
      return wait('[data-testid="ab-metric"]', 120_000);
    default:
      return undefined;
  }
}

test('axe: no serious or critical violations on any page with the sample loaded', { timeout: 1_500_000 }, async () => {
  const { page, log, url, context } = await newPage(env, { bypassCSP: true });
  const all = [];
  try {
    await page.goto(url('/'));
    await page.locator('[data-testid="try-sample"]').waitFor();
    all.push(['/', await runAxe(page)]);
    await importSample(page, url);
    for (const route of ROUTES) {
      if (route !== '/overview') await navigate(page, route);
      await showDefault(page, route);
      await page.waitForTimeout(300);
      all.push([route, await runAxe(page)]);
    }
    // The Chinese UI as well (the last page): same markup, other strings. (The keyboard test
    // asserts that the switch exists.)
    const sw = page.locator('[data-testid="lang-switch"]');
    if (await sw.count()) {
      await sw.click();
      await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
      all.push([`${ROUTES[ROUTES.length - 1]} (zh)`, await runAxe(page)]);
      await sw.click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }

    const counts = {};
    for (const [, vs] of all) for (const v of vs) counts[v.impact] = (counts[v.impact] || 0) + 1;
    console.log(`axe: violations by impact (rule × page): ${JSON.stringify(counts)}`);
    for (const [route, vs] of all) if (vs.length) console.log(describe(route, vs));
    const bad = all.flatMap(([route, vs]) => vs.filter((v) => FAIL_ON.includes(v.impact)).map((v) => ({ route, ...v })));
    assert.equal(bad.length, 0, `serious/critical violations:\n${bad.map((v) => describe(v.route, [v])).join('\n')}`);
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

/** What has the focus: tag, href, test id, and whether a focus ring shows (outline or box-shadow). */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const shadow = cs.boxShadow && cs.boxShadow !== 'none';
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute('href'),
      testid: el.getAttribute('data-testid'),
      text: (el.innerText || '').trim().slice(0, 40),
      focusVisible: el.matches(':focus-visible'),
      ring: outline || shadow,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
      onScreen: r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    };
  });
}

test('keyboard: a skip link, the nav links and the language switch, each with a visible focus ring', { timeout: 300_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    for (const start of ['/', '/overview']) {
      await page.goto(url(start));
      await page.locator('a[href="/overview"]').first().waitFor();
      const stops = [];
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (!f) continue;
        stops.push(f);
        if (f.testid === 'lang-switch') break;
      }
      const names = stops.map((s) => s.href || s.testid || s.tag);
      assert.equal(stops[0]?.href, '#main', `${start}: the first Tab stop is the skip link: ${names}`);
      assert.ok(stops[0].onScreen, `${start}: the skip link shows when focused`);
      for (const r of ROUTES) assert.ok(stops.some((s) => s.href === r), `${start}: Tab reaches the ${r} link: ${names}`);
      assert.ok(stops.some((s) => s.testid === 'lang-switch'), `${start}: Tab reaches the language switch: ${names}`);
      for (const s of stops) {
        assert.ok(s.focusVisible, `${start}: ${s.href || s.testid} matches :focus-visible`);
        assert.ok(s.ring, `${start}: ${s.href || s.testid || s.tag} has a visible focus ring (${s.style})`);
      }
      if (start === '/overview') {
        // Screenshot with the focus ring on a nav link.
        await page.goto(url(start));
        await page.locator('a[href="/overview"]').first().waitFor();
        for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'focus-visible.png') });
      }
      // The skip link moves the focus to <main> and stays on this route.
      await page.goto(url(start));
      await page.locator('a[href="/overview"]').first().waitFor();
      await page.keyboard.press('Tab');
      if (start === '/') {
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'landing-skip-link.png') });
      }
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'main');
      assert.equal(new URL(page.url()).pathname, start, 'the skip link does not change the route');
    }
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
