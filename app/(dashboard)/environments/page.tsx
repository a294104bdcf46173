import type { Metadata } from "next";
import { ENVIRONMENTS_DEFAULT_SORT, EnvironmentsTable } from "@/components/catalog/environments-table";
import { PageHeader } from "@/components/page-header";
import { listQuery, type SearchParams } from "@/lib/list-query";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";
import { listEnvironments } from "@/server/catalog/environments";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Environments" };

const SORTS = ["name", "createdAt"] as const;

export default async function EnvironmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = listQuery(await searchParams, SORTS);
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
