/**
 * The panel while coaching: balance, who is speaking now, how long the current turn has run,
 * the patient's opening statement while it matters, elapsed and talk times, End visit.
 */
import type { LiveMetrics, LiveTalk, RemoteSource, SpeakingNow } from '../../core/session/schema';
import { BalanceBar } from '../components/BalanceBar';
import { floorText, isLongMonologue, LONG_MONOLOGUE_S, OPENING_EVIDENCE, openingStatusText, openingToShow } from '../conversation';
import { formatClock, formatThreshold } from '../format';
import { speakingNowText } from '../labels';
import { GazeIndicator } from './GazeIndicator';

export interface LiveViewProps {
  live: LiveTalk | null;
  remoteSource: RemoteSource;
  ending: boolean;
  onEnd(): void;
}

export function LiveView({ live, remoteSource, ending, onEnd }: LiveViewProps) {
  const now: SpeakingNow = live?.speakingNow ?? 'none';
  return (
    <div class="attune-live">
      <BalanceBar clinicianShare={live?.clinicianShare ?? null} />
      {/* Only the speaker text is live: announcing the ticking clock would drown the call. */}
      <p class="attune-speaking" aria-live="polite" aria-atomic="true">
        <span class={`attune-speaking__dot attune-speaking__dot--${now}`} aria-hidden="true" />
        {speakingNowText(now)}
      </p>
      {live?.metrics && <ConversationCues metrics={live.metrics} elapsedS={live.elapsedS} />}
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
      <button type="button" class="attune-btn attune-btn--primary attune-panel__main-btn" disabled={ending} onClick={onEnd}>
        {ending ? 'Saving visit…' : 'End visit'}
      </button>
    </div>
  );
}

/**
 * The running turn timer and the opening-statement line. Not in a live region: they tick every
 * second. A long clinician turn is tinted and says so in words, so colour is not the only signal.
 */
function ConversationCues({ metrics, elapsedS }: { metrics: LiveMetrics; elapsedS: number }) {
  const turn = floorText(metrics);
  const long = isLongMonologue(metrics);
  const opening = openingToShow(metrics, elapsedS);
  if (!turn && !opening) return null;
  return (
    <div class="attune-cues">
      {turn && (
        <p class={`attune-turn attune-turn--${metrics.floor}${long ? ' attune-turn--long' : ''}`}>
          {turn}
          {long && <span class="attune-turn__note"> · over {formatThreshold(LONG_MONOLOGUE_S)}</span>}
        </p>
      )}
      {opening && (
        <p class="attune-opening" title={OPENING_EVIDENCE}>
          {openingStatusText(opening)}
        </p>
      )}
    </div>
  );
}
