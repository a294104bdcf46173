import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "@/tests/helpers/db";
import { summarizeExpiries } from "./expiry-summary";

// The dashboard's expiry notice counts: live tokens expiring within 7 days, and expired within
// the last 7, with the edges where the token list's "expiring" and "expired" filters put them.
// At 10,000 tokens the statement must stay a range scan over an index of live tokens by expiry
// (its cost is in docs/performance.md, measured by scripts/bench-verify.ts).

let db: Db;
const NOW = new Date("2027-03-10T12:00:00.000Z");
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

let n = 0;
function row(expiresAt: Date | null, deleted = false) {
  n += 1;
  return {
    name: `sum-${n}`,
    secretHash: randomBytes(32).toString("hex"),
    preview: "tsr_abcd…wxyz",
    createdBy: "test",
    updatedBy: "test",
    expiresAt,
    deletedAt: deleted ? NOW : null,
  };
}

beforeAll(async () => {
  db = await useFreshDatabase();
});

describe("summarizeExpiries", () => {
  it("counts the 7 days ahead (as the expiring filter) and the 7 days behind (expired), live tokens only", async () => {
    await db.apiToken.createMany({
      data: [
        row(at(1)), // expiring
        row(at(7 * DAY)), // expiring: the filter's edge is inclusive
        row(at(7 * DAY + 1)), // later
        row(at(3 * DAY), true), // expiring, but deleted
        row(NOW), // expired: a token stops at its expiry
        row(at(-6 * DAY)), // expired
        row(at(-7 * DAY + 1)), // expired, just inside
        row(at(-7 * DAY)), // too long ago
        row(at(-DAY), true), // expired, but deleted
        row(null), // never expires
      ],
    });
    expect(await summarizeExpiries(NOW)).toEqual({ expiring: 2, expired: 3 });
    expect(await summarizeExpiries(at(30 * DAY))).toEqual({ expiring: 0, expired: 0 });
  });

  it("at 10,000 tokens, reads an index on live tokens' expiry instead of the whole table", async () => {
    const spread = Array.from({ length: 10_000 }, (_, i) => row(i % 10 === 0 ? null : at(((i % 730) - 365) * DAY + i), i % 17 === 0));
    for (let i = 0; i < spread.length; i += 1000) await db.apiToken.createMany({ data: spread.slice(i, i + 1000) });
    await db.$executeRawUnsafe(`ANALYZE "ApiToken"`);
    const from = at(-7 * DAY).toISOString();
    const to = at(7 * DAY).toISOString();
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT count(*) FROM "ApiToken" WHERE "deletedAt" IS NULL
         AND "expiresAt" > ($1::timestamptz AT TIME ZONE 'UTC') AND "expiresAt" <= ($2::timestamptz AT TIME ZONE 'UTC')`,
      from,
      to,
    );
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/ApiToken_(live|deletedAt)_expiresAt_idx/);
    expect(text).not.toMatch(/Seq Scan/);
    const expected = spread.filter((t) => !t.deletedAt && t.expiresAt && t.expiresAt > at(-7 * DAY) && t.expiresAt <= at(7 * DAY));
    const summary = await summarizeExpiries(NOW);
    expect(summary.expiring + summary.expired).toBe(expected.length + 5);
  });
});
