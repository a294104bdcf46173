import { projectResponse, updateProjectInput } from "@/lib/schemas/catalog";
import { actorOf } from "@/server/auth/principal";
import { deleteProject, getProjectOrThrow, updateProject } from "@/server/catalog/projects";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/projects/{id}";
const tag = "Projects";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ path, tag, summary: "Read one", access: "principal", response: projectResponse, errors: [400, 404] }, async ({ id }) =>
    getProjectOrThrow(id),
  ),
  // The name cannot change.
  PATCH: route(
    { path, tag, summary: "Update", access: "superAdmin", body: updateProjectInput, response: projectResponse, errors: [400, 403, 404] },
    async ({ id, body, principal, ip }) => updateProject(id, body, actorOf(principal, ip)),
  ),
  // 409 while apps, Helm apps or grants use it.
  DELETE: route(
    { path, tag, summary: "Delete", access: "superAdmin", response: null, errors: [400, 403, 404, 409] },
    async ({ id, principal, ip }) => deleteProject(id, actorOf(principal, ip)),
  ),
});
