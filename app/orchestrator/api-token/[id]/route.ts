import { devtronDeletedResponse, devtronUpdatedTokenResponse, devtronUpdateTokenInput } from "@/lib/schemas/devtron-token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { orchestratorRoute } from "@/server/http/orchestrator";
import { updateDevtronToken } from "@/server/tokens/devtron";
import { deleteToken } from "@/server/tokens/tokens";

const path = "/orchestrator/api-token/{id}";
const tag = "Devtron-compatible";
const manages = "API tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  PUT: orchestratorRoute(
    {
      path,
      tag,
      summary: "Devtron: update; a new secret only when expireAtInMs changes",
      access: "superAdmin",
      manages,
      body: devtronUpdateTokenInput,
      response: devtronUpdatedTokenResponse,
      errors: [400, 404],
      noStore: true,
    },
    async ({ id, body, principal, ip, receivedAt }) => updateDevtronToken(id, body, actorOf(principal, ip), receivedAt),
  ),
  DELETE: orchestratorRoute(
    {
      path,
      tag,
      summary: "Devtron: delete an API token",
      access: "superAdmin",
      manages,
      response: devtronDeletedResponse,
      errors: [400, 404],
    },
    async ({ id, principal, ip }) => {
      await deleteToken(id, actorOf(principal, ip));
      return { success: true };
    },
  ),
});
