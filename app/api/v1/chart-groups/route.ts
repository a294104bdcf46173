import { chartGroupResponse, createChartGroupInput, listChartGroupsQuery } from "@/lib/schemas/catalog";
import { pageResponse } from "@/lib/schemas/common";
import { createChartGroup, listChartGroups } from "@/server/catalog/chart-groups";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/chart-groups";
const tag = "Chart groups";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  // Empty unless the caller holds a chart-group grant.
  GET: route(
    {
      path,
      tag,
      summary: "List chart groups",
      access: "principal",
      query: listChartGroupsQuery,
      response: pageResponse(chartGroupResponse),
      errors: [400],
    },
    async ({ query, principal }) => listChartGroups(principal, query),
  ),
  // Needs chart-group admin for all groups.
  POST: route(
    {
      path,
      tag,
      summary: "Create",
      access: "principal",
      body: createChartGroupInput,
      response: chartGroupResponse,
      status: 201,
      errors: [400, 403, 409],
    },
    async ({ body, principal, ip }) => createChartGroup(principal, body, ip),
  ),
});
