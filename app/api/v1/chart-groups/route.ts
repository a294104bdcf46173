import { createChartGroupInput, listChartGroupsQuery } from "@/lib/schemas/catalog";
import { createChartGroup, listChartGroups } from "@/server/catalog/chart-groups";
import { methods } from "@/server/http/methods";
import { parseBody, parseQuery } from "@/server/http/parse";
import { json } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/chart-groups — empty unless the caller holds a chart-group grant. */
  GET: route("principal", async ({ req, principal }) => listChartGroups(principal, parseQuery(req, listChartGroupsQuery))),
  /** POST /api/v1/chart-groups — needs chart-group admin for all groups. */
  POST: route("principal", async ({ req, principal, ip }) =>
    json(await createChartGroup(principal, await parseBody(req, createChartGroupInput), ip), { status: 201 }),
  ),
});
