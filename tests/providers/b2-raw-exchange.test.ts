/**
 * The hand-written HTTP/1.1 of big transfers (src/providers/b2/raw-exchange.ts, postOnce) against
 * real sockets of a scripted server: answers the built-in server never gives but a server or a
 * proxy in front of B2 may — a chunked JSON answer, one ended by closing the connection, an error
 * before the body was read, silence — each read right or failed with a clear error, never a hang.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { B2CallError } from '../../src/providers/b2/call-error.js';
import { NetworkSilenceError } from '../../src/providers/b2/network-guard.js';
import { RawConnections } from '../../src/providers/b2/raw-connection.js';
import { postOnce, type PostRequest } from '../../src/providers/b2/raw-exchange.js';

const open: Array<{ server: Server; sockets: Set<Socket> }> = [];
afterEach(async () => {
  for (const { server, sockets } of open.splice(0)) {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A server that reads `readBytes` of each request (head and body together) and then runs `answer`. */
async function scripted(readBytes: number, answer: (socket: Socket) => void): Promise<URL> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let seen = 0;
    let answered = false;
    socket.on('data', (d: Buffer) => {
      seen += d.length;
      if (!answered && seen >= readBytes) {
        answered = true;
        answer(socket);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ server, sockets });
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/b2api/v4/b2_upload_part/x`);
}

const BODY = Buffer.alloc(200_000, 1);
const changed = new Error('the source changed');

function post(url: URL, body: Iterable<Buffer> = [BODY], length = BODY.length): PostRequest {
  return {
    url,
    headers: { Authorization: 'token' },
    length,
    body,
    sizeChanged: () => changed,
  };
}

describe('a POST and its answer, by hand', () => {
  const pool = (): RawConnections => new RawConnections({ connectMs: 2000, idleMs: 300 });

  it('a chunked JSON answer is read whole', async () => {
    const url = await scripted(BODY.length, (s) =>
      s.write(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n4\r\n1.5}\r\n0\r\n\r\n',
      ),
    );
    const p = pool();
    expect(await postOnce(p, post(url), 300)).toEqual({ a: 1.5 });
    p.destroy();
  });

  it('an answer without a length ends when the server closes the connection', async () => {
    const url = await scripted(BODY.length, (s) => s.end('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{"fileId":"f"}'));
    const p = pool();
    expect(await postOnce(p, post(url), 300)).toEqual({ fileId: 'f' });
    p.destroy();
  });

  it('an error answered before the body was read: the B2 error with its Retry-After, and sending stops', async () => {
    const err = '{"status":503,"code":"service_unavailable","message":"busy"}';
    const url = await scripted(1, (s) =>
      s.end(`HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3\r\nContent-Length: ${err.length}\r\n\r\n${err}`),
    );
    const p = pool();
    const mib = Buffer.alloc(1024 * 1024, 2);
    let given = 0;
    const big = (function* () {
      for (; given < 400; given++) yield mib;
    })();
    const e = await postOnce(p, post(url, big, 400 * mib.length), 300).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(B2CallError);
    expect([(e as B2CallError).status, (e as B2CallError).code, (e as B2CallError).retryAfterMs]).toEqual([
      503,
      'service_unavailable',
      3000,
    ]);
    expect(given).toBeLessThan(400);
    p.destroy();
  });

  it('a body shorter than its length: the source-changed error, not a hang', async () => {
    const url = await scripted(Number.MAX_SAFE_INTEGER, () => undefined);
    const p = pool();
    await expect(postOnce(p, post(url, [BODY.subarray(0, 1000)]), 300)).rejects.toBe(changed);
    p.destroy();
  });

  it('a server that reads the body and never answers: silence within the bound', async () => {
    const url = await scripted(BODY.length, () => undefined);
    const p = pool();
    const started = performance.now();
    await expect(postOnce(p, post(url), 300)).rejects.toBeInstanceOf(NetworkSilenceError);
    expect(performance.now() - started).toBeLessThan(300 + 3000);
    p.destroy();
  });
});
