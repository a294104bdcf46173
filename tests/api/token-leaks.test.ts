import { describe, expect, it } from "vitest";
import { generateToken } from "@/lib/tokens/format";
import { notifierOptions } from "@/server/notifications/config";
import { dispatchEvents } from "@/server/notifications/dispatch";
import { createWebhook } from "@/server/notifications/webhooks";
import { REVOKE_LIMIT } from "@/server/tokens/leaks";
import { adminServerPerFile } from "../helpers/admin-server";
import { useFreshCounterStore } from "../helpers/db";
import { unique } from "../helpers/fixtures";

// Leak response over real HTTP: a token deletes itself; anyone can hand in leaked strings at
// the public revoke endpoint, which answers the same bytes whatever they were and revokes
// only the live ones (audited as leaked, token.leaked through the outbox to webhooks and
// email); and the same endpoint's input limits. With TESSERA_TRUSTED_PROXIES=1 the
// X-Forwarded-For entry a test sends is the client address (server/client-ip.ts).

const ADMIN_EMAIL = "leaks-admin@example.com";
const ctx = adminServerPerFile({ email: ADMIN_EMAIL, trustedProxies: 1 });
const { admin, anon } = ctx;

async function create(name = unique("leak"), extra: Record<string, unknown> = {}) {
  const res = await admin("POST", "/api/v1/tokens", {
    name,
    permissions: { superAdmin: true },
    notifyEmails: ["sec@example.com"],
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: (res.body.token as { id: number }).id, secret: res.body.secret as string };
}
const me = (secret: string) => anon("GET", "/api/v1/me", undefined, { authorization: `Bearer ${secret}` });

/** The raw answer, bytes and all: the no-oracle promise is about exactly what goes back. */
async function report(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${ctx.server.origin}/api/v1/tokens/revoke`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9", ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe("DELETE /api/v1/tokens/self", () => {
  it("deletes the token that sends it, which then gets 401; the audit event says it deleted itself", async () => {
    const { id, secret } = await create();
    expect((await me(secret)).status).toBe(200);
    const res = await anon("DELETE", "/api/v1/tokens/self", undefined, { authorization: `Bearer ${secret}` });
    expect(res.status).toBe(204);
    expect((await me(secret)).status).toBe(401);
    expect((await anon("DELETE", "/api/v1/tokens/self", undefined, { authorization: `Bearer ${secret}` })).status).toBe(401);
    const audit = await ctx.db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "token.deleted" } });
    expect(audit).toMatchObject({ actorType: "token", actorId: id, details: { self: true } });
    expect(await ctx.db.notificationEvent.count({ where: { tokenId: id, type: "token.deleted" } })).toBe(1);
  });

  it("tells a signed-in user it is for tokens (403), and deletes nothing", async () => {
    const res = await admin("DELETE", "/api/v1/tokens/self");
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/carries a session, not a token/);
  });

  it("answers 401 without credentials", async () => {
    expect((await anon("DELETE", "/api/v1/tokens/self")).status).toBe(401);
  });
});

describe("POST /api/v1/tokens/revoke", () => {
  it("answers the same bytes for live, deleted, garbage and foreign strings, and revokes only the live ones", async () => {
    const live = await create();
    const other = await create();
    const bystander = await create();
    const deleted = await create();
    expect((await admin("DELETE", `/api/v1/tokens/${deleted.id}`)).status).toBe(204);
    const foreign = generateToken(); // well-formed, never issued here
    const cases = [
      [live.secret, "garbage", deleted.secret, foreign],
      [deleted.secret, "x", "tsr_zzz", generateToken()],
      ["garbage", "garbage", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", foreign],
      [foreign, other.secret, "", "tsr_"],
    ];
    const answers = [];
    for (const tokens of cases) answers.push(await report(JSON.stringify({ tokens })));
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(answer.text).toBe('{"received":4}');
      expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    }
    expect((await me(live.secret)).status).toBe(401);
    expect((await me(other.secret)).status).toBe(401);
    expect((await me(bystander.secret)).status).toBe(200);

    const audit = await ctx.db.auditEvent.findMany({ where: { action: "token.leaked" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.targetId)).toEqual([live.id, other.id]);
    expect(audit[0]).toMatchObject({ actorType: "system", ip: "203.0.113.9", details: { secret: "current", reportedFrom: "203.0.113.9" } });
    const events = await ctx.db.notificationEvent.findMany({ where: { type: "token.leaked" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.tokenId)).toEqual([live.id, other.id]);
  });

  it("sends token.leaked through the outbox: a delivery to every webhook, an email to the creator and notifyEmails", async () => {
    const { id, secret } = await create();
    const actor = { type: "system" as const, id: null, name: "test", ip: null };
    const hook = await createWebhook({ url: "http://127.0.0.1:9/hook", events: ["token.leaked"], description: "" }, actor, {
      allowPrivate: true,
    });
    expect((await report(JSON.stringify({ tokens: [secret] }))).status).toBe(202);
    await dispatchEvents(notifierOptions({ smtp: { url: "smtp://127.0.0.1:1", from: "tessera@example.com" } }));
    const event = await ctx.db.notificationEvent.findFirstOrThrow({ where: { tokenId: id, type: "token.leaked" } });
    expect(event.payload).toMatchObject({ type: "token.leaked", data: { secret: "current", token: { id } } });
    expect(await ctx.db.webhookDelivery.count({ where: { eventId: event.id, webhookId: hook.webhook.id } })).toBe(1);
    const email = await ctx.db.notificationEmail.findFirstOrThrow({ where: { eventId: event.id } });
    expect([...email.recipients].sort()).toEqual([ADMIN_EMAIL, "sec@example.com"]);
  });

  it("ends the grace of a leaked old secret at once; the new secret keeps working", async () => {
    const { id, secret: old } = await create();
    const regen = await admin("POST", `/api/v1/tokens/${id}/regenerate`, { expiresInDays: 30, graceSeconds: 3600 });
    expect(regen.status).toBe(200);
    const fresh = regen.body.secret as string;
    expect((await me(old)).status).toBe(200);
    expect((await report(JSON.stringify({ tokens: [old] }))).text).toBe('{"received":1}');
    expect((await me(old)).status).toBe(401);
    expect((await me(fresh)).status).toBe(200);
    const audit = await ctx.db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "token.leaked" } });
    expect(audit.details).toMatchObject({ secret: "previous", revoked: "grace ended" });
  });

  it("takes plain text, one string a line, and cross-site posts without a cookie or origin check", async () => {
    const a = await create();
    const b = await create();
    const res = await report(`${a.secret}\r\n\n  garbage  \n${b.secret}\n`, {
      "content-type": "text/plain; charset=utf-8",
      "sec-fetch-site": "cross-site",
      origin: "https://scanner.example.net",
    });
    expect(res).toMatchObject({ status: 202, text: '{"received":3}' });
    expect((await me(a.secret)).status).toBe(401);
    expect((await me(b.secret)).status).toBe(401);
  });

  it("refuses more than 1,000 strings (400) and revokes none of them", async () => {
    const { secret } = await create();
    const tokens = [secret, ...Array.from({ length: 1000 }, (_, i) => `filler-${i}`)];
    const res = await report(JSON.stringify({ tokens }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "tokens", message: "must list at most 1000 strings; split the report into several requests" }],
    });
    expect((await me(secret)).status).toBe(200);
    expect((await report(JSON.stringify({ tokens: tokens.slice(0, 1000) }))).text).toBe('{"received":1000}');
    expect((await me(secret)).status).toBe(401);
  });

  it("answers bad bodies 400 in problem+json", async () => {
    for (const body of ["", "not json", '{"tokens":"one"}', '{"tokens":[1]}', '{"token":["x"]}']) {
      const res = await report(body);
      expect(res.status, body).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
  });

  it(`limits each address to ${REVOKE_LIMIT} requests a minute (429 with Retry-After), others unaffected`, async () => {
    useFreshCounterStore();
    const from = { "x-forwarded-for": "198.51.100.77" };
    for (let i = 0; i < REVOKE_LIMIT; i++) expect((await report('{"tokens":[]}', from)).status).toBe(202);
    const limited = await report('{"tokens":[]}', from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(JSON.parse(limited.text)).toMatchObject({ code: "rate_limited" });
    expect((await report('{"tokens":[]}', { "x-forwarded-for": "198.51.100.78" })).status).toBe(202);
  });
});
