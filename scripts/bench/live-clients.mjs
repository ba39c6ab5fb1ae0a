// Socket clients for the live fan-out benchmark, in a process of their own; driven over IPC by
// live-fanout.mjs. Records when each client received each comment and, at the end of a phase,
// turns that into latencies from the moment each POST was answered.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const now = () => performance.timeOrigin + performance.now();
let sockets = [];
/** comment id -> receipt time per client (NaN until received). */
let receipts = new Map();
let duplicates = 0;

function record(index, envelope) {
  const id = envelope.payload.comment.id;
  let times = receipts.get(id);
  if (!times) {
    times = new Float64Array(sockets.length).fill(Number.NaN);
    receipts.set(id, times);
  }

  if (!Number.isNaN(times[index])) duplicates += 1;
  times[index] = now();
}

function connectOne(url, conversationId, index) {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      timeout: 60_000,
    });
    sockets[index] = socket;
    socket.on('comment.created', (envelope) => record(index, envelope));
    socket.once('connect_error', reject);
    socket.once('connect', () => {
      socket.timeout(60_000).emit('conversation.join', { conversationId }, (error, reply) => {
        if (error || !reply?.ok) reject(error ?? new Error(JSON.stringify(reply)));
        else resolve();
      });
    });
  });
}

async function connect({ url, conversationId, clients }) {
  const started = now();
  sockets = new Array(clients);
  for (let first = 0; first < clients; first += 100) {
    const batch = [];
    for (let index = first; index < Math.min(first + 100, clients); index++) {
      batch.push(connectOne(url, conversationId, index));
    }

    await Promise.all(batch);
  }

  return { connected: sockets.filter((socket) => socket.connected).length, ms: now() - started };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;

  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Waits until every client has every post, or the deadline passes. */
async function settle(posts, deadlineMs) {
  const deadline = now() + deadlineMs;
  const isComplete = () =>
    posts.every(({ id }) => receipts.get(id)?.every((time) => !Number.isNaN(time)));
  while (!isComplete() && now() < deadline) await new Promise((r) => setTimeout(r, 200));
}

async function report({ posts, deadlineMs }) {
  await settle(posts, deadlineMs);
  const latencies = new Float64Array(posts.length * sockets.length);
  let count = 0;
  let missing = 0;
  for (const { id, at } of posts) {
    const times = receipts.get(id);
    for (let index = 0; index < sockets.length; index++) {
      const time = times?.[index];
      if (time === undefined || Number.isNaN(time)) missing += 1;
      else latencies[count++] = time - at;
    }
  }

  const sorted = latencies.subarray(0, count).sort();
  const result = {
    expected: posts.length * sockets.length,
    delivered: count,
    missing,
    duplicates,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[count - 1],
  };
  receipts = new Map();
  duplicates = 0;

  return result;
}

function close() {
  for (const socket of sockets) socket?.disconnect();
  sockets = [];

  return { closed: true };
}

const commands = { connect, report, close };
process.on('message', async (message) => {
  try {
    process.send({ id: message.id, result: await commands[message.command](message.args) });
  } catch (error) {
    process.send({ id: message.id, error: String(error?.message ?? error) });
  }
});
