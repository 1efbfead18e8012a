// Load gateway for the web comparison benchmark: a real socket.io 4 server
// that speaks the gateway contract (../../../shared/docs/gateway-contract.md)
// and drives every subscribed admin with U users at R samples per second.
//
//   node loadgateway.mjs --rate 50000 --users 10000 --seconds 60 --token T
//        [--port 0] [--seed 7] [--alerts-share 0.02]
//        [--burst-at S --burst-seconds N --burst-factor F] [--log-subscribe 1]
//
// - Namespace /meeting-metrics, auth by `handshake.auth.token`, a refused
//   CONNECT is a CONNECT_ERROR "unauthorized", `admin:subscribe` joins the
//   admin room: the same as tests/gateway/server.js and the plan's gateway.
// - One `meeting:metrics:update` {meetingId, userId, metrics} per sample, the
//   plan's UserMetrics shape, and `meeting:alerts` whenever a sample crosses
//   the plan's alert rules, exactly as the plan's checkAlerts() emits them.
//   The contract has no batched event, so there is none here.
// - Users sit in meetings of realistic sizes (mostly 2–8, a few up to 40).
//   Samples go to users round robin, so each user sends R/U per second, and
//   they are spread evenly over each second (a 5 ms tick that catches up
//   to rate × elapsed time), not sent as one burst per second.
// - Sending starts when the first admin subscribes and stops after
//   --seconds. With --burst-at S, the rate is F times R from S to S + N
//   seconds after that start (the soak harness's 10x burst, bench/soak).
//   With --log-subscribe 1, every `admin:subscribe` also prints a line
//   "subscribed SOCKET_ID" (the soak harness times reconnections by it). The gateway then keeps serving (a slow consumer still
//   drains what is queued for it) until SIGTERM/SIGINT.
//
// stdout: "listening PORT" once ready, then one line "done {json}" when the
// sending window ends. GET /control/stats returns the same JSON at any time:
// what was sent to each consumer, the achieved rate, the gateway's own CPU
// and event-loop delay, and what is still queued per consumer.
import http from 'node:http';
import crypto from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { prng } from './prng.mjs';

const NAMESPACE = '/meeting-metrics';
const ADMIN_ROOM = 'admin-dashboard';
const TICK_MS = 5;

function parseArgs(argv) {
  const opts = { port: 0, rate: 1000, users: 0, seconds: 20, token: '', seed: 7, alertsShare: 0.02,
    burstAt: -1, burstSeconds: 0, burstFactor: 1, logSubscribe: 0 };
  const names = { '--port': 'port', '--rate': 'rate', '--users': 'users', '--seconds': 'seconds',
    '--token': 'token', '--seed': 'seed', '--alerts-share': 'alertsShare',
    '--burst-at': 'burstAt', '--burst-seconds': 'burstSeconds', '--burst-factor': 'burstFactor',
    '--log-subscribe': 'logSubscribe' };
  for (let i = 2; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key || i + 1 >= argv.length) {
      console.error(`usage: node loadgateway.mjs --rate R [--users U] [--seconds S] --token T ` +
        `[--port P] [--seed N] [--alerts-share F] [--burst-at S --burst-seconds N ` +
        `--burst-factor F] [--log-subscribe 1]   (bad argument: ${argv[i]})`);
      process.exit(2);
    }
    opts[key] = key === 'token' ? argv[i + 1] : Number(argv[i + 1]);
    if (key !== 'token' && !Number.isFinite(opts[key])) {
      console.error(`${argv[i]} takes a number`);
      process.exit(2);
    }
  }
  if (opts.token === '') {
    console.error('--token is required: the gateway refuses admins without one');
    process.exit(2);
  }
  if (opts.users <= 0) opts.users = Math.min(opts.rate, 10000);
  if (opts.rate <= 0 || opts.seconds <= 0) {
    console.error('--rate and --seconds must be positive');
    process.exit(2);
  }
  if (opts.burstAt >= 0 && (opts.burstSeconds <= 0 || opts.burstFactor <= 0)) {
    console.error('--burst-at needs a positive --burst-seconds and --burst-factor');
    process.exit(2);
  }
  return opts;
}

