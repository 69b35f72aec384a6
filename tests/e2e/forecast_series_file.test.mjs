// The Forecast page's "Forecast a series file…" (no imported orders needed): the bundled sample
// series file forecast in the worker, the CSV export in the CLI's `--out` contract, the sMAPE /
// MASE on the file's test rows recomputed here from the CSV, Stop on a bigger file, a bad file's
// error, and screenshots in English and Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startEnv, newPage, crashes, navigate, download, parseCsv, ROOT, SCREENSHOT_DIR, shot, setField } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

const SAMPLE = path.join(ROOT, 'www', 'sample', 'series', 'monthly_series.csv');
const HEADER = 'series_id,step,forecast,lo80,hi80,lo95,hi95,model';

/** The sample's rows per series: { train: [values], test: [values] } in file order. */
function sampleSeries() {
  const rows = parseCsv(fs.readFileSync(SAMPLE, 'utf8')).slice(1).filter((r) => r.length > 1);
  const out = new Map();
  for (const [id, , value, split] of rows) {
    if (!out.has(id)) out.set(id, { train: [], test: [] });
    out.get(id)[split === 'test' ? 'test' : 'train'].push(Number(value));
  }
  return out;
}

test('Forecast page: a series file forecast in the worker, exported and scored on its test rows', { timeout: 900_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    await page.goto(url('/'));
    await navigate(page, '/forecast');
    await page.click('[data-testid="sf-sample"]');
    const summary = page.locator('[data-testid="sf-summary"]');
    await summary.waitFor({ timeout: 300_000 });
    assert.equal(await summary.getAttribute('data-series'), '6');
    assert.match(await summary.innerText(), /^6 series from monthly_series\.csv \(sample\), 12 periods ahead, season length 12 \(inferred\), computed in [\d.]+ s\.$/);
    await page.locator('[data-testid="sf-chart"] polygon').first().waitFor();
    assert.equal(await page.locator('[data-testid="sf-detail"]').getAttribute('data-series'), 'S01');

    // The CSV: exactly the CLI's header, horizon × series rows, series in file order.
    const dl = await download(page, 'sf-download');
    assert.equal(dl.name, 'forecasts.csv');
    const lines = dl.text.split('\n').filter((l) => l.length > 0);
    assert.equal(lines[0], HEADER);
    const csv = parseCsv(dl.text).slice(1).filter((r) => r.length > 1);
    assert.equal(csv.length, 12 * 6);
    const series = sampleSeries();
    assert.deepEqual([...new Set(csv.map((r) => r[0]))], [...series.keys()]);

    // sMAPE and MASE (season 12) recomputed from the CSV and the sample's test rows.
    let smape = 0;
    let mase = 0;
    for (const [id, { train, test }] of series) {
      const f = csv.filter((r) => r[0] === id).map((r) => Number(r[2]));
      assert.equal(f.length, 12);
      let s = 0;
      let e = 0;
      for (let k = 0; k < 12; k++) {
        s += (200 * Math.abs(test[k] - f[k])) / (Math.abs(test[k]) + Math.abs(f[k]));
        e += Math.abs(test[k] - f[k]);
      }
      let scale = 0;
      for (let t = 12; t < train.length; t++) scale += Math.abs(train[t] - train[t - 12]);
      scale /= train.length - 12;
      smape += s / 12 / series.size;
      mase += e / 12 / scale / series.size;
    }
    const score = page.locator('[data-testid="sf-score"]');
    assert.ok(Math.abs(Number(await score.getAttribute('data-smape')) - smape) < 1e-5, `sMAPE ${await score.getAttribute('data-smape')} vs ${smape}`);
    assert.ok(Math.abs(Number(await score.getAttribute('data-mase')) - mase) < 1e-5, `MASE ${await score.getAttribute('data-mase')} vs ${mase}`);
    const shown = await score.innerText();
    assert.ok(shown.includes(`sMAPE ${smape.toFixed(2)}%`), shown);
    assert.ok(shown.includes(`MASE ${mase.toFixed(3)}`), shown);
    assert.ok(shown.includes('each of the 6 series was forecast from its training rows only'), shown);
    // The combination by its plain name on the page, its full name (the CLI's `model` column) in
    // the downloads: the forecasts CSV and the table's own.
    const full = csv[0][7];
    assert.match(full, /^EnsembleTrimmedMean\(THieF\(ETS\(/);
    const members = full.slice('EnsembleTrimmedMean('.length, -1);
    assert.equal(await page.locator('[data-testid="sf-model-score"]').getAttribute('title'), full);
    assert.match(await page.locator('[data-testid="sf-model-score"]').innerText(), /^Model: Combination of 8 models \(trimmed mean\)\. On the test rows: sMAPE \d/);
    assert.ok((await page.locator('[data-testid="sf-detail"]').innerText()).includes(`Members: ${members}.`));
    const cells = await page.locator('.table-wrap:has([data-testid="download-series-file"]) tbody tr:first-child td').allInnerTexts();
    assert.equal(cells[1], 'Combination of 8 models (trimmed mean)');
    const table = parseCsv((await download(page, 'download-series-file')).text);
    assert.equal(table[1][table[0].indexOf('model')], full);
    await shot(page, 'forecast-series-file.png');

    // Chinese: the same numbers in a Chinese sentence.
    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const zh = await page.locator('[data-testid="sf-score"]').innerText();
    assert.ok(zh.includes(`测试行上的准确度：sMAPE ${smape.toFixed(2)}%`), zh);
    assert.ok(zh.includes('6 个序列都只用训练行预测'), zh);
    assert.match(await page.locator('[data-testid="sf-summary"]').innerText(), /^6 个序列（monthly_series\.csv（示例）），向后预测 12 期，季节长度 12（自动推断），用时/);
    await shot(page, 'forecast-series-file-zh.png');
    await page.locator('[data-testid="lang-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    // Eight copies of the sample (48 series): shared out over one worker per core, and every
    // copy's forecast is exactly the original's (each series is forecast on its own, whichever
    // worker does it).
    const body8 = fs.readFileSync(SAMPLE, 'utf8').split('\n').slice(1).filter((l) => l.length > 0);
    let eight = 'series_id,month,value,split\n';
    for (let c = 0; c < 8; c++) eight += body8.map((l) => `C${c}_${l}`).join('\n') + '\n';
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'eight.csv', mimeType: 'text/csv', buffer: Buffer.from(eight) });
    await page.waitForFunction(() => document.querySelector('[data-testid="sf-summary"]')?.getAttribute('data-series') === '48', null, { timeout: 300_000 });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const workers = Number(await summary.getAttribute('data-workers'));
    assert.equal(workers, Math.max(1, Math.min(cores, 8, 12)), `workers ${workers} on ${cores} cores`);
    if (workers > 1) assert.ok((await summary.innerText()).includes(`shared out over ${workers} workers`));
    await shot(page, 'forecast-series-file-workers.png');
    const csv8 = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    assert.equal(csv8.length, 12 * 48);
    const rowsOf = (rows, id) => rows.filter((r) => r[0] === id).map((r) => r.slice(1).join(','));
    for (let c = 0; c < 8; c++) {
      for (const id of series.keys()) {
        assert.deepEqual(rowsOf(csv8, `C${c}_${id}`), rowsOf(csv, id), `C${c}_${id} = ${id}`);
      }
    }

    // Stop on a bigger file (the sample's series copied 60 times): the progress goes away and
    // the previous result stays.
    const body = fs.readFileSync(SAMPLE, 'utf8').split('\n').slice(1).filter((l) => l.length > 0);
    let big = 'series_id,month,value,split\n';
    for (let c = 0; c < 60; c++) big += body.map((l) => `C${c}_${l}`).join('\n') + '\n';
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(big) });
    await page.locator('[data-testid="sf-progress"]').waitFor({ timeout: 60_000 });
    await page.click('[data-testid="sf-cancel"]');
    await page.locator('[data-testid="sf-progress"]').waitFor({ state: 'detached', timeout: 60_000 });
    assert.equal(await summary.getAttribute('data-series'), '48', 'stopped: the previous result stays');
    assert.equal(await page.locator('[data-testid="sf-run"]').isDisabled(), false);

    // A bad value: the error names the file, the row and the column.
    // (the columns are recognised on the first 20 rows: the bad value is data row 26)
    let bad = 'series_id,month,value,split\n';
    for (let i = 1; i <= 25; i++) bad += `A,${2000 + Math.floor((i - 1) / 12)}-${String(((i - 1) % 12) + 1).padStart(2, '0')},${10 + i},train\n`;
    bad += 'A,2003-02,ten,train\n';
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const err = page.locator('[data-testid="error"]');
    await err.waitFor({ timeout: 60_000 });
    assert.ok((await err.innerText()).includes("bad.csv, row 26, column 'value': expected a number, found 'ten'"), await err.innerText());
    // A gzip bomb (520 MiB of rows in about 0.5 MB): a series file is read whole, so past
    // 512 MiB of text it is refused, and the worker survives it.
    const gz = zlib.createGzip({ level: 9 });
    const chunks = [];
    gz.on('data', (c) => chunks.push(c));
    const done = new Promise((resolve) => gz.on('end', resolve));
    gz.write('sku,period,units\n');
    const block = Buffer.from('A,1,2\n'.repeat(1 << 20));
    for (let i = 0; i < Math.floor((520 << 20) / block.length); i++) gz.write(block);
    gz.end();
    await done;
    const bomb = Buffer.concat(chunks);
    assert.ok(bomb.length < 4 << 20, `${bomb.length}`);
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'bomb.csv.gz', mimeType: 'application/gzip', buffer: bomb });
    await page.waitForFunction(() => (document.querySelector('[data-testid="error"]')?.innerText ?? '').includes('bomb.csv.gz'), null, { timeout: 120_000 });
    assert.ok((await err.innerText()).includes('bomb.csv.gz holds more than 512 MB of text: too much for a series file, which is read whole.'), await err.innerText());
    // the sample still reads afterwards
    await page.locator('[data-testid="sf-file"]').setInputFiles(SAMPLE);
    await page.waitForFunction(() => document.querySelector('[data-testid="sf-summary"]')?.getAttribute('data-series') === '6', null, { timeout: 120_000 });
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

