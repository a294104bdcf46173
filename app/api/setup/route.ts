import { setupInput, userResponse } from "@/lib/schemas/user";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { admitSetupAttempt, completeSetup } from "@/server/setup/setup";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    {
      path: "/api/setup",
      tag: "Setup",
      summary: "Create the first super admin; refused (403) once any user exists, 429 past the per-address attempt limit",
      access: "public",
      // Counted before the body is read or any password hashed.
      admit: ({ ip }) => admitSetupAttempt(ip),
      body: setupInput,
      response: userResponse,
      status: 201,
      errors: [400, 403, 429],
    },
    async ({ body, ip }) => completeSetup(body, ip),
  ),
});
