import { createDeploymentInput, deploymentResponse, listDeploymentsQuery } from "@/lib/schemas/catalog";
import { pageResponse } from "@/lib/schemas/common";
import { listDeployments, triggerDeployment } from "@/server/catalog/apps";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/apps/{id}/deployments";
const tag = "Apps";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path,
      tag,
      summary: "List an app's deployments, newest first",
      access: "principal",
      query: listDeploymentsQuery,
      response: pageResponse(deploymentResponse),
      errors: [400, 404],
    },
    async ({ id, query, principal }) => listDeployments(principal, id, query),
  ),
  POST: route(
    {
      path,
      tag,
      summary: "Deploy an app to an environment (trigger role)",
      access: "principal",
      body: createDeploymentInput,
      response: deploymentResponse,
      status: 201,
      errors: [400, 403, 404],
    },
    async ({ id, body, principal, ip }) => triggerDeployment(principal, id, body, ip),
  ),
});
