import { createEnvironmentInput, listEnvironmentsQuery } from "@/lib/schemas/catalog";
import { actorOf } from "@/server/auth/principal";
import { createEnvironment, listEnvironments } from "@/server/catalog/environments";
import { methods } from "@/server/http/methods";
import { parseBody, parseQuery } from "@/server/http/parse";
import { json } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/environments — any signed-in principal. */
  GET: route("principal", async ({ req }) => listEnvironments(parseQuery(req, listEnvironmentsQuery))),
  /** POST /api/v1/environments — super admins. */
  POST: route("superAdmin", async ({ req, principal, ip }) => {
    return json(await createEnvironment(await parseBody(req, createEnvironmentInput), actorOf(principal, ip)), { status: 201 });
  }),
});
