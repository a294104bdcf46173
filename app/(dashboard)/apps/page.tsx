import type { Metadata } from "next";
import { AppsTable } from "@/components/catalog/apps-table";
import { PageLayout } from "@/components/page-header";
import type { SearchParams } from "@/lib/list-query";
import { appReadFilter, canCreateApp } from "@/lib/permissions/policy";
import { appsQueryFromUrl } from "@/lib/schemas/catalog";
import { requireUser } from "@/server/auth/current-user";
import { listApps } from "@/server/catalog/apps";
import { allProjectNames } from "./catalog-names";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Apps" };

export default async function AppsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = appsQueryFromUrl(await searchParams);
  const { project } = query;
  const scope = appReadFilter(user.permissions);
  const [result, projects] = await Promise.all([
    listApps(user, query),
    // A super admin filters by any project; everyone else by the projects their grants reach.
    scope === "all" ? allProjectNames() : Promise.resolve([...new Set(scope.map((s) => s.project))].sort()),
  ]);
  return (
    <PageLayout title="Apps" description="Devtron applications, and where they are deployed. You see the apps your roles reach.">
      <AppsTable
        list={{ ...query, ...result }}
        project={project}
        projects={projects}
        creatableProjects={projects.filter((p) => canCreateApp(user.permissions, p))}
      />
    </PageLayout>
  );
}
