/** The status line never shows a URL's password, whatever the message carrying it (issue 10, item 5). */
import { describe, expect, it } from 'vitest';
import { StatusLine } from '../../../src/ui/app/StatusLine.js';
import type { TotalsSnapshot } from '../../../src/transfers/index.js';
import { renderInk } from '../render-ink.js';

const NONE = { files: 0, filesDone: 0, filesFailed: 0, filesSkipped: 0, filesCancelled: 0, foldersFailed: 0, bytesTotal: 0, bytesDone: 0, speed: 0, etaSeconds: null };
const IDLE: TotalsSnapshot = {
  totals: NONE,
  run: NONE,
  paused: false,
  active: false,
  questionsPending: 0,
};

describe('StatusLine', () => {
  it('redacts the user-info of a URL in a message', () => {
    const text = 'The endpoint http://admin:PASSWORD-7@10.0.0.5:9000 refused the key.';
    const ink = renderInk(<StatusLine status={{ text, tone: 'error' }} mode={{ kind: 'normal' }} queue={IDLE} width={80} />);
    expect(ink.plainFrame()).toContain('The endpoint http://***@10.0.0.5:9000 refused the key.');
    expect(ink.plainFrame()).not.toContain('PASSWORD-7');
    ink.unmount();
  });
});
