// Connections are freed: stray WebSocket upgrades are answered and closed, dripping bodies cut off, connections per client capped.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../helpers/service.js';

let service: RunningService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** Opens a socket, writes `head`, and resolves with what the server sent once it closed the connection. */
function exchange(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

function openConnections(running: RunningService): Promise<number> {
  return new Promise((resolve, reject) =>
    running.app.server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );
}

async function settledConnections(running: RunningService): Promise<number> {
  let count = await openConnections(running);
  for (let poll = 0; poll < 100 && count > 0; poll++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    count = await openConnections(running);
  }
  return count;
}

const upgrade = (path: string) =>
  `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;

describe('connections', () => {
  it('2 000 WebSocket upgrades on paths nothing serves – each answered 404 and closed; no socket left open', async () => {
    service = await startService();
    const port = portOf(service.url);
    const answers: string[] = [];
    for (let batch = 0; batch < 20; batch++) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            exchange(port, upgrade(i % 2 ? `/stray/${batch}-${i}` : '/api/agent/events')),
          ),
        )),
      );
    }
    const left = await settledConnections(service);
    process.stdout.write(
      `stray upgrades: ${answers.length} sent, ${answers.filter((answer) => answer.startsWith('HTTP/1.1 404')).length} answered 404, ${left} sockets left open\n`,
    );
    expect(answers.every((answer) => answer.startsWith('HTTP/1.1 404'))).toBe(true);
    expect(left).toBe(0);
  }, 120_000);

  it('an upgrade to the Direct Line stream with a bad token – 403 and closed', async () => {
    service = await startService();
    const answer = await exchange(portOf(service.url), upgrade('/v3/directline/conversations/abc/stream?t=forged'));
    expect(answer).toMatch(/^HTTP\/1\.1 403/);
  });

  it('a body that drips one byte at a time past BODY_TIMEOUT_MS – 408 and the connection closed before the body is complete', async () => {
    service = await startService({ BODY_TIMEOUT_MS: '300' });
    const socket = connect(portOf(service.url), '127.0.0.1');
    let received = '';
    let closed = false;
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    const length = 2_000;
    socket.write(
      `POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
    );
    let sent = 0;
    while (!closed && sent < length) {
      socket.write('{');
      sent++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(length);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(received).toContain('XS_BODY_TIMEOUT');
  }, 120_000);

  it('MAX_CONNECTIONS_PER_CLIENT=5 from a client that is not exempt – 5 connections are served, the other 3 closed unanswered; an exempt client is not capped', async () => {
    service = await startService({ MAX_CONNECTIONS_PER_CLIENT: '5', RATE_LIMIT_EXEMPT: '' });
    expect(await servedOf(portOf(service.url), 8)).toBe(5);
    await service.stop();
    service = await startService({ MAX_CONNECTIONS_PER_CLIENT: '5' });
    expect(await servedOf(portOf(service.url), 8)).toBe(8);
  }, 60_000);
});

/** Opens `count` connections at once, then asks for /healthz on each (keep-alive): how many were answered. */
async function servedOf(port: number, count: number): Promise<number> {
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((resolve) => {
          const socket = connect(port, '127.0.0.1');
          socket.on('error', () => undefined);
          socket.once('connect', () => resolve(socket));
          socket.once('close', () => resolve(socket));
        }),
    ),
  );
  const answered = await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<boolean>((resolve) => {
          socket.once('data', (chunk: Buffer) => resolve(chunk.toString().startsWith('HTTP/1.1 200')));
          socket.once('close', () => resolve(false));
          if (!socket.destroyed) socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
        }),
    ),
  );
  for (const socket of sockets) socket.destroy();
  return answered.filter(Boolean).length;
}
