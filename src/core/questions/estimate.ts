/**
 * A visit's question figures as estimates (issue 13): each utterance counts towards every label
 * by the classifier's probability of it (an utterance 60 % likely open and 40 % closed adds 0.6
 * and 0.4), instead of one whole count for its most likely label. In grouped cross-validation on
 * AnnoMI spoken through the product's own speech-to-text, these expected counts are closer to
 * the expert's open-question share and reflections-per-question than label counts
 * (docs/QUESTIONS.md, "Visit level"): label counts round every uncertain question towards its
 * likelier kind, and those roundings do not cancel within one visit.
 *
 * A label the clinician corrected counts in full for the corrected label, and one they confirmed
 * in the review step counts in full for the label shown (review.ts). The live panel keeps
 * whole label counts (speech-pipeline.ts); the saved visit's skills, trends, goals and export read
 * these figures, and say that they are estimates.
 */
import type { LabelledUtterance, QuestionCounts, VisitSummary } from '../session/schema';
import { UTTERANCE_LABELS, type UtteranceLabel } from './labels';
import { effectiveLabel } from '../speech/question-counts';

const OPEN = UTTERANCE_LABELS.indexOf('open_question');
const CLOSED = UTTERANCE_LABELS.indexOf('closed_question');

/** Open, closed and reflection counts with the two ratios; counts may be fractional when `estimated`. */
export interface QuestionFigures {
  open: number;
  closed: number;
  reflections: number;
  /** open / (open + closed); null with no questions. */
  openShare: number | null;
  /** reflections / (open + closed); null with no questions. */
  reflectionToQuestion: number | null;
  /** True when the counts are sums of probabilities; false when they are whole label counts. */
  estimated: boolean;
}

const oneHot = (label: UtteranceLabel): number[] => UTTERANCE_LABELS.map((l) => (l === label ? 1 : 0));

/**
 * How much one utterance counts towards each label (`UTTERANCE_LABELS` order, sums to 1). The
 * stored log-probabilities are the model's before the clinician's adaptation layer, while the
 * label and confidence are after it; the layer only moves a question's probability between open
 * and closed, so for a question the label's share is its stored confidence and the rest of the
 * question probability goes to the other kind (without a layer this is the model's own split).
 */
export function labelWeights(
  u: Pick<LabelledUtterance, 'label' | 'correctedLabel' | 'labelConfirmed' | 'confidence' | 'classLogProbs' | 'behaviours' | 'correctedBehaviours'>,
): number[] {
  // The clinician's verdict counts in full: a correction, or a confirmation of the label shown.
  if (u.correctedLabel || u.labelConfirmed) return oneHot(effectiveLabel(u));
  if (!u.classLogProbs) return oneHot(u.label);
  const raw = u.classLogProbs.map((x) => Math.exp(x));
  const total = raw.reduce((a, b) => a + b, 0);
  const p = raw.map((x) => x / total);
  const self = UTTERANCE_LABELS.indexOf(u.label);
  if (self === OPEN || self === CLOSED) {
    const q = (p[OPEN] as number) + (p[CLOSED] as number);
    const mine = Math.min(Math.max(u.confidence, 0), q);
    p[self] = mine;
    p[self === OPEN ? CLOSED : OPEN] = q - mine;
  }
  return p;
}

const ratios = (open: number, closed: number, reflections: number) => {
  const questions = open + closed;
  return { openShare: questions > 0 ? open / questions : null, reflectionToQuestion: questions > 0 ? reflections / questions : null };
};

/** Expected counts over utterances (corrected and confirmed labels in full). */
export function estimateQuestions(utterances: readonly LabelledUtterance[]): QuestionFigures {
  const sum = [0, 0, 0, 0];
  for (const u of utterances) labelWeights(u).forEach((w, c) => (sum[c] = (sum[c] as number) + w));
  const [open, closed, reflections] = [sum[OPEN] as number, sum[CLOSED] as number, sum[UTTERANCE_LABELS.indexOf('reflection')] as number];
  return { open, closed, reflections, ...ratios(open, closed, reflections), estimated: true };
}

/**
 * How a visit's question figures were worked out, in the clinician's words, so that the skills
 * table never calls plain label counts estimates: it follows `QuestionFigures.estimated`.
 */
export const ESTIMATE_NOTE =
  'Estimated: each thing you said counts by how likely it is to be each kind, so an unsure label counts in part (a label you corrected or confirmed counts in full).';
export const COUNT_NOTE =
  'Counted: this visit was saved before Attune kept how sure it was of each label, so each label counts once, as listed below (corrections included).';
export const figuresNote = (figures: Pick<QuestionFigures, 'estimated'>): string => (figures.estimated ? ESTIMATE_NOTE : COUNT_NOTE);

/** Whole label counts as figures (visits saved before probabilities were kept). */
export const countFigures = (q: QuestionCounts): QuestionFigures => ({
  open: q.open,
  closed: q.closed,
  reflections: q.reflections,
  openShare: q.openShare,
  reflectionToQuestion: q.reflectionToQuestion,
  estimated: false,
});

/** Whether a visit's figures are estimates: its utterances carry the classifier's probabilities (visits saved since they were kept). */
export const hasEstimates = (utterances: readonly Pick<LabelledUtterance, 'classLogProbs'>[]): boolean => utterances.some((u) => u.classLogProbs);

/**
 * The figures the summary, history, goals and export show for a visit: estimates when its
 * utterances carry the classifier's probabilities, else its label counts; null when the visit
 * counted no questions at all (no speech-to-text).
 */
export function visitQuestionFigures(visit: Pick<VisitSummary, 'utterances' | 'questions'>): QuestionFigures | null {
  const utterances = visit.utterances ?? [];
  if (hasEstimates(utterances)) return estimateQuestions(utterances);
  return visit.questions ? countFigures(visit.questions) : null;
}
