import { devtronUpdateTokenInput } from "@/lib/schemas/devtron-token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { envelope, orchestratorRoute } from "@/server/http/orchestrator";
import { parseBody, parseId } from "@/server/http/parse";
import { NO_STORE } from "@/server/http/respond";
import { requireSuperAdmin } from "@/server/http/route";
import { updateDevtronToken } from "@/server/tokens/devtron";
import { deleteToken } from "@/server/tokens/tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** PUT /orchestrator/api-token/{id} — { description, expireAtInMs }; a new secret only when the expiry changes. */
  PUT: orchestratorRoute(async ({ req, receivedAt, params, principal, ip }) => {
    requireSuperAdmin(principal, "API tokens");
    const id = parseId(params.id);
    const res = envelope(await updateDevtronToken(id, await parseBody(req, devtronUpdateTokenInput), actorOf(principal, ip), receivedAt));
    res.headers.set("cache-control", NO_STORE["cache-control"]);
    return res;
  }),
  /** DELETE /orchestrator/api-token/{id} */
  DELETE: orchestratorRoute(async ({ params, principal, ip }) => {
    requireSuperAdmin(principal, "API tokens");
    await deleteToken(parseId(params.id), actorOf(principal, ip));
    return { success: true };
  }),
});
