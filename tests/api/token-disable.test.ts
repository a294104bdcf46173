import { describe, expect, it } from "vitest";
import { adminServerPerFile } from "../helpers/admin-server";

// Disabling and enabling a token without deleting it, over real HTTP: a disabled token is
// refused on its very next request (401 token_disabled), in both API surfaces, even while
// 200 clients hammer it; enabling brings the same secret back. Each switch writes one
// audit event and one outbox event, and the Devtron list shows a disabled token as expired.

const ADMIN_EMAIL = "disable-admin@example.com";
const ctx = adminServerPerFile({ email: ADMIN_EMAIL });
const { admin, anon } = ctx;

type TokenJson = {
  id: number;
  name: string;
  disabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  expiresAt: string;
};

async function create(name: string) {
  const res = await admin("POST", "/api/v1/tokens", { name, permissions: { superAdmin: true } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { token: res.body.token as TokenJson, secret: res.body.secret as string };
}
const me = (secret: string) => anon("GET", "/api/v1/me", undefined, { authorization: `Bearer ${secret}` });
const setDisabled = (id: number, disabled: boolean) => admin("PATCH", `/api/v1/tokens/${id}`, { disabled });

const DISABLED = {
  type: "about:blank",
  title: "Token disabled",
  status: 401,
  code: "token_disabled",
  detail: "This token is disabled. A super admin can enable it again; its secret stays the same.",
};

async function trail(tokenId: number) {
  const [audit, events] = await Promise.all([
    ctx.db.auditEvent.findMany({ where: { targetType: "token", targetId: tokenId }, orderBy: { id: "asc" } }),
    ctx.db.notificationEvent.findMany({ where: { tokenId }, orderBy: { id: "asc" } }),
  ]);
  return {
    audit: audit.map((e) => ({ action: e.action, actor: e.actorName, details: e.details })),
    events: events.map((e) => ({ type: e.type, disabled: (e.payload as { data: { token: TokenJson } }).data.token.disabled })),
  };
}

describe("PATCH /api/v1/tokens/{id} with disabled", () => {
  it("refuses the token on its next request, and enabling brings back the same secret", async () => {
    const { token, secret } = await create("switched");
    expect(token).toMatchObject({ disabled: false, disabledAt: null, disabledReason: null });
    expect((await me(secret)).status).toBe(200);

    const before = Date.now();
    const off = await setDisabled(token.id, true);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: token.id, disabled: true, disabledReason: "manual", updatedBy: ADMIN_EMAIL });
    expect(Date.parse(off.body.disabledAt as string)).toBeGreaterThanOrEqual(before - 1000);
    const refused = await me(secret);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(refused.body).toEqual(DISABLED);
    // Devtron's surface refuses it in Devtron's envelope.
    const devtron = await anon("GET", "/orchestrator/api-token", undefined, { token: secret });
    expect(devtron.status).toBe(401);
    expect(devtron.body).toMatchObject({ code: 401, errors: [{ code: "token_disabled", userMessage: DISABLED.detail }] });

    const on = await setDisabled(token.id, false);
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ disabled: false, disabledAt: null, disabledReason: null });
    expect((await me(secret)).status).toBe(200);

    expect(await trail(token.id)).toEqual({
      audit: [
        { action: "token.created", actor: ADMIN_EMAIL, details: expect.anything() },
        { action: "token.disabled", actor: ADMIN_EMAIL, details: { name: "switched" } },
        { action: "token.enabled", actor: ADMIN_EMAIL, details: { name: "switched" } },
      ],
      events: [
        { type: "token.created", disabled: false },
        { type: "token.disabled", disabled: true },
        { type: "token.enabled", disabled: false },
      ],
    });
  });

  it("changes nothing when the token is already in the asked-for state", async () => {
    const { token } = await create("already-off");
    await setDisabled(token.id, true);
    const row = await ctx.db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    const again = await setDisabled(token.id, true);
    expect(again.status).toBe(200);
    expect(await ctx.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).toEqual(row);
    expect((await trail(token.id)).audit.map((e) => e.action)).toEqual(["token.created", "token.disabled"]);
  });

  it("records an edit and a switch in one request as two events", async () => {
    const { token } = await create("edit-and-switch");
    const res = await admin("PATCH", `/api/v1/tokens/${token.id}`, { description: "paused", disabled: true });
    expect(res.body).toMatchObject({ description: "paused", disabled: true });
    const { audit, events } = await trail(token.id);
    expect(audit.slice(1)).toEqual([
      {
        action: "token.updated",
        actor: ADMIN_EMAIL,
        details: { name: "edit-and-switch", changes: { description: { from: "", to: "paused" } } },
      },
      { action: "token.disabled", actor: ADMIN_EMAIL, details: { name: "edit-and-switch" } },
    ]);
    expect(events.map((e) => e.type)).toEqual(["token.created", "token.updated", "token.disabled"]);
  });

  it("keeps a disabled token disabled through a regenerate: the new secret is refused too", async () => {
    const { token } = await create("regenerated-off");
    await setDisabled(token.id, true);
    const regen = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, {});
    expect(regen.status).toBe(200);
    expect(regen.body.token).toMatchObject({ disabled: true });
    expect((await me(regen.body.secret as string)).body).toEqual(DISABLED);
  });

  it("does not count a disabled token's requests as guesses", async () => {
    const { token, secret } = await create("not-a-guess");
    await setDisabled(token.id, true);
    const statuses = [];
    for (let i = 0; i < 25; i++) statuses.push((await me(secret)).status);
    expect(statuses).toEqual(Array(25).fill(401));
    expect((await me("tsr_notreal")).status).toBe(401);
  });

  it("refuses a disabled flag that is not a boolean, and a disabled token of another id is 404", async () => {
    const { token } = await create("bad-flag");
    const bad = await setDisabled(token.id, "yes" as unknown as boolean);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: "disabled", message: "must be true or false" }]);
    expect((await setDisabled(2_000_000, true)).status).toBe(404);
  });
});

