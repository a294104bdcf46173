import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grant } from "@/lib/permissions/schema";
import type { Db } from "@/server/db";
import {
  catalogSnapshot,
  problemBody,
  seedApp,
  seedChartGroup,
  seedEnvironment,
  seedHelmApp,
  seedProject,
  userWithGrants,
} from "../helpers/catalog-fixtures";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// The authorization matrix of docs/permissions.md over real HTTP. A thing that exists but that
// the caller may not read answers 404 (exactly like a thing that does not exist); a thing
// it may read but not change answers 403. Every refused write changes nothing.

type UserKey = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i";

const GRANTS: Record<Exclude<UserKey, "i">, Grant[]> = {
  /** devtron-app view on A */
  a: [{ entity: "devtron-app", project: "proj-a", environments: [], apps: [], role: "view" }],
  /** devtron-app trigger on A, staging only */
  b: [{ entity: "devtron-app", project: "proj-a", environments: ["staging"], apps: [], role: "trigger" }],
  /** devtron-app admin on all of A */
  c: [{ entity: "devtron-app", project: "proj-a", environments: [], apps: [], role: "admin" }],
  /** devtron-app admin on A's a-one only */
  d: [{ entity: "devtron-app", project: "proj-a", environments: [], apps: ["a-one"], role: "admin" }],
  /** helm-app edit on A/staging */
  e: [{ entity: "helm-app", project: "proj-a", environments: ["staging"], apps: [], role: "edit" }],
  /** chart-group update on g1 */
  f: [{ entity: "chart-group", groups: ["g1"], role: "update" }],
  /** chart-group admin on every group */
  g: [{ entity: "chart-group", groups: [], role: "admin" }],
  /** nothing at all */
  h: [],
};

let db: Db;
let server: TestServer;
const as = {} as Record<UserKey | "anon", ReturnType<typeof client>>;
const ids: Record<string, number> = {};
let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();

  const a = await seedProject(db, "proj-a");
  const b = await seedProject(db, "proj-b");
  const staging = await seedEnvironment(db, "staging");
  const production = await seedEnvironment(db, "production", { production: true });
  Object.assign(ids, { "proj-a": a.id, "proj-b": b.id, staging: staging.id, production: production.id });
  for (const [project, name] of [
    [a, "a-one"],
    [a, "a-two"],
    [b, "b-one"],
  ] as const)
    ids[name] = (await seedApp(db, project.id, name)).id;
  for (const [project, env, name] of [
    [a, staging, "ha-stg"],
    [a, production, "ha-prod"],
    [b, staging, "hb-stg"],
  ] as const) {
    ids[name] = (await seedHelmApp(db, project.id, env.id, name)).id;
  }
  for (const name of ["g1", "g2"]) ids[name] = (await seedChartGroup(db, name)).id;

  for (const [key, grants] of Object.entries(GRANTS)) {
    const user = await userWithGrants(db, grants, `authz-${key}@example.com`);
    as[key as UserKey] = client(server, await sessionCookieFor(user.id));
  }
  const superAdmin = await makeUser(db, { email: "authz-i@example.com", superAdmin: true });
  as.i = client(server, await sessionCookieFor(superAdmin.id));
  as.anon = client(server);
});
afterAll(() => server.close());

const names = (body: { data?: unknown[] }) => (body.data as { name: string }[]).map((x) => x.name).sort();

// ---- What each user sees in lists -----------------------------------------------------------------

