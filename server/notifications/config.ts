import "server-only";
import { lookup } from "node:dns/promises";
import { ConfigError } from "../config";

// The notifications' configuration: the environment (README "Configuration") and the
// timings, which tests replace (a clock they move, short timeouts, quick retries).

export type SmtpConfig = { url: string; from: string };

/** TESSERA_SMTP_URL + TESSERA_MAIL_FROM, both or neither; anything else stops start-up. */
export function smtpConfig(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  const url = env.TESSERA_SMTP_URL?.trim();
  const from = env.TESSERA_MAIL_FROM?.trim();
  if (!url && !from) return null;
  if (!url || !from) {
    throw new ConfigError("Set both TESSERA_SMTP_URL and TESSERA_MAIL_FROM to send email notifications, or neither.");
  }
  if (!/^smtps?:\/\//.test(url)) {
    throw new ConfigError(`TESSERA_SMTP_URL must start with smtp:// or smtps:// (it starts with "${url.split(":")[0]}:").`);
  }
  return { url, from };
}

/** TESSERA_WEBHOOK_ALLOW_PRIVATE=1: webhooks may target loopback and private networks. */
export function webhookAllowPrivate(env: NodeJS.ProcessEnv = process.env): boolean {
  return ["1", "true"].includes(env.TESSERA_WEBHOOK_ALLOW_PRIVATE?.trim().toLowerCase() ?? "");
}

/**
 * Whether this process runs the background scheduler. Not on Vercel, where nothing
 * outlives a request (a cron route calls runDueWork there); TESSERA_SCHEDULER=off keeps
 * it off on an instance of the operator's choosing (the others still do the work).
 */
export function schedulerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.VERCEL) return false;
  return env.TESSERA_SCHEDULER?.trim().toLowerCase() !== "off";
}

export type ResolvedAddress = { address: string; family: number };
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type NotifierOptions = {
  /** The scheduler's clock: due reminders, retry times and leases are reckoned by it. */
  now: () => Date;
  /** How long one webhook request may take, connecting included. */
  webhookTimeoutMs: number;
  /** The waits after each failed attempt; one more failure than this list holds gives up. */
  retryDelaysMs: readonly number[];
  emailRetryDelaysMs: readonly number[];
  /** An endpoint is disabled once it has failed this many attempts in a row… */
  disableAfterFailures: number;
  /** …over at least this long. */
  disableAfterMs: number;
  allowPrivate: boolean;
  resolve: Resolve;
  smtp: SmtpConfig | null;
  /** The most of each kind of work (reminders, events, deliveries, emails) one run does. */
  batchSize: number;
  /** Webhook requests in flight at once. */
  concurrency: number;
  /** Finished events, their deliveries and emails are deleted after this many days. */
  retentionDays: number;
};

/**
 * The retry schedule of the Standard Webhooks reference implementation: 8 attempts over
 * about 27 hours (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after each failure).
 */
export const WEBHOOK_RETRY_DELAYS_MS = [5_000, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;
export const EMAIL_RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR] as const;

export function notifierOptions(overrides: Partial<NotifierOptions> = {}): NotifierOptions {
  return {
    now: () => new Date(),
    webhookTimeoutMs: 10_000,
    retryDelaysMs: WEBHOOK_RETRY_DELAYS_MS,
    emailRetryDelaysMs: EMAIL_RETRY_DELAYS_MS,
    disableAfterFailures: WEBHOOK_RETRY_DELAYS_MS.length + 1,
    disableAfterMs: 24 * HOUR,
    allowPrivate: overrides.allowPrivate ?? webhookAllowPrivate(),
    resolve: async (hostname) => lookup(hostname, { all: true, verbatim: true }),
    smtp: overrides.smtp === undefined ? smtpConfig() : overrides.smtp,
    batchSize: 50,
    concurrency: 8,
    retentionDays: 30,
    ...overrides,
  };
}
