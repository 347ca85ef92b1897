/**
 * One open pager (F3): the pure state of src/state/viewer, the block reader, and the effects that
 * connect them. Commands run one after another (a move waits for the blocks it needs); a search or
 * a go-to-line that has to read far shows its progress and stops on Esc. Publishes what the screen
 * shows in a small store (src/ui/viewer reads it).
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import type { LineEdit } from '../../state/keyboard/line-edit.js';
import { CURSOR_MOVES } from '../../state/pane/pane-cursor.js';
import { attempt, bytesAt } from '../../state/viewer/byte-source.js';
import { findBytes, needleOf } from '../../state/viewer/find-bytes.js';
import type { ViewRow } from '../../state/viewer/text-rows.js';
import { movedTop, rowHolding, screenRows, type ViewerSize } from '../../state/viewer/viewer-moves.js';
import {
  parseGoto,
  viewerReducer,
  type ViewerAction,
  type ViewerPromptKind,
  type ViewerState,
} from '../../state/viewer/viewer-state.js';
import { formatSize } from '../../state/text/format.js';
import { errorText } from '../../error-text.js';
import { createStore, type ReadableStore } from '../../transfers/store.js';
import type { BlockReader } from './block-reader.js';

/** What the pager screen draws: the state and its rows (null until the first screen is read). */
export interface ViewerView {
  state: ViewerState;
  rows: readonly ViewRow[] | null;
}

/** How often a long search or go-to-line reports its progress (ms). */
const PROGRESS_MS = 100;

const PROMPTS: Partial<Record<CommandId, ViewerPromptKind>> = {
  viewSearch: 'search',
  viewSearchBack: 'searchBack',
  viewGoto: 'goto',
};

export class ViewerSession {
  private readonly view;
  private size: ViewerSize = { rows: 20, cols: 80 };
  private chain: Promise<void> = Promise.resolve();
  /** The long operation running (search, go to line), stopped by Esc. */
  private long: AbortController | null = null;
  private closed = false;

  constructor(
    private readonly reader: BlockReader,
    initial: ViewerState,
  ) {
    this.view = createStore<ViewerView>({ state: initial, rows: null });
  }

  /** The screen's contents, for the view. */
  get store(): ReadableStore<ViewerView> {
    return this.view;
  }

  get state(): ViewerState {
    return this.view.getSnapshot().state;
  }

  /** True while the search or go-to prompt takes the typed keys. */
  get promptOpen(): boolean {
    return this.state.prompt !== null;
  }

  /** The rows and columns the screen has for text; redraws when they change. */
  resize(size: ViewerSize): void {
    if (size.rows === this.size.rows && size.cols === this.size.cols) return;
    this.size = { rows: Math.max(1, size.rows), cols: Math.max(8, size.cols) };
    this.enqueue(async () => {
      await this.realign(this.state.top);
    });
  }

  /** Draws the first screen. */
  start(): void {
    this.enqueue(() => this.redraw());
  }

  /** Stops whatever runs; the session draws nothing more. */
  close(): void {
    this.closed = true;
    this.long?.abort();
  }

  /** Edits the prompt's text. */
  edit(edit: LineEdit): void {
    this.dispatch({ type: 'editPrompt', edit });
  }

  /**
   * Runs a viewer command. Returns false for `cancel` when there was nothing to cancel (the
   * caller closes the viewer then).
   */
  run(cmd: CommandId): boolean {
    const s = this.state;
    if (s.prompt !== null) {
      if (cmd === 'confirm') this.confirmPrompt();
      else if (cmd === 'cancel') this.dispatch({ type: 'closePrompt' });
      return true;
    }
    if (cmd === 'cancel') {
      if (this.long === null) return false;
      this.long.abort();
      return true;
    }
    const move = CURSOR_MOVES[cmd];
    if (move !== undefined) {
      this.enqueue(() => this.moveTo(() => movedTop(this.reader, this.state, this.size, move)));
      return true;
    }
    const prompt = PROMPTS[cmd];
    if (prompt !== undefined) {
      this.dispatch({ type: 'openPrompt', kind: prompt });
      return true;
    }
    if (cmd === 'viewLeft' || cmd === 'viewRight') {
      this.scrollSideways(cmd === 'viewLeft' ? -1 : 1);
    } else if (cmd === 'viewWrap' || cmd === 'viewHex') {
      const top = this.state.top;
      this.dispatch({ type: cmd === 'viewWrap' ? 'toggleWrap' : 'toggleHex' });
      this.enqueue(() => this.realign(top));
    } else if (cmd === 'viewSearchNext' || cmd === 'viewSearchPrev') {
      const last = this.state.search;
      if (last === null) this.dispatch({ type: 'message', text: 'Nothing to repeat yet: / searches.' });
      else this.enqueue(() => this.search(last.text, cmd === 'viewSearchPrev' ? !last.backward : last.backward));
    }
    return true;
  }

  /** Scrolls the text half a screen left (-1) or right (1); only unwrapped text scrolls sideways. */
  private scrollSideways(direction: -1 | 1): void {
    const s = this.state;
    if (s.hex || s.wrap) {
      this.dispatch({
        type: 'message',
        text: s.hex
          ? 'The hex view has no long lines.'
          : 'Wrapped lines fit the screen; turn wrapping off to scroll sideways.',
      });
      return;
    }
    const action: ViewerAction = {
      type: 'scrollColumns',
      delta: direction * Math.max(8, Math.floor(this.size.cols / 2)),
    };
    this.enqueue(async () => {
      // The title (its column) and the rows change in one frame.
      const state = viewerReducer(this.state, action);
      if (state === this.state) return;
      const rows = await this.settle(() => screenRows(this.reader, state, this.size));
      if (!this.closed) this.view.set({ state, rows });
    });
  }

