import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/principal";
import type { Db } from "@/server/db";
import { calendarFeedUrl, renderCalendarFeed, revokeCalendarFeed, rotateCalendarFeed } from "@/server/notifications/calendar";
import { updateSettings } from "@/server/settings/settings";
import { createToken, deleteToken } from "@/server/tokens/tokens";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";

// The expiry feed, read back with ical.js (Mozilla's iCalendar parser, as in Thunderbird).

let db: Db;
let admin: Actor;
let adminId: number;

beforeAll(async () => {
  db = await useFreshDatabase();
  const user = await makeUser(db, { superAdmin: true });
  adminId = user.id;
  admin = { type: "user", id: user.id, name: user.email, ip: null };
});

const toSecond = (iso: string | null) => Math.floor(Date.parse(iso as string) / 1000) * 1000;

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((event) => ({
    uid: String(event.getFirstPropertyValue("uid")),
    summary: String(event.getFirstPropertyValue("summary")),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().getTime(),
    url: String(event.getFirstPropertyValue("url")),
    description: String(event.getFirstPropertyValue("description")),
    alarms: event
      .getAllSubcomponents("valarm")
      .map((alarm) => (alarm.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds() / 86_400),
  }));
}

describe("the calendar feed of token expiries", () => {
  it("has one event per live token with an expiry, an alarm per reminder, and parses as iCalendar", async () => {
    const make = (name: string, expiresAt: string | null) =>
      createToken({ name, description: "a, b; c\\d", permissions: { superAdmin: true }, expiresAt }, admin);
    const soon = await make("cal-soon", new Date(Date.now() + 3 * 86_400_000).toISOString());
    const later = await make("cal-later", new Date(Date.now() + 90 * 86_400_000).toISOString());
    await make("cal-never", null);
    const gone = await make("cal-gone", new Date(Date.now() + 5 * 86_400_000).toISOString());
    await deleteToken(gone.token.id, admin);

    const { url, secret } = await rotateCalendarFeed(adminId, admin);
    expect(url).toBe(calendarFeedUrl(secret));
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/v1\/calendar\/tcal_[A-Za-z0-9_-]{43}\.ics$/);
    const user = await db.user.findUniqueOrThrow({ where: { id: adminId } });
    expect(user.calendarFeedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(user.calendarFeedHash).not.toContain(secret);

    const text = (await renderCalendarFeed(secret)) as string;
    expect(text.split("\r\n")[0]).toBe("BEGIN:VCALENDAR");
    const events = parse(text);
    expect(events.map((e) => e.summary)).toEqual(['API token "cal-soon" expires', 'API token "cal-later" expires']);
    expect(events[0]).toMatchObject({
      uid: `token-${soon.token.id}@localhost:3000`,
      start: toSecond(soon.token.expiresAt),
      description: `a, b; c\\d\n\nRegenerate it: http://localhost:3000/tokens/${soon.token.id}`,
      url: `http://localhost:3000/tokens/${soon.token.id}`,
      alarms: [-30, -7, -1],
    });
    expect(events[1]!.start).toBe(toSecond(later.token.expiresAt));

    await updateSettings({ reminderDays: [14] }, admin);
    expect(parse((await renderCalendarFeed(secret)) as string)[0]!.alarms).toEqual([-14]);
  });

  it("answers only the current secret of an enabled super admin", async () => {
    const first = await rotateCalendarFeed(adminId, admin);
    const second = await rotateCalendarFeed(adminId, admin);
    expect(await renderCalendarFeed(first.secret)).toBeNull();
    expect(await renderCalendarFeed(second.secret)).toContain("BEGIN:VEVENT");
    expect(await renderCalendarFeed("tcal_not-a-real-secret")).toBeNull();

    await db.user.update({ where: { id: adminId }, data: { superAdmin: false } });
    expect(await renderCalendarFeed(second.secret)).toBeNull();
    await expect(rotateCalendarFeed(adminId, admin)).rejects.toMatchObject({ code: "forbidden" });
    await db.user.update({ where: { id: adminId }, data: { superAdmin: true } });
    expect(await renderCalendarFeed(second.secret)).not.toBeNull();

    await revokeCalendarFeed(adminId, admin);
    expect(await renderCalendarFeed(second.secret)).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { targetType: "user", targetId: adminId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toContain("calendar_feed.revoked");
    expect(JSON.stringify(audit)).not.toContain(second.secret);
  });
});
