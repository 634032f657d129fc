/**
 * Options for the coach: each nudge on or off with its threshold, how often nudges may come,
 * and quiet mode. Thresholds use the settings schema's ranges (src/core/settings/settings.ts).
 */
import { ActionStatus, type ActionResult } from '../components/ActionStatus';
import '../theme.css';
import '../components/components.css';
import './setup.css';
import type { ComponentChildren } from 'preact';
import type { NudgeSettings } from '../../core/settings/settings';
import { NUDGE_WORDING } from '../../core/coach/evidence';
import type { NudgeId } from '../../core/session/schema';
import { NumberField } from '../components/NumberField';
import { Switch } from '../components/Switch';

export interface NudgeSectionProps {
  nudges: NudgeSettings;
  quietMode: boolean;
  onNudgesChange(next: NudgeSettings): void;
  onQuietModeChange(on: boolean): void;
  /** The last action's result, shown (and announced) at the end of this section when it came from here. */
  result?: ActionResult | null;
}

type Kind = Exclude<keyof NudgeSettings, 'cooldownS' | 'minGapS'>;

interface Field {
  label: string;
  unit: string;
  min: number;
  max: number;
  /** Stored value → shown value (e.g. share 0.6 → 60 %, 300 s → 5 min). */
  scale?: number;
  /** Smallest change of the shown value (default 1: whole numbers). */
  step?: number;
  get(n: NudgeSettings): number;
  set(n: NudgeSettings, value: number): void;
}

interface NudgeRow {
  kind: Kind;
  /** The nudge's id, for its wording and evidence (NUDGE_WORDING). */
  nudge: NudgeId;
  label: string;
  when: string;
  fields: Field[];
}

const ROWS: NudgeRow[] = [
  {
    kind: 'opening',
    nudge: 'opening',
    label: 'Opening statement',
    when: 'When you take the floor early in the patient’s opening statement (by speaking over them or after a short pause).',
    fields: [{ label: 'Within the first', unit: 's', min: 5, max: 300, get: (n) => n.opening.withinS, set: (n, v) => void (n.opening.withinS = v) }],
  },
  {
    kind: 'monologue',
    nudge: 'monologue',
    label: 'Long turn',
    when: 'When you have held the floor for longer than this.',
    fields: [{ label: 'Longer than', unit: 's', min: 10, max: 600, get: (n) => n.monologue.overS, set: (n, v) => void (n.monologue.overS = v) }],
  },
  {
    kind: 'balance',
    nudge: 'balance',
    label: 'Talk balance',
    when: 'When your share of the talk over the last minutes is above your limit.',
    fields: [
      { label: 'Your share above', unit: '%', min: 0, max: 100, scale: 100, get: (n) => n.balance.maxShare, set: (n, v) => void (n.balance.maxShare = v) },
      { label: 'Over the last', unit: 'min', min: 1, max: 30, scale: 1 / 60, step: 0.5, get: (n) => n.balance.windowS, set: (n, v) => void (n.balance.windowS = v) },
    ],
  },
  {
    kind: 'closedQuestions',
    nudge: 'closed-questions',
    label: 'Closed questions',
    when: 'After this many closed questions in a row.',
    fields: [{ label: 'Closed questions in a row', unit: 'questions', min: 2, max: 10, get: (n) => n.closedQuestions.inARow, set: (n, v) => void (n.closedQuestions.inARow = v) }],
  },
  {
    kind: 'reflect',
    nudge: 'reflect',
    label: 'Reflections',
    when: 'After this many questions without a reflection.',
    fields: [
      { label: 'Questions without a reflection', unit: 'questions', min: 2, max: 10, get: (n) => n.reflect.questionsWithoutReflection, set: (n, v) => void (n.reflect.questionsWithoutReflection = v) },
    ],
  },
  {
    kind: 'gaze',
    nudge: 'gaze',
    label: 'Eye contact',
    when: 'When you look away for longer than this while the patient speaks (needs gaze cues).',
    fields: [{ label: 'Looking away longer than', unit: 's', min: 2, max: 120, get: (n) => n.gaze.awayS, set: (n, v) => void (n.gaze.awayS = v) }],
  },
  // Listening behaviours (issue 16): they need speech-to-text, as the question nudges do.
  {
    kind: 'agenda',
    nudge: 'agenda',
    label: 'Agenda',
    when: 'When you have not yet asked what else is on the patient’s mind (“Is there anything else…?”) by this time, once their opening is over.',
    fields: [{ label: 'No agenda question by', unit: 'min', min: 1, max: 20, scale: 1 / 60, step: 0.5, get: (n) => n.agenda.byS, set: (n, v) => void (n.agenda.byS = v) }],
  },
  {
    kind: 'permission',
    nudge: 'permission',
    label: 'Asking permission',
    when: 'Right after you give advice or information without first asking whether the patient would like it.',
    fields: [],
  },
  {
    kind: 'teachBack',
    nudge: 'teach-back',
    label: 'Teach-back',
    when: 'When you gave advice or information and, this far into the visit, have not yet asked the patient to say it back in their own words.',
    fields: [{ label: 'No teach-back by', unit: 'min', min: 2, max: 60, scale: 1 / 60, step: 0.5, get: (n) => n.teachBack.afterS, set: (n, v) => void (n.teachBack.afterS = v) }],
  },
];

