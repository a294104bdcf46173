// The one place that decides what a principal may do (docs/permissions.md). Pure and browser-safe, so the
// dashboard hides exactly the buttons the API would refuse.
import {
  type ChartGroupGrant,
  type ChartGroupRole,
  type DevtronAppGrant,
  type DevtronAppRole,
  describeGrant,
  ENTITY_LABELS,
  type Entity,
  type Grant,
  type HelmAppGrant,
  type HelmAppRole,
  type Permissions,
  ROLES,
  type RoleOf,
} from "./schema";

export const ACTIONS = {
  "devtron-app": ["read", "trigger", "create", "update", "delete"],
  "helm-app": ["read", "update", "install", "delete"],
  "chart-group": ["read", "update", "create", "delete"],
  catalog: ["manage"],
} as const;

export type RequestEntity = keyof typeof ACTIONS;
export type ActionOf<E extends RequestEntity> = (typeof ACTIONS)[E][number];
export type DevtronAppAction = ActionOf<"devtron-app">;
export type HelmAppAction = ActionOf<"helm-app">;
export type ChartGroupAction = ActionOf<"chart-group">;

// A name left out of a request means "all of them" (e.g. creating an app concerns the whole project),
// so only a grant whose list is empty covers it.
export type DevtronAppRequest = {
  entity: "devtron-app";
  action: DevtronAppAction;
  project: string;
  environment?: string;
  app?: string;
};
export type HelmAppRequest = { entity: "helm-app"; action: HelmAppAction; project: string; environment: string; app?: string };
export type ChartGroupRequest = { entity: "chart-group"; action: ChartGroupAction; group?: string };
/** Projects and environments: only super admins shape the catalog. */
export type CatalogRequest = { entity: "catalog"; action: "manage" };
export type AccessRequest = DevtronAppRequest | HelmAppRequest | ChartGroupRequest | CatalogRequest;

/** True when `held` is `needed` or stronger. */
export function roleAtLeast<E extends Entity>(entity: E, held: RoleOf<E>, needed: RoleOf<E>): boolean {
  const order: readonly string[] = ROLES[entity];
  return order.indexOf(held) >= order.indexOf(needed);
}

/** An empty list is "all, existing and future". */
function covers(names: readonly string[], name: string | undefined): boolean {
  return names.length === 0 || (name !== undefined && names.includes(name));
}

const DEVTRON_APP_NEEDS: Record<DevtronAppAction, DevtronAppRole> = {
  read: "view",
  trigger: "trigger",
  create: "admin",
  update: "admin",
  delete: "admin",
};

const HELM_APP_NEEDS: Record<HelmAppAction, HelmAppRole> = {
  read: "view",
  update: "edit",
  install: "admin",
  delete: "admin",
};

const CHART_GROUP_NEEDS: Record<ChartGroupAction, ChartGroupRole> = {
  read: "view",
  update: "update",
  create: "admin",
  delete: "admin",
};

/**
 * One reason a grant does not allow a request. A grant allows a request exactly when it has
 * none: `authorize` and `explain` both judge by grantMisses, so an explanation cannot
 * disagree with the decision.
 */
export type Miss =
  | { field: "project"; has: string }
  | { field: "role"; has: string; needs: string }
  | { field: "environment" | "app" | "group"; rule: "covers" | "all" };

function devtronAppGrantMisses(g: DevtronAppGrant, r: DevtronAppRequest): Miss[] {
  const misses: Miss[] = [];
  if (g.project !== r.project) misses.push({ field: "project", has: g.project });
  const needs = DEVTRON_APP_NEEDS[r.action];
  if (!roleAtLeast("devtron-app", g.role, needs)) misses.push({ field: "role", has: g.role, needs });
  switch (r.action) {
    case "read":
    case "update":
    case "delete":
      // Environments scope deployments, not the app itself.
      if (!covers(g.apps, r.app)) misses.push({ field: "app", rule: "covers" });
      break;
    case "trigger":
      if (!covers(g.environments, r.environment)) misses.push({ field: "environment", rule: "covers" });
      if (!covers(g.apps, r.app)) misses.push({ field: "app", rule: "covers" });
      break;
    case "create":
      // A grant naming apps cannot reach an app that does not exist yet.
      if (g.apps.length > 0) misses.push({ field: "app", rule: "all" });
      break;
  }
  return misses;
}

