// Drives the plan's admin page (plan-page/dist, built by `vite build`) in
// Debian's headless Chromium through playwright-core, against a running
// gateway, and prints one JSON line:
//   {"received":N,"alerts":N,"lag_ms":{"samples","p50","p99","max"},
//    "cpu_seconds":S,"pss_kb":K,"rows":N,...}
//
//   node drive-page.mjs --gateway http://127.0.0.1:PORT --token T --seconds S
//        [--chromium /usr/bin/chromium]
//
// - The page is served by a static server inside this process, on loopback.
// - Lag: a 10 ms timer on the page's main thread, injected before the page's
//   own scripts; lateness = when it ran − when it was due, the next one due
//   10 ms after it actually ran: the definition of the app's
//   EventLoopLagProbe, in the same 0.1 ms buckets, reset 2 s after start
//   as the app resets its probe 2 s after start.
// - CPU: utime + stime from /proc/<pid>/stat of every Chromium process
//   (browser, renderer, GPU, network, utility), summed over the whole run
//   (start-up included, as the app's getrusage figure is), plus the time of
//   Chromium children that already exited (cutime + cstime).
// - Memory: the sum of every Chromium process's proportional set size (Pss,
//   /proc/<pid>/smaps_rollup) at the end, so shared pages count once.
// - Never a downloaded browser: executablePath is Debian's chromium.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { descendants } from './procfs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i]] = process.argv[i + 1];
const gateway = args['--gateway'];
const token = args['--token'];
const seconds = Number(args['--seconds']);
const executablePath = args['--chromium'] || '/usr/bin/chromium';
const dist = path.join(here, 'plan-page', 'dist');
if (!gateway || !token || !(seconds > 0)) {
  console.error('usage: node drive-page.mjs --gateway URL --token T --seconds S [--chromium PATH]');
  process.exit(2);
}
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`no built page in ${dist}: run "npx vite build plan-page" in ${here}`);
  process.exit(2);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
function serveStatic() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(dist, rel);
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// The lag probe, injected before any of the page's scripts run.
const PROBE = `(() => {
  const BUCKETS_PER_MS = 10, MAX_MS = 10000;
  let buckets = new Uint32Array(MAX_MS * BUCKETS_PER_MS + 1), count = 0, maxMs = 0;
  let expected = performance.now() + 10;
  const tick = () => {
    const now = performance.now();
    const late = Math.max(0, now - expected);
    expected = now + 10;
    buckets[Math.min(Math.floor(late * BUCKETS_PER_MS), buckets.length - 1)] += 1;
    count += 1;
    if (late > maxMs) maxMs = late;
    setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
  setTimeout(() => { buckets.fill(0); count = 0; maxMs = 0; }, 2000);
  window.__lag = () => {
    if (count === 0) return { samples: 0, p50: null, p99: null, max: null };
    const pct = (p) => {
      const rank = Math.floor(p * (count - 1));
      let seen = 0;
      for (let i = 0; i < buckets.length; ++i) { seen += buckets[i]; if (seen > rank) return i / BUCKETS_PER_MS; }
      return maxMs;
    };
    return { samples: count, p50: pct(0.5), p99: pct(0.99), max: maxMs };
  };
})();`;


function chromiumUsage() {
  const ticks = 100; // USER_HZ on Linux
  let cpu = 0;
  let pssKb = 0;
  let processes = 0;
  for (const pid of descendants(process.pid)) {
    try {
      const comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (!comm.startsWith('chrom')) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14–17 of stat(5): utime stime cutime cstime; f[0] is field 3.
      cpu += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / ticks;
      const m = /Pss:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) pssKb += Number(m[1]);
      processes += 1;
    } catch {
      // The process ended while we looked.
    }
  }
  return { cpu, pssKb, processes };
}

// A renderer that is flooded may take long to answer; never hang on it.
function withTimeout(promise, ms, fallback) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

const server = await serveStatic();
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--disable-gpu', '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
});
const result = { received: null, alerts: null, lag_ms: null, cpu_seconds: null, pss_kb: null, rows: null };
try {
  const page = await browser.newPage();
  await page.addInitScript(PROBE);
  const pageUrl = `http://127.0.0.1:${server.address().port}/?gateway=${encodeURIComponent(gateway)}` +
    `&token=${encodeURIComponent(token)}`;
  const started = Date.now();
  await page.goto(pageUrl, { waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000 - (Date.now() - started))));
  // Read everything in one evaluate, so a starved renderer answers once.
  const askedAt = Date.now();
  const read = await withTimeout(page.evaluate(() => ({
    received: window.__received,
    alerts: window.__alerts,
    lag: window.__lag(),
    rows: document.querySelectorAll('.space-y-2 > div').length,
  })), 30000, null);
  if (read !== null) {
    result.received = read.received;
    result.alerts = read.alerts;
    result.lag_ms = read.lag;
    result.rows = read.rows;
    // How long a flooded page took to answer: it kept processing meanwhile.
    result.read_delay_ms = Date.now() - askedAt;
  } else {
    result.error = 'the page did not answer within 30 s';
  }
  const usage = chromiumUsage();
  result.cpu_seconds = usage.cpu;
  result.pss_kb = usage.pssKb;
  result.chromium_processes = usage.processes;
} finally {
  await withTimeout(browser.close(), 10000, null);
  server.close();
}
console.log(JSON.stringify(result));
process.exit(0);
