import { tokenResponse, updateTokenInput } from "@/lib/schemas/token";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { deleteToken, getTokenOrThrow, updateToken } from "@/server/tokens/tokens";

const path = "/api/v1/tokens/{id}";
const tag = "Tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ path, tag, summary: "Read a token", access: "superAdmin", response: tokenResponse, errors: [400, 404] }, async ({ id }) =>
    getTokenOrThrow(id),
  ),
  PATCH: route(
    {
      path,
      tag,
      summary: "Edit description, permissions and IP allowlist; disable or enable",
      access: "superAdmin",
      body: updateTokenInput,
      response: tokenResponse,
      errors: [400, 404],
    },
    async ({ id, body, principal, ip, receivedAt }) => updateToken(id, body, actorOf(principal, ip), receivedAt),
  ),
  DELETE: route(
    { path, tag, summary: "Delete a token (it stops working at once)", access: "superAdmin", response: null, errors: [400, 404] },
    async ({ id, principal, ip }) => deleteToken(id, actorOf(principal, ip)),
  ),
});
