import { ApiError } from "@/lib/errors";
import { calendarFeedResponse } from "@/lib/schemas/notifications";
import { actorOf, type Principal } from "@/server/auth/principal";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";
import { revokeCalendarFeed, rotateCalendarFeed } from "@/server/notifications/calendar";

const path = "/api/v1/me/calendar-feed";
const tag = "Me";
const manages = "a calendar feed of token expiries";

export const dynamic = "force-dynamic";

/** The feed belongs to a person; a token has none. */
function userIdOf(principal: Principal): number {
  if (principal.type !== "user") throw new ApiError("forbidden", "API tokens have no calendar feed. Sign in to the dashboard to get one.");
  return principal.id;
}

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    {
      path,
      tag,
      summary: "A new subscribe URL for your calendar feed of token expiries (in this answer only); the previous URL stops working",
      access: "superAdmin",
      manages,
      response: calendarFeedResponse,
      noStore: true,
    },
    async ({ principal, ip }) => {
      const { url } = await rotateCalendarFeed(userIdOf(principal), actorOf(principal, ip));
      return { url };
    },
  ),
  DELETE: route(
    { path, tag, summary: "Revoke your calendar feed: its URL answers 404 from now on", access: "superAdmin", manages, response: null },
    async ({ principal, ip }) => revokeCalendarFeed(userIdOf(principal), actorOf(principal, ip)),
  ),
});
