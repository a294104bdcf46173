import { pageResponse } from "@/lib/schemas/common";
import { createUserInput, listUsersQuery, userResponse } from "@/lib/schemas/user";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { createUser, listUsers } from "@/server/users/users";

const path = "/api/v1/users";
const tag = "Users";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  // Paged, searchable by email or name.
  GET: route(
    { path, tag, summary: "List users", access: "superAdmin", query: listUsersQuery, response: pageResponse(userResponse), errors: [400] },
    async ({ query }) => listUsers(query),
  ),
  POST: route(
    {
      path,
      tag,
      summary: "Create a user",
      access: "superAdmin",
      body: createUserInput,
      response: userResponse,
      status: 201,
      errors: [400, 409],
    },
    async ({ body, principal, ip }) => createUser(body, actorOf(principal, ip)),
  ),
});
