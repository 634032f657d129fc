/**
 * Who spoke when: two lanes (You, Patient) across the visit, drawn in SVG with a minute axis;
 * when the visit has them, a row of question and reflection markers, a row of listening skills
 * (advice without asking marked apart), the gaze band and the nudges shown. The SVG is an image with a short description; a per-minute table (and the
 * question list below the chart) is the full text alternative.
 */
import '../theme.css';
import '../components/components.css';
import './summary.css';
import { useId } from 'preact/hooks';
import type { ExcludedSpan, GazeSummary, Interval, LabelledUtterance, NudgeEvent } from '../../core/session/schema';
import { effectiveLabel } from '../../core/speech/question-counts';
import { formatClock, formatDuration } from '../format';
import { GAZE_STATE_TEXT, NUDGE_TEXT, UTTERANCE_LABEL_TEXT } from './visit-labels';
import { secondsPerMinute, skillMarks, tickLabel, timelineTicks } from './timeline';
import { BEHAVIOUR_TEXT } from '../behaviour-text';
import { SpeakerLegend } from './SpeakerLegend';

export interface TalkTimelineProps {
  durationS: number;
  segments: { clinician: readonly Interval[]; patient: readonly Interval[] };
  /** Questions and reflections become markers (other utterances are left out). */
  utterances?: readonly LabelledUtterance[];
  gaze?: GazeSummary;
  nudges?: readonly NudgeEvent[];
  /** Time left out of the figures (paused, no microphone sound): a dashed break at where it happened. */
  excluded?: readonly ExcludedSpan[];
}

const EXCLUDED_TEXT = { paused: 'paused', 'no-microphone': 'no sound from your microphone' } as const;

/** "Paused at 3:10 for 2 min 05 s": the visit's clock skips it, so it is told in words too. */
export function excludedText(e: ExcludedSpan): string {
  const what = EXCLUDED_TEXT[e.reason];
  return `${what[0]!.toUpperCase()}${what.slice(1)} at ${formatClock(e.atS)} for ${formatDuration(e.durationS)} (not counted)`;
}

const MARK_ROW_H = 16;
const GAZE_ROW_H = 10;

// Drawing units (the SVG scales to its container width).
const WIDTH = 600;
const LABEL_W = 84;
const LANE_H = 22;
const LANE_GAP = 10;
const TOP = 6;
const LANES_BOTTOM = TOP + 2 * LANE_H + LANE_GAP;
const PLOT_W = WIDTH - LABEL_W - 12;

