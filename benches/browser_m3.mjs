// M3 monthly in the browser vs natively (issue 5's speed target): writes the MONTHLY rows of
// ../shared/data/m3/m3_long.csv.gz as `series_id,t,value,split` to a temp CSV, forecasts it on
// the Forecast page ("Forecast a series file…", auto, horizon 18, season 12) and reads the
// worker's time and the sMAPE / MASE shown; then runs the CLI on the same file
// (`shoplens forecast FILE --horizon 18 --season 12 --out …` under /usr/bin/time -v) and scores
// its CSV with the same formulas. Run after a release build (trunk build --release) and
// `cargo build --release --bin shoplens`:
//   node benches/browser_m3.mjs --dist /tmp/dist [--bin target/release/shoplens] [--every 7]
//        [--skip-native] [--skip-browser] [--native-from DIR] [--out /tmp/m3-bench]
// Prints one JSON object (times in seconds, `uptime` before and after each run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from './browser_lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const { chromium, CHROMIUM, CHROMIUM_ARGS } = await (async () => {
  const h = await import(path.join(ROOT, 'tests', 'e2e', 'helpers.mjs'));
  const pw = await import(path.join(ROOT, 'tests', 'e2e', 'node_modules', 'playwright-core', 'index.mjs'));
  return { chromium: pw.chromium ?? pw.default.chromium, CHROMIUM: h.CHROMIUM, CHROMIUM_ARGS: h.CHROMIUM_ARGS };
})();
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const flag = (name) => args.includes(name);
const dist = path.resolve(opt('--dist', path.join(ROOT, 'dist')));
const bin = path.resolve(opt('--bin', path.join(ROOT, 'target', 'release', 'shoplens')));
const every = Number(opt('--every', '1'));
const outDir = path.resolve(opt('--out', fs.mkdtempSync(path.join(os.tmpdir(), 'shoplens-m3-'))));
fs.mkdirSync(outDir, { recursive: true });
const H = 18;
const M = 12;
/** CPU seconds (user + system) used so far by every Chromium process (from /proc; 100 ticks/s). */
function chromiumCpuSeconds() {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime
    } catch { /* process ended */ }
  }
  return ticks / 100;
}
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

// 1. The MONTHLY rows (columns: dataset,series_id,period,type,description,t,value,split).
const text = zlib.gunzipSync(fs.readFileSync(path.join(ROOT, '..', 'shared', 'data', 'm3', 'm3_long.csv.gz'))).toString('utf8');
const lines = text.split('\n');
const head = lines[0].split(',');
const col = (n) => {
  const i = head.indexOf(n);
  if (i < 0) throw new Error(`no column ${n} in ${head}`);
  return i;
};
const [cId, cPeriod, cT, cValue, cSplit] = ['series_id', 'period', 't', 'value', 'split'].map(col);
const series = new Map(); // id -> { train: [], test: [] }
const rows = [];
for (const line of lines.slice(1)) {
  if (!line) continue;
  // description may be quoted with commas: split from both ends
  const f = line.split(',');
  const tail = f.slice(-3); // t, value, split
  if (f[cPeriod] !== 'MONTHLY') continue;
  rows.push([f[cId], tail[0], tail[1], tail[2]]);
}
const ids = [...new Set(rows.map((r) => r[0]))].sort();
const keep = new Set(ids.filter((_, i) => i % every === 0));
let csv = 'series_id,t,value,split\n';
for (const [id, t, v, s] of rows) {
  if (!keep.has(id)) continue;
  csv += `${id},${t},${v},${s}\n`;
  if (!series.has(id)) series.set(id, { train: [], test: [] });
  series.get(id)[s === 'test' ? 'test' : 'train'].push(Number(v));
}
if (cT !== head.length - 3 || cValue !== head.length - 2 || cSplit !== head.length - 1) throw new Error('unexpected column order');
const file = path.join(outDir, every === 1 ? 'm3_monthly.csv' : `m3_monthly_every${every}.csv`);
fs.writeFileSync(file, csv);
const result = { file, series: series.size, horizon: H, season: M };

/** Mean sMAPE and MASE of a forecast CSV (the contract columns) against the test rows. */
function score(csvText) {
  const f = new Map();
  for (const line of csvText.split('\n').slice(1)) {
    if (!line) continue;
    const c = line.split(',');
    if (!f.has(c[0])) f.set(c[0], []);
    f.get(c[0]).push(Number(c[2]));
  }
  let smape = 0;
  let mase = 0;
  let n = 0;
  let nm = 0;
  for (const [id, { train, test }] of series) {
    const p = f.get(id);
    if (!p) continue;
    const k = Math.min(p.length, test.length);
    let s = 0;
    let e = 0;
    for (let i = 0; i < k; i++) {
      const d = Math.abs(test[i]) + Math.abs(p[i]);
      s += d === 0 ? 0 : (200 * Math.abs(test[i] - p[i])) / d;
      e += Math.abs(test[i] - p[i]);
    }
    let scale = 0;
    for (let t = M; t < train.length; t++) scale += Math.abs(train[t] - train[t - M]);
    scale /= train.length - M;
    smape += s / k;
    n += 1;
    if (scale > 0) {
      mase += e / k / scale;
      nm += 1;
    }
  }
  return { smape: smape / n, mase: mase / nm, series: n, rows: csvText.split('\n').filter((l) => l).length - 1 };
}

