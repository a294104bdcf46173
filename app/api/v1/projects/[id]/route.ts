import { updateProjectInput } from "@/lib/schemas/catalog";
import { actorOf } from "@/server/auth/principal";
import { deleteProject, getProjectOrThrow, updateProject } from "@/server/catalog/projects";
import { methods } from "@/server/http/methods";
import { parseBody, parseId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/projects/{id} */
  GET: route("principal", async ({ params }) => getProjectOrThrow(parseId(params.id))),
  /** PATCH /api/v1/projects/{id} — super admins; the name cannot change. */
  PATCH: route("superAdmin", async ({ req, params, principal, ip }) => {
    const id = parseId(params.id);
    return updateProject(id, await parseBody(req, updateProjectInput), actorOf(principal, ip));
  }),
  /** DELETE /api/v1/projects/{id} — super admins; 409 while apps, Helm apps or grants use it. */
  DELETE: route("superAdmin", async ({ params, principal, ip }) => {
    await deleteProject(parseId(params.id), actorOf(principal, ip));
    return noContent();
  }),
});
