/** `serve`: migrate, then listen; send notifications and apply retention in the background. */
import type { Config } from './config.js';
import { openDatabase, redactUrl } from './db/database.js';
import { migrateToLatest } from './db/migrations.js';
import { createSender, startOutbox } from './notify/outbox.js';
import { purge } from './retention.js';
import { buildServer, loggerOptions, notificationChannels } from './server.js';

const DAY_MS = 24 * 3_600_000;
const SHUTDOWN_GRACE_MS = 1_000;
const SERVER_BUSY_TIMEOUT_MS = 250;

export async function serve(config: Config): Promise<void> {
  let outbox: ReturnType<typeof startOutbox> | undefined;
  const store = openDatabase(config.databaseUrl, {
    log: (message) => app.log.warn(message),
    // better-sqlite3 waits for a lock on the one thread that serves every request: wait a
    // little, then answer 503 (the widget tries again) rather than stall the server.
    busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS,
  });
  await migrateToLatest(store.db, store.engine);
  const app = await buildServer({ config, store, logger: loggerOptions(), onCallbackCreated: () => outbox?.kick() });

  if (notificationChannels(config).length) {
    outbox = startOutbox(store.db, store.engine, createSender(config), (fields, message) =>
      app.log.info(fields, message),
    );
  }
  const applyRetention = async () => {
    try {
      const deleted = await purge(store.db, config.retentionDays);
      app.log.info({ deleted }, 'retention applied');
    } catch (error) {
      app.log.warn({ code: (error as { code?: string }).code ?? 'error' }, 'retention postponed');
    }
  };
  void applyRetention();
  const retentionTimer = setInterval(applyRetention, DAY_MS);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    clearInterval(retentionTimer);
    outbox?.stop();
    await app.close();
    await store.close();
    // A notification still being sent (a mail server that does not answer can take half a
    // minute to time out) must not keep the process alive: its outbox entry is claimed only
    // for a while and is sent again after the restart.
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.log.info(
    { engine: store.engine, db: redactUrl(config.databaseUrl), port, origins: config.allowedOrigins },
    'receiver listening',
  );
}
