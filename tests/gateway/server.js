'use strict';
// The plan's Phase 3 MeetingMetricsGateway (seed: p2p-meeting-room-monitoring.md,
// "3.1. Socket.IO Event Handlers"), as a plain socket.io 4 server instead of a
// NestJS @WebSocketGateway, so that the integration tests run the dashboard
// against the real protocol stack (engine.io, socket.io-parser, ws) and a real
// Redis.
//
// Environment:
//   PORT               TCP port on 127.0.0.1 (0 = any); "listening <port>" is
//                      printed on stdout once Redis and the server are ready
//   HOST               bind address (default 127.0.0.1: tests stay on loopback)
//   REDIS_URL          default redis://127.0.0.1:6379
//   ADMIN_TOKEN        handshake.auth.token of admins
//   PARTICIPANT_TOKEN  handshake.auth.token of participants (browsers)
//   PING_INTERVAL, PING_TIMEOUT  engine.io heartbeat, ms
//   MAX_PAYLOAD        maxHttpBufferSize, bytes (announced as maxPayload)
//   TEST_CONTROL=1     enables the /control/* HTTP API below (tests only)

const http = require('node:http');
const crypto = require('node:crypto');
const { URL } = require('node:url');
const { Server } = require('socket.io');
const { createClient } = require('redis');

const NAMESPACE = '/meeting-metrics';
const ADMIN_ROOM = 'admin-dashboard';
const METRICS_TTL_SECONDS = 300;
const MAX_CONTROL_BODY = 64 * 1024 * 1024;

function intFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`invalid ${name}: ${raw}`);
    process.exit(2);
  }
  return value;
}

const config = {
  port: intFromEnv('PORT', 0),
  host: process.env.HOST || '127.0.0.1',
  redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  adminToken: process.env.ADMIN_TOKEN || '',
  participantToken: process.env.PARTICIPANT_TOKEN || '',
  pingInterval: intFromEnv('PING_INTERVAL', 25000),
  pingTimeout: intFromEnv('PING_TIMEOUT', 20000),
  maxPayload: intFromEnv('MAX_PAYLOAD', 1000000),
  testControl: process.env.TEST_CONTROL === '1',
};

// What the tests read back through /control/stats.
const stats = {
  authAttempts: 0,      // namespace CONNECTs that reached the auth middleware
  authRejected: 0,
  adminConnections: 0,  // accepted admin CONNECTs since start
  participantConnections: 0,
  metricsReceived: 0,
  metricsStored: 0,
  metricsIgnored: 0,    // malformed `meeting:metrics` bodies
  alertsEmitted: 0,
  redisErrors: 0,
};

