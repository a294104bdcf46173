import { idlePreviewQuery, idlePreviewResponse } from "@/lib/schemas/settings";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { previewIdleTokens } from "@/server/tokens/idle";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path: "/api/v1/settings/idle-preview",
      tag: "Settings",
      summary: "Which tokens the idle policy would disable now, with idleDisableDays",
      access: "superAdmin",
      manages: "settings",
      query: idlePreviewQuery,
      response: idlePreviewResponse,
      errors: [400],
    },
    async ({ query, receivedAt }) => previewIdleTokens(query.idleDisableDays, receivedAt),
  ),
});
