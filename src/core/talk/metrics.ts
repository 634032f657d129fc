import type { Interval, OpeningStatement, Speaker, TalkMetrics, TimelineBin } from '../session/schema';

export type { OpeningStatement, TalkMetrics, TimelineBin };

/**
 * Conversation metrics from the two speech-interval lists (seconds), see docs/ALGORITHMS.md
 * ("Talk metrics"). Pure and linear in the number of intervals, so the live state and the
 * summary compute them the same way, and a restored engine gives the same figures.
 *
 * Floor model: the first speaker holds the floor. An utterance of the listener is a
 * backchannel when it is short (≤ backchannelMaxS), the holder keeps or resumes speaking within
 * backchannelResumeS after it, and it starts while the holder speaks or in a holder's pause of
 * at most backchannelResumeS. Any other listener utterance takes the floor (a turn change); it is
 * an interruption when it starts at least interruptionMinOverlapS before the holder's current
 * speech ends.
 */
export interface TalkMetricsOptions {
  /** Longest utterance that can be a backchannel, s. */
  backchannelMaxS: number;
  /** The holder must resume within this time after a backchannel (and the backchannel start within this time of the holder's speech), s. */
  backchannelResumeS: number;
  /** Overlap needed before the holder stops for a floor change to count as an interruption, s. */
  interruptionMinOverlapS: number;
  /** A clinician turn longer than this is reported as a long monologue, s. */
  monologueThresholdS: number;
  /** The opening statement is the patient's first turn at least this long, s. */
  openingMinS: number;
  /** Width of the talk-share timeline bins and of the live recent share, s. */
  timelineBinS: number;
}

export const DEFAULT_TALK_METRICS: TalkMetricsOptions = {
  backchannelMaxS: 1.0,
  backchannelResumeS: 1.0,
  interruptionMinOverlapS: 0.2,
  monologueThresholdS: 60,
  openingMinS: 5,
  timelineBinS: 60,
};

export interface Turn {
  speaker: Speaker;
  startS: number;
  /** End of the holder's last speech in the turn. */
  endS: number;
  /** True when the turn began by interrupting the other side. */
  interruption: boolean;
}

interface Utterance {
  speaker: Speaker;
  a: number;
  b: number;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Seconds of `list` inside [from, to). */
function secondsIn(list: readonly Interval[], from: number, to: number): number {
  let sum = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    const [a, b] = list[i]!;
    if (b <= from) break;
    sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
  }
  return sum;
}

