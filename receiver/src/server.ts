/**
 * The HTTP server: the call-back API, health checks, the staff inbox, security headers and
 * logs that never hold a body, a name or a phone number.
 */
import helmet from '@fastify/helmet';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { callbackRoutes, errorCode } from './callbacks/route.js';
import type { NotificationChannel } from './callbacks/store.js';
import type { Config } from './config.js';
import type { Store } from './db/database.js';
import { inboxRoutes } from './inbox/index.js';

export interface ServerOptions {
  config: Config;
  store: Store;
  /** pino options, or false for no logs (tests of the app alone). */
  logger?: FastifyServerOptions['logger'];
  onCallbackCreated?: () => void;
}

/** Client errors fastify answers itself, as short codes that never repeat what was sent. */
const CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid-content-length',
};

export function notificationChannels(config: Config): NotificationChannel[] {
  const channels: NotificationChannel[] = [];
  if (config.notifyEmail && config.smtpUrl) channels.push('email');
  if (config.webhookUrl) channels.push('webhook');
  return channels;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config, store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    // One reverse proxy in front: the client is the address it added, the last one in
    // X-Forwarded-For. Trusting the whole header would let a client pick its own address (and
    // so dodge the rate limit) by sending an X-Forwarded-For that the proxy then extends.
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Our own one line per request below: fastify's would log the query string and headers.
    logController: new LogController({ disableRequestLogging: true }),
    // The body's keys are checked exactly: nothing removed, nothing coerced, every error listed.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: true } },
  });

  // Only JSON is accepted by the API (text/plain would reach validation instead of a 415);
  // the inbox adds form bodies in its own scope.
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ code: errorCode(error) }, 'request failed');
    const code = (error.code && CLIENT_ERRORS[error.code]) ?? (status >= 500 ? 'internal' : 'bad-request');
    return reply.code(status).send({ error: code });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not-found' }));

  await app.register(helmet, {
    // Pages set their own policy (the inbox's is strict); API answers are JSON.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    strictTransportSecurity: !config.insecureCookies,
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (await store.isReachable()) return { status: 'ready' };
    return reply.code(503).header('Retry-After', '10').send({ status: 'database-unreachable' });
  });

  await app.register(callbackRoutes, {
    config,
    store,
    channels: notificationChannels(config),
    ...(options.onCallbackCreated ? { onCreated: options.onCallbackCreated } : {}),
  });
  await app.register(inboxRoutes, { config, store, prefix: '/inbox' });

  return app;
}

/** pino options for `serve`: one JSON line per request, no request or response objects. */
export function loggerOptions(): FastifyServerOptions['logger'] {
  return {
    level: process.env.LOG_LEVEL ?? 'info',
    // Nothing from the request itself: not its body, query, headers or address.
    serializers: {
      req: () => ({}),
      res: () => ({}),
      err: (error: Error) => ({ type: 'error', message: errorCode(error), stack: '' }),
    },
  };
}
