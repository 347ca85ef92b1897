/**
 * A real HTTP proxy (127.0.0.1, port 0) in front of the built-in B2 server that holds the first
 * file download after a given number of body bytes, so a test can see a transfer in progress and
 * interrupt it deterministically, without timing. It rewrites the authorize response's URLs so
 * the client sends every later request (API and downloads) through it.
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StallProxy {
  /** Give this to the client as B2_ENDPOINT. */
  endpoint: string;
  /** Resolves once the first download has sent `afterBytes` bytes and is being held. */
  stalled: Promise<void>;
  close(): Promise<void>;
}

function isDownload(url: string): boolean {
  return url.startsWith('/file/') || url.includes('b2_download_file_by_id');
}

/** Starts the proxy for `upstream` (an emulator endpoint). */
export async function startStallProxy(upstream: string, afterBytes: number): Promise<StallProxy> {
  const up = new URL(upstream);
  let endpoint = '';
  let stalledOnce = false;
  let markStalled: () => void = () => undefined;
  const stalled = new Promise<void>((resolve) => (markStalled = resolve));
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const headers: IncomingHttpHeaders = { ...req.headers, host: up.host };
    const upstreamReq = request({ host: up.hostname, port: up.port, path: url, method: req.method, headers }, (upRes) => {
      const status = upRes.statusCode ?? 502;
      if (url.includes('b2_authorize_account')) {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          const body = Buffer.from(Buffer.concat(chunks).toString('utf8').split(upstream).join(endpoint));
          const out = { ...upRes.headers, 'content-length': String(body.length) };
          delete out['transfer-encoding'];
          res.writeHead(status, out);
          res.end(body);
        });
        return;
      }
      res.writeHead(status, upRes.headers);
      if (!isDownload(url) || stalledOnce || status !== 200) {
        upRes.pipe(res);
        return;
      }
      stalledOnce = true;
      let sent = 0;
      upRes.on('data', (chunk: Buffer) => {
        if (sent >= afterBytes) return;
        const part = chunk.subarray(0, Math.min(chunk.length, afterBytes - sent));
        sent += part.length;
        res.write(part);
        if (sent >= afterBytes) {
          // Hold the rest for good: the client sees a transfer that is under way.
          upRes.pause();
          markStalled();
        }
      });
      upRes.on('end', () => res.end());
    });
    upstreamReq.on('error', () => res.destroy());
    res.on('close', () => upstreamReq.destroy());
    req.pipe(upstreamReq);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    stalled,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
