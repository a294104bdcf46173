import { createTokenInput, listTokensQuery, tokenPageResponse, tokenWithSecretResponse } from "@/lib/schemas/token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { listTokens } from "@/server/tokens/token-list";
import { createToken } from "@/server/tokens/tokens";

const tag = "Tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path: "/api/v1/tokens",
      tag,
      summary: "List tokens",
      access: "superAdmin",
      query: listTokensQuery,
      response: tokenPageResponse,
      errors: [400],
    },
    async ({ query }) => listTokens(query),
  ),
  POST: route(
    {
      path: "/api/v1/tokens",
      tag,
      summary: "Generate a token (the secret is in this answer only)",
      access: "superAdmin",
      body: createTokenInput,
      response: tokenWithSecretResponse,
      status: 201,
      errors: [400, 409],
      noStore: true,
    },
    async ({ body, principal, ip }) => createToken(body, actorOf(principal, ip)),
  ),
});
