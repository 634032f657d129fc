/** The toolbar popup: what tab this is, whether coaching is on, Start/Stop, privacy mode, links. */
import '../theme.css';
import '../page.css';
import '../components/components.css';
import './popup.css';
import type { LiveTalk } from '../../core/session/schema';
import { judgeableShare } from '../../core/coach/balance-verdict';
import { Alert } from '../components/Alert';
import { LockBadge } from '../components/LockBadge';
import { Switch } from '../components/Switch';
import { formatPercent } from '../format';
import { PRIVACY_LOCAL_DESCRIPTION, type CoachingState, type MicPermission } from '../labels';

export interface PopupTab {
  /** False where Attune cannot run at all (browser pages, the web store). */
  supported: boolean;
  /** Known call platform on this tab, or null for any other site. */
  platformLabel: string | null;
  host: string | null;
}

export interface PopupModel {
  tab: PopupTab | null;
  coaching: CoachingState;
  live: LiveTalk | null;
  privacyLocal: boolean;
  micPermission: MicPermission;
  message: string | null;
}

export interface PopupActions {
  onStart(): void;
  onStop(): void;
  /** Brings the panel back on the tab (it may have been hidden); optional for older wiring. */
  onShowPanel?(): void;
  onPrivacyLocalChange(on: boolean): void;
  onOpenSummaries(): void;
  onOpenSetup(): void;
}

/** What turning privacy-local mode off changes, said where the switch is. */
export const PRIVACY_OFF_NOTE =
  'Privacy-local mode is off: the words of your own questions and reflections may be kept on this computer for your review. If you also pick Chrome’s speech recognition (setup page), Chrome sends your voice to Google to transcribe it. The patient is never transcribed.';

export interface PopupProps {
  model: PopupModel;
  actions: PopupActions;
}


function tabText(tab: PopupTab | null): string {
  if (!tab) return 'No tab selected';
  if (!tab.supported) return 'Attune cannot run on this page';
  return tab.platformLabel ?? 'Any site: start on this tab';
}

export function coachingText(coaching: CoachingState, live: LiveTalk | null): string {
  switch (coaching) {
    case 'idle':
      return 'Not coaching';
    case 'starting':
      return 'Starting…';
    case 'active':
      if (live?.held === 'paused') return 'Coaching paused — not counting';
      if (live?.held === 'no-microphone') return 'Coaching — no sound from your microphone, not counting';
      return live && judgeableShare(live) !== null ? `Coaching — you ${formatPercent(live.clinicianShare)} of talk time` : 'Coaching — too early to judge the talk balance';
    case 'ending':
      return 'Saving visit…';
    case 'ended':
      return 'Visit saved';
    case 'error':
      return 'Coaching stopped because of a problem';
  }
}

/**
/**
 * Whether to ask for microphone setup. A visit that is counting proves the microphone works
 * (its sound arrives in the extension's own origin), whatever this page's permission query says:
 * test browsers that auto-accept the microphone answer 'prompt' there, and the grant may have been
 * made on another page. A visit whose microphone gives no sound needs the fix whatever the
 * permission says. So the popup never contradicts what runs.
 */
export function micNeedsSetup(model: Pick<PopupModel, 'coaching' | 'live' | 'micPermission'>): boolean {
  if (model.coaching === 'active' && model.live) return model.live.held === 'no-microphone';
  const micInUse = model.coaching === 'starting' || model.coaching === 'active' || model.coaching === 'ending' || model.coaching === 'ended';
  return model.micPermission !== 'granted' && !micInUse;
}

export function Popup({ model, actions }: PopupProps) {
  const { tab, coaching } = model;
  const running = coaching === 'active' || coaching === 'starting' || coaching === 'ending';
  const canStart = !!tab?.supported && !running;
  return (
    <main class="attune-theme attune-page attune-popup">
      <header class="attune-popup__header">
        <h1 class="attune-popup__title">Attune</h1>
        {model.privacyLocal && <LockBadge />}
      </header>

      <section class="attune-popup__tab" aria-label="Current tab">
        <p class="attune-popup__platform">{tabText(tab)}</p>
        {tab?.host && <p class="attune-popup__host attune-muted">{tab.host}</p>}
      </section>

      <p class="attune-popup__status" role="status">
        {coachingText(coaching, model.live)}
      </p>
      <Alert message={model.message} />

      <div class="attune-popup__actions">
        {running ? (
          <button type="button" class="attune-btn attune-btn--primary" disabled={coaching === 'ending'} onClick={actions.onStop}>
            Stop coaching
          </button>
        ) : (
          <button type="button" class="attune-btn attune-btn--primary" disabled={!canStart} onClick={actions.onStart}>
            Start coaching
          </button>
        )}
      </div>

      {running && actions.onShowPanel && (
        <p class="attune-popup__show-panel">
          <button type="button" class="attune-btn" onClick={actions.onShowPanel}>
            Show panel
          </button>{' '}
          <span class="attune-muted">
            or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>A</kbd> on the call tab
          </span>
        </p>
      )}

      {micNeedsSetup(model) && (
        <div class="attune-notice attune-popup__setup">
          <p>
            {model.live?.held === 'no-microphone'
              ? 'No sound from your microphone: it may be blocked, muted or switched off. Attune counts nothing until its sound arrives.'
              : model.micPermission === 'denied'
              ? 'The microphone is blocked for Attune, so it cannot time your speech.'
              : 'Finish setup: allow the microphone so Attune can time your speech.'}
          </p>
          <button type="button" class="attune-btn" onClick={actions.onOpenSetup}>
            Finish setup
          </button>
        </div>
      )}

      <Switch
        label="Privacy-local mode"
        description={PRIVACY_LOCAL_DESCRIPTION}
        checked={model.privacyLocal}
        onChange={actions.onPrivacyLocalChange}
      />
      {!model.privacyLocal && <p class="attune-muted attune-popup__privacy-off">{PRIVACY_OFF_NOTE}</p>}

      <nav class="attune-popup__links" aria-label="Attune pages">
        <button type="button" class="attune-link" onClick={actions.onOpenSummaries}>
          Visit summaries
        </button>
        <button type="button" class="attune-link" onClick={actions.onOpenSetup}>
          Setup &amp; options
        </button>
        {/* A page inside the extension (built from docs/PRIVACY.md): readable offline. */}
        <a class="attune-link" href="privacy.html" target="_blank" rel="noopener">
          Privacy policy
        </a>
      </nav>
    </main>
  );
}
