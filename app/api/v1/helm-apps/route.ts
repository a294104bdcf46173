import { createHelmAppInput, helmAppResponse, listHelmAppsQuery } from "@/lib/schemas/catalog";
import { pageResponse } from "@/lib/schemas/common";
import { installHelmApp, listHelmApps } from "@/server/catalog/helm-apps";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/helm-apps";
const tag = "Helm apps";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  // The Helm apps the caller may read.
  GET: route(
    {
      path,
      tag,
      summary: "List helm apps",
      access: "principal",
      query: listHelmAppsQuery,
      response: pageResponse(helmAppResponse),
      errors: [400],
    },
    async ({ query, principal }) => listHelmApps(principal, query),
  ),
  // Install; needs admin on the project and environment for all apps.
  POST: route(
    {
      path,
      tag,
      summary: "Create",
      access: "principal",
      body: createHelmAppInput,
      response: helmAppResponse,
      status: 201,
      errors: [400, 403, 409],
    },
    async ({ body, principal, ip }) => installHelmApp(principal, body, ip),
  ),
});
