// Keypress-to-frame latency of the TUI moving the cursor (and scrolling) through a 100,000-entry
// directory, on the local disk and on B2 (the built-in server), median and p95, with the same
// measurement in a 10-entry directory as the reference (ratio = cost of the big listing).
// Usage (after `npm run build`): node bench/tui-keypress.mjs [entries] [presses]
// The B2 case seeds the entries through the server's HTTP API first, which takes a while.
import { spawn as spawnChild } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { B2C, b2cEnv, median, ms, percentile, run } from './tui-pty.mjs';

const entries = Number(process.argv[2] ?? 100_000);
const presses = Number(process.argv[3] ?? 300);
const work = mkdtempSync(join(tmpdir(), 'b2c-bench-keys-'));
const name = (i) => `f${String(i).padStart(7, '0')}.dat`;

/**
 * Presses a key `presses` times, each once the screen is quiet; returns the latencies. In the big
 * listing `j` only (the list scrolls after the first page); in the small one `j` and `k` by turns,
 * since a press that moves nothing draws no frame.
 */
async function measure(p, count) {
  const times = [];
  for (let i = 0; i < presses; i++) {
    await p.settle(40);
    times.push(await p.keyToFrame(count > presses || i % 2 === 0 ? 'j' : 'k'));
  }
  return times;
}

function report(label, big, small) {
  const line = (what, xs) => `${what} median ${ms(median(xs))}, p95 ${ms(percentile(xs, 95))}`;
  console.log(`${label}`);
  console.log(`  ${line(`${entries.toLocaleString('en')} entries:`, big)}`);
  console.log(`  ${line('10 entries:     ', small)}`);
  console.log(
    `  ratio (median) ${(median(big) / median(small)).toFixed(2)}×, (p95) ${(percentile(big, 95) / percentile(small, 95)).toFixed(2)}×`,
  );
}

async function localCase(dir, count) {
  const p = run(process.execPath, [B2C, '--demo'], { cwd: dir, env: b2cEnv(), rows: 40, cols: 120 });
  await p.until((t) => t.includes('10Quit'));
  p.pty.write('\t');
  await p.until((t) => t.includes(`${count.toLocaleString('en')} files`), 300_000);
  const times = await measure(p, count);
  p.pty.write('q');
  await p.exited;
  return times;
}

function localDir(count) {
  const dir = join(work, `local-${count}`);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) writeFileSync(join(dir, name(i)), '');
  return dir;
}

async function startServer() {
  const child = spawnChild(process.execPath, [B2C, 'emulator'], {
    env: b2cEnv(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(buf.slice(0, buf.indexOf('\n')));
    });
    child.once('exit', () => reject(new Error('emulator exited')));
  });
  return { child, ...JSON.parse(line) };
}

async function api(auth, op, body) {
  const res = await fetch(`${auth.apiUrl}/b2api/v2/${op}`, {
    method: 'POST',
    headers: { Authorization: auth.token },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${op}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function seedBucket(emu, bucketName, count) {
  const basic = Buffer.from(`${emu.masterKeyId}:${emu.masterKey}`).toString('base64');
  const a = await (
    await fetch(`${emu.endpoint}/b2api/v2/b2_authorize_account`, { headers: { Authorization: `Basic ${basic}` } })
  ).json();
  const auth = { apiUrl: a.apiUrl, token: a.authorizationToken };
  const bucket = await api(auth, 'b2_create_bucket', { accountId: a.accountId, bucketName, bucketType: 'allPrivate' });
  const sha1 = createHash('sha1').update('').digest('hex');
  let next = 0;
  const worker = async () => {
    const up = await api(auth, 'b2_get_upload_url', { bucketId: bucket.bucketId });
    while (next < count) {
      const i = next++;
      const res = await fetch(up.uploadUrl, {
        method: 'POST',
        headers: {
          Authorization: up.authorizationToken,
          'X-Bz-File-Name': name(i),
          'Content-Type': 'application/octet-stream',
          'Content-Length': '0',
          'X-Bz-Content-Sha1': sha1,
        },
        body: '',
      });
      if (!res.ok) throw new Error(`upload ${i}: ${res.status}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function b2Case(emu, bucketName, count) {
  const env = b2cEnv({
    B2_APPLICATION_KEY_ID: emu.masterKeyId,
    B2_APPLICATION_KEY: emu.masterKey,
    B2_ENDPOINT: emu.endpoint,
    B2C_CONFIG_DIR: join(work, 'config'),
  });
  const p = run(process.execPath, [B2C], { cwd: work, env, rows: 40, cols: 120 });
  await p.until((t) => t.includes(bucketName));
  p.pty.write(`/${bucketName}\r`);
  await p.until((t) => t.includes(`filter "${bucketName}"`));
  p.pty.write('G\r');
  await p.until((t) => t.includes(`${count.toLocaleString('en')} files`) && !t.includes('loading'), 600_000);
  const times = await measure(p, count);
  p.pty.write('q');
  await p.exited;
  return times;
}

try {
  console.log(`tui keypress → frame, ${presses} presses of j (120×40 pty)`);
  report('local disk', await localCase(localDir(entries), entries), await localCase(localDir(10), 10));
  const emu = await startServer();
  try {
    await seedBucket(emu, 'bench-big', entries);
    await seedBucket(emu, 'bench-small', 10);
    report('B2 (built-in server)', await b2Case(emu, 'bench-big', entries), await b2Case(emu, 'bench-small', 10));
  } finally {
    emu.child.kill('SIGTERM');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
