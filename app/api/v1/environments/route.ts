import { createEnvironmentInput, environmentResponse, listEnvironmentsQuery } from "@/lib/schemas/catalog";
import { pageResponse } from "@/lib/schemas/common";
import { actorOf } from "@/server/auth/principal";
import { createEnvironment, listEnvironments } from "@/server/catalog/environments";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/environments";
const tag = "Environments";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  // Any signed-in principal reads environments; only super admins change them.
  GET: route(
    {
      path,
      tag,
      summary: "List environments",
      access: "principal",
      query: listEnvironmentsQuery,
      response: pageResponse(environmentResponse),
      errors: [400],
    },
    async ({ query }) => listEnvironments(query),
  ),
  POST: route(
    {
      path,
      tag,
      summary: "Create",
      access: "superAdmin",
      body: createEnvironmentInput,
      response: environmentResponse,
      status: 201,
      errors: [400, 403, 409],
    },
    async ({ body, principal, ip }) => createEnvironment(body, actorOf(principal, ip)),
  ),
});
