import { render } from 'preact';
import type { VisitSummary } from '../../src/core/session/schema';
import { pageChannel } from '../../src/adapters/messaging/page-channel';
import { SummaryApp } from '../../src/ui/summary/SummaryApp';

// Visit summaries: wiring only. The selected visit lives in the URL hash so it can be linked.
const root = document.getElementById('app')!;
let visits: VisitSummary[] = [];
let loading = true;
let message: string | null = null;

const selectedId = () => (location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null);
const draw = () =>
  render(
    <SummaryApp visits={visits} selectedId={selectedId()} loading={loading} message={message} onSelect={(id) => (location.hash = encodeURIComponent(id))} />,
    root,
  );

async function load() {
  try {
    const list = await pageChannel.listVisits();
    visits = list.visits;
    message = list.skipped.length ? `${list.skipped.length} saved visit(s) could not be read and are not shown.` : null;
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  loading = false;
  draw();
}

window.addEventListener('hashchange', draw);
draw();
void load();
