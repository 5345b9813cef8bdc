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

/** How many requests one SQLite commit may hold. */
const MAX_BATCH = 256;

export interface ReceiveOptions {
  referencePrefix: string;
  channels: NotificationChannel[];
  now?: Date;
}

/**
 * Stores a validated request and queues its notifications in the same transaction, or finds
 * the request already stored under its id. Resolves only after the commit.
 */
export async function receiveCallback(
  db: Kysely<Database>,
  request: CallbackRequest,
  options: ReceiveOptions,
): Promise<ReceiveOutcome> {
  const [outcome] = await receiveCallbacks(db, [request], options);
  return outcome!;
}

/**
 * Several requests stored in one transaction, so one commit (one sync to disk) answers them
 * all: each outcome as `receiveCallback` would give it, and only after the commit. Two
 * requests with one id in a batch are a first and a replay, as they would be one after the
 * other.
 */
export async function receiveCallbacks(
  db: Kysely<Database>,
  requests: CallbackRequest[],
  options: ReceiveOptions,
): Promise<ReceiveOutcome[]> {
  const receivedAt = (options.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const outcomes: ReceiveOutcome[] = [];
    for (const request of requests) {
      const hash = bodyHash(request);
      const reference = await insertRequest(trx, request, hash, receivedAt, options.referencePrefix);
      if (reference) {
        await queueNotifications(trx, reference, receivedAt, options.channels);
        outcomes.push({ kind: 'created', reference });
      } else {
        outcomes.push(await findExisting(trx, request.id, hash));
      }
    }
    return outcomes;
  });
}

/**
 * Group commit for SQLite, whose writes run one at a time and whose every commit waits for the
 * disk (synchronous=FULL): the requests that arrive while one commit is under way are stored
 * together in the next, so throughput grows with concurrency instead of being one sync per
 * request. A batch that fails is tried again request by request, so one failing request never
 * fails the others.
 */
export function groupCommitter(db: Kysely<Database>, options: ReceiveOptions) {
  interface Pending {
    request: CallbackRequest;
    resolve: (outcome: ReceiveOutcome) => void;
    reject: (error: unknown) => void;
  }
  let queue: Pending[] = [];
  let scheduled = false;

  async function flush() {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        const outcomes = await receiveCallbacks(
          db,
          batch.map((pending) => pending.request),
          options,
        );
        batch.forEach((pending, i) => pending.resolve(outcomes[i]!));
      } catch (error) {
        // The database itself is unavailable (locked, full, unreadable): every request fails
        // alike, so they are answered at once rather than each made to wait again.
        if (batch.length === 1 || isDatabaseWide(error)) batch.forEach((pending) => pending.reject(error));
        else {
          for (const pending of batch) {
            await receiveCallback(db, pending.request, options).then(pending.resolve, pending.reject);
          }
        }
      }
    }
    scheduled = false;
  }

  return (request: CallbackRequest): Promise<ReceiveOutcome> =>
    new Promise((resolve, reject) => {
      queue.push({ request, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // After the requests already read from the network have joined the queue.
        setImmediate(() => void flush());
      }
    });
}

/** SQLite errors about the database as a whole rather than about one request's row. */
function isDatabaseWide(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (
    typeof code === 'string' &&
    /^SQLITE_(BUSY|LOCKED|IOERR|FULL|READONLY|CANTOPEN|CORRUPT|NOTADB|NOMEM|PERM|PROTOCOL|INTERRUPT)/.test(code)
  );
}

/** Inserts the request unless its id is stored already; its reference when it was inserted. */
async function insertRequest(
  trx: Transaction<Database>,
  request: CallbackRequest,
  hash: string,
  receivedAt: string,
  referencePrefix: string,
): Promise<string | undefined> {
  const inserted = await trx
    .insertInto('callbacks')
    .values({
      id: request.id,
      reference_prefix: referencePrefix,
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
  return inserted ? referenceOf(inserted) : undefined;
}

/** The answer for an id that is stored already: a replay, or a key reused for another body. */
async function findExisting(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
  hash: string,
): Promise<ReceiveOutcome> {
  const existing = await db
    .selectFrom('callbacks')
    .select(['seq', 'reference_prefix', 'body_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
  // Deleted by retention in between: the key is spent all the same.
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
