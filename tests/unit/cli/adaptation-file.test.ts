import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAdaptationFile } from '../../../src/cli/adaptation-file';
import { classifyLine } from '../../../src/cli/classify';
import { runAnalyze } from '../../../src/cli/analyze';
import { ADAPTATION_VERSION, IDENTITY_LAYER, MAX_LOG_ODDS, fitAdaptation, toLogProbs } from '../../../src/core/questions/adaptation';

const dir = mkdtempSync(join(tmpdir(), 'attune-adaptation-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('--adaptation PROFILE.json', () => {
  it('reads the profile the extension keeps', async () => {
    const corrections = [{ key: 'v/u0', logProbs: toLogProbs([0.3, 0.5, 0.1, 0.1]), target: 'open_question' as const }];
    const profile = { version: ADAPTATION_VERSION, layer: fitAdaptation(corrections), corrections };
    expect(await readAdaptationFile(file('ok.json', JSON.stringify(profile)))).toEqual(profile.layer);
  });

  it.each([
    ['missing', join(dir, 'nope.json'), /cannot read the adaptation profile \(ENOENT\)/],
    ['not JSON', file('bad.json', '{'), /not JSON/],
    ['of another version', file('v9.json', JSON.stringify({ version: 9, layer: IDENTITY_LAYER, corrections: [] })), /version 9/],
  ])('refuses a file that is %s, saying why', async (_, path, message) => {
    await expect(readAdaptationFile(path)).rejects.toThrow(message);
  });

  it('changes the classify output only when given', () => {
    const line = JSON.stringify({ id: 1, text: 'Did you take it today?' });
    const plain = JSON.parse(classifyLine(line));
    expect(plain.label).toBe('closed_question');
    expect(JSON.parse(classifyLine(line, IDENTITY_LAYER))).toEqual(plain);
    const leansOpen = { ...IDENTITY_LAYER, openLogOdds: MAX_LOG_ODDS, corrections: 40 };
    expect(JSON.parse(classifyLine(line, leansOpen))).toMatchObject({ id: 1, label: 'open_question' });
  });

  it('attune classify --adaptation reads every stdin line (the profile is read before stdin)', async () => {
    const profile = file('open.json', JSON.stringify({ version: ADAPTATION_VERSION, layer: { ...IDENTITY_LAYER, openLogOdds: MAX_LOG_ODDS, corrections: 9 }, corrections: [] }));
    const lines = [JSON.stringify({ id: 1, text: 'Did you take it today?' }), JSON.stringify({ id: 2, text: 'So you feel stuck.' })].join('\n') + '\n';
    const out = execFileSync(process.execPath, ['bin/attune.mjs', 'classify', '--adaptation', profile], { input: lines, encoding: 'utf8' });
    expect(out.trim().split('\n').map((l) => JSON.parse(l).label)).toEqual(['open_question', 'reflection']);
  }, 30_000);

  it('analyze takes it only with --transcribe', async () => {
    await expect(runAnalyze(['call.wav', '--adaptation', 'x.json'], () => undefined)).rejects.toThrow(/needs --transcribe/);
  });
});
