/**
 * Contract: a write that fails (wrong size, wrong SHA1, cancelled, bad name) leaves nothing
 * behind, not even a temporary name in the listing, and never damages the file it would replace.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CancelledError, IntegrityError, InvalidNameError, NotFoundError } from '../../../src/providers/errors.js';
import type { ContractContext } from './context.js';
import { expectRejects, get, listAll, put, randomData, readAll, sha1, sourceOf } from './helpers.js';

/**
 * A source that yields `first`, then aborts `controller` when asked for more and never yields
 * again: the abort lands while the provider is in the middle of consuming the stream.
 */
function abortingSource(first: Buffer, controller: AbortController): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(first);
      } else {
        controller.abort(new Error('user pressed cancel'));
      }
    },
  });
}

/** Registers the failure tests. */
export function failureContract(ctx: ContractContext): void {
  const expectNoTrace = async (dir: string, leftover: string[] = []): Promise<void> => {
    const names = await listAll(ctx.provider, dir).then(
      (es) => es.map((e) => e.name).sort(),
      (e: unknown) => {
        // The folder may not exist at all: that is "no trace" too.
        if (e instanceof NotFoundError) return [];
        throw e;
      },
    );
    expect(names).toEqual([...leftover].sort());
  };

  describe('failed writes leave nothing', () => {
    it('fewer bytes than promised → IntegrityError', async () => {
      const dir = ctx.dir('short');
      await put(ctx, `${dir}/keep.txt`, Buffer.from('k'));
      const data = randomData(50);
      await expectRejects(
        ctx.provider.write(`${dir}/f.bin`, sourceOf(data), ctx.writeOpts({ size: 100 })),
        IntegrityError,
      );
      await expectRejects(ctx.provider.stat(`${dir}/f.bin`), NotFoundError);
      await expectNoTrace(dir, ['keep.txt']);
    });

    it('more bytes than promised → IntegrityError', async () => {
      const dir = ctx.dir('long');
      await put(ctx, `${dir}/keep.txt`, Buffer.from('k'));
      const data = randomData(300_000);
      await expectRejects(
        ctx.provider.write(`${dir}/f.bin`, sourceOf(data), ctx.writeOpts({ size: 1_000 })),
        IntegrityError,
      );
      await expectNoTrace(dir, ['keep.txt']);
    });

    it('a SHA1 that does not match → IntegrityError', async () => {
      const dir = ctx.dir('badsha');
      await put(ctx, `${dir}/keep.txt`, Buffer.from('k'));
      const data = randomData(20_000);
      const wrong = sha1(Buffer.from('something else'));
      await expectRejects(put(ctx, `${dir}/f.bin`, data, { sha1: wrong }), IntegrityError);
      await expectNoTrace(dir, ['keep.txt']);
    });

    it('a mismatched overwrite keeps the old file intact', async () => {
      const dir = ctx.dir('badoverwrite');
      const old = Buffer.from('the original content');
      await put(ctx, `${dir}/f.txt`, old);
      await expectRejects(
        put(ctx, `${dir}/f.txt`, randomData(5_000), { overwrite: true, sha1: sha1(old) }),
        IntegrityError,
      );
      expect((await get(ctx.provider, `${dir}/f.txt`)).equals(old)).toBe(true);
      await expectNoTrace(dir, ['f.txt']);
    });

    it('cancelling mid-stream → CancelledError', async () => {
      const dir = ctx.dir('cancel');
      await put(ctx, `${dir}/keep.txt`, Buffer.from('k'));
      const ac = new AbortController();
      const write = ctx.provider.write(
        `${dir}/f.bin`,
        abortingSource(randomData(64 * 1024), ac),
        ctx.writeOpts({ size: 1_000_000, signal: ac.signal }),
      );
      await expectRejects(write, CancelledError);
      expect(ac.signal.aborted).toBe(true);
      await expectRejects(ctx.provider.stat(`${dir}/f.bin`), NotFoundError);
      await expectNoTrace(dir, ['keep.txt']);
    });

    it('cancelling an overwrite keeps the old file', async () => {
      const dir = ctx.dir('canceloverwrite');
      await put(ctx, `${dir}/f.txt`, Buffer.from('old'));
      const ac = new AbortController();
      const write = ctx.provider.write(
        `${dir}/f.txt`,
        abortingSource(randomData(1024), ac),
        ctx.writeOpts({ size: 10_000, overwrite: true, signal: ac.signal }),
      );
      await expectRejects(write, CancelledError);
      expect((await get(ctx.provider, `${dir}/f.txt`)).toString()).toBe('old');
      await expectNoTrace(dir, ['f.txt']);
    });

    it('a signal aborted before the call → CancelledError, nothing written', async () => {
      const dir = ctx.dir('preabort');
      await put(ctx, `${dir}/keep.txt`, Buffer.from('k'));
      const ac = new AbortController();
      ac.abort();
      await expectRejects(put(ctx, `${dir}/f.txt`, Buffer.from('x'), { signal: ac.signal }), CancelledError);
      await expectNoTrace(dir, ['keep.txt']);
    });

    it('a name with NUL → InvalidNameError', async () => {
      const dir = ctx.dir('nul');
      await put(ctx, `${dir}/keep.txt`, Buffer.from('k'));
      await expectRejects(put(ctx, `${dir}/bad\0name.txt`, Buffer.from('x')), InvalidNameError);
      await expectNoTrace(dir, ['keep.txt']);
    });
  });

  describe('cancelled reads', () => {
    it('aborting during a read errors the stream with CancelledError', async () => {
      const path = `${ctx.dir('cancelread')}/big.bin`;
      await put(ctx, path, randomData(2 * 1024 * 1024));
      const ac = new AbortController();
      const h = await ctx.provider.openRead(path, { signal: ac.signal });
      let got = 0;
      let caught: unknown = null;
      try {
        for await (const chunk of h.stream as AsyncIterable<Buffer>) {
          got += chunk.length;
          if (!ac.signal.aborted) ac.abort();
        }
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(CancelledError);
      expect(got).toBeLessThan(2 * 1024 * 1024);
    });

    it('a reader may stop early by destroying the stream', async () => {
      const path = `${ctx.dir('destroyread')}/big.bin`;
      const data = randomData(1024 * 1024);
      await put(ctx, path, data);
      const h = await ctx.provider.openRead(path);
      h.stream.destroy();
      // The file is unaffected and can be read again in full.
      expect(sha1(await readAll((await ctx.provider.openRead(path)).stream))).toBe(sha1(data));
    });
  });
}
