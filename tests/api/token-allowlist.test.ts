import { afterEach, describe, expect, it } from "vitest";
import { tokenRefusalsToday } from "@/server/tokens/refusals";
import { discardPendingUsage, flushUsage } from "@/server/tokens/usage";
import { adminServerPerFile } from "../helpers/admin-server";

// A token's IP allowlist over real HTTP. The client address is the one Tessera computes
// (server/client-ip.ts): with TESSERA_TRUSTED_PROXIES=1 the X-Forwarded-For entry a test sends
// (left of the peer address the server appends) is the client, as behind one load balancer.

const ctx = adminServerPerFile({ trustedProxies: 1 });
const { admin, anon } = ctx;

afterEach(async () => {
  process.env.TESSERA_TRUSTED_PROXIES = "1";
  await flushUsage();
});

type TokenJson = { id: number; name: string; allowedIps: string[] };
let counter = 0;

async function create(allowedIps?: string[]) {
  counter += 1;
  const res = await admin("POST", "/api/v1/tokens", { name: `allow-${counter}`, permissions: { superAdmin: true }, allowedIps });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { token: res.body.token as TokenJson, secret: res.body.secret as string };
}
const from = (secret: string, ip: string, path = "/api/v1/me") =>
  anon("GET", path, undefined, { authorization: `Bearer ${secret}`, "x-forwarded-for": ip });
const setAllowed = (id: number, allowedIps: unknown) => admin("PATCH", `/api/v1/tokens/${id}`, { allowedIps });

const notAllowed = (ip: string) => ({
  type: "about:blank",
  title: "IP address not allowed",
  status: 403,
  code: "ip_not_allowed",
  detail: `This token accepts requests only from the addresses on its allowlist, and this one came from ${ip}.`,
});

