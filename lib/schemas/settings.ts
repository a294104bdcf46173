import { z } from "zod";

// Instance-wide settings (one row). Later features add their fields here.

export const DEFAULT_REMINDER_DAYS = [30, 7, 1] as const;
export const REMINDER_DAYS_MAX = 365;
export const REMINDERS_MAX = 10;

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

export const updateSettingsInput = z.strictObject({ reminderDays: reminderDays.optional() });

export const settingsResponse = z.object({
  reminderDays: z.array(z.number().int()),
  updatedAt: z.string().nullable(),
  updatedBy: z.string(),
});

export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;
export type SettingsResponse = z.infer<typeof settingsResponse>;
