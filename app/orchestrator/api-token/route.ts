import { z } from "zod";
import { devtronCreatedTokenResponse, devtronCreateTokenInput, devtronTokenResponse } from "@/lib/schemas/devtron-token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { orchestratorRoute } from "@/server/http/orchestrator";
import { createDevtronToken, listDevtronTokens } from "@/server/tokens/devtron";

const path = "/orchestrator/api-token";
const tag = "Devtron-compatible";
const manages = "API tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: orchestratorRoute(
    {
      path,
      tag,
      summary: "Devtron: list API tokens (never a secret)",
      access: "superAdmin",
      manages,
      response: z.array(devtronTokenResponse),
    },
    async () => listDevtronTokens(),
  ),
  POST: orchestratorRoute(
    {
      path,
      tag,
      summary: "Devtron: create an API token (no roles until set)",
      access: "superAdmin",
      manages,
      body: devtronCreateTokenInput,
      response: devtronCreatedTokenResponse,
      errors: [400, 409],
      noStore: true,
    },
    async ({ body, principal, ip }) => createDevtronToken(body, actorOf(principal, ip)),
  ),
});
