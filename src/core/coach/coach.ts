/**
 * The coach: runs the nudge rules over each live state and shows at most one gentle prompt at a
 * time. A kind is not raised again within cooldownS of its last raise, no prompt follows another
 * within minGapS of it going away, one situation (an opening, a turn, a look-away, a run of
 * questions) is prompted about once, and nothing is raised into a silence: a pause after a
 * patient's disclosure is good practice, never a reason to interrupt it.
 */
import type { LiveTalk, Nudge, NudgeEvent, NudgeId } from '../session/schema';
import type { NudgeSettings } from '../settings/settings';
import { NUDGE_WORDING } from './evidence';
import { RULES, type Rule, type RuleInput } from './rules';
import { createTalkWindow } from './talk-window';

export interface CoachOptions {
  nudges: NudgeSettings;
  /** Quiet mode: the panel shows only the bar, so the coach raises nothing. */
  quiet?: boolean;
  /** How long a prompt stays up unless dismissed or resolved, s. */
  showS?: number;
  /** Prompts already shown in this visit (a restored session keeps its cooldowns). */
  events?: readonly NudgeEvent[];
  /** The median length of the clinician's recent visits, s (behaviour-rules.ts); absent or null: unknown. */
  usualVisitS?: number | null;
}

export const DEFAULT_NUDGE_SHOW_S = 20;

export interface Coach {
  /** Advances the coach to this live state; returns the prompt to show now, or null. */
  update(live: LiveTalk): Nudge | null;
  /** Every prompt raised so far, oldest first (saved with the visit). */
  events(): NudgeEvent[];
}

export function createCoach(options: CoachOptions): Coach {
  const settings = options.nudges;
  const showS = options.showS ?? DEFAULT_NUDGE_SHOW_S;
  const window = createTalkWindow(settings.balance.windowS);
  const events: NudgeEvent[] = [...(options.events ?? [])];
  const lastRaisedS = new Map<NudgeId, number>(events.map((e) => [e.id, e.atS]));
  const lastEpisodeS = new Map<NudgeId, number>();
  let current: { nudge: Nudge; rule: Rule } | null = null;
  let lastClearedS = -Infinity;

  const inputFor = (rule: Rule, live: LiveTalk): RuleInput => ({ live, settings, window: window.read(), lastEpisodeS: lastEpisodeS.get(rule.id) ?? null, usualVisitS: options.usualVisitS ?? null });

  function clearIfOver(live: LiveTalk): void {
    if (!current) return;
    const expired = live.elapsedS - current.nudge.raisedAtS >= showS;
    const resolved = current.rule.holds !== undefined && !current.rule.holds(inputFor(current.rule, live));
    if (expired || resolved) {
      current = null;
      lastClearedS = live.elapsedS;
    }
  }

  function raise(live: LiveTalk): void {
    const nowS = live.elapsedS;
    if (options.quiet || live.speakingNow === 'none' || nowS - lastClearedS < settings.minGapS) return;
    for (const rule of RULES) {
      const last = lastRaisedS.get(rule.id);
      if (last !== undefined && nowS - last < settings.cooldownS) continue;
      const trigger = rule.check(inputFor(rule, live));
      if (!trigger) continue;
      const episode = lastEpisodeS.get(rule.id);
      // Episode times jitter by a frame or two between updates; a new situation starts later than that.
      if (episode !== undefined && trigger.episodeS <= episode + 1) continue;
      const wording = NUDGE_WORDING[rule.id];
      current = { rule, nudge: { id: rule.id, text: wording.text, reason: trigger.reason, source: wording.source, raisedAtS: nowS } };
      lastRaisedS.set(rule.id, nowS);
      lastEpisodeS.set(rule.id, trigger.episodeS);
      events.push({ id: rule.id, atS: nowS });
      return;
    }
  }

  return {
    update(live) {
      window.push({ atS: live.elapsedS, clinicianS: live.clinicianS, patientS: live.patientS });
      clearIfOver(live);
      if (!current) raise(live);
      return current?.nudge ?? null;
    },
    events: () => events.map((e) => ({ ...e })),
  };
}

