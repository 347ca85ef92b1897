/**
 * The key inspector as a store: a scroll position over the key's facts and "closed" (the pure
 * part is state/accounts/keys-screen-inspector.ts); closing calls `onClose`.
 */
import {
  initInspector,
  inspectorKeyAction,
  inspectorReducer,
  type InspectorAction,
  type InspectorState,
} from '../../state/accounts/keys-screen-inspector.js';
import { ScreenStore } from './screen-store.js';

export class InspectorStore extends ScreenStore<InspectorState, InspectorAction> {
  constructor(private readonly onClose: () => void) {
    super(initInspector(), inspectorReducer, inspectorKeyAction);
  }

  protected changed(before: InspectorState, after: InspectorState): void {
    if (after.closed && !before.closed) this.onClose();
  }
}
