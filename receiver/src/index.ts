/** The receiver as a library: build the server in-process (for tests or an existing Node app). */
export { buildServer, notificationChannels } from './server.js';
export { resolveConfig, type Config } from './config.js';
export { openDatabase, type Store } from './db/database.js';
export { migrateToLatest } from './db/migrations.js';
export { purge } from './retention.js';
export { main } from './cli.js';
