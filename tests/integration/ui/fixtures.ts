/** Test data shared by the UI tests. */
import { vi, type Mock } from 'vitest';
import type { LiveTalk, VisitSummary } from '../../../src/core/session/schema';
import type { PanelActions, PanelModel } from '../../../src/ui/panel/Panel';

export function liveTalk(over: Partial<LiveTalk> = {}): LiveTalk {
  return { clinicianS: 90, patientS: 125, overlapS: 4, clinicianShare: 0.42, elapsedS: 247, speakingNow: 'patient', ...over };
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
  return { onStart: fn(), onEnd: fn(), onOpenSummary: fn(), onOpenSetup: fn(), onHide: fn() };
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
