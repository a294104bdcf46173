import "server-only";
import type { RefusalsToday } from "@/lib/schemas/token";
import { getDb } from "../db";

// Requests a token's IP allowlist refused, as counted by usage.ts: per UTC day and address.

/** Days of refusal counts kept; older rows are deleted by the scheduler. */
export const REFUSALS_KEPT_DAYS = 30;
const LISTED = 10;

/** Today's (UTC) refused requests of one token, the most refused addresses first. */
export async function tokenRefusalsToday(tokenId: number, now = new Date()): Promise<RefusalsToday> {
  const db = await getDb();
  const day = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const rows = await db.apiTokenRefusal.findMany({ where: { tokenId, day }, orderBy: [{ requests: "desc" }, { ip: "asc" }] });
  return {
    total: rows.reduce((n, r) => n + r.requests, 0),
    addresses: rows.slice(0, LISTED).map((r) => ({ ip: r.ip, requests: r.requests, lastAt: r.lastAt.toISOString() })),
    moreAddresses: Math.max(0, rows.length - LISTED),
  };
}

/** Deletes refusal counts older than REFUSALS_KEPT_DAYS. */
export async function pruneRefusals(now: Date): Promise<number> {
  const db = await getDb();
  const before = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - REFUSALS_KEPT_DAYS));
  const { count } = await db.apiTokenRefusal.deleteMany({ where: { day: { lt: before } } });
  return count;
}
