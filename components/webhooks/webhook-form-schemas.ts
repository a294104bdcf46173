import { z } from "zod";
import { description } from "@/lib/schemas/catalog";
import { createWebhookInput, TOKEN_EVENT_TYPES, type TokenEventType, updateWebhookInput, webhookUrl } from "@/lib/schemas/webhook";

// The webhook form's values and how they become the API's body. The API spells "every event"
// as events: [] (which also covers events added later); the form asks it as a choice, so that
// unticking the last event cannot silently mean "all of them".

export type WebhookFormValues = { url: string; description: string; scope: "all" | "some"; events: TokenEventType[] };

const values = z
  .object({ url: z.string(), description, scope: z.enum(["all", "some"]), events: z.array(z.enum(TOKEN_EVENT_TYPES)) })
  // The URL is checked here, beside the events, so that a blank URL and no events show together.
  .superRefine((v, ctx) => {
    for (const issue of webhookUrl.safeParse(v.url).error?.issues ?? [])
      ctx.addIssue({ code: "custom", path: ["url"], message: issue.message });
    if (v.scope === "some" && v.events.length === 0)
      ctx.addIssue({ code: "custom", path: ["events"], message: "Tick at least one event, or choose “All events”." });
  })
  .transform((v): unknown => ({
    url: v.url,
    description: v.description,
    // In the order the API lists them, whatever order they were ticked in.
    events: v.scope === "all" ? [] : TOKEN_EVENT_TYPES.filter((e) => v.events.includes(e)),
  }));

export const createWebhookSchema = values.pipe(createWebhookInput);
export const editWebhookSchema = values.pipe(updateWebhookInput);

export function webhookFormValues(webhook?: { url: string; description: string; events: TokenEventType[] }): WebhookFormValues {
  if (!webhook) return { url: "", description: "", scope: "all", events: [] };
  return { url: webhook.url, description: webhook.description, scope: webhook.events.length ? "some" : "all", events: webhook.events };
}

/** What each event means, for the form and the lists. */
export const EVENT_LABELS: Record<TokenEventType, string> = {
  "token.created": "Created",
  "token.updated": "Edited",
  "token.regenerated": "Regenerated",
  "token.deleted": "Deleted",
  "token.disabled": "Disabled",
  "token.enabled": "Enabled",
  "token.expiring": "Expiring (a reminder)",
  "token.expired": "Expired",
  "token.leaked": "Reported leaked",
  "token.idle_disabled": "Disabled for being unused",
};
