import { appResponse, createAppInput, listAppsQuery } from "@/lib/schemas/catalog";
import { pageResponse } from "@/lib/schemas/common";
import { createApp, listApps } from "@/server/catalog/apps";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/apps";
const tag = "Apps";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  // The Devtron apps the caller may read; filter by project, search, sort, page.
  GET: route(
    { path, tag, summary: "List apps", access: "principal", query: listAppsQuery, response: pageResponse(appResponse), errors: [400] },
    async ({ query, principal }) => listApps(principal, query),
  ),
  // Needs admin or manager on the whole project.
  POST: route(
    {
      path,
      tag,
      summary: "Create",
      access: "principal",
      body: createAppInput,
      response: appResponse,
      status: 201,
      errors: [400, 403, 409],
    },
    async ({ body, principal, ip }) => createApp(principal, body, ip),
  ),
});
