import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { endGrace } from "@/server/tokens/grace";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    {
      path: "/api/v1/tokens/{id}/end-grace",
      tag: "Tokens",
      summary: "End the grace window now: the old secret stops working, the new one is untouched",
      access: "superAdmin",
      response: null,
      errors: [400, 404, 409],
    },
    async ({ id, principal, ip, receivedAt }) => endGrace(id, actorOf(principal, ip), receivedAt),
  ),
});
