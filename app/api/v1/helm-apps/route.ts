import { createHelmAppInput, listHelmAppsQuery } from "@/lib/schemas/catalog";
import { installHelmApp, listHelmApps } from "@/server/catalog/helm-apps";
import { methods } from "@/server/http/methods";
import { parseBody, parseQuery } from "@/server/http/parse";
import { json } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/helm-apps — the Helm apps the caller may read. */
  GET: route("principal", async ({ req, principal }) => listHelmApps(principal, parseQuery(req, listHelmAppsQuery))),
  /** POST /api/v1/helm-apps — install; needs admin on the project and environment for all apps. */
  POST: route("principal", async ({ req, principal, ip }) =>
    json(await installHelmApp(principal, await parseBody(req, createHelmAppInput), ip), { status: 201 }),
  ),
});
