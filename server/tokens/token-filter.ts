import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TokenStatus } from "@/lib/schemas/token";
import { addDays, EXPIRING_WITHIN_DAYS } from "@/lib/tokens/expiry";
import { contains, likeEscaped } from "../db/paging";

// Which live tokens a filter selects. The token list, the bulk actions (and their dry run)
// and the idle policy's preview all read tokens through here, so what the list shows is
// what a bulk action over the same filter touches.

export type TokenFilter = { q?: string; status?: TokenStatus; unusedForDays?: number; ids?: readonly number[] };

function statusWhere(status: TokenStatus | undefined, now: Date): Prisma.ApiTokenWhereInput {
  switch (status) {
    case "active":
      return { disabledAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
    case "expired":
      return { expiresAt: { lte: now } };
    case "expiring":
      return { disabledAt: null, expiresAt: { gt: now, lte: addDays(now, EXPIRING_WITHIN_DAYS) } };
    case "disabled":
      return { disabledAt: { not: null } };
    default:
      return {};
  }
}

/** No request for `days` days: last used then or before, or never used and created then or before. */
export function unusedSinceWhere(days: number, now: Date): Prisma.ApiTokenWhereInput {
  const cutoff = addDays(now, -days);
  return { OR: [{ lastUsedAt: { lte: cutoff } }, { lastUsedAt: null, createdAt: { lte: cutoff } }] };
}

export function tokenWhere(filter: TokenFilter, now: Date): Prisma.ApiTokenWhereInput {
  const where: Prisma.ApiTokenWhereInput[] = [{ deletedAt: null }, statusWhere(filter.status, now)];
  if (filter.q) where.push({ name: contains(filter.q) });
  if (filter.unusedForDays !== undefined) where.push(unusedSinceWhere(filter.unusedForDays, now));
  if (filter.ids) where.push({ id: { in: [...filter.ids] } });
  return { AND: where };
}

/**
 * The idle policy (Settings.idleDisableDays): tokens that work (live, enabled, not expired)
 * with no request for `days` days and not enabled or regenerated within them either, so a token
 * someone just brought back gets `days` more days before the policy can disable it again.
 * Expired tokens are left to their expiry notices.
 */
export function idleWhere(days: number, now: Date): Prisma.ApiTokenWhereInput {
  const cutoff = addDays(now, -days);
  return {
    AND: [
      { deletedAt: null, disabledAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      unusedSinceWhere(days, now),
      { OR: [{ renewedAt: null }, { renewedAt: { lte: cutoff } }] },
    ],
  };
}

/**
 * The same filter as tokenWhere in SQL, for the list's bounded count and the planner's estimate
 * past it (server/tokens/token-list.ts), where Prisma's own count would sort every match first.
 * The list's tests compare its total with its rows under every filter, so the two cannot drift.
 */
export function tokenFilterSql(filter: TokenFilter, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`"deletedAt" IS NULL`];
  // Timestamps are stored as UTC without a zone, as Prisma writes them; whatever the session's
  // TimeZone, compare with UTC wall time.
  const at = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const soon = at(addDays(now, EXPIRING_WITHIN_DAYS));
  if (filter.status === "active") parts.push(Prisma.sql`"disabledAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > ${at(now)})`);
  if (filter.status === "expired") parts.push(Prisma.sql`"expiresAt" <= ${at(now)}`);
  if (filter.status === "expiring") parts.push(Prisma.sql`"disabledAt" IS NULL AND "expiresAt" > ${at(now)} AND "expiresAt" <= ${soon}`);
  if (filter.status === "disabled") parts.push(Prisma.sql`"disabledAt" IS NOT NULL`);
  if (filter.q) parts.push(Prisma.sql`"name" ILIKE ${`%${likeEscaped(filter.q)}%`}`);
  if (filter.unusedForDays !== undefined) {
    const cutoff = at(addDays(now, -filter.unusedForDays));
    parts.push(Prisma.sql`("lastUsedAt" <= ${cutoff} OR ("lastUsedAt" IS NULL AND "createdAt" <= ${cutoff}))`);
  }
  if (filter.ids) parts.push(filter.ids.length ? Prisma.sql`"id" IN (${Prisma.join([...filter.ids])})` : Prisma.sql`false`);
  return Prisma.join(parts, " AND ");
}
