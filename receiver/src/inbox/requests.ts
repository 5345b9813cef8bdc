/**
 * The list of requests and a request's page with its actions (called, close, reopen) and
 * history. Each view of a request's page and each change is written to the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { audit } from '../audit.js';
import { parseReference, referenceOf } from '../callbacks/store.js';
import type { RequestStatus } from '../db/schema.js';
import { INBOX_PATH, type InboxContext } from './context.js';
import { STATUSES, requestView, timeFormatter } from './present.js';

const PAGE_SIZE = 100;
const NOTE_MAX = 1000;

type Action = 'called' | 'close' | 'reopen';

/** Each action: the statuses it applies to, the status it leaves, and how history names it. */
const ACTIONS: Record<Action, { from: RequestStatus[]; to: RequestStatus; event: 'called' | 'closed' | 'reopened' }> = {
  called: { from: ['new', 'called'], to: 'called', event: 'called' },
  close: { from: ['new', 'called'], to: 'closed', event: 'closed' },
  reopen: { from: ['closed'], to: 'new', event: 'reopened' },
};

const EVENT_WORDS: Record<string, string> = { called: 'Called', closed: 'Closed', reopened: 'Reopened' };

export async function requestRoutes(app: FastifyInstance, context: InboxContext): Promise<void> {
  const db = context.store.db;
  const formatTime = timeFormatter(context.config.timeZone);

  const findRequest = async (reference: string) => {
    const seq = parseReference(reference);
    if (seq === undefined) return undefined;
    const row = await db.selectFrom('callbacks').selectAll().where('seq', '=', seq).executeTakeFirst();
    return row && referenceOf(row).toUpperCase() === reference.toUpperCase() ? row : undefined;
  };

  app.get<{ Querystring: { status?: string; page?: string } }>(
    '/',
    { preHandler: context.requireUser },
    async (request, reply) => {
      const status = STATUSES.find((candidate) => candidate === request.query.status);
      const page = Math.max(1, Math.min(10_000, Number.parseInt(request.query.page ?? '1', 10) || 1));

      let query = db.selectFrom('callbacks').selectAll().orderBy('received_at', 'desc').orderBy('seq', 'desc');
      if (status) query = query.where('status', '=', status);
      const rows = await query
        .limit(PAGE_SIZE + 1)
        .offset((page - 1) * PAGE_SIZE)
        .execute();
      const counts = await db
        .selectFrom('callbacks')
        .select(['status', db.fn.countAll<number | string>().as('count')])
        .groupBy('status')
        .execute();
      const count = (name: RequestStatus) => Number(counts.find((row) => row.status === name)?.count ?? 0);
      const total = STATUSES.reduce((sum, name) => sum + count(name), 0);
      const newCount = count('new');

      const filterHref = (name?: RequestStatus) => (name ? `${INBOX_PATH}?status=${name}` : INBOX_PATH);
      const pageHref = (number: number) =>
        `${INBOX_PATH}?${new URLSearchParams({ ...(status ? { status } : {}), page: String(number) })}`;
      return reply.view('list', {
        title: `Call-back requests (${newCount} new)`,
        user: request.user,
        csrf: reply.generateCsrf(),
        requests: rows.slice(0, PAGE_SIZE).map((row) => requestView(row, formatTime)),
        status,
        filters: [
          { label: 'All', href: filterHref(), count: total, current: !status },
          ...STATUSES.map((name) => ({
            label: name[0]!.toUpperCase() + name.slice(1),
            href: filterHref(name),
            count: count(name),
            current: status === name,
          })),
        ],
        newer: page > 1 ? pageHref(page - 1) : undefined,
        older: rows.length > PAGE_SIZE ? pageHref(page + 1) : undefined,
        page,
      });
    },
  );

  app.get<{ Params: { reference: string } }>(
    '/requests/:reference',
    { preHandler: context.requireUser },
    async (request, reply) => {
      const row = await findRequest(request.params.reference);
      if (!row) return reply.callNotFound();
      const reference = referenceOf(row);
      await audit(db, { actor: request.user!.email, action: 'viewed', reference });
      const events = await db
        .selectFrom('request_events')
        .selectAll()
        .where('callback_seq', '=', row.seq)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return reply.view('request', {
        title: `Request ${reference}`,
        user: request.user,
        csrf: reply.generateCsrf(),
        request: requestView(row, formatTime),
        history: events.map((event) => ({
          at: event.at,
          atText: formatTime(event.at),
          actor: event.actor,
          action: EVENT_WORDS[event.action] ?? event.action,
          note: event.note,
        })),
        actions: {
          called: ACTIONS.called.from.includes(row.status),
          close: ACTIONS.close.from.includes(row.status),
          reopen: ACTIONS.reopen.from.includes(row.status),
        },
        noteMax: NOTE_MAX,
      });
    },
  );

  for (const action of Object.keys(ACTIONS) as Action[]) {
    app.post<{ Params: { reference: string }; Body: { note?: unknown } }>(
      `/requests/:reference/${action}`,
      { preHandler: [context.requireUser, app.csrfProtection] },
      async (request, reply) => {
        const row = await findRequest(request.params.reference);
        if (!row) return reply.callNotFound();
        const reference = referenceOf(row);
        const rule = ACTIONS[action];
        const rawNote = action === 'called' && typeof request.body?.note === 'string' ? request.body.note : '';
        const note = rawNote.replace(/\r\n?/g, '\n').trim().slice(0, NOTE_MAX) || null;
        const actor = request.user!.email;
        const now = new Date().toISOString();

        const changed = await db.transaction().execute(async (trx) => {
          const result = await trx
            .updateTable('callbacks')
            .set({
              status: rule.to,
              status_changed_at: now,
              closed_at: rule.to === 'closed' ? now : null,
            })
            .where('seq', '=', row.seq)
            .where('status', 'in', rule.from)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) return false;
          await trx
            .insertInto('request_events')
            .values({ callback_seq: row.seq, at: now, actor, action: rule.event, note })
            .execute();
          await audit(trx, { actor, action: rule.event, reference, at: new Date(now) });
          return true;
        });
        if (!changed) {
          return reply.code(409).view('message', {
            title: 'Not changed',
            heading: 'Nothing was changed',
            text: `Request ${reference} is ${row.status} now, so it cannot be ${rule.event} again. Someone else may have changed it.`,
            link: { href: `${INBOX_PATH}/requests/${reference}`, text: `Back to request ${reference}` },
            user: request.user,
            csrf: reply.generateCsrf(),
          });
        }
        return reply.redirect(`${INBOX_PATH}/requests/${reference}`, 303);
      },
    );
  }
}
