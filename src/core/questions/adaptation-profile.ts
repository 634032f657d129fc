/**
 * What the extension stores to adapt labels to one clinician: the fitted layer and the
 * corrections it was fitted on. A correction is kept as the classifier's 4 log-probabilities for
 * that utterance and the clinician's label, keyed by visit and utterance id: no text, no features,
 * so it is allowed in privacy-local mode. Versioned and validated on every read; an unreadable
 * record means no adaptation and a message, never a failure elsewhere.
 */
import * as v from 'valibot';
import type { VisitSummary } from '../session/schema';
import { ADAPTATION_VERSION, IDENTITY_LAYER, MAX_LOG_ODDS, MIN_LOG_PROB, fitAdaptation, type AdaptationLayer } from './adaptation';
import { UTTERANCE_LABELS } from './labels';

/** Oldest corrections are dropped beyond this (a clinician's habit is in the recent ones; the fit stays fast). */
export const MAX_STORED_CORRECTIONS = 1000;

/** The fitted layer as stored and sent in `engine:start` (its type: `AdaptationLayer`, adaptation.ts). */
export const AdaptationLayerSchema = v.object({
  version: v.literal(ADAPTATION_VERSION),
  labels: v.pipe(
    v.array(v.string()),
    v.check((xs) => xs.length === UTTERANCE_LABELS.length && xs.every((x, i) => x === UTTERANCE_LABELS[i]), 'labels differ from the classifier’s'),
  ),
  openLogOdds: v.pipe(v.number(), v.finite(), v.minValue(-MAX_LOG_ODDS), v.maxValue(MAX_LOG_ODDS)),
  corrections: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
// The schema and the interface must describe the same thing.
const _sameShape: AdaptationLayer = {} as v.InferOutput<typeof AdaptationLayerSchema>;
void _sameShape;

const logProb = v.pipe(v.number(), v.finite(), v.minValue(MIN_LOG_PROB), v.maxValue(0));

export const StoredCorrectionSchema = v.object({
  /** `<visit id>/<utterance id>`: a correction changed or removed later replaces this one. */
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  logProbs: v.pipe(v.array(logProb), v.length(UTTERANCE_LABELS.length)),
  target: v.picklist(UTTERANCE_LABELS),
});
export type StoredCorrection = v.InferOutput<typeof StoredCorrectionSchema>;

export const AdaptationProfileSchema = v.object({
  version: v.literal(ADAPTATION_VERSION),
  layer: AdaptationLayerSchema,
  corrections: v.pipe(v.array(StoredCorrectionSchema), v.maxLength(MAX_STORED_CORRECTIONS)),
});
export type AdaptationProfile = v.InferOutput<typeof AdaptationProfileSchema>;

export const EMPTY_PROFILE: AdaptationProfile = Object.freeze({ version: ADAPTATION_VERSION, layer: IDENTITY_LAYER, corrections: [] }) as AdaptationProfile;

/** A stored profile read back: `problem` says why it was unusable (then the profile is empty). */
export interface AdaptationRead {
  profile: AdaptationProfile;
  problem: string | null;
}

/** Nothing stored is an empty profile; anything unreadable is an empty profile with a message. */
export function readAdaptationProfile(stored: unknown): AdaptationRead {
  if (stored === null || stored === undefined) return { profile: EMPTY_PROFILE, problem: null };
  const r = v.safeParse(AdaptationProfileSchema, stored);
  if (r.success) return { profile: r.output, problem: null };
  const version = (stored as { version?: unknown }).version;
  const why = typeof version === 'number' && version !== ADAPTATION_VERSION ? `it is version ${version}; this Attune reads version ${ADAPTATION_VERSION}` : describeIssue(r.issues[0]);
  return {
    profile: EMPTY_PROFILE,
    problem: `What Attune learnt from your corrections could not be read (${why}), so labels are not adapted to you. Reset it below to start again; your visits are not affected.`,
  };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * The profile after a correction on `visit` changed (the visit as saved, correction applied or
 * removed): the utterance's stored correction is replaced or dropped, and the layer refitted.
 * Utterances saved without the classifier's log-probabilities (older visits) teach nothing.
 */
export function withCorrection(profile: AdaptationProfile, visit: VisitSummary, utteranceId: string): AdaptationProfile {
  const key = `${visit.id}/${utteranceId}`;
  const u = visit.utterances?.find((x) => x.id === utteranceId);
  const kept = profile.corrections.filter((c) => c.key !== key);
  const added: StoredCorrection[] = u?.correctedLabel && u.classLogProbs ? [{ key, logProbs: [...u.classLogProbs], target: u.correctedLabel }] : [];
  const corrections = [...kept, ...added].slice(-MAX_STORED_CORRECTIONS);
  const unchanged = corrections.length === profile.corrections.length && added.length === 0;
  if (unchanged) return profile;
  return { version: ADAPTATION_VERSION, layer: fitAdaptation(corrections), corrections };
}

/** The layer to label with (the identity when nothing was learnt). */
export const layerOf = (read: AdaptationRead): AdaptationLayer => read.profile.layer;
