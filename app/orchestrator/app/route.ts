import { fieldError, renameErrorPaths } from "@/lib/errors";
import { devtronCreateAppInput } from "@/lib/schemas/catalog";
import { createApp } from "@/server/catalog/apps";
import { getDb } from "@/server/db";
import { methods } from "@/server/http/methods";
import { envelope, orchestratorRoute } from "@/server/http/orchestrator";
import { parseBody } from "@/server/http/parse";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** POST /orchestrator/app — Devtron's "create application": { appName, teamId, description, labels }. */
  POST: orchestratorRoute(async ({ req, principal, ip }) => {
    const input = await parseBody(req, devtronCreateAppInput);
    const project = await (await getDb()).project.findUnique({ where: { id: input.teamId } });
    if (!project) throw fieldError("teamId", `no project (team) with id ${input.teamId}`);
    const app = await createApp(
      principal,
      { name: input.appName, project: project.name, description: input.description, labels: input.labels },
      ip,
      "orchestrator",
    ).catch((error: unknown) => {
      throw renameErrorPaths(error, { name: "appName" });
    });
    return envelope({
      id: app.id,
      appName: app.name,
      teamId: project.id,
      description: app.description,
      labels: app.labels,
      active: true,
      createdBy: app.createdBy,
    });
  }),
});
