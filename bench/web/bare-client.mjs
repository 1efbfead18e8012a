// The floor of any consumer: a socket.io-client that subscribes as an admin
// and only counts what arrives. Prints one JSON line on exit:
//   {"received":N,"alerts":N,"lag_ms":{...},"cpu_seconds":S,"peak_rss_kb":K}
// Lag is the same 10 ms probe as the app's EventLoopLagProbe (lateness of a
// 10 ms timer, the next due 10 ms after it ran, reset 2 s after start).
//
//   node bare-client.mjs --gateway http://127.0.0.1:PORT --token T --seconds S
import { io } from 'socket.io-client';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i]] = process.argv[i + 1];
const gateway = args['--gateway'];
const token = args['--token'];
const seconds = Number(args['--seconds']);
if (!gateway || !token || !(seconds > 0)) {
  console.error('usage: node bare-client.mjs --gateway URL --token T --seconds S');
  process.exit(2);
}

const lateness = [];
let expected = performance.now() + 10;
function tick() {
  const now = performance.now();
  lateness.push(Math.max(0, now - expected));
  expected = now + 10;
  setTimeout(tick, 10);
}
setTimeout(tick, 10);
setTimeout(() => { lateness.length = 0; }, 2000);

let received = 0;
let alerts = 0;
let connectError = null;
const socket = io(`${gateway}/meeting-metrics`, { auth: { token }, transports: ['websocket'] });
socket.on('connect', () => socket.emit('admin:subscribe'));
socket.on('connect_error', (err) => { connectError = err.message; });
socket.on('meeting:metrics:update', () => { received += 1; });
socket.on('meeting:alerts', () => { alerts += 1; });

function peakRssKb() {
  // VmHWM: the peak resident set, as getrusage's ru_maxrss in the app.
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : null;
}

function lagSummary() {
  if (lateness.length === 0) return { samples: 0, p50: null, p99: null, max: null };
  const sorted = Float64Array.from(lateness).sort();
  const at = (p) => Math.floor(sorted[Math.floor(p * (sorted.length - 1))] * 10) / 10;
  return { samples: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

setTimeout(() => {
  // The whole process's CPU time since it started, as the app's getrusage.
  const cpu = process.cpuUsage();
  socket.close();
  console.log(JSON.stringify({
    received, alerts, connect_error: connectError, lag_ms: lagSummary(),
    cpu_seconds: (cpu.user + cpu.system) / 1e6, peak_rss_kb: peakRssKb(),
  }));
  process.exit(0);
}, seconds * 1000);
