import { describe, expect, it } from 'vitest';
import { CONTROL_GAP, defaultCorner, intersects, MIN_PANEL_HEIGHT, placePanel, samePlacementInput, type Rect } from '../../../src/ui/panel/position';

// An 800×600 window with the demo page's control bar along the bottom (Join, Leave call).
const viewport = { width: 800, height: 600 };
const bottomBar: Rect = { x: 0, y: 536, width: 800, height: 64 };
const leaveButton: Rect = { x: 700, y: 548, width: 90, height: 40 };
const panel = { width: 300, height: 460 };

const boxOf = (p: { x: number; y: number }, size = panel): Rect => ({ ...p, ...size });

describe('placePanel: the call controls stay uncovered', () => {
  it('leaves a clear default corner alone', () => {
    const corner = defaultCorner(panel, { width: 1400, height: 900 });
    expect(placePanel(corner, panel, { width: 1400, height: 900 }, [{ x: 0, y: 880, width: 200, height: 20 }])).toEqual({
      position: corner,
      maxHeight: null,
      moved: false,
    });
  });

  it('lifts the bottom-right panel above the control bar at 800×600', () => {
    const placed = placePanel(defaultCorner(panel, viewport), panel, viewport, [bottomBar, leaveButton]);
    expect(placed.moved).toBe(true);
    expect(placed.maxHeight).toBeNull();
    expect(intersects(boxOf(placed.position), bottomBar)).toBe(false);
    expect(intersects(boxOf(placed.position), leaveButton)).toBe(false);
    // Straight up, as close to where it was as the bar allows.
    expect(placed.position).toEqual({ x: 484, y: bottomBar.y - CONTROL_GAP - panel.height });
  });

  it('shrinks a panel taller than the space above the bar, and never below the minimum', () => {
    const tall = { width: 300, height: 560 };
    const placed = placePanel(defaultCorner(tall, viewport), tall, viewport, [bottomBar]);
    expect(placed.maxHeight).not.toBeNull();
    expect(placed.maxHeight!).toBeLessThanOrEqual(bottomBar.y - CONTROL_GAP - 8);
    expect(placed.maxHeight!).toBeGreaterThanOrEqual(MIN_PANEL_HEIGHT);
    expect(intersects(boxOf(placed.position, { width: 300, height: placed.maxHeight! }), bottomBar)).toBe(false);
  });

  it("keeps the clinician's own spot when it is clear of the controls", () => {
    const mine = { x: 40, y: 30 };
    expect(placePanel(mine, panel, viewport, [bottomBar])).toEqual({ position: mine, maxHeight: null, moved: false });
  });

  it("moves the clinician's spot off the controls to the nearest clear spot", () => {
    // Dropped on the leave button: the panel goes just above the bar, same column.
    const placed = placePanel({ x: 100, y: 400 }, { width: 300, height: 200 }, viewport, [bottomBar]);
    expect(placed).toEqual({ position: { x: 100, y: bottomBar.y - CONTROL_GAP - 200 }, maxHeight: null, moved: true });
  });

  it('goes beside a vertical control bar rather than over it', () => {
    const sideBar: Rect = { x: 740, y: 0, width: 60, height: 600 };
    const placed = placePanel(defaultCorner(panel, viewport), panel, viewport, [sideBar]);
    expect(intersects(boxOf(placed.position), sideBar)).toBe(false);
    expect(placed.position.x).toBe(sideBar.x - CONTROL_GAP - panel.width);
  });

  it('ignores controls that are off-screen or have no size (a collapsed toolbar)', () => {
    const corner = defaultCorner(panel, viewport);
    const placed = placePanel(corner, panel, viewport, [
      { x: 0, y: 900, width: 800, height: 60 },
      { x: 500, y: 300, width: 0, height: 0 },
    ]);
    expect(placed).toEqual({ position: corner, maxHeight: null, moved: false });
  });

  it('leaves the panel where asked when the controls fill the window', () => {
    const everywhere: Rect = { x: 0, y: 0, width: 800, height: 600 };
    expect(placePanel({ x: 40, y: 40 }, panel, viewport, [everywhere]).moved).toBe(false);
  });
});

describe('samePlacementInput: the placement is computed again only when something moved', () => {
  const input = { preferred: { x: 484, y: 68 }, size: panel, viewport, controls: [bottomBar, leaveButton] };

  it('is true for equal inputs read again (new objects, same boxes)', () => {
    expect(samePlacementInput(input, structuredClone(input))).toBe(true);
  });

  it('is false when any box differs: the spot, the size, the viewport, a control, or their count', () => {
    expect(samePlacementInput(input, { ...input, preferred: { x: 484, y: 69 } })).toBe(false);
    expect(samePlacementInput(input, { ...input, size: { ...panel, height: 461 } })).toBe(false);
    expect(samePlacementInput(input, { ...input, viewport: { width: 800, height: 601 } })).toBe(false);
    expect(samePlacementInput(input, { ...input, controls: [bottomBar, { ...leaveButton, x: 699.5 }] })).toBe(false);
    expect(samePlacementInput(input, { ...input, controls: [bottomBar] })).toBe(false);
    expect(samePlacementInput(input, { ...input, controls: [leaveButton, bottomBar] })).toBe(false);
  });
});
