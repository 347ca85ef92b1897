/**
 * One benchmark's server: a fresh emulator process with the run's part size, a bucket, the
 * harness's own native session for verification, and helpers that verify a transfer's result.
 */
import { rm } from 'node:fs/promises';
import { authorize, createBucket, remoteTree, type NativeSession } from './b2-native.js';
import { compareTrees, hashTree, type TreeFacts } from './data.js';
import { startEmulatorProcess, type EmulatorProcess } from './emulator-process.js';
import type { LinkSettings, ServerAccess, TransferSettings } from './settings.js';

export interface BenchServer {
  emu: EmulatorProcess;
  access: ServerAccess;
  native: NativeSession;
  bucket: { id: string; name: string };
  /** Downloads everything under `prefix` and compares it with `expected`; null when identical. */
  verifyRemote(prefix: string, expected: TreeFacts): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * Starts a server whose recommendedPartSize is the run's part size, behind `link` when given,
 * and creates `bucketName`.
 */
export async function openServer(
  settings: TransferSettings,
  bucketName: string,
  link: LinkSettings | null = null,
): Promise<BenchServer> {
  const emu = await startEmulatorProcess({ partSize: settings.partSize, link });
  try {
    const native = await authorize(emu.endpoint, emu.masterKeyId, emu.masterKey);
    const bucket = { id: await createBucket(native, bucketName), name: bucketName };
    return {
      emu,
      access: { endpoint: emu.endpoint, keyId: emu.masterKeyId, key: emu.masterKey },
      native,
      bucket,
      verifyRemote: async (prefix, expected) => compareTrees(expected, await remoteTree(native, bucket, prefix)),
      stop: () => emu.stop(),
    };
  } catch (e) {
    await emu.stop();
    throw e;
  }
}

/** Hashes what arrived in `dir`, compares it with `expected`, then deletes `dir` (disk space). */
export async function verifyLocalAndRemove(dir: string, expected: TreeFacts): Promise<string | null> {
  try {
    return compareTrees(expected, await hashTree(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
