/**
 * Who spoke when: two lanes (You, Patient) across the visit, drawn in SVG with a minute axis.
 * The SVG is an image with a short description; a per-minute table is the full text alternative.
 */
import '../theme.css';
import '../components/components.css';
import './summary.css';
import { useId } from 'preact/hooks';
import type { Interval } from '../../core/session/schema';
import { formatDuration } from '../format';
import { secondsPerMinute, tickLabel, timelineTicks } from './timeline';
import { SpeakerLegend } from './SpeakerLegend';

export interface TalkTimelineProps {
  durationS: number;
  segments: { clinician: readonly Interval[]; patient: readonly Interval[] };
}

// Drawing units (the SVG scales to its container width).
const WIDTH = 600;
const LABEL_W = 64;
const LANE_H = 22;
const LANE_GAP = 10;
const TOP = 6;
const AXIS_Y = TOP + 2 * LANE_H + LANE_GAP + 8;
const HEIGHT = AXIS_Y + 20;
const PLOT_W = WIDTH - LABEL_W - 12;

export function TalkTimeline({ durationS, segments }: TalkTimelineProps) {
  const id = useId();
  const span = durationS > 0 ? durationS : 1;
  const x = (s: number) => LABEL_W + (Math.min(Math.max(s, 0), span) / span) * PLOT_W;
  const lanes = [
    { key: 'clinician', label: 'You', list: segments.clinician, y: TOP },
    { key: 'patient', label: 'Patient', list: segments.patient, y: TOP + LANE_H + LANE_GAP },
  ] as const;
  const youPerMin = secondsPerMinute(segments.clinician, durationS);
  const patientPerMin = secondsPerMinute(segments.patient, durationS);
  const description =
    `Timeline of a ${formatDuration(durationS)} visit. You spoke in ${segments.clinician.length} ` +
    `stretch${segments.clinician.length === 1 ? '' : 'es'}, the patient in ${segments.patient.length}. ` +
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
      <SpeakerLegend />
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
