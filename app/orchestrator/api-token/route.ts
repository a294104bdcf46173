import { devtronCreateTokenInput } from "@/lib/schemas/devtron-token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { envelope, orchestratorRoute } from "@/server/http/orchestrator";
import { parseBody } from "@/server/http/parse";
import { NO_STORE } from "@/server/http/respond";
import { requireSuperAdmin } from "@/server/http/route";
import { createDevtronToken, listDevtronTokens } from "@/server/tokens/devtron";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /orchestrator/api-token — every live token, never a secret. */
  GET: orchestratorRoute(async ({ principal }) => {
    requireSuperAdmin(principal, "API tokens");
    return listDevtronTokens();
  }),
  /** POST /orchestrator/api-token — { name, description, expireAtInMs }; the token has no roles yet. */
  POST: orchestratorRoute(async ({ req, principal, ip }) => {
    requireSuperAdmin(principal, "API tokens");
    const input = await parseBody(req, devtronCreateTokenInput);
    const res = envelope(await createDevtronToken(input, actorOf(principal, ip)));
    res.headers.set("cache-control", NO_STORE["cache-control"]);
    return res;
  }),
});
