import { helmAppResponse, updateHelmAppInput } from "@/lib/schemas/catalog";
import { deleteHelmApp, getHelmAppOrThrow, updateHelmApp } from "@/server/catalog/helm-apps";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/helm-apps/{id}";
const tag = "Helm apps";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    { path, tag, summary: "Read one", access: "principal", response: helmAppResponse, errors: [400, 404] },
    async ({ id, principal }) => getHelmAppOrThrow(principal, id),
  ),
  // Values, chart, version; needs edit or stronger.
  PATCH: route(
    { path, tag, summary: "Update", access: "principal", body: updateHelmAppInput, response: helmAppResponse, errors: [400, 403, 404] },
    async ({ id, body, principal, ip }) => updateHelmApp(principal, id, body, ip),
  ),
  // Needs admin.
  DELETE: route(
    { path, tag, summary: "Delete", access: "principal", response: null, errors: [400, 403, 404, 409] },
    async ({ id, principal, ip }) => deleteHelmApp(principal, id, ip),
  ),
});
