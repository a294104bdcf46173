import { appResponse, updateAppInput } from "@/lib/schemas/catalog";
import { deleteApp, getAppOrThrow, updateApp } from "@/server/catalog/apps";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/apps/{id}";
const tag = "Apps";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  // 404 when the caller may not read it.
  GET: route(
    { path, tag, summary: "Read one", access: "principal", response: appResponse, errors: [400, 404] },
    async ({ id, principal }) => getAppOrThrow(principal, id),
  ),
  // Description and labels; needs admin or manager on the app (as does delete).
  PATCH: route(
    { path, tag, summary: "Update", access: "principal", body: updateAppInput, response: appResponse, errors: [400, 403, 404] },
    async ({ id, body, principal, ip }) => updateApp(principal, id, body, ip),
  ),
  DELETE: route(
    { path, tag, summary: "Delete", access: "principal", response: null, errors: [400, 403, 404, 409] },
    async ({ id, principal, ip }) => deleteApp(principal, id, ip),
  ),
});
