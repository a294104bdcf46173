import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_TOTAL_EXACT_LIMIT } from "@/lib/schemas/token";
import { encodeTokenCursor } from "@/lib/tokens/list-cursor";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// GET /api/v1/tokens at scale (server/tokens/token-list.ts) over real HTTP: keyset cursors
// read every row exactly once in the list's order, forwards and backwards, across ties and
// nulls, and stay put when rows come and go; a bad cursor is a 400; past
// TOKEN_TOTAL_EXACT_LIMIT the total is an estimate; the trigram-indexed search finds exactly
// what a substring scan finds.

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
const NOW = Date.now();
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Seeded = { id: number; name: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; disabledAt: Date | null };
let seeded: Seeded[] = [];

const WORDS = ["alpha", "beta", "gamma"];

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: "paging-admin@example.com", name: "Paging Admin", superAdmin: true });
  admin = client(server, await sessionCookieFor(user.id));
  // 61 tokens with many ties: createdAt in groups of four, lastUsedAt on five values or
  // never, expiresAt on six values or never; every ninth disabled.
  await db.apiToken.createMany({
    data: Array.from({ length: 61 }, (_, i) => ({
      name: `svc${i % 7}_${WORDS[i % 3]}-${i}`,
      createdAt: new Date(NOW - DAY + Math.floor(i / 4) * MINUTE),
      lastUsedAt: i % 3 === 0 ? null : new Date(NOW - (i % 5) * MINUTE),
      expiresAt: i % 4 === 0 ? null : new Date(NOW + DAY + (i % 6) * DAY),
      disabledAt: i % 9 === 0 ? new Date(NOW) : null,
      disabledReason: i % 9 === 0 ? "manual" : null,
      secretHash: `hash-${i}`,
      preview: "tsr_abcd…wxyz",
      createdBy: "seed",
      updatedBy: "seed",
    })),
  });
  seeded = await db.apiToken.findMany({
    where: { deletedAt: null },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true, disabledAt: true },
  });
});
afterAll(() => server.close());

type Page = { data: { id: number; name: string }[]; page: number; total: number; totalExact: boolean } & Record<
  "nextCursor" | "prevCursor",
  string | null
> & { lastCursor: string };

