import { updateUserInput } from "@/lib/schemas/user";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { parseBody, parseId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { deleteUser, getUserOrThrow, updateUser } from "@/server/users/users";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/users/{id} */
  GET: route("superAdmin", async ({ params }) => getUserOrThrow(parseId(params.id))),
  /** PATCH /api/v1/users/{id} — name, password (reset), superAdmin, disabled. */
  PATCH: route("superAdmin", async ({ req, params, principal, ip }) => {
    const id = parseId(params.id);
    return updateUser(id, await parseBody(req, updateUserInput), actorOf(principal, ip));
  }),
  /** DELETE /api/v1/users/{id} */
  DELETE: route("superAdmin", async ({ params, principal, ip }) => {
    await deleteUser(parseId(params.id), actorOf(principal, ip));
    return noContent();
  }),
});
