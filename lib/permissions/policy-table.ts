// THE table of permission cases: data, not tests. policy.test.ts runs every row through
// `authorize`, and docs/permissions.md is rendered from it, so the code, the tests and the
// documentation cannot disagree. Expected answers come from the hand-written maps below
// (ROLE_ACTIONS, SCOPE_RULES, and the labelled scenarios) and never from `authorize` itself.
import type { AccessRequest, ActionOf, RequestEntity } from "./policy";
import { type Entity, type Grant, ROLES, type RoleOf } from "./schema";

/** The role table in words (rendered into docs/permissions.md), with the `authorize` requests each line governs. */
export type PolicyRule = {
  action: string;
  needs: string;
  requests: readonly { entity: RequestEntity; action: string }[];
};

export const POLICY_RULES: readonly PolicyRule[] = [
  {
    action: "list / read a Devtron app, its deployments",
    needs: "`devtron-app` grant matching project and app, any role (environments do not restrict reading)",
    requests: [{ entity: "devtron-app", action: "read" }],
  },
  {
    action: "trigger a deployment of an app to an environment",
    needs: "`trigger` or stronger, matching project, environment and app",
    requests: [{ entity: "devtron-app", action: "trigger" }],
  },
  {
    action: "create a Devtron app in a project",
    needs: "`admin` or `manager` on that project with `apps: []` (environments irrelevant)",
    requests: [{ entity: "devtron-app", action: "create" }],
  },
  {
    action: "update / delete a Devtron app",
    needs: "`admin` or `manager` matching project and app",
    requests: [
      { entity: "devtron-app", action: "update" },
      { entity: "devtron-app", action: "delete" },
    ],
  },
  {
    action: "read a Helm app",
    needs: "`helm-app` grant matching project, environment and app, any role",
    requests: [{ entity: "helm-app", action: "read" }],
  },
  {
    action: "update a Helm app's values",
    needs: "`edit` or stronger, matching project, environment and app",
    requests: [{ entity: "helm-app", action: "update" }],
  },
  {
    action: "install / delete a Helm app",
    needs: "`admin`, matching project and environment; install needs `apps: []`, delete matching the app",
    requests: [
      { entity: "helm-app", action: "install" },
      { entity: "helm-app", action: "delete" },
    ],
  },
  {
    action: "read chart groups",
    needs: "any `chart-group` grant (it reads every group)",
    requests: [{ entity: "chart-group", action: "read" }],
  },
  {
    action: "update a chart group",
    needs: "`update` or `admin` naming that group (or `groups: []`)",
    requests: [{ entity: "chart-group", action: "update" }],
  },
  {
    action: "create / delete a chart group",
    needs: "`admin`; create needs `groups: []`, delete naming that group (or `groups: []`)",
    requests: [
      { entity: "chart-group", action: "create" },
      { entity: "chart-group", action: "delete" },
    ],
  },
  {
    action: "create projects and environments",
    needs: "super admin",
    requests: [{ entity: "catalog", action: "manage" }],
  },
];

/** What each role allows once the scope fits, written out by hand (not derived from role order). */
export const ROLE_ACTIONS: { [E in Entity]: Record<RoleOf<E>, readonly ActionOf<E>[]> } = {
  "devtron-app": {
    view: ["read"],
    trigger: ["read", "trigger"],
    admin: ["read", "trigger", "create", "update", "delete"],
    manager: ["read", "trigger", "create", "update", "delete"],
  },
  "helm-app": {
    view: ["read"],
    edit: ["read", "update"],
    admin: ["read", "update", "install", "delete"],
  },
  "chart-group": {
    view: ["read"],
    update: ["read", "update"],
    admin: ["read", "update", "create", "delete"],
  },
};

export type ScopeField = "project" | "environment" | "app" | "group";
/** `match`: the grant must cover the name; `all`: the grant's list must be empty; `ignored`. */
export type ScopeRule = "match" | "all" | "ignored";

export const SCOPE_RULES: { [E in Entity]: Record<ActionOf<E>, Partial<Record<ScopeField, ScopeRule>>> } = {
  "devtron-app": {
    read: { project: "match", environment: "ignored", app: "match" },
    trigger: { project: "match", environment: "match", app: "match" },
    create: { project: "match", environment: "ignored", app: "all" },
    update: { project: "match", environment: "ignored", app: "match" },
    delete: { project: "match", environment: "ignored", app: "match" },
  },
  "helm-app": {
    read: { project: "match", environment: "match", app: "match" },
    update: { project: "match", environment: "match", app: "match" },
    install: { project: "match", environment: "match", app: "all" },
    delete: { project: "match", environment: "match", app: "match" },
  },
  "chart-group": {
    read: { group: "ignored" },
    update: { group: "match" },
    create: { group: "all" },
    delete: { group: "match" },
  },
};

/**
 * A grant scope paired with the thing a request targets, labelled by hand with which fields fall
 * outside the grant (`outside`) and which fields the grant leaves empty (`all`).
 */