function helmAppGrantMisses(g: HelmAppGrant, r: HelmAppRequest): Miss[] {
  const misses: Miss[] = [];
  if (g.project !== r.project) misses.push({ field: "project", has: g.project });
  const needs = HELM_APP_NEEDS[r.action];
  if (!roleAtLeast("helm-app", g.role, needs)) misses.push({ field: "role", has: g.role, needs });
  if (!covers(g.environments, r.environment)) misses.push({ field: "environment", rule: "covers" });
  if (r.action === "install" ? g.apps.length > 0 : !covers(g.apps, r.app))
    misses.push({ field: "app", rule: r.action === "install" ? "all" : "covers" });
  return misses;
}

function chartGroupGrantMisses(g: ChartGroupGrant, r: ChartGroupRequest): Miss[] {
  const misses: Miss[] = [];
  const needs = CHART_GROUP_NEEDS[r.action];
  if (!roleAtLeast("chart-group", g.role, needs)) misses.push({ field: "role", has: g.role, needs });
  switch (r.action) {
    case "read":
      // Chart groups are a shared catalog: any chart-group grant reads all of them.
      break;
    case "update":
    case "delete":
      if (!covers(g.groups, r.group)) misses.push({ field: "group", rule: "covers" });
      break;
    case "create":
      if (g.groups.length > 0) misses.push({ field: "group", rule: "all" });
      break;
  }
  return misses;
}

type GrantRequest = Exclude<AccessRequest, CatalogRequest>;

/** Why `g` does not allow `r` ([] when it does); null when it is a grant of another entity. */
function grantMisses(g: Grant, r: GrantRequest): Miss[] | null {
  if (g.entity === "devtron-app" && r.entity === "devtron-app") return devtronAppGrantMisses(g, r);
  if (g.entity === "helm-app" && r.entity === "helm-app") return helmAppGrantMisses(g, r);
  if (g.entity === "chart-group" && r.entity === "chart-group") return chartGroupGrantMisses(g, r);
  return null;
}

/** May this principal do this? Allowed when any single grant allows it; grants never combine. */
export function authorize(p: Permissions, request: AccessRequest): boolean {
  if (p.superAdmin) return true;
  if (request.entity === "catalog") return false;
  return p.grants.some((g) => grantMisses(g, request)?.length === 0);
}

export type Explanation = { allowed: boolean; reason: string; grant: Grant | null };

/**
 * What `authorize` decides, with why: the grant that allows the request, or what the nearest
 * grant lacks. The decision is taken by the same grantMisses as `authorize`'s.
 */
export function explain(p: Permissions, request: AccessRequest): Explanation {
  if (p.superAdmin) return { allowed: true, reason: "Super admin: allowed to do everything.", grant: null };
  if (request.entity === "catalog") return { allowed: false, reason: "Only super admins manage projects and environments.", grant: null };
  const judged = p.grants.flatMap((grant) => {
    const misses = grantMisses(grant, request);
    return misses === null ? [] : [{ grant, misses }];
  });
  const allowing = judged.find((j) => j.misses.length === 0);
  if (allowing) return { allowed: true, reason: `Allowed by the grant ${describeGrant(allowing.grant)}.`, grant: allowing.grant };
  const label = ENTITY_LABELS[request.entity];
  if (judged.length === 0) return { allowed: false, reason: `Not allowed: there is no ${label} grant.`, grant: null };
  const nearest = judged.reduce((best, j) => (j.misses.length < best.misses.length ? j : best));
  const why = nearest.misses.map((m) => missText(m, request)).join("; ");
  const others = judged.length > 1 ? ` None of the ${judged.length} ${label} grants allows it; the nearest is` : " The grant";
  return { allowed: false, reason: `Not allowed.${others} ${describeGrant(nearest.grant)}: ${why}.`, grant: null };
}

const PLURAL = { environment: "environments", app: "apps", group: "groups" } as const;

