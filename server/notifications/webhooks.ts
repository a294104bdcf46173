import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/errors";
import type { Webhook } from "@/lib/generated/prisma/client";
import type {
  CreateWebhookInput,
  LastDelivery,
  ListWebhooksQuery,
  TokenEventType,
  UpdateWebhookInput,
  WebhookResponse,
} from "@/lib/schemas/webhook";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { getDb, type Tx } from "../db";
import { contains, pageOf, skipTake } from "../db/paging";
import { notifierOptions, type Resolve } from "./config";
import { sealSecret } from "./secret-box";
import { assertWebhookTarget } from "./target";

// Webhook endpoints: create (the signing secret is returned once), list, read, edit,
// delete. Every write runs in one transaction with its audit event.

export type TargetCheck = { allowPrivate: boolean; resolve: Resolve };
const targetCheck = (given?: Partial<TargetCheck>): TargetCheck => {
  const defaults = notifierOptions({ smtp: null });
  return { allowPrivate: given?.allowPrivate ?? defaults.allowPrivate, resolve: given?.resolve ?? defaults.resolve };
};

export function toWebhookResponse(w: Webhook, lastDelivery: LastDelivery | null = null): WebhookResponse {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    events: w.events as TokenEventType[],
    disabled: w.disabledAt !== null,
    disabledReason: w.disabledAt ? ((w.disabledReason as WebhookResponse["disabledReason"]) ?? "manual") : null,
    disabledAt: w.disabledAt?.toISOString() ?? null,
    consecutiveFailures: w.consecutiveFailures,
    failingSince: w.failingSince?.toISOString() ?? null,
    lastDelivery,
    createdAt: w.createdAt.toISOString(),
    createdBy: w.createdBy,
    updatedAt: w.updatedAt.toISOString(),
    updatedBy: w.updatedBy,
  };
}

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export async function createWebhook(input: CreateWebhookInput, actor: Actor, check?: Partial<TargetCheck>, now = new Date()) {
  await assertWebhookTarget(input.url, targetCheck(check));
  const secret = newWebhookSecret();
  const db = await getDb();
  const webhook = await db.$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: {
        url: input.url,
        description: input.description,
        events: input.events,
        secretEncrypted: sealSecret(secret),
        createdAt: now,
        createdBy: actor.name,
        updatedBy: actor.name,
      },
    });
    await recordEvent(tx, {
      action: "webhook.created",
      actor,
      target: { type: "webhook", id: created.id },
      details: { url: created.url, events: created.events },
    });
    return created;
  });
  return { webhook: toWebhookResponse(webhook), secret };
}

type LastDeliveryRow = { webhookId: number; id: number; type: string; status: string; statusCode: number | null; at: Date };

/** The newest delivery of each of these endpoints: one index walk per endpoint (WebhookDelivery's (webhookId, id) index). */
async function lastDeliveriesOf(tx: Tx, webhookIds: number[]): Promise<Map<number, LastDelivery>> {
  if (webhookIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<LastDeliveryRow[]>`
    SELECT w.id AS "webhookId", d.id, e.type, d.status, d."statusCode", coalesce(d."lastAttemptAt", d."createdAt") AS at
    FROM unnest(${webhookIds}::int[]) AS w(id)
    CROSS JOIN LATERAL (
      SELECT x.id, x."eventId", x.status, x."statusCode", x."lastAttemptAt", x."createdAt" FROM "WebhookDelivery" x
      WHERE x."webhookId" = w.id ORDER BY x.id DESC LIMIT 1) d
    JOIN "NotificationEvent" e ON e.id = d."eventId"`;
  return new Map(
    rows.map((r) => [
      r.webhookId,
      { id: r.id, event: r.type, status: r.status as LastDelivery["status"], statusCode: r.statusCode, at: r.at.toISOString() },
    ]),
  );
}

/** Endpoints in the order they were made; `q` matches the URL or the description. */
export async function listWebhooks(query: ListWebhooksQuery) {
  const db = await getDb();
  const where = query.q ? { OR: [{ url: contains(query.q) }, { description: contains(query.q) }] } : {};
  const [rows, total] = await Promise.all([
    db.webhook.findMany({ where, orderBy: { id: "asc" }, ...skipTake(query) }),
    db.webhook.count({ where }),
  ]);
  const last = await lastDeliveriesOf(
    db,
    rows.map((w) => w.id),
  );
  return pageOf(
    rows.map((w) => toWebhookResponse(w, last.get(w.id) ?? null)),
    total,
    query,
  );
}

export async function webhookOrThrow(tx: Tx, id: number): Promise<Webhook> {
  const webhook = await tx.webhook.findUnique({ where: { id } });
  if (!webhook) throw new ApiError("not_found", `No webhook with id ${id}.`);
  return webhook;
}

export async function getWebhook(id: number): Promise<WebhookResponse> {
  const db = await getDb();
  const webhook = await webhookOrThrow(db, id);
  return toWebhookResponse(webhook, (await lastDeliveriesOf(db, [id])).get(id) ?? null);
}

export async function updateWebhook(id: number, input: UpdateWebhookInput, actor: Actor, check?: Partial<TargetCheck>, now = new Date()) {
  if (input.url !== undefined) await assertWebhookTarget(input.url, targetCheck(check));
  const db = await getDb();
  const webhook = await db.$transaction(async (tx) => {
    const before = await webhookOrThrow(tx, id);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ["url", "description", "events"] as const) {
      if (input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(before[field]))
        changes[field] = { from: before[field], to: input[field] };
    }
    const wasDisabled = before.disabledAt !== null;
    if (input.disabled !== undefined && input.disabled !== wasDisabled) changes.disabled = { from: wasDisabled, to: input.disabled };
    const last = (await lastDeliveriesOf(tx, [id])).get(id) ?? null;
    if (Object.keys(changes).length === 0) return toWebhookResponse(before, last);
    const after = await tx.webhook.update({
      where: { id },
      data: {
        url: input.url,
        description: input.description,
        events: input.events,
        // Enabling starts the failure count over: the endpoint gets a fresh day before it is disabled again.
        ...(changes.disabled
          ? input.disabled
            ? { disabledAt: now, disabledReason: "manual" }
            : { disabledAt: null, disabledReason: null, consecutiveFailures: 0, failingSince: null }
          : {}),
        updatedBy: actor.name,
      },
    });
    await recordEvent(tx, {
      action: "webhook.updated",
      actor,
      target: { type: "webhook", id },
      details: { url: after.url, changes: changes as object },
    });
    return toWebhookResponse(after, last);
  });
  return webhook;
}

export async function deleteWebhook(id: number, actor: Actor): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const webhook = await webhookOrThrow(tx, id);
    await tx.webhook.delete({ where: { id } });
    await recordEvent(tx, { action: "webhook.deleted", actor, target: { type: "webhook", id }, details: { url: webhook.url } });
  });
}
