import { devtronAppResponse, devtronCreateAppInput } from "@/lib/schemas/catalog";
import { createDevtronApp } from "@/server/catalog/devtron-apps";
import { methods } from "@/server/http/methods";
import { orchestratorRoute } from "@/server/http/orchestrator";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: orchestratorRoute(
    {
      path: "/orchestrator/app",
      tag: "Devtron-compatible",
      summary: "Devtron: create an application",
      access: "principal",
      body: devtronCreateAppInput,
      response: devtronAppResponse,
      errors: [400, 403, 409],
    },
    async ({ body, principal, ip }) => createDevtronApp(principal, body, ip),
  ),
});
