/** What the inbox's pages share: paths, the cookie's name, the signed-in account. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Store } from '../db/database.js';
import type { SessionLimits } from './session-store.js';

export interface SessionUser {
  id: number;
  email: string;
  isAdmin: boolean;
}

declare module 'fastify' {
  interface Session {
    user?: SessionUser;
    /** ISO time of sign-in: no session lasts more than 12 hours after it. */
    signedInAt?: string;
    _csrf?: string;
  }
  interface FastifyRequest {
    /** The signed-in account, set by `requireUser`. */
    user?: SessionUser;
  }
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'";
export const COOKIE_NAME = 'inbox_session';
export const INBOX_PATH = '/inbox';

export interface InboxContext {
  config: Config;
  store: Store;
  limits: SessionLimits;
  requireUser(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  currentUser(request: FastifyRequest): Promise<SessionUser | undefined>;
}
