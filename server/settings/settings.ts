import "server-only";
import { DEFAULT_REMINDER_DAYS, type SettingsResponse, type UpdateSettingsInput } from "@/lib/schemas/settings";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { getDb, type Tx } from "../db";

// The instance's settings: one row (id 1), created on the first change. Until then the
// defaults apply.

const ID = 1;

export async function getSettings(tx?: Tx): Promise<SettingsResponse> {
  const row = await (tx ?? (await getDb())).settings.findUnique({ where: { id: ID } });
  if (!row) return { reminderDays: [...DEFAULT_REMINDER_DAYS], updatedAt: null, updatedBy: "system" };
  return { reminderDays: row.reminderDays, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy };
}

export async function updateSettings(input: UpdateSettingsInput, actor: Actor): Promise<SettingsResponse> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await getSettings(tx);
    const changes: Record<string, { from: number[]; to: number[] }> = {};
    if (input.reminderDays && JSON.stringify(input.reminderDays) !== JSON.stringify(before.reminderDays))
      changes.reminderDays = { from: before.reminderDays, to: input.reminderDays };
    if (Object.keys(changes).length === 0) return before;
    const data = { reminderDays: input.reminderDays, updatedBy: actor.name };
    await tx.settings.upsert({ where: { id: ID }, create: { id: ID, ...data }, update: data });
    await recordEvent(tx, { action: "settings.updated", actor, target: { type: "settings", id: null }, details: { changes } });
    return getSettings(tx);
  });
}
