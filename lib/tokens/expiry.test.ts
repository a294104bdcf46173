import { describe, expect, it } from "vitest";
import {
  addDays,
  DEFAULT_EXPIRY_DAYS,
  EXPIRY_PRESET_DAYS,
  endOfLocalDay,
  expiryStatus,
  MIN_EXPIRY_LEAD_MS,
  resolveExpiry,
  selectableDays,
  timeLeftText,
} from "./expiry";

// Expiry rules (docs/design.md, "Tokens"): presets of 7/30/60/90 days, a custom day that lasts until
// the end of that day in the creator's time zone, never, a 30-day default, and an
// optional ceiling (TESSERA_MAX_TOKEN_LIFETIME_DAYS) that refuses never and later dates.

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-03-10T15:30:00.000Z");
const inMs = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const limitMessage = (days: number) => `this server allows tokens to live at most ${days} days (TESSERA_MAX_TOKEN_LIFETIME_DAYS)`;

describe("resolveExpiry", () => {
  it("offers the presets 7, 30, 60 and 90 days, and defaults to 30", () => {
    expect(EXPIRY_PRESET_DAYS).toEqual([7, 30, 60, 90]);
    expect(DEFAULT_EXPIRY_DAYS).toBe(30);
  });

  it.each(EXPIRY_PRESET_DAYS.map((d) => [d]))("a %i-day preset expires exactly that many days from now", (days) => {
    expect(resolveExpiry({ expiresInDays: days }, NOW, null)).toEqual({ ok: true, expiresAt: new Date(NOW.getTime() + days * DAY) });
  });

  it("defaults to 30 days when neither field is sent", () => {
    expect(resolveExpiry({}, NOW, null)).toEqual({ ok: true, expiresAt: new Date(NOW.getTime() + 30 * DAY) });
  });

  it("takes expiresAt: null as never", () => {
    expect(resolveExpiry({ expiresAt: null }, NOW, null)).toEqual({ ok: true, expiresAt: null });
  });

  it("takes a custom day as the end of that day in local time", () => {
    const picked = new Date(2026, 5, 15); // 15 June 2026, local
    const result = resolveExpiry({ expiresAt: endOfLocalDay(picked).toISOString() }, NOW, null);
    expect(result).toEqual({ ok: true, expiresAt: new Date(2026, 5, 15, 23, 59, 59, 999) });
  });

  it("accepts an ISO time with an offset as the same instant", () => {
    expect(resolveExpiry({ expiresAt: "2026-04-01T12:00:00+02:00" }, NOW, null)).toEqual({
      ok: true,
      expiresAt: new Date("2026-04-01T10:00:00Z"),
    });
  });

  it("refuses both fields at once", () => {
    expect(resolveExpiry({ expiresInDays: 7, expiresAt: null }, NOW, null)).toEqual({
      ok: false,
      path: "expiresAt",
      message: "send either expiresInDays or expiresAt, not both",
    });
    expect(resolveExpiry({ expiresInDays: 7, expiresAt: inMs(DAY) }, NOW, null)).toMatchObject({ ok: false, path: "expiresAt" });
  });

  it.each([
    ["in the past", inMs(-DAY)],
    ["exactly now", inMs(0)],
    ["less than one minute ahead", inMs(MIN_EXPIRY_LEAD_MS - 1)],
  ])("refuses an expiresAt %s", (_name, expiresAt) => {
    expect(resolveExpiry({ expiresAt }, NOW, null)).toEqual({
      ok: false,
      path: "expiresAt",
      message: "must be at least one minute in the future",
    });
  });

  it("accepts an expiresAt exactly one minute ahead", () => {
    expect(MIN_EXPIRY_LEAD_MS).toBe(60_000);
    expect(resolveExpiry({ expiresAt: inMs(60_000) }, NOW, null)).toEqual({ ok: true, expiresAt: new Date(NOW.getTime() + 60_000) });
  });

  it("refuses an expiresAt that is not a time at all rather than answering an Invalid Date", () => {
    expect(resolveExpiry({ expiresAt: "not a time" }, NOW, null)).toEqual({
      ok: false,
      path: "expiresAt",
      message: "must be an ISO 8601 time, or null for never",
    });
    expect(resolveExpiry({ expiresAt: "not a time" }, NOW, 90)).toMatchObject({ ok: false, path: "expiresAt" });
  });
});

describe("resolveExpiry with a maximum lifetime", () => {
  it("refuses never, naming the limit", () => {
    expect(resolveExpiry({ expiresAt: null }, NOW, 90)).toEqual({
      ok: false,
      path: "expiresAt",
      message: `cannot be "never": ${limitMessage(90)}`,
    });
  });

  it("refuses more days than the limit, at expiresInDays", () => {
    expect(resolveExpiry({ expiresInDays: 91 }, NOW, 90)).toEqual({
      ok: false,
      path: "expiresInDays",
      message: `is too far ahead: ${limitMessage(90)}`,
    });
  });

  it("refuses an expiresAt one millisecond past the limit, at expiresAt", () => {
    expect(resolveExpiry({ expiresAt: inMs(90 * DAY + 1) }, NOW, 90)).toEqual({
      ok: false,
      path: "expiresAt",
      message: `is too far ahead: ${limitMessage(90)}`,
    });
  });

  it("accepts exactly the limit, by days or by time", () => {
    const limit = new Date(NOW.getTime() + 90 * DAY);
    expect(resolveExpiry({ expiresInDays: 90 }, NOW, 90)).toEqual({ ok: true, expiresAt: limit });
    expect(resolveExpiry({ expiresAt: limit.toISOString() }, NOW, 90)).toEqual({ ok: true, expiresAt: limit });
  });

  it("accepts the 30-day default under a larger limit", () => {
    expect(resolveExpiry({}, NOW, 31)).toEqual({ ok: true, expiresAt: addDays(NOW, 30) });
  });

  it("shortens the 30-day default to a smaller limit: a caller who chose nothing gets no error", () => {
    expect(resolveExpiry({}, NOW, 7)).toEqual({ ok: true, expiresAt: new Date(inMs(7 * DAY)) });
  });

  it("still checks the one-minute lead before the limit", () => {
    expect(resolveExpiry({ expiresAt: inMs(-1) }, NOW, 90)).toEqual({
      ok: false,
      path: "expiresAt",
      message: "must be at least one minute in the future",
    });
  });
});

