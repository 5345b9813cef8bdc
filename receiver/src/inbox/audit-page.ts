/**
 * The audit log for admins, read-only: filter by account and by dates (days in the clinic's
 * time zone). There is no route that changes it, and the database refuses to.
 */
import type { FastifyInstance } from 'fastify';
import { INBOX_PATH, type InboxContext } from './context.js';
import { timeFormatter } from './present.js';

const LIMIT = 500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC instant at which the day `date` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day);
  // The zone's offset at an instant: its wall-clock time there, read as if it were UTC, minus the instant.
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(instant));
    const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)!.value);
    return (
      Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - instant
    );
  };
  let instant = guess - offsetAt(guess);
  instant = guess - offsetAt(instant);
  return new Date(instant);
}

function validDate(value: string | undefined): string | undefined {
  if (!value || !DATE.test(value)) return undefined;
  return Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()) ? undefined : value;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export async function auditRoutes(app: FastifyInstance, context: InboxContext): Promise<void> {
  const db = context.store.db;
  const timeZone = context.config.timeZone;
  const formatTime = timeFormatter(timeZone);

  app.get<{ Querystring: { account?: string; from?: string; to?: string; date?: string } }>(
    '/audit',
    { preHandler: context.requireUser },
    async (request, reply) => {
      if (!request.user!.isAdmin) {
        return reply.code(403).view('message', {
          title: 'Admins only',
          heading: 'Admins only',
          text: 'The audit log is for admin accounts. Ask an admin if you need to know who did what.',
          link: { href: INBOX_PATH, text: 'Back to the requests' },
          user: request.user,
          csrf: reply.generateCsrf(),
        });
      }
      const account = (request.query.account ?? '').trim().slice(0, 254);
      // `date` is one day: from and to at once.
      const from = validDate(request.query.from) ?? validDate(request.query.date);
      const to = validDate(request.query.to) ?? validDate(request.query.date);

      let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc');
      if (account) query = query.where('actor', '=', account.toLowerCase());
      if (from) query = query.where('at', '>=', startOfDay(from, timeZone).toISOString());
      if (to) query = query.where('at', '<', startOfDay(nextDay(to), timeZone).toISOString());
      const rows = await query.limit(LIMIT + 1).execute();
      const accounts = await db.selectFrom('users').select('email').orderBy('email').execute();

      return reply.view('audit', {
        title: 'Audit log',
        user: request.user,
        csrf: reply.generateCsrf(),
        account,
        from: from ?? '',
        to: to ?? '',
        accounts: [...accounts.map((row) => row.email), 'cli', 'retention'],
        entries: rows.slice(0, LIMIT).map((row) => ({
          at: row.at,
          atText: formatTime(row.at),
          actor: row.actor,
          action: row.action,
          reference: row.reference,
          detail: row.detail,
        })),
        truncated: rows.length > LIMIT,
        limit: LIMIT,
        timeZone,
      });
    },
  );
}