describe("editing the allowlist", () => {
  it("stores and answers each entry in canonical form, and audits the change", async () => {
    const { token } = await create();
    expect(token.allowedIps).toEqual([]);
    const res = await setAllowed(token.id, ["203.0.113.7/32", "2001:DB8::/32", "::ffff:198.51.100.0/120"]);
    expect(res.status).toBe(200);
    expect(res.body.allowedIps).toEqual(["203.0.113.7", "2001:db8::/32", "198.51.100.0/24"]);
    const audit = await ctx.db.auditEvent.findFirstOrThrow({ where: { targetId: token.id, action: "token.updated" } });
    expect(audit.details).toMatchObject({ changes: { allowedIps: { from: [], to: ["203.0.113.7", "2001:db8::/32", "198.51.100.0/24"] } } });
  });

  it("refuses a malformed entry with 400 at its index, and changes nothing", async () => {
    const { token } = await create(["10.0.0.0/8"]);
    const before = await ctx.db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    const res = await setAllowed(token.id, ["10.0.0.0/8", "192.0.2.1", "2001:db8::/32", "10.0.0.256", "10.1.0.0/8"]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed", detail: expect.stringMatching(/^allowedIps\.3 /) });
    expect(res.body.errors).toEqual([
      {
        path: "allowedIps.3",
        message: '"10.0.0.256" is not an IPv4 or IPv6 address or CIDR range (such as 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32)',
      },
      { path: "allowedIps.4", message: '"10.1.0.0/8" has bits set past its /8 prefix: the range is written 10.0.0.0/8' },
    ]);
    expect(await ctx.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).toEqual(before);
  });

  it("refuses more than 50 entries, a non-list and a non-string entry", async () => {
    const { token } = await create();
    const many = Array.from({ length: 51 }, (_, i) => `10.${i}.0.0/16`);
    expect((await setAllowed(token.id, many)).body.errors).toEqual([
      { path: "allowedIps", message: "must list at most 50 addresses or ranges" },
    ]);
    expect((await setAllowed(token.id, "10.0.0.0/8")).body.errors).toEqual([
      { path: "allowedIps", message: "must be a list of IP addresses and CIDR ranges ([] allows any address)" },
    ]);
    expect((await setAllowed(token.id, ["10.0.0.1", 7])).body.errors).toEqual([
      { path: "allowedIps.1", message: "must be an IP address or CIDR range, as a string" },
    ]);
    const onCreate = await admin("POST", "/api/v1/tokens", {
      name: "allow-bad-create",
      permissions: { superAdmin: true },
      allowedIps: ["nope"],
    });
    expect(onCreate.status).toBe(400);
    expect((onCreate.body.errors as { path: string }[])[0]!.path).toBe("allowedIps.0");
  });
});

describe("requests from inside and outside the allowlist", () => {
  it("lets a listed address in and refuses the rest with 403 ip_not_allowed, in both surfaces", async () => {
    const { secret } = await create(["203.0.113.0/24"]);
    expect((await from(secret, "203.0.113.7")).status).toBe(200);
    const refused = await from(secret, "198.51.100.1");
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(notAllowed("198.51.100.1"));
    const devtron = await from(secret, "198.51.100.1", "/orchestrator/api-token");
    expect(devtron.status).toBe(403);
    expect(devtron.body).toMatchObject({ code: 403, errors: [{ code: "ip_not_allowed", userMessage: notAllowed("198.51.100.1").detail }] });
  });

  it.each([
    [
      "/32: exactly one address",
      ["203.0.113.7/32"],
      [
        ["203.0.113.7", 200],
        ["203.0.113.8", 403],
      ],
    ],
    [
      "/0: every IPv4 address",
      ["0.0.0.0/0"],
      [
        ["192.0.2.1", 200],
        ["::ffff:192.0.2.1", 200],
        ["2001:db8::1", 403],
      ],
    ],
    [
      "an IPv6 range",
      ["2001:db8::/32"],
      [
        ["2001:db8:1::5", 200],
        ["2001:db9::5", 403],
        ["203.0.113.7", 403],
      ],
    ],
    [
      "an IPv6 address",
      ["2001:db8::1"],
      [
        ["2001:db8::1", 200],
        ["2001:db8::2", 403],
      ],
    ],
    [
      "::/0: every address",
      ["::/0"],
      [
        ["2001:db8::1", 200],
        ["203.0.113.7", 200],
      ],
    ],
    [
      "IPv4 ranges, an IPv4-mapped IPv6 client",
      ["10.0.0.0/8"],
      [
        ["::ffff:10.1.2.3", 200],
        ["::ffff:11.1.2.3", 403],
      ],
    ],
    [
      "an IPv4-mapped range, an IPv4 client",
      ["::ffff:10.0.0.0/104"],
      [
        ["10.9.9.9", 200],
        ["11.9.9.9", 403],
      ],
    ],
  ] as const)("%s", async (_name, list, cases) => {
    const { secret } = await create([...list]);
    for (const [ip, status] of cases) expect((await from(secret, ip)).status, ip).toBe(status);
  });

  it("[] allows any address again", async () => {
    const { token, secret } = await create(["192.0.2.1"]);
    expect((await from(secret, "198.51.100.9")).status).toBe(403);
    expect((await setAllowed(token.id, [])).body.allowedIps).toEqual([]);
    expect((await from(secret, "198.51.100.9")).status).toBe(200);
  });

  it("judges the address Tessera computes, not what the client writes in X-Forwarded-For", async () => {
    // Without a trusted proxy the client is the connection's own address (loopback here).
    process.env.TESSERA_TRUSTED_PROXIES = "0";
    const { secret } = await create(["203.0.113.7"]);
    const forged = await from(secret, "203.0.113.7");
    expect(forged.status).toBe(403);
    expect(forged.body.detail).toMatch(/came from (127\.0\.0\.1|::ffff:127\.0\.0\.1)\.$/);
    const loopback = await create(["127.0.0.1"]);
    expect((await from(loopback.secret, "203.0.113.7")).status).toBe(200);
  });

  it("refuses an address it cannot parse when the list is not empty", async () => {
    const { secret } = await create(["0.0.0.0/0", "::/0"]);
    expect((await from(secret, "not-an-address")).status).toBe(403);
  });
});

describe("refused requests", () => {
  it("are counted off the request path, per address and day, and are not uses", async () => {
    await flushUsage();
    const { token, secret } = await create(["192.0.2.0/24"]);
    for (let i = 0; i < 3; i++) expect((await from(secret, "203.0.113.7")).status).toBe(403);
    expect((await from(secret, "2001:db8::9")).status).toBe(403);
    // Nothing written yet: the counts wait in memory for the next usage batch.
    expect(await ctx.db.apiTokenRefusal.count({ where: { tokenId: token.id } })).toBe(0);
    await flushUsage();
    const today = await tokenRefusalsToday(token.id);
    expect(today).toEqual({
      total: 4,
      addresses: [
        { ip: "203.0.113.7", requests: 3, lastAt: expect.any(String) },
        { ip: "2001:db8::9", requests: 1, lastAt: expect.any(String) },
      ],
      moreAddresses: 0,
    });
    const row = await ctx.db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.lastUsedAt).toBeNull();
    expect(await ctx.db.apiTokenUsage.count({ where: { tokenId: token.id } })).toBe(0);

    // A later batch adds to the same day's counts.
    await from(secret, "203.0.113.7");
    await flushUsage();
    expect((await tokenRefusalsToday(token.id)).addresses[0]).toMatchObject({ ip: "203.0.113.7", requests: 4 });
  });

  it("are not written when discarded before a flush (the counts really are in memory)", async () => {
    const { token, secret } = await create(["192.0.2.0/24"]);
    await from(secret, "203.0.113.50");
    discardPendingUsage();
    await flushUsage();
    expect(await ctx.db.apiTokenRefusal.count({ where: { tokenId: token.id } })).toBe(0);
  });
});
