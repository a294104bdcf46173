import { actorOf } from "@/server/auth/principal";
import { signOutEverywhere } from "@/server/auth/sessions";
import { methods } from "@/server/http/methods";
import { parseId } from "@/server/http/parse";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** DELETE /api/v1/users/{id}/sessions — signs a user out everywhere: every session of theirs ends at once. */
  DELETE: route("superAdmin", async ({ params, principal, ip }) => signOutEverywhere(parseId(params.id), actorOf(principal, ip))),
});
