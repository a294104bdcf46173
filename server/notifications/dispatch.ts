import "server-only";
import { email as emailSchema } from "@/lib/schemas/user";
import type { TokenEventType } from "@/lib/schemas/webhook";
import { getDb } from "../db";
import type { NotifierOptions } from "./config";
import type { EventPayload } from "./events";

// Fans each new event out, once: a delivery for every enabled webhook that subscribes
// to its type, and for notices to people, an email. Events are claimed with FOR UPDATE
// SKIP LOCKED inside the transaction that writes the fan-out and marks them dispatched,
// so of several schedulers exactly one fans out each event.

/** The events people are emailed about (the rest are for machines: webhooks). */
export const EMAILED_EVENTS: readonly TokenEventType[] = ["token.expiring", "token.expired", "token.leaked", "token.idle_disabled"];

/**
 * Who is emailed about a token: its creator, when that is a person (createdBy is an email
 * for dashboard users and `API-TOKEN:<name>` for tokens made by tokens), and its
 * notifyEmails; lower-cased, without repeats.
 */
export function recipientsOf(token: { createdBy?: unknown; notifyEmails?: unknown }): string[] {
  const listed = Array.isArray(token.notifyEmails) ? token.notifyEmails : [];
  const emails = [token.createdBy, ...listed].flatMap((value) => {
    const parsed = emailSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
  return [...new Set(emails)];
}

export async function dispatchEvents(options: NotifierOptions): Promise<number> {
  const db = await getDb();
  const now = options.now();
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM "NotificationEvent" WHERE "dispatchedAt" IS NULL
      ORDER BY id LIMIT ${options.batchSize} FOR UPDATE SKIP LOCKED`;
    if (claimed.length === 0) return 0;
    const ids = claimed.map((e) => e.id);
    const events = await tx.notificationEvent.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    const webhooks = await tx.webhook.findMany({ where: { disabledAt: null }, select: { id: true, events: true } });
    const deliveries = events.flatMap((event) =>
      webhooks
        .filter((w) => w.events.length === 0 || w.events.includes(event.type))
        .map((w) => ({ webhookId: w.id, eventId: event.id, status: "pending", nextAttemptAt: now, createdAt: now })),
    );
    if (deliveries.length > 0) await tx.webhookDelivery.createMany({ data: deliveries, skipDuplicates: true });
    if (options.smtp) {
      const emails = events.flatMap((event) => {
        if (!EMAILED_EVENTS.includes(event.type as TokenEventType)) return [];
        const recipients = recipientsOf((event.payload as EventPayload).data.token as object);
        return recipients.length > 0 ? [{ eventId: event.id, recipients, status: "pending", nextAttemptAt: now, createdAt: now }] : [];
      });
      if (emails.length > 0) await tx.notificationEmail.createMany({ data: emails, skipDuplicates: true });
    }
    await tx.notificationEvent.updateMany({ where: { id: { in: ids } }, data: { dispatchedAt: now } });
    return ids.length;
  });
}
