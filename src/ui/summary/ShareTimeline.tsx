/**
 * Talk share minute by minute: one bar per minute, the clinician's share from the bottom and the
 * patient's above it, against a dashed line at the 60% target. The SVG is an image with a short
 * description; a per-minute table with the seconds is the full text alternative.
 */
import '../theme.css';
import '../components/components.css';
import './summary.css';
import { useId } from 'preact/hooks';
import type { TimelineBin } from '../../core/session/schema';
import { CLINICIAN_SHARE_LIMIT } from '../balance';
import { formatCount, formatPercent } from '../format';
import { minuteLabels } from './timeline';
import { SpeakerLegend } from './SpeakerLegend';

export interface ShareTimelineProps {
  /** Per-minute talk from the visit's metrics (`metrics.timeline`). */
  bins: readonly TimelineBin[];
}

// Drawing units (the SVG scales to its container width).
const WIDTH = 600;
const LEFT = 44;
const RIGHT = 78;
const TOP = 8;
const PLOT_H = 120;
const PLOT_W = WIDTH - LEFT - RIGHT;
const BOTTOM = TOP + PLOT_H;
const HEIGHT = BOTTOM + 38;
const Y_TICKS = [0, 0.5, 1];

export const SHARE_TARGET_LABEL = `${Math.round(CLINICIAN_SHARE_LIMIT * 100)}% target`;

const y = (share: number) => TOP + (1 - Math.min(1, Math.max(0, share))) * PLOT_H;
const secs = (s: number) => String(Math.round(s));

export function ShareTimeline({ bins }: ShareTimelineProps) {
  const id = useId();
  const n = Math.max(1, bins.length);
  const slot = PLOT_W / n;
  const barW = Math.max(1, slot * 0.7);
  const spoken = bins.filter((b) => b.clinicianShare !== null);
  const over = spoken.filter((b) => b.clinicianShare! > CLINICIAN_SHARE_LIMIT).length;
  const description =
    `Your share of talk time in each of ${formatCount(bins.length, 'minute')} of the visit. ` +
    `You were above the ${SHARE_TARGET_LABEL} in ${over} of ${formatCount(spoken.length, 'minute')} with speech. ` +
    'A minute-by-minute table follows.';
  const targetY = y(CLINICIAN_SHARE_LIMIT);

  return (
    <figure class="attune-share">
      <svg
        class="attune-timeline__svg attune-share__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>Talk share by minute</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g class="attune-share__grid">
          {Y_TICKS.map((t) => (
            <g key={t}>
              <line x1={LEFT} x2={LEFT + PLOT_W} y1={y(t)} y2={y(t)} />
              <text x={LEFT - 6} y={y(t) + 4} text-anchor="end">
                {formatPercent(t)}
              </text>
            </g>
          ))}
        </g>
        {bins.map((b, i) => {
          const x = LEFT + i * slot + (slot - barW) / 2;
          const minute = i + 1;
          const tip =
            `Minute ${minute}: you ${secs(b.clinicianS)} s, patient ${secs(b.patientS)} s` +
            (b.clinicianShare === null ? ', no speech' : ` (you ${formatPercent(b.clinicianShare)})`);
          return (
            <g key={i} class="attune-share__bar">
              <title>{tip}</title>
              <rect x={x} y={TOP} width={barW} height={PLOT_H} class="attune-share__track" />
              {b.clinicianShare !== null && (
                <>
                  <rect x={x} y={TOP} width={barW} height={y(b.clinicianShare) - TOP} class="attune-share__patient" />
                  <rect x={x} y={y(b.clinicianShare)} width={barW} height={BOTTOM - y(b.clinicianShare)} class="attune-share__you" />
                </>
              )}
            </g>
          );
        })}
        <g class="attune-share__target">
          <line x1={LEFT} x2={LEFT + PLOT_W} y1={targetY} y2={targetY} />
          <text x={LEFT + PLOT_W + 6} y={targetY + 4}>
            {SHARE_TARGET_LABEL}
          </text>
        </g>
        <g class="attune-share__axis">
          <line x1={LEFT} x2={LEFT + PLOT_W} y1={BOTTOM} y2={BOTTOM} />
          {minuteLabels(bins.length).map((m) => (
            <text key={m} x={LEFT + (m - 0.5) * slot} y={BOTTOM + 14} text-anchor="middle">
              {m}
            </text>
          ))}
          <text x={LEFT + PLOT_W / 2} y={BOTTOM + 32} text-anchor="middle" class="attune-share__axis-title">
            Minute of the visit
          </text>
        </g>
      </svg>
      <SpeakerLegend>
        <span class="attune-timeline__key">
          <span class="attune-share__target-key" aria-hidden="true" /> {SHARE_TARGET_LABEL} for your share
        </span>
      </SpeakerLegend>
      <details class="attune-timeline__details">
        <summary>Talk share as a table</summary>
        <table class="attune-timeline__table attune-share__table">
          <caption>Talk in each minute</caption>
          <thead>
            <tr>
              <th scope="col">Minute</th>
              <th scope="col">You (s)</th>
              <th scope="col">Patient (s)</th>
              <th scope="col">Your share</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td>{secs(b.clinicianS)}</td>
                <td>{secs(b.patientS)}</td>
                <td>{formatPercent(b.clinicianShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
