import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import {
  catalogSnapshot,
  fieldProblem,
  isoTime,
  problemBody,
  seedApp,
  seedChartGroup,
  seedDeployment,
  seedEnvironment,
  seedHelmApp,
  seedProject,
  userWithGrants,
} from "../helpers/catalog-fixtures";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// The catalog API as a super admin, over real HTTP: every endpoint's happy path with
// its exact response shape and audit event, then a table of bad input, each answered
// with the exact problem+json and changing nothing.

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let adminId: number;
const ADMIN_EMAIL = "crud-admin@example.com";

/** Ids of the seeded things the tables below point at. */
const ids = {} as Record<string, number> & {
  project: number;
  staging: number;
  prod: number;
  app: number;
  helm: number;
  group: number;
  user: number;
};

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: ADMIN_EMAIL, name: "Crud Admin", superAdmin: true });
  adminId = user.id;
  admin = client(server, await sessionCookieFor(user.id));

  const base = await seedProject(db, "crud-base");
  const staging = await seedEnvironment(db, "crud-staging");
  const prod = await seedEnvironment(db, "crud-prod", { production: true });
  ids.project = base.id;
  ids.staging = staging.id;
  ids.prod = prod.id;
  ids.app = (await seedApp(db, base.id, "crud-app")).id;
  ids.helm = (await seedHelmApp(db, base.id, staging.id, "crud-helm")).id;
  ids.group = (await seedChartGroup(db, "crud-group")).id;
  ids.user = (await makeUser(db, { email: "crud-plain@example.com" })).id;

  // Things that are in use, for the 409s on delete.
  const busy = await seedProject(db, "del-busy");
  await seedApp(db, busy.id, "busy-app");
  const busyMany = await seedProject(db, "del-busy-many");
  for (const n of ["many-d", "many-a", "many-c", "many-b"]) await seedApp(db, busyMany.id, n);
  const granted = await seedProject(db, "del-granted");
  await userWithGrants(
    db,
    [{ entity: "devtron-app", project: "del-granted", environments: [], apps: [], role: "view" }],
    "granted@example.com",
  );
  const helmProject = await seedProject(db, "del-helm-project");
  const deployed = await seedEnvironment(db, "del-deployed");
  await seedDeployment(db, ids.app, deployed.id);
  const helmEnv = await seedEnvironment(db, "del-helm-env");
  await seedHelmApp(db, helmProject.id, helmEnv.id, "busy-release");
  const grantedEnv = await seedEnvironment(db, "del-granted-env");
  await userWithGrants(
    db,
    [{ entity: "helm-app", project: "crud-base", environments: ["del-granted-env"], apps: [], role: "view" }],
    "granted-env@example.com",
  );
  const grantedGroup = await seedChartGroup(db, "del-granted-group");
  await userWithGrants(db, [{ entity: "chart-group", groups: ["del-granted-group"], role: "view" }], "granted-group@example.com");
  Object.assign(ids, {
    busy: busy.id,
    busyMany: busyMany.id,
    granted: granted.id,
    helmProject: helmProject.id,
    deployed: deployed.id,
    helmEnv: helmEnv.id,
    grantedEnv: grantedEnv.id,
    grantedGroup: grantedGroup.id,
  });
});
afterAll(() => server.close());

async function lastEvent(action: string, targetId: number) {
  return db.auditEvent.findFirst({ where: { action, targetId }, orderBy: { id: "desc" } });
}

function expectAudit(event: Awaited<ReturnType<typeof lastEvent>>, targetType: string, details: unknown) {
  expect(event).toMatchObject({ actorType: "user", actorId: adminId, actorName: ADMIN_EMAIL, targetType, details });
  expect(event?.ip).toEqual(expect.any(String));
}

const names = (body: { data?: unknown[] }) => (body.data as { name: string }[]).map((x) => x.name);

// ---- Happy paths ---------------------------------------------------------------------------------

