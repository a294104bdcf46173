// The one place that decides what a principal may do (docs/permissions.md). Pure and browser-safe, so the
// dashboard hides exactly the buttons the API would refuse.
import {
  type ChartGroupGrant,
  type ChartGroupRole,
  type DevtronAppGrant,
  type DevtronAppRole,
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

function devtronAppGrantAllows(g: DevtronAppGrant, r: DevtronAppRequest): boolean {
  if (g.project !== r.project || !roleAtLeast("devtron-app", g.role, DEVTRON_APP_NEEDS[r.action])) return false;
  switch (r.action) {
    case "read":
    case "update":
    case "delete":
      // Environments scope deployments, not the app itself.
      return covers(g.apps, r.app);
    case "trigger":
      return covers(g.environments, r.environment) && covers(g.apps, r.app);
    case "create":
      // A grant naming apps cannot reach an app that does not exist yet.
      return g.apps.length === 0;
  }
}

const HELM_APP_NEEDS: Record<HelmAppAction, HelmAppRole> = {
  read: "view",
  update: "edit",
  install: "admin",
  delete: "admin",
};

function helmAppGrantAllows(g: HelmAppGrant, r: HelmAppRequest): boolean {
  if (g.project !== r.project || !roleAtLeast("helm-app", g.role, HELM_APP_NEEDS[r.action])) return false;
  if (!covers(g.environments, r.environment)) return false;
  return r.action === "install" ? g.apps.length === 0 : covers(g.apps, r.app);
}

const CHART_GROUP_NEEDS: Record<ChartGroupAction, ChartGroupRole> = {
  read: "view",
  update: "update",
  create: "admin",
  delete: "admin",
};

function chartGroupGrantAllows(g: ChartGroupGrant, r: ChartGroupRequest): boolean {
  if (!roleAtLeast("chart-group", g.role, CHART_GROUP_NEEDS[r.action])) return false;
  switch (r.action) {
    case "read":
      // Chart groups are a shared catalog: any chart-group grant reads all of them.
      return true;
    case "update":
    case "delete":
      return covers(g.groups, r.group);
    case "create":
      return g.groups.length === 0;
  }
}

function grantAllows(g: Grant, r: Exclude<AccessRequest, CatalogRequest>): boolean {
  if (g.entity === "devtron-app" && r.entity === "devtron-app") return devtronAppGrantAllows(g, r);
  if (g.entity === "helm-app" && r.entity === "helm-app") return helmAppGrantAllows(g, r);
  if (g.entity === "chart-group" && r.entity === "chart-group") return chartGroupGrantAllows(g, r);
  return false;
}

/** May this principal do this? Allowed when any single grant allows it; grants never combine. */
export function authorize(p: Permissions, request: AccessRequest): boolean {
  if (p.superAdmin) return true;
  if (request.entity === "catalog") return false;
  return p.grants.some((g) => grantAllows(g, request));
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