describe("lists show exactly what each user may read", () => {
  const ALL_APPS = ["a-one", "a-two", "b-one"];
  const ALL_HELM = ["ha-prod", "ha-stg", "hb-stg"];
  const rows: [UserKey, string[], string[], string[]][] = [
    // user, apps, Helm apps, chart groups
    ["a", ["a-one", "a-two"], [], []],
    ["b", ["a-one", "a-two"], [], []],
    ["c", ["a-one", "a-two"], [], []],
    ["d", ["a-one"], [], []],
    ["e", [], ["ha-stg"], []],
    ["f", [], [], ["g1", "g2"]],
    ["g", [], [], ["g1", "g2"]],
    ["h", [], [], []],
    ["i", ALL_APPS, ALL_HELM, ["g1", "g2"]],
  ];
  it.each(rows)("user %s: apps %j, Helm apps %j, chart groups %j", async (user, apps, helmApps, groups) => {
    const appList = await as[user]("GET", "/api/v1/apps");
    expect(appList.status).toBe(200);
    expect(names(appList.body)).toEqual(apps);
    expect(appList.body.total).toBe(apps.length);
    const helmList = await as[user]("GET", "/api/v1/helm-apps");
    expect(names(helmList.body)).toEqual(helmApps);
    expect(helmList.body.total).toBe(helmApps.length);
    const groupList = await as[user]("GET", "/api/v1/chart-groups");
    expect(groupList.body).toEqual({ data: expect.any(Array), page: 1, pageSize: 20, total: groups.length });
    expect(names(groupList.body)).toEqual(groups);
    // Projects and environments fill forms and filters: everyone signed in reads them.
    expect(names((await as[user]("GET", "/api/v1/projects")).body)).toEqual(["proj-a", "proj-b"]);
    expect(names((await as[user]("GET", "/api/v1/environments")).body)).toEqual(["production", "staging"]);
  });

  it("a filter for a project the user cannot read is empty, not an error", async () => {
    expect((await as.a("GET", "/api/v1/apps?project=proj-b")).body).toEqual({ data: [], page: 1, pageSize: 20, total: 0 });
    expect((await as.e("GET", "/api/v1/helm-apps?environment=production")).body).toMatchObject({ data: [], total: 0 });
  });
});

// ---- The matrix ---------------------------------------------------------------------------------

/**
 * Paths name seeded things by `{name}` (replaced by its id) or ask for a throwaway one to
 * delete: `{new-app:proj-a}`, `{new-helm:proj-a/staging}`, `{new-group}`, `{new-project}`,
 * `{new-env}`. In bodies, `$name` becomes a fresh name.
 */
async function resolvePath(path: string): Promise<string> {
  const parts = path.split(/(\{[^}]+\})/);
  const out: string[] = [];
  for (const part of parts) {
    const m = /^\{([^}:]+)(?::([^}]+))?\}$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    const [, kind, arg] = m;
    switch (kind) {
      case "new-app":
        out.push(String((await seedApp(db, ids[arg!]!, fresh("tmp-app"))).id));
        break;
      case "new-helm": {
        const [project, env] = arg!.split("/");
        out.push(String((await seedHelmApp(db, ids[project!]!, ids[env!]!, fresh("tmp-helm"))).id));
        break;
      }
      case "new-group":
        out.push(String((await seedChartGroup(db, fresh("tmp-group"))).id));
        break;
      case "new-project":
        out.push(String((await seedProject(db, fresh("tmp-project"))).id));
        break;
      case "new-env":
        out.push(String((await seedEnvironment(db, fresh("tmp-env"))).id));
        break;
      default:
        if (ids[kind!] === undefined) throw new Error(`unknown placeholder ${part}`);
        out.push(String(ids[kind!]));
    }
  }
  return out.join("");
}

const resolveBody = (body: unknown): unknown =>
  body && typeof body === "object" ? JSON.parse(JSON.stringify(body).replaceAll('"$name"', () => `"${fresh("new")}"`)) : body;

type Row = [user: UserKey | "anon", method: string, path: string, body: unknown, status: number];

const newApp = (project: string) => ({ name: "$name", project });
const newHelm = (project: string, environment: string) => ({
  name: "$name",
  project,
  environment,
  chart: "bitnami/redis",
  version: "18.0.0",
});
const describe_ = { description: "changed by the matrix" };

const projectRows: Row[] = [
  ...(["a", "b", "c", "d", "e", "f", "g", "h", "i"] as const).map((u): Row => [u, "GET", "/api/v1/projects", undefined, 200]),
  ["h", "GET", "/api/v1/projects/{proj-b}", undefined, 200],
  ["h", "GET", "/api/v1/projects/99999", undefined, 404],
  ["a", "POST", "/api/v1/projects", { name: "$name" }, 403],
  ["c", "POST", "/api/v1/projects", { name: "$name" }, 403],
  ["g", "POST", "/api/v1/projects", { name: "$name" }, 403],
  ["h", "POST", "/api/v1/projects", { name: "$name" }, 403],
  ["i", "POST", "/api/v1/projects", { name: "$name" }, 201],
  ["c", "PATCH", "/api/v1/projects/{proj-a}", describe_, 403],
  ["i", "PATCH", "/api/v1/projects/{proj-a}", describe_, 200],
  ["c", "DELETE", "/api/v1/projects/{proj-a}", undefined, 403],
  ["h", "DELETE", "/api/v1/projects/{new-project}", undefined, 403],
  ["i", "DELETE", "/api/v1/projects/{new-project}", undefined, 204],
  ["i", "DELETE", "/api/v1/projects/{proj-a}", undefined, 409],
];

