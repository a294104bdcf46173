import type { Metadata } from "next";
import { requireSuperAdmin } from "@/app/(dashboard)/require-super-admin";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditFilters, AuditPagination } from "@/components/audit/audit-filters";
import { PageLayout } from "@/components/page-header";
import type { SearchParams } from "@/lib/list-query";
import { auditEventsQueryFromUrl } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/server/audit/list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { refusal } = await requireSuperAdmin("Only super admins can read the audit log");
  if (refusal) return refusal;
  const query = auditEventsQueryFromUrl(await searchParams);
  const result = await listAuditEvents(query);
  return (
    <PageLayout
      title="Audit log"
      description="Every change to tokens, users and the catalog: who did it, when, from where, and what changed. Secrets are never recorded."
    >
      <AuditFilters action={query.action} tokenId={query.tokenId} />
      <AuditEventsTable
        events={result.data}
        caption="Audit events, newest first"
        empty={query.action || query.tokenId ? "No events match these filters." : "No events yet."}
      />
      {result.total > 0 ? <AuditPagination page={result.page} pageSize={result.pageSize} total={result.total} /> : null}
    </PageLayout>
  );
}
