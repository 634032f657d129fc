/** The panel while coaching: balance, who is speaking now, elapsed and talk times, End visit. */
import type { LiveTalk, RemoteSource, SpeakingNow } from '../../core/session/schema';
import { BalanceBar } from '../components/BalanceBar';
import { formatClock } from '../format';
import { speakingNowText } from '../labels';

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
