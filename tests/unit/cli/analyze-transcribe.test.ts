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
    const report = JSON.parse(stdout) as { utterances: Array<{ start_s: number; end_s: number; text: string; label: string; behaviours: string[] }>; clinician_s: number; behaviours: object };
    expect(report.clinician_s).toBeGreaterThan(6); // the talk figures are still there
    expect(report.utterances).toHaveLength(3);
    report.utterances.forEach((u, i) => {
      expect(Math.abs(u.start_s - truth.clinician[i]![0])).toBeLessThan(0.15);
      expect(Math.abs(u.end_s - truth.clinician[i]![1])).toBeLessThan(0.15);
      expect(u.label).toBe(dialogue[i]!.label);
      expect(Object.keys(u).sort()).toEqual(expect.arrayContaining(['end_s', 'label', 'start_s', 'text']));
    });
    expect(report.utterances[1]!.text).toBe('Are you still having coffee in the afternoon?');
    // the listening behaviours (issue 16): a list per utterance and the counts
    for (const u of report.utterances) expect(Array.isArray(u.behaviours)).toBe(true);
    expect(Object.keys(report.behaviours).sort()).toEqual(['advice_without_permission', 'affirmation', 'agenda', 'permission', 'summary', 'teach_back']);
    for (const [i, u] of report.utterances.entries()) expect(wordAccuracy(u.text, dialogue[i]!.text)).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  it('lists them in the readable report', async () => {
    const { stdout } = await run('node', ['bin/attune.mjs', 'analyze', '--mic', `${FIX}/short-mic.wav`, '--remote', `${FIX}/short-remote.wav`, '--transcribe']);
    expect(stdout).toMatch(/Clinician utterances\n[\s\S]*7\.7–9\.8\s+closed question\s+Are you still having coffee in the afternoon\?/);
    expect(stdout).toMatch(/Listening skills  summaries \d+, affirmations \d+, agenda questions \d+, permission asked \d+, teach-backs \d+, advice without permission \d+/);
  }, 120_000);
});
