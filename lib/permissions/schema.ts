// The permission representation shared by users and tokens (docs/design.md, "Permissions"). Browser-safe: the
// dashboard validates and summarizes with the same code the API uses.
import { z } from "zod";
import { ENTITIES, ROLES } from "./labels";

export {
  type ChartGroupRole,
  type DevtronAppRole,
  describeGrant,
  ENTITIES,
  ENTITY_LABELS,
  type Entity,
  type HelmAppRole,
  ROLE_LABELS,
  ROLES,
  type RoleOf,
  summarizePermissions,
} from "./labels";

export const NAME_MAX = 50;
export const NAMES_MAX = 200;
export const GRANTS_MAX = 100;

const name = z
  .string({ error: (iss) => (iss.input === undefined ? "is required" : "must be a string") })
  .trim()
  .min(1, "must not be empty")
  .max(NAME_MAX, `must be at most ${NAME_MAX} characters`);

/** A list of names; empty means "all, existing and future". */
function nameList(noun: string) {
  return z
    .array(name, { error: (iss) => (iss.input === undefined ? "is required" : `must be a list of ${noun} names`) })
    .max(NAMES_MAX, `must list at most ${NAMES_MAX} ${noun}s`)
    .superRefine(rejectDuplicates);
}

// Rejected rather than silently removed, so the index in an error path (and in namesReferenced)
// is the index the caller sent.
function rejectDuplicates(names: string[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    const first = seen.get(n);
    if (first === undefined) seen.set(n, i);
    else ctx.addIssue({ code: "custom", path: [i], message: `repeats "${n}" (already at position ${first})` });
  });
}

function roleOf<const R extends readonly [string, ...string[]]>(roles: R) {
  const message = `must be one of ${roles.join(", ")}`;
  return z.enum(roles, { error: (iss) => (iss.input === undefined ? `is required and ${message}` : message) });
}

// Unknown fields are refused rather than dropped: a typo like "enviroments" must not silently
// widen a grant to "all environments".
function strictFields(iss: { code: string; keys?: string[] }): string | undefined {
  if (iss.code === "unrecognized_keys") return `has unknown field${iss.keys?.length === 1 ? "" : "s"}: ${iss.keys?.join(", ")}`;
  if (iss.code === "invalid_type") return "must be an object";
  return undefined;
}

export const devtronAppGrantSchema = z.strictObject(
  {
    entity: z.literal("devtron-app"),
    project: name,
    environments: nameList("environment"),
    apps: nameList("app"),
    role: roleOf(ROLES["devtron-app"]),
  },
  { error: strictFields },
);

export const helmAppGrantSchema = z.strictObject(
  {
    entity: z.literal("helm-app"),
    project: name,
    environments: nameList("environment"),
    apps: nameList("app"),
    role: roleOf(ROLES["helm-app"]),
  },
  { error: strictFields },
);

export const chartGroupGrantSchema = z.strictObject(
  {
    entity: z.literal("chart-group"),
    groups: nameList("chart group"),
    role: roleOf(ROLES["chart-group"]),
  },
  { error: strictFields },
);

export const grantSchema = z.discriminatedUnion("entity", [devtronAppGrantSchema, helmAppGrantSchema, chartGroupGrantSchema], {
  error: (iss) => {
    if (iss.code === "invalid_union") return `must be one of ${ENTITIES.join(", ")}`;
    if (iss.code === "invalid_type") return "must be an object";
    return undefined;
  },
});

export const permissionsSchema = z.discriminatedUnion(
  "superAdmin",
  [
    z.strictObject(
      { superAdmin: z.literal(true) },
      {
        error: (iss) =>
          iss.code === "unrecognized_keys" ? `a super admin already has every permission; remove ${iss.keys.join(", ")}` : undefined,
      },
    ),
    z.strictObject(
      {
        superAdmin: z.literal(false),
        // Missing grants means "no roles yet", like a token created through /orchestrator.
        grants: z
          .array(grantSchema, { error: "must be a list of grants" })
          .max(GRANTS_MAX, `must have at most ${GRANTS_MAX} grants`)
          .default([]),
      },
      { error: strictFields },
    ),
  ],
  {
    error: (iss) => {
      if (iss.code === "invalid_union") return "must be true or false";
      if (iss.code === "invalid_type") return "must be an object";
      return undefined;
    },
  },
);

export type DevtronAppGrant = z.infer<typeof devtronAppGrantSchema>;
export type HelmAppGrant = z.infer<typeof helmAppGrantSchema>;
export type ChartGroupGrant = z.infer<typeof chartGroupGrantSchema>;
export type Grant = z.infer<typeof grantSchema>;
export type Permissions = z.infer<typeof permissionsSchema>;

export const SUPER_ADMIN: Permissions = { superAdmin: true };
export const NO_PERMISSIONS: Permissions = { superAdmin: false, grants: [] };

export type NameKind = "project" | "environment" | "app" | "helm-app" | "chart-group";

/** One name a grant refers to, with the dotted path of the field that holds it. */
export type NameReference = { kind: NameKind; name: string; path: string };

/**
 * Every name the permissions refer to, so a server can check that each exists before saving and
 * answer 400 at the exact path (e.g. `permissions.grants.2.environments.0`).
 */
export function namesReferenced(p: Permissions, prefix = "permissions"): NameReference[] {
  if (p.superAdmin) return [];
  return p.grants.flatMap((g, i) => grantNames(g, `${prefix}.grants.${i}`));
}

function grantNames(g: Grant, at: string): NameReference[] {
  const list = (kind: NameKind, field: string, names: string[]) => names.map((name, j) => ({ kind, name, path: `${at}.${field}.${j}` }));
  switch (g.entity) {
    case "devtron-app":
    case "helm-app":
      return [
        { kind: "project", name: g.project, path: `${at}.project` },
        ...list("environment", "environments", g.environments),
        ...list(g.entity === "devtron-app" ? "app" : "helm-app", "apps", g.apps),
      ];
    case "chart-group":
      return list("chart-group", "groups", g.groups);
  }
}

export type ReferencedNames = {
  projects: Set<string>;
  environments: Set<string>;
  apps: Set<string>;
  helmApps: Set<string>;
  groups: Set<string>;
};

/** The distinct names per kind, for one existence query per table. */
export function referencedNameSets(p: Permissions): ReferencedNames {
  const sets: ReferencedNames = {
    projects: new Set(),
    environments: new Set(),
    apps: new Set(),
    helmApps: new Set(),
    groups: new Set(),
  };
  const bucket: Record<NameKind, Set<string>> = {
    project: sets.projects,
    environment: sets.environments,
    app: sets.apps,
    "helm-app": sets.helmApps,
    "chart-group": sets.groups,
  };
  for (const ref of namesReferenced(p)) bucket[ref.kind].add(ref.name);
  return sets;
}
