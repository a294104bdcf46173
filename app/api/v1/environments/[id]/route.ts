import { updateEnvironmentInput } from "@/lib/schemas/catalog";
import { actorOf } from "@/server/auth/principal";
import { deleteEnvironment, getEnvironmentOrThrow, updateEnvironment } from "@/server/catalog/environments";
import { methods } from "@/server/http/methods";
import { parseBody, parseId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/environments/{id} */
  GET: route("principal", async ({ params }) => getEnvironmentOrThrow(parseId(params.id))),
  /** PATCH /api/v1/environments/{id} — super admins; the name cannot change. */
  PATCH: route("superAdmin", async ({ req, params, principal, ip }) => {
    const id = parseId(params.id);
    const { name: _name, ...input } = await parseBody(req, updateEnvironmentInput);
    return updateEnvironment(id, input, actorOf(principal, ip));
  }),
  /** DELETE /api/v1/environments/{id} — super admins; 409 while deployments, Helm apps or grants use it. */
  DELETE: route("superAdmin", async ({ params, principal, ip }) => {
    await deleteEnvironment(parseId(params.id), actorOf(principal, ip));
    return noContent();
  }),
});
