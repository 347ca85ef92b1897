/**
 * The status line never shows a URL's password, whatever the message carrying it (issue 10, item 5);
 * the queue's progress takes the place of the message that announced the work (issue 11).
 */
import { describe, expect, it } from 'vitest';
import { StatusLine } from '../../../src/ui/app/StatusLine.js';
import type { TotalsSnapshot } from '../../../src/transfers/index.js';
import { renderInk } from '../render-ink.js';

const NONE = {
  files: 0,
  filesDone: 0,
  filesFailed: 0,
  filesSkipped: 0,
  filesCancelled: 0,
  foldersFailed: 0,
  bytesTotal: 0,
  bytesDone: 0,
  speed: 0,
  etaSeconds: null,
};
const IDLE: TotalsSnapshot = {
  totals: NONE,
  run: NONE,
  paused: false,
  active: false,
  questionsPending: 0,
};

// The status line shows this run's progress (`run`), not everything the queue has done.
const THIS_RUN = { ...NONE, files: 3, filesDone: 1, bytesTotal: 40 * 1024 * 1024, bytesDone: 12 * 1024 * 1024 };
const RUNNING: TotalsSnapshot = {
  ...IDLE,
  active: true,
  totals: { ...THIS_RUN, files: 7, filesDone: 5 },
  run: THIS_RUN,
};

describe('StatusLine', () => {
  it('shows the progress in place of "Copying …" once the queue runs: bytes, and "—" for what is not known yet', () => {
    const copying = { text: 'Copying 3 files…', tone: 'info' as const, untilProgress: true };
    const idle = renderInk(<StatusLine status={copying} mode={{ kind: 'normal' }} queue={IDLE} width={80} />);
    expect(idle.plainFrame()).toContain('Copying 3 files…');
    idle.unmount();
    const early = renderInk(<StatusLine status={copying} mode={{ kind: 'normal' }} queue={RUNNING} width={80} />);
    expect(early.plainFrame()).toContain('Transfers: 1/3 files, 12.0 MiB of 40.0 MiB (30%), —/s, — left (t: queue)');
    early.unmount();
    const measured = { ...RUNNING, run: { ...RUNNING.run, speed: 2 * 1024 * 1024, etaSeconds: 14 } };
    const later = renderInk(<StatusLine status={copying} mode={{ kind: 'normal' }} queue={measured} width={80} />);
    expect(later.plainFrame()).toContain('Transfers: 1/3 files, 12.0 MiB of 40.0 MiB (30%), 2.0 MiB/s, 14s left');
    later.unmount();
    // Any other message (a refusal, an error) still wins over the progress.
    const refusal = renderInk(
      <StatusLine
        status={{ text: 'Delete needs deleteFiles.', tone: 'error' }}
        mode={{ kind: 'normal' }}
        queue={RUNNING}
        width={80}
      />,
    );
    expect(refusal.plainFrame()).toContain('Delete needs deleteFiles.');
    refusal.unmount();
  });

  it('redacts the user-info of a URL in a message', () => {
    const text = 'The endpoint http://admin:PASSWORD-7@10.0.0.5:9000 refused the key.';
    const ink = renderInk(
      <StatusLine status={{ text, tone: 'error' }} mode={{ kind: 'normal' }} queue={IDLE} width={80} />,
    );
    expect(ink.plainFrame()).toContain('The endpoint http://***@10.0.0.5:9000 refused the key.');
    expect(ink.plainFrame()).not.toContain('PASSWORD-7');
    ink.unmount();
  });
});
