import { environmentResponse, updateEnvironmentInput } from "@/lib/schemas/catalog";
import { actorOf } from "@/server/auth/principal";
import { deleteEnvironment, getEnvironmentOrThrow, updateEnvironment } from "@/server/catalog/environments";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/environments/{id}";
const tag = "Environments";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ path, tag, summary: "Read one", access: "principal", response: environmentResponse, errors: [400, 404] }, async ({ id }) =>
    getEnvironmentOrThrow(id),
  ),
  // The name cannot change (the schema refuses one with a 400).
  PATCH: route(
    {
      path,
      tag,
      summary: "Update",
      access: "superAdmin",
      body: updateEnvironmentInput,
      response: environmentResponse,
      errors: [400, 403, 404],
    },
    async ({ id, body: { name: _name, ...input }, principal, ip }) => updateEnvironment(id, input, actorOf(principal, ip)),
  ),
  // 409 while deployments, Helm apps or grants use it.
  DELETE: route(
    { path, tag, summary: "Delete", access: "superAdmin", response: null, errors: [400, 403, 404, 409] },
    async ({ id, principal, ip }) => deleteEnvironment(id, actorOf(principal, ip)),
  ),
});
