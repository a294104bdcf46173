import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/permissions/policy";
import { POLICY_CASES, type PolicyCase } from "@/lib/permissions/policy-table";
import type { Permissions } from "@/lib/permissions/schema";
import { generateToken, hashSecret, previewOf } from "@/lib/tokens/format";
import { adminServerPerFile } from "../helpers/admin-server";
import { seedApp, seedEnvironment, seedProject } from "../helpers/catalog-fixtures";

// GET /api/v1/tokens/{id}/explain over real HTTP: for every row of the policy table, a token
// holding that row's grant is asked about that row's request, and the answer must be the
// table's and authorize()'s — the function every route guards with. Then the same question is
// put to a real route with the token itself, to see the enforcement agree with the explainer.

const ctx = adminServerPerFile();
const { admin, anon } = ctx;

const permissionsOf = (grant: PolicyCase["grant"]): Permissions =>
  grant === "superAdmin" ? { superAdmin: true } : { superAdmin: false, grants: grant === "none" ? [] : [grant] };

let counter = 0;
/** A token holding exactly these permissions, written straight to its row (the explainer does not need the names to exist). */
async function tokenWith(permissions: Permissions) {
  counter += 1;
  const secret = generateToken();
  const row = await ctx.db.apiToken.create({
    data: {
      name: `explain-${counter}`,
      secretHash: hashSecret(secret),
      preview: previewOf(secret),
      superAdmin: permissions.superAdmin,
      grants: permissions.superAdmin ? [] : permissions.grants,
      createdBy: "seed",
      updatedBy: "seed",
    },
  });
  return { id: row.id, secret };
}

const explainPath = (id: number, request: Record<string, string | undefined>) =>
  `/api/v1/tokens/${id}/explain?${new URLSearchParams(Object.entries(request).filter((e): e is [string, string] => e[1] !== undefined))}`;

describe("the explainer agrees with enforcement on every row of the policy table", () => {
  it(`answers all ${POLICY_CASES.length} rows as authorize() and the table do`, async () => {
    const tokens = new Map<string, number>();
    const mismatches: string[] = [];
    for (const c of POLICY_CASES) {
      const permissions = permissionsOf(c.grant);
      const key = JSON.stringify(permissions);
      if (!tokens.has(key)) tokens.set(key, (await tokenWith(permissions)).id);
      const res = await admin("GET", explainPath(tokens.get(key)!, c.request));
      const expectedGrant = c.allowed && typeof c.grant === "object" ? c.grant : null;
      const answer = res.body as { allowed: boolean; reason: string; grant: unknown };
      if (res.status !== 200 || answer.allowed !== c.allowed || answer.allowed !== authorize(permissions, c.request)) {
        mismatches.push(`${c.note}: ${res.status} ${JSON.stringify(res.body)}`);
      } else if (!isDeepStrictEqual(answer.grant, expectedGrant)) {
        mismatches.push(`${c.note}: grant ${JSON.stringify(answer.grant)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(tokens.size).toBeGreaterThanOrEqual(39);
  }, 120_000);
});

describe("explained, then enforced by the real routes", () => {
  it("a trigger grant on staging: deploying to staging is allowed and works, production is refused and is refused", async () => {
    const payments = await seedProject(ctx.db, "payments");
    const staging = await seedEnvironment(ctx.db, "staging");
    await seedEnvironment(ctx.db, "production");
    const app = await seedApp(ctx.db, payments.id, "checkout");
    const { id, secret } = await tokenWith({
      superAdmin: false,
      grants: [{ entity: "devtron-app", role: "trigger", project: "payments", environments: ["staging"], apps: [] }],
    });
    const ask = (environment: string) =>
      admin("GET", explainPath(id, { entity: "devtron-app", action: "trigger", project: "payments", environment, app: "checkout" }));
    const deploy = (environment: string) =>
      anon("POST", `/api/v1/apps/${app.id}/deployments`, { environment }, { authorization: `Bearer ${secret}` });

    const yes = await ask("staging");
    expect(yes.body).toEqual({
      allowed: true,
      reason: "Allowed by the grant Devtron app trigger in payments/staging.",
      grant: { entity: "devtron-app", role: "trigger", project: "payments", environments: ["staging"], apps: [] },
    });
    expect((await deploy("staging")).status).toBe(201);

    const no = await ask("production");
    expect(no.body).toEqual({
      allowed: false,
      reason: "Not allowed. The grant Devtron app trigger in payments/staging: it does not cover environment production.",
      grant: null,
    });
    expect((await deploy("production")).status).toBe(403);

    const create = await admin("GET", explainPath(id, { entity: "devtron-app", action: "create", project: "payments" }));
    expect(create.body).toMatchObject({ allowed: false, reason: expect.stringContaining("its role trigger does not allow create") });
    expect(
      (await anon("POST", "/api/v1/apps", { name: "refused-app", project: "payments" }, { authorization: `Bearer ${secret}` })).status,
    ).toBe(403);
    expect(staging.name).toBe("staging");
  });

  it("a disabled or expired token is allowed nothing, and the answer says why", async () => {
    const { id } = await tokenWith({ superAdmin: true });
    await admin("PATCH", `/api/v1/tokens/${id}`, { disabled: true });
    const disabled = await admin("GET", explainPath(id, { entity: "catalog", action: "manage" }));
    expect(disabled.body).toEqual({
      allowed: false,
      reason:
        "Not allowed: the token is disabled, so every request with it is refused. Its permissions would allow it: Super admin: allowed to do everything.",
      grant: null,
    });
    const expired = await tokenWith({ superAdmin: true });
    await ctx.db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const answer = await admin("GET", explainPath(expired.id, { entity: "chart-group", action: "read" }));
    expect(answer.body).toMatchObject({ allowed: false, reason: expect.stringMatching(/^Not allowed: the token has expired/) });
  });
});

describe("bad questions", () => {
  it.each([
    [
      "an unknown entity",
      { entity: "cluster", action: "read" },
      [{ path: "entity", message: "must be one of devtron-app, helm-app, chart-group, catalog" }],
    ],
    [
      "an action of another entity",
      { entity: "helm-app", action: "trigger", project: "p", environment: "e" },
      [{ path: "action", message: "must be one of read, update, install, delete for helm-app" }],
    ],
    ["no project", { entity: "devtron-app", action: "read", app: "a" }, [{ path: "project", message: "is required for devtron-app" }]],
    [
      "no environment for a Helm app",
      { entity: "helm-app", action: "read", project: "p" },
      [{ path: "environment", message: "is required for helm-app" }],
    ],
    [
      "a group for an app",
      { entity: "devtron-app", action: "read", project: "p", group: "g" },
      [{ path: "group", message: "does not apply to devtron-app" }],
    ],
    ["no action", { entity: "catalog" }, [{ path: "action", message: "is required" }]],
  ])("refuses %s with 400", async (_name, query, errors) => {
    const { id } = await tokenWith({ superAdmin: true });
    const res = await admin("GET", explainPath(id, query));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(errors);
  });

  it("answers 404 for a token that does not exist or was deleted", async () => {
    expect((await admin("GET", explainPath(2_000_000, { entity: "catalog", action: "manage" }))).status).toBe(404);
    const { id } = await tokenWith({ superAdmin: true });
    await admin("DELETE", `/api/v1/tokens/${id}`);
    expect((await admin("GET", explainPath(id, { entity: "catalog", action: "manage" }))).status).toBe(404);
  });
});