function missText(m: Miss, r: GrantRequest): string {
  switch (m.field) {
    case "project":
      return `it is for project ${m.has}, not ${"project" in r ? r.project : ""}`;
    case "role":
      return `its role ${m.has} does not allow ${r.action} (that needs ${m.needs} or stronger)`;
    default: {
      const named = m.field === "group" ? ("group" in r ? r.group : undefined) : (r as DevtronAppRequest | HelmAppRequest)[m.field];
      if (m.rule === "all" || named === undefined)
        return `it names ${PLURAL[m.field]}, and ${r.action} needs one that covers all ${PLURAL[m.field]} (${PLURAL[m.field]}: [])`;
      return `it does not cover ${m.field} ${named}`;
    }
  }
}

export type AppRef = { project: string; name: string };
export type HelmAppRef = { project: string; environment: string; name: string };

const devtronApp = (action: DevtronAppAction, app: AppRef, environment?: string): DevtronAppRequest => ({
  entity: "devtron-app",
  action,
  project: app.project,
  app: app.name,
  ...(environment === undefined ? {} : { environment }),
});

const helmApp = (action: HelmAppAction, h: HelmAppRef): HelmAppRequest => ({
  entity: "helm-app",
  action,
  project: h.project,
  environment: h.environment,
  app: h.name,
});

export const canReadApp = (p: Permissions, app: AppRef) => authorize(p, devtronApp("read", app));
export const canCreateApp = (p: Permissions, project: string) => authorize(p, { entity: "devtron-app", action: "create", project });
export const canUpdateApp = (p: Permissions, app: AppRef) => authorize(p, devtronApp("update", app));
export const canDeleteApp = (p: Permissions, app: AppRef) => authorize(p, devtronApp("delete", app));
export const canTriggerDeployment = (p: Permissions, app: AppRef, environment: string) =>
  authorize(p, devtronApp("trigger", app, environment));

export const canReadHelmApp = (p: Permissions, h: HelmAppRef) => authorize(p, helmApp("read", h));
export const canUpdateHelmApp = (p: Permissions, h: HelmAppRef) => authorize(p, helmApp("update", h));
export const canInstallHelmApp = (p: Permissions, project: string, environment: string) =>
  authorize(p, { entity: "helm-app", action: "install", project, environment });
export const canDeleteHelmApp = (p: Permissions, h: HelmAppRef) => authorize(p, helmApp("delete", h));

export const canReadChartGroups = (p: Permissions) => authorize(p, { entity: "chart-group", action: "read" });
export const canUpdateChartGroup = (p: Permissions, name: string) => authorize(p, { entity: "chart-group", action: "update", group: name });
export const canCreateChartGroup = (p: Permissions) => authorize(p, { entity: "chart-group", action: "create" });
export const canDeleteChartGroup = (p: Permissions, name: string) => authorize(p, { entity: "chart-group", action: "delete", group: name });

// ---- List filters: the same read rules, shaped for a SQL where-clause. -------------------------

/** Devtron apps readable in `project`: `apps: []` means every app in it. */
export type AppReadScope = { project: string; apps: string[] };
/** Helm apps readable: in `project`, in these environments, with these names (`[]` = all). */
export type HelmAppReadScope = { project: string; environments: string[]; apps: string[] };

/** "all", or one entry per readable project (an empty list reads nothing). */
export function appReadFilter(p: Permissions): "all" | AppReadScope[] {
  if (p.superAdmin) return "all";
  const byProject = new Map<string, Set<string> | "all">();
  for (const g of p.grants) {
    if (g.entity !== "devtron-app") continue;
    const known = byProject.get(g.project);
    if (g.apps.length === 0 || known === "all") byProject.set(g.project, "all");
    else byProject.set(g.project, new Set([...(known ?? []), ...g.apps]));
  }
  return [...byProject].map(([project, apps]) => ({ project, apps: apps === "all" ? [] : [...apps] }));
}

/** "all", or one entry per distinct helm-app grant scope (an empty list reads nothing). */
export function helmAppReadFilter(p: Permissions): "all" | HelmAppReadScope[] {
  if (p.superAdmin) return "all";
  // Environments × apps is a product, so grants stay separate instead of being merged per project.
  const scopes = new Map<string, HelmAppReadScope>();
  for (const g of p.grants) {
    if (g.entity !== "helm-app") continue;
    const scope = { project: g.project, environments: [...g.environments], apps: [...g.apps] };
    scopes.set(JSON.stringify(scope), scope);
  }
  return [...scopes.values()];
}
