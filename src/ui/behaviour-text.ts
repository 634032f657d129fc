/**
 * Plain words for the listening behaviours (issue 16), one place for the panel's skills line, the
 * summary's timeline and label review: a short name for tight spaces, a full name, an example of
 * what it sounds like, and the explanation shown on hover and read by screen readers.
 */
import { BEHAVIOURS_TO_AVOID, type Behaviour } from '../core/behaviours/labels';

export interface BehaviourText {
  /** A word or two for the panel's line ("Summary"). */
  short: string;
  /** The full name ("Summaries"). */
  name: string;
  /** What it is, in plain words, with an example. */
  explain: string;
}

export const BEHAVIOUR_TEXT: Record<Behaviour, BehaviourText> = {
  summary: {
    short: 'Summary',
    name: 'Summaries',
    explain: 'You gathered several things the patient said (“So far you’ve told me…”). MITI counts a summary as a complex reflection.',
  },
  affirmation: {
    short: 'Affirm',
    name: 'Affirmations',
    explain: 'You recognised the patient’s feelings or efforts (“That sounds really hard”, “You’ve worked hard on this”).',
  },
  agenda: {
    short: 'Agenda',
    name: 'Agenda asked for',
    explain: 'You asked what else is on the patient’s mind (“Is there anything else you’d like to talk about today?”).',
  },
  permission: {
    short: 'Permission',
    name: 'Permission asked',
    explain: 'You asked before giving advice or information (“Would it be OK if I shared some information about…?”).',
  },
  teach_back: {
    short: 'Teach-back',
    name: 'Teach-back',
    explain: 'You asked the patient to explain in their own words, to check that you explained clearly.',
  },
  advice_without_permission: {
    short: 'Unasked advice',
    name: 'Advice without asking',
    explain: 'Advice or information given without asking first. Something to avoid: ask permission before advising.',
  },
};

export const isToAvoid = (b: Behaviour): boolean => BEHAVIOURS_TO_AVOID.includes(b);
