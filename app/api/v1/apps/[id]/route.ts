import { updateAppInput } from "@/lib/schemas/catalog";
import { deleteApp, getAppOrThrow, updateApp } from "@/server/catalog/apps";
import { methods } from "@/server/http/methods";
import { parseBody, parseId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/apps/{id} — 404 when the caller may not read it. */
  GET: route("principal", async ({ params, principal }) => getAppOrThrow(principal, parseId(params.id))),
  /** PATCH /api/v1/apps/{id} — description and labels; needs admin or manager on the app. */
  PATCH: route("principal", async ({ req, params, principal, ip }) => {
    const id = parseId(params.id);
    return updateApp(principal, id, await parseBody(req, updateAppInput), ip);
  }),
  /** DELETE /api/v1/apps/{id} — needs admin or manager on the app. */
  DELETE: route("principal", async ({ params, principal, ip }) => {
    await deleteApp(principal, parseId(params.id), ip);
    return noContent();
  }),
});
