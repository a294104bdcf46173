import { graceResponse } from "@/lib/schemas/token-leaks";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { getGraceOrThrow } from "@/server/tokens/grace";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path: "/api/v1/tokens/{id}/grace",
      tag: "Tokens",
      summary: "The grace window after a regenerate: until when the old secret works, and who used each secret",
      access: "superAdmin",
      response: graceResponse,
      errors: [400, 404],
    },
    async ({ id, receivedAt }) => getGraceOrThrow(id, receivedAt),
  ),
});