describe("projects", () => {
  it("creates (201), reads, lists, updates and deletes, auditing each write", async () => {
    const created = await admin("POST", "/api/v1/projects", { name: "payments", description: "Money in, money out" });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toMatch(/^application\/json/);
    const id = created.body.id as number;
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: "payments",
      description: "Money in, money out",
      createdAt: isoTime,
      updatedAt: isoTime,
    });
    expectAudit(await lastEvent("project.created", id), "project", { name: "payments", description: "Money in, money out" });

    expect((await admin("POST", "/api/v1/projects", { name: " trimmed " })).body).toMatchObject({ name: "trimmed", description: "" });

    const got = await admin("GET", `/api/v1/projects/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);

    const patched = await admin("PATCH", `/api/v1/projects/${id}`, { description: "New words" });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...created.body, description: "New words", updatedAt: isoTime });
    expect(Date.parse(patched.body.updatedAt as string)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt as string));
    expectAudit(await lastEvent("project.updated", id), "project", { name: "payments", description: "New words" });

    const deleted = await admin("DELETE", `/api/v1/projects/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expectAudit(await lastEvent("project.deleted", id), "project", { name: "payments" });
    const gone = await admin("GET", `/api/v1/projects/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(problemBody(404, "not_found", `No project with id ${id}.`));
    expect((await admin("DELETE", `/api/v1/projects/${id}`)).status).toBe(404);
  });

  it("lists with page, pageSize, total, sort (with - for descending) and case-insensitive q", async () => {
    for (const n of ["pl-bravo", "pl-alpha", "pl-charlie"]) await seedProject(db, n);
    // Controlled creation times: charlie oldest, alpha newest.
    await db.project.update({ where: { name: "pl-charlie" }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
    await db.project.update({ where: { name: "pl-bravo" }, data: { createdAt: new Date("2021-01-01T00:00:00Z") } });
    await db.project.update({ where: { name: "pl-alpha" }, data: { createdAt: new Date("2022-01-01T00:00:00Z") } });

    const first = await admin("GET", "/api/v1/projects?q=PL-&pageSize=2");
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ data: expect.any(Array), page: 1, pageSize: 2, total: 3 });
    expect(names(first.body)).toEqual(["pl-alpha", "pl-bravo"]);
    const second = await admin("GET", "/api/v1/projects?q=pl-&pageSize=2&page=2");
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(names(second.body)).toEqual(["pl-charlie"]);
    const beyond = await admin("GET", "/api/v1/projects?q=pl-&pageSize=2&page=9");
    expect(beyond.body).toEqual({ data: [], page: 9, pageSize: 2, total: 3 });

    expect(names((await admin("GET", "/api/v1/projects?q=pl-&sort=-name")).body)).toEqual(["pl-charlie", "pl-bravo", "pl-alpha"]);
    expect(names((await admin("GET", "/api/v1/projects?q=pl-&sort=createdAt")).body)).toEqual(["pl-charlie", "pl-bravo", "pl-alpha"]);
    expect(names((await admin("GET", "/api/v1/projects?q=pl-&sort=-createdAt")).body)).toEqual(["pl-alpha", "pl-bravo", "pl-charlie"]);

    const all = await admin("GET", "/api/v1/projects");
    expect(all.body).toMatchObject({ page: 1, pageSize: 20 });
    expect(all.body.total).toBe(await db.project.count());
    expect(all.body.data![0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      description: expect.any(String),
      createdAt: isoTime,
      updatedAt: isoTime,
    });
  });

  it("treats q as literal text, not a LIKE pattern", async () => {
    // Names cannot contain % or _, so these must match nothing.
    for (const q of ["%25", "_", "pl%25alpha", "pl_alpha"]) {
      const res = await admin("GET", `/api/v1/projects?q=${q}`);
      expect(res.status).toBe(200);
      expect({ q, total: res.body.total }).toEqual({ q, total: 0 });
    }
  });
});

describe("environments", () => {
  it("creates with defaults and with every field, reads, lists, updates and deletes, auditing each write", async () => {
    const minimal = await admin("POST", "/api/v1/environments", { name: "qa" });
    expect(minimal.status).toBe(201);
    expect(minimal.body).toEqual({
      id: expect.any(Number),
      name: "qa",
      description: "",
      cluster: "default_cluster",
      namespace: "qa",
      production: false,
      createdAt: isoTime,
      updatedAt: isoTime,
    });
    const full = await admin("POST", "/api/v1/environments", {
      name: "prod-eu",
      description: "EU",
      cluster: "eu-1",
      namespace: "prod-eu-ns",
      production: true,
    });
    expect(full.status).toBe(201);
    const id = full.body.id as number;
    expect(full.body).toEqual({
      id,
      name: "prod-eu",
      description: "EU",
      cluster: "eu-1",
      namespace: "prod-eu-ns",
      production: true,
      createdAt: isoTime,
      updatedAt: isoTime,
    });
    expectAudit(await lastEvent("environment.created", id), "environment", {
      name: "prod-eu",
      description: "EU",
      cluster: "eu-1",
      namespace: "prod-eu-ns",
      production: true,
    });

    expect((await admin("GET", `/api/v1/environments/${id}`)).body).toEqual(full.body);

    const patched = await admin("PATCH", `/api/v1/environments/${id}`, {
      description: "Europe",
      production: false,
      cluster: "eu-2",
      namespace: "eu",
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      ...full.body,
      description: "Europe",
      production: false,
      cluster: "eu-2",
      namespace: "eu",
      updatedAt: isoTime,
    });
    expectAudit(await lastEvent("environment.updated", id), "environment", {
      name: "prod-eu",
      description: "Europe",
      production: false,
      cluster: "eu-2",
      namespace: "eu",
    });

    expect((await admin("DELETE", `/api/v1/environments/${id}`)).status).toBe(204);
    expectAudit(await lastEvent("environment.deleted", id), "environment", { name: "prod-eu" });
    const gone = await admin("GET", `/api/v1/environments/${id}`);
    expect(gone.body).toEqual(problemBody(404, "not_found", `No environment with id ${id}.`));
  });

  it("lists with paging, sort and q", async () => {
    for (const n of ["envl-b", "envl-c", "envl-a"]) await seedEnvironment(db, n);
    const res = await admin("GET", "/api/v1/environments?q=ENVL-&pageSize=2&sort=-name");
    expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(names(res.body)).toEqual(["envl-c", "envl-b"]);
    expect(names((await admin("GET", "/api/v1/environments?q=envl-&pageSize=2&page=2&sort=-name")).body)).toEqual(["envl-a"]);
    expect(names((await admin("GET", "/api/v1/environments?q=envl-&sort=name")).body)).toEqual(["envl-a", "envl-b", "envl-c"]);
  });
});

describe("apps", () => {
  it("creates (201), reads, updates and deletes, auditing each write", async () => {
    const created = await admin("POST", "/api/v1/apps", {
      name: "checkout",
      project: "crud-base",
      description: "The checkout service",
      labels: [
        { key: "team", value: "payments" },
        { key: "tier/critical", value: "yes", propagate: true },
      ],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: "checkout",
      project: "crud-base",
      projectId: ids.project,
      description: "The checkout service",
      labels: [
        { key: "team", value: "payments", propagate: false },
        { key: "tier/critical", value: "yes", propagate: true },
      ],
      createdBy: ADMIN_EMAIL,
      createdAt: isoTime,
      updatedAt: isoTime,
    });
    expectAudit(await lastEvent("app.created", id), "app", { name: "checkout", project: "crud-base", via: "api" });

    expect((await admin("GET", `/api/v1/apps/${id}`)).body).toEqual(created.body);

    const patched = await admin("PATCH", `/api/v1/apps/${id}`, { description: "Checkout", labels: [] });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...created.body, description: "Checkout", labels: [], updatedAt: isoTime });
    expectAudit(await lastEvent("app.updated", id), "app", { name: "checkout", description: "Checkout", labels: [] });
    // A PATCH without labels leaves them alone.
    await admin("PATCH", `/api/v1/apps/${id}`, { labels: [{ key: "a", value: "b" }] });
    expect((await admin("PATCH", `/api/v1/apps/${id}`, { description: "again" })).body).toMatchObject({
      labels: [{ key: "a", value: "b", propagate: false }],
    });

    const deployed = await admin("POST", `/api/v1/apps/${id}/deployments`, { environment: "crud-staging" });
    expect(deployed.status).toBe(201);
    expect((await admin("DELETE", `/api/v1/apps/${id}`)).status).toBe(204);
    expectAudit(await lastEvent("app.deleted", id), "app", { name: "checkout", project: "crud-base" });
    expect((await admin("GET", `/api/v1/apps/${id}`)).body).toEqual(problemBody(404, "not_found", `No app with id ${id}.`));
    expect((await admin("GET", `/api/v1/apps/${id}/deployments`)).status).toBe(404);
    expect(await db.deployment.count({ where: { appId: id } })).toBe(0);
  });

  it("lists with paging, sort, q and the project filter", async () => {
    const other = await seedProject(db, "al-other");
    for (const n of ["al-b", "al-a", "al-c"]) await seedApp(db, ids.project, n);
    await seedApp(db, other.id, "al-d");
    const res = await admin("GET", "/api/v1/apps?q=AL-&pageSize=3");
    expect(res.body).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    expect(names(res.body)).toEqual(["al-a", "al-b", "al-c"]);
    expect(res.body.data![0]).toEqual({
      id: expect.any(Number),
      name: "al-a",
      project: "crud-base",
      projectId: ids.project,
      description: "",
      labels: [],
      createdBy: "seed@example.com",
      createdAt: isoTime,
      updatedAt: isoTime,
    });
    expect(names((await admin("GET", "/api/v1/apps?q=al-&pageSize=3&page=2")).body)).toEqual(["al-d"]);
    expect(names((await admin("GET", "/api/v1/apps?q=al-&sort=-name")).body)).toEqual(["al-d", "al-c", "al-b", "al-a"]);
    const filtered = await admin("GET", "/api/v1/apps?q=al-&project=al-other");
    expect(filtered.body).toMatchObject({ total: 1 });
    expect(names(filtered.body)).toEqual(["al-d"]);
    expect((await admin("GET", "/api/v1/apps?project=no-such-project")).body).toEqual({ data: [], page: 1, pageSize: 20, total: 0 });
    await db.app.update({ where: { name: "al-c" }, data: { description: "touched" } });
    expect(names((await admin("GET", "/api/v1/apps?q=al-&sort=-updatedAt")).body)[0]).toBe("al-c");
  });
});

describe("deployments", () => {
  it("triggers (201) and lists newest first with paging, auditing each trigger", async () => {
    const app = await seedApp(db, ids.project, "dep-app");
    const first = await admin("POST", `/api/v1/apps/${app.id}/deployments`, { environment: "crud-staging", image: "registry/app:1" });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(Number),
      appId: app.id,
      app: "dep-app",
      environment: "crud-staging",
      image: "registry/app:1",
      status: "Succeeded",
      triggeredBy: ADMIN_EMAIL,
      createdAt: isoTime,
    });
    expectAudit(await lastEvent("deployment.triggered", app.id), "app", {
      app: "dep-app",
      environment: "crud-staging",
      image: "registry/app:1",
    });
    const second = await admin("POST", `/api/v1/apps/${app.id}/deployments`, { environment: "crud-prod" });
    expect(second.body).toMatchObject({ environment: "crud-prod", image: "" });
    const third = await admin("POST", `/api/v1/apps/${app.id}/deployments`, { environment: "crud-prod", image: "registry/app:3" });

    const list = await admin("GET", `/api/v1/apps/${app.id}/deployments?pageSize=2`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ data: [third.body, second.body], page: 1, pageSize: 2, total: 3 });
    expect((await admin("GET", `/api/v1/apps/${app.id}/deployments?pageSize=2&page=2`)).body.data).toEqual([first.body]);
  });
});

describe("Helm apps", () => {
  it("installs (201), reads, updates and deletes, auditing each write", async () => {
    const created = await admin("POST", "/api/v1/helm-apps", {
      name: "ingress",
      project: "crud-base",
      environment: "crud-prod",
      chart: "bitnami/nginx-ingress",
      version: "1.2.3",
      values: "replicaCount: 2\n",
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: "ingress",
      project: "crud-base",
      environment: "crud-prod",
      chart: "bitnami/nginx-ingress",
      version: "1.2.3",
      values: "replicaCount: 2\n",
      createdAt: isoTime,
      updatedAt: isoTime,
    });
    expectAudit(await lastEvent("helm-app.installed", id), "helm-app", {
      name: "ingress",
      project: "crud-base",
      environment: "crud-prod",
      chart: "bitnami/nginx-ingress",
      version: "1.2.3",
    });
    // The same release name in another environment is another release.
    expect(
      (
        await admin("POST", "/api/v1/helm-apps", {
          name: "ingress",
          project: "crud-base",
          environment: "crud-staging",
          chart: "c",
          version: "1",
        })
      ).status,
    ).toBe(201);

    expect((await admin("GET", `/api/v1/helm-apps/${id}`)).body).toEqual(created.body);
    const values = "x".repeat(64 * 1024); // exactly the limit is fine
    const patched = await admin("PATCH", `/api/v1/helm-apps/${id}`, { version: "1.2.4", values });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...created.body, version: "1.2.4", values, updatedAt: isoTime });
    const updated = await lastEvent("helm-app.updated", id);
    expectAudit(updated, "helm-app", { name: "ingress", version: "1.2.4", valuesChanged: true });
    expect(JSON.stringify(updated?.details)).not.toContain("xxxx");

    expect((await admin("DELETE", `/api/v1/helm-apps/${id}`)).status).toBe(204);
    expectAudit(await lastEvent("helm-app.deleted", id), "helm-app", { name: "ingress" });
    expect((await admin("GET", `/api/v1/helm-apps/${id}`)).body).toEqual(problemBody(404, "not_found", `No Helm app with id ${id}.`));
  });

  it("lists with paging, sort, q and the project and environment filters", async () => {
    const other = await seedProject(db, "hl-other");
    await seedHelmApp(db, ids.project, ids.staging, "hl-b");
    await seedHelmApp(db, ids.project, ids.prod, "hl-a");
    await seedHelmApp(db, other.id, ids.staging, "hl-c");
    const res = await admin("GET", "/api/v1/helm-apps?q=HL-&pageSize=2");
    expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(names(res.body)).toEqual(["hl-a", "hl-b"]);
    expect(names((await admin("GET", "/api/v1/helm-apps?q=hl-&pageSize=2&page=2")).body)).toEqual(["hl-c"]);
    expect(names((await admin("GET", "/api/v1/helm-apps?q=hl-&sort=-name")).body)).toEqual(["hl-c", "hl-b", "hl-a"]);
    expect(names((await admin("GET", "/api/v1/helm-apps?q=hl-&project=crud-base")).body)).toEqual(["hl-a", "hl-b"]);
    expect(names((await admin("GET", "/api/v1/helm-apps?q=hl-&environment=crud-staging")).body)).toEqual(["hl-b", "hl-c"]);
    expect(names((await admin("GET", "/api/v1/helm-apps?q=hl-&project=crud-base&environment=crud-staging")).body)).toEqual(["hl-b"]);
  });
});

describe("chart groups", () => {
  it("creates (201), reads, updates and deletes, auditing each write", async () => {
    const created = await admin("POST", "/api/v1/chart-groups", {
      name: "observability",
      description: "Metrics",
      charts: [{ name: "prometheus", version: "25.0.0" }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: "observability",
      description: "Metrics",
      charts: [{ name: "prometheus", version: "25.0.0" }],
      createdAt: isoTime,
      updatedAt: isoTime,
    });
    expectAudit(await lastEvent("chart-group.created", id), "chart-group", { name: "observability" });
    expect((await admin("POST", "/api/v1/chart-groups", { name: "bare" })).body).toMatchObject({ description: "", charts: [] });

    expect((await admin("GET", `/api/v1/chart-groups/${id}`)).body).toEqual(created.body);
    const charts = [{ name: "grafana", version: "7.0.0" }];
    const patched = await admin("PATCH", `/api/v1/chart-groups/${id}`, { charts });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...created.body, charts, updatedAt: isoTime });
    expectAudit(await lastEvent("chart-group.updated", id), "chart-group", { name: "observability", charts });

    expect((await admin("DELETE", `/api/v1/chart-groups/${id}`)).status).toBe(204);
    expectAudit(await lastEvent("chart-group.deleted", id), "chart-group", { name: "observability" });
    expect((await admin("GET", `/api/v1/chart-groups/${id}`)).body).toEqual(problemBody(404, "not_found", `No chart group with id ${id}.`));
  });

  it("lists with paging, sort and q", async () => {
    for (const n of ["cl-b", "cl-a", "cl-c"]) await seedChartGroup(db, n);
    const res = await admin("GET", "/api/v1/chart-groups?q=CL-&pageSize=2&sort=-name");
    expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(names(res.body)).toEqual(["cl-c", "cl-b"]);
    expect(names((await admin("GET", "/api/v1/chart-groups?q=cl-&pageSize=2&page=2&sort=-name")).body)).toEqual(["cl-a"]);
  });
});

describe("concurrent creates", () => {
  it.each([
    ["projects", "/api/v1/projects", { name: "race-project" }],
    ["apps", "/api/v1/apps", { name: "race-app", project: "crud-base" }],
    ["chart groups", "/api/v1/chart-groups", { name: "race-group" }],
  ])("of one name in %s: exactly one 201, the others 409 conflict", async (_what, path, body) => {
    const results = await Promise.all(Array.from({ length: 5 }, () => admin("POST", path, body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body).toMatchObject({ type: "about:blank", status: 409, code: "conflict" });
  });
});

// ---- Bad input ----------------------------------------------------------------------------------

type Row = [name: string, method: string, path: string, body: unknown, expected: ReturnType<typeof problemBody>];

/** `:project`, `:app`, … in a path are replaced by the ids seeded above. */
const resolve = (path: string) => path.replace(/:([a-zA-Z]+)/g, (_m, key: string) => String(ids[key] ?? `<${key}?>`));

const appBody = (name: unknown) => ({ name, project: "crud-base" });
const helmBody = (over: Record<string, unknown> = {}) => ({
  name: "new-release",
  project: "crud-base",
  environment: "crud-staging",
  chart: "bitnami/nginx",
  version: "1.0.0",
  ...over,
});
const long = "d".repeat(351);
const NOT_JSON = problemBody(400, "invalid_json", "The request body is not valid JSON.", null);
const EMPTY_BODY = problemBody(400, "invalid_json", "The request body is empty; send a JSON object.", null);
const BAD_ID = problemBody(400, "validation_failed", "must be a positive integer", [{ path: "id", message: "must be a positive integer" }]);
const PAST_INT32 = problemBody(404, "not_found", "Nothing has id 99999999999: ids go up to 2147483647.");
const noRename = fieldProblem("name", "cannot be changed; create a new one instead");

const nameRules: Row[] = [
  ["app name too short", "POST", "/api/v1/apps", appBody("a"), fieldProblem("name", "must be at least 2 characters")],
  ["app name too long (31)", "POST", "/api/v1/apps", appBody("a".repeat(31)), fieldProblem("name", "must be at most 30 characters")],
  ["app name starting with a digit", "POST", "/api/v1/apps", appBody("1app"), fieldProblem("name", "must start with a lowercase letter")],
  [
    "app name with uppercase letters",
    "POST",
    "/api/v1/apps",
    appBody("myApp"),
    fieldProblem("name", "must use only lowercase letters, digits and hyphens"),
  ],
  [
    "app name ending with a hyphen",
    "POST",
    "/api/v1/apps",
    appBody("my-app-"),
    fieldProblem("name", "must end with a lowercase letter or digit"),
  ],
  [
    "app name with an underscore",
    "POST",
    "/api/v1/apps",
    appBody("my_app"),
    fieldProblem("name", "must use only lowercase letters, digits and hyphens"),
  ],
  ["app name missing", "POST", "/api/v1/apps", { project: "crud-base" }, fieldProblem("name", "is required")],
  ["app name not a string", "POST", "/api/v1/apps", appBody(42), fieldProblem("name", "must be a string")],
  [
    "app name breaking two rules",
    "POST",
    "/api/v1/apps",
    appBody("Ab_"),
    problemBody(400, "validation_failed", "name must use only lowercase letters, digits and hyphens (and 2 more)", [
      { path: "name", message: "must use only lowercase letters, digits and hyphens" },
      { path: "name", message: "must start with a lowercase letter" },
      { path: "name", message: "must end with a lowercase letter or digit" },
    ]),
  ],
  [
    "project name too long (51)",
    "POST",
    "/api/v1/projects",
    { name: "p".repeat(51) },
    fieldProblem("name", "must be at most 50 characters"),
  ],
  [
    "project name starting with a hyphen",
    "POST",
    "/api/v1/projects",
    { name: "-proj" },
    fieldProblem("name", "must start with a lowercase letter or digit"),
  ],
  [
    "project name with a space inside",
    "POST",
    "/api/v1/projects",
    { name: "my proj" },
    fieldProblem("name", "must use only lowercase letters, digits and hyphens"),
  ],
  [
    "environment name with uppercase letters",
    "POST",
    "/api/v1/environments",
    { name: "stAging" },
    fieldProblem("name", "must use only lowercase letters, digits and hyphens"),
  ],
  [
    "environment name ending with a hyphen",
    "POST",
    "/api/v1/environments",
    { name: "qa-" },
    fieldProblem("name", "must end with a lowercase letter or digit"),
  ],
  [
    "environment namespace not a Kubernetes namespace",
    "POST",
    "/api/v1/environments",
    { name: "ns-bad", namespace: "Bad_NS" },
    fieldProblem("namespace", "must be a Kubernetes namespace: lowercase letters, digits and hyphens"),
  ],
  [
    "environment production not a boolean",
    "POST",
    "/api/v1/environments",
    { name: "bool-bad", production: "yes" },
    fieldProblem("production", "must be true or false"),
  ],
  [
    "chart group name with an underscore",
    "POST",
    "/api/v1/chart-groups",
    { name: "g_1" },
    fieldProblem("name", "must use only lowercase letters, digits and hyphens"),
  ],
  [
    "chart entry without a version",
    "POST",
    "/api/v1/chart-groups",
    { name: "g-charts", charts: [{ name: "x" }] },
    fieldProblem("charts.0.version", "is required"),
  ],
  [
    "Helm release name too long (54)",
    "POST",
    "/api/v1/helm-apps",
    helmBody({ name: "r".repeat(54) }),
    fieldProblem("name", "must be at most 53 characters"),
  ],
  [
    "Helm release name starting with a digit",
    "POST",
    "/api/v1/helm-apps",
    helmBody({ name: "1release" }),
    fieldProblem("name", "must start with a lowercase letter"),
  ],
  [
    "Helm chart version not a version",
    "POST",
    "/api/v1/helm-apps",
    helmBody({ version: "1.0 beta" }),
    fieldProblem("version", "must be a version like 1.2.3"),
  ],
  ["Helm chart missing", "POST", "/api/v1/helm-apps", helmBody({ chart: undefined }), fieldProblem("chart", "is required")],
  [
    "label key with a space",
    "POST",
    "/api/v1/apps",
    { ...appBody("label-app"), labels: [{ key: "bad key", value: "v" }] },
    fieldProblem("labels.0.key", "must be letters, digits, '.', '_', '-' or '/', starting and ending with a letter or digit"),
  ],
];

const descriptions: Row[] = [
  [
    "project description over 350",
    "POST",
    "/api/v1/projects",
    { name: "desc-p", description: long },
    fieldProblem("description", "must be at most 350 characters"),
  ],
  [
    "environment description over 350",
    "POST",
    "/api/v1/environments",
    { name: "desc-e", description: long },
    fieldProblem("description", "must be at most 350 characters"),
  ],
  [
    "app description over 350",
    "POST",
    "/api/v1/apps",
    { ...appBody("desc-app"), description: long },
    fieldProblem("description", "must be at most 350 characters"),
  ],
  [
    "chart group description over 350",
    "POST",
    "/api/v1/chart-groups",
    { name: "desc-g", description: long },
    fieldProblem("description", "must be at most 350 characters"),
  ],
  [
    "project PATCH description over 350",
    "PATCH",
    "/api/v1/projects/:project",
    { description: long },
    fieldProblem("description", "must be at most 350 characters"),
  ],
  [
    "environment PATCH description over 350",
    "PATCH",
    "/api/v1/environments/:staging",
    { description: long },
    fieldProblem("description", "must be at most 350 characters"),
  ],
  [
    "app PATCH description over 350",
    "PATCH",
    "/api/v1/apps/:app",
    { description: long },
    fieldProblem("description", "must be at most 350 characters"),
  ],
  [
    "chart group PATCH description over 350",
    "PATCH",
    "/api/v1/chart-groups/:group",
    { description: long },
    fieldProblem("description", "must be at most 350 characters"),
  ],
  [
    "description not a string",
    "POST",
    "/api/v1/projects",
    { name: "desc-n", description: 5 },
    fieldProblem("description", "must be a string"),
  ],
];

const references: Row[] = [
  [
    "app in an unknown project",
    "POST",
    "/api/v1/apps",
    { name: "orphan", project: "nope" },
    problemBody(400, "validation_failed", "no project named nope", [{ path: "project", message: "no project named nope" }]),
  ],
  [
    "Helm app in an unknown project",
    "POST",
    "/api/v1/helm-apps",
    helmBody({ project: "nope" }),
    problemBody(400, "validation_failed", "no project named nope", [{ path: "project", message: "no project named nope" }]),
  ],
  [
    "Helm app in an unknown environment",
    "POST",
    "/api/v1/helm-apps",
    helmBody({ environment: "nope" }),
    problemBody(400, "validation_failed", "no environment named nope", [{ path: "environment", message: "no environment named nope" }]),
  ],
  [
    "deployment to an unknown environment",
    "POST",
    "/api/v1/apps/:app/deployments",
    { environment: "nope" },
    problemBody(400, "validation_failed", "no environment named nope", [{ path: "environment", message: "no environment named nope" }]),
  ],
  ["deployment without an environment", "POST", "/api/v1/apps/:app/deployments", {}, fieldProblem("environment", "is required")],
  [
    "deployment to an unknown app",
    "POST",
    "/api/v1/apps/99999/deployments",
    { environment: "crud-staging" },
    problemBody(404, "not_found", "No app with id 99999."),
  ],
];

const duplicates: Row[] = [
  [
    "duplicate project",
    "POST",
    "/api/v1/projects",
    { name: "crud-base" },
    problemBody(409, "conflict", "A project named crud-base already exists.", [{ path: "name", message: "is already used" }]),
  ],
  [
    "duplicate environment",
    "POST",
    "/api/v1/environments",
    { name: "crud-staging" },
    problemBody(409, "conflict", "An environment named crud-staging already exists.", [{ path: "name", message: "is already used" }]),
  ],
  [
    "duplicate app (after trimming)",
    "POST",
    "/api/v1/apps",
    appBody(" crud-app "),
    problemBody(409, "conflict", "An app named crud-app already exists.", [{ path: "name", message: "is already used" }]),
  ],
  [
    "duplicate Helm app in one environment",
    "POST",
    "/api/v1/helm-apps",
    helmBody({ name: "crud-helm" }),
    problemBody(409, "conflict", "A Helm app named crud-helm already exists in crud-staging.", [
      { path: "name", message: "is already used in this environment" },
    ]),
  ],
  [
    "duplicate chart group",
    "POST",
    "/api/v1/chart-groups",
    { name: "crud-group" },
    problemBody(409, "conflict", "A chart group named crud-group already exists.", [{ path: "name", message: "is already used" }]),
  ],
];

const renames: Row[] = [
  ["renaming a project", "PATCH", "/api/v1/projects/:project", { name: "renamed" }, noRename],
  ["renaming an environment", "PATCH", "/api/v1/environments/:staging", { name: "renamed" }, noRename],
  ["renaming an app", "PATCH", "/api/v1/apps/:app", { name: "renamed" }, noRename],
  ["renaming a Helm app", "PATCH", "/api/v1/helm-apps/:helm", { name: "renamed" }, noRename],
  ["renaming a chart group", "PATCH", "/api/v1/chart-groups/:group", { name: "renamed" }, noRename],
  ["renaming to the same name", "PATCH", "/api/v1/apps/:app", { name: "crud-app" }, noRename],
  [
    "moving an app to another project",
    "PATCH",
    "/api/v1/apps/:app",
    { project: "del-busy" },
    fieldProblem("project", "cannot be changed; an app stays in the project it was created in"),
  ],
  [
    "moving a Helm app to another environment",
    "PATCH",
    "/api/v1/helm-apps/:helm",
    { environment: "crud-prod" },
    fieldProblem("environment", "cannot be changed"),
  ],
];

const inUse: Row[] = [
  [
    "deleting a project with an app",
    "DELETE",
    "/api/v1/projects/:busy",
    undefined,
    problemBody(409, "conflict", "Project del-busy is still used by 1 app (busy-app). Remove those first."),
  ],
  [
    "deleting a project with four apps",
    "DELETE",
    "/api/v1/projects/:busyMany",
    undefined,
    problemBody(409, "conflict", "Project del-busy-many is still used by 4 apps (many-a, many-b, many-c, …). Remove those first."),
  ],
  [
    "deleting a project named by a user grant",
    "DELETE",
    "/api/v1/projects/:granted",
    undefined,
    problemBody(409, "conflict", "Project del-granted is still used by 1 grant (user granted@example.com). Remove those first."),
  ],
  [
    "deleting a project with a Helm app",
    "DELETE",
    "/api/v1/projects/:helmProject",
    undefined,
    problemBody(409, "conflict", "Project del-helm-project is still used by 1 Helm app (busy-release). Remove those first."),
  ],
  [
    "deleting a project with apps, Helm apps and grants",
    "DELETE",
    "/api/v1/projects/:project",
    undefined,
    problemBody(
      409,
      "conflict",
      /^Project crud-base is still used by \d+ apps \(.*\) and \d+ Helm apps? \(.*\) and 1 grant \(user granted-env@example.com\)\. Remove those first\.$/,
    ),
  ],
  [
    "deleting an environment with deployments",
    "DELETE",
    "/api/v1/environments/:deployed",
    undefined,
    problemBody(409, "conflict", "Environment del-deployed is still used by 1 app deployed there (crud-app). Remove those first."),
  ],
  [
    "deleting an environment with a Helm app",
    "DELETE",
    "/api/v1/environments/:helmEnv",
    undefined,
    problemBody(409, "conflict", "Environment del-helm-env is still used by 1 Helm app (busy-release). Remove those first."),
  ],
  [
    "deleting an environment named by a user grant",
    "DELETE",
    "/api/v1/environments/:grantedEnv",
    undefined,
    problemBody(
      409,
      "conflict",
      "Environment del-granted-env is still used by 1 grant (user granted-env@example.com). Remove those first.",
    ),
  ],
  [
    "deleting a chart group named by a user grant",
    "DELETE",
    "/api/v1/chart-groups/:grantedGroup",
    undefined,
    problemBody(
      409,
      "conflict",
      "Chart group del-granted-group is still named by 1 grant (user granted-group@example.com). Remove it from those permissions first.",
    ),
  ],
];

const LISTS = [
  "/api/v1/projects",
  "/api/v1/environments",
  "/api/v1/apps",
  "/api/v1/apps/:app/deployments",
  "/api/v1/helm-apps",
  "/api/v1/chart-groups",
];
const paging: Row[] = LISTS.flatMap((list): Row[] => [
  [`${list} pageSize=101`, "GET", `${list}?pageSize=101`, undefined, fieldProblem("pageSize", "must be at most 100")],
  [`${list} pageSize=ten`, "GET", `${list}?pageSize=ten`, undefined, fieldProblem("pageSize", "must be a number")],
  [`${list} pageSize=0`, "GET", `${list}?pageSize=0`, undefined, fieldProblem("pageSize", "must be at least 1")],
  [`${list} page=1.5`, "GET", `${list}?page=1.5`, undefined, fieldProblem("page", "must be an integer")],
]);
const sorts: Row[] = [
  [
    "unknown project sort",
    "GET",
    "/api/v1/projects?sort=description",
    undefined,
    fieldProblem("sort", "must be one of name, createdAt (prefix - for descending)"),
  ],
  [
    "unknown app sort",
    "GET",
    "/api/v1/apps?sort=--name",
    undefined,
    fieldProblem("sort", "must be one of name, createdAt, updatedAt (prefix - for descending)"),
  ],
  [
    "unknown Helm app sort",
    "GET",
    "/api/v1/helm-apps?sort=values",
    undefined,
    fieldProblem("sort", "must be one of name, createdAt, updatedAt (prefix - for descending)"),
  ],
  [
    "q over 200 characters",
    "GET",
    `/api/v1/chart-groups?q=${"q".repeat(201)}`,
    undefined,
    fieldProblem("q", "must be at most 200 characters"),
  ],
];

const ITEMS = ["/api/v1/projects", "/api/v1/environments", "/api/v1/apps", "/api/v1/helm-apps", "/api/v1/chart-groups"];
const badIds: Row[] = [
  ...ITEMS.flatMap((item) =>
    ["abc", "1.5", "0", "-1", "1e3"].map((id): Row => [`GET ${item}/${id}`, "GET", `${item}/${id}`, undefined, BAD_ID]),
  ),
  // Past int4 no row can have the id: not there, like any other id that names nothing.
  ...ITEMS.map((item): Row => [`GET ${item}/99999999999`, "GET", `${item}/99999999999`, undefined, PAST_INT32]),
  ...["abc", "1.5", "0", "-1"].flatMap((id): Row[] => [
    [`GET /api/v1/apps/${id}/deployments`, "GET", `/api/v1/apps/${id}/deployments`, undefined, BAD_ID],
    [`POST /api/v1/apps/${id}/deployments`, "POST", `/api/v1/apps/${id}/deployments`, { environment: "crud-staging" }, BAD_ID],
    [`PATCH /api/v1/apps/${id}`, "PATCH", `/api/v1/apps/${id}`, { description: "x" }, BAD_ID],
    [`DELETE /api/v1/helm-apps/${id}`, "DELETE", `/api/v1/helm-apps/${id}`, undefined, BAD_ID],
    [`PATCH /api/v1/chart-groups/${id}`, "PATCH", `/api/v1/chart-groups/${id}`, { description: "x" }, BAD_ID],
    [`DELETE /api/v1/projects/${id}`, "DELETE", `/api/v1/projects/${id}`, undefined, BAD_ID],
    [`PATCH /api/v1/environments/${id}`, "PATCH", `/api/v1/environments/${id}`, { description: "x" }, BAD_ID],
  ]),
];

const unknownIds: Row[] = [
  ["GET unknown project", "GET", "/api/v1/projects/99999", undefined, problemBody(404, "not_found", "No project with id 99999.")],
  [
    "PATCH unknown project",
    "PATCH",
    "/api/v1/projects/99999",
    { description: "x" },
    problemBody(404, "not_found", "No project with id 99999."),
  ],
  ["DELETE unknown project", "DELETE", "/api/v1/projects/99999", undefined, problemBody(404, "not_found", "No project with id 99999.")],
  [
    "GET unknown environment",
    "GET",
    "/api/v1/environments/99999",
    undefined,
    problemBody(404, "not_found", "No environment with id 99999."),
  ],
  [
    "PATCH unknown environment",
    "PATCH",
    "/api/v1/environments/99999",
    { description: "x" },
    problemBody(404, "not_found", "No environment with id 99999."),
  ],
  [
    "DELETE unknown environment",
    "DELETE",
    "/api/v1/environments/99999",
    undefined,
    problemBody(404, "not_found", "No environment with id 99999."),
  ],
  ["GET unknown app", "GET", "/api/v1/apps/99999", undefined, problemBody(404, "not_found", "No app with id 99999.")],
  ["PATCH unknown app", "PATCH", "/api/v1/apps/99999", { description: "x" }, problemBody(404, "not_found", "No app with id 99999.")],
  ["DELETE unknown app", "DELETE", "/api/v1/apps/99999", undefined, problemBody(404, "not_found", "No app with id 99999.")],
  [
    "deployments of an unknown app",
    "GET",
    "/api/v1/apps/99999/deployments",
    undefined,
    problemBody(404, "not_found", "No app with id 99999."),
  ],
  ["GET unknown Helm app", "GET", "/api/v1/helm-apps/99999", undefined, problemBody(404, "not_found", "No Helm app with id 99999.")],
  [
    "PATCH unknown Helm app",
    "PATCH",
    "/api/v1/helm-apps/99999",
    { values: "" },
    problemBody(404, "not_found", "No Helm app with id 99999."),
  ],
  ["DELETE unknown Helm app", "DELETE", "/api/v1/helm-apps/99999", undefined, problemBody(404, "not_found", "No Helm app with id 99999.")],
  [
    "GET unknown chart group",
    "GET",
    "/api/v1/chart-groups/99999",
    undefined,
    problemBody(404, "not_found", "No chart group with id 99999."),
  ],
  [
    "PATCH unknown chart group",
    "PATCH",
    "/api/v1/chart-groups/99999",
    { description: "x" },
    problemBody(404, "not_found", "No chart group with id 99999."),
  ],
  [
    "DELETE unknown chart group",
    "DELETE",
    "/api/v1/chart-groups/99999",
    undefined,
    problemBody(404, "not_found", "No chart group with id 99999."),
  ],
];

const bigValues = "v".repeat(64 * 1024 + 1);
const bigMultibyte = "é".repeat(32 * 1024 + 1); // 32 769 characters, 65 538 bytes
const helmValues: Row[] = [
  [
    "Helm values over 64 kB on install",
    "POST",
    "/api/v1/helm-apps",
    helmBody({ values: bigValues }),
    fieldProblem("values", "must be at most 64 kB"),
  ],
  [
    "Helm values over 64 kB on update",
    "PATCH",
    "/api/v1/helm-apps/:helm",
    { values: bigValues },
    fieldProblem("values", "must be at most 64 kB"),
  ],
  [
    "Helm values over 64 kB counted in bytes, not characters",
    "PATCH",
    "/api/v1/helm-apps/:helm",
    { values: bigMultibyte },
    fieldProblem("values", "must be at most 64 kB"),
  ],
  [
    "Helm values not a string",
    "PATCH",
    "/api/v1/helm-apps/:helm",
    { values: { replicaCount: 2 } },
    fieldProblem("values", "must be a string"),
  ],
];

const WRITES: [string, string][] = [
  ["POST", "/api/v1/projects"],
  ["PATCH", "/api/v1/projects/:project"],
  ["POST", "/api/v1/environments"],
  ["PATCH", "/api/v1/environments/:staging"],
  ["POST", "/api/v1/apps"],
  ["PATCH", "/api/v1/apps/:app"],
  ["POST", "/api/v1/apps/:app/deployments"],
  ["POST", "/api/v1/helm-apps"],
  ["PATCH", "/api/v1/helm-apps/:helm"],
  ["POST", "/api/v1/chart-groups"],
  ["PATCH", "/api/v1/chart-groups/:group"],
];
const malformed: Row[] = WRITES.flatMap(([method, path]): Row[] => [
  [`malformed JSON: ${method} ${path}`, method, path, "{not json", NOT_JSON],
  [`empty body: ${method} ${path}`, method, path, "", EMPTY_BODY],
]);
const shapes: Row[] = [
  [
    "a JSON array instead of an object",
    "POST",
    "/api/v1/projects",
    [],
    problemBody(400, "validation_failed", "The request body must be a JSON object", [{ path: "(body)", message: expect.any(String) }]),
  ],
  [
    "a JSON string instead of an object",
    "PATCH",
    "/api/v1/apps/:app",
    '"hello"',
    problemBody(400, "validation_failed", "The request body must be a JSON object", [{ path: "(body)", message: expect.any(String) }]),
  ],
  [
    "an unknown field",
    "POST",
    "/api/v1/chart-groups",
    { name: "unknown-field", colour: "red" },
    problemBody(400, "validation_failed", /colour/, [{ path: "(body)", message: expect.stringContaining("colour") }]),
  ],
  [
    "an unknown field on PATCH",
    "PATCH",
    "/api/v1/environments/:staging",
    { prod: true },
    problemBody(400, "validation_failed", /prod/, [{ path: "(body)", message: expect.stringContaining("prod") }]),
  ],
];

const grantPath = "/api/v1/users/:user";
const grants: Row[] = [
  [
    "a grant naming an unknown environment",
    "PATCH",
    grantPath,
    {
      permissions: {
        superAdmin: false,
        grants: [{ entity: "devtron-app", project: "crud-base", environments: ["crud-staging", "nope-env"], apps: [], role: "view" }],
      },
    },
    problemBody(
      400,
      "validation_failed",
      "permissions.grants.0.environments.1 names something that does not exist: no environment named nope-env.",
      [{ path: "permissions.grants.0.environments.1", message: "no environment named nope-env" }],
    ),
  ],
  [
    "grants naming an unknown project, app, Helm app and chart group",
    "PATCH",
    grantPath,
    {
      permissions: {
        superAdmin: false,
        grants: [
          { entity: "chart-group", groups: ["crud-group"], role: "view" },
          { entity: "devtron-app", project: "nope-project", environments: [], apps: ["crud-app", "nope-app"], role: "admin" },
          { entity: "helm-app", project: "crud-base", environments: ["crud-prod"], apps: ["nope-release"], role: "edit" },
          { entity: "chart-group", groups: ["crud-group", "nope-group"], role: "update" },
        ],
      },
    },
    problemBody(
      400,
      "validation_failed",
      "permissions.grants.1.project names something that does not exist: no project named nope-project (and 4 more).",
      [
        { path: "permissions.grants.1.project", message: "no project named nope-project" },
        // crud-app exists, but in crud-base, not in the grant's project.
        { path: "permissions.grants.1.apps.0", message: "no Devtron app named crud-app in project nope-project" },
        { path: "permissions.grants.1.apps.1", message: "no Devtron app named nope-app in project nope-project" },
        { path: "permissions.grants.2.apps.0", message: "no Helm app named nope-release in project crud-base" },
        { path: "permissions.grants.3.groups.1", message: "no chart group named nope-group" },
      ],
    ),
  ],
  [
    "a devtron-app grant naming a Helm app's name as an app",
    "PATCH",
    grantPath,
    {
      permissions: {
        superAdmin: false,
        grants: [{ entity: "devtron-app", project: "crud-base", environments: [], apps: ["crud-helm"], role: "view" }],
      },
    },
    problemBody(
      400,
      "validation_failed",
      "permissions.grants.0.apps.0 names something that does not exist: no Devtron app named crud-helm in project crud-base.",
      [{ path: "permissions.grants.0.apps.0", message: "no Devtron app named crud-helm in project crud-base" }],
    ),
  ],
  [
    "a grant with a misspelt field",
    "PATCH",
    grantPath,
    {
      permissions: {
        superAdmin: false,
        grants: [{ entity: "devtron-app", project: "crud-base", enviroments: [], apps: [], role: "view" }],
      },
    },
    problemBody(
      400,
      "validation_failed",
      /^permissions\.grants\.0/,
      expect.arrayContaining([{ path: "permissions.grants.0", message: "has unknown field: enviroments" }]) as never,
    ),
  ],
  [
    "a grant with an unknown role",
    "PATCH",
    grantPath,
    { permissions: { superAdmin: false, grants: [{ entity: "chart-group", groups: [], role: "owner" }] } },
    fieldProblem("permissions.grants.0.role", "must be one of view, update, admin"),
  ],
];

describe("bad input changes nothing and answers the exact problem", () => {
  const table: [string, Row[]][] = [
    ["name rules", nameRules],
    ["descriptions", descriptions],
    ["references", references],
    ["duplicates", duplicates],
    ["renames", renames],
    ["in use", inUse],
    ["paging", paging],
    ["sorting and search", sorts],
    ["ids", badIds],
    ["unknown ids", unknownIds],
    ["Helm values", helmValues],
    ["malformed bodies", malformed],
    ["body shapes", shapes],
    ["grants", grants],
  ];
  for (const [group, rows] of table) {
    describe(group, () => {
      it.each(rows)("%s (%s %s)", async (_name, method, path, body, expected) => {
        const before = await catalogSnapshot(db);
        const res = await admin(method, resolve(path), body);
        expect(res.status).toBe(expected.status);
        expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
        expect(res.body).toEqual(expected);
        expect(await catalogSnapshot(db)).toEqual(before);
      });
    });
  }

  it("answers 401 to a request without credentials, before reading the body", async () => {
    const anon = client(server);
    const before = await catalogSnapshot(db);
    for (const [method, path] of WRITES) {
      const res = await anon(method, resolve(path), "{not json");
      expect(res.status).toBe(401);
      expect(res.body).toEqual(problemBody(401, "unauthorized"));
    }
    expect(await catalogSnapshot(db)).toEqual(before);
  });
});
