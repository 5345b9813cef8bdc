/**
 * The receiver's settings: each one a command-line flag and an environment variable (SPEC §10).
 * A flag wins over its variable; a bad value stops the command with a message naming the flag.
 */

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  allowedOrigins: string[];
  referencePrefix: string;
  notifyEmail: string | undefined;
  smtpUrl: string | undefined;
  webhookUrl: string | undefined;
  retentionDays: number;
  trustProxy: boolean;
  rateLimit: RateLimit;
  publicUrl: string;
  timeZone: string;
  insecureCookies: boolean;
}

/** One setting: its flag, its variable, and its help line. */
export interface Option {
  flag: string;
  env?: string;
  type: 'string' | 'boolean';
  help: string;
  default?: string;
}

export const SERVE_OPTIONS: Option[] = [
  { flag: 'port', env: 'PORT', type: 'string', default: '8787', help: 'port to listen on' },
  { flag: 'host', env: 'HOST', type: 'string', default: '127.0.0.1', help: 'address to listen on' },
  {
    flag: 'db',
    env: 'DATABASE_URL',
    type: 'string',
    default: 'sqlite:./data/callbacks.db',
    help: 'sqlite:<path> (created, WAL) or postgres://user:password@host/database',
  },
  {
    flag: 'allow-origin',
    env: 'ALLOWED_ORIGINS',
    type: 'string',
    help: 'comma-separated site origins allowed to send requests (CORS), e.g. https://clinic.example',
  },
  {
    flag: 'reference-prefix',
    env: 'REFERENCE_PREFIX',
    type: 'string',
    default: 'CB',
    help: 'references look like CB-0042',
  },
  {
    flag: 'notify-email',
    env: 'NOTIFY_EMAIL',
    type: 'string',
    help: 'address told "a new request arrived" (needs --smtp-url)',
  },
  {
    flag: 'smtp-url',
    env: 'SMTP_URL',
    type: 'string',
    help: 'smtp://user:password@host:587 or smtps://… for notifications',
  },
  {
    flag: 'webhook-url',
    env: 'WEBHOOK_URL',
    type: 'string',
    help: 'POST {reference, receivedAt} here on each new request',
  },
  {
    flag: 'retention-days',
    env: 'RETENTION_DAYS',
    type: 'string',
    default: '30',
    help: 'closed requests are deleted this many days after closing',
  },
  { flag: 'trust-proxy', env: 'TRUST_PROXY', type: 'boolean', help: 'take the client address from X-Forwarded-For' },
  {
    flag: 'rate-limit',
    env: 'RATE_LIMIT',
    type: 'string',
    default: '20/10m',
    help: 'requests per client address on POST /api/callback, as N/<number><s|m|h>',
  },
  {
    flag: 'public-url',
    env: 'PUBLIC_URL',
    type: 'string',
    help: "the receiver's address as staff reach it, for links in notifications (default http://<host>:<port>)",
  },
  {
    flag: 'time-zone',
    env: 'TIME_ZONE',
    type: 'string',
    help: "the clinic's time zone for the inbox (default: the system's)",
  },
  { flag: 'insecure-cookies', type: 'boolean', help: 'allow the inbox over plain http (localhost development only)' },
];

export class ConfigError extends Error {}

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `20/10m` → at most 20 requests in 10 minutes. */
export function parseRateLimit(value: string): RateLimit {
  const match = /^(\d+)\/(\d*)([smh])$/.exec(value.trim());
  if (!match || Number(match[1]) < 1) {
    throw new ConfigError(`--rate-limit: "${value}" is not N/<window>, for example 20/10m`);
  }
  const count = match[2] === '' ? 1 : Number(match[2]);
  return { max: Number(match[1]), windowMs: count * UNIT_MS[match[3] as keyof typeof UNIT_MS] };
}

function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`--allow-origin: "${value}" is not an origin such as https://clinic.example`);
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
    throw new ConfigError(`--allow-origin: "${value}" is not an origin such as https://clinic.example`);
  }
  return url.origin;
}

function parseWholeNumber(flag: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new ConfigError(`--${flag}: "${value}" is not a whole number from ${min} to ${max}`);
  }
  return number;
}

function parseHttpUrl(flag: string, value: string): string {
  try {
    const url = new URL(value);
    if (/^https?:$/.test(url.protocol)) return url.href.replace(/\/$/, '');
  } catch {
    // reported below
  }
  throw new ConfigError(`--${flag}: "${value}" is not an http(s) URL`);
}

/** Builds the configuration from parsed flags (strings and booleans by flag name) and `env`. */
export function resolveConfig(flags: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): Config {
  const value = (flag: string): string | undefined => {
    const option = SERVE_OPTIONS.find((candidate) => candidate.flag === flag)!;
    const given = flags[flag];
    if (typeof given === 'string') return given;
    if (option.env && env[option.env] !== undefined && env[option.env] !== '') return env[option.env];
    return option.default;
  };
  const bool = (flag: string): boolean => {
    const option = SERVE_OPTIONS.find((candidate) => candidate.flag === flag)!;
    if (flags[flag] === true) return true;
    const fromEnv = option.env ? env[option.env] : undefined;
    return fromEnv !== undefined && /^(1|true|yes|on)$/i.test(fromEnv);
  };

  const port = parseWholeNumber('port', value('port')!, 0, 65535);
  const host = value('host')!;
  const timeZone = value('time-zone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`--time-zone: "${timeZone}" is not a time zone such as America/Chicago`);
  }
  const referencePrefix = value('reference-prefix')!;
  if (!/^[A-Za-z][A-Za-z0-9]{0,9}$/.test(referencePrefix)) {
    throw new ConfigError(
      `--reference-prefix: "${referencePrefix}" must be 1–10 letters or digits, starting with a letter`,
    );
  }
  const notifyEmail = value('notify-email');
  const smtpUrl = value('smtp-url');
  if (notifyEmail && !smtpUrl) throw new ConfigError('--notify-email needs --smtp-url to send through');
  if (notifyEmail && !/^[^\s@]+@[^\s@]+$/.test(notifyEmail)) {
    throw new ConfigError(`--notify-email: "${notifyEmail}" is not an email address`);
  }
  const webhookUrl = value('webhook-url');
  const publicUrl = value('public-url');
  const hostForUrl = host.includes(':') ? `[${host}]` : host;

  return {
    port,
    host,
    databaseUrl: value('db')!,
    allowedOrigins: (value('allow-origin') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean)
      .map(parseOrigin),
    referencePrefix,
    notifyEmail,
    smtpUrl,
    webhookUrl: webhookUrl ? parseHttpUrl('webhook-url', webhookUrl) : undefined,
    retentionDays: parseWholeNumber('retention-days', value('retention-days')!, 1, 36500),
    trustProxy: bool('trust-proxy'),
    rateLimit: parseRateLimit(value('rate-limit')!),
    publicUrl: publicUrl ? parseHttpUrl('public-url', publicUrl) : `http://${hostForUrl}:${port}`,
    timeZone,
    insecureCookies: bool('insecure-cookies'),
  };
}
