import { z } from "zod";

// The notifications' own answers: one round of due work (the cron route), a super admin's
// calendar feed, and the dashboard's expiry notice.

/** What one bounded round of notification work did (server/notifications/scheduler.ts runDueWork). */
export const dueWorkResponse = z.object({
  reminders: z.number().int(),
  /** Tokens the idle policy disabled. */
  idle: z.number().int(),
  /** Grace windows ended because the old secret went unused for their quiet period. */
  graces: z.number().int(),
  events: z.number().int(),
  webhooks: z.number().int(),
  emails: z.number().int(),
  pruned: z.number().int(),
  /** A kind of work hit its per-run limit: more is due, and the next run picks it up. */
  more: z.boolean(),
});

/** The last segment of a feed's address: `tcal_…` and `.ics`. Any text: what is not a live feed's is a 404 like any other. */
export const calendarFeedParams = z.object({
  secret: z.string().max(200).describe("The feed's secret, tcal_ + 43 characters, followed by .ics"),
});

/** An iCalendar document (RFC 5545). */
export const calendarFeedBody = z.string();

/** The feed's subscribe address, with its secret: in this answer only. */
export const calendarFeedResponse = z.object({ url: z.string() });

/**
 * Live tokens that expire within EXPIRING_WITHIN_DAYS (lib/tokens/expiry.ts, the token list's
 * "expiring" filter), and that expired within as many days before now.
 */
export type ExpirySummary = { expiring: number; expired: number };

export type DueWorkResponse = z.infer<typeof dueWorkResponse>;
export type CalendarFeedResponse = z.infer<typeof calendarFeedResponse>;
