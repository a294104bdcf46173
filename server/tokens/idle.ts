import "server-only";
import { IDLE_PREVIEW_LISTED, type IdlePreviewResponse } from "@/lib/schemas/settings";
import { SYSTEM_ACTOR } from "../auth/principal";
import { getDb } from "../db";
import { getSettings } from "../settings/settings";
import { idleWhere } from "./token-filter";
import { PUBLIC_FIELDS, recordSwitch, switchedColumns } from "./tokens";
import { flushUsage } from "./usage";

// The idle policy (Settings.idleDisableDays): the scheduler disables — never deletes —
// tokens with no request for that many days, each with an audit event by the system and a
// token.idle_disabled event. Enabling one brings it back and restarts its count. The Settings
// page previews the same rule (token-filter.ts idleWhere) before it is switched on.

/** Disables up to `batchSize` idle tokens as of `now`; answers how many. Safe on several instances at once. */
export async function disableIdleTokens(now: Date, batchSize: number): Promise<number> {
  const { idleDisableDays: days } = await getSettings();
  if (days === null) return 0;
  // Uses this process has seen but not yet written must count; other instances' are at most seconds old.
  await flushUsage();
  const db = await getDb();
  const where = idleWhere(days, now);
  const candidates = await db.apiToken.findMany({ where, select: { id: true }, orderBy: { id: "asc" }, take: batchSize });
  let disabled = 0;
  for (const { id } of candidates) {
    const done = await db.$transaction(async (tx) => {
      // The rule is checked again in the UPDATE, under the row's lock: a token used, enabled or
      // disabled meanwhile (here or on another instance) is left alone, and none is disabled twice.
      const [token] = await tx.apiToken.updateManyAndReturn({
        where: { AND: [{ id }, where] },
        data: { ...switchedColumns(true, "idle", now), updatedBy: SYSTEM_ACTOR.name },
        select: { ...PUBLIC_FIELDS, createdAt: true },
      });
      if (!token) return false;
      await recordSwitch(tx, token, "token.idle_disabled", SYSTEM_ACTOR, now, {
        idleDisableDays: days,
        lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      });
      return true;
    });
    if (done) disabled += 1;
  }
  return disabled;
}

/** The tokens the idle policy would disable now with `days`, the longest unused first. */
export async function previewIdleTokens(days: number, now = new Date()): Promise<IdlePreviewResponse> {
  const db = await getDb();
  const where = idleWhere(days, now);
  const select = { id: true, name: true, lastUsedAt: true, createdAt: true } as const;
  const take = IDLE_PREVIEW_LISTED;
  // Unused since last use, or since creation for the never used: each side is read in its own
  // index order, and the first of the two merged are the first of all.
  const [matched, used, neverUsed] = await Promise.all([
    db.apiToken.count({ where }),
    db.apiToken.findMany({
      where: { AND: [where, { lastUsedAt: { not: null } }] },
      select,
      orderBy: [{ lastUsedAt: "asc" }, { id: "asc" }],
      take,
    }),
    db.apiToken.findMany({ where: { AND: [where, { lastUsedAt: null }] }, select, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take }),
  ]);
  const since = (t: (typeof used)[number]) => (t.lastUsedAt ?? t.createdAt).getTime();
  const tokens = [...used, ...neverUsed]
    .sort((a, b) => since(a) - since(b) || a.id - b.id)
    .slice(0, take)
    .map((t) => ({ ...t, lastUsedAt: t.lastUsedAt?.toISOString() ?? null, createdAt: t.createdAt.toISOString() }));
  return { matched, tokens };
}
