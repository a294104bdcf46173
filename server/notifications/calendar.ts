import "server-only";
import { createHash, randomBytes } from "node:crypto";
import ical, { ICalAlarmType } from "ical-generator";
import { ApiError } from "@/lib/errors";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { publicUrl } from "../config";
import { getDb } from "../db";
import { type LimitPolicy, limiter } from "../limits/rate-limit";
import { getSettings } from "../settings/settings";

// A super admin's iCalendar feed of token expiries: one event per token that is not
// deleted and has an expiry, with an alarm per reminder threshold. Calendar apps cannot
// send headers, so the feed's URL carries its own secret; only its SHA-256 is stored (on
// the user), rotating it replaces the old URL at once, and the feed answers only while
// its owner is an enabled super admin.

export const CALENDAR_FEED_PATH = "/api/v1/calendar";
const SECRET_PREFIX = "tcal_";
const SECRET_SHAPE = /^tcal_[A-Za-z0-9_-]{43}$/;

const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** The feed's address: the secret is its last path segment, with `.ics` for the apps that look at it. */
export const calendarFeedUrl = (secret: string) => `${publicUrl()}${CALENDAR_FEED_PATH}/${secret}.ics`;

/** A new feed secret for this super admin (the previous URL stops working); returned once. */
export async function rotateCalendarFeed(userId: number, actor: Actor): Promise<{ url: string; secret: string }> {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { superAdmin: true, disabledAt: true } });
    if (!user) throw new ApiError("not_found", `No user with id ${userId}.`);
    if (!user.superAdmin || user.disabledAt) throw new ApiError("forbidden", "Only super admins have a calendar feed of token expiries.");
    await tx.user.update({ where: { id: userId }, data: { calendarFeedHash: hashOf(secret) } });
    await recordEvent(tx, { action: "calendar_feed.rotated", actor, target: { type: "user", id: userId } });
  });
  return { url: calendarFeedUrl(secret), secret };
}

export async function revokeCalendarFeed(userId: number, actor: Actor): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, calendarFeedHash: { not: null } },
      data: { calendarFeedHash: null },
    });
    if (count > 0) await recordEvent(tx, { action: "calendar_feed.revoked", actor, target: { type: "user", id: userId } });
  });
}

/** Whether this user has a feed URL now (its secret itself is never shown again). */
export async function hasCalendarFeed(userId: number): Promise<boolean> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { calendarFeedHash: true } });
  return Boolean(user?.calendarFeedHash);
}

/** Feed requests with a wrong secret allowed per client address per window, before 429. */
export const CALENDAR_FAILURE_LIMIT = 20;
const CALENDAR_FAILURES: LimitPolicy = { name: "calendar-feed:ip", limit: CALENDAR_FAILURE_LIMIT, windowMs: 60_000 };

/**
 * The feed at `/api/v1/calendar/{secret}.ics` for a request from `ip`. A wrong, rotated or
 * revoked secret is the same 404 (nothing says which, or whether such a feed existed), and
 * each counts against the address: past the limit it is 429, so the secret cannot be
 * guessed at speed. The right secret is always answered, as a valid token always is.
 */
export async function readCalendarFeed(segment: string, ip: string, now = new Date()): Promise<string> {
  const feed = await renderCalendarFeed(segment.replace(/\.ics$/, ""), now);
  if (feed !== null) return feed;
  const { allowed, retryAfter } = await limiter(CALENDAR_FAILURES).consume(ip);
  if (!allowed) {
    throw new ApiError("rate_limited", `Too many requests for calendar feeds that do not exist. Try again in ${retryAfter} seconds.`, {
      retryAfter,
    });
  }
  throw new ApiError("not_found", "There is no calendar feed at this address. Ask for a new subscribe URL in Tessera's dashboard.");
}

/** The feed for a secret, or null when no enabled super admin holds it (the route answers 404). */
export async function renderCalendarFeed(secret: string, now = new Date()): Promise<string | null> {
  if (!SECRET_SHAPE.test(secret)) return null;
  const db = await getDb();
  const owner = await db.user.findUnique({ where: { calendarFeedHash: hashOf(secret) }, select: { superAdmin: true, disabledAt: true } });
  if (!owner?.superAdmin || owner.disabledAt) return null;
  const [tokens, { reminderDays }] = await Promise.all([
    db.apiToken.findMany({
      where: { deletedAt: null, expiresAt: { not: null } },
      select: { id: true, name: true, description: true, expiresAt: true, version: true, updatedAt: true },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    }),
    getSettings(),
  ]);
  const base = publicUrl();
  const host = new URL(base).host;
  const calendar = ical({ name: "Tessera token expiries", prodId: { company: "Tessera", product: "token-expiries" }, ttl: 3600 });
  for (const token of tokens) {
    const expiresAt = token.expiresAt as Date;
    const event = calendar.createEvent({
      id: `token-${token.id}@${host}`,
      // A regenerate moves the expiry; the version tells calendar apps this is the newer copy.
      sequence: token.version,
      stamp: now,
      start: expiresAt,
      summary: `API token "${token.name}" expires`,
      description: [token.description, `Regenerate it: ${base}/tokens/${token.id}`].filter(Boolean).join("\n\n"),
      url: `${base}/tokens/${token.id}`,
    });
    for (const days of reminderDays) {
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: days * 86_400,
        description: `API token "${token.name}" expires in ${days} ${days === 1 ? "day" : "days"}`,
      });
    }
  }
  return calendar.toString();
}
