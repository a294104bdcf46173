import { introspectInput, introspectResponse } from "@/lib/schemas/token-leaks";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { introspectToken } from "@/server/tokens/introspect";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    {
      path: "/api/v1/introspect",
      tag: "Tokens",
      summary: "RFC 7662 introspection: is this secret active, and what may it do (form token=… or JSON)",
      access: "superAdmin",
      manages: "token introspection",
      body: introspectInput,
      bodyFormats: { form: true },
      response: introspectResponse,
      errors: [400],
      noStore: true,
    },
    async ({ body, receivedAt }) => introspectToken(body.token, receivedAt),
  ),
});
