import { updateChartGroupInput } from "@/lib/schemas/catalog";
import { deleteChartGroup, getChartGroupOrThrow, updateChartGroup } from "@/server/catalog/chart-groups";
import { methods } from "@/server/http/methods";
import { parseBody, parseId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/chart-groups/{id} */
  GET: route("principal", async ({ params, principal }) => getChartGroupOrThrow(principal, parseId(params.id))),
  /** PATCH /api/v1/chart-groups/{id} — needs update on that group, or admin. */
  PATCH: route("principal", async ({ req, params, principal, ip }) => {
    const id = parseId(params.id);
    return updateChartGroup(principal, id, await parseBody(req, updateChartGroupInput), ip);
  }),
  /** DELETE /api/v1/chart-groups/{id} — needs chart-group admin on it. */
  DELETE: route("principal", async ({ params, principal, ip }) => {
    await deleteChartGroup(principal, parseId(params.id), ip);
    return noContent();
  }),
});
