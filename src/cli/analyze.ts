import { parseArgs } from 'node:util';
import { analyzeRecording, type RecordingChunk } from '../core/talk/analyze-recording';
import type { TalkEngineOptions, TalkResult } from '../core/talk/talk-engine';
import type { BehaviourCounts, LabelledUtterance } from '../core/session/schema';
import { BEHAVIOURS, type Behaviour } from '../core/behaviours/labels';
import { countBehaviours } from '../core/behaviours/counts';
import { createCliSpeech, type CliSpeech } from './speech';
import { roundTalkResult } from '../core/talk/round-talk-result';
import { ENGINE_VERSION } from '../core/session/engine-version';
import { CliError } from './cli-error';
import { openWavFile, type WavFile } from './wav-file';

export const ANALYZE_USAGE = `usage: attune analyze --mic MIC.wav --remote REMOTE.wav [--json] [--transcribe [--adaptation PROFILE.json]]
       attune analyze CALL.wav [--json] [--transcribe [--adaptation PROFILE.json]]   (stereo: left = clinician, right = patient)
         --transcribe  also transcribe the clinician's utterances on this computer (Moonshine)
                       and label them (open/closed question, reflection, other) and their
                       listening behaviours (summary, affirmation, agenda, permission, teach-back,
                       advice without permission)
         --adaptation  label as adapted to one clinician's corrections (the profile the extension keeps)`;

/** The JSON the CLI prints; field names are a public contract (snake_case, units in names). */
export interface AnalyzeReport {
  engine_version: string;
  duration_s: number;
  clinician_s: number;
  patient_s: number;
  overlap_s: number;
  clinician_share: number | null;
  segments: { clinician: Array<[number, number]>; patient: Array<[number, number]> };
  turns: number;
  turns_per_min: number;
  interruptions: { clinician: number; patient: number };
  backchannels: { clinician: number; patient: number };
  longest_monologue_s: { clinician: number; patient: number };
  /** Clinician turns over the threshold (60 s by default), [start_s, end_s]. */
  clinician_long_monologues: Array<[number, number]>;
  clinician_response_latency_s: number | null;
  patient_response_latency_s: number | null;
  opening_statement: { start_s: number; duration_s: number; interrupted: boolean; interrupted_after_s: number | null } | null;
  /** Talk per minute from the start of the visit. */
  timeline: Array<{ start_s: number; clinician_s: number; patient_s: number; clinician_share: number | null }>;
  /** With --transcribe: the clinician's utterances, in order (the patient is never transcribed). */
  utterances?: ReportUtterance[];
  /** With --transcribe: how many utterances showed each listening behaviour (docs/BEHAVIOURS.md). */
  behaviours?: BehaviourCounts;
}

export interface ReportUtterance {
  start_s: number;
  end_s: number;
  text: string;
  label: LabelledUtterance['label'];
  reflection_type?: LabelledUtterance['reflectionType'];
  /** Listening behaviours of this utterance. */
  behaviours: Behaviour[];
}

/** What a run needs besides the files: engine hooks, and where the clinician's samples also go. */
interface AnalyzeHooks {
  engine: TalkEngineOptions;
  clinicianRate(rate: number): void;
  clinicianSamples(samples: Float32Array): void;
}

const NO_HOOKS: AnalyzeHooks = { engine: {}, clinicianRate: () => undefined, clinicianSamples: () => undefined };