// A token matches only if one is configured; compared in constant time.
function tokenMatches(given, expected) {
  if (typeof given !== 'string' || expected === '') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function isNonEmptyString(value, maxLength) {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

const redis = createClient({ url: config.redisUrl });
// node-redis reconnects by itself; without an 'error' listener a lost Redis
// would crash the gateway.
redis.on('error', (err) => {
  stats.redisErrors += 1;
  console.error(`redis: ${err.message}`);
});

const httpServer = http.createServer(handleHttpRequest);
const io = new Server(httpServer, {
  pingInterval: config.pingInterval,
  pingTimeout: config.pingTimeout,
  maxHttpBufferSize: config.maxPayload,
  cors: { origin: '*' },
});
const nsp = io.of(NAMESPACE);

// Authentication as namespace middleware, so that a refusal is a proper
// CONNECT_ERROR (44/meeting-metrics,{"message":"unauthorized"}) and not a
// connect-then-disconnect.
nsp.use((socket, next) => {
  stats.authAttempts += 1;
  const auth = socket.handshake.auth || {};
  if (tokenMatches(auth.token, config.adminToken)) {
    socket.data.role = 'admin';
    stats.adminConnections += 1;
    return next();
  }
  if (tokenMatches(auth.token, config.participantToken) && isNonEmptyString(auth.userId, 128)) {
    socket.data.role = 'participant';
    socket.data.userId = auth.userId;
    socket.data.username = typeof auth.username === 'string' ? auth.username.slice(0, 256) : '';
    stats.participantConnections += 1;
    return next();
  }
  stats.authRejected += 1;
  return next(new Error('unauthorized'));
});

nsp.on('connection', (socket) => {
  socket.on('admin:subscribe', () => {
    // Only admins may read everybody's metrics.
    if (socket.data.role === 'admin') socket.join(ADMIN_ROOM);
  });

  socket.on('meeting:metrics', (data) => {
    if (socket.data.role !== 'participant') return;
    stats.metricsReceived += 1;
    handleMetrics(socket, data).catch((err) => {
      stats.redisErrors += 1;
      console.error(`meeting:metrics: ${err.message}`);
    });
  });
});

async function handleMetrics(socket, data) {
  // The plan destructures without checking; a browser can send anything, and
  // the gateway must not fall over on it. The metrics themselves are relayed
  // as received: validating them is the dashboard's job.
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    stats.metricsIgnored += 1;
    return;
  }
  const { meetingId } = data;
  const metrics = data.metrics === undefined ? null : data.metrics;
  if (typeof meetingId !== 'string' && typeof meetingId !== 'number') {
    stats.metricsIgnored += 1;
    return;
  }
  const userId = socket.data.userId;

  // As in the plan: store first (TTL 5 minutes), then broadcast; a failed
  // store fails the handler (NestJS would turn it into an exception).
  await redis.set(`meeting:${meetingId}:user:${userId}:metrics`, JSON.stringify(metrics), {
    EX: METRICS_TTL_SECONDS,
  });
  stats.metricsStored += 1;

  nsp.to(ADMIN_ROOM).emit('meeting:metrics:update', { meetingId, userId, metrics });
  checkAlerts(meetingId, userId, metrics);
}

function checkAlerts(meetingId, userId, metrics) {
  if (metrics === null || typeof metrics !== 'object') return;
  const alerts = [];
  if (metrics.avgLatency > 300) {
    alerts.push({
      type: 'high-latency',
      severity: 'warning',
      message: `User ${userId} has high latency: ${metrics.avgLatency}ms`,
    });
  }
  if (metrics.packetLossRate > 5) {
    alerts.push({
      type: 'packet-loss',
      severity: 'warning',
      message: `User ${userId} has high packet loss: ${metrics.packetLossRate}%`,
    });
  }
  if (metrics.connectionQuality === 'poor') {
    alerts.push({
      type: 'poor-connection',
      severity: 'critical',
      message: `User ${userId} has poor connection quality`,
    });
  }
  if (alerts.length > 0) {
    stats.alertsEmitted += 1;
    nsp.to(ADMIN_ROOM).emit('meeting:alerts', { meetingId, userId, alerts });
  }
}

// ---------------------------------------------------------------------------
// Test control API (TEST_CONTROL=1 only). engine.io hands us every request
// that is not under /socket.io/.
//   POST /control/raw[?binary=1]   body = one WebSocket message, sent as is to
//                                  every connected admin socket -> {sent}
//   POST /control/emit             body = {"event":..., "args":[...]} emitted
//                                  to the admin room -> {admins}
//   GET  /control/redis?key=K      -> {value: string|null, ttl}
//   GET  /control/admins           -> {connected, subscribed, ids}
//   GET  /control/stats            -> the counters above
//   POST /control/disconnect-admins  server-side disconnect(true) -> {closed}

function adminSockets() {
  return [...nsp.sockets.values()].filter((s) => s.data.role === 'admin');
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_CONTROL_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleControl(req, res, url) {
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'POST /control/raw': {
      const body = await readBody(req);
      const binary = url.searchParams.get('binary') === '1';
      let sent = 0;
      for (const socket of adminSockets()) {
        // Bypass engine.io and socket.io framing: the ws socket under the
        // websocket transport writes exactly these bytes as one message.
        const ws = socket.conn.transport && socket.conn.transport.socket;
        if (!ws || typeof ws.send !== 'function') continue;
        ws.send(binary ? body : body.toString('utf8'), { binary });
        sent += 1;
      }
      return sendJson(res, 200, { sent });
    }
    case 'POST /control/emit': {
      const body = JSON.parse((await readBody(req)).toString('utf8'));
      if (typeof body.event !== 'string' || !Array.isArray(body.args)) {
        return sendJson(res, 400, { error: 'need {event: string, args: array}' });
      }
      const admins = (await nsp.in(ADMIN_ROOM).fetchSockets()).length;
      nsp.to(ADMIN_ROOM).emit(body.event, ...body.args);
      return sendJson(res, 200, { admins });
    }
    case 'GET /control/redis': {
      const key = url.searchParams.get('key');
      if (!key) return sendJson(res, 400, { error: 'need ?key=' });
      const [value, ttl] = await Promise.all([redis.get(key), redis.ttl(key)]);
      return sendJson(res, 200, { value, ttl });
    }
    case 'GET /control/admins': {
      const admins = adminSockets();
      const room = nsp.adapter.rooms.get(ADMIN_ROOM);
      return sendJson(res, 200, {
        connected: admins.length,
        subscribed: room ? room.size : 0,
        ids: admins.map((s) => s.id),
      });
    }
    case 'GET /control/stats':
      return sendJson(res, 200, stats);
    case 'POST /control/disconnect-admins': {
      const admins = adminSockets();
      for (const socket of admins) socket.disconnect(true);
      return sendJson(res, 200, { closed: admins.length });
    }
    default:
      return sendJson(res, 404, { error: `no route ${route}` });
  }
}

function handleHttpRequest(req, res) {
  const url = new URL(req.url || '/', 'http://localhost');
  if (!config.testControl || !url.pathname.startsWith('/control/')) {
    return sendJson(res, 404, { error: 'not found' });
  }
  handleControl(req, res, url).catch((err) => {
    if (!res.headersSent) sendJson(res, 500, { error: err.message });
    else res.destroy();
  });
}

// ---------------------------------------------------------------------------

let shuttingDown = false;
function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: shutting down`);
  // Never hang on a wedged Redis or a slow client: the test harness waits.
  setTimeout(() => process.exit(0), 2000).unref();
  io.close(() => {
    redis
      .quit()
      .catch(() => {})
      .finally(() => process.exit(0));
  });
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('unhandledRejection', (err) => console.error(`unhandled rejection: ${err}`));

async function main() {
  // node-redis keeps retrying an unreachable Redis; give up instead, so the
  // harness sees an exit rather than a gateway that never gets ready.
  const startupGuard = setTimeout(() => {
    console.error(`startup failed: no Redis at ${config.redisUrl}`);
    process.exit(1);
  }, 10000);
  await redis.connect();
  clearTimeout(startupGuard);
  httpServer.on('error', (err) => {
    console.error(`http: ${err.message}`);
    process.exit(1);
  });
  httpServer.listen(config.port, config.host, () => {
    // The harness waits for exactly this line.
    console.log(`listening ${httpServer.address().port}`);
  });
}

main().catch((err) => {
  console.error(`startup failed: ${err.message}`);
  process.exit(1);
});
