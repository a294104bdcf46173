import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { regenerateToken } from "@/server/tokens/tokens";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// Writes that race each other on one token: every caller must get an answer that stays
// true after the race — never a secret that was superseded or deleted before it was shown.

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let counter = 0;

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  admin = client(server, await sessionCookieFor((await makeUser(db, { superAdmin: true })).id));
});
afterAll(() => server.close());

async function newToken(): Promise<number> {
  counter += 1;
  const created = await admin("POST", "/api/v1/tokens", { name: `race-${counter}`, permissions: { superAdmin: true } });
  expect(created.status).toBe(201);
  return (created.body.token as { id: number }).id;
}

/**
 * Holds the token's row (and, on PGlite, the whole database) for a while, so requests sent
 * meanwhile arrive before any of them can finish: they overlap by construction, not by luck.
 */
function holdToken(id: number, ms: number): Promise<void> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "ApiToken" WHERE id = ${id} FOR UPDATE`;
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    { timeout: ms + 5000 },
  );
}

const asToken = (secret: string) => client(server)("GET", "/api/v1/me", undefined, { authorization: `Bearer ${secret}` });

describe("concurrent regenerates", () => {
  it("exactly one wins; the others get 409 and no secret", async () => {
    const id = await newToken();
    const held = holdToken(id, 1500);
    const answers = await Promise.all(Array.from({ length: 6 }, () => admin("POST", `/api/v1/tokens/${id}/regenerate`, {})));
    await held;
    const won = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a) => a.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(5);
    for (const a of lost) {
      expect(a.body.code).toBe("conflict");
      expect(a.body).not.toHaveProperty("secret");
    }
    expect((await asToken(won[0]!.body.secret as string)).status).toBe(200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "token.regenerated", targetId: id } })).toBe(1);
  });

  it("one after another, each regenerate succeeds", async () => {
    const id = await newToken();
    for (let i = 0; i < 3; i++) expect((await admin("POST", `/api/v1/tokens/${id}/regenerate`, {})).status).toBe(200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).version).toBe(4);
  });
});

describe("regenerates judged by when they arrived", () => {
  const actor = { type: "user" as const, id: 1, name: "admin@example.com", ip: null };

  it("a regenerate that arrived while another was running loses, even if the database would run them one after another", async () => {
    const id = await newToken();
    const arrived = new Date();
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => regenerateToken(id, { graceSeconds: 0 }, actor, arrived)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    // It arrived before the winner finished, so it overlapped it, however late it got here.
    await expect(regenerateToken(id, { graceSeconds: 0 }, actor, arrived)).rejects.toMatchObject({ code: "conflict" });
    // One that arrives now is simply the next regenerate.
    await expect(regenerateToken(id, { graceSeconds: 0 }, actor, new Date(Date.now() + 1))).resolves.toHaveProperty("secret");
  });
});

describe("regenerate racing delete", () => {
  it("never hands out a secret for a token that was already deleted", async () => {
    for (let round = 0; round < 8; round++) {
      const id = await newToken();
      const held = holdToken(id, 300);
      const [regen, del] = await Promise.all([
        admin("POST", `/api/v1/tokens/${id}/regenerate`, {}),
        admin("DELETE", `/api/v1/tokens/${id}`),
      ]);
      await held;
      expect(del.status).toBe(204);
      if (regen.status === 404) {
        expect(regen.body.code).toBe("not_found");
        continue;
      }
      // The regenerate won the race, so it must come first in the history.
      expect(regen.status).toBe(200);
      const events = await db.auditEvent.findMany({
        where: { targetId: id, action: { in: ["token.regenerated", "token.deleted"] } },
        orderBy: { id: "asc" },
      });
      expect(events.map((e) => e.action)).toEqual(["token.regenerated", "token.deleted"]);
    }
  });

  it("a deleted token cannot be regenerated", async () => {
    const id = await newToken();
    expect((await admin("DELETE", `/api/v1/tokens/${id}`)).status).toBe(204);
    const regen = await admin("POST", `/api/v1/tokens/${id}/regenerate`, {});
    expect(regen.status).toBe(404);
  });
});
