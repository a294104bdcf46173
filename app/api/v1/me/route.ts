import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/me — who the caller is: a user (session) or a token. */
  GET: route("principal", async ({ principal }) => ({
    type: principal.type,
    id: principal.id,
    name: principal.name,
    permissions: principal.permissions,
  })),
});
