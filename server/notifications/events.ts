import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TokenResponse } from "@/lib/schemas/token";
import type { TokenEventType } from "@/lib/schemas/webhook";
import type { Tx } from "../db";
import { armReminders } from "./expiry-rule";

// The outbox. A change to a token writes its event here inside the change's own
// transaction, so an event exists exactly when its change committed: none is lost to a
// crash after the commit, and none is sent for a change that rolled back. The scheduler
// (./scheduler.ts) fans events out into webhook deliveries and emails afterwards.

export type { TokenEventType };

/** The body every webhook receives, as Standard Webhooks shapes it. */
export type EventPayload = { type: string; timestamp: string; data: Record<string, Prisma.InputJsonValue> };

/** Standard Webhooks message ids: unique per event, kept across retries and endpoints. */
export const newMessageId = () => `msg_${randomBytes(16).toString("hex")}`;

export async function recordNotificationEvent(
  tx: Tx,
  event: { type: string; tokenId: number | null; data: EventPayload["data"]; dispatched?: boolean },
  now: Date,
) {
  const payload: EventPayload = { type: event.type, timestamp: now.toISOString(), data: event.data };
  return tx.notificationEvent.create({
    data: {
      messageId: newMessageId(),
      type: event.type,
      tokenId: event.tokenId,
      payload,
      createdAt: now,
      dispatchedAt: event.dispatched ? now : null,
    },
  });
}

/**
 * Writes a token event in the caller's transaction. `token` is the API's token JSON
 * (toTokenResponse), which never holds a secret or a hash; `extra` joins it in `data`
 * (`daysLeft` for token.expiring, say).
 */
export async function emitEvent(
  tx: Tx,
  type: TokenEventType,
  token: TokenResponse,
  extra: Record<string, Prisma.InputJsonValue> = {},
  now = new Date(),
): Promise<void> {
  await recordNotificationEvent(tx, { type, tokenId: token.id, data: { token, ...extra } }, now);
  if (type === "token.created" || type === "token.regenerated") await armReminders(tx, token, now);
}
