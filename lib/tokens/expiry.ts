// Token expiry rules, once, for the API's validation and the dashboard's calendar
// alike, so the two can never drift apart: presets, the default, the minimum lead time, the ceiling.

export const EXPIRY_PRESET_DAYS = [7, 30, 60, 90] as const;
export const DEFAULT_EXPIRY_DAYS = 30;
export const MAX_EXPIRES_IN_DAYS = 3650;
/** An explicit expiresAt must be at least this far ahead. */
export const MIN_EXPIRY_LEAD_MS = 60_000;
/** Tokens expiring within this many days count as "expiring". */
export const EXPIRING_WITHIN_DAYS = 7;

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type ExpiryInput = { expiresInDays?: number; expiresAt?: string | null };
/** Where a lifetime limit comes from: TESSERA_MAX_TOKEN_LIFETIME_DAYS, or the Settings page (which cannot raise it). */
export type LimitSetBy = "environment" | "settings";
const LIMIT_SOURCES: Record<LimitSetBy, string> = { environment: "TESSERA_MAX_TOKEN_LIFETIME_DAYS", settings: "set on the Settings page" };
export type ExpiryResult = { ok: true; expiresAt: Date | null } | { ok: false; path: string; message: string };

export function addDays(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * The expiry a request asks for: `expiresInDays`, or `expiresAt` (a time, or null for
 * never), never both; neither means the default. `maxLifetimeDays` (when set)
 * refuses "never" and anything later than that many days from now (and shortens the
 * default to it).
 */
export function resolveExpiry(
  input: ExpiryInput,
  now: Date,
  maxLifetimeDays: number | null,
  setBy: LimitSetBy = "environment",
): ExpiryResult {
  if (input.expiresInDays !== undefined && input.expiresAt !== undefined) {
    return { ok: false, path: "expiresAt", message: "send either expiresInDays or expiresAt, not both" };
  }
  let expiresAt: Date | null;
  let path = "expiresAt";
  if (input.expiresInDays !== undefined) {
    path = "expiresInDays";
    expiresAt = addDays(now, input.expiresInDays);
  } else if (input.expiresAt === null) {
    expiresAt = null;
  } else if (input.expiresAt !== undefined) {
    expiresAt = new Date(input.expiresAt);
    if (Number.isNaN(expiresAt.getTime())) return { ok: false, path, message: "must be an ISO 8601 time, or null for never" };
    if (expiresAt.getTime() < now.getTime() + MIN_EXPIRY_LEAD_MS) {
      return { ok: false, path, message: "must be at least one minute in the future" };
    }
  } else {
    // The default never breaks the server's own limit: a caller who chose nothing gets no error.
    path = "expiresInDays";
    expiresAt = addDays(now, Math.min(DEFAULT_EXPIRY_DAYS, maxLifetimeDays ?? DEFAULT_EXPIRY_DAYS));
  }
  if (maxLifetimeDays !== null) {
    const limit = `this server allows tokens to live at most ${maxLifetimeDays} days (${LIMIT_SOURCES[setBy]})`;
    if (expiresAt === null) return { ok: false, path, message: `cannot be "never": ${limit}` };
    if (expiresAt.getTime() > addDays(now, maxLifetimeDays).getTime()) return { ok: false, path, message: `is too far ahead: ${limit}` };
  }
  return { ok: true, expiresAt };
}

/** A custom date picked on the calendar: the token lives until the end of that day, local time. */
export function endOfLocalDay(day: Date): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999);
}

/** The first and last days the calendar offers: tomorrow, and the last day within the limit. */
export function selectableDays(now: Date, maxLifetimeDays: number | null): { first: Date; last: Date | null } {
  const first = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (maxLifetimeDays === null) return { first, last: null };
  const limit = addDays(now, maxLifetimeDays);
  // The chosen day's end must fall within the limit, so the last whole day is the one before it.
  const last = new Date(limit.getFullYear(), limit.getMonth(), limit.getDate() - 1);
  return { first, last };
}

export type ExpiryStatus = "never" | "expired" | "expiring" | "active";

export function expiryStatus(expiresAt: Date | null, now: Date): ExpiryStatus {
  if (!expiresAt) return "never";
  if (expiresAt.getTime() <= now.getTime()) return "expired";
  if (expiresAt.getTime() <= addDays(now, EXPIRING_WITHIN_DAYS).getTime()) return "expiring";
  return "active";
}

export type TimeLeft = { amount: number; unit: "minute" | "hour" | "day" };

/**
 * What is left, rounded up, in the largest unit that fits whole: "Expires in 3 days"; under a
 * day in hours, under an hour in minutes (a token about to expire must not read "in 1 day").
 */
export function timeLeft(expiresAt: Date, now: Date): TimeLeft {
  const ms = Math.max(0, expiresAt.getTime() - now.getTime());
  if (ms > DAY_MS) return { amount: Math.ceil(ms / DAY_MS), unit: "day" };
  if (ms > HOUR_MS) return { amount: Math.ceil(ms / HOUR_MS), unit: "hour" };
  return { amount: Math.max(1, Math.ceil(ms / MINUTE_MS)), unit: "minute" };
}

/** "3 days", "1 hour", "2 minutes". */
export function timeLeftText(expiresAt: Date, now: Date): string {
  const { amount, unit } = timeLeft(expiresAt, now);
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}
