import { z } from "zod";
import { queryFromUrl, type RawParams } from "../list-query";
import { description } from "./catalog";
import { pageQuery } from "./common";

// Webhooks: the events they can receive, their input and output shapes, and the delivery log.

export const TOKEN_EVENT_TYPES = [
  "token.created",
  "token.updated",
  "token.regenerated",
  "token.deleted",
  "token.disabled",
  "token.enabled",
  "token.expiring",
  "token.expired",
  "token.leaked",
  "token.idle_disabled",
] as const;
export type TokenEventType = (typeof TOKEN_EVENT_TYPES)[number];

/** Sent by "send test event" to one endpoint only; not something an endpoint subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";

export const WEBHOOK_URL_MAX = 2000;

export const webhookUrl = z
  .string({ error: "is required" })
  .trim()
  // A blank or overlong URL gets that one message, not "must be an http:// URL" as well.
  .min(1, { error: "is required", abort: true })
  .max(WEBHOOK_URL_MAX, { error: `must be at most ${WEBHOOK_URL_MAX} characters`, abort: true })
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be an http:// or https:// URL");

export const webhookEvents = z
  .array(z.enum(TOKEN_EVENT_TYPES, { error: `must be one of ${TOKEN_EVENT_TYPES.join(", ")}` }), {
    error: "must be a list of event types ([] for all)",
  })
  .refine((list) => new Set(list).size === list.length, "must not list an event twice");

export const createWebhookInput = z.strictObject({
  url: webhookUrl,
  events: webhookEvents.default([]),
  description: description.default(""),
});

export const updateWebhookInput = z.strictObject({
  url: webhookUrl.optional(),
  events: webhookEvents.optional(),
  description: description.optional(),
  disabled: z.boolean({ error: "must be true or false" }).optional(),
});

export const WEBHOOK_DISABLED_REASONS = ["manual", "failing"] as const;

// The webhook list: GET /api/v1/webhooks parses it strictly, the webhooks page leniently.
export const listWebhooksQuery = pageQuery.pick({ page: true, pageSize: true, q: true });
export const webhooksQueryFromUrl = (params: RawParams) => queryFromUrl(listWebhooksQuery, params);

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

/** The newest delivery of an endpoint, for the list: did the last event get through? */
export const lastDeliveryResponse = z.object({
  id: z.number().int(),
  event: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  statusCode: z.number().int().nullable(),
  /** The last attempt, or when it was queued if none was made yet. */
  at: z.string(),
});

export const webhookResponse = z.object({
  id: z.number().int(),
  url: z.string(),
  description: z.string(),
  /** Empty: every event. */
  events: z.array(z.enum(TOKEN_EVENT_TYPES)),
  disabled: z.boolean(),
  /** manual: someone disabled it; failing: Tessera did, after it failed for a day. */
  disabledReason: z.enum(WEBHOOK_DISABLED_REASONS).nullable(),
  disabledAt: z.string().nullable(),
  /** Failed attempts in a row (0 after any success), and since when: past 8 over 24 hours, Tessera disables it. */
  consecutiveFailures: z.number().int(),
  failingSince: z.string().nullable(),
  lastDelivery: lastDeliveryResponse.nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
/** The signing secret (whsec_…) is in this answer once, at creation. */
export const webhookWithSecretResponse = z.object({ webhook: webhookResponse, secret: z.string() });

export const listDeliveriesQuery = pageQuery.pick({ page: true, pageSize: true }).extend({
  status: z.enum(DELIVERY_STATUSES, { error: `must be one of ${DELIVERY_STATUSES.join(", ")}` }).optional(),
});
export const deliveriesQueryFromUrl = (params: RawParams) => queryFromUrl(listDeliveriesQuery, params);

export const webhookDeliveryResponse = z.object({
  id: z.number().int(),
  /** The webhook-id header: the same on every attempt of this event, so a receiver can drop repeats. */
  messageId: z.string(),
  event: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  responseSnippet: z.string().nullable(),
  error: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
});

export type CreateWebhookInput = z.infer<typeof createWebhookInput>;
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;
export type WebhookResponse = z.infer<typeof webhookResponse>;
export type ListWebhooksQuery = z.infer<typeof listWebhooksQuery>;
export type LastDelivery = z.infer<typeof lastDeliveryResponse>;
export type WebhookWithSecret = z.infer<typeof webhookWithSecretResponse>;
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;
export type WebhookDeliveryResponse = z.infer<typeof webhookDeliveryResponse>;
