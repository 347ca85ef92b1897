import { describe, expect, it } from 'vitest';
import { jobLine, jobVerb, shownJobs } from '../../../src/tui/operations/job-line.js';
import type { JobView } from '../../../src/transfers/index.js';

function job(over: Partial<JobView>): JobView {
  return {
    id: 'j',
    groupId: 'g',
    operation: 'copy',
    kind: 'server-copy',
    state: 'done',
    isDir: false,
    removeMode: null,
    source: { provider: 'b2', path: '/photos/docs/a.txt' },
    target: { provider: 'b2', path: '/backup/docs/a.txt' },
    size: 10,
    bytesDone: 10,
    speed: 0,
    attempts: 1,
    failure: null,
    note: null,
    retryAt: null,
    verified: null,
    ...over,
  };
}

describe('queue rows use the words the user chose', () => {
  it('every way of copying a file reads copy, never an engine word', () => {
    for (const kind of ['server-copy', 'local-copy', 'stream-copy'] as const)
      expect(jobVerb(job({ kind }))).toBe('copy');
    expect(jobLine(job({}))).toMatch(/^done {6}copy {8}a\.txt → b2:\/\/backup\/docs\/a\.txt/);
  });

  it('a move within one folder reads rename, into another folder move', () => {
    const rename = job({ operation: 'move', target: { provider: 'b2', path: '/photos/docs/b.txt' } });
    expect(jobVerb(rename)).toBe('rename');
    // The files of a renamed folder go to another folder: a move, not "server-copy".
    const child = job({ operation: 'move', target: { provider: 'b2', path: '/photos/papers/a.txt' } });
    expect(jobVerb(child)).toBe('move');
    expect(
      jobVerb(job({ operation: 'move', kind: 'download', target: { provider: 'local', path: '/tmp/a.txt' } })),
    ).toBe('move');
    // The removal half of a move says what it does to the source.
    expect(jobVerb(job({ operation: 'move', kind: 'delete', removeMode: 'hide', target: null }))).toBe('hide');
    expect(jobVerb(job({ operation: 'move', kind: 'delete', removeMode: 'delete-version', target: null }))).toBe(
      'delete',
    );
  });

  it('a folder being read reads list; a look-up of one file leaves no row once done', () => {
    expect(jobVerb(job({ kind: 'scan', isDir: true }))).toBe('list');
    const lookUp = job({ kind: 'scan', isDir: false });
    expect(jobVerb(lookUp)).toBe('look up');
    const file = job({ id: 'f' });
    expect(shownJobs([lookUp, file])).toEqual([file]);
    // Running or failed, it stays: nothing that went wrong is hidden.
    const failed = { ...lookUp, state: 'failed' as const };
    expect(shownJobs([failed, { ...lookUp, state: 'running' as const }])).toHaveLength(2);
  });
});
