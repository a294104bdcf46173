import { pageResponse } from "@/lib/schemas/common";
import { listDeliveriesQuery, webhookDeliveryResponse } from "@/lib/schemas/webhook";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { listDeliveries } from "@/server/notifications/deliveries";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path: "/api/v1/webhooks/{id}/deliveries",
      tag: "Webhooks",
      summary: "An endpoint's delivery log, newest first: event, status code, duration, attempts, next retry, the answer's start",
      access: "superAdmin",
      manages: "webhooks",
      query: listDeliveriesQuery,
      response: pageResponse(webhookDeliveryResponse),
      errors: [400, 404],
    },
    async ({ id, query }) => listDeliveries(id, query),
  ),
});
