import type { Metadata } from "next";
import { ProjectsTable } from "@/components/catalog/projects-table";
import { PageLayout } from "@/components/page-header";
import type { SearchParams } from "@/lib/list-query";
import { projectsQueryFromUrl } from "@/lib/schemas/catalog";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";
import { listProjects } from "@/server/catalog/projects";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = projectsQueryFromUrl(await searchParams);
  return (
    <PageLayout title="Projects" description="Projects group apps and Helm apps; permissions are granted per project.">
      <ProjectsTable list={{ ...query, ...(await listProjects(query)) }} canManage={isSuperAdmin(user)} />
    </PageLayout>
  );
}
