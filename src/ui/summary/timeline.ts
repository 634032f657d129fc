/** Pure maths behind the talk timeline: axis ticks, the per-minute text alternative and the skills row's markers. */
import type { Interval, LabelledUtterance } from '../../core/session/schema';
import { BEHAVIOURS_TO_AVOID, type Behaviour } from '../../core/behaviours/labels';
import { effectiveBehaviours } from '../../core/behaviours/counts';

/** Tick spacings in seconds, smallest first; the first that gives at most MAX_TICKS intervals wins. */
const STEPS_S = [30, 60, 120, 300, 600, 900, 1200, 1800, 3600];
const MAX_TICKS = 8;

/** Tick positions in seconds from 0 up to (and not past) the duration. */
export function timelineTicks(durationS: number): number[] {
  if (!Number.isFinite(durationS) || durationS <= 0) return [0];
  const step = STEPS_S.find((s) => durationS / s <= MAX_TICKS) ?? Math.ceil(durationS / MAX_TICKS / 3600) * 3600;
  const ticks: number[] = [];
  for (let t = 0; t <= durationS + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** Tick label in minutes: "0", "5 min"; half minutes only appear on very short visits ("0:30"). */
export function tickLabel(seconds: number): string {
  if (seconds === 0) return '0';
  if (seconds % 60 !== 0) return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return `${seconds / 60} min`;
}

/** Seconds of speech falling in each whole minute of the visit (the last minute may be partial). */
export function secondsPerMinute(segments: readonly Interval[], durationS: number): number[] {
  const minutes = Math.max(1, Math.ceil(durationS / 60));
  const out = new Array<number>(minutes).fill(0);
  for (const [start, end] of segments) {
    const a = Math.max(0, start);
    const b = Math.min(end, minutes * 60);
    for (let m = Math.floor(a / 60); m < minutes && m * 60 < b; m++) {
      out[m]! += Math.min(b, (m + 1) * 60) - Math.max(a, m * 60);
    }
  }
  return out.map((s) => Math.round(s));
}

/** Steps between labelled minutes on the share chart, smallest first; at most MAX_MINUTE_LABELS labels. */
const MINUTE_LABEL_STEPS = [1, 2, 5, 10, 15, 20, 30, 60];
const MAX_MINUTE_LABELS = 12;

/** The 1-based minute numbers that get an axis label when there are `bins` minutes: 1, then every step. */
export function minuteLabels(bins: number): number[] {
  if (!Number.isFinite(bins) || bins < 1) return [];
  const step = MINUTE_LABEL_STEPS.find((s) => bins / s <= MAX_MINUTE_LABELS) ?? Math.ceil(bins / MAX_MINUTE_LABELS / 60) * 60;
  const out = [1];
  for (let m = step; m <= bins; m += step) if (m !== 1) out.push(m);
  return out;
}

/** One marker on the timeline's skills row: an utterance's listening skills, or its advice given without asking. */
export interface SkillMark {
  utteranceId: string;
  startS: number;
  behaviours: Behaviour[];
  avoid: boolean;
}

/**
 * The skills row's markers (issue 16), corrections applied: per utterance, one marker for its
 * skills and a separate one for advice without asking, so the two never share a shape.
 */
export function skillMarks(utterances: readonly LabelledUtterance[]): SkillMark[] {
  return utterances.flatMap((u) => {
    const all = effectiveBehaviours(u);
    const good = all.filter((b) => !BEHAVIOURS_TO_AVOID.includes(b));
    const bad = all.filter((b) => BEHAVIOURS_TO_AVOID.includes(b));
    return [
      ...(good.length ? [{ utteranceId: u.id, startS: u.startS, behaviours: good, avoid: false }] : []),
      ...(bad.length ? [{ utteranceId: u.id, startS: u.startS, behaviours: bad, avoid: true }] : []),
    ];
  });
}
