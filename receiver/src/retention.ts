/**
 * Retention (SPEC §11): closed requests are deleted `--retention-days` after closing; open ones
 * never automatically. The audit log keeps that each one existed and was deleted, by reference
 * only. Expired sessions, old sign-in failures and sent notices go too.
 */
import type { Kysely } from 'kysely';
import { audit } from './audit.js';
import { referenceOf } from './callbacks/store.js';
import type { Database } from './db/schema.js';

const DAY_MS = 24 * 3_600_000;

export async function purge(db: Kysely<Database>, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const deleted = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .deleteFrom('callbacks')
      .where('status', '=', 'closed')
      .where('closed_at', '<', cutoff)
      .returning(['seq', 'reference_prefix'])
      .execute();
    for (const row of rows) {
      await audit(trx, {
        actor: 'retention',
        action: 'deleted',
        reference: referenceOf(row),
        detail: `closed more than ${retentionDays} days ago`,
        at: now,
      });
    }
    return rows.length;
  });
  await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
  await db
    .deleteFrom('sign_in_failures')
    .where('at', '<', new Date(now.getTime() - DAY_MS).toISOString())
    .execute();
  await db.deleteFrom('outbox').where('sent_at', '<', cutoff).execute();
  return deleted;
}
