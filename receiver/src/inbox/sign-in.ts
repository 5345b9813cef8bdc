/** Signing in and out. A failed sign-in says only "wrong email or password", slowly. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { audit } from '../audit.js';
import { normalizeEmail, unknownAccountHash, verifyPassword } from '../users.js';
import { COOKIE_NAME, INBOX_PATH, type InboxContext } from './context.js';
import { recordFailure, secondsLocked } from './lockout.js';

/** Added to every failed sign-in, on top of the password hash's own cost. */
const FAILURE_DELAY_MS = 400;

interface SignInBody {
  email?: unknown;
  password?: unknown;
}

export async function signInRoutes(app: FastifyInstance, context: InboxContext): Promise<void> {
  const db = context.store.db;

  app.get<{ Querystring: { 'signed-out'?: string } }>('/sign-in', async (request, reply) => {
    if (await context.currentUser(request)) return reply.redirect(INBOX_PATH, 303);
    // A Secure cookie is never sent back over plain http, so signing in could not work: say why.
    const insecure = !context.config.insecureCookies && request.protocol !== 'https';
    return reply.view('sign-in', {
      title: 'Sign in',
      csrf: reply.generateCsrf(),
      email: '',
      notice: request.query['signed-out'] ? 'You have signed out.' : undefined,
      error: insecure
        ? 'This inbox only works over HTTPS. Open it with an https:// address (behind a TLS proxy, start the receiver with --trust-proxy).'
        : undefined,
    });
  });

  const emailOf = (body: SignInBody | undefined) =>
    normalizeEmail(typeof body?.email === 'string' ? body.email : '').slice(0, 254);

  /** Locked out: refused before anything else is looked at, the password and the CSRF token included. */
  const refuseWhileLocked = async (request: FastifyRequest<{ Body: SignInBody }>, reply: FastifyReply) => {
    const email = emailOf(request.body);
    const locked = await secondsLocked(db, email, request.ip);
    if (locked === 0) return;
    await audit(db, { actor: email || '(no email)', action: 'sign-in-refused', detail: 'locked out' });
    const minutes = Math.ceil(locked / 60);
    return reply
      .code(429)
      .header('Retry-After', String(locked))
      .view('sign-in', {
        title: 'Sign in',
        csrf: reply.generateCsrf(),
        email,
        error: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      });
  };

  app.post<{ Body: SignInBody }>(
    '/sign-in',
    { preHandler: [refuseWhileLocked, app.csrfProtection] },
    async (request, reply) => {
      const email = emailOf(request.body);
      const password = typeof request.body?.password === 'string' ? request.body.password : '';
      const address = request.ip;

      const user = email
        ? await db
            .selectFrom('users')
            .select(['id', 'email', 'is_admin', 'password_hash'])
            .where('email', '=', email)
            .executeTakeFirst()
        : undefined;
      const matches = await verifyPassword(password, user?.password_hash ?? (await unknownAccountHash()));
      if (!user || !matches || !password) {
        await recordFailure(db, email, address);
        await audit(db, { actor: email || '(no email)', action: 'sign-in-refused', detail: 'wrong email or password' });
        await sleep(FAILURE_DELAY_MS);
        return reply.code(401).view('sign-in', {
          title: 'Sign in',
          csrf: reply.generateCsrf(),
          email,
          error: 'Wrong email or password.',
        });
      }

      // A new session id at sign-in, so an id planted before it is worth nothing after it.
      await request.session.regenerate();
      request.session.user = { id: user.id, email: user.email, isAdmin: user.is_admin === 1 };
      request.session.signedInAt = new Date().toISOString();
      await audit(db, { actor: user.email, action: 'signed-in' });
      return reply.redirect(INBOX_PATH, 303);
    },
  );

  app.post('/sign-out', { preHandler: [context.requireUser, app.csrfProtection] }, async (request, reply) => {
    await request.session.destroy();
    await audit(db, { actor: request.user!.email, action: 'signed-out' });
    reply.clearCookie(COOKIE_NAME, { path: INBOX_PATH });
    return reply.redirect(`${INBOX_PATH}/sign-in?signed-out=1`, 303);
  });
}
