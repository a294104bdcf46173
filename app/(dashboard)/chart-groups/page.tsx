import type { Metadata } from "next";
import { ChartGroupsTable } from "@/components/catalog/chart-groups-table";
import { PageLayout } from "@/components/page-header";
import type { SearchParams } from "@/lib/list-query";
import { canCreateChartGroup, canReadChartGroups } from "@/lib/permissions/policy";
import { chartGroupsQueryFromUrl } from "@/lib/schemas/catalog";
import { requireUser } from "@/server/auth/current-user";
import { listChartGroups } from "@/server/catalog/chart-groups";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Chart groups" };

const DESCRIPTION = "Sets of Helm charts that are deployed together.";

export default async function ChartGroupsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  if (!canReadChartGroups(user.permissions)) {
    return (
      <PageLayout title="Chart groups" description={DESCRIPTION}>
        <section aria-labelledby="no-role-title" className="rounded-xl border border-dashed border-line-strong bg-surface p-8 text-center">
          <h2 id="no-role-title" className="text-base font-semibold">
            You have no chart-group role
          </h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-muted">
            Chart groups are visible to anyone with a chart-group permission (View, Update or Admin). Ask a super admin to add one to your
            account.
          </p>
        </section>
      </PageLayout>
    );
  }
  const query = chartGroupsQueryFromUrl(await searchParams);
  return (
    <PageLayout title="Chart groups" description={DESCRIPTION}>
      <ChartGroupsTable
        list={{ ...query, ...(await listChartGroups(user, query)) }}
        permissions={user.permissions}
        canCreate={canCreateChartGroup(user.permissions)}
      />
    </PageLayout>
  );
}
