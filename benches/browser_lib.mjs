// Shared by the browser benchmarks: serve a build on 127.0.0.1 and sample Chromium's memory.
import { spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';

/** Serve `dist` with the e2e static server on a random port; returns { port, server }. */
export async function serve(dist) {
  const port = 18000 + Math.floor(Math.random() * 1000);
  const server = spawn('node', [path.resolve('tests/e2e/server.js'), '--dir', dist, '--port', String(port)], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  return { port, server };
}

/** Resident memory (bytes) of all Chromium processes, from /proc. */
export function chromiumRssBytes() {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      if (m) total += Number(m[1]) * 1024;
    } catch { /* process ended */ }
  }
  return total;
}
