import { pageResponse } from "@/lib/schemas/common";
import { createWebhookInput, listWebhooksQuery, webhookResponse, webhookWithSecretResponse } from "@/lib/schemas/webhook";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { createWebhook, listWebhooks } from "@/server/notifications/webhooks";

const path = "/api/v1/webhooks";
const tag = "Webhooks";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path,
      tag,
      summary: "List webhook endpoints, each with its newest delivery",
      access: "superAdmin",
      manages: "webhooks",
      query: listWebhooksQuery,
      response: pageResponse(webhookResponse),
      errors: [400],
    },
    async ({ query }) => listWebhooks(query),
  ),
  POST: route(
    {
      path,
      tag,
      summary: "Add a webhook endpoint (its whsec_ signing secret is in this answer only); loopback and private targets are refused",
      access: "superAdmin",
      manages: "webhooks",
      body: createWebhookInput,
      response: webhookWithSecretResponse,
      status: 201,
      errors: [400],
      noStore: true,
    },
    async ({ body, principal, ip }) => createWebhook(body, actorOf(principal, ip)),
  ),
});
