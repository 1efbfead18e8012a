// Meeting Monitor against the plan's web admin page and a bare
// socket.io-client, fed by the same load gateway, one rate at a time.
//
//   node bench/web/compare.mjs [--seconds 60] [--rates 1000,2000,5000,10000,20000,50000]
//        [--max-users 10000] [--app build/release/widgets/meeting-monitor]
//        [--consumers app,page,bare] [--json FILE]
//
// For each rate and each consumer it starts a fresh loadgateway.mjs (users =
// min(rate, max-users), so up to 10,000 users at 1 Hz and then faster), runs
// the consumer for the sending window plus GRACE_S seconds to drain, and
// reads:
//   sent      what the gateway emitted to that consumer while subscribed
//   received  app: samples_accepted of --print-stats; page: window.__received
//             (the page's handler ran); bare: messages counted
//   dropped   sent − received (still queued, or never processed in time)
//   lag       a 10 ms timer's lateness on the consumer's main/GUI thread
//   CPU       per 100,000 received samples, two ways (Chromium: all of its
//             processes): "whole run", the consumer's CPU seconds over its
//             whole run, start-up included (at low rates this is mostly
//             start-up); "steady", only what it used from the moment the
//             gateway started sending to it to the end of its run (the
//             drain), read from /proc/PID/stat. The ratios use "steady".
//   memory    app and bare: peak RSS; page: Chromium's summed Pss at the end
// Then the highest rate each sustained with no loss and lag p99 < 50 ms, and
// the ratios. It is a benchmark: it prints figures and asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { descendants } from './procfs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const GRACE_S = 6;
const TOKEN = 'web-bench-token';

const opts = {
  seconds: 60,
  rates: [1000, 2000, 5000, 10000, 20000, 50000],
  maxUsers: 10000,
  app: path.join(repo, 'build', 'release', 'widgets', 'meeting-monitor'),
  consumers: ['app', 'page', 'bare'],
  json: null,
  // Root may raise the priority of the gateway and of each consumer alike,
  // so that other work on the machine (builds) disturbs the figures less.
  nice: process.getuid && process.getuid() === 0 ? -10 : 0,
};
for (let i = 2; i < process.argv.length; i += 2) {
  const [name, value] = [process.argv[i], process.argv[i + 1]];
  if (value === undefined) usage(`${name} needs a value`);
  if (name === '--seconds') opts.seconds = Number(value);
  else if (name === '--rates') opts.rates = value.split(',').map(Number);
  else if (name === '--max-users') opts.maxUsers = Number(value);
  else if (name === '--app') opts.app = path.resolve(value);
  else if (name === '--consumers') opts.consumers = value.split(',');
  else if (name === '--json') opts.json = value;
  else if (name === '--nice') opts.nice = Number(value);
  else usage(`unknown option ${name}`);
}
if (!(opts.seconds > 0) || opts.rates.some((r) => !(r > 0)) ||
    opts.consumers.some((c) => !['app', 'page', 'bare'].includes(c))) {
  usage('bad --seconds, --rates or --consumers');
}
if (opts.consumers.includes('app') && !fs.existsSync(opts.app)) {
  usage(`no application at ${opts.app} (build it, or pass --app)`);
}
if (!fs.existsSync(path.join(here, 'node_modules', '.package-lock.json'))) {
  usage(`no npm packages in ${here}: run scripts/install-deps.sh (or npm ci there)`);
}

function usage(message) {
  console.error(`compare: ${message}\nusage: node compare.mjs [--seconds S] [--rates R1,R2,...] ` +
    '[--max-users N] [--app PATH] [--consumers app,page,bare] [--nice N] [--json FILE]');
  process.exit(2);
}

// Runs a process to its end (or kills it after timeoutS) and collects stdout.
// `onSpawn(child)` sees the child first (`nice` execs the command, so the
// child's pid is the command's).
function run(cmd, args, { env = process.env, timeoutS, onSpawn = null }) {
  return new Promise((resolve) => {
    const child = spawn('nice', ['-n', String(opts.nice), cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (onSpawn) onSpawn(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; if (err.length > 20000) err = err.slice(-10000); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err });
    });
  });
}

