import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { wordAccuracy } from '../speech/speech-fixtures';

const run = promisify(execFile);
const FIX = 'tests/fixtures/audio';
const truth = JSON.parse(readFileSync(`${FIX}/short-truth.json`, 'utf8')) as { clinician: Array<[number, number]> };
const dialogue = readFileSync(`${FIX}/short.jsonl`, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { speaker: string; text: string; label: string })
  .filter((turn) => turn.speaker === 'clinician');

describe('attune analyze --transcribe', () => {
  it('adds the clinician utterances with times, text and labels (the patient is not transcribed)', async () => {
    const { stdout } = await run('node', ['bin/attune.mjs', 'analyze', '--mic', `${FIX}/short-mic.wav`, '--remote', `${FIX}/short-remote.wav`, '--json', '--transcribe']);
    const report = JSON.parse(stdout) as { utterances: Array<{ start_s: number; end_s: number; text: string; label: string }>; clinician_s: number };
    expect(report.clinician_s).toBeGreaterThan(6); // the talk figures are still there
    expect(report.utterances).toHaveLength(3);
    report.utterances.forEach((u, i) => {
      expect(Math.abs(u.start_s - truth.clinician[i]![0])).toBeLessThan(0.15);
      expect(Math.abs(u.end_s - truth.clinician[i]![1])).toBeLessThan(0.15);
      expect(u.label).toBe(dialogue[i]!.label);
      expect(Object.keys(u).sort()).toEqual(expect.arrayContaining(['end_s', 'label', 'start_s', 'text']));
    });
    expect(report.utterances[1]!.text).toBe('Are you still having coffee in the afternoon?');
    for (const [i, u] of report.utterances.entries()) expect(wordAccuracy(u.text, dialogue[i]!.text)).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  it('lists them in the readable report', async () => {
    const { stdout } = await run('node', ['bin/attune.mjs', 'analyze', '--mic', `${FIX}/short-mic.wav`, '--remote', `${FIX}/short-remote.wav`, '--transcribe']);
    expect(stdout).toMatch(/Clinician utterances\n[\s\S]*7\.7–9\.8\s+closed question\s+Are you still having coffee in the afternoon\?/);
  }, 120_000);
});
