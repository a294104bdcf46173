import { createAppInput, listAppsQuery } from "@/lib/schemas/catalog";
import { createApp, listApps } from "@/server/catalog/apps";
import { methods } from "@/server/http/methods";
import { parseBody, parseQuery } from "@/server/http/parse";
import { json } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/apps — the Devtron apps the caller may read; filter by project, search, sort, page. */
  GET: route("principal", async ({ req, principal }) => listApps(principal, parseQuery(req, listAppsQuery))),
  /** POST /api/v1/apps — needs admin or manager on the whole project. */
  POST: route("principal", async ({ req, principal, ip }) =>
    json(await createApp(principal, await parseBody(req, createAppInput), ip), { status: 201 }),
  ),
});