  private confirmPrompt(): void {
    const prompt = this.state.prompt;
    if (prompt === null) return;
    this.dispatch({ type: 'closePrompt' });
    const text = prompt.line.text;
    if (prompt.kind === 'goto') {
      const target = parseGoto(text);
      if (target === null) this.dispatch({ type: 'message', text: 'Type a line number or a percentage (50%).' });
      else this.enqueue(() => ('line' in target ? this.gotoLine(target.line) : this.gotoPercent(target.percent)));
      return;
    }
    if (text === '') return;
    const backward = prompt.kind === 'searchBack';
    this.dispatch({ type: 'setSearch', text, backward });
    this.enqueue(() => this.search(text, backward));
  }

  private dispatch(action: ViewerAction): void {
    const v = this.view.getSnapshot();
    const state = viewerReducer(v.state, action);
    if (state !== v.state) this.view.set({ ...v, state });
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain
      .then(async () => {
        if (!this.closed) await step();
      })
      .catch((e: unknown) => {
        this.dispatch({ type: 'busy', text: null });
        if (!this.closed) this.dispatch({ type: 'message', text: errorText(e), tone: 'error' });
      });
  }

  /** Runs `fn` over the loaded bytes, loading each block it asks for until it has them all. */
  private async settle<T>(fn: () => T, signal?: AbortSignal): Promise<T> {
    for (;;) {
      const r = attempt(fn);
      if (r.ok) return r.value;
      await this.reader.load(this.reader.blockOf(r.offset), signal);
    }
  }

  private async redraw(): Promise<void> {
    const rows = await this.settle(() => screenRows(this.reader, this.state, this.size));
    if (!this.closed) this.view.set({ ...this.view.getSnapshot(), rows });
  }

  private async moveTo(top: () => number): Promise<void> {
    this.dispatch({ type: 'setTop', top: await this.settle(top) });
    await this.redraw();
  }

  /** After a layout change: the screen starts at the row holding byte `offset`. */
  private realign(offset: number): Promise<void> {
    return this.moveTo(() => rowHolding(this.reader, this.state, this.size, offset));
  }

  /** Runs a long operation that reports `busy` text and stops on Esc. */
  private async longRun(work: (signal: AbortSignal, progress: (text: string) => void) => Promise<void>): Promise<void> {
    const ctl = new AbortController();
    this.long = ctl;
    let shown = 0;
    const progress = (text: string): void => {
      if (Date.now() - shown < PROGRESS_MS) return;
      shown = Date.now();
      this.dispatch({ type: 'busy', text });
    };
    try {
      await work(ctl.signal, progress);
    } finally {
      this.long = null;
      this.dispatch({ type: 'busy', text: null });
    }
  }

  private stopped(signal: AbortSignal, what: string): boolean {
    if (signal.aborted) this.dispatch({ type: 'message', text: `${what} stopped.` });
    return signal.aborted;
  }

  /** Finds `text` after the last match (or the screen's top), or before it, block by block. */
  private search(text: string, backward: boolean): Promise<void> {
    return this.longRun(async (signal, progress) => {
      const needle = needleOf(text);
      const { size, blockSize } = this.reader;
      const s = this.state;
      const from = s.mark !== null ? (backward ? s.mark.start : s.mark.start + 1) : s.top;
      const overlap = needle.bytes.length - 1;
      let b = this.reader.blockOf(Math.min(from, Math.max(0, size - 1)));
      for (; b >= 0 && b * blockSize < size; b += backward ? -1 : 1) {
        if (this.stopped(signal, 'Search')) return;
        const start = b * blockSize;
        progress(`Searching… ${formatSize(start)} of ${formatSize(size)} · Esc stops`);
        const hay = await this.settle(() => bytesAt(this.reader, start, start + blockSize + overlap), signal);
        const at = findBytes(hay, needle, from - start, backward);
        if (at >= 0) {
          const match = start + at;
          const top = await this.settle(() => rowHolding(this.reader, this.state, this.size, match));
          this.dispatch({ type: 'found', top, start: match, end: match + needle.bytes.length });
          return this.redraw();
        }
        if (!backward && start + blockSize >= size) break;
      }
      this.dispatch({ type: 'message', text: `Not found: ${text}` });
    });
  }

  private gotoPercent(percent: number): Promise<void> {
    const offset = Math.floor((this.reader.size * percent) / 100);
    return this.realign(Math.min(offset, Math.max(0, this.reader.size - 1)));
  }

  /** Counts lines from the start of the file to line `line` (1-based). */
  private gotoLine(line: number): Promise<void> {
    return this.longRun(async (signal, progress) => {
      const { size, blockSize } = this.reader;
      let seen = 1;
      let offset = 0;
      for (let b = 0; seen < line && b * blockSize < size; b++) {
        if (this.stopped(signal, 'Going to the line')) return;
        progress(`Counting lines… ${formatSize(b * blockSize)} of ${formatSize(size)} · Esc stops`);
        await this.reader.load(b, signal);
        const block = this.reader.block(b) ?? new Uint8Array(0);
        for (let i = 0; i < block.length && seen < line; i++) {
          if (block[i] === 0x0a) {
            seen++;
            offset = b * blockSize + i + 1;
          }
        }
      }
      if (seen < line) this.dispatch({ type: 'message', text: `The file has ${seen} lines.` });
      await this.realign(Math.min(offset, Math.max(0, size - 1)));
    });
  }
}
