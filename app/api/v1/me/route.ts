import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/me — who the caller is: a user (session) or a token. */
export const GET = route("principal", async ({ principal }) => ({
  type: principal.type,
  id: principal.id,
  name: principal.name,
  permissions: principal.permissions,
}));
