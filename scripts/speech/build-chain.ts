/**
 * The product's own condition for the question classifier (issue 13 §2): every THERAPIST
 * utterance of an AnnoMI file spoken by espeak-ng (voice per transcript, rate per utterance,
 * deterministic), transcribed by the very Moonshine transcriber the CLI and the extension run,
 * with the decoder's final-punctuation probabilities and the shipped final-pitch-rise feature.
 * Writes one JSON line per utterance (format: docs/QUESTIONS.md, "The product condition").
 *
 *   npm run build:chain -- ../shared/data/annomi-dev.jsonl [--out .cache/annomi-chain.jsonl]
 *       [--limit N]            only the first N transcripts (by id)
 *       [--every K]            only every K-th transcript (by id): a deterministic subset
 *       [--flat]               speak each "?" as "." (espeak-ng then says a question with a
 *                              statement's falling intonation: the words alone must carry it)
 *
 * Audio and transcripts are cached under .cache/chain (gitignored; AnnoMI-derived, never committed).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINE_SAMPLE_RATE } from '../../src/core/audio/constants';
import { finalPitchRise } from '../../src/core/speech/final-pitch';
import { createNodeMoonshineTranscriber } from '../../src/adapters/speech/moonshine-node';
import { hear, heardKey } from './chain/hear';
import { espeakAvailable, speak, voiceFor } from './chain/speak';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: '.cache/annomi-chain.jsonl' }, limit: { type: 'string' }, every: { type: 'string', default: '1' }, flat: { type: 'boolean', default: false } },
});
const input = positionals[0];
if (!input || !existsSync(input)) {
  console.error(`usage: npm run build:chain -- <annomi.jsonl> [--out path] [--limit N] [--every K]${input ? `\nno such file: ${input}` : ''}`);
  process.exit(2);
}
if (!espeakAvailable()) {
  console.error('espeak-ng is not installed (apt-get install espeak-ng): nothing to speak with');
  process.exit(2);
}
const CACHE = '.cache/chain';

interface Row {
  transcript_id: number;
  utterance_id: number;
  speaker: string;
  text: string;
}
const rows = readFileSync(input, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row)
  .filter((r) => r.speaker === 'therapist' && r.text.trim() !== '');
const transcriptIds = [...new Set(rows.map((r) => r.transcript_id))].sort((a, b) => a - b);
const every = Math.max(1, Number(values.every));
const subset = transcriptIds.filter((_, i) => i % every === 0).slice(0, values.limit ? Number(values.limit) : undefined);
// Every other transcript first: a run stopped half-way has still covered the whole split evenly.
const chosen = [...subset.filter((_, i) => i % 2 === 0), ...subset.filter((_, i) => i % 2 === 1)];

const round4 = (x: number | undefined) => (x === undefined ? null : Math.round(x * 1e4) / 1e4);

const transcriber = await createNodeMoonshineTranscriber();
mkdirSync(dirname(values.out), { recursive: true });
const partial = `${values.out}.partial`;
writeFileSync(partial, '');
let audioS = 0;
let transcribeS = 0;
let fresh = 0;
let done = 0;
const total = rows.filter((r) => chosen.includes(r.transcript_id)).length;
const startedAll = performance.now();
for (const transcriptId of chosen) {
  const lines: string[] = [];
  for (const r of rows.filter((x) => x.transcript_id === transcriptId).sort((a, b) => a.utterance_id - b.utterance_id)) {
    const { voice, rateWpm } = voiceFor(r.transcript_id, r.utterance_id);
    const spoken = values.flat ? r.text.replaceAll('?', '.') : r.text;
    const pcm = speak(CACHE, spoken, voice, rateWpm);
    const heard = await hear(transcriber, pcm, CACHE, heardKey(voice, rateWpm, spoken));
    const rise = finalPitchRise(pcm);
    const p = heard.finalPunctuation;
    lines.push(
      JSON.stringify({
        transcript_id: r.transcript_id,
        utterance_id: r.utterance_id,
        voice,
        rate_wpm: rateWpm,
        ...(values.flat && { spoken_flat: true }),
        asr_text: heard.text,
        p_question: round4(p?.question),
        p_period: round4(p?.period),
        p_comma: round4(p?.comma),
        final_pitch_rise: rise ?? null,
        audio_ms: Math.round((pcm.length / ENGINE_SAMPLE_RATE) * 1000),
      }),
    );
    if (!heard.cached) {
      fresh++;
      audioS += pcm.length / ENGINE_SAMPLE_RATE;
      transcribeS += heard.transcribeMs / 1000;
    }
    done++;
  }
  // Whole transcripts only, so that a file read mid-run holds complete visits.
  appendFileSync(partial, lines.map((l) => `${l}\n`).join(''));
  writeFileSync(values.out, readFileSync(partial));
  const elapsedS = (performance.now() - startedAll) / 1000;
  console.error(`transcript ${transcriptId}: ${done}/${total} utterances, ${elapsedS.toFixed(0)} s`);
}
renameSync(partial, values.out);
transcriber.dispose();
const rtf = audioS > 0 ? transcribeS / audioS : NaN;
console.log(
  `${done} utterances of ${chosen.length} transcripts (of ${transcriptIds.length}) → ${values.out}; ` +
    `transcribed ${fresh} new: ${audioS.toFixed(0)} s of audio in ${transcribeS.toFixed(0)} s, real-time factor ${rtf.toFixed(3)}`,
);
