import { updateUserInput, userResponse } from "@/lib/schemas/user";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { deleteUser, getUserOrThrow, updateUser } from "@/server/users/users";

const path = "/api/v1/users/{id}";
const tag = "Users";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ path, tag, summary: "Read a user", access: "superAdmin", response: userResponse, errors: [400, 404] }, async ({ id }) =>
    getUserOrThrow(id),
  ),
  PATCH: route(
    {
      path,
      tag,
      summary: "Update, disable, reset password, set permissions",
      access: "superAdmin",
      body: updateUserInput,
      response: userResponse,
      errors: [400, 404, 409],
    },
    async ({ id, body, principal, ip }) => updateUser(id, body, actorOf(principal, ip)),
  ),
  DELETE: route(
    { path, tag, summary: "Delete a user", access: "superAdmin", response: null, errors: [400, 404, 409] },
    async ({ id, principal, ip }) => deleteUser(id, actorOf(principal, ip)),
  ),
});
