import { describe, expect, it } from 'vitest';
import { ADAPTATION_VERSION, IDENTITY_LAYER, toLogProbs } from '../../../src/core/questions/adaptation';
import { EMPTY_PROFILE, MAX_STORED_CORRECTIONS, readAdaptationProfile, withCorrection, type AdaptationProfile } from '../../../src/core/questions/adaptation-profile';
import { correctLabel } from '../../../src/core/history/label-corrections';
import type { LabelledUtterance, VisitSummary } from '../../../src/core/session/schema';
import { fullVisit } from '../history/fixtures';

const closedLeaning = toLogProbs([0.35, 0.45, 0.1, 0.1]);

function visitWith(id: string, n: number, logProbs: number[] | null = closedLeaning): VisitSummary {
  const utterances: LabelledUtterance[] = Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    startS: i * 10,
    endS: i * 10 + 3,
    label: 'closed_question',
    confidence: 0.45,
    ...(logProbs && { classLogProbs: logProbs }),
  }));
  return { ...fullVisit({ id }), utterances };
}

/** Applies a correction the way the repository does, then teaches the profile. */
function correct(profile = EMPTY_PROFILE, visit: VisitSummary, utteranceId: string, label: LabelledUtterance['label'] | null) {
  const next = correctLabel(visit, utteranceId, label) as VisitSummary;
  return { visit: next, profile: withCorrection(profile, next, utteranceId) };
}

describe('withCorrection', () => {
  it('learns from a correction and forgets it when the correction is withdrawn', () => {
    let visit = visitWith('v1', 5);
    let profile = EMPTY_PROFILE;
    for (const id of ['u0', 'u1', 'u2']) ({ visit, profile } = correct(profile, visit, id, 'open_question'));
    expect(profile.corrections.map((c) => [c.key, c.target])).toEqual([
      ['v1/u0', 'open_question'],
      ['v1/u1', 'open_question'],
      ['v1/u2', 'open_question'],
    ]);
    expect(profile.layer.corrections).toBe(3);
    expect(profile.layer.openLogOdds).toBeGreaterThan(0); // towards open
    // changing a correction replaces it; withdrawing them all returns to the identity
    ({ visit, profile } = correct(profile, visit, 'u1', 'reflection'));
    expect(profile.corrections.filter((c) => c.key === 'v1/u1').map((c) => c.target)).toEqual(['reflection']);
    for (const id of ['u0', 'u1', 'u2']) ({ visit, profile } = correct(profile, visit, id, null));
    expect(profile.corrections).toEqual([]);
    expect(profile.layer).toEqual(IDENTITY_LAYER);
  });

  it('keeps no text, only the four numbers and the label', () => {
    const visit = { ...visitWith('v1', 2), privacyLocal: false };
    visit.utterances = visit.utterances?.map((u) => ({ ...u, text: 'Did you take it today?' }));
    const { profile } = correct(EMPTY_PROFILE, visit, 'u0', 'open_question');
    expect(JSON.stringify(profile)).not.toContain('today');
    expect(Object.keys(profile.corrections[0] ?? {}).sort()).toEqual(['key', 'logProbs', 'target']);
  });

  it('ignores utterances saved without log-probabilities (older visits)', () => {
    const { profile } = correct(EMPTY_PROFILE, visitWith('old', 2, null), 'u0', 'open_question');
    expect(profile).toBe(EMPTY_PROFILE);
  });

  it('keeps only the most recent corrections', () => {
    const full: AdaptationProfile = {
      ...EMPTY_PROFILE,
      corrections: Array.from({ length: MAX_STORED_CORRECTIONS }, (_, i) => ({ key: `old/u${i}`, logProbs: closedLeaning, target: 'open_question' as const })),
    };
    let visit = visitWith('v', 2);
    let profile = full;
    for (const id of ['u0', 'u1']) ({ visit, profile } = correct(profile, visit, id, 'reflection'));
    expect(profile.corrections).toHaveLength(MAX_STORED_CORRECTIONS);
    expect(profile.corrections.map((c) => c.key).slice(0, 1)).toEqual(['old/u2']);
    expect(profile.corrections.map((c) => c.key).slice(-2)).toEqual(['v/u0', 'v/u1']);
  });
});

describe('readAdaptationProfile', () => {
  it('reads nothing stored as no adaptation, without a problem, and round-trips a profile', () => {
    expect(readAdaptationProfile(undefined)).toEqual({ profile: EMPTY_PROFILE, problem: null });
    expect(readAdaptationProfile(null)).toEqual({ profile: EMPTY_PROFILE, problem: null });
    const { profile } = correct(EMPTY_PROFILE, visitWith('v1', 2), 'u0', 'open_question');
    expect(readAdaptationProfile(JSON.parse(JSON.stringify(profile)))).toEqual({ profile, problem: null });
  });

  const good = () => correct(EMPTY_PROFILE, visitWith('v1', 2), 'u0', 'open_question').profile;
  it.each([
    ['a string', () => 'garbage'],
    ['a newer version', () => ({ ...good(), version: ADAPTATION_VERSION + 1 })],
    ['a shift out of range', () => ({ ...good(), layer: { ...good().layer, openLogOdds: 99 } })],
    ['NaN as the shift', () => ({ ...good(), layer: { ...good().layer, openLogOdds: Number.NaN } })],
    ['other labels', () => ({ ...good(), layer: { ...good().layer, labels: ['a', 'b', 'c', 'd'] } })],
    ['a positive log-probability', () => ({ ...good(), corrections: [{ key: 'v/u', logProbs: [1, -1, -2, -3], target: 'open_question' }] })],
    ['an unknown label', () => ({ ...good(), corrections: [{ key: 'v/u', logProbs: [0, -1, -2, -3], target: 'advice' }] })],
  ])('falls back to no adaptation with a message for %s', (_, stored) => {
    const r = readAdaptationProfile(stored());
    expect(r.profile).toEqual(EMPTY_PROFILE);
    expect(r.problem).toMatch(/could not be read \(.+\), so labels are not adapted to you\. Reset it/);
  });

  it('drops anything but the numbers and the label from a stored correction', () => {
    const stored = { ...good(), corrections: [{ key: 'v/u', logProbs: [0, -1, -2, -3], target: 'open_question', text: 'Did you take it today?' }] };
    expect(JSON.stringify(readAdaptationProfile(stored).profile)).not.toContain('today');
  });

  it('names the version it cannot read', () => {
    expect(readAdaptationProfile({ ...good(), version: 7 }).problem).toContain('version 7');
  });
});
