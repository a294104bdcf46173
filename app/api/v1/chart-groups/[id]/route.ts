import { chartGroupResponse, updateChartGroupInput } from "@/lib/schemas/catalog";
import { deleteChartGroup, getChartGroupOrThrow, updateChartGroup } from "@/server/catalog/chart-groups";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/chart-groups/{id}";
const tag = "Chart groups";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    { path, tag, summary: "Read one", access: "principal", response: chartGroupResponse, errors: [400, 404] },
    async ({ id, principal }) => getChartGroupOrThrow(principal, id),
  ),
  // Needs update on that group, or admin.
  PATCH: route(
    {
      path,
      tag,
      summary: "Update",
      access: "principal",
      body: updateChartGroupInput,
      response: chartGroupResponse,
      errors: [400, 403, 404],
    },
    async ({ id, body, principal, ip }) => updateChartGroup(principal, id, body, ip),
  ),
  // Needs chart-group admin on it.
  DELETE: route(
    { path, tag, summary: "Delete", access: "principal", response: null, errors: [400, 403, 404, 409] },
    async ({ id, principal, ip }) => deleteChartGroup(principal, id, ip),
  ),
});
