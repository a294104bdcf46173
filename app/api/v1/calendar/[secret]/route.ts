import { calendarFeedBody, calendarFeedParams } from "@/lib/schemas/notifications";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { readCalendarFeed } from "@/server/notifications/calendar";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path: "/api/v1/calendar/{secret}",
      tag: "Notifications",
      summary:
        "A super admin's iCalendar feed of token expiries (the secret in the address is the credential); 404 for an address that is wrong or revoked, 429 after many",
      access: "public",
      // Calendar apps send no credentials; whatever else comes along is not looked at.
      authenticate: false,
      params: calendarFeedParams,
      response: calendarFeedBody,
      contentType: "text/calendar",
      errors: [404, 429],
      noStore: true,
    },
    async ({ params, ip }) => readCalendarFeed(params.secret, ip),
  ),
});
