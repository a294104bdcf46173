import "server-only";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { getDb } from "../db";

/** Every name a grant may refer to, for the permission editor (super-admin pages only). */
export async function loadPermissionCatalog(): Promise<PermissionCatalog> {
  const db = await getDb();
  const byName = { orderBy: { name: "asc" as const } };
  const [projects, environments, apps, helmApps, chartGroups] = await Promise.all([
    db.project.findMany({ select: { name: true }, ...byName }),
    db.environment.findMany({ select: { name: true }, ...byName }),
    db.app.findMany({ select: { name: true, project: { select: { name: true } } }, ...byName }),
    db.helmApp.findMany({
      select: { name: true, project: { select: { name: true } }, environment: { select: { name: true } } },
      ...byName,
    }),
    db.chartGroup.findMany({ select: { name: true }, ...byName }),
  ]);
  return {
    projects: projects.map((p) => p.name),
    environments: environments.map((e) => e.name),
    apps: apps.map((a) => ({ name: a.name, project: a.project.name })),
    helmApps: helmApps.map((h) => ({ name: h.name, project: h.project.name, environment: h.environment.name })),
    chartGroups: chartGroups.map((g) => g.name),
  };
}
