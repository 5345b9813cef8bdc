/**
 * Inbox sessions kept in the database (the `sessions` table), so that signing out or expiring
 * really ends a session, and every receiver process on one database knows the same sessions.
 * The shape is the one @fastify/session expects of a store.
 */
import type { Session } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Callback = (error?: unknown) => void;
type GetCallback = (error: unknown, session?: Session | null) => void;

/** What the store needs to know of a session: its cookie's expiry and when it was signed in. */
interface StoredSession {
  cookie?: { expires?: Date | string | null };
  signedInAt?: string;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export class DatabaseSessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly limits: SessionLimits,
  ) {}

  /** When a session ends: its idle deadline, but never later than 12 hours after sign-in. */
  expiresAt(session: StoredSession, now = Date.now()): Date {
    const cookieExpires = session.cookie?.expires ? new Date(session.cookie.expires).getTime() : NaN;
    let expires = Number.isFinite(cookieExpires) ? cookieExpires : now + this.limits.idleMs;
    if (session.signedInAt) {
      expires = Math.min(expires, new Date(session.signedInAt).getTime() + this.limits.absoluteMs);
    }
    return new Date(expires);
  }

  set(sid: string, session: StoredSession, callback: Callback): void {
    const data = JSON.stringify(session);
    const expiresAt = this.expiresAt(session).toISOString();
    this.db
      .insertInto('sessions')
      .values({ sid, data, expires_at: expiresAt })
      .onConflict((conflict) => conflict.column('sid').doUpdateSet({ data, expires_at: expiresAt }))
      .execute()
      .then(() => callback(), callback);
  }

  /** A session that has expired is gone, whatever its cookie says: its row is deleted on sight. */
  get(sid: string, callback: GetCallback): void {
    const now = new Date().toISOString();
    this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('sid', '=', sid)
      .executeTakeFirst()
      .then(async (row) => {
        if (!row) return null;
        if (row.expires_at <= now) {
          await this.db.deleteFrom('sessions').where('sid', '=', sid).execute();
          return null;
        }
        return JSON.parse(row.data) as Session;
      })
      .then((session) => callback(null, session), callback);
  }

  destroy(sid: string, callback: Callback): void {
    this.db
      .deleteFrom('sessions')
      .where('sid', '=', sid)
      .execute()
      .then(() => callback(), callback);
  }
}
