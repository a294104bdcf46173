import { PrismaPGlite } from "pglite-prisma-adapter";
import { generateToken, hashSecret, previewOf } from "../lib/tokens/format";
import { ipAllowed, parseAllowlist } from "../lib/tokens/ip-allowlist";
import { closeDb, createClient, setDatabase } from "../server/db";
import { pgliteDriver } from "../server/db/drivers";
import { migrate } from "../server/db/migrate";
import { createPGlite } from "../server/db/pglite";
import { summarizeExpiries } from "../server/tokens/expiry-summary";
import { listTokens } from "../server/tokens/token-list";
import { verifyToken } from "../server/tokens/verify";

const TOKENS = Number(process.env.BENCH_TOKENS ?? 10_000);
const SECONDS = Number(process.env.BENCH_VERIFY_SECONDS ?? 2);

async function measure(name: string, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await fn();
  let n = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) await fn();
    n += 50;
  }
  const perSecond = n / SECONDS;
  console.log(
    `  ${name.padEnd(44)} ${Math.round(perSecond).toLocaleString("en").padStart(10)} /s   ${(1e6 / perSecond).toFixed(1).padStart(8)} µs each`,
  );
  return perSecond;
}

async function main() {
  const pglite = await createPGlite();
  await migrate(pgliteDriver(pglite));
  const db = createClient(new PrismaPGlite(pglite));
  const sql = async (text: string, params?: unknown[]) => (await pglite.query(text, params)).rows as never;
  setDatabase(
    Promise.resolve({
      db,
      sql,
      close: async () => {
        await db.$disconnect();
        await pglite.close();
      },
    }),
  );
  const secrets = Array.from({ length: TOKENS }, generateToken);
  for (let i = 0; i < secrets.length; i += 1000) {
    await db.apiToken.createMany({
      data: secrets.slice(i, i + 1000).map((s, j) => ({
        name: `bench-${i + j}`,
        secretHash: hashSecret(s),
        preview: previewOf(s),
        createdBy: "bench",
        updatedBy: "bench",
        superAdmin: true,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    });
  }
  const hit = secrets[Math.floor(TOKENS / 2)]!;
  const unknown = generateToken();
  const malformed = hit.slice(0, -1) + (hit.endsWith("A") ? "B" : "A");
  console.log(`verifyToken, in process, in-memory PGlite, ${TOKENS.toLocaleString("en")} tokens, ${SECONDS} s each:`);
  const h = await measure("hit (valid token)", async () => {
    if (!(await verifyToken(hit)).ok) throw new Error("hit failed");
  });
  const u = await measure("miss, well-formed unknown token (1 lookup)", () => verifyToken(unknown));
  const m = await measure("miss, bad checksum (no database)", () => verifyToken(malformed));
  console.log(`  bad-checksum rejections are ${(m / h).toFixed(0)}× cheaper than a hit; unknown/hit ratio ${(u / h).toFixed(2)}`);

  // A token with an allowlist: the list is parsed once per distinct list (server/tokens/verify.ts
  // keeps the parse), so each request pays for the match only. The worst case: 50 ranges, the
  // client in none of them, an IPv4-mapped IPv6 address (checked against both families).
  const ranges = parseAllowlist(Array.from({ length: 50 }, (_, i) => (i % 2 ? `10.${i}.0.0/16` : `2001:db8:${i.toString(16)}::/48`)));
  await measure("allowlist: 50 ranges, client in none", async () => {
    if (ipAllowed(ranges, "::ffff:192.0.2.7")) throw new Error("matched");
  });

  // The token list the dashboard asks for, at this size, against the cheapest query there is.
  await db.$executeRawUnsafe(`UPDATE "ApiToken" SET "lastUsedAt" = now() - (id || ' minutes')::interval WHERE id % 3 = 0`);
  await db.$executeRawUnsafe(`ANALYZE "ApiToken"`);
  console.log(`listTokens (page of 20 with total) over ${TOKENS.toLocaleString("en")} tokens:`);
  const base = await measure("baseline: SELECT 1 through Prisma", () => db.$queryRaw`SELECT 1`);
  const lists: [string, Parameters<typeof listTokens>[0]][] = [
    ["newest first (default)", { page: 1, pageSize: 20 }],
    ["page 250, by name", { page: 250, pageSize: 20, sort: "name" }],
    ["search q=12, by last used", { page: 1, pageSize: 20, q: "12", sort: "-lastUsedAt" }],
    ["status=expiring, by expiry", { page: 1, pageSize: 20, status: "expiring", sort: "expiresAt" }],
  ];
  for (const [name, query] of lists) {
    const rate = await measure(name, () => listTokens(query));
    console.log(`  ${"".padEnd(44)} ratio to baseline: ${(base / rate).toFixed(1)}× the cost of SELECT 1`);
  }

  // The expiry notice on every dashboard page a super admin opens: its cost follows the tokens
  // inside its 14-day window. Here every token is inside it, then they are spread over two years.
  console.log(`summarizeExpiries (the dashboard's expiry notice) over ${TOKENS.toLocaleString("en")} tokens:`);
  await measure("every token expires within 7 days (worst case)", () => summarizeExpiries());
  await db.$executeRawUnsafe(`UPDATE "ApiToken" SET "expiresAt" = now() + ((id % 730) - 365) * interval '1 day'`);
  await db.$executeRawUnsafe(`ANALYZE "ApiToken"`);
  const rate = await measure("expiries spread over two years", () => summarizeExpiries());
  console.log(`  ${"".padEnd(44)} ratio to baseline: ${(base / rate).toFixed(1)}× the cost of SELECT 1`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