export type Scenario<S, T> = {
  id: string;
  label: string;
  scope: S;
  target: T;
  outside: readonly ScopeField[];
  all: readonly ScopeField[];
};

type AppScope = { project: string; environments: string[]; apps: string[] };
type AppTarget = { project: string; environment: string; app: string };
type GroupScope = { groups: string[] };
type GroupTarget = { group: string };

export const APP_SCENARIOS: readonly Scenario<AppScope, AppTarget>[] = [
  {
    id: "named",
    label: "grant names this project, environment and app",
    scope: { project: "payments", environments: ["staging"], apps: ["checkout"] },
    target: { project: "payments", environment: "staging", app: "checkout" },
    outside: [],
    all: [],
  },
  {
    id: "all",
    label: "grant has empty lists (all environments and apps)",
    scope: { project: "payments", environments: [], apps: [] },
    target: { project: "payments", environment: "production", app: "ledger" },
    outside: [],
    all: ["environment", "app"],
  },
  {
    id: "other-project",
    label: "request is in another project",
    scope: { project: "payments", environments: [], apps: [] },
    target: { project: "billing", environment: "staging", app: "checkout" },
    outside: ["project"],
    all: ["environment", "app"],
  },
  {
    id: "other-environment",
    label: "request is in an environment the grant does not name",
    scope: { project: "payments", environments: ["staging"], apps: [] },
    target: { project: "payments", environment: "production", app: "checkout" },
    outside: ["environment"],
    all: ["app"],
  },
  {
    id: "other-app",
    label: "request is for an app the grant does not name",
    scope: { project: "payments", environments: [], apps: ["checkout"] },
    target: { project: "payments", environment: "staging", app: "ledger" },
    outside: ["app"],
    all: ["environment"],
  },
];

export const GROUP_SCENARIOS: readonly Scenario<GroupScope, GroupTarget>[] = [
  { id: "named", label: "grant names this group", scope: { groups: ["backend"] }, target: { group: "backend" }, outside: [], all: [] },
  {
    id: "named-among-others",
    label: "grant names this group among others",
    scope: { groups: ["backend", "frontend"] },
    target: { group: "frontend" },
    outside: [],
    all: [],
  },
  {
    id: "all",
    label: "grant has `groups: []` (all groups)",
    scope: { groups: [] },
    target: { group: "frontend" },
    outside: [],
    all: ["group"],
  },
  {
    id: "other-group",
    label: "request is for a group the grant does not name",
    scope: { groups: ["backend"] },
    target: { group: "frontend" },
    outside: ["group"],
    all: [],
  },
];

export type PolicyCase = {
  grant: Grant | "superAdmin" | "none";
  request: AccessRequest;
  allowed: boolean;
  note: string;
  /** Scenario id, or the kind of special case ("super-admin", "no-grants", "catalog", "other-entity"). */
  scope: string;
};

type Expectation = { allowed: boolean; why: string };

const PLURAL: Record<ScopeField, string> = { project: "projects", environment: "environments", app: "apps", group: "groups" };

function expectation(
  roleAllows: boolean,
  role: string,
  action: string,
  rules: Partial<Record<ScopeField, ScopeRule>>,
  scenario: { outside: readonly ScopeField[]; all: readonly ScopeField[] },
): Expectation {
  if (!roleAllows) return { allowed: false, why: `${role} does not allow ${action}` };
  for (const [field, rule] of Object.entries(rules) as [ScopeField, ScopeRule][]) {
    if (rule === "match" && scenario.outside.includes(field)) return { allowed: false, why: `${field} is outside the grant` };
    if (rule === "all" && !scenario.all.includes(field)) return { allowed: false, why: `needs ${PLURAL[field]}: []` };
  }
  const ignored = scenario.outside.filter((f) => rules[f] === "ignored");
  return { allowed: true, why: ignored.length > 0 ? `${ignored.join(", ")} does not restrict ${action}` : "in scope" };
}

function note(entity: string, role: string, action: string, scenarioId: string, e: Expectation): string {
  return `${entity} ${role}, ${scenarioId}: ${action} is ${e.allowed ? "allowed" : "denied"} (${e.why})`;
}

// Duplicated from policy.ts on purpose: the table lists the actions it expects to exist.
const ACTIONS_OF = {
  "devtron-app": ["read", "trigger", "create", "update", "delete"],
  "helm-app": ["read", "update", "install", "delete"],
  "chart-group": ["read", "update", "create", "delete"],
} as const satisfies { [E in Entity]: readonly ActionOf<E>[] };

