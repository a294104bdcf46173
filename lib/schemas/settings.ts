import { z } from "zod";
import { MAX_EXPIRES_IN_DAYS } from "../tokens/expiry";

// Instance-wide settings (one row): token lifetime and idle policies, and expiry reminders.

export const DEFAULT_REMINDER_DAYS = [30, 7, 1] as const;
export const REMINDER_DAYS_MAX = 365;
export const REMINDERS_MAX = 10;
export const IDLE_DISABLE_DAYS_MAX = 3650;

/** Days before a token's expiry on which its owners are reminded; stored largest first. [] turns reminders off. */
export const reminderDays = z
  .array(
    z
      .number({ error: "must be a whole number of days" })
      .int("must be a whole number of days")
      .min(1, "must be at least 1")
      .max(REMINDER_DAYS_MAX, `must be at most ${REMINDER_DAYS_MAX}`),
    { error: "must be a list of numbers of days" },
  )
  .max(REMINDERS_MAX, `must list at most ${REMINDERS_MAX} reminders`)
  .refine((list) => new Set(list).size === list.length, "must not list a day twice")
  .transform((list) => [...list].sort((a, b) => b - a));

/** A number of days, or null for "no limit" / "off". */
function daysOrNull(max: number, nullMeans: string) {
  return z
    .number({ error: `must be a whole number of days, or null for ${nullMeans}` })
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(max, `must be at most ${max}`)
    .nullable();
}

/** The longest a new or regenerated token may live; TESSERA_MAX_TOKEN_LIFETIME_DAYS, when set, is a ceiling this cannot raise. */
export const maxLifetimeDays = daysOrNull(MAX_EXPIRES_IN_DAYS, "no limit");
/** Tokens with no request for this many days are disabled (not deleted) by the scheduler. */
export const idleDisableDays = daysOrNull(IDLE_DISABLE_DAYS_MAX, "off");

export const updateSettingsInput = z.strictObject({
  reminderDays: reminderDays.optional(),
  maxLifetimeDays: maxLifetimeDays.optional(),
  idleDisableDays: idleDisableDays.optional(),
});

export const settingsResponse = z.object({
  reminderDays: z.array(z.number().int()),
  /** As saved on the Settings page; null = no limit there. */
  maxLifetimeDays: z.number().int().nullable(),
  /** TESSERA_MAX_TOKEN_LIFETIME_DAYS: the ceiling maxLifetimeDays cannot exceed; null = none. */
  maxLifetimeCeilingDays: z.number().int().nullable(),
  /** What token creation and regeneration apply: the smaller of the two; null = no limit. */
  effectiveMaxLifetimeDays: z.number().int().nullable(),
  idleDisableDays: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string(),
});

// The idle policy's preview: the tokens it would disable now with a given number of days.
export const IDLE_PREVIEW_LISTED = 100;
export const idlePreviewQuery = z.object({
  idleDisableDays: z.coerce.number({ error: "must be a whole number of days" }).pipe(idleDisableDays.unwrap()),
});
export const idlePreviewResponse = z.object({
  /** How many tokens it would disable now. */
  matched: z.number().int(),
  /** The first of them (the longest unused first), at most IDLE_PREVIEW_LISTED. */
  tokens: z.array(z.object({ id: z.number().int(), name: z.string(), lastUsedAt: z.string().nullable(), createdAt: z.string() })),
});

export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;
export type SettingsResponse = z.infer<typeof settingsResponse>;
export type IdlePreviewResponse = z.infer<typeof idlePreviewResponse>;
