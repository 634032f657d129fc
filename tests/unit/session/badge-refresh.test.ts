import { describe, expect, it } from 'vitest';
import { BADGE_REFRESH_MS, createBadgeRefresh } from '../../../src/adapters/browser/badge-refresh';

/** The toolbar badge is set when a tab's coaching state changes, not with every view (issue 15). */
describe('badge refresh', () => {
  it('sets the badge on the first view and on each change, not on repeats', () => {
    let now = 0;
    const badge = createBadgeRefresh(() => now);
    expect(badge.due(7, true)).toBe(true);
    now += 1000;
    expect(badge.due(7, true)).toBe(false);
    expect(badge.due(8, true)).toBe(true); // another tab has its own badge
    now += 1000;
    expect(badge.due(7, false)).toBe(true);
    expect(badge.due(7, false)).toBe(false);
  });

  it('sets it again after the refresh period, and after a failure was forgotten', () => {
    let now = 0;
    const badge = createBadgeRefresh(() => now);
    badge.due(7, true);
    now += BADGE_REFRESH_MS - 1;
    expect(badge.due(7, true)).toBe(false);
    now += 1;
    expect(badge.due(7, true)).toBe(true);
    badge.forget(7);
    expect(badge.due(7, true)).toBe(true);
  });
});
