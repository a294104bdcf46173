import "server-only";
import { getDb } from "../db";
import { getSettings } from "../settings/settings";
import { PUBLIC_FIELDS, toTokenResponse } from "../tokens/tokens";
import type { NotifierOptions } from "./config";
import { emitEvent } from "./events";
import { DAY_MS, dueNotice, EXPIRED_LOOKBACK_DAYS } from "./expiry-rule";

// Finds due reminders and expiries (the rule is in ./expiry-rule.ts) and emits them.

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