const environmentRows: Row[] = [
  ...(["a", "b", "e", "h", "i"] as const).map((u): Row => [u, "GET", "/api/v1/environments", undefined, 200]),
  ["h", "GET", "/api/v1/environments/{production}", undefined, 200],
  ["a", "POST", "/api/v1/environments", { name: "$name" }, 403],
  ["b", "POST", "/api/v1/environments", { name: "$name" }, 403],
  ["h", "POST", "/api/v1/environments", { name: "$name" }, 403],
  ["i", "POST", "/api/v1/environments", { name: "$name" }, 201],
  ["b", "PATCH", "/api/v1/environments/{staging}", describe_, 403],
  ["i", "PATCH", "/api/v1/environments/{staging}", describe_, 200],
  ["b", "DELETE", "/api/v1/environments/{new-env}", undefined, 403],
  ["i", "DELETE", "/api/v1/environments/{new-env}", undefined, 204],
  ["i", "DELETE", "/api/v1/environments/{staging}", undefined, 409],
];

const appRows: Row[] = [
  // read
  ["a", "GET", "/api/v1/apps/{a-one}", undefined, 200],
  ["b", "GET", "/api/v1/apps/{a-one}", undefined, 200],
  ["c", "GET", "/api/v1/apps/{a-one}", undefined, 200],
  ["d", "GET", "/api/v1/apps/{a-one}", undefined, 200],
  ["e", "GET", "/api/v1/apps/{a-one}", undefined, 404],
  ["f", "GET", "/api/v1/apps/{a-one}", undefined, 404],
  ["h", "GET", "/api/v1/apps/{a-one}", undefined, 404],
  ["i", "GET", "/api/v1/apps/{a-one}", undefined, 200],
  ["a", "GET", "/api/v1/apps/{a-two}", undefined, 200],
  ["d", "GET", "/api/v1/apps/{a-two}", undefined, 404],
  ["a", "GET", "/api/v1/apps/{b-one}", undefined, 404],
  ["b", "GET", "/api/v1/apps/{b-one}", undefined, 404],
  ["c", "GET", "/api/v1/apps/{b-one}", undefined, 404],
  ["d", "GET", "/api/v1/apps/{b-one}", undefined, 404],
  ["i", "GET", "/api/v1/apps/{b-one}", undefined, 200],
  ["a", "GET", "/api/v1/apps/99999", undefined, 404],
  // create: admin or manager on the whole project
  ["a", "POST", "/api/v1/apps", newApp("proj-a"), 403],
  ["b", "POST", "/api/v1/apps", newApp("proj-a"), 403],
  ["c", "POST", "/api/v1/apps", newApp("proj-a"), 201],
  ["c", "POST", "/api/v1/apps", newApp("proj-b"), 403],
  ["d", "POST", "/api/v1/apps", newApp("proj-a"), 403],
  ["e", "POST", "/api/v1/apps", newApp("proj-a"), 403],
  ["h", "POST", "/api/v1/apps", newApp("proj-a"), 403],
  ["i", "POST", "/api/v1/apps", newApp("proj-b"), 201],
  // update
  ["a", "PATCH", "/api/v1/apps/{a-one}", describe_, 403],
  ["b", "PATCH", "/api/v1/apps/{a-one}", describe_, 403],
  ["c", "PATCH", "/api/v1/apps/{a-one}", describe_, 200],
  ["d", "PATCH", "/api/v1/apps/{a-one}", describe_, 200],
  ["e", "PATCH", "/api/v1/apps/{a-one}", describe_, 404],
  ["h", "PATCH", "/api/v1/apps/{a-one}", describe_, 404],
  ["i", "PATCH", "/api/v1/apps/{a-one}", describe_, 200],
  ["c", "PATCH", "/api/v1/apps/{a-two}", describe_, 200],
  ["d", "PATCH", "/api/v1/apps/{a-two}", describe_, 404],
  ["a", "PATCH", "/api/v1/apps/{b-one}", describe_, 404],
  ["c", "PATCH", "/api/v1/apps/{b-one}", describe_, 404],
  // delete
  ["a", "DELETE", "/api/v1/apps/{a-one}", undefined, 403],
  ["b", "DELETE", "/api/v1/apps/{a-one}", undefined, 403],
  ["c", "DELETE", "/api/v1/apps/{b-one}", undefined, 404],
  ["a", "DELETE", "/api/v1/apps/{new-app:proj-a}", undefined, 403],
  ["b", "DELETE", "/api/v1/apps/{new-app:proj-a}", undefined, 403],
  ["c", "DELETE", "/api/v1/apps/{new-app:proj-a}", undefined, 204],
  ["d", "DELETE", "/api/v1/apps/{new-app:proj-a}", undefined, 404],
  ["e", "DELETE", "/api/v1/apps/{new-app:proj-a}", undefined, 404],
  ["h", "DELETE", "/api/v1/apps/{new-app:proj-a}", undefined, 404],
  ["i", "DELETE", "/api/v1/apps/{new-app:proj-b}", undefined, 204],
];

