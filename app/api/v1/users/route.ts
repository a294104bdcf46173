import { createUserInput, listUsersQuery } from "@/lib/schemas/user";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { parseBody, parseQuery } from "@/server/http/parse";
import { json } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { createUser, listUsers } from "@/server/users/users";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/users — super admins: users, paged, searchable by email or name. */
  GET: route("superAdmin", async ({ req }) => listUsers(parseQuery(req, listUsersQuery))),
  /** POST /api/v1/users — super admins: create a user. */
  POST: route("superAdmin", async ({ req, principal, ip }) => {
    const input = await parseBody(req, createUserInput);
    return json(await createUser(input, actorOf(principal, ip)), { status: 201 });
  }),
});
