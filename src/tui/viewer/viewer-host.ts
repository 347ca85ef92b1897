/**
 * Which pager is open (at most one), as a store the screen subscribes to, and the size the layout
 * gives it. Opening and closing it also switch the app's mode (src/state/app: `viewer`).
 */
import type { ViewerSize } from '../../state/viewer/viewer-moves.js';
import { createStore, type ReadableStore } from '../../transfers/store.js';
import type { TuiStore } from '../store/tui-store.js';
import type { ViewerSession } from './viewer-session.js';

export class ViewerHost implements ReadableStore<ViewerSession | null> {
  private readonly current = createStore<ViewerSession | null>(null);
  private size: ViewerSize = { rows: 20, cols: 80 };

  constructor(private readonly store: TuiStore) {}

  readonly getSnapshot = (): ViewerSession | null => this.current.getSnapshot();
  readonly subscribe = (listener: () => void): (() => void) => this.current.subscribe(listener);

  /** Shows `session` full screen, when the panes still have the keyboard (else drops it). */
  open(session: ViewerSession): boolean {
    if (this.store.getSnapshot().app.mode.kind !== 'normal') {
      session.close();
      return false;
    }
    this.getSnapshot()?.close();
    session.resize(this.size);
    this.current.set(session);
    this.store.dispatch({ type: 'app', action: { type: 'openViewer' } });
    session.start();
    return true;
  }

  /** Closes the pager and gives the keyboard back to the panes. */
  close(): void {
    this.getSnapshot()?.close();
    this.current.set(null);
    this.store.dispatch({ type: 'app', action: { type: 'closeViewer' } });
  }

  /** The rows and columns of text the screen has (reported by the layout). */
  resize(size: ViewerSize): void {
    this.size = size;
    this.getSnapshot()?.resize(size);
  }
}