async function list(query: string): Promise<Page> {
  const res = await admin("GET", `/api/v1/tokens?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as Page;
}

/** The list's order by definition: the field (nulls last either way), then the id, both in the sort's direction. */
function expectedOrder(rows: Seeded[], sort: string): number[] {
  const field = sort.replace(/^-/, "") as keyof Seeded;
  const sign = sort.startsWith("-") ? -1 : 1;
  const value = (r: Seeded) => {
    const v = r[field];
    return v instanceof Date ? v.getTime() : v;
  };
  return [...rows]
    .sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x === null && y !== null) return 1;
      if (y === null && x !== null) return -1;
      if (x !== null && y !== null && x !== y) return (x < y ? -1 : 1) * sign;
      return (a.id - b.id) * sign;
    })
    .map((r) => r.id);
}

const isActive = (r: Seeded) => r.disabledAt === null && (r.expiresAt === null || r.expiresAt.getTime() > NOW);
const SORTS = ["name", "-name", "createdAt", "-createdAt", "lastUsedAt", "-lastUsedAt", "expiresAt", "-expiresAt"];

describe("keyset cursors", () => {
  it.each(SORTS.flatMap((sort) => [[sort, ""] as const, [sort, "active"] as const]))(
    "sort=%s status=%s: Next reads every row once in order, Previous from the last page reads them back",
    async (sort, status) => {
      const filter = `sort=${sort}&pageSize=7${status ? `&status=${status}` : ""}`;
      const want = expectedOrder(status ? seeded.filter(isActive) : seeded, sort);

      const forward: number[] = [];
      let page = await list(filter);
      expect(page.prevCursor).toBeNull();
      for (let i = 0; ; i++) {
        expect(i).toBeLessThan(20);
        forward.push(...page.data.map((t) => t.id));
        if (!page.nextCursor) break;
        expect(page.data).toHaveLength(7);
        page = await list(`${filter}&cursor=${page.nextCursor}`);
        expect(page.prevCursor).not.toBeNull();
      }
      expect(forward).toEqual(want);

      const backward: number[][] = [];
      page = await list(`${filter}&cursor=${page.lastCursor}`);
      expect(page.nextCursor).toBeNull();
      expect(page.page).toBe(Math.ceil(want.length / 7));
      for (let i = 0; ; i++) {
        expect(i).toBeLessThan(20);
        backward.unshift(page.data.map((t) => t.id));
        if (!page.prevCursor) break;
        page = await list(`${filter}&cursor=${page.prevCursor}`);
      }
      // Reading back ends on a full first page, which may overlap the page after it.
      expect(backward[0]).toEqual(want.slice(0, 7));
      expect(backward.slice(1).flat()).toEqual(want.slice(want.length - backward.slice(1).flat().length));
      expect(new Set([...backward.flat()])).toEqual(new Set(want));
    },
  );

  it("page and pageSize alone still page by offset, with a next cursor to continue by keyset", async () => {
    const want = expectedOrder(seeded, "-expiresAt");
    const third = await list("sort=-expiresAt&pageSize=7&page=3");
    expect(third.data.map((t) => t.id)).toEqual(want.slice(14, 21));
    expect(third.page).toBe(3);
    const fourth = await list(`sort=-expiresAt&pageSize=7&page=4&cursor=${third.nextCursor}`);
    expect(fourth.data.map((t) => t.id)).toEqual(want.slice(21, 28));
    expect(fourth.page).toBe(4);
    // An offset past the tokens with an expiry lands among the never-expiring ones.
    const deep = await list("sort=-expiresAt&pageSize=7&page=8");
    expect(deep.data.map((t) => t.id)).toEqual(want.slice(49, 56));
  });

  it("stays on its rows while tokens are generated and deleted around it", async () => {
    const filter = "sort=-createdAt&pageSize=5";
    const first = await list(filter);
    const firstIds = first.data.map((t) => t.id);
    // Two tokens newer than all (they go on top) and the deletion of the page's own last row,
    // the very row the cursor points past.
    const fresh = (name: string) => ({
      name,
      secretHash: `hash-${name}`,
      preview: "tsr_x…y",
      createdBy: "t",
      updatedBy: "t",
      createdAt: new Date(NOW),
    });
    const older = await db.apiToken.create({ data: fresh("paging-newer") });
    const added = await db.apiToken.create({ data: fresh("paging-newest") });
    await db.apiToken.update({ where: { id: firstIds[4]! }, data: { deletedAt: new Date() } });
    try {
      const rows = await db.apiToken.findMany({
        select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true, disabledAt: true },
      });
      const order = expectedOrder(rows, "-createdAt");
      const second = await list(`${filter}&page=2&cursor=${first.nextCursor}`);
      // Exactly the five rows after page one's last row: none repeated, none skipped.
      const after = order.slice(order.indexOf(firstIds[4]!) + 1, order.indexOf(firstIds[4]!) + 6);
      expect(second.data.map((t) => t.id)).toEqual(after);
      // By offset, page two would now repeat page one's fourth row.
      const byOffset = await list(`${filter}&page=2`);
      expect(byOffset.data.map((t) => t.id)).toContain(firstIds[3]);
      // Previous from page two: the five rows right before it, then (reaching the start) a full
      // first page with the new tokens on top.
      const back = await list(`${filter}&page=2&cursor=${second.prevCursor}`);
      const liveOrder = order.filter((id) => id !== firstIds[4]);
      const before = liveOrder.indexOf(second.data[0]!.id);
      expect(back.data.map((t) => t.id)).toEqual(liveOrder.slice(before - 5, before));
      const start = await list(`${filter}&page=1&cursor=${back.prevCursor}`);
      expect(start.data.map((t) => t.id)).toEqual(order.slice(0, 5));
      expect(start.data[0]!.id).toBe(added.id);
      expect(start.prevCursor).toBeNull();
      expect(start.page).toBe(1);
    } finally {
      await db.apiToken.deleteMany({ where: { id: { in: [added.id, older.id] } } });
      await db.apiToken.update({ where: { id: firstIds[4]! }, data: { deletedAt: null } });
    }
  });

  const cursorError = (message: string) => ({
    type: "about:blank",
    title: "Validation failed",
    status: 400,
    code: "validation_failed",
    detail: `cursor ${message}`,
    errors: [{ path: "cursor", message }],
  });
  const NOT_OURS = "must be a cursor from this list's nextCursor, prevCursor or lastCursor";
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  it.each([
    ["not base64url", "%%%", NOT_OURS],
    ["base64url of text, not JSON", Buffer.from("hello").toString("base64url"), NOT_OURS],
    ["an object, not the tuple", b64({ d: "a", s: "name", k: "x", i: 1 }), NOT_OURS],
    ["an unknown direction", b64(["x", "name", "svc", 1]), NOT_OURS],
    ["an unknown sort", b64(["a", "secretHash", "x", 1]), NOT_OURS],
    ["id 0", b64(["a", "name", "svc", 0]), NOT_OURS],
    ["an id past int4", b64(["a", "name", "svc", 2 ** 31]), NOT_OURS],
    ["a key that is no time", b64(["a", "-createdAt", "yesterday", 1]), NOT_OURS],
    ["a null key on a sort without nulls", b64(["a", "-createdAt", null, 1]), NOT_OURS],
    ["an end cursor with a position", b64(["e", "-createdAt", "2026-01-01T00:00:00.000Z", 4]), NOT_OURS],
    ["too long", "a".repeat(1001), NOT_OURS],
    [
      "a cursor made for another sort",
      encodeTokenCursor({ direction: "after", sort: "name", key: "svc", id: 1 }),
      "was made for another sort; drop it or sort as it was made",
    ],
  ])("a cursor that is %s is a 400 problem", async (_what, cursor, message) => {
    const res = await admin("GET", `/api/v1/tokens?cursor=${encodeURIComponent(cursor)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(cursorError(message));
  });
});

