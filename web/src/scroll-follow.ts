// Keeps the conversation pinned to the newest text while an answer streams,
// unless the reader has scrolled up to read something earlier.

const STICK_PX = 80;

export class ScrollFollow {
  constructor(private readonly scroller: HTMLElement) {}

  get atBottom(): boolean {
    const s = this.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < STICK_PX;
  }

  /** Runs a DOM change, then scrolls down only if the view was at the bottom before it. */
  follow(change: () => void): void {
    const stick = this.atBottom;
    change();
    if (stick) this.toBottom();
  }

  toBottom(): void {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  toTop(): void {
    this.scroller.scrollTop = 0;
  }
}
