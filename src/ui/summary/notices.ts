/** What the summaries page says after a change (delete, import) or a partial read, in proper English. */
import type { ImportReply } from '../../core/protocol/messages';
import type { ImportReport } from '../../core/history/export';
import { retentionCutoffMs } from '../../core/history/retention';
import type { VisitSummary } from '../../core/session/schema';
import { formatCount } from '../format';

export const deletedNotice = (count: number): string => `${formatCount(count, 'visit')} deleted.`;

export function skippedNotice(reasons: readonly string[]): string {
  const n = reasons.length;
  return `${n} saved ${n === 1 ? 'visit' : 'visits'} could not be read and ${n === 1 ? 'is' : 'are'} not shown (${reasons.join('; ')}).`;
}

/**
 * "Imported 3000 new visits, replaced none." and, when some visits are already older than the
 * retention period (settings.retentionDays), that the next clean-up will delete them, so a large
 * import of old visits is not silently lost a few hours later.
 */
/** An import's reply with what the page's own parse skipped (listed up to a cap, all counted). */
export type ImportOutcomeForNotice = ImportReply & Pick<ImportReport, 'skipped' | 'skippedTotal'>;

export function importNotice(reply: ImportOutcomeForNotice, visitsNow: readonly VisitSummary[], retentionDays: number, nowMs: number): string {
  // At most a few skips are listed (a hostile file may hold millions); the total is always said.
  const unlisted = reply.skippedTotal - reply.skipped.length;
  const more = unlisted > 0 ? `; and ${unlisted} more` : '';
  const listed = reply.skipped.map((s) => `#${s.index + 1} ${s.reason}`).join('; ');
  const skipped = reply.skippedTotal ? ` ${reply.skippedTotal} skipped: ${listed}${more}.` : '';
  const replaced = reply.replaced === 0 ? 'none' : String(reply.replaced);
  let text = `Imported ${formatCount(reply.added, 'new visit')}, replaced ${replaced}.${skipped}`;
  const cutoff = retentionCutoffMs(nowMs, retentionDays);
  const expiring = cutoff === null ? 0 : visitsNow.filter((v) => v.startedAt < cutoff).length;
  if (expiring > 0) {
    text +=
      ` ${expiring === 1 ? '1 visit' : `${expiring} visits`} started more than ${retentionDays} days ago, beyond how long you keep visits: ` +
      `${expiring === 1 ? 'it' : 'they'} will be deleted at the next clean-up (within 12 hours). To keep ${expiring === 1 ? 'it' : 'them'}, ` +
      'choose a longer “Keep summaries for” on the setup page.';
  }
  return text;
}