const opts = parseArgs(process.argv);

// Seeded so that every consumer sees the same fleet.
const rand = prng(opts.seed);

// Meeting sizes: most calls are small, a few are large (all-hands, classes).
function meetingSize() {
  const r = rand();
  if (r < 0.35) return 2;
  if (r < 0.6) return 3 + Math.floor(rand() * 2);   // 3–4
  if (r < 0.85) return 5 + Math.floor(rand() * 4);  // 5–8
  if (r < 0.97) return 9 + Math.floor(rand() * 8);  // 9–16
  return 17 + Math.floor(rand() * 24);              // 17–40
}

// Network profiles: base latency (ms), loss (%), upload/download (kbps).
const PROFILES = [
  { lat: 18, loss: 0.1, up: 2500, down: 4000, jit: 2 },   // fibre
  { lat: 45, loss: 0.5, up: 1500, down: 2500, jit: 6 },   // office wifi
  { lat: 90, loss: 1.5, up: 800, down: 1400, jit: 15 },   // 4G
  { lat: 620, loss: 2.0, up: 600, down: 900, jit: 40 },   // satellite
];

function qualityOf(latency, loss) {
  if (latency < 100 && loss < 1) return 'excellent';
  if (latency < 200 && loss < 3) return 'good';
  if (latency < 400 && loss < 5) return 'fair';
  return 'poor';
}

const users = [];
{
  let meetingIndex = 0;
  while (users.length < opts.users) {
    const size = Math.min(meetingSize(), opts.users - users.length);
    const meetingId = `m-${String(meetingIndex).padStart(5, '0')}`;
    for (let k = 0; k < size; ++k) {
      const i = users.length;
      // Troubled users (satellite links, or a bad 4G cell) are the ones the
      // plan's gateway raises alerts for.
      const troubled = rand() < opts.alertsShare;
      const profile = troubled ? PROFILES[3] : PROFILES[Math.floor(rand() * 3)];
      users.push({
        meetingId,
        userId: `u-${String(i).padStart(6, '0')}`,
        username: `User ${i}`,
        profile,
        lat: profile.lat * (0.8 + rand() * 0.4),
        loss: profile.loss,
        up: profile.up * (0.7 + rand() * 0.6),
        down: profile.down * (0.7 + rand() * 0.6),
      });
    }
    meetingIndex += 1;
  }
}
const meetingCount = new Set(users.map((u) => u.meetingId)).size;

const round1 = (x) => Math.round(x * 10) / 10;

// One sample of the plan's UserMetrics: a cheap random walk around the
// user's profile, so values change every second as real ones do.
function nextMetrics(u) {
  const p = u.profile;
  u.lat = Math.max(1, u.lat + (rand() - 0.5) * p.jit * 0.5 + (p.lat - u.lat) * 0.05);
  u.loss = Math.max(0, p.loss * (0.5 + rand()));
  u.up = Math.max(50, u.up + (rand() - 0.5) * p.up * 0.05);
  u.down = Math.max(50, u.down + (rand() - 0.5) * p.down * 0.05);
  const avgLatency = round1(u.lat);
  const packetLossRate = round1(u.loss);
  return {
    userId: u.userId,
    username: u.username,
    meetingId: u.meetingId,
    totalUpload: Math.round(u.up),
    totalDownload: Math.round(u.down),
    avgLatency,
    minLatency: round1(avgLatency * 0.8),
    maxLatency: round1(avgLatency * 1.3),
    packetLossRate,
    connectionQuality: qualityOf(avgLatency, packetLossRate),
    jitter: round1(p.jit * (0.5 + rand())),
    timestamp: Date.now(),
  };
}

