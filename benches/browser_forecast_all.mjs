// Browser benchmark of the Forecast page's "every product" table on the full UCI Online
// Retail file: imports through the page, sets the aggregation, runs the table and reads the
// worker's own timing shown in the summary; writes the table's CSV download for comparison
// between builds. Run after a release build:
//   node benches/browser_forecast_all.mjs [--dist dist] [--freq day|week|month] [--out table.csv]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
if (arg('--dist')) process.env.SHOPLENS_DIST = path.resolve(arg('--dist'));
const freq = arg('--freq', 'day');
const out = arg('--out');
const { startEnv, newPage, importFiles, navigate, download, UCI_FILE } = await import(
  path.join(HERE, '..', 'tests', 'e2e', 'helpers.mjs')
);

const env = await startEnv();
const { page, context, url } = await newPage(env);
try {
  await importFiles(page, url, [UCI_FILE]);
  await navigate(page, '/forecast');
  await page.locator('[data-testid="forecast-detail"]').waitFor({ timeout: 900_000 });
  await page.selectOption('[data-testid="fc-freq"]', freq);
  await page.locator('[data-testid="forecast-detail"]').waitFor({ timeout: 900_000 });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const t0 = Date.now();
  await page.click('[data-testid="fc-all-run"]');
  const summary = page.locator('[data-testid="fc-all-summary"]');
  await summary.waitFor({ timeout: 3_600_000 });
  const wall = (Date.now() - t0) / 1000;
  const text = await summary.innerText();
  const m = text.match(/([\d.]+) s/);
  console.log(
    `every SKU, ${freq}: ${m ? m[1] : '?'} s (worker clock), ${wall} s wall from the click, ` +
      `rows ${await summary.getAttribute('data-rows')}, hardwareConcurrency ${cores}`,
  );
  if (out) fs.writeFileSync(out, (await download(page, 'download-forecast-all')).text);
} finally {
  await context.close();
  await env.close?.();
}
