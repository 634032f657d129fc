import { createChannelFeatureStream } from '../audio/channel-features';
import type { FrameFeatures } from '../audio/features';
import { createTalkEngine, type TalkEngineOptions, type TalkResult } from './talk-engine';

/** A recording as aligned chunks: each holds the same span of time for both sides. */
export interface RecordingChunk {
  clinician?: Float32Array;
  patient?: Float32Array;
}

export interface RecordingRates {
  clinician: number;
  patient: number;
}

/**
 * Runs a whole recording through exactly the streaming path the extension uses
 * (resample → 10 ms frames → features → talk engine), chunk by chunk in constant memory.
 */
export async function analyzeRecording(
  chunks: AsyncIterable<RecordingChunk>,
  rates: RecordingRates,
  options: TalkEngineOptions = {},
): Promise<TalkResult> {
  const engine = createTalkEngine(options);
  const streams = { clinician: createChannelFeatureStream(rates.clinician), patient: createChannelFeatureStream(rates.patient) };
  let clinicianQueue: FrameFeatures[] = [];
  let patientQueue: FrameFeatures[] = [];

  const pairReady = (final: boolean) => {
    const n = final ? Math.max(clinicianQueue.length, patientQueue.length) : Math.min(clinicianQueue.length, patientQueue.length);
    for (let i = 0; i < n; i++) engine.push(clinicianQueue[i] ?? null, patientQueue[i] ?? null);
    clinicianQueue = clinicianQueue.slice(Math.min(n, clinicianQueue.length));
    patientQueue = patientQueue.slice(Math.min(n, patientQueue.length));
  };

  for await (const chunk of chunks) {
    if (chunk.clinician) clinicianQueue.push(...streams.clinician.push(chunk.clinician));
    if (chunk.patient) patientQueue.push(...streams.patient.push(chunk.patient));
    pairReady(false);
  }
  clinicianQueue.push(...streams.clinician.flush());
  patientQueue.push(...streams.patient.flush());
  pairReady(true);
  return engine.result();
}