// The plan's checkAlerts(), verbatim in substance.
function alertsFor(userId, metrics) {
  const alerts = [];
  if (metrics.avgLatency > 300) {
    alerts.push({ type: 'high-latency', severity: 'warning',
      message: `User ${userId} has high latency: ${metrics.avgLatency}ms` });
  }
  if (metrics.packetLossRate > 5) {
    alerts.push({ type: 'packet-loss', severity: 'warning',
      message: `User ${userId} has high packet loss: ${metrics.packetLossRate}%` });
  }
  if (metrics.connectionQuality === 'poor') {
    alerts.push({ type: 'poor-connection', severity: 'critical',
      message: `User ${userId} has poor connection quality` });
  }
  return alerts;
}

function tokenMatches(given) {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(opts.token, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const httpServer = http.createServer(handleHttp);
const io = new Server(httpServer, { cors: { origin: '*' } });
const nsp = io.of(NAMESPACE);

nsp.use((socket, next) => {
  if (tokenMatches((socket.handshake.auth || {}).token)) return next();
  return next(new Error('unauthorized'));
});

// Per consumer (socket id): what was sent to it while it was subscribed.
const consumers = new Map();
let sending = null; // { startNs, endNs, timer }
let sentSamples = 0;
let sentAlerts = 0;
let nextUser = 0;
let maxBehind = 0; // most samples the tick loop was ever behind rate × time
let sentAtBurstStart = null; // sentSamples when the burst began / ended
let sentAtBurstEnd = null;
let cpuAtStart = null;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

nsp.on('connection', (socket) => {
  socket.on('admin:subscribe', () => {
    if (opts.logSubscribe) console.log(`subscribed ${socket.id}`);
    socket.join(ADMIN_ROOM);
    if (!consumers.has(socket.id)) {
      consumers.set(socket.id, { socket, samples: 0, alerts: 0, connected: true });
    }
    if (sending === null) startSending();
  });
  socket.on('disconnect', () => {
    const c = consumers.get(socket.id);
    if (c) c.connected = false;
  });
});

function subscribedConsumers() {
  const room = nsp.adapter.rooms.get(ADMIN_ROOM);
  if (!room) return [];
  const out = [];
  for (const id of room) {
    const c = consumers.get(id);
    if (c) out.push(c);
  }
  return out;
}

function startSending() {
  const startNs = process.hrtime.bigint();
  sending = { startNs, endNs: startNs + BigInt(Math.round(opts.seconds * 1e9)), timer: null, done: false };
  cpuAtStart = process.cpuUsage();
  loopDelay.enable();
  sending.timer = setInterval(onTick, TICK_MS);
}

// Samples due `elapsed` seconds after the start: R per second, F times R
// during the burst.
function dueAt(elapsed) {
  let due = opts.rate * elapsed;
  if (opts.burstAt >= 0 && elapsed > opts.burstAt) {
    due += (opts.burstFactor - 1) * opts.rate * Math.min(elapsed - opts.burstAt, opts.burstSeconds);
  }
  return Math.floor(due);
}

function rateAt(elapsed) {
  const inBurst = opts.burstAt >= 0 && elapsed >= opts.burstAt
    && elapsed < opts.burstAt + opts.burstSeconds;
  return inBurst ? opts.rate * opts.burstFactor : opts.rate;
}

function onTick() {
  const now = process.hrtime.bigint();
  const finished = now >= sending.endNs;
  const elapsed = Number((finished ? sending.endNs : now) - sending.startNs) / 1e9;
  const due = dueAt(elapsed);
  if (opts.burstAt >= 0) {
    if (sentAtBurstStart === null && elapsed >= opts.burstAt) sentAtBurstStart = sentSamples;
    if (sentAtBurstEnd === null && elapsed >= opts.burstAt + opts.burstSeconds) sentAtBurstEnd = sentSamples;
  }
  if (due - sentSamples > maxBehind) maxBehind = due - sentSamples;
  // A gateway that fell behind (a starved CPU) catches up at most 50 ms of
  // samples per tick, so its event loop stays responsive; what it could
  // not send shows as an achieved rate below the target, never as loss.
  const count = Math.min(due - sentSamples, Math.max(1, Math.ceil(rateAt(elapsed) * 0.05)));
  if (count > 0) {
    // Room membership cannot change inside this synchronous loop, so every
    // consumer subscribed now receives exactly these `count` samples.
    const targets = subscribedConsumers();
    const room = nsp.to(ADMIN_ROOM);
    let alerts = 0;
    for (let i = 0; i < count; ++i) {
      const u = users[nextUser];
      nextUser = nextUser + 1 === users.length ? 0 : nextUser + 1;
      const metrics = nextMetrics(u);
      room.emit('meeting:metrics:update', { meetingId: u.meetingId, userId: u.userId, metrics });
      const a = alertsFor(u.userId, metrics);
      if (a.length > 0) {
        room.emit('meeting:alerts', { meetingId: u.meetingId, userId: u.userId, alerts: a });
        alerts += 1;
      }
    }
    sentSamples += count;
    sentAlerts += alerts;
    for (const c of targets) {
      c.samples += count;
      c.alerts += alerts;
    }
  }
  if (finished) {
    clearInterval(sending.timer);
    sending.done = true;
    sending.wallSeconds = Number(process.hrtime.bigint() - sending.startNs) / 1e9;
    sending.cpu = process.cpuUsage(cpuAtStart);
    loopDelay.disable();
    console.log(`done ${JSON.stringify(stats())}`);
  }
}

function stats() {
  const s = {
    rate: opts.rate,
    users: users.length,
    meetings: meetingCount,
    seconds: opts.seconds,
    sending: sending === null ? 'waiting' : sending.done ? 'done' : 'running',
    sent_samples: sentSamples,
    sent_alerts: sentAlerts,
    max_behind_samples: maxBehind,
    consumers: [...consumers.entries()].map(([id, c]) => {
      const ws = c.socket.conn && c.socket.conn.transport && c.socket.conn.transport.socket;
      return {
        id,
        connected: c.connected,
        samples: c.samples,
        alerts: c.alerts,
        // Still queued for this consumer: engine.io's buffer (packets) and
        // the websocket's (bytes). A consumer that keeps up has ~0 here.
        queued_packets: c.socket.conn ? c.socket.conn.writeBuffer.length : null,
        queued_bytes: ws && typeof ws.bufferedAmount === 'number' ? ws.bufferedAmount : null,
      };
    }),
  };
  if (opts.burstAt >= 0) {
    s.burst = { at: opts.burstAt, seconds: opts.burstSeconds, factor: opts.burstFactor,
      sent_at_start: sentAtBurstStart, sent_at_end: sentAtBurstEnd };
  }
  if (sending && sending.done) {
    s.wall_seconds = sending.wallSeconds;
    s.achieved_rate = sentSamples / opts.seconds; // the mean, burst included
    s.gateway_cpu_seconds = (sending.cpu.user + sending.cpu.system) / 1e6;
    s.gateway_loop_delay_ms = {
      p50: loopDelay.percentile(50) / 1e6,
      p99: loopDelay.percentile(99) / 1e6,
      max: loopDelay.max / 1e6,
    };
  }
  return s;
}

function handleHttp(req, res) {
  const url = new URL(req.url || '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/control/stats') {
    const text = JSON.stringify(stats());
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
    return;
  }
  res.writeHead(404);
  res.end();
}

function shutdown() {
  setTimeout(() => process.exit(0), 1000).unref();
  io.close(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

httpServer.on('error', (err) => {
  console.error(`http: ${err.message}`);
  process.exit(1);
});
httpServer.listen(opts.port, '127.0.0.1', () => {
  console.log(`listening ${httpServer.address().port}`);
});
