import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BULK_MAX_TOKENS } from "@/lib/schemas/token-bulk";
import { generateToken, hashSecret, previewOf } from "@/lib/tokens/format";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// POST /api/v1/tokens/bulk over real HTTP: a dry run says exactly what a real run touches and
// changes nothing (every row and event counted before and after); a real run writes one audit
// event and one outbox event per token; one request changes at most BULK_MAX_TOKENS.

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let viewer: ReturnType<typeof client>;
const DAY = 86_400_000;

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: "bulk-admin@example.com", superAdmin: true });
  admin = client(server, await sessionCookieFor(user.id));
  viewer = client(server, await sessionCookieFor((await makeUser(db)).id));
});
afterAll(() => server.close());

type Named = { id: number; name: string };

async function create(name: string, extra: Record<string, unknown> = {}) {
  const res = await admin("POST", "/api/v1/tokens", { name, permissions: { superAdmin: true }, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...(res.body.token as Named), secret: res.body.secret as string };
}
const bulk = (body: unknown) => admin("POST", "/api/v1/tokens/bulk", body);
const names = (tokens: unknown) => (tokens as Named[]).map((t) => t.name);

/** Everything a bulk action could write: every token row, and how many audit and outbox events there are. */
async function snapshot() {
  const [tokens, audit, events] = await Promise.all([
    db.apiToken.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
    db.notificationEvent.count(),
  ]);
  return { tokens, audit, events };
}

describe("a dry run", () => {
  it("lists exactly what the real run then changes, and changes nothing itself", async () => {
    for (const n of ["dry-a", "dry-b", "dry-c"]) await create(n);
    const off = await create("dry-off");
    await admin("PATCH", `/api/v1/tokens/${off.id}`, { disabled: true });

    for (const action of ["disable", "enable", "delete"] as const) {
      const before = await snapshot();
      const dry = await bulk({ action, filter: { q: "dry-" }, dryRun: true });
      expect(dry.status).toBe(200);
      expect(await snapshot()).toEqual(before);
      // What each action would change: never a token it would leave as it is.
      const expected = { disable: ["dry-a", "dry-b", "dry-c"], enable: ["dry-off"], delete: ["dry-a", "dry-b", "dry-c", "dry-off"] }[
        action
      ];
      expect(dry.body).toEqual({ matched: expected.length, tokens: expected.map((name) => ({ id: expect.any(Number), name })) });
    }

    const dry = await bulk({ action: "disable", filter: { q: "dry-" }, dryRun: true });
    const before = await snapshot();
    const real = await bulk({ action: "disable", filter: { q: "dry-" }, dryRun: false });
    expect(real.body).toEqual(dry.body);
    const after = await snapshot();
    expect(after.audit - before.audit).toBe(3);
    expect(after.events - before.events).toBe(3);
    const audit = await db.auditEvent.findMany({ where: { action: "token.disabled", details: { path: ["bulk"], equals: true } } });
    expect(audit.map((e) => (e.details as { name: string }).name).sort()).toEqual(["dry-a", "dry-b", "dry-c"]);
    expect(audit.every((e) => e.actorName === "bulk-admin@example.com")).toBe(true);
    const events = await db.notificationEvent.findMany({
      where: { type: "token.disabled", tokenId: { in: (dry.body.tokens as Named[]).map((t) => t.id) } },
    });
    expect(events).toHaveLength(3);

    // Done: the same request now matches nothing, and says so.
    expect((await bulk({ action: "disable", filter: { q: "dry-" }, dryRun: true })).body).toEqual({ matched: 0, tokens: [] });
  });
});

describe("real runs", () => {
  it("enable and delete by ids; a deleted token stops working and its name is free again", async () => {
    const one = await create("ids-one");
    const two = await create("ids-two");
    await create("ids-three");
    await bulk({ action: "disable", filter: { ids: [one.id, two.id] }, dryRun: false });
    const me = (secret: string) => admin("GET", "/api/v1/me", undefined, { authorization: `Bearer ${secret}` });
    expect((await me(one.secret)).body.code).toBe("token_disabled");

    const enabled = await bulk({ action: "enable", filter: { ids: [one.id, one.id, 2_000_000] }, dryRun: false });
    expect(enabled.body).toEqual({ matched: 1, tokens: [{ id: one.id, name: "ids-one" }] });
    expect((await me(one.secret)).status).toBe(200);

    const deleted = await bulk({ action: "delete", filter: { q: "ids-", ids: [one.id, two.id] }, dryRun: false });
    expect(names(deleted.body.tokens)).toEqual(["ids-one", "ids-two"]);
    expect((await me(one.secret)).status).toBe(401);
    expect((await admin("GET", "/api/v1/tokens?q=ids-")).body.total).toBe(1);
    const deletedEvents = await db.auditEvent.count({ where: { action: "token.deleted", targetId: { in: [one.id, two.id] } } });
    expect(deletedEvents).toBe(2);
    await create("ids-one");
  });

  it("filter by status and by days unused, as the token list does", async () => {
    const old = await create("age-old");
    const used = await create("age-used");
    const fresh = await create("age-fresh");
    const expired = await create("age-expired");
    await db.apiToken.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 100 * DAY) } });
    await db.apiToken.update({
      where: { id: used.id },
      data: { createdAt: new Date(Date.now() - 200 * DAY), lastUsedAt: new Date(Date.now() - 10 * DAY) },
    });
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - DAY) } });

    const unused = await bulk({ action: "disable", filter: { q: "age-", unusedForDays: 90 }, dryRun: true });
    expect(names(unused.body.tokens)).toEqual(["age-old"]);
    const list = await admin("GET", "/api/v1/tokens?q=age-&unusedForDays=90");
    expect(names(list.body.data)).toEqual(["age-old"]);
    // Never used counts from creation: the expired token was made today.
    expect(names((await bulk({ action: "disable", filter: { q: "age-", unusedForDays: 5 }, dryRun: true })).body.tokens)).toEqual([
      "age-old",
      "age-used",
    ]);
    expect(names((await bulk({ action: "delete", filter: { q: "age-", status: "expired" }, dryRun: true })).body.tokens)).toEqual([
      "age-expired",
    ]);
    expect(fresh.name).toBe("age-fresh");
  });
});

