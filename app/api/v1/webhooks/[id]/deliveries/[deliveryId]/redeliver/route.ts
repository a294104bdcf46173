import { webhookDeliveryResponse } from "@/lib/schemas/webhook";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { redeliverDelivery } from "@/server/notifications/deliveries";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    {
      path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
      tag: "Webhooks",
      summary: "Send a delivery again now, under the same webhook-id, with a fresh retry schedule (409 while the endpoint is disabled)",
      access: "superAdmin",
      manages: "webhooks",
      response: webhookDeliveryResponse,
      status: 202,
      errors: [400, 404, 409],
    },
    async ({ id, deliveryId, principal, ip }) => redeliverDelivery(id, deliveryId, actorOf(principal, ip)),
  ),
});
