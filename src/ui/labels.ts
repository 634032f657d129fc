/** Plain-language labels for schema values, kept in one place so wording stays consistent. */
import type { EndReason, SpeakingNow } from '../core/session/schema';
import { platformLabel } from '../core/platforms/catalog';

export type { CoachingStatus as CoachingState, MicPermission } from '../core/protocol/messages';

/** A platform id from a saved visit ("meet") as people know it ("Google Meet"). */
export function siteLabel(site: string): string {
  return site === 'other' ? 'Other site' : platformLabel(site);
}

const END_REASONS: Record<EndReason, string> = {
  user: 'You ended the visit',
  'hang-up': 'The call ended',
  'tab-closed': 'The call tab was closed',
  navigated: 'The call tab went to another page',
  'engine-lost': 'Attune stopped unexpectedly',
  'browser-restart': 'The browser was closed or restarted',
};

export function endReasonText(reason: EndReason): string {
  return END_REASONS[reason];
}

const SPEAKING_NOW: Record<SpeakingNow, string> = {
  clinician: 'You are speaking',
  patient: 'Patient is speaking',
  both: 'Both speaking',
  none: 'No one is speaking',
};

export function speakingNowText(now: SpeakingNow): string {
  return SPEAKING_NOW[now];
}

/** The one-line promise of privacy-local mode, shown next to its switch in the popup and on the setup page. */
export const PRIVACY_LOCAL_DESCRIPTION = 'No audio, text or metric leaves this computer.';
