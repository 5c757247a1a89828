// Compressed request bodies: a broken gzip stream and a gzip bomb are refused (415) and the process lives on, its memory flat.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildService, type ChildService } from '../../helpers/childService.js';

const BOMB_MIB = 100;
/** 100 MiB of zeros gzip to about 100 KB. */
const bomb = gzipSync(Buffer.alloc(BOMB_MIB * 1024 * 1024), { level: 9 });

function post(url: string, path: string, body: Buffer, encoding: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': body.length },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // The server may answer and close before reading the whole body.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve({ status: 0, body: '' }) : reject(error),
    );
    req.end(body);
  });
}

function rssMiB(pid: number): number {
  const line =
    readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('VmRSS:')) ?? '';
  return Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024;
}

describe('compressed request bodies (the real service in a child process)', () => {
  let service: ChildService;
  beforeAll(async () => {
    service = await startChildService({});
  }, 60_000);
  afterAll(() => service.kill());

  it.each(['/api/messages', '/v3/directline/tokens/generate', '/api/admin/invites'])(
    '%s with content-encoding gzip and a body that is not gzip – 415, and the process still answers',
    async (path) => {
      const answer = await post(service.url, path, Buffer.from('{"type":"message"} not gzip at all'), 'gzip');
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'XS_UNSUPPORTED_ENCODING' } });
      expect(service.alive()).toBe(true);
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    },
  );

  it('deflate and br are refused the same way; identity is read as usual', async () => {
    expect((await post(service.url, '/api/messages', Buffer.from('x'), 'deflate')).status).toBe(415);
    expect((await post(service.url, '/api/messages', Buffer.from('x'), 'br')).status).toBe(415);
    expect((await post(service.url, '/api/messages', Buffer.from('{}'), 'identity')).status).toBe(400);
  });

  it(`a ${Math.round(bomb.length / 1024)} KB gzip bomb of ${BOMB_MIB} MiB, sent 5 times – 415 each time, RSS grows by less than ${BOMB_MIB / 4} MiB`, async () => {
    const before = rssMiB(service.pid);
    for (let round = 0; round < 5; round++)
      expect([415, 0]).toContain((await post(service.url, '/api/messages', bomb, 'gzip')).status);
    const after = rssMiB(service.pid);
    process.stdout.write(
      `gzip bomb: ${bomb.length} bytes → ${BOMB_MIB} MiB; child RSS ${before.toFixed(1)} MiB before, ${after.toFixed(1)} MiB after 5 bombs\n`,
    );
    expect(service.alive()).toBe(true);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    expect(after - before).toBeLessThan(BOMB_MIB / 4);
  }, 60_000);
});
