/** Geometry for the draggable panel, kept pure so it can be tested without layout. */

export interface Position {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Keep this far from the viewport edges so the panel never sits flush against (or under) them. */
export const EDGE_MARGIN = 8;
/** Arrow-key step; Shift moves five steps at once. */
export const KEY_STEP = 10;

/** Top-left `pos` adjusted so a box of `size` stays fully inside `viewport` (or pinned top-left if it cannot fit). */
export function clampPosition(pos: Position, size: Size, viewport: Size, margin = EDGE_MARGIN): Position {
  const maxX = Math.max(margin, viewport.width - size.width - margin);
  const maxY = Math.max(margin, viewport.height - size.height - margin);
  return {
    x: Math.round(Math.min(maxX, Math.max(margin, pos.x))),
    y: Math.round(Math.min(maxY, Math.max(margin, pos.y))),
  };
}

const ARROWS: Record<string, Position> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** The position after an arrow key, or null when the key is not an arrow (so the caller leaves it alone). */
export function nudge(pos: Position, key: string, big = false): Position | null {
  const dir = ARROWS[key];
  if (!dir) return null;
  const step = big ? KEY_STEP * 5 : KEY_STEP;
  return { x: pos.x + dir.x * step, y: pos.y + dir.y * step };
}

/** A box in viewport pixels (what getBoundingClientRect gives, without the extras). */
export interface Rect extends Position, Size {}

/** Space kept between the panel and a call control it moves away from. */
export const CONTROL_GAP = 8;
/** Below this the panel is no use; it stops shrinking and accepts the best spot left. */
export const MIN_PANEL_HEIGHT = 96;
/** How much height each shrinking step gives up when no free spot fits the whole panel. */
const SHRINK_STEP = 16;

export interface Placement {
  position: Position;
  /** Set when the panel had to shrink to stay off the controls (its body then scrolls). */
  maxHeight: number | null;
  /** True when the panel sits somewhere other than where it was asked to (the controls pushed it). */
  moved: boolean;
}

/** True when the two boxes overlap, or come closer than `gap`. */
export function intersects(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The panel's default spot: the bottom-right corner (where the CSS puts it before any layout). */
export function defaultCorner(size: Size, viewport: Size, inset = 16): Position {
  return { x: viewport.width - size.width - inset, y: viewport.height - size.height - inset };
}

function isFree(pos: Position, size: Size, avoid: readonly Rect[]): boolean {
  return avoid.every((r) => !intersects({ ...pos, ...size }, r, CONTROL_GAP - 1));
}

/** Spots beside each control (keeping the other coordinate) and the four corners, all inside the viewport. */
function candidates(start: Position, size: Size, viewport: Size, avoid: readonly Rect[], margin: number): Position[] {
  const far = { x: viewport.width, y: viewport.height };
  const spots: Position[] = [
    { x: 0, y: 0 },
    { x: far.x, y: 0 },
    { x: 0, y: far.y },
    { x: far.x, y: far.y },
  ];
  for (const r of avoid) {
    spots.push(
      { x: start.x, y: r.y - CONTROL_GAP - size.height },
      { x: start.x, y: r.y + r.height + CONTROL_GAP },
      { x: r.x - CONTROL_GAP - size.width, y: start.y },
      { x: r.x + r.width + CONTROL_GAP, y: start.y },
    );
  }
  return spots.map((spot) => clampPosition(spot, size, viewport, margin));
}

const distance = (a: Position, b: Position): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Where the panel goes so it never covers the call's own controls (hang-up, mute, camera).
 * The clinician's spot (`preferred`) wins while it is clear of them; otherwise the nearest clear
 * spot; when no spot fits the whole panel (a short window), the tallest panel that fits somewhere
 * clear, down to MIN_PANEL_HEIGHT. Only controls inside the viewport count.
 */
export function placePanel(preferred: Position, size: Size, viewport: Size, controls: readonly Rect[], margin = EDGE_MARGIN): Placement {
  const avoid = controls.filter((r) => r.width > 0 && r.height > 0 && intersects(r, { x: 0, y: 0, ...viewport }));
  const start = clampPosition(preferred, size, viewport, margin);
  if (isFree(start, size, avoid)) return { position: start, maxHeight: null, moved: false };
  for (let height = size.height; height >= MIN_PANEL_HEIGHT; height -= SHRINK_STEP) {
    const box = { width: size.width, height };
    const anchor = clampPosition(preferred, box, viewport, margin);
    const free = candidates(anchor, box, viewport, avoid, margin).filter((spot) => isFree(spot, box, avoid));
    if (free.length > 0) {
      const best = free.reduce((a, b) => (distance(b, anchor) < distance(a, anchor) ? b : a));
      return { position: best, maxHeight: height < size.height ? height : null, moved: true };
    }
    if (height - SHRINK_STEP < MIN_PANEL_HEIGHT && height > MIN_PANEL_HEIGHT) height = MIN_PANEL_HEIGHT + SHRINK_STEP;
  }
  // Nowhere clear (the controls fill the window): leave it where it was asked to be.
  return { position: start, maxHeight: null, moved: false };
}

/** What a placement is computed from: the same input always gives the same placement. */
export interface PlacementInput {
  preferred: Position;
  size: Size;
  viewport: Size;
  controls: readonly Rect[];
}

const sameBox = (a: Position & Partial<Size>, b: Position & Partial<Size>): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** True when two inputs are equal (every control's box, in order), so the placement need not be computed again. */
export function samePlacementInput(a: PlacementInput, b: PlacementInput): boolean {
  return (
    sameBox(a.preferred, b.preferred) &&
    sameBox({ x: 0, y: 0, ...a.size }, { x: 0, y: 0, ...b.size }) &&
    sameBox({ x: 0, y: 0, ...a.viewport }, { x: 0, y: 0, ...b.viewport }) &&
    a.controls.length === b.controls.length &&
    a.controls.every((r, i) => sameBox(r, b.controls[i]!))
  );
}
