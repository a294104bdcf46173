import { updateChartGroupInput } from "@/lib/schemas/catalog";
import { deleteChartGroup, getChartGroup, updateChartGroup } from "@/server/catalog/chart-groups";
import { parseBody, parseId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/chart-groups/{id} */
export const GET = route("principal", async ({ params, principal }) => getChartGroup(principal, parseId(params.id)));

/** PATCH /api/v1/chart-groups/{id} — needs update on that group, or admin. */
export const PATCH = route("principal", async ({ req, params, principal, ip }) => {
  const id = parseId(params.id);
  return updateChartGroup(principal, id, await parseBody(req, updateChartGroupInput), ip);
});

/** DELETE /api/v1/chart-groups/{id} — needs chart-group admin on it. */
export const DELETE = route("principal", async ({ params, principal, ip }) => {
  await deleteChartGroup(principal, parseId(params.id), ip);
  return noContent();
});
