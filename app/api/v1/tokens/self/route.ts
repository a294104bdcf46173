import { ApiError } from "@/lib/errors";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { deleteToken } from "@/server/tokens/tokens";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  DELETE: route(
    {
      path: "/api/v1/tokens/self",
      tag: "Tokens",
      summary: "Delete the token that authenticates this request (it stops working at once)",
      access: "principal",
      response: null,
      errors: [403],
    },
    async ({ principal, ip }) => {
      if (principal.type !== "token")
        throw new ApiError(
          "forbidden",
          "This endpoint deletes the API token a request is authenticated with, and this request carries a session, not a token. Send the token as Authorization: Bearer, or delete a token by its id.",
        );
      await deleteToken(principal.id, actorOf(principal, ip), { self: true });
    },
  ),
});
