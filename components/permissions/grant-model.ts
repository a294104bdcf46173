import { z } from "zod";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { type Entity, type Grant, type Permissions, permissionsSchema, ROLES } from "@/lib/permissions/schema";

// The editor's rules, kept pure so they are easy to read and to test.
//
// In a grant an empty list means "all, existing and future". A multi-select that is left
// with neither "All" nor any name therefore needs a value of its own: it is kept as a
// list holding one empty name. Such a grant can never be saved as "all" by accident —
// validatePermissions() refuses it, and so does the API ("must not be empty").

export const ALL_LABEL = "All (existing and future)";

export type ListField = "environments" | "apps" | "groups";
export type GrantField = "entity" | "project" | ListField | "role";

export const nothingChosen = (): string[] => [""];
export const isNothingChosen = (names: readonly string[]) => names.includes("");

export function newGrant(entity: Entity = "devtron-app"): Grant {
  if (entity === "chart-group") return { entity, groups: nothingChosen(), role: "view" };
  return { entity, project: "", environments: nothingChosen(), apps: nothingChosen(), role: "view" };
}

const keepRole = (entity: Entity, role: string) => ((ROLES[entity] as readonly string[]).includes(role) ? role : "view");

/** A new entity keeps what still makes sense: project and environments between app kinds, "All" apps, a role both have. */
export function changeEntity(g: Grant, entity: Entity): Grant {
  if (g.entity === entity) return g;
  const role = keepRole(entity, g.role);
  if (entity === "chart-group" || g.entity === "chart-group") return { ...newGrant(entity), role } as Grant;
  const apps = g.apps.length === 0 ? [] : nothingChosen();
  return { entity, project: g.project, environments: g.environments, apps, role } as Grant;
}

/** Names of the apps (Devtron or Helm, by the grant's entity) in a project, sorted and distinct. */
export function appsOfProject(catalog: PermissionCatalog, entity: Entity, project: string): string[] {
  const list = entity === "helm-app" ? catalog.helmApps : entity === "devtron-app" ? catalog.apps : [];
  return [...new Set(list.filter((a) => a.project === project).map((a) => a.name))].sort();
}

/** Another project keeps "All" apps and the chosen apps that also exist there. */
export function changeProject(g: Grant, project: string, catalog: PermissionCatalog): Grant {
  if (g.entity === "chart-group" || g.project === project) return g;
  if (g.apps.length === 0) return { ...g, project };
  const there = new Set(appsOfProject(catalog, g.entity, project));
  const apps = g.apps.filter((a) => there.has(a));
  return { ...g, project, apps: apps.length ? apps : nothingChosen() };
}

export const LIST_NOUNS: Record<Entity, Partial<Record<ListField, string>>> = {
  "devtron-app": { environments: "environment", apps: "app" },
  "helm-app": { environments: "environment", apps: "Helm app" },
  "chart-group": { groups: "chart group" },
};

export type FieldError = { path: string; message: string };

const CHOOSE = "Choose ";
/** A message of validatePermissions(): shown only while its field is still unfinished. */
export const isChoiceMessage = (message: string) => message.startsWith(CHOOSE);

/** Client-side checks, with the API's paths (`permissions.grants.0.project`), so both kinds of error render alike. */
export function validatePermissions(p: Permissions, prefix = "permissions"): FieldError[] {
  if (p.superAdmin) return [];
  const errors: FieldError[] = [];
  p.grants.forEach((g, i) => {
    const at = `${prefix}.grants.${i}`;
    if (g.entity !== "chart-group" && !g.project.trim()) errors.push({ path: `${at}.project`, message: `${CHOOSE}a project` });
    for (const [field, noun] of Object.entries(LIST_NOUNS[g.entity]) as [ListField, string][]) {
      const names = (g as Partial<Record<ListField, string[]>>)[field] ?? [];
      if (isNothingChosen(names)) errors.push({ path: `${at}.${field}`, message: `${CHOOSE}at least one ${noun}, or ${ALL_LABEL}` });
    }
  });
  return errors;
}

/**
 * The permissions field of a form: an unfinished list is refused with validatePermissions' "Choose …"
 * (what to do) before the API's own schema (what is wrong) checks the rest.
 */
export const permissionsField = z
  .custom<Permissions>()
  .transform((permissions, ctx): unknown => {
    for (const { path, message } of validatePermissions(permissions)) {
      ctx.addIssue({ code: "custom", path: path.split(".").slice(1), message });
    }
    return permissions;
  })
  .pipe(permissionsSchema);

export type GrantErrors = { grant: string[]; fields: Partial<Record<GrantField, string[]>> };
export type PermissionErrors = { general: string[]; grants: Map<number, GrantErrors> };

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * API errors sorted to where they belong: `permissions.grants.2.environments.0` goes under that
 * grant's environments; `permissions`, `permissions.superAdmin` and unknown paths go above the list.
 * Paths outside `permissions` (a token's name, say) are left to the rest of the form.
 */
export function groupPermissionErrors(errors: readonly FieldError[] | undefined): PermissionErrors {
  const result: PermissionErrors = { general: [], grants: new Map() };
  const push = (list: string[], message: string) => (list.includes(message) ? undefined : list.push(message));
  for (const { path, message } of errors ?? []) {
    const rest = path === "permissions" ? "" : path.startsWith("permissions.") ? path.slice("permissions.".length) : null;
    if (rest === null) continue;
    const match = /^grants\.(\d+)(?:\.([A-Za-z]+)(?:\.(\d+))?)?/.exec(rest);
    if (!match) {
      push(result.general, capitalize(message));
      continue;
    }
    const index = Number(match[1]);
    const entry = result.grants.get(index) ?? { grant: [], fields: {} };
    result.grants.set(index, entry);
    const field = match[2] as GrantField | undefined;
    if (field && ["entity", "project", "environments", "apps", "groups", "role"].includes(field)) {
      entry.fields[field] ??= [];
      push(entry.fields[field], match[3] === undefined ? message : capitalize(message));
    } else {
      push(entry.grant, capitalize(message));
    }
  }
  return result;
}
