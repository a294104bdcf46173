import { webhookDeliveryResponse } from "@/lib/schemas/webhook";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { sendTestEvent } from "@/server/notifications/deliveries";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    {
      path: "/api/v1/webhooks/{id}/test",
      tag: "Webhooks",
      summary: "Queue a webhook.test event for this endpoint alone; it is sent within seconds and shows in the delivery log",
      access: "superAdmin",
      manages: "webhooks",
      response: webhookDeliveryResponse,
      status: 202,
      errors: [400, 404, 409],
    },
    async ({ id, principal, ip }) => sendTestEvent(id, actorOf(principal, ip)),
  ),
});
