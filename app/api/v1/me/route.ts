import { meResponse } from "@/lib/schemas/me";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    { path: "/api/v1/me", tag: "Me", summary: "Who the caller is", access: "principal", response: meResponse },
    async ({ principal }) => ({
      type: principal.type,
      id: principal.id,
      name: principal.name,
      permissions: principal.permissions,
    }),
  ),
});
