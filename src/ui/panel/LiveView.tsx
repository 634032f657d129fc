/**
 * The panel while coaching: balance against the clinician's target, the one nudge (if any), who
 * is speaking now, how long the current turn has run, the patient's opening statement while it
 * matters, question counts and gaze when those engines run, elapsed and talk times, End visit.
 * Quiet mode keeps only the bar (and End visit).
 */
import type { ComponentChildren } from 'preact';
import type { LiveMetrics, LiveTalk, Nudge, RemoteSource, SpeakingNow } from '../../core/session/schema';
import { BalanceBar } from '../components/BalanceBar';
import { floorText, isLongMonologue, OPENING_EVIDENCE, openingStatusText, openingToShow } from '../conversation';
import { formatClock, formatThreshold } from '../format';
import { speakingNowText } from '../labels';
import { GazeIndicator } from './GazeIndicator';
import { DEFAULT_PANEL_PREFS, type PanelPrefs } from './model';
import { NudgeCard } from './NudgeCard';
import { QuestionStats } from './QuestionStats';
import { SkillsLine } from './SkillsLine';

export interface LiveViewProps {
  live: LiveTalk | null;
  remoteSource: RemoteSource;
  ending: boolean;
  onEnd(): void;
  /** Pause (true) or Resume (false); no button without it. */
  onPause?(paused: boolean): void;
  /** Opens the setup page (the fix for a microphone that gives no sound). */
  onOpenSetup?(): void;
  prefs?: PanelPrefs;
  /** The nudge to show (already filtered for dismissal), or null. */
  nudge?: Nudge | null;
  onDismissNudge?(): void;
}

export function LiveView(props: LiveViewProps) {
  const { live, remoteSource, ending, onEnd, onPause, prefs = DEFAULT_PANEL_PREFS, nudge = null, onDismissNudge } = props;
  const now: SpeakingNow = live?.speakingNow ?? 'none';
  const held = live?.held ?? null;
  const endButton = (
    <div class="attune-panel__actions attune-live__controls">
      {onPause && held !== 'no-microphone' && (
        <button type="button" class="attune-btn" disabled={ending} aria-pressed={held === 'paused'} onClick={() => onPause(held !== 'paused')}>
          {held === 'paused' ? 'Resume' : 'Pause'}
        </button>
      )}
      <button type="button" class="attune-btn attune-btn--primary attune-panel__main-btn" disabled={ending} onClick={onEnd}>
        {ending ? 'Saving visit…' : 'End visit'}
      </button>
    </div>
  );
  // Held: nothing is counted, so no share, speaker or count is shown as if it were (issues 19.3, 19.7).
  if (held) return <HeldView held={held} elapsedS={live?.elapsedS ?? 0} onOpenSetup={props.onOpenSetup} controls={endButton} />;
  if (prefs.quiet) {
    return (
      <div class="attune-live attune-live--quiet">
        <BalanceBar clinicianShare={live?.clinicianShare ?? null} targetMax={prefs.clinicianShareMax} showTarget talk={live ?? undefined} />
        {endButton}
      </div>
    );
  }
  return (
    <div class="attune-live">
      <BalanceBar clinicianShare={live?.clinicianShare ?? null} targetMax={prefs.clinicianShareMax} showTarget talk={live ?? undefined} />
      {nudge && <NudgeCard key={`${nudge.id}@${nudge.raisedAtS}`} nudge={nudge} onDismiss={onDismissNudge} />}
      {/* Only the speaker text is live: announcing the ticking clock would drown the call. */}
      <p class="attune-speaking" aria-live="polite" aria-atomic="true">
        <span class={`attune-speaking__dot attune-speaking__dot--${now}`} aria-hidden="true" />
        {speakingNowText(now)}
      </p>
      {live?.metrics && <ConversationCues metrics={live.metrics} elapsedS={live.elapsedS} monologueOverS={prefs.monologueOverS} openingWithinS={prefs.openingWithinS} />}
      {live?.questions && (
        <QuestionStats questions={live.questions} openShareMin={prefs.openShareMin} reflectionToQuestionMin={prefs.reflectionToQuestionMin} />
      )}
      {live?.questions?.counts.behaviours && live.questions.status.state === 'ready' && <SkillsLine counts={live.questions.counts.behaviours} />}
      <GazeIndicator gaze={live?.gaze} />
      <dl class="attune-stats">
        <div>
          <dt>Elapsed</dt>
          <dd>{formatClock(live?.elapsedS ?? 0)}</dd>
        </div>
        <div>
          <dt>You</dt>
          <dd>{formatClock(live?.clinicianS ?? 0)}</dd>
        </div>
        <div>
          <dt>Patient</dt>
          <dd>{formatClock(live?.patientS ?? 0)}</dd>
        </div>
      </dl>
      {remoteSource === 'none' && <p class="attune-panel__note">Patient audio not connected</p>}
      {endButton}
    </div>
  );
}

const HELD_TEXT = {
  paused: { headline: 'Paused — not counting', detail: 'Nothing is measured until you resume; this time is left out of the visit’s figures and marked on its timeline.' },
  'no-microphone': {
    headline: 'No sound from your microphone',
    detail:
      'Attune is not counting: your microphone gives no sound (it may be blocked, muted or switched off). Unmute it or allow it on Attune’s setup page; counting starts when its sound arrives.',
  },
} as const;

function HeldView({ held, elapsedS, onOpenSetup, controls }: { held: 'paused' | 'no-microphone'; elapsedS: number; onOpenSetup?: () => void; controls: ComponentChildren }) {
  const text = HELD_TEXT[held];
  return (
    <div class={`attune-live attune-live--held attune-live--${held}`}>
      <p class="attune-panel__headline" role="status">
        {text.headline}
      </p>
      <p class="attune-panel__note">{text.detail}</p>
      {held === 'no-microphone' && onOpenSetup && (
        <button type="button" class="attune-btn" onClick={onOpenSetup}>
          Open setup
        </button>
      )}
      <p class="attune-panel__note">Counted so far: {formatClock(elapsedS)}</p>
      {controls}
    </div>
  );
}

/**
 * The running turn timer and the opening-statement line. Not in a live region: they tick every
 * second. A long clinician turn is tinted and says so in words, so colour is not the only signal.
 */
interface ConversationCuesProps {
  metrics: LiveMetrics;
  elapsedS: number;
  monologueOverS: number;
  openingWithinS: number;
}

function ConversationCues({ metrics, elapsedS, monologueOverS, openingWithinS }: ConversationCuesProps) {
  const turn = floorText(metrics);
  const long = isLongMonologue(metrics, monologueOverS);
  const opening = openingToShow(metrics, elapsedS);
  if (!turn && !opening) return null;
  return (
    <div class="attune-cues">
      {turn && (
        <p class={`attune-turn attune-turn--${metrics.floor}${long ? ' attune-turn--long' : ''}`}>
          {turn}
          {long && <span class="attune-turn__note"> · over {formatThreshold(monologueOverS)}</span>}
        </p>
      )}
      {opening && (
        <p class="attune-opening" title={OPENING_EVIDENCE}>
          {openingStatusText(opening, openingWithinS)}
        </p>
      )}
    </div>
  );
}
