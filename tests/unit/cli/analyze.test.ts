import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attune } from './run-attune';

const FIX = 'tests/fixtures/audio';
const truth = JSON.parse(readFileSync(`${FIX}/short-truth.json`, 'utf8')) as { clinician_s: number; patient_s: number; clinician_share: number; duration_s: number };


describe('attune analyze', () => {
  it('measures a two-file visit close to its ground truth', async () => {
    const { code, stdout } = await attune('analyze', '--mic', `${FIX}/short-mic.wav`, '--remote', `${FIX}/short-remote.wav`, '--json');
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.duration_s).toBeCloseTo(truth.duration_s, 1);
    expect(Math.abs(r.clinician_s - truth.clinician_s)).toBeLessThan(0.3);
    expect(Math.abs(r.patient_s - truth.patient_s)).toBeLessThan(0.3);
    expect(Math.abs(r.clinician_share - truth.clinician_share)).toBeLessThan(0.01);
    expect(r.segments.clinician).toHaveLength(3);
    expect(r.segments.patient).toHaveLength(3);
  });

  it('reads stereo calls at other rates and sample formats with the same result', async () => {
    const a = JSON.parse((await attune('analyze', `${FIX}/short-call-48k-f32.wav`, '--json')).stdout);
    const b = JSON.parse((await attune('analyze', `${FIX}/short-call-44k-s24.wav`, '--json')).stdout);
    // Both are the same 2.0 s excerpt (from 2.6 s): the end of a clinician turn, then the patient.
    for (const r of [a, b]) {
      expect(r.duration_s).toBeCloseTo(2, 1);
      expect(r.clinician_s).toBeGreaterThan(0.5);
      expect(r.patient_s).toBeGreaterThan(0.4);
    }
    expect(Math.abs(a.clinician_s - b.clinician_s)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(a.patient_s - b.patient_s)).toBeLessThanOrEqual(0.03);
  });

  it('prints a readable report without --json', async () => {
    const { code, stdout } = await attune('analyze', '--mic', `${FIX}/short-mic.wav`, '--remote', `${FIX}/short-remote.wav`);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Clinician spoke\s+\d+\.\d s \(4\d% of talk time\)/);
  });

  it.each([
    [['analyze', '--mic', 'nope.wav', '--remote', `${FIX}/short-remote.wav`], /cannot read nope\.wav: no such file/],
    [['analyze', `${FIX}/not-a-wav.wav`], /not a WAV file/],
    [['analyze', `${FIX}/truncated.wav`], /truncated/],
    [['analyze', '--mic', `${FIX}/short-call-48k-f32.wav`, '--remote', `${FIX}/short-remote.wav`], /--mic takes a mono file/],
    [['analyze', `${FIX}/short-mic.wav`], /must be stereo/],
    [['analyze', '--mic', `${FIX}/short-mic.wav`], /give either --mic and --remote/],
    [['frobnicate'], /unknown command/],
  ])('fails clearly on bad input: %j', async (args, message) => {
    const { code, stdout, stderr } = await attune(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
