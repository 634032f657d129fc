import { render } from 'preact';
import { exportCsv, exportJson } from '../../src/core/history/export';
import type { GoalsReply } from '../../src/core/protocol/messages';
import type { VisitSummary } from '../../src/core/session/schema';
import { pageChannel } from '../../src/adapters/messaging/page-channel';
import { loadSettings } from '../../src/adapters/storage/settings-store';
import { downloadText } from '../../src/adapters/browser/download';
import { DEFAULT_CONTEXT, type SummaryActions, type SummaryArea, type SummaryContext } from '../../src/ui/summary/actions';
import { SummaryApp } from '../../src/ui/summary/SummaryApp';
import { deletedNotice, importNotice, skippedNotice } from '../../src/ui/summary/notices';
import { CONFIRMED_TEXT, UNCONFIRMED_TEXT } from '../../src/ui/summary/ReviewLabels';
import { formatCount } from '../../src/ui/format';

// Visit summaries and history: wiring only. The page lives in the URL hash so it can be linked:
// `#history` is the history, `#<visit id>` one visit, nothing the newest visit.
const root = document.getElementById('app')!;
let visits: VisitSummary[] = [];
let loading = true;
let message: string | null = null;
let notice: string | null = null;
let context: SummaryContext = DEFAULT_CONTEXT;

const route = () => (location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const stamp = () => new Date().toISOString().slice(0, 10);

async function reload(): Promise<void> {
  try {
    const list = await pageChannel.listVisits();
    visits = list.visits;
    message = list.problem ?? null;
    notice = list.skipped.length ? skippedNotice(list.skipped.map((s) => s.reason)) : null;
  } catch (error) {
    message = errorText(error);
  }
  loading = false;
  draw();
  void loadReviewWords();
}

/** A privacy-local visit's words live only in the background's memory for a while: asked for the shown visit. */
async function loadReviewWords(): Promise<void> {
  const at = route();
  if (at === 'history') return;
  const shown = at === null ? [...visits].sort((a, b) => b.startedAt - a.startedAt)[0] : visits.find((v) => v.id === at);
  if (!shown?.privacyLocal || !shown.utterances?.length || context.reviewWords?.visitId === shown.id) return;
  try {
    context = { ...context, reviewWords: { visitId: shown.id, words: await pageChannel.visitWords(shown.id) } };
  } catch (error) {
    message = errorText(error);
  }
  draw();
}

/** The results of actions show beside the controls that caused them (and are announced there). */
function showResult(area: SummaryArea, text: string, error = false): void {
  context = { ...context, result: { area, text, error } };
  draw();
}

/** Runs a change; on failure the reason (a full disk, a bad file) shows beside its controls, and the page reloads its data. */
async function change(area: SummaryArea, run: () => Promise<string | null | void>): Promise<void> {
  try {
    const done = await run();
    await reload();
    showResult(area, done || 'Done.');
  } catch (error) {
    await reload();
    showResult(area, errorText(error), true);
  }
}

const actions: SummaryActions = {
  onCorrectLabel: (visitId, utteranceId, label) =>
    void change('labels', async () => {
      await pageChannel.correctLabel(visitId, utteranceId, label);
      return label ? 'Your correction was saved.' : 'The label went back to what Attune found.';
    }),
  onConfirmLabel: (visitId, utteranceId, confirmed) =>
    void change('labels', async () => {
      await pageChannel.confirmLabel(visitId, utteranceId, confirmed);
      return confirmed ? CONFIRMED_TEXT : UNCONFIRMED_TEXT;
    }),
  onCorrectBehaviours: (visitId, utteranceId, behaviours) =>
    void change('labels', async () => {
      await pageChannel.correctBehaviours(visitId, utteranceId, behaviours);
      return behaviours ? 'Your correction was saved.' : 'The listening skills went back to what Attune found.';
    }),
  onSetGoal: (goal) =>
    void change('goal', async () => {
      // The same goal set again is renewed, not added twice (the history lists it once).
      const renewed = goal !== null && context.goals?.history.some((g) => g.id === goal.id);
      context = { ...context, goals: await pageChannel.setGoal(goal) };
      return goal ? `${renewed ? 'Goal renewed' : 'Goal set'} for your next visit: ${goal.text}` : 'Goal cleared.';
    }),
  onExport: (list, format) => {
    const area: SummaryArea = route() === 'history' ? 'data' : 'visit';
    const name = `${list.length === 1 ? `attune-visit-${stamp()}-${list[0]!.id.slice(0, 8)}` : `attune-visits-${stamp()}`}.${format}`;
    try {
      if (format === 'json') downloadText(name, exportJson(list, Date.now()), 'application/json');
      else downloadText(name, exportCsv(list), 'text/csv');
      showResult(area, `Saved ${name} (${formatCount(list.length, 'visit')}) to your downloads.`);
    } catch (error) {
      showResult(area, `The export failed: ${errorText(error)}`, true);
    }
  },
  onDeleteVisit: (visitId) =>
    void change('visit', async () => {
      await pageChannel.deleteVisit(visitId);
      if (route() === visitId) history.replaceState(null, '', location.pathname);
      return 'The visit was deleted.';
    }),
  onDeleteAll: () => void change('data', async () => deletedNotice(await pageChannel.deleteAllVisits())),
  onImport: (text) =>
    void change('data', async () => {
      const r = await pageChannel.importVisits(text);
      // Read back what is stored now, to say how many are already past the retention period.
      const stored = await pageChannel.listVisits();
      return importNotice(r, stored.visits, context.retentionDays, Date.now());
    }),
  onPrint: () => window.print(),
};

function draw(): void {
  const at = route();
  render(
    <SummaryApp
      visits={visits}
      view={at === 'history' ? 'history' : 'visit'}
      selectedId={at === 'history' ? null : at}
      onSelect={(id) => (location.hash = encodeURIComponent(id))}
      onShowHistory={() => (location.hash = 'history')}
      loading={loading}
      message={message}
      notice={notice}
      context={context}
      actions={actions}
    />,
    root,
  );
}

async function loadContext(): Promise<void> {
  const settings = await loadSettings();
  let goals: GoalsReply | null = null;
  try {
    goals = await pageChannel.goals();
  } catch (error) {
    message = errorText(error);
  }
  // The opening's rule travels with the targets, so the summary judges it as the live nudge did.
  context = { ...context, targets: { ...settings.targets, openingWithinS: settings.nudges.opening.withinS, agendaWithinS: settings.nudges.agenda.byS }, longTurnS: settings.nudges.monologue.overS, retentionDays: settings.retentionDays, goals };
}

window.addEventListener('hashchange', () => {
  notice = null;
  context = { ...context, result: null };
  draw();
  void loadReviewWords();
});
draw();
void loadContext().then(reload);
