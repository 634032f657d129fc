import type { NudgeId } from '../session/schema';

/**
 * What each nudge says, and the evidence it rests on (shown on hover or focus in the panel).
 * The wording is gentle on purpose: a prompt to try something, never a verdict.
 */
export interface NudgeWording {
  text: string;
  source: string;
}

export const NUDGE_WORDING: Record<NudgeId, NudgeWording> = {
  opening: {
    text: 'Let the patient finish their opening',
    source:
      'Clinicians redirect the opening statement after 23 s on average (Marvel et al., JAMA 1999) and a median of 11 s ' +
      '(Singh Ospina et al., J Gen Intern Med 2019); left uninterrupted, patients finish in about 92 s (Langewitz et al., BMJ 2002).',
  },
  monologue: {
    text: 'Pause and check in with the patient',
    source: 'Give information in small chunks and check understanding (“chunk and check”, Calgary–Cambridge guide; Kurtz, Silverman & Draper, Skills for Communicating with Patients, 2005).',
  },
  balance: {
    text: 'Invite the patient to say more',
    source: 'Patient-centred visits give the patient more of the talk (Roter & Hall, Doctors Talking with Patients, 2006); the limit is your own target in Attune’s settings.',
  },
  'closed-questions': {
    text: 'Try an open question',
    source: 'Motivational Interviewing Treatment Integrity (MITI 3.1.1): at least 50% open questions for beginning proficiency, 70% for competency.',
  },
  reflect: {
    text: 'Reflect what you heard',
    source: 'MITI 4.2.1: at least one reflection per question is fair, two per question is good.',
  },
  gaze: {
    text: 'Look back at the patient',
    source: 'Consistent eye contact strengthened patients’ trust in a controlled video study (Hillen et al., Breast Cancer Res Treat 2015).',
  },
  agenda: {
    text: 'Ask what else is on their mind',
    source:
      'Clinicians elicited the patient’s agenda in only 36% of visits, and interrupted it after a median of 11 s ' +
      '(Singh Ospina et al., J Gen Intern Med 2019); asking “anything else?” early heads off late “oh, and one more thing” concerns.',
  },
  permission: {
    text: 'Ask permission before advising',
    source:
      'MITI 4.2.1: seeking collaboration and emphasizing autonomy raise the partnership score; advice given without permission ' +
      'counts as “persuade” (MI-inconsistent), while the same advice after asking counts as “persuade with permission”.',
  },
  'teach-back': {
    text: 'Check understanding',
    source:
      'Ask patients to explain the plan in their own words (teach-back: AHRQ Health Literacy Universal Precautions Toolkit, 2nd ed. 2015); ' +
      'physicians who checked recall this way had patients with better glycaemic control (Schillinger et al., Arch Intern Med 2003).',
  },
};
