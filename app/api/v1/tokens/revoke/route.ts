import { revokeTextBody, revokeTokensInput, revokeTokensResponse } from "@/lib/schemas/token-leaks";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { admitRevokeReport, revokeReportedTokens } from "@/server/tokens/leaks";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    {
      path: "/api/v1/tokens/revoke",
      tag: "Tokens",
      summary: "Report leaked tokens (no credentials; JSON or one per line as text/plain): every live one is revoked",
      // Scanners post here from anywhere, with nothing but the strings they found: no credential
      // is read (so no cookie rides along), and so no origin check applies (server/http/origin.ts).
      access: "public",
      authenticate: false,
      admit: ({ ip }) => admitRevokeReport(ip),
      body: revokeTokensInput,
      bodyFormats: { text: revokeTextBody },
      response: revokeTokensResponse,
      status: 202,
      errors: [429],
    },
    async ({ body, ip, receivedAt }) => revokeReportedTokens(body.tokens, ip, receivedAt),
  ),
});