describe("search", () => {
  it.each(["a", "_", "-", "svc1", "c3_b", "_GAMMA-", "ha-1", "%", "%a", "\\", "a_b", "svc5_beta-4", "nothing-like-it"])(
    "q=%s finds exactly the names that contain it, ignoring case, with %% and _ taken literally",
    async (q) => {
      const want = seeded.filter((r) => r.name.includes(q.toLowerCase())).map((r) => r.id);
      const got = await list(`q=${encodeURIComponent(q)}&sort=createdAt&pageSize=100`);
      expect(got.data.map((t) => t.id).sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
      expect(got.total).toBe(want.length);
    },
  );
});

describe("the total, counted in SQL beside the list's own filter", () => {
  it.each([
    "status=active",
    "status=expired",
    "status=expiring",
    "status=disabled",
    "unusedForDays=1",
    "q=svc1&status=active",
    "q=_beta&unusedForDays=1",
    "status=disabled&q=gamma",
  ])("%s: the total is the number of rows listed", async (filter) => {
    const page = await list(`${filter}&pageSize=100`);
    expect(page.totalExact).toBe(true);
    expect(page.total).toBe(page.data.length);
  });
});

describe("the total past the exact limit", () => {
  it("is estimated (and said to be) once the count passes the limit, exact below it", async () => {
    const extra = TOKEN_TOTAL_EXACT_LIMIT + 500;
    await db.$executeRawUnsafe(
      `INSERT INTO "ApiToken" ("name", "secretHash", "preview", "createdBy", "updatedBy", "updatedAt")
       SELECT 'bulk-' || g, 'bulk-hash-' || g, 'tsr_x…y', 'seed', 'seed', now() FROM generate_series(1, ${extra}) g`,
    );
    await db.$executeRawUnsafe(`ANALYZE "ApiToken"`);
    const live = seeded.length + extra;
    const all = await list("pageSize=5");
    expect(all.totalExact).toBe(false);
    expect(all.total).toBeGreaterThan(TOKEN_TOTAL_EXACT_LIMIT);
    // The planner's figure from fresh statistics: near, not necessarily equal.
    expect(Math.abs(all.total - live) / live).toBeLessThan(0.2);
    expect(all.data).toHaveLength(5);
    // The last page is still one read away.
    const last = await list(`pageSize=5&cursor=${all.lastCursor}`);
    expect(last.data.map((t) => t.id)).toEqual(expectedOrder(seeded, "-createdAt").slice(-5));

    const few = await list("q=svc&pageSize=5");
    expect(few).toMatchObject({ total: seeded.length, totalExact: true });

    // Searches under three characters have no index to count with: estimated unless the
    // first page holds every match.
    const short = await list("q=lk&pageSize=5");
    expect(short).toMatchObject({ totalExact: false, nextCursor: expect.any(String) });
    expect(short.total).toBeGreaterThan(5);
    expect(await list("q=zq&pageSize=5")).toMatchObject({ data: [], total: 0, totalExact: true });
    expect(await list("q=c3&pageSize=20")).toMatchObject({ total: seeded.filter((r) => r.name.includes("c3")).length, totalExact: true });
  });
});
