/**
 * Saves a file debounced (the queue file, the transfer history): many changes within
 * `debounceMs` become one write, writes never overlap, and `flush()` writes the latest state now
 * (used on quit).
 */
import type { CancelTimer, Clock } from './clock.js';

export class DebouncedSaver {
  private timer: CancelTimer | null = null;
  private writing: Promise<void> | null = null;
  private dirtyWhileWriting = false;

  /**
   * @param save writes the current state (called at write time, so it is current)
   * @param onError told about failed writes (disk full…); the engine keeps running
   */
  constructor(
    private readonly save: () => Promise<void>,
    private readonly clock: Clock,
    private readonly debounceMs: number,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Something changed: save within `debounceMs`. */
  markDirty(): void {
    if (this.writing) {
      this.dirtyWhileWriting = true;
      return;
    }
    this.timer ??= this.clock.setTimer(() => {
      this.timer = null;
      void this.saveNow();
    }, this.debounceMs);
  }

  /** Writes the current state now and waits for it (and for any write in progress). */
  async flush(): Promise<void> {
    this.timer?.();
    this.timer = null;
    if (this.writing) await this.writing;
    await this.saveNow();
  }

  private async saveNow(): Promise<void> {
    if (this.writing) {
      this.dirtyWhileWriting = true;
      return this.writing;
    }
    this.writing = (async () => {
      try {
        await this.save();
      } catch (e) {
        this.onError(e);
      }
    })();
    await this.writing;
    this.writing = null;
    if (this.dirtyWhileWriting) {
      this.dirtyWhileWriting = false;
      this.markDirty();
    }
  }
}
