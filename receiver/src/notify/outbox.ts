/**
 * Sends "a new request arrived" notices from the outbox table. A request and its notices are
 * committed together, so a notice is never lost and never delays or fails the 201; a replay
 * adds none. Each notice holds the reference, the time and a link to the inbox: no name,
 * phone, email, message or answers.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Engine } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** How long a claimed notice is left to its sender before another process may try it. */
const LEASE_MS = 2 * 60_000;
const POLL_MS = 5_000;
const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * 5 s, 10 s, 20 s … at most an hour between tries; it never gives up. The first retries come
 * soon: a mail server that refused once (greylisting, a restart) usually takes the next try.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface Notice {
  reference: string;
  receivedAt: string;
}

export function inboxLink(config: Pick<Config, 'publicUrl'>, reference: string): string {
  return `${config.publicUrl}/inbox/requests/${encodeURIComponent(reference)}`;
}

export function noticeEmail(config: Pick<Config, 'publicUrl' | 'timeZone'>, notice: Notice) {
  const when = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: config.timeZone,
  }).format(new Date(notice.receivedAt));
  return {
    subject: `New call-back request ${notice.reference}`,
    text: [
      `A new call-back request arrived on ${when}.`,
      '',
      `Reference: ${notice.reference}`,
      `Open it in the inbox: ${inboxLink(config, notice.reference)}`,
      '',
      'This email has no patient details on purpose. Sign in to the inbox to see the request.',
    ].join('\n'),
  };
}

export type Sender = (channel: 'email' | 'webhook', notice: Notice) => Promise<void>;

export function createSender(config: Config): Sender {
  let transporter: Transporter | undefined;
  return async (channel, notice) => {
    if (channel === 'email') {
      transporter ??= nodemailer.createTransport(config.smtpUrl!);
      await transporter.sendMail({
        from: config.notifyEmail!,
        to: config.notifyEmail!,
        ...noticeEmail(config, notice),
      });
      return;
    }
    const response = await fetch(config.webhookUrl!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reference: notice.reference, receivedAt: notice.receivedAt }),
      redirect: 'error',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw Object.assign(new Error('webhook answered'), { code: `HTTP_${response.status}` });
  };
}

/** Claims one due notice (atomically, so two processes never send the same one) and sends it. */
export async function sendNextNotice(
  db: Kysely<Database>,
  engine: Engine,
  send: Sender,
  now = new Date(),
): Promise<'sent' | 'failed' | 'idle'> {
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(1);
  const claimed = await db
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString(),
    }))
    .where('id', '=', engine === 'postgres' ? sql<number>`(${due.forUpdate().skipLocked()})` : due)
    .returningAll()
    .executeTakeFirst();
  if (!claimed) return 'idle';
  try {
    await send(claimed.channel, { reference: claimed.reference, receivedAt: claimed.received_at });
    await db
      .updateTable('outbox')
      .set({ sent_at: new Date().toISOString(), last_error: null })
      .where('id', '=', claimed.id)
      .execute();
    return 'sent';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    await db
      .updateTable('outbox')
      .set({
        last_error: typeof code === 'string' ? code.slice(0, 40) : 'error',
        next_attempt_at: new Date(Date.now() + retryDelayMs(claimed.attempts)).toISOString(),
      })
      .where('id', '=', claimed.id)
      .execute();
    return 'failed';
  }
}

/** Runs the outbox until stopped: every few seconds, and at once when `kick()` is called. */
export function startOutbox(
  db: Kysely<Database>,
  engine: Engine,
  send: Sender,
  log: (fields: object, message: string) => void,
) {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  async function drain() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        for (;;) {
          const outcome = await sendNextNotice(db, engine, send);
          if (outcome === 'idle') break;
          log({ outcome }, 'notification');
        }
      } while (again && !stopped);
    } catch (error) {
      log({ code: (error as { code?: string }).code ?? 'error' }, 'outbox unavailable');
    } finally {
      running = false;
      if (!stopped) timer = setTimeout(drain, POLL_MS);
    }
  }

  timer = setTimeout(drain, 0);
  return {
    kick() {
      if (stopped) return;
      clearTimeout(timer);
      void drain();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
