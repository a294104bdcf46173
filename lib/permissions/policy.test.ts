import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  appReadFilter,
  authorize,
  canCreateApp,
  canCreateChartGroup,
  canDeleteApp,
  canDeleteChartGroup,
  canDeleteHelmApp,
  canInstallHelmApp,
  canReadApp,
  canReadChartGroups,
  canReadHelmApp,
  canTriggerDeployment,
  canUpdateApp,
  canUpdateChartGroup,
  canUpdateHelmApp,
  helmAppReadFilter,
  roleAtLeast,
} from "./policy";
import { APP_SCENARIOS, GROUP_SCENARIOS, POLICY_CASES, POLICY_RULES, type PolicyCase, ROLE_ACTIONS } from "./policy-table";
import {
  describeGrant,
  ENTITIES,
  type Grant,
  NO_PERMISSIONS,
  namesReferenced,
  type Permissions,
  permissionsSchema,
  ROLES,
  referencedNameSets,
  SUPER_ADMIN,
  summarizePermissions,
} from "./schema";

const permissionsOf = (grant: PolicyCase["grant"]): Permissions =>
  grant === "superAdmin" ? SUPER_ADMIN : grant === "none" ? NO_PERMISSIONS : { superAdmin: false, grants: [grant] };

const withGrants = (...grants: Grant[]): Permissions => ({ superAdmin: false, grants });

describe("authorize, against every row of the policy table", () => {
  it.each(POLICY_CASES)("$note", (c) => {
    expect(authorize(permissionsOf(c.grant), c.request)).toBe(c.allowed);
  });
});

describe("the policy table", () => {
  it("has a systematic number of rows", () => {
    expect(POLICY_CASES.length).toBeGreaterThanOrEqual(150);
    expect(POLICY_CASES.length).toBeLessThanOrEqual(300);
  });

  it("covers every role × action × scenario of every entity", () => {
    const seen = new Set(
      POLICY_CASES.flatMap((c) =>
        typeof c.grant === "string" ? [] : [`${c.grant.entity} ${c.grant.role} ${c.request.action} ${c.scope}`],
      ),
    );
    for (const entity of ENTITIES) {
      const scenarios = entity === "chart-group" ? GROUP_SCENARIOS : APP_SCENARIOS;
      for (const role of ROLES[entity])
        for (const action of ACTIONS[entity])
          for (const s of scenarios) expect(seen, `${entity} ${role} ${action} ${s.id}`).toContain(`${entity} ${role} ${action} ${s.id}`);
    }
  });

  it("shows every action both allowed and refused", () => {
    for (const entity of [...ENTITIES, "catalog"] as const)
      for (const action of ACTIONS[entity]) {
        const answers = new Set(
          POLICY_CASES.filter((c) => c.request.entity === entity && c.request.action === action).map((c) => c.allowed),
        );
        expect([...answers].sort(), `${entity} ${action}`).toEqual([false, true]);
      }
  });

  it("gives each stronger role every action of the weaker ones", () => {
    for (const entity of ENTITIES) {
      const allowed: Record<string, readonly string[]> = ROLE_ACTIONS[entity];
      const roles: readonly string[] = ROLES[entity];
      roles.slice(1).forEach((role, i) => {
        const weaker = roles[i] ?? "";
        expect(allowed[role], `${entity} ${role} ⊇ ${weaker}`).toEqual(expect.arrayContaining([...(allowed[weaker] ?? [])]));
      });
    }
  });

  it("names every action in exactly one rule", () => {
    const ruled = POLICY_RULES.flatMap((r) => r.requests.map((q) => `${q.entity} ${q.action}`));
    const actions = Object.entries(ACTIONS).flatMap(([entity, list]) => list.map((a) => `${entity} ${a}`));
    expect([...ruled].sort()).toEqual([...actions].sort());
  });
});

describe("roleAtLeast", () => {
  it("orders roles weakest first, manager at least admin", () => {
    expect(roleAtLeast("devtron-app", "manager", "admin")).toBe(true);
    expect(roleAtLeast("devtron-app", "admin", "trigger")).toBe(true);
    expect(roleAtLeast("devtron-app", "trigger", "admin")).toBe(false);
    expect(roleAtLeast("helm-app", "edit", "view")).toBe(true);
    expect(roleAtLeast("helm-app", "edit", "admin")).toBe(false);
    expect(roleAtLeast("chart-group", "update", "update")).toBe(true);
  });
});

