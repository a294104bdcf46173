import { ApiError } from "@/lib/errors";
import { sessionsEndedResponse } from "@/lib/schemas/session";
import { actorOf } from "@/server/auth/principal";
import { signOutEverywhere } from "@/server/auth/sessions";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  DELETE: route(
    {
      path: "/api/v1/me/sessions",
      tag: "Me",
      summary: "Sign out everywhere: end every dashboard session of the signed-in user, this one included (not for tokens: 403)",
      access: "principal",
      response: sessionsEndedResponse,
      errors: [403],
    },
    async ({ principal, ip }) => {
      if (principal.type !== "user") {
        throw new ApiError("forbidden", "API tokens have no sessions. To end a user's sessions, use DELETE /api/v1/users/{id}/sessions.");
      }
      return signOutEverywhere(principal.id, actorOf(principal, ip));
    },
  ),
});
