/** Two or three sentences about the visit: what went well and one thing to try next time. */
import type { Observation } from '../../core/history/observations';

export function Observations({ items }: { items: readonly Observation[] }) {
  if (items.length === 0) return <p class="attune-muted">Not enough was measured in this visit to say what went well or what to try.</p>;
  return (
    <ul class="attune-observations">
      {items.map((o) => (
        <li key={`${o.kind}-${o.metric}`} class={`attune-observation attune-observation--${o.kind}`}>
          <strong>{o.kind === 'strength' ? 'Went well: ' : 'Try next time: '}</strong>
          {o.text}
        </li>
      ))}
    </ul>
  );
}