describe("named helpers", () => {
  const checkout = { project: "payments", name: "checkout" };
  const redis = { project: "payments", environment: "staging", name: "redis" };

  it("reads like the design table for Devtron apps", () => {
    const p = withGrants({ entity: "devtron-app", project: "payments", environments: ["staging"], apps: ["checkout"], role: "trigger" });
    expect(canReadApp(p, checkout)).toBe(true);
    expect(canTriggerDeployment(p, checkout, "staging")).toBe(true);
    expect(canTriggerDeployment(p, checkout, "production")).toBe(false);
    expect(canUpdateApp(p, checkout)).toBe(false);
    expect(canDeleteApp(p, checkout)).toBe(false);
    expect(canCreateApp(p, "payments")).toBe(false);

    const admin = withGrants({ entity: "devtron-app", project: "payments", environments: ["staging"], apps: [], role: "admin" });
    expect(canCreateApp(admin, "payments")).toBe(true);
    expect(canCreateApp(admin, "billing")).toBe(false);
    expect(canDeleteApp(admin, checkout)).toBe(true);
  });

  it("reads like the design table for Helm apps", () => {
    const edit = withGrants({ entity: "helm-app", project: "payments", environments: ["staging"], apps: [], role: "edit" });
    expect(canReadHelmApp(edit, redis)).toBe(true);
    expect(canUpdateHelmApp(edit, redis)).toBe(true);
    expect(canUpdateHelmApp(edit, { ...redis, environment: "production" })).toBe(false);
    expect(canInstallHelmApp(edit, "payments", "staging")).toBe(false);
    expect(canDeleteHelmApp(edit, redis)).toBe(false);

    const admin = withGrants({ entity: "helm-app", project: "payments", environments: ["staging"], apps: [], role: "admin" });
    expect(canInstallHelmApp(admin, "payments", "staging")).toBe(true);
    expect(canInstallHelmApp(admin, "payments", "production")).toBe(false);
    expect(canDeleteHelmApp(admin, redis)).toBe(true);
  });

  it("reads like the design table for chart groups and the catalog", () => {
    const update = withGrants({ entity: "chart-group", groups: ["backend"], role: "update" });
    expect(canReadChartGroups(update)).toBe(true);
    expect(canUpdateChartGroup(update, "backend")).toBe(true);
    expect(canUpdateChartGroup(update, "frontend")).toBe(false);
    expect(canCreateChartGroup(update)).toBe(false);
    expect(canDeleteChartGroup(update, "backend")).toBe(false);
    expect(canReadChartGroups(NO_PERMISSIONS)).toBe(false);
    expect(authorize(update, { entity: "catalog", action: "manage" })).toBe(false);
    expect(authorize(SUPER_ADMIN, { entity: "catalog", action: "manage" })).toBe(true);
  });

  it("never combines two grants into one permission", () => {
    const p = withGrants(
      { entity: "devtron-app", project: "payments", environments: ["staging"], apps: ["ledger"], role: "trigger" },
      { entity: "devtron-app", project: "payments", environments: ["production"], apps: ["checkout"], role: "trigger" },
    );
    expect(canTriggerDeployment(p, checkout, "production")).toBe(true);
    expect(canTriggerDeployment(p, checkout, "staging")).toBe(false);
  });

  it("treats a name left out of a request as 'all of them'", () => {
    const named = withGrants({ entity: "devtron-app", project: "payments", environments: ["staging"], apps: [], role: "trigger" });
    const every = withGrants({ entity: "devtron-app", project: "payments", environments: [], apps: [], role: "trigger" });
    const request = { entity: "devtron-app", action: "trigger", project: "payments", app: "checkout" } as const;
    expect(authorize(named, request)).toBe(false);
    expect(authorize(every, request)).toBe(true);
  });
});

type IssueView = { path: string; message: string };

