import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { CALENDAR_FAILURE_LIMIT } from "@/server/notifications/calendar";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";
import { problem } from "../helpers/problem";

// A super admin's calendar feed over real HTTP: POST /api/v1/me/calendar-feed hands out the
// subscribe URL once, GET on that URL answers text/calendar that Mozilla's parser (ical.js,
// as in Thunderbird) reads, and a wrong, rotated or revoked URL is one and the same 404,
// limited per address like failed token checks.

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let viewer: ReturnType<typeof client>;
let anon: ReturnType<typeof client>;
let tokenSecret: string;
let adminId: number;

const FEED_PATH = /^http:\/\/localhost:3000(\/api\/v1\/calendar\/tcal_[A-Za-z0-9_-]{43}\.ics)$/;
const NOT_FOUND = problem("not_found", "There is no calendar feed at this address. Ask for a new subscribe URL in Tessera's dashboard.");

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: "feed-admin@example.com", superAdmin: true });
  adminId = user.id;
  admin = client(server, await sessionCookieFor(user.id));
  viewer = client(server, await sessionCookieFor((await makeUser(db, { email: "feed-viewer@example.com" })).id));
  anon = client(server);
  const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const made = await admin("POST", "/api/v1/tokens", { name: "feed-soon", permissions: { superAdmin: true }, expiresAt: soon });
  tokenSecret = made.body.secret as string;
  await admin("POST", "/api/v1/tokens", { name: "feed-never", permissions: { superAdmin: true }, expiresAt: null });
});
afterAll(() => server.close());

/** The path of the URL a rotate answered (the test server is not at NEXTAUTH_URL's host). */
async function rotate(): Promise<string> {
  const res = await admin("POST", "/api/v1/me/calendar-feed");
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(Object.keys(res.body)).toEqual(["url"]);
  const match = FEED_PATH.exec(res.body.url as string);
  expect(match, String(res.body.url)).not.toBeNull();
  return match![1]!;
}

const summaries = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((e) => String(e.getFirstPropertyValue("summary")));

describe("the calendar feed over HTTP", () => {
  it("hands out a subscribe URL once; GET on it is text/calendar that parses, with the tokens that expire", async () => {
    const path = await rotate();
    const feed = await anon("GET", path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("cache-control")).toBe("no-store");
    expect(summaries(feed.body as unknown as string)).toEqual(['API token "feed-soon" expires']);
    const head = await anon("HEAD", path);
    expect([head.status, head.headers.get("content-type")]).toEqual([200, "text/calendar; charset=utf-8"]);
    // Credentials that come along are not looked at: a bad token does not spoil a good feed URL.
    expect((await anon("GET", path, undefined, { authorization: "Bearer tsr_not-a-token" })).status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { id: adminId } });
    expect(user.calendarFeedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(path).not.toContain(user.calendarFeedHash);
  });

  it("rotating replaces the URL at once; revoking ends it; wrong, old and revoked URLs are the same 404", async () => {
    const first = await rotate();
    const second = await rotate();
    expect(second).not.toBe(first);
    const old = await anon("GET", first);
    expect([old.status, old.body]).toEqual([404, NOT_FOUND]);
    expect((await anon("GET", second)).status).toBe(200);

    const revoked = await admin("DELETE", "/api/v1/me/calendar-feed");
    expect(revoked.status).toBe(204);
    const after = await anon("GET", second);
    expect([after.status, after.body]).toEqual([404, NOT_FOUND]);
    expect(after.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    const wrong = await anon("GET", `/api/v1/calendar/tcal_${"A".repeat(43)}.ics`);
    expect([wrong.status, wrong.body]).toEqual([404, NOT_FOUND]);
    const garbage = await anon("GET", "/api/v1/calendar/%E2%9C%93");
    expect([garbage.status, garbage.body]).toEqual([404, NOT_FOUND]);
    // Revoking again is not an error.
    expect((await admin("DELETE", "/api/v1/me/calendar-feed")).status).toBe(204);

    const audit = await db.auditEvent.findMany({ where: { targetType: "user", targetId: adminId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "calendar_feed.rotated",
      "calendar_feed.rotated",
      "calendar_feed.rotated",
      "calendar_feed.revoked",
    ]);
    expect(JSON.stringify(audit)).not.toContain(second.slice(-20));
  });

  it("gives feeds to super admins signed in, not to others or to tokens", async () => {
    const forbidden = problem("forbidden", "Only super admins can manage a calendar feed of token expiries.");
    for (const method of ["POST", "DELETE"]) {
      const res = await viewer(method, "/api/v1/me/calendar-feed");
      expect([res.status, res.body], method).toEqual([403, forbidden]);
      expect((await anon(method, "/api/v1/me/calendar-feed")).status, method).toBe(401);
      const byToken = await anon(method, "/api/v1/me/calendar-feed", undefined, { authorization: `Bearer ${tokenSecret}` });
      expect([byToken.status, byToken.body], method).toEqual([
        403,
        problem("forbidden", "API tokens have no calendar feed. Sign in to the dashboard to get one."),
      ]);
    }
    const nul = await anon("GET", "/api/v1/calendar/tcal_%00.ics");
    expect(nul.status).toBe(400);
  });

  it(`answers 429 after ${CALENDAR_FAILURE_LIMIT} wrong addresses from one client, and still serves the right one`, async () => {
    const path = await rotate();
    // One proxy in front: the address left of the peer is the client's.
    process.env.TESSERA_TRUSTED_PROXIES = "1";
    try {
      const from = (ip: string) => ({ "x-forwarded-for": ip });
      const wrong = (n: number) => `/api/v1/calendar/tcal_${String(n).padStart(43, "x")}.ics`;
      for (let i = 0; i < CALENDAR_FAILURE_LIMIT; i++)
        expect((await anon("GET", wrong(i), undefined, from("198.51.100.7"))).status).toBe(404);
      const limited = await anon("GET", wrong(99), undefined, from("198.51.100.7"));
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual(
        problem("rate_limited", /^Too many requests for calendar feeds that do not exist\. Try again in \d+ seconds\.$/),
      );
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await anon("GET", path, undefined, from("198.51.100.7"))).status).toBe(200);
      // Another client is not held back by this one.
      expect((await anon("GET", wrong(100), undefined, from("203.0.113.9"))).status).toBe(404);
    } finally {
      delete process.env.TESSERA_TRUSTED_PROXIES;
    }
  });
});
