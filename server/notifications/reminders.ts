import "server-only";
import { getDb } from "../db";
import { getSettings } from "../settings/settings";
import { PUBLIC_FIELDS, toTokenResponse } from "../tokens/tokens";
import type { NotifierOptions } from "./config";
import { emitEvent } from "./events";

// token.expiring and token.expired. Each expiry of each token has notices keyed by
// (token, expiresAt, daysBefore), daysBefore being a reminder threshold or 0 for the
// expiry itself; a notice row is written with its event, so each fires once, on every
// instance together, and a new expiry (a regenerate) arms a fresh set.
//
// The rule: once some thresholds have been crossed, the nearest one (the smallest) is
// due. A token created 5 days before its expiry therefore gets the 7-day reminder once
// and never the 30-day one, and a scheduler that was down across two thresholds sends
// only the nearer. Past the expiry only token.expired is due.

const DAY_MS = 86_400_000;
/** An expiry further back than this gets no token.expired: an upgrade must not announce every token that expired years ago. */
export const EXPIRED_LOOKBACK_DAYS = 7;

/** The notice due now for this expiry: a threshold in days, 0 for token.expired, or null. */
export function dueNotice(expiresAt: Date, now: Date, reminderDays: readonly number[]): number | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return left > -EXPIRED_LOOKBACK_DAYS * DAY_MS ? 0 : null;
  const crossed = reminderDays.filter((d) => left <= d * DAY_MS);
  return crossed.length > 0 ? Math.min(...crossed) : null;
}

/** Emits the due token.expiring and token.expired events; at most `batchSize`. */
export async function fireDueReminders(options: NotifierOptions): Promise<number> {
  const db = await getDb();
  const now = options.now();
  const { reminderDays } = await getSettings();
  const horizon = Math.max(0, ...reminderDays);
  // The same rule as dueNotice, in SQL, to find the few candidates among all tokens
  // (ApiToken.expiresAt is a UTC timestamp without time zone, hence the conversion).
  const candidates = await db.$queryRaw<{ id: number }[]>`
    WITH n AS (SELECT (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') AS at),
    c AS (
      SELECT t.id, t."expiresAt",
        CASE WHEN t."expiresAt" <= n.at THEN 0
          ELSE (SELECT min(d) FROM unnest(${reminderDays}::int[]) AS d WHERE t."expiresAt" - make_interval(days => d) <= n.at)
        END AS "daysBefore"
      FROM "ApiToken" t, n
      WHERE t."deletedAt" IS NULL
        AND t."expiresAt" > n.at - make_interval(days => ${EXPIRED_LOOKBACK_DAYS})
        AND t."expiresAt" <= n.at + make_interval(days => ${horizon}))
    SELECT c.id FROM c
    WHERE c."daysBefore" IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM "TokenExpiryNotice" x
      WHERE x."tokenId" = c.id AND x."expiresAt" = c."expiresAt" AND x."daysBefore" = c."daysBefore")
    ORDER BY c."expiresAt", c.id
    LIMIT ${options.batchSize}`;
  let fired = 0;
  for (const { id } of candidates) if (await fireNotice(id, now, reminderDays)) fired += 1;
  return fired;
}

async function fireNotice(id: number, now: Date, reminderDays: readonly number[]): Promise<boolean> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Locked, so a delete or regenerate running now is either before this or after it.
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM "ApiToken" WHERE id = ${id} AND "deletedAt" IS NULL FOR UPDATE`;
    if (locked.length === 0) return false;
    const token = await tx.apiToken.findUniqueOrThrow({ where: { id }, select: PUBLIC_FIELDS });
    if (!token.expiresAt) return false;
    const daysBefore = dueNotice(token.expiresAt, now, reminderDays);
    if (daysBefore === null) return false;
    const { count } = await tx.tokenExpiryNotice.createMany({
      data: [{ tokenId: id, expiresAt: token.expiresAt, daysBefore, createdAt: now }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    const json = toTokenResponse(token, now);
    if (daysBefore === 0) await emitEvent(tx, "token.expired", json, {}, now);
    else await emitEvent(tx, "token.expiring", json, { daysLeft: Math.ceil((token.expiresAt.getTime() - now.getTime()) / DAY_MS) }, now);
    return true;
  });
}
