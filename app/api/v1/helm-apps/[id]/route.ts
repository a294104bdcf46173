import { updateHelmAppInput } from "@/lib/schemas/catalog";
import { deleteHelmApp, getHelmAppOrThrow, updateHelmApp } from "@/server/catalog/helm-apps";
import { methods } from "@/server/http/methods";
import { parseBody, parseId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/helm-apps/{id} */
  GET: route("principal", async ({ params, principal }) => getHelmAppOrThrow(principal, parseId(params.id))),
  /** PATCH /api/v1/helm-apps/{id} — values, chart, version; needs edit or stronger. */
  PATCH: route("principal", async ({ req, params, principal, ip }) => {
    const id = parseId(params.id);
    return updateHelmApp(principal, id, await parseBody(req, updateHelmAppInput), ip);
  }),
  /** DELETE /api/v1/helm-apps/{id} — needs admin. */
  DELETE: route("principal", async ({ params, principal, ip }) => {
    await deleteHelmApp(principal, parseId(params.id), ip);
    return noContent();
  }),
});
