// Entities, roles and the words for them: what the dashboard needs to show permissions, apart
// from the zod schemas that parse them (lib/permissions/schema.ts re-exports all of this), so a
// page that only lists permissions does not load zod.
import type { Grant, Permissions } from "./schema";

export const ENTITIES = ["devtron-app", "helm-app", "chart-group"] as const;
export type Entity = (typeof ENTITIES)[number];

/** Roles per entity, weakest first: a role includes every role before it. */
export const ROLES = {
  "devtron-app": ["view", "trigger", "admin", "manager"],
  "helm-app": ["view", "edit", "admin"],
  "chart-group": ["view", "update", "admin"],
} as const;

export type DevtronAppRole = (typeof ROLES)["devtron-app"][number];
export type HelmAppRole = (typeof ROLES)["helm-app"][number];
export type ChartGroupRole = (typeof ROLES)["chart-group"][number];
export type RoleOf<E extends Entity> = (typeof ROLES)[E][number];

export const ENTITY_LABELS: Record<Entity, string> = {
  "devtron-app": "Devtron app",
  "helm-app": "Helm app",
  "chart-group": "Chart group",
};

// Devtron's own wording, so people moving from Devtron recognise the roles.
export const ROLE_LABELS: { [E in Entity]: Record<RoleOf<E>, string> } = {
  "devtron-app": { view: "View only", trigger: "Build and deploy", admin: "Admin", manager: "Manager" },
  "helm-app": { view: "View only", edit: "View and edit", admin: "Admin" },
  "chart-group": { view: "View", update: "Update", admin: "Admin" },
};

const SHOWN_NAMES = 2;

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN_NAMES).join(", ");
  return names.length > SHOWN_NAMES ? `${shown} +${names.length - SHOWN_NAMES}` : shown;
}

/** One grant in a few words, e.g. "Helm app view in payments/staging". */
export function describeGrant(g: Grant): string {
  const head = `${ENTITY_LABELS[g.entity]} ${g.role}`;
  if (g.entity === "chart-group") return g.groups.length === 0 ? head : `${head} on ${listNames(g.groups)}`;
  const apps = g.apps.length === 0 ? "" : ` on ${listNames(g.apps)}`;
  const environments = g.environments.length === 0 ? "" : `/${listNames(g.environments)}`;
  return `${head}${apps} in ${g.project}${environments}`;
}

const SUMMARIZED_GRANTS = 2;

/** A short line for lists: "Super admin", "No roles", or "3 roles: A, B, …". */
export function summarizePermissions(p: Permissions): string {
  if (p.superAdmin) return "Super admin";
  const count = p.grants.length;
  if (count === 0) return "No roles";
  const shown = p.grants.slice(0, SUMMARIZED_GRANTS).map(describeGrant).join(", ");
  return `${count} role${count === 1 ? "" : "s"}: ${shown}${count > SUMMARIZED_GRANTS ? ", …" : ""}`;
}