const deploymentRows: Row[] = [
  ["a", "GET", "/api/v1/apps/{a-one}/deployments", undefined, 200],
  ["b", "GET", "/api/v1/apps/{a-one}/deployments", undefined, 200],
  ["d", "GET", "/api/v1/apps/{a-one}/deployments", undefined, 200],
  ["d", "GET", "/api/v1/apps/{a-two}/deployments", undefined, 404],
  ["e", "GET", "/api/v1/apps/{a-one}/deployments", undefined, 404],
  ["h", "GET", "/api/v1/apps/{a-one}/deployments", undefined, 404],
  ["a", "GET", "/api/v1/apps/{b-one}/deployments", undefined, 404],
  ["a", "POST", "/api/v1/apps/{a-one}/deployments", { environment: "staging" }, 403],
  ["b", "POST", "/api/v1/apps/{a-one}/deployments", { environment: "staging" }, 201],
  ["b", "POST", "/api/v1/apps/{a-two}/deployments", { environment: "staging" }, 201],
  ["b", "POST", "/api/v1/apps/{a-one}/deployments", { environment: "production" }, 403],
  ["b", "POST", "/api/v1/apps/{b-one}/deployments", { environment: "staging" }, 404],
  ["b", "POST", "/api/v1/apps/{a-one}/deployments", { environment: "nowhere" }, 400],
  ["c", "POST", "/api/v1/apps/{a-one}/deployments", { environment: "production" }, 201],
  ["d", "POST", "/api/v1/apps/{a-one}/deployments", { environment: "production" }, 201],
  ["d", "POST", "/api/v1/apps/{a-two}/deployments", { environment: "staging" }, 404],
  ["e", "POST", "/api/v1/apps/{a-one}/deployments", { environment: "staging" }, 404],
  ["h", "POST", "/api/v1/apps/{a-one}/deployments", { environment: "staging" }, 404],
  ["i", "POST", "/api/v1/apps/{b-one}/deployments", { environment: "production" }, 201],
];

