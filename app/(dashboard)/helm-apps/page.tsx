import type { Metadata } from "next";
import { HelmAppsTable } from "@/components/catalog/helm-apps-table";
import { PageLayout } from "@/components/page-header";
import type { SearchParams } from "@/lib/list-query";
import { canInstallHelmApp, helmAppReadFilter } from "@/lib/permissions/policy";
import { helmAppsQueryFromUrl } from "@/lib/schemas/catalog";
import { requireUser } from "@/server/auth/current-user";
import { listHelmApps } from "@/server/catalog/helm-apps";
import { allEnvironments, allProjectNames } from "../apps/catalog-names";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Helm apps" };

export default async function HelmAppsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = helmAppsQueryFromUrl(await searchParams);
  const filters = { project: query.project, environment: query.environment };
  const scope = helmAppReadFilter(user.permissions);
  const [result, allProjects, environments] = await Promise.all([
    listHelmApps(user, query),
    scope === "all" ? allProjectNames() : Promise.resolve([]),
    allEnvironments(),
  ]);
  // Filters offer what the user's grants reach: any project for a super admin, else the granted ones.
  const projects = scope === "all" ? allProjects : [...new Set(scope.map((s) => s.project))].sort();
  const envNames =
    scope === "all" || scope.some((s) => s.environments.length === 0)
      ? environments.names
      : environments.names.filter((e) => scope.some((s) => s.environments.includes(e)));
  const installTargets = projects
    .map((project) => ({ project, environments: environments.names.filter((env) => canInstallHelmApp(user.permissions, project, env)) }))
    .filter((t) => t.environments.length > 0);

  return (
    <PageLayout title="Helm apps" description="Chart releases installed in an environment of a project. You see the ones your roles reach.">
      <HelmAppsTable
        list={{ ...query, ...result }}
        {...filters}
        projects={projects}
        environments={envNames}
        permissions={user.permissions}
        installTargets={installTargets}
      />
    </PageLayout>
  );
}
