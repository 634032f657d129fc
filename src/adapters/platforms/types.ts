import type { CallPhase } from '../../core/platforms/call-tracker';

/**
 * How Attune reads one telehealth site's call page. Both functions only read: they never touch
 * the page, and the watcher treats a throw as "unrecognised", so a site redesign degrades to
 * "call state unknown — start manually" instead of breaking the page.
 */
export interface PlatformAdapter {
  /** Which call page the DOM shows (see CallPhase). */
  readPhase(doc: Document): CallPhase;
  /**
   * The meeting the URL names (room code, meeting number), or null where the URL names none
   * (home, dashboard). A live call whose URL stops naming its meeting has ended. Sites whose
   * URLs do not follow their calls (Teams) return one constant key.
   */
  meetingKey(url: URL): string | null;
  /**
   * The call's hang-up, mute and camera controls (and their bar, where the site has a stable
   * one), so the panel can stay off them. Empty when none are showing.
   */
  callControls(doc: Document): Element[];
}
