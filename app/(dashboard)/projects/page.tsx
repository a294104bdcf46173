import type { Metadata } from "next";
import { ProjectsTable } from "@/components/catalog/projects-table";
import { PageHeader } from "@/components/page-header";
import type { SearchParams } from "@/lib/list-query";
import { PROJECTS_DEFAULT_SORT, projectsQueryFromUrl } from "@/lib/schemas/catalog";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";
import { listProjects } from "@/server/catalog/projects";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = projectsQueryFromUrl(await searchParams);
  const result = await listProjects(query);
  return (
    <div className="space-y-6">
      <PageHeader title="Projects" description="Projects group apps and Helm apps; permissions are granted per project." />
      <ProjectsTable
        projects={result.data}
        total={result.total}
        page={result.page}
        pageSize={result.pageSize}
        sort={query.sort ?? PROJECTS_DEFAULT_SORT}
        q={query.q}
        canManage={isSuperAdmin(user)}
      />
    </div>
  );
}
