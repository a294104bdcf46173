import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { flushUsage } from "@/server/tokens/usage";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  admin = client(server, await sessionCookieFor((await makeUser(db, { superAdmin: true })).id));
});
afterAll(() => server.close());

describe("token lifecycle", () => {
  it("creates, authenticates, regenerates with grace, deletes", async () => {
    const created = await admin("POST", "/api/v1/tokens", { name: "ci-deployer", permissions: { superAdmin: true } });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^tsr_[0-9A-Za-z]{46}$/);
    const asToken = client(server);
    const me = await asToken("GET", "/api/v1/me", undefined, { authorization: `Bearer ${secret}` });
    expect(me.body).toEqual({
      type: "token",
      id: (created.body.token as { id: number }).id,
      name: "ci-deployer",
      permissions: { superAdmin: true },
    });
    const viaHeader = await asToken("GET", "/api/v1/tokens", undefined, { token: secret });
    expect(viaHeader.status).toBe(200);
    await flushUsage();
    const row = await db.apiToken.findFirst({ where: { name: "ci-deployer" } });
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    expect(row?.recentIps).toEqual(["127.0.0.1"]);

    const id = (created.body.token as { id: number }).id;
    const regen = await admin("POST", `/api/v1/tokens/${id}/regenerate`, { expiresInDays: 7, graceSeconds: 3600 });
    expect(regen.status).toBe(200);
    const fresh = regen.body.secret as string;
    expect((await asToken("GET", "/api/v1/me", undefined, { token: secret })).status).toBe(200);
    expect((await asToken("GET", "/api/v1/me", undefined, { token: fresh })).status).toBe(200);
    const regen2 = await admin("POST", `/api/v1/tokens/${id}/regenerate`, {});
    const third = regen2.body.secret as string;
    expect((await asToken("GET", "/api/v1/me", undefined, { token: fresh })).status).toBe(401);
    expect((await asToken("GET", "/api/v1/me", undefined, { token: third })).status).toBe(200);

    expect((await admin("DELETE", `/api/v1/tokens/${id}`)).status).toBe(204);
    const after = await asToken("GET", "/api/v1/me", undefined, { token: third });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe("unauthorized");
  });

  it("the Devtron flow: POST /orchestrator/api-token, then POST /orchestrator/app with the token header", async () => {
    const project = await admin("POST", "/api/v1/projects", { name: "payments" });
    const made = await admin("POST", "/orchestrator/api-token", { name: "devtron-script", description: "from a script", expireAtInMs: 0 });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ code: 200, status: "OK", result: { success: true, userIdentifier: "API-TOKEN:devtron-script" } });
    const secret = (made.body.result as { token: string }).token;
    const tokenId = (made.body.result as { userId: number }).userId;
    const asToken = client(server);
    // No roles yet: the app cannot be created.
    const denied = await asToken("POST", "/orchestrator/app", { appName: "checkout", teamId: project.body.id }, { token: secret });
    expect(denied.status).toBe(403);
    await admin("PATCH", `/api/v1/tokens/${tokenId}`, {
      permissions: {
        superAdmin: false,
        grants: [{ entity: "devtron-app", project: "payments", environments: [], apps: [], role: "admin" }],
      },
    });
    const app = await asToken(
      "POST",
      "/orchestrator/app",
      { appName: "checkout", teamId: project.body.id, description: "Checkout", labels: [] },
      { token: secret },
    );
    expect(app.status).toBe(200);
    expect(app.body.result).toMatchObject({ appName: "checkout", teamId: project.body.id });
    const list = await asToken("GET", "/api/v1/apps", undefined, { token: secret });
    expect((list.body.data as { name: string }[]).map((a) => a.name)).toEqual(["checkout"]);
    const listed = await admin("GET", "/orchestrator/api-token");
    expect(listed.body.result).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "devtron-script", token: "", expireAtInMs: 0 })]),
    );
  });

  it("a PATCH that changes nothing writes nothing: no audit event, same updatedAt", async () => {
    const created = await admin("POST", "/api/v1/tokens", { name: "no-op-edit", description: "same", permissions: { superAdmin: true } });
    const id = (created.body.token as { id: number }).id;
    const events = () => db.auditEvent.count({ where: { targetType: "token", targetId: id } });
    const before = await events();
    const res = await admin("PATCH", `/api/v1/tokens/${id}`, { description: "same", permissions: { superAdmin: true } });
    expect(res.status).toBe(200);
    expect(res.body.updatedAt).toBe((created.body.token as { updatedAt: string }).updatedAt);
    expect(await events()).toBe(before);
  });
});
