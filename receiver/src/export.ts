/**
 * `export`: the clinic's own copy of its requests, as JSON (an array of SPEC §4 bodies plus
 * reference, receivedAt and status) or CSV. Every export is written to the audit log.
 */
import type { CallbackRow } from './db/schema.js';
import { referenceOf, toRequestBody } from './callbacks/store.js';

export function exportRecord(row: CallbackRow) {
  return { ...toRequestBody(row), reference: referenceOf(row), receivedAt: row.received_at, status: row.status };
}

const CSV_COLUMNS = [
  'reference',
  'receivedAt',
  'status',
  'id',
  'createdAt',
  'name',
  'phone',
  'email',
  'bestTime',
  'voicemailOk',
  'forSomeoneElse',
  'language',
  'message',
  'consent',
  'selfCheck',
  'page',
  'widgetVersion',
] as const;

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (starting with = @ or a tab, or
 * + or - not followed by a digit) gets a leading apostrophe: the text was typed by the public.
 */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^(?:[=@\t\r]|[+-](?![\d (]))/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: CallbackRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const record = exportRecord(row) as Record<string, unknown>;
    lines.push(CSV_COLUMNS.map((column) => csvCell(record[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: CallbackRow[]): string {
  return `${JSON.stringify(rows.map(exportRecord), null, 2)}\n`;
}
