import "server-only";
import { getDb } from "../db";
import { processState, shutdownTasks } from "../process-state";
import { endQuietGraces } from "../tokens/grace";
import { disableIdleTokens } from "../tokens/idle";
import { pruneRefusals } from "../tokens/refusals";
import { type NotifierOptions, notifierOptions, schedulerEnabled } from "./config";
import { dispatchEvents } from "./dispatch";
import { sendDueEmails } from "./email";
import { fireDueReminders } from "./reminders";
import { sendDueWebhooks } from "./send-webhooks";

// The notifications' background work: due reminders and expiries become events, idle
// tokens are disabled (their events too), grace windows whose old secret went quiet end, events are fanned out, deliveries and emails are sent. runDueWork does a bounded amount of it
// and returns; the loop below calls it every few seconds in a long-lived server, and a
// cron route calls it where nothing outlives a request (Vercel). Every step is safe to
// run on several instances at once (see the files of each step).

export type DueWork = {
  reminders: number;
  /** Tokens the idle policy disabled (server/tokens/idle.ts). */
  idle: number;
  /** Grace windows ended because the old secret went unused for their quiet period (server/tokens/grace.ts). */
  graces: number;
  events: number;
  webhooks: number;
  emails: number;
  pruned: number;
  more: boolean;
};

const PRUNE_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

const pruning = processState("__tesseraNotificationPrune", () => ({ lastAt: 0 }));

export async function runDueWork(overrides: Partial<NotifierOptions> = {}): Promise<DueWork> {
  const options = notifierOptions(overrides);
  const reminders = await fireDueReminders(options);
  const idle = await disableIdleTokens(options.now(), options.batchSize);
  const graces = await endQuietGraces(options.now(), options.batchSize);
  const events = await dispatchEvents(options);
  const webhooks = await sendDueWebhooks(options);
  const emails = await sendDueEmails(options);
  const pruned = await pruneFinished(options);
  const more = [reminders, idle, graces, events, webhooks, emails].some((n) => n >= options.batchSize);
  return { reminders, idle, graces, events, webhooks, emails, pruned, more };
}

/** Deletes, at most once an hour per process and a bounded number at a time, events whose work is long finished. */
async function pruneFinished(options: NotifierOptions): Promise<number> {
  const now = options.now();
  const since = now.getTime() - pruning.lastAt;
  if (since >= 0 && since < PRUNE_EVERY_MS) return 0;
  pruning.lastAt = now.getTime();
  const db = await getDb();
  const before = new Date(now.getTime() - options.retentionDays * DAY_MS).toISOString();
  // Deliveries, attempts and emails go with their event (ON DELETE CASCADE).
  const pruned = await db.$executeRaw`
    DELETE FROM "NotificationEvent" WHERE id IN (
      SELECT e.id FROM "NotificationEvent" e
      WHERE e."createdAt" < ${before}::timestamptz AND e."dispatchedAt" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."eventId" = e.id AND d.status = 'pending')
        AND NOT EXISTS (SELECT 1 FROM "NotificationEmail" m WHERE m."eventId" = e.id AND m.status = 'pending')
      ORDER BY e.id LIMIT 1000)`;
  // A notice for an expiry this far back can never be due again (reminders.ts looks back less).
  await db.$executeRaw`
    DELETE FROM "TokenExpiryNotice" WHERE "expiresAt" < (${before}::timestamptz AT TIME ZONE 'UTC')`;
  await pruneRefusals(now);
  return pruned;
}

type Loop = { timer?: NodeJS.Timeout; running?: Promise<void>; stopped: boolean; failing: boolean };
const loop = processState<Loop>("__tesseraScheduler", () => ({ stopped: true, failing: false }));

export const SCHEDULER_INTERVAL_MS = 5_000;

/**
 * Runs runDueWork every few seconds in this process until stopScheduler (or shutdown),
 * at once again while work remains. Errors (the database is down, say) are logged once
 * per outage, and the loop goes on.
 */
export function startScheduler(overrides: Partial<NotifierOptions> = {}, intervalMs = SCHEDULER_INTERVAL_MS): void {
  if (!loop.stopped) return;
  loop.stopped = false;
  const tick = () => {
    loop.timer = undefined;
    loop.running = runDueWork(overrides)
      .then(
        (done) => {
          if (loop.failing) console.log("[tessera] notifications: working again");
          loop.failing = false;
          return done.more;
        },
        (error: unknown) => {
          if (!loop.failing) console.error("[tessera] notifications: could not run due work:", (error as Error)?.message);
          loop.failing = true;
          return false;
        },
      )
      .then((more) => {
        loop.running = undefined;
        if (loop.stopped) return;
        loop.timer = setTimeout(tick, more ? 0 : intervalMs);
        loop.timer.unref();
      });
  };
  loop.timer = setTimeout(tick, 0);
  loop.timer.unref();
}

/** Stops the loop and waits for the run in progress (its requests are bounded by their timeout). */
export async function stopScheduler(): Promise<void> {
  loop.stopped = true;
  if (loop.timer) clearTimeout(loop.timer);
  loop.timer = undefined;
  await loop.running;
}

shutdownTasks.add(() => stopScheduler());

/** At server start: the loop, unless this process should not run one (schedulerEnabled). */
export function startSchedulerIfEnabled(): boolean {
  if (!schedulerEnabled()) return false;
  startScheduler();
  return true;
}
