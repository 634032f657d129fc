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
