// The yardstick for the live fan-out benchmark: a bare socket.io server that broadcasts each posted
// message to one room, with no database, no Redis and no sign-in. Started by live-fanout.mjs.
// Usage: node scripts/bench/live-bare-server.mjs PORT
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2] ?? 0);
const conversationId = randomUUID();
const topicId = randomUUID();
let seq = 0;

const http = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/post') {
    response.writeHead(404).end();

    return;
  }

  let raw = '';
  request.on('data', (chunk) => (raw += chunk));
  request.on('end', () => {
    const { body } = JSON.parse(raw);
    const now = new Date().toISOString();
    // The same shape as the api's comment.created envelope, so both send the same bytes.
    const comment = {
      id: randomUUID(),
      conversationId,
      topicId,
      parentId: null,
      rootId: conversationId,
      depth: 0,
      author: { id: randomUUID(), displayName: 'Участник 1', isDeleted: false },
      body,
      language: 'bg',
      status: 'visible',
      createdAt: now,
      editedAt: null,
      replyCount: 0,
      lastActivityAt: now,
      agree: 0,
      disagree: 0,
      myStance: null,
    };
    seq += 1;
    io.to('room').emit('comment.created', {
      conversationId,
      seq,
      topicId,
      type: 'comment.created',
      payload: { comment },
      createdAt: now,
    });
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(JSON.stringify(comment));
  });
});

const io = new Server(http, { path: '/socket.io', serveClient: false, transports: ['websocket'] });
io.on('connection', (socket) => {
  socket.on('conversation.join', (_request, ack) => {
    void socket.join('room');
    if (typeof ack === 'function') ack({ ok: true, conversationId, latestSeq: seq, replayed: 0 });
  });
});

http.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${http.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
