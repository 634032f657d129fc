import { describe, expect, it } from 'vitest';
import { bestShiftS } from '../../../scripts/lib/live-alignment';

describe('lining a live visit up with its script', () => {
  const script: Array<[number, number]> = [
    [1, 3.5],
    [4.1, 9],
    [12, 12.6],
    [15, 21],
  ];

  it('finds the delay of a late start', () => {
    const live = script.map(([a, b]) => [a + 7.23, b + 7.23] as const);
    expect(bestShiftS(live, script, 40, -2, 20)).toBeCloseTo(7.23, 5);
  });

  it('finds a negative shift of a looping source', () => {
    // The source loops every 25 s and the engine started 1.5 s into it.
    const live: Array<[number, number]> = [];
    for (const k of [0, 1]) for (const [a, b] of script) live.push([a - 1.5 + 25 * k, b - 1.5 + 25 * k]);
    expect(bestShiftS(live.filter(([, b]) => b > 0), script, 45, -5, 5, 25)).toBeCloseTo(-1.5, 5);
  });
});
