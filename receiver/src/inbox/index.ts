/** The staff inbox (SPEC §11). Placeholder until the inbox lands: every page answers 404. */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Store } from '../db/database.js';

export interface InboxOptions {
  config: Config;
  store: Store;
}

export async function inboxRoutes(_app: FastifyInstance, _options: InboxOptions): Promise<void> {}
