import { describe, expect, it } from 'vitest';
import { balanceTone, CLINICIAN_SHARE_LIMIT } from '../../../src/ui/balance';
import { formatClock, formatDate, formatDuration, formatPercent, formatSharePair, formatTime } from '../../../src/ui/format';
import { endReasonText, siteLabel, speakingNowText } from '../../../src/ui/labels';

describe('formatClock', () => {
  it('shows minutes and zero-padded seconds under an hour', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(7)).toBe('0:07');
    expect(formatClock(65.9)).toBe('1:05');
    expect(formatClock(3599)).toBe('59:59');
  });
  it('adds hours past an hour', () => {
    expect(formatClock(3600)).toBe('1:00:00');
    expect(formatClock(3725)).toBe('1:02:05');
  });
  it('treats negative and non-finite input as zero', () => {
    expect(formatClock(-3)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });
});

describe('formatPercent and formatSharePair', () => {
  it('rounds a share to a whole percent', () => {
    expect(formatPercent(0.42)).toBe('42%');
    expect(formatPercent(0.416)).toBe('42%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });
  it('shows an em dash before anyone has spoken, and clamps out-of-range values', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(1.2)).toBe('100%');
  });
  it('splits a share into two figures that always add up to 100%', () => {
    expect(formatSharePair(0.416)).toEqual({ you: '42%', patient: '58%' });
    // Rounded separately, 0.5% and 99.5% would both round up and read 1% + 100%.
    expect(formatSharePair(0.005)).toEqual({ you: '1%', patient: '99%' });
    expect(formatSharePair(null)).toEqual({ you: '—', patient: '—' });
  });
});

describe('formatDuration', () => {
  it('uses seconds, minutes and hours as needed', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(3725)).toBe('1 h 02 min 05 s');
  });
  it('rounds to the nearest second', () => {
    expect(formatDuration(59.6)).toBe('1 min 00 s');
    expect(formatDuration(0.4)).toBe('0 s');
  });
});

describe('formatDate and formatTime', () => {
  it('formats local date and time', () => {
    const t = new Date(2025, 2, 14, 9, 5).getTime();
    expect(formatDate(t, 'en-US')).toMatch(/^Mar 14, 2025,? 9:05\sAM$/);
    expect(formatTime(t, 'en-US')).toMatch(/^9:05\sAM$/);
  });
  it('shows an em dash for an invalid time', () => {
    expect(formatDate(Number.NaN)).toBe('—');
  });
});

describe('labels and balance', () => {
  it('names platforms and passes unknown ids through', () => {
    expect(siteLabel('meet')).toBe('Google Meet');
    expect(siteLabel('demo')).toBe('Demo visit');
    expect(siteLabel('example-health')).toBe('example-health');
  });
  it('explains end reasons and the current speaker in words', () => {
    expect(endReasonText('engine-lost')).toBe('Attune stopped unexpectedly');
    expect(endReasonText('hang-up')).toBe('The call ended');
    expect(speakingNowText('both')).toBe('Both speaking');
  });
  it('turns "high" only above the clinician-share limit', () => {
    expect(CLINICIAN_SHARE_LIMIT).toBe(0.6);
    expect(balanceTone(0.6)).toBe('balanced');
    expect(balanceTone(0.61)).toBe('high');
    expect(balanceTone(null)).toBe('none');
  });
});
