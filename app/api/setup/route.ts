import { setupInput } from "@/lib/schemas/user";
import { methods } from "@/server/http/methods";
import { parseBody } from "@/server/http/parse";
import { json } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { admitSetupAttempt, completeSetup } from "@/server/setup/setup";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** POST /api/setup — creates the first super admin; refused (403) once any user exists, 429 past the per-IP attempt limit. */
  POST: route("public", async ({ req, ip }) => {
    await admitSetupAttempt(ip);
    const input = await parseBody(req, setupInput);
    return json(await completeSetup(input, ip), { status: 201 });
  }),
});