describe("endOfLocalDay", () => {
  it("is 23:59:59.999 local time of the same calendar day, wherever in the day it starts", () => {
    for (const d of [new Date(2026, 0, 1, 0, 0, 0, 0), new Date(2026, 0, 1, 12, 34), new Date(2026, 0, 1, 23, 59, 59, 999)]) {
      const end = endOfLocalDay(d);
      expect([
        end.getFullYear(),
        end.getMonth(),
        end.getDate(),
        end.getHours(),
        end.getMinutes(),
        end.getSeconds(),
        end.getMilliseconds(),
      ]).toEqual([2026, 0, 1, 23, 59, 59, 999]);
    }
  });

  it("handles the last day of a month and of a leap February", () => {
    expect(endOfLocalDay(new Date(2028, 1, 29, 8))).toEqual(new Date(2028, 1, 29, 23, 59, 59, 999));
    expect(endOfLocalDay(new Date(2026, 11, 31, 8))).toEqual(new Date(2026, 11, 31, 23, 59, 59, 999));
  });
});

describe("selectableDays", () => {
  const now = new Date(2026, 2, 10, 15, 30); // 10 March 2026, 15:30 local

  it("starts tomorrow (today and earlier are not selectable) and has no end without a limit", () => {
    expect(selectableDays(now, null)).toEqual({ first: new Date(2026, 2, 11), last: null });
  });

  it("starts tomorrow even late in the evening and at midnight", () => {
    expect(selectableDays(new Date(2026, 2, 10, 23, 59, 59, 999), null).first).toEqual(new Date(2026, 2, 11));
    expect(selectableDays(new Date(2026, 2, 10, 0, 0), null).first).toEqual(new Date(2026, 2, 11));
  });

  it("rolls over a month and a year end", () => {
    expect(selectableDays(new Date(2026, 11, 31, 10), null).first).toEqual(new Date(2027, 0, 1));
  });

  it.each([7, 30, 90, 365])("with a %i-day limit ends on the last day whose end is still within the limit", (days) => {
    const { first, last } = selectableDays(now, days);
    expect(first).toEqual(new Date(2026, 2, 11));
    expect(last).not.toBeNull();
    const limit = addDays(now, days);
    // The last day is acceptable to resolveExpiry; the day after it is not.
    expect(endOfLocalDay(last!).getTime()).toBeLessThanOrEqual(limit.getTime());
    expect(resolveExpiry({ expiresAt: endOfLocalDay(last!).toISOString() }, now, days).ok).toBe(true);
    const next = new Date(last!.getFullYear(), last!.getMonth(), last!.getDate() + 1);
    expect(resolveExpiry({ expiresAt: endOfLocalDay(next).toISOString() }, now, days).ok).toBe(false);
    expect([last!.getHours(), last!.getMinutes()]).toEqual([0, 0]);
  });

  it("with a 1-day limit offers no day at all (last is before first)", () => {
    const { first, last } = selectableDays(now, 1);
    expect(last!.getTime()).toBeLessThan(first.getTime());
  });
});

describe("expiryStatus", () => {
  it("is never without an expiry", () => {
    expect(expiryStatus(null, NOW)).toBe("never");
  });

  it.each([
    ["an hour ago", -3600_000, "expired"],
    ["exactly now", 0, "expired"],
    ["a millisecond from now", 1, "expiring"],
    ["in exactly 7 days", 7 * DAY, "expiring"],
    ["in 7 days and a millisecond", 7 * DAY + 1, "active"],
    ["in 30 days", 30 * DAY, "active"],
  ] as const)("expiring %s → %s", (_name, ms, status) => {
    expect(expiryStatus(new Date(NOW.getTime() + ms), NOW)).toBe(status);
  });
});

describe("timeLeftText", () => {
  it.each([
    ["already expired", -DAY, "1 minute"],
    ["one millisecond", 1, "1 minute"],
    ["a minute", 60_000, "1 minute"],
    ["90 seconds", 90_000, "2 minutes"],
    ["59 minutes", 59 * 60_000, "59 minutes"],
    ["an hour", 3600_000, "60 minutes"],
    ["an hour and a millisecond", 3600_000 + 1, "2 hours"],
    ["23 hours", 23 * 3600_000, "23 hours"],
    ["exactly one day", DAY, "24 hours"],
    ["a day and a millisecond", DAY + 1, "2 days"],
    ["exactly 7 days", 7 * DAY, "7 days"],
    ["30 days", 30 * DAY, "30 days"],
  ])("%s left → %s", (_name, ms, text) => {
    expect(timeLeftText(new Date(NOW.getTime() + ms), NOW)).toBe(text);
  });
});
