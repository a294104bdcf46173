import "server-only";
import { fieldError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_REMINDER_DAYS, type SettingsResponse, type UpdateSettingsInput } from "@/lib/schemas/settings";
import type { LimitSetBy } from "@/lib/tokens/expiry";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { getDb, type Tx } from "../db";
import { maxTokenLifetimeDays } from "../tokens/config";

// The instance's settings: one row (id 1), created on the first change. Until then the
// defaults apply.

const ID = 1;

export async function getSettings(tx?: Tx): Promise<SettingsResponse> {
  const row = await (tx ?? (await getDb())).settings.findUnique({ where: { id: ID } });
  const ceiling = maxTokenLifetimeDays();
  const saved = row?.maxLifetimeDays ?? null;
  return {
    reminderDays: row ? row.reminderDays : [...DEFAULT_REMINDER_DAYS],
    maxLifetimeDays: saved,
    maxLifetimeCeilingDays: ceiling,
    effectiveMaxLifetimeDays: lifetimeLimitOf(saved, ceiling)?.days ?? null,
    idleDisableDays: row?.idleDisableDays ?? null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: row ? row.updatedBy : "system",
  };
}

export type LifetimeLimit = { days: number; setBy: LimitSetBy };

/** The environment's ceiling and the page's limit: the stricter one wins (on a tie, the environment is named). */
function lifetimeLimitOf(saved: number | null, ceiling: number | null): LifetimeLimit | null {
  if (ceiling !== null && (saved === null || ceiling <= saved)) return { days: ceiling, setBy: "environment" };
  return saved === null ? null : { days: saved, setBy: "settings" };
}

/** The longest a token created or regenerated now may live (null: no limit), and who set it. */
export async function lifetimeLimit(tx?: Tx): Promise<LifetimeLimit | null> {
  const row = await (tx ?? (await getDb())).settings.findUnique({ where: { id: ID }, select: { maxLifetimeDays: true } });
  return lifetimeLimitOf(row?.maxLifetimeDays ?? null, maxTokenLifetimeDays());
}

type Changes = Record<string, { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null }>;

export async function updateSettings(input: UpdateSettingsInput, actor: Actor): Promise<SettingsResponse> {
  const ceiling = maxTokenLifetimeDays();
  if (ceiling !== null && input.maxLifetimeDays != null && input.maxLifetimeDays > ceiling) {
    throw fieldError(
      "maxLifetimeDays",
      `must be at most ${ceiling}: TESSERA_MAX_TOKEN_LIFETIME_DAYS is ${ceiling}, and this page can only lower that limit`,
    );
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await getSettings(tx);
    const changes: Changes = {};
    for (const key of ["reminderDays", "maxLifetimeDays", "idleDisableDays"] as const) {
      const to = input[key];
      if (to !== undefined && JSON.stringify(to) !== JSON.stringify(before[key])) changes[key] = { from: before[key], to };
    }
    if (Object.keys(changes).length === 0) return before;
    const data = {
      reminderDays: input.reminderDays,
      maxLifetimeDays: input.maxLifetimeDays,
      idleDisableDays: input.idleDisableDays,
      updatedBy: actor.name,
    };
    await tx.settings.upsert({ where: { id: ID }, create: { id: ID, ...data }, update: data });
    await recordEvent(tx, { action: "settings.updated", actor, target: { type: "settings", id: null }, details: { changes } });
    return getSettings(tx);
  });
}
