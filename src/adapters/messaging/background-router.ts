import * as v from 'valibot';
import type { Coordinator } from '../../core/session/coordinator';
import {
  EngineToBackgroundSchema,
  OFFSCREEN_TARGET,
  PageToBackgroundSchema,
  PanelToBackgroundSchema,
  parseMessage,
} from '../../core/protocol/messages';
import type { GoalsReply, ImportReply, VisitListReply, VisitWordsReply } from '../../core/protocol/messages';
import type { Goal, VisitSummary } from '../../core/session/schema';
import type { UtteranceLabel } from '../../core/questions/labels';
import type { Behaviour } from '../../core/behaviours/labels';
import { classifySender, type ExtensionIdentity, type SenderLike } from './sender-checks';

export interface RouterDeps {
  coordinator: Coordinator;
  me: ExtensionIdentity;
  listVisits(): Promise<VisitListReply>;
  /** The history pages' requests: saved visits, corrections, goals (src/adapters/background/history-handlers.ts). */
  history: {
    deleteVisit(visitId: string): Promise<boolean>;
    deleteAllVisits(): Promise<number>;
    importVisits(visits: VisitSummary[]): Promise<ImportReply>;
    correctLabel(visitId: string, utteranceId: string, label: UtteranceLabel | null): Promise<VisitSummary>;
    confirmLabel(visitId: string, utteranceId: string, confirmed: boolean): Promise<VisitSummary>;
    correctBehaviours(visitId: string, utteranceId: string, behaviours: Behaviour[] | null): Promise<VisitSummary>;
    goals(): Promise<GoalsReply>;
    setGoal(goal: Goal | null): Promise<GoalsReply>;
  };
  /** Privacy-local visits' words, in memory only (absent: none are kept); deleting a visit deletes them too. */
  visitWords?: { get(visitId: string): Promise<VisitWordsReply>; forget(visitId: string | null): Promise<void> };
  openSummary(visitId: string | null): Promise<void>;
  openSetup(): Promise<void>;
  log(message: string): void;
}

/**
 * Validates and dispatches every message the background receives. Returns the reply (or a
 * promise of it), or undefined for messages that are not ours to answer.
 */
export function createBackgroundRouter(deps: RouterDeps) {
  const { coordinator } = deps;
  const reject = (why: string, raw: unknown) => {
    deps.log(`dropped message (${why}): ${JSON.stringify(raw)?.slice(0, 200)}`);
    return undefined;
  };

  /** After a deletion, the deleted visits' words in memory go too; the deletion's answer is kept. */
  const forgetWords =
    (visitId: string | null) =>
    async <T>(answer: T): Promise<T> => {
      await deps.visitWords?.forget(visitId);
      return answer;
    };

  return (raw: unknown, sender: SenderLike): Promise<unknown> | undefined => {
    if (typeof raw === 'object' && raw !== null && (raw as { target?: unknown }).target === OFFSCREEN_TARGET) return undefined;
    const kind = classifySender(sender, deps.me);
    if (!kind) return reject('unknown sender', raw);

    if (kind === 'content') {
      const message = parseMessage(PanelToBackgroundSchema, raw);
      const tabId = sender.tab!.id!;
      if (!message) return reject('invalid panel message', raw);
      switch (message.type) {
        case 'panel:hello':
          return coordinator.hello(tabId, message.callState);
        case 'panel:start':
          return coordinator.start(tabId, 'panel', sender.url);
        case 'panel:end':
          return coordinator.end(tabId, 'user');
        case 'panel:call-state':
          return coordinator.callState(tabId, message.callState).then(() => null);
        case 'panel:remote-frames':
          return coordinator.remoteFrames(tabId, message.sessionId, message.energyDb).then(() => null);
        case 'panel:open-summary':
          return deps.openSummary(message.visitId).then(() => null);
        case 'panel:open-setup':
          return deps.openSetup().then(() => null);
        case 'panel:pause':
          return coordinator.pause(tabId, message.paused);
      }
    }

    if (kind === 'offscreen') {
      const message = parseMessage(EngineToBackgroundSchema, raw);
      if (!message) return reject('invalid engine message', raw);
      switch (message.type) {
        case 'engine:live':
          return coordinator.engineLive(message.sessionId, message.live).then(() => null);
        case 'engine:checkpoint':
          return coordinator.engineCheckpoint(message.sessionId, message.checkpoint).then(() => null);
        case 'engine:failed':
          return coordinator.engineFailed(message.sessionId, message.message).then(() => null);
      }
    }

    const message = parseMessage(PageToBackgroundSchema, raw);
    if (!message) {
      // Engine updates broadcast by the offscreen document also reach extension pages; not ours.
      return v.is(EngineToBackgroundSchema, raw) ? undefined : reject('invalid page message', raw);
    }
    switch (message.type) {
      case 'page:tab-view':
        return coordinator.view(message.tabId);
      case 'page:start':
        return coordinator.start(message.tabId, 'toolbar');
      case 'page:stop':
        return coordinator.end(message.tabId, 'user');
      case 'page:show-panel':
        return coordinator.showPanel(message.tabId);
      case 'page:list-visits':
        return deps.listVisits();
      case 'page:delete-visit':
        return deps.history.deleteVisit(message.visitId).then(forgetWords(message.visitId));
      case 'page:delete-all-visits':
        return deps.history.deleteAllVisits().then(forgetWords(null));
      case 'page:import-visits':
        return deps.history.importVisits(message.visits);
      case 'page:correct-label':
        return deps.history.correctLabel(message.visitId, message.utteranceId, message.label);
      case 'page:confirm-label':
        return deps.history.confirmLabel(message.visitId, message.utteranceId, message.confirmed);
      case 'page:correct-behaviours':
        return deps.history.correctBehaviours(message.visitId, message.utteranceId, message.behaviours);
      case 'page:goals':
        return deps.history.goals();
      case 'page:set-goal':
        return deps.history.setGoal(message.goal);
      case 'page:visit-words':
        return deps.visitWords ? deps.visitWords.get(message.visitId) : Promise.resolve(null);
    }
  };
}
