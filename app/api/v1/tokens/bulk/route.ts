import { bulkTokensInput, bulkTokensResponse } from "@/lib/schemas/token-bulk";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { bulkTokens } from "@/server/tokens/bulk";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    {
      path: "/api/v1/tokens/bulk",
      tag: "Tokens",
      summary: "Disable, enable or delete every token a filter matches (dryRun: only say which)",
      access: "superAdmin",
      body: bulkTokensInput,
      response: bulkTokensResponse,
      errors: [400],
    },
    async ({ body, principal, ip, receivedAt }) => bulkTokens(body, actorOf(principal, ip), receivedAt),
  ),
});
