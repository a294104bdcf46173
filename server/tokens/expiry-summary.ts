import "server-only";
import type { ExpirySummary } from "@/lib/schemas/notifications";
import { addDays, EXPIRING_WITHIN_DAYS } from "@/lib/tokens/expiry";
import { getDb } from "../db";

// The dashboard's expiry notice, on every page a super admin opens: how many live tokens
// expire within the next 7 days, and how many expired within the last 7. One statement, a
// range scan over an index of live tokens by expiry: it reads only the tokens inside that
// 14-day window, so its cost follows them, not the number of tokens (docs/performance.md).

type Row = { expiring: number; expired: number };

export async function summarizeExpiries(now = new Date()): Promise<ExpirySummary> {
  const db = await getDb();
  const from = addDays(now, -EXPIRING_WITHIN_DAYS).toISOString();
  const to = addDays(now, EXPIRING_WITHIN_DAYS).toISOString();
  const at = now.toISOString();
  // expiresAt is a timestamp without time zone holding UTC (Prisma's DateTime), hence the casts.
  const [row] = await db.$queryRaw<Row[]>`
    SELECT count(*) FILTER (WHERE "expiresAt" > (${at}::timestamptz AT TIME ZONE 'UTC'))::int AS expiring,
           count(*) FILTER (WHERE "expiresAt" <= (${at}::timestamptz AT TIME ZONE 'UTC'))::int AS expired
    FROM "ApiToken"
    WHERE "deletedAt" IS NULL
      AND "expiresAt" > (${from}::timestamptz AT TIME ZONE 'UTC')
      AND "expiresAt" <= (${to}::timestamptz AT TIME ZONE 'UTC')`;
  return { expiring: row?.expiring ?? 0, expired: row?.expired ?? 0 };
}
