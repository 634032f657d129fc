import { describe, expect, it } from 'vitest';
import { balanceTone, CLINICIAN_SHARE_LIMIT } from '../../../src/ui/balance';
import {
  floorText,
  isLongMonologue,
  LONG_MONOLOGUE_S,
  OPENING_LINGER_S,
  OPENING_MIN_S,
  openingStatusText,
  openingToShow,
} from '../../../src/ui/conversation';
import {
  formatClock,
  formatCount,
  formatDate,
  formatDuration,
  formatPercent,
  formatRate,
  formatSeconds,
  formatSharePair,
  formatThreshold,
  formatTime,
} from '../../../src/ui/format';
import { minuteLabels } from '../../../src/ui/summary/timeline';
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

describe('formatSeconds, formatRate, formatCount and formatThreshold', () => {
  it('keeps one decimal for short pauses and reads longer times like formatDuration', () => {
    expect(formatSeconds(0.84)).toBe('0.8 s');
    expect(formatSeconds(0.05)).toBe('0.1 s');
    expect(formatSeconds(4)).toBe('4.0 s');
    expect(formatSeconds(9.96)).toBe('10 s');
    expect(formatSeconds(12.4)).toBe('12 s');
    expect(formatSeconds(75)).toBe('1 min 15 s');
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(Number.NaN)).toBe('0 s');
  });
  it('writes a rate per minute with one decimal', () => {
    expect(formatRate(2.44)).toBe('2.4 per minute');
    expect(formatRate(3)).toBe('3.0 per minute');
    expect(formatRate(-1)).toBe('0.0 per minute');
  });
  it('pluralises counts', () => {
    expect(formatCount(1, 'turn')).toBe('1 turn');
    expect(formatCount(0, 'turn')).toBe('0 turns');
    expect(formatCount(2, 'pause', 'pauses')).toBe('2 pauses');
  });
  it('states thresholds as people say them', () => {
    expect(formatThreshold(60)).toBe('1 min');
    expect(formatThreshold(120)).toBe('2 min');
    expect(formatThreshold(90)).toBe('90 s');
    expect(formatThreshold(5)).toBe('5 s');
  });
});

describe('conversation cues', () => {
  const opening = { startS: 4, durationS: 23.4, ended: true, interrupted: true, interruptedAfterS: 8.2 };

  it('uses the engine defaults: 60 s monologues, 5 s opening', () => {
    expect(LONG_MONOLOGUE_S).toBe(60);
    expect(OPENING_MIN_S).toBe(5);
  });
  it('names who holds the floor, or nothing', () => {
    expect(floorText({ floor: 'clinician', currentTurnS: 42.7 })).toBe('Your turn: 0:42');
    expect(floorText({ floor: 'patient', currentTurnS: 125 })).toBe('Patient’s turn: 2:05');
    expect(floorText({ floor: null, currentTurnS: 0 })).toBeNull();
  });
  it('flags only clinician turns over the threshold', () => {
    expect(isLongMonologue({ floor: 'clinician', currentTurnS: 60 })).toBe(false);
    expect(isLongMonologue({ floor: 'clinician', currentTurnS: 60.5 })).toBe(true);
    expect(isLongMonologue({ floor: 'patient', currentTurnS: 300 })).toBe(false);
  });
  it('shows the opening while it lasts and briefly after it ends', () => {
    expect(openingToShow({ opening: null }, 10)).toBeNull();
    expect(openingToShow({ opening: { ...opening, ended: false } }, 500)).not.toBeNull();
    expect(openingToShow({ opening }, 4 + 23.4 + OPENING_LINGER_S)).toBe(opening);
    expect(openingToShow({ opening }, 4 + 23.4 + OPENING_LINGER_S + 1)).toBeNull();
  });
  it('words the opening status', () => {
    expect(openingStatusText(opening)).toBe("Patient's opening: 0:23, interrupted after 0:08");
    expect(openingStatusText({ ...opening, ended: false, interrupted: false, interruptedAfterS: null })).toBe("Patient's opening: 0:23, still going");
    expect(openingStatusText({ ...opening, interruptedAfterS: null })).toBe("Patient's opening: 0:23, interrupted");
  });
});

describe('minuteLabels', () => {
  it('labels every minute of a short visit and thins long ones', () => {
    expect(minuteLabels(0)).toEqual([]);
    expect(minuteLabels(3)).toEqual([1, 2, 3]);
    expect(minuteLabels(12)).toHaveLength(12);
    expect(minuteLabels(20)).toEqual([1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(minuteLabels(45)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    expect(minuteLabels(180)).toEqual([1, 15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180]);
  });
});
