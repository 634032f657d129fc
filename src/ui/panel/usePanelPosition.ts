/**
 * Drag (pointer) and nudge (arrow keys) for the floating panel. The parent owns the saved
 * position; this hook keeps a local copy so the panel follows the pointer without a round trip,
 * and reports the result once per drag (not on every move) so storage is written once.
 *
 * The call's own controls win over the clinician's spot: while that spot (or the default corner)
 * would cover hang-up, mute or camera, the panel is shown at the nearest clear spot (shrunk if it
 * must be), but the saved spot is kept, so it comes back when the controls move or the window grows.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { atNextFrame } from './next-frame';
import { clampPosition, defaultCorner, nudge, placePanel, samePlacementInput, type Placement, type PlacementInput, type Position, type Rect, type Size } from './position';

/** Call pages show and hide their control bars without events we could hear: look again this often. */
const RECHECK_MS = 1000;

function viewportOf(el: HTMLElement): Size {
  const win = el.ownerDocument.defaultView ?? window;
  return { width: win.innerWidth, height: win.innerHeight };
}

function boxOf(el: HTMLElement): Position & Size {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

/** The panel's full size, even while a max-height squeezes it (its content then scrolls). */
function naturalSize(el: HTMLElement): Size {
  const r = el.getBoundingClientRect();
  const borders = el.offsetHeight - el.clientHeight;
  return { width: r.width, height: Math.max(r.height, el.scrollHeight + Math.max(0, borders)) };
}

const samePlacement = (a: Placement | null, b: Placement | null): boolean =>
  a === b || (a !== null && b !== null && a.position.x === b.position.x && a.position.y === b.position.y && a.maxHeight === b.maxHeight);

export function usePanelPosition(
  rootRef: RefObject<HTMLElement>,
  position: Position | null,
  onPositionChange: (position: Position) => void,
  callControls?: () => Rect[],
) {
  const [pos, setPos] = useState<Position | null>(position);
  /** Set only while the controls push the panel away from where it would be. */
  const [pushed, setPushed] = useState<Placement | null>(null);
  const dragging = useRef(false);
  const controls = useRef(callControls);
  controls.current = callControls;
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

  const lastLook = useRef<PlacementInput | null>(null);
  const avoidControls = () => {
    const el = rootRef.current;
    const read = controls.current;
    if (!el || !read || dragging.current) return;
    const size = naturalSize(el);
    const viewport = viewportOf(el);
    const look: PlacementInput = { preferred: posRef.current ?? defaultCorner(size, viewport), size, viewport, controls: read() };
    // Nothing moved since the last look (the usual case, every second): the answer is the same.
    if (lastLook.current && samePlacementInput(lastLook.current, look)) return;
    lastLook.current = look;
    const placed = placePanel(look.preferred, look.size, look.viewport, look.controls);
    const next = placed.moved ? placed : null;
    setPushed((prev) => (samePlacement(prev, next) ? prev : next));
  };

  // Look at the controls when the panel appears, changes size or moves, and every RECHECK_MS.
  useEffect(() => {
    const el = rootRef.current;
    if (!el || !callControls) return;
    const win = el.ownerDocument.defaultView ?? window;
    lastLook.current = null;
    avoidControls();
    const recheck = atNextFrame(win, avoidControls);
    const timer = win.setInterval(recheck.request, RECHECK_MS);
    const resized = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(() => avoidControls()) : null;
    resized?.observe(el);
    return () => {
      win.clearInterval(timer);
      recheck.cancel();
      resized?.disconnect();
    };
  }, [rootRef.current, callControls !== undefined]);
  useEffect(avoidControls, [pos?.x, pos?.y]);

  // Zooming or resizing the window can leave the panel off-screen; pull it back (locally only).
  useEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const win = el.ownerDocument.defaultView ?? window;
    const onResize = () => {
      if (posRef.current && rootRef.current) place(clampPosition(posRef.current, boxOf(rootRef.current), viewportOf(rootRef.current)));
      avoidControls();
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
    dragging.current = true;
    lastLook.current = null; // the release must look again, even if the panel comes back to the same spot
    setPushed(null); // the panel follows the pointer; the controls are checked again on release
    // Listen on the window rather than relying on pointer capture: works in a shadow root and in tests.
    const win = el.ownerDocument.defaultView ?? window;
    const onMove = (ev: PointerEvent) => {
      moved = true;
      place(clampPosition({ x: ev.clientX - dx, y: ev.clientY - dy }, box, viewportOf(el)));
    };
    const onUp = () => {
      stopDrag.current?.();
      dragging.current = false;
      if (moved && posRef.current) report.current(posRef.current);
      avoidControls();
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

  /** Where to draw: the pushed spot while the controls need it, else the clinician's (null: the CSS corner). */
  const shown = pushed?.position ?? pos;
  const maxHeight = pushed?.maxHeight ?? null;
  return { pos: shown, maxHeight, onPointerDown, onHandleKeyDown };
}
