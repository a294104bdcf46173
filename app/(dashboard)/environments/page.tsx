import type { Metadata } from "next";
import { EnvironmentsTable } from "@/components/catalog/environments-table";
import { PageHeader } from "@/components/page-header";
import type { SearchParams } from "@/lib/list-query";
import { ENVIRONMENTS_DEFAULT_SORT, environmentsQueryFromUrl } from "@/lib/schemas/catalog";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";
import { listEnvironments } from "@/server/catalog/environments";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = environmentsQueryFromUrl(await searchParams);
  const result = await listEnvironments(query);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Environments"
        description="Where apps are deployed: a namespace on a cluster. Grants can limit roles to some environments."
      />
      <EnvironmentsTable
        environments={result.data}
        total={result.total}
        page={result.page}
        pageSize={result.pageSize}
        sort={query.sort ?? ENVIRONMENTS_DEFAULT_SORT}
        q={query.q}
        canManage={isSuperAdmin(user)}
      />
    </div>
  );
}