export function TalkTimeline({ durationS, segments, utterances, gaze, nudges, excluded = [] }: TalkTimelineProps) {
  const id = useId();
  const span = durationS > 0 ? durationS : 1;
  const x = (s: number) => LABEL_W + (Math.min(Math.max(s, 0), span) / span) * PLOT_W;
  const lanes = [
    { key: 'clinician', label: 'You', list: segments.clinician, y: TOP },
    { key: 'patient', label: 'Patient', list: segments.patient, y: TOP + LANE_H + LANE_GAP },
  ] as const;
  const marks = (utterances ?? []).filter((u) => effectiveLabel(u) !== 'other');
  const skills = skillMarks(utterances ?? []);
  // Rows below the two lanes, each only when the visit has something to put in it.
  let rowY = LANES_BOTTOM + LANE_GAP;
  const markY = marks.length ? rowY : null;
  if (markY !== null) rowY += MARK_ROW_H + LANE_GAP;
  const skillY = skills.length ? rowY : null;
  if (skillY !== null) rowY += MARK_ROW_H + LANE_GAP;
  const gazeY = gaze && gaze.intervals.length ? rowY : null;
  if (gazeY !== null) rowY += GAZE_ROW_H + LANE_GAP;
  const nudgeY = nudges && nudges.length ? rowY : null;
  if (nudgeY !== null) rowY += MARK_ROW_H + LANE_GAP;
  const AXIS_Y = rowY - LANE_GAP + 8;
  const HEIGHT = AXIS_Y + 20;
  const youPerMin = secondsPerMinute(segments.clinician, durationS);
  const patientPerMin = secondsPerMinute(segments.patient, durationS);
  const description =
    `Timeline of a ${formatDuration(durationS)} visit. You spoke in ${segments.clinician.length} ` +
    `stretch${segments.clinician.length === 1 ? '' : 'es'}, the patient in ${segments.patient.length}. ` +
    (marks.length ? `${marks.length} questions and reflections are marked. ` : '') +
    (skills.length ? `${skills.filter((m) => !m.avoid).length} moments of listening skills and ${skills.filter((m) => m.avoid).length} of advice without asking are marked. ` : '') +
    (gazeY !== null ? 'A band shows where you were looking. ' : '') +
    (nudgeY !== null ? `${nudges!.length} nudge${nudges!.length === 1 ? ' was' : 's were'} shown. ` : '') +
    excluded.map((e) => `${excludedText(e)}. `).join('') +
    'A minute-by-minute table follows.';

  return (
    <figure class="attune-timeline">
      <svg
        class="attune-timeline__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>Who spoke when</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {lanes.map((lane) => (
          <g key={lane.key} class={`attune-timeline__lane attune-timeline__lane--${lane.key}`}>
            <text x={0} y={lane.y + LANE_H / 2 + 5} class="attune-timeline__label">
              {lane.label}
            </text>
            <rect x={LABEL_W} y={lane.y} width={PLOT_W} height={LANE_H} class="attune-timeline__track" />
            {lane.list.map(([a, b], i) => (
              // Very short stretches still get a hairline so they are visible.
              <rect key={i} x={x(a)} y={lane.y} width={Math.max(0.75, x(b) - x(a))} height={LANE_H} class="attune-timeline__seg" />
            ))}
          </g>
        ))}
        {markY !== null && (
          <g class="attune-timeline__marks">
            <text x={0} y={markY + MARK_ROW_H / 2 + 4} class="attune-timeline__label">
              Questions
            </text>
            {marks.map((u) => {
              const label = effectiveLabel(u);
              const cx = x(u.startS);
              const cy = markY + MARK_ROW_H / 2;
              return (
                <g key={u.id} class={`attune-mark attune-mark--${label}`}>
                  <title>{`${formatClock(u.startS)} ${UTTERANCE_LABEL_TEXT[label]}`}</title>
                  {label === 'reflection' ? (
                    <path d={`M${cx} ${cy - 6} L${cx + 6} ${cy} L${cx} ${cy + 6} L${cx - 6} ${cy} Z`} />
                  ) : label === 'open_question' ? (
                    <circle cx={cx} cy={cy} r={5} />
                  ) : (
                    <rect x={cx - 4.5} y={cy - 4.5} width={9} height={9} />
                  )}
                </g>
              );
            })}
          </g>
        )}
        {skillY !== null && (
          <g class="attune-timeline__skills">
            <text x={0} y={skillY + MARK_ROW_H / 2 + 4} class="attune-timeline__label">
              Skills
            </text>
            {skills.map((m) => {
              const cx = x(m.startS);
              const cy = skillY + MARK_ROW_H / 2;
              return (
                <g key={`${m.utteranceId}-${m.avoid}`} class={`attune-skill-mark${m.avoid ? ' attune-skill-mark--avoid' : ''}`}>
                  <title>{`${formatClock(m.startS)} ${m.behaviours.map((b) => BEHAVIOUR_TEXT[b].name).join(', ')}`}</title>
                  {m.avoid ? (
                    <path d={`M${cx - 4.5} ${cy - 4.5} L${cx + 4.5} ${cy + 4.5} M${cx + 4.5} ${cy - 4.5} L${cx - 4.5} ${cy + 4.5}`} />
                  ) : (
                    <path d={`M${cx} ${cy - 6} L${cx + 6} ${cy + 5} L${cx - 6} ${cy + 5} Z`} />
                  )}
                </g>
              );
            })}
          </g>
        )}
        {gazeY !== null && (
          <g class="attune-timeline__gaze">
            <text x={0} y={gazeY + GAZE_ROW_H / 2 + 4} class="attune-timeline__label">
              Gaze
            </text>
            {gaze!.intervals.map((g, i) => (
              <rect key={i} x={x(g.startS)} y={gazeY} width={Math.max(0.75, x(g.endS) - x(g.startS))} height={GAZE_ROW_H} class={`attune-gaze attune-gaze--${g.state}`}>
                <title>{`${formatClock(g.startS)}–${formatClock(g.endS)} ${GAZE_STATE_TEXT[g.state]}`}</title>
              </rect>
            ))}
          </g>
        )}
        {nudgeY !== null && (
          <g class="attune-timeline__nudges">
            <text x={0} y={nudgeY + MARK_ROW_H / 2 + 4} class="attune-timeline__label">
              Nudges
            </text>
            {nudges!.map((n, i) => {
              const cx = x(n.atS);
              return (
                <g key={i} class="attune-nudge-mark">
                  <title>{`${formatClock(n.atS)} nudge: ${NUDGE_TEXT[n.id]}`}</title>
                  <path d={`M${cx - 5} ${nudgeY + 2} L${cx + 5} ${nudgeY + 2} L${cx} ${nudgeY + MARK_ROW_H - 2} Z`} />
                </g>
              );
            })}
          </g>
        )}
        {excluded.map((e, i) => (
          <g key={i} class={`attune-excluded attune-excluded--${e.reason}`}>
            <title>{excludedText(e)}</title>
            <line x1={x(e.atS)} x2={x(e.atS)} y1={TOP - 4} y2={AXIS_Y - 6} />
          </g>
        ))}
        <g class="attune-timeline__axis">
          <line x1={LABEL_W} x2={LABEL_W + PLOT_W} y1={AXIS_Y - 6} y2={AXIS_Y - 6} />
          {timelineTicks(durationS).map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={AXIS_Y - 9} y2={AXIS_Y - 3} />
              {/* First and last labels align inward so they are not clipped at the edges. */}
              <text x={x(t)} y={AXIS_Y + 10} text-anchor={t === 0 ? 'start' : t >= span * 0.95 ? 'end' : 'middle'}>
                {tickLabel(t)}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <SpeakerLegend>
        {markY !== null && (
          <>
            <span class="attune-timeline__key">
              <span class="attune-key-shape attune-key-shape--open" aria-hidden="true" /> Open question
            </span>
            <span class="attune-timeline__key">
              <span class="attune-key-shape attune-key-shape--closed" aria-hidden="true" /> Closed question
            </span>
            <span class="attune-timeline__key">
              <span class="attune-key-shape attune-key-shape--reflection" aria-hidden="true" /> Reflection
            </span>
          </>
        )}
        {skillY !== null && (
          <>
            <span class="attune-timeline__key">
              <span class="attune-key-shape attune-key-shape--skill" aria-hidden="true" /> Listening skill
            </span>
            {skills.some((m) => m.avoid) && (
              <span class="attune-timeline__key">
                <span class="attune-key-shape attune-key-shape--avoid" aria-hidden="true" /> Advice without asking
              </span>
            )}
          </>
        )}
        {gazeY !== null && (
          <span class="attune-timeline__key">
            <span class="attune-swatch attune-gaze--on-screen" aria-hidden="true" /> Looking at the screen
          </span>
        )}
        {nudgeY !== null && (
          <span class="attune-timeline__key">
            <span class="attune-key-shape attune-key-shape--nudge" aria-hidden="true" /> Nudge shown
          </span>
        )}
        {excluded.length > 0 && (
          <span class="attune-timeline__key">
            <span class="attune-key-shape attune-key-shape--excluded" aria-hidden="true" /> Not counted (paused or no microphone sound)
          </span>
        )}
      </SpeakerLegend>
      {excluded.length > 0 && (
        <ul class="attune-timeline__excluded">
          {excluded.map((e, i) => (
            <li key={i}>{excludedText(e)}</li>
          ))}
        </ul>
      )}
      <details class="attune-timeline__details">
        <summary>Timeline as a table</summary>
        <table class="attune-timeline__table">
          <caption>Seconds of speech in each minute</caption>
          <thead>
            <tr>
              <th scope="col">Minute</th>
              <th scope="col">You (s)</th>
              <th scope="col">Patient (s)</th>
            </tr>
          </thead>
          <tbody>
            {youPerMin.map((you, m) => (
              <tr key={m}>
                <th scope="row">{m + 1}</th>
                <td>{you}</td>
                <td>{patientPerMin[m] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
