import { describe, expect, it } from 'vitest';
import { atNextFrame } from '../../../src/ui/panel/next-frame';

/** A window whose animation frames run when the test says so. */
function framedWindow() {
  const callbacks = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  const win = {
    requestAnimationFrame: (cb: FrameRequestCallback) => {
      callbacks.set(nextId, cb);
      return nextId++;
    },
    cancelAnimationFrame: (id: number) => void callbacks.delete(id),
  } as unknown as Window;
  const frame = () => {
    const due = [...callbacks.values()];
    callbacks.clear();
    due.forEach((cb) => cb(0));
  };
  return { win, frame, pending: () => callbacks.size };
}

describe('atNextFrame', () => {
  it('runs once in the next frame however often it was asked for', () => {
    const { win, frame, pending } = framedWindow();
    let runs = 0;
    const look = atNextFrame(win, () => runs++);
    look.request();
    look.request();
    look.request();
    expect(runs).toBe(0);
    expect(pending()).toBe(1);
    frame();
    expect(runs).toBe(1);
    look.request();
    frame();
    expect(runs).toBe(2);
  });

  it('runs nothing once cancelled, and can be asked again', () => {
    const { win, frame } = framedWindow();
    let runs = 0;
    const look = atNextFrame(win, () => runs++);
    look.request();
    look.cancel();
    frame();
    expect(runs).toBe(0);
    look.request();
    frame();
    expect(runs).toBe(1);
  });

  it('runs at once in a window without animation frames', () => {
    let runs = 0;
    atNextFrame({} as Window, () => runs++).request();
    expect(runs).toBe(1);
  });
});
