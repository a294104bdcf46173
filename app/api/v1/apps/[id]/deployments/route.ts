import { createDeploymentInput, listDeploymentsQuery } from "@/lib/schemas/catalog";
import { listDeployments, triggerDeployment } from "@/server/catalog/apps";
import { methods } from "@/server/http/methods";
import { parseBody, parseId, parseQuery } from "@/server/http/parse";
import { json } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/apps/{id}/deployments — newest first. */
  GET: route("principal", async ({ req, params, principal }) =>
    listDeployments(principal, parseId(params.id), parseQuery(req, listDeploymentsQuery)),
  ),
  /** POST /api/v1/apps/{id}/deployments — needs trigger (or stronger) on the app and the environment. */
  POST: route("principal", async ({ req, params, principal, ip }) => {
    const id = parseId(params.id);
    return json(await triggerDeployment(principal, id, await parseBody(req, createDeploymentInput), ip), { status: 201 });
  }),
});
