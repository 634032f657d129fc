import { describe, expect, it } from 'vitest';
import { judgeOpening } from '../../../src/core/coach/opening';
import { openingRule } from '../../../src/core/coach/rules';
import { assess, metricById } from '../../../src/core/history/metrics';
import { observeVisit } from '../../../src/core/history/observations';
import type { LiveTalk, OpeningStatement } from '../../../src/core/session/schema';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { openingStatusText } from '../../../src/ui/conversation';
import { openingText } from '../../../src/ui/summary/ConversationFacts';
import { fullVisit, LONG_TURN_S, metrics, TARGETS } from '../history/fixtures';

/**
 * Issue 19.1: at ~0:28 of the demo the nudge said "Let the patient finish their opening" while the
 * panel said "Patient's opening: 0:21, not interrupted" and the summary praised the opening. The
 * nudge, the panel line and the summary must read one verdict.
 */
const demoOpening: OpeningStatement = { startS: 4, durationS: 21, ended: true, interrupted: false, interruptedAfterS: null };

function liveAt(elapsedS: number, opening: OpeningStatement): LiveTalk {
  const m = metrics({ opening, floor: 'clinician' });
  const { timeline: _t, ...liveMetrics } = m;
  return { clinicianS: 5, patientS: 21, overlapS: 0, clinicianShare: 0.2, elapsedS, speakingNow: 'clinician', metrics: liveMetrics };
}

const nudgeFires = (o: OpeningStatement, withinS = 30) =>
  openingRule.check({ live: liveAt(o.startS + o.durationS + 3, o), settings: { ...DEFAULT_SETTINGS.nudges, opening: { enabled: true, withinS } }, window: null, lastEpisodeS: null }) !== null;

describe('the opening statement: one verdict for the nudge, the panel and the summary', () => {
  it('the demo case: floor taken 21 s in after a pause is "cut short" everywhere', () => {
    expect(nudgeFires(demoOpening)).toBe(true);
    expect(openingStatusText(demoOpening, 30)).toBe("Patient's opening: 0:21, you took the floor after a pause");
    const visit = fullVisit({ metrics: metrics({ opening: demoOpening }) });
    expect(assess(metricById('opening'), visit, TARGETS, LONG_TURN_S)).toBe('not-met');
    const observations = observeVisit(visit, TARGETS, LONG_TURN_S);
    expect(observations.some((o) => o.kind === 'strength' && o.metric === 'opening')).toBe(false);
    expect(observations.find((o) => o.metric === 'opening')?.text).toMatch(/^You took the floor 21 s into the patient’s opening statement, after a short pause/);
    expect(openingText(demoOpening, 30)).toMatch(/took the floor after a short pause/);
  });

  const cases: Array<[string, OpeningStatement, 'cut' | 'ok' | 'late-interruption']> = [
    ['interrupted 8 s in', { startS: 4, durationS: 8, ended: true, interrupted: true, interruptedAfterS: 8 }, 'cut'],
    ['floor taken after 40 s, after a pause', { startS: 4, durationS: 40, ended: true, interrupted: false, interruptedAfterS: null }, 'ok'],
    ['still going', { startS: 4, durationS: 12, ended: false, interrupted: false, interruptedAfterS: null }, 'ok'],
    ['spoken over after 45 s', { startS: 4, durationS: 45, ended: true, interrupted: true, interruptedAfterS: 45 }, 'late-interruption'],
  ];
  for (const [name, o, expected] of cases) {
    it(`${name}: the nudge, the panel line and the summary agree`, () => {
      const visit = fullVisit({ metrics: metrics({ opening: o }) });
      const verdict = judgeOpening(o, 30).verdict;
      const met = assess(metricById('opening'), visit, TARGETS, LONG_TURN_S) === 'met';
      const panel = openingStatusText(o, 30);
      expect(nudgeFires(o)).toBe(expected === 'cut');
      expect(met).toBe(expected === 'ok');
      // The panel never says "not interrupted" about an opening the summary does not count as let finish.
      expect(/not interrupted|still going/.test(panel)).toBe(met);
      expect(/not interrupted|still going/.test(openingText(o, 30))).toBe(met);
      expect(verdict === 'finished' || verdict === 'going').toBe(met);
    });
  }

  it('the clinician’s own withinS moves every surface together', () => {
    const visit = fullVisit({ metrics: metrics({ opening: demoOpening }) });
    expect(nudgeFires(demoOpening, 15)).toBe(false);
    expect(assess(metricById('opening'), visit, { ...TARGETS, openingWithinS: 15 }, LONG_TURN_S)).toBe('met');
    expect(openingStatusText(demoOpening, 15)).toBe("Patient's opening: 0:21, not interrupted");
  });
});
