import "server-only";
import { ApiError } from "@/lib/errors";
import { type NameKind, type NameReference, namesReferenced, type Permissions, referencedNameSets } from "@/lib/permissions/schema";
import type { Tx } from "../db";

const NOUN: Record<NameKind, string> = {
  project: "project",
  environment: "environment",
  app: "Devtron app",
  "helm-app": "Helm app",
  "chart-group": "chart group",
};

/**
 * Grants may only name things that exist (docs/permissions.md), and apps must be in the
 * grant's project. Every unknown name is reported at its own path, e.g.
 * `permissions.grants.2.environments.0`.
 */
export async function assertGrantNamesExist(tx: Tx, permissions: Permissions, prefix = "permissions"): Promise<void> {
  if (permissions.superAdmin || permissions.grants.length === 0) return;
  const sets = referencedNameSets(permissions);
  const inSet = (names: Set<string>) => ({ name: { in: [...names] } });
  const [projects, environments, apps, helmApps, groups] = await Promise.all([
    tx.project.findMany({ where: inSet(sets.projects), select: { name: true } }),
    tx.environment.findMany({ where: inSet(sets.environments), select: { name: true } }),
    tx.app.findMany({ where: inSet(sets.apps), select: { name: true, project: { select: { name: true } } } }),
    tx.helmApp.findMany({ where: inSet(sets.helmApps), select: { name: true, project: { select: { name: true } } } }),
    tx.chartGroup.findMany({ where: inSet(sets.groups), select: { name: true } }),
  ]);
  // For apps, "exists" means "exists in this grant's project": project/name pairs.
  const key = (project: string, name: string) => `${project}/${name}`;
  const known: Record<NameKind, Set<string>> = {
    project: new Set(projects.map((p) => p.name)),
    environment: new Set(environments.map((e) => e.name)),
    app: new Set(apps.map((a) => key(a.project.name, a.name))),
    "helm-app": new Set(helmApps.map((h) => key(h.project.name, h.name))),
    "chart-group": new Set(groups.map((g) => g.name)),
  };
  const projectOf = (ref: NameReference) => {
    const index = Number(/grants\.(\d+)\./.exec(ref.path)?.[1]);
    const grant = permissions.grants[index];
    return grant && "project" in grant ? grant.project : "";
  };
  const errors = namesReferenced(permissions, prefix).flatMap((ref) => {
    const scoped = ref.kind === "app" || ref.kind === "helm-app";
    if (known[ref.kind].has(scoped ? key(projectOf(ref), ref.name) : ref.name)) return [];
    return [{ path: ref.path, message: `no ${NOUN[ref.kind]} named ${ref.name}${scoped ? ` in project ${projectOf(ref)}` : ""}` }];
  });
  if (errors.length) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    throw new ApiError("validation_failed", `${first.path} names something that does not exist: ${first.message}${more}.`, { errors });
  }
}