// Starts a gateway and resolves once it listens; `done` resolves with its
// final JSON when the sending window ends.
function startGateway(rate, users) {
  return new Promise((resolve, reject) => {
    // The gateway stands for a server on another machine: it runs 5 nice
    // levels above the consumer, so that it offers the rate even while the
    // consumer takes both cores of a 2-core box.
    const child = spawn('nice', ['-n', String(opts.nice - 5), process.execPath, path.join(here, 'loadgateway.mjs'), '--rate', String(rate),
      '--users', String(users), '--seconds', String(opts.seconds), '--token', TOKEN, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    let resolveDone;
    const done = new Promise((r) => { resolveDone = r; });
    child.stdout.on('data', (d) => {
      buffer += d;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const listening = /^listening (\d+)$/.exec(line);
        if (listening) resolve({ child, port: Number(listening[1]), done });
        if (line.startsWith('done ')) resolveDone(JSON.parse(line.slice(5)));
      }
    });
    child.on('exit', () => { resolveDone(null); reject(new Error('gateway exited early')); });
  });
}

async function stopGateway(gw) {
  if (gw.child.exitCode !== null) return;
  const exited = new Promise((r) => gw.child.once('exit', r));
  gw.child.kill('SIGTERM');
  const timer = setTimeout(() => gw.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}


// CPU seconds (utime + stime + cutime + cstime) of a consumer's processes,
// counted the way its whole-run figure is: the app and the bare client are
// their own process; for the page only Chromium's processes count, not the
// Node driver. null once the consumer is gone.
function consumerCpuSeconds(kind, rootPid) {
  const ticks = 100; // USER_HZ on Linux
  let cpu = 0;
  let alive = false;
  for (const pid of kind === 'page' ? descendants(rootPid) : [rootPid]) {
    try {
      if (kind === 'page' && !fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('chrom')) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (f[0] === 'Z') continue; // exited, not yet reaped: its counters are final but stale
      cpu += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / ticks;
      alive = true;
    } catch {
      // The process ended while we looked.
    }
  }
  return alive ? cpu : null;
}

// Samples a consumer's CPU every SAMPLE_MS from the moment the gateway has
// sent it its first sample (polled from /control/stats) until `endAtMs`,
// the end of its run's drain, or until it exits. stop() gives the CPU
// seconds in between, or null when sending never started while it ran.
const SAMPLE_MS = 100;
function steadyCpuSampler(kind, child, port, endAtMs) {
  let startCpu = null;
  let lastCpu = null;
  let stopped = false;
  let polling = false;
  const tick = async () => {
    if (stopped || polling || child.exitCode !== null || child.signalCode !== null) return;
    polling = true;
    try {
      if (startCpu === null) {
        const res = await fetch(`http://127.0.0.1:${port}/control/stats`);
        const g = await res.json();
        if (g.consumers.some((c) => c.samples > 0)) {
          startCpu = consumerCpuSeconds(kind, child.pid);
          lastCpu = startCpu;
        }
      } else if (Date.now() <= endAtMs) {
        const cpu = consumerCpuSeconds(kind, child.pid);
        if (cpu !== null) lastCpu = cpu;
      }
    } catch {
      // The gateway or the consumer went away meanwhile: keep the last reading.
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(tick, SAMPLE_MS);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      return startCpu !== null && lastCpu !== null ? lastCpu - startCpu : null;
    },
  };
}

function lastJsonLine(text, prefix = '') {
  const lines = text.split('\n').filter((l) => l.startsWith(prefix + '{'));
  if (lines.length === 0) return null;
  try {
    return JSON.parse(lines[lines.length - 1].slice(prefix.length));
  } catch {
    return null;
  }
}

async function runConsumer(kind, rate, users) {
  const gw = await startGateway(rate, users);
  const consumerSeconds = opts.seconds + GRACE_S;
  const url = `http://127.0.0.1:${gw.port}`;
  const r = { consumer: kind, rate, users, sent: null, received: null, lag: null, cpu: null,
    steadyCpu: null, memKb: null, error: null };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-web-bench-'));
  // Steady-state CPU ends half a second before the consumer's own end of
  // run, so that its exit (and the page's result collection) is left out.
  let sampler = null;
  const onSpawn = (child) => {
    sampler = steadyCpuSampler(kind, child, gw.port, Date.now() + consumerSeconds * 1000 - 500);
  };
  try {
    let res;
    if (kind === 'app') {
      const tokenFile = path.join(tmp, 'token');
      fs.writeFileSync(tokenFile, TOKEN, { mode: 0o600 });
      // The first user of the load gateway's fleet: its chart shows.
      res = await run(opts.app, ['--gateway', `ws://127.0.0.1:${gw.port}`, '--token-file', tokenFile,
        '--select', 'm-00000/u-000000', '--print-stats', '--quit-after', String(consumerSeconds)], {
        env: { ...process.env, QT_QPA_PLATFORM: 'offscreen',
          XDG_DATA_HOME: path.join(tmp, 'data'), XDG_CONFIG_HOME: path.join(tmp, 'config') },
        timeoutS: consumerSeconds + 60, onSpawn,
      });
      const s = lastJsonLine(res.out, 'stats ');
      if (s) {
        r.received = s.samples_accepted;
        r.rejected = s.rejected_total;
        r.lag = s.gui_lag_ms;
        r.cpu = s.cpu_seconds;
        r.memKb = s.peak_rss_kb;
      }
    } else if (kind === 'page') {
      res = await run(process.execPath, [path.join(here, 'drive-page.mjs'), '--gateway', url,
        '--token', TOKEN, '--seconds', String(consumerSeconds)], { timeoutS: consumerSeconds + 90, onSpawn });
      const s = lastJsonLine(res.out);
      if (s) {
        r.received = s.received;
        r.lag = s.lag_ms;
        r.cpu = s.cpu_seconds;
        r.memKb = s.pss_kb;
        r.readDelayMs = s.read_delay_ms;
        if (s.error) r.error = s.error;
      }
    } else {
      res = await run(process.execPath, [path.join(here, 'bare-client.mjs'), '--gateway', url,
        '--token', TOKEN, '--seconds', String(consumerSeconds)], { timeoutS: consumerSeconds + 30, onSpawn });
      const s = lastJsonLine(res.out);
      if (s) {
        r.received = s.received;
        r.lag = s.lag_ms;
        r.cpu = s.cpu_seconds;
        r.memKb = s.peak_rss_kb;
      }
    }
    r.steadyCpu = sampler ? sampler.stop() : null;
    if (r.received === null && r.error === null) {
      r.error = `no result (exit ${res.code ?? res.signal}): ${res.err.trim().split('\n').slice(-3).join(' | ')}`;
    }
    const g = await Promise.race([gw.done, new Promise((ok) => setTimeout(() => ok(null), 5000))]);
    if (g) {
      const c = g.consumers.find((x) => x.samples > 0) || g.consumers[0];
      r.sent = c ? c.samples : 0;
      r.offered = g.sent_samples;
      r.gatewayRate = g.achieved_rate;
      r.gatewayCpu = g.gateway_cpu_seconds;
      r.gatewayLoopP99 = g.gateway_loop_delay_ms ? g.gateway_loop_delay_ms.p99 : null;
    } else if (r.error === null) {
      r.error = 'the gateway never finished its sending window';
    }
  } finally {
    if (sampler) sampler.stop();
    await stopGateway(gw);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return r;
}

// Lossless, lag p99 under 50 ms, and the gateway really offered the rate
// (≥ 99 % of rate × seconds): a starved gateway proves nothing.
function sustained(r) {
  return r.error === null && r.sent !== null && r.received !== null && r.sent > 0 &&
    r.received >= r.sent && r.lag && r.lag.p99 !== null && r.lag.p99 < 50 &&
    r.offered >= 0.99 * r.rate * opts.seconds;
}

const fmt = (v, digits = 0) => (v === null || v === undefined || Number.isNaN(v) ? '—'
  : Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const per100k = (r) => (r.cpu !== null && r.received > 0 ? (r.cpu * 100000) / r.received : null);
const steadyPer100k = (r) => (r.steadyCpu !== null && r.received > 0 ? (r.steadyCpu * 100000) / r.received : null);

const loadAvg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const cpuModel = (/model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8')) || [])[1] || 'unknown';
console.log(`machine: ${os.cpus().length} CPUs (nproc), ${cpuModel}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ` +
  `load average at start ${loadAvg()}`);
console.log(`command: node bench/web/compare.mjs ${process.argv.slice(2).join(' ')}`.trim());
console.log(`${opts.seconds} s of sending per run, then ${GRACE_S} s to drain; consumers at nice ${opts.nice}, the gateway at ${opts.nice - 5}\n`);

if (opts.consumers.includes('page')) {
  // Build the plan's page from its sources every time, so that what runs is
  // what is in the tree.
  const vite = path.join(here, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = await run(process.execPath, [vite, 'build', path.join(here, 'plan-page')], { timeoutS: 300 });
  if (built.code !== 0) {
    console.error(`vite build failed:\n${built.out}${built.err}`);
    process.exit(1);
  }
}

const results = [];
const header = '| rate/s | users | consumer | sent | received | dropped | lag p50 / p99 / max (ms) | CPU s per 100k, whole run | CPU s per 100k, steady | memory MB | gateway rate/s, CPU % |';
console.log(header);
console.log('|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---|');
for (const rate of opts.rates) {
  const users = Math.min(rate, opts.maxUsers);
  for (const kind of opts.consumers) {
    const r = await runConsumer(kind, rate, users);
    r.loadAfter = os.loadavg()[0];
    results.push(r);
    const lag = r.lag && r.lag.p99 !== null ? `${fmt(r.lag.p50, 1)} / ${fmt(r.lag.p99, 1)} / ${fmt(r.lag.max, 1)}` : '—';
    const name = { app: 'Meeting Monitor', page: "plan's page", bare: 'bare client' }[kind];
    console.log(`| ${fmt(rate)} | ${fmt(users)} | ${name} | ${fmt(r.sent)} | ${fmt(r.received)} | ` +
      `${r.sent !== null && r.received !== null ? fmt(r.sent - r.received) : '—'} | ${lag} | ${fmt(per100k(r), 2)} | ` +
      `${fmt(steadyPer100k(r), 2)} | ` +
      `${r.memKb !== null ? fmt(r.memKb / 1024) : '—'} | ${fmt(r.gatewayRate)}, ` +
      `${r.gatewayCpu !== null && r.gatewayCpu !== undefined ? fmt((100 * r.gatewayCpu) / opts.seconds) : '—'} % |` +
      (r.error ? ` error: ${r.error}` : ''));
  }
}

const best = {};
for (const kind of opts.consumers) {
  best[kind] = Math.max(0, ...results.filter((r) => r.consumer === kind && sustained(r)).map((r) => r.rate));
}
console.log('\nhighest rate with no loss and lag p99 < 50 ms:');
for (const kind of opts.consumers) console.log(`  ${kind}: ${best[kind] ? fmt(best[kind]) + ' samples/s' : 'none of the rates run'}`);

const at = (kind, rate) => results.find((r) => r.consumer === kind && r.rate === rate);
if (best.app && best.page) console.log(`app vs page, highest lossless rate: ${(best.app / best.page).toFixed(1)}×`);
else if (best.app && opts.consumers.includes('page')) console.log('app vs page, highest lossless rate: the page sustained none of the rates');
console.log('CPU per 100k samples (steady: from the first sample sent to the end of the drain), at each rate:');
for (const rate of opts.rates) {
  const parts = [];
  const app = at('app', rate);
  const page = at('page', rate);
  const bare = at('bare', rate);
  if (app && page && steadyPer100k(app) && steadyPer100k(page)) parts.push(`page ÷ app ${(steadyPer100k(page) / steadyPer100k(app)).toFixed(1)}×`);
  if (app && bare && steadyPer100k(app) && steadyPer100k(bare)) parts.push(`app ÷ bare client ${(steadyPer100k(app) / steadyPer100k(bare)).toFixed(2)}×`);
  if (parts.length) console.log(`  ${fmt(rate)}/s: ${parts.join(', ')}`);
}
console.log(`load average at end ${loadAvg()}`);
if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ opts, results, best }, null, 2));
