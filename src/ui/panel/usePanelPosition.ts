/**
 * Drag (pointer) and nudge (arrow keys) for the floating panel. The parent owns the saved
 * position; this hook keeps a local copy so the panel follows the pointer without a round trip,
 * and reports the result once per drag (not on every move) so storage is written once.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { clampPosition, nudge, type Position, type Size } from './position';

function viewportOf(el: HTMLElement): Size {
  const win = el.ownerDocument.defaultView ?? window;
  return { width: win.innerWidth, height: win.innerHeight };
}

function boxOf(el: HTMLElement): Position & Size {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

export function usePanelPosition(
  rootRef: RefObject<HTMLElement>,
  position: Position | null,
  onPositionChange: (position: Position) => void,
) {
  const [pos, setPos] = useState<Position | null>(position);
  const posRef = useRef(pos);
  const stopDrag = useRef<(() => void) | null>(null);
  const report = useRef(onPositionChange);
  report.current = onPositionChange;

  const place = (next: Position | null) => {
    posRef.current = next;
    setPos(next);
  };

  // A new saved position (e.g. restored from storage) replaces the local one.
  useEffect(() => place(position), [position?.x, position?.y]);

  // Zooming or resizing the window can leave the panel off-screen; pull it back (locally only).
  useEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const win = el.ownerDocument.defaultView ?? window;
    const onResize = () => {
      if (posRef.current && rootRef.current) place(clampPosition(posRef.current, boxOf(rootRef.current), viewportOf(rootRef.current)));
    };
    win.addEventListener('resize', onResize);
    return () => win.removeEventListener('resize', onResize);
  }, []);

  useEffect(() => () => stopDrag.current?.(), []);

  const onPointerDown = (e: PointerEvent) => {
    const el = rootRef.current;
    // Buttons in the header (minimize, hide) keep working; only the bare header and the grip drag.
    if (!el || e.button !== 0 || (e.target as Element | null)?.closest?.('button:not([data-drag-handle])')) return;
    e.preventDefault(); // no text selection on the page while dragging
    const box = boxOf(el);
    const dx = e.clientX - box.x;
    const dy = e.clientY - box.y;
    let moved = false;
    // Listen on the window rather than relying on pointer capture: works in a shadow root and in tests.
    const win = el.ownerDocument.defaultView ?? window;
    const onMove = (ev: PointerEvent) => {
      moved = true;
      place(clampPosition({ x: ev.clientX - dx, y: ev.clientY - dy }, box, viewportOf(el)));
    };
    const onUp = () => {
      stopDrag.current?.();
      if (moved && posRef.current) report.current(posRef.current);
    };
    stopDrag.current = () => {
      win.removeEventListener('pointermove', onMove);
      win.removeEventListener('pointerup', onUp);
      win.removeEventListener('pointercancel', onUp);
      stopDrag.current = null;
    };
    win.addEventListener('pointermove', onMove);
    win.addEventListener('pointerup', onUp);
    win.addEventListener('pointercancel', onUp);
  };

  const onHandleKeyDown = (e: KeyboardEvent) => {
    const el = rootRef.current;
    if (!el) return;
    const box = boxOf(el);
    const next = nudge(posRef.current ?? box, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault(); // arrows would otherwise scroll the call page
    const clamped = clampPosition(next, box, viewportOf(el));
    place(clamped);
    report.current(clamped);
  };

  return { pos, onPointerDown, onHandleKeyDown };
}
