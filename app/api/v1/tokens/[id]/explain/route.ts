import { accessRequestOf, explainQuery, explainResponse } from "@/lib/schemas/explain";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { explainTokenAccess } from "@/server/tokens/explain";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path: "/api/v1/tokens/{id}/explain",
      tag: "Tokens",
      summary: "Can this token do this? Allowed or not, and why (the grant that allows it, or what is missing)",
      access: "superAdmin",
      query: explainQuery,
      response: explainResponse,
      errors: [400, 404],
    },
    async ({ id, query, receivedAt }) => explainTokenAccess(id, accessRequestOf(query), receivedAt),
  ),
});
