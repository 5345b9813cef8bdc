/**
 * The tables, as Kysely sees them. One schema for SQLite and PostgreSQL: times are ISO 8601
 * UTC text (they sort as text), flags are 0/1 integers, JSON is text. That keeps one query
 * layer for both engines with no per-engine conversions.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export type RequestStatus = 'new' | 'called' | 'closed';

export interface CallbacksTable {
  /** Internal number; the reference is `<reference_prefix>-<seq, 4 digits or more>`. */
  seq: Generated<number>;
  /** The widget's request id, which is also its Idempotency-Key: unique, so a retry can never add a row. */
  id: string;
  reference_prefix: string;
  /** SHA-256 of the canonical body, to tell a replay from a reused key. */
  body_hash: string;
  received_at: string;
  created_at: string;
  name: string;
  phone: string | null;
  email: string | null;
  best_time: string;
  voicemail_ok: number;
  for_someone_else: number;
  language: string;
  message: string | null;
  /** JSON of `{level, answers, barriers}`, only when the patient chose to share it. */
  self_check: string | null;
  page: string;
  widget_version: string;
  status: Generated<RequestStatus>;
  status_changed_at: string | null;
  closed_at: string | null;
}

/** Who did what to a request, shown on its page; deleted with the request. */
export interface RequestEventsTable {
  id: Generated<number>;
  callback_seq: number;
  at: string;
  actor: string;
  action: 'called' | 'closed' | 'reopened';
  note: string | null;
}

/** Notifications to send, written in the same transaction as the request (SPEC §10). */
export interface OutboxTable {
  id: Generated<number>;
  channel: 'email' | 'webhook';
  reference: string;
  received_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
}

export interface SessionsTable {
  sid: string;
  data: string;
  expires_at: string;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  email: string;
  address: string;
  at: string;
}

/** Append-only: triggers in both engines refuse UPDATE and DELETE. Holds no request contents. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  reference: string | null;
  detail: string | null;
}

/** Values shared by every receiver process on one database (the session-signing key). */
export interface SettingsTable {
  name: string;
  value: string;
}

export interface Database {
  callbacks: CallbacksTable;
  request_events: RequestEventsTable;
  outbox: OutboxTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

export type CallbackRow = Selectable<CallbacksTable>;
export type NewCallbackRow = Insertable<CallbacksTable>;
export type AuditEntry = Selectable<AuditLogTable>;