const helmRows: Row[] = [
  ["e", "GET", "/api/v1/helm-apps/{ha-stg}", undefined, 200],
  ["e", "GET", "/api/v1/helm-apps/{ha-prod}", undefined, 404],
  ["e", "GET", "/api/v1/helm-apps/{hb-stg}", undefined, 404],
  ["a", "GET", "/api/v1/helm-apps/{ha-stg}", undefined, 404],
  ["h", "GET", "/api/v1/helm-apps/{ha-stg}", undefined, 404],
  ["i", "GET", "/api/v1/helm-apps/{hb-stg}", undefined, 200],
  ["e", "POST", "/api/v1/helm-apps", newHelm("proj-a", "staging"), 403],
  ["a", "POST", "/api/v1/helm-apps", newHelm("proj-a", "staging"), 403],
  ["h", "POST", "/api/v1/helm-apps", newHelm("proj-a", "staging"), 403],
  ["i", "POST", "/api/v1/helm-apps", newHelm("proj-b", "production"), 201],
  ["e", "PATCH", "/api/v1/helm-apps/{ha-stg}", { values: "replicaCount: 3\n" }, 200],
  ["e", "PATCH", "/api/v1/helm-apps/{ha-prod}", { values: "replicaCount: 3\n" }, 404],
  ["e", "PATCH", "/api/v1/helm-apps/{hb-stg}", { values: "replicaCount: 3\n" }, 404],
  ["a", "PATCH", "/api/v1/helm-apps/{ha-stg}", { values: "replicaCount: 3\n" }, 404],
  ["i", "PATCH", "/api/v1/helm-apps/{ha-prod}", { version: "18.0.1" }, 200],
  ["e", "DELETE", "/api/v1/helm-apps/{ha-stg}", undefined, 403],
  ["e", "DELETE", "/api/v1/helm-apps/{new-helm:proj-a/staging}", undefined, 403],
  ["e", "DELETE", "/api/v1/helm-apps/{hb-stg}", undefined, 404],
  ["h", "DELETE", "/api/v1/helm-apps/{new-helm:proj-a/staging}", undefined, 404],
  ["i", "DELETE", "/api/v1/helm-apps/{new-helm:proj-a/staging}", undefined, 204],
];

const chartGroupRows: Row[] = [
  ["f", "GET", "/api/v1/chart-groups/{g1}", undefined, 200],
  ["f", "GET", "/api/v1/chart-groups/{g2}", undefined, 200],
  ["g", "GET", "/api/v1/chart-groups/{g1}", undefined, 200],
  ["a", "GET", "/api/v1/chart-groups/{g1}", undefined, 404],
  ["h", "GET", "/api/v1/chart-groups/{g1}", undefined, 404],
  ["i", "GET", "/api/v1/chart-groups/{g2}", undefined, 200],
  ["f", "POST", "/api/v1/chart-groups", { name: "$name" }, 403],
  ["a", "POST", "/api/v1/chart-groups", { name: "$name" }, 403],
  ["h", "POST", "/api/v1/chart-groups", { name: "$name" }, 403],
  ["g", "POST", "/api/v1/chart-groups", { name: "$name" }, 201],
  ["i", "POST", "/api/v1/chart-groups", { name: "$name" }, 201],
  ["f", "PATCH", "/api/v1/chart-groups/{g1}", describe_, 200],
  ["f", "PATCH", "/api/v1/chart-groups/{g2}", describe_, 403],
  ["g", "PATCH", "/api/v1/chart-groups/{g2}", describe_, 200],
  ["h", "PATCH", "/api/v1/chart-groups/{g1}", describe_, 404],
  ["i", "PATCH", "/api/v1/chart-groups/{g1}", describe_, 200],
  ["f", "DELETE", "/api/v1/chart-groups/{g1}", undefined, 403],
  ["f", "DELETE", "/api/v1/chart-groups/{g2}", undefined, 403],
  ["f", "DELETE", "/api/v1/chart-groups/{new-group}", undefined, 403],
  ["h", "DELETE", "/api/v1/chart-groups/{new-group}", undefined, 404],
  ["g", "DELETE", "/api/v1/chart-groups/{new-group}", undefined, 204],
  ["i", "DELETE", "/api/v1/chart-groups/{new-group}", undefined, 204],
];