describe("limits and bad input", () => {
  it(`changes at most ${BULK_MAX_TOKENS} tokens in one request; a dry run still counts them all`, async () => {
    const data = Array.from({ length: BULK_MAX_TOKENS + 1 }, (_, i) => {
      const secret = generateToken();
      return { name: `many-${i}`, secretHash: hashSecret(secret), preview: previewOf(secret), createdBy: "seed", updatedBy: "seed" };
    });
    await db.apiToken.createMany({ data });
    const dry = await bulk({ action: "disable", filter: { q: "many-" }, dryRun: true });
    expect(dry.body.matched).toBe(BULK_MAX_TOKENS + 1);
    expect(dry.body.tokens).toHaveLength(BULK_MAX_TOKENS);
    const before = await snapshot();
    const real = await bulk({ action: "disable", filter: { q: "many-" }, dryRun: false });
    expect(real.status).toBe(400);
    expect(real.body.errors).toEqual([
      {
        path: "filter",
        message: `matches ${BULK_MAX_TOKENS + 1} tokens, and one request changes at most ${BULK_MAX_TOKENS}: narrow the filter, or repeat the action until nothing matches`,
      },
    ]);
    expect(await snapshot()).toEqual(before);

    // Exactly the limit goes through, in one transaction, one audit and outbox event each.
    expect((await bulk({ action: "delete", filter: { q: "many-1000" }, dryRun: false })).body.matched).toBe(1);
    const started = performance.now();
    const all = await bulk({ action: "disable", filter: { q: "many-" }, dryRun: false });
    console.log(`bulk disable of ${BULK_MAX_TOKENS} tokens: ${Math.round(performance.now() - started)} ms`);
    expect(all.status).toBe(200);
    expect(all.body.matched).toBe(BULK_MAX_TOKENS);
    const after = await snapshot();
    expect(after.audit - before.audit).toBe(BULK_MAX_TOKENS + 1);
    expect(after.events - before.events).toBe(BULK_MAX_TOKENS + 1);
    expect(await db.apiToken.count({ where: { name: { startsWith: "many-" }, deletedAt: null, disabledAt: null } })).toBe(0);
  }, 120_000);

  it.each([
    [
      "no dryRun",
      { action: "disable", filter: {} },
      [{ path: "dryRun", message: "is required: true to see what would change, false to change it" }],
    ],
    [
      "an unknown action",
      { action: "archive", filter: {}, dryRun: true },
      [{ path: "action", message: "must be one of delete, disable, enable" }],
    ],
    ["no filter", { action: "disable", dryRun: true }, [{ path: "filter", message: "is required" }]],
    [
      "an unknown filter field",
      { action: "disable", filter: { name: "x" }, dryRun: true },
      [{ path: "filter", message: "has unknown field: name" }],
    ],
    [
      "an unknown status",
      { action: "disable", filter: { status: "old" }, dryRun: true },
      [{ path: "filter.status", message: "must be one of active, expired, expiring, disabled" }],
    ],
    [
      "0 days unused",
      { action: "disable", filter: { unusedForDays: 0 }, dryRun: true },
      [{ path: "filter.unusedForDays", message: "must be at least 1" }],
    ],
    [
      "a bad id",
      { action: "delete", filter: { ids: [1, "2"] }, dryRun: true },
      [{ path: "filter.ids.1", message: "must be a token id (an integer)" }],
    ],
  ])("refuses %s with 400", async (_name, body, errors) => {
    const res = await bulk(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(errors);
  });

  it("is for super admins only", async () => {
    const res = await viewer("POST", "/api/v1/tokens/bulk", { action: "delete", filter: {}, dryRun: true });
    expect(res.status).toBe(403);
  });
});
