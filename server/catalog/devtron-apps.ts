import "server-only";
import { fieldError, renameErrorPaths } from "@/lib/errors";
import type { DevtronAppResponse, DevtronCreateAppInput } from "@/lib/schemas/catalog";
import type { Principal } from "../auth/principal";
import { getDb } from "../db";
import { createApp } from "./apps";

// Devtron's "create application" as a thin adapter over createApp: Devtron names the
// project (its "team") by id and the app's name `appName`, and errors keep its field names.

export async function createDevtronApp(principal: Principal, input: DevtronCreateAppInput, ip: string | null): Promise<DevtronAppResponse> {
  const db = await getDb();
  const project = await db.project.findUnique({ where: { id: input.teamId } });
  if (!project) throw fieldError("teamId", `no project (team) with id ${input.teamId}`);
  const app = await createApp(
    principal,
    { name: input.appName, project: project.name, description: input.description, labels: input.labels },
    ip,
    "orchestrator",
  ).catch((error: unknown) => {
    throw renameErrorPaths(error, { name: "appName" });
  });
  return {
    id: app.id,
    appName: app.name,
    teamId: project.id,
    description: app.description,
    labels: app.labels,
    active: true,
    createdBy: app.createdBy,
  };
}
