import { sessionsEndedResponse } from "@/lib/schemas/session";
import { actorOf } from "@/server/auth/principal";
import { signOutEverywhere } from "@/server/auth/sessions";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  DELETE: route(
    {
      path: "/api/v1/users/{id}/sessions",
      tag: "Users",
      summary: "Sign a user out everywhere: end all of their dashboard sessions",
      access: "superAdmin",
      response: sessionsEndedResponse,
      errors: [400, 404],
    },
    async ({ id, principal, ip }) => signOutEverywhere(id, actorOf(principal, ip)),
  ),
});
