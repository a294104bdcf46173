import { regenerateTokenInput } from "@/lib/schemas/token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { parseBody, parseId } from "@/server/http/parse";
import { json, NO_STORE } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { regenerateToken } from "@/server/tokens/tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** POST /api/v1/tokens/{id}/regenerate — a new secret and expiry; the old secret stops now or after graceSeconds. */
  POST: route("superAdmin", async ({ req, receivedAt, params, principal, ip }) => {
    const id = parseId(params.id);
    const body = await parseBody(req, regenerateTokenInput);
    return json(await regenerateToken(id, body, actorOf(principal, ip), receivedAt), { headers: NO_STORE });
  }),
});
