/**
 * The audit log: who viewed or changed which request, and when. Append-only (the database
 * refuses UPDATE and DELETE on it); it names requests by reference and never holds their
 * contents, so it can outlive them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.js';

export type AuditAction =
  | 'viewed'
  | 'called'
  | 'closed'
  | 'reopened'
  | 'deleted'
  | 'exported'
  | 'signed-in'
  | 'signed-out'
  | 'sign-in-refused'
  | 'user-added'
  | 'user-updated';

export async function audit(
  db: Kysely<Database> | Transaction<Database>,
  entry: { actor: string; action: AuditAction; reference?: string | null; detail?: string | null; at?: Date },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: (entry.at ?? new Date()).toISOString(),
      actor: entry.actor,
      action: entry.action,
      reference: entry.reference ?? null,
      detail: entry.detail ?? null,
    })
    .execute();
}
