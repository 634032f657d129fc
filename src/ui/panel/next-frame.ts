/**
 * Runs `fn` in the window's next animation frame, once however often it is asked for before then.
 * A layout read there (getBoundingClientRect) meets the layout the frame does anyway, where the
 * same read from a timer forces one more between frames whenever the page or the panel changed
 * since the last. A hidden tab has no frames: nothing runs until it shows again (nothing to see
 * there). Without animation frames at all (a test DOM), it runs at once.
 */
export interface FrameRequest {
  request(): void;
  cancel(): void;
}

export function atNextFrame(win: Window, fn: () => void): FrameRequest {
  let pending: number | null = null;
  return {
    request() {
      if (typeof win.requestAnimationFrame !== 'function') return fn();
      if (pending !== null) return;
      pending = win.requestAnimationFrame(() => {
        pending = null;
        fn();
      });
    },
    cancel() {
      if (pending !== null) win.cancelAnimationFrame(pending);
      pending = null;
    },
  };
}
