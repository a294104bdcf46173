import "server-only";
import { ApiError } from "@/lib/errors";
import { namesReferenced, referencedNameSets, type NameKind, type Permissions } from "@/lib/permissions/schema";
import type { Tx } from "../db";

/**
 * Grants may only name things that exist (DESIGN.md §4). Every unknown name is
 * reported at its own path, e.g. `permissions.grants.2.environments.0`.
 */
export async function assertGrantNamesExist(tx: Tx, permissions: Permissions, prefix = "permissions"): Promise<void> {
  if (permissions.superAdmin || permissions.grants.length === 0) return;
  const sets = referencedNameSets(permissions);
  const lookup = async (names: Set<string>, find: (n: string[]) => Promise<{ name: string }[]>) =>
    names.size ? new Set((await find([...names])).map((r) => r.name)) : new Set<string>();
  const select = { name: true } as const;
  const [projects, environments, apps, helmApps, groups] = await Promise.all([
    lookup(sets.projects, (n) => tx.project.findMany({ where: { name: { in: n } }, select })),
    lookup(sets.environments, (n) => tx.environment.findMany({ where: { name: { in: n } }, select })),
    lookup(sets.apps, (n) => tx.app.findMany({ where: { name: { in: n } }, select })),
    lookup(sets.helmApps, (n) => tx.helmApp.findMany({ where: { name: { in: n } }, select, distinct: ["name"] })),
    lookup(sets.groups, (n) => tx.chartGroup.findMany({ where: { name: { in: n } }, select })),
  ]);
  const known: Record<NameKind, Set<string>> = { project: projects, environment: environments, app: apps, "helm-app": helmApps, "chart-group": groups };
  const noun: Record<NameKind, string> = { project: "project", environment: "environment", app: "Devtron app", "helm-app": "Helm app", "chart-group": "chart group" };
  const errors = namesReferenced(permissions, prefix)
    .filter((ref) => !known[ref.kind].has(ref.name))
    .map((ref) => ({ path: ref.path, message: `no ${noun[ref.kind]} named ${ref.name}` }));
  if (errors.length) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    throw new ApiError("validation_failed", `${first.path} names something that does not exist: ${first.message}${more}.`, { errors });
  }
}