function appCases<E extends "devtron-app" | "helm-app">(
  entity: E,
  toGrant: (role: RoleOf<E>, scope: AppScope) => Grant,
  toRequest: (action: ActionOf<E>, target: AppTarget) => AccessRequest,
): PolicyCase[] {
  const roles: readonly RoleOf<E>[] = ROLES[entity];
  const actions: readonly ActionOf<E>[] = ACTIONS_OF[entity];
  const roleActions: Record<RoleOf<E>, readonly ActionOf<E>[]> = ROLE_ACTIONS[entity];
  const scopeRules: Record<ActionOf<E>, Partial<Record<ScopeField, ScopeRule>>> = SCOPE_RULES[entity];
  return roles.flatMap((role) =>
    actions.flatMap((action) =>
      APP_SCENARIOS.map((s) => {
        const e = expectation(roleActions[role].includes(action), role, action, scopeRules[action], s);
        return {
          grant: toGrant(role, s.scope),
          request: toRequest(action, s.target),
          allowed: e.allowed,
          note: note(entity, role, action, s.id, e),
          scope: s.id,
        };
      }),
    ),
  );
}

const devtronAppCases = (): PolicyCase[] =>
  appCases(
    "devtron-app",
    (role, scope) => ({ entity: "devtron-app", role, ...copy(scope) }),
    (action, t) => ({ entity: "devtron-app", action, project: t.project, environment: t.environment, app: t.app }),
  );

const helmAppCases = (): PolicyCase[] =>
  appCases(
    "helm-app",
    (role, scope) => ({ entity: "helm-app", role, ...copy(scope) }),
    (action, t) => ({ entity: "helm-app", action, project: t.project, environment: t.environment, app: t.app }),
  );

// Each row gets its own arrays, so a test that mutates one grant cannot change another row.
const copy = (s: AppScope): AppScope => ({ project: s.project, environments: [...s.environments], apps: [...s.apps] });

function chartGroupCases(): PolicyCase[] {
  return ROLES["chart-group"].flatMap((role) =>
    ACTIONS_OF["chart-group"].flatMap((action) =>
      GROUP_SCENARIOS.map((s) => {
        const e = expectation(ROLE_ACTIONS["chart-group"][role].includes(action), role, action, SCOPE_RULES["chart-group"][action], s);
        return {
          grant: { entity: "chart-group", role, groups: [...s.scope.groups] },
          request: { entity: "chart-group", action, group: s.target.group },
          allowed: e.allowed,
          note: note("chart-group", role, action, s.id, e),
          scope: s.id,
        };
      }),
    ),
  );
}

/** One request per action of every entity, aimed at the "all" scenario's target. */
function everyRequest(): AccessRequest[] {
  const app = APP_SCENARIOS.find((s) => s.id === "all")?.target ?? { project: "payments", environment: "staging", app: "checkout" };
  return [
    ...ACTIONS_OF["devtron-app"].map((action): AccessRequest => ({ entity: "devtron-app", action, ...app })),
    ...ACTIONS_OF["helm-app"].map((action): AccessRequest => ({ entity: "helm-app", action, ...app })),
    ...ACTIONS_OF["chart-group"].map((action): AccessRequest => ({ entity: "chart-group", action, group: "frontend" })),
    { entity: "catalog", action: "manage" },
  ];
}

const describeRequest = (r: AccessRequest): string => `${r.entity} ${r.action}`;

function superAdminCases(): PolicyCase[] {
  return everyRequest().map((request) => ({
    grant: "superAdmin",
    request,
    allowed: true,
    note: `super admin: ${describeRequest(request)} is allowed (super admin allows everything)`,
    scope: "super-admin",
  }));
}

function noGrantCases(): PolicyCase[] {
  return everyRequest().map((request) => ({
    grant: "none",
    request,
    allowed: false,
    note: `no grants: ${describeRequest(request)} is denied (no roles)`,
    scope: "no-grants",
  }));
}

/** The broadest grant of every role: all names, so only the entity and role can refuse. */
function broadGrants(): Grant[] {
  return [
    ...ROLES["devtron-app"].map((role): Grant => ({ entity: "devtron-app", role, project: "payments", environments: [], apps: [] })),
    ...ROLES["helm-app"].map((role): Grant => ({ entity: "helm-app", role, project: "payments", environments: [], apps: [] })),
    ...ROLES["chart-group"].map((role): Grant => ({ entity: "chart-group", role, groups: [] })),
  ];
}

function catalogCases(): PolicyCase[] {
  return broadGrants().map((grant) => ({
    grant,
    request: { entity: "catalog", action: "manage" },
    allowed: false,
    note: `${grant.entity} ${grant.role}, all: catalog manage is denied (projects and environments need super admin)`,
    scope: "catalog",
  }));
}

/** An admin of one entity gets nothing on another, even in the same project. */
function otherEntityCases(): PolicyCase[] {
  const admins = broadGrants().filter((g) => g.role === "admin");
  return admins.flatMap((grant) =>
    everyRequest()
      .filter((r) => r.entity !== grant.entity && r.entity !== "catalog")
      .map((request) => ({
        grant,
        request,
        allowed: false,
        note: `${grant.entity} admin, all: ${describeRequest(request)} is denied (a grant only covers its own entity)`,
        scope: "other-entity",
      })),
  );
}

export const POLICY_CASES: readonly PolicyCase[] = [
  ...devtronAppCases(),
  ...helmAppCases(),
  ...chartGroupCases(),
  ...superAdminCases(),
  ...noGrantCases(),
  ...catalogCases(),
  ...otherEntityCases(),
];
