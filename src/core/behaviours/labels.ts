/**
 * Listening behaviours beyond questions (issue 16), detected in the clinician's own utterances.
 * One source of truth: the schema, the panel's skills line, the summary, the history trends,
 * the export columns and the CLI all derive their lists from `BEHAVIOURS`.
 *
 * An utterance can show several behaviours at once ("So far you've told me … — is there anything
 * else?" is a summary and an agenda elicitation), so behaviours are a set per utterance, separate
 * from the one open/closed/reflection/other label.
 */
export const BEHAVIOURS = [
  /** Gathers several things the patient said (MITI: a complex reflection). */
  'summary',
  /** Affirms or validates: "That sounds really hard", "You've worked hard on this". */
  'affirmation',
  /** Elicits the whole agenda: "Is there anything else you'd like to talk about today?" */
  'agenda',
  /** Asks permission before giving information or advice (MITI: seeking collaboration). */
  'permission',
  /** Checks understanding in the patient's own words (teach-back). */
  'teach_back',
  /** Gives advice or information without having asked permission (MI-inconsistent). */
  'advice_without_permission',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** Behaviours a clinician should do more of; the last one is a behaviour to avoid. */
export const BEHAVIOURS_TO_AVOID: readonly Behaviour[] = ['advice_without_permission'];
