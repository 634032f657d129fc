/**
 * What an action did, shown beside the control that caused it and announced by screen readers.
 * The live region is always in the page (empty until there is news): a region inserted together
 * with its text is not reliably announced.
 */
import '../theme.css';

/** One result of a clinician's action: which group of controls caused it, what happened, and whether it failed. */
export interface ActionResult<Area extends string = string> {
  area: Area;
  text: string;
  error: boolean;
}

export interface ActionStatusProps {
  result: ActionResult | null | undefined;
  /** The group of controls this status sits beside: it shows only results from that group. */
  area: string;
}

export function ActionStatus({ result, area }: ActionStatusProps) {
  const mine = result && result.area === area ? result : null;
  return (
    <p class={`attune-action-status${mine?.error ? ' attune-action-status--error' : ''}`} role="status" data-area={area}>
      {mine?.text ?? ''}
    </p>
  );
}
