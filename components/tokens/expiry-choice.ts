import { addDays, DEFAULT_EXPIRY_DAYS, EXPIRY_PRESET_DAYS, endOfLocalDay } from "@/lib/tokens/expiry";

// What the expiry control holds, and what it turns into for the API. The presets, the
// default and the limit all come from lib/tokens/expiry.ts, which the API validates with.

export type ExpiryChoice = { kind: "preset"; days: number } | { kind: "custom"; day: Date | undefined } | { kind: "never" };

export type ExpiryBody = { expiresInDays: number } | { expiresAt: string | null };

/** Field paths under which the API reports expiry problems; the expiry control shows them all. */
export const EXPIRY_PATHS = ["expiresInDays", "expiresAt"] as const;

/** The presets a server with this lifetime limit accepts. */
export function presetDaysWithin(maxLifetimeDays: number | null): number[] {
  return EXPIRY_PRESET_DAYS.filter((days) => maxLifetimeDays === null || days <= maxLifetimeDays);
}

/** 30 days, or the longest preset the limit allows, or a custom date when no preset fits. */
export function defaultExpiryChoice(maxLifetimeDays: number | null): ExpiryChoice {
  const presets = presetDaysWithin(maxLifetimeDays);
  if (presets.includes(DEFAULT_EXPIRY_DAYS)) return { kind: "preset", days: DEFAULT_EXPIRY_DAYS };
  const longest = presets.at(-1);
  return longest ? { kind: "preset", days: longest } : { kind: "custom", day: undefined };
}

/** The request fields for a choice; null while "Custom" has no day picked yet. */
export function expiryBody(choice: ExpiryChoice): ExpiryBody | null {
  switch (choice.kind) {
    case "preset":
      return { expiresInDays: choice.days };
    case "custom":
      return choice.day ? { expiresAt: endOfLocalDay(choice.day).toISOString() } : null;
    case "never":
      return { expiresAt: null };
  }
}

/** When the token would expire if created now: a time, null for never, undefined when not chosen yet. */
export function previewExpiry(choice: ExpiryChoice, now: Date): Date | null | undefined {
  switch (choice.kind) {
    case "preset":
      return addDays(now, choice.days);
    case "custom":
      return choice.day ? endOfLocalDay(choice.day) : undefined;
    case "never":
      return null;
  }
}

export function choiceToValue(choice: ExpiryChoice): string {
  return choice.kind === "preset" ? String(choice.days) : choice.kind;
}

export function valueToChoice(value: string, previous: ExpiryChoice): ExpiryChoice {
  if (value === "never") return { kind: "never" };
  if (value === "custom") return { kind: "custom", day: previous.kind === "custom" ? previous.day : undefined };
  return { kind: "preset", days: Number(value) };
}

/** "Thursday, March 5, 2026 at 11:59 PM" in the reader's own time zone. */
export function formatLocalDateTime(date: Date): string {
  return new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "short" }).format(date);
}

export function formatLocalDate(date: Date): string {
  return new Intl.DateTimeFormat("en", { dateStyle: "medium" }).format(date);
}
