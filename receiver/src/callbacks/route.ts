/**
 * POST /api/callback (SPEC §10): CORS for the clinic's own sites, a rate limit per client
 * address, strict validation, idempotent storage, and 201 only after the commit.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Store } from '../db/database.js';
import { callbackRequestSchema, invalidFields, type CallbackRequest } from './payload.js';
import { groupCommitter, receiveCallback, type NotificationChannel } from './store.js';

export const BODY_LIMIT = 16 * 1024;
/** Seconds a client waits before trying again while the database is away. */
const UNAVAILABLE_RETRY_AFTER = 10;
/**
 * A database that does not answer (hung, or cut off without the connection being refused)
 * gets a 503 after this long, before the widget gives up on its own (15 s), so it waits for
 * Retry-After and tries again. The store may still finish later; a retry then finds it stored.
 */
const STORE_TIMEOUT_MS = 10_000;

export interface CallbackRouteOptions {
  config: Config;
  store: Store;
  channels: NotificationChannel[];
  /** Told when a request was stored, so notifications go out without waiting for the next poll. */
  onCreated?: () => void;
}

export async function callbackRoutes(app: FastifyInstance, options: CallbackRouteOptions): Promise<void> {
  const { config, store } = options;
  const receiveOptions = { referencePrefix: config.referencePrefix, channels: options.channels };
  // SQLite writes one transaction at a time, each waiting for the disk: requests that arrive
  // together share one commit. PostgreSQL runs concurrent transactions itself.
  const receive =
    store.engine === 'sqlite'
      ? groupCommitter(store.db, receiveOptions)
      : (request: CallbackRequest) => receiveCallback(store.db, request, receiveOptions);

  await app.register(cors, {
    origin: config.allowedOrigins,
    methods: ['POST'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key'],
    // The widget reads Retry-After on a 429 or 503, errors included.
    exposedHeaders: ['Retry-After'],
    credentials: false,
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });

  app.post<{ Body: CallbackRequest }>(
    '/api/callback',
    {
      bodyLimit: BODY_LIMIT,
      schema: { body: callbackRequestSchema },
      // Validation errors are answered below as 422 with field names only.
      attachValidation: true,
      config: {
        rateLimit: {
          max: config.rateLimit.max,
          timeWindow: config.rateLimit.windowMs,
          errorResponseBuilder: (_request, context) => ({
            statusCode: 429,
            error: 'rate-limited',
            retryAfterSeconds: Math.ceil(context.ttl / 1000),
          }),
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const body = request.body as unknown;
      // A body that is not a JSON object (an array, null, a string) has no id to compare: it
      // fails validation below (422) once a key was given.
      const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
      if (typeof key !== 'string' || key === '' || (isObject && key !== (body as { id?: unknown }).id)) {
        return reply.code(400).send({ error: 'idempotency-key-mismatch' });
      }
      if (request.validationError) {
        const fields = invalidFields(request.validationError.validation ?? []);
        return reply.code(422).send({ error: 'invalid-request', fields });
      }

      let outcome;
      try {
        outcome = await withTimeout(receive(request.body), STORE_TIMEOUT_MS);
      } catch (error) {
        request.log.error({ code: errorCode(error) }, 'database unavailable');
        return reply.code(503).header('Retry-After', String(UNAVAILABLE_RETRY_AFTER)).send({ error: 'unavailable' });
      }
      switch (outcome.kind) {
        case 'created':
          options.onCreated?.();
          return reply.code(201).send({ reference: outcome.reference });
        case 'replayed':
          return reply.code(201).header('Idempotent-Replayed', 'true').send({ reference: outcome.reference });
        case 'key-reused':
          return reply.code(422).send({ error: 'idempotency-key-reused' });
      }
    },
  );
}

/** The promise's outcome, or an ETIMEDOUT error after `ms`; a late failure is then ignored. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('database timeout'), { code: 'ETIMEDOUT' })), ms);
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A database error's code (like ECONNREFUSED or SQLITE_BUSY), never its message. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}
