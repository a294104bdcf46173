import type { Metadata } from "next";
import { EnvironmentsTable } from "@/components/catalog/environments-table";
import { PageLayout } from "@/components/page-header";
import type { SearchParams } from "@/lib/list-query";
import { environmentsQueryFromUrl } from "@/lib/schemas/catalog";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";
import { listEnvironments } from "@/server/catalog/environments";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = environmentsQueryFromUrl(await searchParams);
  return (
    <PageLayout
      title="Environments"
      description="Where apps are deployed: a namespace on a cluster. Grants can limit roles to some environments."
    >
      <EnvironmentsTable list={{ ...query, ...(await listEnvironments(query)) }} canManage={isSuperAdmin(user)} />
    </PageLayout>
  );
}
