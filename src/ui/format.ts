/**
 * Display formatting shared by every Attune surface, so the panel, popup and summaries
 * never disagree about how a time or share reads.
 */

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Whole, non-negative seconds; anything odd (NaN, negative) reads as zero rather than "NaN:aN". */
function wholeSeconds(seconds: number, round: (n: number) => number): number {
  return Number.isFinite(seconds) && seconds > 0 ? round(seconds) : 0;
}

/** A running clock: "4:07", or "1:02:09" once past an hour. Floors, like a stopwatch. */
export function formatClock(seconds: number): string {
  const s = wholeSeconds(seconds, Math.floor);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = pad2(s % 60);
  return h > 0 ? `${h}:${pad2(m)}:${ss}` : `${m}:${ss}`;
}

/** A share in [0, 1] as "42%"; null (nobody has spoken yet) as an em dash. */
export function formatPercent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
}

/**
 * Both sides of the clinician share. The patient's figure is 100 minus the clinician's rounded
 * figure, so the two labels always add up to 100% (rounding each separately can give 101%).
 */
export function formatSharePair(clinicianShare: number | null): { you: string; patient: string } {
  if (clinicianShare === null || !Number.isFinite(clinicianShare)) return { you: '—', patient: '—' };
  const you = Math.round(Math.min(1, Math.max(0, clinicianShare)) * 100);
  return { you: `${you}%`, patient: `${100 - you}%` };
}

/** A length of time in words-ish units: "45 s", "2 min 05 s", "1 h 02 min 05 s". Rounds to the second. */
export function formatDuration(seconds: number): string {
  const s = wholeSeconds(seconds, Math.round);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  if (h > 0) return `${h} h ${pad2(m)} min ${pad2(ss)} s`;
  if (m > 0) return `${m} min ${pad2(ss)} s`;
  return `${ss} s`;
}

/** Local date and time, e.g. "Mar 14, 2025, 9:05 AM" in en-US. `locale` is for tests; the UI uses the browser's. */
export function formatDate(epochMs: number, locale?: string): string {
  if (!Number.isFinite(epochMs)) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** Local time of day only, e.g. "9:25 AM": used for the end of a visit whose date is already shown. */
export function formatTime(epochMs: number, locale?: string): string {
  if (!Number.isFinite(epochMs)) return '—';
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(epochMs);
}

/**
 * A short length of time with a decimal where it matters: "0.8 s", "4.2 s", "12 s"; a minute
 * or more reads like formatDuration ("1 min 05 s"). For pauses and other sub-minute figures.
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0 s';
  if (seconds < 9.95) return `${(Math.round(seconds * 10) / 10).toFixed(1)} s`;
  return formatDuration(seconds);
}

/** A rate per minute with one decimal: "2.4 per minute". */
export function formatRate(perMinute: number): string {
  const r = Number.isFinite(perMinute) && perMinute > 0 ? perMinute : 0;
  return `${(Math.round(r * 10) / 10).toFixed(1)} per minute`;
}

/** A count with its noun: "1 turn", "3 turns", "0 turns". `many` defaults to `one` + "s". */
export function formatCount(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A threshold in seconds as people say it: 60 → "1 min", 90 → "90 s". */
export function formatThreshold(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