const anonRows: Row[] = [
  ["anon", "GET", "/api/v1/projects", undefined, 401],
  ["anon", "GET", "/api/v1/projects/{proj-a}", undefined, 401],
  ["anon", "POST", "/api/v1/projects", { name: "$name" }, 401],
  ["anon", "GET", "/api/v1/environments", undefined, 401],
  ["anon", "DELETE", "/api/v1/environments/{new-env}", undefined, 401],
  ["anon", "GET", "/api/v1/apps", undefined, 401],
  ["anon", "GET", "/api/v1/apps/{a-one}", undefined, 401],
  ["anon", "POST", "/api/v1/apps", newApp("proj-a"), 401],
  ["anon", "PATCH", "/api/v1/apps/{a-one}", describe_, 401],
  ["anon", "DELETE", "/api/v1/apps/{a-one}", undefined, 401],
  ["anon", "GET", "/api/v1/apps/{a-one}/deployments", undefined, 401],
  ["anon", "POST", "/api/v1/apps/{a-one}/deployments", { environment: "staging" }, 401],
  ["anon", "GET", "/api/v1/helm-apps", undefined, 401],
  ["anon", "PATCH", "/api/v1/helm-apps/{ha-stg}", { values: "" }, 401],
  ["anon", "GET", "/api/v1/chart-groups", undefined, 401],
  ["anon", "DELETE", "/api/v1/chart-groups/{g2}", undefined, 401],
];

const CODES: Record<number, string> = {
  400: "validation_failed",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
};
const WRITE_METHODS = new Set(["POST", "PATCH", "DELETE"]);

describe("authorization matrix", () => {
  const table: [string, Row[]][] = [
    ["projects", projectRows],
    ["environments", environmentRows],
    ["apps", appRows],
    ["deployments", deploymentRows],
    ["Helm apps", helmRows],
    ["chart groups", chartGroupRows],
    ["unauthenticated", anonRows],
  ];
  for (const [group, rows] of table) {
    describe(group, () => {
      it.each(rows)("user %s: %s %s %j → %i", async (user, method, rawPath, body, status) => {
        const path = await resolvePath(rawPath);
        const before = await catalogSnapshot(db);
        const res = await as[user](method, path, resolveBody(body));
        expect({ status: res.status, body: res.body }).toMatchObject({ status });
        if (status >= 400) {
          expect(res.body).toEqual({ ...problemBody(status, CODES[status]!), ...(status === 400 ? { errors: expect.any(Array) } : {}) });
          if (status === 404 && /^\/api\/v1\/(apps|helm-apps|chart-groups)\/\d+/.test(path)) {
            // Invisible looks exactly like missing: the same words as for an id that never existed.
            const id = /\/(\d+)/.exec(path)![1];
            expect(res.body.detail).toMatch(new RegExp(`^No (app|Helm app|chart group) with id ${id}\\.$`));
          }
          expect(await catalogSnapshot(db)).toEqual(before);
        } else if (WRITE_METHODS.has(method)) {
          expect(await catalogSnapshot(db)).not.toEqual(before);
        }
      });
    });
  }
});

describe("API tokens are held to the same grants", () => {
  it("a token with view on A lists only A's apps, reads B's as 404 and cannot create or deploy", async () => {
    const created = await as.i("POST", "/api/v1/tokens", {
      name: "authz-view-token",
      expiresInDays: 7,
      permissions: { superAdmin: false, grants: GRANTS.a },
    });
    expect(created.status).toBe(201);
    const token = client(server);
    const auth = { authorization: `Bearer ${created.body.secret as string}` };
    const list = await token("GET", "/api/v1/apps", undefined, auth);
    expect(list.status).toBe(200);
    // Every app of A (the matrix above added some), and nothing else.
    expect(list.body.total).toBe(await db.app.count({ where: { project: { name: "proj-a" } } }));
    expect(new Set((list.body.data as { project: string }[]).map((x) => x.project))).toEqual(new Set(["proj-a"]));
    expect(names(list.body)).toEqual(expect.arrayContaining(["a-one", "a-two"]));
    expect((await token("GET", `/api/v1/apps/${ids["b-one"]}`, undefined, auth)).status).toBe(404);
    expect((await token("GET", "/api/v1/helm-apps", undefined, auth)).body).toMatchObject({ data: [], total: 0 });
    expect((await token("GET", "/api/v1/chart-groups", undefined, auth)).body).toMatchObject({ data: [], total: 0 });
    const before = await catalogSnapshot(db);
    expect((await token("POST", "/api/v1/apps", { name: "token-new", project: "proj-a" }, auth)).status).toBe(403);
    expect((await token("POST", `/api/v1/apps/${ids["a-one"]}/deployments`, { environment: "staging" }, auth)).status).toBe(403);
    expect((await token("POST", "/api/v1/projects", { name: "token-project" }, auth)).status).toBe(403);
    expect(await catalogSnapshot(db)).toEqual(before);
  });
});

