// Browser benchmark of the pillar pages on the full UCI Online Retail file (and the sibylhe MMM
// data set): imports through the page, then opens each page and reads the worker's own timing
// shown on it. Run after a release build:
//   node benches/browser_pages.mjs [--dist dist]
// Prints one line per task (seconds, worker clock) and the browser's peak RSS is left to
// /usr/bin/time on the whole run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
if (distArg >= 0) process.env.SHOPLENS_DIST = path.resolve(args[distArg + 1]);
const { startEnv, newPage, importFiles, navigate, UCI_FILE, ROOT } = await import(path.join(HERE, '..', 'tests', 'e2e', 'helpers.mjs'));

const seconds = (text) => {
  const m = String(text).match(/(?:computed|fitted) in ([\d.]+) s/);
  return m ? Number(m[1]) : NaN;
};

const env = await startEnv();
const { page, context, url } = await newPage(env);
try {
  const t0 = Date.now();
  await importFiles(page, url, [UCI_FILE]);
  console.log(`import (page, wall) ${(Date.now() - t0) / 1000} s`);

  await navigate(page, '/customers');
  const head = page.locator('.page-head .muted').first();
  await page.locator('[data-testid="segment-table"]').waitFor({ timeout: 900_000 });
  console.log(`customers (RFM, k-means, cohorts, BG/NBD + Gamma-Gamma, churn) ${seconds(await head.innerText())} s`);

  await navigate(page, '/inventory');
  await page.locator('[data-testid="inv-skus"]').waitFor({ timeout: 900_000 });
  console.log(`inventory (all SKUs, no budget) ${seconds(await page.locator('.page-head .muted').first().innerText())} s`);
  await page.fill('[data-testid="inv-budget"]', '20000');
  await page.locator('[data-testid="inv-budget"]').dispatchEvent('change');
  await page.click('[data-testid="inv-run"]');
  await page.locator('[data-testid="inv-plan"]').waitFor({ timeout: 900_000 });
  console.log(`inventory (all SKUs, budget 20,000 LP plan) ${seconds(await page.locator('.page-head .muted').first().innerText())} s`);

  await navigate(page, '/forecast');
  await page.locator('[data-testid="forecast-detail"]').waitFor({ timeout: 900_000 });
  console.log(`forecast (total, weekly, auto) ${seconds(await page.locator('.page-head .muted').first().innerText())} s`);
  await page.click('[data-testid="fc-all-run"]');
  const summary = page.locator('[data-testid="fc-all-summary"]');
  await summary.waitFor({ timeout: 1_800_000 });
  console.log(`forecast (every SKU, weekly) ${seconds(await summary.innerText())} s, rows ${await summary.getAttribute('data-rows')}`);

  await navigate(page, '/marketing');
  const sib = path.join(ROOT, '..', 'shared', 'data', 'mmm_sibylhe_realworld', 'mmm_stan_data.csv');
  await page.fill('[data-testid="mmm-channels"]', 'mdsp_dm,mdsp_inst,mdsp_nsp,mdsp_auddig,mdsp_audtr,mdsp_vidtr,mdsp_viddig,mdsp_so,mdsp_on,mdsp_sem');
  await page.fill('[data-testid="mmm-revenue"]', 'sales');
  await page.fill('[data-testid="mmm-controls"]', 'me_ics_all,me_gas_dpg,st_ct,mrkdn_pdm');
  for (const id of ['mmm-channels', 'mmm-revenue', 'mmm-controls']) await page.locator(`[data-testid="${id}"]`).dispatchEvent('change');
  await page.locator('[data-testid="mmm-file"]').setInputFiles(sib);
  const mmm = page.locator('[data-testid="mmm-result"]');
  await mmm.waitFor({ timeout: 900_000 });
  console.log(`MMM sibylhe (209 weeks, 10 media, 4 controls, 1,500 trials + 200 bootstrap) ${seconds(await mmm.innerText())} s`);
} finally {
  await context.close();
  await env.close();
}
