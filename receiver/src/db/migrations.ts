/**
 * The schema, as an ordered list of migrations that `migrate` and `serve` apply (Kysely's
 * Migrator takes a lock, so several processes starting at once apply each one once).
 */
import { Kysely, Migrator, sql, type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { Engine } from './database.js';

function migrations(engine: Engine): Record<string, Migration> {
  // The one place the engines differ: how an auto-numbered key is declared.
  const autoId = engine === 'postgres' ? 'bigserial' : 'integer';
  const autoIdColumn = (column: ColumnDefinitionBuilder) =>
    engine === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement();
  return {
    '0001-initial': {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('callbacks')
          .addColumn('seq', autoId, autoIdColumn)
          .addColumn('id', 'text', (column) => column.notNull().unique())
          .addColumn('reference_prefix', 'text', (column) => column.notNull())
          .addColumn('body_hash', 'text', (column) => column.notNull())
          .addColumn('received_at', 'text', (column) => column.notNull())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addColumn('name', 'text', (column) => column.notNull())
          .addColumn('phone', 'text')
          .addColumn('email', 'text')
          .addColumn('best_time', 'text', (column) => column.notNull())
          .addColumn('voicemail_ok', 'integer', (column) => column.notNull())
          .addColumn('for_someone_else', 'integer', (column) => column.notNull())
          .addColumn('language', 'text', (column) => column.notNull())
          .addColumn('message', 'text')
          .addColumn('self_check', 'text')
          .addColumn('page', 'text', (column) => column.notNull())
          .addColumn('widget_version', 'text', (column) => column.notNull())
          .addColumn('status', 'text', (column) => column.notNull().defaultTo('new'))
          .addColumn('status_changed_at', 'text')
          .addColumn('closed_at', 'text')
          .execute();
        await db.schema.createIndex('callbacks_status_seq').on('callbacks').columns(['status', 'seq']).execute();
        await db.schema.createIndex('callbacks_closed_at').on('callbacks').column('closed_at').execute();

        await db.schema
          .createTable('request_events')
          .addColumn('id', autoId, autoIdColumn)
          .addColumn('callback_seq', engine === 'postgres' ? 'bigint' : 'integer', (column) =>
            column.notNull().references('callbacks.seq').onDelete('cascade'),
          )
          .addColumn('at', 'text', (column) => column.notNull())
          .addColumn('actor', 'text', (column) => column.notNull())
          .addColumn('action', 'text', (column) => column.notNull())
          .addColumn('note', 'text')
          .execute();
        await db.schema.createIndex('request_events_callback').on('request_events').column('callback_seq').execute();

        await db.schema
          .createTable('outbox')
          .addColumn('id', autoId, autoIdColumn)
          .addColumn('channel', 'text', (column) => column.notNull())
          .addColumn('reference', 'text', (column) => column.notNull())
          .addColumn('received_at', 'text', (column) => column.notNull())
          .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'text', (column) => column.notNull())
          .addColumn('sent_at', 'text')
          .addColumn('last_error', 'text')
          .execute();
        await db.schema.createIndex('outbox_due').on('outbox').columns(['sent_at', 'next_attempt_at']).execute();

        await db.schema
          .createTable('users')
          .addColumn('id', autoId, autoIdColumn)
          .addColumn('email', 'text', (column) => column.notNull().unique())
          .addColumn('password_hash', 'text', (column) => column.notNull())
          .addColumn('is_admin', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (column) => column.notNull())
          .execute();

        await db.schema
          .createTable('sessions')
          .addColumn('sid', 'text', (column) => column.primaryKey())
          .addColumn('data', 'text', (column) => column.notNull())
          .addColumn('expires_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

        await db.schema
          .createTable('sign_in_failures')
          .addColumn('id', autoId, autoIdColumn)
          .addColumn('email', 'text', (column) => column.notNull())
          .addColumn('address', 'text', (column) => column.notNull())
          .addColumn('at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('sign_in_failures_email').on('sign_in_failures').columns(['email', 'at']).execute();
        await db.schema
          .createIndex('sign_in_failures_address')
          .on('sign_in_failures')
          .columns(['address', 'at'])
          .execute();

        await db.schema
          .createTable('audit_log')
          .addColumn('id', autoId, autoIdColumn)
          .addColumn('at', 'text', (column) => column.notNull())
          .addColumn('actor', 'text', (column) => column.notNull())
          .addColumn('action', 'text', (column) => column.notNull())
          .addColumn('reference', 'text')
          .addColumn('detail', 'text')
          .execute();
        await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

        // Values every receiver process on one database must share, such as the key that signs
        // inbox session cookies (made by the first process to start: src/inbox/index.ts).
        await db.schema
          .createTable('settings')
          .addColumn('name', 'text', (column) => column.primaryKey())
          .addColumn('value', 'text', (column) => column.notNull())
          .execute();

        // The audit log cannot be edited, by the inbox, the CLI or a mistaken query.
        if (engine === 'postgres') {
          await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
            begin raise exception 'audit_log is append-only'; end $$`.execute(db);
          await sql`create trigger audit_log_no_change before update or delete on audit_log
            for each row execute function audit_log_append_only()`.execute(db);
        } else {
          await sql`create trigger audit_log_no_update before update on audit_log
            begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
          await sql`create trigger audit_log_no_delete before delete on audit_log
            begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        }
      },
    },
  };
}

/** Creates or updates the schema; returns the names of the migrations it applied. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database type: the migrator reads its own tables
export async function migrateToLatest(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(engine) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