function issues(input: unknown): IssueView[] {
  const result = permissionsSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

const devtronGrant = (over: Record<string, unknown> = {}) => ({
  entity: "devtron-app",
  project: "payments",
  environments: ["staging"],
  apps: [],
  role: "trigger",
  ...over,
});

describe("permissionsSchema", () => {
  it("accepts super admin and grant lists", () => {
    expect(permissionsSchema.parse({ superAdmin: true })).toEqual({ superAdmin: true });
    const p = {
      superAdmin: false,
      grants: [
        devtronGrant(),
        { entity: "helm-app", project: "payments", environments: [], apps: ["redis"], role: "edit" },
        { entity: "chart-group", groups: [], role: "admin" },
      ],
    };
    expect(permissionsSchema.parse(p)).toEqual(p);
  });

  it("reads missing grants as no roles and trims names", () => {
    expect(permissionsSchema.parse({ superAdmin: false })).toEqual({ superAdmin: false, grants: [] });
    const parsed = permissionsSchema.parse({ superAdmin: false, grants: [devtronGrant({ project: " payments ", apps: [" checkout"] })] });
    expect(parsed).toEqual({ superAdmin: false, grants: [devtronGrant({ apps: ["checkout"] })] });
  });

  it.each<[string, unknown, IssueView[]]>([
    ["not an object", "yes", [{ path: "", message: "must be an object" }]],
    ["no superAdmin", {}, [{ path: "superAdmin", message: "must be true or false" }]],
    ["a string superAdmin", { superAdmin: "true" }, [{ path: "superAdmin", message: "must be true or false" }]],
    [
      "grants on a super admin",
      { superAdmin: true, grants: [] },
      [{ path: "", message: "a super admin already has every permission; remove grants" }],
    ],
    ["grants not a list", { superAdmin: false, grants: {} }, [{ path: "grants", message: "must be a list of grants" }]],
    [
      "an unknown entity",
      { superAdmin: false, grants: [{ entity: "cluster", role: "view" }] },
      [{ path: "grants.0.entity", message: "must be one of devtron-app, helm-app, chart-group" }],
    ],
    [
      "a role of another entity",
      { superAdmin: false, grants: [devtronGrant({ role: "edit" })] },
      [{ path: "grants.0.role", message: "must be one of view, trigger, admin, manager" }],
    ],
    [
      "a Devtron role on a Helm app",
      { superAdmin: false, grants: [devtronGrant({ entity: "helm-app", role: "trigger" })] },
      [{ path: "grants.0.role", message: "must be one of view, edit, admin" }],
    ],
    [
      "a missing role",
      { superAdmin: false, grants: [{ entity: "chart-group", groups: [] }] },
      [{ path: "grants.0.role", message: "is required and must be one of view, update, admin" }],
    ],
    [
      "a misspelt field",
      { superAdmin: false, grants: [{ entity: "devtron-app", project: "payments", enviroments: [], apps: [], role: "view" }] },
      [
        { path: "grants.0.environments", message: "is required" },
        { path: "grants.0", message: "has unknown field: enviroments" },
      ],
    ],
    [
      "a project on a chart-group grant",
      { superAdmin: false, grants: [{ entity: "chart-group", project: "payments", groups: [], role: "view" }] },
      [{ path: "grants.0", message: "has unknown field: project" }],
    ],
    [
      "a blank name",
      { superAdmin: false, grants: [devtronGrant({ project: "   " })] },
      [{ path: "grants.0.project", message: "must not be empty" }],
    ],
    [
      "a 51-character name",
      { superAdmin: false, grants: [devtronGrant({ apps: ["a".repeat(51)] })] },
      [{ path: "grants.0.apps.0", message: "must be at most 50 characters" }],
    ],
    [
      "a list that is not a list",
      { superAdmin: false, grants: [devtronGrant({ environments: "staging" })] },
      [{ path: "grants.0.environments", message: "must be a list of environment names" }],
    ],
    [
      "a duplicate name (after trimming)",
      { superAdmin: false, grants: [devtronGrant({ environments: ["staging", "prod", " staging"] })] },
      [{ path: "grants.0.environments.2", message: 'repeats "staging" (already at position 0)' }],
    ],
    [
      "201 names",
      { superAdmin: false, grants: [{ entity: "chart-group", groups: Array.from({ length: 201 }, (_, i) => `g${i}`), role: "view" }] },
      [{ path: "grants.0.groups", message: "must list at most 200 chart groups" }],
    ],
    [
      "101 grants",
      { superAdmin: false, grants: Array.from({ length: 101 }, () => devtronGrant()) },
      [{ path: "grants", message: "must have at most 100 grants" }],
    ],
  ])("rejects %s", (_, input, expected) => {
    expect(issues(input)).toEqual(expected);
  });
});

describe("namesReferenced", () => {
  const p = withGrants(
    { entity: "chart-group", groups: ["backend"], role: "view" },
    { entity: "devtron-app", project: "payments", environments: ["staging", "production"], apps: ["checkout"], role: "view" },
    { entity: "helm-app", project: "payments", environments: ["staging"], apps: ["redis"], role: "view" },
  );

  it("lists every name with the path that holds it", () => {
    expect(namesReferenced(p)).toEqual([
      { kind: "chart-group", name: "backend", path: "permissions.grants.0.groups.0" },
      { kind: "project", name: "payments", path: "permissions.grants.1.project" },
      { kind: "environment", name: "staging", path: "permissions.grants.1.environments.0" },
      { kind: "environment", name: "production", path: "permissions.grants.1.environments.1" },
      { kind: "app", name: "checkout", path: "permissions.grants.1.apps.0" },
      { kind: "project", name: "payments", path: "permissions.grants.2.project" },
      { kind: "environment", name: "staging", path: "permissions.grants.2.environments.0" },
      { kind: "helm-app", name: "redis", path: "permissions.grants.2.apps.0" },
    ]);
  });

  it("takes another path prefix, and has nothing to check for a super admin", () => {
    expect(namesReferenced(p, "body.permissions")[0]?.path).toBe("body.permissions.grants.0.groups.0");
    expect(namesReferenced(SUPER_ADMIN)).toEqual([]);
  });

  it("groups distinct names per kind", () => {
    expect(referencedNameSets(p)).toEqual({
      projects: new Set(["payments"]),
      environments: new Set(["staging", "production"]),
      apps: new Set(["checkout"]),
      helmApps: new Set(["redis"]),
      groups: new Set(["backend"]),
    });
  });
});

describe("summarizePermissions", () => {
  const admin: Grant = { entity: "devtron-app", project: "payments", environments: [], apps: [], role: "admin" };
  const helmView: Grant = { entity: "helm-app", project: "payments", environments: ["staging"], apps: [], role: "view" };
  const groups: Grant = { entity: "chart-group", groups: ["a", "b", "c"], role: "update" };

  it("says super admin or no roles", () => {
    expect(summarizePermissions(SUPER_ADMIN)).toBe("Super admin");
    expect(summarizePermissions(NO_PERMISSIONS)).toBe("No roles");
  });

  it("shows the first two roles", () => {
    expect(summarizePermissions(withGrants(admin))).toBe("1 role: Devtron app admin in payments");
    expect(summarizePermissions(withGrants(admin, helmView))).toBe(
      "2 roles: Devtron app admin in payments, Helm app view in payments/staging",
    );
    expect(summarizePermissions(withGrants(admin, helmView, groups))).toBe(
      "3 roles: Devtron app admin in payments, Helm app view in payments/staging, …",
    );
  });

  it("names apps and groups, shortening long lists", () => {
    expect(describeGrant(groups)).toBe("Chart group update on a, b +1");
    expect(describeGrant({ entity: "chart-group", groups: [], role: "view" })).toBe("Chart group view");
    expect(
      describeGrant({ entity: "devtron-app", project: "payments", environments: ["staging", "qa"], apps: ["checkout"], role: "trigger" }),
    ).toBe("Devtron app trigger on checkout in payments/staging, qa");
  });
});

describe("read filters", () => {
  it("lets a super admin list everything", () => {
    expect([appReadFilter(SUPER_ADMIN), helmAppReadFilter(SUPER_ADMIN), canReadChartGroups(SUPER_ADMIN)]).toEqual(["all", "all", true]);
  });

  it("lets no grants list nothing", () => {
    expect([appReadFilter(NO_PERMISSIONS), helmAppReadFilter(NO_PERMISSIONS), canReadChartGroups(NO_PERMISSIONS)]).toEqual([[], [], false]);
  });

  it("merges Devtron app grants per project, an empty list winning", () => {
    const p = withGrants(
      { entity: "devtron-app", project: "payments", environments: ["staging"], apps: ["checkout"], role: "view" },
      { entity: "devtron-app", project: "payments", environments: [], apps: ["ledger", "checkout"], role: "trigger" },
      { entity: "devtron-app", project: "billing", environments: ["staging"], apps: ["invoices"], role: "view" },
      { entity: "devtron-app", project: "billing", environments: [], apps: [], role: "view" },
      { entity: "helm-app", project: "infra", environments: [], apps: [], role: "view" },
    );
    expect(appReadFilter(p)).toEqual([
      { project: "payments", apps: ["checkout", "ledger"] },
      { project: "billing", apps: [] },
    ]);
  });

  it("keeps Helm app scopes per grant, without duplicates", () => {
    const scope = { project: "payments", environments: ["staging"], apps: ["redis"] };
    const p = withGrants(
      { entity: "helm-app", ...scope, role: "view" },
      { entity: "helm-app", ...scope, role: "admin" },
      { entity: "helm-app", project: "infra", environments: [], apps: [], role: "edit" },
    );
    expect(helmAppReadFilter(p)).toEqual([scope, { project: "infra", environments: [], apps: [] }]);
  });

  it("reads all chart groups with any chart-group grant", () => {
    expect(canReadChartGroups(withGrants({ entity: "chart-group", groups: ["backend"], role: "view" }))).toBe(true);
    expect(canReadChartGroups(withGrants({ entity: "devtron-app", project: "p", environments: [], apps: [], role: "admin" }))).toBe(false);
  });

  it("agrees with authorize about which apps may be read", () => {
    for (const c of POLICY_CASES) {
      if (c.request.entity !== "devtron-app" || c.request.action !== "read" || c.request.app === undefined) continue;
      const filter = appReadFilter(permissionsOf(c.grant));
      const { project, app } = c.request;
      const listed = filter === "all" || filter.some((f) => f.project === project && (f.apps.length === 0 || f.apps.includes(app)));
      expect(listed, c.note).toBe(c.allowed);
    }
  });
});
