import { settingsResponse, updateSettingsInput } from "@/lib/schemas/settings";
import { actorOf } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { getSettings, updateSettings } from "@/server/settings/settings";

const path = "/api/v1/settings";
const tag = "Settings";
const manages = "settings";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ path, tag, summary: "Read the instance's settings", access: "superAdmin", manages, response: settingsResponse }, async () =>
    getSettings(),
  ),
  PATCH: route(
    {
      path,
      tag,
      summary: "Change token lifetime and idle policies, and expiry reminders",
      access: "superAdmin",
      manages,
      body: updateSettingsInput,
      response: settingsResponse,
      errors: [400],
    },
    async ({ body, principal, ip }) => updateSettings(body, actorOf(principal, ip)),
  ),
});
