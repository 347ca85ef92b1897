/**
 * Tracks when everything inside a folder is finished, so a move or a delete removes the folder
 * afterwards, bottom-up, and only when nothing inside was skipped, failed or cancelled (a folder
 * with leftovers stays). Lives in memory only: a restored queue does not remove folders.
 */
export class DirNode {
  /** Outstanding work: the listing itself plus every child added and not yet finished. */
  private pending = 1;
  private clean = true;
  private finished = false;

  /**
   * @param parent the enclosing folder's node (null for a selected folder)
   * @param onComplete called once, when the listing and every child finished; `clean` is false
   *   when anything inside did not end in `done`
   */
  constructor(
    readonly parent: DirNode | null,
    private readonly onComplete: (node: DirNode, clean: boolean) => void,
  ) {
    parent?.childAdded();
  }

  /** A job or sub-folder was added inside this folder. */
  childAdded(): void {
    this.pending++;
  }

  /** A child finished; `clean` when it ended in `done` (a sub-folder: removed). */
  childFinished(clean: boolean): void {
    this.settle(clean);
  }

  /** The folder's listing ended (`clean` false when it failed or was cancelled). */
  listingFinished(clean: boolean): void {
    this.settle(clean);
  }

  private settle(clean: boolean): void {
    if (this.finished) return;
    if (!clean) this.clean = false;
    this.pending--;
    if (this.pending === 0) {
      this.finished = true;
      this.onComplete(this, this.clean);
    }
  }
}