const PACING: Field[] = [
  { label: 'Same nudge again after at least', unit: 'min', min: 0.5, max: 30, scale: 1 / 60, step: 0.5, get: (n) => n.cooldownS, set: (n, v) => void (n.cooldownS = v) },
  { label: 'Quiet time between any two nudges', unit: 's', min: 0, max: 600, get: (n) => n.minGapS, set: (n, v) => void (n.minGapS = v) },
];

const round = (x: number) => Math.round(x * 1000) / 1000;

export function NudgeSection({ nudges, quietMode, onNudgesChange, onQuietModeChange, result }: NudgeSectionProps) {
  const change = (edit: (n: NudgeSettings) => void) => {
    const next = structuredClone(nudges);
    edit(next);
    onNudgesChange(next);
  };
  const field = (f: Field, disabled = false): ComponentChildren => {
    const scale = f.scale ?? 1;
    return (
      <NumberField
        key={f.label}
        label={f.label}
        unit={f.unit}
        min={f.min}
        max={f.max}
        step={f.step ?? 1}
        value={round(f.get(nudges) * scale)}
        disabled={disabled}
        onCommit={(shown) => change((n) => f.set(n, round(shown / scale)))}
      />
    );
  };
  return (
    <section class="attune-setup__step attune-nudges" aria-labelledby="attune-nudges-title">
      <h2 id="attune-nudges-title">Nudges during the visit</h2>
      <p>
        Attune shows at most one gentle prompt at a time, never during a silence. Hover over or focus a prompt’s “Why?” to see the
        reason and the evidence.
      </p>
      <Switch
        label="Quiet mode"
        description="The panel shows only the talk-balance bar, and no nudges."
        checked={quietMode}
        onChange={onQuietModeChange}
      />
      {ROWS.map((row) => (
        // The evidence shows on hover (title) like the panel's "Why?", and in a disclosure for keyboards and screen readers.
        <fieldset key={row.kind} class="attune-nudges__row" title={NUDGE_WORDING[row.nudge].source}>
          <legend class="attune-sr-only">{row.label}</legend>
          <Switch
            label={`${row.label}: “${NUDGE_WORDING[row.nudge].text}”`}
            description={row.when}
            checked={nudges[row.kind].enabled}
            onChange={(on) => change((n) => void (n[row.kind].enabled = on))}
          />
          {row.fields.map((f) => field(f, !nudges[row.kind].enabled))}
          <details class="attune-nudges__evidence">
            <summary>Evidence</summary>
            <p>{NUDGE_WORDING[row.nudge].source}</p>
          </details>
        </fieldset>
      ))}
      <fieldset class="attune-nudges__row">
        <legend>How often</legend>
        {PACING.map((f) => field(f))}
      </fieldset>
      <ActionStatus result={result} area="nudges" />
    </section>
  );
}
