import { ApiError, fieldError } from "@/lib/errors";
import { devtronCreateAppInput } from "@/lib/schemas/catalog";
import { createApp } from "@/server/catalog/apps";
import { getDb } from "@/server/db";
import { envelope, orchestratorRoute } from "@/server/http/orchestrator";
import { parseBody } from "@/server/http/parse";

export const dynamic = "force-dynamic";

/** POST /orchestrator/app — Devtron's "create application": { appName, teamId, description, labels }. */
export const POST = orchestratorRoute(async ({ req, principal, ip }) => {
  const input = await parseBody(req, devtronCreateAppInput);
  const project = await (await getDb()).project.findUnique({ where: { id: input.teamId } });
  if (!project) throw fieldError("teamId", `no project (team) with id ${input.teamId}`);
  const app = await createApp(principal, { name: input.appName, project: project.name, description: input.description, labels: input.labels }, ip, "orchestrator").catch(
    (error: unknown) => {
      // Devtron's field is appName; report our `name` path under it.
      if (error instanceof ApiError && error.errors) {
        throw new ApiError(error.code, error.message, { errors: error.errors.map((e) => ({ ...e, path: e.path === "name" ? "appName" : e.path })) });
      }
      throw error;
    },
  );
  return envelope({ id: app.id, appName: app.name, teamId: project.id, description: app.description, labels: app.labels, active: true, createdBy: app.createdBy });
});
