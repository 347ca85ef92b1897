/**
 * The hand-written HTTP/1.1 of big transfers (src/providers/b2/raw-exchange.ts, postOnce) against
 * real sockets of a scripted server: answers the built-in server never gives but a server or a
 * proxy in front of B2 may — a chunked JSON answer, one ended by closing the connection, an error
 * before the body was read, silence — each read right or failed with a clear error, never a hang;
 * and a range over TLS, as real B2 is reached (needs `openssl` for the certificate).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { B2CallError } from '../../src/providers/b2/call-error.js';
import { NetworkSilenceError } from '../../src/providers/b2/network-guard.js';
import { RawConnections } from '../../src/providers/b2/raw-connection.js';
import { postOnce, receiveRangeOnce, type PostRequest } from '../../src/providers/b2/raw-exchange.js';
import type { RangeSink } from '../../src/providers/types.js';
import { useTempDirs } from '../support/temp-dirs.js';

const certDir = useTempDirs('b2c-tls-')();

const open: Array<{ server: Server; sockets: Set<Socket> }> = [];

/** A self-signed certificate for 127.0.0.1 (openssl), as real B2 is reached over TLS. */
function selfSigned(): { key: string; cert: string } {
  const key = join(certDir, 'key.pem');
  const cert = join(certDir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=b2c-test',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}
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

  it('a header value with a line break (a hostile token) is refused before anything is sent, without showing it', async () => {
    let connections = 0;
    const url = await scripted(1, () => undefined);
    open.at(-1)?.server.on('connection', () => connections++);
    const p = pool();
    const hostile = { ...post(url), headers: { Authorization: 'tok\r\nX-Injected: yes' } };
    const e = await postOnce(p, hostile, 300).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TypeError);
    expect((e as Error).message).toBe('Invalid character in the Authorization header');
    expect(connections).toBe(0);
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

  it('over TLS: a range arrives byte for byte into lent memory, and the certificate is checked', async () => {
    const { key, cert } = selfSigned();
    const data = Buffer.alloc(3_000_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
    const sockets = new Set<Socket>();
    const server = createTlsServer({ key, cert }, (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      let head = '';
      socket.on('data', (d: Buffer) => {
        head += d.toString('latin1');
        const m = /Range: bytes=(\d+)-(\d+)\r\n\r\n$/.exec(head);
        if (m === null) return;
        head = '';
        const [start, end] = [Number(m[1]), Number(m[2])];
        socket.write(
          `HTTP/1.1 206 Partial Content\r\nContent-Length: ${end - start + 1}\r\nContent-Range: bytes ${start}-${end}/${data.length}\r\n\r\n`,
        );
        socket.write(data.subarray(start, end + 1));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open.push({ server, sockets });
    const url = new URL(`https://127.0.0.1:${(server.address() as AddressInfo).port}/file/b/x`);
    const range = { start: 1234, end: data.length - 1 };
    const out = Buffer.alloc(range.end - range.start + 1);
    let at = 0;
    const sink: RangeSink = {
      space: () => out.subarray(at, Math.min(out.length, at + 50_000)),
      filled: (n) => {
        at += n;
        return undefined;
      },
    };
    const req = { url, headers: {}, ...range, ignoredRange: () => new Error('ignored') };
    const trusting = new RawConnections({ connectMs: 2000, idleMs: 2000 }, cert);
    await receiveRangeOnce(trusting, req, sink, 2000);
    expect(out.equals(data.subarray(range.start))).toBe(true);
    trusting.destroy();
    // Without the certificate's authority: refused, as a TLS failure (never read past).
    const strict = new RawConnections({ connectMs: 2000, idleMs: 2000 });
    const e = await receiveRangeOnce(strict, req, sink, 2000).catch((x: unknown) => x);
    expect((e as { code?: string }).code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    strict.destroy();
  });
});
