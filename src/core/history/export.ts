/**
 * Export of saved visits as JSON (complete, re-importable) and CSV (one row per visit for a
 * spreadsheet), and import of a JSON export with every record migrated and validated.
 */
import { readVisitRecord } from '../session/visit-migrations';
import type { VisitSummary } from '../session/schema';
import { visitQuestionFigures } from '../questions/estimate';
import { BEHAVIOURS } from '../behaviours/labels';
import { firstBehaviourS, visitBehaviourCounts } from '../behaviours/counts';

export const EXPORT_FORMAT = 'attune-visits';
export const EXPORT_FORMAT_VERSION = 1;

export interface VisitExport {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  /** ISO 8601. */
  exportedAt: string;
  visits: VisitSummary[];
}

export function exportJson(visits: readonly VisitSummary[], nowMs: number): string {
  const doc: VisitExport = { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAt: new Date(nowMs).toISOString(), visits: [...visits] };
  return JSON.stringify(doc, null, 2);
}

type Cell = string | number | boolean | null | undefined;
const iso = (ms: number) => new Date(ms).toISOString();
const round = (x: number | null | undefined, places = 3) => (x === null || x === undefined ? null : Math.round(x * 10 ** places) / 10 ** places);

/** An expected count (2 decimals) when the visit's figures are estimates, else blank (the label counts are the columns before). */
function estimatedCount(v: VisitSummary, which: 'open' | 'closed' | 'reflections'): number | null {
  const f = visitQuestionFigures(v);
  return f?.estimated ? round(f[which], 2) : null;
}

/** The CSV's columns: a header and how to read it from a visit. Shares are fractions (0–1), times in seconds. */
const COLUMNS: ReadonlyArray<[string, (v: VisitSummary) => Cell]> = [
  ['id', (v) => v.id],
  ['started_at', (v) => iso(v.startedAt)],
  ['ended_at', (v) => iso(v.endedAt)],
  ['site', (v) => v.site],
  ['host', (v) => v.host],
  ['duration_s', (v) => v.durationS],
  ['clinician_s', (v) => v.clinicianS],
  ['patient_s', (v) => v.patientS],
  ['overlap_s', (v) => v.overlapS],
  ['clinician_share', (v) => round(v.clinicianShare)],
  ['opening_s', (v) => v.metrics?.opening?.durationS],
  ['opening_interrupted', (v) => v.metrics?.opening?.interrupted],
  ['opening_interrupted_after_s', (v) => v.metrics?.opening?.interruptedAfterS],
  ['turns', (v) => v.metrics?.turns],
  ['interruptions_by_clinician', (v) => v.metrics?.interruptions.clinician],
  ['interruptions_by_patient', (v) => v.metrics?.interruptions.patient],
  ['longest_turn_clinician_s', (v) => v.metrics?.longestMonologueS.clinician],
  ['longest_turn_patient_s', (v) => v.metrics?.longestMonologueS.patient],
  ['open_questions', (v) => v.questions?.open],
  ['closed_questions', (v) => v.questions?.closed],
  ['reflections', (v) => v.questions?.reflections],
  // The shares as the summary shows them: estimates from the label probabilities when the visit has them.
  ['open_question_share', (v) => round(visitQuestionFigures(v)?.openShare)],
  ['reflections_per_question', (v) => round(visitQuestionFigures(v)?.reflectionToQuestion)],
  ['open_questions_estimated', (v) => estimatedCount(v, 'open')],
  ['closed_questions_estimated', (v) => estimatedCount(v, 'closed')],
  ['reflections_estimated', (v) => estimatedCount(v, 'reflections')],
  ['gaze_on_screen_share', (v) => round(v.gaze?.onScreenWhilePatientSpeaksShare)],
  // Listening behaviours (issue 16), corrections applied; empty, not 0, for visits saved before Attune detected them.
  ...BEHAVIOURS.map((b): [string, (v: VisitSummary) => Cell] => [`behaviour_${b}`, (v) => visitBehaviourCounts(v)?.[b]]),
  ['agenda_first_s', (v) => (visitBehaviourCounts(v) ? firstBehaviourS(v.utterances ?? [], 'agenda') : undefined)],
  ['nudges', (v) => v.nudges?.length],
  ['goal', (v) => v.goal?.text],
  ['end_reason', (v) => v.endReason],
  ['partial', (v) => v.partial],
  ['privacy_local', (v) => v.privacyLocal],
  ['remote_source', (v) => v.remoteSource],
  ['engine_version', (v) => v.engineVersion],
  ['schema_version', (v) => v.schemaVersion],
];

