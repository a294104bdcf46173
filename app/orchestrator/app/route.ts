import { devtronCreateAppInput } from "@/lib/schemas/catalog";
import { createDevtronApp } from "@/server/catalog/devtron-apps";
import { methods } from "@/server/http/methods";
import { envelope, orchestratorRoute } from "@/server/http/orchestrator";
import { parseBody } from "@/server/http/parse";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** POST /orchestrator/app — Devtron's "create application": { appName, teamId, description, labels }. */
  POST: orchestratorRoute(async ({ req, principal, ip }) =>
    envelope(await createDevtronApp(principal, await parseBody(req, devtronCreateAppInput), ip)),
  ),
});
