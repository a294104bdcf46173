import { updateTokenInput } from "@/lib/schemas/token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { parseBody, parseId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { deleteToken, getTokenOrThrow, updateToken } from "@/server/tokens/tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/tokens/{id} */
  GET: route("superAdmin", async ({ params }) => getTokenOrThrow(parseId(params.id))),
  /** PATCH /api/v1/tokens/{id} — description and permissions; the name is read-only. */
  PATCH: route("superAdmin", async ({ req, params, principal, ip }) => {
    const id = parseId(params.id);
    return updateToken(id, await parseBody(req, updateTokenInput), actorOf(principal, ip));
  }),
  /** DELETE /api/v1/tokens/{id} — the token stops working at once. */
  DELETE: route("superAdmin", async ({ params, principal, ip }) => {
    await deleteToken(parseId(params.id), actorOf(principal, ip));
    return noContent();
  }),
});
