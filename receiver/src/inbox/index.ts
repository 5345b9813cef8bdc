/**
 * The staff inbox (SPEC §11): sign-in, the list of call-back requests, a request's page with
 * its actions and history, and the audit log for admins. Server-rendered HTML (Eta, escaping
 * on) with plain forms that work without JavaScript; sessions in the database; a CSRF token
 * bound to the session on every form that changes something; a strict CSP on every answer.
 *
 * Everything here is scoped to /inbox: form bodies, cookies and sessions do not reach the API.
 */
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import session from '@fastify/session';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { Store } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { auditRoutes } from './audit-page.js';
import { CONTENT_SECURITY_POLICY, COOKIE_NAME, INBOX_PATH, type InboxContext, type SessionUser } from './context.js';
import { signInRoutes } from './sign-in.js';
import { requestRoutes } from './requests.js';
import { DatabaseSessionStore, type SessionLimits } from './session-store.js';

export { CONTENT_SECURITY_POLICY, COOKIE_NAME, INBOX_PATH } from './context.js';

export interface InboxOptions {
  config: Config;
  store: Store;
}

const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));
const STYLESHEET = new URL('../../static/inbox.css', import.meta.url);

/**
 * 15 minutes idle and 12 hours in all (SPEC §11). INBOX_SESSION_IDLE_SECONDS and
 * INBOX_SESSION_ABSOLUTE_SECONDS shorten them for the test suite only; they are not settings.
 */
export function sessionLimits(env: NodeJS.ProcessEnv = process.env): SessionLimits {
  const seconds = (names: string[], fallback: number) => {
    for (const name of names) {
      const value = Number(env[name]);
      if (Number.isInteger(value) && value > 0) return value;
    }
    return fallback;
  };
  return {
    idleMs: seconds(['INBOX_SESSION_IDLE_SECONDS'], 15 * 60) * 1000,
    absoluteMs: seconds(['INBOX_SESSION_ABSOLUTE_SECONDS', 'INBOX_SESSION_MAX_SECONDS'], 12 * 3600) * 1000,
  };
}

/**
 * The key that signs session cookies: made once per database by the first process to start, so
 * every receiver process on one database accepts the same cookies.
 */
async function sessionSecret(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('settings')
    .values({ name: 'session_secret', value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('name', '=', 'session_secret')
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function inboxRoutes(app: FastifyInstance, options: InboxOptions): Promise<void> {
  const { config, store } = options;
  const db = store.db;
  const limits = sessionLimits();

  const secret = await sessionSecret(db);

  // Every inbox answer, pages and errors alike, replaces the API's headers with the inbox's.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Cache-Control', 'no-store');
    reply.header('Referrer-Policy', 'same-origin');
  });

  await app.register(formbody, { bodyLimit: 16 * 1024 });
  await app.register(cookie);
  await app.register(session, {
    secret,
    cookieName: COOKIE_NAME,
    store: new DatabaseSessionStore(db, limits),
    saveUninitialized: false,
    rolling: true,
    cookie: {
      path: INBOX_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: !config.insecureCookies,
      maxAge: limits.idleMs,
    },
  });
  await app.register(csrfProtection, { sessionPlugin: '@fastify/session' });
  await app.register(view, {
    engine: { eta: new Eta({ autoEscape: true }) },
    root: VIEWS_DIR,
    production: true,
  });

  const stylesheet = readFileSync(STYLESHEET, 'utf8');
  app.get('/static/inbox.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(stylesheet));

  /** The signed-in account, checked against the database on every request (an admin flag may change). */
  app.decorateRequest('user', undefined);
  const currentUser = async (request: FastifyRequest): Promise<SessionUser | undefined> => {
    const current = request.session;
    if (!current?.user || !current.signedInAt) return undefined;
    // Ended sessions make way for a fresh, empty one, which the sign-in form's CSRF token needs.
    if (Date.now() - new Date(current.signedInAt).getTime() >= limits.absoluteMs) {
      await current.regenerate();
      return undefined;
    }
    const row = await db
      .selectFrom('users')
      .select(['id', 'email', 'is_admin'])
      .where('id', '=', current.user.id)
      .executeTakeFirst();
    if (!row) {
      await current.regenerate();
      return undefined;
    }
    return { id: row.id, email: row.email, isAdmin: row.is_admin === 1 };
  };

  const context: InboxContext = {
    config,
    store,
    limits,
    /** Pages: signed out → the sign-in page. Forms: signed out → 403 (a cross-site post has no cookie). */
    async requireUser(request, reply) {
      const user = await currentUser(request);
      if (user) {
        request.user = user;
        return;
      }
      if (request.method === 'GET' || request.method === 'HEAD') {
        return reply.redirect(`${INBOX_PATH}/sign-in`, 303);
      }
      return reply.code(403).view('message', {
        title: 'Signed out',
        heading: 'You are signed out',
        text: 'Your session has ended, so nothing was changed. Sign in and try again.',
        link: { href: `${INBOX_PATH}/sign-in`, text: 'Sign in' },
      });
    },
    currentUser,
  };

  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ code: error.code ?? 'error' }, 'inbox request failed');
    if (error.code?.startsWith('FST_CSRF_')) {
      if (request.routeOptions.url === `${INBOX_PATH}/sign-in`) {
        return reply.code(403).view('sign-in', {
          title: 'Sign in',
          csrf: reply.generateCsrf(),
          email: '',
          error: 'The sign-in form had expired. Please try again.',
        });
      }
      return reply.code(403).view('message', {
        title: 'Not changed',
        heading: 'Nothing was changed',
        text: 'This form did not come from an open inbox page, or the page had expired. Go back, reload the page and try again.',
        link: { href: INBOX_PATH, text: 'Back to the requests' },
      });
    }
    const text =
      status === 413
        ? 'What was sent is too long.'
        : status >= 500
          ? 'Something went wrong on the server. Please try again in a moment.'
          : 'The inbox could not understand this request.';
    return reply.code(status).view('message', {
      title: 'Error',
      heading: status >= 500 ? 'Something went wrong' : 'Not understood',
      text,
      link: { href: INBOX_PATH, text: 'Back to the requests' },
    });
  });
  app.setNotFoundHandler(async (_request, reply) =>
    reply.code(404).view('message', {
      title: 'Not found',
      heading: 'Not found',
      text: 'There is no such page in the inbox. A request that was closed long ago may have been deleted.',
      link: { href: INBOX_PATH, text: 'Back to the requests' },
    }),
  );

  await signInRoutes(app, context);
  await requestRoutes(app, context);
  await auditRoutes(app, context);
}