// ---- Details the matrix does not show -----------------------------------------------------------

describe("refusals say why", () => {
  it("names the role a create, update, deploy or chart-group change needs", async () => {
    expect((await as.a("POST", "/api/v1/apps", { name: "a-new", project: "proj-a" })).body).toEqual(
      problemBody(403, "forbidden", "Creating apps in project proj-a needs the admin or manager role on the whole project."),
    );
    expect((await as.d("POST", "/api/v1/apps", { name: "d-new", project: "proj-a" })).body.detail).toBe(
      "Creating apps in project proj-a needs the admin or manager role on the whole project.",
    );
    expect((await as.a("PATCH", `/api/v1/apps/${ids["a-one"]}`, describe_)).body.detail).toBe(
      "Changing app a-one needs the admin or manager role on it.",
    );
    expect((await as.b("POST", `/api/v1/apps/${ids["a-one"]}/deployments`, { environment: "production" })).body.detail).toBe(
      "Deploying a-one to production needs the trigger role (or stronger) on that app and environment.",
    );
    expect((await as.f("PATCH", `/api/v1/chart-groups/${ids.g2}`, describe_)).body.detail).toBe(
      "Changing chart group g2 needs the update role on it, or admin.",
    );
    expect((await as.f("POST", "/api/v1/chart-groups", { name: "f-new" })).body.detail).toBe(
      "Creating chart groups needs the chart-group admin role for all groups.",
    );
    expect((await as.e("POST", "/api/v1/helm-apps", resolveBody(newHelm("proj-a", "staging")))).body.detail).toBe(
      "Installing Helm apps in proj-a/staging needs the admin role there for all apps.",
    );
    expect((await as.c("POST", "/api/v1/projects", { name: "c-new" })).body).toEqual(
      problemBody(403, "forbidden", "Only super admins can manage this."),
    );
  });

  it("answers 404 before looking at the body for an app the caller cannot see", async () => {
    const before = await catalogSnapshot(db);
    // An unknown environment in the body of an invisible app's deployment: still 404.
    expect((await as.a("POST", `/api/v1/apps/${ids["b-one"]}/deployments`, { environment: "nowhere" })).status).toBe(404);
    expect(await catalogSnapshot(db)).toEqual(before);
  });

  it("records who deployed: the trigger user's deployment shows up for the view user", async () => {
    const res = await as.b("POST", `/api/v1/apps/${ids["a-two"]}/deployments`, { environment: "staging", image: "img:b" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ app: "a-two", environment: "staging", triggeredBy: "authz-b@example.com" });
    const seen = await as.a("GET", `/api/v1/apps/${ids["a-two"]}/deployments`);
    expect((seen.body.data as { id: number }[]).map((d) => d.id)).toContain(res.body.id);
  });

  it("takes a grant away on the next request", async () => {
    const user = await userWithGrants(db, GRANTS.c, "authz-revoked@example.com");
    const asUser = client(server, await sessionCookieFor(user.id));
    expect((await asUser("GET", `/api/v1/apps/${ids["a-one"]}`)).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { grants: [] } });
    expect((await asUser("GET", `/api/v1/apps/${ids["a-one"]}`)).status).toBe(404);
    expect((await asUser("POST", "/api/v1/apps", { name: "revoked-new", project: "proj-a" })).status).toBe(403);
  });

  it("an admin on apps [a-one] can delete a-one itself", async () => {
    // Last, because it removes a seeded app.
    const res = await as.d("DELETE", `/api/v1/apps/${ids["a-one"]}`);
    expect(res.status).toBe(204);
    expect((await as.i("GET", `/api/v1/apps/${ids["a-one"]}`)).status).toBe(404);
    // The deleted name leaves every grant that listed it; d's grant listed only a-one, so it is gone
    // rather than widened to "all apps", and a new a-one would not be covered by it.
    const d = await db.user.findUniqueOrThrow({ where: { email: "authz-d@example.com" }, select: { grants: true } });
    expect(d.grants).toEqual([]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "app.deleted", targetId: ids["a-one"] } });
    expect(event.details).toMatchObject({ name: "a-one", prunedFrom: ["user authz-d@example.com"] });
  });
});