export async function runAnalyze(argv: string[], write: (text: string) => void): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        mic: { type: 'string' },
        remote: { type: 'string' },
        json: { type: 'boolean', default: false },
        transcribe: { type: 'boolean', default: false },
        adaptation: { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message} (see: attune help)`);
  }
  const { values, positionals } = parsed;
  if (values.adaptation !== undefined && !values.transcribe) throw new CliError('--adaptation needs --transcribe (it changes the labels of transcribed utterances)');
  const adaptation = values.adaptation === undefined ? undefined : await (await import('./adaptation-file')).readAdaptationFile(values.adaptation);
  const speech: CliSpeech | null = values.transcribe ? await createCliSpeech(adaptation) : null;
  let report: AnalyzeReport;
  try {
    const hooks = speech ? speech.hooks : NO_HOOKS;
    const result = await analyzeFiles(values.mic, values.remote, positionals, hooks);
    report = toReport(result);
    if (speech) Object.assign(report, transcribedPart(await speech.finish(result.durationS)));
  } finally {
    speech?.dispose();
  }
  write(values.json ? JSON.stringify(report) + '\n' : formatReport(report));
}

async function analyzeFiles(mic: string | undefined, remote: string | undefined, positionals: string[], hooks: AnalyzeHooks): Promise<TalkResult> {
  if (positionals.length === 1 && !mic && !remote) {
    const call = await openWavFile(positionals[0]!);
    try {
      if (call.header.channelCount !== 2) {
        throw new CliError(`${call.path}: a call file must be stereo (left = clinician, right = patient); it has ${call.header.channelCount} channel(s). For separate files use --mic and --remote.`);
      }
      const rate = call.header.sampleRate;
      hooks.clinicianRate(rate);
      return await analyzeRecording(tee(stereoChunks(call), hooks), { clinician: rate, patient: rate }, hooks.engine);
    } finally {
      await call.close();
    }
  }
  if (positionals.length > 0 || !mic || !remote) throw new CliError(`give either --mic and --remote, or one stereo call file (see: attune help)`);
  const micFile = await openWavFile(mic);
  try {
    const remoteFile = await openWavFile(remote);
    try {
      for (const [file, flag] of [[micFile, '--mic'], [remoteFile, '--remote']] as const) {
        if (file.header.channelCount !== 1) {
          throw new CliError(`${file.path}: ${flag} takes a mono file; this one has ${file.header.channelCount} channels (give a stereo call as a single file instead)`);
        }
      }
      hooks.clinicianRate(micFile.header.sampleRate);
      return await analyzeRecording(
        tee(zipChunks(micFile, remoteFile), hooks),
        { clinician: micFile.header.sampleRate, patient: remoteFile.header.sampleRate },
        hooks.engine,
      );
    } finally {
      await remoteFile.close();
    }
  } finally {
    await micFile.close();
  }
}

/** Hands each clinician chunk to the hooks before the talk engine sees it (speech events then find its audio). */
async function* tee(chunks: AsyncIterable<RecordingChunk>, hooks: AnalyzeHooks): AsyncGenerator<RecordingChunk> {
  for await (const chunk of chunks) {
    if (chunk.clinician) hooks.clinicianSamples(chunk.clinician);
    yield chunk;
  }
}

async function* stereoChunks(call: WavFile): AsyncGenerator<RecordingChunk> {
  for await (const [left, right] of call.chunks()) yield { clinician: left, patient: right };
}

/** Reads both files a second at a time so that their chunks cover the same span. */
async function* zipChunks(mic: WavFile, remote: WavFile): AsyncGenerator<RecordingChunk> {
  const a = mic.chunks(1);
  const b = remote.chunks(1);
  for (;;) {
    const [x, y] = await Promise.all([a.next(), b.next()]);
    if (x.done && y.done) return;
    yield { clinician: x.done ? undefined : x.value[0], patient: y.done ? undefined : y.value[0] };
  }
}

export function toReport(talk: TalkResult): AnalyzeReport {
  const r = roundTalkResult(talk);
  const m = r.metrics;
  return {
    engine_version: ENGINE_VERSION,
    duration_s: r.durationS,
    clinician_s: r.clinicianS,
    patient_s: r.patientS,
    overlap_s: r.overlapS,
    clinician_share: r.clinicianShare,
    segments: r.segments,
    turns: m.turns,
    turns_per_min: m.turnsPerMin,
    interruptions: m.interruptions,
    backchannels: m.backchannels,
    longest_monologue_s: m.longestMonologueS,
    clinician_long_monologues: m.clinicianLongMonologues,
    clinician_response_latency_s: m.clinicianResponseLatencyS,
    patient_response_latency_s: m.patientResponseLatencyS,
    opening_statement: m.opening && {
      start_s: m.opening.startS,
      duration_s: m.opening.durationS,
      interrupted: m.opening.interrupted,
      interrupted_after_s: m.opening.interruptedAfterS,
    },
    timeline: m.timeline.map((b) => ({ start_s: b.startS, clinician_s: b.clinicianS, patient_s: b.patientS, clinician_share: b.clinicianShare })),
  };
}

function toReportUtterance(u: LabelledUtterance): ReportUtterance {
  return {
    start_s: u.startS,
    end_s: u.endS,
    text: u.text ?? '',
    label: u.label,
    ...(u.reflectionType ? { reflection_type: u.reflectionType } : {}),
    behaviours: u.behaviours ?? [],
  };
}

/** What --transcribe adds to the report: the utterances and the behaviour counts. */
export function transcribedPart(utterances: readonly LabelledUtterance[]): Pick<AnalyzeReport, 'utterances' | 'behaviours'> {
  return { utterances: utterances.map(toReportUtterance), behaviours: countBehaviours(utterances) };
}

function formatReport(r: AnalyzeReport): string {
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
  const patientShare = r.clinician_share === null ? null : 1 - r.clinician_share;
  return [
    `Visit length      ${r.duration_s.toFixed(1)} s`,
    `Clinician spoke   ${r.clinician_s.toFixed(1)} s (${pct(r.clinician_share)} of talk time) in ${r.segments.clinician.length} stretches`,
    `Patient spoke     ${r.patient_s.toFixed(1)} s (${pct(patientShare)} of talk time) in ${r.segments.patient.length} stretches`,
    `Both at once      ${r.overlap_s.toFixed(1)} s`,
    `Turns             ${r.turns} (${r.turns_per_min.toFixed(1)} per minute)`,
    `Interruptions     clinician ${r.interruptions.clinician}, patient ${r.interruptions.patient}; backchannels clinician ${r.backchannels.clinician}, patient ${r.backchannels.patient}`,
    `Longest turn      clinician ${r.longest_monologue_s.clinician.toFixed(1)} s, patient ${r.longest_monologue_s.patient.toFixed(1)} s; clinician turns over 60 s: ${r.clinician_long_monologues.length}`,
    `Response pause    clinician ${r.clinician_response_latency_s === null ? '—' : r.clinician_response_latency_s.toFixed(2) + ' s'} (median)`,
    `Opening statement ${
      r.opening_statement === null
        ? '—'
        : `${r.opening_statement.duration_s.toFixed(1)} s from ${r.opening_statement.start_s.toFixed(1)} s, ${
            r.opening_statement.interrupted ? `interrupted after ${r.opening_statement.interrupted_after_s?.toFixed(1)} s` : 'not interrupted'
          }`
    }`,
    `Clinician share by minute  ${r.timeline.map((b) => pct(b.clinician_share)).join(' ')}`,
    ...(r.behaviours ? [`Listening skills  ${BEHAVIOURS.map((b) => `${BEHAVIOUR_TEXT[b]} ${r.behaviours![b]}`).join(', ')}`] : []),
    ...(r.utterances ? ['', 'Clinician utterances', ...r.utterances.map(formatUtterance)] : []),
    '',
  ].join('\n');
}

const LABEL_TEXT: Record<ReportUtterance['label'], string> = {
  open_question: 'open question',
  closed_question: 'closed question',
  reflection: 'reflection',
  other: 'other',
};

const BEHAVIOUR_TEXT: Record<Behaviour, string> = {
  summary: 'summaries',
  affirmation: 'affirmations',
  agenda: 'agenda questions',
  permission: 'permission asked',
  teach_back: 'teach-backs',
  advice_without_permission: 'advice without permission',
};

function formatUtterance(u: ReportUtterance): string {
  const label = LABEL_TEXT[u.label] + (u.reflection_type ? ` (${u.reflection_type})` : '');
  const behaviours = u.behaviours.length > 0 ? `  [${u.behaviours.map((b) => b.replace(/_/g, ' ')).join(', ')}]` : '';
  return `  ${u.start_s.toFixed(1).padStart(6)}–${u.end_s.toFixed(1).padEnd(6)} ${label.padEnd(22)} ${u.text}${behaviours}`;
}
