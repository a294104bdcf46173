import { createTokenInput, listTokensQuery } from "@/lib/schemas/token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { parseBody, parseQuery } from "@/server/http/parse";
import { json, NO_STORE } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { createToken, listTokens } from "@/server/tokens/tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/tokens — super admins; q, status, sort, paging. */
  GET: route("superAdmin", async ({ req }) => listTokens(parseQuery(req, listTokensQuery))),
  /** POST /api/v1/tokens — super admins; answers the secret once. */
  POST: route("superAdmin", async ({ req, principal, ip }) => {
    const created = await createToken(await parseBody(req, createTokenInput), actorOf(principal, ip));
    return json(created, { status: 201, headers: NO_STORE });
  }),
});
