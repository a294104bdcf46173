import { dueWorkResponse } from "@/lib/schemas/notifications";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { runCronWork } from "@/server/notifications/cron";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path: "/api/cron/notifications",
      tag: "Notifications",
      summary:
        "For Vercel Cron (vercel.json): one bounded round of reminders, webhook deliveries and email, with Authorization: Bearer <CRON_SECRET>",
      access: "public",
      // The bearer here is CRON_SECRET, not an API token: it must not be checked (and counted) as one.
      authenticate: false,
      response: dueWorkResponse,
      errors: [401],
      noStore: true,
    },
    async ({ req }) => runCronWork(req.headers.get("authorization")),
  ),
});