export function computeTalkMetrics(
  segments: Record<Speaker, readonly Interval[]>,
  durationS: number,
  options: Partial<TalkMetricsOptions> = {},
): TalkMetrics {
  const o = { ...DEFAULT_TALK_METRICS, ...options };
  const utterances: Utterance[] = [];
  for (const speaker of ['clinician', 'patient'] as const) for (const [a, b] of segments[speaker]) utterances.push({ speaker, a, b });
  utterances.sort((x, y) => x.a - y.a || x.b - y.b);

  // index of each speaker's next interval, for look-ahead
  const next: Record<Speaker, number> = { clinician: 0, patient: 0 };
  const lastEnd: Record<Speaker, number> = { clinician: -Infinity, patient: -Infinity };
  const turns: Turn[] = [];
  const interruptions = { clinician: 0, patient: 0 };
  const backchannels = { clinician: 0, patient: 0 };
  const latency: Record<Speaker, number[]> = { clinician: [], patient: [] };

  for (const u of utterances) {
    next[u.speaker]++;
    const current = turns[turns.length - 1];
    if (!current) {
      turns.push({ speaker: u.speaker, startS: u.a, endS: u.b, interruption: false });
    } else if (current.speaker === u.speaker) {
      current.endS = Math.max(current.endS, u.b);
    } else {
      const holder = current.speaker;
      const holderEnd = lastEnd[holder];
      const list = segments[holder];
      const following = list[next[holder]]; // the holder's next utterance after the one in progress
      const holderBusyAfter = holderEnd >= u.b || (following !== undefined && following[0] <= u.b + o.backchannelResumeS);
      // live: the holder's resumption may still come
      const undecided = following === undefined && holderEnd < u.b && durationS - u.b < o.backchannelResumeS;
      const startsNearHolder = u.a < holderEnd || u.a - holderEnd <= o.backchannelResumeS;
      if (u.b - u.a <= o.backchannelMaxS && startsNearHolder && (holderBusyAfter || undecided)) {
        backchannels[u.speaker]++;
      } else {
        const interrupting = holderEnd - u.a >= o.interruptionMinOverlapS;
        if (interrupting) interruptions[u.speaker]++;
        else if (u.a >= holderEnd) latency[u.speaker].push(u.a - holderEnd);
        turns.push({ speaker: u.speaker, startS: u.a, endS: u.b, interruption: interrupting });
      }
    }
    lastEnd[u.speaker] = Math.max(lastEnd[u.speaker], u.b);
  }

  const longestMonologueS = { clinician: 0, patient: 0 };
  const clinicianLongMonologues: Interval[] = [];
  let opening: OpeningStatement | null = null;
  turns.forEach((t, i) => {
    const length = t.endS - t.startS;
    longestMonologueS[t.speaker] = Math.max(longestMonologueS[t.speaker], length);
    if (t.speaker === 'clinician' && length > o.monologueThresholdS) clinicianLongMonologues.push([t.startS, t.endS]);
    if (!opening && t.speaker === 'patient' && length >= o.openingMinS) {
      const after = turns[i + 1];
      opening = {
        startS: t.startS,
        durationS: length,
        ended: after !== undefined,
        interrupted: after?.interruption ?? false,
        interruptedAfterS: after?.interruption ? after.startS - t.startS : null,
      };
    }
  });

  const timeline: TimelineBin[] = [];
  for (let from = 0; from < durationS; from += o.timelineBinS) {
    const to = Math.min(durationS, from + o.timelineBinS);
    const c = secondsIn(segments.clinician, from, to);
    const p = secondsIn(segments.patient, from, to);
    timeline.push({ startS: from, clinicianS: c, patientS: p, clinicianShare: c + p > 0 ? c / (c + p) : null });
  }
  const recentFrom = Math.max(0, durationS - o.timelineBinS);
  const rc = secondsIn(segments.clinician, recentFrom, durationS);
  const rp = secondsIn(segments.patient, recentFrom, durationS);
  const last = turns[turns.length - 1];

  return {
    turns: turns.length,
    turnsPerMin: durationS > 0 ? turns.length / (durationS / 60) : 0,
    interruptions,
    backchannels,
    longestMonologueS,
    clinicianLongMonologues,
    clinicianResponseLatencyS: median(latency.clinician),
    patientResponseLatencyS: median(latency.patient),
    opening,
    floor: last?.speaker ?? null,
    currentTurnS: last ? Math.max(0, Math.min(durationS, last.endS) - last.startS) : 0,
    recentClinicianShare: rc + rp > 0 ? rc / (rc + rp) : null,
    timeline,
  };
}

/** Metrics rounded to what is meaningful: seconds to 10 ms, shares to 4 digits, rates to 2. */
export function roundTalkMetrics(m: TalkMetrics): TalkMetrics {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);
  const n2 = (x: number | null) => (x === null ? null : r2(x));
  return {
    ...m,
    turnsPerMin: r2(m.turnsPerMin),
    longestMonologueS: { clinician: r2(m.longestMonologueS.clinician), patient: r2(m.longestMonologueS.patient) },
    clinicianLongMonologues: m.clinicianLongMonologues.map(([a, b]) => [r2(a), r2(b)]),
    clinicianResponseLatencyS: n2(m.clinicianResponseLatencyS),
    patientResponseLatencyS: n2(m.patientResponseLatencyS),
    opening: m.opening && {
      ...m.opening,
      startS: r2(m.opening.startS),
      durationS: r2(m.opening.durationS),
      interruptedAfterS: n2(m.opening.interruptedAfterS),
    },
    currentTurnS: r2(m.currentTurnS),
    recentClinicianShare: r4(m.recentClinicianShare),
    timeline: m.timeline.map((b) => ({ startS: r2(b.startS), clinicianS: r2(b.clinicianS), patientS: r2(b.patientS), clinicianShare: r4(b.clinicianShare) })),
  };
}