describe("200 clients using a token while it is disabled", () => {
  it("none succeeds once the disable call has returned; enabling lets them all back in", async () => {
    const { token, secret } = await create("hammered");
    type Call = { sentAt: number; status: number; code?: string };
    const calls: Call[] = [];
    let stop = false;
    let phase: "before" | "off" = "before";
    let returnedAt = Number.POSITIVE_INFINITY;
    const worker = async () => {
      while (!stop) {
        const sentAt = performance.now();
        const res = await fetch(`${ctx.server.origin}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
        const body = (await res.json()) as { code?: string };
        calls.push({ sentAt, status: res.status, code: body.code });
      }
    };
    const workers = Array.from({ length: 200 }, worker);
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await until(() => calls.filter((c) => c.status === 200).length >= 400);

    const off = await setDisabled(token.id, true);
    returnedAt = performance.now();
    phase = "off";
    expect(off.status).toBe(200);
    await until(() => calls.filter((c) => c.sentAt > returnedAt).length >= 600);
    stop = true;
    await Promise.all(workers);

    const after = calls.filter((c) => c.sentAt > returnedAt);
    expect(phase).toBe("off");
    expect(after.length).toBeGreaterThanOrEqual(600);
    expect(after.filter((c) => c.status !== 401 || c.code !== "token_disabled")).toEqual([]);
    expect(calls.filter((c) => c.sentAt < returnedAt && c.status === 200).length).toBeGreaterThanOrEqual(400);

    expect((await setDisabled(token.id, false)).status).toBe(200);
    const back = await Promise.all(Array.from({ length: 200 }, () => me(secret)));
    expect(back.map((r) => r.status)).toEqual(Array(200).fill(200));
  }, 120_000);
});

describe("the lists", () => {
  it("filter by status disabled; active leaves disabled tokens out", async () => {
    const { token } = await create("list-off");
    await create("list-on");
    await setDisabled(token.id, true);
    const disabled = await admin("GET", "/api/v1/tokens?q=list-&status=disabled");
    expect((disabled.body.data as TokenJson[]).map((t) => t.name)).toEqual(["list-off"]);
    const active = await admin("GET", "/api/v1/tokens?q=list-&status=active");
    expect((active.body.data as TokenJson[]).map((t) => t.name)).toEqual(["list-on"]);
  });

  it("show a disabled token to Devtron as expired at the moment it was disabled, and a PUT of that value changes nothing", async () => {
    const { token, secret } = await create("devtron-off");
    const off = await setDisabled(token.id, true);
    const list = await admin("GET", "/orchestrator/api-token");
    const listed = (list.body.result as { name: string; expireAtInMs: number }[]).find((t) => t.name === "devtron-off")!;
    expect(listed.expireAtInMs).toBe(Date.parse(off.body.disabledAt as string));
    expect(listed.expireAtInMs).toBeLessThan(Date.now() + 1);
    const enabledOne = (list.body.result as { name: string; expireAtInMs: number }[]).find((t) => t.name === "list-on")!;
    expect(enabledOne.expireAtInMs).toBeGreaterThan(Date.now());

    const put = await admin("PUT", `/orchestrator/api-token/${token.id}`, { description: "round trip", expireAtInMs: listed.expireAtInMs });
    expect(put.status).toBe(200);
    expect(put.body.result).toEqual({ success: true, token: "", hideApiToken: true });
    await setDisabled(token.id, false);
    // Still the same secret and the same expiry: nothing was regenerated.
    expect((await me(secret)).status).toBe(200);
    expect((await admin("GET", `/api/v1/tokens/${token.id}`)).body).toMatchObject({ expiresAt: token.expiresAt, version: 1 });
  });
});
