/** Test data shared by the UI tests. */
import { vi, type Mock } from 'vitest';
import type { LiveMetrics, LiveTalk, TalkMetrics, VisitSummary } from '../../../src/core/session/schema';
import type { PanelActions, PanelModel } from '../../../src/ui/panel/Panel';

export function liveTalk(over: Partial<LiveTalk> = {}): LiveTalk {
  return { clinicianS: 90, patientS: 125, overlapS: 4, clinicianShare: 0.42, elapsedS: 247, speakingNow: 'patient', ...over };
}

/** Live conversation metrics: the clinician has held the floor for 42 s; the opening is long over. */
export function liveMetrics(over: Partial<LiveMetrics> = {}): LiveMetrics {
  return {
    turns: 9,
    turnsPerMin: 2.19,
    interruptions: { clinician: 1, patient: 0 },
    backchannels: { clinician: 3, patient: 2 },
    longestMonologueS: { clinician: 48, patient: 63 },
    clinicianLongMonologues: [],
    clinicianResponseLatencyS: 0.62,
    patientResponseLatencyS: 0.9,
    opening: { startS: 4, durationS: 23.4, ended: true, interrupted: true, interruptedAfterS: 8.2 },
    floor: 'clinician',
    currentTurnS: 42.7,
    recentClinicianShare: 0.55,
    ...over,
  };
}

/** Saved metrics matching visit(): 10 minutes, the clinician's speech 0–100 s and 200–310 s, the patient's 100–150 s and 400–440 s. */
export function talkMetrics(over: Partial<TalkMetrics> = {}): TalkMetrics {
  const bin = (m: number, c: number, p: number) => ({ startS: m * 60, clinicianS: c, patientS: p, clinicianShare: c + p > 0 ? c / (c + p) : null });
  return {
    turns: 24,
    turnsPerMin: 2.4,
    interruptions: { clinician: 3, patient: 1 },
    backchannels: { clinician: 5, patient: 1 },
    longestMonologueS: { clinician: 110, patient: 50 },
    clinicianLongMonologues: [
      [0, 100],
      [200, 310],
    ],
    clinicianResponseLatencyS: 0.84,
    patientResponseLatencyS: 1.2,
    opening: { startS: 100, durationS: 23.4, ended: true, interrupted: true, interruptedAfterS: 8.2 },
    floor: 'patient',
    currentTurnS: 40,
    recentClinicianShare: null,
    timeline: [bin(0, 60, 0), bin(1, 40, 20), bin(2, 0, 30), bin(3, 40, 0), bin(4, 60, 0), bin(5, 10, 0), bin(6, 0, 40), bin(7, 0, 0), bin(8, 0, 0), bin(9, 0, 0)],
    ...over,
  };
}

export function panelModel(over: Partial<PanelModel> = {}): PanelModel {
  return {
    platformLabel: 'Google Meet',
    callState: 'live',
    coaching: 'idle',
    live: null,
    remoteSource: 'tab-capture',
    privacyLocal: false,
    message: null,
    lastVisitId: null,
    ...over,
  };
}

export function panelActions(): Record<keyof PanelActions, Mock<() => void>> {
  const fn = () => vi.fn<() => void>();
  return { onStart: fn(), onEnd: fn(), onOpenSummary: fn(), onOpenSetup: fn(), onHide: fn(), onDismissNudge: fn(), onPopOut: fn(), onPopIn: fn(), onPause: fn(), onDismissToolbarTip: fn() };
}

export function visit(over: Partial<VisitSummary> = {}): VisitSummary {
  return {
    schemaVersion: 1,
    engineVersion: 'test',
    id: 'v1',
    site: 'meet',
    host: 'meet.google.com',
    startedAt: new Date(2025, 2, 14, 9, 5).getTime(),
    endedAt: new Date(2025, 2, 14, 9, 15).getTime(),
    durationS: 600,
    clinicianS: 210,
    patientS: 90,
    overlapS: 12,
    clinicianShare: 0.7,
    segments: {
      clinician: [
        [0, 100],
        [200, 310],
      ],
      patient: [
        [100, 150],
        [400, 440],
      ],
    },
    remoteSource: 'tab-capture',
    endReason: 'user',
    partial: false,
    privacyLocal: true,
    ...over,
  };
}
