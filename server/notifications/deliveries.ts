import "server-only";
import { ApiError } from "@/lib/errors";
import { type ListDeliveriesQuery, TEST_EVENT_TYPE, type WebhookDeliveryResponse } from "@/lib/schemas/webhook";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { getDb } from "../db";
import { pageOf, skipTake } from "../db/paging";
import { recordNotificationEvent } from "./events";
import { webhookOrThrow } from "./webhooks";

// The delivery log of one endpoint, newest first; redelivering one; and the test event.

type DeliveryRow = {
  id: number;
  status: string;
  attempts: number;
  statusCode: number | null;
  durationMs: number | null;
  responseSnippet: string | null;
  error: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  event: { messageId: string; type: string };
};

function toDeliveryResponse(d: DeliveryRow): WebhookDeliveryResponse {
  return {
    id: d.id,
    messageId: d.event.messageId,
    event: d.event.type,
    status: d.status as WebhookDeliveryResponse["status"],
    attempts: d.attempts,
    statusCode: d.statusCode,
    durationMs: d.durationMs,
    responseSnippet: d.responseSnippet,
    error: d.error,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

const include = { event: { select: { messageId: true, type: true } } } as const;

export async function listDeliveries(webhookId: number, query: ListDeliveriesQuery) {
  const db = await getDb();
  await webhookOrThrow(db, webhookId);
  const where = { webhookId, ...(query.status ? { status: query.status } : {}) };
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({ where, include, orderBy: { id: "desc" }, ...skipTake(query) }),
    db.webhookDelivery.count({ where }),
  ]);
  return pageOf(rows.map(toDeliveryResponse), total, query);
}

/**
 * Sends a delivery again, now, with a fresh retry schedule. It keeps its webhook-id, so a
 * receiver that already handled it can tell (as Standard Webhooks intends for resends).
 */
export async function redeliverDelivery(webhookId: number, deliveryId: number, actor: Actor, now = new Date()) {
  const db = await getDb();
  const delivery = await db.$transaction(async (tx) => {
    const webhook = await webhookOrThrow(tx, webhookId);
    const found = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId } });
    if (!found) throw new ApiError("not_found", `No delivery with id ${deliveryId} for webhook ${webhookId}.`);
    if (webhook.disabledAt) throw new ApiError("conflict", "The webhook is disabled; enable it first.");
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { status: "pending", failures: 0, nextAttemptAt: now, lockedUntil: null },
    });
    if (count === 0) throw new ApiError("conflict", "This delivery is being sent right now; try again in a moment.");
    await recordEvent(tx, { action: "webhook.redelivered", actor, target: { type: "webhook", id: webhookId }, details: { deliveryId } });
    return tx.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include });
  });
  return toDeliveryResponse(delivery);
}

/** Queues a `webhook.test` event for this endpoint alone; the scheduler sends it like any other. */
export async function sendTestEvent(webhookId: number, actor: Actor, now = new Date()) {
  const db = await getDb();
  const delivery = await db.$transaction(async (tx) => {
    const webhook = await webhookOrThrow(tx, webhookId);
    if (webhook.disabledAt) throw new ApiError("conflict", "The webhook is disabled; enable it first.");
    const data = { webhook: { id: webhook.id, url: webhook.url } };
    const event = await recordNotificationEvent(tx, { type: TEST_EVENT_TYPE, tokenId: null, data, dispatched: true }, now);
    const created = await tx.webhookDelivery.create({
      data: { webhookId, eventId: event.id, status: "pending", nextAttemptAt: now, createdAt: now },
      include,
    });
    await recordEvent(tx, {
      action: "webhook.tested",
      actor,
      target: { type: "webhook", id: webhookId },
      details: { deliveryId: created.id },
    });
    return created;
  });
  return toDeliveryResponse(delivery);
}
