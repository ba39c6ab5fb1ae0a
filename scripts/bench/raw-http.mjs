// A lean HTTP/1.1 client for load benchmarks: requests are written as prepared bytes on kept-alive
// sockets, one request at a time per socket, and only the status line, Content-Length and body
// end are read. It costs the benchmark a fraction of what fetch costs, which matters when the
// load generator shares the machine's cores with the server it measures.
import net from 'node:net';

const headerEnd = Buffer.from('\r\n\r\n');
const chunkedEnd = Buffer.from('0\r\n\r\n');

/** The bytes of one request, prepared before the clock starts. */
export function requestBytes(method, path, headers, body) {
  const payload = body === undefined ? '' : JSON.stringify(body);
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'host: 127.0.0.1',
    'connection: keep-alive',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ...(payload ? ['content-type: application/json'] : []),
    `content-length: ${Buffer.byteLength(payload)}`,
  ];

  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${payload}`);
}

/** Reads one response from `buffer`; null until it is complete. */
function parseResponse(buffer) {
  const end = buffer.indexOf(headerEnd);
  if (end < 0) return null;
  const head = buffer.subarray(0, end).toString('latin1');
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const bodyStart = end + headerEnd.length;
  if (length) {
    const total = bodyStart + Number(length[1]);

    return buffer.length >= total ? { status, used: total } : null;
  }

  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const last = buffer.indexOf(chunkedEnd, bodyStart);

    return last < 0 ? null : { status, used: last + chunkedEnd.length };
  }

  return { status, used: bodyStart };
}

/** Sends prepared requests to host:port, opening a new socket whenever none is idle. */
export function rawClient(host, port) {
  const idle = [];
  const sockets = new Set();

  function open() {
    const socket = net.connect({ host, port, noDelay: true });
    const connection = { socket, waiting: null, buffer: Buffer.alloc(0) };
    sockets.add(connection);
    socket.on('data', (chunk) => {
      connection.buffer = connection.buffer.length
        ? Buffer.concat([connection.buffer, chunk])
        : chunk;
      const response = connection.waiting && parseResponse(connection.buffer);
      if (!response) return;
      connection.buffer = connection.buffer.subarray(response.used);
      const { resolve } = connection.waiting;
      connection.waiting = null;
      idle.push(connection);
      resolve(response.status);
    });
    const fail = (error) => {
      sockets.delete(connection);
      const index = idle.indexOf(connection);
      if (index >= 0) idle.splice(index, 1);
      connection.waiting?.reject(error ?? new Error('The server closed the socket'));
      connection.waiting = null;
    };

    socket.on('error', fail);
    socket.on('close', () => fail());

    return connection;
  }

  return {
    /** Resolves with the response's status. */
    send(bytes) {
      const connection = idle.pop() ?? open();

      return new Promise((resolve, reject) => {
        connection.waiting = { resolve, reject };
        connection.socket.write(bytes);
      });
    },
    get sockets() {
      return sockets.size;
    },
    close() {
      for (const connection of sockets) connection.socket.destroy();
    },
  };
}
