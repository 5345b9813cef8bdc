/**
 * Sign-in limits (SPEC §11): after 5 failed sign-ins for one account, or from one address,
 * within 15 minutes, further tries are refused for 15 minutes whatever the password. Failures
 * are rows in `sign_in_failures`, so the limit holds across restarts and receiver processes.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/**
 * When the lock on these failure times (oldest first) ends, or 0 when there is none: each run
 * of 5 failures within 15 minutes locks for 15 minutes from its last failure.
 */
export function lockedUntil(times: number[]): number {
  let until = 0;
  for (let index = MAX_FAILURES - 1; index < times.length; index++) {
    if (times[index]! - times[index - (MAX_FAILURES - 1)]! <= WINDOW_MS) {
      until = Math.max(until, times[index]! + LOCK_MS);
    }
  }
  return until;
}

/** Seconds until a sign-in may be tried again for this account and address; 0 when it may now. */
export async function secondsLocked(
  db: Kysely<Database>,
  email: string,
  address: string,
  now = Date.now(),
): Promise<number> {
  const since = new Date(now - WINDOW_MS - LOCK_MS).toISOString();
  const rows = await db
    .selectFrom('sign_in_failures')
    .select(['email', 'address', 'at'])
    .where('at', '>=', since)
    .where((where) => where.or([where('email', '=', email), where('address', '=', address)]))
    .orderBy('at')
    .execute();
  const times = (predicate: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(predicate).map((row) => new Date(row.at).getTime());
  const until = Math.max(
    lockedUntil(times((row) => row.email === email)),
    lockedUntil(times((row) => row.address === address)),
  );
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

export async function recordFailure(db: Kysely<Database>, email: string, address: string, now = new Date()) {
  await db.insertInto('sign_in_failures').values({ email, address, at: now.toISOString() }).execute();
}
