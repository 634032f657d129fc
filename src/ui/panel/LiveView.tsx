/**
 * The panel while coaching: balance against the clinician's target, the one nudge (if any), who
 * is speaking now, how long the current turn has run, the patient's opening statement while it
 * matters, question counts and gaze when those engines run, elapsed and talk times, End visit.
 * Quiet mode keeps only the bar (and End visit).
 */
import type { LiveMetrics, LiveTalk, Nudge, RemoteSource, SpeakingNow } from '../../core/session/schema';
import { BalanceBar } from '../components/BalanceBar';
import { floorText, isLongMonologue, OPENING_EVIDENCE, openingStatusText, openingToShow } from '../conversation';
import { formatClock, formatThreshold } from '../format';
import { speakingNowText } from '../labels';
import { GazeIndicator } from './GazeIndicator';
import { DEFAULT_PANEL_PREFS, type PanelPrefs } from './model';
import { NudgeCard } from './NudgeCard';
import { QuestionStats } from './QuestionStats';

export interface LiveViewProps {
  live: LiveTalk | null;
  remoteSource: RemoteSource;
  ending: boolean;
  onEnd(): void;
  prefs?: PanelPrefs;
  /** The nudge to show (already filtered for dismissal), or null. */
  nudge?: Nudge | null;
  onDismissNudge?(): void;
}

export function LiveView({ live, remoteSource, ending, onEnd, prefs = DEFAULT_PANEL_PREFS, nudge = null, onDismissNudge }: LiveViewProps) {
  const now: SpeakingNow = live?.speakingNow ?? 'none';
  const endButton = (
    <button type="button" class="attune-btn attune-btn--primary attune-panel__main-btn" disabled={ending} onClick={onEnd}>
      {ending ? 'Saving visit…' : 'End visit'}
    </button>
  );
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