// 2. The browser.
if (!flag('--skip-browser')) {
  const { port, server } = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('a[href="/forecast"]').first().click();
    await page.fill('[data-testid="sf-horizon"]', String(H));
    await page.locator('[data-testid="sf-horizon"]').dispatchEvent('change');
    await page.fill('[data-testid="sf-season"]', String(M));
    await page.locator('[data-testid="sf-season"]').dispatchEvent('change');
    const before = uptime();
    const cpu0 = chromiumCpuSeconds();
    const t0 = Date.now();
    await page.locator('[data-testid="sf-file"]').setInputFiles(file);
    const summary = page.locator('[data-testid="sf-summary"]');
    await summary.waitFor({ timeout: 4 * 3600_000 });
    const wall = (Date.now() - t0) / 1000;
    const cpu = chromiumCpuSeconds() - cpu0;
    const after = uptime();
    const score_ = page.locator('[data-testid="sf-score"]');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="sf-download"]').click()]);
    const browserCsv = path.join(outDir, 'browser.csv');
    await dl.saveAs(browserCsv);
    result.browser = {
      worker_s: Number(await summary.getAttribute('data-millis')) / 1000,
      page_wall_s: wall,
      chromium_cpu_s: cpu,
      series: Number(await summary.getAttribute('data-series')),
      workers: Number(await summary.getAttribute('data-workers') || 1),
      shown_smape: Number(await score_.getAttribute('data-smape')),
      shown_mase: Number(await score_.getAttribute('data-mase')),
      csv: browserCsv,
      csv_score: score(fs.readFileSync(browserCsv, 'utf8')),
      uptime_before: before,
      uptime_after: after,
    };
    console.error(JSON.stringify(result.browser));
    await context.close();
  } finally {
    await browser.close();
    server.kill();
  }
}

// 3. Natively (one thread: the CLI forecasts the series one after another).
if (!flag('--skip-native')) {
  const nativeCsv = path.join(outDir, 'native.csv');
  const before = uptime();
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/time', ['-v', bin, 'forecast', file, '--horizon', String(H), '--season', String(M), '--out', nativeCsv], { encoding: 'utf8' });
  const wall = (Date.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`native run failed: ${r.stderr}`);
  const grab = (re) => {
    const m = r.stderr.match(re);
    return m ? m[1] : null;
  };
  result.native = {
    wall_s: wall,
    user_s: Number(grab(/User time \(seconds\): ([\d.]+)/)),
    sys_s: Number(grab(/System time \(seconds\): ([\d.]+)/)),
    cpu: grab(/Percent of CPU this job got: (\S+)/),
    max_rss_kb: Number(grab(/Maximum resident set size \(kbytes\): (\d+)/)),
    csv: nativeCsv,
    csv_score: score(fs.readFileSync(nativeCsv, 'utf8')),
    uptime_before: before,
    uptime_after: uptime(),
  };
  console.error(JSON.stringify(result.native));
}

// `--native-from DIR`: take the native run from an earlier `--skip-browser` run's result.json.
if (!result.native && opt('--native-from')) {
  result.native = JSON.parse(fs.readFileSync(path.join(path.resolve(opt('--native-from')), 'result.json'), 'utf8')).native;
}
if (result.browser && result.native) {
  const a = fs.readFileSync(result.browser.csv, 'utf8');
  const b = fs.readFileSync(result.native.csv, 'utf8');
  const la = a.split('\n');
  const lb = b.split('\n');
  let differ = 0;
  let maxRel = 0;
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] === lb[i]) continue;
    differ += 1;
    const x = (la[i] || '').split(',');
    const y = (lb[i] || '').split(',');
    for (let j = 2; j < 7; j++) {
      const u = Number(x[j]);
      const v = Number(y[j]);
      if (Number.isFinite(u) && Number.isFinite(v)) maxRel = Math.max(maxRel, Math.abs(u - v) / Math.max(1e-12, Math.abs(v)));
    }
  }
  result.compare = {
    identical_csv: a === b,
    rows_differing: differ,
    max_rel_diff: maxRel,
    ratio_browser_to_native_wall: result.browser.worker_s / result.native.wall_s,
    ratio_browser_to_native_cpu: result.browser.chromium_cpu_s / (result.native.user_s + result.native.sys_s),
  };
}
const out = JSON.stringify(result, null, 2);
fs.writeFileSync(path.join(outDir, 'result.json'), out);
console.log(out);
