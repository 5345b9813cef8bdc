/**
 * Storing call-back requests exactly once. The request id is a unique key, so a retry or a
 * concurrent duplicate can never add a second row: PostgreSQL makes the second insert wait for
 * the first one's commit and then do nothing, and SQLite runs one write at a time. Nothing is
 * checked before inserting (a check-then-insert would race between receiver processes).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, CallbackRow } from '../db/schema.js';
import { bodyHash, type CallbackRequest } from './payload.js';

export type ReceiveOutcome =
  { kind: 'created'; reference: string } | { kind: 'replayed'; reference: string } | { kind: 'key-reused' };

export type NotificationChannel = 'email' | 'webhook';

export function formatReference(prefix: string, seq: number): string {
  return `${prefix}-${String(seq).padStart(4, '0')}`;
}

/** `CB-0042` → 42; anything else → undefined. */
export function parseReference(reference: string): number | undefined {
  const match = /^[A-Za-z][A-Za-z0-9]{0,9}-(\d{1,15})$/.exec(reference);
  return match ? Number(match[1]) : undefined;
}

export function referenceOf(row: Pick<CallbackRow, 'reference_prefix' | 'seq'>): string {
  return formatReference(row.reference_prefix, row.seq);
}

/**
 * Stores a validated request and queues its notifications in the same transaction, or finds
 * the request already stored under its id. Resolves only after the commit.
 */
export async function receiveCallback(
  db: Kysely<Database>,
  request: CallbackRequest,
  options: { referencePrefix: string; channels: NotificationChannel[]; now?: Date },
): Promise<ReceiveOutcome> {
  const hash = bodyHash(request);
  const receivedAt = (options.now ?? new Date()).toISOString();
  const created = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('callbacks')
      .values({
        id: request.id,
        reference_prefix: options.referencePrefix,
        body_hash: hash,
        received_at: receivedAt,
        created_at: request.createdAt,
        name: request.name,
        phone: request.phone ?? null,
        email: request.email ?? null,
        best_time: request.bestTime,
        voicemail_ok: request.voicemailOk ? 1 : 0,
        for_someone_else: request.forSomeoneElse ? 1 : 0,
        language: request.language,
        message: request.message ?? null,
        self_check: request.selfCheck ? JSON.stringify(request.selfCheck) : null,
        page: request.page,
        widget_version: request.widgetVersion,
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning(['seq', 'reference_prefix'])
      .executeTakeFirst();
    if (!inserted) return undefined;
    const reference = referenceOf(inserted);
    await queueNotifications(trx, reference, receivedAt, options.channels);
    return reference;
  });
  if (created) return { kind: 'created', reference: created };

  const existing = await db
    .selectFrom('callbacks')
    .select(['seq', 'reference_prefix', 'body_hash'])
    .where('id', '=', request.id)
    .executeTakeFirst();
  // Deleted by retention between the two statements: the key is spent all the same.
  if (!existing || existing.body_hash !== hash) return { kind: 'key-reused' };
  return { kind: 'replayed', reference: referenceOf(existing) };
}

async function queueNotifications(
  trx: Transaction<Database>,
  reference: string,
  receivedAt: string,
  channels: NotificationChannel[],
): Promise<void> {
  if (!channels.length) return;
  await trx
    .insertInto('outbox')
    .values(channels.map((channel) => ({ channel, reference, received_at: receivedAt, next_attempt_at: receivedAt })))
    .execute();
}

/** The stored request as the widget sent it (SPEC §4), for export and for the inbox. */
export function toRequestBody(row: CallbackRow): CallbackRequest {
  return {
    id: row.id,
    createdAt: row.created_at,
    name: row.name,
    ...(row.phone !== null ? { phone: row.phone } : {}),
    ...(row.email !== null ? { email: row.email } : {}),
    bestTime: row.best_time as CallbackRequest['bestTime'],
    voicemailOk: row.voicemail_ok === 1,
    forSomeoneElse: row.for_someone_else === 1,
    language: row.language,
    ...(row.message !== null ? { message: row.message } : {}),
    consent: true,
    ...(row.self_check !== null ? { selfCheck: JSON.parse(row.self_check) } : {}),
    page: row.page,
    widgetVersion: row.widget_version,
  };
}

/** Requests received on or after `since` (all when absent), oldest first. */
export async function listForExport(db: Kysely<Database>, since?: string): Promise<CallbackRow[]> {
  let query = db.selectFrom('callbacks').selectAll().orderBy('seq');
  if (since) query = query.where('received_at', '>=', since);
  return query.execute();
}
