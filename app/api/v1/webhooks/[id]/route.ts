import { updateWebhookInput, webhookResponse } from "@/lib/schemas/webhook";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { deleteWebhook, getWebhook, updateWebhook } from "@/server/notifications/webhooks";

const path = "/api/v1/webhooks/{id}";
const tag = "Webhooks";
const manages = "webhooks";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    { path, tag, summary: "Read a webhook endpoint", access: "superAdmin", manages, response: webhookResponse, errors: [400, 404] },
    async ({ id }) => getWebhook(id),
  ),
  PATCH: route(
    {
      path,
      tag,
      summary: "Edit an endpoint's URL, events or description, or disable and enable it (enabling starts its failure count over)",
      access: "superAdmin",
      manages,
      body: updateWebhookInput,
      response: webhookResponse,
      errors: [400, 404],
    },
    async ({ id, body, principal, ip }) => updateWebhook(id, body, actorOf(principal, ip)),
  ),
  DELETE: route(
    { path, tag, summary: "Delete an endpoint and its delivery log", access: "superAdmin", manages, response: null, errors: [400, 404] },
    async ({ id, principal, ip }) => deleteWebhook(id, actorOf(principal, ip)),
  ),
});
