import { regenerateTokenInput, tokenWithSecretResponse } from "@/lib/schemas/token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { regenerateToken } from "@/server/tokens/tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    {
      path: "/api/v1/tokens/{id}/regenerate",
      tag: "Tokens",
      summary: "New secret and expiry; the old secret stops now or after graceSeconds",
      access: "superAdmin",
      body: regenerateTokenInput,
      response: tokenWithSecretResponse,
      errors: [400, 404],
      noStore: true,
    },
    async ({ id, body, principal, ip, receivedAt }) => regenerateToken(id, body, actorOf(principal, ip), receivedAt),
  ),
});