// A file with promotion flags (../shared/data/m3/promodata_weekly.csv: weekly sales, two 0/1
// promotion columns, the last 13 weeks held out): the flags are used as known effects (as in
// tests/forecast_flags.rs), the page shows them, and the forecast beats statsforecast's
// AutoARIMA with the flags as exogenous columns on the held-out weeks (MAE 357.0).
test('Forecast page: promotion flags in a series file are used and shown', { timeout: 600_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    const file = path.resolve(ROOT, '..', 'shared', 'data', 'm3', 'promodata_weekly.csv');
    await page.goto(url('/'));
    await navigate(page, '/forecast');
    await setField(page, 'sf-horizon', '13');
    await setField(page, 'sf-season', '52');
    await page.locator('[data-testid="sf-file"]').setInputFiles(file);
    const flags = page.locator('[data-testid="sf-flags"]');
    await flags.waitFor({ timeout: 300_000 });
    const effects = Object.fromEntries((await flags.getAttribute('data-effects')).split(';').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
    assert.ok(Math.abs(effects.Promo1 - 1538.21) < 1 && Math.abs(effects.Promo2 - 837.36) < 1, JSON.stringify(effects));
    const text = await flags.innerText();
    assert.match(text, /Flag effects per flagged period: Promo1 \+1,538\.2; Promo2 \+837\.4\./);
    assert.match(text, /regression with ARIMA/);
    const csv = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    assert.equal(csv.length, 13);
    assert.match(csv[0][7], /^ARIMA\(.*\+ flags \(Promo1, Promo2\)$/);
    const rows = parseCsv(fs.readFileSync(file, 'utf8')).slice(1).filter((r) => r[4] === 'test').map((r) => Number(r[1]));
    const mae = rows.reduce((a, y, i) => a + Math.abs(y - Number(csv[i][2])), 0) / rows.length;
    assert.ok(mae < 357.0, `MAE ${mae}`);
    await shot(page, 'forecast-series-file-flags.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});

// Wide tables: ../shared/data/intermittent_carparts_jewelry/carparts_wide.csv (one row per
// month, one column per part; 165 parts end early with empty cells, the file writes zeros as
// 0.0, so those are months not recorded, as in carparts_long.csv), and a pivot table made here
// (one row per product, one column per month, empty = no sales, a total column that is not a
// month). tests/forecast_wide.rs checks the same readings natively (the wide carparts file reads
// exactly as the long one).
test('Forecast page: wide tables, one column per series or one row per series', { timeout: 600_000 }, async () => {
  const { page, log, url, context } = await newPage(env);
  try {
    const file = path.resolve(ROOT, '..', 'shared', 'data', 'intermittent_carparts_jewelry', 'carparts_wide.csv');
    await page.goto(url('/'));
    await navigate(page, '/forecast');
    await setField(page, 'sf-horizon', '6');
    await page.locator('[data-testid="sf-file"]').setInputFiles(file);
    const summary = page.locator('[data-testid="sf-summary"]');
    await summary.waitFor({ timeout: 300_000 });
    assert.equal(await summary.getAttribute('data-series'), '2674');
    assert.match(await summary.innerText(), /season length 12 \(inferred\)/);
    const notes = page.locator('[data-testid="sf-notes"]');
    assert.equal(await notes.getAttribute('data-layout'), 'SeriesInColumns');
    const text = await notes.innerText();
    assert.match(text, /one column per series and one row per period: 2,674 series were read/);
    assert.match(text, /165 series end before the file's last period/);
    const csv = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    assert.equal(csv.length, 2674 * 6);
    assert.equal(csv[0][0], '21029627');
    await shot(page, 'forecast-series-file-wide.png');

    // A pivot table: products in rows, months in columns ("Jan 2024"…), empty cells, a total.
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const header = ['SKU', 'Description', ...Array.from({ length: 24 }, (_, m) => `${months[m % 12]} ${2023 + Math.floor(m / 12)}`), 'Total'];
    const row = (sku, base, blank) => {
      const v = Array.from({ length: 24 }, (_, m) => (m === blank ? '' : String(base + (m % 12))));
      return [sku, 'Mug', ...v, String(v.reduce((a, x) => a + Number(x), 0))].join(',');
    };
    const pivot = [header.join(','), row('A-1', 10, 5), row('B-2', 40, -1)].join('\n') + '\n';
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'pivot.csv', mimeType: 'text/csv', buffer: Buffer.from(pivot) });
    await page.waitForFunction(() => document.querySelector('[data-testid="sf-summary"]')?.getAttribute('data-series') === '2');
    assert.equal(await notes.getAttribute('data-layout'), 'SeriesInRows');
    const t2 = await notes.innerText();
    assert.match(t2, /one row per series and one column per period: 2 series were read from its rows/);
    assert.match(t2, /Empty cells read as 0 \(no sales in that period\): 1\./);
    const csv2 = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    assert.deepEqual([...new Set(csv2.map((r) => r[0]))], ['A-1', 'B-2']);
    assert.equal(csv2.length, 2 * 6);
    // B-2 repeats the same year twice: next January is 40, March 42
    const b = csv2.filter((r) => r[0] === 'B-2').map((r) => Number(r[2]));
    assert.ok(Math.abs(b[0] - 40) < 1 && Math.abs(b[2] - 42) < 1, JSON.stringify(b));
    // the forecast months are labelled as the file labels its months
    const axis = await page.locator('[data-testid="sf-chart"] svg').first().textContent();
    assert.match(axis, /Jan 2025/);
    assert.doesNotMatch(axis, /t\+1/);
    await shot(page, 'forecast-series-file-pivot.png');

    // A GROUP BY export: only the months that sold, July never does and has no row. The skipped
    // months are added with 0, so July is forecast empty (tests/forecast_wide.rs, the CLI).
    const sales = ['sku,month,units'];
    for (let y = 2022; y <= 2024; y++) for (let m = 1; m <= 12; m++) if (m !== 7) sales.push(`A,${y}-${String(m).padStart(2, '0')},${10 + m}`);
    await setField(page, 'sf-horizon', '12');
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'monthly_sales.csv', mimeType: 'text/csv', buffer: Buffer.from(sales.join('\n') + '\n') });
    await page.waitForFunction(() => document.querySelector('[data-testid="sf-summary"]')?.getAttribute('data-series') === '1');
    await notes.filter({ hasText: 'added with 0' }).waitFor();
    assert.match(await notes.innerText(), /1 series skips periods \(3 missing in all; the first: A has nothing between 2022-06 and 2022-08\)\. The file records no period with 0 sales/);
    const csv3 = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    const step = (k) => Number(csv3.find((r) => r[1] === String(k))[2]);
    assert.ok(csv3.length === 12 && Math.abs(step(1) - 11) < 1.5 && Math.abs(step(7)) < 1.5, JSON.stringify(csv3));

    // A list of single sales (one row per item sold: the groceries file's whole milk and
    // yogurt): the rows of each day are added up, and the note says so (pandas: 3,535 rows in
    // 996 item-days; tests/forecast_wide.rs).
    const groceries = fs.readFileSync(path.resolve(ROOT, '..', 'shared', 'data', 'groceries_basket', 'Groceries_dataset.csv'), 'utf8');
    const single = ['item,date,units'];
    for (const line of groceries.split('\n').slice(1)) {
      const f = line.split(',');
      if (f[2] === 'whole milk' || f[2] === 'yogurt') single.push(`${f[2]},${f[1]},1`);
    }
    assert.equal(single.length, 1 + 3836);
    await setField(page, 'sf-horizon', '7');
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'single_sales.csv', mimeType: 'text/csv', buffer: Buffer.from(single.join('\n') + '\n') });
    await page.waitForFunction(() => document.querySelector('[data-testid="sf-summary"]')?.getAttribute('data-series') === '2');
    await notes.filter({ hasText: 'were added up' }).waitFor();
    assert.match(await notes.innerText(), /3,535 rows hold a period that another row of the same series also holds, and were added up: 996 periods in 2 series \(the first: series whole milk, period 2015-04-05, rows 13 and 16\)/);
    const csv4 = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    assert.deepEqual([...new Set(csv4.map((r) => r[0]))], ['whole milk', 'yogurt']);
    // whole milk sells 2,502 in 729 days (3.4 a day): daily totals, not single rows
    const milk = csv4.filter((r) => r[0] === 'whole milk').map((r) => Number(r[2]));
    assert.ok(milk.length === 7 && milk.every((f) => f > 2 && f < 5), JSON.stringify(milk));
    // 729 days and a week ahead: the chart starts with the last 42 days (six weeks ahead's
    // worth), and the whole history is one click away.
    const sfChart = page.locator('[data-testid="sf-chart"]');
    const toggle = sfChart.locator('[data-testid="chart-window"]');
    assert.equal(await toggle.getAttribute('data-whole'), 'false');
    assert.match(await toggle.innerText(), /The last 42 periods shown\. Show the whole history \(687 more\)/);
    assert.doesNotMatch(await sfChart.locator('svg').first().textContent(), /2014-01-01/);
    await shot(page, 'forecast-series-file-sales.png');
    await toggle.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="sf-chart"] [data-testid="chart-window"]')?.getAttribute('data-whole') === 'true');
    assert.match(await sfChart.locator('svg').first().textContent(), /2014-01-01/);
    await shot(page, 'forecast-series-file-sales-whole.png');
    // The same days added up into weeks (pandas: resample('W-SUN'); the last week is
    // incomplete): whole milk sells about 24 a week.
    await page.selectOption('[data-testid="sf-group"]', 'week');
    await setField(page, 'sf-horizon', '4');
    await page.click('[data-testid="sf-run"]');
    await notes.filter({ hasText: 'added up into weeks' }).waitFor({ timeout: 120_000 });
    assert.match(await notes.innerText(), /The last week in the data is incomplete and was left out of the history\./);
    assert.match(await page.locator('[data-testid="sf-summary"]').innerText(), /season length 52 \(inferred\)/);
    const weekly = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1 && r[0] === 'whole milk');
    assert.ok(weekly.length === 4 && weekly.every((r) => Number(r[2]) > 15 && Number(r[2]) < 35), JSON.stringify(weekly));
    await shot(page, 'forecast-series-file-weeks.png');
    await page.selectOption('[data-testid="sf-group"]', '');

    // A European spreadsheet's export: `;` between fields, decimal commas (tests/forecast_wide.rs).
    const euro = ['sku;month;units'];
    for (let m = 0; m < 36; m++) euro.push(`X;${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')};${10 + (m % 12)},5`);
    await setField(page, 'sf-horizon', '3');
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(euro.join('\n') + '\n') });
    await notes.filter({ hasText: 'decimal comma' }).waitFor();
    assert.match(await notes.innerText(), /The file's fields are separated by semicolons, and its numbers are written with a decimal comma \(12,5 is 12\.5\)\./);
    const csv5 = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    // the next three months repeat January to March: 10.5, 11.5, 12.5
    assert.ok(csv5.length === 3 && csv5.every((r, k) => Math.abs(Number(r[2]) - (10.5 + k)) < 1), JSON.stringify(csv5));

    // A daily GROUP BY export of a shop that never opens on Sunday and shut on Wednesday
    // 2024-02-07: `busy` sells every open day, `slow` on Mondays and Thursdays only. The file's
    // step is a day (slow's missing days are days without sales, not one period each), and the
    // closures are judged on both series added up, as for order lines (tests/forecast_file.rs).
    const daily = ['sku,date,units'];
    for (let i = 0; i < 69; i++) {
      const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
      const w = i % 7;
      if (w === 6 || i === 37) continue;
      daily.push(`busy,${day},${20 + 2 * w}`);
      if (w === 0) daily.push(`slow,${day},5`);
      if (w === 3) daily.push(`slow,${day},3`);
    }
    await setField(page, 'sf-horizon', '14');
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'daily_sales.csv', mimeType: 'text/csv', buffer: Buffer.from(daily.join('\n') + '\n') });
    await notes.filter({ hasText: 'closed then' }).waitFor({ timeout: 120_000 });
    const dailyNotes = await notes.innerText();
    assert.match(dailyNotes, /2 series skip periods \(.*\)\. The file records no period with 0 sales/);
    assert.match(dailyNotes, /No series of the file sold anything on Sunday in any of the last 8 weeks: the shop is taken to be closed then\./);
    assert.match(dailyNotes, /No series of the file sold anything on 1 day the shop usually opens \(2024-02-07\)/);
    assert.match(await page.locator('[data-testid="sf-summary"]').innerText(), /season length 7 \(inferred\)/);
    const csv6 = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    const steps = (id) => csv6.filter((r) => r[0] === id).map((r) => r.slice(2, 7).map(Number));
    const busySteps = steps('busy');
    const slowSteps = steps('slow');
    assert.equal(busySteps.length, 14);
    assert.equal(slowSteps.length, 14);
    // busy ends on Saturday 2024-03-09, slow on Thursday 2024-03-07: their Sundays ahead
    for (const k of [1, 8]) assert.deepEqual(busySteps[k - 1], [0, 0, 0, 0, 0], `busy step ${k}`);
    for (const k of [3, 10]) assert.deepEqual(slowSteps[k - 1], [0, 0, 0, 0, 0], `slow step ${k}`);
    // busy's next Monday (step 2) sells about 20, its Saturday (step 7) about 30
    assert.ok(Math.abs(busySteps[1][0] - 20) < 1 && Math.abs(busySteps[6][0] - 30) < 1, JSON.stringify(busySteps));
    await shot(page, 'forecast-series-file-daily-closures.png');

    // A shop's daily total with Christmas shut (25 December 2023 to 1 January 2024, Sundays
    // closed), added up into weeks: the Christmas weeks are seen at a whole week's sales and
    // the weeks ahead on the same dates keep their open days' share (tests/forecast_file.rs):
    // 60, 20, 30, 60.
    const xmas = ['date,units'];
    for (let i = 0; i < 378; i++) {
      const day = new Date(Date.UTC(2023, 11, 4 + i)).toISOString().slice(0, 10);
      if (i % 7 === 6 || (day >= '2023-12-25' && day <= '2024-01-01')) continue;
      xmas.push(`${day},10`);
    }
    await page.selectOption('[data-testid="sf-group"]', 'week');
    await setField(page, 'sf-horizon', '4');
    await page.locator('[data-testid="sf-file"]').setInputFiles({ name: 'daily_total.csv', mimeType: 'text/csv', buffer: Buffer.from(xmas.join('\n') + '\n') });
    await notes.filter({ hasText: 'a year before' }).waitFor({ timeout: 120_000 });
    const xmasNotes = await notes.innerText();
    assert.match(xmasNotes, /Closures \(holidays\) cover 2 weeks of the history in part \(2023-12-25 0%, 2024-01-01 83%/);
    assert.match(xmasNotes, /The shop was closed from 2023-12-25 to 2024-01-01 a year before: .*\(2024-12-23 33%, 2024-12-30 50%\)/);
    const csv7 = parseCsv((await download(page, 'sf-download')).text).slice(1).filter((r) => r.length > 1);
    assert.deepEqual(csv7.map((r) => Math.round(Number(r[2]) * 1000) / 1000), [60, 20, 30, 60]);
    await shot(page, 'forecast-series-file-weeks-closures.png');
    await page.selectOption('[data-testid="sf-group"]', '');

    // The same kind of table dropped on the order import: the error names its first headers
    // only, and points to the series file.
    const jewelry = path.resolve(ROOT, '..', 'shared', 'data', 'intermittent_carparts_jewelry', 'jewelry_weekly_wide.csv');
    await page.goto(url('/'));
    await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(jewelry);
    const error = page.locator('[data-testid="error"]');
    await error.waitFor({ state: 'visible', timeout: 120_000 });
    const message = (await error.innerText()).trim();
    assert.match(message, /cannot find a date column \(headers: week, item_001, .*, item_011, … \(\+303\)\)\. This file looks like a table of values per period/);
    assert.match(message, /“Forecast a series file…”/);
    await shot(page, 'import-series-table-hint.png');
    assert.deepEqual(crashes(log), []);
  } finally {
    await context.close();
  }
});