export const CSV_HEADER = COLUMNS.map(([name]) => name);

/**
 * One CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a formula (= + - @ at the
 * start) is prefixed with an apostrophe, since goal text and host names are free text.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportCsv(visits: readonly VisitSummary[]): string {
  const rows = [CSV_HEADER.join(','), ...visits.map((v) => COLUMNS.map(([, read]) => csvCell(read(v))).join(','))];
  return rows.join('\r\n') + '\r\n';
}

export interface ImportReport {
  visits: VisitSummary[];
  /** Records that could not be read, with where they were in the file and why. */
  skipped: Array<{ index: number; id: string; reason: string }>;
  /** How many records were skipped in all (`skipped` lists at most MAX_SKIPS_LISTED of them). */
  skippedTotal: number;
}

export class ImportError extends Error {}

/** Largest file accepted (characters): years of visits are a few MB; anything much bigger is not ours. */
export const MAX_IMPORT_CHARS = 50_000_000;
/** Visits per import message to the background (each batch is stored in one transaction). */
export const IMPORT_BATCH_VISITS = 200;
/** Most records in one file: about ten years of daily visits. */
export const MAX_IMPORT_VISITS = 20_000;
/** Longest list inside one record (a visit's segments, utterances, gaze spans): a 10-hour visit has far fewer. */
export const MAX_RECORD_LIST_LENGTH = 50_000;
/** Skipped records listed by reason (the rest are counted): a hostile file cannot make the reply huge. */
export const MAX_SKIPS_LISTED = 50;

/** True when any list in `value` (down to `depth` levels) is longer than `max`: checked before the full validation. */
function hasOverlongList(value: unknown, max: number, depth = 4): boolean {
  if (depth < 0 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value) && value.length > max) return true;
  return (Array.isArray(value) ? value : Object.values(value)).some((child) => hasOverlongList(child, max, depth - 1));
}

/** Reads an Attune JSON export. Throws ImportError when the file as a whole is unusable; skips bad records. */
export function parseImport(text: string): ImportReport {
  if (text.length > MAX_IMPORT_CHARS) throw new ImportError('This file is too large to be an Attune export.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not valid JSON. Choose a file exported from Attune (“Export JSON”).');
  }
  const d = doc as Partial<VisitExport> | null;
  if (typeof d !== 'object' || d === null || d.format !== EXPORT_FORMAT || !Array.isArray(d.visits)) {
    throw new ImportError('This JSON file is not an Attune export. Choose a file exported from Attune (“Export JSON”).');
  }
  if (typeof d.formatVersion !== 'number' || d.formatVersion > EXPORT_FORMAT_VERSION) {
    throw new ImportError('This export was made by a newer version of Attune. Update Attune, then import it again.');
  }
  if (d.visits.length > MAX_IMPORT_VISITS) {
    throw new ImportError(`This file holds ${d.visits.length} records; Attune imports at most ${MAX_IMPORT_VISITS} at a time. Export fewer visits per file.`);
  }
  const report: ImportReport = { visits: [], skipped: [], skippedTotal: 0 };
  const skip = (index: number, id: string, reason: string) => {
    report.skippedTotal++;
    if (report.skipped.length < MAX_SKIPS_LISTED) report.skipped.push({ index, id, reason });
  };
  const seen = new Set<string>();
  d.visits.forEach((raw, index) => {
    if (hasOverlongList(raw, MAX_RECORD_LIST_LENGTH)) return skip(index, '?', `a list in this record is longer than ${MAX_RECORD_LIST_LENGTH} entries`);
    const read = readVisitRecord(raw);
    if (!read.ok) skip(index, read.id, read.reason);
    else if (seen.has(read.visit.id)) skip(index, read.visit.id, 'the same visit appears twice in the file');
    else {
      seen.add(read.visit.id);
      report.visits.push(read.visit);
    }
  });
  return report;
}
