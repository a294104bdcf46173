import "server-only";
import { Webhook as Signer } from "standardwebhooks";
import { recordEvent } from "../audit/record";
import { SYSTEM_ACTOR } from "../auth/principal";
import { getDb, type Tx } from "../db";
import type { NotifierOptions } from "./config";
import { type PostResult, postWebhook } from "./http-post";
import { openSecret } from "./secret-box";

// Sends due webhook deliveries. A scheduler claims a few at a time with one UPDATE … FROM
// (SELECT … FOR UPDATE SKIP LOCKED): each claim sets a lease (lockedUntil) and counts the
// attempt, so of several schedulers exactly one sends each attempt, and no transaction is
// held while the request is out. A scheduler that dies mid-request leaves its lease to
// run out, and the attempt is made again: delivery is at least once, under the same
// webhook-id, which receivers use to drop repeats. The attempt count doubles as a fence:
// a result is recorded only by the claim that made it.

/** A claim outlives the request it covers by this much. */
const LEASE_MARGIN_MS = 60_000;

type Claimed = { id: number; webhookId: number; eventId: number; attempts: number; failures: number };

async function claimDeliveries(options: NotifierOptions, limit: number): Promise<Claimed[]> {
  const db = await getDb();
  const now = options.now();
  const leaseUntil = new Date(now.getTime() + options.webhookTimeoutMs + LEASE_MARGIN_MS);
  return db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d SET "lockedUntil" = ${leaseUntil.toISOString()}::timestamptz, "attempts" = d."attempts" + 1
    FROM (
      SELECT x.id FROM "WebhookDelivery" x JOIN "Webhook" w ON w.id = x."webhookId"
      WHERE x.status = 'pending' AND w."disabledAt" IS NULL
        AND x."nextAttemptAt" <= ${now.toISOString()}::timestamptz
        AND (x."lockedUntil" IS NULL OR x."lockedUntil" <= ${now.toISOString()}::timestamptz)
      ORDER BY x."nextAttemptAt", x.id
      LIMIT ${limit}
      FOR UPDATE OF x SKIP LOCKED) c
    WHERE d.id = c.id
    RETURNING d.id, d."webhookId", d."eventId", d."attempts", d."failures"`;
}

/** Sends up to `batchSize` due deliveries, `concurrency` at a time. */
export async function sendDueWebhooks(options: NotifierOptions): Promise<number> {
  let sent = 0;
  while (sent < options.batchSize) {
    const claimed = await claimDeliveries(options, Math.min(options.concurrency, options.batchSize - sent));
    if (claimed.length === 0) break;
    await Promise.all(claimed.map((delivery) => attempt(delivery, options)));
    sent += claimed.length;
  }
  return sent;
}

async function attempt(delivery: Claimed, options: NotifierOptions): Promise<void> {
  const db = await getDb();
  const [webhook, event] = await Promise.all([
    db.webhook.findUnique({ where: { id: delivery.webhookId } }),
    db.notificationEvent.findUnique({ where: { id: delivery.eventId } }),
  ]);
  if (!webhook || !event) return; // deleted meanwhile (its deliveries went with it)
  let result: PostResult;
  try {
    const body = JSON.stringify(event.payload);
    // webhook-timestamp is the wall clock at sending, whatever the scheduler's clock says:
    // receivers compare it with theirs to refuse replays.
    const signer = new Signer(openSecret(webhook.secretEncrypted));
    const sentAt = new Date();
    const headers = {
      "webhook-id": event.messageId,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signer.sign(event.messageId, sentAt, body),
    };
    const limits = { timeoutMs: options.webhookTimeoutMs, allowPrivate: options.allowPrivate, resolve: options.resolve };
    result = await postWebhook(webhook.url, body, headers, limits);
  } catch (error) {
    result = { statusCode: null, durationMs: 0, snippet: null, error: (error as Error).message };
  }
  await recordAttempt(delivery, result, options);
}

const succeeded = (r: PostResult) => r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;

async function recordAttempt(delivery: Claimed, result: PostResult, options: NotifierOptions): Promise<void> {
  const db = await getDb();
  const now = options.now();
  const ok = succeeded(result);
  const failures = ok ? delivery.failures : delivery.failures + 1;
  const retryIn = ok ? undefined : options.retryDelaysMs[failures - 1];
  const error = ok ? null : (result.error ?? `answered ${result.statusCode}`);
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, attempts: delivery.attempts },
      data: {
        status: ok ? "succeeded" : retryIn === undefined ? "failed" : "pending",
        failures,
        nextAttemptAt: retryIn === undefined ? null : new Date(now.getTime() + retryIn),
        lockedUntil: null,
        lastAttemptAt: now,
        statusCode: result.statusCode,
        durationMs: result.durationMs,
        responseSnippet: result.snippet,
        error,
      },
    });
    if (count === 0) return; // the webhook was deleted, or a later claim took this one over
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        attempt: delivery.attempts,
        at: now,
        statusCode: result.statusCode,
        durationMs: result.durationMs,
        responseSnippet: result.snippet,
        error,
      },
    });
    await countOutcome(tx, delivery.webhookId, ok ? null : error, now, options);
  });
}

/**
 * A success starts the endpoint's failure count over; a failure adds to it, and an endpoint
 * that has failed often enough for long enough is disabled, once (the row lock of the
 * increment orders concurrent recorders, and only the first sees it still enabled).
 */
async function countOutcome(tx: Tx, webhookId: number, error: string | null, now: Date, options: NotifierOptions): Promise<void> {
  if (error === null) {
    await tx.webhook.updateMany({ where: { id: webhookId }, data: { consecutiveFailures: 0, failingSince: null } });
    return;
  }
  await tx.webhook.updateMany({ where: { id: webhookId, failingSince: null }, data: { failingSince: now } });
  const webhook = await tx.webhook.update({ where: { id: webhookId }, data: { consecutiveFailures: { increment: 1 } } });
  const failingFor = now.getTime() - (webhook.failingSince ?? now).getTime();
  if (webhook.disabledAt || webhook.consecutiveFailures < options.disableAfterFailures || failingFor < options.disableAfterMs) return;
  await tx.webhook.update({ where: { id: webhook.id }, data: { disabledAt: now, disabledReason: "failing" } });
  await recordEvent(tx, {
    action: "webhook.disabled",
    actor: SYSTEM_ACTOR,
    target: { type: "webhook", id: webhook.id },
    details: {
      url: webhook.url,
      reason: "failing",
      consecutiveFailures: webhook.consecutiveFailures,
      failingSince: webhook.failingSince?.toISOString() ?? null,
      lastError: error,
    },
  });
}
