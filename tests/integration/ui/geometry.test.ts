import { describe, expect, it } from 'vitest';
import { clampPosition, nudge } from '../../../src/ui/panel/position';
import { secondsPerMinute, tickLabel, timelineTicks } from '../../../src/ui/summary/timeline';

describe('panel position', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 280, height: 200 };
  it('keeps the panel inside the viewport with a margin', () => {
    expect(clampPosition({ x: 100, y: 100 }, size, viewport)).toEqual({ x: 100, y: 100 });
    expect(clampPosition({ x: -50, y: -5 }, size, viewport)).toEqual({ x: 8, y: 8 });
    expect(clampPosition({ x: 900, y: 790 }, size, viewport)).toEqual({ x: 712, y: 592 });
  });
  it('pins a panel bigger than the viewport to the top-left margin', () => {
    expect(clampPosition({ x: 40, y: 40 }, { width: 2000, height: 2000 }, viewport)).toEqual({ x: 8, y: 8 });
  });
  it('moves 10 px per arrow key, 50 px with Shift, and ignores other keys', () => {
    expect(nudge({ x: 100, y: 100 }, 'ArrowLeft')).toEqual({ x: 90, y: 100 });
    expect(nudge({ x: 100, y: 100 }, 'ArrowDown')).toEqual({ x: 100, y: 110 });
    expect(nudge({ x: 100, y: 100 }, 'ArrowUp', true)).toEqual({ x: 100, y: 50 });
    expect(nudge({ x: 100, y: 100 }, 'Enter')).toBeNull();
  });
});

describe('timeline maths', () => {
  it('picks minute ticks that fit the visit', () => {
    expect(timelineTicks(600)).toEqual([0, 120, 240, 360, 480, 600]);
    expect(timelineTicks(45)).toEqual([0, 30]);
    expect(timelineTicks(1500)).toEqual([0, 300, 600, 900, 1200, 1500]);
    expect(timelineTicks(0)).toEqual([0]);
  });
  it('labels ticks in minutes', () => {
    expect(tickLabel(0)).toBe('0');
    expect(tickLabel(120)).toBe('2 min');
    expect(tickLabel(30)).toBe('0:30');
  });
  it('splits speech across the minutes it falls in', () => {
    expect(secondsPerMinute([[30, 90], [170, 175]], 180)).toEqual([30, 30, 5]);
    expect(secondsPerMinute([], 61)).toEqual([0, 0]);
  });
});
