/** Labels produced by the clinician-utterance classifier. */
export const UTTERANCE_LABELS = ['open_question', 'closed_question', 'reflection', 'other'] as const;
export type UtteranceLabel = (typeof UTTERANCE_LABELS)[number];

/** Reflection subtypes (motivational-interviewing coding: simple = rephrase, complex = adds meaning). */
export const REFLECTION_TYPES = ['simple', 'complex'] as const;
export type ReflectionType = (typeof REFLECTION_TYPES)[number];
